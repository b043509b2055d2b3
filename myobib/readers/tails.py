"""The parts of an entry that are not its authors, title or source: identifiers, access and update
dates, URLs, `Epub …`, language notes, content designators (`[Internet]`, `[dissertation]`) and
PubMed-style links (`Erratum in: …`).

`take_tails(text)` returns the entry without them and what they say. They may stand anywhere in
an entry: `Cad Saúde Pública [Internet]. 2013 [acesso em 29 de setembro de 2014];29(3):566-78.
Disponível em: …`, GeneReviews' `[PMC free article: PMC…] [PubMed: …]` tails, PMC's
`[DOI] [PubMed] [Google Scholar]` link labels. The words come from `words.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Date
from ..notices import link_labels
from .identifiers import clean_doi, trim
from .words import LANGUAGES, alternation, lowered, parse_date, words

__all__ = ["Tails", "take_tails", "take_title_marks", "tidy"]


@dataclass
class Tails:
    """What the tails of an entry say."""

    DOI: str | None = None
    PMID: str | None = None
    PMCID: str | None = None
    URL: str | None = None
    arxiv: str | None = None
    accessed: Date | None = None
    available: Date | None = None  # `Epub 2017 Oct 27`
    language: str | None = None
    medium: str | None = None
    descriptors: list[str] = field(default_factory=list)  # `[dissertation]`, `[Data set]`, … as printed
    degree_by: str | None = None  # APA 7's `[Doctoral dissertation, University of Arizona]`: the university
    status: str | None = None  # `[Epub ahead of print]`, `In press`
    links: str | None = None  # `Erratum in: …`, kept as printed
    notes: list[str] = field(default_factory=list)  # `Updated 2018 Dec 20`, `Epub …`, other URLs

    def fields(self) -> dict[str, object]:
        """The `Reference` fields these tails fill (identifiers, URL, accessed, language)."""
        values: dict[str, object] = {}
        for name in ("DOI", "PMID", "PMCID", "URL", "accessed", "language"):
            value = getattr(self, name)
            if value is not None:
                values[name] = value
        return values


_DATE = (
    r"(?:\d{1,2}º?\.?\s*(?:de\s+)?[^\W\d_]{3,}\.?,?\s*(?:de\s+)?\d{4}"  # 3 nov. 2023, 28 de setembro de 2014
    r"|[^\W\d_]{3,}\.?\s+\d{1,2},?\s+\d{4}"  # October 21, 2025
    r"|c?\d{4}(?:\s+[^\W\d_]{3,}\.?(?:\s+\d{1,2})?)?"  # 2023 Nov 3
    r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{2}(?:\d{2})?"
    r"|\d{1,2}\.\d{1,2}\.\d{4})"  # 12.03.2024
)
_PREP = r"(?:\s+(?:on|em|el|en|le|am))?\s*:?\s*"
_ACCESSED_WORDS = alternation("accessed")
_UPDATED_WORDS = alternation("updated")
_FROM_WORDS = alternation("accessed_from")  # `Retrieved … from`, `Recuperado el … de`, `Abgerufen am … von`

_LINK_LABELS = re.compile(
    r"\s*\[(?:DOI|PMC free article|PubMed|Google Scholar|CrossRef|Ref list|Europe PMC|Scopus|Web of Science"
    r"|Free full text|Full text|Free Article|PMC)\]"
    r"|\s*\[Abstract\](?=\s*\[(?:DOI|PMC|PubMed|Google Scholar|CrossRef))",
    re.IGNORECASE,
)
_TAGGED_IDS = re.compile(
    r"\s*\[\s*(?:(?:PMC free article|PubMed Central|PMC)\s*:\s*(?P<pmcid>PMC\d+)"
    r"|(?:PubMed|PMID)\s*:\s*(?P<pmid>\d+))\s*\]",
    re.IGNORECASE,
)
_DOI = re.compile(
    r"(?:\bdoi\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?|\bhttps?://(?:dx\.)?doi\.org/|\bdoi\.org/)?"
    r"\b(10\.\d{4,9}/[^\s\"<>\]]+)",
    re.IGNORECASE,
)
_PMID = re.compile(r"\b(?:PubMed\s+)?PMID\s*:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"\b(?:PubMed\s+Central\s+)?(?:PMCID\s*:?\s*)?(PMC\d{4,9})\b", re.IGNORECASE)
_ARXIV = re.compile(r"\barXiv\s*:\s*(\d{4}\.\d{4,5}(?:v\d+)?)", re.IGNORECASE)
_ACCESS_BRACKET = re.compile(
    rf"\s*\[\s*\(?\s*(?:(?:{_UPDATED_WORDS}){_PREP}(?P<updated>[^;\]]+?)\s*[;,]\s*)?"
    rf"(?:{_ACCESSED_WORDS}){_PREP}(?P<date>[^\]\)]+?)\s*\)?\s*\]",
    re.IGNORECASE,
)
_ACCESS_PAREN = re.compile(rf"\s*\(\s*(?:{_ACCESSED_WORDS}){_PREP}(?P<date>{_DATE})\s*\)", re.IGNORECASE)
_GAP_AFTER_STOP = re.compile(r"([.;,])\s{2,}")
_ACCESS_PLAIN = re.compile(
    rf"(?:(?<=^)|(?<=[.;,]\s))(?:{_ACCESSED_WORDS}){_PREP}(?P<date>{_DATE})(?:,?\s+(?:{_FROM_WORDS})\b)?\.?",
    re.IGNORECASE,
)
_UPDATED = re.compile(rf"\s*\[\s*(?:{_UPDATED_WORDS}){_PREP}(?P<date>[^\]]+?)\s*\]", re.IGNORECASE)
# AMA's sentence before the access date: `Updated March 2, 2022. Accessed March 3, 2022.`
_UPDATED_PLAIN = re.compile(rf"(?<=[.;,]\s)(?:{_UPDATED_WORDS}){_PREP}(?P<date>{_DATE})\.?(?=\s|$)", re.IGNORECASE)
# `Available online; no-fee registration and login required.` closing an entry: how to get it, with no address
_AVAILABLE_NO_URL = re.compile(rf"(?<=\.\s)(?:{alternation('available')})\b[^.:]*\.?\s*$", re.IGNORECASE)
_PUBMED_URL = re.compile(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})|ncbi\.nlm\.nih\.gov/pubmed/(\d{1,9})", re.IGNORECASE)
_CITATION_AFTER = re.compile(r"\b\d{4}[a-z]?\s*[;:(]\s*\w")  # `2020;1(1)`: a source still to come
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/", re.IGNORECASE)
_URL = re.compile(
    rf"(?:(?:{alternation('available')}|doi)\s*:?\s*)?<?(?P<url>\bhttps?://[^\s<>\"]+|\bwww\.[^\s<>\"]+)>?",
    re.IGNORECASE,
)
_STATUS = re.compile(
    r"\s*(?:\[\s*(?P<bracketed>Epub ahead of print|In press|Forthcoming|No prelo|En prensa)\s*\]"
    r"|(?:(?<=^)|(?<=[.;]\s))(?P<plain>Epub ahead of print|In press|No prelo|En prensa)(?=\.|$))\.?",
    re.IGNORECASE,
)
_EPUB = re.compile(rf"\bEpub(?:\s+ahead\s+of\s+print)?\.?(?:\s+(?P<date>{_DATE}))?\.?", re.IGNORECASE)
_LANGUAGE_NOTE = re.compile(rf"\s*\[(?:{alternation('language_notes')})\s+(?P<language>[^\W\d_]+)\]\.?", re.IGNORECASE)
_TRAILING_LANGUAGE = re.compile(r"(?:^|(?<=[.\]]))\s*(?P<language>[^\W\d_]+)\.?\s*$")
_DESCRIPTOR_WORDS = sorted(
    {*words()["media"], *words()["software"], *words()["dataset"], *words()["thesis"], *words()["website"],
     *words()["presentation"], *words()["letter_descriptors"], *words()["abstract_labels"],
     "abstract", "editorial",
     "preprint", "monograph", "homepage on the internet", "serial on the internet", "podcast", "video"},
    key=lambda w: (-len(w), w),
)  # fmt: skip
_THESIS_WORDS = lowered("thesis")
_DESCRIPTOR = re.compile(
    r"\s*\[(?P<d>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _DESCRIPTOR_WORDS) + r")"
    r"(?:,\s*(?P<by>[^\]\d]{3,150}))?\]",  # `[Doctoral dissertation, University of Arizona]`
    re.IGNORECASE,
)
def _find_links(text: str, after_source: bool) -> int | None:
    """Where the PubMed-style links (`Erratum in: Journal. Date;…`) begin: a label followed by a citation,
    after the entry's own date unless `text` is what follows the entry's source."""
    for found in link_labels().finditer(text):
        before, after = text[: found.start()], text[found.end() :]
        if (after_source or re.search(r"\b\d{4}\b", before)) and re.match(r"[^\s:;][^:]{0,150}?\.?\s+\d{4}\b", after):
            return found.start()
    return None


def _ids(text: str, tails: Tails, keep_doi: bool = False) -> str:
    """Take PMIDs, PMCIDs, arXiv numbers (and DOIs unless `keep_doi`) out of `text` into `tails`."""

    def pmid(found: re.Match[str]) -> str:
        tails.PMID = tails.PMID or found[1]
        return " "

    def pmcid(found: re.Match[str]) -> str:
        tails.PMCID = tails.PMCID or found[1].upper()
        return " "

    text = _PMID.sub(pmid, text)
    text = _PMCID.sub(pmcid, text)
    if keep_doi:
        return text

    def doi(found: re.Match[str]) -> str:
        value = clean_doi(trim(found[1]))
        if value and tails.DOI is None:
            tails.DOI = value
        return " "

    def arxiv(found: re.Match[str]) -> str:
        tails.arxiv = tails.arxiv or found[1]
        return " "

    text = _DOI.sub(doi, text)
    return _ARXIV.sub(arxiv, text)


def take_title_marks(title: str) -> tuple[str, Tails]:
    """A title without its bracketed designators (`[Internet]`, `[abstract]`) and language note
    (`[Article in Spanish]`), and those; nothing else in it is touched."""
    tails = Tails()
    return tidy(_marks(title, tails)), tails


def _marks(text: str, tails: Tails) -> str:
    """`text` without bracketed language notes and designators, which go to `tails`."""

    def language(found: re.Match[str]) -> str:
        if found["language"].lower() not in LANGUAGES:
            return found[0]
        tails.language = tails.language or found["language"]
        return " "

    def descriptor(found: re.Match[str]) -> str:
        printed = " ".join(found["d"].split())
        if found["by"]:
            if printed.lower() not in _THESIS_WORDS:
                return found[0]  # only a thesis names who granted it
            tails.degree_by = found["by"].strip()
        if printed.lower() in words()["media"]:
            tails.medium = tails.medium or ("Internet" if "internet" in printed.lower() else printed)
        tails.descriptors.append(printed)
        return ""

    return _DESCRIPTOR.sub(descriptor, _LANGUAGE_NOTE.sub(language, text))


def take_tails(text: str, after_source: bool = False) -> tuple[str, Tails]:
    """`text` without its tails, and the tails; `after_source` when `text` is what follows a citation."""
    tails = Tails()
    text = _LINK_LABELS.sub("", text)

    def tagged(found: re.Match[str]) -> str:
        if found["pmcid"]:
            tails.PMCID = tails.PMCID or found["pmcid"].upper()
        else:
            tails.PMID = tails.PMID or found["pmid"]
        return ""

    text = _TAGGED_IDS.sub(tagged, text)
    start = _find_links(text, after_source)
    if start is not None:
        links = _ids(text[start:], tails, keep_doi=True)
        tails.links = tidy(links) or None
        text = text[:start]

    def url(found: re.Match[str]) -> str:
        value = trim(found["url"])
        rest = found["url"][len(value) :]
        labelled = found[0] != found["url"] and not found[0].startswith(("<", "http", "www"))
        if not labelled and _CITATION_AFTER.search(found.string, found.end()):
            return found[0]  # a link inside a title: a journal citation still follows it
        if _DOI_URL.match(value):
            return f" doi: {value}{rest}"  # taken with the other DOIs
        pubmed = _PUBMED_URL.search(value)
        if pubmed:
            tails.PMID = tails.PMID or pubmed[1] or pubmed[2]
        elif tails.URL is None:
            tails.URL = value
        else:
            tails.notes.append(value)
        return " " + rest

    text = _URL.sub(url, text)
    if tails.URL is not None:  # NORD's `Available at: <URL> Accessed March 12, 2024.`: the date after the address
        text = _GAP_AFTER_STOP.sub(r"\1 ", text)
    text = _ids(text, tails)

    def accessed(found: re.Match[str]) -> str:
        date = parse_date(found["date"])
        if date is None:
            return found[0]
        tails.accessed = tails.accessed or date
        if found.groupdict().get("updated"):
            tails.notes.append(f"Updated {found['updated'].strip()}.")
        return " "

    for pattern in (_ACCESS_BRACKET, _ACCESS_PAREN, _ACCESS_PLAIN):
        text = pattern.sub(accessed, text)

    def updated(found: re.Match[str]) -> str:
        tails.notes.append(f"Updated {found['date'].strip()}.")
        return " "

    text = _UPDATED.sub(updated, text)
    if tails.accessed:
        text = _UPDATED_PLAIN.sub(updated, text)

    def available(found: re.Match[str]) -> str:
        tails.notes.append(found[0].strip())
        return " "

    text = _AVAILABLE_NO_URL.sub(available, text)

    def epub(found: re.Match[str]) -> str:
        date = parse_date(found["date"]) if found["date"] else None
        tails.available = tails.available or date
        tails.notes.append(" ".join(found[0].split()).rstrip(".") + ".")
        return " "

    def status(found: re.Match[str]) -> str:
        tails.status = tails.status or found["bracketed"] or found["plain"]
        return " "

    text = _STATUS.sub(status, text)
    text = _EPUB.sub(epub, text)

    text = _marks(text, tails)
    trailing = _TRAILING_LANGUAGE.search(text)
    if trailing and trailing["language"].lower() in LANGUAGES and trailing.start() > 0:
        tails.language = tails.language or trailing["language"]
        text = text[: trailing.start()] + "."
    return tidy(text), tails


_WORD = re.compile(r"\w")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)|<\s*>")
_STOP_SEMICOLON = re.compile(r"\.\s+;\s*")  # `AI. [cited …];Nat. Med.` → `AI. Nat. Med.`
_SEMICOLON_STOP = re.compile(r"[;,]\s*\.")
_STOP_STOP = re.compile(r"\.(?:\s+\.)+(?!\.)")
_SPACE_BEFORE = re.compile(r"\s+(?=[;,]|\.(?:\s|$))")


def tidy(text: str) -> str:
    """White space and the punctuation left around taken-out parts put right."""
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _STOP_SEMICOLON.sub(". ", text)
    text = _SEMICOLON_STOP.sub(".", text)
    text = _STOP_STOP.sub(".", text)
    text = _SPACE_BEFORE.sub("", " ".join(text.split())).strip(" ;,:")
    return text if _WORD.search(text) else ""
