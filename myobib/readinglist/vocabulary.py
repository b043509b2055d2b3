"""The tagging vocabulary: shipped JSON data, a user file merged over it, compiled to regexes.

The data format is described in `myobib/data/vocabulary.json` itself: facets `kind` (kinds of
paper, shared by every page) and `topic` (per disease page), each tag earned by `terms`,
`abbreviations` or `patterns`, with `except` terms and a `broader` tag it takes precedence over.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import InputError
from ..folding import fold
from ..textio import read_text

__all__ = ["FACETS", "Page", "TagRule", "Vocabulary", "load_vocabulary", "merge_vocabulary_data"]

FACETS = ("topic", "kind")
FIELDS = ("title", "author", "keyword", "abstract", "container-title", "genre", "note")
_DEFAULT_FIELDS = {"topic": ("title", "author", "keyword", "abstract"), "kind": ("title", "genre")}
_TAG_KEYS = {"tag", "label", "group", "terms", "abbreviations", "patterns", "except", "broader", "fields", "replace"}
_LIST_KEYS = ("terms", "abbreviations", "patterns", "except")
_SHIPPED = "data/vocabulary.json"

# Between the words of a term: spaces, hyphens or slashes, or nothing ("meta-analysis", "meta analysis").
_SEP = r"[\s\-\u2010\u2011\u2013\u2014/]*"
# `...` in a term: up to eight intervening words.
_GAP = r"\W+(?:\w+\W+){0,8}?"
_GAP_MARK = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014]+")


@dataclass(frozen=True)
class TagRule:
    """One tag of one facet and the compiled expression that earns it."""

    facet: str
    tag: str
    label: str
    group: str | None
    fields: tuple[str, ...]
    regex: re.Pattern[str]
    except_regex: re.Pattern[str] | None = None
    broader: str | None = None


@dataclass(frozen=True)
class Page:
    """The topics of one disease page, found by its disease name or an alias."""

    disease: str
    aliases: tuple[str, ...]
    topics: tuple[TagRule, ...]

    def matches(self, disease: str) -> bool:
        wanted = fold(disease)
        return any(fold(name) == wanted for name in (self.disease, *self.aliases))


@dataclass(frozen=True)
class Vocabulary:
    """Kinds of paper plus the topics of each known page."""

    kinds: tuple[TagRule, ...]
    pages: tuple[Page, ...]

    def topics_for(self, header: Mapping[str, Any] | None = None) -> tuple[TagRule, ...]:
        """The topics of the page whose disease the header names; every page's when none matches."""
        disease = str((header or {}).get("disease") or "")
        pages = [page for page in self.pages if disease and page.matches(disease)] or list(self.pages)
        seen: set[str] = set()
        topics = []
        for page in pages:
            for rule in page.topics:
                if rule.tag not in seen:
                    seen.add(rule.tag)
                    topics.append(rule)
        return tuple(topics)

    def rules_for(self, header: Mapping[str, Any] | None = None) -> tuple[TagRule, ...]:
        """Every rule that applies to a page with this header: its topics, then the kinds."""
        return self.topics_for(header) + self.kinds

    def labels(self) -> dict[tuple[str, str], str]:
        """`(facet, tag) -> label` for every tag of every page."""
        rules = [*self.kinds, *(rule for page in self.pages for rule in page.topics)]
        return {(rule.facet, rule.tag): rule.label for rule in reversed(rules)}


def _term_body(term: str) -> str:
    parts = []
    for part in _GAP_MARK.split(term.strip()):
        words = [w for w in _WORD_SPLIT.split(part) if w]
        parts.append(_SEP.join(re.escape(w).replace(r"\*", r"\w*") for w in words))
    return _GAP.join(parts)


def term_regex(term: str) -> str:
    """The regular expression of one vocabulary term (see the module docstring for the syntax)."""
    return _whole_words([_term_body(term)])


