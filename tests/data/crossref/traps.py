"""The trap works of the Crossref stand-in's corpus and the labelled references that cite them.

Imported by make_corpus.py, which writes corpus.json (these records among the seed works and the
filler) and labelled.json (the references, each with the DOI it must get, or none, and why).

Bibliographic facts (authors, titles, journals, years, volumes, issues, pages and the DOIs of records
whose `_comment` says "Real work") are those of the published works as their publishers print them,
written from the published record without network access: a few were checked against stored public
pages (the Rev Esp Cardiol AF guideline's 437.e1-437.e116, the STAP and Séralini retraction notices),
the rest are as recalled and may hold a slip in a DOI or a page. Records a test needs but
whose DOI was not confirmed carry a FICTIONAL DOI under Crossref's test prefix 10.5555, and say so
in `_comment`; so do the constructed traps (preprints, notices, letters, abstracts, books) that
model what Crossref holds around real works.

Each labelled reference: `{"id", "kind", "text", "csl", "doi", "reason"}`, where `text` is the entry
as a Vancouver list prints it, `csl` the same entry as myobib's readers read it (CSL-JSON), `doi` the
only right answer (None: no DOI may be attached) and `reason` why.
"""

# ruff: noqa: E501  (tables of bibliographic facts read better one work a line)
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Record = dict[str, Any]

PUBLISHERS = {
    "10.1371": "Public Library of Science (PLoS)", "10.1136": "BMJ", "10.7326": "American College of Physicians",
    "10.1016": "Elsevier BV", "10.1186": "Springer Science and Business Media LLC", "10.1002": "Wiley",
    "10.1007": "Springer Science and Business Media LLC", "10.1038": "Springer Science and Business Media LLC",
    "10.1056": "Massachusetts Medical Society", "10.1093": "Oxford University Press (OUP)",
    "10.1097": "Ovid Technologies (Wolters Kluwer Health)", "10.2337": "American Diabetes Association",
    "10.1055": "Georg Thieme Verlag KG", "10.1157": "Elsevier BV", "10.1212": "Ovid Technologies (Wolters Kluwer Health)",
    "10.3233": "IOS Press", "10.1001": "American Medical Association (AMA)", "10.1111": "Wiley",
}  # fmt: skip
ISSN = {
    "PLoS Med": ["1549-1676", "1549-1277"], "BMJ": ["0959-8138", "1756-1833"], "Ann Intern Med": ["0003-4819", "1539-3704"],
    "J Clin Epidemiol": ["0895-4356"], "Int J Surg": ["1743-9191"], "Syst Rev": ["2046-4053"], "Trials": ["1745-6215"],
    "BMC Med": ["1741-7015"], "Lancet": ["0140-6736"], "Arthritis Rheum": ["0004-3591", "1529-0131"],
    "Arthritis Rheumatol": ["2326-5191", "2326-5205"], "Ann Rheum Dis": ["0003-4967", "1468-2060"],
    "Intensive Care Med": ["0342-4642", "1432-1238"], "Crit Care Med": ["0090-3493"], "Eur Heart J": ["0195-668X", "1522-9645"],
    "Eur J Heart Fail": ["1388-9842", "1879-0844"], "Diabetes Care": ["0149-5992", "1935-5548"],
    "N Engl J Med": ["0028-4793", "1533-4406"], "Nature": ["0028-0836", "1476-4687"], "Lancet Infect Dis": ["1473-3099"],
    "Neurology": ["0028-3878", "1526-632X"], "Food Chem Toxicol": ["0278-6915"], "Environ Sci Eur": ["2190-4715"],
    "Int J Antimicrob Agents": ["0924-8579"], "Rev Esp Cardiol": ["0300-8932"], "Rev Esp Cardiol (Engl Ed)": ["1885-5857"],
    "Atherosclerosis": ["0021-9150"], "J Hypertens": ["0263-6352"], "Dtsch Med Wochenschr": ["0012-0472", "1439-4413"],
    "Gac Sanit": ["0213-9111"], "Internist (Berl)": ["0020-9554"], "G Ital Cardiol (Rome)": ["1827-6806"],
    "Lancet Respir Med": ["2213-2600"], "Lancet Diabetes Endocrinol": ["2213-8587"], "Clin Rheumatol": ["0770-3198"],
    "J Autoimmun": ["0896-8411"], "JAMA": ["0098-7484"], "Rheumatology (Oxford)": ["1462-0324", "1462-0332"],
    "Nat Rev Dis Primers": ["2056-676X"], "Lancet Neurol": ["1474-4422"], "Nat Rev Rheumatol": ["1759-4790"],
    "Curr Rheumatol Rep": ["1523-3774"], "J Neuromuscul Dis": ["2214-3599"], "Biomed Res Int": ["2314-6133"],
    "Arq Bras Cardiol": ["0066-782X"], "Open Med": ["1911-2092"], "Neuromuscul Disord": ["0960-8966"],
    "J Intern Med": ["0954-6820", "1365-2796"], "JAMA Neurol": ["2168-6149"], "Curr Opin Neurol": ["1350-7540"],
    "Kardiol Pol": ["0022-9032", "1897-4279"], "ESC Heart Fail": ["2055-5822"], "Herz": ["0340-9937", "1615-6692"],
}  # fmt: skip
JOURNALS = {
    "PLoS Med": "PLoS Medicine", "BMJ": "BMJ", "Ann Intern Med": "Annals of Internal Medicine",
    "J Clin Epidemiol": "Journal of Clinical Epidemiology", "Int J Surg": "International Journal of Surgery",
    "Syst Rev": "Systematic Reviews", "Trials": "Trials", "BMC Med": "BMC Medicine", "Lancet": "The Lancet",
    "Arthritis Rheum": "Arthritis & Rheumatism", "Arthritis Rheumatol": "Arthritis & Rheumatology",
    "Ann Rheum Dis": "Annals of the Rheumatic Diseases", "Intensive Care Med": "Intensive Care Medicine",
    "Crit Care Med": "Critical Care Medicine", "Eur Heart J": "European Heart Journal",
    "Eur J Heart Fail": "European Journal of Heart Failure", "Diabetes Care": "Diabetes Care",
    "N Engl J Med": "New England Journal of Medicine", "Nature": "Nature", "Lancet Infect Dis": "The Lancet Infectious Diseases",
    "Neurology": "Neurology", "Food Chem Toxicol": "Food and Chemical Toxicology",
    "Environ Sci Eur": "Environmental Sciences Europe",
    "Int J Antimicrob Agents": "International Journal of Antimicrobial Agents",
    "Rev Esp Cardiol": "Revista Española de Cardiología", "Rev Esp Cardiol (Engl Ed)": "Revista Española de Cardiología (English Edition)",
    "Atherosclerosis": "Atherosclerosis", "J Hypertens": "Journal of Hypertension",
    "Dtsch Med Wochenschr": "DMW - Deutsche Medizinische Wochenschrift", "Gac Sanit": "Gaceta Sanitaria",
    "Internist (Berl)": "Der Internist", "G Ital Cardiol (Rome)": "Giornale Italiano di Cardiologia",
    "Lancet Respir Med": "The Lancet Respiratory Medicine", "Lancet Diabetes Endocrinol": "The Lancet Diabetes & Endocrinology",
    "Clin Rheumatol": "Clinical Rheumatology", "J Autoimmun": "Journal of Autoimmunity", "JAMA": "JAMA",
    "Rheumatology (Oxford)": "Rheumatology", "Nat Rev Dis Primers": "Nature Reviews Disease Primers",
    "Lancet Neurol": "The Lancet Neurology", "Nat Rev Rheumatol": "Nature Reviews Rheumatology",
    "Curr Rheumatol Rep": "Current Rheumatology Reports", "J Neuromuscul Dis": "Journal of Neuromuscular Diseases",
    "Biomed Res Int": "BioMed Research International", "Arq Bras Cardiol": "Arquivos Brasileiros de Cardiologia",
    "Open Med": "Open Medicine", "Neuromuscul Disord": "Neuromuscular Disorders",
    "J Intern Med": "Journal of Internal Medicine", "JAMA Neurol": "JAMA Neurology",
    "Curr Opin Neurol": "Current Opinion in Neurology", "Kardiol Pol": "Kardiologia Polska", "ESC Heart Fail": "ESC Heart Failure", "Herz": "Herz",
}  # fmt: skip

REAL = "Real work: bibliographic facts and DOI as the publisher prints them."
FICTIONAL = "FICTIONAL DOI under Crossref's test prefix 10.5555"


# -- records -----------------------------------------------------------------------------------


def people(text: str) -> list[dict[str, Any]]:
    """`Moher D, Liberati A; PRISMA Group` as Crossref author objects (initials as given names)."""
    persons, _, groups = text.partition(";")
    out: list[dict[str, Any]] = []
    for part in filter(None, (p.strip() for p in persons.split(","))):
        family, _, initials = part.rpartition(" ")
        if family and initials.isupper() and len(initials) <= 3:
            out.append({"given": " ".join(f"{c}." for c in initials), "family": family})
        else:
            out.append({"name": part})
    out += [{"name": g.strip()} for g in groups.split(";") if g.strip()]
    for i, person in enumerate(out):
        person.update(sequence="first" if i == 0 else "additional", affiliation=[])
    return out


def _date(parts: list[int]) -> dict[str, Any]:
    return {"date-parts": [list(parts)]}


def record(doi: str, authors: str, title: str, journal: str | None, year: int, volume: str | None = None,
           issue: str | None = None, page: str | None = None, *, kind: str = "journal-article", comment: str = REAL,
           online: list[int] | None = None, month: int = 1, **more: Any) -> Record:
    """One work shaped like a Crossref item. `journal` is the NLM abbreviation (its full name and ISSN looked up)."""
    prefix = doi.split("/")[0]
    rec: Record = {
        "DOI": doi, "URL": f"https://doi.org/{doi}", "type": kind, "prefix": prefix,
        "publisher": PUBLISHERS.get(prefix, "Example Test Publisher"), "title": [title], "subtitle": [],
        "author": people(authors) if authors else [],
        "container-title": [JOURNALS.get(journal, journal)] if journal else [],
        "short-container-title": [journal] if journal else [],
        "ISSN": ISSN.get(journal, []) if journal else [],
        "issued": _date(online or [year, month]), "published": _date(online or [year, month]),
        "published-print": _date([year, month]), "relation": {}, "source": "Crossref",
        "_comment": comment if prefix != "10.5555" or FICTIONAL in comment else f"{comment} {FICTIONAL}.",
    }  # fmt: skip
    if online:
        rec["published-online"] = _date(online)
    if page and re.fullmatch(r"e?\d+|[a-z]\d+", page) and not page.isdigit():
        rec["article-number"] = page
    for key, value in (("volume", volume), ("issue", issue), ("page", page)):
        if value:
            rec[key] = value
    return changed(rec, **more)


def changed(rec: Record, **changes: Any) -> Record:
    """`rec` with Crossref fields set (`short_container_title=` for `short-container-title`); None removes one."""
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value is None:
            rec.pop(key, None)
        else:
            rec[key] = value
    return rec


def preprint(doi: str, authors: str, title: str, server: str, year: int, month: int, comment: str) -> Record:
    """A posted-content record as medRxiv, bioRxiv and Research Square deposit them (no journal, an institution)."""
    rec = record(doi, authors, title, None, year, kind="posted-content", comment=comment, month=month,
                 institution=[{"name": server}], subtype="preprint", group_title=server)
    rec["publisher"] = "Research Square Platform LLC" if server == "Research Square" else "Cold Spring Harbor Laboratory"
    rec.pop("published-print")
    rec["posted"] = _date([year, month])
    return rec


def notice(doi: str, title: str, journal: str, year: int, volume: str | None, issue: str | None, page: str | None,
           about: Record | None, update: str, comment: str, authors: str = "", **more: Any) -> Record:
    """A notice (retraction, correction, expression of concern) with Crossref's `update-to` pointing at its work."""
    rec = record(doi, authors, title, journal, year, volume, issue, page, comment=comment, **more)
    if about is not None and update:
        rec["update-to"] = [{"DOI": about["DOI"], "type": update, "label": update.replace("_", " ").title(),
                             "source": "publisher", "updated": _date([year])}]
        about.setdefault("updated-by", []).append({"DOI": doi, "type": update, "label": update.replace("_", " ").title(),
                                                   "source": "publisher", "updated": _date([year])})
    return rec


def isbn13(stem: str) -> str:
    """A valid ISBN-13 (check digit computed) from its first 12 digits."""
    digits = re.sub(r"\D", "", stem)
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return f"{stem}-{check}"


