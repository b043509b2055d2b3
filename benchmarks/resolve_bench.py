"""DOI attachment against the Crossref stand-in: precision, recall, requests per reference, request rate.

    python3 benchmarks/resolve_bench.py [--quick]

The labelled set is the seed list plus perturbed variants of each reference (journal
spelled out or ISO-abbreviated, authors cut to one, typos in title and author, title
missing, a year of print/online lag, pages abbreviated) and references to works that
are NOT in the stand-in's corpus (whose right answer is "no DOI"). Each variant is
labelled with the DOI the corpus holds for its work.

Printed: precision and recall of attached DOIs, requests per reference on a cold and a
warm cache, and the achieved list-request rate against the rate the stand-in allows
(with the number of 429 answers). Every loop is bounded; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from myobib import load  # noqa: E402
from myobib.model import Bibliography, Date, Name, Reference  # noqa: E402
from myobib.resolve import resolve  # noqa: E402

SEED = ROOT / "refs" / "idiopathic-inflammatory-myopathies.txt"


@dataclass
class Case:
    ref: Reference
    label: str | None  # the DOI the corpus holds for the cited work, None when it holds none
    variant: str


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def label_of(ref: Reference, corpus: list[dict[str, Any]], confirmed: dict[int, dict[str, Any]]) -> str | None:
    """The corpus DOI of the cited work: the confirmed seed DOI, else the corpus record with its exact title."""
    record = confirmed[ref.list_number]
    if record["doi"]:
        return record["doi"]
    title = _fold(record["title_as_published"])
    for item in corpus:
        titles = [_fold(t) for t in item.get("title") or []]
        family = _fold((item.get("author") or [{}])[0].get("family", ""))
        if title in titles and ref.first_author and _fold(ref.first_author.family or "") in family:
            if str(item.get("volume")) == str(ref.volume) and not item.get("update-to"):
                return item["DOI"]
    return None


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _iso(abbrev: str) -> str:
    return " ".join(w + "." if w.isalpha() and len(w) > 2 and w[0].isupper() else w for w in abbrev.split())


def variants(ref: Reference, rng: random.Random) -> list[tuple[str, Reference, bool]]:
    """(name, reference, same work?) for each perturbation of one seed reference."""
    out: list[tuple[str, Reference, bool]] = [("as listed", ref, True)]
    if ref.container_title:
        out.append(("journal spelled out", ref.replace(container_title_short=None), True))
    if ref.container_title_short:
        out.append(
            (
                "ISO abbreviation",
                ref.replace(container_title_short=_iso(ref.container_title_short), container_title=None),
                True,
            )
        )
    first = ref.first_author
    if first is not None:
        out.append(("first author only", ref.replace(author=(first,), et_al=True), True))
        if first.family and len(first.family) >= 5:
            typo = Name(_typo(first.family, rng), first.given)
            out.append(("author typo", ref.replace(author=(typo, *ref.author[1:])), True))
    if ref.title:
        words = ref.title.split()
        picks = rng.sample(range(len(words)), k=min(2, len(words)))
        typo_title = " ".join(_typo(w, rng) if i in picks else w for i, w in enumerate(words))
        out.append(("title typos", ref.replace(title=typo_title), True))
        out.append(("no title", ref.replace(title=None), True))
    if ref.year:
        lag = 1 if ref.list_number and ref.list_number % 2 else -1
        out.append(("year lag", ref.replace(issued=Date(ref.year + lag)), True))
    out.append(("no issue, no month", ref.replace(issue=None, issued=Date(ref.year) if ref.year else None), True))
    if ref.title and len(ref.title.split()) >= 8:
        half = " ".join(ref.title.split()[: len(ref.title.split()) // 2])
        out.append(("title cut in half", ref.replace(title=half), True))
    if ref.volume and ref.volume.isdigit():
        out.append(("volume typo", ref.replace(volume=str(int(ref.volume) + 10)), True))
    if first is not None and ref.title:
        out.append(
            (
                "no title, first author only, no journal",
                ref.replace(title=None, author=(first,), et_al=True, container_title=None, container_title_short=None),
                True,
            )
        )
    # Works that are not in the corpus: a different paper by the same first author in the same journal...
    if ref.year:
        other = ref.replace(
            title="Long-term outcomes of exercise training in a cohort of patients with inclusion body myositis",
            issued=Date(ref.year - 4),
            volume=str(int(ref.volume) - 4) if ref.volume and ref.volume.isdigit() else ref.volume,
            page="1201-1209",
            page_first="1201",
            page_as_written=None,
            number=None,
        )
        out.append(("not in corpus: same author, other paper", other, False))
    # ...and the same list entry with a fabricated title and numbers.
    fake = ref.replace(
        title=f"Serum biomarkers of {rng.choice(['fatigue', 'dysphagia', 'calcinosis'])} in a {ref.year} registry",
        author=(Name("Nonexistent", "ZZ"), *ref.author[1:2]),
        volume="9" + (ref.volume or "1"),
        page="901-907",
        page_first="901",
        page_as_written=None,
        number=None,
    )
    out.append(("not in corpus: fabricated", fake, False))
    return out


def labelled_set(corpus: list[dict[str, Any]], confirmed: dict[int, dict[str, Any]], seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for ref in load(SEED):
        label = label_of(ref, corpus, confirmed)
        for name, variant, same in variants(ref, rng):
            cases.append(Case(variant.replace(id=f"{ref.id}-{len(cases)}"), label if same else None, name))
    return cases


def score(cases: list[Case], resolved: Bibliography) -> dict[str, Any]:
    attached = correct = wrong = 0
    labelled = sum(1 for c in cases if c.label)
    errors = []
    for case, ref in zip(cases, resolved, strict=True):
        if ref.DOI:
            attached += 1
            if case.label and ref.DOI.lower() == case.label.lower():
                correct += 1
            else:
                wrong += 1
                errors.append(f"WRONG  {case.variant:40} {ref.id}: {ref.DOI} (label {case.label})")
        elif case.label:
            status = (ref.match or {}).get("status", "unresolved")
            errors.append(f"missed {case.variant:40} {ref.id}: {status}")
    return {
        "cases": len(cases),
        "labelled": labelled,
        "attached": attached,
        "correct": correct,
        "wrong": wrong,
        "precision": correct / attached if attached else 1.0,
        "recall": correct / labelled if labelled else 1.0,
        "errors": errors,
    }


def run(client: Any, cases: list[Case]) -> tuple[Bibliography, Any, float]:
    bib = Bibliography([c.ref for c in cases])
    started = time.monotonic()
    out, report = resolve(bib, client, progress=False)
    return out, report, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed references as listed only")
    parser.add_argument("--fake", action="store_true", help="use the in-process fake client instead of the stand-in")
    parser.add_argument("--verbose", action="store_true", help="list every wrong or missed case")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tests.crossref.fakes import FakeClient, distractors, seed_items, seed_records

    confirmed = {r["n"]: r for r in seed_records()}
    if args.fake:
        items = seed_items()
        corpus = [*items.values(), *distractors(items)]
        cases = labelled_set(corpus, confirmed)
        if args.quick:
            cases = [c for c in cases if c.variant == "as listed"]
        out, report, seconds = run(FakeClient(corpus), cases)
        result = score(cases, out)
        print_table(result, report.requests / len(cases), None, seconds, None)
        if args.verbose:
            print("\n".join(result["errors"]))
        return 0
    return bench_standin(args, confirmed)


def print_table(result: dict[str, Any], cold: float, warm: float | None, seconds: float, rate: Any) -> None:
    rows = [
        ("references (labelled with a DOI)", f"{result['cases']} ({result['labelled']})", ""),
        ("DOIs attached / correct / wrong", f"{result['attached']} / {result['correct']} / {result['wrong']}", ""),
        ("precision", f"{result['precision']:.2%}", "> 99.5%"),
        ("recall", f"{result['recall']:.2%}", "> 97%"),
        ("requests per reference, cold cache", f"{cold:.2f}", "<= 1.2"),
    ]
    if warm is not None:
        rows.append(("requests per reference, warm cache", f"{warm:.2f}", "0"))
    rows.append(("resolve time, cold (s)", f"{seconds:.1f}", ""))
    if rate is not None:
        achieved = f"{rate[0]:.2f} / {rate[1]:.2f} per s ({rate[0] / rate[1]:.0%})"
        rows.append(("list requests: achieved / allowed rate", achieved, ">= 90%"))
        rows.append(("429 answers", str(rate[2]), "0"))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'value':>24}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>24}  {target}")


def bench_standin(args: argparse.Namespace, confirmed: dict[int, dict[str, Any]]) -> int:
    """Cold run with the stand-in enforcing the polite limits, then a warm run on the same cache."""
    from myobib.crossref.client import Crossref
    from tests.crossref_server import CORPUS, CrossrefStandIn

    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    cases = labelled_set(corpus, confirmed)
    if args.quick:
        cases = [c for c in cases if c.variant == "as listed"]
    with tempfile.TemporaryDirectory() as tmp, CrossrefStandIn(enforce=True) as server:
        cache = Path(tmp) / "crossref.sqlite"
        cold_client = Crossref(base_url=server.url, mailto="bench@example.org", cache=cache)
        out, _, seconds = run(cold_client, cases)
        cold = cold_client.stats.requests / len(cases)
        lists = [r for r in server.requests if r.kind == "list"]
        refused = sum(1 for r in server.requests if r.status == 429)
        span = lists[-1].time - lists[0].time if len(lists) > 1 else 0.0
        achieved = (len(lists) - 1) / span if span else 0.0
        limit, interval, _ = server.state.limits[lists[0].pool] if lists else (3, 1.0, 3)
        warm_client = Crossref(base_url=server.url, mailto="bench@example.org", cache=cache)
        run(warm_client, cases)
        warm = warm_client.stats.requests / len(cases)
        cold_client.close()
        warm_client.close()
        slow = latency(cases[:60], 0.8)
    result = score(cases, out)
    print_table(result, cold, warm, seconds, (achieved, limit / interval, refused))
    print(
        f"{'with 0.8 s answers (' + str(slow[3]) + ' in flight at most)':40}  "
        f"{f'{slow[0]:.2f} / {slow[1]:.2f} per s ({slow[0] / slow[1]:.0%})':>24}  >= 90%, {slow[2]} x 429"
    )
    if args.verbose:
        print("\n".join(result["errors"]))
    if not args.quick:
        absent(corpus, cases, args.verbose)
    return 0


def latency(cases: list[Case], delay: float) -> tuple[float, float, int, int]:
    """(achieved, allowed list rate, 429s, most in flight) when every answer takes `delay` seconds."""
    from myobib.crossref.client import Crossref
    from tests.crossref_server import CrossrefStandIn

    with CrossrefStandIn(enforce=True) as server:
        server.inject("delay", times=len(cases), delay=delay)
        client = Crossref(base_url=server.url, mailto="bench@example.org", cache=False)
        run(client, cases)
        client.close()
        lists = [r for r in server.requests if r.kind == "list"]
        span = lists[-1].time - lists[0].time
        limit, interval, _ = server.state.limits[lists[0].pool]
        refused = sum(1 for r in server.requests if r.status == 429)
        return (len(lists) - 1) / span, limit / interval, refused, max(server.max_concurrency.values())


def absent(corpus: list[dict[str, Any]], cases: list[Case], verbose: bool) -> None:
    """Every case again against a corpus without the cited works, where only their traps remain."""
    from myobib.crossref.client import Crossref
    from tests.crossref_server import CrossrefStandIn

    cited = {c.label.lower() for c in cases if c.label}
    remaining = [rec for rec in corpus if rec["DOI"].lower() not in cited]
    blind = [Case(c.ref, None, c.variant) for c in cases]
    with CrossrefStandIn(remaining) as server:
        client = Crossref(base_url=server.url, mailto="bench@example.org", cache=False)
        out, report, _ = run(client, blind)
        client.close()
    result = score(blind, out)
    counts = report.counts()
    print()
    print(f"cited works removed from the corpus ({len(remaining)} records left, traps included):")
    print(
        f"  {len(blind)} references: {result['wrong']} DOIs attached (all wrong by construction), "
        f"{counts['ambiguous']} ambiguous, {counts['not-found']} not found"
    )
    if verbose:
        print("\n".join(e for e in result["errors"] if e.startswith("WRONG")))


if __name__ == "__main__":
    sys.exit(main())
