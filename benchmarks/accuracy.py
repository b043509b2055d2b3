"""Field accuracy per list, per kind of work and per layout: the labelled published lists of
tests/data/lists and generated lists of every kind (`synthetic.mixed_list`), each read as a user does
(`myobib.load`, the CSL-JSON file written and read back) and scored by tests/lists_score.py.

    from accuracy import corpus, generated, table
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from synthetic import LAYOUTS, mixed_list

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.lists_score import ListScore, list_paths, run_myobib, score_list, score_records  # noqa: E402

_NUMBERING = (
    ("numbered", re.compile(r"^\d{1,4}\.\s")),
    ("bracketed", re.compile(r"^\[\d{1,4}\]\s")),
    ("number-dot, no space", re.compile(r"^\d{1,4}\.\S")),
    ("bare number", re.compile(r"^\d{1,4}\s")),
)


def layout_of(text: str) -> str:
    """The layout of a list as issue 11 names them: a disease page, the numbering, or unnumbered entries
    one per line or separated by blank lines."""
    lines = text.splitlines()
    if any(line.lower().startswith("disease:") for line in lines[:5]):
        return "page"
    entries = [line for line in lines[1:] if line.strip()]
    for name, pattern in _NUMBERING:
        if sum(1 for line in entries if pattern.match(line)) > len(entries) / 2:
            return name
    blank_separated = sum(1 for a, b in zip(lines, lines[1:], strict=False) if not a.strip() and b.strip())
    return "unnumbered, blank lines" if blank_separated > len(entries) / 2 else "unnumbered, one per line"


def corpus() -> list[tuple[str, ListScore]]:
    """(layout, score) of every labelled list."""
    return [(layout_of(path.read_text(encoding="utf-8")), score_list(path)) for path in list_paths()]


def generated(size: int = 200, seeds: Iterable[int] = (1, 2, 3)) -> list[tuple[str, ListScore]]:
    """(layout, score) of generated lists of every kind in every layout of `synthetic.LAYOUTS`."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            for layout in LAYOUTS:
                made = mixed_list(size, layout, seed=seed)
                path = Path(tmp) / f"{layout}-{seed}.txt"
                path.write_text(made.text, encoding="utf-8")
                found.append((layout, score_records(f"{layout} {seed}", made.labels, run_myobib(path))))
    return found


def table(scores: list[tuple[str, ListScore]], title: str, per_list: bool = True) -> str:
    """Per list (optionally), per layout and per kind: works, one record per work, fields right."""
    out = [f"\n{title}"]
    rows = [("list", "layout", "works", "one record", "fields", "accuracy")]
    by_layout: dict[str, ListScore] = {}
    total = ListScore("all")
    for layout, score in scores:
        rows.append((score.name, layout, str(score.works), _share(score.one_record, score.works), str(score.fields),
                     f"{score.accuracy:.1%}"))  # fmt: skip
        by_layout.setdefault(layout, ListScore(layout)).add(score)
        total.add(score)
    if per_list:
        out.append(_format(rows))
    rows = [("layout", "works", "one record", "fields", "accuracy")]
    for layout, score in [*sorted(by_layout.items()), ("all", total)]:
        rows.append((layout, str(score.works), _share(score.one_record, score.works), str(score.fields),
                     f"{score.accuracy:.1%}"))  # fmt: skip
    out.append(_format(rows))
    rows = [("kind", "works", "one record", "fields", "accuracy")]
    for kind, (works, one, right, fields) in sorted(total.by_kind.items(), key=lambda item: -item[1][0]):
        rows.append((kind, str(works), _share(one, works), str(fields), f"{right / fields:.1%}" if fields else "-"))
    out.append(_format(rows))
    return "\n".join(out)


def _share(part: int, whole: int) -> str:
    return f"{part} ({part / whole:.0%})" if whole else "-"


def _format(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths,
             strict=True))) for row in rows]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
