"""The Crossref REST API client: polite, rate-limited, retrying, cached.

    client = Crossref(mailto="me@example.org")
    client.work("10.1002/art.40320")         # the work record (the envelope's `message`), None on 404
    client.search("Lundberg IE ... Arthritis Rheumatol. 2017;69(12):2271-82", rows=5)
                                             # the list's `items`, each with a float `score`
    client.stats                             # CrossrefStats: requests, cache_hits, retries, ...

Interface (kept stable for the matcher and the resolver):

- `Crossref(base_url=None, mailto=None, plus_token=None, session=None, cache=None, offline=False,
  timeout=(10, 30), max_tries=4, sleep=time.sleep, clock=time.monotonic)`.
  `base_url`: else `$MYOBIB_CROSSREF_URL`, else https://api.crossref.org. `mailto`: else
  `$MYOBIB_MAILTO`; there is no default address. With one, requests go to the polite pool (the
  `mailto` parameter plus `mailto:` in the User-Agent). `plus_token` adds
  `Crossref-Plus-API-Token: Bearer ...`. `cache`: None = `crossref.sqlite` in the user cache dir, a
  path = that file, False = no cache. `offline=True` answers from the cache alone.
- `work(doi) -> dict | None`: the record; None when Crossref does not know the DOI (404).
- `search(bibliographic, rows=5, *, author=None, container=None, filters=None) -> list[dict]`:
  `query.bibliographic` (plus `query.author`, `query.container-title` and `filter=` when given)
  with `select=` of `SELECT`.
- `stats`: a `CrossrefStats`.

Errors (myobib.errors): 400 and other refusals -> `CrossrefError` with the server's message (never
retried); 403 -> `CrossrefBlocked`; connection refused, unknown host, retries used up on
5xx/timeouts/resets -> `CrossrefUnavailable`; an offline cache miss -> `OfflineMiss` (a
`CrossrefUnavailable` about that one look-up: catch it to go on with the next); more than 10% of requests
failing (after `MIN_REQUESTS_FOR_BUDGET`) -> `TooManyErrors`.

Limits: see `ratelimit.Limiter`; clients of one server and identity in a process share one.
429, 5xx, timeouts, dropped connections and broken JSON are retried up to `max_tries` times,
waiting `Retry-After` when sent, else exponential backoff with jitter.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from ..errors import CrossrefBlocked, CrossrefError, CrossrefUnavailable, InputError, TooManyErrors
from .cache import MISSING_TTL, WORK_TTL, ResponseCache, cache_key, default_cache_path
from .ratelimit import LIST, SINGLE, shared_limiter

__all__ = ["DEFAULT_URL", "SELECT", "Crossref", "CrossrefStats", "OfflineMiss"]

DEFAULT_URL = "https://api.crossref.org"
PROJECT_URL = "https://pypi.org/project/myobib/"
# The fields a matcher and the enrichment read from a search hit.
SELECT = (
    "DOI,URL,type,title,subtitle,author,container-title,short-container-title,ISSN,publisher,issued,published,"
    "published-print,published-online,volume,issue,page,article-number,score,updated-by,update-to,relation,ISBN,"
    "editor,publisher-location,event,group-title"
)
RETRY_STATUS = {429, 500, 502, 503, 504}
BACKOFF_BASE = 2.0
BACKOFF_CAP = 60.0
RETRY_AFTER_CAP = 300.0
ERROR_SHARE = 0.10
MIN_REQUESTS_FOR_BUDGET = 20


@dataclass
class CrossrefStats:
    """What the client did: network requests, cache hits, retries, 429s, failed attempts, seconds slept."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    throttled: int = 0
    errors: int = 0
    slept: float = 0.0
    pool: str | None = None  # the last `x-api-pool` Crossref reported

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def add(self, lock: threading.Lock, **counts: float) -> None:
        with lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


class OfflineMiss(CrossrefUnavailable):
    """Offline, and the answer is not in the cache: this look-up only, Crossref itself may be fine."""


