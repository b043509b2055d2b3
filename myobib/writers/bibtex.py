"""BibTeX output: one entry per reference, keyed by `Reference.id`, the same bytes for the same input.

Written so that biber, classic BibTeX, pandoc and citation-js read and print it as the list
printed it (each checked in tests/writers/test_bibtex_clients.py), and read back exactly by
`myobib.readers.bibtex`, which documents the mapping:

- Entry types and fields are biblatex's data model (`data/biblatex-datamodel.json`, from
  biblatex's `blx-dm.def`): article-journal → @article (newspaper and magazine articles with
  `entrysubtype`), book → @book (@collection when it has editors and no authors), chapter →
  @incollection (@inbook without editors or with a book author, `bookauthor`),
  paper-conference → @inproceedings (`eventtitle`, `venue`), report → @report, thesis →
  @thesis, webpage → @online, software → @software, dataset → @dataset, manuscript →
  @unpublished, pamphlet → @booklet, anything else → @misc. A field is written only where the
  entry type admits it (no `publisher` in an @article); classic names are kept where biber
  reads them as aliases (`journal`, `address`, `school`), so classic BibTeX reads them too.
- Titles (`title`, `shorttitle`, `booktitle`, `series`, `eventtitle`): what no style may recase
  is braced by `myobib.casing`'s rule (`2017 {European League Against Rheumatism/American
  College} of {Rheumatology} …`), doubled where the protected text starts with a command
  (`{{\\textit{Homo Sapiens}}}`) so that BibTeX does not take it for one special character.
- Text is escaped (`\\&`, `\\%`, `\\textbraceleft{}` …): text from an input never becomes a LaTeX
  command. `latex=True` writes non-ASCII characters as LaTeX (`{\\"a}`) wherever that decodes back
  to the same character (others, such as CJK, stay UTF-8) and keeps keys, URLs and DOIs ASCII.
  `url` and `doi` are written verbatim (a backslash or unbalanced brace percent-encoded). Fields
  read from a BibTeX input that myobib does not model are written back as they were, unless they
  hold commands that are not text (`\\input`, `\\def`, `^^`…); preambles are never written.
- authors, editors, book authors: `Family, Given`, initials spaced (`I. E.`, by
  `myobib.names.spaced_initials`); a family name that BibTeX would split (`de Souza`) is
  braced; groups are braced whole (`{{World Health Organization}}`); `et_al` is `and others`.
- `journal` is the full name when known, else the name as written; `shortjournal` the name as
  written. `number` is what biblatex says it is for the kind (the issue of an article, the
  series number of a book, the number of a report); `eid` the article number; `pages` the
  expanded range (`729--757`); `year`, `month` (a macro: `mar`) and, with a day, `date` (ISO);
  an undated work in press `pubstate = {inpress}`, a span of years `date = {1993/2024}`.
- PMID: `eprint` with `eprinttype = {pubmed}`; PMCID: `addendum = {PMCID: PMC…}`; ISBN and
  ISSN only with a right check digit (biber refuses others); `urldate`, `edition`, `series`,
  `language`, `type` (genre), `version`, `pagetotal`, `note` as biblatex names them.
- Whatever these fields cannot say (a page range as printed, a supplement number, a CSL type
  without its own entry type, a field the entry type does not admit, resolver data such as
  `flags` and `match`) goes into biblatex's verbatim `verba` field as JSON, written only when
  needed: biber accepts it and no standard style prints it. Provenance is not written (it
  stays in CSL-JSON and the run report).
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
from bibtexparser.model import Entry, Field
from pylatexenc.latexencode import UnicodeToLatexEncoder

from ..casing import parse_rich, protect, protected_runs
from ..model import Bibliography, Date, Name, Reference
from ..names import spaced_initials
from ..readers.bibtex import (
    ARTICLE_SUBTYPES,
    BOOKTITLE_TYPES,
    LEGACY_OVERRIDE_FIELD,
    MONTH_MACROS,
    NUMBER_MEANING,
    OVERRIDE_FIELD,
    PUBLISHER_FIELD,
    PUBSTATES,
    datamodel,
    decode_latex,
    entry_kind,
    entry_type_for,
    known_text_macro,
    reference_from_fields,
)
from ..readers.stream import _BIDI, _CONTROL
from ..textio import write_atomic

__all__ = ["dumps", "encode_latex", "iter_text", "valid_isbn", "valid_issn", "write"]

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
_RICH_OPEN = {
    "<i>": r"\textit{",
    "<b>": r"\textbf{",
    "<sup>": r"\textsuperscript{",
    "<sub>": r"\textsubscript{",
    "<span": r"\textsc{",
}
_COMMAND = re.compile(r"\\([A-Za-z@]+|.)", re.DOTALL)
_YEAR_SPAN = re.compile(r"([0-9]{4}) ?[-–/] ?([0-9]{4})")
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
    "publisher_place": "address",
    "chapter-number": "chapter",
    "number-of-pages": "pagetotal",
    "version": "version",
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
    blocks: list[Any] = []  # preambles read from BibTeX are LaTeX code: never written
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
    spans) into LaTeX (`\\textit{…}`, `{…}`); a tag without its partner is written as text.
    Control characters and bidirectional overrides, which readers drop, are left out.
    """
    text = _UNREADABLE.sub("", text)
    if rich and "<" in text:
        return _rich_latex(parse_rich(text), latex)
    return _plain(text, latex)


