"""Parsing and deduplication at scale, speed against an earlier parser, and field accuracy per kind and layout.

    python3 benchmarks/parse_bench.py [--sizes 10000 100000] [--repeat-share 0.15] [--show 5]
                                      [--against 8562bd3] [--speed-runs 5] [--paired-runs 60] [--callgrind]
                                      [--skip scale,versus,accuracy]
    python3 benchmarks/parse_bench.py --readers [--reader-n 100000] [--big-mb 200]

1. Scale. For each size, `synthetic.generate` writes a page of that many distinct works in the seed's
   layout plus repeats (exact and reworded). The table gives:

   - parse: `myobib.readers.page.parse_text` throughput in references per second, and its time as a
     multiple of merely splitting the same text into lines (the baseline, measured in the same run);
   - dedupe: `myobib.dedupe.dedupe` time, per reference, and the growth of the per-reference cost from
     the smallest to the largest size (1.0 means linear);
   - precision and recall of the merges over pairs of occurrences that should end up in one reference;
   - peak memory: how far parse + dedupe raise the resident size above that of the generated page (each
     size runs in its own child process, so the figure is its own).

   Times are CPU seconds of the measuring process (`time.process_time`), so other work on the machine
   counts less; single-threaded code, so that is "on one core".
2. Versus (`benchmarks/versus.py`): the page parser of this checkout against that of `--against`
   (a commit, checked out into a temporary git worktree) on the same journal-only pages, the two run
   alternately in fresh processes `--speed-runs` times; the median ratio of CPU times; for sizes up to
   20,000 the median ratio of `--paired-runs` pairs of turns in two long-lived processes (steadier on a
   shared machine: a pair is a fraction of a second apart); and with `--callgrind` instructions per
   reference of each (stable from run to run).
3. Accuracy (`benchmarks/accuracy.py`): field accuracy and one record per work, per list, per layout
   and per kind, on the labelled published lists of tests/data/lists and on generated lists of every
   kind of work in every layout (`synthetic.mixed_list`), scored on the CSL-JSON file myobib writes.

With `--readers` it goes on to every reader (RIS, MEDLINE, Vancouver text, BibTeX, CSL-JSON):
references per second at `--reader-n` references each, and peak resident memory on a `--big-mb` MB
input (see benchmarks/formats_bench.py, which also runs them alone, with a fuzz run).

Targets (issues 2 and 11): over 20,000 references/s parsing; dedupe of 100,000 under 10 s on one core;
near-linear growth; precision 1.0, recall at least 0.99; page parsing of journal-only lists within 10%
of the parser of commit 8562bd3; per published list exactly one record per work and at least 97% of
printed fields right. Each size is timed on its first (cold) run in a fresh process, as a command-line
user meets it; `--repeats N` takes the best of N for small sizes, but then module-level caches (folded
names, journal pairs) are warm and the growth figure looks worse.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing
sys.path.insert(0, str(HERE))

from synthetic import Page, generate, score  # noqa: E402

from myobib.dedupe import dedupe  # noqa: E402
from myobib.model import Bibliography  # noqa: E402
from myobib.readers.page import parse_text  # noqa: E402


def timed(repeats: int, func, *args):
    """(best time, last result) of `repeats` calls, in CPU seconds of this process (other load aside)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        result = None  # free the previous result before the next call
        start = time.process_time()
        result = func(*args)
        best = min(best, time.process_time() - start)
    return best, result


