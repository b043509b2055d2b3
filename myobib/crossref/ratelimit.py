"""Crossref's request budgets: a rate per kind of request and a cap on requests in flight.

Crossref budgets single-record (`/works/{doi}`) and list (`/works?...`) requests separately, and
each pool has its own figures (July 2026: public single 5/s, list 1/s, 1 concurrent; polite single
10/s, list 3/s, 3 concurrent). `Limiter` starts from the pool's published figures, re-reads the
limits every response advertises and obeys whichever is lower, and halves a kind's rate after a 429
(recovering slowly on success). It is thread-safe: starts are spaced by reservation, so threads
sharing a client never exceed the rate together. `shared_limiter` hands every client of the same
server and identity in a process the same limiter, since Crossref counts per identity, not per client.
Other services pass their own budgets (`limits=`, e.g. NCBI's one budget for all E-utilities) and
report what their servers advertise through `advertise()`.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["POOL_LIMITS", "Limit", "Limiter", "parse_interval", "shared_limiter"]

SINGLE, LIST = "single", "list"


@dataclass(frozen=True)
class Limit:
    """`limit` requests per `interval` seconds, at most `concurrency` at once."""

    limit: int
    interval: float
    concurrency: int

    @property
    def rate(self) -> float:
        return self.limit / self.interval


# Published limits per access tier. Metadata Plus publishes none; it is held to the polite figures.
POOL_LIMITS: dict[str, dict[str, Limit]] = {
    "public": {SINGLE: Limit(5, 1.0, 1), LIST: Limit(1, 1.0, 1)},
    "polite": {SINGLE: Limit(10, 1.0, 3), LIST: Limit(3, 1.0, 3)},
    "plus": {SINGLE: Limit(10, 1.0, 3), LIST: Limit(3, 1.0, 3)},
}


def parse_interval(text: str) -> float | None:
    """`1s`, `60s`, `1m`, `500ms`, `2` -> seconds; None when unreadable."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*", text or "")
    if not m:
        return None
    value = float(m.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}[m.group(2) or "s"]
    return value if value > 0 else None


class Limiter:
    """Spacing of request starts per kind plus one concurrency cap, following the server's headers."""

    MIN_FACTOR = 1 / 16
    # Starts are spaced a little wider than the limit: arrival times at the server jitter.
    MARGIN = 1.03

    def __init__(
        self,
        tier: str = "public",
        *,
        clock: Callable[[], float] = time.monotonic,
        limits: Mapping[str, Limit] | None = None,
    ):
        self.published = dict(limits or POOL_LIMITS[tier])
        self.advertised: dict[str, Limit] = {}
        self.factor = {kind: 1.0 for kind in self.published}
        self.clock = clock
        self._next = {kind: float("-inf") for kind in self.published}
        self._lock = threading.Lock()
        self._slots = threading.Condition(self._lock)
        self._in_flight = 0

    def current(self, kind: str) -> Limit:
        """The limit obeyed now for `kind`: the lower of the published and the advertised one."""
        pub = self.published[kind]
        adv = self.advertised.get(kind)
        if adv is None:
            return pub
        rate_limit = adv if adv.rate < pub.rate else pub
        return Limit(rate_limit.limit, rate_limit.interval, min(pub.concurrency, adv.concurrency))

    def concurrency(self) -> int:
        return max(1, min(self.current(k).concurrency for k in self.published))

    def spacing(self, kind: str) -> float:
        """Seconds between two request starts of this kind."""
        return self.MARGIN / (self.current(kind).rate * self.factor[kind])

    def acquire(self, kind: str) -> float:
        """Take a slot (waiting for one) and reserve this kind's next start.

        Returns the seconds the caller must sleep before sending; `release()` when the answer is in.
        """
        with self._slots:
            while self._in_flight >= self.concurrency():
                self._slots.wait(0.5)
            self._in_flight += 1
            now = self.clock()
            start = max(now, self._next[kind])
            self._next[kind] = start + self.spacing(kind)
        return max(start - now, 0.0)

    def release(self) -> None:
        with self._slots:
            self._in_flight -= 1
            self._slots.notify()

    def observe(self, kind: str, headers: Mapping[str, str]) -> None:
        """Re-read `X-Rate-Limit-Limit`, `X-Rate-Limit-Interval` and `X-Concurrency-Limit`."""
        try:
            limit = int(headers.get("x-rate-limit-limit", ""))
        except ValueError:
            limit = 0
        interval = parse_interval(headers.get("x-rate-limit-interval", "1s")) or 1.0
        try:
            conc = int(headers.get("x-concurrency-limit", ""))
        except ValueError:
            conc = self.published[kind].concurrency
        if limit > 0:
            self.advertise(kind, Limit(limit, interval, max(1, conc)))

    def advertise(self, kind: str, limit: Limit) -> None:
        """What the server says the limit of this kind is now (obeyed when lower than the published one)."""
        with self._lock:
            old = self.spacing(kind)
            self.advertised[kind] = limit
            new = self.spacing(kind)
            if new > old:  # pull the already reserved next start back to the slower pace
                self._next[kind] += new - old

    def throttled(self, kind: str) -> None:
        """A 429: halve this kind's rate."""
        with self._lock:
            self.factor[kind] = max(self.MIN_FACTOR, self.factor[kind] / 2)

    def succeeded(self, kind: str) -> None:
        """A success: win back a little of the rate lost to 429s."""
        with self._lock:
            self.factor[kind] = min(1.0, self.factor[kind] * 1.05)


_SHARED: dict[tuple[object, ...], Limiter] = {}
_SHARED_LOCK = threading.Lock()


def shared_limiter(
    server: str,
    tier: str,
    identity: str | None,
    clock: Callable[[], float],
    limits: Mapping[str, Limit] | None = None,
) -> Limiter:
    """The process-wide limiter of one server, tier and identity (address, token or key) on one clock."""
    key = (server, tier, identity, clock)
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Limiter(tier, clock=clock, limits=limits)
        return _SHARED[key]
