"""The Crossref client against the stand-in on 127.0.0.1: envelopes, errors, retries, limits, pools, cache."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from myobib.crossref.cache import ResponseCache
from myobib.crossref.client import SELECT, Crossref, OfflineMiss, _retry_after
from myobib.crossref.ratelimit import LIST, SINGLE, Limiter, parse_interval
from myobib.errors import CrossrefBlocked, CrossrefError, CrossrefUnavailable, InputError, OutputError, TooManyErrors
from tests.crossref_server import CrossrefStandIn

MORISSET = ("Morisset J, Johnson C, Rich E, Collard HR, Lee JS. Management of Myositis-Related Interstitial Lung "
            "Disease. Chest. 2016 Nov;150(5):1118-1128.")


class FakeTime:
    """A clock that only moves when slept on: backoff and spacing tests run instantly."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server():
    with CrossrefStandIn() as standin:
        yield standin


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def client(server, fake_time):
    with Crossref(base_url=server.url, cache=False, sleep=fake_time.sleep, clock=fake_time.clock) as c:
        yield c


def no_env(monkeypatch):
    monkeypatch.delenv("MYOBIB_MAILTO", raising=False)
    monkeypatch.delenv("MYOBIB_CROSSREF_URL", raising=False)


# -- envelopes and answers ---------------------------------------------------------------------------


def test_work_returns_the_message_and_url_encodes_the_doi(client, server):
    work = client.work("10.1002/ART.40320")
    assert work["DOI"] == "10.1002/art.40320" and work["score"] == 1
    assert work["container-title"] == ["Arthritis & Rheumatology"]
    assert server.requests[0].path == "/works/10.1002%2FART.40320"


def test_doi_urls_and_prefixes_are_accepted(client, server):
    assert client.work("https://doi.org/10.1002/art.40320")["DOI"] == "10.1002/art.40320"
    assert client.work("doi: 10.1002/art.40320")["DOI"] == "10.1002/art.40320"
    assert [r.path for r in server.requests] == ["/works/10.1002%2Fart.40320"] * 2


def test_unknown_doi_is_none(client, server):
    assert client.work("10.1002/not-a-work") is None
    assert len(server.requests) == 1 and client.stats.errors == 0


def test_search_sends_one_bibliographic_query_with_select_and_returns_items(client, server):
    items = client.search(MORISSET, rows=3)
    assert [i["DOI"] for i in items][:2] == ["10.5555/seed-7", "10.5555/distractor-7-same-author"]
    assert len(items) == 3 and all(isinstance(i["score"], float) for i in items)
    assert set(items[0]) <= set(SELECT.split(","))
    (req,) = server.requests
    assert req.params == {"query.bibliographic": MORISSET, "rows": "3", "select": SELECT}


def test_empty_search_sends_nothing(client, server):
    assert client.search("  \n ") == []
    assert server.requests == []


def test_400_is_never_retried_and_carries_the_servers_message(client, server):
    with pytest.raises(CrossrefError) as err:
        client.search("myositis", rows=5000)
    assert "Integer specified as 5000 but must be a positive integer less than or equal to 1000" in str(err.value)
    assert len(server.requests) == 1 and client.stats.retries == 0


def test_403_is_blocked_without_retry(client, server):
    server.inject("403")
    with pytest.raises(CrossrefBlocked):
        client.work("10.1002/art.40320")
    assert len(server.requests) == 1


# -- retries -------------------------------------------------------------------------------------------


def test_429_with_retry_after_waits_that_long(client, server, fake_time):
    server.inject("429", retry_after=7)
    assert client.work("10.1002/art.40320")["DOI"] == "10.1002/art.40320"
    assert 7 in fake_time.sleeps
    assert (client.stats.throttled, client.stats.retries, len(server.requests)) == (1, 1, 2)


def test_429_without_retry_after_backs_off_and_slows_the_bucket(client, server, fake_time):
    server.inject("429", route="list")
    before = client.limiter.spacing(LIST)
    client.search("dermatomyositis")
    backoffs = [s for s in fake_time.sleeps if s >= 0.9]
    assert len(backoffs) == 1 and 1.0 <= backoffs[0] <= 2.0
    assert client.limiter.spacing(LIST) > 1.5 * before


def test_503_with_retry_after_waits_that_long(client, server, fake_time):
    server.inject("503", retry_after=5)
    assert client.search("myositis")
    assert 5 in fake_time.sleeps and client.stats.throttled == 0


