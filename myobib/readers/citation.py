"""One entry of an NLM / Vancouver, AMA, BMJ or MDPI list, whatever kind of work it cites.

An entry is `Authors. Title. Source.` with tails (`doi:`, `[cited …]`, `Available from: …`, see
`tails.py`). The authors are persons (`Jacob M, Dupont J, et al.`, dotted `Maude R.J.`, editors
`…, editors.`/`eds`/`organizadores`/`Hrsg.`), organisations (`World Health Organization.`,
`Brasil. Ministério da Saúde.`) or none (`[No authors listed]`). The source is what Citing Medicine
and its AMA/BMJ equivalents print after the title:

- a journal citation: `Ann Rheum Dis. 2017 May;76(5):792-801.`, `Lancet Glob Health 2018;6:e902–13.`;
- a book's publication: `Place: Publisher; 2002.`, `Publisher; 2019.`, `Place: Publisher, 2019.`,
  `Publisher; Place: 2025.`, with an edition before and pages, a series or a report number after;
- a chapter or conference paper: `In: Editors, editors. Book. 2nd ed. Place: Publisher; 2002. p. 257-91.`,
  `In: Book. Series. Publisher; 2025:168-177.`, with the chapter's own date before (`1998 Oct 23. In: …`);
- a preprint (`arXiv. Preprint posted online 2022.`), a newspaper (`2002 Aug 12;Sect. A:2 (col. 4)`),
  `Paper presented at: Meeting; 2006 Jul 15-20; Madrid, Spain.`, a date alone (`c2023.`), or nothing
  (a web page: a title, a URL and an access date).

`parse_citation` returns the `Reference` fields, the CSL type included; the private key `_understood`
tells whether a source (or a web address) was recognised.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Date, Name
from ..notices import notice_from_title, own_notice
from ..pages import page_range
from .nlm import journal_line_fields, read_author_line
from .tails import Tails, take_tails, take_title_marks, tidy
from .words import COUNTRIES, MONTHS, ORGANISATION, alternation, lowered, parse_date, words

__all__ = [
    "classify",
    "finish",
    "parse_citation",
    "parse_source",
    "parse_source_line",
    "read_authors_line",
    "split_title",
    "starts_with_authors",
    "title_fields",
]

_EDITORS = rf"(?:{alternation('editors')})"
_EDITORS_SUFFIX = re.compile(rf"(?:,\s*|\s*\(\s*){_EDITORS}\.?\)?\s*$", re.IGNORECASE)  # `, editors`, `(eds)`
_NO_AUTHORS = re.compile(
    rf"^(?:\[\s*(?:{alternation('no_authors')})\s*\]\.?|(?:{alternation('no_authors')})\.)(?:\s+|$)", re.IGNORECASE
)
_BOUNDARY = re.compile(r"(?<=[.?!])\s+(?=\S)")
_SEMICOLON = re.compile(r";\s+(?=\S)")
# No sentence ends at `No.`, `Vol.`, `U.S.`, nor at an ordinal before an edition (`2. Aufl.`).
_NO_BREAK = re.compile(
    r"(?:^|[\s(])(?:No|Nº|nº|no|n|Vol|vol|St|Dr|Prof|vs|Pt|ca|approx|(?:[^\W\d]\.)+[^\W\d])\.$"
)
_ORDINAL = re.compile(r"(?:^|\s)\d{1,3}\.$")
_EDITION_WORD = re.compile(rf"(?:{alternation('edition')})\b", re.IGNORECASE)
# sentences after a book's date: `p. 257-91` and `(NICE guideline, No. NG219.)` stay whole
_TAIL_BREAK = re.compile(r"(?<=\.)\s+(?=[^\d\s])(?![^(]*\))")
_AND_OTHERS = re.compile(r"\s*,?\s*(?:&|and)\s+others$", re.IGNORECASE)
# Where else an author list may end: `et al` without a full stop, `& others`, a colon (`…, Kratz CP: Letter …`).
_OTHER_CUT = re.compile(r"\bet\s+al\b\.?(?=\s+\S)|&\s+others\b\.?(?=\s+\S)|:(?=\s+\S)", re.IGNORECASE)
# `…, Petrovitch H, McTiernan A Influence of …`: the full stop after the last author's initials missing
_UNSTOPPED_LAST = re.compile(r",\s+[^\W\d_][\w'’-]*\s+[A-Z]{1,3}(?=\s+(?!(?:Jr|Sr)\b)[A-Z][a-z])")

_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ]"
# Dotted initials as MDPI and PMC print them: `Poostchi M., Maude R.J., dos Santos A.d.F., Tsai C.-S., Jr.`
_DOTTED_NAME = (
    r"(?:[a-z]{1,4}\s)?[^\W\d_][^\s,;.]*(?:[\s-][^\W\d_][^\s,;.]*){0,4}\s"
    rf"{_CAPITAL}\.(?:\s?-?{_CAPITAL}\.|[a-z]{{1,3}}\.)*(?:,\s(?:Jr|Sr|II|III|IV)\.?(?=,|\s))?"
)
_DOTTED_AUTHORS = re.compile(
    rf"^(?P<names>{_DOTTED_NAME}(?:,\s+{_DOTTED_NAME})*)(?P<etal>,\s+et\s+al\.)?"
    rf"(?P<editors>,\s+(?i:{_EDITORS})\.)?\s+(?=\S)"
)
_DOTTED_STYLE = re.compile(r"\.,|\.\s?-?[^\W\d_]\.")  # `M., ` or `R.J.`: not NLM's `Lee K.` ending a list
_DOTTED_SUFFIX = re.compile(r",\s((?:Jr|Sr|II|III|IV)\.?)$")

_YEAR = r"c?\d{4}(?:\s*-\s*(?:\d{4}|\d{2}(?!\d)))?"
# `2002`, `c2001`, `2004 Apr`, `2002 Apr 3-5`, `1993-2026`; a month's full stop ends the date (`2001 Feb. 24 p.`).
_SOURCE_DATE = (  # a month may stand before the year: `juin 2018`, `septembre 2016`; `2024 Jan-` is open
    rf"(?:[^\W\d_]{{3,}}\.?\s+(?={_YEAR}))?{_YEAR}(?:\s+[^\W\d_]{{3,}}(?:\.(?!\s*\d))?(?:\s*-\s*[^\W\d_]{{3,}}\.?|-(?=\.))?"
    r"(?:\s+\d{1,2}(?:\s*-\s*\d{1,2})?)?)?"
)
# The edition is kept as printed before `ed.`: `2nd`, `2.ª`, `7th`, `Rev`.
_EDITION = re.compile(
    rf"^(?P<edition>\d+(?:\s*(?:st|nd|rd|th|ª|a|e|º))?\.?(?:ª|º)?|Rev|Revised|New|Updated|Expanded"
    rf"|{alternation('edition_ordinals')})\.?\s*"
    rf"(?:{alternation('edition')})\.?$",
    re.IGNORECASE,
)
# What may follow an edition: `2. ed. atual.`, `2. ed. rev. e amp.`, `2.ª ed. corr. y aum.`
_EDITION_QUALIFIER_WORDS = lowered("edition_qualifiers")
_PLACE = r"[^\W\d_](?:[^\d:;.]|(?<=\b[A-Z])\.){0,60}?"  # `Washington, D.C.` too
_PUBLISHER = r"[^\W\d_][^:;]{0,250}?"
_NAMED_PUBLISHER = r"[^\W\d_][^:;.\d?!«»\"]{0,60}?"  # a publisher's name alone: no digits, quotes or sentences
# `Place: Publisher; 2002` (or `, 2019` in BMJ lists), `Publisher; Place: 2025` (MDPI), `Publisher; 2019` (AMA)
_PUBINFO_FORMS = (
    re.compile(rf"^(?P<place>{_PLACE})\s*:\s*(?P<publisher>{_PUBLISHER})\s*[;,]\s*(?P<date>{_SOURCE_DATE})"),
    re.compile(rf"^(?P<publisher>{_PUBLISHER})\s*;\s*(?P<place>{_PLACE})\s*:\s*(?P<date>{_SOURCE_DATE})"),
    re.compile(rf"^(?P<publisher>{_PUBLISHER})\s*;\s*(?P<date>{_SOURCE_DATE})"),
    # `Stuttgart: Thieme 2008`: the year after the publisher with no mark between (German lists)
    re.compile(rf"^(?P<place>{_PLACE})\s*:\s*(?P<publisher>{_NAMED_PUBLISHER})\s+(?P<date>\d{{4}})(?=\.?(?:\s|$))"),
    # `New York: Chapman and Hall/CRC. 2006`, `Berlin: Springer. 2017:47–56.` (PMC's print)
    re.compile(rf"^(?P<place>{_PLACE})\s*:\s*(?P<publisher>{_NAMED_PUBLISHER})\.\s+(?P<date>\d{{4}})(?=[.:]?(?:\s|$|\d))"),
)
# `Washington, D.C.: OPS;` with no date (a web page's), after a known place only
_UNDATED_PUBINFO = re.compile(rf"^(?P<place>{_PLACE})\s*:\s*(?P<publisher>{_PUBLISHER})\s*[;.]?$")
# After `; ` (MDPI's reports and laws): `Publisher: Place, 2024.`
_MDPI_PUBINFO = re.compile(rf"^(?P<publisher>{_PUBLISHER})\s*:\s*(?P<place>{_PLACE}),\s*(?P<date>{_SOURCE_DATE})")
_AFTER_DATE = re.compile(
    # `(?=\()`: `2010 (mise à jour mars 2016)`, a note follows the date
    r"\s*(?::\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?))?\s*"
    r"(?:\.|$|(?<=\.)(?=\s)|(?=\())\s*"
)
_PAGES = re.compile(
    rf"^(?:{alternation('pages')})\.?\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?(?:,\s*[A-Za-z]?\d+(?:\s*[-–—]\s*\d+)?)*)\.?$",
    re.IGNORECASE,
)
_PAGE_COUNT = re.compile(r"^(?P<n>\d+)\s*p\.?$|^(?P<n2>[ivxlc]+,\s*\d+)\s*p\.?$", re.IGNORECASE)
# `(Series; no. 12)`, `(Series, vol. 3)`: the series' number; `(SIGN publication no. 158)`, `(NIH publication
# no. 07-4051)`: the work's own number in its agency's series
_SERIES = re.compile(
    r"^\(?(?P<title>[^;()]+?)(?:(?:;\s*(?:no|vol|v|n)\.?|,\s*(?:no|vol|v|n)\.|\s+(?P<own>no)\.)\s*(?P<number>[\w.-]+?))?"
    r"\.?\)?\.?$",
    re.IGNORECASE,
)
# A report's number between its title and its publisher, after an agency's acronym:
# `HHS Publication No. PEP22-07-01-005`
_PUBLICATION_NUMBER = re.compile(
    r"(?<=\.)\s+(?:[A-Z]{2,}\s+)?(?:Publication|Report|Pub)\s+(?:No|Number)\.?\s*:?\s*"
    r"(?P<n>[\w/-]*\d[\w./-]*?)\.?\s*$"
)
_TRIAL_NUMBER = re.compile(rf"(?:{alternation('trial_registries')})[\w/-]*\d")
# A registry record's identifier after its title: `ClinicalTrials.gov identifier: NCT03036124`
_REGISTRY_ID = re.compile(
    rf"(?:\S+\s+)?(?i:identifier|id|registration number)\s*:?\s*(?P<number>{_TRIAL_NUMBER.pattern})"
)
SERIES_CODE = re.compile(r"[A-Z]{1,5}\d{1,6}")  # `NG219`: the work's own number in a guidance series
# `NICE guideline [NG106]` (PubMed's form), `NICE guideline NG209` (the Lancet's)
SERIES_SENTENCE = re.compile(
    rf"(?P<series>[A-Z][^.:;()\[\]]{{2,60}}?)\s+(?P<open>\[)?(?P<number>{SERIES_CODE.pattern})(?(open)\])"
)
# A sentence naming the kind of work between its title and its publisher: `Updated report of a working party.`,
# `Recommandation de bonne pratique.`, `Guide méthodologique.`
GENRE_SENTENCE = re.compile(rf"^(?:\S+\s+){{0,2}}(?i:{alternation('genre_sentences')})\b[^:]{{0,60}}$")
# `A report commissioned by …`: a sentence of the title saying for whom a report was written
_COMMISSIONED = re.compile(rf"\b(?i:{alternation('commissioned')})\b")
# A sentence marking a special issue of a bulletin (`Número Especial.`), kept as a note
_ISSUE_MARKS = frozenset(" ".join(w.split()) for w in words()["issue_marks"])
# AMA's web page: `Title. Published May 28, 2019. Updated … Accessed …`: the date of the page
_PUBLISHED = re.compile(
    rf"(?<=\.)\s+(?P<word>(?i:{alternation('published')}))\s*:?\s*(?P<date>(?:[^.;]{{4,30}}?)?\d{{4}})\.?(?=\s|$)"
)
# `Released March 30, 2023.`: the date a statistical bulletin or report was released (a report, not a page)
_RELEASED = lowered("released")
# A short genre sentence before a page entry's publication (its `[Internet]` taken out by the tails)
_GENRE_FIRST = re.compile(r"(?P<genre>[A-Z][^\W\d_]*(?: [^\W\d_]+){0,4})\.\s+(?=\S)")
# Genres of agency announcements read on the web: `News release`, `Drug Safety Communication`
_WEB_GENRES = lowered("news_genres")
_UPDATE_NOTE = re.compile(rf"^\(\s*(?i:{alternation('updated')})\b")  # `(mise à jour mars 2016)`: no series
_REPORT_NUMBER = re.compile(
    r"^(?:Report|Publication|Pub|Technical Report|Tech Rep)\s*(?:No|Nº|nº|Number)\.?\s*:?\s*(?P<n>.+?)\.?$",
    re.IGNORECASE,
)
_VERSION = re.compile(r"^(?:Version|Versão|Versión|Release|Ver)\.?\s*(?P<v>[\w.-]+)\.?$", re.IGNORECASE)
_IN = re.compile(rf"^(?:(?P<date>{_SOURCE_DATE})\.\s+)?(?:{alternation('in')})\s*:\s*(?P<book>.+)$", re.IGNORECASE)
_PRESENTED = re.compile(
    rf"^(?:(?P<date>{_SOURCE_DATE})\.\s+)?(?:{alternation('presented')})\s*:?\s*(?P<event>.+)$", re.IGNORECASE
)
_SERVERS = "|".join(re.escape(s) for s in sorted(words()["preprint_servers"], key=len, reverse=True))
_PREPRINT = re.compile(
    rf"^(?P<server>{_SERVERS})\b\.?\s*(?:Preprint(?:\s+posted)?(?:\s+online)?\.?\s*)?"
    rf"(?P<date>{_SOURCE_DATE}|[^\W\d_]{{3,}}\.?\s+\d{{1,2}},\s+\d{{4}})\.?\s*(?P<rest>.*)$",  # AMA: `August 25, 2021`
    re.IGNORECASE,
)
_SERVER_NAMES = lowered("preprint_servers")
_NEWSPAPER = re.compile(
    rf"^(?P<paper>(?:[^.;]|\.(?!\s))+?)\.\s+(?P<date>{_SOURCE_DATE});\s*Sect\.\s*(?P<section>[^:]+?)\s*:\s*(?P<page>[\w-]+)"
    r"(?:\s*\(col\.\s*(?P<column>[\w-]+)\))?\.?\s*(?P<rest>.*)$"
)
_GAZETTE = re.compile(
    rf"^(?P<gazette>(?:{alternation('gazettes')})[^.;,\d]*?)[.,]?\s+"
    r"(?:(?:nº|núm\.?|n\.?º|No\.?|n\.)\s*(?P<issue>[\w-]+),?\s*)?\(?(?P<date>[^;()]+?)\)?"
    r"(?:\s*;\s*(?P<section>[^:;]+?)(?:\s*:\s*(?P<page>[\w-]+))?)?\.?$",  # `; Seção 1: 59`, `; Seção 1`
    re.IGNORECASE,
)
# `4 de enero de 2019. Boletín Oficial de la República Argentina No. 34.027.`: the date first, the issue last.
_DATED_GAZETTE = re.compile(
    rf"^(?P<date>[^.;]+?\d{{4}})\.\s+(?P<gazette>(?:{alternation('gazettes')})[^.;,\d]*?),?\s*"
    r"(?:(?:nº|núm\.?|n\.?º|No\.?|Nr\.?|n\.)\s*(?P<issue>[\w.-]+?))?\.?$",
    re.IGNORECASE,
)
# The United States' form for a law: `Title, Pub. L. No. 108-173, 117 Stat. 2066 (Dec. 8, 2003).`
# AMA leaves out the full stops: `Pub L No. 116-136, 134 Stat 281 (2020)`. The Public Law number is the `number`.
_US_LAW = re.compile(
    r"^(?P<title>.+?),\s*Pub\.?\s*L\.?\s*(?:No\.?\s*)?(?P<number>\d[\d-]*),\s*(?P<volume>\d+)\s+(?P<code>Stat\.?)\s*"
    r"(?P<page>[\d-]+)\s*\((?P<date>[^)]+)\)\.?$"
)
# The United Kingdom's: `Health and Social Care Act 2008 (c. 14). London: TSO`, `The … Regulations 2014 (SI 2014/2936)`,
# The Lancet's `The … Regulations 2016. SI 2016/507. 2016.`
_UK_LAW = re.compile(
    r"^(?P<title>[^.]+?\b\d{4})(?:\s*\(|,\s+(?=c\.|S\.?\s?I\b|asp\b|anaw\b|nia\b)|\.\s+(?=S\.?\s?I\.?\s\d))"
    r"(?P<number>(?P<si>S\.?\s?I\.?)?(?:c\.|asp|anaw|nia)?\s*\d[\d/]*)\)?\.?"
    r"(?:\s+(?P<year>\d{4})\.?)?(?:\s+(?P<place>[^:.]+):\s*(?P<publisher>[^:]+?)\.?)?$"
)
# An organisation before a colon, as Deutsches Ärzteblatt prints authors: `Statistisches Bundesamt (Destatis): Title.`,
# and as a group editor: `Deutsche Sepsis-Gesellschaft e. V. (Hrsg.): Title.`
_GROUP_COLON = re.compile(
    r"^(?P<org>(?:[^:.]|(?<=\b[^\W\d_])\.){3,150}?)\s*(?P<editor>\((?:Hrsg|Hg|Eds?|éds?)\.?\))?"
    r"\s*:\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
# A law and the gazette page it is printed on, with no date of its own: `Title vom 20. Juli 2000. BGBl. I S. 1045.`
_PAGED_GAZETTE_LAW = re.compile(
    rf"^(?P<title>.+?)\.\s+(?P<gazette>(?:{alternation('paged_gazettes')})\.?(?:\s+(?:I{{1,3}}|IV))?)"
    r"\s+(?:(?P<year>\d{4}),?\s+)?(?:S\.|p\.|pp\.)\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?)\.?$"
)
# What a guideline prints after its title, read from the end: `o. J.` (no date), `Stand: 31.12.2018` (its date),
# `AWMF-Registernummer 079-001`, `Register Nr. 029/027, Entwicklungsstufe 2k` (its number in a register).
_NO_DATE_MARK = re.compile(rf"(?<=[.,])\s+(?i:{alternation('no_date')})\.?\s*$")
_AS_OF = re.compile(
    rf"(?<=\.)\s+(?i:{alternation('as_of')})\s*:?\s*(?P<date>[^.:;]*?\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\.?\s*$"
)
_REGISTER_NUMBER = re.compile(
    r"(?<=\.)\s+(?P<label>[\w-]*[Rr]egist\w*(?:\s+(?:Nr|No)\.?)?)\s+(?P<number>\d[\d/.-]*\d)(?:,\s*(?P<rest>[^.]+))?\.?\s*$"
)
# PMC's print of a web page: `Title. <URL> (last accessed on 12 May 2022) 2020`: the year left after the tails;
# the Lancet's `Title. Oct 3, 2023. <URL> (accessed Jan 15, 2024).`: the date of release before them
_DATE_AFTER_TAILS = re.compile(r"^(?P<text>.+?[.?!»«\"”])\s+(?P<date>(?:[^\W\d_]{3,9}\.?\s\d{1,2},\s)?\d{4})\.?$")
# PMC's print of a chapter from its JATS elements in their order: `Havenith G. Heidelberg: Springer. Berlin: 2005.
# Temperature regulation … In: Extreme weather events …; pp. 69–80.`
_PUBLISHER_FIRST_CHAPTER = re.compile(
    rf"^(?P<place>{_PLACE})\s*:\s*(?P<publisher>{_NAMED_PUBLISHER})\.\s+(?:{_PLACE}\s*:\s*)?(?P<year>\d{{4}})\.\s+"
    rf"(?P<title>[^.]+?)\.?\s+(?:{alternation('in')})\s*:\s*(?P<book>[^;]+?)\s*;\s*(?:pp?\.\s*)?(?P<pages>\d+\s*[-–]\s*\d+)\.?$",
    re.IGNORECASE,
)
_KNOWN_PLACE = re.compile(rf"(?<=\s)(?:{alternation('places')})(?=\s*[,:])")
_LONG_LOWERCASE_WORD = re.compile(r"(?<![\w-])[^\W\d_A-ZÀ-Þ]{7,}\b")
_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,12}\)")
_DAY_FIRST_DATES = re.compile(r"^\d{1,2}\s*[-–]\s*\d{1,2}\s+(?P<month>[^\W\d_]{3,10}\.?)\s+(?P<year>\d{4})$")
_GLUED_MEETING_DATE = re.compile(
    r"^(?P<name>.+?\b(?P<year>\d{4}))\s+(?P<month>[^\W\d_]{3,9}\.?)\s+(?P<day>\d{1,2})"
    r"(?:\s*[-–]\s*(?:[^\W\d_]{3,9}\.?\s+)?\d{1,2})?$"
)
_PROCEEDINGS_OF = re.compile(
    r"^(?:Proceedings|Anais|Actas|Annales)\s+(?:of|do|da|dos|de|del|des)\s+(?:the\s+)?", re.IGNORECASE
)
# Zotero's Vancouver form of a law: `Loi n° 2016-41 du 26 janvier 2016 de …. 2016-41 janv 26, 2016.`
_NUMBER_AND_DATE = re.compile(r"^(?P<number>\d+[-/]\d+)\s+(?P<date>[^\W\d_]{3,}\.?\s+\d{1,2},\s+\d{4})\.?$")
_DATED_PAPER = re.compile(r"^(?P<paper>[^.;]+?)[.,]\s+(?P<date>[^;.]+?\d|\d{1,2}\.\d{1,2}\.\d{4})\.?$")
_DATE_ONLY = re.compile(rf"^(?P<date>{_SOURCE_DATE})\.?(?:\s+(?P<rest>\S.*))?$")
_LAST_DATE = re.compile(rf"^(?P<rest>[^;]+);\s*(?P<date>{_SOURCE_DATE})\.?$")  # one sentence ending `; 2019`
_ORG_ACRONYM = re.compile(r"^(?P<org>[^.]{3,150}?\([A-Z][A-Za-z]{1,12}\))\s+(?=[A-Z0-9])(?P<title>.+)$")
_COUNTRY_LAW = re.compile(
    r"^(?P<country>" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\s+"
    rf"(?=(?:{alternation('legislation')}|{alternation('regulation')})\b)(?P<title>.+)$",
    re.IGNORECASE,
)
# English words (`Act`, `Regulation`) start a law's title only before a number (`Law No. 8`, `Act of 2003`,
# `Regulation (EU) 2016/679`); the others (`Lei`, `Ley`, `Portaria`) start one by themselves.
_NUMBERED_ONLY = {"law", "act", "statute", "public law", "pub l", "regulation", "directive", "rule", "orden"}
_NUMBER_MARK = r"\s*(?:\((?:EU|EC|EEC)\)\s*)?(?:(?:no\.?|nº|n\.?º|n°|nr\.?|núm\.?)\s*\d|of\s+\d{4}|\d)"


def _title_start(key: str) -> re.Pattern[str]:
    """A title that starts like a law (`legislation`) or a regulation (`regulation`)."""
    found = words()[key]
    ordered = sorted(found, key=len, reverse=True)
    free = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered if w not in _NUMBERED_ONLY)
    numbered = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in found if w in _NUMBERED_ONLY)
    also = r"|\b(?:act|law) of \d{4}\b" if key == "legislation" else ""
    return re.compile(rf"^(?:(?:{free})\b|(?:{numbered})\.?{_NUMBER_MARK}){also}", re.IGNORECASE)


_LAW_TITLE = _title_start("legislation")
_REGULATION_TITLE = _title_start("regulation")
_SOFTWARE = re.compile(rf"(?<!\w)(?:{alternation('software')})(?!\w)", re.IGNORECASE)
_DATASET = re.compile(rf"(?<!\w)(?:{alternation('dataset')})(?!\w)", re.IGNORECASE)
_DATASET_HOSTS = tuple(words()["dataset_hosts"])
_CONFERENCE = re.compile(  # meeting words, an acronym and year (`MICCAI 2025`) or an ordinal and acronym (`4º SINAPE`)
    rf"(?<!\w)(?i:{alternation('conference')})(?!\w)|\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s+(?:19|20)\d\d\b"
    r"|\b\d+\s*(?:º|ª|st|nd|rd|th|e|\.)\s+[A-Z]{3,}\b"
)
_MEETING_WORDS = re.compile(rf"(?<!\w)(?:{alternation('conference')})(?!\w)", re.IGNORECASE)
_THESIS = lowered("thesis")
_SOFTWARE_WORDS = lowered("software")
_DATASET_WORDS = lowered("dataset")
_WEBSITE_WORDS = lowered("website")
_PRESENTATION_WORDS = lowered("presentation")
# the descriptors kept as the genre
_GENRES = {"abstract", "editorial", "preprint", *_THESIS, *_PRESENTATION_WORDS, *words()["letter_descriptors"],
           *words()["abstract_labels"]}
_PLACES = frozenset(words()["places"])
_STATE = re.compile(r"^[^\W\d_][\w .'-]*\((?:[A-Z]{2,3}|[A-Z][a-z]{1,3}\.?)\)$")
NEWSPAPER_NAME = re.compile(rf"(?<!\w)(?:{alternation('newspapers')})(?!\w)")
_NOT_IN_JOURNALS = re.compile(r"[\[\]]|[?!]\s")  # a bracket or a question ends a title, not a journal
_UNIT_ACRONYM = re.compile(r"[A-Z]{3,12}")
_SITE_NAME = re.compile(r"(?:[A-Za-z][\w-]*\.)+(?:gov|org|com|net|edu|int|info|io|[a-z]{2})")  # `Data.CDC.gov`
_ABBREVIATIONS_IN_PUBLISHERS = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Pty|S\.A|Ltda|Cia)\.\s")


# -- sentences ---------------------------------------------------------------------------------


def _boundaries(text: str) -> list[int]:
    """Where the sentences of `text` start after the first: after `. `, `? ` or `! `, not after `No.`."""
    cuts = []
    for found in _BOUNDARY.finditer(text):
        start = found.start()
        if _NO_BREAK.search(text, max(0, start - 30), start):
            continue
        if _ORDINAL.search(text, max(0, start - 5), start) and _EDITION_WORD.match(text, found.end()):
            continue
        cuts.append(found.end())
    return cuts


def _sentences(text: str) -> list[str]:
    cuts = [0, *_boundaries(text), len(text)]
    sentences = (text[a:b].strip().rstrip(".").strip() for a, b in zip(cuts, cuts[1:], strict=False))
    return [sentence for sentence in sentences if sentence]


# -- authors -----------------------------------------------------------------------------------


def _person_list(text: str) -> tuple[tuple[Name, ...], bool, str] | None:
    """The persons of an author list (names, et al., role), or None when `text` is not one."""
    text = text.strip().rstrip(".:").strip()
    role = "author"
    editors = _EDITORS_SUFFIX.search(text)
    if editors and editors.start() > 0:
        role, text = "editor", text[: editors.start()].rstrip(" ,")
    others = _AND_OTHERS.search(text)
    if others is not None:
        text = text[: others.start()]
    if not text or ". " in text or "+" in text:  # `Asthma + Lung UK`: no person's name holds a `+`
        return None
    read = read_author_line(text)
    if read is None or not read[0] or read[0][0].is_group:
        return None
    return read[0], read[1] or others is not None, role


def _dotted_names(text: str) -> tuple[Name, ...]:
    names: list[Name] = []
    for part in re.split(r",\s+(?![JS]r\.?(?:,|$)|I{2,3}\b|IV\b)", text):
        suffix = _DOTTED_SUFFIX.search(part)
        if suffix:
            part = part[: suffix.start()]
        family, _, given = part.rpartition(" ")
        names.append(Name(family=family, given=given, suffix=suffix[1] if suffix else None))
    return tuple(names)


def _take_persons(text: str) -> tuple[tuple[Name, ...], bool, str, str] | None:
    """(names, et al., role, the rest) when `text` starts with a list of persons."""
    dotted = _DOTTED_AUTHORS.match(text)
    if dotted is not None and _DOTTED_STYLE.search(dotted["names"]):
        role = "editor" if dotted["editors"] else "author"
        return _dotted_names(dotted["names"]), bool(dotted["etal"]), role, text[dotted.end() :]
    ends = (found.end() for pattern in (_OTHER_CUT, _UNSTOPPED_LAST) for found in pattern.finditer(text))
    cuts = sorted({*_boundaries(text), *ends})
    for cut in cuts:
        if text[cut - 1] == ":" and "," not in text[:cut]:
            continue  # `Hemodynamics III: …`: a colon ends a list of authors, not a title's first words
        persons = _person_list(text[:cut])
        if persons is not None:
            return (*persons, text[cut:].lstrip(" ."))
    return None


def starts_with_authors(text: str) -> bool:
    """True when `text` begins with a list of persons followed by more text (`Jones K. Notes on …`)."""
    found = _take_persons(text.strip())
    return found is not None and bool(found[3])


def _org_like(sentence: str) -> bool:
    return sentence in COUNTRIES or bool(ORGANISATION.search(sentence)) or bool(re.search(r"\([A-Z]{2,}\)$", sentence))


def _register_details(text: str) -> tuple[str, dict[str, Any]]:
    """`text` without a guideline's closing details, and the fields they give (see `_REGISTER_NUMBER`)."""
    details: dict[str, Any] = {}
    if "egist" not in text and not _NO_DATE_MARK.search(text) and not _AS_OF.search(text):
        return text, details
    text = _NO_DATE_MARK.sub("", text)
    found = _AS_OF.search(text)
    if found is not None and (date := parse_date(found["date"])) is not None:
        details["issued"], text = date, text[: found.start()]
    found = _REGISTER_NUMBER.search(text)
    if found is not None:
        details.update(number=found["number"], _source="report", _register=found["rest"])
        text = text[: found.start()]
    return text, details


