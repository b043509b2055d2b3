"""The NCBI client against the stand-in: identity, batches, limits, failures inside HTTP 200, cache."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from myobib.crossref.ratelimit import Limit
from myobib.errors import NcbiBlocked, NcbiError, NcbiTooManyErrors, NcbiUnavailable
from myobib.ncbi.client import EUTILS, Citation, Failed, Ncbi, NcbiOfflineMiss, _parse_citmatch
from tests.conftest import SHARED
from tests.ncbi_server import NcbiStandIn

SAMPLES = SHARED / "ncbi-samples"
LUNDBERG = Citation("r1", "Arthritis Rheumatol", "2017", "69", "2271", "Lundberg IE")


def test_every_request_names_the_tool_and_the_address_and_the_key_when_given(make_client, server):
    make_client().search("lundberg[1au]")
    make_client(api_key="k3y").summaries(["29106061"])
    first, second = server.requests
    assert first.params["tool"] == "myobib" and first.params["email"] == "tests@example.org"
    assert "api_key" not in first.params and second.params["api_key"] == "k3y"


def test_the_cache_keeps_neither_address_nor_key(server, tmp_path):
    path = tmp_path / "ncbi.sqlite"
    Ncbi(base_url=server.url, cache=path, mailto="secret@example.org", api_key="k3y").summaries(["29106061"])
    stored = Path(path).read_bytes()
    assert b"29106061" in stored and b"secret@example.org" not in stored and b"k3y" not in stored


def test_recorded_ecitmatch_outcomes_are_read_for_what_they_are():
    read = {f.name: _parse_citmatch(f.read_bytes()) for f in SAMPLES.glob("ecitmatch-*.txt")}
    assert [(m.key, m.status, m.pmid) for m in read["ecitmatch-mixed-found-and-invalid-journal.txt"]] == [
        ("Art1", "found", "2014248"),
        ("ref2", "invalid-journal", None),
        ("Art4", "found", "31978945"),
    ]
    (count,) = read["ecitmatch-ambiguous-count.txt"]
    assert count.status == "ambiguous" and count.count == 5 and count.candidates == () and count.pmid is None
    (listed,) = read["ecitmatch-ambiguous-candidate-list.txt"]
    assert listed.status == "ambiguous" and listed.candidates == ("29209023", "28489913")
    (missing,) = read["ecitmatch-not-found-RECONSTRUCTED.txt"]
    assert missing.status == "not-found" and missing.pmid is None


def test_citmatch_asks_25_a_request_and_answers_every_key(make_client, server):
    citations = [Citation(f"k{i}", "Chest", "2016", "150", str(1118 + (i % 2)), "Morisset J") for i in range(60)]
    server.inject("omit", route="ecitmatch")  # ECitMatch leaves out a line it cannot classify
    answers = make_client().citmatch(citations)
    assert [r.kind for r in server.requests] == ["ecitmatch"] * 3
    assert answers["k0"].status == "unclassified"  # the omitted one: not "not found"
    assert answers["k2"].pmid == "27102182" and answers["k1"].status == "not-found"
    assert set(answers) == {c.key for c in citations}
    assert "\r" in server.requests[0].params["bdata"] and server.requests[0].params["retmode"] == "xml"


def test_an_esearch_error_inside_200_is_retried_and_never_read_as_no_match(make_client, server):
    server.inject("error", route="esearch")
    client = make_client()
    assert client.search('"lundberg ie"[1au] AND 2017[dp]') == ["29106061"]
    assert client.stats.retries == 1
    server.inject("error", times=4, route="esearch")
    with pytest.raises(NcbiError) as err:
        client.search('"lundberg ie"[1au] AND 2017[dp]')
    assert type(err.value) is NcbiError and "Search Backend failed" in str(err.value)


def test_a_per_uid_esummary_error_is_asked_again_then_failed_never_missing(make_client, server):
    server.inject("uid-error", route="esummary")
    docs = make_client().summaries(["29106061", "27102182", "40482261"])
    assert docs["29106061"]["title"].startswith("2017 European League")  # asked again: fine the second time
    assert isinstance(docs["40482261"], Failed) and "cannot get document summary" in docs["40482261"].reason
    assert [len(r.params["id"].split(",")) for r in server.requests] == [3, 2]  # only the failed uids again


@pytest.mark.parametrize("fault", ["error", "truncate", "short-body", "reset"])
def test_empty_or_broken_efetch_answers_are_retried(make_client, server, fault):
    server.inject(fault, route="efetch")
    articles = make_client().fetch(["33599244"])
    assert articles["33599244"].links[0]["type"] == "ErratumIn"
    assert [r.fault for r in server.requests] == [fault, None]


def test_the_rate_limit_body_is_a_throttle_whatever_its_status(make_client, server, fake_time):
    server.inject("limit-200")
    server.inject("429", retry_after=2)
    client = make_client()
    assert client.search("lundberg[1au] AND 2017[dp]") == ["29106061"]
    assert client.stats.throttled == 2 and 2.0 in fake_time.sleeps
    assert client.limiter.spacing(EUTILS) > 1 / 3  # slowed down after the 429s


def test_read_timeouts_are_retried(server, fake_time):
    server.inject("delay", delay=0.6)
    client = Ncbi(base_url=server.url, cache=False, timeout=(2, 0.2), sleep=fake_time.sleep, clock=fake_time.clock)
    assert client.summaries(["29106061"])["29106061"]["uid"] == "29106061"
    assert client.stats.retries == 1


def test_three_a_second_without_a_key_ten_with_one_budget_for_all_eutilities(make_client, server, fake_time):
    client = make_client()
    client.citmatch([LUNDBERG])
    client.summaries(["29106061"])
    client.search("lundberg[1au]")
    client.fetch(["29106061"])
    starts = [t for t in fake_time.sleeps if t > 0]
    assert len(starts) == 3 and all(abs(t - 1.03 / 3) < 0.01 for t in starts)  # one budget across endpoints
    keyed = make_client(api_key="k3y")
    assert keyed.limiter is not client.limiter and abs(keyed.limiter.spacing(EUTILS) - 1.03 / 10) < 1e-9


def test_a_lower_advertised_limit_is_obeyed(make_client):
    client = make_client(api_key="k3y")
    client._observe(EUTILS, {"x-ratelimit-limit": "5"})
    assert client.limiter.current(EUTILS) == Limit(5, 1.0, 5)


def test_with_limits_enforced_the_client_gets_no_429():
    with NcbiStandIn(enforce=True) as server:
        client = Ncbi(base_url=server.url, cache=False)
        started = time.monotonic()
        for pmid in ("29106061", "27102182", "33599244", "32534273", "20880069", "17397768", "28382787"):
            client.summaries([pmid])
        took = time.monotonic() - started
    assert all(r.status == 200 for r in server.requests) and took >= 6 * (1 / 3)
    assert server.requests[0].headers.get("user-agent", "").startswith("myobib/")


def test_the_id_converter_takes_200_ids_a_request_and_not_in_pmc_is_an_answer(make_client, server):
    pmids = ["28382787", "27102182", *(str(90000001 + i) for i in range(248))]
    found = make_client().convert(pmids, "pmid")
    assert [r.kind for r in server.requests] == ["idconv", "idconv"]
    assert found["28382787"] == {"pmid": "28382787", "pmcid": "PMC5407906", "doi": "10.1002/art.40064"}
    assert found["27102182"] is None  # in PubMed, not in PMC
    assert found["90000002"]["pmcid"].startswith("PMC9")
    by_pmcid = make_client().convert(["PMC5407906", "pmc6458579"], "pmcid")
    assert by_pmcid["PMC5407906"]["pmid"] == "28382787" and by_pmcid["pmc6458579"]["doi"] == "10.2478/hukin-2018-0057"


def test_warm_cache_asks_nothing_and_offline_misses_say_so(server, tmp_path):
    path = tmp_path / "ncbi.sqlite"
    Ncbi(base_url=server.url, cache=path).citmatch([LUNDBERG])
    server.clear()
    warm = Ncbi(base_url=server.url, cache=path, offline=True)
    assert warm.citmatch([LUNDBERG])["r1"].pmid == "29106061" and server.requests == []
    with pytest.raises(NcbiOfflineMiss):
        warm.search("lundberg[1au]")
    with pytest.raises(NcbiUnavailable):
        Ncbi(cache=False, offline=True)


def test_failed_uids_are_never_cached(server, tmp_path):
    path = tmp_path / "ncbi.sqlite"
    Ncbi(base_url=server.url, cache=path, sleep=lambda s: None).summaries(["29106061", "40482261"])
    server.clear()
    docs = Ncbi(base_url=server.url, cache=path, sleep=lambda s: None).summaries(["29106061", "40482261"])
    assert isinstance(docs["40482261"], Failed) and len(server.requests) == 2  # asked again, both times


def test_more_than_ten_percent_failing_stops(server, fake_time):
    server.inject("503", times=1000)
    client = Ncbi(base_url=server.url, cache=False, max_tries=1, sleep=fake_time.sleep, clock=fake_time.clock)
    with pytest.raises(NcbiTooManyErrors):
        for _ in range(50):
            try:
                client.search("lundberg[1au]")
            except NcbiUnavailable:
                continue
    assert 20 <= client.stats.requests < 50


def test_403_is_blocked_and_unreachable_is_one_line(make_client, server):
    server.inject("403")
    with pytest.raises(NcbiBlocked):
        make_client().search("lundberg[1au]")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NcbiUnavailable) as err:
        Ncbi(base_url=f"http://127.0.0.1:{port}", cache=False).search("x[ti]")
    assert str(err.value) == f"cannot connect to http://127.0.0.1:{port}/entrez/eutils (connection refused)"


def test_base_url_from_the_environment_and_the_real_hosts_by_default(monkeypatch):
    monkeypatch.setenv("MYOBIB_NCBI_URL", "http://127.0.0.1:9/")
    assert Ncbi(cache=False).eutils == "http://127.0.0.1:9/entrez/eutils"
    monkeypatch.delenv("MYOBIB_NCBI_URL")
    client = Ncbi(cache=False)
    assert client.eutils == "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    assert client.idconv == "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles"
