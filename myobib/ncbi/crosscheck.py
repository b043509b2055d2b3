"""The PubMed pass of `myobib.resolve` and the cross-check of what PubMed and Crossref found.

`pubmed_pass` looks every reference up in PubMed (`myobib.ncbi.lookup`, on the reference as the
list wrote it, so the two sources answer independently), keeps finished outcomes in the resolve
checkpoint, and hands each reference to `cross_check`:

- both matched: they must agree. PubMed's DOI is the DOI Crossref (or the library, or the
  reference itself) gave, or, when PubMed's record has no DOI, the two records agree field by
  field. Agreement raises the confidence (1 - (1-a)(1-b)); disagreement makes the reference
  `ambiguous`, with both candidates and the reasons, and attaches neither.
- only PubMed matched: the PMID (and PMCID) are attached; a DOI PubMed gives is checked against
  Crossref's record of it when Crossref can be asked (attached and enriched when it fits,
  `ambiguous` when it does not, left out when Crossref does not know it), and attached as
  unverified when Crossref cannot be asked.
- PubMed found nothing: the other source's outcome stands (PubMed `ambiguous` makes an
  otherwise unmatched reference ambiguous); a reference's own PMID that does not fit is kept as
  written and flagged `pmid-rejected:…`.

PubMed's notices become flags (`corrected:…`, `retracted:…`, `concern:…`, `commented:…`,
`updated:…`). Every row says, per source (library, crossref, pubmed), what it found, and whether
they agreed (`agreed`, `disagreed`, `one source`, `none`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..crossref.enrich import enrich
from ..crossref.match import ACCEPT, AMBIGUOUS, MATCHED, NOT_FOUND, REJECTED, Candidate, assess, bibliographic, verify
from ..errors import CrossrefError, NcbiBlocked, NcbiError, NcbiUnavailable
from ..model import Reference
from .client import Ncbi
from .lookup import ERROR, UNRESOLVED, PubmedOutcome, lookup

__all__ = ["AGREED", "DISAGREED", "NONE", "ONE_SOURCE", "cross_check", "pubmed_client_for", "pubmed_pass"]

AGREED, DISAGREED, ONE_SOURCE, NONE = "agreed", "disagreed", "one source", "none"
CHUNK = 100  # references looked up between two checkpoint writes
_FINAL = (MATCHED, AMBIGUOUS, NOT_FOUND, REJECTED)  # outcomes kept; errors and unresolved ones are asked again


def pubmed_client_for(
    *,
    mailto: str | None = None,
    ncbi_url: str | None = None,
    api_key: str | None = None,
    cache: str | os.PathLike[str] | bool | None = None,
    offline: bool = False,
    on_message: Callable[[str], None] | None = None,
) -> Ncbi | None:
    """An `Ncbi` client from command-line style options (unset ones use its defaults), or None when
    offline without a cache to answer from (said through `on_message`)."""
    try:
        return Ncbi(
            base_url=ncbi_url or None,
            mailto=mailto or None,
            api_key=api_key or None,
            cache=cache if cache not in (None, True) else None,
            offline=offline,
        )
    except NcbiUnavailable as exc:
        if not offline:
            raise
        if on_message:
            on_message(f"{exc}; PubMed is not asked")
        return None


def _fingerprint(ref: Reference) -> str:
    text = f"pubmed|{ref.PMID or ''}|{ref.PMCID or ''}|{ref.DOI or ''}|{bibliographic(ref, 50)}"
    return "pubmed:" + hashlib.sha256(text.encode()).hexdigest()[:24]


class _Saved:
    """PubMed outcomes in the resolve checkpoint file (lines with a `pubmed` key)."""

    def __init__(self, path: str | os.PathLike[str] | None):
        self.path = Path(path) if path else None
        self.done: dict[str, PubmedOutcome] = {}
        if self.path and self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    if "pubmed" in entry:
                        self.done[entry["fingerprint"]] = PubmedOutcome.from_dict(entry["pubmed"], entry.get("record"))
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue  # a line cut short by an interruption, or one of the Crossref pass

    def add(self, fingerprint: str, outcome: PubmedOutcome) -> None:
        self.done[fingerprint] = outcome
        if self.path and outcome.status in _FINAL:
            entry = {"fingerprint": fingerprint, "pubmed": outcome.to_dict(), "record": outcome.record}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def pubmed_pass(
    originals: Sequence[Reference],
    resolved: Sequence[tuple[Reference, Any]],
    pubmed: Ncbi | None,
    crossref: Any,
    records: Callable[[int], Reference | None],
    *,
    checkpoint: str | os.PathLike[str] | None = None,
    messages: list[str],
    on_message: Callable[[str], None] | None = None,
) -> list[tuple[Reference, Any]]:
    """Each (reference, row) of the Crossref pass, with PubMed's answer cross-checked into it.

    `originals`: the references as read; `records(position)`: the record Crossref or the library
    accepted for that reference (None when there is none, or it is not at hand). NCBI failing for
    good is said once in `messages` (and `on_message`); the references then keep the other
    source's outcome, their PubMed part `unresolved`.
    """
    saved = _Saved(checkpoint)
    outcomes: dict[int, PubmedOutcome | None] = {}
    pending: dict[str, list[int]] = {}
    for position, (ref, _) in enumerate(resolved):
        if pubmed is None or (ref.match or {}).get("pubmed", {}).get("status") in _FINAL:
            outcomes[position] = None  # not asked, or settled by an earlier run
            continue
        fingerprint = _fingerprint(originals[position])
        if fingerprint in saved.done:
            outcomes[position] = saved.done[fingerprint]
        else:
            pending.setdefault(fingerprint, []).append(position)
    order = list(pending)
    stopped: str | None = None
    for start in range(0, len(order), CHUNK):
        chunk = order[start : start + CHUNK]
        if stopped is None and pubmed is not None:
            try:
                found = lookup([originals[pending[fp][0]] for fp in chunk], pubmed)
            except NcbiError as exc:  # unreachable, blocked or over the error budget: only these reach here
                stopped = _stop_message(exc)
                messages.append(stopped)
                if on_message:
                    on_message(stopped)
            else:
                for fingerprint, outcome in zip(chunk, found, strict=True):
                    saved.add(fingerprint, outcome)
        for fingerprint in chunk:
            outcome = saved.done.get(fingerprint) or PubmedOutcome(UNRESOLVED, reasons=["NCBI was not reached"])
            for position in pending[fingerprint]:
                outcomes[position] = outcome
    out = []
    for position, (ref, row) in enumerate(resolved):
        outcome = outcomes.get(position)
        if outcome is None and pubmed is not None and ref.match and "pubmed" in ref.match:
            _describe(row, ref.match, PubmedOutcome.from_dict(ref.match["pubmed"]))
            out.append((ref, row))
            continue
        out.append(cross_check(originals[position], ref, row, outcome, crossref, records(position)))
    return out


def _stop_message(exc: NcbiError) -> str:
    if isinstance(exc, NcbiUnavailable):
        return f"PubMed not reached ({exc}); PMIDs left unresolved"
    if isinstance(exc, NcbiBlocked):
        return f"NCBI blocked this client ({exc}); PMIDs left unresolved"
    return f"PubMed lookups stopped ({exc}); remaining PMIDs left unresolved"


def _combined(a: float, b: float) -> float:
    return 1 - (1 - a) * (1 - b)


def _attach(ref: Reference, outcome: PubmedOutcome) -> Reference:
    """The reference with PubMed's PMID and PMCID (where it has none) and PubMed's flags, each change logged."""
    values: dict[str, Any] = {}
    changes = list(ref.changes)
    source = f"pubmed:{outcome.pmid}"
    for name, value in (("PMID", outcome.pmid), ("PMCID", outcome.pmcid)):
        if value and not getattr(ref, name):
            values[name] = value
            changes.append({"field": name, "old": None, "new": value, "source": source})
    flags = [*ref.flags, *(f for f in outcome.flags if f not in ref.flags)]
    if values or flags != list(ref.flags):
        ref = ref.replace(**values, changes=tuple(changes), flags=tuple(flags))
    return ref


def _describe(row: Any, match: Mapping[str, Any], outcome: PubmedOutcome | None, crossref_asked: bool = True) -> None:
    """Fill the row's per-source view from the final match."""
    sources: dict[str, Any] = {}
    first = "library" if str(row.source or "").startswith("library") else "crossref"
    before = match.get("before-pubmed") or match
    if crossref_asked and (before.get("status") or row.status) != UNRESOLVED:
        sources[first] = {
            "status": before.get("status", row.status),
            "DOI": before.get("DOI"),
            "confidence": before.get("confidence", 0.0),
            "reasons": list(before.get("reasons") or [])[:3],
        }
    if outcome is not None:
        sources["pubmed"] = {
            "status": outcome.status,
            "PMID": outcome.pmid,
            "PMCID": outcome.pmcid,
            "DOI": outcome.doi,
            "confidence": round(outcome.confidence, 3),
            "via": outcome.via,
            "reasons": list(outcome.reasons)[:3],
        }
    row.sources = sources
    row.agreement = match.get("agreement") or (
        ONE_SOURCE if any(s["status"] == MATCHED for s in sources.values()) else NONE
    )


