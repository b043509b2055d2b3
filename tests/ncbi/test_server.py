"""The NCBI stand-in speaks the recorded formats and searches its corpus for real; NCBI's limits hold."""

from __future__ import annotations

import json

import pytest
import requests

from tests.conftest import SHARED
from tests.ncbi_server import NcbiStandIn

SAMPLES = SHARED / "ncbi-samples"


def eutil(server, name: str, **params) -> requests.Response:
    return requests.get(f"{server.url}/entrez/eutils/{name}", params=params, timeout=10)


def test_ecitmatch_answers_ncbis_own_example_byte_for_byte(server):
    bdata = "proc natl acad sci u s a|1991|88|3248|mann bj|Art1|\rscience|1987|235|182|palmenberg ac|Art2|"
    answer = eutil(server, "ecitmatch.cgi", db="pubmed", retmode="xml", bdata=bdata)
    assert answer.content == (SAMPLES / "ecitmatch-found-two-citations.txt").read_bytes()
    assert answer.headers["Content-Type"].startswith("text/plain")


def test_ecitmatch_blanks_the_author_of_an_unknown_journal_as_recorded(server):
    bdata = (
        "proc natl acad sci u s a|1991|88|3248|mann bj|Art1|\rfake journal|2000|1|1|nobody|ref2|\r"
        "n engl j med|2020|382|727|zhu n|Art4|"
    )
    answer = eutil(server, "ecitmatch.cgi", db="pubmed", retmode="xml", bdata=bdata)
    assert answer.content == (SAMPLES / "ecitmatch-mixed-found-and-invalid-journal.txt").read_bytes()


def test_ecitmatch_matches_on_journal_volume_and_page_like_ncbis(server):
    def outcome(line: str) -> str:
        return eutil(server, "ecitmatch.cgi", db="pubmed", bdata=line).text.strip().split("|")[-1]

    assert outcome("Arthritis Rheumatol|2017|69|2271|Lundberg IE|a|") == "29106061"
    assert outcome("Arthritis Rheumatol|2018|69|2271|Lundberg IE|a|") == "99000001"  # the other year's record
    assert outcome("Ann Rheum Dis|2017|76|792|Aggarwal R|a|") == "99000002"  # a wrong PMID for a work it lacks
    assert outcome("Arthritis Rheumatol|2018|||Lundberg IE|a|").startswith("AMBIGUOUS ")
    assert outcome("Chest|2016|150|1119|Morisset J|a|") == "NOT_FOUND"


def test_esummary_docsum_has_the_recorded_shape(server):
    recorded = json.loads((SAMPLES / "esummary-json-pubmed-27933103.json").read_text())
    ours = eutil(server, "esummary.fcgi", db="pubmed", id="27933103", retmode="json").json()
    assert ours["header"] == recorded["header"] and ours["result"]["uids"] == ["27933103"]
    doc, expected = ours["result"]["27933103"], recorded["result"]["27933103"]
    assert list(doc) == list(expected)
    for key in ("title", "authors", "source", "volume", "pages", "fulljournalname", "pubdate", "epubdate"):
        assert doc[key] == expected[key], key
    assert {a["value"] for a in doc["articleids"]} == {a["value"] for a in expected["articleids"]}


def test_unknown_uids_get_the_recorded_error_and_efetch_the_recorded_empty_set(server):
    recorded = json.loads((SAMPLES / "esummary-json-unknown-uid.json").read_text())
    assert eutil(server, "esummary.fcgi", db="pubmed", id="40482261", retmode="json").json() == recorded
    empty = eutil(server, "efetch.fcgi", db="pubmed", id="40482261", retmode="xml")
    assert empty.content.strip() == (SAMPLES / "efetch-pubmed-xml-empty-set.xml").read_bytes().strip()


