"""The whole pipeline for one list: read → dedupe → write CSL-JSON, BibTeX and a run report."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import load
from .model import Bibliography
from .textio import write_atomic

__all__ = ["BuildResult", "build", "report_dict"]


@dataclass
class BuildResult:
    """What `build` produced: the bibliography and the files written."""

    bibliography: Bibliography
    files: dict[str, Path] = field(default_factory=dict)


def report_dict(bib: Bibliography, source: str | None = None) -> dict[str, Any]:
    """The run report as plain data: counts, merges, unparsed lines, warnings."""
    data = bib.report.to_dict()
    counts = {
        "references": len(bib),
        "occurrences": sum(len(ref.provenance) for ref in bib),
        "merged": len(bib.report.merges),
        "unparsed": len(bib.report.unparsed),
        "warnings": len(bib.report.warnings),
    }
    return {"source": source, "counts": counts, **data}


def build(path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> BuildResult:
    """Read `path`, merge repeats and write `<stem>.json`, `<stem>.bib`, `<stem>.report.json`."""
    from .writers import bibtex, csljson

    bib = load(path)
    out = Path(out_dir)
    stem = Path(path).stem
    result = BuildResult(bib)
    result.files["csl-json"] = csljson.write(bib, out / f"{stem}.json")
    result.files["bibtex"] = bibtex.write(bib, out / f"{stem}.bib")
    report = json.dumps(report_dict(bib, str(path)), ensure_ascii=False, indent=2) + "\n"
    result.files["report"] = write_atomic(out / f"{stem}.report.json", report)
    return result
