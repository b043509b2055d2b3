"""The citeproc-py adapter: the only module of myobib that imports citeproc.

Styles are parsed with our own subclasses of citeproc-py's element classes (registered on a
private lxml lookup, so citeproc-py itself is left untouched). They differ from stock
citeproc-py in two ways.

Speed: the style-structure look-ups that dominate the profile (`get_macro`,
`get_layout`, terms, locale dates, name options, `substitute`, the root element, the words of each
`if` test) are memoised per style, elements without formatting attributes skip the formatter,
conditions stop once decided, sort keys are cached per (key, item content), and the citation
number is found through a dict instead of `list.index` (which made numbering quadratic); groups
count the variables their children called and printed instead of asking each child's subtree
(`calls_variable`) again for every item.

Fidelity, towards what citeproc-js prints for the same CSL-JSON, style and locale files:
- a space after the first field when the bibliography has `second-field-align` (`1. Smith`);
- `collapse="citation-number"`: runs of three or more numbers become `1–3`;
- cites keep their input order unless the citation has its own `<sort>`;
- date parts joined with the locale date's delimiter (`2017 May`), unless the style's date sets one;
- a page range whose ends are not a number and a number with the same prefix (`S57-107`,
  `19-e3`) is printed as written;
- title case splits hyphenated words (`Consensus-Based`), keeps CSL's stop words (`de`, `et`,
  …) lowercase except last, leaves mixed-case words (`mRNA`) alone, and applies only when the
  output locale is English;
- initials of a hyphenated given name drop a lowercase part (`Min-jun` → `M.`);
- a list cut with "et al." (a last `{"literal": "et al."}` name) prints the style's et-al term after
  the names it has, or after its use-first names when it truncates a list one name longer;
- a last name that is an institution is preceded by the delimiter before "and"/"&" after two or more
  names, and not after one;
- `initialize="false"` keeps full given names and only formats initials already there (`J.-P.` → `J. P.`);
- `demote-non-dropping-particle="sort-only"` sorts `de Souza` under S;
- a group is printed only when it calls no variable or prints one (citeproc-py counted a `choose`
  as a printed variable: APA's `(Publication)` for a thesis without a number);
- names a `<substitute>` printed (an edited book's editors) are not printed again, and hyphenated
  name variables (`container-author`) are found;
- sorting ignores case, accents and punctuation and compares numbers by value;
- "ed."/"eds." and other labels get the style's text case;
- a group label such as `no.` is plural only for real ranges and lists (`2-3`, not `5 Suppl 1`);
- quote terms as the locale defines them (an empty term prints nothing), “ and ” when none does.
Punctuation inside quotes and markup-crossing periods are handled on the output in `render`.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citeproc import VARIABLES, model
from citeproc.formatter import html as html_formatter
from citeproc.formatter import plain as plain_formatter
from citeproc.formatter import rst as rst_formatter
from citeproc.frontend import CitationStylesBibliography, CitationStylesStyle
from citeproc.source import Citation, CitationItem, Locator
from citeproc.source.json import CiteProcJSON
from citeproc.string import String
from lxml import etree

from ..errors import StyleError
from ..names import is_et_al
from . import markdown_formatter

__all__ = ["Engine", "SUPPORTED_KEYS", "get_engine"]

_CSL_NS = "http://purl.org/net/xbiblio/csl"
# CSL-JSON keys citeproc-py accepts without a warning.
SUPPORTED_KEYS = frozenset(
    {"id", "type"} | {v.replace("_", "-") for v in VARIABLES} | {"DOI", "ISBN", "ISSN", "PMID", "PMCID", "URL"}
)
FORMATTERS = {"text": plain_formatter, "html": html_formatter, "rst": rst_formatter, "markdown": markdown_formatter}

# CSL 1.0.2 title-case stop words (the list citeproc-js keeps lowercase).
_STOP_WORDS = frozenset(
    """a according aboard about above across afore after against ahead along alongside amid amidst among
    amongst an and anenst apart apropos apud around as aside astride at athwart atop barring before behind
    below beneath beside besides between beyond but by c ca circa d' de despite down during et except for
    forenenst from given in inside into lest like modulo near next nor notwithstanding of off on onto or
    out over per plus pro qua sans since so than the through thru throughout thruout till to toward towards
    under underneath until unto up upon v v. van versus via vis-à-vis von vs vs. with within without yet""".split()
)
_NAME_VARIABLES = frozenset(
    """collection-editor container-author editorial-director executive-producer original-author
    reviewed-author script-writer series-creator""".split()
)
_NUMBERED = re.compile(r"([A-Za-z]*)(\d+)")
_BARE_NUMBER = re.compile(r"(\D{0,3}?)(\d+)(\D{0,3})")
_INITIAL = re.compile(r"(?:[A-Z]\.?-?)+")
_PLURAL = re.compile(r"\d+\s*(?:[-\u2013,&]|and)\s*[A-Za-z]*\d+")


# -- memoised structure look-ups ------------------------------------------------------------------


def _memo(element: Any, kind: str) -> dict:
    caches = element.__dict__.get("_myobib_memo")
    if caches is None:
        caches = element.get_root().__dict__.setdefault("_myobib_memo", {})
    try:
        return caches[kind]
    except KeyError:
        return caches.setdefault(kind, {})


_FORMAT_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class _Fast:
    """Memoised versions of the structure-only look-ups every element makes.

    `_Style` stores the root and the memo dict on every element of the style once parsed.
    """

    def get_root(self):
        root = self.__dict__.get("_myobib_root")
        return root if root is not None else super().get_root()

    def get_formatter(self):
        return self.get_root().formatter

    def format(self, string):
        # Most elements carry no formatting attribute: skip citeproc-py's five formatter calls.
        formatted = self.__dict__.get("_myobib_formatted")
        if formatted is None:
            formatted = self.__dict__["_myobib_formatted"] = any(n in self.attrib for n in _FORMAT_ATTRIBUTES)
        if formatted:
            return super().format(string)
        return str(string) if isinstance(string, int | float) else string

    def get_macro(self, name):
        cache = _memo(self, "macro")
        try:
            return cache[name]
        except KeyError:
            cache[name] = macro = super().get_macro(name)
            return macro

    def get_term(self, *args, **kwargs):
        if isinstance(self, model.Locale):  # a style's own <locale> answers for itself only
            return super().get_term(*args, **kwargs)
        cache = _memo(self, "term")
        key = (args, tuple(sorted(kwargs.items())))
        try:
            return cache[key]
        except KeyError:
            cache[key] = term = super().get_term(*args, **kwargs)
            return term

    def get_date(self, form):
        cache = _memo(self, "date")
        try:
            return cache[form]
        except KeyError:
            cache[form] = date = super().get_date(form)
            return date

    def get_layout(self):
        cache = _memo(self, "layout")
        try:
            return cache[id(self)]
        except KeyError:
            cache[id(self)] = layout = super().get_layout()
            return layout


def _title_case(text: Any) -> Any:
    """CSL title case as citeproc-js applies it: words split at spaces and hyphens."""
    words = re.split(r"(\s+|-|/)", str(text))
    last = max((i for i, w in enumerate(words) if w and not w.isspace() and w not in "-/"), default=-1)
    out = []
    first = True
    after_colon = False
    for i, piece in enumerate(words):
        if not piece or piece.isspace() or piece in "-/":
            out.append(piece)
            continue
        core = piece.lstrip("“‘\"'(")
        lead = piece[: len(piece) - len(core)]
        if (
            core[:1].islower()
            and core.islower()
            and (first or after_colon or (i == last and len(core) > 1) or core.lower().rstrip(",;:") not in _STOP_WORDS)
        ):
            core = core[:1].upper() + core[1:]
        out.append(lead + core)
        first = False
        after_colon = piece.endswith((":", "?", "!", "."))
    result = "".join(out)
    return result


class _Cased:
    def case(self, text, language=None):
        if self.get("text-case") == "title" and text is not None:
            if language not in (None, "en"):
                return text
            return _map_string(text, _title_case)
        return super().case(text, language)


def _map_string(text: Any, func) -> Any:
    """Apply `func` to the case-changeable parts of a citeproc String/MixedString."""
    from citeproc.string import MixedString, NoCase, String

    if isinstance(text, MixedString):
        # Title-case the whole run, then keep nocase pieces as they were.
        plain = "".join(str(p) for p in text)
        cased = func(plain)
        out = MixedString()
        pos = 0
        for part in text:
            piece = str(part)
            chunk = piece if isinstance(part, NoCase) else cased[pos : pos + len(piece)]
            out += NoCase(chunk) if isinstance(part, NoCase) else String(chunk)
            pos += len(piece)
        return out
    if isinstance(text, NoCase):
        return text
    if isinstance(text, String):
        return String(func(str(text)))
    return func(str(text))


class _Numbers:
    def _process(self, value, variable):
        if variable.startswith("page"):
            value = _pages(str(value), variable, self.get_root().get_option("page-range-format"))
            if value is None:
                return None
            if isinstance(value, tuple):  # kept as written
                return value[0]
            if isinstance(value, _Prefixed):
                return model.join([value.prefix, super()._process(str(value), variable)], "")
        return super()._process(value, variable)


def _pages(text: str, variable: str, range_format: str | None) -> Any:
    """Page ranges made ready for citeproc-py's range formatting, as citeproc-js reads them.

    Abbreviated ends are expanded first when the style sets a range format (`245-58` →
    `245-258`). A range whose ends do not share their letter prefix (`S57-107`, `19-e3`) is
    returned as written, in a 1-tuple. With a common prefix and an abbreviating format the prefix
    is kept on the first end only (`S57–107`).
    """
    parts = re.split(r"(\s*[,&]\s*)", text)
    out = []
    prefixed = None
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        ends = re.split(r"\s*(?:-+|\u2013)\s*", part.strip())
        if len(ends) != 2:
            out.append(part)
            continue
        a, b = (_NUMBERED.fullmatch(e) for e in ends)
        if not (a and b and a.group(1) == b.group(1)):
            if variable == "page-first":
                return (ends[0],)
            return (text,)
        first, last = a.group(2), b.group(2)
        if (
            range_format is not None
            and len(last) < len(first)
            and int(first[: len(first) - len(last)] + last) >= int(first)
        ):
            last = first[: len(first) - len(last)] + last
        if a.group(1) and range_format not in (None, "expanded"):
            prefixed = a.group(1)
            out.append(f"{first}-{last}")
        else:
            out.append(f"{a.group(1)}{first}-{b.group(1)}{last}")
    joined = "".join(out)
    return joined if prefixed is None else _Prefixed(prefixed, joined)


class _Prefixed(str):
    """A page range whose common letter prefix goes back on after formatting."""

    def __new__(cls, prefix: str, text: str):
        value = super().__new__(cls, text)
        value.prefix = prefix
        return value


class _Quoted:
    def quote(self, string):
        if self.get("quotes", "false").lower() == "true":
            return _term(self, "open-quote", "\u201c") + string + _term(self, "close-quote", "\u201d")
        return string


def _term(element: Any, name: str, default: str) -> str:
    """A locale term; `default` only when no locale defines it (an empty term stays empty, as in citeproc-js)."""
    term = element.get_term(name)
    return default if term is None else str(term.single or "")


# Variables called and printed so far (renders run under the engine's lock): a group is printed only
# when the elements it rendered called no variable or printed one, as CSL says and citeproc-js does.
_called = [0]
_printed = [0]


class _CountsVariables:
    def render(self, *args, **kwargs):
        if isinstance(self, model.Text) and not self.get("variable"):
            return super().render(*args, **kwargs)
        _called[0] += 1
        text = super().render(*args, **kwargs)
        if text:
            _printed[0] += 1
        return text


class _Group:
    def process(self, item, context=None, **kwargs):
        output = []
        called, printed = _called[0], _printed[0]
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
        if output and (_called[0] == called or _printed[0] > printed):
            return self.join(output)
        raise model.VariableError


class _Substitute:
    def add_to_repressed_list(self, child, context):
        # A macro that stood in for the author represses the names it printed, as a `<names>` child does.
        names = [child] if child.tag == f"{{{_CSL_NS}}}names" else []
        if child.get("macro"):
            names = list(child.get_macro(child.get("macro")).iter(f"{{{_CSL_NS}}}names"))
        repressed = context.get_layout().repressed.setdefault(f"{{{_CSL_NS}}}names", [])
        for element in names:
            repressed.extend((element.get("variable") or "").split())
        super().add_to_repressed_list(child, context)


class _Layout:
    def render_citation(self, citation, callback):
        bibliography = citation.bibliography
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        parent = self.getparent()
        if parent.sort is not None:
            good = sorted(good, key=lambda item: bibliography.position(item.key))
            good = parent.sort.sort(good, self)
        out, numbers = [], []
        for item in good:
            self.repressed = {}
            try:
                text = self.render_children(item)
            except model.VariableError:
                continue
            if text is None:
                continue
            prefix, suffix = item.get("prefix", ""), item.get("suffix", "")
            out.append(prefix + text + suffix)
            number = _BARE_NUMBER.fullmatch(str(text)) if not prefix and not suffix else None
            numbers.append(number.groups() if number and number.group(2) == str(item.number) else None)
            parent.cites.append(item)
        if parent.get("collapse") == "citation-number" and out and None not in numbers:
            out = _collapse_numbers(numbers, self.unicode_character("EN DASH"))
        for item in bad:
            out.append(callback(item) or f"{item.key}?")
        return self.format(self.wrap(self.join(out)))

    def render_bibliography(self, citation_items):
        parent = self.getparent()
        align = parent.get("second-field-align")
        children = list(self.iterchildren())
        output = []
        for item in citation_items:
            self.repressed = {}
            if align and len(children) > 1:
                first = self._render_some(item, children[:1])
                rest = self._render_some(item, children[1:])
                body = model.join([first, rest], " ") if first and rest else first or rest
            else:
                body = self.render_children(item)
            text = self.format(self.wrap(body))
            if text is not None:
                output.append(text)
        return output

    def _render_some(self, item, children):
        parts = []
        for child in children:
            try:
                text = child.render(item)
            except model.VariableError:
                continue
            if text is not None:
                parts.append(text)
        return model.join(parts, self.get("delimiter", "")) if parts else None


def _collapse_numbers(numbers: list[tuple[str, str, str]], dash: str) -> list[str]:
    """Runs of three or more consecutive citation numbers as `1–3` (`[1]–[3]` with affixes)."""
    out: list[str] = []
    run: list[tuple[str, str, str]] = []
    for cite in numbers:
        if run and int(cite[1]) == int(run[-1][1]) + 1:
            run.append(cite)
            continue
        out.extend(_flush(run, dash))
        run = [cite]
    out.extend(_flush(run, dash))
    return out


def _flush(run: list[tuple[str, str, str]], dash: str) -> list[str]:
    if len(run) >= 3:
        return ["".join(run[0]) + dash + "".join(run[-1])]
    return ["".join(cite) for cite in run]


class _Date:
    def is_locale_date(self):
        cache = _memo(self, "locale-date")
        try:
            return cache[id(self)]
        except KeyError:
            cache[id(self)] = value = super().is_locale_date()
            return value

    def render_single_date(self, date, show_parts=None, context=None):
        if self.is_locale_date() and context is not None and context is not self and context.get("delimiter") is None:
            parts = self.parts(date, show_parts, context)
            return self.join(parts) if parts else None
        return super().render_single_date(date, show_parts, context)


class _Names:
    def process(self, item, names_context=None, context=None, **kwargs):
        # Names a `<substitute>` printed in place of the author are not printed again (citeproc-py
        # represses substituted text variables only): the edited book's editors once, not twice.
        variable = self.get("variable") or ""
        try:
            repressed = (context if context is not None else self).get_layout().repressed.get(self.tag, ())
        except (AttributeError, IndexError):
            repressed = ()
        roles = [role for role in variable.split() if role not in repressed]
        if len(roles) == len(variable.split()):
            return super().process(item, names_context=names_context, context=context, **kwargs)
        if not roles:
            raise model.VariableError
        self.set("variable", " ".join(roles))
        try:
            return super().process(item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", variable)

    def substitute(self):
        cache = _memo(self, "substitute")
        try:
            return cache[id(self)]
        except KeyError:
            cache[id(self)] = value = super().substitute()
            return value

    def get_parent_delimiter(self, context=None):
        cache = _memo(self, "names-delimiter")
        key = (id(self), id(context))
        try:
            return cache[key]
        except KeyError:
            cache[key] = value = super().get_parent_delimiter(context)
            return value


class _SortKeys:
    def sort_keys(self, items, context):
        """Sort keys, each computed once per (key, item content) and reused across calls."""
        if not items or self.get("variable") == "citation-number":
            return super().sort_keys(items, context)
        cache = _memo(self, "sort-keys")
        hashes = items[0].bibliography.hashes
        out = [cache.get((id(self), id(context), hashes.get(item.key))) for item in items]
        missing = [i for i, value in enumerate(out) if value is None]
        if missing:
            fresh = super().sort_keys([items[i] for i in missing], context)
            for i, value in zip(missing, fresh, strict=True):
                out[i] = value
                if value is not None and hashes.get(items[i].key) is not None:
                    cache[(id(self), id(context), hashes[items[i].key])] = value
        return out


class _Name:
    def get_option(self, name, context=None, sort_options=None):
        if sort_options and name in sort_options:
            return super().get_option(name, context, sort_options)
        cache = _memo(self, "name-option")
        key = (id(self), id(context), name)
        try:
            return cache[key]
        except KeyError:
            cache[key] = value = super().get_option(name, context, sort_options)
            return value

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        if sort_options is not None and self.get_option("demote-non-dropping-particle", context) == "sort-only":
            sort_options = dict(sort_options, **{"demote-non-dropping-particle": "display-and-sort"})
        names = item.reference.get(variable, [])
        if len(names) > 1 and is_et_al(names[-1]) and sort_options is None:  # sort keys: every name, as citeproc-js
            # A list cut with "et al." (`myobib.names.ET_AL` last): one name more than it shows. A style
            # that truncates at that count prints its use-first names, any other all the names there are,
            # and either way its own et-al term after them.
            count = len(names) - 1
            et_al_min = self.get_option("et-al-min", context, sort_options)
            shown = count
            if et_al_min and count + 1 >= et_al_min:
                shown = min(count, self.get_option("et-al-use-first", context, sort_options))
            cut = dict(sort_options or {}, **{"et-al-min": str(count + 1), "et-al-use-first": str(shown)})
            cut["et-al-use-last"] = "false"
            if shown == count:  # the term takes the place of one more name: after the delimiter, without "and"
                cut["delimiter-precedes-et-al"] = "always"
            return super().process(item, variable, context=context, sort_options=cut, **kwargs)
        if len(names) > 1 and "literal" in names[-1]:
            et_al_min = self.get_option("et-al-min", context, sort_options)
            if not (et_al_min and len(names) >= et_al_min):
                precedes = "always" if len(names) > 2 else "never"
                sort_options = dict(sort_options or {}, **{"delimiter-precedes-last": precedes})
        return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)

    def initialize(self, given, mark, context):
        if self.get("initialize") == "false":  # only initials already there are formatted
            words = given.split()
            if not all(_INITIAL.fullmatch(w) for w in words):
                return " ".join(
                    super(_Name, self).initialize(w, mark, context) if _INITIAL.fullmatch(w) else w for w in words
                )
            given = given.replace("-", " ")  # initials only: `J.-P.` prints `J. P.`
        if "-" in given and self.get_option("initialize-with-hyphen", context):
            parts = given.split("-")
            kept = [parts[0]] + [p for p in parts[1:] if p[:1].isupper()]
            given = "-".join(kept)
        return super().initialize(given, mark, context)


def _plan(element: Any) -> tuple[str, list[tuple[str, list[str]]]]:
    """An `if`'s match mode and its tests, each with the attribute's words, read once."""
    plan = element.__dict__.get("_myobib_plan")
    if plan is None:
        tests = []
        for kind in ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position"):
            words = element.get(kind)
            if words is not None:
                split = words.split()
                if kind == "type":
                    split = [w.lower() for w in split]
                elif kind == "variable":
                    split = [w.replace("-", "_") for w in split]
                tests.append((kind, split))
        plan = element.__dict__["_myobib_plan"] = (element.get("match") or "all", tests)
    return plan


class _If:
    """Condition tests read once per element and stopped as soon as the outcome is known."""

    def render(self, item, context=None, delimiter="", **kwargs):
        if not self.passes(item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def passes(self, item, context) -> bool:
        match, tests = _plan(self)
        reference = item.reference
        results: list[Any] = []
        for kind, words in tests:
            if kind == "type":
                kind_of_item = dict.get(reference, "type")
                results.extend(word == kind_of_item for word in words)
            elif kind == "variable":
                results.extend(("locator" in item) if word == "locator" else (word in reference) for word in words)
            elif kind == "is-numeric":
                results.extend(self._is_numeric(item))
            elif kind == "is-uncertain-date":
                results.extend(self._is_uncertain_date(item))
            elif kind == "locator":
                results.extend(self._locator(item))
            else:
                results.extend(self._position(item, context))
            if match == "all" and not all(results) or match == "any" and any(results):
                break
        if match == "any":
            return any(results)
        if match == "none":
            return not any(results)
        return all(results)


class _Choose:
    """The first branch whose conditions pass, tested without raising an exception per branch."""

    def render(self, item, context=None, delimiter="", **kwargs):
        branches = self.__dict__.get("_myobib_branches")
        if branches is None:
            branches = self.__dict__["_myobib_branches"] = list(self.iterchildren())
        for branch in branches:
            if isinstance(branch, _If):
                if branch.passes(item, context):
                    return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
                continue
            try:
                return branch.render(item, context=context, delimiter=delimiter, **kwargs)
            except model.ConditionFailed:
                continue
        return None


class _Text:
    def process(self, item, context=None, **kwargs):
        # As citeproc-py's, but finds the item's language without raising VariableError.
        language = item.reference.get("language")
        if language is None:
            language = self.get_root().get("default-locale", "en")
        if "variable" in self.attrib:
            text = self._variable(item, context if context is not None else self)
        elif "macro" in self.attrib:  # sort options reach names inside nested macros (citeproc-py drops them)
            text = self.get_macro(self.get("macro")).render(
                item, context if context is not None else self, sort_options=kwargs.get("sort_options")
            )
        elif "term" in self.attrib:
            text = self._term(item)
        elif "value" in self.attrib:
            text = String(self.preformat(self.get("value")))
        else:
            text = None
        return text, str(language)[:2]


class _Label:
    def _is_plural(self, item):
        variable = self.get("variable")
        if variable == "locator":
            value = item.locator.identifier
        else:
            try:
                value = item.reference[variable.replace("-", "_")]
            except model.VariableError:
                return False
            if variable.startswith("number-of"):
                try:
                    return int(str(value)) > 1
                except ValueError:
                    return False
        return _PLURAL.search(str(value)) is not None


def _collate(value: Any) -> Any:
    """A sort key close to citeproc-js's locale collation: accents, case and punctuation ignored."""
    if value is None or isinstance(value, int | tuple):
        return value
    text = str(value)
    try:
        return int(text)
    except ValueError:
        pass
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = " ".join(re.sub(r"[^\w\s]", "", folded).split())
    # numbers inside text compare by value (`J9` before `J61`), as citeproc-js's collation does
    return tuple(
        (0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk) for chunk in re.split(r"(\d+)", folded) if chunk
    )


