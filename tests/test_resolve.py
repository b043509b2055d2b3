"""The resolver: library first, then Crossref; resumable; nothing invented when Crossref is away."""

from __future__ import annotations

import importlib
import json

import pytest

from myobib import cli, load
from myobib.errors import CrossrefError, TooManyErrors
from myobib.resolve import ResolveReport, resolve

from .conftest import ROOT
from .crossref.fakes import FakeClient, distractors, seed_items, seed_records

SEED_LIBRARY = ROOT / "refs" / "seed-library.json"


@pytest.fixture(scope="module")
def expected(shared_dir):
    """List number → the DOI seed-references.json confirms (None where it confirms none)."""
    return {r["n"]: r["doi"] for r in seed_records(shared_dir)}


@pytest.fixture
def bib(seed_path):
    return load(seed_path)


@pytest.fixture
def corpus(shared_dir):
    items = seed_items(shared_dir)
    return [*items.values(), *distractors(items)]


def dois(bib) -> dict[int, str | None]:
    return {ref.list_number: ref.DOI for ref in bib}


def test_offline_seed_run_attaches_exactly_the_13_confirmed_dois(bib, expected):
    out, report = resolve(bib, None, library=SEED_LIBRARY, progress=False)
    assert dois(out) == expected
    assert report.counts()["matched"] == 13 and report.counts()["unresolved"] == 4
    assert report.requests == 0
    for ref, row in zip(out, report.rows, strict=True):
        assert row.key == ref.id and row.list_number == ref.list_number
        if expected[ref.list_number]:
            assert row.status == "matched" and row.source == "library:seed-library.json"
            assert ref.match["DOI"] == ref.DOI
            assert ref.changes[0]["field"] == "DOI" and ref.changes[0]["old"] is None
        else:
            assert row.status == "unresolved" and ref.match is None and not ref.changes


def test_rows_keep_what_the_record_says_where_it_differs(bib):
    _, report = resolve(bib, None, library=SEED_LIBRARY, progress=False)
    records = {row.list_number: row.record for row in report.rows}
    # The library's title lacks the subtitle the page gives #1; every other field agrees or is missing.
    assert records.pop(1) == {
        "title": "2016 American College of Rheumatology/European League Against Rheumatism criteria for minimal, "
        "moderate, and major clinical response in adult dermatomyositis and polymyositis"
    }
    assert set(map(json.dumps, records.values())) == {"{}"}
    assert report.to_dict()["references"][0]["record"] == report.rows[0].record


def test_seed_through_crossref_attaches_no_wrong_doi(bib, corpus, expected):
    client = FakeClient(corpus)
    out, report = resolve(bib, client, progress=False)
    for n, doi in dois(out).items():
        if expected[n]:
            assert doi == expected[n]
        else:
            assert doi is None or doi.startswith("10.5555/seed-")  # the stand-in's own record for it
    assert report.counts()["matched"] == 17
    assert report.requests == len(client.calls) == 17  # one search per reference
    assert all(kind == "search" for kind, _ in client.calls)


def test_library_first_then_crossref_for_the_rest(bib, corpus, expected):
    client = FakeClient(corpus)
    out, report = resolve(bib, client, library=SEED_LIBRARY, progress=False)
    assert report.requests == 4  # only the works the library has no DOI for
    assert {row.source for row in report.rows} == {"library:seed-library.json", "crossref"}
    assert all(dois(out)[n] == doi for n, doi in expected.items() if doi)


def test_not_in_the_corpus_stays_unresolved(bib, corpus):
    client = FakeClient([c for c in corpus if c["DOI"] != "10.1002/art.40320"])
    out, report = resolve(bib, client, progress=False)
    lundberg = next(r for r in out if r.list_number == 6)
    assert lundberg.DOI is None  # its twin in Ann Rheum Dis was there, and was refused
    row = next(r for r in report.rows if r.list_number == 6)
    assert row.status == "not-found" and row.candidates >= 1


