"""Attach verified DOIs to a bibliography: the trusted local library first, then Crossref; and PMIDs from PubMed.

`resolve(bib, client)` looks each (already deduplicated) reference up once, validates
every candidate (`myobib.crossref.match`), enriches accepted references
(`myobib.crossref.enrich`) and returns the new bibliography with a `ResolveReport`.
With `pubmed=` (an `myobib.ncbi.Ncbi`), PubMed is asked too and its answer cross-checked
with Crossref's (`myobib.ncbi.crosscheck`).
When Crossref cannot be reached, it says so once and leaves the rest unresolved.
Finished outcomes can be kept in a checkpoint file, so an interrupted run resumes
where it stopped without asking again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .crossref.enrich import enrich, record_values
from .crossref.match import (
    ACCEPT,
    AMBIGUOUS,
    MATCHED,
    NOT_FOUND,
    REJECTED,
    Candidate,
    MatchResult,
    bibliographic,
    decide,
    second_query,
    verify,
)
from .errors import CrossrefBlocked, CrossrefError, CrossrefUnavailable, TooManyErrors
from .library import Library
from .model import Bibliography, Reference, Report

__all__ = [
    "ERROR",
    "UNRESOLVED",
    "ResolveReport",
    "ResolveRow",
    "client_for",
    "lookup_workers",
    "make_client",
    "resolve",
    "resolve_file",
]

ERROR, UNRESOLVED = "error", "unresolved"
FINAL = (MATCHED, AMBIGUOUS, NOT_FOUND, REJECTED)
ROWS = 5
SECOND_ROWS = 20  # the second query looks deeper: still one request
MAX_WORKERS = 8


class Client(Protocol):
    def work(self, doi: str) -> dict | None: ...

    def search(self, bibliographic: str, rows: int = 5, **fields: Any) -> list[dict]: ...


@dataclass
class ResolveRow:
    """The outcome for one reference."""

    key: str
    list_number: int | None
    status: str
    DOI: str | None = None
    confidence: float = 0.0
    agreed: list[str] = field(default_factory=list)
    disagreed: list[str] = field(default_factory=list)
    candidates: int = 0
    flags: list[str] = field(default_factory=list)
    source: str | None = None
    reasons: list[str] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)  # the accepted record's values where they differ
    PMID: str | None = None
    PMCID: str | None = None
    # Per source (library, crossref, pubmed): what it found; and whether the sources agreed.
    sources: dict[str, Any] = field(default_factory=dict)
    agreement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "list-number": self.list_number,
            "status": self.status,
            "DOI": self.DOI,
            "confidence": round(self.confidence, 3),
            "agreed": list(self.agreed),
            "disagreed": list(self.disagreed),
            "candidates": self.candidates,
            "flags": list(self.flags),
            "source": self.source,
            "reasons": list(self.reasons),
            "record": dict(self.record),
            "PMID": self.PMID,
            "PMCID": self.PMCID,
            "sources": dict(self.sources),
            "agreement": self.agreement,
        }


@dataclass
class ResolveReport:
    """One row per reference, plus requests made, time taken, and run-level messages."""

    rows: list[ResolveRow] = field(default_factory=list)
    requests: int | None = None
    seconds: float = 0.0
    resumed: int = 0
    messages: list[str] = field(default_factory=list)
    pubmed: bool = False  # PubMed was asked
    ncbi_requests: int | None = None  # of `requests`, those sent to NCBI

    def counts(self) -> dict[str, int]:
        counted = Counter(row.status for row in self.rows)
        return {s: counted.get(s, 0) for s in (*FINAL, ERROR, UNRESOLVED)}

    def summary(self) -> str:
        """`17 references: 13 matched, 0 ambiguous, … ; 4 requests in 1.2 s`."""
        counts = self.counts()
        parts = [f"{counts[MATCHED]} matched", f"{counts[AMBIGUOUS]} ambiguous", f"{counts[NOT_FOUND]} not found"]
        for status in (REJECTED, ERROR, UNRESOLVED):
            if counts[status]:
                parts.append(f"{counts[status]} {status.replace('-', ' ')}")
        text = f"{len(self.rows)} references: " + ", ".join(parts)
        pmids = sum(1 for row in self.rows if row.PMID)
        if self.pubmed or pmids:
            text += f"; {pmids} PMIDs, {sum(1 for row in self.rows if row.PMCID)} PMCIDs"
        requests = "?" if self.requests is None else str(self.requests)
        text += f"; {requests} requests in {self.seconds:.1f} s"
        if self.resumed:
            text += f"; {self.resumed} outcomes reused from an earlier run"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.counts(),
            "requests": self.requests,
            "seconds": round(self.seconds, 3),
            "resumed": self.resumed,
            "messages": list(self.messages),
            "ncbi-requests": self.ncbi_requests,
            "identifiers": {
                "DOI": sum(1 for row in self.rows if row.DOI and row.status == MATCHED),
                "PMID": sum(1 for row in self.rows if row.PMID),
                "PMCID": sum(1 for row in self.rows if row.PMCID),
            },
            "references": [row.to_dict() for row in self.rows],
        }


def _requests(client: Any) -> int | None:
    """Requests the client has sent so far, whatever shape its `stats` has."""
    stats = getattr(client, "stats", None)
    if callable(stats):
        stats = stats()
    nested = stats.get("requests") if isinstance(stats, Mapping) else getattr(stats, "requests", None)
    for value in (stats, nested):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _sent(client: Any, before: int | None) -> int | None:
    """Requests a client sent since `before` (0 for no client, None when it does not count)."""
    if client is None:
        return 0
    after = _requests(client)
    return after - before if before is not None and after is not None else None


def _fingerprint(ref: Reference) -> str:
    return hashlib.sha256(f"{ref.DOI or ''}|{bibliographic(ref, 50)}".encode()).hexdigest()[:24]


class _Checkpoint:
    """Finished outcomes, one JSON line each, so an interrupted run can resume."""

    def __init__(self, path: str | os.PathLike[str] | None):
        self.path = Path(path) if path else None
        self.done: dict[str, dict[str, Any]] = {}
        if self.path and self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    self.done[entry["fingerprint"]] = entry
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by the interruption

    def add(self, fingerprint: str, result: MatchResult) -> None:
        record = result.accepted.candidate.record if result.accepted else None
        entry = {
            "fingerprint": fingerprint,
            "match": result.to_dict(),
            "record": record.to_csl() if isinstance(record, Reference) else record,
            "library": isinstance(record, Reference),
        }
        self.done[fingerprint] = entry
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _row(
    ref: Reference,
    status: str,
    match: Mapping[str, Any] | None,
    reasons: list[str],
    record: dict[str, Any] | None = None,
) -> ResolveRow:
    match = match or {}
    return ResolveRow(
        key=ref.id,
        list_number=ref.list_number,
        status=status,
        DOI=match.get("DOI") if status == MATCHED else ref.DOI,
        confidence=float(match.get("confidence") or 0.0),
        agreed=list(match.get("agreed") or []),
        disagreed=list(match.get("disagreed") or []),
        candidates=int(match.get("considered") or len(match.get("candidates") or [])),
        flags=list(ref.flags),
        source=match.get("source"),
        reasons=reasons or list(match.get("reasons") or []),
        record=record or {},
        PMID=ref.PMID,
        PMCID=ref.PMCID,
    )


def _apply(ref: Reference, match: dict[str, Any], record: Any, is_library: bool) -> tuple[Reference, dict[str, Any]]:
    """The reference with its match outcome and, when accepted, the record's data filled in;
    and the record's values where they still differ from the reference (see `record_values`)."""
    differing: dict[str, Any] = {}
    if match.get("status") == MATCHED and record is not None:
        source = match.get("source") or "crossref"
        label = f"{source}:{match.get('DOI')}" if match.get("DOI") else source
        found = Reference.from_csl(record) if is_library else record
        ref = enrich(ref, found, label)
        differing = record_values(ref, found)
    elif match.get("status") == REJECTED and ref.DOI and f"doi-rejected:{ref.DOI}" not in ref.flags:
        ref = ref.replace(flags=(*ref.flags, f"doi-rejected:{ref.DOI}"))
    return ref.replace(match=match), differing


