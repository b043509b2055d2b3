"""Fill what a reference lacks from the record it was matched to, never overwriting what the user wrote.

Every filled field is recorded in `Reference.changes` as `{field, old, new, source}`;
corrections, retractions and expressions of concern from Crossref's `updated-by`
become `Reference.flags` such as `corrected:10.1371/annotation/…` (PubMed's links become the
same flags: `myobib.ncbi.records.flags`). `record_values` keeps what the record says where it
says something else than the reference (the list's value stays in the reference).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..folding import fold
from ..journals import journals_match
from ..model import Date, Reference
from ..pages import first_page
from .kinds import retracted_title
from .match import family_agrees
from .records import first, to_reference

__all__ = ["enrich", "record_values", "update_flags"]

# Crossref `updated-by` types and the flag prefix each becomes.
_UPDATE_FLAGS = {
    "correction": "corrected",
    "erratum": "corrected",
    "corrigendum": "corrected",
    "addendum": "corrected",
    "clarification": "corrected",
    "partial_retraction": "retracted",
    "retraction": "retracted",
    "removal": "retracted",
    "withdrawal": "withdrawn",
    "expression_of_concern": "concern",
    "expression-of-concern": "concern",
    "comment": "commented",  # PubMed's CommentIn
    "update": "updated",  # PubMed's UpdateIn
    "new_version": "updated",
}

_CSL_NAMES = {
    "container_title": "container-title",
    "container_title_short": "container-title-short",
    "page_first": "page-first",
    "et_al": "et-al",
    "publisher_place": "publisher-place",
    "event_title": "event-title",
    "event_place": "event-place",
}

# Simple fields filled when the reference has none.
_FILL = (
    "title", "container_title", "container_title_short", "volume", "issue", "ISSN", "publisher", "URL", "PMID",
    "publisher_place", "edition", "ISBN", "event_title", "event_place",
)  # fmt: skip


def update_flags(item: Mapping[str, Any]) -> list[str]:
    """`corrected:…`, `retracted:…`, `concern:…` for each notice in the record's `updated-by`.

    An article whose own title its publisher prefixed `RETRACTED:` is `retracted:?` when no notice
    is named.
    """
    flags = []
    for update in item.get("updated-by") or []:
        if not isinstance(update, Mapping):
            continue
        kind = str(update.get("type") or "update").lower().replace(" ", "_")
        prefix = _UPDATE_FLAGS.get(kind, kind)
        flag = f"{prefix}:{update.get('DOI') or '?'}"
        if flag not in flags:
            flags.append(flag)
    if not item.get("update-to") and retracted_title(first(item.get("title"))):
        if not any(f.startswith("retracted:") for f in flags):
            flags.append("retracted:?")
    return flags


def _authors_extend(ref: Reference, found: Reference) -> bool:
    """The record's author list continues the user's truncated one (same people, in order, first)."""
    ours = [n for n in ref.author if not n.is_group]
    theirs = [n for n in found.author if not n.is_group]
    if not ref.et_al or len(theirs) <= len(ours) or not ours:
        return False
    return all(family_agrees(a, b) for a, b in zip(ours, theirs, strict=False))


def enrich(ref: Reference, record: Mapping[str, Any] | Reference, source: str) -> Reference:
    """`ref` with its gaps filled from the accepted record (a Crossref item or a library reference)."""
    found = record if isinstance(record, Reference) else to_reference(record)
    changes = list(ref.changes)
    values: dict[str, Any] = {}

    def change(name: str, old: Any, new: Any) -> None:
        values[name] = new
        field = _CSL_NAMES.get(name, name)
        changes.append({"field": field, "old": _plain(old), "new": _plain(new), "source": source})

    if not ref.DOI and found.DOI:
        change("DOI", None, found.DOI)
    for name in _FILL:
        new = getattr(found, name)
        if new and not getattr(ref, name):
            change(name, None, new)
    if ref.issued is None and found.issued is not None:
        change("issued", None, found.issued)
    if not ref.editor and found.editor:
        change("editor", ref.editor, found.editor)
    if _authors_extend(ref, found):
        people = [n for n in found.author if not n.is_group]
        ours = [n for n in ref.author if not n.is_group]
        groups = [n for n in ref.author if n.is_group]
        new_authors = (*ours, *people[len(ours) :], *groups)
        change("author", ref.author, new_authors)
        change("et_al", True, False)
    if found.page:
        if not ref.page and not ref.number:
            change("page", None, found.page)
            if not ref.page_first:
                change("page_first", None, first_page(found.page))
        elif ref.page and "-" not in ref.page and "-" in found.page and first_page(found.page) == ref.page:
            # A first page only: the record gives the whole range.
            change("page", ref.page, found.page)
            if ref.page_as_written is None:
                values["page_as_written"] = ref.page
    if not ref.number and found.number and not ref.page:
        change("number", None, found.number)
    if found.type and ref.type != found.type and ref.type in ("article-journal", "article", "document"):
        if found.type != "document":
            change("type", ref.type, found.type)
    flags = list(ref.flags)
    if not isinstance(record, Reference):
        flags += [f for f in update_flags(record) if f not in flags]
    if not values and flags == list(ref.flags):
        return ref
    return ref.replace(**values, changes=tuple(changes), flags=tuple(flags))


def record_values(ref: Reference, record: Mapping[str, Any] | Reference) -> dict[str, Any]:
    """The record's own values, by CSL name, for the compared fields where it differs from `ref`.

    Title, first author (family name), date (year, and month or day where both give one),
    volume, issue, page, article number and journal (when the names do not match even as
    abbreviations). Fields only one side has are not differences: enrichment fills those.
    """
    found = record if isinstance(record, Reference) else to_reference(record)
    values: dict[str, Any] = {}
    if ref.title and found.title and fold(ref.title) != fold(found.title):
        values["title"] = found.title
    ours, theirs = ref.first_author, found.first_author
    if ours is not None and theirs is not None and not ours.is_group and not family_agrees(ours, theirs):
        values["author"] = [theirs.to_csl()]
    if _dates_differ(ref.issued, found.issued):
        values["issued"] = found.issued.to_csl()  # type: ignore[union-attr]
        if "available-date" in found.extra:
            values["available-date"] = found.extra["available-date"]
    for name in ("volume", "issue", "page", "number"):
        mine, other = getattr(ref, name), getattr(found, name)
        if mine and other and fold(mine) != fold(other):
            values[name] = other
    journal = found.container_title_short or found.container_title
    if ref.journal and journal and not journals_match(ref.journal, journal):
        values["container-title"] = found.container_title or journal
    return values


def _dates_differ(ours: Date | None, theirs: Date | None) -> bool:
    if ours is None or theirs is None or ours.year is None or theirs.year is None:
        return False
    pairs = ((ours.year, theirs.year), (ours.month, theirs.month), (ours.day, theirs.day))
    return any(a is not None and b is not None and a != b for a, b in pairs)


def _plain(value: Any) -> Any:
    """A JSON-friendly form of a field value for the change log."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "to_csl"):
        return value.to_csl()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return str(value)
