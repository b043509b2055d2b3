"""Tagging references with the topics of their page and the kind of paper, with evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..model import Bibliography, Reference
from .vocabulary import TagRule, Vocabulary, load_vocabulary

__all__ = ["field_texts", "has_tag", "tag_bibliography", "tag_reference", "tags_of"]


def field_texts(ref: Reference) -> Iterator[tuple[str, str]]:
    """`(field, text)` for every searchable text of a reference (group authors one by one)."""
    if ref.title:
        yield "title", ref.title
    for name in ref.author:
        if name.literal:
            yield "author", name.literal
    for journal in dict.fromkeys(j for j in (ref.container_title, ref.container_title_short) if j):
        yield "container-title", journal
    if ref.note:
        yield "note", ref.note
    for key in ("keyword", "abstract"):
        value = ref.extra.get(key)
        if isinstance(value, str) and value:
            yield key, value
    if ref.genre:
        yield "genre", ref.genre


def _spans(rule_regex: Any, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rule_regex.finditer(text)] if rule_regex is not None else []


def _inside(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in others)


def tag_reference(ref: Reference, rules: Iterable[TagRule]) -> list[dict[str, Any]]:
    """The tags these rules give a reference, each with the words (and field) that earned it."""
    rules = list(rules)
    texts = list(field_texts(ref))
    # Match spans per (tag, field index), needed again when a narrower tag overrides a broader one.
    found: dict[str, dict[int, list[tuple[int, int]]]] = {}
    for rule in rules:
        per_field: dict[int, list[tuple[int, int]]] = {}
        for i, (field, text) in enumerate(texts):
            if field not in rule.fields:
                continue
            excluded = _spans(rule.except_regex, text)
            spans = [s for s in _spans(rule.regex, text) if not _inside(s, excluded)]
            if spans:
                per_field[i] = spans
        found[rule.tag] = per_field
    narrower: dict[str, list[str]] = {}
    for rule in rules:
        if rule.broader:
            narrower.setdefault(rule.broader, []).append(rule.tag)
    tags = []
    for rule in rules:
        evidence: list[dict[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for i, spans in found[rule.tag].items():
            field, text = texts[i]
            blocking = [s for tag in narrower.get(rule.tag, ()) for s in found.get(tag, {}).get(i, ())]
            for start, end in spans:
                words = text[start:end]
                if _inside((start, end), blocking) or (field, words.casefold()) in seen:
                    continue
                seen.add((field, words.casefold()))
                evidence.append({"field": field, "text": words})
        if evidence:
            tag: dict[str, Any] = {"facet": rule.facet, "tag": rule.tag, "label": rule.label}
            if rule.group:
                tag["group"] = rule.group
            tag["evidence"] = evidence
            tags.append(tag)
    return tags


def tag_bibliography(bib: Bibliography, vocabulary: Vocabulary | None = None) -> Bibliography:
    """A copy of `bib` whose references carry the tags of its page's vocabulary.

    Tags the vocabulary knows are computed afresh; tags it does not know (added by hand or
    by another vocabulary) are kept.
    """
    vocabulary = vocabulary or load_vocabulary()
    rules = vocabulary.rules_for(bib.header)
    known = {(rule.facet, rule.tag) for rule in rules}
    refs = []
    for ref in bib:
        kept = [dict(t) for t in ref.tags if (t.get("facet"), t.get("tag")) not in known]
        refs.append(ref.replace(tags=tuple(tag_reference(ref, rules) + kept)))
    return bib.with_references(refs)


def tags_of(ref: Reference, facet: str) -> list[str]:
    """The tag names of one facet on a reference, in vocabulary order."""
    return [str(t.get("tag")) for t in ref.tags if t.get("facet") == facet]


def has_tag(ref: Reference, facet: str, tag: str) -> bool:
    return any(t.get("facet") == facet and t.get("tag") == tag for t in ref.tags if isinstance(t, Mapping))
