"""Parsing the pieces of an NLM / Vancouver citation: author lines and journal lines.

Castañeda S, Cavagna L, González-Gay MA; American and European Network … Group.
Ann Rheum Dis. 2017 May;76(5):792-801.
Transfus Med Rev. 2007 Apr;21(2 Suppl 1):S57-107.
Rheumatology (Oxford). 2021 Jun 18;60(6):2615-2628. Erratum in: Rheumatology (Oxford). …
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..journals import full_name
from ..model import Date, Name, NameDraft, sealed
from ..pages import page_range

__all__ = [
    "JournalCitation",
    "GROUP_WORDS",
    "citation_span",
    "journal_line_fields",
    "looks_like_authors",
    "parse_authors",
    "parse_journal_line",
    "read_author_line",
    "split_group_prefix",
]

MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
SEASONS = {"spring", "summer", "fall", "autumn", "winter"}
_SUFFIXES = {"Jr", "Sr", "Jr.", "Sr.", "2nd", "3rd", "II", "III", "IV"}

# Words that mark a name as a group (corporate) author.
GROUP_WORDS = re.compile(
    r"\b(group|committee|consortium|network|task force|society|association|collaborat\w*|investigators|"
    r"panel|working party|council|organi[sz]ation|register|registry|foundation|college|league|FAI2R)\b",
    re.IGNORECASE,
)

_INITIALS = re.compile(r"^[^\W\d_]{1,4}(?:-[^\W\d_]{1,3})?$")
_ET_AL = re.compile(r"^et\.? al\.?$", re.IGNORECASE)
# `De La Cruz AB`: up to five family words and capital ASCII initials, the common shape, read in one match.
_PLAIN_FAMILY = r"[^\s,;]+(?: [^\s,;]+){0,4}"
_PLAIN_INITIALS = r"[A-Z]{1,4}(?:-[A-Z]{1,3})?"
_PLAIN_PERSON = re.compile(rf"({_PLAIN_FAMILY}) ({_PLAIN_INITIALS})")
# A whole list of such names, none of them `et al` in capitals nor ending in a suffix, maybe cut with
# `et al`: the common author line, split at `, ` without reading each name on its own.
_INITIALS_LIKE_SUFFIXES = "|".join(sorted(s for s in _SUFFIXES if re.fullmatch(_PLAIN_INITIALS, s)))
_PLAIN_NAME = rf"(?!(?i:et\.? al\.?)(?:,|$)){_PLAIN_FAMILY} (?!(?:{_INITIALS_LIKE_SUFFIXES})(?:,|$)){_PLAIN_INITIALS}"
_PLAIN_PERSONS = re.compile(rf"({_PLAIN_NAME}(?:, {_PLAIN_NAME})*)(, (?i:et\.? al\.?))?")

# `Journal. 2017 May 5;76(5 Suppl 2):S57-107.` — journal, date, then an optional source part.
_JOURNAL_LINE = re.compile(
    r"""^(?P<journal>[^\s].*?)\.\s+
        (?P<date>(?P<year>\d{4})(?:\s+(?P<month>[A-Z][a-z]{2})(?:-[A-Z][a-z]{2})?(?:\s+(?P<day>\d{1,2}))?
                 |\s+(?P<season>Spring|Summer|Fall|Autumn|Winter))?)
        (?P<source>\s*;\s*
            (?P<volume>[^\s(:;.]+(?:\s+Pt\s+\d+)?)?
            (?:\s*\((?P<issue>[^)]*)\))?
            (?:\s*:\s*(?P<pages>[^\s;.,]+(?:,\s*[^\s;.,]+)*))?
        )?
        \s*(?:\.|$)\s*(?P<rest>.*)$""",
    re.VERBOSE,
)
_YEAR_AFTER_STOP = re.compile(r"\.\s+\d{4}")  # cheap test every journal line passes
_LETTER = re.compile(r"[^\W\d_]")
_SUPPLEMENT = re.compile(r"\bSuppl(?:ement)?\.?\s*(?P<n>\S+)?", re.IGNORECASE)
_DOI = re.compile(
    r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"<>]+?)(?=[.,;]?(?:\s|$))", re.IGNORECASE
)
_PMID = re.compile(r"\bPMID:?\s*(\d{1,9})\b")
_PMCID = re.compile(r"\b(PMC\d{3,9})\b")


@dataclass(frozen=True, slots=True)
class JournalCitation:
    """The fields of one NLM journal line."""

    container_title_short: str
    issued: Date
    volume: str | None = None
    issue: str | None = None
    supplement: str | None = None
    page: str | None = None
    page_first: str | None = None
    page_as_written: str | None = None
    number: str | None = None
    DOI: str | None = None
    PMID: str | None = None
    PMCID: str | None = None
    note: str | None = None

    def fields(self) -> dict[str, object]:
        """These values as `Reference` fields, with the journal's full name when the table knows it."""
        values = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        values["container_title"] = full_name(self.container_title_short)
        return values


