"""BibTeX input (Overleaf, JabRef, Zotero, myobib's own output) through bibtexparser 2.x.

Files are streamed (`iter_references`): lines come through `readers.stream` (decoded
line by line; control characters and bidirectional overrides removed, LaTeX commands
that read files reported), are cut into batches of whole entries, and bibtexparser only
splits each batch into blocks (no middlewares): macro expansion, LaTeX decoding and name
splitting are done here, field by field, because its middlewares cut URLs at `%` and
lose the braces that protect group names. Every block that cannot be read (duplicate
key or field, unbalanced braces, text outside entries) is reported with its line.

How fields map to the model (the writer, `myobib.writers.bibtex`, is the exact inverse):

- text fields are LaTeX-decoded (`{\\"a}` → `ä`, `--` → `–`, `\\&` → `&`), whitespace runs
  collapsed; `url`, `doi` and unknown fields are never decoded.
- `title`/`shorttitle`: a braced group that protects case (`{in vitro}`) becomes
  `<span class="nocase">in vitro</span>`, `\\textit{…}` `<i>…</i>` (also `\\textbf`, `\\textsc`,
  `\\textsuperscript`, `\\textsubscript`), as CSL rich text; a group protecting only words the
  casing rule protects anyway (`{EULAR}`, `{American College}`) is dropped (`myobib.casing`).
- names: `Family, Given`; `{Whole Name}` is a group (`Name.literal`); `von` is the
  non-dropping particle, `Jr` the suffix, trailing lower-case words of the given name the
  dropping particle; given names written as initials with periods (`I. E.`, `J.-P.`) read as
  the model's printed initials (`IE`, `J-P`); a trailing `and others` sets `Reference.et_al`;
  `bookauthor` is the container author.
- entry types: see `ENTRY_TYPE_TO_CSL` (@article with `entrysubtype` newspaper/magazine too);
  `journal` (else `journaltitle` or `booktitle`) → full container name, `shortjournal` →
  journal as written; `location` is read as `address`; `number` → the issue, series number or
  report number as the entry type says (`NUMBER_MEANING`), `eid` → article number; `pages`
  (`--` read as `-`) → page; `year`, `month`, `date` (ISO) → issued, `pubstate` of an undated
  work → issued literal (`in press`); `eprint` with `eprinttype = {pubmed}` → PMID,
  `addendum = {PMCID: …}` → PMCID; `institution`/`school`/`organization` → publisher where
  the entry type puts it there; `eventtitle`, `venue`, `urldate`, `version` …
- fields without a model attribute are kept verbatim in `Reference.extra["bibtex"]`;
  an entry type that is not the writer's own choice for the reference is kept in
  `Reference.extra["bibtex-type"]`; the `verba` field holding myobib's JSON (written only when
  needed; `myobib` in earlier versions) restores what plain BibTeX fields cannot say.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import bibtexparser
from bibtexparser import model as bp
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexWalker,
    get_default_latex_context_db,
)
from pylatexenc.macrospec import MacroSpec

from ..casing import unprotect
from ..errors import InputError
from ..model import Bibliography, Date, Name, Occurrence, Reference, Report
from ..spill import gather
from .stream import _LATEX as _LATEX_COMMAND
from .stream import LineLog, file_lines, text_lines

__all__ = [
    "CSL_TO_ENTRY_TYPE",
    "ENTRY_TYPE_TO_CSL",
    "MONTH_MACROS",
    "decode_latex",
    "iter_references",
    "loads",
    "read",
    "reference_from_fields",
]

# bibtexparser logs aborted blocks; we report them as `Unparsed` instead of printing them.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

ENTRY_TYPE_TO_CSL = {
    "article": "article-journal",
    "book": "book",
    "booklet": "pamphlet",
    "collection": "book",
    "conference": "paper-conference",
    "dataset": "dataset",
    "electronic": "webpage",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "manual": "report",
    "mastersthesis": "thesis",
    "misc": "document",
    "online": "webpage",
    "patent": "patent",
    "periodical": "periodical",
    "phdthesis": "thesis",
    "proceedings": "book",
    "report": "report",
    "software": "software",
    "techreport": "report",
    "thesis": "thesis",
    "unpublished": "manuscript",
    "www": "webpage",
}
# The entry type the writer uses for each CSL type (biblatex's data model); any other CSL type
# is written @misc (see `entry_type_for` for chapters and edited books).
CSL_TO_ENTRY_TYPE = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "review": "article",
    "review-book": "article",
    "book": "book",
    "pamphlet": "booklet",
    "chapter": "incollection",
    "entry-dictionary": "incollection",
    "entry-encyclopedia": "incollection",
    "paper-conference": "inproceedings",
    "report": "report",
    "thesis": "thesis",
    "webpage": "online",
    "post-weblog": "online",
    "software": "software",
    "dataset": "dataset",
    "patent": "patent",
    "manuscript": "unpublished",
}
# biblatex's `entrysubtype` of an @article that is not in a journal.
ARTICLE_SUBTYPES = {"article-magazine": "magazine", "article-newspaper": "newspaper"}
# What `number` means in each kind of entry (biblatex): the issue of a journal, the volume of a
# series the book belongs to, or the number of the report (patent, dataset) itself.
NUMBER_MEANING = {"article": "issue", "periodical": "issue"} | dict.fromkeys(
    ("book", "inbook", "incollection", "inproceedings", "collection", "proceedings"), "collection_number"
)
# biblatex's publication states for an undated work, and the date literal each stands for.
PUBSTATES = {"inpress": "in press", "forthcoming": "forthcoming", "submitted": "submitted"}

_MONTHS = "january february march april may june july august september october november december".split()
# BibTeX's predefined month macros (`month = mar`).
MONTH_MACROS = {name[:3]: name.capitalize() for name in _MONTHS}

# Plain-text fields: BibTeX field → model attribute (str) or CSL variable kept in `extra`.
_TEXT_FIELDS = {
    "shortjournal": "container_title_short",
    "volume": "volume",
    "supplement": "supplement",
    "pages-as-written": "page_as_written",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "issn": "ISSN",
    "publisher": "publisher",
    "note": "note",
    "isbn": "ISBN",
    "edition": "edition",
    "address": "publisher_place",
    "language": "language",
    "series": "collection_title",
    "type": "genre",
    "eventtitle": "event_title",
    "venue": "event_place",
}
_EXTRA_TEXT_FIELDS = {
    "abstract": "abstract",
    "keywords": "keyword",
    "annote": "annote",
    "chapter": "chapter-number",
    "pagetotal": "number-of-pages",
    "version": "version",
}
# Where the publisher goes in these kinds of entry (read back only from the same kinds).
PUBLISHER_FIELD = {
    "report": "institution",
    "thesis": "school",
    "online": "organization",
    "misc": "organization",
    "software": "organization",
    "manual": "organization",
}
# Containers named by `booktitle` rather than `journal`.
BOOKTITLE_TYPES = frozenset({"chapter", "paper-conference", "entry-dictionary", "entry-encyclopedia"})
# The field holding, as JSON, what plain fields cannot say: biblatex's verbatim `verba`, which
# biber accepts and no standard style prints; `myobib` is what earlier versions wrote.
OVERRIDE_FIELD = "verba"
LEGACY_OVERRIDE_FIELD = "myobib"
_PMCID_ADDENDUM = re.compile(r"PMCID: (PMC[0-9]+)")
MAX_VALUE_LENGTH = 1_000_000
BATCH_CHARS = 65_536  # entries are parsed in batches of about this size
CHUNK_CHARS = 4_000_000  # an unclosed entry is cut at the next `@` line past this size

_SPECIAL = re.compile(r"[\\{}$%~&^_#]|--|``|''|!`|\?`")
_DELIMITER = re.compile(r'\\.|[{}"]', re.DOTALL)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_L2T = LatexNodes2Text()
# Macros pylatexenc does not know (or would drop) that we decode ourselves.
_OWN_MACROS = {
    "textbraceleft": "{",
    "textbraceright": "}",
    "textbackslash": "\\",
    "textasciicircum": "^",
    "textasciitilde": "~",
    "url": None,
}
_HARMLESS_EMPTY = frozenset({"-", "/", "relax", "protect", "nobreak", ",", "@", "noindent"})
_RICH_MACROS = {
    "textit": ("<i>", "</i>"),
    "emph": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"),
    "textsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
}
_NOCASE = ('<span class="nocase">', "</span>")
# pylatexenc's parser does not know that these take an argument (it would leave `\\textsubscript{2}` as is)
_WALKER_CONTEXT = get_default_latex_context_db().filter_context(keep_categories=None)
_WALKER_CONTEXT.add_context_category(
    "myobib-rich", macros=[MacroSpec(name, "{") for name in ("textsuperscript", "textsubscript", "textsc")]
)
# `Family, Given`: family words capitalised (no particle), nothing BibTeX treats specially.
_SIMPLE_NAME = re.compile(r"([^\s,{}\\~]+(?: [^\s,{}\\~]+)*), ([^,{}\\~]*[^\s,{}\\~])")
_INITIALS = re.compile(r"[^\W\d_]\.(?: [^\W\d_]\.)*|[^\W\d_]\.(?:-[^\W\d_]\.)+")  # `I. E.`, `J.-P.`
_FIELD_NAME = re.compile(r"[A-Za-z][\w\-:.+]*")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class _BadEntry(Exception):
    """An entry that cannot become a reference; the message is the reason."""


# -- LaTeX decoding -----------------------------------------------------------------------------


def decode_latex(text: str, rich: bool = False) -> str:
    """LaTeX to Unicode text, whitespace runs collapsed; `rich` keeps markup as CSL rich text.

    A raw `%` stays a percent sign (BibTeX has no comments inside values) and unknown
    macros stay as written, so nothing is silently dropped.
    """
    return _decoded(text, rich)[0]


def _decoded(text: str, rich: bool) -> tuple[str, bool]:
    """The decoded text and whether decoding worked (else the text is kept as written)."""
    return _decode_short(text, rich) if len(text) <= 300 else _decode(text, rich)


@functools.lru_cache(maxsize=8192)
def _decode_short(text: str, rich: bool) -> tuple[str, bool]:
    return _decode(text, rich)


def _decode(text: str, rich: bool) -> tuple[str, bool]:
    ok = True
    if _SPECIAL.search(text):
        try:
            nodes = LatexWalker(text, latex_context=_WALKER_CONTEXT, tolerant_parsing=True).get_latex_nodes()[0]
            text = _nodes_text(nodes, rich, protected=False)
        except Exception:  # pylatexenc on hostile input (e.g. RecursionError): keep the text as written
            ok = False
    return _SPACES.sub(" ", text).strip(" "), ok


def _nodes_text(nodes: Iterable[Any] | None, rich: bool, protected: bool) -> str:
    out: list[str] = []
    verbatim = False
    for node in nodes or ():
        # an unknown macro keeps its arguments: the groups and unspaced text right after it
        if verbatim and (
            isinstance(node, LatexGroupNode) or isinstance(node, LatexCharsNode) and not _SPACES.search(node.chars)
        ):
            out.append(node.latex_verbatim())
            continue
        verbatim = isinstance(node, LatexMacroNode) and _unknown(node)
        out.append(node.latex_verbatim() if verbatim else _node_text(node, rich, protected))
    return "".join(out)


def _unknown(node: Any) -> bool:
    """A macro we cannot decode; it is kept as written, with its braced arguments."""
    name = node.macroname
    return name not in _RICH_MACROS and name not in _OWN_MACROS and _L2T.latex_context.get_macro_spec(name) is None


def _node_text(node: Any, rich: bool, protected: bool) -> str:
    if node is None:
        return ""
    if isinstance(node, LatexCharsNode):
        return node.chars
    if isinstance(node, LatexCommentNode):
        return "%" + node.comment + node.comment_post_space
    if isinstance(node, LatexGroupNode):
        inner = _nodes_text(node.nodelist, rich, protected or _protects(node))
        if rich and not protected and _protects(node):
            return _NOCASE[0] + inner + _NOCASE[1]
        return inner
    if isinstance(node, LatexMacroNode):
        return _macro_text(node, rich, protected)
    return _L2T.nodelist_to_text([node])


def _protects(group: Any) -> bool:
    """A braced group protects case when it holds letters, not just one accented character."""
    for child in group.nodelist or ():
        if isinstance(child, LatexCharsNode) and any(ch.isalnum() for ch in child.chars):
            return True
        if isinstance(child, LatexGroupNode) and _protects(child):
            return True
        if isinstance(child, LatexMacroNode) and child.macroname in _RICH_MACROS:
            return True
    return False


def known_text_macro(name: str) -> bool:
    """Is `\\name` a command the decoder reads as text (an accent, a symbol, `\\textit` …), and
    not one that reads or writes files or defines commands?"""
    if name in _RICH_MACROS or name in _OWN_MACROS or name in _HARMLESS_EMPTY:
        return True
    return _LATEX_COMMAND.match("\\" + name) is None and _L2T.latex_context.get_macro_spec(name) is not None


def _macro_args(node: Any) -> list[Any]:
    args = node.nodeargd.argnlist if node.nodeargd is not None else []
    return [arg for arg in args if arg is not None]


def _macro_text(node: Any, rich: bool, protected: bool) -> str:
    name = node.macroname
    if name in _RICH_MACROS and _macro_args(node):
        arg = _macro_args(node)[-1]
        inner = _nodes_text(arg.nodelist if isinstance(arg, LatexGroupNode) else [arg], rich, protected)
        if rich:
            opening, closing = _RICH_MACROS[name]
            return opening + inner + closing
        return inner
    if name in _OWN_MACROS:
        return _OWN_MACROS[name] or node.latex_verbatim()
    text = _L2T.nodelist_to_text([node])
    if not text and name not in _HARMLESS_EMPTY:
        return node.latex_verbatim()
    return text


# -- values and names -----------------------------------------------------------------------------


def _resolve(raw: str, strings: Mapping[str, str], undefined: list[str]) -> str:
    """Expand a raw BibTeX value: `{…}`, `"…"`, numbers and macros joined by `#`."""
    parts: list[str] = []
    size = 0
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch.isspace() or ch == "#":
            i += 1
            continue
        if ch in '{"':
            end = _closing(raw, i)
            parts.append(raw[i + 1 : end])
            i = end + 1
        else:
            j = i
            while j < n and not raw[j].isspace() and raw[j] not in '#{"':
                j += 1
            word = raw[i:j]
            i = j
            if word.isdigit():
                parts.append(word)
            elif word.lower() in strings:
                parts.append(strings[word.lower()])
            else:
                undefined.append(word)
                parts.append(word)
        size += len(parts[-1])
        if size > MAX_VALUE_LENGTH and size > len(raw):
            raise _BadEntry(f"value longer than {MAX_VALUE_LENGTH} characters after macro expansion")
    return "".join(parts)


def _closing(raw: str, start: int) -> int:
    """Index of the brace or quote closing the one at `start` (bibtexparser's rules)."""
    depth = 0
    quote = raw[start] == '"'
    found = _DELIMITER.search(raw, start + 1 if quote else start)
    while found:
        ch, i = found.group(), found.start()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and not quote:
                return i
        elif ch == '"' and quote and depth == 0:
            return i
        found = _DELIMITER.search(raw, found.end())
    return len(raw)


def _whole_group(text: str) -> bool:
    return text.startswith("{") and text.endswith("}") and _closing(text, 0) == len(text) - 1


def parse_names(raw: str, problems: list[str] | None = None) -> tuple[tuple[Name, ...], bool]:
    """A BibTeX name list into names and whether it ended with `and others`.

    A name BibTeX cannot split (too many commas) is kept whole as a group name and
    noted in `problems`.
    """
    names: list[Name] = []
    et_al = False
    for part in split_multiple_persons_names(raw):
        part = part.strip()
        if not part:
            continue
        if part.lower() == "others":
            et_al = True
            continue
        name = _parse_name(part)
        if name is None:
            name = Name(literal=decode_latex(part))
            if problems is not None:
                problems.append(f"name {part!r} cannot be split; kept whole as a group name")
        names.append(name)
    return tuple(names), et_al


def _parse_name(text: str) -> Name | None:
    return _parse_short_name(text) if len(text) <= 200 else _split_name(text)


@functools.lru_cache(maxsize=16384)
def _parse_short_name(text: str) -> Name | None:
    return _split_name(text)


def _split_name(text: str) -> Name | None:
    """One BibTeX name as a `Name`, or None when BibTeX rules cannot split it."""
    if _whole_group(text):
        return Name(literal=decode_latex(text[1:-1]))
    simple = _SIMPLE_NAME.fullmatch(text)
    # `Family, Given` without braces, macros or particles needs no full BibTeX name rules
    if simple and all(token[0].isupper() for token in simple[1].split()):
        last, von, jr, first = simple[1].split(), [], [], simple[2].split()
    else:
        try:
            parts = parse_single_name_into_parts(text, strict=True)
        except (InvalidNameError, ValueError, IndexError):
            return None
        last, von, jr, first = parts.last, parts.von, parts.jr, parts.first

    def join(tokens: list[str]) -> str | None:
        return decode_latex(" ".join(tokens)) or None

    given_tokens = list(first)
    dropping: list[str] = []
    while len(given_tokens) > 1 and _lower_word(given_tokens[-1]):
        dropping.insert(0, given_tokens.pop())
    given = join(given_tokens)
    if given and _INITIALS.fullmatch(given) and given.replace(".", "").replace(" ", "").isupper():
        given = given.replace(".", "").replace(" ", "")
    return Name(
        family=join(last),
        given=given,
        suffix=join(jr),
        dropping_particle=join(dropping),
        non_dropping_particle=join(von),
    )


def _lower_word(token: str) -> bool:
    letters = [ch for ch in decode_latex(token) if ch.isalpha()]
    return bool(letters) and letters[0].islower()


def _month(text: str) -> int | None:
    text = text.strip().rstrip(".").lower()
    if re.fullmatch(r"[0-9]{1,2}", text) and 1 <= int(text) <= 12:
        return int(text)
    for number, name in enumerate(_MONTHS, 1):
        if len(text) >= 3 and name.startswith(text):
            return number
    return None


def _date_parts(text: str) -> list[int] | None:
    found = _ISO_DATE.fullmatch(text.strip())
    if not found:
        return None
    parts = [int(p) for p in found.groups() if p is not None]
    if len(parts) > 1 and not 1 <= parts[1] <= 12 or len(parts) > 2 and not 1 <= parts[2] <= 31:
        return None
    return parts


# -- fields → reference ----------------------------------------------------------------------


def reference_from_fields(entry_type: str, key: str, fields: Mapping[str, str]) -> tuple[Reference, list[str]]:
    """One entry's fields (names lower-case, macros expanded, LaTeX as written) as a reference.

    Returns the reference and warnings (e.g. an unreadable `verba` field).
    """
    warnings: list[str] = []
    entry_type = entry_type.lower()
    kind = entry_kind(entry_type)
    csl_type = ENTRY_TYPE_TO_CSL.get(entry_type, "document")
    subtype = fields.get("entrysubtype", "").strip().lower()
    if kind == "article" and subtype in ARTICLE_SUBTYPES.values():
        csl_type = next(t for t, s in ARTICLE_SUBTYPES.items() if s == subtype)
    values: dict[str, Any] = {"id": key, "type": csl_type}
    extra: dict[str, Any] = {}
    raw: dict[str, str] = {}
    year = month = date = pubstate = None
    overrides: list[tuple[str, str]] = []
    # the container: `journal`, else biblatex's `journaltitle`, else `booktitle`
    container = next((n for n in ("journal", "journaltitle", "booktitle") if n in fields), None)
    number_meaning = NUMBER_MEANING.get(kind, "number")
    publisher_fields = (PUBLISHER_FIELD.get(kind, "publisher"), "institution" if kind == "thesis" else "publisher")
    pubmed = fields.get("eprinttype", "").strip().lower() == "pubmed"

    def text(name: str, value: str, rich: bool = False) -> str:
        decoded, ok = _decoded(value, rich)
        if not ok:
            warnings.append(f"entry {key}: field {name}: LaTeX could not be decoded; kept as written")
        return decoded

    for name, value in fields.items():
        if name in ("author", "bookauthor"):
            names, others = parse_names(value, warnings)
            if name == "author":
                values["author"], values["et_al"] = names, others
            elif others:
                raw[name] = value
            else:
                values["container_author"] = names
        elif name == "editor":
            editors, others = parse_names(value, warnings)
            if others:
                raw[name] = value
            else:
                values["editor"] = tuple(editors)
        elif name == "title":
            values["title"] = unprotect(text(name, value, rich=True), sentence_starts=True)
        elif name == "shorttitle":
            extra["title-short"] = unprotect(text(name, value, rich=True), sentence_starts=True)
        elif name == container:
            values["container_title"] = text(name, value)
        elif name == "location" and "address" not in fields:
            values["publisher_place"] = text(name, value)
        elif name == "pages":
            page = text(name, value.replace("--", "-"))
            values["page"] = page
            values["page_first"] = page.split("-")[0] or None
        elif name in ("doi", "url"):
            verbatim = value.strip()
            if verbatim.startswith("\\url{") and verbatim.endswith("}"):
                verbatim = verbatim[5:-1]
            values[name.upper()] = verbatim
        elif name == "number":
            values[number_meaning] = text(name, value)
        elif name == "eid" and not (number_meaning == "number" and "number" in fields):
            values["number"] = text(name, value)
        elif name == "eprint" and pubmed and "pmid" not in fields:
            values["PMID"] = text(name, value)
        elif name == "eprinttype" and pubmed and "pmid" not in fields and "eprint" in fields:
            continue
        elif name == "addendum" and _PMCID_ADDENDUM.fullmatch(value.strip()) and "pmcid" not in fields:
            values["PMCID"] = _PMCID_ADDENDUM.fullmatch(value.strip())[1]  # type: ignore[index]
        elif name == "entrysubtype" and csl_type in ARTICLE_SUBTYPES:
            continue
        elif name in _TEXT_FIELDS:
            values[_TEXT_FIELDS[name]] = text(name, value)
        elif name in _EXTRA_TEXT_FIELDS:
            extra[_EXTRA_TEXT_FIELDS[name]] = text(name, value)
        elif name in publisher_fields and "publisher" not in fields:
            values["publisher"] = text(name, value)
        elif name == "urldate" and _date_parts(value):
            values["accessed"] = Date(*_date_parts(value))
        elif name == "year":
            year = text(name, value)
        elif name == "month" and _month(decode_latex(value)):
            month = _month(decode_latex(value))
        elif name == "date":
            date = text(name, value)
        elif name == "pubstate" and value.strip().lower() in PUBSTATES and not ({"year", "date"} & fields.keys()):
            pubstate = PUBSTATES[value.strip().lower()]
        elif name in (OVERRIDE_FIELD, LEGACY_OVERRIDE_FIELD) and (name == LEGACY_OVERRIDE_FIELD or _is_override(value)):
            overrides.append((name, value))
        else:
            raw[name] = value
    issued = _issued(year, month, date, raw, fields) or (Date(literal=pubstate) if pubstate else None)
    if issued is not None:
        values["issued"] = issued
    if raw:
        extra["bibtex"] = raw
    values["extra"] = extra
    ref = Reference(**values)
    if entry_type_for(ref) != entry_type:
        ref = ref.replace(extra={**extra, "bibtex-type": entry_type})
    for name, override in overrides:
        try:
            ref = apply_override(ref, json.loads(override))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            warnings.append(f"entry {key}: unreadable '{name}' field kept as is ({exc})")
            ref = ref.replace(extra={**ref.extra, "bibtex": {**ref.extra.get("bibtex", {}), name: override}})
    return ref, warnings


def _is_override(value: str) -> bool:
    """Is this `verba` value myobib's JSON (an object of `csl` and `custom` changes)?"""
    try:
        data = json.loads(value)
    except ValueError:
        return False
    return isinstance(data, dict) and bool(data) and data.keys() <= {"csl", "custom"}


@functools.cache
def datamodel() -> dict[str, Any]:
    """biblatex's data model as far as myobib writes it: the fields each entry type admits."""
    with resources.files("myobib").joinpath("data/biblatex-datamodel.json").open(encoding="utf-8") as handle:
        return dict(json.load(handle))


def entry_kind(entry_type: str) -> str:
    """The biblatex entry type a classic BibTeX one stands for (`techreport` → `report`)."""
    return str(datamodel()["type_aliases"].get(entry_type, entry_type))


def entry_type_for(ref: Reference) -> str:
    """The entry type `ref` is written as: its own (`extra["bibtex-type"]`) when that means the same
    CSL type, else `CSL_TO_ENTRY_TYPE`'s, where biblatex's required fields decide between two: a
    chapter is @inbook unless it has editors and no book author (@incollection requires editors and
    has no book author), an edited book without authors a @collection."""
    own = ref.extra.get("bibtex-type")
    if isinstance(own, str) and _FIELD_NAME.fullmatch(own) and ENTRY_TYPE_TO_CSL.get(own, "document") == ref.type:
        return own
    entry_type = CSL_TO_ENTRY_TYPE.get(ref.type, "misc")
    if entry_type == "incollection" and (ref.container_author or not ref.editor):
        return "inbook"
    if entry_type == "book" and ref.editor and not ref.author and not ref.et_al:
        return "collection"
    return entry_type


def _issued(
    year: str | None, month: int | None, date: str | None, raw: dict[str, str], fields: Mapping[str, str]
) -> Date | None:
    y = d = None
    literal = None
    if year is not None:
        if re.fullmatch(r"[0-9]{1,4}", year):
            y = int(year)
        else:
            literal = year
    if date is not None:
        parts = _date_parts(date)
        if parts is not None:
            y, month, d = (parts + [None, None])[:3]
        elif literal is None:
            literal = date
        else:
            raw["date"] = fields["date"]
    if y is None and month is None and literal is None:
        return None
    return Date(y, month, d, literal)


def apply_override(ref: Reference, override: Mapping[str, Any]) -> Reference:
    """Apply a `myobib` field: CSL variables (`csl`) and `custom` keys, `null` removing one."""
    data = ref.to_csl()
    for key, value in override.get("csl", {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    custom = dict(data.get("custom", {}))
    for key, value in override.get("custom", {}).items():
        if value is None:
            custom.pop(key, None)
        else:
            custom[key] = value
    data["custom"] = custom
    return Reference.from_csl(data)


# -- the file -------------------------------------------------------------------------------------


def loads(text: str, source: str = "<string>") -> Bibliography:
    """Parse BibTeX text; every block that cannot be read is reported in `report.unparsed`."""
    log = LineLog(source)
    return _bibliography(text_lines(text, log), log)


def read(path: str | os.PathLike[str]) -> Bibliography:
    """Read a BibTeX file (any encoding), streaming it entry by entry."""
    log = LineLog(os.path.basename(str(path)))
    return _bibliography(file_lines(path, log), log)


def _bibliography(lines: Iterable[tuple[int, str]], log: LineLog) -> Bibliography:
    header: dict[str, Any] = {}
    references = gather(iter_references(lines, log, header))
    log.finish()
    if not references:
        raise InputError("no BibTeX entries found", log.source, min((u.line for u in log.unparsed), default=None))
    return Bibliography(references, header, Report(log.unparsed, [], log.warnings))


@dataclass
class _State:
    """What one file's entries share: macros, keys seen, preambles."""

    header: dict[str, Any]
    strings: dict[str, str] = field(default_factory=lambda: dict(MONTH_MACROS))
    first_line_of: dict[str, int] = field(default_factory=dict)


def iter_references(
    lines: Iterable[tuple[int, str]], log: LineLog, header: dict[str, Any] | None = None
) -> Iterator[Reference]:
    """Read references from numbered lines one entry at a time, so a file need not fit in memory.

    Lines are cut into batches of whole entries at lines starting with `@` outside
    braces (or past `CHUNK_CHARS` inside an unclosed one); problems go to `log`,
    preambles to `header["bibtex-preamble"]`.
    """
    state = _State(header if header is not None else {})
    chunk: list[str] = []
    start = size = depth = 0
    for number, line in lines:
        if chunk and line.lstrip().startswith("@") and (depth <= 0 and size > BATCH_CHARS or size > CHUNK_CHARS):
            yield from _chunk_references("\n".join(chunk), start, log, state)
            chunk, size, depth = [], 0, 0
        if not chunk:
            start = number
        chunk.append(line)
        size += len(line) + 1
        if "{" in line or "}" in line:
            depth += _brace_delta(line)
    if chunk:
        yield from _chunk_references("\n".join(chunk), start, log, state)


def _brace_delta(line: str) -> int:
    delta = 0
    for found in _DELIMITER.finditer(line):
        delta += {"{": 1, "}": -1}.get(found.group(), 0)
    return delta


def _chunk_references(text: str, first_line: int, log: LineLog, state: _State) -> Iterator[Reference]:
    source = log.source
    for block in bibtexparser.parse_string(text, parse_stack=[]).blocks:
        line = first_line + (block.start_line or 0)
        raw_text = block.raw or ""
        if isinstance(block, bp.ParsingFailedBlock):
            log.unparse(line, raw_text, _failure_reason(block, state.first_line_of))
        elif isinstance(block, bp.Entry):
            if block.key in state.first_line_of:
                first = state.first_line_of[block.key]
                log.unparse(line, raw_text, f"duplicate citation key '{block.key}' (first used on line {first})")
                continue
            try:
                ref, warnings = _entry_reference(block, state.strings)
            except _BadEntry as exc:
                log.unparse(line, raw_text, str(exc))
                continue
            for kind, message in warnings:
                log.warn(line, kind, message)
            state.first_line_of[block.key] = line
            end = line + raw_text.count("\n")
            yield ref.replace(provenance=(Occurrence(source, line, end, raw_text, key=block.key),))
        elif isinstance(block, bp.String):
            undefined: list[str] = []
            try:
                state.strings[block.key.lower()] = _resolve(block.value, state.strings, undefined)
            except _BadEntry as exc:
                log.unparse(line, raw_text, str(exc))
                continue
            for word in undefined:
                log.warn(line, "undefined macros", f"@string {block.key}: undefined macro '{word}' kept as text")
        elif isinstance(block, bp.Preamble):
            try:
                state.header.setdefault("bibtex-preamble", []).append(_resolve(block.value, state.strings, []))
            except _BadEntry as exc:
                log.unparse(line, raw_text, str(exc))
        elif isinstance(block, bp.ImplicitComment):
            for offset, content in enumerate(raw_text.split("\n")):
                if content.strip() and not content.lstrip().startswith("%"):
                    log.unparse(line + offset, content, "text outside any BibTeX entry")


def _entry_reference(block: bp.Entry, strings: Mapping[str, str]) -> tuple[Reference, list[tuple[str, str]]]:
    """The entry's reference and its (kind, message) warnings."""
    fields: dict[str, str] = {}
    warnings: list[tuple[str, str]] = []
    for fld in block.fields:
        name = fld.key.lower()
        if name in fields:
            raise _BadEntry(f"duplicate field '{name}' in entry '{block.key}'")
        undefined: list[str] = []
        fields[name] = _resolve(fld.value, strings, undefined)
        warnings.extend(
            ("undefined macros", f"entry {block.key}: field {name}: undefined macro '{w}' kept as text")
            for w in undefined
        )
    if not block.key or any(ch.isspace() or ch in '{}",=' for ch in block.key):
        raise _BadEntry(f"invalid citation key {block.key!r}")
    ref, more = reference_from_fields(block.entry_type, block.key, fields)
    return ref, warnings + [("entries", message) for message in more]


def _failure_reason(block: bp.ParsingFailedBlock, first_line_of: Mapping[str, int]) -> str:
    if isinstance(block, bp.DuplicateBlockKeyBlock):
        first = first_line_of.get(block.key)
        return f"duplicate citation key '{block.key}'" + (f" (first used on line {first})" if first else "")
    if isinstance(block, bp.DuplicateFieldKeyBlock):
        return f"duplicate field {', '.join(sorted(block.duplicate_keys))}"
    reason = (getattr(block.error, "abort_reason", None) or str(block.error)).strip()
    return f"unreadable BibTeX entry (unbalanced braces or quotes?): {reason}" if reason else "unreadable BibTeX entry"
