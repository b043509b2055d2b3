"""Page parsing speed against an earlier commit, measured in the same run.

    from versus import compare
    rows = compare("8562bd3", sizes=[10_000, 100_000], runs=5)

The earlier commit is checked out into a temporary `git worktree`; both parsers then read the same
journal-only synthetic pages (written once to files) in fresh processes, run alternately so load on
the machine falls on both alike, each timing `myobib.readers.page.parse_text` in CPU seconds of its
own process. With `callgrind=True` (valgrind installed), both are also counted in instructions per
reference at `callgrind_size` works: the parse of that page less that of a process that only reads
it, hash seed fixed, so the figure is stable from run to run. With `paired_runs=N`, each parser also
parses the page N times in one long-lived process of its own, the two taking turns run by run: a pair
of runs is a fraction of a second apart, so a slow spell of a shared machine falls on both alike, and
the median of the N ratios is steadier than that of a few fresh processes (warm: after the first
run, each parser's caches hold the page's names and dates).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from synthetic import generate

ROOT = Path(__file__).resolve().parents[1]
PAIRED_UP_TO = 20_000  # paired turns only up to this size: a pair at 100,000 works takes some 15 s

# Set up a child: the myobib found at `argv[1]`, the page in `argv[2]`, one warm-up list parsed (`argv[3]`).
_SETUP = """
import sys, time
sys.path.insert(0, sys.argv[1])
import myobib
from myobib.readers.page import parse_text
if not myobib.__file__.startswith(sys.argv[1]):  # an editable install's finder can shadow sys.path
    sys.exit(f"measured the wrong checkout: myobib from {myobib.__file__}, not {sys.argv[1]}")
text = open(sys.argv[2], encoding="utf-8").read()
warm = open(sys.argv[3], encoding="utf-8").read()
parse_text(warm, "warm.txt")  # lazy imports and compiled patterns, as any session has them after one list
"""
# A fresh process: parse the page once (unless `argv[4]` is 0); print CPU seconds and references.
_CHILD = _SETUP + """
if sys.argv[4] == "1":
    start = time.process_time()
    bib = parse_text(text, "page.txt")
    print(time.process_time() - start, len(bib))
"""
# A long-lived worker: parse the page for every line read on stdin; print CPU seconds.
_WORKER = _SETUP + """
for _ in sys.stdin:
    start = time.process_time()
    bib = parse_text(text, "page.txt")
    print(time.process_time() - start, flush=True)
    del bib
"""


@dataclass
class Row:
    """One page size: CPU seconds per run of each parser, and instructions per reference."""

    size: int
    occurrences: int = 0
    ours: list[float] = field(default_factory=list)
    theirs: list[float] = field(default_factory=list)
    ours_instructions: int | None = None
    theirs_instructions: int | None = None
    paired: list[float] = field(default_factory=list)  # ours/theirs per pair of turns in long-lived processes

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.theirs, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)


@contextmanager
def worktree(revision: str) -> Iterator[Path]:
    """A temporary checkout of `revision`, removed afterwards."""
    place = Path(tempfile.mkdtemp(prefix="myobib-versus-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(place), revision],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield place
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(place)], capture_output=True)
        shutil.rmtree(place, ignore_errors=True)


def _child(tree: Path, page: Path, warm: Path, parse: bool = True, wrap: list[str] | None = None) -> str:
    command = [*(wrap or []), sys.executable, "-c", _CHILD, str(tree), str(page), str(warm), "1" if parse else "0"]
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": ""}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"the child run in {tree} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout + done.stderr


def _paired_ratios(trees: tuple[Path, Path], page: Path, warm: Path, runs: int) -> list[float]:
    """Ours/theirs CPU time of `runs` pairs of parses, each parser in its own long-lived process."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": ""}
    workers = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(tree), str(page), str(warm)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for tree in trees
    ]  # fmt: skip

    def turn(worker: subprocess.Popen[str]) -> float:
        assert worker.stdin is not None and worker.stdout is not None and worker.stderr is not None
        worker.stdin.write("\n")
        worker.stdin.flush()
        answer = worker.stdout.readline()
        if not answer:
            raise RuntimeError(f"the worker in {worker.args[3]} failed: {worker.stderr.read()[-2000:]}")
        return float(answer)

    times: list[list[float]] = [[], []]
    try:
        for run in range(runs):
            for k in (0, 1) if run % 2 == 0 else (1, 0):
                times[k].append(turn(workers[k]))
    finally:
        for worker in workers:
            worker.communicate()
    return [a / b for a, b in zip(*times, strict=True)]


def _instructions(tree: Path, page: Path, warm: Path, parse: bool) -> int:
    out = _child(tree, page, warm, parse, ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"])
    for line in out.splitlines():
        if "Collected :" in line:
            return int(line.split("Collected :")[1].split()[0])
    raise RuntimeError(f"no instruction count from callgrind:\n{out[-2000:]}")


def compare(revision: str, sizes: list[int], runs: int = 5, callgrind: bool = False,
            callgrind_size: int = 2_000, seed: int = 1, paired_runs: int = 0,
            paired_up_to: int = PAIRED_UP_TO) -> list[Row]:  # fmt: skip
    """Time this checkout's page parser against that of `revision` on journal-only pages."""
    rows = []
    with worktree(revision) as theirs, tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(generate(300, repeat_share=0.15, seed=seed + 1).text, encoding="utf-8")
        for size in sizes:
            page = Path(tmp) / f"page-{size}.txt"
            page.write_text(generate(size, repeat_share=0.15, seed=seed).text, encoding="utf-8")
            row = Row(size)
            for run in range(runs):
                order = [(ROOT, row.ours), (theirs, row.theirs)]
                for tree, times in order if run % 2 == 0 else reversed(order):
                    seconds, count = _child(tree, page, warm).split()[:2]
                    times.append(float(seconds))
                    row.occurrences = int(count)
            if paired_runs and size <= paired_up_to:
                row.paired = _paired_ratios((ROOT, theirs), page, warm, paired_runs)
            rows.append(row)
        if callgrind and shutil.which("valgrind"):
            page = Path(tmp) / "page-callgrind.txt"
            page.write_text(generate(callgrind_size, repeat_share=0.15, seed=seed).text, encoding="utf-8")
            row = Row(callgrind_size)
            for tree, attribute in ((ROOT, "ours_instructions"), (theirs, "theirs_instructions")):
                spent = _instructions(tree, page, warm, True) - _instructions(tree, page, warm, False)
                setattr(row, attribute, spent // callgrind_size)
            rows.append(row)
    return rows
