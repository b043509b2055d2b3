"""Page ranges as medical lists print them: `729-57`, `S57-107`, `19-e3`, `e33693`."""

from __future__ import annotations

import re

__all__ = ["expand_page_range", "first_page", "page_range"]

_DASHES = re.compile(r"\s*[-‐‑‒–—]+\s*")
_PAGE = re.compile(r"^(?P<prefix>[A-Za-z]*)(?P<digits>\d+)(?P<suffix>[A-Za-z]*)$")
_PLAIN = re.compile(r"([0-9]+)(?:-([0-9]+))?")  # `729-57` or `101`, the common case, read in one match


def _full_end(start: str, end: str) -> str:
    """The last page of a range whose end was written without its leading digits: `729`, `57` → `757`."""
    cut = len(start) - len(end)
    if cut > 0 and int(start[:cut] + end) > int(start):
        return start[:cut] + end
    return end


def _expand_one(part: str) -> str:
    pieces = _DASHES.split(part.strip())
    if len(pieces) != 2:
        return part.strip()
    start, end = pieces
    first, last = _PAGE.match(start), _PAGE.match(end)
    if not first or not last or first["suffix"] or last["suffix"]:
        return f"{start}-{end}"
    if last["prefix"] and last["prefix"] != first["prefix"]:
        return f"{start}-{end}"  # `19-e3`: print pages then e-pages, nothing to expand
    return f"{start}-{first['prefix']}{_full_end(first['digits'], last['digits'])}"


def expand_page_range(pages: str) -> str:
    """Expand abbreviated ranges: `729-57` → `729-757`, `S57-107` → `S57-S107`."""
    plain = _PLAIN.fullmatch(pages)
    if plain is not None:
        start, end = plain.groups()
        return start if end is None else f"{start}-{_full_end(start, end)}"
    return _expand_parts(pages)


def _expand_parts(pages: str) -> str:
    return ", ".join(_expand_one(part) for part in pages.split(","))


def first_page(pages: str) -> str:
    """The first page of a range or list: `S57-107` → `S57`."""
    plain = _PLAIN.fullmatch(pages)
    if plain is not None:
        return plain[1]
    return _first_of_parts(pages)


def page_range(pages: str) -> tuple[str, str]:
    """`(expand_page_range(pages), first_page(pages))` in one reading: `729-57` → (`729-757`, `729`)."""
    plain = _PLAIN.fullmatch(pages)
    if plain is not None:
        start, end = plain.groups()
        return (start if end is None else f"{start}-{_full_end(start, end)}"), start
    return _expand_parts(pages), _first_of_parts(pages)


def _first_of_parts(pages: str) -> str:
    return _DASHES.split(pages.split(",")[0].strip())[0]