def test_crossref_unreachable_one_message_everything_kept(bib):
    client = FakeClient([], fail_after=0)
    messages = []
    out, report = resolve(bib, client, progress=False, on_message=messages.append)
    assert len(messages) == 1 and len(report.messages) == 1 and "cannot be reached" in messages[0]
    assert out.report.warnings[-1] == messages[0] and messages[0] not in bib.report.warnings
    assert report.counts()["unresolved"] == len(bib)
    assert [r.to_csl() for r in out] == [r.to_csl() for r in bib]  # nothing invented, nothing lost
    assert client.calls == []


def test_too_many_errors_stops_the_batch(bib, corpus):
    client = FakeClient(corpus, fail_after=5, error=TooManyErrors("3 of 20 requests failed"))
    out, report = resolve(bib, client, progress=False)
    assert report.counts()["matched"] == 5 and report.counts()["unresolved"] == len(bib) - 5
    assert len(client.calls) == 5 and "stopped" in report.messages[0]


def test_a_single_failed_lookup_is_an_error_row(bib, corpus):
    class Flaky(FakeClient):
        def search(self, bibliographic, rows=5, **fields):
            if "Chest" in bibliographic:
                raise CrossrefError("400 Bad Request: query too long")
            return super().search(bibliographic, rows, **fields)

    out, report = resolve(bib, Flaky(corpus), progress=False)
    row = next(r for r in report.rows if r.list_number == 7)
    assert row.status == "error" and "400" in row.reasons[0]
    assert report.counts()["matched"] == 16


def test_reference_with_its_own_doi_is_verified(bib, corpus):
    client = FakeClient(corpus)
    lundberg = next(r for r in bib if r.list_number == 6).replace(DOI="10.1002/art.40320")
    out, report = resolve(bib.with_references([lundberg]), client, progress=False)
    assert client.calls == [("work", "10.1002/art.40320")]
    assert report.rows[0].status == "matched" and out[0].DOI == "10.1002/art.40320"


def test_doi_pointing_elsewhere_is_rejected_and_kept_as_written(bib, corpus):
    client = FakeClient(corpus)
    wrong = next(r for r in bib if r.list_number == 6).replace(DOI="10.1136/annrheumdis-2017-211468")  # the twin
    out, report = resolve(bib.with_references([wrong]), client, progress=False)
    assert report.rows[0].status == "rejected"
    assert out[0].DOI == "10.1136/annrheumdis-2017-211468"  # the user's value is not replaced...
    assert "doi-rejected:10.1136/annrheumdis-2017-211468" in out[0].flags  # ...but flagged
    assert any("10.1002/art.40320 instead" in r for r in report.rows[0].reasons)


def test_doi_unknown_to_crossref(bib):
    ref = bib[0].replace(DOI="10.9999/not-crossref")
    out, report = resolve(bib.with_references([ref]), FakeClient([]), progress=False)
    assert report.rows[0].status == "not-found" and "not registered" in report.rows[0].reasons[0]
    assert out[0].DOI == "10.9999/not-crossref"


def test_rerun_of_a_resolved_bibliography_asks_nothing(bib, corpus):
    first, _ = resolve(bib, FakeClient(corpus), progress=False)
    again = FakeClient(corpus)
    second, report = resolve(first, again, progress=False)
    assert again.calls == [] and report.resumed == len(bib)
    assert dois(second) == dois(first)


def test_interrupted_run_resumes_from_the_checkpoint(bib, corpus, tmp_path):
    state = tmp_path / "outcomes.jsonl"
    broken = FakeClient(corpus, fail_after=6)
    _, report = resolve(bib, broken, progress=False, checkpoint=state)
    assert report.counts()["matched"] == 6
    with state.open("a", encoding="utf-8") as handle:
        handle.write('{"fingerprint": "cut sho')  # the line a kill interrupted
    client = FakeClient(corpus)
    out, report = resolve(bib, client, progress=False, checkpoint=state)
    assert len(client.calls) == len(bib) - 6 and report.resumed == 6
    assert report.counts()["matched"] == 17
    fresh, _ = resolve(bib, FakeClient(corpus), progress=False)
    assert [r.to_csl() for r in out] == [r.to_csl() for r in fresh]


