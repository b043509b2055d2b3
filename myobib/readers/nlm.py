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
from .words import MONTHS as ALL_MONTHS
from .words import ORGANISATION, alternation, words

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
_IN_LABEL = re.compile(rf"^(?:{alternation('in')})\s*:", re.IGNORECASE)
_SUFFIXES = {"Jr", "Sr", "Jr.", "Sr.", "2nd", "3rd", "II", "III", "IV"}

# Words that mark a name as a group (corporate) author.
GROUP_WORDS = re.compile(
    r"\b(group|committee|consortium|network|task force|society|association|collaborat\w*|investigators|"
    r"panel|working party|council|organi[sz]ation|register|registry|foundation|college|league|FAI2R)\b",
    re.IGNORECASE,
)

_INITIALS = re.compile(r"^[^\W\d_]{1,4}(?:-[^\W\d_]{1,3})?$")
_ET_AL_WORDS = alternation("et_al")
_ET_AL = re.compile(rf"^(?:{_ET_AL_WORDS})\.?$", re.IGNORECASE)
_ET_AL_FIRST = frozenset(c for word in words()["et_al"] for c in (word[0].lower(), word[0].upper()))
# `Alhazzani W et al`, `Dupont J et coll.`: the cut without a comma before it.
_TRAILING_ET_AL = re.compile(rf"(?<=[^\s,])\s+((?i:{_ET_AL_WORDS})\.?)$")
_ET_AL_ENDINGS = tuple(word.lower() for word in words()["et_al"])
# Lower-case particles that may follow the initials (`Silva MRF da`) or stand between them (`Fernandes R de CP`).
_PARTICLES = frozenset("da de do das dos di del della van von der den le la las los du".split())
_CAPITALS = re.compile(r"[A-Z]+")
_EDITOR_WORDS = frozenset(words()["editors"])
# `De La Cruz AB`: up to five family words and capital ASCII initials, the common shape, read in one match.
# A word in capitals is no family word of that shape (`SMART Health IT` is a group; `R` in `Fernandes R de CP`
# an initial): such parts are read word by word.
_FAMILY_WORD = r"(?![A-Z]++[\s,;])[^\s,;]+"  # possessive: no backtracking into the capitals
_PLAIN_FAMILY = rf"{_FAMILY_WORD}(?: {_FAMILY_WORD}){{0,4}}"
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
            (?:\s*:\s*(?P<pages>[^\s;.,]+(?:\.[^\s;.,]+)*(?:,\s*[^\s;.,]+)*))?
        )?
        \s*(?:\.|$)\s*(?P<rest>.*)$""",
    re.VERBOSE,
)
# The same with the looser punctuation some lists use: `Lancet Glob Health 2018;6:e902–13`, `Nat. Med. 2022
# 28:1773–1784`, `Soc Sci Med. 2018 Mar:200:238-248`, `Cad Saude Publica. 2022; 38 Suppl 1(Suppl 1):e00125421`.
# Pages, or a volume after `;`, are required, so a title holding a year is not read as a journal.
_LOOSE_JOURNAL_LINE = re.compile(
    r"""^(?P<journal>[^\s;:].*?)\.?\s+
        (?P<date>(?P<year>\d{4})(?P<suffix>[a-z])?(?:\s+(?P<season>Spring|Summer|Fall|Autumn|Winter)
                 |\s+(?P<month>[A-Za-z][a-zçé]{2,8}\.?)(?:-[A-Za-z][a-zçé]{2,8}\.?)?(?:\s+(?P<day>\d{1,2}))?)?)
        (?P<date_to_volume>\s*[;:]\s*|\s+)
        (?P<volume>\d+[A-Za-z]?(?:\s+Sup?pl\.?(?:\s*\d+)?)?|Sup?pl\.?\s*\d*)?
        (?:\s*\((?P<issue>[^)]*)\))?
        (?:(?:\s*:\s*|\s+(?=[A-Za-z]?\d+\.?$))(?P<pages>[^\s;,]+?(?:,\s*[^\s;,]+?)*))?  # `2020;186 109447`: PMC
        \s*(?:\.(?:\s|$)|$)\s*(?P<rest>.*)$""",
    re.VERBOSE,
)
# What a citation's rest holds besides a PubMed link (`Erratum in: …`): identifiers, URLs, access dates, tags.
_LINK_STARTS = ("Erratum in:", "Retraction in:", "Comment in:", "Comment on:", "Update in:", "Retracted in:")
_ARTICLE_TAILS = re.compile(r"PMID|PMC|https?:|www\.|doi|\[|Epub|cited|ccess", re.IGNORECASE)
_SUPPLEMENT_VOLUME = re.compile(r"^(?P<volume>\d+[A-Za-z]?)?\s*Sup?pl\.?\s*(?P<n>\d*)$")  # `Suppl`, `Supl`
# PMC's print of a source with no volume: `Bundesgesundheitsblatt. 2019:571–579.`
_YEAR_PAGES_LINE = re.compile(
    r"^(?P<journal>[^\s;:].*?)\.\s+(?P<year>\d{4}):\s*(?P<pages>\d+[A-Za-z]?\s*[-–]\s*\d+[A-Za-z]?)\s*(?:\.(?:\s|$)|$)\s*(?P<rest>.*)$"
)
# German journals' issue and year (`Heft 01/2021`), as PMC prints them: `UMID 01/2021. :27–37.`
_ISSUE_YEAR_LINE = re.compile(
    r"^(?P<journal>[^\s;:].*?)\.?\s+(?P<issue>\d{1,2})/(?P<year>\d{4})\.?\s*:\s*(?P<pages>\d+[A-Za-z]?\s*[-–]\s*\d+[A-Za-z]?)"
    r"\s*(?:\.(?:\s|$)|$)\s*(?P<rest>.*)$"
)
_YEAR_AFTER_STOP = re.compile(r"\.\s+\d{4}")  # cheap test every journal line passes
_LETTER = re.compile(r"[^\W\d_]")
_SUPPLEMENT = re.compile(r"\bSup?pl(?:ement|emento)?\.?\s*(?P<n>\S+)?", re.IGNORECASE)


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
    URL: str | None = None
    accessed: Date | None = None
    language: str | None = None
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


def journal_line_fields(text: str, loose: bool = False) -> dict[str, object] | None:
    """`parse_journal_line(text).fields()` without the `JournalCitation`, leaving out fields that are
    None; None when the line is not a journal line. With `loose`, the looser punctuation of some lists
    is read too (`BMJ 2021;372:n71`, `Nat. Med. 2022 28:1773–1784`)."""
    line = text.strip()
    found = _JOURNAL_LINE.match(line) if _YEAR_AFTER_STOP.search(line) else None
    if found is None and loose:
        found = _LOOSE_JOURNAL_LINE.match(line)
        if found is not None and not (found["pages"] or found["volume"] and ";" in found["date_to_volume"]):
            return None  # a volume alone must follow `;`
        if found is None and (found := _YEAR_PAGES_LINE.match(line) or _ISSUE_YEAR_LINE.match(line)) is not None:
            return _year_pages_fields(found)
    if found is None:
        return None
    journal, year, month, day, season, volume, issue, pages, rest = found.group(
        "journal", "year", "month", "day", "season", "volume", "issue", "pages", "rest"
    )
    journal = journal.strip()
    if len(journal) > 200 or not _LETTER.search(journal):
        return None
    if ";" in journal and _IN_LABEL.match(journal):
        return None  # `En: Meeting; 18-20 sep 2014; Place. Journal. 2014;…`: an abstract in a journal, read as a source
    suffix = found["suffix"] if found.re is _LOOSE_JOURNAL_LINE else None  # `2019a`: only the loose form has it
    values: dict[str, object] = {"container_title_short": journal, "issued": _issued(year, month, day, season)}
    if suffix:
        values["extra"] = {"year-suffix": suffix}
    title = full_name(journal)
    if title is not None:
        values["container_title"] = title
    if volume is not None:
        supplement_volume = _SUPPLEMENT_VOLUME.match(volume) if "pl" in volume else None
        if supplement_volume is None:
            values["volume"] = volume
        else:  # `2020;Suppl 2(Suppl 2):…`, `2022; 38 Suppl 1(Suppl 1):…`
            if supplement_volume["volume"]:
                values["volume"] = supplement_volume["volume"]
            values["supplement"] = supplement_volume["n"]
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
        if page == values["page_first"] and "," not in pages:
            values["number"] = pages
    rest = rest.strip()
    if rest:
        more = rest_fields(rest)
        if "extra" in more and "extra" in values:
            more["extra"] = {**values["extra"], **more["extra"]}  # type: ignore[dict-item]
        values.update(more)
    return values


def _year_pages_fields(found: re.Match[str]) -> dict[str, object] | None:
    """The fields of a source with a year and pages but no volume (see `_YEAR_PAGES_LINE`, `_ISSUE_YEAR_LINE`)."""
    journal = found["journal"].strip()
    if len(journal) > 200 or not _LETTER.search(journal):
        return None
    page, first = page_range(found["pages"])
    values: dict[str, object] = {"container_title_short": journal, "issued": Date(int(found["year"])), "page": page}
    values["page_first"] = first
    if page != found["pages"]:
        values["page_as_written"] = found["pages"]
    if "issue" in found.re.groupindex:
        values["issue"] = found["issue"]
    title = full_name(journal)
    if title is not None:
        values["container_title"] = title
    if found["rest"].strip():
        values.update(rest_fields(found["rest"].strip()))
    return values


def rest_fields(rest: str) -> dict[str, object]:
    """The fields of what follows a citation (`doi: … PMID: … Erratum in: …`): identifiers, URL and access
    date into their fields, the rest as the note."""
    from .tails import take_tails

    if rest.startswith(_LINK_STARTS) and not _ARTICLE_TAILS.search(rest):
        return {"note": rest}  # `Erratum in: …` alone, as PubMed prints it
    text, tails = take_tails(rest, after_source=True)
    values = tails.fields()
    if tails.status:
        values["extra"] = {"status": tails.status}
    note = " ".join(part for part in (text, *tails.notes, tails.links or "") if part)
    if note:
        values["note"] = note if note.endswith((".", "]", ")")) or not text else note + "."
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
        ALL_MONTHS.get(month.rstrip(".").lower()) if month else None,
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


_PARTICLE_INITIALS = re.compile(r"[A-Z](?:[a-z]{1,2}[A-Z])+")  # `dos Santos AdF`


def _is_initials(token: str) -> bool:
    if _INITIALS.match(token) and token.replace("-", "").isupper():
        return True
    return bool(_PARTICLE_INITIALS.fullmatch(token))


def _read_person_part(part: str) -> tuple[Name, bool]:
    """`_person_part` for any shape, word by word."""
    tokens = part.split()
    particle = None
    if len(tokens) > 2 and tokens[-1] in _PARTICLES and _is_initials(tokens[-2]):
        particle = tokens.pop()  # `Silva MRF da`
    last = tokens[-1] if tokens else ""
    initials = _is_initials(last)
    shaped = initials and 1 < len(tokens) <= 6
    suffix = None
    if len(tokens) > 2 and last in _SUFFIXES and _is_initials(tokens[-2]):
        suffix = tokens.pop()
        last = tokens[-1]
        initials = True
    given_words = 1
    if initials:  # particles between initials: `Fernandes R de CP`, `Casanova-Moreno M de la C`
        between = 0
        while between < 2 and len(tokens) > between + 3 and tokens[-2 - between] in _PARTICLES:
            between += 1
        if between and _is_initials(tokens[-2 - between]):
            given_words = between + 2
    family = tokens[:-given_words]
    if family and len(family) > 1 and any(_CAPITALS.fullmatch(w) for w in family) and not all(
        _CAPITALS.fullmatch(w) for w in family
    ):
        return Name(literal=part), False  # `SMART Health IT`: a name in capitals among words is a group's
    if len(family) > 2 and ORGANISATION.search(part):
        plain = _PLAIN_PERSON.fullmatch(part)
        if plain is None or plain[2] in _SUFFIXES:  # what `_person_part` reads in one match stays a person
            return Name(literal=part), False  # `Instituto de Salud Carlos III`
    if len(tokens) >= 2 and initials:
        given = " ".join(tokens[-given_words:])
        return Name(family=" ".join(family), given=given, suffix=suffix, dropping_particle=particle), shaped
    if len(tokens) == 1 and not GROUP_WORDS.search(part):
        return Name(family=tokens[0], suffix=suffix), shaped
    return Name(literal=part), shaped


def read_author_line(line: str) -> tuple[tuple[Name, ...], bool] | None:
    """`parse_authors(line)` when `looks_like_authors(line)`, else None, in one pass over the line."""
    return _read_authors(line, strict=True)


def _read_authors(line: str, strict: bool) -> tuple[tuple[Name, ...], bool] | None:
    text = line.strip().rstrip(".")
    if strict and (". " in text or ": " in text):
        return None  # `Geneva: WHO; 2020.`, `In: Engel AG, editor. Myology.`: sentences, not an author line
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
    if persons.rstrip(" .").lower().endswith(_ET_AL_ENDINGS):
        persons = _TRAILING_ET_AL.sub(r", \1", persons)
    for part in persons.split(","):
        part = part.strip()
        if not part:
            continue
        parts += 1
        if part[0] in _ET_AL_FIRST and _ET_AL.match(part):
            et_al = True
            good += 1
            continue
        name, shaped = _person_part(part)
        good += shaped
        names.append(name)
    if strict and (not good or (good != 1 if parts == 1 and groups else good < (parts + 1) // 2)):
        return None
    if strict and names and names[-1].family and names[-1].family.lower() in _EDITOR_WORDS:
        return None  # `Engel AG, editors.`: the editors of a book, read with `citation.read_authors_line`
    return _with_groups(names, et_al, groups)


def _with_groups(names: list[Name], et_al: bool, groups: list[str]) -> tuple[tuple[Name, ...], bool]:
    """The names with the groups named after `;` added, and whether the list was cut with "et al.".

    A part after `;` shaped like persons is persons: `Smelser DT; Penn Medicine BioBank; Levine AJ`.
    """
    for group in groups:
        group = group.strip().rstrip(".")
        if _ET_AL.match(group):
            et_al = True
        elif group:
            shaped = _is_initials(group.rsplit(" ", 1)[-1])  # `Levine AJ`; most groups end in a word
            persons = _read_authors_part_by_part(group, [], strict=True) if shaped else None
            if persons is not None and all(not name.is_group for name in persons[0]):
                names.extend(persons[0])
                et_al = et_al or persons[1]
            else:
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
