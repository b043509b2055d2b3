"""An NCBI stand-in on 127.0.0.1 (E-utilities and the PMC ID Converter) for tests and benchmarks.

    with NcbiStandIn() as server:                 # the PubMed of tests/data/ncbi/corpus.json
        client = Ncbi(base_url=server.url, cache=False)
        ...
        server.requests                            # every request: path, params, headers, time, status

It answers by searching its corpus, in the formats recorded in ../shared/ncbi-samples/:

- `GET /entrez/eutils/ecitmatch.cgi?db=pubmed&retmode=xml&bdata=j|y|v|p|a|key|<CR>…` -> text lines
  echoing each citation with the PMID, `NOT_FOUND`, `NOT_FOUND;INVALID_JOURNAL` (author blanked)
  or `AMBIGUOUS 1,2` / `AMBIGUOUS (n citations)` as the 7th field. Like ECitMatch it matches on
  journal, volume and first page first and tolerates a wrong year or author; without volume and
  page it uses journal, year and author.
- `esearch.fcgi?db=pubmed&term=…&retmode=json` -> the esearchresult JSON (numbers as strings).
  Terms: AND / OR / NOT, parentheses, quoted phrases, tags [ti] [tiab] [au] [1au] [lastau] [ta]
  [dp] (year or range) [vi] [ip] [pg] [doi] [aid] [lid] [pt] [uid] [pmid]; untagged words search
  all fields. A word found nowhere is dropped and named in `errorlist.phrasesnotfound` (PubMed
  does so); a syntax error or `retstart` past 9998 answers HTTP 200 with `ERROR`.
- `esummary.fcgi?db=pubmed&id=…&retmode=json` -> DocSums (keys and shapes of the recorded
  sample); an unknown uid gets the per-uid `error`. `efetch.fcgi?db=pubmed&id=…` -> PubMed XML
  (DTD pubmed_250101, `PubmedArticle` / `PubmedBookArticle`, CommentsCorrections, ArticleIdList);
  unknown uids are left out, an empty `PubmedArticleSet` when none is known. Both also by POST.
- `GET /tools/idconv/api/v1/articles/?ids=…&idtype=pmid|pmcid|doi&format=json` -> the new API's
  JSON (integer `pmid`, `requested-id`, `Identifier not found in PMC` records); more than 200 ids,
  or PMCIDs with and without `PMC` in one request -> HTTP 400.

Limits (enforced unless `enforce=False`): 3 E-utility requests a second per client address, 10
with an `api_key` (one budget for all E-utilities; the ID Converter has its own), kept the way the
Crossref stand-in keeps Crossref's: a token bucket per budget holding one second's worth of
requests and refilled at the rate; beyond, HTTP 429 with NCBI's body `{"error":"API rate limit exceeded","api-key":…,
"count":…,"limit":…}`. Answers carry `X-RateLimit-Limit` / `X-RateLimit-Remaining`. A GET URL
longer than 8,000 bytes gets 414.

Faults are queued with `inject(kind, times, route=endpoint)`: `429` (optionally `retry_after`),
`limit-200` (the rate-limit body with HTTP 200), `error` (ERROR inside a 200: ESearch `ERROR`,
an `error` for every ESummary uid, an empty EFetch set, an ID Converter `status: error`),
`uid-error` (the first ESummary uid only), `omit` (ECitMatch leaves out its first line),
`truncate` (a 200 cut in half), `short-body`, `delay` (answer after `delay` s), `reset` (TCP
reset), or any status code (`503`).

Run `python3 tests/ncbi_server.py [--port N] [--no-enforce]` to use it from the command line.
"""

from __future__ import annotations

import functools
import json
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

try:
    from tests.crossref_server import CrossrefStandIn, Fault, Recorded, tokens
    from tests.crossref_server import _Handler as CrossrefHandler
except ImportError:  # run as a script from tests/
    from crossref_server import CrossrefStandIn, Fault, Recorded, tokens  # type: ignore[no-redef]
    from crossref_server import _Handler as CrossrefHandler  # type: ignore[no-redef]

CORPUS = Path(__file__).resolve().parent / "data" / "ncbi" / "corpus.json"
EUTILS = "/entrez/eutils/"
IDCONV = "/tools/idconv/api/v1/articles"
LIMIT, KEY_LIMIT = 3, 10
MAX_URL = 8000
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DOCTYPE = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
PUBTYPE_UI = {
    "Journal Article": "D016428",
    "Retracted Publication": "D016441",
    "Retraction of Publication": "D016440",
    "Published Erratum": "D016425",
    "Letter": "D016422",
    "Comment": "D016420",
    "Review": "D016454",
    "Research Support, N.I.H., Extramural": "D052061",
    "Book Chapter": "D000078182",
}


def _norm(text: str) -> str:
    return " ".join(tokens(text.replace("&", " and ")))


def _year(date: str) -> int | None:
    found = re.match(r"\s*(\d{4})", date or "")
    return int(found[1]) if found else None


