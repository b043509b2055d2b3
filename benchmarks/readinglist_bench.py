"""Reading-list speed: tagging, grouping and rendering against a CSL-JSON dump of the same references.

    python3 benchmarks/readinglist_bench.py [--sizes 500 2000] [--style vancouver]

The baseline is `myobib.writers.csljson.dumps` on the same bibliography in the same run (one
linear pass over every reference); each stage is reported as time per reference and as a
multiple of that baseline, and the growth from the smallest to the largest size shows whether
a stage stays linear (growth ≈ 1.0 means linear).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import myobib  # noqa: E402
from myobib import Bibliography  # noqa: E402
from myobib.readinglist import build, tag_bibliography  # noqa: E402
from myobib.readinglist.render import _formatter  # noqa: E402
from myobib.writers import csljson  # noqa: E402

SEED = ROOT / "refs" / "idiopathic-inflammatory-myopathies.txt"
WORDS = "outcomes cohort adults registry trial biopsy imaging serology prognosis survival".split()


def synthetic(size: int) -> Bibliography:
    """`size` references made from the seed, each title varied so that no two are alike."""
    seed = myobib.load(SEED)
    refs = []
    for i in range(size):
        ref = seed[i % len(seed)]
        extra = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(i % 4))
        refs.append(ref.replace(id=f"r{i}", title=f"{ref.title} {extra} {i}".strip()))
    return Bibliography(refs, dict(seed.header))


def best_of(repeats: int, func, *args, **kwargs) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--style", default="vancouver")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    engine = "myobib.formatting" if _formatter() else "plain fallback (myobib.formatting not present)"
    print(f"entries formatted by: {engine}; style {args.style}; best of {args.repeats}\n")
    stages = {
        "csl-json dump (baseline)": lambda bib: csljson.dumps(bib),
        "tag": lambda bib: tag_bibliography(bib),
        "tag + group by topic": lambda bib: build(bib, by="topic"),
        "markdown": lambda bib: build(bib).to_markdown(args.style),
        "html page": lambda bib: build(bib).to_html_page(args.style),
    }
    results: dict[str, dict[int, float]] = {name: {} for name in stages}
    for size in args.sizes:
        bib = synthetic(size)
        for name, stage in stages.items():
            results[name][size] = best_of(args.repeats, stage, bib)
    small, large = min(args.sizes), max(args.sizes)
    header = f"{'stage':<26}" + "".join(f"{f'µs/ref @{n}':>14}" for n in args.sizes)
    print(header + f"{'× baseline':>12}{'growth':>9}")
    baseline = results["csl-json dump (baseline)"]
    for name, times in results.items():
        per_ref = "".join(f"{times[n] / n * 1e6:>14.1f}" for n in args.sizes)
        ratio = times[large] / baseline[large]
        growth = (times[large] / large) / (times[small] / small)
        print(f"{name:<26}{per_ref}{ratio:>12.1f}{growth:>9.2f}")


if __name__ == "__main__":
    main()