def book(doi: str, authors: str, editors: str, title: str, year: int, publisher: str, place: str,
         edition: str | None, isbn: str, comment: str, kind: str | None = None) -> Record:
    rec = record(doi, authors, title, None, year, kind=kind or ("edited-book" if editors else "monograph"),
                 comment=comment, ISBN=[isbn], publisher_location=place, edition_number=edition)
    rec["publisher"] = publisher
    if editors:
        rec["editor"] = people(editors)
    return rec


def chapter(doi: str, authors: str, title: str, of: Record, page: str, comment: str) -> Record:
    rec = record(doi, authors, title, None, of["issued"]["date-parts"][0][0], page=page, kind="book-chapter",
                 comment=comment, ISBN=of["ISBN"], publisher_location=of.get("publisher-location"))
    rec["container-title"] = list(of["title"])
    rec["publisher"] = of["publisher"]
    rec["_book"] = of["DOI"]
    return rec


# -- labelled references -----------------------------------------------------------------------

CSL_TYPE = {"journal-article": "article-journal", "posted-content": "article", "edited-book": "book",
            "monograph": "book", "book": "book", "book-chapter": "chapter"}  # fmt: skip


def _initials(given: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w)


def _csl_names(people_: list[dict[str, Any]], show: int) -> tuple[list[dict[str, str]], bool]:
    names = [{"family": p["family"], "given": _initials(p.get("given", ""))} if p.get("family")
             else {"literal": p["name"]} for p in people_]
    persons = [n for n in names if "family" in n]
    groups = [n for n in names if "literal" in n]
    shown = persons[:show]
    return shown + groups, len(persons) > show


def _name_text(n: dict[str, str]) -> str:
    return n.get("literal") or f"{n['family']} {n['given']}".strip()


def _abbreviated(page: str) -> str:
    """`2569-2581` → `2569-81`, as Vancouver lists print ranges."""
    m = re.fullmatch(r"(\d+)-(\d+)", page)
    if not m or len(m[1]) != len(m[2]):
        return page
    start, end = m[1], m[2]
    i = 0
    while i < len(start) - 1 and start[i] == end[i]:
        i += 1
    return f"{start}-{end[i:]}"


def _year(rec: Record) -> int:
    parts = (rec.get("published-print") or rec["issued"])["date-parts"][0]
    return int(parts[0])


def citation(rec: Record, show: int = 6, **changes: Any) -> tuple[dict[str, Any], str]:
    """(CSL-JSON as a reader reads it, the Vancouver text) for a reference to `rec`, with `changes` applied.

    `changes` use CSL names with `_` for `-` (`container_title_short=...`); a None value drops the field;
    `title_text` prints a title other than the one read (kept as read otherwise).
    """
    kind = rec["type"]
    csl: dict[str, Any] = {"type": CSL_TYPE.get(kind, "article-journal")}
    title = rec["title"][0]
    if not rec.get("update-to"):
        title = re.sub(r"^(RETRACTED( ARTICLE)?):\s*", "", title)
    csl["title"] = title
    authors, et_al = _csl_names(rec.get("author") or [], show)
    if authors:
        csl["author"] = authors
    if rec.get("editor"):
        csl["editor"] = _csl_names(rec["editor"], 6)[0]
    if kind == "book-chapter":
        csl["container-title"] = rec["container-title"][0]
    elif rec.get("short-container-title"):
        csl["container-title-short"] = rec["short-container-title"][0]
    elif kind == "posted-content":
        csl["container-title"] = rec["institution"][0]["name"]
        csl["genre"] = "preprint"
    csl["issued"] = {"date-parts": [[_year(rec)]]}
    for key in ("volume", "issue", "page"):
        if rec.get(key):
            csl[key] = rec[key]
    if rec.get("page"):
        csl["page-first"] = re.split(r"-", rec["page"])[0]
    if kind in ("edited-book", "monograph", "book", "book-chapter"):
        csl["publisher"] = rec["publisher"]
        if rec.get("publisher-location"):
            csl["publisher-place"] = rec["publisher-location"]
        if rec.get("edition-number"):
            csl["edition"] = rec["edition-number"]
    if kind == "book-chapter":
        source = next(b for b in BOOKS if b["DOI"] == rec.get("_book")) if rec.get("_book") else next(
            b for b in BOOKS if b["title"] == rec["container-title"])
        csl["editor"] = _csl_names(source.get("editor") or [], 6)[0]
        if source.get("edition-number"):
            csl["edition"] = source["edition-number"]
    if et_al:
        csl.setdefault("custom", {})["et-al"] = True
    for key, value in changes.items():
        if key == "notice":  # myobib's own: CSL custom.notice
            if value:
                csl.setdefault("custom", {})["notice"] = value
            continue
        if key in ("title_text",):
            continue
        key = key.replace("_", "-") if key not in ("custom",) else key
        if value is None:
            csl.pop(key, None)
        else:
            csl[key] = value
    if csl.get("page") and "page-first" not in changes:
        csl["page-first"] = re.split(r"-", str(csl["page"]))[0]
    elif not csl.get("page"):
        csl.pop("page-first", None)
    return csl, vancouver(csl, changes.get("title_text"))


def vancouver(csl: dict[str, Any], title_text: str | None = None) -> str:
    """The entry as a Vancouver (NLM) list prints it."""
    persons = [_name_text(n) for n in csl.get("author") or [] if "literal" not in n]
    groups = [_name_text(n) for n in csl.get("author") or [] if "literal" in n]
    editors = [_name_text(n) for n in csl.get("editor") or []]
    head = ", ".join(persons) + (", et al" if (csl.get("custom") or {}).get("et-al") else "")
    head = "; ".join(p for p in (head, *groups) if p)
    title = (title_text or csl.get("title") or "").rstrip(".")
    year = csl["issued"]["date-parts"][0][0] if csl.get("issued") else ""
    kind = csl["type"]
    parts = []
    if head:
        parts.append(head)
    elif editors and kind == "book":
        parts.append(", ".join(editors) + ", editors")
    if kind == "chapter":
        book_ = f"In: {', '.join(editors)}, editors. {csl['container-title']}" if editors else f"In: {csl['container-title']}"
        parts += [title, book_]
    else:
        parts.append(title + (" [Preprint]" if kind == "article" else ""))
    if kind in ("book", "chapter"):
        if csl.get("edition"):
            parts.append(f"{_ordinal(csl['edition'])} ed")
        where = f"{csl['publisher-place']}: " if csl.get("publisher-place") else ""
        tail = f"{where}{csl.get('publisher', '')}; {year}"
        if kind == "chapter" and csl.get("page"):
            tail += f". p. {csl['page']}"
        parts.append(tail)
        if csl.get("ISBN"):
            parts.append(f"ISBN {csl['ISBN']}")
        return ". ".join(parts) + "."
    journal = csl.get("container-title-short") or csl.get("container-title") or ""
    numbers = str(year)
    if csl.get("volume"):
        numbers += f";{csl['volume']}"
    if csl.get("issue"):
        numbers += f"({csl['issue']})"
    if csl.get("page"):
        numbers += f":{_abbreviated(str(csl['page']))}"
    parts.append(f"{journal}. {numbers}" if journal else numbers)
    return ". ".join(parts) + "."


def _ordinal(edition: str) -> str:
    n = int(edition)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# -- the works and the traps around them ------------------------------------------------------

BOOKS: list[Record] = []  # filled by `works()`, read by `citation()` for a chapter's book


class Labelled:
    """The corpus records and the labelled references, built together."""

    def __init__(self) -> None:
        self.corpus: list[Record] = []
        self.cases: list[dict[str, Any]] = []

    def add(self, *recs: Record) -> Record:
        """Put records in the corpus; the first is returned."""
        self.corpus.extend(recs)
        return recs[0]

    def get(self, doi: str) -> Record:
        return next(r for r in self.corpus if r["DOI"] == doi)

    def cite(self, kind: str, rec: Record, reason: str, *, expect: str | bool = True, show: int = 6,
             **changes: Any) -> None:
        """A labelled reference to `rec`: its DOI is the answer (`expect=False`: no DOI; a string: that DOI)."""
        csl, text = citation(rec, show, **changes)
        doi = rec["DOI"] if expect is True else None if expect is False else expect
        self.cases.append({"id": f"{kind}-{len(self.cases) + 1:03d}", "kind": kind, "text": text, "csl": csl,
                           "doi": doi, "reason": reason})


def works() -> tuple[list[Record], list[dict[str, Any]]]:
    """(records for the corpus, labelled references)."""
    built = Labelled()
    for build in TRAPS:
        build(built)
    return built.corpus, built.cases


# -- co-published guidelines and statements (same text, several journals, one DOI each) ----------