def _show_progress(progress: bool | None) -> bool:
    if progress is not None:
        return bool(progress)
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def lookup_workers(client: Any) -> int:
    """Look-ups in flight at once: the client's concurrency cap (its limiter spaces the starts)."""
    limiter = getattr(client, "limiter", None)
    try:
        return max(1, min(int(limiter.concurrency()), MAX_WORKERS)) if limiter is not None else 1
    except (AttributeError, TypeError, ValueError):
        return 1


def resolve(
    bib: Bibliography,
    client: Client | None = None,
    *,
    library: Library | str | os.PathLike[str] | None = None,
    progress: bool | None = None,
    checkpoint: str | os.PathLike[str] | None = None,
    on_message: Callable[[str], None] | None = None,
    pubmed: Any = None,
) -> tuple[Bibliography, ResolveReport]:
    """Attach verified DOIs: `library` first (same validation), then Crossref through `client`;
    then PMIDs and PMCIDs from PubMed through `pubmed` (an `Ncbi` client), cross-checked with them.

    References already carrying a final `match` from an earlier run are kept as they are;
    `checkpoint` names a file of finished outcomes for resuming an interrupted run.
    Identical references are looked up once. Crossref look-ups run up to the client's
    concurrency cap at a time (its limiter keeps the rate). `progress`: None shows a bar
    only on a terminal. Crossref failing for good (unreachable, blocked, too many errors)
    is reported once in `messages` (and `on_message`) and leaves the rest unresolved.
    """
    if library is not None and not isinstance(library, Library):
        library = Library.load(library)
    started = time.monotonic()
    before = _requests(client) if client is not None else None
    ncbi_before = _requests(pubmed) if pubmed is not None else None
    saved = _Checkpoint(checkpoint)
    report = ResolveReport()
    results: list[tuple[Reference, ResolveRow] | None] = [None] * len(bib)
    pending: dict[str, list[int]] = {}

    from tqdm import tqdm

    bar = tqdm(total=len(bib), unit="ref", desc="resolve", file=sys.stderr, disable=not _show_progress(progress))
    try:
        for position, ref in enumerate(bib):
            local = _local(ref, client, library, saved, report)
            if isinstance(local, str):
                pending.setdefault(local, []).append(position)
            else:
                results[position] = local
                bar.update(1)
        if pending and client is not None:
            _lookups(bib, client, pending, saved, report, results, bar, on_message)
    finally:
        bar.close()
    out = [r for r in results if r is not None]
    out = _pubmed(bib, out, pubmed, client, saved, checkpoint, report, on_message)
    report.requests = _sent(client, before)
    if pubmed is not None:
        report.pubmed, report.ncbi_requests = True, _sent(pubmed, ncbi_before)
        both = (report.requests, report.ncbi_requests)
        report.requests = None if None in both else sum(n for n in both if n is not None)
    report.seconds = time.monotonic() - started
    report.rows = [row for _, row in out]
    kept = Report(list(bib.report.unparsed), list(bib.report.merges), [*bib.report.warnings, *report.messages])
    return bib.with_references([ref for ref, _ in out], kept), report


