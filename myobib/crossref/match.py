"""Is this record the work the reference cites? Field-by-field validation and the final decision.

Every candidate (a Crossref item or an entry of a trusted local library) is compared with
the reference on year, volume, issue, first page, first author, title and journal. Each
comparison agrees, disagrees or cannot tell. Vetoes reject candidates that are notices,
replies, another journal's twin, or disagree where the same work could not; the rest get
a confidence from the weighted agreements. The best survivor is accepted only when it is
confident and clearly ahead of the runner-up: a near tie is `ambiguous`, never a guess.
Crossref's own `score` is recorded but never decides anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..folding import fold
from ..journals import journals_match
from ..model import Name, Reference
from ..pages import first_page
from .records import clean_text, first, item_authors, item_years

__all__ = [
    "ACCEPT",
    "MARGIN",
    "Assessment",
    "Candidate",
    "Check",
    "MatchResult",
    "assess",
    "bibliographic",
    "decide",
    "family_agrees",
    "is_notice_title",
    "is_reply_title",
    "title_similarity",
    "verify",
]

MATCHED, AMBIGUOUS, NOT_FOUND, REJECTED = "matched", "ambiguous", "not-found", "rejected"
ACCEPT = 0.8  # lowest confidence accepted as a match
WEAK = 0.6  # below this a surviving candidate is not worth reporting as ambiguous
IDENTIFYING_TITLE = 0.85  # a title this similar identifies a work without volume and page
MARGIN = 0.1  # a runner-up this close to the best makes the decision ambiguous

# How much each field counts towards confidence.
WEIGHTS = {"title": 3.0, "author": 2.0, "page": 2.0, "volume": 1.5, "year": 1.0, "journal": 1.0, "issue": 0.5}
# Agreement worth this much (and more) is full evidence.
FULL_EVIDENCE = 5.5
SUPPORT_FIELDS = ("title", "author", "year", "volume", "page", "journal")
BAD_TYPES = {"journal-issue", "journal-volume", "journal", "peer-review", "component", "periodical"}

_NOTICE = re.compile(
    r"^\W*(?:notice of retraction|retraction notice|retracted article|(?:editorial )?expression of concern|"
    r"retraction|retracted|correction|corrigendum|corrigenda|erratum|errata|addendum|withdrawal|withdrawn)"
    r"(?:\s+(?:notice|to|for|in|on))?(?:\s*[:\-–—.]|\s*$|\s+(?:to|for)\b)",
    re.IGNORECASE,
)
_REPLY = re.compile(r"^\W*(?:reply|response|rebuttal|in reply|authors?['’]?\s+(?:reply|response))\b", re.IGNORECASE)
_PARTICLES = frozenset("de da del della der di du dos das van von den ten ter la le el al bin".split())


def _fold(text: str | None) -> str:
    return fold(clean_text(text))


def is_notice_title(title: str | None) -> bool:
    """`Correction to: …`, `Erratum`, `Retracted: …`, `Expression of concern …`."""
    return bool(title and _NOTICE.match(clean_text(title)))


def is_reply_title(title: str | None) -> bool:
    """`Reply`, `Response to …`, `Authors' reply …`."""
    return bool(title and _REPLY.match(clean_text(title)))


@lru_cache(maxsize=1 << 16)
def title_similarity(a: str | None, b: str | None) -> float:
    """0..1; markup, case, accents and punctuation ignored. One title heading the other scores 0.92."""
    na, nb = _fold(a), _fold(b)
    if not na or not nb:
        return 0.0
    best = max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb)) / 100
    short, long = sorted((na, nb), key=len)
    if best < 0.92 and len(short.split()) >= 4:
        # A subtitle (or a group-name prefix) on one side only: the shorter title sits inside the longer.
        head = fuzz.ratio(short, long[: len(short)]) / 100
        inside = fuzz.partial_ratio(short, long) / 100
        if max(head, inside) >= 0.95:
            # Less than half of the longer title is weak evidence on its own.
            best = max(best, (0.92 if len(short) >= len(long) / 2 else 0.8) * max(head, inside))
    return best


@lru_cache(maxsize=1 << 16)
def _family_words(name: Name) -> tuple[str, ...]:
    text = " ".join(p for p in (name.non_dropping_particle, name.family) if p) if name.family else name.literal
    return tuple(w for w in _fold(text).split() if w not in _PARTICLES)


def family_agrees(a: Name, b: Name) -> float:
    """1 for the same family name (multi-word families nest: `Enders` ≡ `Bellutti Enders`), 0.8 for a typo, else 0."""
    wa, wb = _family_words(a), _family_words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb or set(wa) <= set(wb) or set(wb) <= set(wa):
        return 1.0
    ja, jb = "".join(wa), "".join(wb)
    if min(len(ja), len(jb)) >= 5 and fuzz.ratio(ja, jb) >= 85:
        return 0.8
    return 0.0


@lru_cache(maxsize=1 << 16)
def _page_key(page: str | None) -> str | None:
    if not page:
        return None
    text = first_page(str(page)).strip().lower()
    match = re.fullmatch(r"([a-z]*)0*(\d+)([a-z]*)", text)
    return f"{match[1]}{match[2]}{match[3]}" if match else text or None


def _pages_agree(ours: set[str], theirs: set[str]) -> bool:
    if ours & theirs:
        return True
    # `33693` written for the e-locator `e33693`: same digits, a letter prefix on one side only.
    digits = lambda keys: {re.sub(r"^[a-z]+", "", k) for k in keys if re.fullmatch(r"[a-z]?\d+", k)}  # noqa: E731
    return bool(digits(ours) & digits(theirs))


def _norm_number(value: str | None) -> str | None:
    if not value:
        return None
    text = value.strip().lower()
    match = re.match(r"0*(\d+)", text)
    return match[1] if match else _fold(text) or None


@dataclass(frozen=True)
class Candidate:
    """A record that might be the cited work, reduced to the fields the comparison needs."""

    doi: str | None
    title: str | None
    authors: tuple[Name, ...]
    years: frozenset[int]
    volume: str | None
    issue: str | None
    pages: frozenset[str]
    journals: tuple[str, ...]
    type: str = "journal-article"
    notice: bool = False
    reply: bool = False
    score: float | None = None
    source: str = "crossref"
    record: Any = None  # the Crossref item or library `Reference` it came from

    @classmethod
    def from_item(cls, item: Mapping[str, Any], source: str = "crossref") -> Candidate:
        """A candidate from a Crossref work item."""
        titles = [clean_text(t) for t in item.get("title") or [] if isinstance(t, str)]
        title = titles[0] if titles else None
        subtitle = first(item.get("subtitle"))
        if title and subtitle:
            title = f"{title}: {subtitle}"
        pages = {_page_key(first(item.get("page"))), _page_key(first(item.get("article-number")))}
        journals = [clean_text(j) for key in ("short-container-title", "container-title") for j in item.get(key) or []]
        score = item.get("score")
        return cls(
            doi=str(item["DOI"]) if item.get("DOI") else None,
            title=title,
            authors=item_authors(item),
            years=frozenset(item_years(item)),
            volume=first(item.get("volume")),
            issue=first(item.get("issue")),
            pages=frozenset(p for p in pages if p),
            journals=tuple(j for j in journals if j),
            type=str(item.get("type") or "journal-article"),
            notice=bool(item.get("update-to")) or any(is_notice_title(t) for t in titles),
            reply=any(is_reply_title(t) for t in titles),
            score=float(score) if isinstance(score, int | float) else None,
            source=source,
            record=item,
        )

    @classmethod
    def from_reference(cls, ref: Reference, source: str = "library") -> Candidate:
        """A candidate from a trusted library entry (print and online years both count)."""
        years = {ref.year} if ref.year else set()
        available = ref.extra.get("available-date")
        if isinstance(available, Mapping):
            parts = (available.get("date-parts") or [[None]])[0]
            if parts and isinstance(parts[0], int | str) and str(parts[0]).isdigit():
                years.add(int(parts[0]))
        pages = {_page_key(ref.page_first), _page_key(ref.page), _page_key(ref.number)}
        return cls(
            doi=ref.DOI,
            title=ref.title,
            authors=ref.author,
            years=frozenset(years),
            volume=ref.volume,
            issue=ref.issue,
            pages=frozenset(p for p in pages if p),
            journals=tuple(j for j in (ref.container_title_short, ref.container_title) if j),
            type="journal-article" if ref.type == "article-journal" else ref.type,
            notice=is_notice_title(ref.title),
            reply=is_reply_title(ref.title),
            source=source,
            record=ref,
        )


@dataclass(frozen=True)
class Check:
    """One field compared: `agree` (with a strength 0..1), `disagree` or `unknown`."""

    field: str
    verdict: str
    strength: float = 0.0
    detail: str = ""


@dataclass
class Assessment:
    """A candidate judged against a reference."""

    candidate: Candidate
    checks: dict[str, Check]
    vetoes: list[str]
    confidence: float

    @property
    def agreed(self) -> list[str]:
        return [name for name, c in self.checks.items() if c.verdict == "agree"]

    @property
    def disagreed(self) -> list[str]:
        return [name for name, c in self.checks.items() if c.verdict == "disagree"]

    @property
    def plausible(self) -> bool:
        return not self.vetoes

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "DOI": self.candidate.doi,
            "source": self.candidate.source,
            "confidence": round(self.confidence, 3),
            "agreed": self.agreed,
            "disagreed": self.disagreed,
        }
        if self.candidate.score is not None:
            data["score"] = self.candidate.score
        if self.vetoes:
            data["rejected"] = list(self.vetoes)
        return data


@dataclass
class MatchResult:
    """The decision for one reference: status, the accepted record and the reasons."""

    status: str
    assessments: list[Assessment] = field(default_factory=list)
    accepted: Assessment | None = None
    reasons: list[str] = field(default_factory=list)
    source: str = "crossref"

    @property
    def doi(self) -> str | None:
        return self.accepted.candidate.doi if self.accepted else None

    @property
    def confidence(self) -> float:
        if self.accepted:
            return self.accepted.confidence
        return max((a.confidence for a in self.assessments if a.plausible), default=0.0)

    def to_dict(self) -> dict[str, Any]:
        """The `Reference.match` mapping."""
        best = self.accepted or next(iter(sorted(self.assessments, key=_rank)), None)
        return {
            "status": self.status,
            "DOI": self.doi,
            "confidence": round(self.confidence, 3),
            "agreed": best.agreed if best else [],
            "disagreed": best.disagreed if best else [],
            "candidates": [a.to_dict() for a in sorted(self.assessments, key=_rank)[:5]],
            "considered": len(self.assessments),
            "reasons": list(self.reasons),
            "source": self.source,
        }


def _rank(assessment: Assessment) -> tuple[bool, float]:
    return (not assessment.plausible, -assessment.confidence)


# -- the comparisons ----------------------------------------------------------------------------


def _reference_pages(ref: Reference) -> set[str]:
    keys = {_page_key(ref.page_first), _page_key(ref.page), _page_key(ref.number)}
    return {k for k in keys if k}


def _reference_journals(ref: Reference) -> list[str]:
    return [j for j in (ref.container_title_short, ref.container_title) if j]


def _check_year(ref: Reference, cand: Candidate) -> Check:
    if ref.year is None or not cand.years:
        return Check("year", "unknown")
    if ref.year in cand.years:
        return Check("year", "agree", 1.0)
    if any(abs(ref.year - y) == 1 for y in cand.years):
        return Check("year", "agree", 0.8, "print/online lag of one year")
    return Check("year", "disagree", detail=f"{ref.year} vs {sorted(cand.years)}")


def _check_number(name: str, ours: str | None, theirs: str | None) -> Check:
    a, b = _norm_number(ours), _norm_number(theirs)
    if a is None or b is None:
        return Check(name, "unknown")
    if a == b:
        return Check(name, "agree", 1.0)
    return Check(name, "disagree", detail=f"{ours} vs {theirs}")


def _check_page(ref: Reference, cand: Candidate) -> Check:
    ours = _reference_pages(ref)
    if not ours or not cand.pages:
        return Check("page", "unknown")
    if _pages_agree(ours, set(cand.pages)):
        return Check("page", "agree", 1.0)
    return Check("page", "disagree", detail=f"{sorted(ours)} vs {sorted(cand.pages)}")


def _check_author(ref: Reference, cand: Candidate) -> Check:
    ours = ref.first_author
    if ours is None or not cand.authors:
        return Check("author", "unknown")
    strength = family_agrees(ours, cand.authors[0])
    if strength:
        return Check("author", "agree", strength)
    if ours.is_group:
        return Check("author", "unknown", detail="group author")
    if any(family_agrees(ours, other) for other in cand.authors[1:]):
        return Check("author", "unknown", detail="first author listed later")
    return Check("author", "disagree", detail=f"{ours.display()} vs {cand.authors[0].display()}")


def _check_title(ref: Reference, cand: Candidate) -> Check:
    if not ref.title or not cand.title:
        return Check("title", "unknown")
    similarity = title_similarity(ref.title, cand.title)
    if similarity >= 0.75:
        return Check("title", "agree", similarity, f"{similarity:.2f}")
    if similarity >= 0.5:
        return Check("title", "unknown", detail=f"similarity {similarity:.2f}")
    return Check("title", "disagree", detail=f"similarity {similarity:.2f}")


def _check_journal(ref: Reference, cand: Candidate) -> Check:
    ours = _reference_journals(ref)
    if not ours or not cand.journals:
        return Check("journal", "unknown")
    if any(journals_match(a, b) for a in ours for b in cand.journals):
        return Check("journal", "agree", 1.0)
    return Check("journal", "disagree", detail=f"{ours[0]} vs {cand.journals[0]}")


def assess(ref: Reference, cand: Candidate) -> Assessment:
    """Compare every field, apply the vetoes, and weigh the agreements into a confidence."""
    checks = {
        c.field: c
        for c in (
            _check_title(ref, cand),
            _check_author(ref, cand),
            _check_year(ref, cand),
            _check_volume(ref, cand),
            _check_issue(ref, cand),
            _check_page(ref, cand),
            _check_journal(ref, cand),
        )
    }
    agree = {name for name, c in checks.items() if c.verdict == "agree"}
    disagree = {name for name, c in checks.items() if c.verdict == "disagree"}
    title = checks["title"].strength if "title" in agree else 0.0
    numbers = {"volume", "page"} <= agree
    vetoes = []
    if cand.notice and not is_notice_title(ref.title):
        vetoes.append("a correction, erratum or retraction notice, not the article")
    if cand.reply and not is_reply_title(ref.title):
        vetoes.append("a reply, not the article")
    if cand.type in BAD_TYPES:
        vetoes.append(f"record type {cand.type}")
    if "year" in disagree:
        vetoes.append("year differs by more than one")
    if "journal" in disagree and not numbers:
        vetoes.append("another journal")
    if len(disagree & {"title", "author", "volume", "page"}) >= 2:
        vetoes.append("disagrees on " + " and ".join(sorted(disagree & {"title", "author", "volume", "page"})))
    elif "title" in disagree and not ({"author"} <= agree and numbers):
        vetoes.append("different title")
    elif "author" in disagree and not (title >= 0.9 and numbers):
        vetoes.append("different first author")
    elif "page" in disagree and not (title >= 0.9 and {"author", "volume"} <= agree):
        vetoes.append("different first page")
    elif "volume" in disagree and not (title >= 0.9 and {"author", "page"} <= agree):
        vetoes.append("different volume")
    if title < IDENTIFYING_TITLE and not numbers:
        vetoes.append("nothing identifies the work (needs a close title, or volume and first page)")
    support = len(agree & set(SUPPORT_FIELDS))
    if support < 3:
        vetoes.append(f"only {support} fields agree")
    present = sum(WEIGHTS[n] for n in agree | disagree)
    gained = sum(WEIGHTS[n] * checks[n].strength for n in agree)
    confidence = (gained / present) * min(1.0, gained / FULL_EVIDENCE) if present else 0.0
    return Assessment(cand, checks, vetoes, confidence)


def _check_volume(ref: Reference, cand: Candidate) -> Check:
    return _check_number("volume", ref.volume, cand.volume)


def _check_issue(ref: Reference, cand: Candidate) -> Check:
    return _check_number("issue", ref.issue, cand.issue)


# -- the decision ------------------------------------------------------------------------------


def _unique(candidates: Iterable[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for cand in candidates:
        key = (cand.doi or "").lower() or f"#{id(cand)}"
        if key not in seen:
            seen.add(key)
            out.append(cand)
    return out


def decide(ref: Reference, candidates: Sequence[Candidate], source: str = "crossref") -> MatchResult:
    """matched / ambiguous / not-found for a reference and every candidate found for it."""
    assessments = sorted((assess(ref, c) for c in _unique(candidates)), key=_rank)
    plausible = [a for a in assessments if a.plausible and a.confidence >= WEAK]
    if not plausible:
        reasons = [f"{len(assessments)} candidates considered, none fits"] if assessments else ["no candidates"]
        return MatchResult(NOT_FOUND, assessments, None, reasons, source)
    best = plausible[0]
    rivals = [a for a in plausible[1:] if a.confidence >= best.confidence - MARGIN]
    if rivals:
        dois = ", ".join(str(a.candidate.doi) for a in [best, *rivals])
        return MatchResult(AMBIGUOUS, assessments, None, [f"near tie between {dois}"], source)
    if best.confidence < ACCEPT:
        reason = f"best candidate {best.candidate.doi} only {best.confidence:.2f} confident"
        return MatchResult(AMBIGUOUS, assessments, None, [reason], source)
    reason = f"{len(best.agreed)} fields agree: {', '.join(best.agreed)}"
    return MatchResult(MATCHED, assessments, best, [reason], source)


def verify(ref: Reference, cand: Candidate, source: str = "doi") -> MatchResult:
    """Check the record a reference's own DOI points to: `matched`, or `rejected` with reasons."""
    assessment = assess(ref, cand)
    if assessment.plausible and assessment.confidence >= ACCEPT:
        return MatchResult(MATCHED, [assessment], assessment, ["the DOI's record fits the reference"], source)
    reasons = assessment.vetoes or [f"only {assessment.confidence:.2f} confident"]
    return MatchResult(REJECTED, [assessment], None, [f"DOI {cand.doi} points elsewhere: {reasons[0]}"], source)


def bibliographic(ref: Reference, max_authors: int = 3) -> str:
    """The reference rebuilt as one Vancouver-like string for `query.bibliographic`."""
    people = [n.display() for n in ref.author[:max_authors]]
    parts = []
    if people:
        more = len(ref.author) > max_authors or ref.et_al
        parts.append(", ".join(people) + (", et al" if more else ""))
    if ref.title:
        parts.append(clean_text(ref.title).rstrip("."))
    journal = ref.container_title_short or ref.container_title
    if journal:
        parts.append(journal.rstrip("."))
    numbers = str(ref.year or "")
    if ref.volume:
        numbers += f";{ref.volume}"
    if ref.issue:
        numbers += f"({ref.issue})"
    page = ref.page_as_written or ref.page or ref.number
    if page:
        numbers += f":{page}"
    if numbers:
        parts.append(numbers)
    return ". ".join(parts) + "."
