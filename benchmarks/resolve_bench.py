"""DOI attachment against the Crossref stand-in: precision and recall per trap kind, requests, request rate.

    python3 benchmarks/resolve_bench.py [--quick] [--verbose]

Two labelled sets, each resolved through the stand-in (tests/crossref_server.py, about 3,000
Crossref-shaped works):

- the trap set, tests/data/crossref/labelled.json: 253 references (co-published guidelines and
  their editions, preprints, retracted articles and notices, corrections, comments and replies,
  conference abstracts, books and chapters, translations, truncated titles, absent works), each
  labelled with the one right DOI or none. Printed per trap kind, once as the readers will read
  the entries (their CSL-JSON) and once as today's readers parse the printed text;
- the seed set: the seed list plus perturbed variants of each reference (journal spelled out or
  ISO-abbreviated, authors cut to one, typos in title and author, title missing, a year of
  print/online lag, pages abbreviated) and references to works NOT in the corpus.

Then requests per reference on a cold and a warm cache, and the achieved list-request rate with
the polite limits enforced by the stand-in while every answer takes 0.3-1.0 s (uniform), with the
number of 429 answers. Accuracy runs skip the limiter's waits (no real latency: the figures do not
depend on it). Every loop is bounded; nothing leaves 127.0.0.1.

    python3 benchmarks/resolve_bench.py --pubmed [--verbose]

PMIDs against the NCBI stand-in (tests/ncbi_server.py, NCBI's limits enforced): the seed
variants above labelled with the PMID the stand-in holds for their work (or none), plus the
same variants of the other works the stand-in holds (real sample records and synthetic ones:
ahead-of-print, a book chapter, traps, filler), written as a Vancouver list and read by
myobib's own reader. Printed: PMID precision and recall; DOI precision and recall without and
with the PubMed cross-check; NCBI requests per reference, cold and warm; the achieved
E-utilities rate against the allowed 3 per second, with the number of 429 answers.
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
from collections import Counter
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


def fast_client(url: str, cache: Any = False) -> Any:
    """A client that does not wait for its limiter (accuracy does not depend on it)."""
    from myobib.crossref.client import Crossref

    return Crossref(base_url=url, mailto="bench@example.org", cache=cache, sleep=lambda seconds: None)


def trap_table(cases: list[dict[str, Any]], structured: Bibliography, parsed: Bibliography) -> None:
    """Precision and recall per trap kind, for the references as read (CSL) and as parsed from the text."""
    from tests.crossref.labelled import score

    by_csl, by_text = score(cases, structured), score(cases, parsed)
    print(f"{'trap kind':14} {'refs':>4} {'DOI':>4}  {'attached':>8} {'wrong':>5} {'precision':>9} {'recall':>7}   "
          f"{'from text: precision':>20} {'recall':>7} {'wrong':>5}")
    for kind in sorted(by_csl, key=lambda k: (k == "all", k)):
        t, p = by_csl[kind], by_text[kind]
        print(f"{kind:14} {t.cases:4} {t.labelled:4}  {t.attached:8} {t.wrong:5} {t.precision:9.1%} {t.recall:7.1%}   "
              f"{p.precision:20.1%} {p.recall:7.1%} {p.wrong:5}")


def parsed_references(cases: list[dict[str, Any]]) -> Bibliography:
    """The printed entries parsed by today's free-text reader, one reference per case (empty when lost)."""
    from myobib.readers import freetext

    text = "\n".join(f"{n}. {case['text']}" for n, case in enumerate(cases, 1))
    read = {ref.list_number: ref for ref in freetext.loads(text, "labelled.txt")}
    return Bibliography([read.get(n, Reference()).replace(id=c["id"]) for n, c in enumerate(cases, 1)])


