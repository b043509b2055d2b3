"""Page ranges as medical lists print them: `729-57`, `S57-107`, `19-e3`, `e33693`."""

from __future__ import annotations

import re

__all__ = ["expand_page_range", "first_page"]

_DASHES = re.compile(r"\s*[-‐‑‒–—]+\s*")
_PAGE = re.compile(r"^(?P<prefix>[A-Za-z]*)(?P<digits>\d+)(?P<suffix>[A-Za-z]*)$")


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
    digits, tail = first["digits"], last["digits"]
    if len(tail) < len(digits) and int(digits[: len(digits) - len(tail)] + tail) > int(digits):
        tail = digits[: len(digits) - len(tail)] + tail
    return f"{start}-{first['prefix']}{tail}"


def expand_page_range(pages: str) -> str:
    """Expand abbreviated ranges: `729-57` → `729-757`, `S57-107` → `S57-S107`."""
    return ", ".join(_expand_one(part) for part in pages.split(","))


def first_page(pages: str) -> str:
    """The first page of a range or list: `S57-107` → `S57`."""
    return _DASHES.split(pages.split(",")[0].strip())[0]
