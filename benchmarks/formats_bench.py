"""Input formats: reading speed per format, peak memory on a 200 MB input, and a fuzz run.

    python3 benchmarks/formats_bench.py [--n 100000] [--big-mb 200] [--fuzz 100000] [--skip speed,memory,fuzz]

1. Speed: the same `--n` synthetic references (the seed's 17 works, every title, generated
   key and DOI made unique) written as RIS, MEDLINE, a numbered Vancouver list, BibTeX and CSL-JSON, each read
   back with `read_any` (format detection included). The baseline, measured in the same run,
   is reading the same file and splitting it into lines; each format is reported as
   references per second and as a multiple of its baseline.
2. Memory: peak resident memory (VmHWM) of a fresh process given a `--big-mb` MB file: a RIS
   export of distinct works (one record in seven a repeat) read record by record
   (`ris.iter_references`), read whole (`read_any`: past `myobib.spill.SPILL_AFTER` references
   they are kept on disk), and loaded, deduplicated and written as CSL-JSON (`myobib.load` and
   `csljson.write`, what `myobib parse` does), that again with spilling turned off, a CSL-JSON
   array of distinct works read whole (parsed item by item past 8 MB), a file of
   junk lines, and a file that is one single line. The baseline is a process that only imports
   myobib; `--memory-cases ris,junk` picks cases by a word of their name.
3. Fuzz: `--fuzz` inputs made by mutating valid samples of every format (byte flips,
   deletions, duplications, splices of format tokens, truncation) and fed to every reader;
   anything other than a bibliography or a `MyobibError` counts as a crash. Two processes,
   fixed seeds, so a run can be repeated.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import myobib  # noqa: E402
from myobib import Bibliography, MyobibError  # noqa: E402
from myobib.readers.detect import FORMATS, loads_any, read_any  # noqa: E402
from myobib.writers import bibtex, csljson, ris  # noqa: E402

SEED = ROOT / "refs" / "idiopathic-inflammatory-myopathies.txt"
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# -- synthetic inputs -------------------------------------------------------------------------


def synthetic(size: int) -> Bibliography:
    """`size` references made from the seed's works, each with its own title, key and DOI."""
    seed = myobib.load(SEED)
    refs = []
    for i in range(size):
        ref = seed[i % len(seed)]
        # A unique first title word gives each reference its own generated key (see `bench_keys`).
        title = f"Study{i} {ref.title}"
        refs.append(ref.replace(id=f"r{i}", title=title, DOI=f"10.5555/bench.{i}", provenance=()))
    return Bibliography(refs)


def _nlm_date(ref) -> str:  # type: ignore[no-untyped-def]
    date = ref.issued
    parts = (
        [str(date.year)]
        + ([MONTHS[date.month - 1]] if date.month else [])
        + ([str(date.day)] if date.day and date.month else [])
    )
    return " ".join(parts)


def as_medline(bib: Bibliography) -> str:
    out = []
    for number, ref in enumerate(bib, start=1):
        out.append(f"PMID- {number}")
        out.append(f"TI  - {ref.title}.")
        out += [f"CN  - {n.literal}" if n.is_group else f"AU  - {n.display()}" for n in ref.author]
        out.append(f"DP  - {_nlm_date(ref)}")
        for tag, value in (("VI", ref.volume), ("IP", ref.issue), ("PG", ref.page), ("TA", ref.container_title_short)):
            if value:
                out.append(f"{tag:<4}- {value}")
        out.append(f"LID - {ref.DOI} [doi]")
        out.append("")
    return "\n".join(out)


def as_vancouver(bib: Bibliography) -> str:
    lines = []
    for number, ref in enumerate(bib, start=1):
        persons = ", ".join(n.display() for n in ref.author if not n.is_group) + (", et al" if ref.et_al else "")
        groups = "; ".join(n.literal for n in ref.author if n.is_group)
        authors = "; ".join(p for p in (persons, groups) if p)
        source = (ref.volume or "") + (f"({ref.issue})" if ref.issue else "") + (f":{ref.page}" if ref.page else "")
        line = f"{number}. {authors}. {ref.title}. {ref.container_title_short}. {_nlm_date(ref)}"
        lines.append(line + (f";{source}" if source else "") + f". doi:{ref.DOI}")
    return "\n".join(lines) + "\n"


