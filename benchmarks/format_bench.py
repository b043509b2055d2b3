"""Formatting speed: myobib vs stock citeproc-py vs citeproc-js, same entries, same run.

    python3 benchmarks/format_bench.py [--n 1000] [--js-dir DIR] [--styles apa ...] [--skip-stock]

For each style, `--n` synthetic journal articles (fidelity_bench.synthetic: 1 to 22 authors,
groups, particles, mixed page ranges) are formatted as a plain-text bibliography by
- myobib cold: `format_bibliography` with no style, sort-key or entry cache (style parsing included);
- myobib warm: the same call again (entries and sort keys cached);
- stock citeproc-py: CitationStylesStyle + CiteProcJSON + CitationStylesBibliography on the same
  clean items (style parsing included, validation off);
- citeproc-js (npm `citeproc`, installed in a temporary folder): `updateItems` + `makeBibliography`,
  best of two runs in one process, style compilation reported apart.
The table gives milliseconds per entry and the multiples stock/ours and js/ours (above 1 means
myobib is faster). Growth is myobib's cold time per entry at n over that at n/4 (1.0 = linear).
Targets: ≥3x faster than stock for apa and chicago-author-date; js/ours ≥ 1 in all six styles.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from fidelity_bench import STYLES, CiteprocJS, synthetic  # noqa: E402

from myobib.formatting import engine as engine_module  # noqa: E402
from myobib.formatting import format_bibliography, render, resolve_style  # noqa: E402
from myobib.formatting.csl import clean_item  # noqa: E402


def ours_cold(refs, style: str) -> float:
    engine_module._ENGINES.clear()
    render._cache.clear()
    start = time.perf_counter()
    format_bibliography(refs, style)
    return time.perf_counter() - start


def ours_warm(refs, style: str) -> float:
    start = time.perf_counter()
    format_bibliography(refs, style)
    return time.perf_counter() - start


def stock(refs, style: str) -> float:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = [{k: v for k, v in clean_item(ref, f"i{n}").items() if k in engine_module.SUPPORTED_KEYS}
             for n, ref in enumerate(refs)]
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl = CitationStylesStyle(str(resolve_style(style).path), validate=False)
        bib = CitationStylesBibliography(csl, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        bib.bibliography()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="entries per style")
    parser.add_argument("--js-dir", type=Path, help="folder with node_modules/citeproc (default: npm install)")
    parser.add_argument("--styles", nargs="*", default=STYLES)
    parser.add_argument("--skip-stock", action="store_true", help="leave out stock citeproc-py (slow)")
    args = parser.parse_args()
    refs = synthetic(args.n)
    quarter = refs[: max(1, args.n // 4)]
    js = CiteprocJS(args.js_dir)
    print(f"{args.n} entries per style, plain text; ms per entry (growth: n vs n/4, 1.0 = linear)\n")
    header = (f"{'style':30} {'ours cold':>9} {'ours warm':>9} {'stock':>8} {'js':>8} {'js compile':>10} "
              f"{'stock/ours':>10} {'js/ours':>8} {'growth':>7}")
    print(header)
    try:
        for style in args.styles:
            cold = ours_cold(refs, style) / args.n
            warm = ours_warm(refs, style) / args.n
            small = ours_cold(quarter, style) / len(quarter)
            stock_ms = stock(refs, style) / args.n if not args.skip_stock else float("nan")
            items = [clean_item(ref, f"i{n}", typography=False) for n, ref in enumerate(refs)]
            out = js.render(style, items, repeat=2)
            js_ms = out["render_ms"] / 1000 / args.n
            print(f"{style:30} {cold * 1e3:9.2f} {warm * 1e3:9.3f} {stock_ms * 1e3:8.2f} {js_ms * 1e3:8.2f} "
                  f"{out['compile_ms']:8.0f}ms {stock_ms / cold:10.1f} {js_ms / cold:8.2f} {cold / small:7.2f}",
                  flush=True)
    finally:
        js.close()


if __name__ == "__main__":
    main()
