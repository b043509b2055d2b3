"""`myobib.check` on the seed page: offline with the shipped library, and against the Crossref stand-in."""

from __future__ import annotations

import re

import pytest

import myobib

from ..crossref_server import CrossrefStandIn
from .conftest import SEED_LIBRARY, corpus, no_wait, notice

UNCONFIRMED = [4, 5, 7, 8]  # the seed works whose DOI no public source confirmed


def essentials(ref: myobib.Reference, identifiers: bool = True) -> tuple:
    """What a corrected list states about a reference."""
    names = tuple(name.display() for name in ref.author)
    ids = (ref.DOI, ref.PMID) if identifiers else ()
    return (ref.list_number, ref.title, names, ref.et_al, ref.issued, ref.volume, ref.issue, ref.page, *ids)


def reparsed(report: myobib.CheckReport, folder) -> myobib.Bibliography:
    """The corrected list as the user receives it (the file written), read again."""
    return myobib.load(report.write(folder)["corrected"])


@pytest.fixture(scope="module")
def offline(seed_path):
    return myobib.check(seed_path, library=SEED_LIBRARY, identifiers=True)


def test_seed_offline_counts_and_reasons(offline):
    assert offline.counts() == {
        "references": 17,
        "repeats": 17,
        "needs-attention": 0,
        "unresolved": 4,
        "corrected": 0,
        "verified": 13,
    }
    unresolved = [f for f in offline.findings if f.verdict == "unresolved"]
    assert [f.number for f in unresolved] == UNCONFIRMED
    assert all(f.reasons == ["no Crossref client (offline)"] for f in unresolved)
    assert offline.exit_code() == 0 and offline.exit_code(strict=True) == 1


def test_seed_offline_identifiers_and_repeats(offline, shared_dir):
    import json

    published = {w["n"]: w for w in json.loads((shared_dir / "seed" / "seed-references.json").read_text())}
    for finding in offline.findings:
        work = published[finding.number]
        doi = finding.identifiers.get("DOI")
        assert (doi or {}).get("value") == work["doi"]
        if doi:
            assert doi["source"].startswith("library:seed-library.json") and not doi["in-list"]
        if work["pmid"] and work["doi"]:  # #7: a PMID, but not resolved without a DOI
            assert finding.identifiers["PMID"]["value"] == work["pmid"]
        roles = [occ["role"] for occ in finding.occurrences]
        assert roles == ["entry", "repeat"]  # every seed work is listed once more, unnumbered
        assert finding.occurrences[0]["list-number"] == finding.number
        assert finding.occurrences[1]["rule"] and finding.occurrences[1]["conflicts"] == []


def test_seed_offline_corrected_list_only_gains_identifiers(offline, seed_path):
    original = seed_path.read_text(encoding="utf-8")
    changed = [line for line in offline.diff.splitlines() if line.startswith(("+", "-"))][2:]
    removed = [line[1:] for line in changed if line.startswith("-")]
    added = [line[1:] for line in changed if line.startswith("+")]
    assert len(removed) == len(added) == 26  # 13 journal lines, each with its repeat
    for old, new in zip(removed, added, strict=True):
        assert " doi: 10." in new and re.sub(r" doi: \S+\.(?: PMID: \d+\.)?", "", new) == old
    assert offline.corrected_text.splitlines()[:9] == original.splitlines()[:9]  # header and description kept
    erratum = (  # the identifiers go after the citation, before what follows it
        "Rheumatology (Oxford). 2021 Jun 18;60(6):2615-2628. doi: 10.1093/rheumatology/keab166. PMID: 33599244. "
        "Erratum in: Rheumatology (Oxford). 2021 Nov 3;60(11):5483."
    )
    assert offline.corrected_text.count(erratum) == 2


def test_seed_offline_corrected_list_parses_back_to_the_same_bibliography(offline, tmp_path):
    again = reparsed(offline, tmp_path)
    assert len(again) == 17 and len(again.report.merges) == 17 and not again.report.unparsed
    assert [essentials(r) for r in again] == [essentials(r) for r in offline.bibliography]


def test_dropping_repeats(seed_path, tmp_path):
    report = myobib.check(seed_path, library=SEED_LIBRARY, repeats="drop")
    again = reparsed(report, tmp_path)
    assert len(again) == 17 and again.report.merges == []
    assert [essentials(r, False) for r in again] == [essentials(r, False) for r in report.bibliography]
    body = report.diff.splitlines()[2:]
    assert sum(line.startswith("-") for line in body) == 34  # 17 repeats of two lines each
    assert not any(line.startswith("+") for line in body)
    with pytest.raises(myobib.InputError):
        myobib.check(seed_path, repeats="sometimes")