def first_page(pages: str) -> str:
    return (pages or "").split("-")[0].strip().lower()


@dataclass
class Entry:
    """A corpus record with what searching needs, computed once."""

    rec: dict[str, Any]
    title_words: frozenset[str]
    families: tuple[tuple[str, str], ...]  # (folded family, initials) per person, in order
    groups: tuple[str, ...]
    years: frozenset[int]
    journal: str  # ISO abbreviation ("" for books)
    everything: frozenset[str]


class Corpus:
    """The records, their journals and the PMC-only identifiers, indexed for the stand-in's answers."""

    def __init__(self, data: dict[str, Any]):
        self.journals = data["journals"]
        self.by_name: dict[str, dict[str, Any]] = {}
        for j in self.journals:
            names = [j["title"], re.sub(r"\s*[(:].*$", "", j["title"]), j["iso"], *j.get("also", []), *j["issn"]]
            for name in names:
                self.by_name.setdefault(_norm(re.sub(r"^the\s+", "", name, flags=re.I)), j)
        self.entries = [self._entry(rec) for rec in data["records"]]
        self.by_pmid = {e.rec["pmid"]: e for e in self.entries}
        self.pmc = {**{r["pmid"]: r for r in data.get("pmc", [])}}
        for e in self.entries:
            if e.rec["ids"].get("pmc"):
                self.pmc[e.rec["pmid"]] = {
                    "pmid": e.rec["pmid"],
                    "pmcid": e.rec["ids"]["pmc"],
                    "doi": e.rec["ids"].get("doi"),
                }

    def journal(self, name: str) -> dict[str, Any] | None:
        name = (name or "").strip()
        if not name:
            return None
        return self.by_name.get(_norm(re.sub(r"^the\s+", "", name, flags=re.I)))

    def _entry(self, rec: dict[str, Any]) -> Entry:
        families = tuple((_norm(a["last"]), a.get("initials", "")) for a in rec["authors"] if "last" in a)
        groups = tuple(_norm(a["collective"]) for a in rec["authors"] if "collective" in a)
        years = {y for y in (_year(rec["pubdate"]), _year(rec.get("epubdate", ""))) if y}
        journal = rec["journal"]
        bag = set(tokens(rec["title"])) | {w for f, _ in families for w in f.split()} | set(tokens(journal))
        bag |= {w for g in groups for w in g.split()} | set(tokens(rec.get("book", {}).get("booktitle", "")))
        return Entry(rec, frozenset(tokens(rec["title"])), families, groups, frozenset(years), journal, frozenset(bag))


@functools.lru_cache(maxsize=4)
def load_corpus(path: str) -> Corpus:
    return Corpus(json.loads(Path(path).read_text(encoding="utf-8")))


# -- ECitMatch -----------------------------------------------------------------------------------------


def citmatch_line(corpus: Corpus, line: str) -> str | None:
    """One ECitMatch answer line, or None for a line it cannot classify (too few fields)."""
    fields = line.split("|")
    if len(fields) < 6:
        return None
    journal, year, volume, page, author, key = (f.strip() for f in fields[:6])
    echo = [journal, year, volume, page, author, key]
    if journal:
        found = corpus.journal(journal)
        if found is None:
            echo[4] = ""  # NCBI blanks the author of an unknown journal
            return "|".join([*echo, "NOT_FOUND;INVALID_JOURNAL"])
    pmids = _citmatch(corpus, corpus.journal(journal)["iso"] if journal else "", year, volume, page, author)
    if not pmids:
        outcome = "NOT_FOUND"
    elif len(pmids) == 1:
        outcome = pmids[0]
    elif len(pmids) <= 5:
        outcome = "AMBIGUOUS " + ",".join(pmids)
    else:
        outcome = f"AMBIGUOUS ({len(pmids)} citations)"
    return "|".join([*echo, outcome])


def _citmatch(corpus: Corpus, iso: str, year: str, volume: str, page: str, author: str) -> list[str]:
    pool = [e for e in corpus.entries if not e.rec.get("book") and (not iso or e.journal == iso)]
    if volume or page:  # journal, volume and first page decide; year and author only break ties
        pool = [
            e
            for e in pool
            if (not volume or _same_number(e.rec["volume"], volume))
            and (not page or page.lower() in (first_page(e.rec["pages"]), first_page(e.rec.get("elocation", ""))))
        ]
        for narrow in (lambda e: year.isdigit() and int(year) in e.years, lambda e: _author_matches(e, author)):
            kept = [e for e in pool if narrow(e)]
            if len(pool) > 1 and kept:
                pool = kept
    else:  # journal (if any), year and author
        if not (year and author):
            return [] if not year and not author else [e.rec["pmid"] for e in pool if _loose(e, year, author)]
        pool = [e for e in pool if _loose(e, year, author)]
    return sorted((e.rec["pmid"] for e in pool), key=int, reverse=True)


