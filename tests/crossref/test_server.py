"""The Crossref stand-in speaks Crossref's JSON, searches its corpus for real, enforces limits and plays faults."""

from __future__ import annotations

import importlib.util
import json
import threading
import time
from pathlib import Path

import pytest
import requests

from myobib.crossref.client import SELECT
from tests.crossref_server import BM25, CORPUS, CrossrefStandIn, tokens

_spec = importlib.util.spec_from_file_location("make_corpus", CORPUS.with_name("make_corpus.py"))
make_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_corpus)

SAMPLES = "crossref-samples"


@pytest.fixture(scope="module")
def server():
    with CrossrefStandIn() as standin:
        yield standin


@pytest.fixture
def fresh():
    with CrossrefStandIn() as standin:
        yield standin


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> list[dict]:
    return json.loads((shared_dir / "seed" / "seed-references.json").read_text(encoding="utf-8"))


def seed_doi(rec: dict) -> str:
    return rec["doi"] or f"10.5555/seed-{rec['n']}"


def citation(rec: dict) -> str:
    """A Vancouver-like citation string for a seed work."""
    a = rec["first_author"]
    return (f"{a['family']} {a['initials']}. {rec['title_as_published']}. {rec['journal_abbrev']}. {rec['year']};"
            f"{rec['volume'] or ''}({rec['issue'] or ''}):{rec['pages'] or ''}")


# -- envelopes, as recorded --------------------------------------------------------------------------


def test_singleton_envelope_has_the_recorded_shape(server, shared_dir):
    sample = json.loads((shared_dir / SAMPLES / "works-doi-10.1371_journal.pone.0033693.json").read_text())
    r = requests.get(f"{server.url}/works/10.1002%2FART.40320", timeout=5)
    body = r.json()
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/json"
    assert {k: body[k] for k in ("status", "message-type", "message-version")} == {
        k: sample[k] for k in ("status", "message-type", "message-version")}
    msg = body["message"]
    assert msg["DOI"] == "10.1002/art.40320" and msg["score"] == sample["message"]["score"] == 1
    for key in ("title", "container-title", "short-container-title", "ISSN"):
        assert isinstance(msg[key], list)
    assert msg["issued"]["date-parts"][0][0] == 2017
    assert {"given", "family", "sequence", "affiliation"} <= set(msg["author"][0])
    assert not any(k.startswith("_") for k in msg)


def test_unknown_doi_is_the_recorded_404(server):
    r = requests.get(f"{server.url}/works/10.1371/notarealdoi", timeout=5)
    assert r.status_code == 404
    assert r.headers["Content-Type"] == "text/plain"
    assert r.content == b"Resource not found."


def test_field_query_on_a_singleton_is_the_recorded_400(server, shared_dir):
    sample = json.loads((shared_dir / SAMPLES / "error-400-validation-failure.json").read_text())
    r = requests.get(f"{server.url}/works/10.1002/art.40320", params={"query.author": "carl boettiger"}, timeout=5)
    assert r.status_code == 400
    assert r.json() == sample


@pytest.mark.parametrize("params", [{"foo": "1"}, {"rows": "5000"}, {"rows": "x"}, {"select": "DOI,secret"},
                                    {"filter": "has-nothing:true"}])
def test_bad_list_parameters_are_validation_failures(server, params):
    r = requests.get(f"{server.url}/works", params=params, timeout=5)
    body = r.json()
    assert r.status_code == 400
    assert body["status"] == "failed" and body["message-type"] == "validation-failure"
    assert body["message"][0]["message"]


def test_invalid_select_gets_crossrefs_own_400_body(server):
    r = requests.get(f"{server.url}/works", params={"query.bibliographic": "myositis", "select": "DOI,edition-number"},
                     timeout=5)
    assert r.status_code == 400 and r.headers["Content-Type"].startswith("application/json")
    (failure,) = r.json()["message"]
    assert r.json()["status"] == "failed" and r.json()["message-type"] == "validation-failure"
    assert failure["type"] == "select-not-available" and failure["value"] == "edition-number"
    assert failure["message"].startswith("Select edition-number specified but there is no such select for this "
                                         "route. Valid selects for this route are: abstract, URL, resource, member, ")
    assert failure["message"].endswith(", short-container-title, relation, editor")
    # Every field the client selects is one Crossref accepts (the client's own requests never fail so).
    assert set(SELECT.split(",")) <= set(failure["message"].split(": ", 1)[1].split(", "))