def _pubmed(
    bib: Bibliography,
    out: list[tuple[Reference, ResolveRow]],
    pubmed: Any,
    client: Client | None,
    saved: _Checkpoint,
    checkpoint: str | os.PathLike[str] | None,
    report: ResolveReport,
    on_message: Callable[[str], None] | None,
) -> list[tuple[Reference, ResolveRow]]:
    """The PubMed pass and its cross-check with what the library or Crossref found (`myobib.ncbi.crosscheck`)."""
    from .crossref.records import to_reference
    from .ncbi.crosscheck import pubmed_pass

    def accepted(position: int) -> Reference | None:
        entry = saved.done.get(_fingerprint(bib[position]))
        record = entry.get("record") if entry else None
        if not isinstance(record, Mapping):
            return None
        return Reference.from_csl(record) if entry.get("library") else to_reference(record)

    crossref = None if report.messages else client  # Crossref stopped in this run: PubMed's DOIs go unchecked
    return pubmed_pass(
        list(bib),
        out,
        pubmed,
        crossref,
        accepted,
        checkpoint=checkpoint,
        messages=report.messages,
        on_message=on_message,
    )


def _local(
    ref: Reference, client: Client | None, library: Library | None, saved: _Checkpoint, report: ResolveReport
) -> tuple[Reference, ResolveRow] | str:
    """The outcome without asking Crossref, or the reference's fingerprint when Crossref must be asked."""
    if ref.match and ref.match.get("status") in FINAL:
        report.resumed += 1
        return ref, _row(ref, str(ref.match["status"]), ref.match, [])
    fingerprint = _fingerprint(ref)
    if fingerprint in saved.done:
        entry = saved.done[fingerprint]
        report.resumed += 1
        new, differing = _apply(ref, entry["match"], entry.get("record"), bool(entry.get("library")))
        return new, _row(new, entry["match"]["status"], entry["match"], [], differing)
    if library is not None:
        found = library.lookup(ref)
        # A library entry with another DOI than the reference's own leaves the verdict to Crossref.
        if found.status == MATCHED and found.doi and (not ref.DOI or ref.DOI.lower() == found.doi.lower()):
            return _finish(ref, found, saved, fingerprint)
    if client is None:
        return ref, _row(ref, UNRESOLVED, None, ["no Crossref client (offline)"])
    return fingerprint