def _loose(e: Entry, year: str, author: str) -> bool:
    return (not year or (year.isdigit() and int(year) in e.years)) and (not author or _author_matches(e, author))


def _same_number(ours: str, theirs: str) -> bool:
    return (ours or "").strip().lstrip("0").lower() == theirs.strip().lstrip("0").lower()


def _author_matches(e: Entry, author: str, position: str = "any") -> bool:
    words = tokens(author)
    if not words:
        return False
    family, initials = (words[:-1], words[-1].upper()) if len(words) > 1 and len(words[-1]) <= 3 else (words, "")
    wanted = " ".join(family)
    people = list(e.families)
    if position == "first":
        people = people[:1]
    elif position == "last":
        people = people[-1:]
    if any(f == wanted and i.startswith(initials) for f, i in people):
        return True
    return position == "any" and any(wanted == g or set(words) <= set(g.split()) for g in e.groups)


# -- ESearch -------------------------------------------------------------------------------------------


class QueryError(ValueError):
    pass


_TOKEN = re.compile(r'\s*(\(|\)|"[^"]*"(?:\s*\[[^\]]*\])?|\b(?:AND|OR|NOT)\b|[^\s()"]+(?:\s*\[[^\]]*\])?)')


def _lex(term: str) -> list[str]:
    """Operators, parentheses and terms; words before a `[tag]` join it (`lundberg ie[1au]` is one term)."""
    raw, pos = [], 0
    term = term.strip()
    while pos < len(term):
        m = _TOKEN.match(term, pos)
        if not m or not m.group(1):
            raise QueryError(f"cannot read the query at {term[pos : pos + 20]!r}")
        raw.append(m.group(1))
        pos = m.end()
    out: list[str] = []
    words: list[str] = []
    for token in raw:
        if token in ("(", ")", "AND", "OR", "NOT"):
            out += words + [token]
            words = []
        elif token.endswith("]") and not token.startswith('"'):
            out.append(" ".join([*words, token]))
            words = []
        else:
            words.append(token)
    return out + words


_WORD_TAGS = ("", "ti", "tiab", "title", "all fields")


@dataclass
class Search:
    """One ESearch over the corpus: the query parsed into terms and evaluated to PMIDs."""

    corpus: Corpus
    not_found: list[str] = field(default_factory=list)
    unknown_fields: list[str] = field(default_factory=list)

    def run(self, term: str) -> list[str]:
        tokens_ = _lex(term)
        if not tokens_:
            raise QueryError("empty query")
        hits, rest = self._or(tokens_)
        if rest:
            raise QueryError(f"unexpected {rest[0]!r}")
        return sorted((self.corpus.entries[i].rec["pmid"] for i in hits), key=int, reverse=True)

    def _or(self, toks: list[str]) -> tuple[set[int], list[str]]:
        hits, toks = self._and(toks)
        while toks and toks[0] == "OR":
            more, toks = self._and(toks[1:])
            hits |= more
        return hits, toks

    def _and(self, toks: list[str]) -> tuple[set[int], list[str]]:
        parts: list[tuple[str, set[int], bool]] = []  # (operator, hits, droppable word)
        op = "AND"
        while toks and toks[0] not in (")", "OR"):
            if toks[0] in ("AND", "NOT"):
                op, toks = toks[0], toks[1:]
                continue
            hits, droppable, toks = self._atom(toks)
            parts.append((op, hits, droppable))
            op = "AND"
        if not parts:
            raise QueryError("an empty group")
        found = [p for p in parts if p[1] or not p[2]]  # words found nowhere are dropped, as PubMed does
        kept = found if found else parts[:1]
        result: set[int] | None = None
        for operator, hits, _ in kept:
            if result is None:
                result = set(hits) if operator == "AND" else set(range(len(self.corpus.entries))) - hits
            else:
                result = result & hits if operator == "AND" else result - hits
        return result or set(), toks

    def _atom(self, toks: list[str]) -> tuple[set[int], bool, list[str]]:
        if toks[0] == "(":
            hits, rest = self._or(toks[1:])
            if not rest or rest[0] != ")":
                raise QueryError("unbalanced parentheses")
            return hits, False, rest[1:]
        if toks[0] == ")":
            raise QueryError("unbalanced parentheses")
        text, tag = _split_tag(toks[0])
        words = tokens(text) if tag in _WORD_TAGS and not toks[0].startswith('"') else [text]
        if len(words) > 1:  # PubMed splits a phrase it does not know into words
            wanted = " AND ".join(f"{w}[{tag}]" if tag else w for w in words)
            hits, _ = self._and(_lex(wanted))
            return hits, False, toks[1:]
        hits = self._term(text, tag)
        droppable = tag in _WORD_TAGS and not hits
        if droppable:
            self.not_found.append(text)
        return hits, droppable, toks[1:]

    def _term(self, text: str, tag: str) -> set[int]:
        entries = self.corpus.entries
        words = tokens(text)
        if tag in ("ti", "title", "tiab"):
            return {i for i, e in enumerate(entries) if words and set(words) <= e.title_words}
        if tag in ("au", "author", "1au", "lastau"):
            position = {"1au": "first", "lastau": "last"}.get(tag, "any")
            return {i for i, e in enumerate(entries) if _author_matches(e, text, position)}
        if tag in ("ta", "journal", "jour"):
            journal = self.corpus.journal(text)
            return {i for i, e in enumerate(entries) if journal and e.journal == journal["iso"]}
        if tag in ("dp", "pdat", "publication date"):
            low, _, high = text.partition(":")
            first, last = _year(low), _year(high or low)
            if first is None or last is None:
                return set()
            return {i for i, e in enumerate(entries) if any(first <= y <= last for y in e.years)}
        if tag in ("vi", "volume", "ip", "issue"):
            key = "volume" if tag in ("vi", "volume") else "issue"
            return {i for i, e in enumerate(entries) if e.rec[key] and _same_number(e.rec[key], text)}
        if tag in ("pg", "pagination"):
            page = first_page(text)
            return {
                i
                for i, e in enumerate(entries)
                if page and page in (first_page(e.rec["pages"]), first_page(e.rec.get("elocation", "")))
            }
        if tag in ("doi", "aid", "lid"):
            wanted = text.strip().lower()
            return {
                i
                for i, e in enumerate(entries)
                if wanted in (e.rec["ids"].get("doi", "").lower(), e.rec["ids"].get("pii", "").lower()) and wanted
            }
        if tag in ("pt", "publication type"):
            return {i for i, e in enumerate(entries) if _norm(text) in {_norm(t) for t in e.rec["pubtypes"]}}
        if tag in ("uid", "pmid"):
            return {i for i, e in enumerate(entries) if e.rec["pmid"] == text.strip()}
        if tag not in ("", "all fields", "all"):
            self.unknown_fields.append(tag)
        return {i for i, e in enumerate(entries) if words and set(words) <= e.everything}


