"""MEDLINE / PubMed `.nbib` input (PubMed's "Save → PubMed format").

Each field is a tag of up to four letters padded to four columns, `- `, and a value;
continuation lines are indented six spaces. Records start at `PMID- ` and are
separated by blank lines. Authors are read from `AU` (initials, as lists print
them) with `FAU` (full names) kept, and collective names from `CN`; tags without a
model field are kept under `extra["medline"]`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..journals import full_name
from ..model import Bibliography, Date, Name, Occurrence, Reference
from ..pages import page_range
from . import stream
from .identifiers import clean_doi
from .nlm import MONTHS, parse_authors
from .stream import LineLog, collect, file_lines, text_lines

__all__ = ["iter_references", "loads", "parse_date", "read"]

_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3})\s*- ?(.*)$")
_CONTINUATION = re.compile(r"^\s{2,}\S")
_DATE = re.compile(
    r"^(?P<year>\d{4})(?:\s+(?P<month>[A-Za-z]{3})[a-z]*(?P<range>-[A-Za-z]{3}[a-z]*)?(?:\s+(?P<day>\d{1,2}))?)?\s*$"
)
_SUPPLEMENT = re.compile(r"\bSuppl(?:ement)?\.?\s*(\S+)?", re.IGNORECASE)
_ID_KIND = re.compile(r"^(?P<value>.*?)\s*\[(?P<kind>[a-z]+)\]\s*$")

# Publication types (PT) that change the CSL type; everything else is a journal article.
_PT_TYPES = {"Book": "book", "Dataset": "dataset", "Preprint": "article"}


@dataclass
class _Record:
    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)


def parse_date(text: str) -> Date | None:
    """`2017 May`, `2018 Mar 7`, `2016 Nov-Dec`, `2007 Spring`, `2017`; else a literal date."""
    value = text.strip()
    if not value:
        return None
    found = _DATE.match(value)
    month = MONTHS.get(found["month"].lower()) if found and found["month"] else None
    if found is None or (found["month"] and month is None):
        year = re.match(r"^(\d{4})\b", value)
        return Date(int(year[1]) if year else None, literal=value)
    day = int(found["day"]) if found["day"] else None
    return Date(int(found["year"]), month, day, value if found["range"] else None)


def _person(au: str, fau: str | None) -> Name:
    names, _ = parse_authors(au)
    if len(names) == 1 and names[0].family is not None:
        return names[0]
    if fau and "," in fau:
        family, _, given = (part.strip() for part in fau.partition(","))
        return Name(family=family, given=given or None)
    return Name(literal=au)


def _build(record: _Record, source: str) -> Reference:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    kept: dict[str, list[str]] = {}
    authors: list[Name] = []
    last_fau: str | None = None
    errata: list[str] = []
    for tag, value in record.fields:
        value = " ".join(value.split())
        if not value:
            continue
        if tag == "PMID" and "PMID" not in values:
            values["PMID"] = value
        elif tag == "TI" and "title" not in values:
            values["title"] = value[:-1] if value.endswith(".") and not value.endswith("..") else value
        elif tag == "FAU":
            last_fau = value
            kept.setdefault(tag, []).append(value)
        elif tag == "AU":
            authors.append(_person(value, last_fau))
            last_fau = None
        elif tag == "CN":
            authors.append(Name(literal=value))
        elif tag == "TA" and "container_title_short" not in values:
            values["container_title_short"] = value
        elif tag == "JT" and "container_title" not in values:
            values["container_title"] = value
        elif tag == "DP" and "issued" not in values:
            values["issued"] = parse_date(value)
        elif tag == "VI" and "volume" not in values:
            values["volume"] = value
        elif tag == "IP" and "issue" not in values:
            values["issue"] = value
        elif tag == "PG" and "page" not in values:
            values["page"], values["page_first"] = page_range(value)
            if values["page"] != value:
                values["page_as_written"] = value
        elif tag in ("LID", "AID") and _ID_KIND.match(value):
            found = _ID_KIND.match(value)
            assert found is not None
            kind, ident = found["kind"], found["value"]
            if kind == "doi" and "DOI" not in values and clean_doi(ident):
                values["DOI"] = clean_doi(ident)
            kept.setdefault(tag, []).append(value)
        elif tag == "PMC" and "PMCID" not in values:
            values["PMCID"] = value
        elif tag == "IS" and "ISSN" not in values:
            values["ISSN"] = value.split(" (")[0]
            kept.setdefault(tag, []).append(value)
        elif tag == "EIN":
            errata.append(value)
        elif tag == "AB" and "abstract" not in extra:
            extra["abstract"] = value
        elif tag == "LA" and "language" not in values:
            values["language"] = value
        elif tag == "PL" and "publisher_place" not in values:
            values["publisher_place"] = value
        else:
            kept.setdefault(tag, []).append(value)
    if errata:
        values["note"] = " ".join(f"Erratum in: {e}" for e in errata)
    if values.get("issue"):
        supplement = _SUPPLEMENT.search(values["issue"])
        if supplement:
            values["supplement"] = supplement[1] or ""
    if "container_title" not in values and values.get("container_title_short"):
        values["container_title"] = full_name(values["container_title_short"])
    types = kept.get("PT", [])
    values["type"] = next((_PT_TYPES[t] for t in types if t in _PT_TYPES), "article-journal")
    if kept:
        extra["medline"] = kept
    values["author"] = tuple(authors)
    values["extra"] = extra
    text = "\n".join(line for _, line in record.lines)
    values["provenance"] = (Occurrence(source, record.start, record.lines[-1][0], text, key=values.get("PMID")),)
    return Reference(**values)


def iter_references(lines: Iterable[tuple[int, str]], log: LineLog) -> Iterator[Reference]:
    """Read references from numbered lines, one at a time."""
    record: _Record | None = None
    for number, line in lines:
        if record is not None and len(record.lines) >= stream.MAX_RECORD_LINES:
            log.warn(record.start, "over-long records", f"over {stream.MAX_RECORD_LINES} lines; record cut there")
            yield _build(record, log.source)
            record = None
        if not line.strip():
            if record is not None and record.fields:
                yield _build(record, log.source)
                record = None
            continue
        found = _TAG.match(line)
        if found is not None and not line[:1].isspace():
            tag, value = found[1], found[2]
            if tag == "PMID" and record is not None and record.fields:
                yield _build(record, log.source)
                record = None
            if record is None:
                record = _Record(number)
                if tag != "PMID":
                    log.warn(number, "records without PMID", "record does not start with 'PMID- '")
            record.fields.append((tag, value))
            record.lines.append((number, line))
        elif record is not None and record.fields and _CONTINUATION.match(line):
            tag, value = record.fields[-1]
            record.fields[-1] = (tag, f"{value} {line.strip()}")
            record.lines.append((number, line))
        else:
            log.unparse(number, line, "not a MEDLINE line ('TAG - value') nor a continuation")
    if record is not None and record.fields:
        yield _build(record, log.source)


def loads(text: str, source: str = "<string>") -> Bibliography:
    """Parse MEDLINE text into a bibliography; every non-blank line is in a record or reported."""
    if not text.strip():
        raise InputError("no text", source)
    log = LineLog(source)
    return collect(iter_references(text_lines(text, log), log), log, "medline", "MEDLINE records")


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a MEDLINE / .nbib file, streaming it line by line."""
    log = LineLog(os.path.basename(str(path)))
    return collect(iter_references(file_lines(path, log), log), log, "medline", "MEDLINE records")