def _owner_after_title(text: str) -> tuple[str, str] | None:
    """(title, owner) of AMA's web page printed with its owner after its title (`Long COVID or post-COVID
    conditions. Centers for Disease Control and Prevention.`): two sentences, only the second an organisation's."""
    sentences = _sentences(text)
    if len(sentences) == 2 and _org_like(sentences[1]) and not _org_like(sentences[0]):
        return sentences[0], sentences[1]
    return None


def _group_and_title(text: str) -> bool:
    """Whether `text` reads as a group and a title: what stays of an entry when a genre sentence is taken
    off must still hold its title (`Ministério da Saúde (BR). Secretaria …. Guia prático …` has none)."""
    authors, title, _ = _split_group(text)
    return bool(authors and title) and not ORGANISATION.search(title)


def _group_before_colon(text: str) -> bool:
    """Whether `text`, before a colon, is an organisation's name rather than a title's first part: an
    organisation's word, no long lowercase word (`Classification of digital interventions: …`), and nothing
    but a word after its acronym (`Ministério … (MCTI) IA para o Bem de Todos: …` is a name and a title)."""
    if not ORGANISATION.search(text) or _LONG_LOWERCASE_WORD.search(text):
        return False
    acronyms = list(_ACRONYM.finditer(text))
    return not acronyms or len(text[acronyms[-1].end() :].split()) < 2