def _split_tag(token: str) -> tuple[str, str]:
    m = re.fullmatch(r"(.*?)\s*\[([^\]]*)\]", token.strip())
    text, tag = (m[1], m[2].strip().lower()) if m else (token, "")
    return text.strip().strip('"'), tag


def esearch(corpus: Corpus, params: dict[str, str]) -> dict[str, Any]:
    header = {"type": "esearch", "version": "0.3"}
    try:
        retmax = min(int(params.get("retmax", "20")), 10000)
        retstart = int(params.get("retstart", "0"))
    except ValueError:
        return {"header": header, "esearchresult": {"ERROR": "Invalid retmax or retstart"}}
    if retstart > 9998:
        return {
            "header": header,
            "esearchresult": {
                "ERROR": "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
                "ESearch can only retrieve the first 9,999 records matching the query."
            },
        }
    search = Search(corpus)
    try:
        pmids = search.run(params.get("term", ""))
    except QueryError as exc:
        return {"header": header, "esearchresult": {"ERROR": f"Search Backend failed: {exc}"}}
    result: dict[str, Any] = {
        "count": str(len(pmids)),
        "retmax": str(len(pmids[retstart : retstart + retmax])),
        "retstart": str(retstart),
        "idlist": pmids[retstart : retstart + retmax],
        "translationset": [],
        "querytranslation": params.get("term", ""),
    }
    if search.not_found or search.unknown_fields or not pmids:
        result["errorlist"] = {"phrasesnotfound": search.not_found, "fieldsnotfound": search.unknown_fields}
        result["warninglist"] = {
            "phrasesignored": [],
            "quotedphrasesnotfound": [],
            "outputmessages": [] if pmids else ["No items found."],
        }
    return {"header": header, "esearchresult": result}


# -- ESummary and EFetch -------------------------------------------------------------------------------


def _sortdate(date: str) -> str:
    parts = (date or "").split()
    year = parts[0] if parts else "1900"
    month = MONTHS.index(parts[1]) + 1 if len(parts) > 1 and parts[1] in MONTHS else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
    return f"{year}/{month:02d}/{day:02d} 00:00"


def _person(a: dict[str, str]) -> str:
    return a["collective"] if "collective" in a else f"{a['last']} {a.get('initials', '')}".strip()


