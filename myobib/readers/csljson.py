"""CSL-JSON input (Zotero, Mendeley, citation.js and myobib's own output)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping

from ..errors import InputError
from ..model import Bibliography, Occurrence, Reference, Report, Unparsed
from ..textio import read_text

__all__ = ["loads", "read"]

_SPACE = re.compile(r"\s*")


def _next_item_start(text: str, cursor: int) -> int:
    """Where the next array element starts after `cursor` (past the separating comma)."""
    comma = text.find(",", cursor)
    if comma < 0:
        return len(text)
    return _SPACE.match(text, comma + 1).end()


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
    line_at_cursor = 1  # line numbers are counted forward from the previous item only
    for position, item in enumerate(data):
        if not isinstance(item, Mapping) or not isinstance(item.get("type", ""), str):
            line = line_at_cursor + text.count("\n", cursor, _next_item_start(text, cursor))
            raw = json.dumps(item, ensure_ascii=False)[:200]
            report.unparsed.append(Unparsed(source, line, raw, f"item {position + 1} is not a CSL object"))
            continue
        # Locate the item in the text for provenance (objects appear in order).
        start = text.find("{", cursor)
        try:
            _, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            end = start + 1
        line = line_at_cursor + text.count("\n", cursor, start)
        raw = text[start:end]
        line_at_cursor, cursor = line + raw.count("\n"), end
        ref = Reference.from_csl(item)
        if not ref.provenance:
            ref = ref.replace(provenance=(Occurrence(source, line, line_at_cursor, raw, key=ref.id or None),))
        references.append(ref)
    return Bibliography(references, {}, report)


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a CSL-JSON file."""
    text, warnings = read_text(path)
    bib = loads(text, os.path.basename(str(path)))
    bib.report.warnings[:0] = warnings
    return bib