def _split_group(pre: str) -> tuple[tuple[Name, ...], str, bool]:
    """Authors and title of what precedes the source when it starts with no person: an organisation
    (`Brasil. Ministério da Saúde.`), a title first and persons after (as pages print them), or a title alone."""
    found = _ORG_ACRONYM.match(pre.strip())
    if found is not None and ORGANISATION.search(found["org"]):  # PMC: `Statistisches Bundesamt (DESTATIS) Title. …`
        return (Name(literal=found["org"]),), found["title"].rstrip("."), False
    sentences = _sentences(pre)
    if len(sentences) >= 2:
        persons = _person_list(sentences[-1])
        if persons is not None and persons[2] == "author":
            return persons[0], ". ".join(sentences[:-1]), persons[1]
        first = sentences[0]
        group, comma, rest = first.partition(", ")
        persons = _person_list(rest) if comma and _org_like(group) else None
        if persons is not None and persons[2] == "author":  # `ACCORD Study Group, Gerstein HC, …, et al.`
            return (Name(literal=group), *persons[0]), ". ".join(sentences[1:]), persons[1]
        law = _LAW_TITLE.match(first) or _REGULATION_TITLE.match(first)  # `Ley 27.491. Title.`: no group
        if (_org_like(first) or len(first.split()) <= 6) and not law:
            taken = 1
            # an acronym alone continues the hierarchy: `Brasil. Ministério da Saúde. DATASUS. Title`
            while taken < len(sentences) - 1 and (
                _org_like(sentences[taken]) or _UNIT_ACRONYM.fullmatch(sentences[taken])
            ):
                taken += 1
            group = ". ".join(sentences[:taken])
            joint = group.split("; ")  # `British Thoracic Society; Scottish Intercollegiate Guidelines Network.`
            if len(joint) > 1 and all(_org_like(part) for part in joint):
                return tuple(Name(literal=part) for part in joint), ". ".join(sentences[taken:]), False
            return (Name(literal=group),), ". ".join(sentences[taken:]), False
    text = pre.strip().rstrip(".")
    for pattern in (_COUNTRY_LAW, _ORG_ACRONYM):
        found = pattern.match(text)
        if found is not None:
            org = found.groupdict().get("org") or found["country"]
            if pattern is _COUNTRY_LAW or ORGANISATION.search(org):
                return (Name(literal=org),), found["title"], False
    return (), text, False