def _copublished(s: Labelled) -> None:
    k = "co-published"
    prisma_a = "Moher D, Liberati A, Tetzlaff J, Altman DG; PRISMA Group"
    prisma_t = "Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement"
    prisma = [
        s.add(record("10.1371/journal.pmed.1000097", prisma_a, prisma_t, "PLoS Med", 2009, "6", "7", "e1000097", month=7)),
        s.add(record("10.1136/bmj.b2535", prisma_a, prisma_t, "BMJ", 2009, "339", None, "b2535", month=7)),
        s.add(record("10.7326/0003-4819-151-4-200908180-00135", prisma_a, prisma_t, "Ann Intern Med", 2009, "151", "4",
                   "264-269", month=8)),
        s.add(record("10.1016/j.jclinepi.2009.06.005", prisma_a, prisma_t, "J Clin Epidemiol", 2009, "62", "10",
                   "1006-1012", month=10)),
        s.add(record("10.1016/j.ijsu.2010.02.007", prisma_a, prisma_t, "Int J Surg", 2010, "8", "5", "336-341", month=5)),
    ]
    for rec in prisma:
        s.cite(k, rec, f"PRISMA 2009 as printed in {rec['short-container-title'][0]}: the journal, volume and page "
             "name this copy among five co-publications with the same title and authors", show=4)
    s.cite(k, prisma[2], "Ann Intern Med copy cited with its first author only: journal and pages still decide", show=1)
    open_med = record("10.5555/open-med-prisma-2009", prisma_a, prisma_t, "Open Med", 2009, "3", "3", "e123-e130",
                      comment="The Open Med co-publication of PRISMA 2009 (real); NOT in the corpus.")
    s.cite(k, open_med, "the Open Med copy is not in the corpus: the four other copies share title and authors "
         "but not the journal, so no DOI", expect=False, show=4)
    page_a = "Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD, Shamseer L, Tetzlaff JM"
    page_t = "The PRISMA 2020 statement: an updated guideline for reporting systematic reviews"
    prisma20 = [
        s.add(record("10.1136/bmj.n71", page_a, page_t, "BMJ", 2021, "372", None, "n71", month=3)),
        s.add(record("10.1371/journal.pmed.1003583", page_a, page_t, "PLoS Med", 2021, "18", "3", "e1003583", month=3)),
        s.add(record("10.1186/s13643-021-01626-4", page_a, page_t, "Syst Rev", 2021, "10", "1", "89", month=3)),
        s.add(record("10.1016/j.jclinepi.2021.03.001", page_a, page_t, "J Clin Epidemiol", 2021, "134", None, "178-189",
                   month=6)),
        s.add(record("10.1016/j.ijsu.2021.105906", page_a, page_t, "Int J Surg", 2021, "88", None, "105906", month=4)),
    ]
    for rec in prisma20:
        s.cite(k, rec, f"PRISMA 2020 in {rec['short-container-title'][0]}: one of five co-publications of 2021")
    elab = s.add(record("10.1136/bmj.n160", "Page MJ, Moher D, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD",
                      "PRISMA 2020 explanation and elaboration: updated guidance and exemplars for reporting systematic "
                      "reviews", "BMJ", 2021, "372", None, "n160", month=3))
    s.cite(k, elab, "the explanation and elaboration paper: same authors, journal, year and volume as the BMJ "
         "statement; title and article number differ")
    consort_a = "Schulz KF, Altman DG, Moher D; CONSORT Group"
    consort_t = "CONSORT 2010 statement: updated guidelines for reporting parallel group randomised trials"
    consort = [
        s.add(record("10.1136/bmj.c332", consort_a, consort_t, "BMJ", 2010, "340", None, "c332", month=3)),
        s.add(record("10.1371/journal.pmed.1000251", consort_a, consort_t, "PLoS Med", 2010, "7", "3", "e1000251",
                   month=3)),
        s.add(record("10.7326/0003-4819-152-11-201006010-00232", consort_a, consort_t, "Ann Intern Med", 2010, "152",
                   "11", "726-732", month=6)),
        s.add(record("10.1016/j.jclinepi.2010.02.005", consort_a, consort_t, "J Clin Epidemiol", 2010, "63", "8",
                   "834-840", month=8)),
        s.add(record("10.1186/1745-6215-11-32", consort_a, consort_t, "Trials", 2010, "11", None, "32", month=3)),
        s.add(record("10.1186/1741-7015-8-18", consort_a, consort_t, "BMC Med", 2010, "8", None, "18", month=3)),
    ]
    for rec in consort:
        s.cite(k, rec, f"CONSORT 2010 in {rec['short-container-title'][0]}: one of six co-publications of 2010", show=3)
    ee = s.add(record("10.1136/bmj.c869", "Moher D, Hopewell S, Schulz KF, Montori V, Gotzsche PC, Devereaux PJ",
                    "CONSORT 2010 explanation and elaboration: updated guidelines for reporting parallel group "
                    "randomised trials", "BMJ", 2010, "340", None, "c869", month=3))
    s.cite(k, ee, "CONSORT 2010 explanation and elaboration: shares subtitle, journal, year and volume with the "
         "statement in BMJ")
    strobe_a = "von Elm E, Altman DG, Egger M, Pocock SJ, Gøtzsche PC, Vandenbroucke JP; STROBE Initiative"
    strobe_t = ("The Strengthening the Reporting of Observational Studies in Epidemiology (STROBE) statement: "
                "guidelines for reporting observational studies")
    strobe = [
        s.add(record("10.1016/S0140-6736(07)61602-X", strobe_a, strobe_t, "Lancet", 2007, "370", "9596", "1453-1457",
                   month=10)),
        s.add(record("10.1371/journal.pmed.0040296", strobe_a, strobe_t, "PLoS Med", 2007, "4", "10", "e296",
                   month=10)),
        s.add(record("10.1016/j.jclinepi.2007.11.008", strobe_a, strobe_t, "J Clin Epidemiol", 2008, "61", "4",
                   "344-349", month=4)),
        s.add(record("10.7326/0003-4819-147-8-200710160-00010", strobe_a, strobe_t, "Ann Intern Med", 2007, "147", "8",
                   "573-577", month=10)),
        s.add(record("10.1016/j.ijsu.2014.07.013", strobe_a, strobe_t, "Int J Surg", 2014, "12", "12", "1495-1499",
                   month=12)),
    ]
    for rec in strobe:
        s.cite(k, rec, f"STROBE in {rec['short-container-title'][0]}: co-publications 2007-2014 with one title",
             show=6)
    s.cite(k, strobe[0], "STROBE in the Lancet cited without its title: journal, volume and page identify it",
         show=6, title=None)
    crit = [
        ("Aletaha D, Neogi T, Silman AJ, Funovits J, Felson DT, Bingham CO 3rd",
         "2010 Rheumatoid arthritis classification criteria: an American College of Rheumatology/European League "
         "Against Rheumatism collaborative initiative",
         ("10.1002/art.27584", "Arthritis Rheum", 2010, "62", "9", "2569-2581"),
         ("10.1136/ard.2010.138461", "Ann Rheum Dis", 2010, "69", "9", "1580-1588")),
        ("Aringer M, Costenbader K, Daikh D, Brinks R, Mosca M, Ramsey-Goldman R",
         "2019 European League Against Rheumatism/American College of Rheumatology classification criteria for "
         "systemic lupus erythematosus",
         ("10.1136/annrheumdis-2018-214819", "Ann Rheum Dis", 2019, "78", "9", "1151-1159"),
         ("10.1002/art.40930", "Arthritis Rheumatol", 2019, "71", "9", "1400-1412")),
        ("van den Hoogen F, Khanna D, Fransen J, Johnson SR, Baron M, Tyndall A",
         "2013 classification criteria for systemic sclerosis: an American College of Rheumatology/European League "
         "against Rheumatism collaborative initiative",
         ("10.1002/art.38098", "Arthritis Rheum", 2013, "65", "11", "2737-2747"),
         ("10.1136/annrheumdis-2013-204424", "Ann Rheum Dis", 2013, "72", "11", "1747-1755")),
        ("Shiboski CH, Shiboski SC, Seror R, Criswell LA, Labetoulle M, Lietman TM",
         "2016 American College of Rheumatology/European League Against Rheumatism classification criteria for "
         "primary Sjögren's syndrome: a consensus and data-driven methodology involving three international patient "
         "cohorts",
         ("10.1136/annrheumdis-2016-210571", "Ann Rheum Dis", 2017, "76", "1", "9-16"),
         ("10.1002/art.39859", "Arthritis Rheumatol", 2017, "69", "1", "35-45")),
        ("Neogi T, Jansen TL, Dalbeth N, Fransen J, Schumacher HR, Berendsen D",
         "2015 Gout classification criteria: an American College of Rheumatology/European League Against "
         "Rheumatism collaborative initiative",
         ("10.1136/annrheumdis-2015-208237", "Ann Rheum Dis", 2015, "74", "10", "1789-1798"),
         ("10.1002/art.39254", "Arthritis Rheumatol", 2015, "67", "10", "2557-2568")),
    ]
    for authors, title, *copies in crit:
        for doi, journal, year, volume, issue, page in copies:
            rec = s.add(record(doi, authors, title, journal, year, volume, issue, page, month=int(issue)))
            s.cite(k, rec, f"ACR/EULAR twin publication: this is the {journal} copy", show=6)


# -- guideline editions (same body, same kind of title, another year) ----------------------------


def _editions(s: Labelled) -> None:
    k = "editions"
    ssc = [
        ("Evans L, Rhodes A, Alhazzani W, Antonelli M, Coopersmith CM, French C",
         "Surviving sepsis campaign: international guidelines for management of sepsis and septic shock 2021",
         ("10.1007/s00134-021-06506-y", "Intensive Care Med", 2021, "47", "11", "1181-1247"),
         ("10.1097/CCM.0000000000005337", "Crit Care Med", 2021, "49", "11", "e1063-e1143")),
        ("Rhodes A, Evans LE, Alhazzani W, Levy MM, Antonelli M, Ferrer R",
         "Surviving Sepsis Campaign: International Guidelines for Management of Sepsis and Septic Shock: 2016",
         ("10.1007/s00134-017-4683-6", "Intensive Care Med", 2017, "43", "3", "304-377"),
         ("10.1097/CCM.0000000000002255", "Crit Care Med", 2017, "45", "3", "486-552")),
        ("Dellinger RP, Levy MM, Rhodes A, Annane D, Gerlach H, Opal SM",
         "Surviving sepsis campaign: international guidelines for management of severe sepsis and septic shock: 2012",
         ("10.1097/CCM.0b013e31827e83af", "Crit Care Med", 2013, "41", "2", "580-637"),
         ("10.1007/s00134-012-2769-8", "Intensive Care Med", 2013, "39", "2", "165-228")),
    ]
    for authors, title, *copies in ssc:
        for doi, journal, year, volume, issue, page in copies:
            rec = s.add(record(doi, authors, title, journal, year, volume, issue, page, month=int(issue)))
            s.cite(k, rec, f"Surviving Sepsis Campaign edition of {title[-4:]} in {journal}; the other editions share "
                 "journal and most of the title", show=3)
    s.cite(k, s.get("10.1007/s00134-017-4683-6"), "SSC 2016 cited with a title missing its year: the "
         "volume and pages tell the 2016 edition from 2012 and 2021", show=3,
         title="Surviving Sepsis Campaign: International Guidelines for Management of Sepsis and Septic Shock")
    hf = [
        ("McDonagh TA, Metra M, Adamo M, Gardner RS, Baumbach A, Böhm M",
         "2021 ESC Guidelines for the diagnosis and treatment of acute and chronic heart failure",
         ("10.1093/eurheartj/ehab368", "Eur Heart J", 2021, "42", "36", "3599-3726"),
         ("10.1002/ejhf.2333", "Eur J Heart Fail", 2022, "24", "1", "4-131")),
        ("Ponikowski P, Voors AA, Anker SD, Bueno H, Cleland JGF, Coats AJS",
         "2016 ESC Guidelines for the diagnosis and treatment of acute and chronic heart failure",
         ("10.1093/eurheartj/ehw128", "Eur Heart J", 2016, "37", "27", "2129-2200"),
         ("10.1002/ejhf.592", "Eur J Heart Fail", 2016, "18", "8", "891-975")),
        ("McDonagh TA, Metra M, Adamo M, Gardner RS, Baumbach A, Böhm M",
         "2023 Focused Update of the 2021 ESC Guidelines for the diagnosis and treatment of acute and chronic heart "
         "failure",
         ("10.1093/eurheartj/ehad195", "Eur Heart J", 2023, "44", "37", "3627-3639"),),
    ]
    for authors, title, *copies in hf:
        for doi, journal, year, volume, issue, page in copies:
            rec = s.add(record(doi, authors, title, journal, year, volume, issue, page, month=min(int(issue), 12)))
            s.cite(k, rec, f"ESC heart failure guideline ({title[:4]}) in {journal}: editions and co-publications "
                 "share authors and wording", show=6)
    ada = [
        ("10.2337/dc20-S002", "American Diabetes Association", 2020, "43", "S14-S31", "2020"),
        ("10.2337/dc21-S002", "American Diabetes Association", 2021, "44", "S15-S33", "2021"),
        ("10.2337/dc22-S002", "American Diabetes Association Professional Practice Committee", 2022, "45", "S17-S38",
         "2022"),
    ]
    for doi, group, year, volume, page, label in ada:
        rec = s.add(record(doi, f";{group}", f"2. Classification and Diagnosis of Diabetes: Standards of Medical Care "
                         f"in Diabetes—{label}", "Diabetes Care", year, volume, "Supplement_1", page, month=1))
        s.cite(k, rec, f"ADA Standards of Care, {label} edition: yearly editions differ only by the year in the "
             "title, the volume and the pages", issue="Suppl 1")
    s.cite(k, s.get("10.2337/dc21-S002"), "the 2021 Standards cited with the year left out of its title: "
         "volume and pages decide", issue="Suppl 1",
         title="2. Classification and Diagnosis of Diabetes: Standards of Medical Care in Diabetes")
    absent = record("10.5555/dc19-S002", ";American Diabetes Association", "2. Classification and Diagnosis of "
                    "Diabetes: Standards of Medical Care in Diabetes—2019", "Diabetes Care", 2019, "42", "Supplement_1",
                    "S13-S28", comment="The 2019 edition (real); NOT in the corpus.")
    s.cite(k, absent, "the 2019 edition is not in the corpus: the 2020-2022 editions are, and must not be taken",
         expect=False, issue="Suppl 1")



# -- preprints and the articles they became ------------------------------------------------------


