"""A check shared by the reader tests: every non-blank input line is accounted for."""

from __future__ import annotations

from myobib.model import Bibliography


def unaccounted_lines(bib: Bibliography, text: str) -> list[int]:
    """Numbers of non-blank lines of `text` in no occurrence's span and not reported unparsed."""
    covered: set[int] = {u.line for u in bib.report.unparsed}
    for ref in bib:
        for occ in ref.provenance:
            covered.update(range(occ.line_start, occ.line_end + 1))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [number for number, line in enumerate(lines, start=1) if line.strip() and number not in covered]
