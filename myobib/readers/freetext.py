"""Free-text reference lists: Vancouver / NLM, AMA, APA 7, PubMed "Summary (text)".

Entries are numbered (`1.`, `1)`, `[1]`, `1:`), one per line or wrapped over several
lines, or unnumbered and separated by blank lines (or one per line). Each entry is
read as either

- Vancouver / NLM / AMA / PubMed: `Authors. Title. Journal. 2017 May;76(5):792-801. doi:…`
  (the title may also come first: `Title. Authors. Journal. …`), or
- APA 7: `Family, A. B., & Other, C. (2017). Title. Journal Name, 76(5), 792–801. https://doi.org/…`.

DOIs, PMIDs, PMCIDs and URLs anywhere in the entry are recognised. An entry with no
journal citation is still read when it has authors and a year, or an identifier
(with a warning); anything else is reported as unparsed, line by line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import Bibliography, Date, Name, Occurrence, Reference
from ..pages import page_range
from . import stream
from .identifiers import find_identifiers
from .nlm import looks_like_authors, parse_authors, parse_journal_line, split_group_prefix
from .stream import LineLog, collect, file_lines, text_lines

__all__ = ["iter_references", "loads", "parse_entry", "read"]

_NUMBER = re.compile(r"^\s*(?:\[(\d{1,6})\]|(\d{1,6})[.):])\s+(?=\S)")
_APA_HEAD = re.compile(
    r"^(?P<authors>.+?)\s*\((?P<year>\d{4})(?P<suffix>[a-z])?(?:,\s*(?P<when>[^)]{1,40}))?\)\.?\s+(?P<rest>.*)$"
)
_APA_NODATE = re.compile(r"^(?P<authors>.+?)\s*\(n\.\s?d\.\)\.?\s+(?P<rest>.*)$")
_APA_PERSON = re.compile(r"[^\W\d_][\w'’ -]*,\s+(?:[^\W\d_]{1,2}\.\s*-?\s*)+")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.\s*-?\s*)+$")
_APA_SOURCE = re.compile(
    r"(?:^|(?<=[.?!])\s+)(?P<journal>[^.?!]*?[^\W\d_][^.?!]*?),\s*(?P<volume>\d+[A-Za-z]?)"
    r"(?:\s*\((?P<issue>[^)]+)\))?"
    r"(?:,\s*(?P<pages>(?:[Aa]rticle\s+)?[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?))?"
    r"\.?(?=\s|$)"
)
_MONTHS_LONG = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), start=1
    )
}
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_ID_NOISE = re.compile(
    r"(?:\bdoi\s*:?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+|(?:\bAvailable (?:from|at):?\s*)?https?://\S+"
    r"|\b(?:PubMed\s+)?PMID\s*:?\s*\d+"
    r"|\b(?:PubMed\s+Central\s+)?PMCID\s*:?\s*PMC\d+|\bPMC\d+",
    re.IGNORECASE,
)
_MAX_ENTRY_CHARS = 20_000  # an "entry" longer than this is not a reference


@dataclass
class _Entry:
    number: int | None
    lines: list[tuple[int, str]] = field(default_factory=list)

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


def _tidy_note(text: str) -> str | None:
    """The rest of an entry with its identifiers taken out; None when nothing is left."""
    cleaned = _ID_NOISE.sub(" ", text)
    cleaned = re.sub(r"\s*([.;,])(\s*[.;,])+", r"\1", cleaned)
    cleaned = " ".join(cleaned.split()).strip(" .;,")
    return cleaned + "." if cleaned and re.search(r"\w", cleaned) else None


def _apa_authors(text: str) -> tuple[tuple[Name, ...], bool]:
    parts = [p.strip() for p in re.split(r",\s*", text.strip().rstrip(",")) if p.strip()]
    names: list[Name] = []
    et_al = False
    index = 0
    while index < len(parts):
        part = re.sub(r"^(?:&|and)\s+", "", parts[index]).strip()
        if part in ("…", "...", "et al.", "et al"):
            et_al = True
            index += 1
            continue
        if part.startswith(("… ", "... ")):
            et_al = True
            part = part.lstrip(".… ")
        following = parts[index + 1].strip() if index + 1 < len(parts) else ""
        if following and _INITIALS.match(following):
            suffix = None
            if index + 2 < len(parts) and parts[index + 2].strip() in ("Jr.", "Sr.", "II", "III", "IV"):
                suffix = parts[index + 2].strip()
                index += 1
            names.append(Name(family=part, given=following.strip(), suffix=suffix))
            index += 2
        else:
            names.append(Name(literal=part.rstrip(".")))
            index += 1
    return tuple(names), et_al


def _apa_date(year: str | None, when: str | None) -> Date | None:
    if year is None:
        return Date(literal="n.d.")
    month = day = None
    if when:
        found = re.match(r"^([A-Za-z]+)(?:\s+(\d{1,2}))?$", when.strip())
        if found and found[1].lower() in _MONTHS_LONG:
            month = _MONTHS_LONG[found[1].lower()]
            day = int(found[2]) if found[2] else None
        else:
            return Date(int(year), literal=f"{year}, {when.strip()}")
    return Date(int(year), month, day)


def _parse_apa(text: str) -> dict[str, Any] | None:
    head = _APA_HEAD.match(text) or _APA_NODATE.match(text)
    if head is None or not (_APA_PERSON.match(head["authors"]) or len(head["authors"]) < 150):
        return None
    if not _APA_PERSON.match(head["authors"]) and looks_like_authors(head["authors"]):
        return None  # Vancouver authors followed by a bracketed year in the title
    groups = head.groupdict()
    authors, et_al = _apa_authors(head["authors"])
    values: dict[str, Any] = {"author": authors, "et_al": et_al}
    values["issued"] = _apa_date(groups.get("year"), groups.get("when"))
    rest = head["rest"]
    sources = list(_APA_SOURCE.finditer(rest))
    if sources:
        source = sources[-1]
        values["title"] = rest[: source.start()].strip().rstrip(".") or None
        values["container_title"] = source["journal"].strip()
        values["volume"] = source["volume"]
        values["issue"] = source["issue"]
        pages = source["pages"]
        if pages:
            if pages.lower().startswith("article"):
                values["number"] = pages.split()[-1]
            else:
                values["page"], values["page_first"] = page_range(pages)
                if values["page"] != pages:
                    values["page_as_written"] = pages
        values["note"] = _tidy_note(rest[source.end() :])
        values["_journal_found"] = True
    else:
        title, _, after = rest.partition(". ")
        values["title"] = title.strip().rstrip(".") or None
        values["note"] = _tidy_note(after)
    return values


def _split_journal(rest: str) -> tuple[str, Any] | None:
    """Split `Title. Journal. 2017;…` at the journal citation: (text before, citation)."""
    starts = [0] + [m.end() for m in re.finditer(r"[.?!]\s+", rest)]
    for start in starts:
        citation = parse_journal_line(rest[start:])
        if citation is not None and ". " not in citation.container_title_short:
            if len(citation.container_title_short) <= 120:
                return rest[:start].strip(), citation
    return None


def _parse_vancouver(text: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    split = _split_journal(text)
    before, citation = split if split is not None else (text, None)
    sentences = [m.start() for m in re.finditer(r"(?<=[.?!])\s+", before)]
    authors_text = title = None
    for cut in sentences:
        if looks_like_authors(before[:cut]):
            authors_text, title = before[:cut], before[cut:].strip()
            break
    if authors_text is None and citation is not None:
        # `Title. Authors.` as pages print it: the authors are the last sentence.
        for cut in reversed(sentences):
            if looks_like_authors(before[cut:]):
                title, authors_text = before[:cut].strip(), before[cut:].strip()
                break
    if authors_text is None and citation is not None and looks_like_authors(before):
        authors_text, title = before, ""
    if authors_text is None:
        title = before
    rest_note = None
    if citation is None and title:
        title, _, after = title.partition(". ")
        rest_note = _tidy_note(after)
    if authors_text is not None:
        names, et_al = parse_authors(authors_text)
        values["author"], values["et_al"] = names, et_al
    if title:
        group, title = split_group_prefix(title.strip().rstrip("."))
        values["title"] = title.strip() or None
        if group:
            values["author"] = tuple(values.get("author", ())) + (Name(literal=group),)
    if citation is not None:
        values.update(citation.fields(), note=_tidy_note(citation.note or ""), _journal_found=True)
    else:
        values["note"] = rest_note
        year = _YEAR.search(text)
        if year:
            values["issued"] = Date(int(year[1]))
    return values


def parse_entry(text: str) -> dict[str, Any] | None:
    """The `Reference` fields of one entry, or None when it is not recognisably a reference.

    The private key `_journal_found` tells whether a journal citation was recognised.
    """
    text = _NUMBER.sub("", text, count=1).strip()
    if not text or len(text) > _MAX_ENTRY_CHARS:
        return None
    values = _parse_apa(text)
    if values is None or not values.get("_journal_found"):
        vancouver = _parse_vancouver(text)
        if values is None or vancouver.get("_journal_found"):
            values = vancouver
    ids = find_identifiers(text)
    values["DOI"] = ids.DOI
    values["PMID"] = ids.PMID
    values["PMCID"] = ids.PMCID
    if ids.urls:
        values["URL"] = ids.urls[0]
    has_people = bool(values.get("author")) and values.get("issued") is not None
    if not (values.get("_journal_found") or has_people or ids.DOI or ids.PMID or ids.PMCID or ids.urls):
        return None
    return values


# -- entries from lines -----------------------------------------------------------------------


def _kind(line: str) -> str | None:
    """`whole` for a line that is a whole reference, `id` for a bare identifier, else None."""
    values = parse_entry(line)
    if values is None:
        return None
    if values.get("_journal_found") or (values.get("author") and values.get("issued")):
        return "whole"
    return "id"


def _entries(lines: Iterable[tuple[int, str]]) -> Iterator[_Entry]:
    """Group lines into entries, streaming.

    A number starts an entry and a blank line ends one; in an unnumbered paragraph, a line
    that is a whole reference (or a bare identifier) by itself, after another such line,
    starts the next. Entries are cut at `MAX_RECORD_LINES` lines or the character limit.
    """
    current: _Entry | None = None
    current_kind: str | None = None  # the kind of an unnumbered one-line entry
    size = 0
    for number, line in lines:
        if not line.strip():
            if current is not None:
                yield current
            current = None
            continue
        numbered = _NUMBER.match(line)
        kind = None if numbered or (current is not None and current.number is not None) else _kind(line)
        if current is not None and (
            numbered
            or (kind is not None and kind == current_kind and len(current.lines) == 1)
            or len(current.lines) >= stream.MAX_RECORD_LINES
            or size > _MAX_ENTRY_CHARS
        ):
            yield current
            current = None
        if current is None:
            current = _Entry(int(numbered[1] or numbered[2]) if numbered else None, [(number, line)])
            current_kind, size = kind, len(line)
        else:
            current.lines.append((number, line))
            current_kind, size = None, size + len(line)
    if current is not None:
        yield current


def _reference(entry: _Entry, log: LineLog) -> Reference | None:
    text = entry.text()
    values = parse_entry(text)
    first, last = entry.lines[0][0], entry.lines[-1][0]
    if values is None:
        reason = "entry too long to be a reference" if len(text) > _MAX_ENTRY_CHARS else "not a recognisable reference"
        for number, line in entry.lines:
            log.unparse(number, line, reason)
        return None
    if not values.pop("_journal_found", False):
        log.warn(first, "entries without a journal", "no journal citation recognised; title and note kept as read")
    values = {key: value for key, value in values.items() if value is not None}
    original = "\n".join(line for _, line in entry.lines)
    occurrence = Occurrence(log.source, first, last, original, entry.number)
    return Reference(provenance=(occurrence,), **values)


def iter_references(lines: Iterable[tuple[int, str]], log: LineLog) -> Iterator[Reference]:
    """Read references from numbered lines, one entry at a time."""
    for entry in _entries(lines):
        ref = _reference(entry, log)
        if ref is not None:
            yield ref


def loads(text: str, source: str = "<string>") -> Bibliography:
    """Parse a free-text reference list; every non-blank line is in a reference or reported."""
    if not text.strip():
        raise InputError("no text", source)
    log = LineLog(source)
    return collect(iter_references(text_lines(text, log), log), log, "text", "references")


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a free-text reference list file, streaming it entry by entry."""
    log = LineLog(os.path.basename(str(path)))
    return collect(iter_references(file_lines(path, log), log), log, "text", "references")