def _preprints(s: Labelled) -> None:
    k = "preprints"
    pairs = [
        # (article DOI, authors, article title, journal, year, volume, issue, pages,
        #  preprint title (None: the same), server, preprint year, month)
        ("10.1056/NEJMoa2021436", "Horby P, Lim WS, Emberson JR, Mafham M, Bell JL, Linsell L; RECOVERY Collaborative Group",
         "Dexamethasone in Hospitalized Patients with Covid-19", "N Engl J Med", 2021, "384", "8", "693-704",
         "Effect of Dexamethasone in Hospitalized Patients with COVID-19 – Preliminary Report", "medRxiv", 2020, 6),
        ("10.1056/NEJMoa2022926", "Horby P, Mafham M, Linsell L, Bell JL, Staplin N, Emberson JR; RECOVERY Collaborative Group",
         "Effect of Hydroxychloroquine in Hospitalized Patients with Covid-19", "N Engl J Med", 2020, "383", "21", "2030-2040",
         "Effect of Hydroxychloroquine in Hospitalized Patients with COVID-19: Preliminary results from a multi-centre, "
         "randomized, controlled trial", "medRxiv", 2020, 7),
        ("10.1038/s41586-020-2196-x", "Wölfel R, Corman VM, Guggemos W, Seilmaier M, Zange S, Müller MA",
         "Virological assessment of hospitalized patients with COVID-2019", "Nature", 2020, "581", "7809", "465-469",
         None, "medRxiv", 2020, 3),
        ("10.1016/S1473-3099(20)30287-5", "Bi Q, Wu Y, Mei S, Ye C, Zou X, Zhang Z",
         "Epidemiology and transmission of COVID-19 in 391 cases and 1286 of their close contacts in Shenzhen, China: a "
         "retrospective cohort study", "Lancet Infect Dis", 2020, "20", "8", "911-919",
         "Epidemiology and Transmission of COVID-19 in Shenzhen China: Analysis of 391 cases and 1,286 of their close "
         "contacts", "medRxiv", 2020, 3),
        ("10.1056/NEJMoa2001316", "Li Q, Guan X, Wu P, Wang X, Zhou L, Tong Y",
         "Early Transmission Dynamics in Wuhan, China, of Novel Coronavirus-Infected Pneumonia", "N Engl J Med", 2020,
         "382", "13", "1199-1207", None, "medRxiv", 2020, 1),
        ("10.1056/NEJMoa2002032", "Guan WJ, Ni ZY, Hu Y, Liang WH, Ou CQ, He JX",
         "Clinical Characteristics of Coronavirus Disease 2019 in China", "N Engl J Med", 2020, "382", "18", "1708-1720",
         "Clinical characteristics of 2019 novel coronavirus infection in China", "medRxiv", 2020, 2),
        ("10.1016/S0140-6736(20)30566-3", "Zhou F, Yu T, Du R, Fan G, Liu Y, Liu Z",
         "Clinical course and risk factors for mortality of adult inpatients with COVID-19 in Wuhan, China: a "
         "retrospective cohort study", "Lancet", 2020, "395", "10229", "1054-1062", None, "Research Square", 2020, 2),
        ("10.1002/art.41566", "Gono T, Masui K, Nishina N, Kawaguchi Y, Kawakami A, Ikeda K",
         "Risk Prediction Modeling Based on a Combination of Initial Serum Biomarker Levels in "
         "Polymyositis/Dermatomyositis-Associated Interstitial Lung Disease", "Arthritis Rheumatol", 2021, "73", "4",
         "677-686", None, "Research Square", 2020, 6),
        ("10.1212/WNL.0000000000009727", "Allenbach Y, Uzunhan Y, Toquet S, Leroux G, Gallay L, Marquet A",
         "Different phenotypes in dermatomyositis associated with anti-MDA5 antibody: Study of 121 cases", "Neurology",
         2020, "95", "1", "e70-e78", None, "medRxiv", 2019, 11),
        ("10.1056/NEJMoa2101765", "Dagan N, Barda N, Kepten E, Miron O, Perchik S, Katz MA",
         "BNT162b2 mRNA Covid-19 Vaccine in a Nationwide Mass Vaccination Setting", "N Engl J Med", 2021, "384", "15",
         "1412-1423", None, "medRxiv", 2021, 2),
    ]
    for n, (doi, authors, title, journal, year, volume, issue, page, ptitle, server, pyear, pmonth) in enumerate(pairs):
        month = int(issue) if int(issue) <= 12 else 6
        article = s.add(record(doi, authors, title, journal, year, volume, issue, page, month=month))
        stem = "rs.3.rs-" if server == "Research Square" else ""
        pre = s.add(preprint(f"10.5555/{stem}preprint.{pyear}.{n + 1:02d}", authors, ptitle or title, server, pyear,
                             pmonth, f"The {server} preprint of {doi} ({'its title as posted' if ptitle else 'same title'})."))
        same = "the preprint has the same title and authors" if not ptitle else "the preprint's title differs"
        s.cite(k, article, f"the published article cited with journal, volume and pages; {same}, but a preprint is "
               "never the article")
        if n % 2 == 0:
            s.cite(k, article, f"the article cited with its first author only and no issue; {same}", show=1, issue=None)
        if n < 7:
            s.cite(k, pre, f"the {server} preprint cited as a preprint: the article is not it", show=3)
    only_article = s.add(record("10.1056/NEJMoa2034577", "Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, "
                                "Lockhart S", "Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine", "N Engl J Med",
                                2020, "383", "27", "2603-2615", month=12))
    ghost = preprint("10.5555/preprint.absent.01", "Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, Lockhart S",
                     "Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine", "medRxiv", 2020, 12,
                     "A preprint with the article's title; NOT in the corpus.")
    s.cite(k, ghost, "a preprint citation whose preprint is not in the corpus: the article with the same title is "
           "there and must not be taken", expect=False, show=3)
    s.cite(k, only_article, "the article itself; the corpus has no preprint twin")
    unpublished = s.add(preprint("10.5555/preprint.2021.20", "Tansley SL, Simou S, Shaddick G, Betteridge ZE",
                                 "Autoantibodies in juvenile-onset myositis: their diagnostic value and associated "
                                 "clinical phenotype in a large UK cohort", "medRxiv", 2021, 5,
                                 "A preprint whose article is NOT in the corpus."))
    ghost_article = record("10.5555/article.absent.01", "Tansley SL, Simou S, Shaddick G, Betteridge ZE",
                           "Autoantibodies in juvenile-onset myositis: their diagnostic value and associated clinical "
                           "phenotype in a large UK cohort", "J Autoimmun", 2017, "84", None, "55-64",
                           comment="The published article (real facts); NOT in the corpus.")
    s.cite(k, ghost_article, "a journal citation whose article is not in the corpus: the preprint with the same title "
           "is, and must not be taken", expect=False, show=4)
    s.cite(k, unpublished, "the preprint, cited as a preprint", show=4)


# -- retracted articles and their notices --------------------------------------------------------


def _retractions(s: Labelled) -> None:
    k = "retractions"
    mehra = s.add(record("10.1016/S0140-6736(20)31180-6", "Mehra MR, Desai SS, Ruschitzka F, Patel AN",
                         "RETRACTED: Hydroxychloroquine or chloroquine with or without a macrolide for treatment of "
                         "COVID-19: a multinational registry analysis", "Lancet", 2020, month=5, online=[2020, 5, 22]))
    mehra_notice = s.add(notice("10.1016/S0140-6736(20)31324-6", "Retraction—Hydroxychloroquine or chloroquine with or "
                                "without a macrolide for treatment of COVID-19: a multinational registry analysis",
                                "Lancet", 2020, "395", "10240", "1820", mehra, "retraction", REAL,
                                authors="Mehra MR, Ruschitzka F, Patel AN", month=6))
    s.cite(k, mehra, "the retracted article (Crossref title 'RETRACTED: …'), cited online-first without volume: it is "
           "the work cited, not a notice")
    s.cite(k, mehra, "the retracted article cited with the RETRACTED: prefix its record now carries",
           title=mehra["title"][0])
    s.cite(k, mehra_notice, "the retraction notice itself, cited with its own volume and page")
    nejm = s.add(record("10.1056/NEJMoa2007621", "Mehra MR, Desai SS, Kuy S, Henry TD, Patel AN",
                        "Cardiovascular Disease, Drug Therapy, and Mortality in Covid-19", "N Engl J Med", 2020, "382",
                        "25", "e102", month=6))
    nejm_notice = s.add(notice("10.1056/NEJMc2021225", "Retraction: Cardiovascular Disease, Drug Therapy, and Mortality "
                               "in Covid-19. N Engl J Med. DOI: 10.1056/NEJMoa2007621.", "N Engl J Med", 2020, "382",
                               "26", "2582", nejm, "retraction", REAL, authors="Mehra MR, Ruschitzka F, Patel AN",
                               month=6))
    s.cite(k, nejm, "the retracted NEJM article (title unchanged, the retraction in updated-by)")
    s.cite(k, nejm_notice, "the NEJM retraction notice: same authors, the article's title after 'Retraction:'",
           title="Retraction: Cardiovascular Disease, Drug Therapy, and Mortality in Covid-19")
    wakefield = s.add(record("10.1016/S0140-6736(97)11096-0", "Wakefield AJ, Murch SH, Anthony A, Linnell J, Casson DM, "
                             "Malik M, Berelowitz M, Dhillon AP", "RETRACTED: Ileal-lymphoid-nodular hyperplasia, "
                             "non-specific colitis, and pervasive developmental disorder in children", "Lancet", 1998,
                             "351", "9103", "637-641", month=2))
    wakefield_notice = s.add(notice("10.1016/S0140-6736(10)60175-4", "Retraction—Ileal-lymphoid-nodular hyperplasia, "
                                    "non-specific colitis, and pervasive developmental disorder in children", "Lancet",
                                    2010, "375", "9713", "445", wakefield, "retraction", REAL,
                                    authors=";The Editors of The Lancet", month=2))
    s.cite(k, wakefield, "Wakefield 1998, Elsevier title 'RETRACTED: …': the article, flagged retracted")
    s.cite(k, wakefield_notice, "the 2010 retraction notice: its own year, volume and page")
    seralini_a = "Séralini GE, Clair E, Mesnage R, Gress S, Defarge N, Malatesta M"
    seralini_t = "Long term toxicity of a Roundup herbicide and a Roundup-tolerant genetically modified maize"
    seralini = s.add(record("10.1016/j.fct.2012.08.005", seralini_a, "RETRACTED: " + seralini_t, "Food Chem Toxicol",
                            2012, "50", "11", "4221-4231", month=11))
    seralini_notice = s.add(notice("10.1016/j.fct.2013.11.047", f"Retraction notice to “{seralini_t}” [Food Chem. "
                                   "Toxicol. 50 (2012) 4221–4231]", "Food Chem Toxicol", 2014, "63", None, "244",
                                   seralini, "retraction", REAL, month=1))
    republished = s.add(record("10.1186/s12302-014-0014-5", seralini_a, "Republished study: long-term toxicity of a "
                               "Roundup herbicide and a Roundup-tolerant genetically modified maize", "Environ Sci Eur",
                               2014, "26", "1", "14", month=6))
    s.cite(k, seralini, "the retracted article (RETRACTED: title); the republished study in another journal is another "
           "work")
    s.cite(k, seralini_notice, "the retraction notice, titled 'Retraction notice to …'")
    s.cite(k, republished, "the republished study in Environ Sci Eur, not the retracted original")
    gautret = s.add(record("10.1016/j.ijantimicag.2020.105949", "Gautret P, Lagier JC, Parola P, Hoang VT, Meddeb L, "
                           "Mailhe M", "RETRACTED: Hydroxychloroquine and azithromycin as a treatment of COVID-19: "
                           "results of an open-label non-randomized clinical trial", "Int J Antimicrob Agents", 2020,
                           "56", "1", "105949", month=7))
    gautret_notice = s.add(notice("10.5555/ijaa-retraction-2024", "Retraction notice to “Hydroxychloroquine and "
                                  "azithromycin as a treatment of COVID-19: results of an open-label non-randomized "
                                  "clinical trial” [International Journal of Antimicrobial Agents 56/1 (2020) 105949]",
                                  "Int J Antimicrob Agents", 2025, "65", "1", "107416", gautret, "retraction",
                                  "The 2024 retraction notice of 10.1016/j.ijantimicag.2020.105949 (volume and page "
                                  "modelled, not confirmed).", month=1))
    s.cite(k, gautret, "the Gautret article, retracted in 2024: cited as printed, it gets its own DOI")
    s.cite(k, gautret_notice, "the retraction notice, which quotes the article in its title")
    obokata_a = "Obokata H, Wakayama T, Sasai Y, Kojima K, Vacanti MP, Niwa H, Yamato M, Vacanti CA"
    stap1 = s.add(record("10.1038/nature12968", obokata_a, "Stimulus-triggered fate conversion of somatic cells into "
                         "pluripotency", "Nature", 2014, "505", "7485", "641-647", month=1))
    stap2_a = "Obokata H, Sasai Y, Niwa H, Kadota M, Andrabi M, Takata N"
    stap2 = s.add(record("10.1038/nature12969", stap2_a, "Bidirectional developmental potential in reprogrammed cells "
                         "with acquired pluripotency", "Nature", 2014, "505", "7485", "676-680", month=1))
    note1 = s.add(notice("10.1038/nature13598", "Retraction Note: Stimulus-triggered fate conversion of somatic cells "
                         "into pluripotency", "Nature", 2014, "511", "7507", "112", stap1, "retraction", REAL,
                         authors=obokata_a, month=7))
    note2 = s.add(notice("10.1038/nature13599", "Retraction Note: Bidirectional developmental potential in reprogrammed "
                         "cells with acquired pluripotency", "Nature", 2014, "511", "7507", "112", stap2, "retraction",
                         REAL, authors=stap2_a, month=7))
    s.cite(k, stap1, "the first STAP article; its companion in the same issue shares authors")
    s.cite(k, stap2, "the second STAP article, same issue")
    s.cite(k, note1, "'Retraction Note:' of the first article; the second's note has the same volume and page")
    s.cite(k, note2, "'Retraction Note:' of the second article")
    springer = s.add(record("10.5555/clinrheum-retracted-1", "Yilmaz K, Demir A, Kaya S", "RETRACTED ARTICLE: Serum "
                            "calprotectin as a marker of disease activity in dermatomyositis", "Clin Rheumatol", 2019,
                            "38", "4", "1101-1107", month=4, comment="A Springer-style retracted article."))
    springer_note = s.add(notice("10.5555/clinrheum-retraction-note-1", "Retraction Note: Serum calprotectin as a "
                                 "marker of disease activity in dermatomyositis", "Clin Rheumatol", 2021, "40", "2",
                                 "795", springer, "retraction", "Its Springer-style retraction note.",
                                 authors="Yilmaz K, Demir A, Kaya S", month=2))
    s.cite(k, springer, "Springer's 'RETRACTED ARTICLE:' title marks the article itself, not a notice")
    s.cite(k, springer_note, "the 'Retraction Note:', with the article's authors")
    hindawi = s.add(record("10.5555/bmri-2014-article", "Wang L, Li J, Zhang Y", "Efficacy of tacrolimus in refractory "
                           "polymyositis: a meta-analysis", "Biomed Res Int", 2014, "2014", None, "123456", month=3,
                           comment="A Hindawi-style article."))
    hindawi_notice = s.add(notice("10.5555/bmri-2023-retracted", "Retracted: Efficacy of tacrolimus in refractory "
                                  "polymyositis: a meta-analysis", "Biomed Res Int", 2023, "2023", None, "9876543",
                                  hindawi, "retraction", "Its Hindawi-style notice, titled 'Retracted: …'.", month=9))
    s.cite(k, hindawi, "the article; its Hindawi notice is titled 'Retracted: <the article's title>'")
    s.cite(k, hindawi_notice, "the Hindawi notice 'Retracted: …' cited itself: its own year and number decide")
    interp = s.add(record("10.5555/jnd-interpretation-1", "Okada S, Ito K", "Muscle MRI patterns predict treatment "
                          "response in inclusion body myositis", "J Neuromuscul Dis", 2018, "5", "2", "201-210", month=5,
                          comment="An article whose interpretation its authors retracted."))
    interp_notice = s.add(notice("10.5555/jnd-interpretation-2", "Retraction of an interpretation", "J Neuromuscul Dis",
                                 2019, "6", "1", "151", interp, "partial_retraction", "The partial retraction.",
                                 authors="Okada S, Ito K", month=1))
    s.cite(k, interp, "the article, whose authors later retracted an interpretation")
    s.cite(k, interp_notice, "the notice 'Retraction of an interpretation', same authors")