def bench_traps(args: argparse.Namespace, server: Any) -> tuple[float, float]:
    """The trap set: per-kind table; returns requests per reference cold and warm."""
    from tests.crossref.labelled import load_cases, references

    cases = load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "crossref.sqlite"
        cold = fast_client(server.url, cache)
        structured, _ = resolve(references(cases), cold, progress=False)
        cold_requests = cold.stats.requests / len(cases)
        warm = fast_client(server.url, cache)
        resolve(references(cases), warm, progress=False)
        warm_requests = warm.stats.requests / len(cases)
        cold.close()
        warm.close()
    parsed, _ = resolve(parsed_references(cases), fast_client(server.url), progress=False)
    print(f"Trap set: {len(cases)} references (tests/data/crossref/labelled.json), "
          f"{len(server.records)} works in the stand-in")
    trap_table(cases, structured, parsed)
    if args.verbose:
        from tests.crossref.labelled import score

        print("\n".join(score(cases, structured)["all"].errors))
    return cold_requests, warm_requests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed references as listed only; fewer rate samples")
    parser.add_argument("--fake", action="store_true", help="seed set through the in-process fake client only")
    parser.add_argument("--verbose", action="store_true", help="list every wrong or missed case")
    parser.add_argument("--pubmed", action="store_true", help="PMIDs against the NCBI stand-in (and the cross-check)")
    args = parser.parse_args(argv)
    if args.pubmed:
        return bench_pubmed(args)
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
        ("precision", f"{result['precision']:.2%}", ">= 99.5%"),
        ("recall", f"{result['recall']:.2%}", ">= 97%"),
        ("requests per reference, cold cache", f"{cold:.2f}", "<= 1.5"),
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
    """Trap set and seed set (accuracy, requests cold and warm), then the request rate at 0.3-1.0 s latency."""
    from tests.crossref_server import CORPUS, CrossrefStandIn

    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    cases = labelled_set(corpus, confirmed)
    if args.quick:
        cases = [c for c in cases if c.variant == "as listed"]
    with CrossrefStandIn() as server:
        trap_cold, trap_warm = bench_traps(args, server)
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "crossref.sqlite"
            cold_client = fast_client(server.url, cache)
            out, _, seconds = run(cold_client, cases)
            cold = cold_client.stats.requests / len(cases)
            warm_client = fast_client(server.url, cache)
            run(warm_client, cases)
            warm = warm_client.stats.requests / len(cases)
            cold_client.close()
            warm_client.close()
    result = score(cases, out)
    print()
    print(f"Seed set: {len(cases)} references (the seed list and its perturbed variants)")
    print_table(result, cold, warm, seconds, None)
    if args.verbose:
        print("\n".join(result["errors"]))
    print()
    print(f"Requests per reference, trap set: {trap_cold:.2f} cold, {trap_warm:.2f} warm (target <= 1.5, 0)")
    sample = 45 if args.quick else 120
    achieved, allowed, refused, most = latency(sample, (0.3, 1.0))
    print(f"List requests with polite limits enforced and 0.3-1.0 s answers ({sample} trap references, "
          f"{most} in flight at most): {achieved:.2f} of {allowed:.2f} per s ({achieved / allowed:.0%}), "
          f"{refused} x 429 (target >= 90%, 0)")
    if not args.quick:
        absent(corpus, cases, args.verbose)
        absent_traps(corpus, args.verbose)
    return 0


def latency(count: int, delay: tuple[float, float]) -> tuple[float, float, int, int]:
    """(achieved, allowed list rate, 429s, most in flight) for `count` trap references when answers take `delay` s."""
    from myobib.crossref.client import Crossref
    from tests.crossref.labelled import load_cases, references
    from tests.crossref_server import CrossrefStandIn

    cases = load_cases()[:count]
    with CrossrefStandIn(enforce=True) as server:
        server.inject("delay", times=10 * count, delay=delay)
        client = Crossref(base_url=server.url, mailto="latency@example.org", cache=False)
        resolve(references(cases), client, progress=False)
        client.close()
        lists = [r for r in server.requests if r.kind == "list"]
        span = lists[-1].time - lists[0].time
        limit, interval, _ = server.state.limits[lists[0].pool]
        refused = sum(1 for r in server.requests if r.status == 429)
        return (len(lists) - 1) / span, limit / interval, refused, max(server.max_concurrency.values())
def absent(corpus: list[dict[str, Any]], cases: list[Case], verbose: bool) -> None:
    """Every case again against a corpus without the cited works, where only their traps remain."""
    from tests.crossref_server import CrossrefStandIn

    cited = {c.label.lower() for c in cases if c.label}
    remaining = [rec for rec in corpus if rec["DOI"].lower() not in cited]
    blind = [Case(c.ref, None, c.variant) for c in cases]
    with CrossrefStandIn(remaining) as server:
        client = fast_client(server.url)
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


def absent_traps(corpus: list[dict[str, Any]], verbose: bool) -> None:
    """The trap set again against a corpus without any labelled work: every DOI attached is wrong."""
    from tests.crossref.labelled import load_cases, references
    from tests.crossref_server import CrossrefStandIn

    cases = load_cases()
    cited = {c["doi"].lower() for c in cases if c["doi"]}
    remaining = [rec for rec in corpus if rec["DOI"].lower() not in cited]
    with CrossrefStandIn(remaining) as server:
        client = fast_client(server.url)
        out, report = resolve(references(cases), client, progress=False)
        client.close()
    wrong = [(c, r.DOI) for c, r in zip(cases, out, strict=True) if r.DOI]
    counts = report.counts()
    print(f"labelled works removed from the corpus ({len(remaining)} records left, their look-alikes included):")
    print(f"  {len(cases)} trap references: {len(wrong)} DOIs attached (all wrong by construction), "
          f"{counts['ambiguous']} ambiguous, {counts['not-found']} not found")
    if verbose:
        print("\n".join(f"WRONG  {c['id']}: {doi} {c['text'][:80]}" for c, doi in wrong))