def docsum(corpus: Corpus, rec: dict[str, Any]) -> dict[str, Any]:
    """The ESummary DocSum of a record, keys in the order of the recorded sample."""
    journal = corpus.journal(rec["journal"]) or {"title": "", "issn": [], "iso": ""}
    ids = rec["ids"]
    articleids = [{"idtype": "pubmed", "idtypen": 1, "value": rec["pmid"]}]
    if ids.get("pmc"):
        articleids += [
            {"idtype": "pmc", "idtypen": 8, "value": ids["pmc"]},
            {"idtype": "pmcid", "idtypen": 5, "value": f"pmc-id: {ids['pmc']};"},
        ]
    if ids.get("doi"):
        articleids.append({"idtype": "doi", "idtypen": 3, "value": ids["doi"]})
    if ids.get("pii"):
        articleids.append({"idtype": "pii", "idtypen": 4, "value": ids["pii"]})
    book = rec.get("book") or {}
    authors = [
        {"name": _person(a), "authtype": "CollectiveName" if "collective" in a else "Author", "clusterid": ""}
        for a in rec["authors"]
    ]
    return {
        "uid": rec["pmid"],
        "pubdate": rec["pubdate"],
        "epubdate": rec.get("epubdate", ""),
        "source": journal["iso"],
        "authors": authors,
        "lastauthor": authors[-1]["name"] if authors else "",
        "title": rec["title"],
        "sorttitle": " ".join(tokens(rec["title"])),
        "volume": rec["volume"],
        "issue": rec["issue"],
        "pages": rec["pages"],
        "lang": rec.get("lang", ["eng"]),
        "nlmuniqueid": journal.get("nlmid", ""),
        "issn": journal["issn"][0] if journal["issn"] else "",
        "essn": journal["issn"][-1] if len(journal["issn"]) > 1 else "",
        "pubtype": rec["pubtypes"],
        "recordstatus": {
            "MEDLINE": "PubMed - indexed for MEDLINE",
            "Publisher": "PubMed - as supplied by publisher",
        }.get(rec["status"], "PubMed"),
        "pubstatus": {"ppublish": "4", "epublish": "258", "aheadofprint": "10"}.get(rec["pubstatus"], "4"),
        "articleids": articleids,
        "history": [{"pubstatus": "pubmed", "date": _sortdate(rec["pubdate"])}],
        "references": [],
        "attributes": [],
        "pmcrefcount": "",
        "fulljournalname": journal["title"],
        "elocationid": f"doi: {rec['elocation']}" if rec.get("elocation") else "",
        "doctype": book.get("doctype", "citation"),
        "srccontriblist": [],
        "booktitle": book.get("booktitle", ""),
        "medium": "",
        "edition": book.get("edition", ""),
        "publisherlocation": book.get("location", ""),
        "publishername": book.get("publisher", ""),
        "srcdate": rec["pubdate"] if book else "",
        "reportnumber": "",
        "availablefromurl": "",
        "locationlabel": "",
        "doccontriblist": [],
        "docdate": "",
        "bookname": book.get("booktitle", ""),
        "chapter": rec["title"] if book else "",
        "sortpubdate": _sortdate(rec.get("epubdate") or rec["pubdate"]),
        "sortfirstauthor": authors[0]["name"] if authors else "",
        "vernaculartitle": "",
    }


