"""Free-text reference lists: Vancouver / NLM, AMA, BMJ, MDPI, APA 7, PubMed "Summary (text)".

Entries are numbered (`1.`, `1)`, `[1]`, `1:`, or a bare `1 ` / `1.Author` when the numbers
count up from 1), one per line or wrapped over several lines, or unnumbered and separated by
blank lines or one per line. A heading line (`References`, `Literature Cited`, `REFERÊNCIAS`,
in `myobib/data/citation_words.json`) is reported, never glued to an entry. Each entry is read as
ABNT NBR 6023 (`abnt.py`) when it starts with a name in capitals and has an ABNT source, as APA 7
(`apa.py`) when it starts `Authors (Year).`, else in the NLM family (`citation.py`), whatever
kind of work it cites: article, book, chapter, report, web page, conference paper, thesis, law,
software, data set, preprint, newspaper article, notice.

An entry whose source is not recognised is still read when it has authors and a date, or an
identifier (with a warning); anything else is reported as unparsed, line by line. References
that other entries name as their erratum, retraction or comment get `notice` (`myobib.notices`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import InputError
from ..model import Bibliography, Occurrence, Reference
from ..notices import link_notices
from . import stream
from .abnt import parse_abnt
from .apa import parse_apa
from .citation import parse_citation, starts_with_authors
from .cochrane import STUDY_ID, cochrane_forms, registry_record, with_kind
from .stream import LineLog, collect, file_lines, text_lines
from .webforms import web_forms
from .words import alternation

__all__ = ["iter_references", "loads", "parse_entry", "read"]

_NUMBER = re.compile(r"^\s*(?:\[(\d{1,6})\]|(\d{1,6})[.):])\s+(?=\S)")
# `1 Jacob M, …` and `1.Sobrinho L.V., …`: numbers only when they count up from 1 (see `_entries`).
_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})(?:\s+|\.(?=[^\W\d_]))(?=[^\W\d_]|[\[“\"‘'])")
# `References`, and a heading word after a few others (`GLOSSARY REFERENCES`, `Annex references`).
_HEADING = re.compile(rf"^\s*(?:[^\W\d_]+\s+){{0,3}}(?:{alternation('headings')})\s*:?\s*$", re.IGNORECASE)
# A line that is no reference and reads as one phrase (no sentence ends in it): a caption when complete
# references follow it (`Enlaces nacionales … de IRA`, `Published Guidelines / Consensus Statements`).
# A site's closing line after a list: PMC's `Articles from <journal> are provided here courtesy of <publisher>`
_CLOSING = re.compile(rf"\b(?:{alternation('closing_lines')})\b", re.IGNORECASE)
_PHRASE = re.compile(r"^[^\W\d_][^.;]{0,199}$")
_MAX_ENTRY_CHARS = 20_000  # an "entry" longer than this is not a reference
_KEYS = frozenset(f.name for f in fields(Reference))


@dataclass
class _Entry:
    number: int | None
    lines: list[tuple[int, str]] = field(default_factory=list)
    values: dict[str, Any] | None = None  # the fields of a one-line entry, read when it was found
    heading: bool = False
    printed_kind: str | None = None  # `[Computer program]` on the study identifier before it

    def text(self) -> str:
        out = ""
        for _, line in self.lines:
            piece = line.strip()
            if not out:
                out = piece
            elif re.search(r"(?:10\.\d{4,9}/|https?://)\S*[-./_]$", out) and re.match(r"[^A-Z\s]", piece):
                out += piece  # a DOI or URL broken over two lines
            else:
                out += " " + piece
        return out


# -- one entry -----------------------------------------------------------------------------


def parse_entry(text: str, numbered: bool = False, kind: str | None = None) -> dict[str, Any] | None:
    """The `Reference` fields of one entry (the CSL type included), or None when it is not
    recognisably a reference; a `numbered` entry is one when it has authors, though its source is
    garbled (PMC's `Havenith G. Heidelberg: Springer. Berlin: 2005. Title In: Book; pp. 69–80.`).

    The private key `_understood` tells whether its source (journal, book, chapter …) or a web
    address was recognised. `kind` is a bracketed kind printed before the entry (Cochrane's
    `Review Manager 2020 [Computer program]`).
    """
    text = _NUMBER.sub("", text, count=1).strip()
    if not text or len(text) > _MAX_ENTRY_CHARS:
        return None
    record = registry_record(text)
    if record is not None:
        return record
    text, taken = cochrane_forms(text)
    text, more = web_forms(text)
    taken.update(more)
    if kind:
        text = with_kind(text, kind)
    values = parse_abnt(text) or parse_apa(text)
    if values is None or not values.get("_understood"):
        citation = parse_citation(text)
        if citation is not None and (values is None or citation.get("_understood")):
            values = citation
    if values is None:
        return None
    for name, value in taken.items():
        values[name] = values.get(name) or value
    if kind and not values.get("title") and len(values.get("author") or ()) == 1:
        # `GRADEpro GDT [Computer program]. …`: under its study identifier a program's name is its title
        values["title"], values["author"] = text.partition(f" {kind}")[0], ()
    has_people = bool(values.get("author") or values.get("editor")) and values.get("issued") is not None
    identified = values.get("DOI") or values.get("PMID") or values.get("PMCID")
    if not (values.get("_understood") or has_people or identified or (numbered and values.get("author"))):
        return None
    return values


# -- entries from lines -----------------------------------------------------------------------


def _kind(values: dict[str, Any] | None, line: str) -> str | None:
    """What a line read alone is: `whole` (a complete reference), `partial` (a reference whose source
    was not understood), `id` (a bare identifier), `start` (no reference, but it starts like one, with
    authors), or None (a line that could continue an entry)."""
    if values is None:
        return "start" if starts_with_authors(line) else None
    if (values.get("_understood") and values.get("title")) or (
        (values.get("author") or values.get("editor")) and values.get("issued")
    ):
        return "whole"
    return "partial" if values.get("title") or values.get("author") else "id"


def _starts_entry(kind: str | None, first: str | None, line: str) -> bool:
    """Whether a line of `kind` starts an entry of its own in an unnumbered paragraph whose current entry
    began with a line of kind `first`: after a line that read as a reference by itself, every line that
    reads or starts like one does, an identifier after an identifier too (after a reference it is that
    reference's); after a line that only started like one, a line that starts with authors does; after a
    caption (see `_PHRASE`), a complete reference starting with a capital does."""
    if first == "caption":
        return kind == "whole" and line.lstrip()[:1].isupper()
    if kind is None or first is None:
        return False
    if first == "start":
        return kind != "id" and (kind == "start" or starts_with_authors(line))
    return kind != "id" or first == "id"


def _list_number(line: str, last: int) -> tuple[int, int] | None:
    """(list number, where the entry's text starts) of a numbered line: `1. `, `1) `, `[1] `, `1: `, and
    `1 ` or `1.Title` when the number follows the last one or skips one (a list with an entry left out;
    so a title or a wrapped line starting with a number is not taken for one)."""
    found = _NUMBER.match(line)
    if found is not None:
        return int(found[1] or found[2]), found.end()
    found = _BARE_NUMBER.match(line)
    if found is not None and 0 < int(found[1]) - last <= 2:
        return int(found[1]), found.end()
    return None


def _entries(lines: Iterable[tuple[int, str]]) -> Iterator[_Entry]:
    """Group lines into entries, streaming.

    A number starts an entry and a blank line ends one; a heading (`References`, `Literature Cited`,
    `REFERÊNCIAS`) and a site's closing line (PMC's `… are provided here courtesy of …`) are entries of
    their own, reported. In an unnumbered paragraph, a line that reads as a reference by itself, after
    another such line, starts the next (see `_starts_entry`). Entries are cut at `MAX_RECORD_LINES`
    lines or the character limit.
    """
    current: _Entry | None = None
    first_kind: str | None = None  # the kind of the first line of an unnumbered entry, read alone
    printed_kind: str | None = None
    size = last_number = 0
    for number, line in lines:
        if not line.strip():
            if current is not None:
                yield current
            current = None
            continue
        heading = len(line) < 60 and (_HEADING.match(line) or STUDY_ID.match(line))
        if heading or (len(line) < 300 and _CLOSING.search(line)):
            if current is not None:
                yield current
            yield _Entry(None, [(number, line)], heading=True)
            current = None
            printed_kind = heading.groupdict().get("kind") if heading else None
            continue
        numbered = _list_number(line, last_number)
        values = None
        if numbered is None and (current is None or current.number is None):
            values = parse_entry(line, kind=printed_kind)
        kind = _kind(values, line) if current is None or current.number is None else None
        if current is not None and (
            numbered
            or (current.number is None and _starts_entry(kind, first_kind, line))
            or len(current.lines) >= stream.MAX_RECORD_LINES
            or size > _MAX_ENTRY_CHARS
        ):
            yield current
            current = None
        if current is None:
            current = _Entry(numbered[0] if numbered else None, [(number, line)], values, printed_kind=printed_kind)
            printed_kind = None
            if numbered:
                last_number = numbered[0]
                current.lines[0] = (number, line[numbered[1] :])
            first_kind, size = kind, len(line)
            if kind is None and not numbered and _PHRASE.match(line.strip()):
                first_kind = "caption"
        else:
            current.lines.append((number, line))
            current.values = None
            size += len(line)
    if current is not None:
        yield current


def _reference(entry: _Entry, log: LineLog) -> Reference | None:
    first, last = entry.lines[0][0], entry.lines[-1][0]
    if entry.heading:
        log.unparse(first, entry.lines[0][1], "a heading")
        return None
    text = entry.text()
    values = entry.values
    if values is None:
        values = parse_entry(text, entry.number is not None, entry.printed_kind)
    if values is None:
        reason = "entry too long to be a reference" if len(text) > _MAX_ENTRY_CHARS else "not a recognisable reference"
        for number, line in entry.lines:
            log.unparse(number, line, reason)
        return None
    if not values.get("_understood"):
        log.warn(
            first, "entries not understood", "no journal, book or other source recognised; title and note kept as read"
        )
    values = {key: value for key, value in values.items() if value is not None and key in _KEYS}
    original = "\n".join(line for _, line in entry.lines)
    occurrence = Occurrence(log.source, first, last, original, entry.number)
    return Reference(provenance=(occurrence,), **values)


def iter_references(lines: Iterable[tuple[int, str]], log: LineLog) -> Iterator[Reference]:
    """Read references from numbered lines, one entry at a time."""
    for entry in _entries(lines):
        ref = _reference(entry, log)
        if ref is not None:
            yield ref


def _collect(lines: Iterable[tuple[int, str]], log: LineLog) -> Bibliography:
    bib = collect(iter_references(lines, log), log, "text", "references")
    linked = link_notices(bib.references)
    return bib if linked is bib.references else Bibliography(linked, bib.header, bib.report)


def loads(text: str, source: str = "<string>") -> Bibliography:
    """Parse a free-text reference list; every non-blank line is in a reference or reported."""
    if not text.strip():
        raise InputError("no text", source)
    log = LineLog(source)
    return _collect(text_lines(text, log), log)


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a free-text reference list file, streaming it entry by entry."""
    log = LineLog(os.path.basename(str(path)))
    return _collect(file_lines(path, log), log)