def parse_journal_line(text: str) -> JournalCitation | None:
    """Parse `Ann Rheum Dis. 2017 May;76(5):792-801.`; None when the line is not one."""
    values = journal_line_fields(text)
    if values is None:
        return None
    values.pop("container_title", None)
    return JournalCitation(**values)  # type: ignore[arg-type]


def journal_line_fields(text: str) -> dict[str, object] | None:
    """`parse_journal_line(text).fields()` without the `JournalCitation`, leaving out fields that are
    None; None when the line is not a journal line."""
    line = text.strip()
    if not _YEAR_AFTER_STOP.search(line):
        return None
    found = _JOURNAL_LINE.match(line)
    if found is None:
        return None
    journal, year, month, day, season, volume, issue, pages, rest = found.group(
        "journal", "year", "month", "day", "season", "volume", "issue", "pages", "rest"
    )
    journal = journal.strip()
    if len(journal) > 200 or not _LETTER.search(journal):
        return None
    values: dict[str, object] = {"container_title_short": journal, "issued": _issued(year, month, day, season)}
    title = full_name(journal)
    if title is not None:
        values["container_title"] = title
    if volume is not None:
        values["volume"] = volume
    if issue:
        issue = values["issue"] = issue.strip()
        supplement = _SUPPLEMENT.search(issue)
        if supplement:
            values["supplement"] = supplement["n"] or ""
    if pages:
        page, values["page_first"] = page_range(pages)
        values["page"] = page
        if page != pages:
            values["page_as_written"] = pages
        if "-" not in pages and "," not in pages:
            values["number"] = pages
    rest = rest.strip()
    if rest:
        doi = _DOI.search(rest)
        if doi:
            values["DOI"] = doi.group(1)
        pmid = _PMID.search(rest)
        if pmid:
            values["PMID"] = pmid.group(1)
        pmcid = _PMCID.search(rest)
        if pmcid:
            values["PMCID"] = pmcid.group(1)
        values["note"] = rest
    return values


def citation_span(text: str) -> tuple[int, int, int] | None:
    """Where the date and source of a citation stand: `(start, end, rest)` with
    `text[start:end]` = `2017 May;76(5):792-801` and `text[rest:]` what follows the citation's
    full stop (`Erratum in: …`, `doi: …`). The first `. <year>` that opens a citation counts;
    None when there is none."""
    found = _JOURNAL_LINE.match(text) if _YEAR_AFTER_STOP.search(text) else None
    if found is None:
        return None
    end = found.end("source") if found.group("source") is not None else found.end("date")
    return found.start("date"), end, found.start("rest")


@lru_cache(maxsize=1 << 15)  # a list has a few thousand distinct dates; Date is immutable
def _issued(year: str, month: str | None, day: str | None, season: str | None) -> Date:
    """The date of a journal line from its year, month, day and season as written."""
    return Date(
        int(year),
        MONTHS.get(month.lower()) if month else None,
        int(day) if day else None,
        f"{year} {season}" if season else None,
    )