def test_report_json_and_summary(bib, corpus):
    _, report = resolve(bib, FakeClient(corpus), progress=False)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"]["matched"] == 17 and data["requests"] == 17
    row = data["references"][0]
    assert set(row) >= {
        "key",
        "list-number",
        "status",
        "DOI",
        "confidence",
        "agreed",
        "disagreed",
        "candidates",
        "flags",
    }
    assert row["list-number"] == 1 and row["candidates"] >= 1 and "title" in row["agreed"]
    assert report.summary().startswith("17 references: 17 matched, 0 ambiguous, 0 not found; 17 requests")


def test_flags_reach_the_report(bib, corpus):
    for entry in corpus:
        if entry["DOI"] == "10.1016/j.nmd.2019.10.005":
            entry["updated-by"] = [{"DOI": "10.1016/j.nmd.2020.99.001", "type": "correction"}]
    out, report = resolve(bib, FakeClient(corpus), progress=False)
    row = next(r for r in report.rows if r.list_number == 12)
    assert row.flags == ["corrected:10.1016/j.nmd.2020.99.001"]


def test_progress_is_quiet_when_not_a_terminal(bib, capsys):
    resolve(bib, None, progress=None)
    assert capsys.readouterr().err == ""
    resolve(bib, None, progress=True)
    assert "resolve" in capsys.readouterr().err


def test_empty_report():
    report = ResolveReport()
    assert report.summary().startswith("0 references") and report.to_dict()["references"] == []


def test_resolve_command_writes_bibliography_and_report(seed_path, corpus, expected, tmp_path, monkeypatch, capsys):
    resolve_module = importlib.import_module("myobib.resolve")  # `myobib.resolve` may be the function

    made = {}

    def fake_client(**options):
        made.update(options)
        return FakeClient(corpus)

    monkeypatch.setattr(resolve_module, "make_client", fake_client)
    out, report = tmp_path / "seed.json", tmp_path / "report.json"
    code = cli.main(
        [
            "resolve",
            str(seed_path),
            "--library",
            str(SEED_LIBRARY),
            "--mailto",
            "me@example.org",
            "--no-cache",
            "-o",
            str(out),
            "--report",
            str(report),
        ]
    )
    assert code == 0
    assert made == {"mailto": "me@example.org", "crossref_url": None, "cache": False, "offline": False}
    items = json.loads(out.read_text(encoding="utf-8"))
    written = {item["custom"]["provenance"][0]["list-number"]: item.get("DOI") for item in items}
    assert all(written[n] == doi for n, doi in expected.items() if doi)
    rows = json.loads(report.read_text(encoding="utf-8"))["references"]
    assert len(rows) == 17 and all(r["status"] == "matched" for r in rows)
    assert "17 references: 17 matched" in capsys.readouterr().err