def _rich_latex(children: list[Any], latex: bool) -> str:
    out: list[str] = []
    for child in children:
        if isinstance(child, str):
            out.append(_plain(child, latex))
        elif child.nocase:
            out.append(_braced(_rich_latex(child.children, latex)))
        else:
            out.append(_RICH_OPEN[child.open.split(" ")[0]] + _rich_latex(child.children, latex) + "}")
    return "".join(out)


def _braced(latex_text: str) -> str:
    """Case-protected LaTeX: `{EULAR}`; doubled when it starts with a command, which BibTeX would
    otherwise take for one special character whose letters it may recase (`{{\\textit{Homo}}}`)."""
    return "{{" + latex_text + "}}" if latex_text.startswith("\\") else "{" + latex_text + "}"


def _title(text: str, latex: bool, rich: bool) -> str:
    """A title-like field with what no style may recase braced (the rule is `myobib.casing`'s)."""
    if rich:
        return encode_latex(protect(text, sentence_starts=True), latex, rich=True)
    pieces: list[str] = []
    position = 0
    for start, end in protected_runs(text, sentence_starts=True):
        pieces += [encode_latex(text[position:start], latex), _braced(encode_latex(text[start:end], latex))]
        position = end
    return "".join(pieces) + encode_latex(text[position:], latex)


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
    if "\\" in value or not _safe_raw(value):
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
    given = spaced_initials(name.given) if name.given else ""
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
    entry_type = entry_type_for(ref)
    fields = _fields(ref, entry_type, latex)
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


@functools.cache
def _admitted(entry_type: str) -> frozenset[str] | None:
    """The fields biblatex's data model admits in this entry type (classic names too); None: unknown type."""
    model = datamodel()
    own = model["types"].get(entry_kind(entry_type))
    if own is None:
        return None
    names = set(own) | set(model["all_types"])
    return frozenset(names | {alias for alias, name in model["aliases"].items() if name in names})