# -- against the Crossref stand-in ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def online(seed_path):
    """The seed checked against the stand-in, with a retraction planted on #13 (which the library confirms)
    and an expression of concern on #5 (found by search)."""
    records = {rec["DOI"]: rec for rec in corpus()}
    retraction, retracted = notice("retraction", "10.5555/retraction-13", records["10.4046/trd.2019.0009"])
    concern, concerned = notice("expression_of_concern", "10.5555/concern-5", records["10.5555/seed-5"])
    planted = corpus(
        plant={"10.4046/trd.2019.0009": [retracted], "10.5555/seed-5": [concerned]}, extra=[retraction, concern]
    )
    with CrossrefStandIn(planted) as server:
        client = myobib.Crossref(base_url=server.url, cache=False, mailto="check@example.org", sleep=no_wait)
        report = myobib.check(seed_path, client, library=SEED_LIBRARY)
        yield report, server.requests


def test_stand_in_resolves_the_four(online):
    report, _ = online
    by_number = {f.number: f for f in report.findings}
    for n in UNCONFIRMED:
        assert by_number[n].identifiers["DOI"] == {
            "value": f"10.5555/seed-{n}",
            "source": f"crossref:10.5555/seed-{n}",
            "in-list": False,
        }
    assert report.counts() == {
        "references": 17,
        "repeats": 17,
        "needs-attention": 2,
        "unresolved": 0,
        "corrected": 1,
        "verified": 14,
    }


def test_stand_in_shows_entry_4_as_published(online):
    report, _ = online
    four = next(f for f in report.findings if f.number == 4)
    assert four.verdict == "corrected"
    assert four.published == {
        "volume": "70",
        "issue": "6",
        "page": "977-978",
        "issued": "2018 Jun",
        "source": "crossref:10.5555/seed-4",
    }
    added = {d.field: (d.list_value, d.record_value, d.kind, d.applied) for d in four.differences}
    assert added == {
        "volume": (None, "70", "added", True),
        "issue": (None, "6", "added", True),
        "page": (None, "977-978", "added", True),
        "issued": ("2018 Mar 7", "2018 Jun", "differs", True),
    }
    assert four.corrected.splitlines()[-1] == "Arthritis Rheumatol. 2018 Jun;70(6):977-978."
    assert report.diff.count("-Arthritis Rheumatol. 2018 Mar 7.\n+Arthritis Rheumatol. 2018 Jun;70(6):977-978.") == 2
    assert "977-978" in report.to_html() and "977-978" in report.to_markdown()


def test_stand_in_retraction_and_concern_need_attention(online):
    report, requests = online
    by_number = {f.number: f for f in report.findings}
    assert [f.number for f in report.needs_attention] == [5, 13]
    assert by_number[13].reasons == ["retraction on record (10.5555/retraction-13)"]
    assert by_number[5].reasons == ["expression of concern on record (10.5555/concern-5)"]
    assert report.exit_code() == 1
    # The library confirmed #13, so its Crossref record was asked for separately (one single request per such DOI).
    singles = [r.path for r in requests if r.kind == "single"]
    assert len(singles) == 13 and any("trd.2019.0009" in path for path in singles)
    # #10's erratum is both cited by the list and on record.
    ten = by_number[10]
    assert ten.verdict == "verified"
    assert [(n["kind"], n["source"]) for n in ten.notices] == [("correction", "record"), ("erratum", "the list")]


def test_stand_in_corrected_list_parses_back(online, tmp_path):
    report, _ = online
    again = reparsed(report, tmp_path)
    assert [essentials(r, False) for r in again] == [essentials(r, False) for r in report.bibliography]
    four = next(r for r in again if r.list_number == 4)
    assert (four.volume, four.issue, four.page, four.issued) == ("70", "6", "977-978", myobib.Date(2018, 6))


def test_a_csl_json_bibliography_is_corrected_as_csl_json(seed_path, tmp_path):
    """The shipped bibliography already carries its match outcomes: they are read, not looked up again."""
    report = myobib.check(seed_path.with_suffix(".json"))
    assert report.format == "csl-json" and report.corrected_text is None and report.diff == ""
    assert report.counts()["verified"] == 13 and report.counts()["unresolved"] == 4
    assert report.resolve["resumed"] == 13
    files = report.write(tmp_path)
    assert sorted(files) == ["corrected", "html", "json", "markdown"]
    again = myobib.load(files["corrected"])
    assert [essentials(r) for r in again] == [essentials(r) for r in report.bibliography]
