"""One entry of an APA 7 list: `Family, A. B., & Other, C. (2017). Title. Journal, 76(5), 792–801. https://doi.org/…`.

Besides journal articles: books (`Title. Publisher.`), edited books (`Editor, A. (Eds.). (2025).`),
chapters and conference papers (`In A. Editor (Ed.), Book (pp. 168–177). Publisher.`), software and
data sets (`[Computer software]`, `[Data set]`), web pages (`Retrieved October 28, 2023, from URL`),
translated titles (`Original [Translation]`) and undated works (`(n.d.)`). `parse_apa` returns the
`Reference` fields like `citation.parse_citation`, or None when the entry has no APA head.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Date, Name
from ..notices import notice_from_title
from ..pages import page_range
from .citation import GENRE_SENTENCE, NEWSPAPER_NAME, SERIES_CODE, SERIES_SENTENCE, finish, split_title
from .nlm import looks_like_authors, read_author_line
from .tails import take_tails, tidy
from .words import MONTHS, ORGANISATION, alternation, lowered, parse_date

__all__ = ["parse_apa"]

_SERVER_NAMES = lowered("preprint_servers")
# `[Data set]`, `[Computer software]`: no journal article, though a title may end `Survey, 2021`
_NOT_ARTICLES = lowered("dataset", "software")

_HEAD = re.compile(
    r"^(?P<authors>.+?)\s*\((?P<year>\d{4})(?P<suffix>[a-z])?(?:,\s*(?P<when>[^)]{1,40}))?\)\.?\s+(?P<rest>.*)$"
)
_NO_DATE = re.compile(r"^(?P<authors>.+?)\s*\((?:n\.\s?d\.|s\.\s?d\.|s\.\s?f\.|o\.\s?J\.)\)\.?\s+(?P<rest>.*)$")
_PERSON = re.compile(r"[^\W\d_][\w'’ -]*,\s+(?:[^\W\d_]{1,2}\.\s*-?\s*)+")
# `A. B.`, `J.-P.`, and a particle before an initial (`G. del C.`, as APA keeps `del Carmen`).
_PARTICLE = r"(?:d[aeiou]s?|del|von|van|der|la|le)\s+"
_INITIALS = re.compile(rf"^(?:{_PARTICLE})?(?:[^\W\d_]{{1,2}}\.\s*-?\s*(?:{_PARTICLE}(?=\w\.))?)+$")
_EDITORS = re.compile(r"\s*\((?:Eds?|Orgs?|Coords?|Hrsg|Dirs?|Éds?)\.?\)\.?\s*$", re.IGNORECASE)
_SOURCE = re.compile(
    r"(?:^|(?<=[.?!])\s+)(?P<journal>[^.?!]*?[^\W\d_][^.?!]*?),\s*(?P<volume>\d+[A-Za-z]?)"
    r"(?!\s+[^\W\d_]{3,}\.?,?\s+\d{4})"  # `…guidance, 27 August 2021.`: a date, not a volume
    r"(?!\s+[a-z])"  # `…the pandemic, 3 in 10 health-care workers …`: a number in a title
    r"(?:\s*\((?P<issue>[^)]+)\))?"
    r"(?:,\s*(?:pp?\.\s*)?(?P<pages>(?:[Aa]rticle\s+)?[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?))?"
    r"\.?(?=\s|$)"
)
# The author–year form of NICE and many UK lists: `Title. New England Journal of Medicine 371(3): 1496–506`
_COLON_SOURCE = re.compile(
    r"(?<=[.?!])\s+(?P<journal>[^.?!]*?[^\W\d_])\.?\s+(?P<volume>\d+[A-Za-z]?)(?:\s*\((?P<issue>[^)]+)\))?"
    r"\s*:\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)\.?\s*$"
)
# `In A. Editor (Ed.), Book (pp. 1–10). Publisher.`, and `En …`, `Em …`, `Dans … (p. 1–10)`, `In … (S. 1–10)`
_IN_BOOK = re.compile(
    rf"^(?i:{alternation('in')})\s+(?:(?P<editors>[^()]+?)\s*\((?:Eds?|Orgs?|Coords?|Hrsg|Éds?|Dirs?)\.?\),\s*)?"
    r"(?P<book>.+?)(?:\s*\((?:[^()]*?(?:pp?\.|págs?\.|S\.|pages)\s*(?P<pages>[^)]+))\))?\.\s*"
    r"(?P<publisher>[^.]+(?:\.[^.\s][^.]*)*)?\.?$"
)
# A report's number after its title: `(Informe de Respuesta Rápida N.º 818)`, `(Report No. 12)`, `(MJ-DOC-14982-AR)`
_NUMBERED_TITLE = re.compile(
    r"^(?P<title>.+?)\s*\((?:(?P<genre>[^()]*?)\s*(?:N\.?\s?º|Nº|No\.|Nr\.|n\.|Number)\s*(?P<number>[\w.-]+)"
    r"|(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+){2,}))\)\.(?:\s+(?P<after>.*))?$"
)
# `London: Department of Health`, `College Station, TX: StataCorp LLC` (APA 6, Harvard, NICE)
_PLACE_PUBLISHER = re.compile(
    r"^(?P<place>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}(?:,\s*[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?)"
    r"\s*:\s*(?P<publisher>[^:]+?)\.?$"
)
# What APA puts after a title in parentheses: `(5th ed., text rev.)`, `(4th ed.)`, `(Version 28.0)`
_TITLE_EDITION = re.compile(
    rf"\s*\((?P<edition>[^\s()]+)\s+(?:{alternation('edition')})\.?(?:,\s*[^()]*)?\)\.?$", re.IGNORECASE
)
# A chapter's book's edition before its pages: `(2nd ed., pp. 351–357)`
_BOOK_EDITION = re.compile(rf"\((?P<edition>[^\s(),]+)\s+(?:{alternation('edition')})\.?,", re.IGNORECASE)
# Harvard's edition as a sentence between the title and the publisher: `Title. 2nd edn. London: …`
_EDITION_SENTENCE = re.compile(rf"(?:^|(?<=\.)\s+)(?P<edition>\d+\w*)\s+(?:{alternation('edition')})$", re.IGNORECASE)
_URL_PATH = re.compile(r"^(?:[a-z]+://)?[^/:]+(?::\d+)?/+[^/\s]")
# A data archive's study number after its name: `UK Data Service. SN: 8860.`
_STUDY_NUMBER = re.compile(r"(?:^|(?<=\.)\s+)SN:?\s*(?P<number>\d+)\.?$")
_VERSION_WORDS = r"(?:Version|Versão|Versión|Release)"
_TITLE_VERSION = re.compile(rf"\s*\({_VERSION_WORDS}\s+(?P<version>[\w.-]+)\)\.?$", re.IGNORECASE)
# `The jamovi project. (2023). jamovi (Version 2.3) [Computer software].`: a title and its version follow the head
_VERSIONED = re.compile(rf"[^.()]{{1,100}}\({_VERSION_WORDS}\s+[\w.-]+\)", re.IGNORECASE)
# A document's or study's number after its title, with a version: `(WHO/MSD/MER/2017.2)`, `(ICPSR 20240; Version 8)`
_TITLE_NUMBER = re.compile(
    r"\s*\((?P<number>[A-Z]{2,10}\s(?!(?:19|20)\d\d\b)\d{3,7}|[A-Z][A-Z0-9]*(?:/[\w.]+){2,})"
    rf"(?:;\s*{_VERSION_WORDS}\s+(?P<version>[\w.-]+))?\)\.?$"
)
# The end of a title's first sentence, not after `U.S.`
_TITLE_END = re.compile(r"(?<!\b[A-Z]\.[A-Z])\.\s+")
_EDITOR = re.compile(r"^(?P<given>(?:[^\W\d_]{1,2}\.\s*-?\s*)+)(?P<family>[^\W\d_].*)$")
_SUPPLEMENT = re.compile(rf"\b(?:{alternation('supplement')})\.?\s*(?P<n>\S+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9])\.\s+\S")  # `Jacob M, Dupont J. A title (2019) …`: not an APA head
_ACRONYM_END = re.compile(r"\.\s+(?P<acronym>[A-Z]{2,})$")
# `A. y Bravo, J.`, `A. et Dupont, J.`, `A. u. Müller, J.`: the last author after initials and a word for "and".
_AND_LAST = re.compile(rf"(?<=\.)\s+(?:{alternation('and')})\.?\s+(?=[^\W\d_])", re.IGNORECASE)
_SENTENCE_CASE_WORD = re.compile(r"(?<=\s)[^\W\d_A-ZÀ-Þ][^\W\d_]{4,}\b")
_ET_AL_AFTER_INITIALS = re.compile(r"(?<=\.)\s+et\s+al\.?$")
# Harvard's quoted article title: `'Title', Journal, 2(1), pp. e15–e22.`
_QUOTED_TITLE = re.compile(r"^['‘](?P<title>.+?)['’],\s+(?P<source>.+)$")
# Harvard's meeting abstract: `'Title' [Poster abstract 1470-P]. Presented at the Meeting, Boston, MA, 5–9 June.`
_PRESENTED = re.compile(
    rf"^['‘](?P<title>.+?)['’]\s*\[(?P<genre>[^\]\d]+?)(?:\s+(?P<number>[\w-]*\d[\w-]*))?\]\.?\s+"
    rf"(?i:{alternation('presented')})\s*:?\s+(?:the\s+)?(?P<event>[^,]+?)(?:,\s*(?P<place>[^,]+(?:,\s*[A-Z]{{2}})?))?"
    r"(?:,\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[^\W\d_]+\.?(?:\s+\d{4})?)?\.?$"
)
_ELLIPSIS = re.compile(r"^(?:…|\.\s?\.\s?\.)\s*")  # APA's `. . .` before the last of many authors


def _authors(text: str) -> tuple[tuple[Name, ...], bool]:
    text = _ET_AL_AFTER_INITIALS.sub(", et al", text.strip().rstrip(","))  # Harvard's `Briggs, A.D.M. et al.`
    text = _AND_LAST.sub(", ", text)
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    names: list[Name] = []
    et_al = False
    index = 0
    while index < len(parts):
        part = re.sub(r"^(?:&|and)\s+", "", parts[index]).strip()
        if part.rstrip(".") in ("…", "...", "et al", "& others", "and others"):
            et_al = True
            index += 1
            continue
        ellipsis = _ELLIPSIS.match(part)
        if ellipsis is not None:
            et_al = True
            part = part[ellipsis.end() :]
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


def _editors(text: str) -> tuple[Name, ...]:
    """`R. Zhou, G. C. Malber, & X. Li` (initials first, as APA names a book's editors)."""
    names = []
    for part in re.split(r",\s*(?:&\s*)?|\s+&\s+|\s+and\s+", text.strip()):
        found = _EDITOR.match(part.strip())
        if found is None:
            names.append(Name(literal=part.strip()))
        else:
            names.append(Name(family=found["family"], given=found["given"].strip()))
    return tuple(names)


def _date(year: str | None, when: str | None) -> Date:
    if year is None:
        return Date(literal="n.d.")
    if when:
        found = re.match(r"^([^\W\d_]+)(?:\s+(\d{1,2}))?$", when.strip())
        if found and found[1].lower() in MONTHS:
            return Date(int(year), MONTHS[found[1].lower()], int(found[2]) if found[2] else None)
        date = parse_date(f"{when} {year}")  # `(2021, 14 de enero)`, `(2021, 14 janvier)`, `(2021, 14. Januar)`
        if date is not None and date.year == int(year) and date.month:
            return date
        return Date(int(year), literal=f"{year}, {when.strip()}")
    return Date(int(year))


def _journal(rest: str, values: dict[str, Any]) -> bool:
    quoted = _QUOTED_TITLE.match(rest) if rest[:1] in "'‘" else None
    if quoted is not None:
        source = _SOURCE.match(quoted["source"])
        if source is None:
            return False
        title = quoted["title"]
        rest = quoted["source"]
    else:
        sources = list(_SOURCE.finditer(rest)) or list(_COLON_SOURCE.finditer(rest))
        if not sources:
            return False
        source = sources[-1]
        title = rest[: source.start()].strip().rstrip(".")
    journal = source["journal"].strip()
    acronym = _ACRONYM_END.search(title)
    if acronym is not None:  # `… 2022. MMWR. Morbidity and Mortality Weekly Report, 72(1)`
        journal, title = f"{acronym['acronym']}. {journal}", title[: acronym.start()]
    values.update(title=title, container_title=journal, volume=source["volume"], _source="journal")
    issue = source["issue"]
    if issue:
        values["issue"] = issue
        supplement = _SUPPLEMENT.search(issue)
        if supplement:
            values["supplement"] = supplement["n"] or ""
    pages = source["pages"]
    if pages:
        if pages.lower().startswith("article"):
            values["number"] = pages.split()[-1]
        else:
            values["page"], values["page_first"] = page_range(pages)
            if values["page"] != pages:
                values["page_as_written"] = pages
    values["_note"] = rest[source.end() :]
    return True


def _first_sentence(text: str) -> tuple[str, str]:
    """`text`'s first sentence (a title: `… The U.S. Surgeon General's advisory`) and the rest."""
    found = _TITLE_END.search(text)
    return (text[: found.start()], text[found.end() :]) if found else (text, "")


def _title_parentheses(title: str, values: dict[str, Any]) -> str:
    """A title without the edition or version APA puts after it, those going to their fields."""
    found = _TITLE_EDITION.search(title)
    if found is not None:
        values["edition"] = found["edition"]
        return title[: found.start()]
    found = _TITLE_VERSION.search(title) or _TITLE_NUMBER.search(title)
    if found is not None:
        if found["version"]:
            values.setdefault("extra", {})["version"] = found["version"]
        if "number" in found.groupdict():
            values["number"] = found["number"]
        return title[: found.start()]
    return title


def _other(rest: str, values: dict[str, Any]) -> None:
    """A book, chapter, report or web page: `Title. [In …] Publisher.`"""
    numbered = _NUMBERED_TITLE.match(rest)
    if numbered is not None:
        title, after = numbered["title"], numbered["after"] or ""
        values["number"] = numbered["number"] or numbered["id"]
        if numbered["genre"] and SERIES_CODE.fullmatch(values["number"]):
            values.update(collection_title=numbered["genre"], _source="report")  # `(NICE Guideline No. NG222)`
        elif numbered["genre"]:
            values.update(genre=numbered["genre"], _source="report")
    else:
        title, after = _first_sentence(rest)
    if (study := _STUDY_NUMBER.search(after)) is not None:
        values["number"], after = study["number"], after[: study.start()]
    if "(" in title:
        title = _title_parentheses(title, values)
    values["title"] = title
    after = after.strip()
    chapter = _IN_BOOK.match(after)
    if chapter is not None:
        values.update(container_title=_title_parentheses(chapter["book"].strip(), values), _source="chapter")
        if chapter["editors"]:
            values["editor"] = _editors(chapter["editors"])
        if chapter["pages"]:
            values["page"] = chapter["pages"].strip()
        if (edition := _BOOK_EDITION.search(after)) is not None:
            values["edition"] = edition["edition"]
        if chapter["publisher"]:
            values["publisher"] = chapter["publisher"].strip()
    elif after.rstrip(".").lower() in _SERVER_NAMES:
        values.update(container_title=after.rstrip("."), _source="preprint")  # `[Preprint]. arXiv.`
    elif after:
        before, _, last = after.rstrip(".").rpartition(". ")
        published = _PLACE_PUBLISHER.match(last)
        series = None if published else SERIES_SENTENCE.fullmatch(last)
        if published is None and series is None:
            before, last = "", after.rstrip(".")
        if (edition := _EDITION_SENTENCE.search(before)) is not None:
            values["edition"], before = edition["edition"], before[: edition.start()]
        if before and GENRE_SENTENCE.match(before):
            values["genre"] = before
        elif before:
            values["title"] = f"{title}. {before}"  # `Time to act. Severe sepsis: …`: a title in two sentences
        if published is not None:
            values.update(publisher=published["publisher"], publisher_place=published["place"])
        elif series is not None:
            values.update(collection_title=series["series"], number=series["number"], _source="report")
        else:
            values["publisher"] = last
        values.setdefault("_source", "book")


def _kind_of_other(values: dict[str, Any], url: str | None, persons: bool, accessed: bool) -> None:
    """A report or a web page told apart by APA's form: a page's date is `(n.d.)` or a day (`(2019, July 26)`)
    and its site stands where a book's publisher would; an organisation's work with no publisher (the
    author publishes it) is a report, unless Harvard's `Available at: URL (Accessed: …)` is all it has."""
    issued = values["issued"]
    page_date = issued.literal == "n.d." or issued.day is not None
    # a site's home address alone (`https://digital.nhs.uk`) is where a report was found, not the page itself
    online = bool(url) and (page_date or (accessed and not values.get("publisher") and _URL_PATH.search(url)))
    if values.get("_source") == "book" and NEWSPAPER_NAME.search(values.get("publisher") or ""):
        values.update(container_title=values.pop("publisher"), _source="newspaper")  # `The Washington Post.`
    elif values.get("_source") == "book" and url and page_date:
        values.update(container_title=values.pop("publisher"), _source="webpage")
    elif values.get("_source") is None and values.get("edition"):
        values["_source"] = "edition"  # `Association. (2022). Manual (5th ed., text rev.). DOI`: a book it publishes
    elif values.get("_source") is None and not persons and values.get("author") and not online:
        values["_source"] = "report"


def _title_first(head: str) -> bool:
    """Whether what stands before `(Year).` is a title rather than a group's name: a notice's title, a
    subtitle, or more words than an organisation's name has."""
    head = head.strip().rstrip(".")
    if notice_from_title(head) or ": " in head:
        return True
    # APA writes titles in sentence case: a long lowercase word (`Vacunación antigripal en Argentina`) is no
    # group's name (`Organización Panamericana de la Salud`)
    return not ORGANISATION.search(head) and (len(head.split()) > 8 or bool(_SENTENCE_CASE_WORD.search(head)))


def parse_apa(text: str) -> dict[str, Any] | None:
    """The `Reference` fields of one APA entry, or None when it does not start `Authors (Year).`."""
    head = _HEAD.match(text) or _NO_DATE.match(text)
    if head is None:
        return None
    authors_text = head["authors"]
    first_sentence = authors_text.split(". ")[0]
    # `Evans L, Rhodes A et al. (2021) Title.`: Vancouver names in the author–year form (NICE, Harvard)
    vancouver = None if ". " in authors_text.strip() else read_author_line(authors_text)
    if vancouver is None and not _PERSON.match(authors_text) and (
        len(authors_text) >= 150 or _SENTENCE_END.search(authors_text) or looks_like_authors(first_sentence)
    ):
        return None  # Vancouver authors and a title holding a bracketed year
    groups = head.groupdict()
    editors = _EDITORS.search(authors_text)
    if vancouver is not None:
        names, et_al = vancouver
    elif not _PERSON.match(authors_text) and _title_first(authors_text) and not _VERSIONED.match(head["rest"]):
        names, et_al = (), False  # an unsigned work: APA puts its title where the authors go
    else:
        authors_text = authors_text[: editors.start()] if editors else authors_text
        if "&" not in authors_text and not _PERSON.search(authors_text) and ORGANISATION.search(authors_text):
            names, et_al = (Name(literal=authors_text.strip().rstrip(".")),), False  # `Academies of …, and Medicine`
        else:
            names, et_al = _authors(authors_text)
    values: dict[str, Any] = {"editor" if editors else "author": names, "et_al": et_al}
    values["issued"] = _date(groups.get("year"), groups.get("when"))
    rest, tails = take_tails(head["rest"])
    if not names:
        rest = f"{authors_text.strip().rstrip('.')}. {rest}"  # the title, then what a titled work has after it
    kinds = {" ".join(d.lower().split()) for d in tails.descriptors}
    presented = _PRESENTED.match(rest) if "[" in rest else None
    if presented is not None:
        values.update(title=presented["title"], genre=presented["genre"], event_title=presented["event"],
                      _source="presented")  # fmt: skip
        if presented["number"]:
            values["number"] = presented["number"]
        if presented["place"]:
            values["event_place"] = presented["place"]
    elif kinds & _NOT_ARTICLES:
        _other(rest, values)  # its kind is what the descriptor says
    elif not _journal(rest, values):
        _other(rest, values)
        _kind_of_other(values, tails.URL, any(not name.is_group for name in names), tails.accessed is not None)
    if not names:
        values["title"] = authors_text.strip().rstrip(".")
    title, notes = split_title(values.pop("title") or "")
    values["title"] = title or None
    note = tidy(values.pop("_note", "") or "")
    if note:
        notes.append(note if note.endswith(".") else note + ".")
    return finish(values, tails, notes, persons=any(not name.is_group for name in names))
