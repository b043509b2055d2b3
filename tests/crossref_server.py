"""A Crossref REST API stand-in on 127.0.0.1 for tests and benchmarks.

    with CrossrefStandIn() as server:            # the corpus in tests/data/crossref/corpus.json
        client = Crossref(base_url=server.url, cache=False)
        ...
        server.requests                           # every request: path, params, headers, time, status

It speaks Crossref's JSON as recorded in ../shared/crossref-samples/:

- `GET /works/{doi}` (URL-encoded, case-insensitive) -> the `work` envelope with `score: 1`; an unknown
  DOI -> 404 `text/plain` `Resource not found.`; field queries -> the 400 `validation-failure` body.
- `GET /works?query.bibliographic=...&rows=N[&select=...][&mailto=...][&filter=...]` -> the `work-list`
  envelope; items ranked by BM25 over title, authors, journal names, years, volume, issue, pages, ISSN
  and ISBN of each record, each carrying a float `score`. The field queries search their own field only
  (`query.author`: author and editor names, `query.title`, `query.container-title`) and add up with the
  bibliographic score. Filters: `doi`, `type`, `issn`, `isbn`, `from-pub-date`, `until-pub-date` (a
  repeated name is ORed, different names ANDed). `select` and `rows` are validated as Crossref does:
  a field outside Crossref's selectable list, or `rows` that is not an integer up to 1000, gets
  Crossref's own 400 `validation-failure` body; so does an unknown parameter or filter.
- `GET /works/{doi}/agency` -> the `work-agency` envelope.

Every response carries `x-rate-limit-limit`, `x-rate-limit-interval`, `x-concurrency-limit`,
`x-api-pool` (`public-single`, `polite-array`, ... from `mailto` / a `mailto:` User-Agent / a Plus
token, and the kind of request) and `x-rate-limit-type` (`single` or `list`).

With `enforce=True` it applies those limits (a token bucket per pool and a concurrency count) and
answers 429 beyond them. Faults are queued by the test with `inject()`: `429` (with or without
`Retry-After`), any status (`503`...), `truncate` (a 200 whose JSON is cut short), `short-body` (the
connection closes before the announced length), `delay` (answer after N seconds), `reset` (TCP reset).
`set_limits()` / `schedule_limits()` lower the advertised limits mid-run.

Run `python3 tests/crossref_server.py [--port N] [--enforce]` to use it from the command line.
"""

from __future__ import annotations

import functools
import json
import math
import random
import re
import socket
import struct
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

CORPUS = Path(__file__).resolve().parent / "data" / "crossref" / "corpus.json"

# (limit, interval in seconds, concurrency) per pool, as Crossref announced them for July 2026.
DEFAULT_LIMITS: dict[str, tuple[int, float, int]] = {
    "public-single": (5, 1.0, 1),
    "public-array": (1, 1.0, 1),
    "polite-single": (10, 1.0, 3),
    "polite-array": (3, 1.0, 3),
    "plus-single": (150, 1.0, 10),
    "plus-array": (150, 1.0, 10),
}
LIST_PARAMS = {
    "query", "query.bibliographic", "query.author", "query.title", "query.container-title", "query.editor", "rows",
    "offset", "select", "mailto", "filter", "sort", "order",
}
# Crossref's answer to an unknown select, in its order: "Valid selects for this route are: ..." (2026-10).
SELECTABLE = (
    "abstract URL resource member posted score created degree update-policy short-title license ISSN "
    "container-title issued update-to issue prefix approved indexed article-number clinical-trial-number accepted "
    "author group-title DOI is-referenced-by-count updated-by event chair standards-body original-title funder "
    "translator published archive published-print alternative-id subject subtitle published-online "
    "publisher-location content-domain reference title link type publisher volume references-count ISBN issn-type "
    "assertion deposited page contributor content-created short-container-title relation editor"
).split()
FILTERS = ("doi", "type", "issn", "isbn", "from-pub-date", "until-pub-date")
MAX_ROWS = 1000
FIELD_QUERY_ERROR = {
    "status": "failed",
    "message-type": "validation-failure",
    "message": [
        {"type": "parameter-not-allowed", "value": "query.*",
         "message": "This route does not support field query parameters"}
    ],
}


