"""The labelled set (tests/data/crossref/labelled.json) as references, and its score per trap kind.

Used by tests/test_resolve.py and benchmarks/resolve_bench.py. Each labelled entry holds the
reference as printed (`text`), as myobib's readers read it (`csl`), the one right DOI (or None:
no DOI may be attached) and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from myobib.model import Bibliography, Reference

LABELLED = Path(__file__).resolve().parents[1] / "data" / "crossref" / "labelled.json"


def load_cases(path: Path = LABELLED) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def references(cases: Iterable[dict[str, Any]]) -> Bibliography:
    """The labelled references as a bibliography (ids are the case ids)."""
    return Bibliography([Reference.from_csl({**case["csl"], "id": case["id"]}) for case in cases])


@dataclass
class Tally:
    """Counts for one trap kind (or all): references, labelled with a DOI, DOIs attached, right, wrong."""

    cases: int = 0
    labelled: int = 0
    attached: int = 0
    correct: int = 0
    wrong: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.attached if self.attached else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0


def score(cases: list[dict[str, Any]], resolved: Bibliography) -> dict[str, Tally]:
    """A `Tally` per trap kind and one for `all`; `errors` names every wrong or missed reference."""
    tallies: dict[str, Tally] = {}
    for case, ref in zip(cases, resolved, strict=True):
        for name in (case["kind"], "all"):
            tally = tallies.setdefault(name, Tally())
            tally.cases += 1
            tally.labelled += bool(case["doi"])
            if ref.DOI:
                tally.attached += 1
                if case["doi"] and ref.DOI.lower() == case["doi"].lower():
                    tally.correct += 1
                else:
                    tally.wrong += 1
                    tally.errors.append(f"WRONG  {case['id']}: {ref.DOI} (label {case['doi']}) {case['text'][:90]}")
            elif case["doi"]:
                status = (ref.match or {}).get("status", "unresolved")
                reasons = "; ".join((ref.match or {}).get("reasons") or [])
                tally.errors.append(f"missed {case['id']}: {status} ({reasons}) {case['text'][:90]}")
    return tallies
