"""What every web-service client of myobib shares: cache, offline answers, limits, retries, an error budget.

A client (`myobib.crossref.client.Crossref`, `myobib.ncbi.client.Ncbi`) subclasses `WebService`
and says how its service answers: `_interpret` turns a response into a body (or raises `Retry`
for an answer worth asking again, or one of the service's errors), `_observe` reads the limits the
service advertises, `_decode` rebuilds a body from a cached response, `_ttl` says which statuses
are kept and for how long. `WebService._get` does the rest: the cache, `offline`, the limiter's
slot and spacing, retries with `Retry-After` or jittered exponential backoff, and the 10% error
budget. The exceptions raised are the service's own (`Failures`).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from .crossref.cache import ResponseCache, cache_key
from .crossref.ratelimit import Limiter
from .errors import MyobibError

__all__ = ["Failures", "Retry", "ServiceStats", "WebService", "retry_after", "short", "unreachable"]

RETRY_STATUS = {429, 500, 502, 503, 504}
BACKOFF_BASE = 2.0
BACKOFF_CAP = 60.0
RETRY_AFTER_CAP = 300.0
ERROR_SHARE = 0.10
MIN_REQUESTS_FOR_BUDGET = 20


@dataclass
class ServiceStats:
    """What a client did: network requests, cache hits, retries, 429s, failed attempts, seconds slept."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    throttled: int = 0
    errors: int = 0
    slept: float = 0.0
    pool: str | None = None  # the last pool or tier the service reported

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def add(self, lock: threading.Lock, **counts: float) -> None:
        with lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Failures:
    """The exception classes one service raises for each kind of failure."""

    error: type[MyobibError]  # a refusal, never retried
    unavailable: type[MyobibError]  # cannot be reached, or retries used up
    blocked: type[MyobibError]  # 403
    too_many: type[MyobibError]  # the error budget is spent
    offline_miss: type[MyobibError]  # offline, and not in the cache


class Retry(Exception):
    """An attempt failed in a way worth another try (`wait`: seconds the service asked for).

    `throttled`: the service said "too many requests". `give_up`: the error raised when every
    try failed so (default: the service's `unavailable`, which stops a run; a service error
    that concerns this one request only, e.g. a search the server keeps failing on, passes its
    `error` class).
    """

    def __init__(
        self,
        reason: str,
        wait: float | None = None,
        *,
        throttled: bool = False,
        give_up: type[MyobibError] | None = None,
    ):
        super().__init__(reason)
        self.reason, self.wait, self.throttled, self.give_up = reason, wait, throttled, give_up


