"""What to ask PubMed about a reference, and whether a PubMed record is the work it cites.

`citation(ref)` is the reference as one ECitMatch line (journal, year, volume, first page, first
author). `query(ref)` is one fielded ESearch term for what ECitMatch misses (ahead-of-print
entries, no volume, books, a wrong volume or journal): the first author and the years around
the one cited (with the journal when known), OR the title's telling words and those years, OR
the reference's DOI. Every PubMed record proposed, by ECitMatch or a search, is then judged by
the same field-by-field checks as a Crossref record (`myobib.crossref.match.assess`): title,
first author, year ±1, volume, pages, journal; the decision and its reasons name PMIDs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..crossref.match import (
    ACCEPT,
    AMBIGUOUS,
    MARGIN,
    MATCHED,
    REJECTED,
    Assessment,
    Candidate,
    MatchResult,
    assess,
    decide,
    family_agrees,
    title_similarity,
)
from ..folding import fold
from ..model import Reference
from ..pages import first_page
from .client import Citation

__all__ = ["citation", "decide_pubmed", "pmid_of", "query", "related", "verify_pubmed"]

SOURCE = "pubmed"
TITLE_WORDS = 6
EXACT_TITLE, DIFFERENT_TITLE = 0.98, 0.9  # title similarity: the reference's own title; clearly another
_STOP = frozenset(
    "a an and are as at be by for from in into is its of on or our the their to with without versus vs via not".split()
)
_BOOK_TYPES = ("book", "chapter")


def pmid_of(cand: Candidate) -> str:
    record = cand.record
    return str(getattr(record, "PMID", None) or getattr(record, "id", "") or "?")


def _author(ref: Reference) -> str:
    """`family initials` of the first author who is a person (`Lundberg IE`), else ''."""
    first = ref.first_author
    if first is None or first.is_group or not first.family:
        return ""
    family = " ".join(p for p in (first.non_dropping_particle, first.family) if p)
    initials = re.sub(r"[^A-Za-z]", "", first.given or "")
    initials = initials if initials.isupper() else "".join(w[0] for w in (first.given or "").split() if w)
    return f"{family} {initials.upper()}".strip()


def _first_page(ref: Reference) -> str:
    return (
        first_page(ref.page_first or ref.page or ref.number or "") if (ref.page or ref.page_first or ref.number) else ""
    )


def citation(ref: Reference, key: str) -> Citation | None:
    """The reference as an ECitMatch citation; None when ECitMatch cannot place it (no journal, a book)."""
    journal = ref.container_title_short or ref.container_title
    if not journal or ref.type in _BOOK_TYPES:
        return None
    return Citation(key, journal, str(ref.year or ""), ref.volume or "", _first_page(ref), _author(ref))


def _quoted(text: str) -> str:
    return '"' + " ".join(re.sub(r'["\[\]]', " ", text).split()) + '"'


def _title_words(title: str | None) -> list[str]:
    """The title's most telling words: the longest that are not stop words, at most `TITLE_WORDS`."""
    words = [w for w in fold(title or "").split() if len(w) >= 4 and w not in _STOP and not w.isdigit()]
    unique = list(dict.fromkeys(words))
    return sorted(unique, key=len, reverse=True)[:TITLE_WORDS]


def query(ref: Reference) -> str | None:
    """One ESearch term covering the ways PubMed can find the work; None when nothing can find it."""
    years = f"{ref.year - 1}:{ref.year + 1}[dp]" if ref.year else ""
    groups = []
    author = _author(ref)
    if author and (years or ref.title):
        parts = [f"{_quoted(author)}[1au]", years]
        journal = ref.container_title_short or ref.container_title
        if journal and ref.type not in _BOOK_TYPES:
            parts.append(f"{_quoted(journal)}[ta]")
        groups.append(" AND ".join(p for p in parts if p))
    words = _title_words(ref.title)
    if len(words) >= 2:
        groups.append(" AND ".join([*(f"{w}[ti]" for w in words), *([years] if years else [])]))
    if ref.DOI:
        groups.append(f"{_quoted(ref.DOI)}[doi]")
    if not groups:
        return None
    return " OR ".join(f"({g})" for g in groups) if len(groups) > 1 else groups[0]


def related(ref: Reference, cand: Candidate) -> bool:
    """Whether a record found for a batch of references could be this one's (shared author, title or DOI)."""
    if ref.DOI and cand.doi and ref.DOI.lower() == cand.doi.lower():
        return True
    if ref.title and cand.title and title_similarity(ref.title, cand.title) >= 0.5:
        return True
    first = ref.first_author
    return bool(first and cand.authors and family_agrees(first, cand.authors[0]))


def verify_pubmed(ref: Reference, cand: Candidate, how: str) -> MatchResult:
    """Check one proposed record (ECitMatch's answer, or the reference's own PMID): matched or rejected."""
    assessment = assess(ref, cand)
    pmid = pmid_of(cand)
    if assessment.plausible and assessment.confidence >= ACCEPT:
        reason = f"{how} PMID {pmid}: {len(assessment.agreed)} fields agree ({', '.join(assessment.agreed)})"
        return MatchResult(MATCHED, [assessment], assessment, [reason], SOURCE)
    why = assessment.vetoes[0] if assessment.vetoes else f"only {assessment.confidence:.2f} confident"
    return MatchResult(REJECTED, [assessment], None, [f"{how} PMID {pmid} does not fit: {why}"], SOURCE)


def _title_strength(assessment: Assessment) -> float:
    check = assessment.checks.get("title")
    return check.strength if check is not None and check.verdict == "agree" else 0.0


def _exact_title_wins(result: MatchResult) -> Assessment | None:
    """In a near tie, the one record whose title is the reference's own when every rival's title differs.

    Two works of one author, year and journal with near-identical titles (`…: a pilot study` and
    `…: a prospective study`) tie on confidence; the full title the reference gives tells them apart.
    """
    close = sorted((a for a in result.assessments if a.plausible), key=lambda a: -a.confidence)
    if not close or close[0].confidence < ACCEPT:
        return None
    best, rivals = close[0], [a for a in close[1:] if a.confidence >= close[0].confidence - MARGIN]
    if _title_strength(best) >= EXACT_TITLE and all(_title_strength(a) < DIFFERENT_TITLE for a in rivals):
        return best
    return None


def decide_pubmed(ref: Reference, candidates: Sequence[Candidate], earlier: Sequence[Assessment] = ()) -> MatchResult:
    """matched / ambiguous / not-found among the records found, with reasons naming PMIDs."""
    result = decide(ref, candidates, SOURCE)
    if result.status == AMBIGUOUS and (winner := _exact_title_wins(result)):
        result.status, result.accepted = MATCHED, winner
        result.reasons = [f"its title is the reference's, the near rivals' are not ({', '.join(winner.agreed)} agree)"]
    result.assessments = [*earlier, *result.assessments]
    if result.status == MATCHED and result.accepted:
        pmid = pmid_of(result.accepted.candidate)
        result.reasons = [f"search found PMID {pmid}: " + result.reasons[0]]
    elif result.status == AMBIGUOUS:
        close = [a for a in result.assessments if a.plausible]
        close.sort(key=lambda a: -a.confidence)
        result.reasons = [
            "PubMed records fit about as well: "
            + ", ".join(f"PMID {pmid_of(a.candidate)} ({a.confidence:.2f})" for a in close[:3])
        ]
    return result