def test_503s_back_off_exponentially_then_succeed(client, server, fake_time):
    server.inject("503", times=2)
    assert client.work("10.1002/art.40320") is not None
    first, second = [s for s in fake_time.sleeps if s >= 0.9]
    assert 1.0 <= first <= 2.0 and 2.0 <= second <= 4.0
    assert client.stats.retries == 2 and client.stats.errors == 2


@pytest.mark.parametrize("fault", ["truncate", "short-body", "reset"])
def test_broken_answers_are_retried(client, server, fault):
    server.inject(fault)
    assert client.work("10.1002/art.40320")["DOI"] == "10.1002/art.40320"
    assert len(server.requests) == 2 and server.requests[0].fault == fault


def test_read_timeout_is_retried(server, fake_time):
    server.inject("delay", delay=0.8)
    c = Crossref(base_url=server.url, cache=False, timeout=(2, 0.2), sleep=fake_time.sleep, clock=fake_time.clock)
    assert c.search(MORISSET)[0]["DOI"] == "10.5555/seed-7"
    assert c.stats.retries == 1 and c.stats.errors == 1


def test_retries_are_capped(server, fake_time):
    server.inject("503", times=10)
    c = Crossref(base_url=server.url, cache=False, max_tries=3, sleep=fake_time.sleep, clock=fake_time.clock)
    with pytest.raises(CrossrefUnavailable) as err:
        c.work("10.1002/art.40320")
    assert len(server.requests) == 3 and "HTTP 503" in str(err.value) and "\n" not in str(err.value)


def test_connection_refused_is_unavailable_in_one_line(fake_time):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = Crossref(base_url=f"http://127.0.0.1:{port}", cache=False, sleep=fake_time.sleep, clock=fake_time.clock)
    with pytest.raises(CrossrefUnavailable) as err:
        c.work("10.1002/art.40320")
    assert str(err.value) == f"cannot connect to http://127.0.0.1:{port} (connection refused)"


def test_too_many_errors_stops_the_batch(server, fake_time):
    server.inject("503", times=1000)
    c = Crossref(base_url=server.url, cache=False, max_tries=1, sleep=fake_time.sleep, clock=fake_time.clock)
    raised = None
    for _ in range(50):
        try:
            c.work("10.1002/art.40320")
        except TooManyErrors as exc:
            raised = exc
            break
        except CrossrefUnavailable:
            continue
    assert raised is not None and "failed" in str(raised)
    assert 20 <= c.stats.requests < 50


def test_a_few_errors_stay_within_budget(server, fake_time):
    c = Crossref(base_url=server.url, cache=False, max_tries=2, sleep=fake_time.sleep, clock=fake_time.clock)
    for i in range(45):
        if i % 15 == 0:
            server.inject("503")
        assert c.work("10.1002/art.40320") is not None
    assert c.stats.errors == 3 and c.stats.requests == 48


def test_retry_after_forms():
    assert _retry_after("12") == 12.0
    assert _retry_after(None) is None and _retry_after("soon") is None
    assert _retry_after("100000") == 300.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= _retry_after(later) <= 31


# -- limits ---------------------------------------------------------------------------------------------


def keeps_spacing(times: list[float], spacing: float) -> bool:
    """The requests arrived no faster than one per `spacing` on average. The span is measured, not each gap:
    on a loaded machine one request can arrive late and the next on time, so a single gap may be short
    though the client kept its schedule (the limiter's own spacing is tested exactly with fake time)."""
    times = sorted(times)
    return times[-1] - times[0] >= (len(times) - 1) * spacing - 0.1


def test_polite_lists_keep_3_per_second_and_singles_10_with_no_429():
    with CrossrefStandIn(enforce=True) as s:
        c = Crossref(base_url=s.url, mailto="me@example.org", cache=False)
        for q in ("myositis", "dermatomyositis", "lung", "guidelines"):
            c.search(q)
        for _ in range(5):
            c.work("10.1002/art.40320")
        lists = [r.time for r in s.requests if r.kind == "list"]
        singles = [r.time for r in s.requests if r.kind == "single"]
        assert keeps_spacing(lists, 1 / 3)
        assert keeps_spacing(singles, 1 / 10)
        assert all(r.status == 200 for r in s.requests) and c.stats.throttled == 0