# -- PubMed ---------------------------------------------------------------------------------------------


@dataclass
class PubmedCase:
    ref: Reference
    pmid: str | None  # the PMID the NCBI stand-in holds for the cited work, None when it holds none
    doi: str | None  # the DOI the Crossref stand-in holds for it (seed works only)
    variant: str


def _vancouver(rec: dict[str, Any], n: int) -> str:
    """A corpus record as one numbered Vancouver entry, the way a list prints it."""
    people = [a.get("collective") or f"{a['last']} {a.get('initials', '')}".strip() for a in rec["authors"]]
    authors = ", ".join(people[:6]) + (", et al." if len(people) > 6 else ".")
    title = rec["title"].rstrip(".") + "."
    if rec.get("book"):
        book = rec["book"]
        where = f"In: {book['booktitle']}. {book.get('edition', '')} ed. {book['location']}: {book['publisher']}"
        return f"{n}. {authors} {title} {where}; {rec['pubdate'][:4]}."
    numbers = rec["pubdate"]
    if rec["volume"]:
        numbers += f";{rec['volume']}" + (f"({rec['issue']})" if rec["issue"] else "")
    if rec["pages"]:
        numbers += f":{rec['pages']}"
    return f"{n}. {authors} {title} {rec['journal']}. {numbers}."


def pubmed_labelled_set(ncbi_corpus: dict[str, Any], seed: int = 11) -> list[PubmedCase]:
    """Seed variants labelled with the stand-in's PMIDs, and variants of the other works it holds."""
    from tests.crossref.fakes import seed_records

    rng = random.Random(seed)
    confirmed = {r["n"]: r for r in seed_records()}
    records = ncbi_corpus["records"]
    held = {_fold(r["title"]): r["pmid"] for r in records if r["title"] and not r["_synthetic"]}
    crossref = json.loads((ROOT / "tests/data/crossref/corpus.json").read_text(encoding="utf-8"))
    cases = []
    for ref in load(SEED):
        pmid = held.get(_fold(confirmed[ref.list_number]["title_as_published"]))
        doi = label_of(ref, crossref, confirmed)
        for name, variant, same in variants(ref, rng):
            cases.append(PubmedCase(variant.replace(id=f"{ref.id}-{len(cases)}"), pmid if same else None,
                                    doi if same else None, name))
    seed_pmids = {c.pmid for c in cases if c.pmid}
    notices = ("Published Erratum", "Comment")
    works = [r for r in records if r["title"] and r["pmid"] not in seed_pmids
             and not set(notices) & set(r["pubtypes"]) and (int(r["pmid"]) < 90000001 or int(r["pmid"]) % 8 == 0
                                                            or int(r["pmid"]) >= 99000001)]
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "works.txt"
        listing.write_text("\n".join(_vancouver(r, n) for n, r in enumerate(works, 1)) + "\n", encoding="utf-8")
        parsed = list(load(listing, merge_repeats=False))
    for rec, ref in zip(works, parsed, strict=True):
        for name, variant, same in variants(ref, rng):
            cases.append(PubmedCase(variant.replace(id=f"w{rec['pmid']}-{len(cases)}"), rec["pmid"] if same else None,
                                    None, name))
    return cases


def score_pubmed(cases: list[PubmedCase], resolved: Bibliography) -> dict[str, Any]:
    attached = correct = 0
    errors = []
    for case, ref in zip(cases, resolved, strict=True):
        if ref.PMID:
            attached += 1
            if ref.PMID == case.pmid:
                correct += 1
            else:
                errors.append(f"WRONG  {case.variant:40} {ref.id}: PMID {ref.PMID} (label {case.pmid})")
        elif case.pmid:
            pubmed = (ref.match or {}).get("pubmed") or {}
            errors.append(f"missed {case.variant:40} {ref.id}: {pubmed.get('status')} {pubmed.get('reasons', [])[:1]}")
    labelled = sum(1 for c in cases if c.pmid)
    return {"attached": attached, "correct": correct, "labelled": labelled, "errors": errors,
            "precision": correct / attached if attached else 1.0, "recall": correct / labelled if labelled else 1.0}


