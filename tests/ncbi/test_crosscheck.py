"""Resolve with Crossref and PubMed: agreement, disagreement, a DOI only PubMed gave, flags, resumption, CLI."""

from __future__ import annotations

import copy
import importlib
import json
from typing import Any

import pytest

from myobib import cli, load
from myobib.ncbi.client import Ncbi
from myobib.resolve import resolve
from tests.conftest import ROOT
from tests.crossref.fakes import FakeClient, distractors, seed_items

SEED_LIBRARY = ROOT / "refs" / "seed-library.json"


@pytest.fixture
def bib(seed_path):
    return load(seed_path)


@pytest.fixture
def corpus(shared_dir):
    items = seed_items(shared_dir)
    return [*items.values(), *distractors(items)]


def by_number(report) -> dict:
    return {row.list_number: row for row in report.rows}


def test_both_sources_agree_on_the_seed(bib, corpus, make_client):
    out, report = resolve(bib, FakeClient(corpus), pubmed=make_client(), progress=False)
    rows = by_number(report)
    assert {n for n, r in rows.items() if r.PMID} == {3, 6, 7, 10, 11, 17}
    assert all(r.status == "matched" and r.DOI for r in rows.values())
    assert {r.agreement for n, r in rows.items() if r.PMID} == {"agreed"}
    assert {r.agreement for n, r in rows.items() if not r.PMID} == {"one source"}
    six = rows[6].to_dict()
    assert six["sources"]["crossref"]["DOI"] == six["sources"]["pubmed"]["DOI"] == "10.1002/art.40320"
    assert six["sources"]["pubmed"]["PMID"] == "29106061" and six["sources"]["pubmed"]["via"] == "ecitmatch"
    assert json.loads(json.dumps(report.to_dict()))["identifiers"] == {"DOI": 17, "PMID": 6, "PMCID": 0}
    assert "; 6 PMIDs, 0 PMCIDs; " in report.summary()
    lundberg = next(r for r in out if r.list_number == 6)
    assert (
        lundberg.PMID == "29106061"
        and {"field": "PMID", "old": None, "new": "29106061", "source": "pubmed:29106061"} in lundberg.changes
    )


def test_when_they_disagree_the_reference_is_ambiguous_with_both(bib, corpus, make_client):
    for item in corpus:  # Crossref carries the Lundberg record under another DOI than PubMed's
        if item["DOI"] == "10.1002/art.40320":
            item["DOI"] = "10.5555/not-pubmeds"
    out, report = resolve(bib, FakeClient(corpus), pubmed=make_client(), progress=False)
    row = by_number(report)[6]
    lundberg = next(r for r in out if r.list_number == 6)
    assert row.status == "ambiguous" and row.agreement == "disagreed"
    assert lundberg.DOI is None and lundberg.PMID is None  # neither is attached
    assert "10.5555/not-pubmeds vs PMID 29106061" in row.reasons[-1]
    assert row.sources["crossref"]["status"] == "matched" and row.sources["pubmed"]["DOI"] == "10.1002/art.40320"
    candidates = lundberg.match["candidates"]
    assert any(c.get("DOI") == "10.5555/not-pubmeds" for c in candidates) and any(c.get("PMID") for c in candidates)


class SearchMisses(FakeClient):
    """Crossref's search finds nothing; its records are still there by DOI."""

    def search(self, bibliographic: str, rows: int = 5, **fields: Any) -> list[dict]:
        self.calls.append(("search", bibliographic))
        return []


def test_a_doi_only_pubmed_gave_is_checked_against_crossref(bib, corpus, make_client):
    seventeen = bib.with_references([r for r in bib if r.list_number in (6, 10)])
    client = SearchMisses(corpus)
    out, report = resolve(seventeen, client, pubmed=make_client(), progress=False)
    assert ("work", "10.1002/art.40320") in client.calls
    assert [r.DOI for r in out] == ["10.1002/art.40320", "10.1093/rheumatology/keab166"]
    assert {row.agreement for row in report.rows} == {"agreed"} and {row.status for row in report.rows} == {"matched"}
    assert out[0].changes[-1]["source"] == "crossref:10.1002/art.40320"  # filled from Crossref's record


def test_a_doi_crossref_does_not_know_is_left_out_and_unchecked_ones_say_so(bib, make_client):
    lundberg = bib.with_references([r for r in bib if r.list_number == 6])
    out, report = resolve(lundberg, SearchMisses([]), pubmed=make_client(), progress=False)
    assert out[0].PMID == "29106061" and out[0].DOI is None
    assert "not registered with Crossref" in report.rows[0].reasons[-1]
    out, report = resolve(lundberg, None, pubmed=make_client(), progress=False)  # Crossref not asked
    assert out[0].DOI == "10.1002/art.40320" and "not checked with Crossref" in report.rows[0].reasons[-1]
    assert report.rows[0].source == "pubmed" and list(report.rows[0].sources) == ["pubmed"]