def parse_source_line(text: str) -> dict[str, Any] | None:
    """The source of a page entry that is not a journal line (`Florence: UNICEF; 2023.`,
    `c2023 [acesso em 6 out. 2023]. Disponível em: …`, `[cited 2023 Nov 3]. Available from: …`) as
    fields, with its tails under `_tails` for `finish`; None for any other line."""
    rest, tails = take_tails(text)
    source = parse_source(rest) if rest else None
    if source is None and tails.medium and (genre := _GENRE_FIRST.match(rest)) is not None:
        # `Drug Safety Communication [Internet]. Silver Spring (MD): FDA; 2019 Feb 21 …`: the genre, then the source
        source = parse_source(rest[genre.end() :])
        if source is not None:
            source["genre"] = genre["genre"]
    if source is None and (rest or not (tails.URL or tails.accessed)):
        return None
    return {**(source or {}), "_tails": tails}


def read_authors_line(line: str) -> tuple[tuple[Name, ...], bool, str] | None:
    """(names, et al., role) of a page's authors line that the journal-article reading leaves: editors
    (`Engel AG, editor.`), organisations (`World Health Organization.`, `Brasil. Ministério da Saúde.`) or
    none (`[No authors listed]`); None for any other line."""
    text = line.strip()
    if _NO_AUTHORS.fullmatch(text):
        return (), False, "author"
    persons = _person_list(text)
    if persons is not None:
        return persons
    text = text.rstrip(".").strip()
    if not text or len(text) > 200 or re.search(r"\d{4}|https?://|[;:]\s", text):
        return None
    sentences = _sentences(text)
    if all(_org_like(s) for s in sentences) or (len(sentences) == 1 and len(text.split()) <= 4 and text[0].isupper()):
        return (Name(literal=". ".join(sentences)),), False, "author"
    return None