class _Sort:
    def sort(self, items, context):
        columns = []
        for key in self.findall("cs:key", self.nsmap):
            descending = key.get("sort", "ascending").lower() == "descending"
            columns.append(([_collate(v) for v in key.sort_keys(items, context)], descending))

        def compare(a: int, b: int) -> int:
            for values, descending in columns:
                left, right = values[a], values[b]
                if left is None and right is None:
                    continue
                if left is None or right is None:
                    return 1 if left is None else -1  # empty keys last, either direction
                if type(left) is not type(right):
                    left, right = str(left), str(right)
                result = (left > right) - (left < right)
                if result:
                    return -result if descending else result
            return 0

        order = sorted(range(len(items)), key=functools.cmp_to_key(compare))
        return [items[i] for i in order]


# One subclass per citeproc-py element class, with the mixins above where they apply.
_MIXINS: dict[str, tuple[type, ...]] = {
    "Layout": (_Layout,),
    "Text": (_CountsVariables, _Text, _Cased, _Numbers, _Quoted),
    "Number": (_CountsVariables, _Numbers),
    "Date": (_CountsVariables, _Date),
    "Date_Part": (_Cased,),
    "Name_Part": (_Cased,),
    "Name": (_Name,),
    "Names": (_CountsVariables, _Names),
    "Substitute": (_Substitute,),
    "Key": (_SortKeys,),
    "Group": (_Group,),
    "Label": (_Label, _Cased),
    "Sort": (_Sort,),
    "Choose": (_Choose,),
    "If": (_If,),
    "Else_If": (_If,),
}


