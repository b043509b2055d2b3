"""RIS output, readable by EndNote, Zotero, Mendeley and `myobib.readers.ris`.

Every field RIS has a tag for is written; RIS tags kept from an input under
`extra["ris"]` are written back. Names are written as processors read them
(`Rider, L. G.`, see `myobib.names`); a list cut with "et al." ends with `AU  - et al.`,
which Zotero and EndNote import as a last one-field author (so their styles print it) and
`myobib.readers.ris` reads back as the flag. myobib's own data without a RIS tag
(provenance, flags, the page range as printed, container authors, event place, collection
number) is not written: use CSL-JSON to keep those.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..model import Bibliography, Date, Name, Reference
from ..names import ET_AL, family_given
from ..readers.ris import TYPE_TO_RIS, parse_name
from ..textio import write_atomic

__all__ = ["dumps", "format_date", "format_name", "iter_text", "write"]

_RANGE = re.compile(r"^([^-,]+)-([^-,]+)$")
_EXTRA_TAGS = {"abstract": "AB"}
_FIELD_TAGS = {"language": "LA", "publisher_place": "CY", "edition": "ET", "collection_title": "T3", "genre": "M3"}
_EDITOR_TAGS = {"collection-editor": "A3", "translator": "A4"}


def format_name(name: Name) -> str:
    """`Family, Given, Suffix` with initials written out (`Rider, L. G.`, `de Souza, F. H. C.`, see
    `myobib.names`); a group name as it is, with EndNote's trailing comma when it has a comma."""
    if name.literal is not None:
        # EndNote's trailing comma keeps a group name whole where it could be read as a person.
        return name.literal if parse_name(name.literal) == name else f"{name.literal},"
    family, given, suffix = family_given(name)
    parts = [family, given or ""] + ([suffix] if suffix else [])
    return ", ".join(parts) if given or suffix else family


def format_date(date: Date) -> str:
    """`YYYY/MM/DD/other`, the RIS `DA` form, with empty parts left empty."""
    parts = [
        str(date.year) if date.year is not None else "",
        f"{date.month:02d}" if date.month is not None else "",
        f"{date.day:02d}" if date.day is not None else "",
        date.literal or "",
    ]
    return "/".join(parts)


def _one_line(value: object) -> str:
    """RIS values are one line: line breaks inside a value become spaces."""
    return " ".join(str(value).split())


def _record(ref: Reference) -> Iterator[tuple[str, str]]:
    extra = dict(ref.extra)
    kept: dict[str, list[str]] = {tag: list(values) for tag, values in dict(extra.get("ris") or {}).items()}
    type_tag = kept.pop("TY", [None])[0] or TYPE_TO_RIS.get(ref.type, "GEN")
    yield "TY", type_tag
    if ref.id:
        yield "ID", ref.id
    for name in ref.author:
        yield "AU", format_name(name)
    if ref.et_al and ref.author:
        yield "AU", ET_AL["literal"]  # the list was cut: importers keep it as a last one-field author
    for name in ref.editor:
        yield "A2", format_name(name)
    for variable, tag in _EDITOR_TAGS.items():
        for item in extra.get(variable) or []:
            if isinstance(item, dict):
                yield tag, format_name(Name.from_csl(item))
    if ref.title is not None:
        yield "TI", ref.title
    if ref.container_title is not None:
        yield "T2", ref.container_title
    if ref.container_title_short is not None:
        yield "J2", ref.container_title_short  # EndNote's and Zotero's abbreviation
        yield "JO", ref.container_title_short  # older readers' (Mendeley, Refman)
    if ref.event_title is not None:
        yield "C3", ref.event_title
    if ref.issued is not None:
        year, month, day = ref.issued.year, ref.issued.month, ref.issued.day
        if year is not None:
            # `2017/05//`, RIS's own date form, where there is a month (EndNote takes the year from it)
            yield "PY", format_date(Date(year, month, day)) if month is not None else str(year)
        if month is not None or ref.issued.literal is not None or year is None:
            yield "DA", format_date(ref.issued)
    if ref.accessed is not None:
        yield "Y2", format_date(ref.accessed)
    if ref.volume is not None:
        yield "VL", ref.volume
    if ref.issue is not None:
        yield "IS", ref.issue
    if ref.page is not None:
        found = _RANGE.match(ref.page)
        if found:
            yield "SP", found[1].strip()
            yield "EP", found[2].strip()
        else:
            yield "SP", ref.page
    if ref.number is not None:
        yield "C7", ref.number
    if ref.DOI is not None:
        yield "DO", ref.DOI
    if ref.PMID is not None:
        yield "AN", ref.PMID
        if "DB" not in kept:
            yield "DB", "PubMed"
    if ref.PMCID is not None:
        yield "C2", ref.PMCID
    if ref.URL is not None:
        yield "UR", ref.URL
    for number in (ref.ISBN, ref.ISSN):  # the reader tells them apart by their shape
        if number is not None:
            yield "SN", number
    if ref.publisher is not None:
        yield "PB", ref.publisher
    for attr, tag in _FIELD_TAGS.items():
        if getattr(ref, attr) is not None:
            yield tag, getattr(ref, attr)
    for variable, tag in _EXTRA_TAGS.items():
        if extra.get(variable) is not None:
            yield tag, str(extra[variable])
    if extra.get("keyword"):
        for word in str(extra["keyword"]).split(", "):
            yield "KW", word
    if ref.note is not None:
        for line in ref.note.split("\n"):
            yield "N1", line
    for tag, values in kept.items():
        for value in values:
            yield tag, value


def dumps(bib: Bibliography) -> str:
    """The bibliography as RIS text: one record per reference, `TY` to `ER`."""
    return "".join(iter_text(bib))


def iter_text(bib: Bibliography) -> Iterator[str]:
    """`dumps(bib)` in pieces, one record at a time."""
    for ref in bib:
        lines = [f"{tag}  - {_one_line(value)}" for tag, value in _record(ref)]
        yield "\n".join(lines) + "\nER  - \n\n"


def write(bib: Bibliography, path: str | os.PathLike[str]) -> Path:
    """Write RIS atomically, one record at a time."""
    return write_atomic(path, iter_text(bib))
