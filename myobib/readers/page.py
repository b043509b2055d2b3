"""Reader for disease-information pages such as the IIM page in `refs/`.

A page is a header (a `Disease Info` banner, `Disease:<name>`, a title line and
description paragraphs) followed by a reference list. Numbered entries are a title
line (`1. Title`), an authors line and a journal line; unnumbered repeats carry only
the authors and journal lines. Every non-blank line of the list ends up in a
reference or in `report.unparsed`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields

from .._gc import gc_paused
from ..errors import InputError
from ..model import (
    Bibliography,
    Name,
    OccurrenceDraft,
    Reference,
    ReferenceDraft,
    Report,
    Unparsed,
    assign_keys,
    sealed,
)
from ..notices import NOTICE_HINT, link_notices, notice_from_title
from ..textio import read_text
from .citation import finish, parse_source_line, read_authors_line, title_fields
from .nlm import journal_line_fields, read_author_line, split_group_prefix

__all__ = ["loads", "parse_text", "read"]

_NUMBERED = re.compile(r"^\s*(\d{1,6})[.)]\s+(\S.*)$")
_FIELDS = frozenset(f.name for f in fields(Reference))
_NOTICE_STARTS, _NOTICE_NEEDS = NOTICE_HINT


@dataclass(slots=True)
class _Entry:
    """Lines collected for one reference: (line number, text) per role."""

    number: int | None = None
    title: tuple[int, str] | None = None
    authors: tuple[int, str] | None = None
    names: tuple[tuple[Name, ...], bool] = ((), False)
    editors: bool = False  # the names are the editors of the work
    noted: bool = False  # the reference built has a note or a notice
    journal: tuple[int, str] | None = None
    citation: dict[str, object] | None = None
    lines: list[tuple[int, str]] = field(default_factory=list)


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a disease-information page (any encoding) into a bibliography, repeats included."""
    text, warnings = read_text(path)
    bib = parse_text(text, source=os.path.basename(str(path)))
    bib.report.warnings[:0] = warnings
    return bib


def parse_text(text: str, source: str = "<string>") -> Bibliography:
    """Parse the text of a page; repeats are kept as separate references (see `dedupe`)."""
    with gc_paused():
        return _parse_text(text, source)


loads = parse_text  # the name every reader gives its from-a-string call (`detect.loads_any` uses it)


def _parse_text(text: str, source: str) -> Bibliography:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    start = _list_start(lines)
    if start is None:
        if not any(line.strip() for line in lines):
            raise InputError("no text", source)
        raise InputError("no numbered reference list found (expected lines like '1. Title')", source)
    header = _parse_header(lines[:start])
    report = Report()
    built = Report()  # what building finds is reported after what grouping finds
    references: list[Reference] = []
    noted: list[int] = []  # positions of the references with a note or a notice (see `link_notices`)
    for entry in _group_entries(lines, start, source, report):
        ref = _build_reference(entry, source, built)
        if ref is not None:
            if entry.noted:
                noted.append(len(references))
            references.append(ref)
    report.extend(built)
    if not references:
        raise InputError("reference list has no readable entry", source, start + 1)
    references = link_notices(references, noted)  # type: ignore[assignment]
    return Bibliography(assign_keys(references, in_place=True), header, report)


def _list_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        found = _NUMBERED.match(line)
        if found and int(found[1]) == 1:
            return index
    return None


def _parse_header(lines: list[str]) -> dict[str, object]:
    header: dict[str, object] = {}
    rest: list[str] = []
    for line in (raw.strip() for raw in lines):
        if not line:
            continue
        if line.lower() == "disease info" and "banner" not in header:
            header["banner"] = line
        elif line.lower().startswith("disease:") and "disease" not in header:
            header["disease"] = line.split(":", 1)[1].strip()
        elif "title" not in header and not rest and len(line) < 200:
            header["title"] = line
        else:
            rest.append(line)
    header["description"] = rest
    return header


def _group_entries(lines: list[str], start: int, source: str, report: Report) -> Iterator[_Entry]:
    """The entries of the list in order, each as soon as its last line is read."""
    current: _Entry | None = None
    # A page prints each work again as it printed it first: an authors line is read once. (Journal lines
    # are read again: keeping each one's fields for its repeats held more memory than it saved time.)
    authors: dict[str, tuple[tuple[Name, ...], bool]] = {}
    for index in range(start, len(lines)):
        number = index + 1
        text = lines[index].strip()
        if not text:
            continue
        numbered = _NUMBERED.match(text) if text[0].isdigit() else None
        citation = journal_line_fields(text)
        if numbered and citation is None:
            if current is not None:
                yield current
            current = _Entry(number=int(numbered[1]), title=(number, numbered[2].strip()), lines=[(number, text)])
        elif citation is not None:
            if current is None or current.journal is not None:
                if current is not None:
                    yield current
                current = _Entry()
            current.journal = (number, text)
            current.citation = citation
            current.lines.append((number, text))
            yield current
            current = None
        elif (names := authors.get(text) or read_author_line(text)) is not None:
            authors[text] = names
            if current is not None and (current.authors is not None or current.journal is not None):
                yield current
                current = None
            if current is None:
                current = _Entry()
            current.authors = (number, text)
            current.names = names
            current.lines.append((number, text))
        else:
            current = yield from _other_line(current, lines, index, source, report)
    if current is not None:
        yield current


