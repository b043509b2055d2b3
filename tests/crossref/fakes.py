"""Crossref-shaped work items built from the seed records, the traps around them, and a fake client.

The fake client ranks its corpus by word overlap with the query (a small real search, not
canned answers) and counts its calls, so tests can check what was asked.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from myobib.errors import CrossrefUnavailable

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def seed_records(shared: Path = SHARED) -> list[dict[str, Any]]:
    return json.loads((shared / "seed" / "seed-references.json").read_text(encoding="utf-8"))


def item(
    doi: str,
    title: str,
    families: Iterable[str],
    journal: str,
    short: str | None,
    year: int,
    volume: str | None = None,
    issue: str | None = None,
    page: str | None = None,
    **more: Any,
) -> dict[str, Any]:
    """A work item shaped like Crossref's (`title` and journals as arrays, dates as date-parts)."""
    authors = [
        {"given": "A", "family": fam, "sequence": "first" if i == 0 else "additional", "affiliation": []}
        for i, fam in enumerate(families)
    ]
    data: dict[str, Any] = {
        "DOI": doi,
        "type": "journal-article",
        "title": [title],
        "author": authors,
        "container-title": [journal],
        "short-container-title": [short] if short else [],
        "issued": {"date-parts": [[year]]},
        "published-print": {"date-parts": [[year]]},
        "publisher": "Example Publisher",
        "ISSN": ["1234-5678"],
        "URL": f"https://doi.org/{doi}",
        "score": 10.0,
    }
    for key, value in (("volume", volume), ("issue", issue), ("page", page)):
        if value is not None:
            data[key] = value
    data.update(more)
    return data


def seed_items(shared: Path = SHARED) -> dict[int, dict[str, Any]]:
    """Each seed work as Crossref would carry it; works without a confirmed DOI get a test-only one."""
    items = {}
    for rec in seed_records(shared):
        doi = rec["doi"] or f"10.5555/seed-{rec['n']}"
        family = rec["first_author"]["family"]
        page = rec["pages"] if not rec["article_number"] else None
        extra: dict[str, Any] = {}
        if rec["article_number"]:
            extra["article-number"] = rec["article_number"]
        items[rec["n"]] = item(
            doi,
            rec["title_as_published"],
            [family, "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"],
            rec["journal"],
            rec["journal_abbrev"],
            rec["year"],
            rec["volume"],
            rec["issue"],
            page,
            **extra,
        )
    # What Crossref really carries for the known traps.
    items[2]["author"][0]["family"] = "Bellutti Enders"
    items[2]["issued"] = {"date-parts": [[2016, 9, 1]]}
    items[2]["published-online"] = {"date-parts": [[2016, 9, 1]]}
    items[12]["issued"] = {"date-parts": [[2019, 10, 25]]}
    items[12]["published-online"] = {"date-parts": [[2019, 10, 25]]}
    items[17]["page"] = "19-27"
    return items


def distractors(items: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The hard cases: a twin in another journal, a reply, an erratum, same author and year, a near-twin title."""
    out = []
    lundberg = copy.deepcopy(items[6])
    lundberg.update(
        {
            "DOI": "10.1136/annrheumdis-2017-211468",
            "container-title": ["Annals of the Rheumatic Diseases"],
            "short-container-title": ["Ann Rheum Dis"],
            "volume": "76",
            "issue": "12",
            "page": "1955-1964",
        }
    )
    out.append(lundberg)
    reply = copy.deepcopy(items[4])
    reply.update({"DOI": "10.5555/reply-4", "title": ["Reply"]})
    reply["author"] = [dict(reply["author"][0], family="Lundberg"), dict(reply["author"][1], family="Tjärnlund")]
    out.append(reply)
    erratum = copy.deepcopy(items[10])
    erratum.update(
        {
            "DOI": "10.1093/rheumatology/keab600",
            "title": ["Correction to: " + items[10]["title"][0]],
            "volume": "60",
            "issue": "11",
            "page": "5483",
            "update-to": [{"DOI": items[10]["DOI"], "type": "correction", "label": "Correction"}],
        }
    )
    out.append(erratum)
    same = copy.deepcopy(items[9])
    same.update(
        {
            "DOI": "10.5555/oldroyd-other",
            "title": ["Myositis in 2022: what rheumatologists should know"],
            "volume": "61",
            "issue": "2",
            "page": "100-110",
        }
    )
    out.append(same)
    korean = copy.deepcopy(items[13])
    korean.update(
        {
            "DOI": "10.4046/trd.2024.0148",
            "issued": {"date-parts": [[2025]]},
            "published-print": {"date-parts": [[2025]]},
            "volume": "88",
            "issue": "1",
            "page": "1-20",
            "title": [re.sub(r"Part 5\. ", "", items[13]["title"][0])],
        }
    )
    out.append(korean)
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


class FakeClient:
    """`work()` and `search()` over a corpus; counts calls; can fail after some calls."""

    def __init__(self, corpus: Iterable[dict[str, Any]], fail_after: int | None = None, error: Exception | None = None):
        self.corpus = list(corpus)
        self.calls: list[tuple[str, str]] = []
        self.fail_after = fail_after
        self.error = error or CrossrefUnavailable("cannot connect to 127.0.0.1:9")

    @property
    def stats(self) -> dict[str, int]:
        return {"requests": len(self.calls)}

    def _maybe_fail(self) -> None:
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise self.error

    def work(self, doi: str) -> dict[str, Any] | None:
        self._maybe_fail()
        self.calls.append(("work", doi))
        return next((copy.deepcopy(i) for i in self.corpus if i["DOI"].lower() == doi.lower()), None)

    def search(self, bibliographic: str, rows: int = 5, **fields: Any) -> list[dict[str, Any]]:
        self._maybe_fail()
        self.calls.append(("search", bibliographic))
        query = _words(" ".join([bibliographic, str(fields.get("author") or ""), str(fields.get("container") or "")]))
        scored = []
        for entry in self.corpus:
            text = " ".join([*entry["title"], *entry["container-title"], *(a["family"] for a in entry["author"])])
            text += " " + " ".join(str(entry.get(k, "")) for k in ("volume", "issue", "page"))
            overlap = len(query & _words(text))
            if overlap:
                scored.append((overlap, entry))
        scored.sort(key=lambda pair: -pair[0])
        return [dict(copy.deepcopy(e), score=float(s)) for s, e in scored[:rows]]