# -- corrections, expressions of concern, comments and replies ----------------------------------


def _corrections(s: Labelled) -> None:
    k = "corrections"
    base = [
        ("10.5555/ard-2018-reply-e51", "Lundberg IE, Tjärnlund A, Bottai M, Werth VP, Pilkington C, de Visser M",
         "Response to: 'Classification criteria for idiopathic inflammatory myopathies: what is new?'",
         "Ann Rheum Dis", 2018, "77", "8", "e51"),
        ("10.1038/s41572-021-00321-x", "Lundberg IE, Fujimoto M, Vencovsky J, Aggarwal R, Holmqvist M, "
         "Christopher-Stine L", "Idiopathic inflammatory myopathies", "Nat Rev Dis Primers", 2021, "7", "1", "86"),
        ("10.1016/S1474-4422(18)30254-0", "Selva-O'Callaghan A, Pinal-Fernandez I, Trallero-Araguás E, Milisenda JC, "
         "Grau-Junyent JM, Mammen AL", "Classification and management of adult inflammatory myopathies",
         "Lancet Neurol", 2018, "17", "9", "816-828"),
        ("10.1056/NEJMoa2117912", "Aggarwal R, Charles-Schoeman C, Schessl J, Bata-Csörgő Z, Dimachkie MM, Griger Z",
         "Trial of Intravenous Immune Globulin in Dermatomyositis", "N Engl J Med", 2022, "387", "14", "1264-1278"),
    ]
    notices = [
        ("Correction: Response to: 'Classification criteria for idiopathic inflammatory myopathies: what is new?'",
         "Ann Rheum Dis", 2019, "78", "2", "e19", "correction"),
        ("Publisher Correction: Idiopathic inflammatory myopathies", "Nat Rev Dis Primers", 2022, "8", "1", "7",
         "correction"),
        ("Correction to Lancet Neurol 2018; 17: 816–28", "Lancet Neurol", 2018, "17", "10", "e10", "correction"),
        ("Trial of Intravenous Immune Globulin in Dermatomyositis", "N Engl J Med", 2022, "387", "20", "1916",
         "correction"),
    ]
    for n, ((doi, authors, title, journal, year, volume, issue, page), nt) in enumerate(zip(base, notices, strict=True)):
        comment = "A reply (modelled) whose own correction exists." if doi.startswith("10.5555") else REAL
        article = s.add(record(doi, authors, title, journal, year, volume, issue, page, month=int(issue) % 12 + 1,
                               comment=comment))
        ntitle, njournal, nyear, nvol, nissue, npage, kind = nt
        corr = s.add(notice(f"10.5555/correction-{n + 1}", ntitle, njournal, nyear, nvol, nissue, npage, article, kind,
                            f"The correction notice of {doi}.", month=int(nissue) % 12 + 1))
        s.cite(k, article, "the work; its correction notice in the corpus repeats (or cites) its title",
               notice="reply" if n == 0 else None)
        s.cite(k, corr, "the correction notice itself, cited as printed: it gets the notice's DOI",
               notice="erratum" if n == 3 else None)
    doe = [("395", "10240", "1820"), ("396", "10257", "1070"), ("397", "10270", "194"), ("398", "10296", "212"),
           ("399", "10320", "134")]
    doe_recs = [s.add(record(f"10.5555/lancet-doe-{v}", "", "Department of Error", "Lancet", 2020 + i, v, iss, p,
                             comment="A Lancet 'Department of Error' correction notice.", month=6))
                for i, (v, iss, p) in enumerate(doe)]
    for rec in doe_recs[:3]:
        s.cite(k, rec, "an anonymous 'Department of Error' cited by volume and page; the corpus holds five with this "
               "title")
    s.cite(k, doe_recs[3], "'Department of Error' cited without its issue", issue=None)
    s.cite(k, record("10.5555/lancet-doe-absent", "", "Department of Error", "Lancet", 2023, "401", "10371", "104",
                     comment="NOT in the corpus."),
           "a 'Department of Error' not in the corpus: the five others share only the title", expect=False)
    goyal = s.add(record("10.5555/nejm-2020-goyal", "Goyal P, Choi JJ, Pinheiro LC, Schenck EJ, Chen R, Jabri A",
                         "Clinical Characteristics of Covid-19 in New York City", "N Engl J Med", 2020, "382", "24",
                         "2372-2374", month=6, comment="Article (real facts) with a modelled notice."))
    goyal_err = s.add(notice("10.5555/nejm-2020-error", "Error in Figure", "N Engl J Med", 2020, "383", "2", "e12",
                             goyal, "correction", "An untitled correction, JAMA/NEJM style.", month=7))
    s.cite(k, goyal, "the article; an 'Error in Figure' notice points at it")
    s.cite(k, goyal_err, "the 'Error in Figure' notice, cited itself", notice="erratum")
    corrig = s.add(record("10.5555/jautoimmun-2019-77", "Betteridge Z, Tansley S, Shaddick G, Chinoy H, Cooper RG, "
                          "New RP", "Frequency, mutual exclusivity and clinical associations of myositis autoantibodies "
                          "in a combined European cohort of idiopathic inflammatory myopathy patients", "J Autoimmun",
                          2019, "101", None, "48-55", month=7, comment="Article (real facts, DOI fictional)."))
    corrig_n = s.add(notice("10.5555/jautoimmun-2019-corrigendum", "Corrigendum to “Frequency, mutual exclusivity and "
                            "clinical associations of myositis autoantibodies in a combined European cohort of "
                            "idiopathic inflammatory myopathy patients” [J. Autoimmun. 101 (2019) 48–55]",
                            "J Autoimmun", 2020, "106", None, "102325", corrig, "corrigendum",
                            "Elsevier-style corrigendum.", authors="Betteridge Z, Tansley S, Shaddick G, Chinoy H, "
                            "Cooper RG, New RP", month=1))
    s.cite(k, corrig, "the article; an Elsevier 'Corrigendum to “…”' with the same authors exists")
    s.cite(k, corrig_n, "the corrigendum itself")
    eoc_article = s.add(record("10.5555/eoc-article-1", "Kumar R, Singh P, Gupta A", "Ivermectin prophylaxis in "
                               "health-care workers: a cohort study", "Clin Rheumatol", 2021, "40", "9", "3651-3659",
                               month=9, comment="An article that received an expression of concern."))
    eoc = s.add(notice("10.5555/eoc-notice-1", "Expression of concern: Ivermectin prophylaxis in health-care workers: a "
                       "cohort study", "Clin Rheumatol", 2022, "41", "3", "903", eoc_article, "expression_of_concern",
                       "Its expression of concern.", month=3))
    s.cite(k, eoc_article, "the article, under an expression of concern")
    s.cite(k, eoc, "the expression of concern itself")


def _replies(s: Labelled) -> None:
    k = "replies"
    letter = s.add(record("10.5555/ard-2020-kishimoto", "Kishimoto M, Yokogawa N, Okada M", "Correspondence on '2019 "
                          "European League Against Rheumatism/American College of Rheumatology classification criteria "
                          "for systemic lupus erythematosus'", "Ann Rheum Dis", 2020, "79", "4", "e46", month=4,
                          comment="A letter on the SLE criteria (modelled)."))
    reply = s.add(record("10.5555/ard-2020-aringer-reply", "Aringer M, Johnson SR", "Response to: 'Correspondence on "
                         "'2019 European League Against Rheumatism/American College of Rheumatology classification "
                         "criteria for systemic lupus erythematosus'' by Kishimoto et al", "Ann Rheum Dis", 2020, "79",
                         "4", "e47", comment="The criteria authors' response (modelled).", month=4,
                         relation={"is-reply-to": [{"id": letter["DOI"], "id-type": "doi", "asserted-by": "subject"}]}))
    s.cite(k, letter, "a correspondence whose title quotes the criteria paper: it is the letter, not the criteria")
    s.cite(k, reply, "the response to that correspondence: not the letter, not the criteria")
    s.cite(k, s.get("10.1136/annrheumdis-2018-214819"), "the SLE criteria themselves: the correspondence and the "
           "response quoting their title are other works", show=3)
    cases = [
        ("10.5555/rheum-2021-jak", "Paik JJ, Casciola-Rosen L, Shin JY", "Tofacitinib for refractory dermatomyositis: "
         "an open-label pilot study", "Rheumatology (Oxford)", 2021, "60", "3", "1201-1210", "e101", "e102"),
        ("10.5555/ard-2020-rtx", "Schmidt J, Oddis CV, Aggarwal R", "Rituximab in anti-synthetase syndrome: a "
         "multicentre cohort", "Ann Rheum Dis", 2020, "79", "5", "612-619", "e60", "e61"),
        ("10.5555/neurol-2019-ibm", "Benveniste O, Hogrel JY", "Sirolimus for inclusion body myositis: a randomised "
         "trial", "Neurology", 2019, "92", "8", "e801-e812", "e2101", "e2102"),
    ]
    for n, (art_doi, authors, title, journal, year, vol, iss, page, letter_page, reply_page) in enumerate(cases):
        art = s.add(record(art_doi, authors, title, journal, year, vol, iss, page, comment="Article (modelled).",
                           month=int(iss)))
        comment = s.add(record(f"{art_doi}-comment", "Moreau T, Lambert F", f"Comment on: {title}", journal, year + 1,
                               str(int(vol) + 1), "1", letter_page, comment="A comment on it (modelled).",
                               relation={"is-comment-on": [{"id": art_doi, "id-type": "doi"}]}))
        rep = s.add(record(f"{art_doi}-reply", authors, f"Reply to: Comment on: {title}", journal, year + 1,
                           str(int(vol) + 1), "1", reply_page, comment="The authors' reply (modelled).",
                           relation={"is-reply-to": [{"id": comment["DOI"], "id-type": "doi"}]}))
        s.cite(k, art, "the article; a comment and the authors' reply repeat its title")
        s.cite(k, comment, "the comment, titled 'Comment on: …'")
        s.cite(k, rep, "the authors' reply to the comment: same authors as the article")
        if n == 0:
            s.cite(k, rep, "the reply as a list printed it, 'Authors' reply', with its page", title="Authors' reply")


# -- conference abstracts and the full papers -----------------------------------------------------


