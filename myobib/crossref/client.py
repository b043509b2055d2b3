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

Limits: see `ratelimit.Limiter`; clients of one server and identity in a process share one. Cache,
offline answers, retries and the error budget are `myobib.webservice.WebService`'s.
429, 5xx, timeouts, dropped connections and broken JSON are retried up to `max_tries` times,
waiting `Retry-After` when sent, else exponential backoff with jitter.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from ..errors import CrossrefBlocked, CrossrefError, CrossrefUnavailable, InputError, TooManyErrors
from ..webservice import Failures, Retry, ServiceStats, WebService
from ..webservice import retry_after as _retry_after  # noqa: F401 - kept importable from here
from .cache import MISSING_TTL, WORK_TTL, ResponseCache, default_cache_path
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
CrossrefStats = ServiceStats  # what the client did (requests, cache hits, retries, 429s, ...)


class OfflineMiss(CrossrefUnavailable):
    """Offline, and the answer is not in the cache: this look-up only, Crossref itself may be fine."""


class Crossref(WebService):
    """A client of the Crossref REST API (see the module docstring)."""

    name = "Crossref"
    failures = Failures(CrossrefError, CrossrefUnavailable, CrossrefBlocked, TooManyErrors, OfflineMiss)

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

        base_url = (base_url or os.environ.get("MYOBIB_CROSSREF_URL") or DEFAULT_URL).rstrip("/")
        self.mailto = mailto = checked_mailto(mailto)
        agent = f"myobib/{__version__} (+{PROJECT_URL}" + (f"; mailto:{mailto})" if mailto else ")")
        headers = {"User-Agent": agent, "Accept": "application/json"}
        if plus_token:
            headers["Crossref-Plus-API-Token"] = f"Bearer {plus_token}"
        tier = "plus" if plus_token else "polite" if mailto else "public"
        identity = hashlib.sha256(plus_token.encode()).hexdigest() if plus_token else mailto
        super().__init__(
            base_url,
            session=session,
            cache=open_cache(cache, "crossref"),
            offline=offline,
            timeout=timeout,
            max_tries=max_tries,
            sleep=sleep,
            clock=clock,
            limiter=shared_limiter(base_url, tier, identity, clock),
            headers=headers,
        )

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

    # -- how Crossref answers ------------------------------------------------------------------------

    def _identity(self) -> dict[str, str]:
        return {"mailto": self.mailto} if self.mailto else {}

    def _observe(self, kind: str, headers: Mapping[str, str]) -> None:
        self.stats.pool = headers.get("x-api-pool", self.stats.pool)
        self.limiter.observe(kind, headers)

    def _interpret(self, response: requests.Response, headers: Mapping[str, str], kind: str) -> Any:
        status = response.status_code
        if status == 404:
            return None
        if status == 403:
            raise CrossrefBlocked(
                f"Crossref refused access (403) at {self.base_url}: blocked? contact Crossref support"
            )
        if status != 200:
            raise CrossrefError(f"Crossref rejected the request (HTTP {status}): {_server_message(response.content)}")
        try:
            body = json.loads(response.content)
        except ValueError:
            raise Retry("truncated or invalid JSON") from None
        if not isinstance(body, dict) or body.get("status") != "ok":
            raise Retry("a JSON body without status ok")
        return body

    def _decode(self, response: requests.Response) -> Any:
        return None if response.status_code == 404 else json.loads(response.content)

    def _ttl(self, status: int, body: Any) -> timedelta | None:
        return {200: WORK_TTL, 404: MISSING_TTL}.get(status)


def checked_mailto(mailto: str | None) -> str | None:
    """The user's address (`--mailto`, else `$MYOBIB_MAILTO`), None when unset; a malformed one is an InputError."""
    source = "--mailto" if mailto is not None else "MYOBIB_MAILTO"
    mailto = (mailto if mailto is not None else os.environ.get("MYOBIB_MAILTO", "")).strip() or None
    if mailto is not None and ("@" not in mailto or any(c.isspace() for c in mailto)):
        raise InputError(f"not an e-mail address: {mailto!r}", source)
    return mailto


def open_cache(cache: str | os.PathLike[str] | bool | None, name: str) -> ResponseCache | None:
    """None for `cache=False`; else the cache at that path, or `<name>.sqlite` in the user cache dir."""
    if cache is False:
        return None
    return ResponseCache(default_cache_path(name) if cache is None or cache is True else Path(cache), name)


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
