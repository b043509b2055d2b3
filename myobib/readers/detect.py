"""Choosing a reader from a file's content (or from an explicit `--from` format).

Formats: `bibtex`, `csl-json`, `ris`, `medline`, `page` (disease-information pages)
and `text` (numbered or unnumbered Vancouver, NLM, AMA, APA and PubMed lists). Common
names are accepted as aliases (`json`, `nbib`, `pubmed`, `vancouver`, `apa` …).
Detection looks at the first 64 KiB only, so it is cheap on any file size.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from importlib import import_module

from ..errors import InputError, MyobibError
from ..model import Bibliography
from .nlm import looks_like_authors, parse_journal_line

__all__ = ["FORMATS", "detect_format", "loads_any", "normalise_format", "read_any"]

FORMATS = ("bibtex", "csl-json", "ris", "medline", "page", "text")
_ALIASES = {
    "bib": "bibtex", "biblatex": "bibtex", "json": "csl-json", "csl": "csl-json", "csljson": "csl-json",
    "nbib": "medline", "pubmed": "medline", "txt": "text", "vancouver": "text", "nlm": "text", "ama": "text",
    "apa": "text", "freetext": "text", "summary": "text", "disease-page": "page",
}  # fmt: skip
_EXTENSIONS = {
    ".bib": "bibtex", ".json": "csl-json", ".ris": "ris", ".nbib": "medline", ".medline": "medline",
}  # fmt: skip
# The module implementing each format; each has `loads(text, source)` and `read(path)`.
_MODULES = {
    "bibtex": "bibtex", "csl-json": "csljson", "ris": "ris", "medline": "medline", "page": "page", "text": "freetext",
}  # fmt: skip
_PROBE = 65536

_RIS = re.compile(r"^\s*TY  ?- ", re.MULTILINE)
_MEDLINE = re.compile(r"^PMID- ?\d", re.MULTILINE)
_BIBTEX = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_NUMBERED = re.compile(r"^\s*\d{1,5}[.)]\s+\S")


def normalise_format(name: str) -> str:
    """The canonical format name for `name` or an alias; an unknown name is an `InputError`."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(FORMATS)})", "--from")
    return key


def _looks_like_page(lines: list[str]) -> bool:
    """A disease page: a `Disease:` header, or numbered titles followed by author and journal lines."""
    if any(line.strip().lower().startswith("disease:") for line in lines[:20]):
        return True
    hits = 0
    for index, line in enumerate(lines[:-2]):
        if (
            _NUMBERED.match(line)
            and parse_journal_line(line) is None
            and not _NUMBERED.match(lines[index + 1])
            and not _NUMBERED.match(lines[index + 2])
            and looks_like_authors(lines[index + 1])
            and parse_journal_line(lines[index + 2]) is not None
        ):
            hits += 1
            if hits >= 2:
                return True
    return hits == 1 and sum(1 for line in lines if _NUMBERED.match(line)) == 1


def detect_format(text: str, name: str | None = None) -> str:
    """The format of `text` (only its start is looked at); `name`'s extension breaks ties."""
    head = text[:_PROBE].lstrip("\ufeff")
    stripped = head.lstrip()
    is_json_name = bool(name) and str(name).lower().endswith(".json")
    if is_json_name or stripped.startswith("{") or re.match(r"\[\s*(?:[\[{\]\"]|$)", stripped):
        return "csl-json"
    if _MEDLINE.search(head):
        return "medline"
    if _RIS.search(head):
        return "ris"
    if _BIBTEX.search(head):
        return "bibtex"
    lines = [line for line in head.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if _looks_like_page(lines):
        return "page"
    if name:
        extension = os.path.splitext(name)[1].lower()
        if extension in _EXTENSIONS and extension not in (".json", ".bib"):
            return _EXTENSIONS[extension]
    return "text"


def _module(fmt: str):  # type: ignore[no-untyped-def]
    return import_module(f".{_MODULES[fmt]}", __package__)


def _guarded(call: Callable[[], Bibliography], source: str) -> Bibliography:
    """Run a reader so that only `MyobibError`s come out of it."""
    try:
        return call()
    except MyobibError:
        raise
    except RecursionError:
        raise InputError("input nested too deeply to read", source) from None
    except MemoryError:
        raise InputError("input too large to read into memory", source) from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, UnicodeError, OverflowError) as exc:
        raise InputError(f"cannot read: {type(exc).__name__}: {exc}", source) from None


def loads_any(text: str, source: str = "<string>", format: str | None = None) -> Bibliography:
    """Parse `text` with the reader for `format` (detected from the content when None)."""
    fmt = normalise_format(format) if format else detect_format(text, source)
    reader = _module(fmt)
    return _guarded(lambda: reader.loads(text, source), source)


def _probe(path: str | os.PathLike[str]) -> str:
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(_PROBE)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", name) from None
    if b"\x00" in data:
        raise InputError("binary data, not a text reference list", name, data.count(b"\n", 0, data.index(b"\x00")) + 1)
    if not data.strip():
        raise InputError("file is empty", name)
    return data.decode("utf-8", errors="replace")


def read_any(path: str | os.PathLike[str], format: str | None = None) -> Bibliography:
    """Read a reference file in any supported format, detected from its content unless `format` is given.

    Repeats are kept: pass the result to `myobib.dedupe` (or use `myobib.merge.merge`).
    """
    name = str(path)
    if format:
        fmt = normalise_format(format)
        if not os.path.exists(name):
            raise InputError("no such file", name)
    else:
        fmt = detect_format(_probe(path), name)
    reader = _module(fmt)
    bib = _guarded(lambda: reader.read(path), os.path.basename(name))
    bib.header.setdefault("format", fmt)
    return bib