def rss() -> int:
    """Resident memory of this process now, in bytes."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def field_errors(bib: Bibliography, page: Page) -> list[str]:
    """Originals whose parsed title, first author, year, volume or first page differ from what was written."""
    errors = []
    for ref in bib:
        line = ref.provenance[0].line_start
        if page.how.get(line) != "original":
            continue
        work = page.truth[line]
        first = ref.author[0] if ref.author else None
        got = (ref.title, first.family if first else None, ref.year, ref.volume, ref.page_first)
        want = (work.title, work.authors[0][0], work.year, work.volume, work.pages[0] if work.pages else None)
        if got != want:
            errors.append(f"line {line}: parsed {got}, written {want}")
    return errors


def describe(page: Page, lines: list[str], pair: tuple[int, int]) -> str:
    out = []
    for line in pair:
        end = line + (3 if lines[line - 1][:1].isdigit() else 2)
        out.append(f"  line {line} [{page.how.get(line, '?')}]")
        out += [f"    {text}" for text in lines[line - 1 : end - 1]]
    return "\n".join(out)


def run(size: int, args: argparse.Namespace) -> dict[str, object]:
    """Measure one size; run in a fresh child process, so its peak memory is its own."""
    start = time.perf_counter()
    page = generate(size, repeat_share=args.repeat_share, seed=args.seed)
    made = time.perf_counter() - start
    repeats = args.repeats if size <= 20_000 else 1
    split_time, lines = timed(repeats, str.split, page.text, "\n")
    before = rss()
    parse_time, bib = timed(repeats, parse_text, page.text, "synthetic.txt")
    dedupe_time, merged = timed(repeats, dedupe, bib)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before  # Linux: kilobytes
    result = score(merged, page)
    row: dict[str, object] = dict(
        size=size, occurrences=len(bib), lines=len(lines), made=made, split=split_time, parse=parse_time,
        dedupe=dedupe_time, out=len(merged), expected_out=len(page.works), score=result,
        unparsed=len(bib.report.unparsed), field_errors=field_errors(bib, page), peak=peak,
    )  # fmt: skip
    missed_how = Counter(page.how[max(pair)].split(":")[0] for pair in result.missed_pairs)
    missed_change = Counter(
        change.strip() for pair in result.missed_pairs for change in page.how[max(pair)].partition(":")[2].split(",")
    )
    ahead = sum(1 for pair in result.missed_pairs if page.truth[pair[0]].volume is None)
    print(f"\n== {size:,} distinct works, {row['occurrences']:,} occurrences ({made:.1f} s to generate)")
    print(f"   repeats: {dict(page.repeat_kinds)}")
    print(f"   hard non-duplicates: {dict(page.hard_kinds)}")
    if result.missed_pairs:
        print(f"   missed pairs by repeat kind: {dict(missed_how)}; by change: {dict(missed_change)}")
        print(f"   missed pairs whose work has no volume/pages (ahead of print): {ahead}")
    for label, pairs in (("false merge", result.false_pairs), ("missed repeat", result.missed_pairs)):
        for pair in pairs[: args.show]:
            print(f"   {label}:\n{describe(page, lines, pair)}")
    for error in row["field_errors"][: args.show]:  # type: ignore[index]
        print(f"   field error: {error}")
    for unparsed in bib.report.unparsed[: args.show]:
        print(f"   unparsed: line {unparsed.line}: {unparsed.text[:90]!r} ({unparsed.reason})")
    if result.unlabelled or result.lost or result.shifted:
        print(
            f"   parsed occurrences outside any labelled one: {len(result.unlabelled)}; labelled occurrences lost: "
            f"{len(result.lost)}; read from a later line than their start (title unparsed): {result.shifted}"
        )
    sys.stdout.flush()
    return row


def scale(args: argparse.Namespace) -> None:
    rows = []
    for size in sorted(args.sizes):
        with ProcessPoolExecutor(1, mp_context=get_context("fork")) as pool:
            rows.append(pool.submit(run, size, args).result())

    head = ("distinct", "occurr.", "split ms", "parse s", "refs/s", "×split", "dedupe s", "µs/ref",
            "refs out", "precision", "recall", "false", "missed", "unparsed", "field err", "+RSS MiB")  # fmt: skip
    print("\n" + " | ".join(f"{h:>9}" for h in head))
    print("-|-".join("-" * 9 for _ in head))
    for row in rows:
        s = row["score"]
        cells = (
            f"{row['size']:,}", f"{row['occurrences']:,}", f"{row['split'] * 1000:.1f}", f"{row['parse']:.2f}",
            f"{row['occurrences'] / row['parse']:,.0f}", f"{row['parse'] / row['split']:.0f}", f"{row['dedupe']:.2f}",
            f"{row['dedupe'] / row['occurrences'] * 1e6:.1f}", f"{row['out']:,}", f"{s.precision:.4f}",
            f"{s.recall:.4f}", f"{len(s.false_pairs)}", f"{len(s.missed_pairs)}", f"{row['unparsed']}",
            f"{len(row['field_errors'])}", f"{row['peak'] / 2**20:.0f}",
        )  # fmt: skip
        print(" | ".join(f"{c:>9}" for c in cells))
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        growth = (large["dedupe"] / large["occurrences"]) / (small["dedupe"] / small["occurrences"])
        parse_growth = (large["parse"] / large["occurrences"]) / (small["parse"] / small["occurrences"])
        print(f"\ndedupe {large['size']:,}/{small['size']:,}: time ×{large['dedupe'] / small['dedupe']:.1f} for "
              f"×{large['occurrences'] / small['occurrences']:.1f} references; per-reference growth {growth:.2f} "
              f"(1.0 = linear); parse per-reference growth {parse_growth:.2f}")  # fmt: skip
    largest = rows[-1]
    checks = [
        ("parse > 20,000 references/s", min(r["occurrences"] / r["parse"] for r in rows) > 20_000),
        ("dedupe of the largest size < 10 s", largest["dedupe"] < 10 or largest["size"] < 100_000),
        ("precision 1.0", all(r["score"].precision == 1.0 for r in rows)),
        ("recall ≥ 0.99", all(r["score"].recall >= 0.99 for r in rows)),
    ]
    print("targets: " + "; ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in checks))


def versus(args: argparse.Namespace) -> None:
    from versus import PAIRED_UP_TO, compare

    print(f"\npage parsing against {args.against} (journal-only pages; {args.speed_runs} alternating runs each, "
          f"CPU seconds of fresh processes; then, up to {PAIRED_UP_TO:,} works, {args.paired_runs} pairs of "
          f"turns in two long-lived processes)")  # fmt: skip
    rows = compare(args.against, sorted(args.sizes), args.speed_runs, callgrind=args.callgrind, seed=args.seed,
                   paired_runs=args.paired_runs)  # fmt: skip
    heads = ("distinct", "occurr.", "ours s", "theirs s", "ours/theirs", "range", "paired", "paired IQR")
    print(" | ".join(f"{h:>12}" for h in heads))
    for row in rows:
        if row.ours:
            ratios = row.ratios
            cells = [f"{row.size:,}", f"{row.occurrences:,}", f"{statistics.median(row.ours):.3f}",
                     f"{statistics.median(row.theirs):.3f}", f"{row.ratio:.3f}",
                     f"{min(ratios):.2f}–{max(ratios):.2f}"]  # fmt: skip
            if row.paired:
                low, _, high = statistics.quantiles(row.paired, n=4)
                cells += [f"{statistics.median(row.paired):.3f}", f"{low:.2f}–{high:.2f}"]
            print(" | ".join(f"{c:>12}" for c in cells))
        if row.ours_instructions:
            ratio = row.ours_instructions / row.theirs_instructions
            print(f"callgrind, {row.size:,} works: {row.ours_instructions:,} against {row.theirs_instructions:,} "
                  f"instructions per reference (×{ratio:.3f})")  # fmt: skip
    timed = [row for row in rows if row.ours]
    paired = [statistics.median(row.paired) for row in timed if row.paired]
    print(f"target: within 10% of {args.against}: fresh processes "
          f"{'met' if all(row.ratio <= 1.10 for row in timed) else 'MISSED'} (median ratios "
          f"{', '.join(f'{row.ratio:.3f}' for row in timed)})"
          + (f"; paired turns {'met' if max(paired) <= 1.10 else 'MISSED'} "
             f"({', '.join(f'{ratio:.3f}' for ratio in paired)})" if paired else ""))  # fmt: skip


def accuracy(args: argparse.Namespace) -> None:
    from accuracy import corpus, generated, table

    published = corpus()
    print(table(published, "Labelled published lists (tests/data/lists): fields right and one record per work"))
    lists_met = all(score.accuracy >= 0.97 and score.one_record == score.works for _, score in published)
    print(f"target: per list one record per work and ≥ 97% of printed fields: {'met' if lists_met else 'MISSED'}")
    print(table(generated(args.generated_size), "Generated lists of every kind (synthetic.mixed_list, 3 seeds)",
                per_list=False))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat-share", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeats", type=int, default=1, help="best of N for sizes up to 20,000 (warm caches flatter small sizes)"
    )
    parser.add_argument("--show", type=int, default=3, help="examples of false merges and missed repeats")
    parser.add_argument("--against", default="8562bd3", help="the commit whose page parser the speed is compared to")
    parser.add_argument("--speed-runs", type=int, default=5, help="alternating runs per parser and size")
    parser.add_argument(
        "--paired-runs", type=int, default=60, help="pairs of turns in long-lived processes (sizes up to 20,000)"
    )
    parser.add_argument("--callgrind", action="store_true", help="also count instructions per reference (valgrind)")
    parser.add_argument("--generated-size", type=int, default=200, help="works per generated list of every kind")
    parser.add_argument("--skip", default="", help="sections to leave out: scale, versus, accuracy")
    parser.add_argument(
        "--readers",
        action="store_true",
        help="then every reader (benchmarks/formats_bench.py): references/s per format and peak memory on a big input",
    )
    parser.add_argument("--reader-n", type=int, default=100_000, help="references per format with --readers")
    parser.add_argument("--big-mb", type=int, default=200, help="size of the memory-test inputs with --readers")
    args = parser.parse_args()
    skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    print(f"python {sys.version.split()[0]}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    if "scale" not in skip:
        scale(args)
    if "versus" not in skip:
        versus(args)
    if "accuracy" not in skip:
        accuracy(args)
    if args.readers:
        import formats_bench

        with tempfile.TemporaryDirectory() as tmp:
            formats_bench.bench_speed(args.reader_n, Path(tmp), list(formats_bench.WRITERS))
            formats_bench.bench_memory(args.big_mb, Path(tmp), [])


if __name__ == "__main__":
    main()
