"""What myobib asks PubMed about a reference, and how it judges the records PubMed proposes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from myobib import load
from myobib.crossref.match import AMBIGUOUS, MATCHED, REJECTED
from myobib.model import Reference
from myobib.ncbi.match import citation, decide_pubmed, query, verify_pubmed
from myobib.ncbi.records import candidate
from tests.ncbi_server import NcbiStandIn, docsum, esearch


@pytest.fixture(scope="module")
def seed(seed_path):
    return {ref.list_number: ref for ref in load(seed_path)}


@pytest.fixture(scope="module")
def corpus():
    return NcbiStandIn().corpus


def record(corpus, pmid: str):
    return candidate(docsum(corpus, corpus.by_pmid[pmid].rec))


def test_a_reference_as_an_ecitmatch_citation(seed):
    cite = citation(seed[6], "k")
    assert (cite.journal, cite.year, cite.volume, cite.first_page, cite.author) == (
        "Arthritis Rheumatol",
        "2017",
        "69",
        "2271",
        "Lundberg IE",
    )
    assert citation(seed[3], "k").first_page == "S57" and citation(seed[15], "k").first_page == "6"
    assert citation(seed[6].replace(container_title=None, container_title_short=None), "k") is None
    assert citation(seed[6].replace(type="chapter"), "k") is None


def test_the_search_term_covers_author_title_and_doi_and_the_standin_reads_it(seed, corpus):
    term = query(seed[9].replace(DOI="10.1093/rheumatology/keac115"))
    assert '"Oldroyd AGS"[1au] AND 2021:2023[dp] AND "Rheumatology (Oxford)"[ta]' in term
    assert "paediatric[ti]" in term and '"10.1093/rheumatology/keac115"[doi]' in term
    assert "ERROR" not in esearch(corpus, {"term": term})["esearchresult"]
    odd = Reference(
        title='Risk "[high]" (or not) AND beyond: a cohort',
        author=seed[7].author,
        issued=seed[7].issued,
        container_title_short='Chest [Internet] "x"',
    )
    assert "ERROR" not in esearch(corpus, {"term": query(odd)})["esearchresult"]
    assert query(Reference(title="Myositis")) is None  # one word, no author: nothing to search with


def test_ecitmatchs_wrong_proposals_are_refused(seed, corpus):
    lundberg = verify_pubmed(seed[6], record(corpus, "29106061"), "ECitMatch proposed")
    assert lundberg.status == MATCHED and "7 fields agree" in lundberg.reasons[0]
    other_year = verify_pubmed(seed[6], record(corpus, "99000001"), "ECitMatch proposed")
    assert other_year.status == REJECTED and "99000001 does not fit" in other_year.reasons[0]
    trap = verify_pubmed(seed[1], record(corpus, "99000002"), "ECitMatch proposed")  # seed 1 is not in this PubMed
    assert trap.status == REJECTED
    erratum = verify_pubmed(seed[10], record(corpus, "99000003"), "ECitMatch proposed")
    assert erratum.status == REJECTED and "notice" in erratum.reasons[0]
    reply = verify_pubmed(seed[6].replace(issued=None), record(corpus, "99000005"), "ECitMatch proposed")
    assert reply.status == REJECTED


def test_of_two_works_with_near_titles_the_one_the_reference_names_wins(corpus):
    cited = candidate(docsum(corpus, corpus.by_pmid["99000011"].rec)).record.replace(PMID=None, DOI=None)
    twins = [record(corpus, "99000011"), record(corpus, "99000012")]
    result = decide_pubmed(cited, twins)
    assert result.status == MATCHED and result.accepted.candidate.record.PMID == "99000011"
    assert decide_pubmed(cited.replace(title=None), twins).status != MATCHED
    both_named = decide_pubmed(cited, [twins[0], replace(twins[0], doi="10.1/other")])
    assert both_named.status == AMBIGUOUS and "PMID 99000011" in both_named.reasons[0]
