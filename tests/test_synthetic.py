"""The synthetic page generator of benchmarks/: its labels are right, and dedupe on it never merges wrongly."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from myobib.dedupe import dedupe
from myobib.model import Bibliography
from myobib.readers.page import parse_text

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load_synthetic():
    spec = importlib.util.spec_from_file_location("myobib_bench_synthetic", BENCHMARKS / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


synthetic = _load_synthetic()
SIZE, SHARE = 1000, 0.15


@pytest.fixture(scope="module")
def page():
    return synthetic.generate(SIZE, repeat_share=SHARE, seed=7)


@pytest.fixture(scope="module")
def parsed(page):
    return parse_text(page.text, "synthetic.txt")


def occurrence_lines(page, line: int) -> list[str]:
    """The authors and journal lines of the occurrence starting at `line` (1-based)."""
    lines = page.text.split("\n")
    first = line if not re.match(r"\d+\. ", lines[line - 1]) else line + 1
    return lines[first - 1 : first + 1]


def test_counts_follow_the_request(page):
    how = Counter(kind.split(":")[0] for kind in page.how.values())
    assert len(page.works) == how["original"] == SIZE
    assert page.occurrences == SIZE + round(SIZE * SHARE)
    assert how["exact"] > 0 and how["reworded"] > 0 and how["reworded numbered"] > 0
    assert set(page.hard_kinds) == {"sibling", "twin", "erratum", "reply", "part 2"}


def test_every_label_starts_one_parsed_reference(page, parsed):
    assert not parsed.report.unparsed
    starts = [ref.provenance[0].line_start for ref in parsed]
    assert sorted(starts) == sorted(page.labels)


def test_each_work_is_written_once_as_original_then_repeated_later(page):
    originals = {page.labels[line]: line for line, kind in page.how.items() if kind == "original"}
    assert len(originals) == SIZE
    for line, kind in page.how.items():
        if kind != "original":
            assert line > originals[page.labels[line]]


def test_exact_repeats_copy_the_lines_and_reworded_ones_change_them(page):
    originals = {page.labels[line]: line for line, kind in page.how.items() if kind == "original"}
    reworded = 0
    for line, kind in page.how.items():
        original = occurrence_lines(page, originals[page.labels[line]])
        if kind == "exact":
            assert occurrence_lines(page, line) == original
        elif kind.startswith("reworded") and not kind.endswith("no change"):
            reworded += 1
            title_changed = "typo in the title" in kind
            assert occurrence_lines(page, line) != original or title_changed, kind
    assert reworded > 0


def test_reworded_journal_is_the_full_name_from_the_table(page):
    full = [line for line, kind in page.how.items() if "journal in full" in kind]
    assert full
    for line in full:
        journal = occurrence_lines(page, line)[1].split(". ")[0]
        assert journal == synthetic.JOURNAL_TABLE[page.truth[line].journal]


def test_distinct_works_are_really_distinct(page):
    pages = Counter((w.journal, w.volume, w.pages[0]) for w in page.works if w.volume and w.pages)
    assert max(pages.values()) == 1
    by_title = defaultdict(list)
    for work in page.works:
        by_title[synthetic._fold(work.title)].append(work)
    for works in by_title.values():
        if len(works) > 1:  # only the same criteria in two journals share a title
            assert {w.kind for w in works[1:]} == {"twin"}
            assert len({w.journal for w in works}) == len(works)


def test_score_counts_pairs_against_the_labels(page, parsed):
    nothing = synthetic.score(parsed, page)
    assert nothing.precision == 1.0 and nothing.recall == 0.0 and nothing.true_pairs > 0
    by_work = defaultdict(list)
    for ref in parsed:
        by_work[page.labels[ref.provenance[0].line_start]].append(ref)
    merged = [refs[0].replace(provenance=sum((r.provenance for r in refs), ())) for refs in by_work.values()]
    perfect = synthetic.score(Bibliography(merged), page)
    assert (perfect.precision, perfect.recall) == (1.0, 1.0)
    first, second = list(by_work.values())[:2]
    wrong = Bibliography([first[0].replace(provenance=first[0].provenance + second[0].provenance)])
    assert synthetic.score(wrong, page).precision < 1.0


def test_dedupe_never_merges_distinct_works(page, parsed):
    result = synthetic.score(dedupe(parsed), page)
    assert result.false_pairs == []
    assert result.precision == 1.0
    assert result.recall > 0.9  # the exact repeats alone make up half the repeats


def test_dedupe_on_disk_gives_the_same_bibliography_and_report(parsed):
    from myobib.spill import SpilledReferences

    in_memory = dedupe(parsed)
    disk = dedupe(Bibliography(SpilledReferences(parsed.references), dict(parsed.header), parsed.report))
    assert isinstance(disk.references, SpilledReferences)
    assert disk.keys() == in_memory.keys()
    assert disk.to_csl_json() == in_memory.to_csl_json()
    assert disk.report.to_dict() == in_memory.report.to_dict()