def cross_check(
    original: Reference,
    resolved: Reference,
    row: Any,
    outcome: PubmedOutcome | None,
    crossref: Any,
    record: Reference | None,
) -> tuple[Reference, Any]:
    """One reference's final state from the other source's outcome (`resolved`, `row`) and PubMed's."""
    before = dict(resolved.match or {})
    if isinstance(before.get("before-pubmed"), Mapping):  # an earlier run's PubMed part is replaced, not stacked
        before.update(before.pop("before-pubmed"))
        for key in ("pubmed", "agreement", "PMID", "PMCID"):
            before.pop(key, None)
    if outcome is None:
        _describe(row, before, None, crossref_asked=bool(before))
        return resolved, row
    status = row.status
    reasons: list[str] = []
    ref = resolved
    agreement = ONE_SOURCE if status == MATCHED else NONE
    confidence = row.confidence
    doi = row.DOI if status == MATCHED else None
    if outcome.status == MATCHED:
        pmid = f"PMID {outcome.pmid}"
        if status == MATCHED:
            same, why = _agree(resolved, outcome, record)
            if same:
                agreement, confidence = AGREED, _combined(row.confidence, outcome.confidence)
                ref = _attach(resolved, outcome)
                reasons.append(f"PubMed agrees: {pmid} {why}")
            else:
                agreement, status, doi, confidence = DISAGREED, AMBIGUOUS, None, 0.0
                ref = original
                reasons.append(f"Crossref and PubMed disagree: {row.DOI} vs {pmid}: {why}")
        elif status == REJECTED:
            ref = _attach(resolved, outcome)
            reasons.append(f"PubMed found {pmid}" + (f" (DOI {outcome.doi})" if outcome.doi else ""))
        else:
            ref, status, agreement, doi, confidence, why = _pubmed_only(original, resolved, outcome, crossref)
            reasons.append(why)
    else:
        if outcome.status == AMBIGUOUS and status in (NOT_FOUND, UNRESOLVED, ERROR):
            status = AMBIGUOUS
        if outcome.status == REJECTED and original.PMID:
            flag = f"pmid-rejected:{original.PMID}"
            if flag not in ref.flags:
                ref = ref.replace(flags=(*ref.flags, flag))
            status = status if status == MATCHED else REJECTED
        if outcome.reasons:
            reasons.append("PubMed: " + outcome.reasons[0])
    match = {**before, "status": status, "DOI": doi, "confidence": round(confidence, 3)}
    match.update({"PMID": ref.PMID, "PMCID": ref.PMCID, "agreement": agreement, "pubmed": outcome.to_dict()})
    match["reasons"] = [*(before.get("reasons") or []), *reasons]
    match["before-pubmed"] = {k: before.get(k) for k in ("status", "DOI", "confidence", "source", "reasons")}
    if agreement == DISAGREED:
        match["candidates"] = [*(before.get("candidates") or [])[:2], *outcome.candidates[:2]]
    ref = ref.replace(match=match)
    row.status, row.DOI, row.confidence = status, doi if status == MATCHED else ref.DOI, confidence
    row.PMID, row.PMCID, row.flags = ref.PMID, ref.PMCID, list(ref.flags)
    row.reasons = [*row.reasons, *reasons]
    if not before:
        row.source = "pubmed"
    _describe(row, match, outcome, crossref_asked=bool(before))
    return ref, row