# -- the source --------------------------------------------------------------------------------


def _journal_name_ok(name: str) -> bool:
    """A journal name, not a title running into one: no `. ` inside, unless dotted abbreviations
    (`Int. J. Environ. Res. Public Health`) or an acronym before the name (`MMWR. Morbidity …`)."""
    if len(name) > 120 or name.endswith(":") or name[:1].islower() or _NOT_IN_JOURNALS.search(name):
        return False
    if ". " not in name:
        return True
    pieces = name.split(". ")
    if len(pieces) == 2 and re.fullmatch(r"[A-Z]{2,}", pieces[0]):
        return True
    # abbreviations are short words: `Ein Sachstandsbericht. DAZ` is a subtitle and a journal
    return all(p[:1].isupper() and len(p.split()) <= 2 and max(map(len, p.split())) <= 8 for p in pieces[:-1])


def _journal(text: str) -> dict[str, Any] | None:
    fields = journal_line_fields(text, loose=True)
    if fields is None or not _journal_name_ok(str(fields["container_title_short"])):
        return None
    name = str(fields["container_title_short"])
    if ": " in name and (_IN.match(name) or not (fields.get("volume") or fields.get("page"))):
        return None  # `New York: Chapman and Hall/CRC. 2006`: a publisher and its year; `In: Book …`: a chapter
    note = str(fields.get("note") or "")
    if _IN.match(note) or _PRESENTED.match(note):
        return None  # `Title. 1998 Oct 23. In: …`: a chapter's date, not a journal
    return {**fields, "_source": "journal"}


def _date(text: str) -> Date | None:
    """A source's date: `2002`, `c2023`, `2004 Apr`, `1993-2026` and `2024 Jan-` (where it starts)."""
    return parse_date(re.sub(r"^(c?\d{4})\s*-\s*\d{2,4}", r"\1", text).rstrip("-"))


def _tail_fields(tail: str, values: dict[str, Any]) -> None:
    """Pages, page count, series, report number or version after a book's publication; the rest is noted."""
    notes = []
    for sentence in (part.strip().rstrip(".") for part in _TAIL_BREAK.split(tail)):
        if not sentence:
            continue
        if (found := _PAGES.match(sentence)) is not None:
            values["page"] = found["pages"]
        elif (found := _PAGE_COUNT.match(sentence)) is not None:
            values.setdefault("extra", {})["number-of-pages"] = found["n"] or found["n2"]
        elif (found := _REPORT_NUMBER.match(sentence)) is not None:
            values["number"] = found["n"]
        elif (found := _VERSION.match(sentence)) is not None:
            values.setdefault("extra", {})["version"] = found["v"]
        elif sentence.startswith("(") and (found := SERIES_SENTENCE.fullmatch(sentence.strip("()"))) is not None:
            values.update(collection_title=found["series"], number=found["number"])  # `(NICE guideline [NG80])`
        elif sentence.startswith("(") and not _UPDATE_NOTE.match(sentence) and (found := _SERIES.match(sentence)):
            values["collection_title"] = found["title"].strip()
            if found["number"]:
                own = found["own"] or SERIES_CODE.fullmatch(found["number"])
                values["number" if own else "collection_number"] = found["number"]
        else:
            notes.append(sentence + ".")
    if notes:
        values["_note"] = " ".join(notes)


def _pubinfo(text: str, after_semicolon: bool = False) -> dict[str, Any] | None:
    """`Place: Publisher; 2002. p. 1-10.` and its other orders: publisher, place, date, pages."""
    for pattern in (_MDPI_PUBINFO,) if after_semicolon else _PUBINFO_FORMS:
        found = pattern.match(text)
        if found is None:
            continue
        after = _AFTER_DATE.match(text, found.end())
        if after is None:
            continue
        publisher, place = found["publisher"].strip(), found.groupdict().get("place")
        if ". " in publisher and not _ABBREVIATIONS_IN_PUBLISHERS.search(publisher + " "):
            if not (place and all(p[:1].isupper() and _org_like(p) for p in publisher.split(". "))):
                continue  # a title running into `Publisher; 2019`, not a hierarchy (`School. University`)
        date = _date(found["date"])
        if date is None:
            continue
        head, comma, month = publisher.rpartition(", ")
        number = MONTHS.get(month.rstrip(".").lower()) if comma and date.month is None else None
        if number:  # The Lancet's `London: ASH, August, 2023.`
            publisher, date = head, Date(date.year, number)
        values: dict[str, Any] = {"issued": date, "_source": "book"}
        if place is None and _is_place(publisher):
            place, publisher = publisher, None  # `Brasília (DF); 2017`, `Geneva; 2002`
        if publisher:
            values["publisher"] = publisher
        if place:
            values["publisher_place"] = place.strip()
        if after["pages"]:
            values["page"] = after["pages"]
        rest = text[after.end() :].strip()
        if rest:
            _tail_fields(rest, values)
        return values
    return None


def _is_place(name: str) -> bool:
    """A place of publication standing alone: a known city, or a short name with a state (`Seattle (WA)`,
    not `Food and Drug Administration (US)`)."""
    if name in _PLACES:
        return True
    return bool(_STATE.search(name)) and len(name.split()) <= 4 and not ORGANISATION.search(name)


def _edition_qualifier(sentence: str) -> bool:
    """`atual`, `rev`, `e amp`: a sentence of words that only qualify the edition before it."""
    return all(word.rstrip(".,").lower() in _EDITION_QUALIFIER_WORDS for word in sentence.split())


def _book_part(text: str, values: dict[str, Any]) -> str:
    """Edition, version, series and meeting in the sentences before a book's publication; the book title."""
    titles = []
    for sentence in _sentences(text):
        if (found := _EDITION.match(sentence)) is not None:
            values["edition"] = found["edition"]
        elif "edition" in values and _edition_qualifier(sentence):
            continue
        elif (found := _VERSION.match(sentence)) is not None:
            values.setdefault("extra", {})["version"] = found["v"]
        elif titles and re.search(r"\b(?:series|lecture notes|colección|coleção|collection)\b", sentence, re.I):
            values["collection_title"] = sentence
        elif (meeting := _meeting(sentence)) is not None:
            values.update(meeting)
            titles.append(meeting["event_title"])
        else:
            titles.append(sentence)
    return ". ".join(titles)


def _day_first_date(text: str) -> Date | None:
    """A meeting's days in the European order, `5-9 juin 2015`, `18-20 sep 2014`: its year (no date ranges)."""
    found = _DAY_FIRST_DATES.match(text)
    return Date(int(found["year"])) if found is not None and found["month"].lower().rstrip(".") in MONTHS else None