class WebService:
    """The shared machinery of a polite, cached, retrying client (see the module docstring)."""

    name = "web service"
    failures: Failures

    def __init__(
        self,
        base_url: str,
        *,
        session: requests.Session | None,
        cache: ResponseCache | None,
        offline: bool,
        timeout: float | tuple[float, float],
        max_tries: int,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
        limiter: Limiter,
        headers: Mapping[str, str],
    ):
        self.base_url = base_url
        self.session = session or requests.Session()
        self.cache = cache
        self.offline = offline
        self.timeout = timeout
        self.max_tries = max(1, max_tries)
        self.sleep, self.clock = sleep, clock
        self.limiter = limiter
        self.headers = dict(headers)
        self.stats = ServiceStats()
        self._stats_lock = threading.Lock()
        if offline and cache is None:
            raise self.failures.unavailable("offline: no cache to answer from")

    # -- what a subclass says about its service ------------------------------------------------------

    def _identity(self) -> dict[str, str]:
        """Parameters sent with every request but kept out of cache keys (address, tool, key)."""
        return {}

    def _observe(self, kind: str, headers: Mapping[str, str]) -> None:
        """Read the limits a response advertises (headers lower-cased)."""

    def _interpret(self, response: requests.Response, headers: Mapping[str, str], kind: str) -> Any:
        """The body of a response with a status outside `RETRY_STATUS`; raise `Retry` or an error."""
        raise NotImplementedError

    def _decode(self, response: requests.Response) -> Any:
        """The body of a cached response (as `_interpret` returned it)."""
        raise NotImplementedError

    def _ttl(self, status: int, body: Any) -> timedelta | None:
        """How long an answer is cached; None: never."""
        return None

    # -- one request, with cache, limits and retries ---------------------------------------------------

    def _get(
        self, path: str, params: Mapping[str, str], kind: str, what: str, *, base: str | None = None
    ) -> tuple[int, Any]:
        """(status, body) of `GET base+path?params`, from the cache when it holds the answer."""
        base = base or self.base_url
        key = cache_key(base, path, dict(params))
        if self.cache:
            cached = self._cached(key)
            if cached is not None:
                self.stats.add(self._stats_lock, cache_hits=1)
                return cached
        if self.offline:
            raise self.failures.offline_miss(f"offline: not in cache: {what}")
        params = {**params, **self._identity()}
        url = base + path
        for attempt in range(1, self.max_tries + 1):
            try:
                response, body = self._attempt(url, params, kind)
            except Retry as retry:
                self._count_error()
                if attempt == self.max_tries:
                    final = retry.give_up or self.failures.unavailable
                    raise final(f"{base} failed {self.max_tries} times on {what}: {retry.reason}") from None
                self.stats.add(self._stats_lock, retries=1)
                self._sleep(retry.wait if retry.wait is not None else self._backoff(attempt))
                continue
            ttl = self._ttl(response.status_code, body)
            if self.cache and ttl is not None:
                self.cache.put(key, response, ttl)
            return response.status_code, body
        raise AssertionError("unreachable")

    def _attempt(self, url: str, params: dict[str, str], kind: str) -> tuple[requests.Response, Any]:
        self._sleep(self.limiter.acquire(kind))
        try:
            self.stats.add(self._stats_lock, requests=1)
            try:
                response = self.session.get(url, params=params, headers=self.headers, timeout=self.timeout)
                response.content  # noqa: B018 - read the body now, inside the timeout handling
            except requests.exceptions.ConnectTimeout as exc:
                raise Retry(f"connection timed out ({short(exc)})") from None
            except requests.exceptions.ReadTimeout:
                raise Retry("no answer within the read timeout") from None
            except requests.exceptions.ConnectionError as exc:
                why = unreachable(exc)
                if why:
                    raise self.failures.unavailable(f"cannot connect to {self.base_url} ({why})") from None
                raise Retry(f"connection dropped ({short(exc)})") from None
            except requests.exceptions.RequestException as exc:
                raise Retry(f"broken response ({short(exc)})") from None
        finally:
            self.limiter.release()
        headers = {k.lower(): v for k, v in response.headers.items()}
        self._observe(kind, headers)
        try:
            if response.status_code == 429:
                raise Retry("429 Too Many Requests", retry_after(headers.get("retry-after")), throttled=True)
            if response.status_code in RETRY_STATUS:
                raise Retry(f"HTTP {response.status_code}", retry_after(headers.get("retry-after")))
            body = self._interpret(response, headers, kind)
        except Retry as retry:
            if retry.throttled:
                self.stats.add(self._stats_lock, throttled=1)
                self.limiter.throttled(kind)
            raise
        except self.failures.error:
            self._count_error()
            raise
        self.limiter.succeeded(kind)
        return response, body

    # -- helpers -------------------------------------------------------------------------------------

    def _cached(self, key: str) -> tuple[int, Any] | None:
        assert self.cache is not None
        try:
            response = self.cache.get(key)
            if response is None:
                return None
            return response.status_code, self._decode(response)
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
            raise self.failures.too_many(
                f"stopped: {self.stats.errors} of {sent} {self.name} requests failed (more than {ERROR_SHARE:.0%})"
            )

    def close(self) -> None:
        self.session.close()
        if self.cache:
            self.cache.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def retry_after(value: str | None) -> float | None:
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


def unreachable(exc: BaseException) -> str | None:
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


def short(exc: BaseException) -> str:
    """The first line of an exception's text, at most 160 characters."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