def _lookup() -> etree.ElementNamespaceClassLookup:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(_CSL_NS)
    stock = [cls for cls in model.CitationStylesElement.__subclasses__() if cls.__module__ == model.__name__]
    namespace[None] = type("CitationStylesElement", (_Fast, model.CitationStylesElement), {"__module__": __name__})
    for cls in stock:
        ours = type(cls.__name__, (_Fast, *_MIXINS.get(cls.__name__, ()), cls), {"__module__": __name__})
        namespace[cls.__name__.replace("_", "-").lower()] = ours
    return lookup


_LOOKUP = _lookup()


class _Style(CitationStylesStyle):
    """A style parsed with our element classes; every element proxy is kept alive for the memos."""

    def __init__(self, path: str, locale: str | None):
        parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        parser.set_element_class_lookup(_LOOKUP)
        try:
            self.xml = etree.parse(path, parser)
        except (OSError, etree.XMLSyntaxError) as exc:
            raise StyleError(f"{path}: not a readable CSL style ({exc})") from exc
        self.root = self.xml.getroot()
        if not isinstance(self.root, model.Style):
            raise StyleError(f"{path}: not a CSL style (root element is not <style>)")
        for names in self.root.iter(f"{{{_CSL_NS}}}names"):
            in_substitute = any(a.tag == f"{{{_CSL_NS}}}substitute" for a in names.iterancestors())
            if not in_substitute and names.find(f"{{{_CSL_NS}}}name") is None:
                # citeproc-py would insert a stock `Name` here while rendering; ours is memoised
                names.insert(0, self.root.makeelement(f"{{{_CSL_NS}}}name"))
        self._elements = list(self.root.iter())  # keeps proxies (and their memo ids) alive
        memo = self.root.__dict__.setdefault("_myobib_memo", {})
        for element in self._elements:
            element.__dict__["_myobib_root"] = self.root
            element.__dict__["_myobib_memo"] = memo
        try:
            self.root.set_locale_list(locale or self.root.get("default-locale", "en-US"), validate=False)
        except ValueError as exc:
            raise StyleError(f"{path}: {exc}") from exc
        if locale:
            # Title case applies to items without a language only when the output locale is
            # English, as in citeproc-js; citeproc-py reads the language from this attribute.
            self.root.set("default-locale", locale)