def score_dois(cases: list[PubmedCase], resolved: Bibliography) -> tuple[float, float, int, int]:
    """(precision, recall, attached, wrong) of DOIs over the seed cases (the ones with DOI labels)."""
    seed = [(c, r) for c, r in zip(cases, resolved, strict=True) if not c.ref.id.startswith("w")]
    attached = [(c, r) for c, r in seed if r.DOI and (r.match or {}).get("status") == "matched"]
    wrong = sum(1 for c, r in attached if not c.doi or r.DOI.lower() != c.doi.lower())
    labelled = sum(1 for c, _ in seed if c.doi)
    right = len(attached) - wrong
    return (right / len(attached) if attached else 1.0, right / labelled if labelled else 1.0, len(attached), wrong)


def _doi_figures(figures: tuple[float, float, int, int]) -> str:
    return f"{figures[0]:.4f} ({figures[2]} attached, {figures[3]} wrong)"


def bench_pubmed(args: argparse.Namespace) -> int:
    """Crossref alone, then Crossref and PubMed (NCBI's limits enforced, real waiting), then warm."""
    from myobib.crossref.client import Crossref
    from myobib.ncbi.client import Ncbi
    from tests.crossref_server import CrossrefStandIn
    from tests.ncbi_server import CORPUS as NCBI_CORPUS
    from tests.ncbi_server import NcbiStandIn

    ncbi_corpus = json.loads(NCBI_CORPUS.read_text(encoding="utf-8"))
    cases = pubmed_labelled_set(ncbi_corpus)
    bib = Bibliography([c.ref for c in cases])
    with tempfile.TemporaryDirectory() as tmp, CrossrefStandIn() as crossref, NcbiStandIn(enforce=True) as ncbi:
        # Crossref's own limits are measured by the DOI benchmark: here it answers without waiting.
        def crossref_client() -> Crossref:
            return Crossref(base_url=crossref.url, mailto="bench@example.org", cache=Path(tmp) / "crossref.sqlite",
                            sleep=lambda seconds: None)

        alone, _ = resolve(bib, crossref_client(), progress=False)
        pubmed = Ncbi(base_url=ncbi.url, mailto="bench@example.org", cache=Path(tmp) / "ncbi.sqlite")
        started = time.monotonic()
        both, report = resolve(bib, crossref_client(), pubmed=pubmed, progress=False)
        seconds = time.monotonic() - started
        cold = pubmed.stats.requests / len(cases)
        eutils = [r for r in ncbi.requests if r.kind != "idconv" and r.status != 429]
        refused = sum(1 for r in ncbi.requests if r.status == 429)
        span = eutils[-1].time - eutils[0].time if len(eutils) > 1 else 0.0
        achieved = (len(eutils) - 1) / span if span else 0.0
        warm_client = Ncbi(base_url=ncbi.url, mailto="bench@example.org", cache=Path(tmp) / "ncbi.sqlite")
        resolve(bib, crossref_client(), pubmed=warm_client, progress=False)
        warm = warm_client.stats.requests / len(cases)
        kinds = Counter(r.kind for r in ncbi.requests)
    result = score_pubmed(cases, both)
    without, with_check = score_dois(cases, alone), score_dois(cases, both)
    agreement = Counter(row.agreement for row in report.rows)
    rows = [
        ("references (labelled with a PMID)", f"{len(cases)} ({result['labelled']})", ">= 200"),
        ("PMIDs attached / correct", f"{result['attached']} / {result['correct']}", ""),
        ("PMID precision", f"{result['precision']:.4f}", ">= 0.995"),
        ("PMID recall", f"{result['recall']:.4f}", ">= 0.97"),
        ("DOI precision, Crossref alone", _doi_figures(without), ""),
        ("DOI precision, with the cross-check", _doi_figures(with_check), ">= alone"),
        ("DOI recall, alone / with the cross-check", f"{without[1]:.4f} / {with_check[1]:.4f}", ""),
        ("NCBI requests per reference, cold", f"{cold:.3f}", "<= 0.5"),
        ("NCBI requests per reference, warm", f"{warm:.3f}", "0"),
        ("E-utilities: achieved / allowed rate", f"{achieved:.2f} / 3.00 per s ({achieved / 3:.0%})", ">= 90%"),
        ("429 answers", str(refused), "0"),
        ("resolve time with PubMed, cold (s)", f"{seconds:.1f}", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'value':>38}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>38}  {target}")
    print(f"NCBI requests by endpoint (cold and warm): {dict(sorted(kinds.items()))}")
    print(f"agreement between sources: {dict(agreement)}")
    if args.verbose:
        print("\n".join(result["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