def tokens(text: str) -> list[str]:
    """Lower-cased, accent-folded words and numbers."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def _years(rec: dict[str, Any]) -> set[str]:
    out = set()
    for key in ("issued", "published", "published-print", "published-online"):
        for parts in (rec.get(key) or {}).get("date-parts") or []:
            if parts and parts[0]:
                out.add(str(parts[0]))
    return out


def _names(rec: dict[str, Any], *roles: str) -> list[str]:
    return [p.get(k, "") for role in roles for p in rec.get(role) or [] for k in ("given", "family", "name")]


def record_text(rec: dict[str, Any]) -> str:
    """What `query.bibliographic` searches in a record."""
    parts: list[str] = []
    for key in ("title", "subtitle", "container-title", "short-container-title", "ISSN", "ISBN"):
        parts += [str(v) for v in rec.get(key) or []]
    parts += _names(rec, "author")
    parts += sorted(_years(rec))
    parts += [str(rec.get(k, "")) for k in ("volume", "issue", "page", "article-number")]
    return " ".join(p for p in parts if p)


# The fields each field query searches.
FIELD_TEXT = {
    "query.bibliographic": record_text,
    "query": record_text,
    "query.author": lambda rec: " ".join(_names(rec, "author", "editor")),
    "query.editor": lambda rec: " ".join(_names(rec, "editor")),
    "query.title": lambda rec: " ".join(str(t) for k in ("title", "subtitle") for t in rec.get(k) or []),
    "query.container-title": lambda rec: " ".join(
        str(t) for k in ("container-title", "short-container-title") for t in rec.get(k) or []
    ),
}


class BM25:
    """Okapi BM25 over the records' text, with an inverted index (only documents sharing a word are scored)."""

    def __init__(self, texts: Iterable[str], k1: float = 1.2, b: float = 0.75):
        self.postings: dict[str, list[tuple[int, int]]] = {}
        lengths = []
        for i, text in enumerate(texts):
            counts = Counter(tokens(text))
            lengths.append(sum(counts.values()))
            for term, f in counts.items():
                self.postings.setdefault(term, []).append((i, f))
        n = len(lengths)
        avg = (sum(lengths) / n) if n else 1.0
        self.norm = [k1 * (1 - b + b * length / avg) for length in lengths]
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        self.k1 = k1

    def score_map(self, query: str) -> dict[int, float]:
        """Document index -> score, for every document sharing a word with the query."""
        out: dict[int, float] = {}
        for term, q in Counter(t for t in tokens(query) if t in self.idf).items():
            weight = q * self.idf[term] * (self.k1 + 1)
            for i, f in self.postings[term]:
                out[i] = out.get(i, 0.0) + weight * f / (f + self.norm[i])
        return out

    def scores(self, query: str) -> list[tuple[float, int]]:
        """(score, document index) for every document sharing a word with the query, best first."""
        return sorted(((s, i) for i, s in self.score_map(query).items() if s > 0), key=lambda p: (-p[0], p[1]))


@dataclass
class Recorded:
    """One request as the stand-in saw it."""

    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    time: float
    pool: str
    kind: str  # "single", "list" or "other"
    status: int = 0
    fault: str | None = None


@dataclass
class Fault:
    kind: str  # "429", a status code, "truncate", "short-body", "delay", "reset"
    times: int = 1
    route: str | None = None  # "single", "list" or None for any
    retry_after: str | None = None
    delay: float | tuple[float, float] = 0.0  # seconds, or (low, high) for a uniform draw per request
    every: int = 1  # fire on every n-th matching request only
    seen: int = 0


