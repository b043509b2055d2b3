"""`myobib check` speed: on the seed as a user runs it, and per reference on larger synthetic pages.

    python3 benchmarks/check_bench.py [--runs 5] [--sizes 1000 4000] [--skip-standin]

Seed: wall time of a fresh `myobib` process (median of `--runs`), with `myobib parse` on the same
file as the baseline measured in the same run, and `myobib build` (library only) beside it:
- check offline: `--library refs/seed-library.json --offline --no-cache` (library only);
- check online: the same against the Crossref stand-in (tests/crossref_server.py in a subprocess,
  its corpus plus tests/data/check), polite pool; the client keeps Crossref's published rates, so
  this is the time a user waits when Crossref answers at once.
Sizes: synthetic pages (benchmarks/synthetic.py) checked in-process without library or Crossref,
so the figure is check's own work (parse, merge, judge, corrected list and diff, formatting every
entry twice, the three reports) per reference, against `myobib.load` (parse + merge) as baseline;
growth is the time per reference at the largest size over that at the smallest (1.0 = linear).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402

import myobib  # noqa: E402

SEED = ROOT / "refs" / "idiopathic-inflammatory-myopathies.txt"
LIBRARY = ROOT / "refs" / "seed-library.json"
MYOBIB = [sys.executable, "-m", "myobib.cli"]


def wall(args: list[str], runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run([*MYOBIB, *args], capture_output=True, cwd=ROOT).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def standin(folder: Path) -> tuple[subprocess.Popen, str]:
    """The stand-in on a free port with this suite's corpus; returns the process and its URL."""
    base = json.loads((ROOT / "tests" / "data" / "crossref" / "corpus.json").read_text(encoding="utf-8"))
    mine = {r["DOI"]: r for r in json.loads((ROOT / "tests" / "data" / "check" / "corpus.json").read_text("utf-8"))}
    corpus = folder / "corpus.json"
    corpus.write_text(json.dumps([mine.get(r["DOI"], r) for r in base]), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-u", str(ROOT / "tests" / "crossref_server.py"), "--corpus", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    line = process.stdout.readline()
    return process, next(word for word in line.split() if word.startswith("http://"))


def seed_table(runs: int, online: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows = [("myobib parse (baseline)", *wall(["parse", str(SEED), "-o", str(out / "p.json")], runs))]
        rows.append(("myobib build, library only", *wall(
            ["build", str(SEED), "--library", str(LIBRARY), "--no-crossref", "--out", str(out / "b")], runs)))
        offline = ["check", str(SEED), "--library", str(LIBRARY), "--offline", "--no-cache", "--out", str(out / "c")]
        rows.append(("myobib check, offline (library)", *wall(offline, runs)))
        if online:
            process, url = standin(out)
            try:
                args = ["check", str(SEED), "--library", str(LIBRARY), "--crossref-url", url, "--no-cache",
                        "--mailto", "bench@example.org", "--out", str(out / "o")]  # fmt: skip
                rows.append(("myobib check, Crossref stand-in", *wall(args, runs)))
            finally:
                process.terminate()
                process.wait(timeout=10)
    base = rows[0][1]
    print(f"\nSeed page (17 references, 34 occurrences), fresh process, median of {runs}")
    print("| command | seconds | × parse | exit |")
    print("|---|---|---|---|")
    for name, seconds, code in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / base:.1f} | {code} |")


def sizes_table(sizes: list[int]) -> None:
    print("\nSynthetic pages, in-process, no library, no Crossref (ms per reference)")
    print("| distinct works | load (baseline) | check | × load |")
    print("|---|---|---|---|")
    per_ref = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"page-{size}.txt"
            path.write_text(generate(size, seed=7).text, encoding="utf-8")
            start = time.perf_counter()
            bib = myobib.load(path)
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            report = myobib.check(path, progress=False)
            report.write(Path(tmp) / "out")
            checked = time.perf_counter() - start
            n = len(bib)
            per_ref.append(checked / n)
            print(f"| {size:,} ({n:,} references) | {1000 * loaded / n:.3f} | {1000 * checked / n:.3f} | "
                  f"{checked / loaded:.1f} |")  # fmt: skip
    if len(per_ref) > 1:
        print(f"growth {sizes[0]:,} → {sizes[-1]:,}: ×{per_ref[-1] / per_ref[0]:.2f} per reference")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 4000])
    parser.add_argument("--skip-standin", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("MYOBIB_SHARED", str(ROOT.parent / "shared"))
    seed_table(args.runs, not args.skip_standin)
    if args.sizes:
        sizes_table(sorted(args.sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