class _Retry(Exception):
    """An attempt failed in a way worth another try."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason, self.wait = reason, wait


class Crossref:
    """A client of the Crossref REST API (see the module docstring)."""

    def __init__(
        self,
        base_url: str | None = None,
        mailto: str | None = None,
        plus_token: str | None = None,
        session: requests.Session | None = None,
        cache: str | os.PathLike[str] | bool | None = None,
        offline: bool = False,
        timeout: float | tuple[float, float] = (10, 30),
        max_tries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        from .. import __version__

        self.base_url = (base_url or os.environ.get("MYOBIB_CROSSREF_URL") or DEFAULT_URL).rstrip("/")
        source = "--mailto" if mailto is not None else "MYOBIB_MAILTO"
        mailto = (mailto if mailto is not None else os.environ.get("MYOBIB_MAILTO", "")).strip() or None
        if mailto is not None and ("@" not in mailto or any(c.isspace() for c in mailto)):
            raise InputError(f"not an e-mail address: {mailto!r}", source)
        self.mailto = mailto
        self.offline = offline
        self.timeout = timeout
        self.max_tries = max(1, max_tries)
        self.sleep, self.clock = sleep, clock
        self.stats = CrossrefStats()
        self._stats_lock = threading.Lock()
        self.session = session or requests.Session()
        agent = f"myobib/{__version__} (+{PROJECT_URL}" + (f"; mailto:{mailto})" if mailto else ")")
        self.headers = {"User-Agent": agent, "Accept": "application/json"}
        if plus_token:
            self.headers["Crossref-Plus-API-Token"] = f"Bearer {plus_token}"
        tier = "plus" if plus_token else "polite" if mailto else "public"
        identity = hashlib.sha256(plus_token.encode()).hexdigest() if plus_token else mailto
        self.limiter = shared_limiter(self.base_url, tier, identity, clock)
        if cache is False:
            self.cache: ResponseCache | None = None
        else:
            path = default_cache_path() if cache is None or cache is True else Path(cache)
            self.cache = ResponseCache(path)
        if offline and self.cache is None:
            raise CrossrefUnavailable("offline: no cache to answer from")

    # -- public -----------------------------------------------------------------------------------

    def work(self, doi: str) -> dict[str, Any] | None:
        """The Crossref record of `doi` (the `message`), or None when Crossref does not know it."""
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.IGNORECASE)
        if not doi:
            raise CrossrefError("empty DOI")
        status, body = self._get(f"/works/{quote(doi, safe='')}", {}, SINGLE, f"DOI {doi}")
        if status == 404:
            return None
        message = body.get("message") if isinstance(body, dict) else None
        if not isinstance(message, dict):
            raise CrossrefError(f"Crossref answered DOI {doi} without a work record")
        return message

    def search(
        self,
        bibliographic: str,
        rows: int = 5,
        *,
        author: str | None = None,
        container: str | None = None,
        filters: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """The best `rows` hits of a `query.bibliographic` search, each with its float `score`.

        `author` adds `query.author`, `container` `query.container-title`; `filters`
        (`{"issn": "1462-0324", "from-pub-date": "2020"}`, a list for a repeated name) add `filter=`.
        """
        text = " ".join(bibliographic.split())
        if not text:
            return []
        params = {"query.bibliographic": text, "rows": str(int(rows)), "select": SELECT}
        for name, value in (("query.author", author), ("query.container-title", container)):
            if value and value.strip():
                params[name] = " ".join(value.split())
        if filters:
            clauses = [
                f"{name}:{value}"
                for name, values in filters.items()
                for value in (values if isinstance(values, list | tuple) else [values])
            ]
            params["filter"] = ",".join(clauses)
        status, body = self._get("/works", params, LIST, f"search {text[:60]!r}")
        if status == 404:
            raise CrossrefError("Crossref has no /works route at this address")
        items = (body.get("message") or {}).get("items") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise CrossrefError("Crossref answered a search without a list of items")
        return [item for item in items if isinstance(item, dict)]

    def close(self) -> None:
        self.session.close()
        if self.cache:
            self.cache.close()

    def __enter__(self) -> Crossref:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request, with cache, limits and retries -------------------------------------------------

    def _get(self, path: str, params: dict[str, str], kind: str, what: str) -> tuple[int, Any]:
        key = cache_key(self.base_url, path, params)
        if self.cache:
            cached = self._cached(key)
            if cached is not None:
                self.stats.add(self._stats_lock, cache_hits=1)
                return cached
        if self.offline:
            raise OfflineMiss(f"offline: not in cache: {what}")
        if self.mailto:
            params = {**params, "mailto": self.mailto}
        url = self.base_url + path
        for attempt in range(1, self.max_tries + 1):
            try:
                response, body = self._attempt(url, params, kind)
            except _Retry as retry:
                self._count_error()
                if attempt == self.max_tries:
                    raise CrossrefUnavailable(
                        f"{self.base_url} failed {self.max_tries} times on {what}: {retry.reason}"
                    ) from None
                self.stats.add(self._stats_lock, retries=1)
                wait = retry.wait if retry.wait is not None else self._backoff(attempt)
                self._sleep(wait)
                continue
            if self.cache and response.status_code in (200, 404):
                self.cache.put(key, response, WORK_TTL if response.status_code == 200 else MISSING_TTL)
            return response.status_code, body
        raise AssertionError("unreachable")

    def _attempt(self, url: str, params: dict[str, str], kind: str) -> tuple[requests.Response, Any]:
        self._sleep(self.limiter.acquire(kind))
        try:
            self.stats.add(self._stats_lock, requests=1)
            try:
                response = self.session.get(url, params=params, headers=self.headers, timeout=self.timeout)
                content = response.content
            except requests.exceptions.ConnectTimeout as exc:
                raise _Retry(f"connection timed out ({_short(exc)})") from None
            except requests.exceptions.ReadTimeout:
                raise _Retry("no answer within the read timeout") from None
            except requests.exceptions.ConnectionError as exc:
                why = _unreachable(exc)
                if why:
                    raise CrossrefUnavailable(f"cannot connect to {self.base_url} ({why})") from None
                raise _Retry(f"connection dropped ({_short(exc)})") from None
            except requests.exceptions.RequestException as exc:
                raise _Retry(f"broken response ({_short(exc)})") from None
        finally:
            self.limiter.release()
        headers = {k.lower(): v for k, v in response.headers.items()}
        self.stats.pool = headers.get("x-api-pool", self.stats.pool)
        self.limiter.observe(kind, headers)
        status = response.status_code
        if status == 429:
            self.stats.add(self._stats_lock, throttled=1)
            self.limiter.throttled(kind)
            raise _Retry("429 Too Many Requests", _retry_after(headers.get("retry-after")))
        if status in RETRY_STATUS:
            raise _Retry(f"HTTP {status}", _retry_after(headers.get("retry-after")))
        if status == 404:
            self.limiter.succeeded(kind)
            return response, None
        if status == 403:
            self._count_error()
            raise CrossrefBlocked(
                f"Crossref refused access (403) at {self.base_url}: blocked? contact Crossref support"
            )
        if status != 200:
            self._count_error()
            raise CrossrefError(f"Crossref rejected the request (HTTP {status}): {_server_message(content)}")
        try:
            body = json.loads(content)
        except ValueError:
            raise _Retry("truncated or invalid JSON") from None
        if not isinstance(body, dict) or body.get("status") != "ok":
            raise _Retry("a JSON body without status ok")
        self.limiter.succeeded(kind)
        return response, body

    # -- helpers -------------------------------------------------------------------------------------

    def _cached(self, key: str) -> tuple[int, Any] | None:
        assert self.cache is not None
        try:
            response = self.cache.get(key)
            if response is None:
                return None
            if response.status_code == 404:
                return 404, None
            return 200, json.loads(response.content)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, never a crash
            return None

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.stats.add(self._stats_lock, slept=seconds)
            self.sleep(seconds)

    def _backoff(self, attempt: int) -> float:
        return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0)

    def _count_error(self) -> None:
        self.stats.add(self._stats_lock, errors=1)
        sent = max(self.stats.requests, 1)
        if sent >= MIN_REQUESTS_FOR_BUDGET and self.stats.errors > ERROR_SHARE * sent:
            raise TooManyErrors(
                f"stopped: {self.stats.errors} of {sent} Crossref requests failed (more than {ERROR_SHARE:.0%})"
            )


def _retry_after(value: str | None) -> float | None:
    """Seconds from a `Retry-After` header (seconds or an HTTP date), capped; None when absent."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return min(max(seconds, 0.0), RETRY_AFTER_CAP)


def _unreachable(exc: BaseException) -> str | None:
    """'connection refused' or 'unknown host' (as opposed to a connection dropped mid-answer), else None."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        name = type(e).__name__
        if name in ("NameResolutionError", "gaierror"):
            return "unknown host"
        if name in ("NewConnectionError", "ConnectionRefusedError"):
            return "unknown host" if "resolve" in str(e) or "Name or service" in str(e) else "connection refused"
        stack += [e.__cause__, e.__context__, getattr(e, "reason", None)]
        stack += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
    return None


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _server_message(content: bytes) -> str:
    """The `message` texts of a Crossref validation-failure body, else the body's first line."""
    try:
        body = json.loads(content)
        messages = body.get("message")
        if isinstance(messages, list):
            return "; ".join(str(m.get("message", m)) if isinstance(m, dict) else str(m) for m in messages)
        return str(messages)
    except (ValueError, AttributeError):
        text = content.decode("utf-8", "replace").strip().splitlines()
        return text[0][:200] if text else "(empty body)"
