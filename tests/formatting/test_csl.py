"""The clean CSL-JSON handed to the processor."""

from __future__ import annotations

from myobib import Date, Name, Reference
from myobib.formatting.csl import clean_item, typographic


def test_types_lists_and_custom():
    ref = Reference.from_csl(
        {
            "id": "Key1",
            "type": "journal-article",
            "title": ["A title", "Another"],
            "container-title": ["Some Journal"],
            "volume": 12,
            "custom": {"flags": ["x"]},
            "unknown-thing": {"a": 1},
        }
    )
    item = clean_item(ref, "i0")
    assert item["id"] == "i0"
    assert item["type"] == "article-journal"
    assert item["title"] == "A title"
    assert item["container-title"] == "Some Journal"
    assert item["volume"] == "12"
    assert "custom" not in item and "unknown-thing" not in item


def test_unknown_type_becomes_article_and_book_chapter_maps():
    assert clean_item({"id": "a", "type": "weird"})["type"] == "article"
    assert clean_item({"id": "a", "type": "book-chapter"})["type"] == "chapter"


def test_abbreviation_fills_a_missing_full_journal_name():
    item = clean_item(Reference(id="a", container_title_short="Ann Rheum Dis"))
    assert item["container-title"] == "Ann Rheum Dis"
    both = clean_item(Reference(id="a", container_title="Annals", container_title_short="Ann"))
    assert both["container-title"] == "Annals"


def test_initials_particles_and_groups():
    ref = Reference(
        id="a",
        author=(
            Name(family="Rider", given="LG"),
            Name(family="de Souza", given="FHC"),
            Name(family="van den Berg", given="Jan"),
            Name(literal="Study Group"),
            Name(family="Diaz Del Campo", given="P"),
        ),
    )
    names = clean_item(ref)["author"]
    assert names[0] == {"family": "Rider", "given": "L. G."}
    assert names[1] == {"family": "Souza", "given": "F. H. C.", "non-dropping-particle": "de"}
    assert names[2] == {"family": "Berg", "given": "Jan", "non-dropping-particle": "van den"}
    assert names[3] == {"literal": "Study Group"}
    assert names[4] == {"family": "Diaz Del Campo", "given": "P."}


def test_markup_is_removed_but_nocase_kept():
    ref = Reference(id="a", title='<i>E. coli</i> &amp; <span class="nocase">mRNA</span> <b>levels</b>')
    assert clean_item(ref)["title"] == 'E. coli & <span class="nocase">mRNA</span> levels'


def test_dates_drop_a_literal_beside_date_parts():
    ref = Reference(id="a", issued=Date(2017, 5, None, "May 2017"))
    assert clean_item(ref)["issued"] == {"date-parts": [[2017, 5]]}
    assert clean_item(Reference(id="a", issued=Date(literal="in press")))["issued"] == {"literal": "in press"}


def test_apostrophes():
    assert typographic("O'Brien's d'Angelo") == "O\u2019Brien\u2019s d\u2019Angelo"
    assert typographic("'quoted'") == "'quoted'"
    ref = Reference(id="a", title="Crohn's disease", author=(Name(family="O'Brien", given="E"),), DOI="10.1/a'b")
    item = clean_item(ref)
    assert item["title"] == "Crohn\u2019s disease"
    assert item["author"][0]["family"] == "O\u2019Brien"
    assert item["DOI"] == "10.1/a'b"
    assert clean_item(ref, typography=False)["title"] == "Crohn's disease"
