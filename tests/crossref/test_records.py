"""Crossref work items (recorded samples) as myobib references."""

from __future__ import annotations

import json

import jsonschema
import pytest

from myobib.crossref.records import clean_text, item_authors, item_years, to_reference
from myobib.model import Bibliography


def sample(shared_dir, name: str) -> dict:
    return json.loads((shared_dir / "crossref-samples" / name).read_text(encoding="utf-8"))["message"]


@pytest.fixture(scope="module")
def jclinpath(shared_dir):
    return sample(shared_dir, "works-doi-10.1136_jclinpath-2020-206745.json")


@pytest.fixture(scope="module")
def plos(shared_dir):
    return sample(shared_dir, "works-doi-10.1371_journal.pone.0033693.json")


def test_medical_article(jclinpath):
    ref = to_reference(jclinpath, "xu2021")
    assert ref.id == "xu2021" and ref.type == "article-journal"
    assert ref.title.startswith("Construction of a reference material panel for detecting KRAS / NRAS")
    assert "<i>" not in ref.title and "\n" not in ref.title and "  " not in ref.title
    assert ref.container_title == "Journal of Clinical Pathology" and ref.container_title_short == "J Clin Pathol"
    assert (ref.volume, ref.issue, ref.page, ref.page_first) == ("74", "5", "314-320", "314")
    assert ref.DOI == "10.1136/jclinpath-2020-206745" and ref.URL == "https://doi.org/10.1136/jclinpath-2020-206745"
    assert ref.publisher == "BMJ" and ref.ISSN
    assert len(ref.author) == len(jclinpath["author"]) and ref.author[0].family == "Xu"
    assert ref.author[0].given == "Jun"


def test_print_and_online_years_both_kept(jclinpath):
    assert item_years(jclinpath) == {2020, 2021}
    ref = to_reference(jclinpath)
    assert ref.year == 2021  # the printed issue, as lists cite it
    assert ref.extra["available-date"] == {"date-parts": [[2020, 8, 17]]}


def test_e_locator_and_online_only_date(plos):
    ref = to_reference(plos)
    assert ref.page == "e33693" and ref.page_first == "e33693"
    assert ref.year == plos["published-online"]["date-parts"][0][0]


def test_organisations_first_author_and_article_number():
    data = {
        "DOI": "10.5555/x",
        "type": "journal-article",
        "title": ["Guidelines"],
        "author": [
            {"family": "Second", "given": "B", "sequence": "additional"},
            {"name": "MEDRA5 group", "sequence": "additional"},
            {"family": "First", "given": "A", "sequence": "first"},
        ],
        "article-number": "6",
        "issued": {"date-parts": [[2019, 1, 22]]},
    }
    ref = to_reference(data)
    assert [n.display() for n in ref.author] == ["First A", "Second B", "MEDRA5 group"]
    assert ref.author[2].is_group
    assert ref.number == "6" and ref.page is None and ref.page_first == "6"


@pytest.mark.parametrize(
    ("crossref", "csl"),
    [
        ("journal-article", "article-journal"),
        ("book-chapter", "chapter"),
        ("posted-content", "article"),
        ("proceedings-article", "paper-conference"),
        ("something-new", "document"),
    ],
)
def test_types(crossref, csl):
    assert to_reference({"type": crossref, "title": ["T"]}).type == csl


def test_missing_and_malformed_dates():
    assert item_years({"issued": {"date-parts": [[None]]}}) == set()
    assert to_reference({"issued": {"date-parts": [[]]}, "title": []}).issued is None


def test_records_are_valid_csl(shared_dir, jclinpath, plos):
    schema = json.loads((shared_dir / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
    bib = Bibliography([to_reference(jclinpath), to_reference(plos)])
    jsonschema.validate([ref.to_csl() for ref in bib], schema)


def test_clean_text_and_authors():
    assert clean_text("A &amp; B\n   <sub>2</sub>") == "A & B 2"
    assert item_authors({"author": [{"given": "Ann"}]})[0].literal == "Ann"


def test_books_chapters_and_events_map_to_their_fields():
    item = {
        "DOI": "10.5555/ch", "type": "book-chapter", "title": ["Acquired myopathies"],
        "author": [{"family": "Amato", "given": "Anthony A.", "sequence": "first"}],
        "editor": [{"family": "Dumitru", "given": "Daniel"}, {"family": "Zwarts", "given": "Machiel J."}],
        "container-title": ["Electrodiagnostic medicine"], "ISBN": ["9781560534334", "1560534338"],
        "publisher": "Hanley & Belfus", "publisher-location": "Philadelphia", "edition-number": "2",
        "event": {"name": "EULAR 2021", "location": "Virtual"}, "issued": {"date-parts": [[2002]]},
        "page": "1371-1432",
    }  # fmt: skip
    ref = to_reference(item)
    assert ref.type == "chapter" and ref.container_title == "Electrodiagnostic medicine"
    assert [n.family for n in ref.editor] == ["Dumitru", "Zwarts"]
    assert ref.ISBN == "9781560534334, 1560534338" and ref.edition == "2" and ref.publisher_place == "Philadelphia"
    assert (ref.event_title, ref.event_place) == ("EULAR 2021", "Virtual")


def test_the_retracted_mark_is_not_part_of_the_title():
    item = {"DOI": "10.5555/r", "title": ["RETRACTED: Long term toxicity of a Roundup herbicide"]}
    assert to_reference(item).title == "Long term toxicity of a Roundup herbicide"
    notice = dict(item, **{"title": ["Retracted: Efficacy of tacrolimus"], "update-to": [{"DOI": "10.5555/a"}]})
    assert to_reference(notice).title == "Retracted: Efficacy of tacrolimus"  # a notice keeps its own title
