"""Crossref work items (the `message` of `/works/{doi}` or one of `/works` `items`) as myobib values."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from ..model import Date, Name, Reference

__all__ = [
    "CSL_TYPES",
    "clean_text",
    "first",
    "item_authors",
    "item_dates",
    "item_years",
    "to_reference",
]

# Crossref work types and the CSL type each becomes (unknown types become `document`).
CSL_TYPES = {
    "journal-article": "article-journal",
    "book-chapter": "chapter",
    "book-part": "chapter",
    "book-section": "chapter",
    "book": "book",
    "edited-book": "book",
    "monograph": "book",
    "reference-book": "book",
    "book-set": "book",
    "book-series": "book",
    "book-track": "book",
    "reference-entry": "entry",
    "proceedings-article": "paper-conference",
    "proceedings": "book",
    "posted-content": "article",
    "dissertation": "thesis",
    "report": "report",
    "report-series": "report",
    "standard": "standard",
    "dataset": "dataset",
    "journal-issue": "periodical",
    "journal-volume": "periodical",
    "journal": "periodical",
    "peer-review": "review",
    "component": "document",
    "other": "document",
}

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """Markup, entities and newlines removed: `…\\n <i>KRAS</i> /` → `… KRAS /`."""
    if not text:
        return ""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()


def first(value: Any) -> str | None:
    """The first non-empty string of a Crossref array field (or the string itself)."""
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, list):
        for entry in value:
            if isinstance(entry, str) and clean_text(entry):
                return clean_text(entry)
    return None


def _date(value: Any) -> Date | None:
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts") or [[]]
    if not parts or not parts[0] or parts[0][0] is None:
        return None
    date = Date.from_csl({"date-parts": parts})
    return date if date.year is not None else None


def item_dates(item: Mapping[str, Any]) -> dict[str, Date]:
    """The work's dates by Crossref name (`issued`, `published-print`, `published-online`, `published`)."""
    dates = {}
    for name in ("issued", "published-print", "published-online", "published"):
        date = _date(item.get(name))
        if date is not None:
            dates[name] = date
    return dates


def item_years(item: Mapping[str, Any]) -> set[int]:
    """Every year the work carries as a publication date (print and online can differ)."""
    return {d.year for d in item_dates(item).values() if d.year is not None}


def item_authors(item: Mapping[str, Any], role: str = "author") -> tuple[Name, ...]:
    """Authors in order (`sequence: first` first), organisations as literal names."""
    people = [p for p in item.get(role) or [] if isinstance(p, Mapping)]
    people.sort(key=lambda p: 0 if p.get("sequence") == "first" else 1)  # stable: keeps the rest in order
    names = []
    for person in people:
        family, given = clean_text(person.get("family")), clean_text(person.get("given"))
        if family:
            names.append(Name(family=family, given=given or None, suffix=clean_text(person.get("suffix")) or None))
        elif person.get("name"):
            names.append(Name(literal=clean_text(person["name"])))
        elif given:
            names.append(Name(literal=given))
    return tuple(names)


def _title(item: Mapping[str, Any]) -> str | None:
    title = first(item.get("title"))
    if title and not item.get("update-to"):
        from .kinds import retracted_title  # the retracted article's own title, without its `RETRACTED:` mark

        title = retracted_title(title) or title
    subtitle = first(item.get("subtitle"))
    if title and subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    return title


def to_reference(item: Mapping[str, Any], key: str = "") -> Reference:
    """One Crossref work as a `Reference` (CSL type, cleaned title, print/online year kept apart)."""
    dates = item_dates(item)
    issued = dates.get("published-print") or dates.get("issued") or dates.get("published-online")
    page = first(item.get("page"))
    number = first(item.get("article-number"))
    issn = item.get("ISSN") or []
    doi = item.get("DOI")
    extra: dict[str, Any] = {}
    if "published-online" in dates:
        extra["available-date"] = dates["published-online"].to_csl()
    event = item.get("event") if isinstance(item.get("event"), Mapping) else {}
    isbn = [str(i) for i in item.get("ISBN") or [] if i]
    return Reference(
        id=key,
        type=CSL_TYPES.get(str(item.get("type") or ""), "document"),
        title=_title(item),
        author=item_authors(item),
        container_title=first(item.get("container-title")),
        container_title_short=first(item.get("short-container-title")),
        issued=issued,
        volume=first(item.get("volume")),
        issue=first(item.get("issue")),
        page=page,
        page_first=page.split("-")[0].strip() if page else number,
        number=number,
        DOI=str(doi) if doi else None,
        URL=f"https://doi.org/{doi}" if doi else None,
        ISSN=", ".join(str(i) for i in issn) if issn else None,
        publisher=clean_text(item.get("publisher")) or None,
        editor=item_authors(item, "editor"),
        publisher_place=clean_text(item.get("publisher-location")) or None,
        edition=clean_text(str(item.get("edition-number") or "")) or None,
        event_title=clean_text(event.get("name")) or None,
        event_place=clean_text(event.get("location")) or None,
        ISBN=", ".join(isbn) if isbn else None,
        extra=extra,
    )