def _meeting(text: str) -> dict[str, Any] | None:
    """`EuroGP 2002: Proceedings …; 2002 Apr 3-5; Kinsdale, Ireland` (or `… Annual Meeting 2019 Mar 29-Apr 3;
    Atlanta, GA`, the dates run into the name) as event title, date and place."""
    parts = [part.strip() for part in text.split(";")]
    if len(parts) < 2:
        return None
    date = _date(parts[1]) or _day_first_date(parts[1])
    if date is not None:
        name, place = parts[0], parts[2:]
    else:
        glued = _GLUED_MEETING_DATE.match(parts[0])
        if glued is None:
            return None
        date = parse_date(f"{glued['year']} {glued['month']} {glued['day']}")
        name, place = glued["name"], parts[1:]
    if date is None:
        return None
    values: dict[str, Any] = {"event_title": name, "extra": {"event-date": date.to_csl()}}
    if any(place):
        values["event_place"] = "; ".join(part for part in place if part)
    return values


def _meeting_in_journal(book: str) -> dict[str, Any] | None:
    """`Proceedings of the AACR Annual Meeting 2019 Mar 29-Apr 3; Atlanta, GA. Cancer Res. 2019;79:4159A.`
    after `In:`: a meeting abstract published in a journal."""
    for start in _boundaries(book):
        journal = _journal(book[start:])
        meeting = _meeting(book[:start].strip().rstrip(".")) if journal is not None else None
        if meeting is not None:
            meeting["event_title"] = _PROCEEDINGS_OF.sub("", meeting["event_title"])
            return {**journal, **meeting, "_source": "meeting-journal"}
    return None


def _chapter(book: str) -> dict[str, Any]:
    """`Editors, editors. Book. 2nd ed. Place: Publisher; 2002. p. 257-91.` after `In:`."""
    values: dict[str, Any] = {"_source": "chapter"}
    persons = _take_persons(book)
    if persons is not None:
        names, _, role, book = persons
        values["editor" if role == "editor" else "container_author"] = names
    # PMC runs the book's title into its place: `In: Klimawandel in Deutschland Berlin, Heidelberg: Springer. 2017.`
    starts = sorted({*_boundaries(book), *(found.start() for found in _KNOWN_PLACE.finditer(book))})
    for start in starts:
        found = _pubinfo(book[start:])
        if found is not None:
            found.pop("_source")
            values.update({k: v for k, v in found.items() if k != "extra"})
            values.setdefault("extra", {}).update(found.get("extra", {}))
            book = book[:start]
            break
    else:
        pages = re.search(r"\.\s+(?:p|pp)\.?\s*([A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?)\.?$", book)
        if pages:
            values["page"], book = pages[1], book[: pages.start()]
    values["container_title"] = _book_part(book, values)
    return values


def _presented(event: str) -> dict[str, Any]:
    values: dict[str, Any] = {"_source": "presented"}
    meeting = _meeting(event.rstrip("."))
    if meeting is not None:
        values.update(meeting)
        values["issued"] = Date.from_csl(meeting["extra"]["event-date"])
    else:
        values["event_title"] = event.rstrip(".")
    return values


def parse_source(text: str, after_semicolon: bool = False) -> dict[str, Any] | None:
    """The fields of an entry's source (everything after the title, tails taken out), or None."""
    text = text.strip()
    if not text:
        return None
    if after_semicolon:
        return _pubinfo(text, after_semicolon=True)
    found = _PREPRINT.match(text)
    if found is not None:
        date = _date(found["date"])
        if date is not None:
            values: dict[str, Any] = {"container_title": found["server"], "issued": date, "_source": "preprint"}
            if found["rest"]:
                values["_note"] = found["rest"]
            return values
    found = _NEWSPAPER.match(text)
    if found is not None and (date := _date(found["date"])) is not None:
        values = {"container_title": found["paper"], "issued": date, "page": found["page"], "_source": "newspaper"}
        values["extra"] = {"section": found["section"]}
        if found["column"] or found["rest"]:
            values["_note"] = " ".join(
                p for p in (f"Col. {found['column']}." if found["column"] else "", found["rest"]) if p
            )
        return values
    found = _NUMBER_AND_DATE.match(text)
    if found is not None and (date := parse_date(found["date"])) is not None:
        return {"number": found["number"], "issued": date, "_source": "gazette"}
    found = _DATED_PAPER.match(text)
    if found is not None and NEWSPAPER_NAME.search(found["paper"]) and (date := parse_date(found["date"])):
        return {"container_title": found["paper"], "issued": date, "_source": "newspaper"}  # `Times. 29 ago 2012.`
    journal = _journal(text)
    if journal is not None:
        return journal
    found = _IN.match(text)
    if found is not None:
        values = _meeting_in_journal(found["book"].strip()) or _chapter(found["book"].strip())
        if found["date"]:
            values["issued"] = _date(found["date"])  # a GeneReviews chapter's own date, not its book's
        return values
    found = _PRESENTED.match(text)
    if found is not None:
        values = _presented(found["event"])
        if found["date"]:
            values["issued"] = _date(found["date"])
        return values
    found = _GAZETTE.match(text)
    if found is not None and (date := parse_date(found["date"])) is not None:
        values = {"container_title": found["gazette"].strip(), "issued": date, "_source": "gazette"}
        if found["issue"]:
            values["issue"] = found["issue"]
        if found["section"]:
            values["extra"] = {"section": found["section"]}
        if found["page"]:
            values["page"] = found["page"]
        return values
    found = _DATED_GAZETTE.match(text)
    if found is not None and (date := parse_date(found["date"])) is not None:
        values = {"container_title": found["gazette"].strip(), "issued": date, "_source": "gazette"}
        if found["issue"]:
            values["issue"] = found["issue"]
        return values
    found = _DATE_ONLY.match(text)
    if found is not None and (date := _date(found["date"])) is not None:
        return {"issued": date, "_source": "date", "_note": found["rest"]}
    details, rest = _leading_details(text)
    published = _pubinfo(rest) if rest else None
    if published is None:
        found = _UNDATED_PUBINFO.match(text)
        if found is not None and (found["place"].split(",")[0] in _PLACES or _is_place(found["place"])):
            return {"publisher": found["publisher"], "publisher_place": found["place"], "_source": "book"}
        found = _LAST_DATE.match(text)
        if found is not None and not _boundaries(text) and (date := _date(found["date"])) is not None:
            return {"issued": date, "_source": "date", "_note": found["rest"]}  # `Slide 5: Consensus definition; 2019`
        return None
    extra = {**details.pop("extra", {}), **published.pop("extra", {})}
    published.update(details)
    if extra:
        published["extra"] = extra
    return published


def _leading_details(text: str) -> tuple[dict[str, Any], str]:
    """Edition and version sentences before a book's publication (`2nd ed. Philadelphia: …`), and the rest."""
    details: dict[str, Any] = {}
    starts = [0, *_boundaries(text)]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        sentence = text[start:end].strip().rstrip(".")
        if (found := _EDITION.match(sentence)) is not None:
            details["edition"] = found["edition"]
        elif "edition" in details and _edition_qualifier(sentence):
            continue
        elif (found := _VERSION.match(sentence)) is not None:
            details.setdefault("extra", {})["version"] = found["v"]
        else:
            return details, text[start:]
    return details, ""


def _find_source(text: str) -> tuple[str, dict[str, Any] | None]:
    """Split `Title. Source.` at the first sentence after the title where a source begins (MDPI's
    `Title; Publisher: Place, 2024.` too); a source with no title before it comes last."""
    for start in _boundaries(text):
        found = parse_source(text[start:])
        if found is not None:
            return text[:start].strip(), found
    for semicolon in _SEMICOLON.finditer(text):
        found = parse_source(text[semicolon.end() :], after_semicolon=True)
        if found is not None:
            return text[: semicolon.start()].strip(), found
    found = parse_source(text)
    return ("", found) if found is not None else (text, None)


# -- titles ------------------------------------------------------------------------------------

_GENRE_LABELS = frozenset(words()["genre_labels"])
_LONGEST_GENRE_LABEL = max(map(len, _GENRE_LABELS))
_GENRE_TITLES = frozenset(words()["genre_titles"])
_SITE_FIRST = re.compile(rf"^(?P<site>[^.\[\]]{{2,120}}?)\s*\[(?P<mark>(?i:{alternation('website')}))\]\.\s+(?=\S)")
_EDITION_AFTER_TITLE = re.compile(
    rf",\s*(?P<edition>\d+(?:\s*(?:st|nd|rd|th|ª|a|e|º))?)\.?\s*(?i:{alternation('edition')})\.?$"
)
_ABSTRACT_NUMBER = re.compile(rf"(?<=[.?!])\s+(?P<genre>(?i:{alternation('abstract_labels')}))\s+(?P<number>\w[\w-]*)$")
_MDPI_CHAPTER = re.compile(
    r"^(?P<title>[^;]+?);\s*(?:pp?|pages)\.?\s*(?P<pages>[^\s.]+)\.?(?:\s+(?P<series>[^.]+?)\.?)?$"
)
_TRANSLATION = re.compile(r"^(?P<title>.*?)\s*\[(?P<translation>[^\[\]]{3,})\]\.?$")
_RETRACTION_NOTE = re.compile(
    r"\s*\((?P<note>(?:Retraction|Retracted|Correction|Erratum) published[^()]*(?:\[[^\]]*\][^()]*)*)\)"
)