def _other_line(current: _Entry | None, lines: list[str], index: int, source: str, report: Report) -> Iterator[_Entry]:
    """A line that is neither a title, a person authors line nor a journal line: organisations as authors
    or `[No authors listed]` (when a source line follows), the source of a work that is not a journal
    article (`Florence: UNICEF; 2023.`), a title's second line, or an unparsed line. Returns the entry
    being read after it."""
    number, text = index + 1, lines[index].strip()
    open_entry = current is not None and current.journal is None
    if (current is None or (open_entry and current.authors is None)) and _source_follows(lines, index):
        found = read_authors_line(text)
        if found is not None:
            if current is None:
                current = _Entry()
            names, et_al, role = found
            current.authors, current.names, current.editors = (number, text), (names, et_al), role == "editor"
            current.lines.append((number, text))
            return current
    if current is not None and open_entry and (current.title is not None or current.authors is not None):
        fields = parse_source_line(text)
        if fields is not None:
            current.journal, current.citation = (number, text), fields
            current.lines.append((number, text))
            yield current
            return None
    if current is not None and current.title is not None and current.authors is None and current.journal is None:
        # A title running over two lines.
        line_no, title = current.title
        current.title = (line_no, f"{title} {text}")
        current.lines.append((number, text))
        return current
    report.unparsed.append(Unparsed(source, number, text, "neither a title, authors nor a journal line"))
    return current


def _source_follows(lines: list[str], index: int) -> bool:
    """True when the next non-blank line is a journal line or another work's source line."""
    for line in lines[index + 1 : index + 3]:
        text = line.strip()
        if text:
            return journal_line_fields(text) is not None or parse_source_line(text) is not None
    return False


def _build_reference(entry: _Entry, source: str, report: Report) -> Reference | None:
    first_line, last_line = entry.lines[0][0], entry.lines[-1][0]
    original = "\n".join([text for _, text in entry.lines])
    if entry.title is None and entry.journal is None:
        for line_no, text in entry.lines:
            report.unparsed.append(Unparsed(source, line_no, text, "authors line without a journal line"))
        return None
    values: dict[str, object] = {}
    authors: tuple[Name, ...] = ()
    title_extra: dict[str, object] = {}
    if entry.title is not None:
        group, title = split_group_prefix(entry.title[1])
        title = title.rstrip()
        if "[" in title or ". " in title or 0 < title.find(": ") < 30:  # most titles need no more reading
            title, title_extra = title_fields(title)
        values["title"] = title
        if group:
            authors += (Name(literal=group),)
        if title[:2] in _NOTICE_STARTS or _NOTICE_NEEDS in title:  # most titles are no notice's
            notice = notice_from_title(title)
            if notice is not None:
                values["notice"] = notice
                entry.noted = True
    if entry.authors is not None:
        names, et_al = entry.names
        if entry.editors:
            values["editor"] = names
        else:
            authors = names + authors
        values["et_al"] = et_al
    values["author"] = authors
    citation = entry.citation
    if citation is not None and "note" in citation:
        entry.noted = True
    if citation is None:
        report.warnings.append(f"{source}:{first_line}: reference #{entry.number} has no journal line")
    elif "_tails" in citation:
        citation = _other_source(values, citation, title_extra)
        title_extra = {}
        entry.noted = entry.noted or "note" in citation or "notice" in citation
    if title_extra:
        citation = _with_title_fields(citation or {}, title_extra)
    if entry.authors is None:
        report.warnings.append(f"{source}:{first_line}: reference has no authors line")
    occurrence = sealed(OccurrenceDraft(source, first_line, last_line, original, entry.number))
    return sealed(ReferenceDraft(provenance=(occurrence,), **values, **(citation or {})))


def _other_source(
    values: dict[str, object], citation: dict[str, object], title_extra: dict[str, object]
) -> dict[str, object]:
    """The fields of a work whose source line is no journal line; `values` (title, authors) completed."""
    tails = citation["_tails"]
    tails.descriptors += title_extra.pop("_descriptors", [])  # type: ignore[attr-defined]
    notes = [str(note) for note in (title_extra.pop("note", None), citation.get("_note")) if note]
    names = (*values["author"], *values.get("editor", ()))  # type: ignore[misc]
    persons = any(not name.is_group for name in names)
    found = {**values, **title_extra, **{k: v for k, v in citation.items() if k not in ("_tails", "_note")}}
    found = finish(found, tails, notes, persons)  # type: ignore[arg-type]
    values.clear()
    return {key: value for key, value in found.items() if key in _FIELDS and value is not None}


def _with_title_fields(citation: dict[str, object], title_extra: dict[str, object]) -> dict[str, object]:
    """A journal line's fields with those of its title (a translation's note, a genre, a language)."""
    merged = {**citation}
    for key, value in title_extra.items():
        if key == "note" and merged.get("note"):
            merged["note"] = f"{value} {merged['note']}"
        elif key == "extra":
            merged["extra"] = {**value, **merged.get("extra", {})}  # type: ignore[dict-item]
        elif key in _FIELDS:
            merged.setdefault(key, value)
    return merged