class _Keys(list):
    """The bibliography's key list with an O(1) `index`."""

    def __init__(self, keys: Sequence[str] = ()):
        super().__init__(keys)
        self._pos = {key: i for i, key in enumerate(self)}

    def append(self, key: str) -> None:
        self._pos.setdefault(key, len(self))
        super().append(key)

    def index(self, key, *args) -> int:  # type: ignore[override]
        return self._pos[key]

    def __contains__(self, key: object) -> bool:
        return key in self._pos


class _Item(CitationItem):
    """A citation item that looks its reference up once."""

    @property
    def reference(self):
        try:
            return dict.__getitem__(self, "_reference")
        except KeyError:
            ref = self.bibliography.source[self.key]
            dict.__setitem__(self, "_reference", ref)
            return ref


class _Bibliography(CitationStylesBibliography):
    def __init__(self, style, source, formatter, hashes=None):
        super().__init__(style, source, formatter)
        self.keys = _Keys()
        self.hashes: dict[str, str] = hashes or {}

    def sort(self) -> None:
        self.items = self.style.sort_bibliography(self.items)
        self.keys = _Keys([item.key for item in self.items])

    def position(self, key: str) -> int:
        return self.keys.index(key)


@dataclass
class _Cluster:
    ids: list[str]
    locators: list[tuple[str, str] | None]


