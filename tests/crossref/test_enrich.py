"""Enrichment fills gaps from the accepted record, records every change, and never overwrites."""

from __future__ import annotations

import json

import pytest

from myobib.crossref.enrich import enrich, update_flags
from myobib.model import Date, Name, Reference

from .fakes import item

SOURCE = "crossref:10.5555/x"


@pytest.fixture
def record():
    families = ["Aggarwal", "Rider", "Ruperto", "Bayat", "Erman", "Feldman", "Amato", "Oddis"]
    return item(
        "10.5555/x",
        "2016 ACR/EULAR criteria for clinical response",
        families,
        "Annals of the Rheumatic Diseases",
        "Ann Rheum Dis",
        2017,
        "76",
        "5",
        "792-801",
    )


@pytest.fixture
def ref():
    return Reference(
        id="aggarwal2017",
        title="2016 ACR/EULAR criteria for minimal, moderate and major clinical response",
        author=tuple(
            Name(f, i)
            for f, i in [
                ("Aggarwal", "R"),
                ("Rider", "LG"),
                ("Ruperto", "N"),
                ("Bayat", "N"),
                ("Erman", "B"),
                ("Feldman", "BM"),
            ]
        ),
        et_al=True,
        container_title_short="Ann Rheum Dis",
        issued=Date(2017, 5),
        volume="76",
        issue="5",
        page="792",
        page_first="792",
    )


def changed(ref: Reference) -> dict[str, dict]:
    return {c["field"]: c for c in ref.changes}


def test_fills_what_the_list_lacks(ref, record):
    out = enrich(ref, record, SOURCE)
    assert out.DOI == "10.5555/x" and out.URL == "https://doi.org/10.5555/x"
    assert out.container_title == "Annals of the Rheumatic Diseases" and out.ISSN == "1234-5678"
    assert out.publisher == "Example Publisher"
    assert out.page == "792-801" and out.page_as_written == "792"
    log = changed(out)
    assert {"DOI", "URL", "container-title", "ISSN", "publisher", "page", "author", "et-al"} <= set(log)
    assert log["page"] == {"field": "page", "old": "792", "new": "792-801", "source": SOURCE}
    assert all(c["source"] == SOURCE for c in out.changes)
    json.dumps(out.to_csl())  # the change log stays JSON


def test_full_author_list_behind_et_al_keeps_the_written_names(ref, record):
    out = enrich(ref, record, SOURCE)
    assert len(out.author) == 8 and not out.et_al
    assert out.author[:6] == ref.author  # as the list wrote them
    assert [n.family for n in out.author[6:]] == ["Amato", "Oddis"]


def test_author_list_not_extended_when_the_record_lists_other_people(ref, record):
    record["author"][1]["family"] = "Someone"
    out = enrich(ref, record, SOURCE)
    assert out.author == ref.author and out.et_al
    assert "author" not in changed(out)


def test_never_overwrites_what_the_user_wrote(ref, record):
    record.update(
        {"title": ["Another title"], "volume": "99", "issue": "9", "page": "1-10", "short-container-title": ["Other J"]}
    )
    written = ref.replace(DOI="10.1/user", container_title="My Journal Name", page="792-800", page_first="792")
    out = enrich(written, record, SOURCE)
    for name in ("title", "volume", "issue", "page", "DOI", "container_title", "container_title_short"):
        assert getattr(out, name) == getattr(written, name), name
    assert not {"title", "volume", "issue", "page", "DOI", "container-title"} & set(changed(out))


def test_fills_volume_issue_and_pages_of_an_online_first_citation(record):
    letter = Reference(
        title="Consideration of antisynthetase syndrome features",
        author=(Name("Aggarwal", "R"),),
        container_title_short="Ann Rheum Dis",
        issued=Date(2017, 3, 7),
    )
    out = enrich(letter, record, SOURCE)
    assert (out.volume, out.issue, out.page, out.page_first) == ("76", "5", "792-801", "792")
    assert out.issued == Date(2017, 3, 7)  # kept


def test_nothing_to_fill_returns_the_reference_unchanged(record):
    full = enrich(Reference(title="x", author=(Name("Aggarwal", "R"),)), record, SOURCE)
    assert enrich(full, record, SOURCE) == full


