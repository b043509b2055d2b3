"""RIS input (EndNote, Zotero, Mendeley, publishers' "download citation").

A record runs from `TY  - ` to `ER  - `. A record missing its `ER` is closed at the
next `TY` or at the end of the file, with a warning, and still read. Lines without a
tag inside a record continue the previous field; outside a record they are reported
as unparsed. Tags myobib has no field for are kept under `extra["ris"]`, so the RIS
writer gives them back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import Bibliography, Date, Name, Occurrence, Reference
from ..names import compact_initials, is_et_al
from ..pages import page_range
from . import stream
from .identifiers import clean_doi
from .nlm import GROUP_WORDS, parse_authors
from .stream import LineLog, collect, file_lines, text_lines

__all__ = ["RIS_TYPES", "TYPE_TO_RIS", "iter_references", "loads", "parse_date", "parse_name", "read"]

_TAG = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*)|\s*)$")

RIS_TYPES = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal", "ABST": "article-journal",
    "INPR": "article-journal", "MGZN": "article-magazine", "NEWS": "article-newspaper", "BOOK": "book",
    "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "THES": "thesis", "RPRT": "report", "ELEC": "webpage", "WEB": "webpage",
    "PAT": "patent", "DATA": "dataset", "COMP": "software", "CASE": "legal_case", "STAT": "legislation",
    "BILL": "bill", "UNPB": "manuscript", "MANSCPT": "manuscript", "MAP": "map", "PCOMM": "personal_communication",
    "SLIDE": "speech", "VIDEO": "motion_picture", "SOUND": "song", "STD": "standard", "GEN": "article",
    "GOVDOC": "report", "PAMP": "pamphlet", "BLOG": "post-weblog", "ENCYC": "entry-encyclopedia",
    "DICT": "entry-dictionary", "LEGAL": "legislation", "SER": "book",
}  # fmt: skip
TYPE_TO_RIS = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS", "book": "BOOK",
    "chapter": "CHAP", "paper-conference": "CPAPER", "thesis": "THES", "report": "RPRT", "webpage": "ELEC",
    "patent": "PAT", "dataset": "DATA", "software": "COMP", "legal_case": "CASE", "legislation": "STAT",
    "bill": "BILL", "manuscript": "UNPB", "map": "MAP", "personal_communication": "PCOMM", "speech": "SLIDE",
    "motion_picture": "VIDEO", "song": "SOUND", "standard": "STD", "article": "GEN", "pamphlet": "PAMP",
    "post-weblog": "BLOG", "entry-encyclopedia": "ENCYC", "entry-dictionary": "DICT",
}  # fmt: skip

_SUPPLEMENT = re.compile(r"\bSuppl(?:ement)?\.?\s*(\S+)?", re.IGNORECASE)
_DATE = re.compile(r"^\s*(\d{4})?(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?(?:/(.*))?)?)?\s*$")
_PUBMED_DB = re.compile(r"pubmed|medline|\bnlm\b", re.IGNORECASE)

# Tags whose first value is kept as the `Reference` field named here, and those kept as a CSL variable.
_FIELD_TAGS = {"LA": "language", "CY": "publisher_place", "ET": "edition", "M3": "genre", "C3": "event_title"}
_ISBN = re.compile(r"(?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx]")
_EXTRA_TAGS = {"AB": "abstract", "N2": "abstract"}
_EDITOR_TAGS = {"A2": "editor", "ED": "editor", "A3": "collection-editor", "A4": "translator"}


@dataclass
class _Record:
    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    closed: bool = False


def parse_name(value: str) -> Name:
    """`Lundberg, Ingrid E.`, `Lundberg, I. E., Jr.`, `Lundberg IE` or a group name (`Some Group, Name,`).

    Initials only (`I. E.`) are read as the model keeps them, `IE` (`myobib.names.compact_initials`).
    """
    text = value.strip()
    if text.endswith(","):  # EndNote's mark of a group name
        return Name(literal=text.rstrip(", ").strip())
    if "," in text:
        family, _, rest = text.partition(",")
        if len(rest.split()) > 3 and GROUP_WORDS.search(text):
            return Name(literal=text)
        given, _, suffix = rest.partition(",")
        family, given, suffix = family.strip(), compact_initials(given.strip()), suffix.strip()
        return Name(family=family or None, given=given or None, suffix=suffix or None)
    names, _ = parse_authors(text)
    if len(names) == 1 and names[0].family is not None:
        return names[0]
    return Name(literal=text)


def parse_date(value: str) -> Date | None:
    """`2017`, `2017/05/`, `2017/05/14/`, `2007///Spring`; anything else is a literal."""
    text = value.strip()
    if not text:
        return None
    found = _DATE.match(text)
    if found is None:
        year = re.match(r"^(\d{4})\b", text)
        return Date(int(year[1]), literal=text) if year else Date(literal=text)
    year, month, day, other = found.groups()
    month_n = int(month) if month and 1 <= int(month) <= 12 else None
    day_n = int(day) if day and 1 <= int(day) <= 31 and month_n else None
    literal = other.strip() if other and other.strip() else None
    if year is None and literal is None:
        return None
    return Date(int(year) if year else None, month_n, day_n, literal)


def _pages(start: str | None, end: str | None) -> tuple[str | None, str | None, str | None]:
    """(page, page_first, page_as_written) from SP and EP."""
    if not start and not end:
        return None, None, None
    written = f"{start}-{end}" if start and end and start != end else (start or end or "")
    page, first = page_range(written)
    return page, first, (written if page != written else None)


def _build(record: _Record, source: str, log: LineLog) -> Reference:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    ris_extra: dict[str, list[str]] = {}
    authors: list[Name] = []
    editors: dict[str, list[dict[str, str]]] = {}
    titles: dict[str, str] = {}
    journals: dict[str, str] = {}
    urls: list[str] = []
    notes: list[str] = []
    keywords: list[str] = []
    dates: dict[str, str] = {}
    start = end = None
    type_tag = None
    for tag, value in record.fields:
        value = value.strip()
        if tag == "TY":
            type_tag = value.upper() or "GEN"
        elif not value:
            continue
        elif tag in ("AU", "A1"):
            authors.append(parse_name(value))
        elif tag in _EDITOR_TAGS:
            editors.setdefault(_EDITOR_TAGS[tag], []).append(parse_name(value).to_csl())
        elif tag in ("TI", "T1", "CT", "BT", "T2", "T3", "JF", "JO", "JA", "J1", "J2"):
            bucket = journals if tag in ("JF", "JO", "JA", "J1", "J2") else titles
            if tag in bucket:
                ris_extra.setdefault(tag, []).append(value)
            else:
                bucket[tag] = value
        elif tag in ("PY", "Y1", "DA"):
            dates.setdefault(tag, value)
        elif tag == "VL":
            values.setdefault("volume", value)
        elif tag in ("IS", "CP") and "issue" not in values:
            values["issue"] = value
        elif tag == "SP" and start is None:
            start = value
        elif tag == "EP" and end is None:
            end = value
        elif tag == "DO" and clean_doi(value) and "DOI" not in values:
            values["DOI"] = clean_doi(value)
        elif tag == "UR":
            urls.append(value)
        elif tag == "SN" and _ISBN.fullmatch(value) and "ISBN" not in values:
            values["ISBN"] = value
        elif tag == "SN" and "ISSN" not in values:
            values["ISSN"] = value
        elif tag == "Y2" and "accessed" not in values:
            values["accessed"] = parse_date(value)
        elif tag == "PB" and "publisher" not in values:
            values["publisher"] = value
        elif tag == "N1":
            notes.append(value)
        elif tag == "KW":
            keywords.append(value)
        elif tag == "C7" and "number" not in values:
            values["number"] = value
        elif tag == "C2" and re.fullmatch(r"PMC\d+", value) and "PMCID" not in values:
            values["PMCID"] = value
        elif tag == "ID" and "id" not in values:
            values["id"] = value
        elif tag in _FIELD_TAGS and _FIELD_TAGS[tag] not in values:
            values[_FIELD_TAGS[tag]] = value
        elif tag in _EXTRA_TAGS and _EXTRA_TAGS[tag] not in extra:
            extra[_EXTRA_TAGS[tag]] = value
        elif tag == "ER":
            continue
        else:
            ris_extra.setdefault(tag, []).append(value)
    type_tag = type_tag or "GEN"
    values["type"] = RIS_TYPES.get(type_tag, "article")
    if type_tag not in RIS_TYPES:
        log.warn(record.start, "unknown RIS types", f"unknown RIS type {type_tag!r} read as 'article'")
        ris_extra.setdefault("TY", []).append(type_tag)
    values["title"] = titles.pop("TI", None) or titles.pop("T1", None) or titles.pop("CT", None)
    if values["title"] is None and "BT" in titles and values["type"] == "book":
        values["title"] = titles.pop("BT")
    container = journals.pop("JF", None) or titles.pop("T2", None) or titles.pop("BT", None)
    short = journals.pop("JA", None) or journals.pop("J2", None) or journals.pop("J1", None)
    jo = journals.pop("JO", None)
    if jo is not None and jo == short:
        jo = None
    if jo is not None:
        if container is None:
            container = jo
        elif short is None and jo != container:
            short = jo
        elif jo not in (container, short):
            ris_extra.setdefault("JO", []).append(jo)
    values["container_title"], values["container_title_short"] = container, short
    for tag, value in list(titles.items()) + list(journals.items()):
        if value not in (values["title"], container, short):
            if tag == "T3":
                values.setdefault("collection_title", value)
            else:
                ris_extra.setdefault(tag, []).append(value)
    values["issued"] = _issued(dates, record.start, log, ris_extra)
    values["page"], values["page_first"], values["page_as_written"] = _pages(start, end)
    issue = values.get("issue")
    if issue:
        supplement = _SUPPLEMENT.search(issue)
        if supplement:
            values["supplement"] = supplement[1] or ""
    if urls:
        first, *others = urls
        doi_in_url = clean_doi(first) if re.search(r"doi\.org/", first, re.IGNORECASE) else None
        if doi_in_url and "DOI" not in values:
            values["DOI"] = doi_in_url
        values["URL"] = first
        if others:
            ris_extra["UR"] = others
    pubmed_record = any(_PUBMED_DB.search(v) for tag, v in record.fields if tag in ("DB", "DP"))
    accession = ris_extra.get("AN", [])
    if pubmed_record and accession and re.fullmatch(r"\d{1,9}", accession[0]):
        values["PMID"] = accession.pop(0)
        if not accession:
            del ris_extra["AN"]
    if notes:
        values["note"] = "\n".join(notes)
    if keywords:
        extra["keyword"] = ", ".join(keywords)
    values["editor"] = tuple(Name.from_csl(e) for e in editors.pop("editor", ()))
    extra.update(editors)
    if ris_extra:
        extra["ris"] = ris_extra
    if authors and is_et_al(authors[-1]):  # `AU  - et al.`: the list was cut
        authors.pop()
        values["et_al"] = True
    values["author"] = tuple(authors)
    values["extra"] = extra
    last = record.lines[-1][0]
    text = "\n".join(line for _, line in record.lines)
    values["provenance"] = (Occurrence(source, record.start, last, text, key=values.get("id")),)
    return Reference(**values)


def _issued(dates: dict[str, str], line: int, log: LineLog, ris_extra: dict[str, list[str]]) -> Date | None:
    year_date = parse_date(dates.get("PY") or dates.get("Y1") or "")
    full_text = dates.get("DA") or (dates["Y1"] if "PY" in dates and "Y1" in dates else None)
    full = parse_date(full_text) if full_text else None
    if full is None:
        return year_date
    if year_date is not None and year_date.year is not None:
        if full.year is None:
            return Date(year_date.year, literal=full.literal)
        if full.year != year_date.year:
            log.warn(line, "date conflicts", f"year {year_date.year} and date {full_text!r} differ; year kept")
            ris_extra.setdefault("DA", []).append(full_text or "")
            return year_date
    return full


def iter_references(lines: Iterable[tuple[int, str]], log: LineLog) -> Iterator[Reference]:
    """Read references from numbered lines, one at a time (so a file need not fit in memory)."""
    record: _Record | None = None
    last_tag: str | None = None

    def finish(current: _Record) -> Reference:
        if not current.closed:
            log.warn(current.start, "records without ER", "record has no 'ER  - ' line; read up to its last line")
        return _build(current, log.source, log)

    for number, line in lines:
        if record is not None and len(record.lines) >= stream.MAX_RECORD_LINES:
            log.warn(record.start, "over-long records", f"over {stream.MAX_RECORD_LINES} lines; record cut there")
            record.closed = True
            yield finish(record)
            record, last_tag = None, None
        found = _TAG.match(line.rstrip())
        if found is None and line.strip() and _TAG.match(line.strip()):
            found = _TAG.match(line.strip())
        if found is not None:
            tag, value = found[1], found[2] or ""
            if tag == "TY":
                if record is not None:
                    yield finish(record)
                record = _Record(number)
            elif record is None:
                log.unparse(number, line, f"RIS tag {tag} outside a record (no 'TY  - ' before it)")
                continue
            record.lines.append((number, line))
            record.fields.append((tag, value))
            last_tag = tag
            if tag == "ER":
                record.closed = True
                yield _build(record, log.source, log)
                record, last_tag = None, None
        elif not line.strip():
            continue
        elif record is not None and last_tag is not None and last_tag not in ("TY", "ER"):
            tag, value = record.fields[-1]
            record.fields[-1] = (tag, f"{value} {line.strip()}")
            record.lines.append((number, line))
        else:
            log.unparse(number, line, "not a RIS line ('XX  - value') and not inside a record")
    if record is not None:
        yield finish(record)


def loads(text: str, source: str = "<string>") -> Bibliography:
    """Parse RIS text into a bibliography; every non-blank line is in a record or reported."""
    if not text.strip():
        raise InputError("no text", source)
    log = LineLog(source)
    return collect(iter_references(text_lines(text, log), log), log, "ris", "RIS records")


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a RIS file, streaming it line by line."""
    log = LineLog(os.path.basename(str(path)))
    return collect(iter_references(file_lines(path, log), log), log, "ris", "RIS records")