@pytest.mark.parametrize("rows", ["1001", "5000", "-1", "x"])
def test_rows_beyond_1000_gets_crossrefs_own_400_body(server, rows):
    r = requests.get(f"{server.url}/works", params={"query.bibliographic": "myositis", "rows": rows}, timeout=5)
    assert r.status_code == 400
    assert r.json()["message"] == [{"type": "integer-not-valid", "value": rows, "message": f"Integer specified as "
                                    f"{rows} but must be a positive integer less than or equal to 1000."}]
    assert requests.get(f"{server.url}/works", params={"rows": "1000"}, timeout=5).status_code == 200


def test_field_queries_search_their_own_field(server):
    # `Lundberg` is a first author, and a word in no title: query.title finds nothing, query.author finds her.
    by_author = requests.get(f"{server.url}/works", params={"query.author": "Lundberg", "rows": 20}, timeout=5)
    items = by_author.json()["message"]["items"]
    assert items and all(any(a.get("family") == "Lundberg" for a in i["author"]) for i in items)
    by_title = requests.get(f"{server.url}/works", params={"query.title": "Lundberg", "rows": 5}, timeout=5)
    assert all("lundberg" in tokens(" ".join(i["title"])) for i in by_title.json()["message"]["items"])
    # query.bibliographic and query.author add up: a work with her among its authors comes first.
    both = requests.get(f"{server.url}/works", params={"query.bibliographic": "classification criteria myositis",
                                                        "query.author": "Lundberg", "rows": 3}, timeout=5)
    assert any(a.get("family") == "Lundberg" for a in both.json()["message"]["items"][0]["author"])


def test_issn_and_date_filters(server):
    params = {"filter": "issn:1462-0324,from-pub-date:2021,until-pub-date:2021-12", "rows": 50}
    items = requests.get(f"{server.url}/works", params=params, timeout=5).json()["message"]["items"]
    assert "10.1093/rheumatology/keab166" in [i["DOI"] for i in items]
    for i in items:
        assert "1462-0324" in i["ISSN"]
        assert any(d["date-parts"][0][0] == 2021 for k in ("issued", "published-print") if (d := i.get(k)))
    bad = requests.get(f"{server.url}/works", params={"filter": "from-pub-date:last-year"}, timeout=5)
    assert bad.status_code == 400 and bad.json()["message"][0]["type"] == "date-not-valid"


def test_list_envelope_has_the_recorded_shape(server, shared_dir):
    sample = json.loads((shared_dir / SAMPLES / "works-list-query-ecology-rows2.json").read_text())
    r = requests.get(f"{server.url}/works", params={"query.bibliographic": "juvenile dermatomyositis", "rows": 2},
                     timeout=5)
    body = r.json()
    assert body["message-type"] == sample["message-type"] == "work-list"
    assert set(body["message"]) == set(sample["message"])
    assert body["message"]["items-per-page"] == 2 and len(body["message"]["items"]) == 2
    assert body["message"]["query"] == {"start-index": 0, "search-terms": "juvenile dermatomyositis"}
    assert body["message"]["total-results"] > 2
    scores = [item["score"] for item in body["message"]["items"]]
    assert all(isinstance(s, float) for s in scores) and scores == sorted(scores, reverse=True)


def test_select_rows_and_doi_filter(server):
    r = requests.get(f"{server.url}/works", params={"query.bibliographic": "myositis", "rows": 3,
                                                     "select": "DOI,title,score"}, timeout=5)
    items = r.json()["message"]["items"]
    assert len(items) == 3 and all(set(i) == {"DOI", "title", "score"} for i in items)
    r = requests.get(f"{server.url}/works", params={"filter": "doi:10.1002/art.40320,doi:10.4046/TRD.2019.0009",
                                                     "rows": 10}, timeout=5)
    assert sorted(i["DOI"] for i in r.json()["message"]["items"]) == ["10.1002/art.40320", "10.4046/trd.2019.0009"]


def test_agency_route(server):
    r = requests.get(f"{server.url}/works/10.1002/art.40320/agency", timeout=5)
    assert r.json()["message"]["agency"]["id"] == "crossref"
    assert requests.get(f"{server.url}/works/10.9999/x/agency", timeout=5).status_code == 404


# -- search is a real search -----------------------------------------------------------------------