def _agree(resolved: Reference, outcome: PubmedOutcome, record: Reference | None) -> tuple[bool, str]:
    """Whether PubMed's record is the work the other source accepted, and why."""
    theirs = resolved.DOI
    if outcome.doi and theirs:
        if outcome.doi.lower() == theirs.lower():
            return True, f"carries the same DOI ({theirs})"
        return False, f"PubMed's record carries DOI {outcome.doi}"
    cand = outcome.candidate
    if cand is None:
        return True, "(no record at hand to compare)"
    assessment = assess(record or resolved, cand)
    if assessment.plausible and assessment.confidence >= ACCEPT:
        return True, f"and the other record agree on {', '.join(assessment.agreed)}"
    why = assessment.vetoes[0] if assessment.vetoes else f"only {assessment.confidence:.2f} alike"
    return False, f"the two records differ ({why})"


def _pubmed_only(
    original: Reference, resolved: Reference, outcome: PubmedOutcome, crossref: Any
) -> tuple[Reference, str, str, str | None, float, str]:
    """(reference, status, agreement, DOI, confidence, reason) when only PubMed matched."""
    pmid = f"PMID {outcome.pmid}"
    ref = _attach(resolved, outcome)
    if not outcome.doi or resolved.DOI:
        return ref, MATCHED, ONE_SOURCE, resolved.DOI, outcome.confidence, f"PubMed found {pmid}"
    item, unverified = None, None
    if crossref is None:
        unverified = "Crossref not asked"
    else:
        try:
            item = crossref.work(outcome.doi)
        except CrossrefError as exc:
            unverified = f"Crossref not reached: {exc}"
    if unverified:
        ref = ref.replace(DOI=outcome.doi, changes=(*ref.changes, _change("DOI", outcome.doi, outcome)))
        why = f"PubMed found {pmid} with DOI {outcome.doi} (not checked with Crossref: {unverified})"
        return ref, MATCHED, ONE_SOURCE, outcome.doi, outcome.confidence, why
    if item is None:
        return (
            ref,
            MATCHED,
            ONE_SOURCE,
            None,
            outcome.confidence,
            (f"PubMed found {pmid}; its DOI {outcome.doi} is not registered with Crossref, so it is not attached"),
        )
    checked = verify(original, Candidate.from_item(item, "pubmed-doi"), "pubmed-doi")
    if checked.status == MATCHED:
        ref = enrich(ref, item, f"crossref:{outcome.doi}")
        confidence = _combined(checked.confidence, outcome.confidence)
        return ref, MATCHED, AGREED, outcome.doi, confidence, f"PubMed found {pmid}; Crossref's record of its DOI fits"
    vetoes = checked.assessments[0].vetoes if checked.assessments else []
    why = f"PubMed found {pmid} with DOI {outcome.doi}, but Crossref's record of that DOI does not fit"
    return original, AMBIGUOUS, DISAGREED, None, 0.0, why + (f" ({vetoes[0]})" if vetoes else "")


def _change(name: str, value: str, outcome: PubmedOutcome) -> dict[str, Any]:
    return {"field": name, "old": None, "new": value, "source": f"pubmed:{outcome.pmid}"}