def _genre(title: str, values: dict[str, Any]) -> str:
    """The title without a genre label before it (`Letter to the Editor: …`) or after it (`… Draft guidance
    for industry`), the label going to `genre`."""
    colon = title.find(": ")
    if 0 < colon <= _LONGEST_GENRE_LABEL and title[:colon].lower() in _GENRE_LABELS:
        values["genre"] = title[:colon]
        return title[colon + 2 :].lstrip()
    before, stop, last = title.rpartition(". ")
    if stop and last.rstrip(".").lower() in _GENRE_TITLES:
        values["genre"] = last.rstrip(".")
        return before
    return title


def _descriptor_genre(descriptors: list[str]) -> str | None:
    """The first descriptor that is a genre (`[letter]`, `[résumé]`, `[dissertation]`), as printed."""
    return next((d for d in descriptors if " ".join(d.lower().split()) in _GENRES), None)


def title_fields(title: str) -> tuple[str, dict[str, Any]]:
    """A title as a page's title line prints it, without a bracketed translation, medium or genre label,
    and the fields those give (`genre`, `note`, `extra`, `language`, and `_descriptors` such as
    `[Internet]`); cheap for the usual title, which has none."""
    fields: dict[str, Any] = {}
    if "[" in title:
        title, tails = take_title_marks(title)
        title, notes = split_title(title)
        if tails.medium:
            fields["extra"] = {"medium": tails.medium}
        if tails.language:
            fields["language"] = tails.language
        genre = _descriptor_genre(tails.descriptors)
        if genre:
            fields["genre"] = genre
        if tails.descriptors:
            fields["_descriptors"] = tails.descriptors
        if notes:
            fields["note"] = " ".join(notes)
    return _genre(title, fields), fields


def split_title(title: str) -> tuple[str, list[str]]:
    """A title without its bracketed translation or APA's `(Retraction published …)`, and those as notes."""
    notes = []
    found = _RETRACTION_NOTE.search(title)
    if found is not None:
        notes.append(found["note"].strip() + ".")
        title = (title[: found.start()] + title[found.end() :]).strip()
    found = _TRANSLATION.match(title.strip().rstrip("."))
    if found is not None and found["translation"].strip() not in COUNTRIES:  # `Survey, 2001–2003 [United States]`
        if found["title"]:
            notes.append(f"[{found['translation'].strip()}]")
            title = found["title"]
        else:
            title = found["translation"]  # PubMed prints only the English title, in brackets
    return title.strip().rstrip(".").strip(), notes


# -- the kind of work --------------------------------------------------------------------------


def classify(values: dict[str, Any], descriptors: list[str], persons: bool) -> str:
    """The CSL type of an entry from what was found in it."""
    source = values.get("_source")
    title = values.get("title") or ""
    descriptor_words = {" ".join(d.lower().split()) for d in descriptors}
    url = (values.get("URL") or "").lower()
    online = "medium" in values.get("extra", {})  # `[Internet]`
    if source == "meeting-journal":
        return "paper-conference"  # a meeting abstract published in a journal
    if source in ("report", "webpage"):
        return source  # told by the form of an APA entry (`apa._kind_of_other`)
    if source == "edition":
        return "book"  # likewise: an organisation's work with an edition and no publisher
    if values.get("number") and _TRIAL_NUMBER.fullmatch(str(values["number"])):
        return "webpage"  # a trial registry record
    if values.get("genre") and values["genre"].lower() in _WEB_GENRES:
        return "webpage"  # `News release.`, `Drug Safety Communication [Internet].`
    if descriptor_words & _PRESENTATION_WORDS:
        return "speech"  # `[presentation]`: a slide deck
    if descriptor_words & _WEBSITE_WORDS:
        return "webpage"  # `[website]`, `In: <site> [website]`
    if source == "journal":
        container = str(values.get("container_title_short") or values.get("container_title") or "")
        if container.lower() in _SERVER_NAMES or "preprint" in descriptor_words:
            return "article"
        if not values.get("volume") and not values.get("page") and NEWSPAPER_NAME.search(container):
            return "article-newspaper"  # `New York Times [Internet]. 2012 Aug 29.`
        return "article-journal"
    if source == "preprint" or "preprint" in descriptor_words:
        return "article"
    if source == "newspaper":
        return "article-newspaper"
    if source in ("chapter", "presented"):
        where = " ".join(str(values.get(k) or "") for k in ("container_title", "event_title", "collection_title"))
        return "paper-conference" if source == "presented" or _CONFERENCE.search(where) else "chapter"
    versioned = "version" in values.get("extra", {}) and not descriptor_words & _DATASET_WORDS
    if descriptor_words & _SOFTWARE_WORDS or _SOFTWARE.search(title) or versioned:
        return "software"
    if descriptor_words & _THESIS:
        return "thesis"
    if descriptor_words & _DATASET_WORDS or _DATASET.search(title) or any(host in url for host in _DATASET_HOSTS):
        return "dataset"
    if _REGULATION_TITLE.search(title):
        return "regulation"
    if source == "gazette" or _LAW_TITLE.search(title):
        return "legislation"
    if values.get("publisher") or values.get("publisher_place"):
        if url and not persons and (values.get("issued") is None or (not values.get("author") and online)):
            return "webpage"  # a homepage: `Title [Internet]. Place: Publisher; c2000 [cited …]. Available from: …`
        if url and online and not persons and values["issued"].day and not values.get("number"):
            return "webpage"  # a fact sheet, a safety update: an agency's `[Internet]` page dated to the day
        if not persons and not values.get("author") and url:
            return "report"  # WHO's title-first publications: `Title. Geneva: World Health Organization; 2020 (URL).`
        return "book" if persons or values.get("editor") or not values.get("author") else "report"
    if url or values.get("accessed"):  # `Accessed 8-25-23.` with no address: still read on the web
        # a PDF, a released bulletin and a numbered guideline (`NICE guideline NG188.`) are reports
        numbered = values.get("collection_title") and values.get("number")
        return "report" if re.search(r"\.pdf(?:$|[?#/])", url) or values.get("_released") or numbered else "webpage"
    return "document"


# -- one entry ---------------------------------------------------------------------------------


