"""CSL-JSON output: one item per reference, in bibliography order."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from ..model import Bibliography
from ..textio import write_atomic

__all__ = ["dumps", "iter_text", "write"]


def dumps(bib: Bibliography, *, indent: int | None = 2) -> str:
    """The bibliography as a CSL-JSON array (valid against csl-data.json)."""
    return "".join(iter_text(bib, indent=indent))


def iter_text(bib: Bibliography, *, indent: int | None = 2) -> Iterator[str]:
    """`dumps(bib)` in pieces, one item at a time, as `json.dumps` of the whole array would write it."""
    pad = " " * indent if indent is not None else ""
    opening, separator, closing = ("[\n", ",\n", "\n]\n") if indent is not None else ("[", ", ", "]\n")
    empty = True
    for ref in bib:
        item = json.dumps(ref.to_csl(), ensure_ascii=False, indent=indent)
        if pad:
            item = pad + item.replace("\n", "\n" + pad)  # JSON strings hold no raw line breaks
        yield (opening if empty else separator) + item
        empty = False
    yield "[]\n" if empty else closing


def write(bib: Bibliography, path: str | os.PathLike[str], *, indent: int | None = 2) -> Path:
    """Write CSL-JSON atomically, one item at a time."""
    return write_atomic(path, iter_text(bib, indent=indent))
