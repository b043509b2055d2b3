"""The top-level calls: `load` a list into a deduplicated bibliography, `parse_text`."""

from __future__ import annotations

import os

from .dedupe import dedupe
from .model import Bibliography
from .readers import page

__all__ = ["load", "parse_text"]


def parse_text(text: str, source: str = "<string>") -> Bibliography:
    """Parse the text of a reference page; repeats are kept (call `.dedupe()` to merge)."""
    return page.parse_text(text, source)


def load(path: str | os.PathLike[str], *, format: str | None = None, merge_repeats: bool = True) -> Bibliography:
    """Read a reference file of any supported format (detected from its content unless `format`
    is given) and merge its repeats (unless `merge_repeats=False`)."""
    from .readers.detect import read_any

    bib = read_any(path, format)
    return dedupe(bib) if merge_repeats else bib
