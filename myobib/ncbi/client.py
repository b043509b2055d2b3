"""The NCBI client: E-utilities (ECitMatch, ESearch, ESummary, EFetch) and the PMC ID Converter.

    client = Ncbi(mailto="me@example.org")               # api_key=... for 10 requests/s
    client.citmatch([Citation("r1", "Arthritis Rheumatol", "2017", "69", "2271", "Lundberg IE")])
                                                         # {"r1": CitationMatch(status="found", pmid=...)}
    client.summaries(["29106061"])                       # {"29106061": ESummary DocSum}
    client.search('lundberg ie[1au] AND 2017[dp]')       # ["29106061", ...]
    client.fetch(["29106061"])                           # {"29106061": Article (types, links, ids)}
    client.convert(["29106061"], "pmid")                 # {"29106061": {"pmid", "pmcid", "doi"} or None}

`Ncbi(base_url=None, mailto=None, api_key=None, session=None, cache=None, offline=False,
timeout=(10, 30), max_tries=4, sleep=time.sleep, clock=time.monotonic)`. `base_url` (else
`$MYOBIB_NCBI_URL`) is one root for both services, which sit under it at NCBI's own paths
(`/entrez/eutils/…` and `/tools/idconv/api/v1/articles/`); unset, they are NCBI's two hosts.
`mailto` (else `$MYOBIB_MAILTO`) goes out as `email`, with `tool=myobib`, on every request;
`api_key` (else `$MYOBIB_NCBI_API_KEY`) as `api_key`. `cache`: None = `ncbi.sqlite` in the user
cache dir, a path = that file (a Crossref cache file may be shared), False = none.

Limits: without a key 3 requests a second, with one 10, one budget for all E-utilities (the ID
Converter, another service, gets a budget of its own at the same rate), never more requests in
flight than the rate; `X-RateLimit-Limit` is obeyed when lower, and a 429 halves the rate.

Failures NCBI sends as HTTP 200 are failures here, never "no match": the rate-limit body
(`{"error":"API rate limit exceeded",…}`, whatever the status), an ESearch `ERROR`, truncated
JSON or XML and an empty EFetch set are retried like a 5xx; a per-uid ESummary `error` or an
EFetch set missing some uids is asked again for those uids, and what still fails comes back as
a `Failed` value for that uid. "Not in PMC" from the ID Converter is an answer (None).
Errors: `NcbiError` (refusals, a search NCBI keeps failing on), `NcbiBlocked` (403),
`NcbiUnavailable` (unreachable, retries used up), `NcbiOfflineMiss`, `NcbiTooManyErrors` (more
than 10% of requests failed).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from ..crossref.cache import WORK_TTL
from ..crossref.client import PROJECT_URL, checked_mailto, open_cache
from ..crossref.ratelimit import Limit, shared_limiter
from ..errors import NcbiBlocked, NcbiError, NcbiTooManyErrors, NcbiUnavailable
from ..webservice import Failures, Retry, WebService, retry_after

__all__ = [
    "DEFAULT_EUTILS",
    "DEFAULT_IDCONV",
    "Article",
    "Citation",
    "CitationMatch",
    "Failed",
    "Ncbi",
    "NcbiOfflineMiss",
]

DEFAULT_EUTILS = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
DEFAULT_IDCONV = "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles"
EUTILS_PATH = "/entrez/eutils"
IDCONV_PATH = "/tools/idconv/api/v1/articles"
TOOL = "myobib"
EUTILS, IDCONV = "eutils", "idconv"
CITMATCH_BATCH = 25  # the only tested cap (no limit is documented)
UID_BATCH = 200  # ESummary/EFetch by GET, and the ID Converter's own maximum
LIMITS = {
    "public": {EUTILS: Limit(3, 1.0, 3), IDCONV: Limit(3, 1.0, 3)},
    "key": {EUTILS: Limit(10, 1.0, 10), IDCONV: Limit(10, 1.0, 10)},
}
_RATE_LIMITED = re.compile(r"rate limit|/lbsm/|\bNeg\b", re.IGNORECASE)


class NcbiOfflineMiss(NcbiUnavailable):
    """Offline, and the answer is not in the cache: this look-up only."""


@dataclass(frozen=True)
class Citation:
    """One ECitMatch line: `journal|year|volume|first_page|author|key|` (any field may be empty)."""

    key: str
    journal: str = ""
    year: str = ""
    volume: str = ""
    first_page: str = ""
    author: str = ""

    def line(self) -> str:
        fields = (self.journal, self.year, self.volume, self.first_page, self.author, self.key)
        return "|".join(_bdata_field(f) for f in fields) + "|"


@dataclass(frozen=True)
class CitationMatch:
    """ECitMatch's answer for one citation.

    `status`: `found` (`pmid`), `not-found`, `invalid-journal`, `ambiguous` (`candidates` when
    listed, `count` when only counted), or `unclassified` (no line came back, or an outcome
    this client does not know; `raw` keeps it).
    """

    key: str
    status: str
    pmid: str | None = None
    candidates: tuple[str, ...] = ()
    count: int | None = None
    raw: str = ""


@dataclass(frozen=True)
class Failed:
    """A uid NCBI kept failing on (a per-uid ESummary `error`, or absent from EFetch's set)."""

    uid: str
    reason: str


@dataclass(frozen=True)
class Article:
    """What EFetch's PubMed XML says beyond the DocSum: publication types, linked notices, identifiers."""

    pmid: str
    types: tuple[str, ...] = ()
    links: tuple[Mapping[str, str], ...] = ()  # {"type": RefType, "pmid", "source": RefSource, "doi"}
    ids: Mapping[str, str] = field(default_factory=dict)  # {"doi": ..., "pmc": ...}
    status: str | None = None  # PublicationStatus: ppublish, epublish, aheadofprint


class Ncbi(WebService):
    """A client of NCBI's E-utilities and PMC ID Converter (see the module docstring)."""

    name = "NCBI"
    failures = Failures(NcbiError, NcbiUnavailable, NcbiBlocked, NcbiTooManyErrors, NcbiOfflineMiss)

    def __init__(
        self,
        base_url: str | None = None,
        mailto: str | None = None,
        api_key: str | None = None,
        session: requests.Session | None = None,
        cache: str | os.PathLike[str] | bool | None = None,
        offline: bool = False,
        timeout: float | tuple[float, float] = (10, 30),
        max_tries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        from .. import __version__

        root = (base_url or os.environ.get("MYOBIB_NCBI_URL") or "").strip().rstrip("/")
        self.eutils = root + EUTILS_PATH if root else DEFAULT_EUTILS
        self.idconv = root + IDCONV_PATH if root else DEFAULT_IDCONV
        self.mailto = checked_mailto(mailto)
        key = api_key if api_key is not None else os.environ.get("MYOBIB_NCBI_API_KEY", "")
        self.api_key = key.strip() or None
        tier = "key" if self.api_key else "public"
        identity = hashlib.sha256(self.api_key.encode()).hexdigest() if self.api_key else None
        super().__init__(
            self.eutils,
            session=session,
            cache=open_cache(cache, "ncbi"),
            offline=offline,
            timeout=timeout,
            max_tries=max_tries,
            sleep=sleep,
            clock=clock,
            limiter=shared_limiter(self.eutils, tier, identity, clock, LIMITS[tier]),
            headers={"User-Agent": f"myobib/{__version__} (+{PROJECT_URL})"},
        )

    # -- public -----------------------------------------------------------------------------------

    def citmatch(self, citations: Sequence[Citation]) -> dict[str, CitationMatch]:
        """ECitMatch in batches; one answer per citation key (`unclassified` when no line came back)."""
        out: dict[str, CitationMatch] = {}
        for batch in _chunks(list(citations), CITMATCH_BATCH):
            bdata = "\r".join(c.line() for c in batch)
            params = {"db": "pubmed", "retmode": "xml", "bdata": bdata}
            _, lines = self._get("/ecitmatch.cgi", params, EUTILS, f"ECitMatch of {len(batch)} citations")
            found = {m.key: m for m in lines}
            for citation in batch:
                out[citation.key] = found.get(citation.key) or CitationMatch(citation.key, "unclassified")
        return out

    def search(self, term: str, retmax: int = 20) -> list[str]:
        """The PMIDs an ESearch of PubMed finds for `term` (at most `retmax`, newest first)."""
        term = " ".join(term.split())
        if not term:
            return []
        params = {"db": "pubmed", "term": term, "retmode": "json", "retmax": str(int(retmax))}
        _, body = self._get("/esearch.fcgi", params, EUTILS, f"ESearch {term[:60]!r}")
        return [str(uid) for uid in body["esearchresult"].get("idlist") or []]

    def summaries(self, pmids: Iterable[str]) -> dict[str, dict[str, Any] | Failed]:
        """ESummary DocSums (JSON) by PMID; a uid NCBI keeps failing on comes back as `Failed`."""
        return self._by_uid(pmids, "/esummary.fcgi", {"db": "pubmed", "retmode": "json"}, "ESummary")

    def fetch(self, pmids: Iterable[str]) -> dict[str, Article | Failed]:
        """EFetch PubMed XML, reduced to `Article`s by PMID; a uid missing every time comes back as `Failed`."""
        return self._by_uid(pmids, "/efetch.fcgi", {"db": "pubmed", "retmode": "xml"}, "EFetch")

    def convert(self, ids: Iterable[str], idtype: str) -> dict[str, dict[str, str | None] | None]:
        """The PMC ID Converter: each id (all of one `idtype`: pmid, pmcid, doi) to its PMID, PMCID and DOI.

        None for an id PMC does not hold ("Identifier not found in PMC"): an answer, not an error.
        """
        out: dict[str, dict[str, str | None] | None] = {}
        for batch in _chunks(_unique(ids), UID_BATCH):
            params = {"ids": ",".join(batch), "idtype": idtype, "format": "json", "versions": "no"}
            _, records = self._get("/", params, IDCONV, f"ID Converter ({len(batch)} ids)", base=self.idconv)
            for wanted, record in zip(batch, _align(batch, records, idtype), strict=True):
                out[wanted] = record
        return out

    # -- batches by uid ----------------------------------------------------------------------------

    def _by_uid(self, uids: Iterable[str], path: str, params: dict[str, str], what: str) -> dict[str, Any]:
        """Ask in batches; uids that failed are asked once more on their own batch, then reported `Failed`."""
        out: dict[str, Any] = {}
        for batch in _chunks(_unique(uids), UID_BATCH):
            pending, reasons = batch, {}
            for attempt in (1, 2):
                try:
                    _, answers = self._get(
                        path, {**params, "id": ",".join(pending)}, EUTILS, f"{what} of {len(pending)}"
                    )
                except NcbiError as exc:
                    if type(exc) is not NcbiError:  # unreachable, blocked, over budget: the run stops
                        raise
                    reasons.update({uid: str(exc) for uid in pending})
                    break
                for uid in pending:
                    answer = answers.get(uid)
                    if isinstance(answer, Failed) or answer is None:
                        reasons[uid] = answer.reason if answer else f"{what} returned nothing for it"
                    else:
                        out[uid] = answer
                        reasons.pop(uid, None)
                pending = [uid for uid in pending if uid in reasons]
                if not pending:
                    break
                self._count_error()
                if attempt == 1:
                    self.stats.add(self._stats_lock, retries=1)
                    self._sleep(self._backoff(attempt))
            for uid in pending:
                out[uid] = Failed(uid, f"{what}: {reasons[uid]}")
        return out

    # -- how NCBI answers --------------------------------------------------------------------------

    def _identity(self) -> dict[str, str]:
        who = {"tool": TOOL}
        if self.mailto:
            who["email"] = self.mailto
        if self.api_key:
            who["api_key"] = self.api_key
        return who

    def _observe(self, kind: str, headers: Mapping[str, str]) -> None:
        try:
            limit = int(headers.get("x-ratelimit-limit", ""))
        except ValueError:
            return
        if limit > 0:
            self.limiter.advertise(kind, Limit(limit, 1.0, limit))

    def _interpret(self, response: requests.Response, headers: Mapping[str, str], kind: str) -> Any:
        status = response.status_code
        limited = _rate_limit_message(response.content)
        if limited:
            raise Retry(f"rate limit ({limited})", retry_after(headers.get("retry-after")), throttled=True)
        if status == 403:
            raise NcbiBlocked(
                f"NCBI refused access (403) at {self.base_url}: blocked? contact eutilities@ncbi.nlm.nih.gov"
            )
        if status != 200:
            raise NcbiError(f"NCBI rejected the request (HTTP {status}): {_first_line(response.content)}")
        return _parse(response.url, response.content)

    def _decode(self, response: requests.Response) -> Any:
        return _parse(response.url, response.content)

    def _ttl(self, status: int, body: Any) -> timedelta | None:
        if status != 200:
            return None
        if isinstance(body, dict) and any(isinstance(v, Failed) for v in body.values()):
            return None  # a batch with failed uids is asked again, never remembered
        return WORK_TTL


# -- parsing ------------------------------------------------------------------------------------------


def _parse(url: str, content: bytes) -> Any:
    """The body of one endpoint's answer (the endpoint and the uids asked for read from `url`);
    `Retry` for what must be asked again."""
    split = urlsplit(url)
    path = split.path.rstrip("/")
    endpoint = "idconv" if path.endswith("/articles") else path.rsplit("/", 1)[-1].split(".")[0]
    asked = [u for value in parse_qs(split.query).get("id", []) for u in value.split(",") if u]
    if endpoint == "ecitmatch":
        return _parse_citmatch(content)
    if endpoint == "efetch":
        found: dict[str, Article | Failed] = dict(_parse_efetch(content))
        found.update({uid: Failed(uid, "absent from the EFetch set") for uid in asked if uid not in found})
        return found
    body = _json(content)
    if endpoint == "esearch":
        result = body.get("esearchresult")
        if not isinstance(result, dict):
            raise Retry("an ESearch answer without esearchresult")
        if result.get("ERROR"):
            raise Retry(f"ESearch ERROR: {_one_line(result['ERROR'])}", give_up=NcbiError)
        if not isinstance(result.get("idlist"), list):
            raise Retry("an ESearch answer without idlist")
        return body
    if endpoint == "esummary":
        summaries = _parse_esummary(body)
        summaries.update({uid: Failed(uid, "absent from the ESummary result") for uid in asked if uid not in summaries})
        return summaries
    if endpoint == "idconv":
        if body.get("status") != "ok" or not isinstance(body.get("records"), list):
            raise Retry(f"ID Converter: {_one_line(str(body.get('errmsg') or body.get('status')))}", give_up=NcbiError)
        return body["records"]
    raise NcbiError(f"an answer from an unknown NCBI endpoint: {endpoint}")


def _json(content: bytes) -> dict[str, Any]:
    try:
        body = json.loads(content, strict=False)  # NCBI's ERROR texts can hold raw newlines
    except ValueError:
        raise Retry("truncated or invalid JSON") from None
    if not isinstance(body, dict):
        raise Retry("a JSON answer that is not an object")
    return body


def _parse_citmatch(content: bytes) -> list[CitationMatch]:
    """ECitMatch's text lines: the request echoed, then the outcome in the 7th field."""
    out = []
    for line in content.decode("utf-8", "replace").replace("\r", "\n").split("\n"):
        fields = line.split("|")
        if len(fields) < 7 or not fields[5].strip():
            continue
        key, outcome = fields[5].strip(), fields[6].strip()
        if re.fullmatch(r"\d+", outcome):
            out.append(CitationMatch(key, "found", pmid=outcome, raw=outcome))
        elif outcome.startswith("NOT_FOUND"):
            status = "invalid-journal" if "INVALID_JOURNAL" in outcome else "not-found"
            out.append(CitationMatch(key, status, raw=outcome))
        elif outcome.startswith("AMBIGUOUS"):
            listed = tuple(re.findall(r"\d+", outcome)) if "citations" not in outcome else ()
            count = re.search(r"\((\d+) citations?\)", outcome)
            out.append(
                CitationMatch(
                    key,
                    "ambiguous",
                    candidates=listed,
                    count=int(count[1]) if count else len(listed) or None,
                    raw=outcome,
                )
            )
        else:
            out.append(CitationMatch(key, "unclassified", raw=outcome))
    return out


def _parse_esummary(body: dict[str, Any]) -> dict[str, dict[str, Any] | Failed]:
    result = body.get("result")
    if not isinstance(result, dict):
        problem = body.get("esummaryresult") or body.get("error") or "no result"
        raise Retry(f"ESummary: {_one_line(str(problem))}", give_up=NcbiError)
    out: dict[str, dict[str, Any] | Failed] = {}
    for uid in result.get("uids") or []:
        doc = result.get(str(uid))
        if not isinstance(doc, dict):
            out[str(uid)] = Failed(str(uid), "no document summary")
        elif doc.get("error"):
            out[str(uid)] = Failed(str(uid), _one_line(str(doc["error"])))
        else:
            out[str(uid)] = doc
    return out


def _parse_efetch(content: bytes) -> dict[str, Article]:
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise Retry(f"truncated or invalid XML ({exc})") from None
    if root.tag != "PubmedArticleSet":
        raise Retry(f"an EFetch answer without PubmedArticleSet ({root.tag})")
    out = {}
    for node in root:
        article = _article(node)
        if article is not None:
            out[article.pmid] = article
    if not out:
        raise Retry("an empty EFetch set", give_up=NcbiError)
    return out


def _article(node: ET.Element) -> Article | None:
    """One `PubmedArticle` or `PubmedBookArticle`."""
    pmid = node.findtext("MedlineCitation/PMID") or node.findtext("BookDocument/PMID")
    if not pmid:
        return None
    types = tuple(t.text.strip() for t in node.iter("PublicationType") if t.text)
    links = []
    for link in node.iter("CommentsCorrections"):
        source = " ".join((link.findtext("RefSource") or "").split())
        doi = re.search(r"\bdoi:\s*(10\.\S+?)\.?(?:\s|$)", source)
        links.append(
            {
                "type": link.get("RefType") or "",
                "pmid": (link.findtext("PMID") or "").strip(),
                "source": source,
                "doi": doi[1] if doi else "",
            }
        )
    ids = {}
    for item in node.iter("ArticleId"):
        kind = (item.get("IdType") or "").lower()
        if kind in ("doi", "pmc") and item.text and kind not in ids:
            ids[kind] = item.text.strip()
    status = node.findtext("PubmedData/PublicationStatus") or node.findtext("PubmedBookData/PublicationStatus")
    return Article(pmid.strip(), types, tuple(links), ids, status)


def _align(batch: list[str], records: list[Any], idtype: str) -> list[dict[str, str | None] | None]:
    """ID Converter records in the order of `batch` (by `requested-id`, else by the id itself, else by position)."""
    by_id: dict[str, Any] = {}
    for record in records:
        if not isinstance(record, dict):
            continue
        for key in (record.get("requested-id"), record.get(idtype)):
            if key is not None:
                by_id.setdefault(str(key).lower(), record)
    out = []
    for position, wanted in enumerate(batch):
        record = by_id.get(wanted.lower())
        if record is None and len(records) == len(batch) and isinstance(records[position], dict):
            record = records[position]
        if record is None or record.get("status") == "error" or not record.get("pmcid"):
            out.append(None)
        else:
            out.append({k: (str(record[k]) if record.get(k) else None) for k in ("pmid", "pmcid", "doi")})
    return out


def _rate_limit_message(content: bytes) -> str | None:
    """The `error` of NCBI's rate-limit body (`API rate limit exceeded`, `/lbsm/eutils_lb -> Neg`)."""
    if not content.lstrip().startswith(b"{") or len(content) > 2000:
        return None
    try:
        body = json.loads(content)
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) and _RATE_LIMITED.search(error) else None


def _bdata_field(value: str) -> str:
    """An ECitMatch field: no `|`, no line breaks, punctuation dropped, spaces single."""
    return " ".join(re.sub(r"[|\r\n.,;:()\[\]\"']", " ", value or "").split())


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197] + "..."


def _first_line(content: bytes) -> str:
    lines = content.decode("utf-8", "replace").strip().splitlines()
    return _one_line(lines[0]) if lines else "(empty body)"