def parse_citation(text: str) -> dict[str, Any] | None:
    """The `Reference` fields of one NLM / Vancouver / AMA / BMJ entry (list number taken off), or None
    when it holds no title at all."""
    site = _SITE_FIRST.match(text)  # `HL7 FHIR Release 5 [website]. Data types. …`: the site, then the page
    if site is not None:
        text = text[site.end() :]
    text, tails = take_tails(text)
    if site is not None:
        tails.descriptors.append(site["mark"])
    law = _US_LAW.match(text)
    if law is not None and (date := parse_date(law["date"])) is not None:
        values = {"title": law["title"], "number": law["number"], "container_title": law["code"],
                  "volume": law["volume"], "page": law["page"], "issued": date, "_source": "gazette"}  # fmt: skip
        return finish(values, tails, [], persons=False)
    text, details = _register_details(text)
    if (
        (tails.URL or tails.accessed)
        and (found := _DATE_AFTER_TAILS.match(text.strip())) is not None
        and (date := parse_date(found["date"])) is not None
    ):
        text, details["issued"] = found["text"], date
        head, _, last = text.rstrip(".").rpartition(". ")
        if ". " in head and len(last) < 80 and _org_like(last):  # AMA: `Authors. Title. Publisher. 2024. Accessed …`
            text, details["publisher"] = head + ".", last
    elif tails.accessed and (found := _PUBLISHED.search(text)) is not None and (date := parse_date(found["date"])):
        text, details["issued"] = text[: found.start()] + text[found.end() :], date
        details["_released"] = " ".join(found["word"].lower().split()) in _RELEASED
    law = _PAGED_GAZETTE_LAW.match(text)
    if law is not None:
        values = {"title": law["title"], "container_title": law["gazette"], "page": law["page"], "_source": "gazette"}
        if law["year"]:
            values["issued"] = Date(int(law["year"]))
        return finish(values, tails, [], persons=False)
    law = _UK_LAW.match(text)
    if law is not None:
        values = {"title": law["title"], "number": law["number"], "_source": "gazette"}
        if law["year"]:
            values["issued"] = Date(int(law["year"]))
        if law["publisher"]:
            values.update(publisher=law["publisher"], publisher_place=law["place"])
        values = finish(values, tails, [], persons=False)
        values["type"] = "regulation" if law["si"] else "legislation"  # a statutory instrument, or an Act
        return values
    values: dict[str, Any] = dict(details)
    # a sentence kept as a note: `Entwicklungsstufe 2k` after a register number, `Número Especial.`
    sentence_note = values.pop("_register", None)
    anonymous = _NO_AUTHORS.match(text)
    if anonymous is not None:
        text = text[anonymous.end() :]
    persons = None if anonymous else _take_persons(text)
    if persons is not None:
        names, et_al, role, text = persons
        values["editor" if role == "editor" else "author"] = names
        values["et_al"] = et_al
    garbled = _PUBLISHER_FIRST_CHAPTER.match(text) if persons is not None else None
    if garbled is not None:
        values.update(publisher_place=garbled["place"], publisher=garbled["publisher"], container_title=garbled["book"],
                      issued=Date(int(garbled["year"])), page=garbled["pages"], _source="chapter")  # fmt: skip
        text = garbled["title"]
    pre, source = _find_source(text)
    owned = False
    other_source = source is not None and source.get("_source") != "journal"
    online = source is None and bool(tails.URL or tails.accessed)
    if other_source and (number := _PUBLICATION_NUMBER.search(pre)) is not None:  # `HHS Publication No. PEP22-…`
        values["number"], pre = number["n"], pre[: number.start()]
    if other_source or online:
        head, _, last = pre.strip().rstrip(".").rpartition(". ")
        if other_source and head and (record := _REGISTRY_ID.fullmatch(last)) is not None:
            values["number"], pre = record["number"], head  # `ClinicalTrials.gov identifier: NCT03036124`
        elif head and (series := SERIES_SENTENCE.fullmatch(last)) is not None:  # `Title. NICE guideline NG188.`
            values.update(collection_title=series["series"], number=series["number"])
            pre = head
        elif other_source and head and GENRE_SENTENCE.match(last) and (persons is not None or _group_and_title(head)):
            if _COMMISSIONED.search(last):  # `Title. A report commissioned by Public Health England.`: still the title
                source["_source"] = "report"  # type: ignore[index]
            else:
                values["genre"], pre = last, head
        elif other_source and head and " ".join(last.lower().split()) in _ISSUE_MARKS:
            sentence_note, pre = last, head
        elif online and persons is None and not anonymous and (owner := _owner_after_title(pre)) is not None:
            (pre, values["container_title"]), owned = owner, True  # AMA: `Title. Site owner. Accessed …`
    if source is not None and source.get("_source") == "book" and persons is None:
        head, _, last = pre.strip().rstrip(".").rpartition(". ")
        editors = _person_list(last) if head and _EDITORS_SUFFIX.search(last) else None
        if editors is not None and editors[2] == "editor":  # AMA: `Agency. Title. Hall E, Wodi AP, eds. 14th ed. …`
            values["editor"], pre = editors[0], head
    grouped = persons is None and not anonymous and not owned  # an owner after the title is no author
    group = _GROUP_COLON.match(pre) if grouped else None
    if group is not None and _group_before_colon(group["org"]):
        values["editor" if group["editor"] else "author"], pre = (Name(literal=group["org"]),), group["title"]
    elif grouped:
        authors, pre, et_al = _split_group(pre)
        if authors:
            values["author"], values["et_al"] = authors, et_al
            persons = (authors, et_al, "author", "") if not authors[0].is_group else None
    title, title_notes = split_title(pre)
    title = _genre(title, values)
    sentences = _sentences(title)
    meeting = _meeting(sentences[-1]) if len(sentences) > 1 else None
    if meeting is not None:  # `Germ cell tumours V. Proceedings of the 5th … Conference; 2001 Sep 13-15; Leeds, UK.`
        title = ". ".join([*sentences[:-1], meeting["event_title"]])
        values.update(meeting)
    if not title and source is None and not values:
        if not (tails.DOI or tails.PMID or tails.PMCID or tails.URL):
            return None
        return {**tails.fields(), "type": "article-journal", "_understood": False}  # a bare identifier
    edition = _EDITION_AFTER_TITLE.search(title)
    if edition is not None:  # WHO's `Title, 2nd ed. Geneva: …`
        title, values["edition"] = title[: edition.start()], edition["edition"]
    if site is not None and title:
        values["container_title"] = site["site"]
    elif site is not None:  # `Title [website]. Geneva: …`: the site is the work
        title = site["site"]
    label = _ABSTRACT_NUMBER.search(title)
    if label is not None:  # `Title? Abstract 1501. Chicago, IL: ASCO Annual Meeting; 2011.`
        title, values["number"] = title[: label.start()].rstrip("."), label["number"]
        values["genre"] = _descriptor_genre(tails.descriptors) or label["genre"]  # `[résumé]. Poster 1472-P.`
    if source is None and (tails.URL or tails.accessed):
        head, stop, last = title.rpartition(". ")
        if stop and _SITE_NAME.fullmatch(last):  # AMA's `Title. Data.CDC.gov. Accessed …`: the site after the title
            title, values["container_title"] = head, last
    values["title"] = title or None
    notes = list(title_notes)
    if sentence_note:
        notes.append(f"{sentence_note}.")
    if source is not None:
        note = source.pop("_note", None) or source.pop("note", None)
        chapter = _MDPI_CHAPTER.match(note or "") if source.get("_source") == "book" else None
        if chapter is not None:  # `Book. Publisher; Place: 2025. Chapter title; pp. 168–177. Series.`
            values["title"], source["container_title"], source["page"] = chapter["title"], title, chapter["pages"]
            source["_source"], note = "chapter", None
            if chapter["series"]:
                source["collection_title"] = chapter["series"]
        if source.get("_source") == "book" and "publisher_place" not in source:
            if _SITE_NAME.fullmatch(source.get("publisher") or ""):  # `data.ameli.fr ; 2023`: a site, no publisher
                source["container_title"] = source.pop("publisher")
        extra = source.pop("extra", None)
        values.update(source)
        if extra:
            values.setdefault("extra", {}).update(extra)
        if note:
            notes.append(note)
    return finish(values, tails, notes, persons is not None)


def finish(values: dict[str, Any], tails: Tails, notes: list[str], persons: bool) -> dict[str, Any]:
    """`values` completed with what the tails say, the notes, the CSL type and any notice kind."""
    for name, value in tails.fields().items():
        values.setdefault(name, value)
    if tails.medium:
        values.setdefault("extra", {})["medium"] = tails.medium
    if tails.available:
        values.setdefault("extra", {})["available-date"] = tails.available.to_csl()
    genre = _descriptor_genre(tails.descriptors)
    if genre:
        values.setdefault("genre", genre)
    if tails.status:
        values.setdefault("extra", {})["status"] = tails.status
    if tails.degree_by:  # the university grants the degree; a repository where the publisher stands holds it
        if values.get("publisher"):
            values.setdefault("extra", {})["archive"] = values["publisher"]
        values["publisher"] = tails.degree_by
    if tails.arxiv:
        values.setdefault("number", tails.arxiv)
    if values.get("_source") == "book" and _MEETING_WORDS.search(str(values.get("publisher") or "")):
        # `Chicago, IL: ASCO Annual Meeting; 2011`: a meeting where a publisher would stand
        values["event_title"] = values.pop("publisher")
        if values.get("publisher_place"):
            values["event_place"] = values.pop("publisher_place")
        values["_source"] = "presented"
    values["type"] = classify(values, tails.descriptors, persons)
    if values["type"] == "paper-conference" and not values.get("event_title") and values.get("container_title"):
        values["event_title"] = values["container_title"]  # `In: 4º SINAPE. São Paulo: …`: the book is the meeting's
    if values["type"] == "article" and values.get("DOI"):
        glued = re.fullmatch(r"(10\.\d+/.+?)\.(\d{4}\.\d{4,5})", values["DOI"])  # PMC's `doi: 10.x/y.2201.05867`
        if glued and not glued[1].lower().endswith("/arxiv"):
            values["DOI"], values["number"] = glued[1], values.get("number") or glued[2]
    if values.get("page") and "page_first" not in values:
        written = str(values["page"])
        values["page"], values["page_first"] = page_range(written)
        if values["page"] != written:
            values["page_as_written"] = written
    notes += tails.notes
    if tails.links:
        notes.append(tails.links)
    note = " ".join(tidy(n) if not n.endswith(".") else n for n in notes if n and n.strip(" .")) or None
    values["note"] = note
    values["notice"] = notice_from_title(values.get("title")) or own_notice(tails.links)
    values["_understood"] = values.get("_source") is not None or bool(values.get("URL") or values.get("accessed"))
    return values