def _abstracts(s: Labelled) -> None:
    k = "abstracts"
    eular = [
        ("POS0784", "Long-term outcomes of anti-MDA5 positive dermatomyositis in a European cohort",
         "Gonzalez-Moreno J, Raynaud-Pieri S, Lopez-Longo FJ", 2021, "80", "Suppl 1", "634",
         ("Rheumatology (Oxford)", 2022, "61", "8", "3301-3310")),
        ("OP0132", "Cancer screening in new-onset idiopathic inflammatory myopathy: results from the EuroMyositis "
         "registry", "Oldroyd A, Lilleker JB, Chinoy H", 2020, "79", "Suppl 1", "84",
         ("Ann Rheum Dis", 2021, "80", "9", "1150-1158")),
        ("AB0612", "Physical activity and fatigue in inclusion body myositis", "Lindgren U, Pullerits R, Lindberg C",
         2019, "78", "Suppl 2", "1723", ("J Neuromuscul Dis", 2020, "7", "3", "311-320")),
        ("THU0327", "Tacrolimus versus cyclosporine in interstitial lung disease with anti-synthetase antibodies",
         "Sasai T, Nakashima R, Shirakashi M", 2018, "77", "Suppl 2", "361",
         ("Rheumatology (Oxford)", 2019, "58", "6", "1021-1028")),
        ("SAT0299", "Myositis-specific autoantibodies in juvenile dermatomyositis in Brazil", "Sato JO, Silva CA, Sallum AM",
         2019, "78", "Suppl 2", "1249", ("Clin Rheumatol", 2020, "39", "11", "3371-3380")),
    ]
    for n, (code, title, authors, year, vol, supp, page, full) in enumerate(eular):
        abstract = s.add(record(f"10.5555/ard-abstract-{code.lower()}", authors, f"{code} {title.upper()}",
                                "Ann Rheum Dis", year, vol, supp, page, month=6,
                                comment="A EULAR abstract as BMJ deposits them (code and upper-case title)."))
        fj, fy, fv, fi, fp = full
        paper = s.add(record(f"10.5555/full-paper-{n + 1}", authors, title, fj, fy, fv, fi, fp, month=int(fi),
                             comment="The full paper of the abstract (modelled)."))
        s.cite(k, abstract, "the EULAR abstract, cited without its code: the full paper with the same title is another "
               "work", title=title)
        s.cite(k, paper, "the full paper: the abstract with the same title is another work")
    acr = [
        ("Efficacy of IVIG in refractory necrotizing myopathy: a retrospective study", "Zhang W, Huang G, Wang Q", 2019,
         "71", "Suppl 10", "1822", ("Clin Rheumatol", 2020, "39", "6", "1811-1818")),
        ("Serum interferon signature predicts relapse in juvenile dermatomyositis", "Kim H, Huber AM, Feldman BM", 2020,
         "72", "Suppl 10", "0563", ("Arthritis Rheumatol", 2021, "73", "11", "2112-2121")),
        ("Dysphagia outcomes after IVIG in inclusion body myositis", "Mohannak N, Pattison G, Hird K", 2018, "70",
         "Suppl 9", "2841", ("Neuromuscul Disord", 2019, "29", "5", "400-407")),
    ]
    for n, (title, authors, year, vol, supp, page, full) in enumerate(acr):
        fj, fy, fv, fi, fp = full
        s.add(record(f"10.5555/acr-full-paper-{n + 1}", authors, title, fj, fy, fv, fi, fp, month=int(fi),
                     comment="Full paper of an ACR abstract (modelled)."))
        abstract = record(f"10.5555/acr-abstract-{n + 1}", authors, title, "Arthritis Rheumatol", year, vol, supp, page,
                          comment="ACR abstracts are not deposited with Crossref: NOT in the corpus.")
        s.cite(k, abstract, "an ACR abstract (no Crossref DOI): the full paper with the same title, in another journal "
               "and year, must not be taken", expect=False, title=title + " [abstract]")


# -- books and chapters (cited with editors, editions, ISBNs) -------------------------------------


def _books(s: Labelled) -> None:
    k = "books"
    specs = [
        # (doi, authors, editors, title, year, publisher, place, edition, ISBN stem)
        ("10.5555/book.edxmed.2", "", "Dumitru D, Amato AA, Zwarts MJ", "Electrodiagnostic medicine", 2002,
         "Hanley & Belfus", "Philadelphia", "2", "978-1-56053-433"),
        ("10.5555/book.nmd.2", "Amato AA, Russell JA", "", "Neuromuscular disorders", 2016, "McGraw-Hill Education",
         "New York", "2", "978-0-07-182938"),
        ("10.5555/book.nmd.1", "Amato AA, Russell JA", "", "Neuromuscular disorders", 2008, "McGraw-Hill Medical",
         "New York", "1", "978-0-07-141612"),
        ("10.5555/book.myology.3", "", "Engel AG, Franzini-Armstrong C", "Myology", 2004, "McGraw-Hill", "New York", "3",
         "978-0-07-137180"),
        ("10.5555/book.harrison.20", "", "Jameson JL, Fauci AS, Kasper DL, Hauser SL, Longo DL, Loscalzo J",
         "Harrison's principles of internal medicine", 2018, "McGraw-Hill Education", "New York", "20", "978-1-259-64403"),
        ("10.5555/book.harrison.21", "", "Loscalzo J, Fauci AS, Kasper DL, Hauser SL, Longo DL, Jameson JL",
         "Harrison's principles of internal medicine", 2022, "McGraw Hill", "New York", "21", "978-1-264-26850"),
        ("10.5555/book.kelley.10", "", "Firestein GS, Budd RC, Gabriel SE, McInnes IB, O'Dell JR",
         "Kelley and Firestein's textbook of rheumatology", 2017, "Elsevier", "Philadelphia", "10", "978-0-323-31696"),
        ("10.5555/book.kelley.11", "", "Firestein GS, Budd RC, Gabriel SE, Koretzky GA, McInnes IB, O'Dell JR",
         "Firestein & Kelley's textbook of rheumatology", 2021, "Elsevier", "Philadelphia", "11", "978-0-323-63920"),
        ("10.5555/book.hochberg.7", "", "Hochberg MC, Gravallese EM, Silman AJ, Smolen JS, Weinblatt ME, Weisman MH",
         "Rheumatology", 2019, "Elsevier", "Philadelphia", "7", "978-0-7020-6865"),
        ("10.5555/book.petty.7", "", "Petty RE, Laxer RM, Lindsley CB, Wedderburn LR", "Textbook of pediatric "
         "rheumatology", 2016, "Elsevier", "Philadelphia", "7", "978-0-323-24145"),
        ("10.5555/book.petty.8", "", "Petty RE, Laxer RM, Lindsley CB, Wedderburn LR, Mellins ED, Fuhlbrigge RC",
         "Textbook of pediatric rheumatology", 2021, "Elsevier", "Philadelphia", "8", "978-0-323-67844"),
    ]
    books = {}
    for doi, authors, editors, title, year, publisher, place, edition, stem in specs:
        rec = s.add(book(doi, authors, editors, title, year, publisher, place, edition, isbn13(stem),
                         "Book (real bibliographic facts; DOI and ISBN check digit as modelled)."))
        BOOKS.append(rec)
        books[doi] = rec
    chapters = [
        ("10.5555/chap.edxmed.1", "Amato AA, Dumitru D", "Acquired myopathies", "10.5555/book.edxmed.2", "1371-1432"),
        ("10.5555/chap.edxmed.2", "Dumitru D, Amato AA", "Hereditary myopathies", "10.5555/book.edxmed.2", "1265-1370"),
        ("10.5555/chap.harrison.20", "Greenberg SA, Amato AA", "Polymyositis, dermatomyositis, and inclusion body "
         "myositis", "10.5555/book.harrison.20", "2735-2742"),
        ("10.5555/chap.harrison.21", "Greenberg SA, Amato AA", "Polymyositis, dermatomyositis, and inclusion body "
         "myositis", "10.5555/book.harrison.21", "2826-2834"),
        ("10.5555/chap.kelley.10", "Oddis CV, Ascherman DP", "Inflammatory diseases of muscle and other myopathies",
         "10.5555/book.kelley.10", "1461-1484"),
        ("10.5555/chap.kelley.11", "Lundberg IE, Miller FW", "Inflammatory diseases of muscle and other myopathies",
         "10.5555/book.kelley.11", "1503-1527"),
        ("10.5555/chap.petty.7", "Rider LG, Lindsley CB, Miller FW", "Juvenile dermatomyositis",
         "10.5555/book.petty.7", "351-383"),
        ("10.5555/chap.petty.8", "Rider LG, Lindsley CB, Miller FW", "Juvenile dermatomyositis",
         "10.5555/book.petty.8", "363-397"),
        ("10.5555/chap.hochberg.7", "Aggarwal R, Oddis CV", "Inflammatory myopathies: clinical features",
         "10.5555/book.hochberg.7", "1392-1400"),
        ("10.5555/chap.myology.3", "Engel AG, Hohlfeld R", "The polymyositis and dermatomyositis syndromes",
         "10.5555/book.myology.3", "1321-1366"),
    ]
    chaps = {}
    for doi, authors, title, of, page in chapters:
        chaps[doi] = s.add(chapter(doi, authors, title, books[of], page, "A chapter of a modelled book record."))
    s.cite(k, books["10.5555/book.edxmed.2"], "an edited book cited by its editors ('…, editors.'): editors, title, "
           "edition, publisher and year; its chapters have other titles")
    s.cite(k, books["10.5555/book.nmd.2"], "the 2nd edition of an authored book; the 1st edition has the same title "
           "and authors")
    s.cite(k, books["10.5555/book.nmd.1"], "the 1st edition; the 2nd has the same title and authors")
    s.cite(k, books["10.5555/book.nmd.2"], "the 2nd edition cited with its ISBN", ISBN=books["10.5555/book.nmd.2"]["ISBN"][0])
    s.cite(k, books["10.5555/book.harrison.20"], "Harrison's 20th edition, cited by its editors; the 21st has the same "
           "title and editors in another order")
    s.cite(k, books["10.5555/book.harrison.21"], "Harrison's 21st edition")
    s.cite(k, books["10.5555/book.myology.3"], "Myology, 3rd edition, cited by its editors")
    s.cite(k, books["10.5555/book.petty.8"], "pediatric rheumatology textbook, 8th edition; the 7th shares title and "
           "first editors")
    s.cite(k, books["10.5555/book.kelley.10"], "Kelley's textbook, 10th edition (retitled 'Firestein & Kelley's' in "
           "the 11th)")
    for chap in chaps.values():
        s.cite(k, chap, "a chapter cited with 'In: <editors>, editors. <book>': the book record and the other edition's "
               "chapter share words with it")
    s.cite(k, chaps["10.5555/chap.harrison.21"], "the chapter of the 21st edition cited without pages: edition and "
           "year tell it from the 20th edition's chapter", page=None)
    absent_ed = book("10.5555/book.harrison.19", "", "Kasper DL, Fauci AS, Hauser SL, Longo DL, Jameson JL, Loscalzo J",
                     "Harrison's principles of internal medicine", 2015, "McGraw-Hill Education", "New York", "19",
                     isbn13("978-0-07-180215"), "The 19th edition; NOT in the corpus.")
    s.cite(k, absent_ed, "Harrison's 19th edition is not in the corpus: the 20th and 21st are, and are other editions",
           expect=False)
    absent_nmd = book("10.5555/book.nmd.3", "Amato AA, Russell JA", "", "Neuromuscular disorders", 2024,
                      "McGraw Hill", "New York", "3", isbn13("978-1-264-26480"), "The 3rd edition; NOT in the corpus.")
    s.cite(k, absent_nmd, "the 3rd edition is not in the corpus: the 1st and 2nd share title and authors", expect=False)
    absent_chap = record("10.5555/chap.kelley.absent", "Christopher-Stine L, Mammen AL", "Metabolic myopathies", None,
                         2021, page="1528-1540", kind="book-chapter", comment="NOT in the corpus.")
    absent_chap["container-title"] = books["10.5555/book.kelley.11"]["title"]
    absent_chap["publisher"] = "Elsevier"
    s.cite(k, absent_chap, "a chapter of a book in the corpus, not itself in the corpus: the book and its other "
           "chapters are other works", expect=False)


# -- translations: the same guideline in Spanish, German and Italian journals ----------------------


