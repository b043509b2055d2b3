"""The corrected list: the original text with each entry's citation corrected where it stands.

Only the date and source of an NLM citation (`2018 Mar 7` → `2018 Jun;70(6):977-978`) are
rewritten, and only where a record supplies what the list lacks (an ahead-of-print entry now
published, a missing issue, a first page completed into a range). Everything else — header,
description, titles, author lines, unparsed lines, blank lines — is kept byte for byte, so the
unified diff shows exactly what changed. Repeats are kept (corrected like their entry) or
dropped; `doi:` / `PMID:` can be appended to each citation in NLM form.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Date, Occurrence, Reference
from ..readers.nlm import citation_span
from .findings import show_date

__all__ = ["Correction", "CorrectedList", "correct_list", "correction", "unified_diff"]

REPEATS = ("keep", "drop")
# Fields whose correction rewrites the citation.
_SOURCE_FIELDS = ("volume", "issue", "page", "number")


@dataclass
class Correction:
    """What changes in one reference's citation: the corrected reference and its new date and source."""

    reference: Reference  # the resolved reference as the corrected list states it
    fields: list[str] = field(default_factory=list)  # the fields corrected
    source: str | None = None  # `2018 Jun;70(6):977-978`, None when the citation stays as written


@dataclass
class CorrectedList:
    """The corrected text, each reference's corrected entry, and what could not be corrected in place."""

    text: str
    entries: dict[str, str] = field(default_factory=dict)
    not_applied: dict[str, str] = field(default_factory=dict)


def correction(before: Reference, after: Reference, record: Mapping[str, Any]) -> Correction:
    """The corrections for one reference: `before` as listed, `after` resolved, `record` the
    accepted record's values where they differ (a resolve row's `record`)."""
    changed = [
        name for name in _SOURCE_FIELDS if getattr(after, name) and getattr(after, name) != getattr(before, name)
    ]
    # The list's own author line stays (NLM cuts long lists with "et al."), whatever the record adds.
    values: dict[str, Any] = {"author": before.author, "et_al": before.et_al}
    ahead_of_print = not (before.volume or before.issue or before.page or before.number)
    if changed and ahead_of_print and isinstance(record.get("issued"), Mapping):
        values["issued"] = Date.from_csl(record["issued"])  # the issue's date, not the online one
        changed.append("issued")
    if "page" in changed:
        values["page_as_written"] = None
        if after.number and after.number == before.page:
            values["number"] = None  # a lone first page, read as a possible article number, now a range
    corrected = after.replace(**values)
    if not changed:
        return Correction(corrected)
    return Correction(corrected, changed, _source_text(corrected))


def _source_text(ref: Reference) -> str:
    """`2018 Jun;70(6):977-978`: the date and source of an NLM citation from the reference's fields."""
    text = show_date(ref.issued) or ""
    if ref.volume or ref.issue:
        text += f";{ref.volume or ''}" + (f"({ref.issue})" if ref.issue else "")
    page = ref.page_as_written or ref.page or ref.number
    if page:
        text += f":{page}"
    return text


def _locate(line: str, ref: Reference) -> tuple[int, int, int] | None:
    """The citation span (see `citation_span`) of `ref` in `line`, which may hold the whole entry."""
    journal = ref.container_title_short or ref.container_title
    starts = []  # where the journal's name stands first (a title may hold `. 2017`), then anywhere
    if journal:
        position = line.find(f"{journal}.")
        while position >= 0:
            starts.append(position)
            position = line.find(f"{journal}.", position + 1)
    for start in [*starts, 0]:
        span = citation_span(line[start:])
        if span is not None:
            return span[0] + start, span[1] + start, span[2] + start
    return None


def _identifier_text(ref: Reference, line: str, identifiers: bool) -> str:
    if not identifiers:
        return ""
    parts = []
    if ref.DOI and ref.DOI.lower() not in line.lower():
        parts.append(f"doi: {ref.DOI}.")
    if ref.PMID and f"PMID: {ref.PMID}" not in line:
        parts.append(f"PMID: {ref.PMID}.")
    return " ".join(parts)


def _rewrite(line: str, span: tuple[int, int, int], source: str | None, ids: str) -> str:
    start, end, rest = span
    tail = line[rest:]
    head = line[:rest].rstrip()
    if ids:
        head = f"{head} {ids}"
    if tail:
        head = f"{head} {tail}"
    if source is not None:
        head = head[:start] + source + head[end:]
    return head


def correct_list(
    text: str,
    pairs: Sequence[tuple[Reference, Correction]],
    *,
    repeats: str = "keep",
    identifiers: bool = False,
) -> CorrectedList:
    """Apply each reference's correction to its occurrences in `text` (the list as read).

    `pairs`: the reference as listed (its provenance gives the lines) and its correction.
    `repeats`: `keep` (corrected like their entry) or `drop`.
    """
    lines = text.split("\n")
    replaced: dict[int, str] = {}
    dropped: set[int] = set()
    result = CorrectedList("")
    for listed, fix in pairs:
        ref = fix.reference
        for position, occ in enumerate(listed.provenance):
            if position and repeats == "drop":
                dropped.update(range(occ.line_start, occ.line_end + 1))
                continue
            new = _corrected_line(lines, occ, ref, fix, identifiers)
            if new is None:
                if fix.source is not None:
                    result.not_applied[ref.id] = f"no citation found at line {occ.line_end}"
                continue
            replaced[occ.line_end] = new
        first = listed.provenance[0] if listed.provenance else None
        if first is not None and 0 < first.line_start <= first.line_end <= len(lines):
            span = range(first.line_start, first.line_end + 1)
            result.entries[ref.id] = "\n".join(replaced.get(n, lines[n - 1]).strip() for n in span)
    out = []
    for number, line in enumerate(lines, start=1):
        if number in dropped:
            continue
        if not line.strip() and out and not out[-1].strip() and number - 1 in dropped:
            continue  # a blank line left doubled by a dropped repeat
        out.append(replaced.get(number, line))
    result.text = "\n".join(out)
    return result


def _corrected_line(
    lines: list[str], occ: Occurrence, ref: Reference, fix: Correction, identifiers: bool
) -> str | None:
    if not 0 < occ.line_end <= len(lines):
        return None
    line = lines[occ.line_end - 1]
    ids = _identifier_text(ref, line, identifiers)
    if fix.source is None and not ids:
        return line
    text = line.strip()
    span = _locate(text, ref)
    if span is None:
        return None
    return line[: len(line) - len(line.lstrip())] + _rewrite(text, span, fix.source, ids)


def unified_diff(original: str, corrected: str, name: str) -> str:
    """A unified diff of the original list against the corrected one (empty when nothing changed)."""
    lines = difflib.unified_diff(
        original.split("\n"), corrected.split("\n"), fromfile=name, tofile=f"{name} (corrected)", lineterm=""
    )
    return "".join(line + "\n" for line in lines)
