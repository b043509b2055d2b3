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
from ..journals import full_name, journals_match
from ..model import Name, Reference
from ..pages import first_page
from .kinds import (
    NOTICES,
    crossref_kind,
    csl_kind,
    incompatible,
    is_notice_title,
    is_preprint_server,
    is_reply_title,
    notice_kind,
    notice_subject,
    relation_notice,
    retracted_title,
    title_language,
    update_notice,
)
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
    "notice_kind",
    "reference_kind",
    "retracted_title",
    "second_query",
    "title_similarity",
    "verify",
]

MATCHED, AMBIGUOUS, NOT_FOUND, REJECTED = "matched", "ambiguous", "not-found", "rejected"
ACCEPT = 0.8  # lowest confidence accepted as a match
WEAK = 0.6  # below this a surviving candidate is not worth reporting as ambiguous
IDENTIFYING_TITLE = 0.85  # a title this similar identifies a work without volume and page
MARGIN = 0.1  # a runner-up this close to the best makes the decision ambiguous

# How much each field counts towards confidence.
WEIGHTS = {
    "title": 3.0, "author": 2.0, "page": 2.0, "volume": 1.5, "year": 1.0, "journal": 1.0, "issue": 0.5,
    "isbn": 3.0, "editor": 1.5, "edition": 1.0, "publisher": 0.5,
}  # fmt: skip
# Agreement worth this much (and more) is full evidence.
FULL_EVIDENCE = 5.5
SUPPORT_FIELDS = ("title", "author", "year", "volume", "page", "journal", "isbn", "editor")
LOOK_ALIKE_RULES = {"notice", "kind", "edition", "isbn", "journal"}  # rules that tell a look-alike from the work
BAD_TYPES = {"journal-issue", "journal-volume", "journal", "peer-review", "component", "periodical"}
_PARTICLES = frozenset("de da del della der di du dos das van von den ten ter la le el al bin".split())


def _fold(text: str | None) -> str:
    return fold(clean_text(text))


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
    # `437.e1` is the first e-page of the article printed from page 437 (Rev Esp Cardiol's dotted e-pages).
    dotted = lambda keys: {re.sub(r"\.e\d+$", "", k) for k in keys}  # noqa: E731
    if dotted(ours) & dotted(theirs):
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


_ORDINALS = {
    w: str(i) for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)
}


def _edition_key(value: Any) -> str | None:
    """`2nd ed.`, `Second edition`, `2` → `2`; None when no edition number can be read."""
    text = _fold(str(value)) if value not in (None, "") else ""
    match = re.search(r"\d+", text)
    if match:
        return match[0].lstrip("0") or "0"
    return next((_ORDINALS[w] for w in text.split() if w in _ORDINALS), None)


def _isbn_keys(values: Any) -> frozenset[str]:
    """ISBNs as 13-digit strings (ISBN-10s converted), whatever the hyphens and the form (string or list)."""
    many = isinstance(values, list | tuple | set | frozenset)
    texts = values if many else re.split(r"[,;]\s*|\s+", str(values or ""))
    out = set()
    for text in texts:
        digits = re.sub(r"[^0-9Xx]", "", str(text)).upper()
        if len(digits) == 10:
            core = "978" + digits[:9]
            check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(core)) % 10) % 10
            digits = core + str(check)
        if len(digits) == 13 and digits.isdigit():
            out.add(digits)
    return frozenset(out)


def _ref_title(ref: Reference) -> str | None:
    return retracted_title(ref.title) or ref.title


def _ref_notice(ref: Reference) -> str | None:
    """What notice the reference cites (its `notice` field, else its title's words), or None for a work."""
    return ref.notice or notice_kind(ref.title)


def reference_kind(ref: Reference) -> str | None:
    """`article`, `preprint`, `book`, `chapter`, … when the reference itself says so, else None.

    A reference is a journal article only when it names a journal (not a preprint server) with a
    volume or pages: readers default to `article-journal`, so the type alone proves nothing.
    """
    journals = _reference_journals(ref)
    genre = _fold(ref.genre or "")
    if any(is_preprint_server(j) for j in journals) or "preprint" in genre.split():
        return "preprint"
    if ref.type in ("article-journal", "article", "document"):
        if journals and (ref.volume or ref.page or ref.page_first or ref.number) and ref.type == "article-journal":
            return "article"
        return None
    return csl_kind(ref.type)