def test_limits_lowered_mid_run_are_obeyed():
    with CrossrefStandIn(enforce=True) as s:
        s.schedule_limits(3, "polite-single", limit=4)  # from the 3rd request on: 4 per second, not 10
        c = Crossref(base_url=s.url, mailto="me@example.org", cache=False)
        for _ in range(8):
            c.work("10.1002/art.40320")
        times = [r.time for r in s.requests]
        assert keeps_spacing(times[3:], 0.25)  # after the client saw the new header
        assert all(r.status == 200 for r in s.requests)
        assert c.limiter.current(SINGLE).limit == 4


def test_concurrency_is_capped_across_threads():
    with CrossrefStandIn(enforce=True) as s:
        s.set_limits("polite-single", limit=40)  # advertised higher than published: the published 10/s holds
        c = Crossref(base_url=s.url, mailto="me@example.org", cache=False)
        s.inject("delay", times=12, delay=0.35)  # at 10 starts a second, 4 would overlap without the cap
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(c.work, ["10.1002/art.40320"] * 12))
        assert all(r is not None for r in results)
        assert s.max_concurrency["polite-single"] == 3
        assert c.stats.throttled == 0
        assert keeps_spacing([r.time for r in s.requests], 0.1)


def test_clients_of_one_identity_share_the_budget():
    with CrossrefStandIn(enforce=True) as s:
        one, two = (Crossref(base_url=s.url, mailto="me@example.org", cache=False) for _ in range(2))
        other = Crossref(base_url=s.url, mailto="someone@example.org", cache=False)
        assert one.limiter is two.limiter and one.limiter is not other.limiter
        for _ in range(3):
            one.search("myositis")
            two.search("myositis lung")
        assert keeps_spacing([r.time for r in s.requests], 1 / 3)
        assert all(r.status == 200 for r in s.requests)