def _whole_words(bodies: Iterable[str]) -> str:
    # Longer alternatives first, so at any one position the most specific wording wins; the word
    # boundaries stand outside the alternation, which makes matching several times faster.
    ordered = sorted(dict.fromkeys(bodies), key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)"


# -- loading and merging ------------------------------------------------------------------------


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


class _Source:
    """The name and text of a vocabulary file, for error messages that name a line."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.text = name, text

    def error(self, message: str, near: str | None = None) -> InputError:
        line = _line_of(self.text, json.dumps(near, ensure_ascii=False)) if near else None
        if line is None and near:
            line = _line_of(self.text, near)
        return InputError(message, self.name, line)


def _parse(name: str, text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", name, exc.lineno) from None
    if not isinstance(data, dict):
        raise InputError("a vocabulary must be a JSON object with `kinds` and/or `pages`", name, 1)
    return data


@cache
def _shipped_text() -> str:
    return resources.files("myobib").joinpath(_SHIPPED).read_text(encoding="utf-8")


def merge_vocabulary_data(base: Mapping[str, Any], user: Mapping[str, Any]) -> dict[str, Any]:
    """Merge a user vocabulary over a base one (both as parsed JSON).

    A user tag of an existing name extends its lists and overrides its label, group, broader
    and fields (`"replace": true` replaces it whole); new tags and pages are appended.
    """
    merged = copy.deepcopy(dict(base))
    for facet, fields in (user.get("fields") or {}).items():
        merged.setdefault("fields", {})[facet] = fields
    merged["kinds"] = _merge_tags(merged.get("kinds") or [], user.get("kinds") or [])
    pages = merged.setdefault("pages", [])
    for user_page in user.get("pages") or []:
        if not isinstance(user_page, Mapping):
            pages.append(user_page)  # rejected with a message by the compiler
            continue
        names = {fold(str(n)) for n in [user_page.get("disease", ""), *(user_page.get("aliases") or [])]}
        page = next(
            (p for p in pages if isinstance(p, dict) and fold(str(p.get("disease", ""))) in names),
            None,
        )
        if page is None:
            pages.append(copy.deepcopy(dict(user_page)))
            continue
        page["aliases"] = list(dict.fromkeys([*(page.get("aliases") or []), *(user_page.get("aliases") or [])]))
        page["topics"] = _merge_tags(page.get("topics") or [], user_page.get("topics") or [])
    return merged


def _merge_tags(base: list[Any], user: Iterable[Any]) -> list[Any]:
    out = list(base)
    index = {entry.get("tag"): i for i, entry in enumerate(out) if isinstance(entry, Mapping)}
    for entry in user:
        name = entry.get("tag") if isinstance(entry, Mapping) else None
        if name not in index:
            out.append(copy.deepcopy(entry))  # malformed entries are rejected by the compiler
            continue
        if entry.get("replace"):
            out[index[name]] = {k: v for k, v in entry.items() if k != "replace"}
            continue
        target = dict(out[index[name]])
        for key, value in entry.items():
            if key in _LIST_KEYS and isinstance(value, list) and isinstance(target.get(key, []), list):
                target[key] = list(dict.fromkeys([*target.get(key, []), *value]))
            else:
                target[key] = value
        out[index[name]] = target
    return out


def load_vocabulary(path: str | os.PathLike[str] | None = None) -> Vocabulary:
    """The shipped vocabulary, with the user file at `path` merged over it when given."""
    if path is None:
        return _shipped()
    name = str(path)
    text, _warnings = read_text(path)
    user = _parse(name, text)
    merged = merge_vocabulary_data(_parse(_SHIPPED, _shipped_text()), user)
    return compile_vocabulary(merged, _Source(name, text))


@cache
def _shipped() -> Vocabulary:
    text = _shipped_text()
    return compile_vocabulary(_parse(_SHIPPED, text), _Source(f"myobib/{_SHIPPED}", text))


# -- compiling --------------------------------------------------------------------------------------


def compile_vocabulary(data: Mapping[str, Any], source: _Source | None = None) -> Vocabulary:
    """Check vocabulary data and compile its rules; problems are `InputError`s naming the tag."""
    src = source or _Source("<vocabulary>", json.dumps(data, indent=1))
    fields = dict(_DEFAULT_FIELDS)
    for facet, names in (data.get("fields") or {}).items():
        if facet not in FACETS or not _is_str_list(names) or set(names) - set(FIELDS):
            raise src.error(f"fields.{facet}: must map `topic`/`kind` to a list of {', '.join(FIELDS)}", facet)
        fields[facet] = tuple(names)
    kinds = tuple(_compile_tags("kind", data.get("kinds") or [], fields, src, "kinds"))
    pages = []
    for i, page in enumerate(data.get("pages") or []):
        where = f"pages[{i}]"
        if not isinstance(page, Mapping) or not isinstance(page.get("disease"), str):
            raise src.error(f"{where}: a page needs a `disease` name")
        aliases = page.get("aliases") or []
        if not _is_str_list(aliases):
            raise src.error(f"{where}.aliases: must be a list of strings", page["disease"])
        topics = tuple(_compile_tags("topic", page.get("topics") or [], fields, src, f"{where}.topics"))
        pages.append(Page(page["disease"], tuple(aliases), topics))
    return Vocabulary(kinds, tuple(pages))


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _compile_tags(
    facet: str, entries: Any, fields: Mapping[str, tuple[str, ...]], src: _Source, where: str
) -> list[TagRule]:
    if not isinstance(entries, list):
        raise src.error(f"{where}: must be a list of tags")
    rules = []
    for i, entry in enumerate(entries):
        rule_where = f"{where}[{i}]"
        if not isinstance(entry, Mapping) or not isinstance(entry.get("tag"), str) or not entry["tag"].strip():
            raise src.error(f"{rule_where}: each tag needs a non-empty `tag` name")
        tag = entry["tag"]
        unknown = set(entry) - _TAG_KEYS
        if unknown:
            raise src.error(f"tag {tag!r}: unknown key(s) {', '.join(sorted(unknown))}", tag)
        for key in _LIST_KEYS:
            if key in entry and not (_is_str_list(entry[key]) or entry[key] == []):
                raise src.error(f"tag {tag!r}: `{key}` must be a list of strings", tag)
        tag_fields = entry.get("fields", list(fields[facet]))
        if not _is_str_list(tag_fields) or set(tag_fields) - set(FIELDS):
            raise src.error(f"tag {tag!r}: `fields` must be a list of {', '.join(FIELDS)}", tag)
        alternatives = []
        if entry.get("terms"):
            alternatives.append(_whole_words(_term_body(t) for t in entry["terms"]))
        if entry.get("abbreviations"):
            alternatives.append(f"(?-i:{_whole_words(re.escape(a.strip()) for a in entry['abbreviations'])})")
        for pattern in entry.get("patterns", []):
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise src.error(f"tag {tag!r}: bad pattern {pattern!r}: {exc}", pattern) from None
            alternatives.append(f"(?:{pattern})")
        if not alternatives:
            raise src.error(f"tag {tag!r}: needs at least one of terms, abbreviations, patterns", tag)
        exceptions = [_whole_words(_term_body(t) for t in entry["except"])] if entry.get("except") else []
        rules.append(
            TagRule(
                facet=facet,
                tag=tag,
                label=str(entry.get("label") or tag),
                group=entry.get("group"),
                fields=tuple(tag_fields),
                regex=_alternation(alternatives),
                except_regex=_alternation(exceptions) if exceptions else None,
                broader=entry.get("broader"),
            )
        )
    names = {rule.tag for rule in rules}
    for rule in rules:
        if rule.broader is not None and rule.broader not in names:
            raise src.error(f"tag {rule.tag!r}: broader tag {rule.broader!r} is not defined beside it", rule.tag)
    return rules


def _alternation(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)
