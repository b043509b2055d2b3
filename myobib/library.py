"""A local CSL-JSON library the user trusts (a Zotero export, `refs/seed-library.json`), searched before Crossref.

Library entries go through exactly the same validation as Crossref records
(`myobib.crossref.match`): a library is trusted for its data, not for guessing.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .crossref.match import Candidate, MatchResult, decide, verify
from .model import Reference

__all__ = ["Library", "from_seed_records"]

_STOP = frozenset("a an and the of for in on to with by at from as or is are its their into".split())


def _words(text: str | None) -> set[str]:
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in _STOP and len(w) > 1}


@dataclass
class Library:
    """Trusted references with a small index by DOI, first-author family and title words."""

    references: list[Reference]
    source: str = "library"
    _by_doi: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _by_word: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _candidates: list[Candidate] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        by_doi: dict[str, list[int]] = defaultdict(list)
        by_word: dict[str, set[int]] = defaultdict(set)
        for position, ref in enumerate(self.references):
            if ref.DOI:
                by_doi[ref.DOI.lower()].append(position)
            for word in _words(ref.title):
                by_word[word].add(position)
            if ref.first_author is not None:
                for word in _words(ref.first_author.family or ref.first_author.literal):
                    by_word["@" + word].add(position)
        self._by_doi, self._by_word = dict(by_doi), dict(by_word)
        self._candidates = [Candidate.from_reference(r, f"library:{self.source}") for r in self.references]

    def __len__(self) -> int:
        return len(self.references)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Library:
        """Read a CSL-JSON file (raises `InputError` naming file and line when it is not one)."""
        from .readers import csljson

        bib = csljson.read(path)
        return cls(list(bib), os.path.basename(str(path)))

    @classmethod
    def from_csl(cls, items: Iterable[Mapping[str, Any]], source: str = "library") -> Library:
        return cls([Reference.from_csl(item) for item in items], source)

    def candidates(self, ref: Reference) -> list[Candidate]:
        """Entries sharing the DOI, the first author's family name, or a third of the title words."""
        hits: dict[int, int] = defaultdict(int)
        title = _words(ref.title)
        for word in title:
            for position in self._by_word.get(word, ()):
                hits[position] += 1
        chosen = {p for p, n in hits.items() if title and n >= max(2, len(title) // 3)}
        if ref.first_author is not None:
            for word in _words(ref.first_author.family or ref.first_author.literal):
                chosen |= self._by_word.get("@" + word, set())
        if ref.DOI:
            chosen |= set(self._by_doi.get(ref.DOI.lower(), ()))
        return [self._candidates[p] for p in sorted(chosen)]

    def lookup(self, ref: Reference) -> MatchResult:
        """Validate the entry with the reference's DOI, else decide among the plausible entries."""
        source = f"library:{self.source}"
        if ref.DOI:
            same = [self._candidates[p] for p in self._by_doi.get(ref.DOI.lower(), ())]
            if same:
                return verify(ref, same[0], source)
        return decide(ref, self.candidates(ref), source)


def from_seed_records(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """CSL-JSON items from `seed-references.json` records; a DOI only where the record confirms one."""
    items = []
    for record in records:
        author = record.get("first_author") or {}
        item: dict[str, Any] = {
            "id": f"seed-{record['n']}",
            "type": "article-journal",
            "title": record["title_as_published"],
            "author": [{"family": author["family"], "given": author.get("initials") or ""}] if author else [],
            "container-title": record.get("journal"),
            "container-title-short": record.get("journal_abbrev"),
            "issued": {"date-parts": [[int(record["year"])]]} if record.get("year") else None,
            "volume": record.get("volume"),
            "issue": record.get("issue"),
            "page": record.get("pages"),
            "number": record.get("article_number"),
            "PMID": record.get("pmid"),
        }
        if record.get("doi") and record.get("doi_status") == "verified":
            item["DOI"] = record["doi"]
            item["URL"] = f"https://doi.org/{record['doi']}"
        items.append({k: v for k, v in item.items() if v not in (None, [], "")})
    return items
