"""PubMed records as myobib values: an ESummary DocSum as a `Reference`, EFetch links as flags.

The DocSum becomes the same `Reference` any reader produces (authors `Lundberg IE` split into
family and initials, collective names as literal names, the ISO abbreviation as
`container_title_short`, PubMed's abbreviated page range expanded, the electronic date kept as
`available-date`), so a PubMed record is judged by the same field-by-field checks as a Crossref
record or a library entry. Notices (a published erratum, a retraction or expression-of-concern
notice, a comment) are marked by their publication types.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..crossref.enrich import update_flags
from ..crossref.match import Candidate, notice_kind
from ..model import Date, Name, Reference
from ..pages import expand_page_range, first_page
from .client import Article

__all__ = ["NOTICE_TYPES", "article_ids", "candidate", "flags", "to_reference"]

MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# Publication types of records that are about another record, not a work of their own.
NOTICE_TYPES = frozenset(
    t.lower()
    for t in (
        "Published Erratum",
        "Retraction of Publication",
        "Expression of Concern",
        "Retraction Notice",
    )
)
# Publication types and the `Reference.notice` kind each makes a record.
NOTICE_KIND = {
    "published erratum": "erratum",
    "retraction of publication": "retraction",
    "retraction notice": "retraction",
    "expression of concern": "expression-of-concern",
    "comment": "comment",
}
# PubMed's CommentsCorrections types and the Crossref `updated-by` type each stands for.
LINK_TYPES = {
    "ErratumIn": "erratum",
    "RetractionIn": "retraction",
    "RetractedandRepublishedIn": "retraction",
    "ExpressionOfConcernIn": "expression_of_concern",
    "CorrectedandRepublishedIn": "correction",
    "CommentIn": "comment",
    "UpdateIn": "update",
}


def _date(text: str | None) -> Date | None:
    """`2017 Dec`, `2021 Jun 18`, `2016`, `2018 Mar-Apr` as a Date."""
    parts = (text or "").split()
    if not parts or not parts[0][:4].isdigit():
        return None
    month = MONTHS.get(parts[1][:3].lower()) if len(parts) > 1 else None
    day = int(parts[2]) if month and len(parts) > 2 and parts[2].isdigit() else None
    return Date(int(parts[0][:4]), month, day)


def _name(author: Mapping[str, Any]) -> Name | None:
    text = " ".join(str(author.get("name") or "").split())
    if not text:
        return None
    if "collective" in str(author.get("authtype", "")).lower():
        return Name(literal=text)
    family, _, initials = text.rpartition(" ")
    if family and re.fullmatch(r"[A-Z]{1,4}", initials):
        return Name(family=family, given=initials)
    return Name(family=text)


def article_ids(doc: Mapping[str, Any]) -> dict[str, str]:
    """`doi`, `pmc` (PMC…) and `pubmed` from a DocSum's `articleids` (the odd `pmcid` form read too)."""
    out: dict[str, str] = {}
    for entry in doc.get("articleids") or []:
        if not isinstance(entry, Mapping):
            continue
        kind, value = str(entry.get("idtype") or "").lower(), str(entry.get("value") or "").strip()
        if kind == "pmcid":
            found = re.search(r"PMC\d+", value)
            kind, value = "pmc", found[0] if found else ""
        if value and kind in ("doi", "pmc", "pubmed") and kind not in out:
            out[kind] = value
    if "doi" not in out:
        eloc = re.search(r"doi:\s*(10\.\S+)", str(doc.get("elocationid") or ""))
        if eloc:
            out["doi"] = eloc[1].rstrip(".")
    return out


def to_reference(doc: Mapping[str, Any]) -> Reference:
    """One DocSum as a `Reference` (`PMID`, `PMCID` and the DOI from `articleids`)."""
    ids = article_ids(doc)
    book = str(doc.get("doctype") or "") in ("book", "chapter")
    authors = tuple(n for n in (_name(a) for a in doc.get("authors") or [] if isinstance(a, Mapping)) if n)
    pages = str(doc.get("pages") or "").strip() or None
    expanded = expand_page_range(pages) if pages else None
    extra: dict[str, Any] = {}
    online = _date(doc.get("epubdate"))
    if online is not None:
        extra["available-date"] = online.to_csl()
    title = str(doc.get("title") or doc.get("vernaculartitle") or "").strip() or None
    types = [str(t).lower() for t in doc.get("pubtype") or []]
    return Reference(
        id=str(doc.get("uid") or ""),
        type=("chapter" if doc.get("doctype") == "chapter" else "book") if book else "article-journal",
        title=title,
        author=authors,
        container_title=_book_title(str(doc.get("booktitle") or ""))
        if book
        else str(doc.get("fulljournalname") or "").strip() or None,
        container_title_short=None if book else str(doc.get("source") or "").strip() or None,
        issued=_date(doc.get("pubdate")) or online,
        volume=str(doc.get("volume") or "").strip() or None,
        issue=str(doc.get("issue") or "").strip() or None,
        page=expanded,
        page_first=first_page(expanded) if expanded else None,
        page_as_written=pages if pages != expanded else None,
        DOI=ids.get("doi"),
        PMID=str(doc.get("uid") or ids.get("pubmed") or "") or None,
        PMCID=ids.get("pmc"),
        publisher=str(doc.get("publishername") or "").strip() or None if book else None,
        publisher_place=str(doc.get("publisherlocation") or "").strip() or None if book else None,
        edition=str(doc.get("edition") or "").strip() or None if book else None,
        notice=next((NOTICE_KIND[t] for t in types if t in NOTICE_KIND), None),
        extra=extra,
    )


def _book_title(text: str) -> str | None:
    """A Bookshelf title without PubMed's `[Internet]` medium tag."""
    return re.sub(r"\s*\[Internet\]\s*$", "", " ".join(text.split()), flags=re.IGNORECASE) or None


def candidate(doc: Mapping[str, Any]) -> Candidate:
    """A DocSum as a matching candidate; notices and replies known by their publication types too."""
    ref = to_reference(doc)
    cand = Candidate.from_reference(ref, source="pubmed")
    types = {str(t).lower() for t in doc.get("pubtype") or []}
    # A letter typed "Comment" is a reply only when its title says so; an erratum or retraction always a notice.
    notice = notice_kind(ref.title) or next((NOTICE_KIND[t] for t in sorted(types & NOTICE_TYPES)), None)
    return replace(cand, notice=notice)


def flags(article: Article | None, doc: Mapping[str, Any] | None = None) -> list[str]:
    """The flags PubMed's links give (ErratumIn → `corrected:…`, RetractionIn → `retracted:…`, …).

    Each linked notice is named by the DOI its citation carries, else as `pmid:<PMID>`; a record
    typed "Retracted Publication" without a RetractionIn link is `retracted:?`. The flags are the
    ones Crossref's `updated-by` gives (`myobib.crossref.enrich.update_flags`), so the same notice
    from both sources is one flag.
    """
    updates = []
    for link in article.links if article else ():
        kind = LINK_TYPES.get(str(link.get("type")))
        if kind:
            name = link.get("doi") or (f"pmid:{link['pmid']}" if link.get("pmid") else None)
            updates.append({"type": kind, "DOI": name})
    types = {t.lower() for t in (article.types if article else ())} | {
        str(t).lower() for t in (doc or {}).get("pubtype") or []
    }
    if "retracted publication" in types and not any(u["type"] == "retraction" for u in updates):
        updates.append({"type": "retraction", "DOI": None})
    return update_flags({"updated-by": updates})