def _item_notice(item: Mapping[str, Any], titles: list[str]) -> str | None:
    for update in item.get("update-to") or []:
        notice = update_notice(str(update.get("type") or "")) if isinstance(update, Mapping) else None
        if notice:
            return notice
    return relation_notice(item.get("relation")) or next((k for k in map(notice_kind, titles) if k), None)


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
    notice: str | None = None  # the notice it is: retraction, erratum, expression-of-concern, reply, comment
    retracted: bool = False  # the work itself, retracted (`RETRACTED:` title or a retraction in `updated-by`)
    score: float | None = None
    source: str = "crossref"
    record: Any = None  # the Crossref item or library `Reference` it came from
    kind: str | None = "article"
    editors: tuple[Name, ...] = ()
    isbns: frozenset[str] = frozenset()
    edition: str | None = None
    publisher: str | None = None

    @classmethod
    def from_item(cls, item: Mapping[str, Any], source: str = "crossref") -> Candidate:
        """A candidate from a Crossref work item."""
        titles = [clean_text(t) for t in item.get("title") or [] if isinstance(t, str)]
        notice = _item_notice(item, titles)
        title = titles[0] if titles else None
        stripped = retracted_title(title)
        if stripped and notice is None:
            title = stripped
        subtitle = first(item.get("subtitle"))
        if title and subtitle:
            title = f"{title}: {subtitle}"
        pages = {_page_key(first(item.get("page"))), _page_key(first(item.get("article-number")))}
        journals = [clean_text(j) for key in ("short-container-title", "container-title") for j in item.get(key) or []]
        journals += [clean_text(i.get("name")) for i in item.get("institution") or [] if isinstance(i, Mapping)]
        score = item.get("score")
        kind = str(item.get("type") or "journal-article")
        retracted = bool(stripped and notice is None) or any(
            isinstance(u, Mapping) and update_notice(str(u.get("type") or "")) == "retraction"
            for u in item.get("updated-by") or []
        )
        return cls(
            doi=str(item["DOI"]) if item.get("DOI") else None,
            title=title,
            authors=item_authors(item),
            years=frozenset(item_years(item)),
            volume=first(item.get("volume")),
            issue=first(item.get("issue")),
            pages=frozenset(p for p in pages if p),
            journals=tuple(j for j in journals if j),
            type=kind,
            notice=notice,
            retracted=retracted,
            score=float(score) if isinstance(score, int | float) else None,
            source=source,
            record=item,
            kind=crossref_kind(kind),
            editors=item_authors(item, "editor"),
            isbns=_isbn_keys(item.get("ISBN")),
            edition=_edition_key(item.get("edition-number")),
            publisher=clean_text(item.get("publisher")) or None,
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
        kind = "preprint" if ref.type == "article" else reference_kind(ref) or csl_kind(ref.type)
        return cls(
            doi=ref.DOI,
            title=_ref_title(ref),
            authors=ref.author,
            years=frozenset(years),
            volume=ref.volume,
            issue=ref.issue,
            pages=frozenset(p for p in pages if p),
            journals=tuple(j for j in (ref.container_title_short, ref.container_title) if j),
            type="journal-article" if ref.type == "article-journal" else ref.type,
            notice=_ref_notice(ref),
            retracted=bool(retracted_title(ref.title)),
            source=source,
            record=ref,
            kind=kind,
            editors=ref.editor,
            isbns=_isbn_keys(ref.ISBN),
            edition=_edition_key(ref.edition),
            publisher=ref.publisher,
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


def _rank(assessment: Assessment) -> tuple[bool, float, float]:
    return (not assessment.plausible, -assessment.confidence, -_title_strength(assessment))


def _title_strength(assessment: Assessment) -> float:
    check = assessment.checks.get("title")
    return check.strength if check is not None and check.verdict == "agree" else 0.0


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
    ours = ref.first_author or next(iter(ref.editor), None)
    # An edited book deposited with its editors only is cited by them.
    theirs = cand.authors or (cand.editors if not ref.author or cand.kind == "book" else ())
    if ours is None or not theirs:
        return Check("author", "unknown")
    strength = family_agrees(ours, theirs[0])
    if strength:
        return Check("author", "agree", strength)
    if ours.is_group:
        return Check("author", "unknown", detail="group author")
    if any(family_agrees(ours, other) for other in theirs[1:]):
        return Check("author", "unknown", detail="first author listed later")
    return Check("author", "disagree", detail=f"{ours.display()} vs {theirs[0].display()}")


def _check_editor(ref: Reference, cand: Candidate) -> Check:
    ours = ref.editor
    if not ours or not cand.editors or not ref.author:
        return Check("editor", "unknown")  # an editor-only citation is compared as the author
    if any(family_agrees(ours[0], theirs) for theirs in cand.editors[:3]):
        return Check("editor", "agree", 1.0)
    return Check("editor", "disagree", detail=f"{ours[0].display()} vs {cand.editors[0].display()}")


def _check_title(ref: Reference, cand: Candidate) -> Check:
    title, theirs = _ref_title(ref), cand.title
    if not title or not theirs:
        return Check("title", "unknown")
    notice = _ref_notice(ref)
    if notice and notice == cand.notice:
        # Two notices of one kind: compare what they are about, not their shared opening words.
        ours_subject, their_subject = notice_subject(title), notice_subject(theirs)
        if not ours_subject:
            return Check("title", "unknown", detail="a notice's generic title")  # `Authors' reply`, `Erratum`
        if their_subject:
            title, theirs = ours_subject, their_subject
    similarity = title_similarity(title, theirs)
    if similarity >= 0.75:
        return Check("title", "agree", similarity, f"{similarity:.2f}")
    languages = (title_language(title), title_language(theirs))
    if None not in languages and languages[0] != languages[1]:
        # A translation: the same work's title in another language tells nothing; journal and numbers decide.
        return Check("title", "unknown", detail="titles in {} and {}: not compared".format(*languages))
    if similarity >= 0.5:
        return Check("title", "unknown", detail=f"similarity {similarity:.2f}")
    return Check("title", "disagree", detail=f"similarity {similarity:.2f}")


def _check_journal(ref: Reference, cand: Candidate, book_title: bool) -> Check:
    """The journal, or for chapters and proceedings the book the work sits in (compared as a title)."""
    ours = _reference_journals(ref)
    if not ours or not cand.journals:
        return Check("journal", "unknown")
    if book_title:
        similarity = max(title_similarity(a, b) for a in ours for b in cand.journals)
        if similarity >= 0.8:
            return Check("journal", "agree", 1.0, "book title")
        if similarity >= 0.5:
            return Check("journal", "unknown", detail=f"book title similarity {similarity:.2f}")
    elif any(journals_match(a, b) for a in ours for b in cand.journals):
        return Check("journal", "agree", 1.0)
    return Check("journal", "disagree", detail=f"{ours[0]} vs {cand.journals[0]}")


def _check_isbn(ref: Reference, cand: Candidate) -> Check:
    ours = _isbn_keys(ref.ISBN) if ref.ISBN and cand.isbns else frozenset()
    if not ours:
        return Check("isbn", "unknown")
    if ours & cand.isbns:
        return Check("isbn", "agree", 1.0)
    return Check("isbn", "disagree", detail=f"{sorted(ours)[0]} vs {sorted(cand.isbns)[0]}")


def _check_edition(ref: Reference, cand: Candidate) -> Check:
    ours = _edition_key(ref.edition) if ref.edition and cand.edition else None
    if ours is None:
        return Check("edition", "unknown")
    if ours == cand.edition:
        return Check("edition", "agree", 1.0)
    return Check("edition", "disagree", detail=f"edition {ours} vs {cand.edition}")


_PUBLISHER_NOISE = frozenset("the and of inc ltd llc bv gmbh co company press publishing publishers group".split())


def _check_publisher(ref: Reference, cand: Candidate) -> Check:
    """Agreement only: imprints and renamed houses (Hanley & Belfus is Elsevier) make a mismatch no evidence."""
    if not ref.publisher or not cand.publisher:
        return Check("publisher", "unknown")
    ours, theirs = (set(_fold(p).split()) - _PUBLISHER_NOISE for p in (ref.publisher, cand.publisher))
    if ours and theirs and (ours <= theirs or theirs <= ours):
        return Check("publisher", "agree", 1.0)
    return Check("publisher", "unknown", detail=f"{ref.publisher} vs {cand.publisher}")


_KIND_NAMES = {
    "article": "a journal article", "preprint": "a preprint", "book": "a book", "chapter": "a book chapter",
    "report": "a report", "proceedings": "a conference paper", "thesis": "a thesis", "dataset": "a dataset",
    "standard": "a standard", "retraction": "a retraction notice", "erratum": "a correction notice",
    "expression-of-concern": "an expression of concern", "reply": "a reply", "comment": "a comment",
}  # fmt: skip


def _kind_veto(ref_kind: str, cand: Candidate) -> str:
    why = " (it names a journal with volume or pages)" if ref_kind == "article" else ""
    return f"kind: {_KIND_NAMES[str(cand.kind)]} ({cand.type}), but the reference cites {_KIND_NAMES[ref_kind]}{why}"


def _notice_veto(ref: Reference, cand: Candidate) -> str | None:
    """A notice is never the work it is about, and one kind of notice is never another."""
    ours, theirs = _ref_notice(ref), cand.notice
    if ours == theirs:
        return None
    if ours is None and retracted_title(ref.title) and theirs == "retraction" and retracted_title(cand.title):
        return None  # `Retracted: …` is an Elsevier article's title and a Hindawi notice's: the numbers decide
    if ours is None:
        if theirs in NOTICES:
            return f"notice: {_KIND_NAMES[theirs]}, not the article (a correction, erratum or retraction notice)"
        return f"notice: {_KIND_NAMES[theirs]}, not the article"
    if theirs is None:
        return f"notice: the work itself, but the reference cites {_KIND_NAMES[ours]} about it"
    return f"notice: {_KIND_NAMES[theirs]}, but the reference cites {_KIND_NAMES[ours]}"


def assess(ref: Reference, cand: Candidate) -> Assessment:
    """Compare every field, apply the vetoes (each named by its rule), and weigh the agreements into a confidence."""
    ref_kind = reference_kind(ref)
    book_title = "chapter" in (ref_kind, cand.kind) or "proceedings" in (ref_kind, cand.kind)
    checks = {
        c.field: c
        for c in (
            _check_title(ref, cand),
            _check_author(ref, cand),
            _check_year(ref, cand),
            _check_number("volume", ref.volume, cand.volume),
            _check_number("issue", ref.issue, cand.issue),
            _check_page(ref, cand),
            _check_journal(ref, cand, book_title),
            _check_isbn(ref, cand),
            _check_editor(ref, cand),
            _check_edition(ref, cand),
            _check_publisher(ref, cand),
        )
    }
    agree = {name for name, c in checks.items() if c.verdict == "agree"}
    disagree = {name for name, c in checks.items() if c.verdict == "disagree"}
    title = checks["title"].strength if "title" in agree else 0.0
    numbers = {"volume", "page"} <= agree
    vetoes = []
    notice = _notice_veto(ref, cand)
    if notice:
        vetoes.append(notice)
    if incompatible(ref_kind, cand.kind):
        vetoes.append(_kind_veto(str(ref_kind), cand))
    if cand.type in BAD_TYPES:
        vetoes.append(f"record-type: record type {cand.type}")
    if "year" in disagree:
        vetoes.append("year: year differs by more than one")
    if "journal" in disagree and not numbers:
        vetoes.append("journal: " + ("another book" if book_title else "another journal"))
    if "edition" in disagree:
        vetoes.append(f"edition: another edition ({checks['edition'].detail})")
    if "isbn" in disagree and "edition" not in agree:
        vetoes.append("isbn: another ISBN (another edition or another book)")
    core = sorted(disagree & {"title", "author", "volume", "page"})
    if len(core) >= 2:
        vetoes.append("disagreement: disagrees on " + " and ".join(core))
    elif "title" in disagree and not ({"author"} <= agree and numbers):
        vetoes.append("title: different title")
    elif "author" in disagree and not (title >= 0.9 and numbers):
        vetoes.append("author: different first author")
    elif "page" in disagree and not (title >= 0.9 and {"author", "volume"} <= agree):
        vetoes.append("page: different first page")
    elif "volume" in disagree and not (title >= 0.9 and {"author", "page"} <= agree):
        vetoes.append("volume: different volume")
    if title < IDENTIFYING_TITLE and not numbers and "isbn" not in agree:
        vetoes.append("identity: nothing identifies the work (needs a close title, or volume and first page)")
    support = len(agree & set(SUPPORT_FIELDS))
    if support < 3:
        vetoes.append(f"support: only {support} fields agree")
    present = sum(WEIGHTS[n] for n in agree | disagree)
    gained = sum(WEIGHTS[n] * checks[n].strength for n in agree)
    confidence = (gained / present) * min(1.0, gained / FULL_EVIDENCE) if present else 0.0
    return Assessment(cand, checks, vetoes, confidence)


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
    # A record whose title does not agree is no rival to one whose title does (same numbers, other work).
    titled = _title_strength(best) >= IDENTIFYING_TITLE
    rivals = [
        a
        for a in plausible[1:]
        if a.confidence >= best.confidence - MARGIN and (not titled or _title_strength(a) >= IDENTIFYING_TITLE)
    ]
    if rivals:
        dois = ", ".join(str(a.candidate.doi) for a in [best, *rivals])
        return MatchResult(AMBIGUOUS, assessments, None, [f"near tie between {dois}"], source)
    if best.confidence < ACCEPT:
        reason = f"best candidate {best.candidate.doi} only {best.confidence:.2f} confident"
        return MatchResult(AMBIGUOUS, assessments, None, [reason], source)
    reasons = [f"{len(best.agreed)} fields agree: {', '.join(best.agreed)}"]
    if best.candidate.retracted:
        reasons.append("the work cited is retracted")
    # Look-alikes that only a rule about what a work is (a preprint, a notice, another edition) set aside.
    for other in assessments:
        rules = {veto.split(":")[0] for veto in other.vetoes}
        if rules and rules <= LOOK_ALIKE_RULES and other.confidence >= WEAK:
            reasons.append(f"set aside {other.candidate.doi}: {other.vetoes[0]}")
    return MatchResult(MATCHED, assessments, best, reasons, source)


def verify(ref: Reference, cand: Candidate, source: str = "doi") -> MatchResult:
    """Check the record a reference's own DOI points to: `matched`, or `rejected` with reasons."""
    assessment = assess(ref, cand)
    if assessment.plausible and assessment.confidence >= ACCEPT:
        return MatchResult(MATCHED, [assessment], assessment, ["the DOI's record fits the reference"], source)
    reasons = assessment.vetoes or [f"only {assessment.confidence:.2f} confident"]
    return MatchResult(REJECTED, [assessment], None, [f"DOI {cand.doi} points elsewhere: {reasons[0]}"], source)


def bibliographic(ref: Reference, max_authors: int = 3) -> str:
    """The reference rebuilt as one Vancouver-like string for `query.bibliographic`."""
    names = ref.author or ref.editor  # an edited book is cited by its editors
    people = [n.display() for n in names[:max_authors]]
    parts = []
    if people:
        more = len(names) > max_authors or ref.et_al
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
    isbn = ref.ISBN
    if isbn:
        parts.append(f"ISBN {isbn}")
    return ". ".join(parts) + "."


def second_query(ref: Reference, seen: Sequence[Candidate]) -> tuple[str, dict[str, Any]] | None:
    """(what it is, `search` keyword arguments) for a second look-up when the first found nothing that fits.

    The title alone as `query.bibliographic`, the cited names (authors, else editors) as `query.author`,
    and, when the journal's ISSN is known (the reference's own, or that of a record the first look-up
    found in the same journal), a `filter` on that ISSN and a year either side; else the journal's
    name as `query.container-title`. None when the reference has no title to ask with.
    """
    title = clean_text(_ref_title(ref)).rstrip(".…")
    if not title:
        return None
    cited = ref.author or ref.editor
    names = [" ".join(p for p in (n.non_dropping_particle, n.family) if p) or n.literal or "" for n in cited]
    query: dict[str, Any] = {"bibliographic": title}
    what = ["title"]
    if any(names):
        query["author"] = " ".join(n for n in names if n)
        what.append("query.author")
    issn = ref.ISSN.split(",")[0].strip() if ref.ISSN else None
    journals = _reference_journals(ref)
    if not issn and journals and reference_kind(ref) in ("article", None):
        for cand in seen:
            record = cand.record if isinstance(cand.record, Mapping) else {}
            if record.get("ISSN") and any(journals_match(a, b) for a in journals for b in cand.journals):
                issn = str(record["ISSN"][0])
                break
    if issn and ref.year:
        query["filters"] = {"issn": issn, "from-pub-date": str(ref.year - 1), "until-pub-date": str(ref.year + 1)}
        what.append(f"ISSN {issn}, {ref.year - 1}-{ref.year + 1}")
    elif journals and reference_kind(ref) in ("article", None):
        # A journal none of the first records is in (a translation's, say): ask for it by name.
        query["container"] = next((full_name(j) for j in journals if full_name(j)), journals[-1])
        what.append("query.container-title")
    return " + ".join(what), query