def test_library_reference_as_record(ref):
    library_ref = Reference(
        DOI="10.1136/annrheumdis-2017-211400",
        container_title="Annals of the Rheumatic Diseases",
        page="792-801",
        PMID="123",
    )
    out = enrich(ref, library_ref, "library:seed")
    assert out.DOI == "10.1136/annrheumdis-2017-211400" and out.PMID == "123" and out.flags == ()


@pytest.mark.parametrize(
    ("kind", "flag"),
    [
        ("correction", "corrected"),
        ("erratum", "corrected"),
        ("retraction", "retracted"),
        ("expression_of_concern", "concern"),
        ("withdrawal", "withdrawn"),
        ("new_kind", "new_kind"),
    ],
)
def test_updated_by_becomes_flags(ref, record, kind, flag):
    record["updated-by"] = [{"DOI": "10.5555/notice", "type": kind, "source": "publisher"}]
    out = enrich(ref, record, SOURCE)
    assert f"{flag}:10.5555/notice" in out.flags


def test_flags_from_the_recorded_sample(shared_dir):
    data = json.loads((shared_dir / "crossref-samples" / "works-doi-10.1371_journal.pone.0033693.json").read_text())
    assert update_flags(data["message"]) == ["corrected:10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda"]
    out = enrich(Reference(title="t"), data["message"], "crossref")
    assert out.flags == ("corrected:10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",)
    again = enrich(out, data["message"], "crossref")
    assert again.flags == out.flags  # not repeated


def test_a_retracted_title_is_flagged_and_filled_without_its_mark(ref):
    record = item("10.1016/S0140-6736(97)11096-0", "RETRACTED: Ileal-lymphoid-nodular hyperplasia", ["Wakefield"],
                  "The Lancet", "Lancet", 1998, "351", "9103", "637-641")
    assert update_flags(record) == ["retracted:?"]
    out = enrich(ref.replace(title=None), record, SOURCE)
    assert out.title == "Ileal-lymphoid-nodular hyperplasia" and "retracted:?" in out.flags
    # A named retraction notice is flagged by its DOI instead; a notice itself carries no flag.
    record["updated-by"] = [{"DOI": "10.1016/S0140-6736(10)60175-4", "type": "retraction"}]
    assert update_flags(record) == ["retracted:10.1016/S0140-6736(10)60175-4"]
    notice = dict(record, **{"update-to": [{"DOI": "10.5555/a", "type": "retraction"}]})
    assert "retracted:?" not in update_flags(notice)


def test_book_fields_are_filled_from_the_record():
    record = dict(item("10.5555/book", "Electrodiagnostic medicine", [], "", None, 2002), type="edited-book",
                  **{"container-title": [], "author": [], "editor": [{"family": "Dumitru", "given": "D"}],
                     "ISBN": ["978-1-56053-433-4"], "edition-number": "2", "publisher-location": "Philadelphia"})
    ref = Reference(type="book", title="Electrodiagnostic medicine", issued=Date(2002))
    out = enrich(ref, record, SOURCE)
    assert out.editor == (Name("Dumitru", "D"),) and out.ISBN == "978-1-56053-433-4"
    assert out.edition == "2" and out.publisher_place == "Philadelphia"
    assert {"editor", "ISBN", "edition", "publisher-place"} <= {c["field"] for c in out.changes}


def test_record_values_keep_what_the_record_says_where_it_differs(record):
    from myobib.crossref.enrich import record_values

    ref = Reference(
        title="2016 ACR/EULAR criteria for clinical response: an IMACS/PRINTO initiative",
        author=(Name("Aggarwal", "R"),),
        container_title_short="Ann Rheum Dis",
        issued=Date(2017, 4),
        volume="76",
        issue="5",
        page="792-802",
    )
    record["published-print"] = {"date-parts": [[2017, 5]]}
    assert record_values(ref, record) == {
        "title": "2016 ACR/EULAR criteria for clinical response",
        "issued": {"date-parts": [[2017, 5]]},
        "page": "792-801",
    }
    same = ref.replace(title=record["title"][0].upper(), issued=Date(2017), page="792-801")
    assert record_values(same, record) == {}  # case, a missing month: not differences
    other = ref.replace(author=(Name("Rider", "LG"),), container_title_short="Arthritis Rheumatol", page="792-801")
    values = record_values(other, record)
    assert values["author"] == [{"family": "Aggarwal", "given": "A"}]
    assert values["container-title"] == "Annals of the Rheumatic Diseases"
