"""The whole pipeline for one list: read → dedupe → resolve → write every output.

`build(path, out_dir)` writes, for `refs/x.txt`:

    x.json, x.bib               the bibliography (verified DOIs, tags) as CSL-JSON and BibTeX
    x.<style>.txt / .html       the formatted bibliography, one pair per style
    x.reading-list.md / .html   the reading list by topic (Markdown; a standalone page)
    x.report.json               counts, merges, unparsed lines, warnings, one resolve row per reference
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import load
from .model import Bibliography
from .textio import write_atomic

__all__ = ["BuildResult", "build", "report_dict"]


@dataclass
class BuildResult:
    """What `build` produced: the bibliography, the resolve report and the files written."""

    bibliography: Bibliography
    resolve_report: Any = None
    files: dict[str, Path] = field(default_factory=dict)


def report_dict(bib: Bibliography, source: str | None = None, resolve_report: Any = None) -> dict[str, Any]:
    """The run report as plain data: counts, merges, unparsed lines, warnings (and resolve rows)."""
    counts = {
        "references": len(bib),
        "occurrences": sum(len(ref.provenance) for ref in bib),
        "merged": len(bib.report.merges),
        "unparsed": len(bib.report.unparsed),
        "warnings": len(bib.report.warnings),
    }
    data: dict[str, Any] = {"source": source, "counts": counts, **bib.report.to_dict()}
    if resolve_report is not None:
        counts.update({f"resolve-{status}": n for status, n in resolve_report.counts().items()})
        data["resolve"] = resolve_report.to_dict()
    return data


def build(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    styles: Sequence[str] = ("vancouver",),
    library: str | os.PathLike[str] | None = None,
    client: Any = None,
    pubmed: Any = None,
    resolve: bool = True,
    progress: bool | None = None,
    on_message: Callable[[str], None] | None = None,
) -> BuildResult:
    """Read `path`, merge repeats, attach verified DOIs (`library`, then Crossref via `client`) and PMIDs
    (PubMed via `pubmed`, an `Ncbi` client, cross-checked with Crossref), write all outputs.

    With `client=None` only the library is consulted for DOIs; Crossref or NCBI failing leaves
    references unresolved (said once through `on_message`), never invented.
    """
    from .formatting import format_bibliography, join_entries
    from .readinglist import build as reading_list
    from .readinglist import tag_bibliography
    from .resolve import resolve as resolve_dois
    from .writers import bibtex, csljson

    bib = load(path)
    resolve_report = None
    if resolve:
        bib, resolve_report = resolve_dois(
            bib, client, library=library, progress=progress, on_message=on_message, pubmed=pubmed
        )
    bib = tag_bibliography(bib)
    out, stem = Path(out_dir), Path(path).stem
    result = BuildResult(bib, resolve_report)
    result.files["csl-json"] = csljson.write(bib, out / f"{stem}.json")
    result.files["bibtex"] = bibtex.write(bib, out / f"{stem}.bib")
    for style in styles:
        for output, suffix in (("text", "txt"), ("html", "html")):
            text = join_entries(format_bibliography(bib, style, output=output), output)
            result.files[f"{style}-{output}"] = write_atomic(out / f"{stem}.{_slug(style)}.{suffix}", text)
    readings = reading_list(bib, "topic")
    result.files["reading-list-markdown"] = readings.write(out / f"{stem}.reading-list.md", "markdown", styles[0])
    result.files["reading-list-html"] = readings.write(out / f"{stem}.reading-list.html", "html", styles[0])
    report = json.dumps(report_dict(bib, str(path), resolve_report), ensure_ascii=False, indent=2) + "\n"
    result.files["report"] = write_atomic(out / f"{stem}.report.json", report)
    return result


def _slug(style: str) -> str:
    return Path(style).stem if style.endswith(".csl") else style