def _translations(s: Labelled) -> None:
    k = "translations"
    af_a = "Hindricks G, Potpara T, Dagres N, Arbelo E, Bax JJ, Blomström-Lundqvist C"
    af_en = s.add(record("10.1093/eurheartj/ehaa612", af_a, "2020 ESC Guidelines for the diagnosis and management of "
                         "atrial fibrillation developed in collaboration with the European Association for "
                         "Cardio-Thoracic Surgery (EACTS)", "Eur Heart J", 2021, "42", "5", "373-498", month=2))
    af_es = s.add(record("10.1016/j.recesp.2020.10.022", af_a, "Guía ESC 2020 sobre el diagnóstico y tratamiento de la "
                         "fibrilación auricular, desarrollada en colaboración de la European Association for "
                         "Cardio-Thoracic Surgery (EACTS)", "Rev Esp Cardiol", 2021, "74", "5", "437.e1-437.e116",
                         month=5))
    hf_a = "McDonagh TA, Metra M, Adamo M, Gardner RS, Baumbach A, Böhm M"
    hf_es = s.add(record("10.1016/j.recesp.2021.11.027", hf_a, "Guía ESC 2021 sobre el diagnóstico y tratamiento de la "
                         "insuficiencia cardiaca aguda y crónica", "Rev Esp Cardiol", 2022, "75", "6", "523.e1-523.e114",
                         month=6))
    hf_it = s.add(record("10.5555/gital-2022-hf", hf_a, "Linee guida ESC 2021 per la diagnosi e il trattamento dello "
                         "scompenso cardiaco acuto e cronico", "G Ital Cardiol (Rome)", 2022, "23", "4 Suppl 1",
                         "e1-e127", month=4, comment="The Italian translation (published; DOI fictional)."))
    lip_a = "Mach F, Baigent C, Catapano AL, Koskinas KC, Casula M, Badimon L"
    lip_en = s.add(record("10.1093/eurheartj/ehz455", lip_a, "2019 ESC/EAS Guidelines for the management of "
                          "dyslipidaemias: lipid modification to reduce cardiovascular risk", "Eur Heart J", 2020, "41",
                          "1", "111-188", month=1))
    lip_ath = s.add(record("10.1016/j.atherosclerosis.2019.08.014", lip_a, "2019 ESC/EAS guidelines for the management "
                           "of dyslipidaemias: Lipid modification to reduce cardiovascular risk", "Atherosclerosis",
                           2019, "290", None, "140-205", month=11))
    lip_es = s.add(record("10.1016/j.recesp.2019.10.031", lip_a, "Guía ESC/EAS 2019 sobre el tratamiento de las "
                          "dislipemias: modificación de los lípidos para reducir el riesgo cardiovascular",
                          "Rev Esp Cardiol", 2020, "73", "5", "403.e1-403.e70", month=5))
    htn_a = "Williams B, Mancia G, Spiering W, Agabiti Rosei E, Azizi M, Burnier M"
    htn_en = s.add(record("10.1093/eurheartj/ehy339", htn_a, "2018 ESC/ESH Guidelines for the management of arterial "
                          "hypertension", "Eur Heart J", 2018, "39", "33", "3021-3104", month=9))
    htn_jh = s.add(record("10.1097/HJH.0000000000001940", htn_a, "2018 ESC/ESH Guidelines for the management of "
                          "arterial hypertension", "J Hypertens", 2018, "36", "10", "1953-2041", month=10))
    htn_es = s.add(record("10.1016/j.recesp.2018.12.005", htn_a, "Guía ESC/ESH 2018 sobre el diagnóstico y tratamiento "
                          "de la hipertensión arterial", "Rev Esp Cardiol", 2019, "72", "2", "160.e1-160.e78", month=2))
    prisma_es = s.add(record("10.1016/j.recesp.2021.06.016", "Page MJ, McKenzie JE, Bossuyt PM, Boutron I, "
                             "Hoffmann TC, Mulrow CD", "Declaración PRISMA 2020: una guía actualizada para la "
                             "publicación de revisiones sistemáticas", "Rev Esp Cardiol", 2021, "74", "9", "790-799",
                             month=9))
    consort_de = s.add(record("10.1055/s-0031-1272982", "Schulz KF, Altman DG, Moher D; CONSORT Group", "CONSORT 2010 "
                              "Statement: aktualisierte Leitlinie für das Berichten von Parallelgruppen-Studien",
                              "Dtsch Med Wochenschr", 2011, "136", "8", "e20-e23", month=2))
    prisma_de = s.add(record("10.1055/s-0031-1272978", "Moher D, Liberati A, Tetzlaff J, Altman DG; PRISMA Group",
                             "Bevorzugte Report Items für systematische Übersichten und Meta-Analysen: Das "
                             "PRISMA-Statement", "Dtsch Med Wochenschr", 2011, "136", "8", "e9-e15", month=2))
    strobe_de = s.add(record("10.1007/s00108-008-2138-4", "von Elm E, Altman DG, Egger M, Pocock SJ, Gøtzsche PC, "
                             "Vandenbroucke JP", "Das Strengthening the Reporting of Observational Studies in "
                             "Epidemiology (STROBE-) Statement", "Internist (Berl)", 2008, "49", "6", "688-693",
                             month=6))
    strobe_es = s.add(record("10.1157/13119325", "von Elm E, Altman DG, Egger M, Pocock SJ, Gøtzsche PC, "
                             "Vandenbroucke JP", "Declaración de la Iniciativa STROBE (Strengthening the Reporting of "
                             "Observational studies in Epidemiology): directrices para la comunicación de estudios "
                             "observacionales", "Gac Sanit", 2008, "22", "2", "144-150", month=3))
    strobe_it = s.add(record("10.5555/epiprev-2009-strobe", "von Elm E, Altman DG, Egger M, Pocock SJ, Gøtzsche PC, "
                             "Vandenbroucke JP", "Linee guida per la comunicazione degli studi osservazionali: STROBE",
                             "G Ital Cardiol (Rome)", 2009, "10", "3", "182-190", month=3,
                             comment="An Italian translation of STROBE (modelled on the real ones)."))
    for rec in (af_es, hf_es, lip_es, htn_es, prisma_es):
        s.cite(k, rec, "the Spanish edition in Rev Esp Cardiol (dotted e-pages where printed so): the English "
               "original and co-publications are other DOIs")
    s.cite(k, af_es, "the Spanish AF guideline cited with the English title, as Spanish lists often do: the journal "
           "and pages make it the Rev Esp Cardiol edition", title=af_en["title"][0])
    s.cite(k, hf_es, "the Spanish HF guideline cited by its first e-page only", page="523.e1")
    for rec in (af_en, lip_en, lip_ath, htn_en, htn_jh):
        s.cite(k, rec, "the English original or co-publication; the Spanish translation has the same authors")
    for rec in (consort_de, prisma_de, strobe_de):
        s.cite(k, rec, "the German translation; the English statement is in the corpus with the same authors")
    s.cite(k, strobe_es, "the Spanish STROBE translation (Gac Sanit)")
    s.cite(k, hf_it, "the Italian translation of the 2021 ESC HF guideline")
    s.cite(k, strobe_it, "an Italian STROBE translation")
    # What Crossref holds around the 2021 HF guideline: a corrigendum, a Polish translation, the Spanish
    # society's comments, a German commentary and letters quoting the title; the Italian and Polish
    # editions are cited with the English title, as lists often print them.
    ehj_hf = s.get("10.1093/eurheartj/ehab368")
    s.add(notice("10.5555/ehj-hf-2021-corrigendum", "Corrigendum to: 2021 ESC Guidelines for the diagnosis and "
                 "treatment of acute and chronic heart failure", "Eur Heart J", 2021, "42", "48", "4901", ehj_hf,
                 "corrigendum", "The guideline's corrigendum (modelled).", authors=hf_a, month=12))
    hf_pl = s.add(record("10.5555/kardiolpol-2021-hf", hf_a, "Wytyczne ESC 2021 dotyczące diagnostyki i leczenia "
                         "ostrej i przewlekłej niewydolności serca", "Kardiol Pol", 2021, "79", "12", "1-108",
                         month=12, comment="The Polish translation (published; DOI fictional)."))
    s.add(record("10.5555/recesp-2022-comments-hf", "Anguita M, Bayes-Genis A, Cepeda JM, Cinza S, Cobo E, "
                 "Comín-Colet J", "Comentarios a la guía ESC 2021 sobre el diagnóstico y tratamiento de la insuficiencia "
                 "cardiaca aguda y crónica", "Rev Esp Cardiol", 2022, "75", "6", "458-465", month=6,
                 comment="The Spanish society's comments on the guideline (modelled)."))
    s.add(record("10.5555/herz-2022-kommentar-hf", "Bauersachs J, Frey N, Rauch B, Störk S", "Kommentar zu den "
                 "Leitlinien (2021) der ESC zur Diagnose und Behandlung der akuten und chronischen Herzinsuffizienz",
                 "Herz", 2022, "47", "3", "211-218", month=6, comment="A German commentary (modelled)."))
    for j, (who, title) in enumerate([
        ("Rosano GMC, Moura B, Metra M", "what is new?"), ("Savarese G, Lindberg F", "a critical appraisal"),
        ("Packer M", "the quadruple therapy"), ("Bozkurt B, Coats AJS", "a view from across the Atlantic"),
        ("Seferović PM, Polovina M", "implications for practice"), ("Tomasoni D, Adamo M", "focus on devices"),
        ("Cleland JGF, Pellicori P", "a critique"), ("Mebazaa A, Davison B", "acute heart failure")]):
        s.add(record(f"10.5555/hf-2021-letter-{j}", who, "2021 ESC Guidelines for the diagnosis and treatment of "
                     f"acute and chronic heart failure: {title}", ("Eur Heart J", "Eur J Heart Fail")[j % 2], 2022,
                     ("43", "24")[j % 2], str(j + 1), f"{100 + j * 7}-{104 + j * 7}", month=j + 1,
                     comment="An editorial or letter quoting the guideline's title (modelled)."))
    s.cite(k, hf_it, "the Italian edition cited with the English title: journal, volume and pages make it the "
           "Italian one; the first search is crowded by the English title's copies, letters and corrigendum",
           title=ehj_hf["title"][0])
    s.cite(k, hf_pl, "the Polish edition cited with the English title", title=ehj_hf["title"][0])
    s.cite(k, hf_pl, "the Polish edition cited with its Polish title")
    pt = record("10.5555/abc-2021-hf", hf_a, "Diretriz ESC 2021 para o diagnóstico e tratamento da insuficiência "
                "cardíaca aguda e crônica", "Arq Bras Cardiol", 2022, "118", "3", "e1-e90",
                comment="A Portuguese edition (modelled); NOT in the corpus.")
    s.cite(k, pt, "a Portuguese edition not in the corpus: the English, Spanish and Italian editions are other "
           "works", expect=False)
    pt2 = record("10.5555/abc-2020-af", af_a, "Diretrizes ESC 2020 para o diagnóstico e tratamento da fibrilação "
                 "atrial", "Arq Bras Cardiol", 2021, "116", "4", "e50-e160", comment="NOT in the corpus.")
    s.cite(k, pt2, "another Portuguese edition not in the corpus", expect=False)


# -- truncated titles in a crowd of short letters and siblings ---------------------------------------


def _truncated(s: Labelled) -> None:
    k = "truncated"
    group = "; RECOVERY Collaborative Group"
    trials = [
        ("10.1016/S0140-6736(21)00676-0", "Tocilizumab", "2021", "397", "10285", "1637-1645"),
        ("10.1016/S0140-6736(21)00897-7", "Convalescent plasma", "2021", "397", "10289", "2049-2059"),
        ("10.1016/S0140-6736(21)00149-5", "Azithromycin", "2021", "397", "10274", "605-612"),
        ("10.1016/S0140-6736(20)32013-4", "Lopinavir-ritonavir", "2020", "396", "10259", "1345-1352"),
        ("10.1016/S0140-6736(21)01825-0", "Aspirin", "2022", "399", "10320", "143-151"),
        ("10.1016/S0140-6736(22)00163-5", "Casirivimab and imdevimab", "2022", "399", "10325", "665-676"),
    ]
    # Long author lists, as deposited: the six named first, then placeholders for the hundreds that follow.
    authors = "Horby P, Landray MJ, Pessoa-Amorim G, Emberson JR, Staplin N, Haynes R, " + ", ".join(
        f"Investigator{c} {c}" for c in "ABCDEFGHJKLMNPRSTVWXYZ")
    letters = ("Rubin EJ, Baden LR", "Mahase E", "Cortegiani A, Ippolito M", "Kow CS, Hasan SS", "Wise J", "Burki T",
               "Talaie H, Hosseini SM", "Siemieniuk RA, Guyatt GH")
    for n, (doi, drug, year, vol, issue, page) in enumerate(trials):
        title = f"{drug} in patients admitted to hospital with COVID-19 (RECOVERY): a randomised, controlled, " \
                "open-label, platform trial"
        rec = s.add(record(doi, authors + group, title, "Lancet", int(year), vol, issue, page,
                           month=n + 1, comment=REAL + " Author list shortened to invented placeholders after the "
                           "first six (the deposit lists hundreds)."))
        for j, who in enumerate(letters):
            opening = ("", "Comment on: ", "Correspondence: ", "", "News: ", "", "", "Editorial: ")[j]
            s.add(record(f"10.5555/recovery-{n}-letter-{j}", who, f"{opening}{drug} in patients admitted to hospital "
                         f"with COVID-19 (RECOVERY){' – authors reply' if j == 5 else ''}", "Lancet", int(year), vol,
                         None, f"e{(n + 1) * 10 + j}", month=n + 1,
                         comment="A short letter, comment or news item quoting the trial's title (modelled)."))
        cut = title.split(":")[0] + "…"
        s.cite(k, rec, "cited ahead of print (no volume or pages) with the title cut after the trial's name: letters "
               "and news quoting that name crowd the first results, and the trial's long author list weighs its "
               "record down", title=cut, volume=None, issue=None, page=None, show=3)
        if n % 2 == 0:
            s.cite(k, rec, "the trial with its title cut after the trial's name, volume and pages, no issue",
                   title=cut, issue=None, show=3)
    s.cite(k, s.get("10.1136/annrheumdis-2016-210571"), "the Sjögren criteria with the title cut after 'Sjögren's "
           "syndrome': the twin in Arthritis Rheumatol differs by journal", show=6,
           title="2016 American College of Rheumatology/European League Against Rheumatism classification criteria for "
                 "primary Sjögren's syndrome")


