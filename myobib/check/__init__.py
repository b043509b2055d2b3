"""`myobib check`: what is wrong with a reference list, and the list corrected where it stands.

    report = myobib.check("refs/page.txt", library="refs/seed-library.json")        # library only
    report = myobib.check("refs/page.txt", client=myobib.Crossref(mailto="you@example.org"))
    report.counts()        # references, repeats, needs-attention, unresolved, corrected, verified
    report.findings[3]     # verdict, reasons, differences (list / record / source), identifiers,
                           # published (ahead of print), notices, where each occurrence stands
    report.corrected_text, report.diff
    report.write("build/check"); report.exit_code()   # 0 nothing needs attention, 1 something does

The list is read, its repeats merged and resolved (`myobib.resolve`); with a Crossref client,
DOIs confirmed by the library alone are also asked for corrections and retractions
(`updated-by`). Each reference then gets a verdict (see `findings`), and line-based lists
(disease pages, Vancouver / NLM text) a corrected copy (see `corrected`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..api import load
from ..crossref.enrich import update_flags
from ..errors import CrossrefError, CrossrefUnavailable, InputError
from ..library import Library
from ..model import Bibliography, Merge, Reference
from ..resolve import client_for, lookup_workers, resolve
from ..textio import read_text
from .corrected import REPEATS, correct_list, correction, unified_diff
from .findings import ATTENTION, CORRECTED, UNRESOLVED, VERDICTS, VERIFIED, Difference, Finding, assess
from .report import EXIT_ATTENTION, EXIT_BAD_INPUT, EXIT_OK, CheckReport

__all__ = [
    "ATTENTION",
    "CORRECTED",
    "EXIT_ATTENTION",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "UNRESOLVED",
    "VERDICTS",
    "VERIFIED",
    "CheckReport",
    "Difference",
    "Finding",
    "check",
    "check_file",
]

LINE_FORMATS = ("page", "text")  # formats whose corrected copy is written in their own layout
_READ_FROM_CROSSREF = ("crossref", "doi")  # match sources whose record already carried `updated-by`


def check(
    path: str | os.PathLike[str],
    client: Any = None,
    *,
    library: Library | str | os.PathLike[str] | None = None,
    repeats: str = "keep",
    identifiers: bool = False,
    style: str = "vancouver",
    locale: str | None = None,
    format: str | None = None,
    progress: bool | None = None,
    on_message: Callable[[str], None] | None = None,
    pubmed: Any = None,
) -> CheckReport:
    """Check the list at `path`: parse, merge repeats, resolve (`library`, then `client`, then PubMed
    through `pubmed`, an `Ncbi` client, cross-checked with them), judge each reference.

    `repeats`: `keep` the unnumbered repeats in the corrected list, or `drop` them.
    `identifiers`: append `doi:` / `PMID:` to each corrected citation. `style` (and `locale`): the
    CSL style the HTML report formats each corrected reference in.
    """
    if repeats not in REPEATS:
        raise InputError(f"repeats must be one of {', '.join(REPEATS)}, not {repeats!r}", "--repeats")
    from ..formatting.styles import resolve_style

    resolve_style(style)  # an unknown style is said before any look-up, not after
    started = time.monotonic()
    listed = load(path, format=format)
    if not len(listed):
        unparsed = len(listed.report.unparsed)
        raise InputError(f"no reference found ({unparsed} lines unparsed)", os.path.basename(str(path)))
    resolved, resolve_report = resolve(
        listed, client, library=library, progress=progress, on_message=on_message, pubmed=pubmed
    )
    messages = list(resolve_report.messages)
    if client is not None and not messages:
        resolved = _update_notices(resolved, client, messages, on_message)
    rows: dict[str, list[dict[str, Any]]] = {}
    for row in resolve_report.rows:
        rows.setdefault(row.key, []).append(row.to_dict())

    merges: dict[str, list[Merge]] = {}
    for merge in listed.report.merges:
        merges.setdefault(merge.kept, []).append(merge)

    fixes, findings = [], []
    for before, after in zip(listed, resolved, strict=True):
        mine = rows.get(after.id, [])
        record = next((r.get("record") or {} for r in mine if r.get("status") == "matched"), {})
        fixes.append(correction(before, after, record))
        findings.append(assess(before, after, mine, merges.get(after.id, ())))

    fmt = str(listed.header.get("format") or "")
    name = os.path.basename(str(path))
    original = corrected_text = None
    diff = ""
    not_applied: dict[str, str] = {}
    if fmt in LINE_FORMATS:
        original = read_text(path)[0]
        corrected = correct_list(
            original, list(zip(listed, fixes, strict=True)), repeats=repeats, identifiers=identifiers
        )
        corrected_text, diff = corrected.text, unified_diff(original, corrected.text, name)
        not_applied = corrected.not_applied
        for finding in findings:
            finding.corrected = corrected.entries.get(finding.key)
            if finding.key in not_applied:
                finding.reasons.append(f"correction not applied in place: {not_applied[finding.key]}")
    for finding, fix, ref in zip(findings, fixes, listed, strict=True):
        finding.original = ref.provenance[0].text if ref.provenance else ""
        if fix.fields and finding.key not in not_applied:
            _mark_applied(finding, fix.fields)

    return CheckReport(
        source=str(path),
        format=fmt,
        findings=findings,
        bibliography=resolved.with_references([fix.reference for fix in fixes]),
        header=dict(listed.header),
        repeats=len(listed.report.merges),
        unparsed=list(listed.report.unparsed),
        warnings=list(listed.report.warnings),
        messages=messages,
        resolve=resolve_report.to_dict(),
        original_text=original,
        corrected_text=corrected_text,
        diff=diff,
        options={
            "repeats": repeats,
            "identifiers": identifiers,
            "style": style,
            "locale": locale,
            "crossref": _service_use(client),
            "pubmed": _service_use(pubmed),
        },
        seconds=time.monotonic() - started,
    )


def _service_use(client: Any) -> str:
    if client is None:
        return "not asked"
    return "cache only (offline)" if getattr(client, "offline", False) else "asked"


def _mark_applied(finding: Finding, fields: list[str]) -> None:
    finding.differences = [
        Difference(d.field, d.list_value, d.record_value, d.source, d.kind, True)
        if d.field in fields and d.kind != "disagrees"
        else d
        for d in finding.differences
    ]
    if finding.verdict == VERIFIED:
        finding.verdict = CORRECTED
    finding.reasons.append("corrected from the record: " + ", ".join(fields))


def _update_notices(
    bib: Bibliography, client: Any, messages: list[str], on_message: Callable[[str], None] | None
) -> Bibliography:
    """Corrections, retractions and expressions of concern (`updated-by`) for the DOIs whose
    Crossref record was not read in this run (those the library confirmed, those the list gave).
    Asked up to the client's concurrency cap at a time; Crossref failing stops the pass, said once."""
    refs: list[Reference] = list(bib)
    wanted = [
        position
        for position, ref in enumerate(refs)
        if ref.DOI and str((ref.match or {}).get("source") or "") not in _READ_FROM_CROSSREF
    ]

    stop = threading.Event()  # the first failure that is not an offline cache miss ends the pass

    def ask(doi: str) -> dict[str, Any] | None | CrossrefError:
        if stop.is_set():
            return None
        try:
            return client.work(doi)
        except CrossrefError as exc:
            if not (isinstance(exc, CrossrefUnavailable) and getattr(client, "offline", False)):
                stop.set()
            return exc

    with ThreadPoolExecutor(max_workers=lookup_workers(client)) as pool:
        answers = list(pool.map(ask, [str(refs[p].DOI) for p in wanted]))
    for position, answer in zip(wanted, answers, strict=True):
        if isinstance(answer, CrossrefError):
            if isinstance(answer, CrossrefUnavailable) and getattr(client, "offline", False):
                continue  # not in the cache: this DOI only
            if not messages:
                messages.append(f"corrections and retractions were not all checked: {answer}")
                if on_message:
                    on_message(messages[-1])
            continue
        ref = refs[position]
        flags = [flag for flag in update_flags(answer or {}) if flag not in ref.flags]
        if flags:
            refs[position] = ref.replace(flags=(*ref.flags, *flags))
    return bib.with_references(refs)


def check_file(
    path: str | os.PathLike[str],
    *,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | bool | None = None,
    offline: bool = False,
    use_crossref: bool = True,
    use_pubmed: bool = True,
    ncbi_url: str | None = None,
    ncbi_api_key: str | None = None,
    on_message: Callable[[str], None] | None = None,
    **options: Any,
) -> CheckReport:
    """`check` with the Crossref and NCBI clients built from command-line style options (the `myobib check`
    command)."""
    from ..ncbi.crosscheck import pubmed_client_for

    client = pubmed = None
    if use_crossref:
        client = client_for(
            mailto=mailto, crossref_url=crossref_url, cache=cache, offline=offline, on_message=on_message
        )
    if use_pubmed:
        pubmed = pubmed_client_for(
            mailto=mailto, ncbi_url=ncbi_url, api_key=ncbi_api_key, cache=cache, offline=offline, on_message=on_message
        )
    return check(path, client, on_message=on_message, pubmed=pubmed, **options)