def _lookups(
    bib: Bibliography,
    client: Client,
    pending: dict[str, list[int]],
    saved: _Checkpoint,
    report: ResolveReport,
    results: list[tuple[Reference, ResolveRow] | None],
    bar: Any,
    on_message: Callable[[str], None] | None,
) -> None:
    """Ask Crossref once per distinct pending reference; stop everything at the first fatal error."""
    stop = threading.Event()

    def look(ref: Reference) -> MatchResult | CrossrefError | None:
        if stop.is_set():
            return None
        try:
            return _crossref(ref, client)
        except CrossrefError as exc:
            fatal = isinstance(exc, CrossrefBlocked | TooManyErrors) or (
                isinstance(exc, CrossrefUnavailable) and not getattr(client, "offline", False)
            )
            if fatal:
                stop.set()
            return exc

    pool = ThreadPoolExecutor(max_workers=lookup_workers(client))
    try:
        futures = {pool.submit(look, bib[indices[0]]): fp for fp, indices in pending.items()}
        for future in as_completed(futures):
            fingerprint = futures[future]
            outcome = future.result()
            for position in pending[fingerprint]:
                ref = bib[position]
                if isinstance(outcome, MatchResult):
                    results[position] = _finish(ref, outcome, saved, fingerprint)
                elif isinstance(outcome, CrossrefError):
                    results[position] = _failed(ref, outcome, client, report, on_message)
                else:
                    results[position] = ref, _row(ref, UNRESOLVED, None, ["Crossref was not reached"])
            bar.update(len(pending[fingerprint]))
    except BaseException:  # Ctrl-C: finished outcomes are in the checkpoint; drop the queued look-ups
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _failed(
    ref: Reference,
    exc: CrossrefError,
    client: Client,
    report: ResolveReport,
    on_message: Callable[[str], None] | None,
) -> tuple[Reference, ResolveRow]:
    if isinstance(exc, CrossrefUnavailable) and getattr(client, "offline", False):
        reason = str(exc) if str(exc).startswith("offline") else f"offline: {exc}"
        return ref, _row(ref, UNRESOLVED, None, [reason])  # a cache miss; others may be cached
    if isinstance(exc, CrossrefUnavailable | CrossrefBlocked | TooManyErrors):
        if not report.messages:
            report.messages.append(_stop_message(exc))
            if on_message:
                on_message(report.messages[-1])
        return ref, _row(ref, UNRESOLVED, None, ["Crossref was not reached"])
    return ref, _row(ref, ERROR, None, [str(exc)])


def _stop_message(exc: CrossrefError) -> str:
    if isinstance(exc, CrossrefUnavailable):
        return f"Crossref cannot be reached ({exc}); references left unresolved"
    if isinstance(exc, CrossrefBlocked):
        return f"Crossref blocked this client ({exc}); references left unresolved"
    return f"Crossref lookups stopped ({exc}); remaining references left unresolved"


