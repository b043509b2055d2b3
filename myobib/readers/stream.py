"""Numbered, decoded, cleaned input lines for the line-based readers (RIS, MEDLINE, free text).

Files are read line by line, so memory stays bounded whatever their size: each line
is decoded on its own (UTF-8, else cp1252/latin-1 with a warning), over-long lines
are skipped and reported, and control characters, bidirectional overrides and
injected LaTeX or HTML are reported with their line. Warnings of one kind are capped
so a hostile file cannot fill memory with them.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Bibliography, Reference, Report, Unparsed
from ..spill import gather

__all__ = [
    "MAX_LINE_BYTES",
    "MAX_RECORD_LINES",
    "MAX_UNPARSED",
    "LineLog",
    "file_lines",
    "text_lines",
]

MAX_LINE_BYTES = 4 * 1024 * 1024  # longer lines are skipped (and reported), not read
MAX_UNPARSED = 10_000  # past this many unreadable lines a file is refused: it is not a list
MAX_RECORD_LINES = 5_000  # a record (or entry) longer than this is closed where it stands
MAX_WARNINGS_PER_KIND = 20
SNIPPET = 200  # characters of a skipped over-long line kept in the report
_BINARY_PROBE = 65536

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LATEX = re.compile(
    r"\\(input|include|write\d*|immediate|openout|openin|read\d*|catcode|def|edef|gdef|csname|usepackage"
    r"|documentclass|newcommand|renewcommand|let)\b"
)
_HTML = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|img|svg|link|meta|form|base|a)\b[^>]*>|javascript:"
    r"|\bon[a-z]+\s*=\s*[\"']",
    re.IGNORECASE,
)


@dataclass
class LineLog:
    """Warnings and unparsed lines of one input, with caps that keep them bounded."""

    source: str
    warnings: list[str] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)
    _counts: Counter[str] = field(default_factory=Counter)

    def warn(self, line: int | None, kind: str, message: str) -> None:
        """Record one warning; past the cap for `kind` only the count grows."""
        self._counts[kind] += 1
        if self._counts[kind] <= MAX_WARNINGS_PER_KIND:
            where = f"{self.source}:{line}" if line is not None else self.source
            self.warnings.append(f"{where}: {message}")

    def unparse(self, line: int, text: str, reason: str) -> None:
        """Report a line that became no part of any reference."""
        if len(self.unparsed) >= MAX_UNPARSED:
            raise InputError(f"more than {MAX_UNPARSED} unreadable lines; is this the right format?", self.source, line)
        self.unparsed.append(Unparsed(self.source, line, text, reason))

    def finish(self) -> None:
        """Add one summary warning per kind that passed its cap."""
        for kind, count in self._counts.items():
            if count > MAX_WARNINGS_PER_KIND:
                self.warnings.append(f"{self.source}: {count - MAX_WARNINGS_PER_KIND} more lines with {kind}")
        self._counts.clear()


# One cheap test that lets the clean lines (nearly all of them) skip the four checks below.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\\\\<=]|javascript:", re.IGNORECASE)


def _clean(text: str, number: int, log: LineLog) -> str:
    if _SUSPECT.search(text) is None:
        return text
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
        log.warn(number, "control characters", "control characters removed")
    if _BIDI.search(text):
        text = _BIDI.sub("", text)
        log.warn(number, "bidirectional overrides", "bidirectional override characters removed")
    latex = _LATEX.search(text)
    if latex:
        log.warn(number, "LaTeX commands", f"LaTeX command \\{latex[1]} kept as plain text, never run")
    html = _HTML.search(text)
    if html:
        log.warn(number, "HTML markup", f"HTML markup {html[0][:40]!r} kept as plain text")
    return text


def text_lines(text: str, log: LineLog) -> Iterator[tuple[int, str]]:
    """The cleaned lines of a string, numbered from 1 (line ends normalised)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for index, line in enumerate(text.split("\n"), start=1):
        yield index, _clean(line, index, log)


def _decode(raw: bytes, number: int, log: LineLog) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = raw.decode("latin-1"), "latin-1"
    log.warn(number, "other encodings", f"not UTF-8; decoded as {encoding}")
    return text


def _skip_rest_of_line(handle, size: int) -> int:  # type: ignore[no-untyped-def]
    """Read past the end of an over-long line in bounded chunks; the bytes skipped."""
    while True:
        chunk = handle.readline(MAX_LINE_BYTES)
        size += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return size


def file_lines(path: str | os.PathLike[str], log: LineLog) -> Iterator[tuple[int, str]]:
    """Stream the cleaned lines of a file; binary, unreadable or empty files are an `InputError`."""
    name = str(path)  # errors name the file as the user gave it; warnings and provenance its base name
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", name) from None
    try:
        probe = handle.read(_BINARY_PROBE)
        if b"\x00" in probe:
            line = probe.count(b"\n", 0, probe.index(b"\x00")) + 1
            raise InputError("binary data, not a text reference list", name, line)
        handle.seek(0)
        number = 0
        seen_text = False
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            number += 1
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                size = _skip_rest_of_line(handle, len(raw))
                snippet = _decode(raw[: SNIPPET * 4], number, log)[:SNIPPET]
                log.unparse(number, snippet + "…", f"line of {size} bytes is over the {MAX_LINE_BYTES}-byte limit")
                seen_text = True
                continue
            text = _decode(raw, number, log).rstrip("\n").rstrip("\r")
            if not seen_text and text.strip():
                seen_text = True
            if "\r" not in text:
                yield number, _clean(text, number, log)
                continue
            pieces = text.split("\r")  # old Mac line ends inside one read line
            for offset, piece in enumerate(pieces):
                yield number + offset, _clean(piece, number + offset, log)
            number += len(pieces) - 1
        if not seen_text:
            raise InputError("file is empty", name)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", name) from None
    finally:
        handle.close()


def collect(references: Iterable[Reference], log: LineLog, fmt: str, what: str) -> Bibliography:
    """Gather a line reader's references into a bibliography (on disk when there are many, see
    `myobib.spill`); nothing read at all is an `InputError`."""
    found = gather(references)
    log.finish()
    if not found and not log.unparsed:
        raise InputError(f"no {what} found", log.source)
    return Bibliography(found, {"format": fmt}, Report(log.unparsed, [], log.warnings))