def test_every_seed_work_ranks_first_or_behind_its_distractor(server, seed):
    for rec in seed:
        _, items = server.search(citation(rec), 5)
        dois = [i["DOI"] for i in items]
        assert seed_doi(rec) in dois[:2], (rec["n"], dois)
        if dois[0] != seed_doi(rec):  # only a hard distractor of this very work may outrank it
            assert dois[0].startswith(f"10.5555/distractor-{rec['n']}-"), (rec["n"], dois)


def test_hard_distractors_come_up_with_the_work(server, seed):
    for rec in seed:
        _, items = server.search(citation(rec), 5)
        assert any(i["DOI"].startswith(f"10.5555/distractor-{rec['n']}-") for i in items) or rec["n"] in (9, 12)


def test_ranking_follows_the_query_not_a_table():
    docs = ["inclusion body myositis treatment", "dermatomyositis rash", "myositis myositis overview"]
    index = BM25(docs)
    assert [i for _, i in index.scores("inclusion body myositis")][0] == 0
    assert [i for _, i in index.scores("dermatomyositis")] == [1]
    assert index.scores("unrelated words") == []
    assert tokens("Castañeda S, González-Gay MA") == ["castaneda", "s", "gonzalez", "gay", "ma"]


# -- headers and pools -----------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "params", "headers", "pool", "limits"), [
    ("/works/10.1002/art.40320", {}, {}, "public-single", ("5", "1s", "1")),
    ("/works", {"rows": "1"}, {}, "public-array", ("1", "1s", "1")),
    ("/works/10.1002/art.40320", {"mailto": "a@example.org"}, {}, "polite-single", ("10", "1s", "3")),
    ("/works", {"rows": "1"}, {"User-Agent": "x/1 (mailto:a@example.org)"}, "polite-array", ("3", "1s", "3")),
    ("/works", {"rows": "1"}, {"Crossref-Plus-API-Token": "Bearer t"}, "plus-array", ("150", "1s", "10")),
])
def test_rate_limit_headers_by_pool_and_kind(server, path, params, headers, pool, limits):
    r = requests.get(server.url + path, params=params, headers=headers, timeout=5)
    assert r.headers["x-api-pool"] == pool
    assert (r.headers["x-rate-limit-limit"], r.headers["x-rate-limit-interval"],
            r.headers["x-concurrency-limit"]) == limits
    assert r.headers["x-rate-limit-type"] == ("list" if path == "/works" else "single")


def test_limits_can_be_lowered_now_or_after_some_requests(fresh):
    url = f"{fresh.url}/works/10.1002/art.40320"
    fresh.set_limits("public-single", limit=2, interval=2)
    r = requests.get(url, timeout=5)
    assert (r.headers["x-rate-limit-limit"], r.headers["x-rate-limit-interval"]) == ("2", "2s")
    fresh.schedule_limits(3, "public-single", limit=1)
    assert requests.get(url, timeout=5).headers["x-rate-limit-limit"] == "2"
    assert requests.get(url, timeout=5).headers["x-rate-limit-limit"] == "1"


def test_every_request_is_recorded(fresh):
    requests.get(f"{fresh.url}/works", params={"query.bibliographic": "myositis", "mailto": "a@example.org"},
                 headers={"User-Agent": "probe"}, timeout=5)
    requests.get(f"{fresh.url}/works/10.9999/none", timeout=5)
    first, second = fresh.requests
    assert first.path == "/works" and first.params["query.bibliographic"] == "myositis"
    assert first.headers["user-agent"] == "probe" and first.status == 200 and first.kind == "list"
    assert second.status == 404 and second.kind == "single" and second.time >= first.time


# -- enforcement -------------------------------------------------------------------------------------


def test_enforced_rate_answers_429_beyond_the_limit():
    with CrossrefStandIn(enforce=True) as s:
        codes = [requests.get(f"{s.url}/works", params={"rows": "1"}, timeout=5).status_code for _ in range(3)]
        assert codes == [200, 429, 429]
        assert s.requests[1].fault == "limit"
        time.sleep(1.05)  # the public list bucket refills at 1 per second
        assert requests.get(f"{s.url}/works", params={"rows": "1"}, timeout=5).status_code == 200


def test_enforced_concurrency_answers_429_to_a_second_request_in_flight():
    with CrossrefStandIn(enforce=True) as s:
        s.inject("delay", delay=0.5)
        slow = threading.Thread(target=requests.get, args=(f"{s.url}/works/10.1002/art.40320",),
                                kwargs={"timeout": 5})
        slow.start()
        time.sleep(0.15)
        second = requests.get(f"{s.url}/works/10.1136/annrheumdis-2016-209247", timeout=5)
        slow.join()
        assert second.status_code == 429
        assert s.max_concurrency["public-single"] == 1