def esummary(corpus: Corpus, uids: list[str], fault: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {"uids": uids}
    for n, uid in enumerate(uids):
        entry = corpus.by_pmid.get(uid)
        if entry is None or fault == "error" or (fault == "uid-error" and n == 0):
            result[uid] = {"uid": uid, "error": "cannot get document summary"}
        else:
            result[uid] = docsum(corpus, entry.rec)
    return {"header": {"type": "esummary", "version": "0.3"}, "result": result}


def _x(tag: str, text: str, **attrs: str) -> str:
    attr = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return f"<{tag}{attr}>{escape(text, quote=False)}</{tag}>"


def _pubdate_xml(date: str) -> str:
    parts = (date or "").split()
    inner = _x("Year", parts[0]) if parts else ""
    if len(parts) > 1:
        inner += _x("Month", parts[1])
    if len(parts) > 2:
        inner += _x("Day", parts[2])
    return f"<PubDate>{inner}</PubDate>"


def article_xml(corpus: Corpus, rec: dict[str, Any]) -> str:
    """One `PubmedArticle` (or `PubmedBookArticle`) in PubMed's XML, on one line like the recorded sample."""
    authors = "".join(
        '<Author ValidYN="Y">'
        + (
            _x("CollectiveName", a["collective"])
            if "collective" in a
            else _x("LastName", a["last"])
            + (_x("ForeName", a["fore"]) if a.get("fore") else "")
            + _x("Initials", a.get("initials", ""))
        )
        + "</Author>"
        for a in rec["authors"]
    )
    author_list = f'<AuthorList CompleteYN="Y">{authors}</AuthorList>' if authors else ""
    types = "".join(_x("PublicationType", t, UI=PUBTYPE_UI.get(t, "D000000")) for t in rec["pubtypes"])
    links = "".join(
        f'<CommentsCorrections RefType="{escape(link["type"])}">{_x("RefSource", link["source"])}'
        f"{_x('PMID', link['pmid'], Version='1')}</CommentsCorrections>"
        for link in rec["links"]
    )
    links = f"<CommentsCorrectionsList>{links}</CommentsCorrectionsList>" if links else ""
    ids = _x("ArticleId", rec["pmid"], IdType="pubmed") + "".join(
        _x("ArticleId", rec["ids"][k], IdType=k) for k in ("doi", "pii", "pmc") if rec["ids"].get(k)
    )
    pubmed_data = (
        f'<History><PubMedPubDate PubStatus="pubmed">{_pubdate_xml(rec["pubdate"])[9:-10]}</PubMedPubDate>'
        f"</History>{_x('PublicationStatus', rec['pubstatus'])}<ArticleIdList>{ids}</ArticleIdList>"
    )
    language = "".join(_x("Language", lang) for lang in rec.get("lang", ["eng"]))
    if rec.get("book"):
        book = rec["book"]
        return (
            f"<PubmedBookArticle><BookDocument>{_x('PMID', rec['pmid'], Version='1')}<Book>"
            f"<Publisher>{_x('PublisherName', book['publisher'])}{_x('PublisherLocation', book['location'])}"
            f"</Publisher>{_x('BookTitle', book['booktitle'])}{_pubdate_xml(rec['pubdate'])}"
            f"{_x('Edition', book.get('edition', ''))}</Book>{_x('ArticleTitle', rec['title'])}{language}"
            f"{author_list}<PublicationType>{types}</PublicationType></BookDocument>"
            f"<PubmedBookData>{pubmed_data}</PubmedBookData></PubmedBookArticle>"
        )
    journal = corpus.journal(rec["journal"]) or {"title": rec["journal"], "iso": rec["journal"], "issn": []}
    issn = _x("ISSN", journal["issn"][-1], IssnType="Electronic") if journal["issn"] else ""
    issue = _x("Volume", rec["volume"]) if rec["volume"] else ""
    issue += _x("Issue", rec["issue"]) if rec["issue"] else ""
    pagination = ""
    if rec["pages"] and rec["pages"] != rec.get("elocation"):
        pagination = (
            f"<Pagination>{_x('StartPage', first_page(rec['pages']))}{_x('MedlinePgn', rec['pages'])}</Pagination>"
        )
    elocation = _x("ELocationID", rec["elocation"], EIdType="doi", ValidYN="Y") if rec.get("elocation") else ""
    model = "Print-Electronic" if rec.get("epubdate") else "Print"
    article = (
        f'<Article PubModel="{model}"><Journal>{issn}<JournalIssue CitedMedium="Internet">{issue}'
        f"{_pubdate_xml(rec['pubdate'])}</JournalIssue>{_x('Title', journal['title'])}"
        f"{_x('ISOAbbreviation', journal['iso'])}</Journal>{_x('ArticleTitle', rec['title'])}{pagination}"
        f"{elocation}{author_list}{language}<PublicationTypeList>{types}</PublicationTypeList></Article>"
    )
    info = _x("MedlineTA", journal["iso"]) + _x("NlmUniqueID", journal.get("nlmid", ""))
    info = f"<MedlineJournalInfo>{info}</MedlineJournalInfo>"
    return (
        f'<PubmedArticle><MedlineCitation Status="{rec["status"]}" Owner="NLM">{_x("PMID", rec["pmid"], Version="1")}'
        f"{article}{info}{links}</MedlineCitation><PubmedData>{pubmed_data}</PubmedData></PubmedArticle>"
    )


def efetch(corpus: Corpus, uids: list[str], fault: str | None) -> str:
    known = [] if fault == "error" else [corpus.by_pmid[u].rec for u in uids if u in corpus.by_pmid]
    if not known:
        return DOCTYPE + "<PubmedArticleSet></PubmedArticleSet>\n"
    return DOCTYPE + "<PubmedArticleSet>\n" + "".join(article_xml(corpus, r) for r in known) + "</PubmedArticleSet>\n"


# -- the ID Converter ----------------------------------------------------------------------------------


def idconv(corpus: Corpus, params: dict[str, str]) -> tuple[int, dict[str, Any] | str]:
    ids = [i.strip() for i in params.get("ids", "").split(",") if i.strip()]
    idtype = params.get("idtype", "").lower()
    if not ids:
        return 400, "Error: no ids given"
    if len(ids) > 200:
        return 400, "Error: too many ids (the limit is 200)"
    if params.get("format", "xml") != "json":
        return 400, "Error: this stand-in answers format=json only"
    if idtype == "pmcid" or (not idtype and ids[0].upper().startswith("PMC")):
        if len({i.upper().startswith("PMC") for i in ids}) > 1:
            return 400, "Error: mixed id formats in one request"
        idtype = "pmcid"
    idtype = idtype or ("doi" if ids[0].startswith("10.") else "pmid")
    key = {"pmid": "pmid", "pmcid": "pmcid", "doi": "doi"}.get(idtype)
    if key is None:
        return 400, f"Error: invalid idtype {idtype}"
    index = {str(r.get(key) or "").lower(): r for r in corpus.pmc.values()}
    records = []
    for wanted in ids:
        found = index.get(wanted.lower() if key != "pmcid" else ("pmc" + wanted.lower().removeprefix("pmc")))
        if found:
            record = {
                "doi": found.get("doi"),
                "pmcid": found["pmcid"],
                "pmid": int(found["pmid"]),
                "requested-id": wanted,
            }
            records.append({k: v for k, v in record.items() if v is not None})
        else:
            error = {
                key: int(wanted) if key == "pmid" and wanted.isdigit() else wanted,
                "requested-id": wanted,
                "status": "error",
                "errmsg": "Identifier not found in PMC",
            }
            records.append(error)
    request = f"ids={','.join(ids)};idtype={idtype};format=json"
    return 200, {
        "status": "ok",
        "responseDate": time.strftime("%Y-%m-%d %H:%M:%S"),
        "request": request,
        "records": records,
    }


# -- the server ----------------------------------------------------------------------------------------


@dataclass
class _Bucket:
    tokens: float
    stamp: float
    second: float = 0.0  # start of the second `count` counts in (for the 429 body's `count`)
    count: int = 0


def _budget(rec: Recorded) -> str:
    """Who is counted, and against which budget: all E-utilities share one, the ID Converter has its own."""
    return f"{rec.pool}/{'idconv' if rec.kind == 'idconv' else 'eutils'}"


@dataclass
class _State:
    enforce: bool
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[Recorded] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    buckets: dict[str, _Bucket] = field(default_factory=dict)
    in_flight: int = 0
    max_in_flight: int = 0


class NcbiStandIn:
    """The stand-in server; a context manager serving from a thread on 127.0.0.1 (port 0)."""

    def __init__(self, corpus: str | Path | dict[str, Any] | None = None, *, enforce: bool = True):
        if corpus is None or isinstance(corpus, str | Path):
            self.corpus = load_corpus(str(Path(corpus or CORPUS).resolve()))
        else:
            self.corpus = Corpus(corpus)
        self.state = _State(enforce)
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> NcbiStandIn:
        self.start()
        return self

    def start(self, port: int = 0) -> None:
        handler = type("Handler", (_Handler,), {"standin": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    # The server's plumbing is the Crossref stand-in's (they keep `_server` and `state` alike).
    __exit__ = CrossrefStandIn.__exit__
    stop = CrossrefStandIn.stop
    url = CrossrefStandIn.url
    requests = CrossrefStandIn.requests

    @property
    def max_in_flight(self) -> int:
        with self.state.lock:
            return self.state.max_in_flight

    def clear(self) -> None:
        with self.state.lock:
            self.state.requests.clear()
            self.state.faults.clear()
            self.state.buckets.clear()

    def inject(
        self,
        kind: str,
        times: int = 1,
        *,
        route: str | None = None,
        retry_after: str | float | None = None,
        delay: float = 0.0,
        every: int = 1,
    ) -> None:
        """Answer the next `times` requests to `route` (an endpoint: esearch, esummary, efetch, ecitmatch,
        idconv; None for any) with a fault (see the module docstring)."""
        ra = None if retry_after is None else str(retry_after)
        with self.state.lock:
            self.state.faults.append(Fault(str(kind), times, route, ra, delay, max(1, every)))

    def admit(self, rec: Recorded, limit: int) -> tuple[Fault | None, int | None]:
        """Record the request; the fault to play, and the count that broke the limit (None when within)."""
        st = self.state
        with st.lock:
            st.requests.append(rec)
            fault = None
            for f in st.faults:
                if f.route in (None, rec.kind):
                    f.seen += 1
                    if f.seen % f.every:
                        continue
                    fault = f
                    f.times -= 1
                    if f.times <= 0:
                        st.faults.remove(f)
                    break
            bucket = st.buckets.setdefault(_budget(rec), _Bucket(float(limit), rec.time))
            bucket.tokens = min(float(limit), bucket.tokens + (rec.time - bucket.stamp) * limit)
            bucket.stamp = rec.time
            bucket.count = bucket.count + 1 if rec.time - bucket.second < 1.0 else 1
            bucket.second = bucket.second if rec.time - bucket.second < 1.0 else rec.time
            if st.enforce and bucket.tokens < 1.0:
                return fault, bucket.count
            bucket.tokens -= 1.0
            st.in_flight += 1
            st.max_in_flight = max(st.max_in_flight, st.in_flight)
            return fault, None

    def release(self) -> None:
        with self.state.lock:
            self.state.in_flight -= 1

    def remaining(self, rec: Recorded, limit: int) -> int:
        with self.state.lock:
            bucket = self.state.buckets.get(_budget(rec))
            return max(0, int(bucket.tokens)) if bucket else limit


class _Handler(CrossrefHandler):
    """NCBI's routes; the connection set-up, quiet log, headers and sending are the Crossref stand-in's."""

    standin: NcbiStandIn  # type: ignore[assignment]

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._serve(urlsplit(self.path).query, "GET")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(self.rfile.read(length).decode("utf-8", "replace"), "POST")

    def _serve(self, query: str, method: str) -> None:
        path = urlsplit(self.path).path
        params = dict(parse_qsl(query, keep_blank_values=True))
        headers = {k.lower(): v for k, v in self.headers.items()}
        endpoint = "idconv" if path.rstrip("/") == IDCONV else path.removeprefix(EUTILS).split(".")[0]
        key = params.get("api_key", "").strip()
        who = f"key:{key}" if key else f"ip:{self.client_address[0]}"
        limit = KEY_LIMIT if key else LIMIT
        rec = Recorded(method, path, params, headers, time.monotonic(), who, endpoint)
        fault, refused = self.standin.admit(rec, limit)
        try:
            if refused is not None:
                rec.fault = "limit"
                body = {
                    "error": "API rate limit exceeded",
                    "api-key": key or self.client_address[0],
                    "count": str(refused),
                    "limit": str(limit),
                }
                self._send(rec, 429, json.dumps(body), {}, "application/json")
            else:
                try:
                    self._answer(rec, fault, params, limit, method)
                finally:
                    self.standin.release()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, rec: Recorded, fault: Fault | None, params: dict[str, str], limit: int, method: str) -> None:
        extra = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(self.standin.remaining(rec, limit))}
        kind = fault.kind if fault else None
        if fault:
            rec.fault = kind
            if kind == "delay":
                time.sleep(fault.delay)
            elif kind == "reset":
                rec.status = -1
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()
                return
            elif kind in ("429", "limit-200"):
                if fault.retry_after is not None:
                    extra["Retry-After"] = fault.retry_after
                body = {
                    "error": "API rate limit exceeded",
                    "api-key": self.client_address[0],
                    "count": str(limit + 1),
                    "limit": str(limit),
                }
                return self._send(rec, 429 if kind == "429" else 200, json.dumps(body), extra, "application/json")
            elif kind.isdigit():
                if fault.retry_after is not None:
                    extra["Retry-After"] = fault.retry_after
                return self._send(rec, int(kind), "<html><body>Service unavailable</body></html>", extra, "text/html")
        if method == "GET" and len(self.path) > MAX_URL:
            return self._send(rec, 414, "<html><body>Request-URI Too Long</body></html>", extra, "text/html")
        status, body, ctype = self._route(rec, params, kind)
        data = body.encode() if isinstance(body, str) else body
        if kind == "truncate" and status == 200:
            data = data[: len(data) // 2]
        if kind == "short-body" and status == 200:
            rec.status = 200
            self.send_response(200)
            self._headers(extra, ctype, len(data))
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self._send(rec, status, data, extra, ctype)

    def _route(self, rec: Recorded, params: dict[str, str], fault: str | None) -> tuple[int, str, str]:
        corpus = self.standin.corpus
        if rec.kind == "idconv":
            if fault == "error":
                return 200, json.dumps({"status": "error", "errmsg": "Internal error"}), "application/json"
            status, body = idconv(corpus, params)
            return (
                (status, json.dumps(body), "application/json") if status == 200 else (status, str(body), "text/plain")
            )
        if params.get("db", "pubmed") != "pubmed":
            return (
                200,
                json.dumps(
                    {
                        "header": {"type": rec.kind, "version": "0.3"},
                        "esearchresult": {"ERROR": f"Invalid db name specified: {params['db']}"},
                    }
                ),
                "application/json",
            )
        uids = [u.strip() for u in params.get("id", "").split(",") if u.strip()]
        if rec.kind == "ecitmatch":
            lines = [citmatch_line(corpus, line) for line in re.split(r"[\r\n]+", params.get("bdata", "")) if line]
            answered = [line for line in lines if line is not None]
            if fault == "omit":
                answered = answered[1:]
            return 200, "".join(line + "\n" for line in answered), "text/plain"
        if rec.kind == "esearch":
            if fault == "error":
                body: dict[str, Any] = {
                    "header": {"type": "esearch", "version": "0.3"},
                    "esearchresult": {
                        "ERROR": "Search Backend failed: Couldn't resolve #pmquerysrv-mz?dbaf=pubmed, the address "
                        "table is empty."
                    },
                }
            else:
                body = esearch(corpus, params)
            # NCBI writes the newline of some ERROR texts raw, which strict JSON parsers refuse.
            return 200, json.dumps(body, ensure_ascii=False).replace("\\n", "\n"), "application/json; charset=UTF-8"
        if rec.kind == "esummary":
            return 200, json.dumps(esummary(corpus, uids, fault), ensure_ascii=False), "application/json; charset=UTF-8"
        if rec.kind == "efetch":
            return 200, efetch(corpus, uids, fault), "text/xml; charset=UTF-8"
        return 404, "<html><body>Not found</body></html>", "text/html"


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Serve the NCBI stand-in on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-enforce", action="store_true", help="do not answer 429 beyond NCBI's limits")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    standin = NcbiStandIn(args.corpus, enforce=not args.no_enforce)
    standin.start(args.port)
    print(f"NCBI stand-in on {standin.url} ({len(standin.corpus.entries)} PubMed records)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        standin.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