def _fields(ref: Reference, entry_type: str, latex: bool) -> list[tuple[str, str]]:
    """The entry's fields as written, each in braces (a month as its macro); only fields biblatex's
    data model admits in `entry_type`: what they cannot say goes to the override field."""
    out: list[tuple[str, str]] = []
    kind = entry_kind(entry_type)

    def text(name: str, value: Any, rich: bool = False, title: bool = False) -> None:
        if isinstance(value, str):
            out.append((name, "{" + (_title(value, latex, rich) if title else encode_latex(value, latex, rich)) + "}"))

    if ref.author or ref.et_al:
        out.append(("author", "{" + format_names(ref.author, ref.et_al, latex) + "}"))
    if ref.editor:
        out.append(("editor", "{" + format_names(ref.editor, False, latex) + "}"))
    if ref.container_author:
        out.append(("bookauthor", "{" + format_names(ref.container_author, False, latex) + "}"))
    text("title", ref.title, rich=True, title=True)
    text("shorttitle", ref.extra.get("title-short"), rich=True, title=True)
    container = ref.container_title if ref.container_title is not None else ref.container_title_short
    if ref.type in BOOKTITLE_TYPES:
        text("booktitle", container, title=True)
    else:
        text("journal", container)
    text("shortjournal", ref.container_title_short)
    if ref.type in ARTICLE_SUBTYPES:
        out.append(("entrysubtype", "{" + ARTICLE_SUBTYPES[ref.type] + "}"))
    text("eventtitle", ref.event_title, title=True)
    text("venue", ref.event_place)
    _date_fields(ref.issued, out)
    text("edition", ref.edition)
    text("series", ref.collection_title, title=True)
    text("volume", ref.volume)
    number_meaning = NUMBER_MEANING.get(kind, "number")
    text("number", getattr(ref, number_meaning))
    if ref.page is not None:
        out.append(("pages", "{" + re.sub(r"(?<![-{}])-(?![-{}])", "--", encode_latex(ref.page, latex)) + "}"))
    if number_meaning != "number":
        text("eid", ref.number)
    for name, value in (("doi", ref.DOI), ("url", ref.URL)):
        if value is not None:
            out.append((name, "{" + _verbatim(value, latex) + "}"))
    if ref.PMID is not None:
        text("eprint", ref.PMID)
        out.append(("eprinttype", "{pubmed}"))
    if ref.PMCID is not None and re.fullmatch("PMC[0-9]+", ref.PMCID):
        out.append(("addendum", "{PMCID: " + ref.PMCID + "}"))
    if ref.ISSN is not None and valid_issn(ref.ISSN):
        text("issn", ref.ISSN)
    if ref.ISBN is not None and valid_isbn(ref.ISBN):
        text("isbn", ref.ISBN)
    publisher_field = PUBLISHER_FIELD.get(kind, "publisher")
    if publisher_field in ref.extra.get("bibtex", {}):
        publisher_field = "publisher"
    text(publisher_field, ref.publisher)
    for variable, name in _EXTRA_FIELDS.items():
        text(name, getattr(ref, variable) if hasattr(Reference, variable) else ref.extra.get(variable))
    accessed = ref.accessed
    if accessed is not None and None not in (accessed.year, accessed.month, accessed.day):
        out.append(("urldate", f"{{{accessed.year:04d}-{accessed.month:02d}-{accessed.day:02d}}}"))
    text("note", ref.note)
    admitted = _admitted(entry_type)
    if admitted is not None:
        out = [(name, value) for name, value in out if name in admitted]
    written = {name for name, _ in out}
    raw = ref.extra.get("bibtex")
    if isinstance(raw, Mapping):
        for name in sorted(raw):
            value = raw[name]
            if (
                isinstance(value, str)
                and name not in written
                and name not in (OVERRIDE_FIELD, LEGACY_OVERRIDE_FIELD)
                and _FIELD_NAME.fullmatch(name)
                and _safe_raw(value)
                and _inert(value)
                and not _UNREADABLE.search(value)
                and (value.isascii() or not latex)
            ):
                out.append((name, "{" + value + "}"))
    return out


def _date_fields(issued: Date | None, out: list[tuple[str, str]]) -> None:
    """`year`, `month` (a macro) and, with a day, the ISO `date`; an undated work in press gets
    `pubstate`, a span of years `date = {1993/2024}`; any other literal date only the override field."""
    if issued is None:
        return
    if issued.year is not None:
        out.append(("year", "{" + str(issued.year) + "}"))
        if issued.month is not None and 1 <= issued.month <= 12:
            out.append(("month", _MONTH_NAMES[issued.month - 1]))
            if issued.day is not None:
                out.append(("date", f"{{{issued.year:04d}-{issued.month:02d}-{issued.day:02d}}}"))
        return
    literal = (issued.literal or "").strip()
    state = next((key for key, words in PUBSTATES.items() if literal.lower() == words), None)
    span = _YEAR_SPAN.fullmatch(literal)
    if state is not None:
        out.append(("pubstate", "{" + state + "}"))
    elif span:
        out.append(("date", f"{{{span[1]}/{span[2]}}}"))


def valid_isbn(isbn: str) -> bool:
    """Is this a well-formed ISBN-10 or ISBN-13 with a right check digit (as biber checks)?"""
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if re.fullmatch(r"[0-9]{9}[0-9X]", digits):
        return sum((10 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits)) % 11 == 0
    if re.fullmatch(r"97[89][0-9]{10}", digits):
        return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    return False


def valid_issn(issn: str) -> bool:
    """Is this a well-formed ISSN (`2326-5191`) with a right check digit?"""
    found = re.fullmatch(r"([0-9]{4})-?([0-9]{3}[0-9Xx])", issn.strip())
    if not found:
        return False
    digits = (found[1] + found[2]).upper()
    return sum((8 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits)) % 11 == 0


def _inert(value: str) -> bool:
    """Can this raw LaTeX from an input be written back as is: only commands that print text?"""
    if "^^" in value:
        return False
    for found in _COMMAND.finditer(value):
        name = found[1]
        if name.isascii() and name[:1].isalpha() or "@" in name:
            if not known_text_macro(name):
                return False
    return True


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
