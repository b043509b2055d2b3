"""CSL-JSON input (Zotero, Mendeley, citation.js and myobib's own output)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from ..errors import InputError
from ..model import Bibliography, Occurrence, Reference, Report, Unparsed
from ..textio import read_text

__all__ = ["loads", "read"]


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def loads(text: str, source: str = "<string>") -> Bibliography:
    """Parse a CSL-JSON array (or a single item object) into a bibliography."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", source, exc.lineno) from None
    if isinstance(data, Mapping):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list):
        raise InputError("CSL-JSON must be an array of items", source, 1)
    report = Report()
    references = []
    decoder = json.JSONDecoder()
    cursor = 0
    for position, item in enumerate(data):
        # Locate the item in the text for provenance (items are objects, in order).
        start = text.find("{", cursor)
        end = start
        if start >= 0:
            try:
                _, end = decoder.raw_decode(text, start)
            except json.JSONDecodeError:
                end = start + 1
            cursor = end
        line = _line_of(text, max(start, 0))
        raw = text[start:end] if start >= 0 else json.dumps(item, ensure_ascii=False)
        if not isinstance(item, Mapping) or not isinstance(item.get("type", ""), str):
            report.unparsed.append(Unparsed(source, line, raw[:200], f"item {position + 1} is not a CSL object"))
            continue
        ref = Reference.from_csl(item)
        if not ref.provenance:
            ref = ref.replace(provenance=(Occurrence(source, line, _line_of(text, end), raw, key=ref.id or None),))
        references.append(ref)
    return Bibliography(references, {}, report)


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a CSL-JSON file."""
    text, warnings = read_text(path)
    bib = loads(text, os.path.basename(str(path)))
    bib.report.warnings[:0] = warnings
    return bib
