"""The RIS reader on exports shaped like EndNote's, Zotero's and publishers' (HighWire)."""

from __future__ import annotations

import pytest

from myobib import Date, InputError, Name
from myobib.readers import ris
from tests.linecheck import unaccounted_lines

ENDNOTE = """\
TY  - JOUR
AU  - Lundberg, Ingrid E.
AU  - Tjärnlund, Anna
AU  - Bottai, M.
AU  - International Myositis Classification Criteria Project consortium
TI  - 2017 European League Against Rheumatism/American College of Rheumatology classification criteria
  for adult and juvenile idiopathic inflammatory myopathies and their major subgroups
JO  - Arthritis Rheumatol
JF  - Arthritis & Rheumatology
PY  - 2017
DA  - 2017/12//
VL  - 69
IS  - 12
SP  - 2271
EP  - 82
DO  - https://doi.org/10.1002/art.40320
AN  - 29106061
DB  - PubMed
C2  - PMC5846474
UR  - https://onlinelibrary.wiley.com/doi/10.1002/art.40320
SN  - 2326-5191
PB  - Wiley
KW  - myositis
KW  - classification
N1  - Epub 2017 Oct 27
N1  - Erratum in: Arthritis Rheumatol. 2018;70(9):1532
AB  - OBJECTIVE: To develop and validate new classification criteria.
LA  - eng
Y2  - 2020/01/01
ID  - lundberg2017
ER  - 

TY  - JOUR
T1  - Guidelines on the Use of Intravenous Immune Globulin for Neurologic Conditions
A1  - Feasby T
A1  - Banwell B
JA  - Transfus Med Rev
Y1  - 2007/04/01/
VL  - 21
IS  - 2 Suppl 1
SP  - S57
EP  - 107
ER  - 

TY  - CHAP
AU  - Dalakas, Marinos C.
ED  - Engel, A. G.
TI  - Inflammatory myopathies
BT  - Myology
PB  - McGraw-Hill
CY  - New York
PY  - 2004
SP  - 1311-1327
SN  - 0071379096
ER  - 
"""


@pytest.fixture(scope="module")
def bib():
    return ris.loads(ENDNOTE, "export.ris")


def test_reads_every_record(bib):
    assert len(bib) == 3
    assert [ref.type for ref in bib] == ["article-journal", "article-journal", "chapter"]
    assert bib.report.warnings == []
    assert bib.report.unparsed == []
    assert unaccounted_lines(bib, ENDNOTE) == []


def test_authors_in_each_form(bib):
    first = bib[0]
    assert first.author == (
        Name(family="Lundberg", given="Ingrid E."),
        Name(family="Tjärnlund", given="Anna"),
        Name(family="Bottai", given="M"),  # initials read as the model keeps them
        Name(literal="International Myositis Classification Criteria Project consortium"),
    )
    assert bib[1].author == (Name(family="Feasby", given="T"), Name(family="Banwell", given="B"))


def test_title_with_continuation_line(bib):
    assert bib[0].title.endswith("juvenile idiopathic inflammatory myopathies and their major subgroups")
    assert "criteria for adult" in bib[0].title
    assert bib[1].title.startswith("Guidelines on the Use of Intravenous")


def test_journal_names_full_and_abbreviated(bib):
    assert bib[0].container_title == "Arthritis & Rheumatology"
    assert bib[0].container_title_short == "Arthritis Rheumatol"
    assert bib[1].container_title is None
    assert bib[1].container_title_short == "Transfus Med Rev"
    assert bib[2].container_title == "Myology"


def test_dates(bib):
    assert bib[0].issued == Date(2017, 12)
    assert bib[1].issued == Date(2007, 4, 1)
    assert bib[2].issued == Date(2004)


def test_volume_issue_supplement_pages(bib):
    first, second, chapter = bib
    assert (first.volume, first.issue, first.page, first.page_first, first.page_as_written) == (
        "69", "12", "2271-2282", "2271", "2271-82",
    )
    assert (second.issue, second.supplement, second.page, second.page_first) == ("2 Suppl 1", "1", "S57-S107", "S57")
    assert chapter.page == "1311-1327"


def test_identifiers(bib):
    first = bib[0]
    assert first.DOI == "10.1002/art.40320"
    assert first.PMID == "29106061"
    assert first.PMCID == "PMC5846474"
    assert first.URL == "https://onlinelibrary.wiley.com/doi/10.1002/art.40320"
    assert first.ISSN == "2326-5191"
    assert bib[1].DOI is None and bib[1].PMID is None