class Engine:
    """One CSL style in one locale, ready to render clean CSL-JSON items."""

    def __init__(self, path: str, locale: str | None):
        self.path = path
        self.locale = locale
        self.style = _Style(path, locale)
        self.lock = threading.Lock()
        bibliography = self.style.root.bibliography
        self.has_bibliography = bibliography is not None
        self.numbered = any(
            el.get("variable") == "citation-number" for el in self.style._elements if isinstance(el, model.Text)
        )
        self.second_field_align = bibliography.get("second-field-align") if bibliography is not None else None
        citation = self.style.root.citation
        self.year_suffix = citation is not None and citation.get("disambiguate-add-year-suffix") == "true"
        root = self.style.root
        root.formatter = plain_formatter  # terms are preformatted, which needs a formatter
        self.punctuation_in_quote = str(root.get_locale_option("punctuation-in-quote") or "").lower() == "true"
        self.close_quote = _term(root, "close-quote", "\u201d")
        self.close_inner_quote = _term(root, "close-inner-quote", "\u2019")

    def _prepare(self, items: Sequence[dict], output: str, hashes: Sequence[str] | None) -> _Bibliography:
        escape = FORMATTERS[output].preformat if output != "text" else None
        source = CiteProcJSON([_supported(item, escape) for item in items])
        for reference in source.values():
            # citeproc-py keeps `container-author` as `container_author` but looks names up by the
            # style's hyphenated variable name: give it both
            for key in [k for k in reference if "_" in k and k.replace("_", "-") in _NAME_VARIABLES]:
                dict.__setitem__(reference, key.replace("_", "-"), dict.__getitem__(reference, key))
        keyed = {item["id"].lower(): f"{output}:{h}" for item, h in zip(items, hashes, strict=True)} if hashes else {}
        bib = _Bibliography(self.style, source, FORMATTERS[output], keyed)
        for item in items:
            bib.register(Citation([_Item(item["id"])]))
        return bib

    def order(
        self, items: Sequence[dict], output: str = "text", hashes: Sequence[str] | None = None
    ) -> tuple[_Bibliography, list[Any]]:
        """The registered bibliography and its items in the style's bibliography order.

        `hashes` (one per item, of its content) lets sort keys be reused across calls.
        """
        bib = self._prepare(items, output, hashes)
        if self.has_bibliography:
            bib.sort()
        return bib, list(bib.items)

    def add_year_suffixes(self, bib: _Bibliography, ordered: Sequence[Any]) -> dict[str, str]:
        """Year suffixes (`a`, `b`, …, in bibliography order) for works by the same names in the same year.

        Only the case citeproc-js settles with a suffix is covered: identical name lists. Works
        told apart by added names or given names are left alone (see `render`).
        """
        if not self.year_suffix:
            return {}
        groups: dict[tuple, list[str]] = {}
        for citation_item in ordered:
            reference = citation_item.reference
            names = dict.get(reference, "author") or dict.get(reference, "editor")
            issued = dict.get(reference, "issued")
            year = getattr(issued, "year", None) if issued is not None else None
            if not names or year is None:
                continue
            who = tuple(tuple(str(part or "") for part in name.parts()) for name in names)
            groups.setdefault((who, year), []).append(citation_item.key)
        suffixes = {}
        for keys in groups.values():
            if len(keys) > 1:
                for n, key in enumerate(keys):
                    suffix = _letters(n)
                    dict.__setitem__(bib.source[key], "year_suffix", String(suffix))
                    suffixes[key] = suffix
        return suffixes

    def render_entry(self, bib: _Bibliography, citation_item: Any) -> str:
        """One bibliography entry (the bibliography must come from `order`)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            texts = self.style.render_bibliography([citation_item])
        return str(texts[0]) if texts else ""

    def render_citations(self, bib: _Bibliography, clusters: Sequence[_Cluster]) -> list[str]:
        """In-text citations, each cluster a list of item ids with optional (label, locator) pairs."""
        out = []
        for cluster in clusters:
            cites = []
            for item_id, locator in zip(cluster.ids, cluster.locators, strict=True):
                extra = {"locator": Locator(*locator)} if locator else {}
                cites.append(_Item(item_id, **extra))
            citation = Citation(cites)
            citation.bibliography = bib
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append(str(self.style.render_citation(citation, bib._cites, lambda item: None)))
        return out


_NOCASE = re.compile(r'(<span class="nocase">.*?</span>)', re.IGNORECASE | re.DOTALL)


def _escape(text: str, escape) -> str:
    """`escape` applied to the text, but not to `<span class="nocase">` tags themselves."""
    pieces = _NOCASE.split(text)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            inner = piece[piece.index(">") + 1 : piece.rindex("<")]
            out.append('<span class="nocase">' + escape(inner) + "</span>")
        else:
            out.append(escape(piece))
    return "".join(out)


def _supported(item: dict, escape) -> dict:
    """The keys citeproc-py knows, with text escaped for the output format (citeproc-py does not)."""
    out = {}
    for key, value in item.items():
        if key not in SUPPORTED_KEYS:
            continue
        if escape is not None and key not in ("id", "type"):
            if isinstance(value, str):
                value = _escape(value, escape)
            elif isinstance(value, list) and value and isinstance(value[0], dict) and "date-parts" not in value[0]:
                value = [{k: escape(v) if isinstance(v, str) else v for k, v in name.items()} for name in value]
            elif isinstance(value, dict) and "literal" in value:
                value = dict(value, literal=escape(value["literal"]))
        out[key] = value
    return out


def _letters(n: int) -> str:
    """a, b, …, z, aa, ab, … as citeproc-js numbers year suffixes."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out


_ENGINES: dict[tuple[str, str | None], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def get_engine(path: str, locale: str | None) -> Engine:
    """The cached engine for a style file and locale."""
    key = (path, locale)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = Engine(path, locale)
        return engine
