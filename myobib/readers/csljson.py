"""CSL-JSON input (Zotero, Mendeley, citation.js and myobib's own output)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import InputError
from ..model import Bibliography, Occurrence, Reference, Report, Unparsed
from ..spill import gather
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
            _not_an_item(item, position, line, source, report)
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
        references.append(_reference(item, raw, line, line_at_cursor, source))
    return Bibliography(references, {}, report)


def _reference(item: Mapping[str, Any], raw: str, line: int, last_line: int, source: str) -> Reference:
    ref = Reference.from_csl(item)
    if not ref.provenance:
        ref = ref.replace(provenance=(Occurrence(source, line, last_line, raw, key=ref.id or None),))
    return ref


def _not_an_item(item: object, position: int, line: int, source: str, report: Report) -> None:
    raw = json.dumps(item, ensure_ascii=False)[:200]
    report.unparsed.append(Unparsed(source, line, raw, f"item {position + 1} is not a CSL object"))


STREAM_BYTES = 8 * 1024 * 1024  # larger files that hold one array are read item by item
_CHUNK = 1 << 20


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a CSL-JSON file; a large one holding an array is read item by item (see `myobib.spill`)."""
    source = os.path.basename(str(path))
    try:
        if os.path.getsize(path) > STREAM_BYTES and _starts_an_array(path):
            report = Report()
            return Bibliography(gather(_stream(path, source, report)), {}, report)
    except UnicodeDecodeError:
        pass  # not UTF-8: read whole below, which decodes cp1252/latin-1 with a warning
    except OSError:
        pass  # read_text below names the problem
    text, warnings = read_text(path)
    bib = loads(text, source)
    bib.report.warnings[:0] = warnings
    return bib


def _starts_an_array(path: str | os.PathLike[str]) -> bool:
    with open(path, "rb") as handle:
        probe = handle.read(65536)
    if b"\x00" in probe:
        return False  # read_text refuses it with the line of the first NUL
    return probe.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"["


def _stream(path: str | os.PathLike[str], source: str, report: Report) -> Iterator[Reference]:
    """The items of a top-level array, parsed one at a time from a window onto the file."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8-sig", newline=None) as handle:
        window = _Window(handle)
        window.next_char()
        window.advance(window.pos + 1)  # past "["
        position = 0
        while True:
            char = window.next_char()
            if char == "]":
                window.advance(window.pos + 1)
                if window.next_char():
                    raise InputError("invalid JSON: extra data after the array", source, window.line)
                return
            if not char:
                raise InputError("invalid JSON: the array is not closed", source, window.line)
            if char == "," and position:
                window.advance(window.pos + 1)
                continue
            item, end = window.decode(decoder, source)
            raw = window.text[window.pos : end]
            if isinstance(item, Mapping) and isinstance(item.get("type", ""), str):
                yield _reference(item, raw, window.line, window.line + raw.count("\n"), source)
            else:
                _not_an_item(item, position, window.line, source, report)
            position += 1
            window.advance(end)


class _Window:
    """A stretch of a file being parsed: its text, the position in it and that position's line."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def more(self) -> bool:
        """Read onto the window (at least as much again, so a huge item costs linear time); False at the end."""
        chunk = "" if self.eof else self.handle.read(max(_CHUNK, len(self.text) - self.pos))
        if not chunk:
            self.eof = True
            return False
        self.text, self.pos = self.text[self.pos :] + chunk, 0
        return True

    def advance(self, to: int) -> None:
        self.line += self.text.count("\n", self.pos, to)
        self.pos = to

    def next_char(self) -> str:
        """The next character that is not white space, without passing it ("" at the end of the file)."""
        while True:
            self.advance(_SPACE.match(self.text, self.pos).end())
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def decode(self, decoder: json.JSONDecoder, source: str) -> tuple[Any, int]:
        """The JSON value at the position and where it ends, reading on until it is whole."""
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
                if end < len(self.text) or self.eof:
                    return value, end
            except json.JSONDecodeError as exc:
                if self.eof:
                    line = self.line + self.text.count("\n", self.pos, exc.pos)
                    raise InputError(f"invalid JSON: {exc.msg}", source, line) from None
            self.more()
