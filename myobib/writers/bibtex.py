"""BibTeX output: one entry per reference, keyed by `Reference.id`, the same bytes for the same input.

Representation (read back exactly by `myobib.readers.bibtex`, which documents the mapping):

- UTF-8 by default; `latex=True` writes non-ASCII characters as LaTeX (`{\\"a}`) wherever
  that decodes back to the same character (others, such as CJK, stay UTF-8), and keeps
  citation keys, URLs and DOIs ASCII (`_` in keys, percent-encoding in URLs). Either way LaTeX's special characters are
  escaped (`\\&`, `\\%`, `\\textbraceleft{}`), and `url` and `doi` are written verbatim,
  never through the LaTeX codec.
- CSL type → entry type: article-journal → @article, book → @book, chapter →
  @incollection, paper-conference → @inproceedings, report → @techreport, thesis →
  @phdthesis, manuscript → @unpublished, anything else → @misc.
- authors: `Family, Given`; given names that are printed initials (`IE`) are written
  `I. E.` so BibTeX styles abbreviate them right; a family name that BibTeX would split
  (`de Souza`) is braced; groups are braced whole (`{American and European Network …}`);
  `et_al` is `and others`.
- `journal` is the full name when known, else the name as written; `shortjournal` the
  name as written. `number` is the issue, `eid` the article number, `pages` the expanded
  range (`729--757`), `pages-as-written` the original; `year`, `month` (`mar`) and, when
  the day is known, `date` (ISO).
- Whatever plain fields cannot say exactly (a CSL type without its own entry type,
  resolver data such as `flags` and `match`, CSL variables BibTeX has no field for, a
  name BibTeX would split differently) goes into one `myobib` field holding JSON, written
  only when needed; provenance is not written (it stays in CSL-JSON and the run report).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field, Preamble
from pylatexenc.latexencode import UnicodeToLatexEncoder

from ..model import Bibliography, Name, Reference
from ..readers.bibtex import (
    BOOKTITLE_TYPES,
    CSL_TO_ENTRY_TYPE,
    ENTRY_TYPE_TO_CSL,
    MONTH_MACROS,
    OVERRIDE_FIELD,
    PUBLISHER_FIELD,
    decode_latex,
    reference_from_fields,
)
from ..readers.stream import _BIDI, _CONTROL
from ..textio import write_atomic

__all__ = ["dumps", "encode_latex", "iter_text", "write"]

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_RICH_TAG = re.compile(r'<(/?)(i|b|sup|sub)>|<span class="nocase">|<span style="font-variant:\s?small-caps;?">|</span>')
_RICH_OPEN = {"i": r"\textit{", "b": r"\textbf{", "sup": r"\textsuperscript{", "sub": r"\textsubscript{"}
_TO_ESCAPE = re.compile(r"[\\{}&%$#_~^]|-(?=-)|`(?=`)|'(?=')|[!?](?=`)")
_TO_ESCAPE_LATEX = re.compile(_TO_ESCAPE.pattern + r"|[^\x00-\x7f]")
_URL_MACRO = re.compile(r"(\\url\{[^\s{}\\]+\})")
_ENCODER = UnicodeToLatexEncoder(
    non_ascii_only=True,
    replacement_latex_protection="braces-all",
    unknown_char_policy="keep",
    unknown_char_warning=False,
)
_MONTH_NAMES = list(MONTH_MACROS)
# Characters the readers drop from every input line (with a warning): never written.
_UNREADABLE = re.compile(f"{_CONTROL.pattern}|{_BIDI.pattern}")
_KEY_BAD = re.compile(r"[\s{}(),=\"#%'\\~]|" + _UNREADABLE.pattern)
_FIELD_NAME = re.compile(r"[A-Za-z][\w\-:.+]*")
_FORMAT = bibtexparser.BibtexFormat()
_FORMAT.indent = "  "
_FORMAT.value_column = len("shortjournal = ")  # fixed, not "auto", so every piece of a streamed file aligns alike
_FORMAT.block_separator = "\n"
_FORMAT.trailing_comma = False
_EXTRA_FIELDS = {  # `Reference` field, or CSL variable in `extra`, → BibTeX field, in output order
    "ISBN": "isbn",
    "edition": "edition",
    "publisher_place": "address",
    "collection_title": "series",
    "chapter-number": "chapter",
    "number-of-pages": "pagetotal",
    "genre": "type",
    "language": "language",
    "keyword": "keywords",
    "abstract": "abstract",
    "annote": "annote",
}


def dumps(bib: Bibliography, *, latex: bool = False) -> str:
    """The bibliography as BibTeX text; `latex=True` LaTeX-encodes non-ASCII text."""
    return "".join(iter_text(bib, latex=latex))


_CHUNK = 500  # entries per call into bibtexparser's writer


def iter_text(bib: Bibliography, *, latex: bool = False) -> Iterator[str]:
    """`dumps(bib)` in pieces of a few hundred entries."""
    blocks: list[Any] = []
    for preamble in bib.header.get("bibtex-preamble", ()):
        if (
            isinstance(preamble, str)
            and _safe_raw(preamble)
            and not _UNREADABLE.search(preamble)
            and (preamble.isascii() or not latex)
        ):
            blocks.append(Preamble("{" + preamble + "}"))
    taken: set[str] = set()
    first = True
    for ref in bib:
        blocks.append(_entry(ref, latex, taken))
        if len(blocks) >= _CHUNK:
            yield ("" if first else _FORMAT.block_separator) + _write_blocks(blocks)
            blocks, first = [], False
    if blocks or first:
        yield ("" if first else _FORMAT.block_separator) + _write_blocks(blocks)


def _write_blocks(blocks: list[Any]) -> str:
    return bibtexparser.write_string(Library(blocks), unparse_stack=[], bibtex_format=_FORMAT)


def write(bib: Bibliography, path: str | os.PathLike[str], *, latex: bool = False) -> Path:
    """Write BibTeX atomically (UTF-8; pure ASCII as well when `latex=True`), a few hundred entries at a time."""
    return write_atomic(path, iter_text(bib, latex=latex))


# -- text ------------------------------------------------------------------------------------------


def encode_latex(text: str, latex: bool = False, rich: bool = False) -> str:
    """Text as a BibTeX value that `decode_latex` reads back unchanged.

    `rich` turns CSL rich text (`<i>`, `<b>`, `<sup>`, `<sub>`, nocase and small-caps
    spans) into LaTeX (`\\textit{…}`, `{…}`); unbalanced markup is written as text.
    Control characters and bidirectional overrides, which readers drop, are left out.
    """
    text = _UNREADABLE.sub("", text)
    if rich and _RICH_TAG.search(text):
        tokens = _rich_tokens(text)
        if tokens is not None:
            return "".join(tag if is_tag else _plain(chunk, latex) for chunk, tag, is_tag in tokens)
    return _plain(text, latex)


def _rich_tokens(text: str) -> list[tuple[str, str, bool]] | None:
    tokens: list[tuple[str, str, bool]] = []
    stack: list[str] = []
    position = 0
    for found in _RICH_TAG.finditer(text):
        tokens.append((text[position : found.start()], "", False))
        position = found.end()
        tag = found.group(0)
        if found.group(2):
            name = found.group(2)
            if found.group(1):
                if not stack or stack.pop() != name:
                    return None
                tokens.append(("", "}", True))
            else:
                stack.append(name)
                tokens.append(("", _RICH_OPEN[name], True))
        elif tag == "</span>":
            if not stack or stack.pop() != "span":
                return None
            tokens.append(("", "}", True))
        else:
            stack.append("span")
            tokens.append(("", "{" if "nocase" in tag else r"\textsc{", True))
    tokens.append((text[position:], "", False))
    return None if stack else tokens


def _plain(text: str, latex: bool) -> str:
    if "\\url{" in text:  # `\url{…}` read from BibTeX is written back as it was
        pieces = _URL_MACRO.split(text)
        return "".join(piece if i % 2 else _plain_text(piece, latex) for i, piece in enumerate(pieces))
    return _plain_text(text, latex)


def _plain_text(text: str, latex: bool) -> str:
    return (_TO_ESCAPE_LATEX if latex else _TO_ESCAPE).sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    ch = found.group()
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isascii():
        return ch + "{}"  # breaks a ligature such as `--` or ``` `` ```
    return _latex_char(ch)


@functools.lru_cache(maxsize=4096)
def _latex_char(ch: str) -> str:
    """The LaTeX for one non-ASCII character, or the character when LaTeX would not read back."""
    code = _ENCODER.unicode_to_latex(ch)
    if code != ch and decode_latex(code) == ch and decode_latex(code, rich=True) == ch and code.isascii():
        return code
    return ch


def _safe_raw(value: str) -> bool:
    """True when a value can go between braces verbatim without breaking the file."""
    depth = 0
    previous = ""
    for ch in value:
        if ch in "{}" and previous == "\\":
            return False
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
        previous = "" if previous == "\\" else ch
    return depth == 0 and previous != "\\"


def _verbatim(value: str, ascii_only: bool) -> str:
    """A URL or DOI as a braced value, as is; percent-encoded only where it would break the file."""
    value = _UNREADABLE.sub("", value)
    if not _safe_raw(value):
        value = value.replace("%", "%25").replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
    if ascii_only and not value.isascii():
        value = "".join(ch if ch.isascii() else quote(ch, safe="") for ch in value)
    return value


# -- names -----------------------------------------------------------------------------------------


def format_names(names: Iterable[Name], et_al: bool, latex: bool) -> str:
    """A BibTeX name list: `Family, Given and {Group} and others`."""
    parts = [_format_name(name, latex) for name in names]
    if et_al:
        parts.append("others")
    return " and ".join(parts)


def _format_name(name: Name, latex: bool) -> str:
    if name.literal is not None:
        return "{" + encode_latex(name.literal, latex) + "}"
    family = encode_latex(name.family or "", latex)
    if _needs_braces(name.family or ""):
        family = "{" + family + "}"
    if name.non_dropping_particle:
        family = encode_latex(name.non_dropping_particle, latex) + " " + family
    given = name.given or ""
    if given.isalpha() and given.isupper() and len(given) <= 4:
        given = " ".join(letter + "." for letter in given)
    if name.dropping_particle:
        given = f"{given} {name.dropping_particle}".strip()
    given = _protect(encode_latex(given, latex)) if given else ""
    if name.suffix:
        return f"{family}, {_protect(encode_latex(name.suffix, latex))}, {given}"
    return f"{family}, {given}" if given else family


def _needs_braces(family: str) -> bool:
    """Would BibTeX read part of this family name as a particle, a separator or a first name?"""
    for token in family.split():
        letters = [ch for ch in token if ch.isalpha()]
        if not letters or not letters[0].isupper() or token.lower() == "and":
            return True
    return "," in family or not family


def _protect(text: str) -> str:
    return "{" + text + "}" if "," in text or re.search(r"(?i)(^|\s)and(\s|$)", text) else text


# -- entries -----------------------------------------------------------------------------------------


def _entry(ref: Reference, latex: bool, taken: set[str]) -> Entry:
    key = _citation_key(ref.id, taken, latex)
    entry_type = _entry_type(ref)
    fields = _fields(ref, latex)
    plain = {name: MONTH_MACROS[value] if name == "month" else value[1:-1] for name, value in fields}
    back, _ = reference_from_fields(entry_type, key, plain)
    override = _difference(ref, back)
    if override:
        fields.append((OVERRIDE_FIELD, "{" + _json_value(override, ascii_only=latex) + "}"))
    return Entry(entry_type, key, [Field(name, value) for name, value in fields])


def _citation_key(key: str, taken: set[str], ascii_only: bool) -> str:
    base = _KEY_BAD.sub("_", key) or "ref"
    if ascii_only:
        base = "".join(ch if ch.isascii() else "_" for ch in base)
    candidate, n = base, 0
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _entry_type(ref: Reference) -> str:
    own = ref.extra.get("bibtex-type")
    if isinstance(own, str) and _FIELD_NAME.fullmatch(own) and ENTRY_TYPE_TO_CSL.get(own, "document") == ref.type:
        return own
    return CSL_TO_ENTRY_TYPE.get(ref.type, "misc")


def _fields(ref: Reference, latex: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def text(name: str, value: Any, rich: bool = False) -> None:
        if isinstance(value, str):
            out.append((name, "{" + encode_latex(value, latex, rich) + "}"))

    if ref.author or ref.et_al:
        out.append(("author", "{" + format_names(ref.author, ref.et_al, latex) + "}"))
    if ref.editor:
        out.append(("editor", "{" + format_names(ref.editor, False, latex) + "}"))
    text("title", ref.title, rich=True)
    text("shorttitle", ref.extra.get("title-short"), rich=True)
    container = "booktitle" if ref.type in BOOKTITLE_TYPES else "journal"
    text(container, ref.container_title if ref.container_title is not None else ref.container_title_short)
    text("shortjournal", ref.container_title_short)
    issued = ref.issued
    if issued is not None:
        if issued.year is not None:
            out.append(("year", "{" + str(issued.year) + "}"))
        else:
            text("year", issued.literal)
        if issued.month is not None and 1 <= issued.month <= 12:
            out.append(("month", _MONTH_NAMES[issued.month - 1]))
            if issued.year is not None and issued.day is not None:
                out.append(("date", f"{{{issued.year:04d}-{issued.month:02d}-{issued.day:02d}}}"))
    text("volume", ref.volume)
    text("number", ref.issue)
    text("supplement", ref.supplement)
    if ref.page is not None:
        out.append(("pages", "{" + re.sub(r"(?<![-{}])-(?![-{}])", "--", encode_latex(ref.page, latex)) + "}"))
    text("pages-as-written", ref.page_as_written)
    text("eid", ref.number)
    for name, value in (("doi", ref.DOI), ("url", ref.URL)):
        if value is not None:
            out.append((name, "{" + _verbatim(value, latex) + "}"))
    text("pmid", ref.PMID)
    text("pmcid", ref.PMCID)
    text("issn", ref.ISSN)
    publisher_field = PUBLISHER_FIELD.get(ref.type, "publisher")
    if publisher_field in ref.extra.get("bibtex", {}):
        publisher_field = "publisher"
    text(publisher_field, ref.publisher)
    for variable, name in _EXTRA_FIELDS.items():
        text(name, getattr(ref, variable) if hasattr(Reference, variable) else ref.extra.get(variable))
    accessed = ref.accessed
    if accessed is not None and None not in (accessed.year, accessed.month, accessed.day):
        out.append(("urldate", f"{{{accessed.year:04d}-{accessed.month:02d}-{accessed.day:02d}}}"))
    text("note", ref.note)
    written = {name for name, _ in out}
    raw = ref.extra.get("bibtex")
    if isinstance(raw, Mapping):
        for name in sorted(raw):
            value = raw[name]
            if (
                isinstance(value, str)
                and name not in written
                and name != OVERRIDE_FIELD
                and _FIELD_NAME.fullmatch(name)
                and _safe_raw(value)
                and not _UNREADABLE.search(value)
                and (value.isascii() or not latex)
            ):
                out.append((name, "{" + value + "}"))
    return out


def _difference(ref: Reference, back: Reference) -> dict[str, Any]:
    """What reading the plain fields back does not restore: CSL variables and custom keys."""
    want = ref.replace(provenance=()).to_csl()
    got = back.replace(provenance=()).to_csl()
    want_custom, got_custom = want.pop("custom", {}), got.pop("custom", {})
    override: dict[str, Any] = {}
    csl = {k: want.get(k) for k in sorted(want.keys() | got.keys()) if want.get(k) != got.get(k)}
    custom = {
        k: want_custom.get(k)
        for k in sorted(want_custom.keys() | got_custom.keys())
        if want_custom.get(k) != got_custom.get(k)
    }
    if csl:
        override["csl"] = csl
    if custom:
        override["custom"] = custom
    return override


def _json_value(data: Any, ascii_only: bool) -> str:
    """JSON on one line with braces inside strings escaped, so BibTeX braces stay balanced."""
    text = json.dumps(data, ensure_ascii=ascii_only, sort_keys=True, separators=(",", ":"))
    out: list[str] = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch in "{}" or _UNREADABLE.match(ch):
                out.append(f"\\u{ord(ch):04x}")
                continue
        elif ch == '"':
            in_string = True
        out.append(ch)
    return "".join(out)
