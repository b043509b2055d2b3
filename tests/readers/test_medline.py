"""The MEDLINE / .nbib reader on records shaped like PubMed's "PubMed format" export."""

from __future__ import annotations

import pytest

from myobib import Date, InputError, Name
from myobib.readers import medline
from tests.linecheck import unaccounted_lines

NBIB = """\
PMID- 29106061
OWN - NLM
STAT- MEDLINE
DCOM- 20180607
IS  - 2326-5205 (Electronic)
IS  - 2326-5191 (Linking)
VI  - 69
IP  - 12
DP  - 2017 Dec
TI  - 2017 European League Against Rheumatism/American College of Rheumatology
      classification criteria for adult and juvenile idiopathic inflammatory
      myopathies and their major subgroups.
PG  - 2271-2282
LID - 10.1002/art.40320 [doi]
AB  - OBJECTIVE: To develop and validate new classification criteria for idiopathic
      inflammatory myopathies (IIM) and their major subgroups.
FAU - Lundberg, Ingrid E
AU  - Lundberg IE
AD  - Karolinska Institutet, Stockholm, Sweden.
FAU - Tjärnlund, Anna
AU  - Tjärnlund A
FAU - Selva-O'Callaghan, Albert
AU  - Selva-O'Callaghan A
CN  - International Myositis Classification Criteria Project consortium
LA  - eng
PT  - Journal Article
PT  - Research Support, N.I.H., Extramural
DEP - 20171027
PL  - United States
TA  - Arthritis Rheumatol
JT  - Arthritis & rheumatology (Hoboken, N.J.)
JID - 101623795
PMC - PMC5846474
EIN - Arthritis Rheumatol. 2018 Sep;70(9):1532. PMID: 30146812
SO  - Arthritis Rheumatol. 2017 Dec;69(12):2271-2282. doi: 10.1002/art.40320. Epub 2017 Oct 27.

PMID- 27488620
TI  - The wound/burn guidelines - 4: Guidelines for the management of skin ulcers
      associated with connective tissue disease/vasculitis.
PG  - 729-57
FAU - Fujimoto, Manabu
AU  - Fujimoto M
DP  - 2016 Jul
TA  - J Dermatol
VI  - 43
IP  - 7
AID - 10.1111/1346-8138.13275 [doi]
AID - S0012-3692(16)58998-9 [pii]

PMID- 17397768
TI  - Guidelines on the use of intravenous immune globulin for neurologic conditions.
DP  - 2007 Apr
VI  - 21
IP  - 2 Suppl 1
PG  - S57-107
AU  - Feasby T
TA  - Transfus Med Rev
"""


@pytest.fixture(scope="module")
def bib():
    return medline.loads(NBIB, "pubmed.nbib")


def test_reads_every_record_and_accounts_for_every_line(bib):
    assert [ref.PMID for ref in bib] == ["29106061", "27488620", "17397768"]
    assert bib.report.unparsed == [] and bib.report.warnings == []
    assert unaccounted_lines(bib, NBIB) == []


def test_title_joins_continuation_lines_and_drops_the_final_period(bib):
    assert bib[0].title == (
        "2017 European League Against Rheumatism/American College of Rheumatology classification criteria "
        "for adult and juvenile idiopathic inflammatory myopathies and their major subgroups"
    )


def test_authors_from_au_with_collective_names(bib):
    assert bib[0].author == (
        Name(family="Lundberg", given="IE"),
        Name(family="Tjärnlund", given="A"),
        Name(family="Selva-O'Callaghan", given="A"),
        Name(literal="International Myositis Classification Criteria Project consortium"),
    )
    assert bib[0].extra["medline"]["FAU"][0] == "Lundberg, Ingrid E"


def test_journal_date_volume_issue_pages(bib):
    first, second, third = bib
    assert first.container_title_short == "Arthritis Rheumatol"
    assert first.container_title == "Arthritis & rheumatology (Hoboken, N.J.)"
    assert first.issued == Date(2017, 12)
    assert (first.volume, first.issue, first.page, first.page_first) == ("69", "12", "2271-2282", "2271")
    assert (second.page, second.page_as_written) == ("729-757", "729-57")
    assert (third.issue, third.supplement, third.page) == ("2 Suppl 1", "1", "S57-S107")


def test_identifiers(bib):
    first, second, _ = bib
    assert first.DOI == "10.1002/art.40320"
    assert first.PMCID == "PMC5846474"
    assert first.ISSN == "2326-5205"
    assert second.DOI == "10.1111/1346-8138.13275"
    assert second.extra["medline"]["AID"] == ["10.1111/1346-8138.13275 [doi]", "S0012-3692(16)58998-9 [pii]"]


def test_erratum_note_and_kept_tags(bib):
    first = bib[0]
    assert first.note == "Erratum in: Arthritis Rheumatol. 2018 Sep;70(9):1532. PMID: 30146812"
    assert first.extra["abstract"].startswith("OBJECTIVE: To develop")
    assert first.language == "eng"
    assert first.publisher_place == "United States"
    assert first.extra["medline"]["PT"] == ["Journal Article", "Research Support, N.I.H., Extramural"]
    assert first.type == "article-journal"


def test_provenance_spans_each_record(bib):
    spans = [(o.line_start, o.line_end, o.key) for ref in bib for o in ref.provenance]
    assert spans == [(1, 35, "29106061"), (37, 48, "27488620"), (50, 57, "17397768")]
    assert bib[0].provenance[0].text.splitlines()[0] == "PMID- 29106061"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", Date(2017)),
        ("2017 May", Date(2017, 5)),
        ("2018 Mar 7", Date(2018, 3, 7)),
        ("2016 Nov-Dec", Date(2016, 11, literal="2016 Nov-Dec")),
        ("2007 Spring", Date(2007, literal="2007 Spring")),
        ("2019 Winter-Spring", Date(2019, literal="2019 Winter-Spring")),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert medline.parse_date(text) == expected


def test_stray_lines_are_reported():
    text = "PMID- 1\nTI  - A title.\nnot a tag line\n\n<html>\n"
    bib = medline.loads(text, "s.nbib")
    assert [ref.title for ref in bib] == ["A title"]
    assert [(u.line, u.text) for u in bib.report.unparsed] == [(3, "not a tag line"), (5, "<html>")]


def test_record_not_starting_with_pmid_is_read_with_a_warning():
    bib = medline.loads("TI  - No identifier.\nDP  - 2001\n", "n.nbib")
    assert bib[0].title == "No identifier" and bib[0].issued == Date(2001)
    assert bib.report.warnings == ["n.nbib:1: record does not start with 'PMID- '"]


def test_read_streams_the_same_as_loads(tmp_path):
    path = tmp_path / "pubmed.nbib"
    path.write_bytes(NBIB.encode("utf-8"))
    assert [ref.to_csl() for ref in medline.read(path)] == [ref.to_csl() for ref in medline.loads(NBIB, "pubmed.nbib")]


def test_empty_text_is_an_input_error():
    with pytest.raises(InputError):
        medline.loads("\n \n", "e.nbib")
