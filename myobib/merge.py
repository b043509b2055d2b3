"""Merging several reference files (any mix of formats) into one deduplicated bibliography.

Each input is read with the reader its content calls for, then all references go
through `myobib.dedupe` together, so the same work is found across files and across
identifiers (same DOI, or same PMID). Every occurrence keeps its provenance
(`list.txt #3 (line 5)`, `refs.bib lundberg2017 (lines 1-12)`), and every value on
which two sources disagree is kept in the report (the merge's conflicts and a
warning) rather than dropped.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .build import report_dict
from .dedupe import dedupe
from .errors import InputError
from .model import Bibliography, Reference, Report, base_key
from .readers.detect import read_any
from .spill import concat, rebuild
from .textio import write_atomic
from .writers import dumps, write

__all__ = ["MergeResult", "merge", "merge_files"]

Source = str | os.PathLike[str] | Bibliography


def _relabel(bib: Bibliography, label: str) -> Bibliography:
    """The same bibliography with every occurrence's source renamed to `label`."""
    refs = (
        ref.replace(provenance=tuple(dataclasses.replace(occ, source=label) for occ in ref.provenance))
        for ref in bib.references
    )
    return Bibliography(rebuild(bib.references, refs), dict(bib.header), bib.report)


def _read_all(sources: Iterable[Source], format: str | None) -> list[tuple[str, Bibliography]]:
    read: list[tuple[str, Bibliography]] = []
    seen: set[str] = set()
    for index, source in enumerate(sources, start=1):
        if isinstance(source, Bibliography):
            labels = {occ.source for ref in source for occ in ref.provenance}
            label = next(iter(labels)) if len(labels) == 1 else f"input {index}"
            bib = source
        else:
            bib = read_any(source, format)
            label = os.path.basename(str(source))
            if label in seen:  # two inputs with one file name: tell them apart by their paths
                label = str(source)
                bib = _relabel(bib, label)
        seen.add(label)
        read.append((label, bib))
    if not read:
        raise InputError("nothing to merge: no input given")
    return read


def _point_merges_at_final_keys(bib: Bibliography) -> None:
    """Each merge names the reference its occurrence finally ended up in."""
    merged = {m.merged for m in bib.report.merges}
    final = {occ: ref.id for ref in bib for occ in ref.provenance if occ in merged}
    bib.report.merges = [
        dataclasses.replace(m, kept=final[m.merged]) if m.merged in final and final[m.merged] != m.kept else m
        for m in bib.report.merges
    ]


def _rekey(bib: Bibliography) -> Bibliography:
    """Drop the `a`/`b` suffixes that clashes between inputs gave generated keys, now that repeats are merged."""

    def unsuffixed() -> Iterator[int | Reference]:
        for index, ref in enumerate(bib.references):
            generated = not any(occ.key == ref.id for occ in ref.provenance) and re.fullmatch(
                re.escape(base_key(ref)) + "[a-z]*", ref.id
            )
            yield ref.replace(id="") if generated else index

    rekeyed = Bibliography(rebuild(bib.references, unsuffixed()), bib.header, bib.report)
    _point_merges_at_final_keys(rekeyed)
    return rekeyed


def merge(sources: Iterable[Source], *, format: str | None = None) -> Bibliography:
    """One deduplicated bibliography from several files or bibliographies.

    `format` forces one input format for every file (detected per file when None).
    The result's `header["sources"]` lists each input with its format and count, and
    `report` holds every input's unparsed lines and warnings, every merge with its
    reason, and a warning for each value on which two sources disagree.
    """
    inputs = _read_all(sources, format)
    report = Report()
    header_sources = []
    for label, bib in inputs:
        report.extend(bib.report)
        header_sources.append({"source": label, "format": bib.header.get("format"), "references": len(bib)})
    references = concat([bib.references for _, bib in inputs])
    combined = Bibliography(references, {"sources": header_sources}, report)
    before = len(report.merges)
    merged = _rekey(dedupe(combined))
    for item in merged.report.merges[before:]:
        if not item.conflicts:
            continue
        kept = merged.get(item.kept)
        kept_sources = {occ.source for occ in kept.provenance[:1]} if kept is not None else set()
        if item.merged.source not in kept_sources:
            for conflict in item.conflicts:
                merged.report.warnings.append(
                    f"{item.merged.label()}: differs from {item.kept}: {conflict} (both values kept in the report)"
                )
    return merged


@dataclass
class MergeResult:
    """What `merge_files` did: the bibliography, its text when no output file was given, files written."""

    bibliography: Bibliography
    text: str | None
    files: list[Path]


def merge_files(
    sources: Iterable[Source],
    *,
    output: str | os.PathLike[str] | None = None,
    to: str = "csl-json",
    report: str | os.PathLike[str] | None = None,
    format: str | None = None,
) -> MergeResult:
    """Merge `sources` and write the result (atomically) to `output`, and the run report to `report`.

    Without `output` the text is returned in `MergeResult.text` instead.
    """
    paths = list(sources)
    bib = merge(paths, format=format)
    text = None
    files: list[Path] = []
    if output is not None:
        files.append(write(bib, output, to))
    else:
        text = dumps(bib, to)
    if report is not None:
        names = ", ".join(str(p) for p in paths if not isinstance(p, Bibliography))
        data = report_dict(bib, names or None)
        data["sources"] = bib.header.get("sources", [])
        files.append(write_atomic(report, json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
    return MergeResult(bib, text, files)
