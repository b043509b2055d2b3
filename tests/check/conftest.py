"""Shared for the `myobib check` tests: the Crossref stand-in's corpus with this suite's records."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from ..crossref_server import CORPUS

HERE = Path(__file__).resolve().parent
CHECK_CORPUS = HERE.parent / "data" / "check" / "corpus.json"
SEED_LIBRARY = HERE.parents[1] / "refs" / "seed-library.json"


def no_wait(_seconds: float) -> None:
    """The client's `sleep`: the stand-in does not enforce Crossref's rates, so these tests need not keep them."""


def corpus(*, plant: dict[str, list[dict[str, Any]]] | None = None, extra: list[dict[str, Any]] = ()) -> list[dict]:
    """The stand-in's corpus with the records of tests/data/check/corpus.json in place of the ones
    they replace (same DOI), `plant`ed `updated-by` notices ({DOI: [update, …]}) and `extra` records."""
    base = json.loads(CORPUS.read_text(encoding="utf-8"))
    mine = {rec["DOI"]: rec for rec in json.loads(CHECK_CORPUS.read_text(encoding="utf-8"))}
    records = [copy.deepcopy(mine.get(rec["DOI"], rec)) for rec in base]
    for rec in records:
        if plant and rec["DOI"] in plant:
            rec["updated-by"] = plant[rec["DOI"]]
    return [*records, *extra]


def notice(kind: str, doi: str, target: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A notice record (`retraction`, `expression_of_concern`, …) for `target`, and the `updated-by` entry
    the target then carries."""
    update = {"DOI": doi, "type": kind, "label": kind.replace("_", " ").title(), "source": "publisher",
              "updated": {"date-parts": [[2024, 5, 2]]}}  # fmt: skip
    record = {
        **{k: copy.deepcopy(v) for k, v in target.items() if k not in ("updated-by", "_comment")},
        "DOI": doi,
        "URL": f"https://doi.org/{doi}",
        "title": [f"{kind.replace('_', ' ').title()}: {target['title'][0]}"],
        "update-to": [{**update, "DOI": target["DOI"]}],
    }
    return record, update