def test_resolve_command_bibtex_offline_without_client(seed_path, tmp_path, monkeypatch, capsys):
    resolve_module = importlib.import_module("myobib.resolve")  # `myobib.resolve` may be the function

    monkeypatch.setattr(resolve_module, "make_client", lambda **options: FakeClient([], fail_after=0))
    out = tmp_path / "seed.bib"
    assert cli.main(["resolve", str(seed_path), "--library", str(SEED_LIBRARY), "--to", "bibtex", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("@") == 17 and "10.1002/art.40320" in text
    err = capsys.readouterr().err
    assert err.count("cannot be reached") == 1 and "13 matched" in err and "4 unresolved" in err


# -- through the Crossref stand-in (a real HTTP server on 127.0.0.1) and the real client -------------

standin_module = pytest.importorskip("tests.crossref_server")


@pytest.fixture(scope="module")
def standin():
    with standin_module.CrossrefStandIn() as server:
        yield server


def real_client(url: str, **options):
    from myobib.crossref.client import Crossref

    # No real waiting: the stand-in does not enforce limits here, and tests stay fast.
    return Crossref(base_url=url, mailto="tests@example.org", sleep=lambda seconds: None, **options)


def test_full_seed_through_the_standin_attaches_no_wrong_doi(bib, expected, standin):
    standin.clear()
    client = real_client(standin.url, cache=False)
    out, report = resolve(bib, client, progress=False)
    for ref in out:
        if expected[ref.list_number]:
            assert ref.DOI == expected[ref.list_number]
        else:  # the stand-in carries these under a fictional test prefix
            assert ref.DOI == f"10.5555/seed-{ref.list_number}"
    assert report.requests == len(standin.requests) == len(bib)
    oldroyd = next(r for r in out if r.DOI == "10.1093/rheumatology/keab166")
    assert oldroyd.flags == ("corrected:10.5555/distractor-10-erratum",)
    enders = next(r for r in out if r.list_number == 2)
    assert "author" in enders.match["agreed"]  # `Enders FB` against Crossref's `Bellutti Enders`


def test_warm_cache_and_offline_runs_ask_nothing(bib, standin, tmp_path):
    cache = tmp_path / "crossref.sqlite"
    first, _ = resolve(bib, real_client(standin.url, cache=cache), progress=False)
    standin.clear()
    warm, report = resolve(bib, real_client(standin.url, cache=cache), progress=False)
    assert report.requests == 0 and standin.requests == []
    offline, report = resolve(bib, real_client(standin.url, cache=cache, offline=True), progress=False)
    assert dois(offline) == dois(warm) == dois(first) and report.requests == 0


def test_offline_cold_cache_keeps_going_with_the_library(bib, expected, standin, tmp_path):
    client = real_client(standin.url, cache=tmp_path / "empty.sqlite", offline=True)
    out, report = resolve(bib, client, library=SEED_LIBRARY, progress=False)
    assert dois(out) == expected and report.messages == []
    assert report.counts()["unresolved"] == 4
    reasons = [row.reasons for row in report.rows if row.status == "unresolved"]
    assert all(len(r) == 1 and r[0].startswith("offline: not in cache: search ") for r in reasons)  # said once


def test_faults_do_not_change_the_answers(bib, expected, standin):
    standin.clear()
    standin.inject("429", times=2)
    standin.inject("503")
    standin.inject("truncate")
    standin.inject("429", retry_after=0)
    client = real_client(standin.url, cache=False, max_tries=6)  # the five faults come in a row
    out, report = resolve(bib, client, progress=False)
    assert report.counts()["matched"] == len(bib) and client.stats.retries == 5
    assert all(ref.DOI == expected[ref.list_number] for ref in out if expected[ref.list_number])


def test_unreachable_crossref_one_line_nothing_invented(bib, capsys):
    import socket

    with socket.socket() as probe:  # a port on 127.0.0.1 that nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    client = real_client(url, cache=False, max_tries=2)
    out, report = resolve(bib, client, library=SEED_LIBRARY, progress=False)
    assert len(report.messages) == 1 and "cannot be reached" in report.messages[0]
    assert report.counts() == {**report.counts(), "matched": 13, "unresolved": 4}
    assert sum(1 for ref in out if ref.DOI) == 13


def test_doi_carrying_reference_checked_against_its_record(bib, standin):
    lundberg = next(r for r in bib if r.list_number == 6)
    given = [
        lundberg.replace(id="right", DOI="10.1002/art.40320"),
        lundberg.replace(id="twin", DOI="10.5555/distractor-6-twin"),
    ]
    out, report = resolve(bib.with_references(given), real_client(standin.url, cache=False), progress=False)
    assert [row.status for row in report.rows] == ["matched", "rejected"]
    assert out[1].DOI == "10.5555/distractor-6-twin" and "doi-rejected:10.5555/distractor-6-twin" in out[1].flags


def test_ctrl_c_keeps_finished_outcomes_for_the_next_run(bib, corpus, tmp_path):
    state = tmp_path / "outcomes.jsonl"
    with pytest.raises(KeyboardInterrupt):
        resolve(bib, FakeClient(corpus, fail_after=4, error=KeyboardInterrupt()), progress=False, checkpoint=state)
    client = FakeClient(corpus)
    _, report = resolve(bib, client, progress=False, checkpoint=state)
    assert report.resumed == 4 and len(client.calls) == len(bib) - 4


def test_concurrent_lookups_stay_within_the_limits_and_in_order(bib, expected, standin):
    standin.clear()
    standin.inject("delay", times=6, delay=0.3)  # slow answers first, so look-ups overlap
    client = real_client(standin.url, cache=False)
    out, report = resolve(bib, client, progress=False)
    assert [r.id for r in out] == [r.id for r in bib] == [row.key for row in report.rows]
    assert max(standin.max_concurrency.values()) == 3  # the polite pool's cap, used and never passed
    assert all(ref.DOI == expected[ref.list_number] for ref in out if expected[ref.list_number])


def test_library_entry_with_another_doi_does_not_confirm_the_reference(bib, corpus):
    twin = "10.1136/annrheumdis-2017-211468"
    lundberg = next(r for r in bib if r.list_number == 6).replace(DOI=twin)
    client = FakeClient(corpus)
    out, report = resolve(bib.with_references([lundberg]), client, library=SEED_LIBRARY, progress=False)
    assert client.calls[0] == ("work", twin)  # the library's entry (10.1002/art.40320) did not settle it
    assert report.rows[0].status == "rejected" and out[0].DOI == twin


# -- the second query and the labelled trap set (issue 13) ----------------------------------------------------


class Recording(FakeClient):
    """A fake client that keeps the field queries and filters of every search."""

    def __init__(self, corpus):
        super().__init__(corpus)
        self.fields: list[dict] = []

    def search(self, bibliographic, rows=5, **fields):
        self.fields.append(dict(fields, rows=rows))
        return super().search(bibliographic, rows, **fields)


def test_a_second_query_only_when_the_first_finds_nothing_that_validates(bib, corpus):
    client = Recording(corpus)
    resolve(bib, client, progress=False)
    assert len(client.calls) == len(bib) and all(f == {"rows": 5} for f in client.fields)  # all found at once
    lundberg = next(r for r in bib if r.list_number == 6)
    client = Recording([c for c in corpus if c["DOI"] != "10.1002/art.40320"])
    out, report = resolve(bib.with_references([lundberg]), client, progress=False)
    assert report.requests == 2 and out[0].DOI is None
    second = client.fields[1]
    assert second["rows"] == 20 and second["author"].startswith("Lundberg Tjärnlund Bottai")
    assert "second query: title + query.author" in out[0].match["reasons"][-1]


def test_the_second_query_filters_on_the_journal_seen_or_asks_for_it_by_name(bib, corpus):
    from myobib.crossref.match import Candidate, second_query

    lundberg = next(r for r in bib if r.list_number == 6)
    same_journal = [Candidate.from_item(c) for c in corpus if c["DOI"] == "10.1002/art.40320"]
    what, query = second_query(lundberg, same_journal)
    assert query["filters"] == {"issn": "1234-5678", "from-pub-date": "2016", "until-pub-date": "2018"}
    assert what == "title + query.author + ISSN 1234-5678, 2016-2018" and "container" not in query
    what, query = second_query(lundberg, [])
    assert query["container"] == "Arthritis & Rheumatology" and "filters" not in query
    assert second_query(lundberg.replace(title=None), []) is None  # nothing better to ask with


def test_a_truncated_title_crowded_out_of_the_first_results_is_found_by_the_second_query(standin):
    from .crossref.labelled import load_cases, references

    cases = [c for c in load_cases() if c["kind"] == "truncated" and "ahead of print" in c["reason"]][:1]
    standin.clear()
    out, report = resolve(references(cases), real_client(standin.url, cache=False), progress=False)
    assert out[0].DOI == cases[0]["doi"] and report.requests == 2
    first, second = (r.params for r in standin.requests)
    assert cases[0]["doi"] not in json.dumps(standin.search(first["query.bibliographic"], 5)[1])
    assert second["query.author"].startswith("Horby") and second["filter"].startswith("issn:0140-6736,")


def test_labelled_trap_set_through_the_standin_meets_the_targets(standin):
    """253 references with every trap kind (tests/data/crossref/labelled.json): precision, recall, requests."""
    from .crossref.labelled import load_cases, references, score

    cases = load_cases()
    assert len(cases) >= 250
    standin.clear()
    out, report = resolve(references(cases), real_client(standin.url, cache=False), progress=False)
    tallies = score(cases, out)
    everything = tallies["all"]
    assert everything.precision >= 0.995 and everything.recall >= 0.97, everything.errors
    assert all(t.wrong == 0 for t in tallies.values()), everything.errors
    assert {"co-published", "editions", "preprints", "retractions", "corrections", "replies", "abstracts", "books",
            "translations", "truncated", "absent"} <= set(tallies)
    assert report.requests / len(cases) <= 1.5
