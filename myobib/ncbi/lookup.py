"""Find each reference's PMID (and PMCID) in PubMed, in batches, verifying every record proposed.

`lookup(refs, client)` returns one `PubmedOutcome` per reference, asking as few requests as the
work allows:

1. identifiers the reference carries: its own PMID is checked like any other proposal; a PMCID
   or DOI goes to the PMC ID Converter (200 ids a request) for the PMID;
2. ECitMatch for the rest (25 citations a request);
3. ESummary for every PMID proposed (200 a request), each checked field by field
   (`myobib.ncbi.match`): ECitMatch matches on journal, volume and page and has been wrong;
4. one fielded ESearch for what is still unmatched, ten references a request (their terms joined
   by OR; a batch whose hits pass `retmax` is split), its records summarised in one batch and
   decided per reference together with the records ECitMatch listed as AMBIGUOUS (ambiguous
   unless one clearly fits; a bare `AMBIGUOUS (n citations)` stays ambiguous when nothing fits);
5. EFetch for the matched records (200 a request): errata, retractions, expressions of concern,
   comments and updates become flags; the PMCID comes from the DocSum, else the ID Converter
   (not in PMC is an answer).

NCBI being unreachable, blocking, or passing the error budget raises (`NcbiUnavailable`,
`NcbiBlocked`, `NcbiTooManyErrors`); a record NCBI keeps failing on makes that reference an
`error`, never "not found"; offline, what the cache lacks leaves references `unresolved`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..crossref.match import AMBIGUOUS, MATCHED, NOT_FOUND, REJECTED, Assessment, Candidate, MatchResult
from ..errors import NcbiError
from ..model import Reference
from .client import Failed, Ncbi, NcbiOfflineMiss
from .match import citation, decide_pubmed, pmid_of, query, related, verify_pubmed
from .records import article_ids, candidate, flags

__all__ = ["ERROR", "UNRESOLVED", "PubmedOutcome", "lookup"]

ERROR, UNRESOLVED = "error", "unresolved"
FINAL = (MATCHED, AMBIGUOUS, NOT_FOUND, REJECTED)
SEARCH_BATCH = 10
SEARCH_RETMAX = 500


@dataclass
class PubmedOutcome:
    """What PubMed says about one reference."""

    status: str
    pmid: str | None = None
    pmcid: str | None = None
    doi: str | None = None  # the DOI PubMed's record carries
    confidence: float = 0.0
    agreed: list[str] = field(default_factory=list)
    disagreed: list[str] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    considered: int = 0
    via: str | None = None  # ecitmatch, search, pmid, pmcid, doi
    reasons: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    record: Mapping[str, Any] | None = None  # the accepted DocSum

    def to_dict(self) -> dict[str, Any]:
        """Plain data (`Reference.match["pubmed"]`, the report), without the DocSum."""
        return {
            "status": self.status,
            "PMID": self.pmid,
            "PMCID": self.pmcid,
            "DOI": self.doi,
            "confidence": round(self.confidence, 3),
            "agreed": list(self.agreed),
            "disagreed": list(self.disagreed),
            "candidates": list(self.candidates),
            "considered": self.considered,
            "via": self.via,
            "reasons": list(self.reasons),
            "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], record: Mapping[str, Any] | None = None) -> PubmedOutcome:
        return cls(
            status=str(data.get("status") or UNRESOLVED),
            pmid=data.get("PMID"),
            pmcid=data.get("PMCID"),
            doi=data.get("DOI"),
            confidence=float(data.get("confidence") or 0.0),
            agreed=list(data.get("agreed") or []),
            disagreed=list(data.get("disagreed") or []),
            candidates=list(data.get("candidates") or []),
            considered=int(data.get("considered") or 0),
            via=data.get("via"),
            reasons=list(data.get("reasons") or []),
            flags=list(data.get("flags") or []),
            record=record,
        )

    @property
    def candidate(self) -> Candidate | None:
        return candidate(self.record) if self.record else None


def _summary(a: Assessment) -> dict[str, Any]:
    data = a.to_dict()
    data.pop("source", None)
    return {"PMID": pmid_of(a.candidate), **data}


def _outcome(result: MatchResult, via: str | None, docs: Mapping[str, Any]) -> PubmedOutcome:
    ranked = sorted(result.assessments, key=lambda a: (not a.plausible, -a.confidence))
    unique: dict[str, Assessment] = {}
    for assessment in ranked:
        unique.setdefault(pmid_of(assessment.candidate), assessment)
    best = result.accepted or (ranked[0] if ranked else None)
    accepted = result.accepted.candidate if result.accepted else None
    pmid = pmid_of(accepted) if accepted else None
    return PubmedOutcome(
        status=result.status,
        pmid=pmid,
        doi=accepted.doi if accepted else None,
        confidence=result.confidence,
        agreed=best.agreed if best else [],
        disagreed=best.disagreed if best else [],
        candidates=[_summary(a) for a in list(unique.values())[:5]],
        considered=len(unique),
        via=via if result.status == MATCHED else None,
        reasons=list(result.reasons),
        record=docs.get(pmid) if pmid else None,
    )


class _Pass:
    """One run of the steps of the module docstring over a list of references."""

    def __init__(self, refs: Sequence[Reference], client: Ncbi):
        self.refs, self.client = refs, client
        self.out: dict[int, PubmedOutcome] = {}
        self.docs: dict[str, Mapping[str, Any] | Failed] = {}
        self.proposed: dict[int, tuple[str, str]] = {}  # position -> (PMID, how it was proposed)
        self.earlier: dict[int, list[Assessment]] = {}
        self.pools: dict[int, set[str]] = {}
        self.failures: dict[int, str] = {}
        self.ambiguous: dict[int, str] = {}  # ECitMatch's AMBIGUOUS (n citations), which names no record
        self.given: dict[int, MatchResult] = {}  # references whose own PMID does not fit, or could not be checked
        self.refused: dict[int, str] = {}  # why a proposed PMID was not accepted

    def open(self) -> list[int]:
        return [i for i in range(len(self.refs)) if i not in self.out]

    def offline(self, positions: Iterable[int], exc: Exception) -> None:
        for i in positions:
            if i not in self.out:
                self.out[i] = PubmedOutcome(UNRESOLVED, reasons=[f"offline: {exc}"])

    # -- 1 and 2: proposals --------------------------------------------------------------------------

    def identifiers(self) -> None:
        for i, ref in enumerate(self.refs):
            if ref.PMID and ref.PMID.strip().isdigit():
                self.proposed[i] = (ref.PMID.strip(), "its own")
        for idtype, value in (("pmcid", lambda r: r.PMCID), ("doi", lambda r: r.DOI)):
            wanted = {i: _pmcid(value(r)) if idtype == "pmcid" else value(r) for i, r in enumerate(self.refs)}
            wanted = {i: v for i, v in wanted.items() if v and i not in self.proposed}
            if not wanted:
                continue
            try:
                found = self.client.convert(wanted.values(), idtype)
            except NcbiOfflineMiss:
                continue  # ECitMatch and the search may still be in the cache
            for i, value in wanted.items():
                record = found.get(value)
                if record and record.get("pmid"):
                    self.proposed[i] = (str(record["pmid"]), f"the ID Converter ({idtype.upper()} {value}) gave")

    def citmatch(self) -> None:
        cites = {
            f"r{i}": (i, c) for i in self.open() if i not in self.proposed if (c := citation(self.refs[i], f"r{i}"))
        }
        if not cites:
            return
        try:
            answers = self.client.citmatch([c for _, c in cites.values()])
        except NcbiOfflineMiss as exc:
            return self.offline([i for i, _ in cites.values()], exc)
        for key, (i, _) in cites.items():
            answer = answers.get(key)
            if answer is None:
                continue
            if answer.status == "found" and answer.pmid:
                self.proposed[i] = (answer.pmid, "ECitMatch proposed")
            elif answer.status == "ambiguous":  # listed records are judged; a bare count stays ambiguous
                self.pools.setdefault(i, set()).update(answer.candidates)
                if not answer.candidates:
                    self.ambiguous[i] = f"ECitMatch: {answer.raw}"

    # -- 3: check every proposal ---------------------------------------------------------------------

    def summarise(self, pmids: Iterable[str]) -> None:
        missing = [p for p in pmids if p not in self.docs]
        if missing:
            self.docs.update(self.client.summaries(missing))

    def check_proposals(self) -> None:
        wanted = [p for i, (p, _) in self.proposed.items() if i not in self.out]
        try:
            self.summarise(wanted)
        except NcbiOfflineMiss as exc:
            return self.offline(list(self.proposed), exc)
        for i, (pmid, how) in self.proposed.items():
            if i in self.out:
                continue
            doc = self.docs.get(pmid)
            if not isinstance(doc, Mapping):
                self.failures[i] = f"PMID {pmid} ({how}) could not be checked: {doc.reason if doc else 'no answer'}"
                if how == "its own":  # never replaced by another: the reference's PMID stays unchecked
                    self.given[i] = MatchResult(ERROR, [], None, [self.failures[i]], "pubmed")
                continue
            result = verify_pubmed(self.refs[i], candidate(doc), how)
            if result.status == MATCHED:
                self.out[i] = _outcome(result, _via(how), self.docs)
            else:
                self.earlier.setdefault(i, []).extend(result.assessments)
                self.refused[i] = result.reasons[0]
                if how == "its own":
                    self.given[i] = result

    # -- 4: search what is left --------------------------------------------------------------------

    def search(self) -> None:
        terms = {i: t for i in self.open() if (t := query(self.refs[i]))}
        positions = list(terms)
        batches = [positions[k : k + SEARCH_BATCH] for k in range(0, len(positions), SEARCH_BATCH)]
        while batches:
            batch = batches.pop()
            term = " OR ".join(f"({terms[i]})" for i in batch) if len(batch) > 1 else terms[batch[0]]
            try:
                pmids = self.client.search(term, retmax=SEARCH_RETMAX)
            except NcbiOfflineMiss as exc:
                self.offline(batch, exc)
                continue
            except NcbiError as exc:
                if type(exc) is not NcbiError:
                    raise
                for i in batch:
                    self.failures[i] = f"PubMed search failed: {exc}"
                continue
            if len(pmids) >= SEARCH_RETMAX and len(batch) > 1:
                half = len(batch) // 2
                batches += [batch[:half], batch[half:]]
                continue
            for i in batch:
                self.pools.setdefault(i, set()).update(pmids)
        wanted = {p for i, pool in self.pools.items() if i not in self.out for p in pool}
        try:
            self.summarise(sorted(wanted))
        except NcbiOfflineMiss as exc:
            self.offline(list(self.pools), exc)

    def decide(self) -> None:
        for i in self.open():
            ref = self.refs[i]
            cands = []
            for pmid in sorted(self.pools.get(i, ())):
                doc = self.docs.get(pmid)
                if isinstance(doc, Mapping):
                    cand = candidate(doc)
                    if related(ref, cand):
                        cands.append(cand)
            result = decide_pubmed(ref, cands, self.earlier.get(i, ()))
            if i in self.given:
                given = self.given[i]
                if result.status == MATCHED and result.accepted:
                    given.reasons.append(f"the reference fits PMID {pmid_of(result.accepted.candidate)} instead")
                self.out[i] = _outcome(given, None, self.docs)
                continue
            outcome = _outcome(result, "search", self.docs)
            if result.status != MATCHED and i in self.refused:
                outcome.reasons.insert(0, self.refused[i])
            if result.status == NOT_FOUND and i in self.ambiguous:
                outcome.status = AMBIGUOUS
                outcome.reasons.insert(0, self.ambiguous[i])
            elif result.status == NOT_FOUND and i in self.failures:
                outcome.status = ERROR
                outcome.reasons.insert(0, self.failures[i])
            self.out[i] = outcome

    # -- 5: notices and PMCIDs of what matched ----------------------------------------------------------

    def finish(self) -> None:
        matched = {i: o for i, o in self.out.items() if o.status == MATCHED and o.pmid}
        if not matched:
            return
        try:
            articles = self.client.fetch(o.pmid for o in matched.values() if o.pmid)
        except NcbiOfflineMiss:
            articles = {}
        lacking = {o.pmid for o in matched.values() if o.pmid and not article_ids(o.record or {}).get("pmc")}
        try:
            converted = self.client.convert(sorted(lacking), "pmid") if lacking else {}
        except NcbiOfflineMiss:
            converted = {}
        for o in matched.values():
            article = articles.get(o.pmid or "")
            o.flags = flags(article if not isinstance(article, Failed) else None, o.record)
            if isinstance(article, Failed):
                o.reasons.append(f"its notices could not be read ({article.reason})")
            ids = article_ids(o.record or {})
            pmc = ids.get("pmc") or (converted.get(o.pmid or "") or {}).get("pmcid")
            o.pmcid = pmc or None


def _via(how: str) -> str:
    return {"its own": "pmid", "ECitMatch proposed": "ecitmatch"}.get(how, "idconv")


def _pmcid(value: str | None) -> str | None:
    text = (value or "").strip().upper()
    digits = text.removeprefix("PMC")
    return f"PMC{digits}" if digits.isdigit() else None


def lookup(refs: Sequence[Reference], client: Ncbi) -> list[PubmedOutcome]:
    """One `PubmedOutcome` per reference (see the module docstring)."""
    run = _Pass(refs, client)
    run.identifiers()
    run.citmatch()
    run.check_proposals()
    run.search()
    run.decide()
    run.finish()
    return [run.out.get(i) or PubmedOutcome(UNRESOLVED, reasons=["not asked"]) for i in range(len(refs))]
