"""Notices: errata, retraction notices, expressions of concern, comments and replies.

A reference that is itself a notice about another work carries `Reference.notice` (one of
`model.NOTICE_KINDS`); its CSL type stays what the item is. A notice shows itself by its title
(`Department of Error`, `Retraction--…`, `Response to: '…' by Luu et al`) or by a note of the
work it is about (`Comment in: Lancet. 1998 Feb 28;351(9103):611-2.` names the comment).
The words are data: `myobib/data/notices.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from .journals import journals_match
from .model import Reference
from .spill import References, rebuild

__all__ = ["link_notices", "linked_citations", "notice_from_title"]


@cache
def _data() -> dict[str, Any]:
    with resources.files("myobib").joinpath("data/notices.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _title_patterns() -> dict[str, re.Pattern[str]]:
    """Per first two letters (lower case) of a title, one pattern for the title starts of every kind
    beginning with them, each kind a named group: most titles start with other letters and are not tried."""
    by_start: dict[str, dict[str, list[str]]] = {}
    for kind, patterns in _data()["titles"].items():
        for pattern in patterns:
            by_start.setdefault(pattern[:2], {}).setdefault(kind, []).append(pattern)
    return {
        start: re.compile(
            "|".join(f"(?P<{kind.replace('-', '_')}>" + "|".join(found) + ")" for kind, found in kinds.items()),
            re.IGNORECASE,
        )
        for start, kinds in by_start.items()
    }


@cache
def _containing() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple(
        (kind, spec["needs"], re.compile("|".join(spec["patterns"]), re.IGNORECASE))
        for kind, spec in _data()["titles_containing"].items()
    )


def notice_from_title(title: str | None) -> str | None:
    """The notice kind a title announces (`Erratum`, `Retraction: …`, `Reply to …`), else None."""
    if not title:
        return None
    pattern = _title_patterns().get(title[:2].lower())
    found = pattern.match(title) if pattern is not None else None
    if found is not None:
        return str(found.lastgroup).replace("_", "-")
    for kind, needs, pattern in _containing():
        if needs in title and pattern.search(title):
            return kind
    return None


def _labels(group: str) -> dict[str, str]:
    return {label: kind for label, kind in _data()["links"][group].items()}


@cache
def _link_pattern() -> re.Pattern[str]:
    labels = [*_labels("points_to"), *_labels("is"), *_data()["links"]["other"]]
    labels.sort(key=len, reverse=True)
    alternation = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(rf"(?<![\w-])(?P<label>{alternation})\s*:\s*", re.IGNORECASE)


def link_labels() -> re.Pattern[str]:
    """The pattern of a PubMed-style link label (`Erratum in: `, `Comment on: ` …)."""
    return _link_pattern()


def linked_citations(note: str | None) -> Iterator[tuple[str, str, str]]:
    """(label, kind or '', citation text) for each `Label: citation` link in a note; kind is the
    notice kind of the cited work for `… in:` labels, of the noted work itself for `… for:`/`… on:`."""
    if not note or ":" not in note:
        return
    matches = list(_link_pattern().finditer(note))
    points_to, is_ = _labels("points_to"), _labels("is")
    for index, found in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(note)
        label = " ".join(found["label"].lower().split())
        yield label, points_to.get(label) or is_.get(label) or "", note[found.end() : end].strip()


def own_notice(note: str | None) -> str | None:
    """The notice kind a work's own note declares (`Comment on: …`, `Erratum for: …`)."""
    is_ = _labels("is")
    for label, kind, _ in linked_citations(note):
        if label in is_:
            return kind
    return None


def _where(citation: str) -> tuple[str, str | None, str | None] | None:
    """(journal, volume, first page) of a linked citation, None when it cannot be read."""
    from .readers.nlm import journal_line_fields

    fields = journal_line_fields(citation)
    if fields is None or not fields.get("page_first"):
        return None
    return str(fields["container_title_short"]), fields.get("volume"), str(fields["page_first"])  # type: ignore[return-value]


def link_notices(references: References) -> References:
    """Set `notice` on the references that other references' notes name as their erratum,
    retraction notice, expression of concern or comment (`Erratum in: Cell Rep. 2022;39:111044.`).

    Matched on journal, volume and first page; a reference that already has a `notice` keeps it.
    """
    wanted: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    points_to = _labels("points_to")
    for ref in references:
        note = ref.note
        if not note or ":" not in note:
            continue
        for label, kind, citation in linked_citations(note):
            if label in points_to:
                where = _where(citation)
                if where is not None:
                    journal, volume, first = where
                    wanted.setdefault((volume, first), []).append((journal, kind))
    if not wanted:
        return references
    first_pages = {first for _, first in wanted}
    changed: dict[int, Reference] = {}
    for index, ref in enumerate(references):
        if ref.page_first not in first_pages or ref.notice is not None:
            continue
        for journal, kind in wanted.get((ref.volume, ref.page_first), ()):  # type: ignore[arg-type]
            if journals_match(journal, ref.container_title_short or ref.container_title):
                changed[index] = ref.replace(notice=kind)
                break
    if not changed:
        return references
    return rebuild(references, (changed.get(index, index) for index in range(len(references))))