def _finish(ref: Reference, result: MatchResult, saved: _Checkpoint, fingerprint: str) -> tuple[Reference, ResolveRow]:
    saved.add(fingerprint, result)
    entry = saved.done[fingerprint]
    new, differing = _apply(ref, entry["match"], entry["record"], entry["library"])
    return new, _row(new, result.status, entry["match"], [], differing)


def _crossref(ref: Reference, client: Client) -> MatchResult:
    """Validate the reference's own DOI, or search and decide among the candidates."""
    if ref.DOI:
        item = client.work(ref.DOI)
        if item is None:
            return MatchResult(NOT_FOUND, [], None, [f"DOI {ref.DOI} is not registered with Crossref"], "doi")
        result = verify(ref, Candidate.from_item(item, "doi"), "doi")
        if result.status == MATCHED:
            return result
        # The DOI points elsewhere: say so, and look for the work the reference describes.
        found = _find(ref.replace(DOI=None), client)
        if found.status == MATCHED:
            result.reasons.append(f"the reference fits {found.doi} instead")
        result.assessments += found.assessments
        return result
    return _find(ref, client)


def _find(ref: Reference, client: Client) -> MatchResult:
    """Search and decide; when nothing found validates, one second, deeper query (`second_query`) before giving up."""
    first = _search(client, bibliographic(ref))
    result = decide(ref, first)
    if result.status == MATCHED or (result.status == AMBIGUOUS and result.confidence >= ACCEPT):
        return result  # a match, or a tie between confident records that more candidates cannot break
    second = second_query(ref, first)
    if second is None:
        return result
    what, query = second
    again = decide(ref, [*first, *_search(client, rows=SECOND_ROWS, **query)])
    again.reasons.append(f"second query: {what}")
    return again


def _search(client: Client, bibliographic: str, rows: int = ROWS, **fields: Any) -> list[Candidate]:
    items = client.search(bibliographic, rows=rows, **fields)
    return [Candidate.from_item(item) for item in items or [] if isinstance(item, Mapping)]


def make_client(
    *,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | bool | None = None,
    offline: bool = False,
) -> Any:
    """A `myobib.crossref.client.Crossref` from command-line style options (unset ones use its defaults)."""
    from .crossref.client import Crossref

    options: dict[str, Any] = {"offline": offline, "cache": cache if cache not in (None, True) else None}
    if mailto:
        options["mailto"] = mailto
    if crossref_url:
        options["base_url"] = crossref_url
    return Crossref(**options)


def resolve_file(
    path: str | os.PathLike[str],
    *,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | bool | None = None,
    offline: bool = False,
    library: str | os.PathLike[str] | None = None,
    checkpoint: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
    on_message: Callable[[str], None] | None = None,
    pubmed: bool = True,
    ncbi_url: str | None = None,
    ncbi_api_key: str | None = None,
) -> tuple[Bibliography, ResolveReport]:
    """Load a list (merging repeats), build the Crossref and NCBI clients, and resolve: `myobib resolve`."""
    from .api import load
    from .ncbi.crosscheck import pubmed_client_for

    bib = load(path)
    client = client_for(mailto=mailto, crossref_url=crossref_url, cache=cache, offline=offline, on_message=on_message)
    ncbi = None
    if pubmed:
        options = {"mailto": mailto, "ncbi_url": ncbi_url, "api_key": ncbi_api_key, "cache": cache, "offline": offline}
        ncbi = pubmed_client_for(**options, on_message=on_message)
    return resolve(
        bib, client, library=library, progress=progress, checkpoint=checkpoint, on_message=on_message, pubmed=ncbi
    )


def client_for(
    *,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | bool | None = None,
    offline: bool = False,
    on_message: Callable[[str], None] | None = None,
) -> Any:
    """`make_client(...)`, or None when offline without a cache to answer from (said through `on_message`)."""
    try:
        return make_client(mailto=mailto, crossref_url=crossref_url, cache=cache, offline=offline)
    except CrossrefUnavailable as exc:
        if not offline:
            raise
        if on_message:
            on_message(f"{exc}; only the library is used")
        return None  # the library alone answers