def test_efetch_xml_carries_the_recorded_links_and_ids(server):
    text = eutil(server, "efetch.fcgi", db="pubmed", id="35649368,9500320", retmode="xml").text
    recorded = (SAMPLES / "efetch-pubmed-xml-erratumin-35649368.xml").read_text()
    assert text.splitlines()[:2] == recorded.splitlines()[:2]  # the XML declaration and the 2025 DTD
    for piece in (
        '<CommentsCorrections RefType="ErratumIn"><RefSource>Cell Rep. 2022 Jun 28;39(13):111044. doi: '
        '10.1016/j.celrep.2022.111044.</RefSource><PMID Version="1">35767954</PMID>',
        '<ArticleId IdType="doi">10.1016/j.celrep.2022.110870</ArticleId>',
        '<PublicationType UI="D016441">Retracted Publication</PublicationType>',
    ):
        assert piece in text
    post = requests.post(f"{server.url}/entrez/eutils/efetch.fcgi", data={"db": "pubmed", "id": "35649368"}, timeout=10)
    assert post.status_code == 200 and "35767954" in post.text


def test_esearch_searches_by_field_and_drops_words_found_nowhere(server):
    def search(term: str, **more) -> dict:
        return eutil(server, "esearch.fcgi", db="pubmed", term=term, retmode="json", **more).json()["esearchresult"]

    hit = search('"morisset j"[1au] AND 2016[dp]')
    assert hit["idlist"] == ["99000006", "27102182"] and hit["count"] == "2" and isinstance(hit["count"], str)
    assert search('"10.1002/art.40320"[doi]')["idlist"] == ["29106061"]
    dropped = search("myositiss[ti] AND myositis[ti] AND morisset[au]")
    assert dropped["idlist"] == ["27102182"] and dropped["errorlist"]["phrasesnotfound"] == ["myositiss"]
    none = search("morisset[au] AND 1999[dp]")
    assert none["count"] == "0" and none["warninglist"]["outputmessages"] == ["No items found."]
    assert "ERROR" in search("((")
    past = eutil(server, "esearch.fcgi", db="pubmed", term="myositis", retmode="json", retstart="10000")
    with pytest.raises(ValueError):
        json.loads(past.text)  # the raw newline NCBI puts in this ERROR
    assert "9998" in json.loads(past.text, strict=False)["esearchresult"]["ERROR"]


def test_the_id_converter_answers_like_the_new_api(server):
    def convert(**params) -> requests.Response:
        return requests.get(f"{server.url}/tools/idconv/api/v1/articles/", params=params, timeout=10)

    body = convert(ids="30988852,26511006", idtype="pmid", format="json").json()
    assert body["status"] == "ok"
    assert body["records"][0] == {
        "doi": "10.2478/hukin-2018-0057",
        "pmcid": "PMC6458579",
        "pmid": 30988852,
        "requested-id": "30988852",
    }
    assert body["records"][1] == {
        "pmid": 26511006,
        "requested-id": "26511006",
        "status": "error",
        "errmsg": "Identifier not found in PMC",
    }
    assert convert(ids=",".join(str(n) for n in range(201)), idtype="pmid", format="json").status_code == 400
    assert convert(ids="PMC6458579,6031859", idtype="pmcid", format="json").status_code == 400


def test_ncbis_limits_are_enforced_with_ncbis_body():
    with NcbiStandIn(enforce=True) as server:
        answers = [eutil(server, "esearch.fcgi", db="pubmed", term="myositis") for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        body = answers[3].json()
        assert body["error"] == "API rate limit exceeded" and body["limit"] == "3" and body["api-key"] == "127.0.0.1"
        assert answers[0].headers["X-RateLimit-Limit"] == "3"
        # The ID Converter is another service with its own budget.
        converted = requests.get(
            f"{server.url}/tools/idconv/api/v1/articles/", params={"ids": "28382787", "format": "json"}, timeout=10
        )
        assert converted.status_code == 200
        keyed = [eutil(server, "esummary.fcgi", db="pubmed", id="29106061", api_key="k") for _ in range(10)]
        assert all(a.status_code == 200 for a in keyed) and keyed[0].headers["X-RateLimit-Limit"] == "10"