@lru_cache(maxsize=1 << 16)  # lists repeat their authors; Name is immutable
def parse_authors(line: str) -> tuple[tuple[Name, ...], bool]:
    """Parse `Lundberg IE, Tjärnlund A, et al.` or `…, Lee HK; Some Study Group.`.

    Returns the names (persons, then groups named after `;`) and whether the list was
    cut with "et al.".
    """
    result = _read_authors(line, strict=False)
    assert result is not None
    return result


@lru_cache(maxsize=1 << 16)  # lists repeat their authors; Name is immutable
def _person_part(part: str) -> tuple[Name, bool]:
    """The name in one comma-separated part, and whether it has the `Family AB` shape."""
    plain = _PLAIN_PERSON.fullmatch(part)
    if plain is not None and plain[2] not in _SUFFIXES:
        return sealed(NameDraft(plain[1], plain[2])), True
    return _read_person_part(part)


def _read_person_part(part: str) -> tuple[Name, bool]:
    """`_person_part` for any shape, word by word."""
    tokens = part.split()
    last = tokens[-1] if tokens else ""
    initials = bool(_INITIALS.match(last)) and last.replace("-", "").isupper()
    shaped = initials and 1 < len(tokens) <= 6
    suffix = None
    if len(tokens) > 2 and last in _SUFFIXES and _INITIALS.match(tokens[-2]) and tokens[-2].isupper():
        suffix = tokens.pop()
        last = tokens[-1]
        initials = True
    if len(tokens) >= 2 and initials:
        return Name(family=" ".join(tokens[:-1]), given=last, suffix=suffix), shaped
    if len(tokens) == 1 and not GROUP_WORDS.search(part):
        return Name(family=tokens[0], suffix=suffix), shaped
    return Name(literal=part), shaped


def read_author_line(line: str) -> tuple[tuple[Name, ...], bool] | None:
    """`parse_authors(line)` when `looks_like_authors(line)`, else None, in one pass over the line."""
    return _read_authors(line, strict=True)


def _read_authors(line: str, strict: bool) -> tuple[tuple[Name, ...], bool] | None:
    text = line.strip().rstrip(".")
    persons, *groups = text.split(";")
    plain = _PLAIN_PERSONS.fullmatch(persons)
    if plain is None:
        return _read_authors_part_by_part(persons, groups, strict)
    names = [sealed(NameDraft(*part.rsplit(" ", 1))) for part in plain[1].split(", ")]
    return _with_groups(names, plain[2] is not None, groups)


def _read_authors_part_by_part(persons: str, groups: list[str], strict: bool) -> tuple[tuple[Name, ...], bool] | None:
    names: list[Name] = []
    et_al = False
    parts = good = 0
    for part in persons.split(","):
        part = part.strip()
        if not part:
            continue
        parts += 1
        if part[0] in "eE" and _ET_AL.match(part):
            et_al = True
            good += 1
            continue
        name, shaped = _person_part(part)
        good += shaped
        names.append(name)
    if strict and (not good or (good != 1 if parts == 1 and groups else good < (parts + 1) // 2)):
        return None
    return _with_groups(names, et_al, groups)


def _with_groups(names: list[Name], et_al: bool, groups: list[str]) -> tuple[tuple[Name, ...], bool]:
    """The names with the groups named after `;` added, and whether the list was cut with "et al."."""
    for group in groups:
        group = group.strip().rstrip(".")
        if _ET_AL.match(group):
            et_al = True
        elif group:
            names.append(Name(literal=group))
    return tuple(names), et_al


def looks_like_authors(line: str) -> bool:
    """True when most comma-separated parts of the line look like `Family AB` names."""
    return read_author_line(line) is not None


def split_group_prefix(title: str) -> tuple[str | None, str]:
    """Split `Some Working Group. The real title` into the group and the title."""
    head, sep, tail = title.partition(". ")
    if (
        sep
        and tail
        and len(head) < 200
        and GROUP_WORDS.search(head)
        and re.search(
            r"\b(group|committee|"
            r"consortium|network|task force|collaborat\w*|investigators|panel|working party|council)$",
            head,
            re.IGNORECASE,
        )
    ):
        return head, tail
    return None, title