# -- faults --------------------------------------------------------------------------------------------


def test_429_with_and_without_retry_after(fresh):
    fresh.inject("429", retry_after=3)
    fresh.inject("429")
    first = requests.get(f"{fresh.url}/works/10.1002/art.40320", timeout=5)
    second = requests.get(f"{fresh.url}/works/10.1002/art.40320", timeout=5)
    assert first.status_code == second.status_code == 429
    assert first.headers["Retry-After"] == "3" and "Retry-After" not in second.headers
    assert requests.get(f"{fresh.url}/works/10.1002/art.40320", timeout=5).status_code == 200


def test_faults_apply_to_their_route_only(fresh):
    fresh.inject("503", times=2, route="list")
    assert requests.get(f"{fresh.url}/works/10.1002/art.40320", timeout=5).status_code == 200
    assert [requests.get(f"{fresh.url}/works", timeout=5).status_code for _ in range(3)] == [503, 503, 200]


def test_faults_every_nth_request(fresh):
    fresh.inject("503", times=2, every=3)
    codes = [requests.get(f"{fresh.url}/works/10.1002/art.40320", timeout=5).status_code for _ in range(8)]
    assert codes == [200, 200, 503, 200, 200, 503, 200, 200]


def test_truncated_json_short_body_reset_and_delay(fresh):
    url = f"{fresh.url}/works/10.1002/art.40320"
    fresh.inject("truncate")
    r = requests.get(url, timeout=5)
    with pytest.raises(ValueError):
        r.json()
    fresh.inject("short-body")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(url, timeout=5)
    fresh.inject("reset")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(url, timeout=5)
    fresh.inject("delay", delay=0.6)
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(url, timeout=(2, 0.2))
    assert requests.get(url, timeout=5).json()["message"]["DOI"] == "10.1002/art.40320"


# -- the corpus ------------------------------------------------------------------------------------------


def test_corpus_holds_the_seed_works_distractors_and_filler(seed):
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    assert CORPUS.stat().st_size < 3_000_000  # about 3,000 works: the traps among thousands of distractors
    by_doi = {rec["DOI"]: rec for rec in corpus}
    assert len(by_doi) == len(corpus) >= 400
    seed_dois = {seed_doi(rec) for rec in seed}
    assert seed_dois <= set(by_doi)
    for rec in seed:
        work = by_doi[seed_doi(rec)]
        assert work["container-title"] == [rec["journal"]] and work["short-container-title"] == [rec["journal_abbrev"]]
        assert work.get("volume") == rec["volume"]
        assert work["author"][0]["family"].endswith(rec["first_author"]["family"])
        if not rec["doi"]:
            assert "FICTIONAL" in work["_comment"]
    # Every other DOI is fictional (Crossref's test prefix) or a real work's, and says which.
    for doi in set(by_doi) - seed_dois:
        assert doi.startswith("10.5555/") or by_doi[doi]["_comment"].startswith("Real work"), doi
    erratum = by_doi["10.5555/distractor-10-erratum"]
    assert erratum["update-to"][0]["DOI"] == "10.1093/rheumatology/keab166"
    assert by_doi["10.1093/rheumatology/keab166"]["updated-by"][0]["DOI"] == erratum["DOI"]
    assert by_doi["10.5555/distractor-6-twin"]["short-container-title"] == ["Ann Rheum Dis"]
    assert by_doi["10.5555/distractor-1-twin"]["short-container-title"] == ["Arthritis Rheumatol"]
    assert by_doi["10.5555/distractor-4-reply"]["author"][0]["family"] == "Lundberg"
    for rec in corpus:
        assert isinstance(rec["title"], list) and isinstance(rec["container-title"], list)
        assert all(isinstance(p, int) for p in rec["issued"]["date-parts"][0])


def test_corpus_and_labelled_files_are_what_the_generator_makes(shared_dir):
    corpus, labelled = make_corpus.build_all(shared_dir)
    assert corpus == json.loads(CORPUS.read_text(encoding="utf-8"))
    assert labelled == json.loads(make_corpus.LABELLED.read_text(encoding="utf-8"))
    assert all(case["reason"] and case["kind"] and case["text"] for case in labelled)