def test_pubmeds_notices_become_the_same_flags_as_crossrefs(bib, corpus, make_client):
    for item in corpus:
        if item["DOI"] == "10.1093/rheumatology/keab166":
            item["updated-by"] = [{"DOI": "10.5555/distractor-10-erratum", "type": "correction"}]
    out, report = resolve(bib, FakeClient(corpus), pubmed=make_client(), progress=False)
    rows = by_number(report)
    assert rows[10].flags == ["corrected:10.5555/distractor-10-erratum"]  # one flag for the notice both carry
    assert rows[6].flags == ["commented:pmid:99000004", "commented:pmid:99000005"]
    assert next(r for r in out if r.list_number == 6).flags == ("commented:pmid:99000004", "commented:pmid:99000005")


def test_ncbi_unreachable_is_said_once_and_crossrefs_answers_stand(bib, corpus):
    pubmed = Ncbi(base_url="http://127.0.0.1:9", cache=False, max_tries=1)
    messages = []
    out, report = resolve(bib, FakeClient(corpus), pubmed=pubmed, progress=False, on_message=messages.append)
    assert len(messages) == 1 and messages[0].startswith("PubMed not reached") and report.messages == messages
    assert report.counts()["matched"] == 17 and not any(r.PMID for r in out)
    assert {row.sources["pubmed"]["status"] for row in report.rows} == {"unresolved"}


def test_a_checkpointed_run_resumes_without_asking_pubmed_again(bib, corpus, make_client, server, tmp_path):
    state = tmp_path / "outcomes.jsonl"
    first, _ = resolve(bib, FakeClient(corpus), pubmed=make_client(), progress=False, checkpoint=state)
    server.clear()
    again = make_client()
    second, report = resolve(bib, FakeClient(corpus), pubmed=again, progress=False, checkpoint=state)
    assert server.requests == [] and report.ncbi_requests == 0
    assert [r.to_csl() for r in second] == [r.to_csl() for r in first]
    rerun, report = resolve(first, FakeClient(corpus), pubmed=make_client(), progress=False)  # already resolved
    assert server.requests == [] and [r.PMID for r in rerun] == [r.PMID for r in first]
    assert by_number(report)[6].sources["pubmed"]["PMID"] == "29106061"


def test_an_interrupted_run_keeps_the_finished_chunks(bib, corpus, make_client, server, tmp_path, monkeypatch):
    from myobib.ncbi import crosscheck

    monkeypatch.setattr(crosscheck, "CHUNK", 6)
    state = tmp_path / "outcomes.jsonl"
    interrupted = make_client()
    calls = []

    def citmatch(citations):
        calls.append(len(citations))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return Ncbi.citmatch(interrupted, citations)

    interrupted.citmatch = citmatch
    with pytest.raises(KeyboardInterrupt):
        resolve(bib, FakeClient(corpus), pubmed=interrupted, progress=False, checkpoint=state)
    server.clear()
    out, report = resolve(bib, FakeClient(corpus), pubmed=make_client(), progress=False, checkpoint=state)
    asked = sum(len(r.params["bdata"].split("\r")) for r in server.requests if r.kind == "ecitmatch")
    assert asked == len(bib) - 6 and {r.list_number for r in out if r.PMID} == {3, 6, 7, 10, 11, 17}


def test_resolve_and_build_commands_ask_pubmed(seed_path, corpus, server, tmp_path, monkeypatch, capsys):
    resolve_module = importlib.import_module("myobib.resolve")
    monkeypatch.setattr(resolve_module, "make_client", lambda **options: FakeClient(copy.deepcopy(corpus)))
    report = tmp_path / "report.json"
    args = [
        "resolve",
        str(seed_path),
        "--no-cache",
        "--ncbi-url",
        server.url,
        "--mailto",
        "me@example.org",
        "--ncbi-api-key",
        "test-key",
    ]  # 10 requests a second: the test waits less
    assert cli.main([*args, "-o", str(tmp_path / "out.json"), "--report", str(report)]) == 0
    assert "17 references: 17 matched, 0 ambiguous, 0 not found; 6 PMIDs, 0 PMCIDs;" in capsys.readouterr().err
    rows = json.loads(report.read_text(encoding="utf-8"))["references"]
    assert sum(1 for r in rows if r["PMID"]) == 6 and rows[5]["sources"]["pubmed"]["PMID"] == "29106061"
    assert server.requests and all(r.params["email"] == "me@example.org" for r in server.requests)
    assert all(r.params["api_key"] == "test-key" for r in server.requests)
    server.clear()
    assert cli.main([*args, "--no-pubmed", "-o", str(tmp_path / "none.json")]) == 0
    assert server.requests == [] and "PMIDs" not in capsys.readouterr().err
    out = tmp_path / "build"
    assert (
        cli.main(
            [
                "build",
                str(seed_path),
                "--out",
                str(out),
                "--library",
                str(SEED_LIBRARY),
                "--no-crossref",
                "--no-cache",
                "--ncbi-url",
                server.url,
                "--ncbi-api-key",
                "test-key",
            ]
        )
        == 0
    )
    page = (out / f"{seed_path.stem}.reading-list.md").read_text(encoding="utf-8")
    assert "[PMID:29106061](https://pubmed.ncbi.nlm.nih.gov/29106061/)" in page
    items = json.loads((out / f"{seed_path.stem}.json").read_text(encoding="utf-8"))
    assert sum(1 for item in items if item.get("PMID")) == 6