def test_limiter_follows_headers_and_429s():
    t = FakeTime()
    lim = Limiter("public", clock=t.clock)
    m = Limiter.MARGIN
    assert lim.spacing(LIST) == pytest.approx(m) and lim.spacing(SINGLE) == pytest.approx(0.2 * m)
    assert lim.concurrency() == 1
    lim.observe(SINGLE, {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s", "x-concurrency-limit": "5"})
    assert lim.spacing(SINGLE) == pytest.approx(0.2 * m) and lim.concurrency() == 1  # never above the published
    lim.observe(SINGLE, {"x-rate-limit-limit": "60", "x-rate-limit-interval": "1m", "x-concurrency-limit": "1"})
    assert lim.spacing(SINGLE) == pytest.approx(m)
    lim.throttled(LIST)
    assert lim.spacing(LIST) == pytest.approx(2 * m)
    waits = []
    for kind in (LIST, LIST):
        waits.append(lim.acquire(kind))
        lim.release()
    assert waits == [0.0, pytest.approx(2 * m)]
    assert parse_interval("1s") == 1.0 and parse_interval("500ms") == 0.5 and parse_interval("x") is None


# -- identity and pools ------------------------------------------------------------------------------


def test_public_pool_without_an_address(server, monkeypatch, fake_time):
    no_env(monkeypatch)
    c = Crossref(base_url=server.url, cache=False, sleep=fake_time.sleep, clock=fake_time.clock)
    c.work("10.1002/art.40320")
    (req,) = server.requests
    assert "mailto" not in req.params and "mailto" not in req.headers["user-agent"]
    assert req.headers["user-agent"].startswith("myobib/")
    assert "crossref-plus-api-token" not in req.headers
    assert c.stats.pool == "public-single"


def test_polite_pool_from_the_environment(server, monkeypatch, fake_time):
    monkeypatch.setenv("MYOBIB_MAILTO", "reader@example.org")
    monkeypatch.setenv("MYOBIB_CROSSREF_URL", server.url + "/")
    c = Crossref(cache=False, sleep=fake_time.sleep, clock=fake_time.clock)
    c.search("myositis")
    (req,) = server.requests
    assert req.params["mailto"] == "reader@example.org"
    assert req.headers["user-agent"].endswith("; mailto:reader@example.org)")
    assert c.stats.pool == "polite-array" and c.limiter.current(LIST).rate == 3


def test_plus_token_header_only_when_given(server, fake_time):
    c = Crossref(base_url=server.url, plus_token="s3cret", cache=False, sleep=fake_time.sleep, clock=fake_time.clock)
    c.work("10.1002/art.40320")
    assert server.requests[0].headers["crossref-plus-api-token"] == "Bearer s3cret"
    assert c.stats.pool == "plus-single"


def test_default_url_and_no_shipped_address(monkeypatch):
    no_env(monkeypatch)
    c = Crossref(cache=False)
    assert c.base_url == "https://api.crossref.org" and c.mailto is None
    with pytest.raises(InputError) as err:
        Crossref(mailto="not an address", cache=False)
    assert str(err.value).startswith("--mailto: not an e-mail address")
    monkeypatch.setenv("MYOBIB_MAILTO", "nobody")
    with pytest.raises(InputError) as err:
        Crossref(cache=False)
    assert str(err.value).startswith("MYOBIB_MAILTO:")


# -- cache ----------------------------------------------------------------------------------------------


def test_second_run_is_answered_from_the_cache(server, tmp_path, fake_time):
    path = tmp_path / "crossref.sqlite"
    first = Crossref(base_url=server.url, mailto="a@example.org", cache=path, sleep=fake_time.sleep,
                     clock=fake_time.clock)
    answers = (first.work("10.1002/art.40320"), first.work("10.1002/none"), first.search(MORISSET))
    first.close()
    sent = len(server.requests)
    assert sent == 3
    second = Crossref(base_url=server.url, mailto="b@example.org", cache=path, sleep=fake_time.sleep,
                      clock=fake_time.clock)
    again = (second.work("10.1002/ART.40320"), second.work("10.1002/none"), second.search(MORISSET))
    assert again == answers
    assert len(server.requests) == sent and second.stats.requests == 0 and second.stats.cache_hits == 3


def test_errors_and_broken_bodies_are_not_cached(server, tmp_path, fake_time):
    path = tmp_path / "c.sqlite"
    c = Crossref(base_url=server.url, cache=path, max_tries=1, sleep=fake_time.sleep, clock=fake_time.clock)
    server.inject("503")
    with pytest.raises(CrossrefUnavailable):
        c.work("10.1002/art.40320")
    server.inject("truncate")
    with pytest.raises(CrossrefUnavailable):
        c.work("10.1002/art.40320")
    assert c.work("10.1002/art.40320")["DOI"] == "10.1002/art.40320"
    assert len(server.requests) == 3
    assert c.work("10.1002/art.40320") is not None and len(server.requests) == 3


def test_offline_answers_from_the_cache_and_fails_on_a_miss(server, tmp_path, fake_time):
    path = tmp_path / "c.sqlite"
    Crossref(base_url=server.url, cache=path, sleep=fake_time.sleep, clock=fake_time.clock).search(MORISSET)
    offline = Crossref(base_url=server.url, cache=path, offline=True)
    assert offline.search(MORISSET)[0]["DOI"] == "10.5555/seed-7"
    with pytest.raises(OfflineMiss) as err:
        offline.work("10.1002/art.40320")
    assert isinstance(err.value, CrossrefUnavailable) and str(err.value).startswith("offline: not in cache")
    assert len(server.requests) == 1
    with pytest.raises(CrossrefUnavailable):
        Crossref(cache=False, offline=True)


def test_expired_entries_are_asked_again(server, tmp_path, fake_time, monkeypatch):
    from myobib.crossref import client as client_module

    monkeypatch.setattr(client_module, "WORK_TTL", timedelta(seconds=-1))
    c = Crossref(base_url=server.url, cache=tmp_path / "c.sqlite", sleep=fake_time.sleep, clock=fake_time.clock)
    c.work("10.1002/art.40320")
    c.work("10.1002/art.40320")
    assert len(server.requests) == 2 and c.stats.cache_hits == 0


def test_default_cache_lives_in_the_user_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    c = Crossref(base_url="http://127.0.0.1:9")
    assert c.cache is not None and c.cache.path.is_relative_to(tmp_path)
    c.close()


def test_stats_fields(client, server):
    client.work("10.1002/art.40320")
    stats = client.stats.as_dict()
    assert stats["requests"] == 1 and stats["cache_hits"] == 0 and stats["pool"] == "public-single"


def test_cache_paths(tmp_path):
    assert ResponseCache(tmp_path).path == tmp_path / "crossref.sqlite"
    assert ResponseCache(tmp_path / "mine").path == tmp_path / "mine.sqlite"
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError) as err:
        ResponseCache(tmp_path / "file" / "c.sqlite")
    assert "cannot open the Crossref cache" in str(err.value)