WRITERS = {
    "ris": ris.dumps,
    "medline": as_medline,
    "text": as_vancouver,
    "bibtex": bibtex.dumps,
    "csl-json": csljson.dumps,
}


# -- 1. speed ---------------------------------------------------------------------------------


def bench_speed(n: int, folder: Path, formats: list[str]) -> None:
    bib = synthetic(n)
    print(f"\n## Reading speed, {n:,} references per file (read_any, detection included)\n")
    print("| format | references | file MB | read s | refs/s | baseline s (read + split lines) | × baseline | read |")
    print("|---|---|---|---|---|---|---|---|")
    for fmt in formats:
        path = folder / f"bench.{fmt}"
        path.write_text(WRITERS[fmt](bib), encoding="utf-8")
        start = time.perf_counter()
        lines = len(path.read_text(encoding="utf-8").split("\n"))
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        back = read_any(path)
        took = time.perf_counter() - start
        mb = path.stat().st_size / 1e6
        print(f"| {fmt} | {n:,} | {mb:.1f} | {took:.2f} | {len(back) / took:,.0f} | {baseline:.3f} ({lines:,} lines)"
              f" | {took / baseline:,.0f} | {len(back):,} |")  # fmt: skip


def bench_keys(sizes: tuple[int, ...] = (1_000, 2_000, 4_000)) -> None:
    """Generated citation keys (`model.assign_keys`) when many references share one base key."""
    print("\n## Citation keys for references sharing one base key (`model.assign_keys`)\n")
    print("| references | unique base keys s | one shared base key s | ratio |")
    print("|---|---|---|---|")
    seed = myobib.load(SEED)[0].replace(id="", provenance=())
    for size in sizes:
        unique = [seed.replace(title=f"Study{i} {seed.title}") for i in range(size)]
        shared = [seed.replace(title=f"{seed.title} {i}") for i in range(size)]
        timings = []
        for refs in (unique, shared):
            start = time.perf_counter()
            Bibliography(refs)
            timings.append(time.perf_counter() - start)
        print(f"| {size:,} | {timings[0]:.3f} | {timings[1]:.3f} | {timings[1] / timings[0]:,.0f} |")


# -- 2. memory --------------------------------------------------------------------------------

_LOAD_AND_WRITE = (
    "import myobib\nfrom myobib.writers import csljson\n"
    "bib = myobib.load(PATH)\ncsljson.write(bib, PATH + '.json')\n"
    "print(len(bib), 'refs', len(bib.report.merges), 'merged')"
)
_READ_WHOLE = "from myobib.readers.detect import read_any\nprint(len(read_any(PATH)))"
_CHILD = {
    "import only": (None, "import myobib.readers.detect"),
    "RIS streamed (iter_references)": (
        "ris",
        "from myobib.readers import ris, stream\n"
        "log = stream.LineLog('big.ris')\n"
        "count = sum(1 for _ in ris.iter_references(stream.file_lines(PATH, log), log))\n"
        "print(count)",
    ),
    "RIS read whole (read_any)": ("ris", _READ_WHOLE),
    "CSL-JSON read whole (read_any)": ("json", _READ_WHOLE),
    "RIS load + dedupe + write CSL-JSON": ("ris", _LOAD_AND_WRITE),
    "same, spilling off (all in memory)": (
        "ris",
        "import myobib.spill\nmyobib.spill.SPILL_AFTER = 10**12\n" + _LOAD_AND_WRITE,
    ),
    "junk lines as text (read_any)": (
        "junk",
        "from myobib.readers.detect import read_any\nfrom myobib import MyobibError\n"
        "try:\n    print(len(read_any(PATH, 'text')))\nexcept MyobibError as exc:\n    print('error:', exc)",
    ),
    "one huge line as RIS (read_any)": (
        "one line",
        "from myobib.readers.detect import read_any\nfrom myobib import MyobibError\n"
        "try:\n    bib = read_any(PATH, 'ris')\n    print(len(bib), len(bib.report.unparsed))\n"
        "except MyobibError as exc:\n    print('error:', exc)",
    ),
}


