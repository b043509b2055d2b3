"""The bibliographies shipped in refs/ are what myobib builds from the seed page today."""

from __future__ import annotations

import json

import myobib
from myobib.writers import bibtex, csljson


def _resolved(seed_path):
    bib, report = myobib.resolve(myobib.load(seed_path), None, library=seed_path.parent / "seed-library.json")
    return bib, report


def test_shipped_bibliographies_are_current(seed_path):
    bib, _ = _resolved(seed_path)
    stem = seed_path.with_suffix("")
    assert (stem.parent / f"{stem.name}.json").read_text(encoding="utf-8") == csljson.dumps(bib)
    assert (stem.parent / f"{stem.name}.bib").read_text(encoding="utf-8") == bibtex.dumps(bib)


def test_seed_library_attaches_exactly_the_13_confirmed_dois(seed_path, shared_dir):
    bib, report = _resolved(seed_path)
    published = json.loads((shared_dir / "seed" / "seed-references.json").read_text(encoding="utf-8"))
    assert [ref.DOI for ref in bib] == [work["doi"] for work in published]
    assert sum(1 for ref in bib if ref.DOI) == 13
    assert report.counts()["matched"] == 13
