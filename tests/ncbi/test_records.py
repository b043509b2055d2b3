"""Recorded PubMed bodies as myobib values: a DocSum as a Reference, EFetch links as Crossref's flags."""

from __future__ import annotations

import json

from myobib.crossref.enrich import update_flags
from myobib.model import Date, Name
from myobib.ncbi.client import _parse_efetch
from myobib.ncbi.records import article_ids, candidate, flags, to_reference
from tests.conftest import SHARED

SAMPLES = SHARED / "ncbi-samples"


def recorded_docsum() -> dict:
    return json.loads((SAMPLES / "esummary-json-pubmed-27933103.json").read_text())["result"]["27933103"]


def test_a_recorded_docsum_becomes_a_reference():
    ref = to_reference(recorded_docsum())
    assert ref.PMID == "27933103" and ref.PMCID == "PMC5122160" and ref.DOI == "10.1186/s13321-016-0181-z"
    assert ref.author[0] == Name("Scalfani", "VF") and len(ref.author) == 8
    assert (ref.container_title_short, ref.container_title) == ("J Cheminform", "Journal of cheminformatics")
    assert ref.issued == Date(2016) and ref.extra["available-date"] == {"date-parts": [[2016, 11, 23]]}
    assert (ref.volume, ref.page, ref.issue) == ("8", "66", None)


def test_the_odd_pmcid_form_and_the_elocation_doi_are_read():
    doc = {"articleids": [{"idtype": "pmcid", "value": "pmc-id: PMC5122160;"}], "elocationid": "doi: 10.1/x."}
    assert article_ids(doc) == {"pmc": "PMC5122160", "doi": "10.1/x"}


def test_abbreviated_pages_collective_names_and_notices():
    doc = {
        **recorded_docsum(),
        "pages": "2271-82",
        "pubtype": ["Published Erratum"],
        "authors": [{"name": "GENCODE Consortium", "authtype": "CollectiveName"}, {"name": "Smith J"}],
    }
    ref = to_reference(doc)
    assert ref.page == "2271-2282" and ref.page_as_written == "2271-82" and ref.page_first == "2271"
    assert ref.author == (Name(literal="GENCODE Consortium"), Name("Smith", "J")) and ref.notice == "erratum"
    assert candidate(doc).notice and candidate(doc).source == "pubmed"


def test_recorded_efetch_links_become_crossrefs_flags():
    erratum = _parse_efetch((SAMPLES / "efetch-pubmed-xml-erratumin-35649368.xml").read_bytes())["35649368"]
    assert flags(erratum) == ["corrected:10.1016/j.celrep.2022.111044"]
    assert erratum.ids == {"doi": "10.1016/j.celrep.2022.110870"} and erratum.status == "ppublish"
    # The same notice from Crossref's updated-by is the same flag.
    assert flags(erratum) == update_flags(
        {"updated-by": [{"type": "correction", "DOI": "10.1016/j.celrep.2022.111044"}]}
    )
    retracted = _parse_efetch((SAMPLES / "efetch-pubmed-xml-retracted-9500320-TRIMMED.xml").read_bytes())["9500320"]
    assert flags(retracted) == [
        "commented:pmid:9500313",
        "retracted:10.1016/S0140-6736(10)60175-4",
        "concern:pmid:21971344",
    ]


def test_a_retracted_publication_without_its_link_is_still_flagged():
    assert flags(None, {"pubtype": ["Journal Article", "Retracted Publication"]}) == ["retracted:?"]
    assert flags(None, {"pubtype": ["Journal Article"]}) == []