def _peak_rss(code: str, path: Path | None) -> tuple[float, float, str]:
    program = (
        f"import sys, time\nsys.path.insert(0, {str(ROOT)!r})\nPATH = {str(path)!r}\n"
        f"start = time.perf_counter()\n{code}\n"
        # VmHWM, not ru_maxrss: ru_maxrss keeps the parent's peak across fork and exec.
        "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print('RSS', hwm, time.perf_counter() - start)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        return float("nan"), float("nan"), done.stderr.strip().splitlines()[-1]
    lines = done.stdout.strip().splitlines()
    _, kilobytes, seconds = lines[-1].split()
    return int(kilobytes) / 1024, float(seconds), " ".join(lines[:-1])[:60]


def _fill(path: Path, unit: str, megabytes: int) -> None:
    chunk = (unit * max(1, (1 << 20) // len(unit))).encode()
    with open(path, "wb") as handle:
        while handle.tell() < megabytes * 1e6:
            handle.write(chunk)


def _fill_distinct(path: Path, unit: str, megabytes: int, repeat_every: int = 7) -> None:
    """Copies of `unit` made distinct works (own title, key and DOI); every `repeat_every`-th copy
    repeats the one before it, so about one record in seven is a repeat to merge."""
    with open(path, "wb") as handle:
        copy = 0
        while handle.tell() < megabytes * 1e6:
            copy += 1
            tag = copy - 1 if copy % repeat_every == 0 else copy
            text = unit.replace("TI  - Study", f"TI  - Copy{tag} Study").replace("ID  - r", f"ID  - c{tag}r")
            handle.write(text.replace("DO  - 10.5555/bench.", f"DO  - 10.5555/bench{tag}.").encode())


def _fill_distinct_json(path: Path, bib: Bibliography, megabytes: int) -> None:
    """A CSL-JSON array of distinct works (each copy of `bib` with its own titles, keys and DOIs)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[\n")
        copy = 0
        while handle.tell() < megabytes * 1e6:
            copy += 1
            for ref in bib:
                item = ref.replace(id=f"c{copy}{ref.id}", title=f"Copy{copy} {ref.title}", DOI=f"{ref.DOI}.{copy}")
                handle.write(("" if handle.tell() == 2 else ",\n") + json.dumps(item.to_csl(), ensure_ascii=False))
        handle.write("\n]\n")


def bench_memory(megabytes: int, folder: Path, cases: list[str]) -> None:
    inputs: dict[str | None, Path | None] = {
        None: None,
        "ris": folder / "big.ris",
        "junk": folder / "junk.txt",
        "one line": folder / "oneline.ris",
        "json": folder / "big.json",
    }
    _fill_distinct(folder / "big.ris", ris.dumps(synthetic(2000)), megabytes)
    _fill_distinct_json(folder / "big.json", synthetic(2000), megabytes)
    _fill(folder / "junk.txt", "this line is not a reference at all, only words and more words\n", megabytes)
    _fill(folder / "oneline.ris", "x" * 4096, megabytes)
    print(f"\n## Peak resident memory on a {megabytes} MB input (fresh process each; target < 500 MB)\n")
    print("The RIS file holds distinct works, one record in seven repeating the one before it.\n")
    print("| case | input MB | peak RSS MB | over baseline MB | seconds | result |")
    print("|---|---|---|---|---|---|")
    base_rss = None
    for case, (name, code) in _CHILD.items():
        if cases and name is not None and not any(word in case for word in cases):
            continue
        path = inputs[name]
        rss, seconds, result = _peak_rss(code, path)
        base_rss = rss if base_rss is None else base_rss
        size = path.stat().st_size / 1e6 if path else 0
        print(f"| {case} | {size:.0f} | {rss:.0f} | {rss - base_rss:.0f} | {seconds:.1f} | {result} |", flush=True)


# -- 3. fuzz ----------------------------------------------------------------------------------

_TOKENS = ["TY  - ", "ER  - ", "AU  - ", "PMID- ", "      ", "1. ", "@article{", "@string{a = a # a}", "{", "}",
           "[", "]", '"', "\n", "\r", "\x00", "\u202e", "doi:10.1000/", "; ", "(2019). ", "2017;76(5):792-801.",
           "\\input{x}", "<script>", "et al.", "Disease:", ",", ".", "9" * 30, "{" * 200, "é", "\ufeff"]  # fmt: skip


def _samples() -> list[str]:
    bib = synthetic(3)
    samples = [writer(bib) for writer in WRITERS.values()]
    samples.append(SEED.read_text(encoding="utf-8")[:3000])
    return samples


def _mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randint(0, len(text)) if text else 0
        if choice < 0.25:
            text = text[:position] + rng.choice(_TOKENS) + text[position:]
        elif choice < 0.45 and text:
            end = min(len(text), position + rng.randint(1, 200))
            text = text[:position] + text[end:]
        elif choice < 0.6 and text:
            end = min(len(text), position + rng.randint(1, 200))
            text = text[:position] + text[position:end] * rng.randint(2, 5) + text[end:]
        elif choice < 0.75:
            text = (
                text[:position] + chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF)])) + text[position:]
            )
        elif choice < 0.85:
            text = text[: rng.randint(0, len(text))]
        else:
            text = text[:position] + "".join(rng.choice(_TOKENS) for _ in range(rng.randint(1, 20))) + text[position:]
    return text


def _fuzz_worker(args: tuple[int, int]) -> tuple[int, int, int, list[str]]:
    worker, count = args
    rng = random.Random(worker)
    samples = _samples()
    crashes: list[str] = []
    errors = ok = 0
    for index in range(count):
        text = _mutate(rng, rng.choice(samples))
        fmt = None if index % 3 == 0 else FORMATS[index % len(FORMATS)]
        try:
            bib = loads_any(text, "fuzz", fmt)
            assert isinstance(bib, Bibliography)
            ok += 1
        except MyobibError:
            errors += 1
        except Exception as exc:  # noqa: BLE001 - a crash is what the fuzz run counts
            crashes.append(f"{fmt}: {type(exc).__name__}: {exc} :: {text[:120]!r}")
    return count, ok, errors, crashes


def bench_fuzz(total: int, workers: int = 2) -> None:
    share = [(w, total // workers + (1 if w < total % workers else 0)) for w in range(workers)]
    start = time.perf_counter()
    with multiprocessing.Pool(workers) as pool:
        results = pool.map(_fuzz_worker, share)
    took = time.perf_counter() - start
    count = sum(r[0] for r in results)
    ok = sum(r[1] for r in results)
    errors = sum(r[2] for r in results)
    crashes = [c for r in results for c in r[3]]
    print(f"\n## Fuzz run ({workers} processes, seeds 0..{workers - 1})\n")
    print("| inputs | read | MyobibError | crashes | seconds | inputs/s |")
    print("|---|---|---|---|---|---|")
    print(f"| {count:,} | {ok:,} | {errors:,} | {len(crashes)} | {took:.0f} | {count / took:,.0f} |")
    for crash in crashes[:20]:
        print(f"- {crash}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="references per format for the speed table")
    parser.add_argument("--formats", default=",".join(WRITERS), help="formats for the speed table")
    parser.add_argument("--big-mb", type=int, default=200, help="size of the memory-test inputs")
    parser.add_argument("--fuzz", type=int, default=100_000, help="number of fuzz inputs")
    parser.add_argument("--skip", default="", help="comma-separated: speed, memory, fuzz")
    parser.add_argument("--memory-cases", default="", help="comma-separated words picking memory cases (default: all)")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    print(f"# formats_bench: python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "speed" not in skip:
            bench_speed(args.n, folder, args.formats.split(","))
            bench_keys()
        if "memory" not in skip:
            bench_memory(args.big_mb, folder, list(filter(None, args.memory_cases.split(","))))
    if "fuzz" not in skip:
        bench_fuzz(args.fuzz)
    print(f"\n(peak RSS of this driver process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
