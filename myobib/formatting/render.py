"""Bibliographies and in-text citations in any CSL style, as text, HTML, Markdown or reST.

`format_bibliography` gives one string per entry in the style's order; `cite` gives one in-text
citation such as `(1–3)` or `(Aggarwal et al., 2017)`. Both take references (or a
`Bibliography`), a style name, alias or `.csl` path, and an optional locale. Rendered entries
are cached per (style, locale, output, item, citation number).

Kept differences from citeproc-js (the corrections made are listed in `engine`):
- disambiguation covers year suffixes only (`2020a`, `2020b` for works by the same names in the
  same year); works that citeproc-js tells apart by adding names or given names to the citation
  (`Smith, Jones, et al., 2020`) read alike here, and Harvard's bibliography does not add them;
- note styles' position tests (`ibid`, `subsequent`) are not tracked across citations;
- `display` blocks and the left-margin column of numbered styles are flattened to one line per
  entry (`1. Smith J, …`), where citeproc-js's HTML puts the number in its own `<div>`;
- HTML uses named entities (`&amp;`) where citeproc-js writes numeric ones (`&#38;`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..errors import MyobibError, StyleError
from ..model import Reference
from ..textio import write_atomic
from .csl import clean_item
from .engine import Engine, _Cluster, get_engine
from .styles import resolve_locale, resolve_style

__all__ = ["OUTPUTS", "UnknownKey", "cite", "format_bibliography", "format_file", "join_entries"]

OUTPUTS = ("text", "html", "markdown", "rst")
_CACHE_SIZE = 100_000
_cache: OrderedDict[tuple, str] = OrderedDict()
_cache_lock = threading.Lock()
# A period after punctuation that ends a field (`disease:.`, `<i>et al.</i>.`, `et al.“.`) is dropped.
_CLOSERS = r"(?:</[a-z]+>|\*{1,2}|[\s\u00a0\u202f]?[\u201c\u201d\u2018\u2019\u00ab\u00bb\u203a\u2039])"
_DOUBLE_PERIOD = re.compile(rf"(?<!\.)([.!?:;])({_CLOSERS}*)\.(?!\.)")


class UnknownKey(MyobibError, KeyError):
    """A citation asked for a key that is not among the references."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown citation key"


def _engine(style: str, locale: str | None) -> Engine:
    info = resolve_style(style)
    chosen = resolve_locale(locale) if locale else info.default_locale
    if chosen is not None and not locale:
        try:
            chosen = resolve_locale(chosen)
        except StyleError:
            chosen = None
    return get_engine(str(info.path), chosen)


def _check_output(output: str) -> None:
    if output not in OUTPUTS:
        raise StyleError(f"unknown output '{output}' (choose from {', '.join(OUTPUTS)})")


@contextlib.contextmanager
def _style_failures(style: str) -> Iterator[None]:
    """A style that citeproc-py cannot render becomes a one-line `StyleError`, not a traceback."""
    try:
        yield
    except MyobibError:
        raise
    except Exception as exc:  # citeproc-py fails on some styles with arbitrary errors
        raise StyleError(f"style '{style}' cannot be rendered by citeproc-py: {type(exc).__name__}: {exc}") from exc


def _items(references: Iterable[Reference | Mapping[str, Any]]) -> tuple[list[dict], dict[str, str]]:
    """Clean CSL items with internal ids (`i0`, `i1`, …) and the map from each key to its id."""
    items, ids = [], {}
    for n, ref in enumerate(references):
        internal = f"i{n}"
        item = clean_item(ref, internal)
        key = ref.id if isinstance(ref, Reference) else str(ref.get("id", ""))
        ids.setdefault(key, internal)
        items.append(item)
    return items, ids


def _fix_quotes(text: str, engine: Engine) -> str:
    """Move a period or comma that follows a closing quote inside it, as the locale asks."""
    for quote in {engine.close_quote, engine.close_inner_quote}:
        if quote and quote in text:
            text = re.sub(
                rf"(.){re.escape(quote)}([.,])",
                lambda m, q=quote: (
                    m.group(1) + q if m.group(2) == "." and m.group(1) in ".?!" else m.group(1) + m.group(2) + q
                ),
                text,
            )
    return text


def _postprocess(text: str, engine: Engine, output: str) -> str:
    text = " ".join(text.split()) if output == "text" else text.strip()
    if engine.punctuation_in_quote:
        text = _fix_quotes(text, engine)
    text = _DOUBLE_PERIOD.sub(r"\1\2", text)
    return text