@dataclass
class _Bucket:
    tokens: float
    stamp: float


@dataclass
class _State:
    limits: dict[str, tuple[int, float, int]]
    enforce: bool
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[Recorded] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    schedule: list[tuple[int, str, tuple[int, float, int]]] = field(default_factory=list)
    buckets: dict[str, _Bucket] = field(default_factory=dict)
    in_flight: Counter[str] = field(default_factory=Counter)
    max_in_flight: Counter[str] = field(default_factory=Counter)


@dataclass
class _Index:
    records: list[dict[str, Any]]
    by_doi: dict[str, dict[str, Any]]
    fields: dict[str, BM25] = field(default_factory=dict)

    def field(self, name: str) -> BM25:
        """The BM25 index of one field query, built on first use."""
        if name not in self.fields:
            self.fields[name] = BM25(FIELD_TEXT[name](rec) for rec in self.records)
        return self.fields[name]


def _index(corpus: list[dict[str, Any]]) -> _Index:
    records = [{k: v for k, v in rec.items() if not k.startswith("_")} for rec in corpus]
    index = _Index(records, {rec["DOI"].lower(): rec for rec in records})
    index.field("query.bibliographic")
    return index


@functools.lru_cache(maxsize=4)
def _indexed(path: str) -> _Index:
    """A corpus file read and indexed once per process (the records are never modified)."""
    return _index(json.loads(Path(path).read_text(encoding="utf-8")))


