"""The result of `myobib check`: findings, counts, the corrected list and its diff, and the files written."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..model import Bibliography, Unparsed
from ..textio import write_atomic
from ..writers import OUTPUT_FORMATS, write
from .findings import ATTENTION, CORRECTED, UNRESOLVED, VERDICTS, VERIFIED, Finding

__all__ = ["EXIT_ATTENTION", "EXIT_BAD_INPUT", "EXIT_OK", "CheckReport"]

# Exit statuses of `myobib check` (documented in the command's help and the README).
EXIT_OK, EXIT_ATTENTION, EXIT_BAD_INPUT = 0, 1, 2


@dataclass
class CheckReport:
    """What `check` found in one list, with the corrected list (for line-based lists) and its diff."""

    source: str
    format: str
    findings: list[Finding]
    bibliography: Bibliography  # the corrected, resolved bibliography (repeats merged)
    header: dict[str, Any] = field(default_factory=dict)
    repeats: int = 0
    unparsed: list[Unparsed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    resolve: dict[str, Any] = field(default_factory=dict)  # the resolve report as data
    original_text: str | None = None
    corrected_text: str | None = None  # None: the input is not a line-based list (BibTeX, RIS, …)
    diff: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        """references, repeats, then one count per verdict."""
        counts = {"references": len(self.findings), "repeats": self.repeats}
        counts.update({verdict: sum(1 for f in self.findings if f.verdict == verdict) for verdict in VERDICTS})
        return counts

    @cached_property
    def formatted(self) -> dict[str, str]:
        """Each corrected reference in the report's CSL style as HTML, by key (identifiers left out:
        the report links them beside the entry). Formatted on first use: only the HTML page needs it."""
        from ..readinglist.render import format_entries

        refs = [ref.replace(DOI=None, PMID=None, PMCID=None, URL=None) for ref in self.bibliography]
        style, locale = self.options.get("style") or "vancouver", self.options.get("locale")
        return {ref.id: entry for ref, entry in format_entries(refs, style, "html", locale=locale)}

    @property
    def needs_attention(self) -> list[Finding]:
        return [f for f in self.findings if f.verdict == ATTENTION]

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when nothing needs attention, 1 when something does (`strict`: unresolved ones too)."""
        counts = self.counts()
        failing = counts[ATTENTION] + (counts[UNRESOLVED] if strict else 0)
        return EXIT_ATTENTION if failing else EXIT_OK

    def summary(self) -> str:
        """`17 references, 17 repeats: 13 verified, 0 corrected, 0 need attention, 4 unresolved`."""
        c = self.counts()
        return (
            f"{c['references']} references, {c['repeats']} repeats: {c[VERIFIED]} verified, "
            f"{c[CORRECTED]} corrected, {c[ATTENTION]} need attention, {c[UNRESOLVED]} unresolved"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "summary": self.counts(),
            "header": {k: v for k, v in self.header.items() if k != "format"},
            "options": dict(self.options),
            "references": [f.to_dict() for f in self.findings],
            "unparsed": [u.to_dict() for u in self.unparsed],
            "warnings": list(self.warnings),
            "messages": list(self.messages),
            "resolve": self.resolve,
            "corrected-list": self.corrected_text,
            "diff": self.diff,
            "seconds": round(self.seconds, 3),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        from .render import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """One standalone page: summary counts, a row per reference, a "needs attention" filter."""
        from .render import to_html

        return to_html(self)

    def write(self, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
        """Write `<stem>.check.html/.md/.json`, the corrected list `<stem>.corrected<ext>` (and, for a
        line-based list, `<stem>.corrected.diff`) into `out_dir`, each atomically."""
        out, name = Path(out_dir), Path(self.source)
        stem = name.stem
        files = {
            "html": write_atomic(out / f"{stem}.check.html", self.to_html()),
            "markdown": write_atomic(out / f"{stem}.check.md", self.to_markdown()),
            "json": write_atomic(out / f"{stem}.check.json", self.to_json()),
        }
        if self.corrected_text is not None:
            files["corrected"] = write_atomic(out / f"{stem}.corrected{name.suffix or '.txt'}", self.corrected_text)
            files["diff"] = write_atomic(out / f"{stem}.corrected.diff", self.diff)
        elif self.format in OUTPUT_FORMATS:  # a bibliography file: corrected in its own format (no diff)
            files["corrected"] = write(self.bibliography, out / f"{stem}.corrected{name.suffix}", self.format)
        return files