def test_publisher_notes_and_extras(bib):
    first, _, chapter = bib
    assert first.publisher == "Wiley"
    assert first.note == "Epub 2017 Oct 27\nErratum in: Arthritis Rheumatol. 2018;70(9):1532"
    assert first.extra["keyword"] == "myositis, classification"
    assert first.extra["abstract"].startswith("OBJECTIVE")
    assert first.language == "eng"
    assert first.extra["ris"] == {"DB": ["PubMed"]}
    assert first.accessed == Date(2020, 1, 1)
    assert chapter.editor == (Name("Engel", "AG"),)
    assert chapter.publisher_place == "New York"


def test_id_becomes_key_and_provenance(bib):
    first = bib[0]
    assert first.id == "lundberg2017"
    occurrence = first.provenance[0]
    assert (occurrence.source, occurrence.line_start, occurrence.line_end, occurrence.key) == (
        "export.ris", 1, 31, "lundberg2017",
    )
    assert occurrence.text.startswith("TY  - JOUR\nAU  - Lundberg, Ingrid E.")
    assert occurrence.text.endswith("ER  - ")


def test_accession_number_is_a_pmid_only_from_pubmed():
    text = "TY  - JOUR\nTI  - A\nAN  - 12345678\nDB  - Scopus\nER  - \n"
    ref = ris.loads(text)[0]
    assert ref.PMID is None
    assert ref.extra["ris"]["AN"] == ["12345678"]


def test_record_without_er_is_read_and_warned():
    text = "TY  - JOUR\nTI  - First\nPY  - 2001\nTY  - JOUR\nTI  - Second\nPY  - 2002\n"
    bib = ris.loads(text, "cut.ris")
    assert [ref.title for ref in bib] == ["First", "Second"]
    assert [ref.year for ref in bib] == [2001, 2002]
    assert bib.report.warnings == [
        "cut.ris:1: record has no 'ER  - ' line; read up to its last line",
        "cut.ris:4: record has no 'ER  - ' line; read up to its last line",
    ]


def test_lines_outside_records_are_reported_with_their_number():
    text = "Exported from EndNote\nTY  - JOUR\nTI  - Kept\nER  - \nstray text\nVL  - 3\n"
    bib = ris.loads(text, "x.ris")
    assert [ref.title for ref in bib] == ["Kept"]
    assert [(u.line, u.text) for u in bib.report.unparsed] == [(1, "Exported from EndNote"), (5, "stray text"),
                                                               (6, "VL  - 3")]
    assert unaccounted_lines(bib, text) == []


def test_unknown_type_is_kept_and_warned():
    bib = ris.loads("TY  - WEIRD\nTI  - Something\nER  - \n", "t.ris")
    assert bib[0].type == "article"
    assert bib[0].extra["ris"]["TY"] == ["WEIRD"]
    assert "unknown RIS type 'WEIRD'" in bib.report.warnings[0]


def test_year_and_date_disagreeing_keeps_both():
    bib = ris.loads("TY  - JOUR\nPY  - 2017\nDA  - 2016/05/01\nER  - \n", "d.ris")
    assert bib[0].issued == Date(2017)
    assert bib[0].extra["ris"]["DA"] == ["2016/05/01"]
    assert "differ" in bib.report.warnings[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", Date(2017)),
        ("2017/05/", Date(2017, 5)),
        ("2017/05/14/", Date(2017, 5, 14)),
        ("2017-05-14", Date(2017, 5, 14)),
        ("2007///Spring", Date(2007, literal="Spring")),
        ("in press", Date(literal="in press")),
        ("2017/13/40", Date(2017)),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert ris.parse_date(text) == expected


def test_read_streams_the_same_as_loads(tmp_path):
    path = tmp_path / "export.ris"
    path.write_text(ENDNOTE.replace("\n", "\r\n"), encoding="utf-8")
    from_file = ris.read(path)
    assert [ref.replace(provenance=()) for ref in from_file] == [
        ref.replace(provenance=()) for ref in ris.loads(ENDNOTE)
    ]
    assert from_file[0].provenance[0].source == "export.ris"


def test_empty_text_is_an_input_error():
    with pytest.raises(InputError, match="no text"):
        ris.loads("  \n\n", "e.ris")


def test_group_word_family_with_long_given_part_reads_as_a_group():
    # The one shape RIS cannot tell apart; documented in tests/test_properties.py.
    assert ris.parse_name("Myositis Study Group, North and South America") == Name(
        literal="Myositis Study Group, North and South America"
    )