def _item_hash(item: dict) -> str:
    data = {k: v for k, v in item.items() if k != "id"}
    return hashlib.blake2b(json.dumps(data, sort_keys=True, ensure_ascii=False).encode(), digest_size=16).hexdigest()


def format_bibliography(
    references: Sequence[Reference],
    style: str = "vancouver",
    *,
    output: str = "text",
    locale: str | None = None,
) -> list[str]:
    """One formatted entry per reference, in the style's bibliography order.

    `references` may be a `Bibliography`; `style` an id (`apa`), alias (`vancouver`) or `.csl`
    path; `output` one of text, html, markdown, rst; `locale` e.g. `de-DE` (default: the style's).
    """
    _check_output(output)
    engine = _engine(style, locale)
    if not engine.has_bibliography:
        raise StyleError(f"style '{style}' defines no bibliography")
    items, _ = _items(references)
    if not items:
        return []
    hashes = [_item_hash(item) for item in items]
    by_id = {item["id"]: h for item, h in zip(items, hashes, strict=True)}
    with engine.lock, _style_failures(style):
        bib, ordered = engine.order(items, output, hashes)
        suffixes = engine.add_year_suffixes(bib, ordered)
        entries = []
        for number, citation_item in enumerate(ordered, start=1):
            item_hash = by_id[_original_id(citation_item.key, by_id)]
            key = (
                engine.path,
                engine.locale,
                output,
                item_hash,
                number if engine.numbered else None,
                suffixes.get(citation_item.key),
            )
            text = _cache.get(key)
            if text is None:
                text = _postprocess(engine.render_entry(bib, citation_item), engine, output)
                with _cache_lock:
                    _cache[key] = text
                    if len(_cache) > _CACHE_SIZE:
                        _cache.popitem(last=False)
            entries.append(text)
    return entries


def _original_id(lowered: str, by_id: Mapping[str, dict]) -> str:
    # Internal ids are lowercase already, so citeproc-py's lower-casing leaves them unchanged.
    return lowered if lowered in by_id else next(k for k in by_id if k.lower() == lowered)


def _locator(value: Any) -> tuple[str, str]:
    if isinstance(value, str | int):
        return ("page", str(value))
    if isinstance(value, Sequence) and len(value) == 2:
        return (str(value[0]), str(value[1]))
    raise StyleError(f"a locator is a page string or a (label, value) pair, not {value!r}")


def cite(
    references: Sequence[Reference],
    keys: Sequence[str],
    style: str = "vancouver",
    *,
    locators: Mapping[str, Any] | None = None,
    output: str = "text",
    locale: str | None = None,
) -> str:
    """One in-text citation of `keys` (`(1–3)`, `(Aggarwal et al., 2017)`), with optional locators.

    Numbers follow the bibliography of all `references`. `locators` maps a key to a page
    (`"12"`) or a `(label, value)` pair such as `("chapter", "3")`.
    """
    _check_output(output)
    if isinstance(keys, str):
        keys = [keys]
    engine = _engine(style, locale)
    items, ids = _items(references)
    missing = [k for k in keys if k not in ids]
    if missing:
        raise UnknownKey(f"no reference with key {', '.join(repr(k) for k in missing)}")
    locators = locators or {}
    cluster = _Cluster([ids[k] for k in keys], [_locator(locators[k]) if k in locators else None for k in keys])
    with engine.lock, _style_failures(style):
        bib, ordered = engine.order(items, output)
        engine.add_year_suffixes(bib, ordered)
        text = engine.render_citations(bib, [cluster])[0]
    return _postprocess(text, engine, output)


def join_entries(entries: Sequence[str], output: str = "text") -> str:
    """Entries as one document: lines (text), a `csl-bib-body` div (html), paragraphs (markdown, rst)."""
    if output == "html":
        body = "".join(f'  <div class="csl-entry">{entry}</div>\n' for entry in entries)
        return f'<div class="csl-bib-body">\n{body}</div>\n'
    if output in ("markdown", "rst"):
        return "\n\n".join(entries) + "\n" if entries else ""
    return "".join(entry + "\n" for entry in entries)


def format_file(
    path: str,
    style: str = "vancouver",
    *,
    output: str = "text",
    locale: str | None = None,
    out: str | None = None,
) -> str:
    """Load a reference list (`myobib.load`), format it, write it to `out` if given; returns the text."""
    from ..api import load

    text = join_entries(format_bibliography(load(path), style, output=output, locale=locale), output)
    if out:
        write_atomic(out, text)
    return text