class CrossrefStandIn:
    """The stand-in server; a context manager that serves from a thread on 127.0.0.1 (port 0)."""

    def __init__(
        self,
        corpus: str | Path | list[dict[str, Any]] | None = None,
        *,
        enforce: bool = False,
        limits: dict[str, tuple[int, float, int]] | None = None,
    ):
        if corpus is None or isinstance(corpus, str | Path):
            self._search = _indexed(str(Path(corpus or CORPUS).resolve()))
        else:
            self._search = _index(corpus)
        self.records, self.by_doi = self._search.records, self._search.by_doi
        self.index = self._search.field("query.bibliographic")
        self.state = _State(dict(limits or DEFAULT_LIMITS), enforce)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control -------------------------------------------------------------------------------

    def __enter__(self) -> CrossrefStandIn:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        handler = type("Handler", (_Handler,), {"standin": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        assert self._server, "the stand-in is not running"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def requests(self) -> list[Recorded]:
        with self.state.lock:
            return list(self.state.requests)

    @property
    def max_concurrency(self) -> dict[str, int]:
        """The most requests seen in flight at once, per pool."""
        with self.state.lock:
            return dict(self.state.max_in_flight)

    def clear(self) -> None:
        with self.state.lock:
            self.state.requests.clear()
            self.state.faults.clear()

    def inject(self, kind: str, times: int = 1, *, route: str | None = None, retry_after: str | float | None = None,
               delay: float | tuple[float, float] = 0.0, every: int = 1) -> None:
        """Answer the next `times` matching requests with a fault (see the module docstring).

        `route`: "single", "list" or None for both; `every=n`: only every n-th matching request;
        `delay=(0.3, 1.0)`: each delayed answer waits a uniform draw from that range.
        """
        ra = None if retry_after is None else str(retry_after)
        with self.state.lock:
            self.state.faults.append(Fault(str(kind), times, route, ra, delay, max(1, every)))

    def set_limits(self, pool: str, limit: int | None = None, interval: float | None = None,
                   concurrency: int | None = None) -> None:
        """Change the limits a pool advertises (and enforces) from now on."""
        with self.state.lock:
            self._set(pool, limit, interval, concurrency)

    def schedule_limits(self, after: int, pool: str, limit: int | None = None, interval: float | None = None,
                        concurrency: int | None = None) -> None:
        """Change a pool's limits once `after` requests have arrived."""
        old = self.state.limits[pool]
        new = (limit or old[0], interval or old[1], concurrency or old[2])
        with self.state.lock:
            self.state.schedule.append((after, pool, new))

    def _set(self, pool: str, limit: int | None, interval: float | None, concurrency: int | None) -> None:
        old = self.state.limits[pool]
        self.state.limits[pool] = (limit or old[0], interval or old[1], concurrency or old[2])
        self.state.buckets.pop(pool, None)

    # -- per request ---------------------------------------------------------------------------

    def admit(self, rec: Recorded) -> tuple[Fault | None, bool]:
        """Record the request; return the fault to play and whether the limits refuse it."""
        st = self.state
        with st.lock:
            st.requests.append(rec)
            for entry in list(st.schedule):
                if len(st.requests) >= entry[0]:
                    st.schedule.remove(entry)
                    self._set(entry[1], *entry[2])
            fault = None
            for f in st.faults:
                if f.route in (None, rec.kind):
                    f.seen += 1
                    if f.seen % f.every:
                        continue
                    fault = f
                    f.times -= 1
                    if f.times <= 0:
                        st.faults.remove(f)
                    break
            refused = False
            if st.enforce and rec.kind != "other":
                limit, interval, concurrency = st.limits[rec.pool]
                bucket = st.buckets.setdefault(rec.pool, _Bucket(float(limit), rec.time))
                bucket.tokens = min(float(limit), bucket.tokens + (rec.time - bucket.stamp) * limit / interval)
                bucket.stamp = rec.time
                if st.in_flight[rec.pool] >= concurrency or bucket.tokens < 1.0:
                    refused = True
                else:
                    bucket.tokens -= 1.0
            if not refused:
                st.in_flight[rec.pool] += 1
                st.max_in_flight[rec.pool] = max(st.max_in_flight[rec.pool], st.in_flight[rec.pool])
            return fault, refused

    def release(self, rec: Recorded) -> None:
        with self.state.lock:
            self.state.in_flight[rec.pool] -= 1

    def headers_for(self, pool: str, kind: str) -> dict[str, str]:
        with self.state.lock:
            limit, interval, concurrency = self.state.limits[pool]
        return {
            "x-rate-limit-limit": str(limit),
            "x-rate-limit-interval": f"{interval:g}s",
            "x-concurrency-limit": str(concurrency),
            "x-api-pool": pool,
            "x-rate-limit-type": "list" if kind == "list" else "single",
        }

    def search(self, query: str | dict[str, str], rows: int, offset: int = 0, dois: list[str] | None = None,
               types: list[str] | None = None, filters: dict[str, list[str]] | None = None,
               ) -> tuple[int, list[dict[str, Any]]]:
        """(total results, items with `score`) for a query (a string: bibliographic; or field query -> text)."""
        queries = {"query.bibliographic": query} if isinstance(query, str) else dict(query)
        filters = {k: list(v) for k, v in (filters or {}).items()}
        if dois:
            filters.setdefault("doi", []).extend(dois)
        if types:
            filters.setdefault("type", []).extend(types)
        scored: dict[int, float] = {}
        for name, text in queries.items():
            if text.strip():
                for i, s in self._search.field(name).score_map(text).items():
                    scored[i] = scored.get(i, 0.0) + s
        if any(text.strip() for text in queries.values()):
            hits = sorted(((s, i) for i, s in scored.items() if s > 0), key=lambda p: (-p[0], p[1]))
        else:
            hits = [(1.0, i) for i in range(len(self.records))]
        if filters:
            hits = [(s, i) for s, i in hits if _passes(self.records[i], filters)]
        items = [dict(self.records[i], score=round(s, 6)) for s, i in hits[offset:offset + rows]]
        return len(hits), items


def _dates(rec: dict[str, Any]) -> list[tuple[int, ...]]:
    out = []
    for key in ("issued", "published", "published-print", "published-online"):
        for parts in (rec.get(key) or {}).get("date-parts") or []:
            if parts and parts[0]:
                out.append(tuple(int(p) for p in parts))
    return out


def _date_bound(value: str, end: bool) -> tuple[int, ...]:
    parts = tuple(int(p) for p in value.split("-"))
    return parts + ((99,) * (3 - len(parts)) if end else ())


def _passes(rec: dict[str, Any], filters: dict[str, list[str]]) -> bool:
    """Does the record pass every filter (values of one name ORed)?"""
    for name, values in filters.items():
        if name == "doi":
            ok = rec["DOI"].lower() in {v.lower() for v in values}
        elif name == "type":
            ok = rec.get("type") in values
        elif name in ("issn", "isbn"):
            have = {re.sub(r"[^0-9x]", "", str(v).lower()) for v in rec.get(name.upper()) or []}
            ok = bool(have & {re.sub(r"[^0-9x]", "", v.lower()) for v in values})
        elif name == "from-pub-date":
            ok = any(d >= _date_bound(v, False) for d in _dates(rec) for v in values)
        else:  # until-pub-date
            ok = any(d <= _date_bound(v, True) for d in _dates(rec) for v in values)
        if not ok:
            return False
    return True


def _failure(kind: str, value: str, message: str) -> dict[str, Any]:
    return {"status": "failed", "message-type": "validation-failure",
            "message": [{"type": kind, "value": value, "message": message}]}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    standin: CrossrefStandIn

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle + delayed ACK add 40 ms a request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        split = urlsplit(self.path)
        path = split.path
        params = dict(parse_qsl(split.query, keep_blank_values=True))
        headers = {k.lower(): v for k, v in self.headers.items()}
        kind = "list" if path.rstrip("/") == "/works" else "single" if path.startswith("/works/") else "other"
        if "crossref-plus-api-token" in headers:
            tier = "plus"
        elif params.get("mailto") or "mailto:" in headers.get("user-agent", ""):
            tier = "polite"
        else:
            tier = "public"
        pool = f"{tier}-{'array' if kind == 'list' else 'single'}"
        rec = Recorded("GET", path, params, headers, time.monotonic(), pool, kind)
        fault, refused = self.standin.admit(rec)
        try:
            self._answer(rec, fault, refused, params)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            if not refused:
                self.standin.release(rec)

    def _answer(self, rec: Recorded, fault: Fault | None, refused: bool, params: dict[str, str]) -> None:
        extra = self.standin.headers_for(rec.pool, rec.kind)
        if refused:
            rec.fault = "limit"
            return self._send(rec, 429, "Rate limit exceeded. Please slow down.", extra)
        if fault:
            rec.fault = fault.kind
            if fault.kind == "delay":
                low, high = fault.delay if isinstance(fault.delay, tuple) else (fault.delay, fault.delay)
                time.sleep(random.uniform(low, high))
            elif fault.kind == "reset":
                rec.status = -1
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()
                return
            elif fault.kind == "429":
                if fault.retry_after is not None:
                    extra["Retry-After"] = fault.retry_after
                return self._send(rec, 429, "Rate limit exceeded. Please slow down.", extra)
            elif fault.kind.isdigit():
                if fault.retry_after is not None:
                    extra["Retry-After"] = fault.retry_after
                return self._send(rec, int(fault.kind), "Service Unavailable", extra)
        status, body = self._route(rec, params)
        if fault and fault.kind == "truncate" and status == 200:
            data = json.dumps(body).encode()
            return self._send(rec, 200, data[: len(data) // 2], extra, "application/json")
        if fault and fault.kind == "short-body" and status == 200:
            data = json.dumps(body).encode()
            rec.status = 200
            self.send_response(200)
            self._headers(extra, "application/json", len(data))
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if isinstance(body, str):
            return self._send(rec, status, body, extra)
        ctype = "application/json" if status == 200 else "application/json;charset=utf-8"
        return self._send(rec, status, json.dumps(body, ensure_ascii=False), extra, ctype)

    def _route(self, rec: Recorded, params: dict[str, str]) -> tuple[int, dict[str, Any] | str]:
        path = rec.path
        if rec.kind == "list":
            return self._works(params)
        if rec.kind == "single":
            rest = unquote(path[len("/works/"):])
            agency = rest.endswith("/agency")
            doi = rest[: -len("/agency")] if agency else rest
            if any(k.startswith("query") for k in params):
                return 400, FIELD_QUERY_ERROR
            for key in params:
                if key != "mailto":
                    return 400, _failure("unknown-parameter", key,
                                         f"Parameter {key} specified but there is no such parameter available "
                                         "on this route")
            found = self.standin.by_doi.get(doi.lower())
            if found is None:
                return 404, "Resource not found."
            if agency:
                return 200, {"status": "ok", "message-type": "work-agency", "message-version": "1.0.0",
                             "message": {"DOI": found["DOI"].lower(),
                                         "agency": {"id": "crossref", "label": "Crossref"}}}
            return 200, {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                         "message": dict(found, score=1)}
        return 404, "Resource not found."

    def _works(self, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        for key in params:
            if key not in LIST_PARAMS:
                return 400, _failure("unknown-parameter", key,
                                     f"Parameter {key} specified but there is no such parameter available on "
                                     "this route")
        for name in ("rows", "offset"):
            value = params.get(name, "20" if name == "rows" else "0")
            limit = MAX_ROWS if name == "rows" else 10000
            if not re.fullmatch(r"\d+", value) or int(value) > limit:
                return 400, _failure("integer-not-valid", value, f"Integer specified as {value} but must be a "
                                     f"positive integer less than or equal to {limit}.")
        rows, offset = int(params.get("rows", "20")), int(params.get("offset", "0"))
        for name in [s for s in params.get("select", "").split(",") if s]:
            if name not in SELECTABLE:
                return 400, _failure("select-not-available", name, f"Select {name} specified but there is no such "
                                     "select for this route. Valid selects for this route are: "
                                     + ", ".join(SELECTABLE))
        select = [s for s in params.get("select", "").split(",") if s]
        filters: dict[str, list[str]] = {}
        for clause in filter(None, params.get("filter", "").split(",")):
            name, _, value = clause.partition(":")
            if name not in FILTERS:
                return 400, _failure("filter-not-available", name, f"Filter {name} specified but there is no "
                                     f"such filter for this route. Valid filters for this route are: "
                                     + ", ".join(FILTERS))
            if name.endswith("pub-date") and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                return 400, _failure("date-not-valid", value, f"Date specified as {value} but must be of the "
                                     "form yyyy, yyyy-mm or yyyy-mm-dd")
            filters.setdefault(name, []).append(value)
        queries = {k: v for k, v in params.items() if k in FIELD_TEXT}
        total, items = self.standin.search(queries, rows, offset, filters=filters)
        query = " ".join(queries.values())
        if select:
            items = [{k: v for k, v in item.items() if k in select} for item in items]
        terms = query.strip() or None
        return 200, {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                     "message": {"facets": {}, "total-results": total, "items": items, "items-per-page": rows,
                                 "query": {"start-index": offset, "search-terms": terms}}}

    def _headers(self, extra: dict[str, str], ctype: str, length: int) -> None:
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()

    def _send(self, rec: Recorded, status: int, body: str | bytes, extra: dict[str, str],
              ctype: str = "text/plain") -> None:
        data = body.encode() if isinstance(body, str) else body
        rec.status = status
        self.send_response(status)
        self._headers(extra, ctype, len(data))
        self.wfile.write(data)
        self.wfile.flush()


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Serve the Crossref stand-in on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--enforce", action="store_true", help="answer 429 beyond the advertised limits")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    standin = CrossrefStandIn(args.corpus, enforce=args.enforce)
    handler = type("Handler", (_Handler,), {"standin": standin})
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Crossref stand-in on http://127.0.0.1:{server.server_address[1]} ({len(standin.records)} works)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