# -- absent works: cited, not in the corpus, with look-alikes that are -------------------------------


def _absent(s: Labelled) -> None:
    k = "absent"
    near = [
        ("Bohan A, Peter JB", "Polymyositis and dermatomyositis (second of two parts)", "N Engl J Med", 1975, "292", "8",
         "403-407", "10.1056/NEJM197502202920807"),
        ("Dalakas MC, Hohlfeld R", "Polymyositis and dermatomyositis", "Lancet", 2003, "362", "9388", "971-982",
         "10.1016/S0140-6736(03)14368-1"),
        ("Mammen AL", "Statin-associated autoimmune myopathy", "N Engl J Med", 2016, "374", "7", "664-669",
         "10.1056/NEJMra1515161"),
        ("Greenberg SA", "Inclusion body myositis: clinical features and pathogenesis", "Nat Rev Rheumatol", 2019, "15",
         "5", "257-272", "10.1038/s41584-019-0186-x"),
    ]
    for authors, title, journal, year, vol, issue, page, doi in near:
        present = s.add(record(doi, authors, title, journal, year, vol, issue, page, month=int(issue) % 12 + 1))
        s.cite("articles", present, "a classic article in the corpus")
    first = record("10.1056/NEJM197502132920706", "Bohan A, Peter JB", "Polymyositis and dermatomyositis (first of two "
                   "parts)", "N Engl J Med", 1975, "292", "7", "344-347", comment="Part one (real); NOT in the corpus.")
    s.cite(k, first, "part one of Bohan and Peter; part two, with a near-identical title in the next issue, is in the "
           "corpus and must not be taken", expect=False)
    others = [
        ("Dalakas MC", "Inflammatory muscle diseases", "N Engl J Med", 2015, "372", "18", "1734-1747",
         "same first author, near-identical subject; the 2003 Lancet review is in the corpus"),
        ("Mammen AL, Chung T, Christopher-Stine L, Rosen P, Rosen A, Doering KR", "Autoantibodies against "
         "3-hydroxy-3-methylglutaryl-coenzyme A reductase in patients with statin-associated autoimmune myopathy",
         "Arthritis Rheum", 2011, "63", "3", "713-721", "same first author and subject as the NEJM review in the corpus"),
        ("Greenberg SA, Pinkus JL, Kong SW, Baecher-Allan C, Amato AA, Dorfman DM", "Highly differentiated "
         "cytotoxic T cells in inclusion body myositis", "Brain", 2019, "142", "9", "2590-2604",
         "same first author and disease as the review in the corpus"),
        ("Lundberg IE, Tjärnlund A, Bottai M, Werth VP, Pilkington C, de Visser M", "2017 European League Against "
         "Rheumatism/American College of Rheumatology classification criteria for adult and juvenile idiopathic "
         "inflammatory myopathies and their major subgroups", "Ann Rheum Dis", 2018, "77", "1", "e2",
         "the criteria's correction-era reprint number: title and authors match the seed's ARD paper, volume and page "
         "do not"),
        ("Aringer M, Costenbader K, Daikh D, Brinks R, Mosca M, Ramsey-Goldman R", "2019 European League Against "
         "Rheumatism/American College of Rheumatology classification criteria for systemic lupus erythematosus",
         "Clin Rheumatol", 2019, "38", "9", "2301-2312", "the SLE criteria cited in a journal that never printed them"),
        ("McDonagh TA, Metra M, Adamo M, Gardner RS, Baumbach A, Böhm M", "2021 ESC Guidelines for the diagnosis and "
         "treatment of acute and chronic heart failure", "ESC Heart Fail", 2021, "8", "6", "4211-4334",
         "the HF guideline cited in a third journal: the two real copies are elsewhere"),
        ("Evans L, Rhodes A, Alhazzani W, Antonelli M, Coopersmith CM, French C", "Surviving sepsis campaign: "
         "international guidelines for management of sepsis and septic shock 2021", "Intensive Care Med", 2022, "48",
         "1", "1-95", "an SSC edition with numbers no edition has"),
        ("Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD", "The PRISMA 2020 statement: an updated "
         "guideline for reporting systematic reviews", "Rev Panam Salud Publica", 2022, "46", None, "e112",
         "PRISMA 2020 in a journal whose copy is not in the corpus"),
        ("Nonexistent ZZ, Madeup Q", "Serum biomarkers of calcinosis in juvenile dermatomyositis: a registry study",
         "Pediatr Rheumatol Online J", 2020, "18", "1", "45", "a fabricated reference in the corpus's subject"),
        ("Nonexistent ZZ", "Interstitial lung disease in anti-synthetase syndrome: a cohort", "Chest", 2016, "150", "5",
         "1118-1128", "a fabricated title with the volume and pages of a real Chest article in the corpus"),
        ("Oldroyd AGS, Lilleker JB, Amin T, Aragon O, Bechman K, Cuthbert V", "British Society for Rheumatology "
         "guideline on management of paediatric, adolescent and adult patients with idiopathic inflammatory myopathy",
         "Rheumatology (Oxford)", 2023, "62", "1", "e1-e5", "a later update of a seed guideline with the same title: "
         "other year, volume and pages"),
        ("Horby P, Lim WS, Emberson JR", "Dexamethasone in Hospitalized Patients with Covid-19", "N Engl J Med", 2020,
         "383", "10", "e59", "an erratum-era citation of the dexamethasone paper with wrong year, volume and page"),
    ]
    for n, (authors, title, journal, year, vol, issue, page, why) in enumerate(others):
        rec = record(f"10.5555/absent-{n + 1:02d}", authors, title, journal, year, vol, issue, page,
                     comment="NOT in the corpus.")
        s.cite(k, rec, f"not in the corpus: {why}", expect=False)


# -- journal articles without traps, cited in the forms lists use ---------------------------------------


def _articles(s: Labelled) -> None:
    k = "articles"
    plain = [
        ("10.1016/S0140-6736(00)03540-6", "Hill CL, Zhang Y, Sigurgeirsson B, Pukkala E, Mellemkjaer L, Airio A",
         "Frequency of specific cancer types in dermatomyositis and polymyositis: a population-based study", "Lancet",
         2001, "357", "9250", "96-100"),
        ("10.1002/art.37754", "Oddis CV, Reed AM, Aggarwal R, Rider LG, Ascherman DP, Levesque MC",
         "Rituximab in the treatment of refractory adult and juvenile dermatomyositis and adult polymyositis: a "
         "randomized, placebo-phase trial", "Arthritis Rheum", 2013, "65", "2", "314-324"),
        ("10.1136/annrheumdis-2015-208119", "Rothwell S, Cooper RG, Lundberg IE, Miller FW, Gregersen PK, Bowes J",
         "Dense genotyping of immune-related loci in idiopathic inflammatory myopathies confirms HLA alleles as the "
         "strongest genetic risk factor and suggests different genetic background for major clinical subgroups",
         "Ann Rheum Dis", 2016, "75", "8", "1558-1566"),
        ("10.1002/art.21023", "Sato S, Hirakata M, Kuwana M, Suwa A, Inada S, Mimori T", "Autoantibodies to a 140-kd "
         "polypeptide, CADM-140, in Japanese patients with clinically amyopathic dermatomyositis", "Arthritis Rheum",
         2005, "52", "5", "1571-1576"),
        ("10.1002/art.22164", "Targoff IN, Mamyrova G, Trieu EP, Perurena O, Koneru B, O'Hanlon TP", "A novel "
         "autoantibody to a 155-kd protein is associated with dermatomyositis", "Arthritis Rheum", 2006, "54", "11",
         "3682-3689"),
        ("10.1002/art.38093", "Fiorentino DF, Chung LS, Christopher-Stine L, Zaba L, Li S, Mammen AL", "Most patients "
         "with cancer-associated dermatomyositis have antibodies to nuclear matrix protein NXP-2 or transcription "
         "intermediary factor 1γ", "Arthritis Rheum", 2013, "65", "11", "2954-2962"),
        ("10.1136/annrheumdis-2017-211868", "Lilleker JB, Vencovsky J, Wang G, Wedderburn LR, Diederichsen LP, "
         "Schmidt J", "The EuroMyositis registry: an international collaborative tool to facilitate myositis research",
         "Ann Rheum Dis", 2018, "77", "1", "30-39"),
        ("10.1007/s11926-018-0732-6", "Pinal-Fernandez I, Casal-Dominguez M, Mammen AL", "Immune-Mediated Necrotizing "
         "Myopathy", "Curr Rheumatol Rep", 2018, "20", "4", "21"),
        ("10.3233/JND-180308", "Schmidt J", "Current Classification and Management of Inflammatory Myopathies",
         "J Neuromuscul Dis", 2018, "5", "2", "109-129"),
        ("10.1136/annrheumdis-2017-211751", "Tjärnlund A, Tang Q, Wick C, Dastmalchi M, Mann H, Tomasová Studýnková J",
         "Abatacept in the treatment of adult dermatomyositis and polymyositis: a randomised, phase IIb treatment "
         "delayed-start trial", "Ann Rheum Dis", 2018, "77", "1", "55-62"),
        ("10.1001/jama.2016.0287", "Singer M, Deutschman CS, Seymour CW, Shankar-Hari M, Annane D, Bauer M",
         "The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)", "JAMA", 2016, "315",
         "8", "801-810"),
        ("10.1111/joim.12524", "Lundberg IE, Miller FW, Tjärnlund A, Bottai M", "Diagnosis and classification of "
         "idiopathic inflammatory myopathies", "J Intern Med", 2016, "280", "1", "39-51"),
        ("10.1001/jamaneurol.2018.2598", "Mariampillai K, Granger B, Amelin D, Guiguet M, Hachulla E, Maurier F",
         "Development of a New Classification System for Idiopathic Inflammatory Myopathies Based on Clinical "
         "Manifestations and Myositis-Specific Autoantibodies", "JAMA Neurol", 2018, "75", "12", "1528-1537"),
        ("10.1097/WCO.0000000000000740", "Tanboon J, Nishino I", "Classification of idiopathic inflammatory "
         "myopathies: pathology perspectives", "Curr Opin Neurol", 2019, "32", "5", "704-714"),
        ("10.1038/nrrheum.2018.56", "McHugh NJ, Tansley SL", "Autoantibodies in myositis", "Nat Rev Rheumatol", 2018,
         "14", "5", "290-302"),
        ("10.1111/joim.12451", "Betteridge Z, McHugh N", "Myositis-specific autoantibodies: an important tool to "
         "support diagnosis of myositis", "J Intern Med", 2016, "280", "1", "8-23"),
        ("10.1038/nrrheum.2018.41", "Lundberg IE, de Visser M, Werth VP", "Classification of myositis",
         "Nat Rev Rheumatol", 2018, "14", "5", "269-278"),
    ]
    for n, (doi, authors, title, journal, year, vol, issue, page) in enumerate(plain):
        rec = s.add(record(doi, authors, title, journal, year, vol, issue, page, month=int(issue) % 12 + 1))
        s.cite(k, rec, "an article cited as listed")
        variant = n % 4
        if variant == 0:
            s.cite(k, rec, "first author only, issue dropped", show=1, issue=None)
        elif variant == 1:
            s.cite(k, rec, "journal written in full", container_title_short=None, container_title=JOURNALS[journal])
        elif variant == 2:
            words = title.split()
            s.cite(k, rec, "a typo in the title and the year of print given one off", title=" ".join(
                w if i != 2 else w[:1] + w[2:] + w[1:2] for i, w in enumerate(words)),
                issued={"date-parts": [[year + 1]]})
        else:
            s.cite(k, rec, "no title (as some lists print them)", title=None)


TRAPS: list[Callable[[Labelled], None]] = [
    _copublished, _editions, _preprints, _retractions, _corrections, _replies, _abstracts, _books, _translations,
    _truncated, _absent, _articles,
]
