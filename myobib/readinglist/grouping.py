"""Reading lists: tagged references filtered, grouped by topic, kind, year or journal, and sorted."""

from __future__ import annotations

import difflib
import importlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, OutputError
from ..model import Bibliography, Reference
from ..textio import write_atomic
from .tags import has_tag, tag_bibliography
from .vocabulary import Vocabulary, fold, load_vocabulary

__all__ = ["BY", "FORMATS", "SORTS", "Group", "ReadingList", "build", "resolve_tag"]

BY = ("topic", "kind", "year", "journal")
SORTS = ("style", "order", "year", "author", "title", "journal")
FORMATS = {"csl-json": ("csljson", ".json"), "bibtex": ("bibtex", ".bib")}
_OTHER = {"topic": "Other topics", "kind": "Other papers", "year": "Year unknown", "journal": "Journal unknown"}


@dataclass(frozen=True)
class Group:
    """One section of a reading list: its key (tag, year or journal), heading and references."""

    key: str
    label: str
    references: tuple[Reference, ...]


@dataclass
class ReadingList:
    """Groups of tagged references; render with `to_markdown`, `to_html_fragment`, `to_html_page`."""

    title: str
    by: str
    groups: list[Group]
    bibliography: Bibliography
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "style"

    def __len__(self) -> int:
        """The number of distinct references listed."""
        return len(self.bibliography)

    def to_markdown(self, style: str = "vancouver", *, locale: str | None = None) -> str:
        from .render import to_markdown

        return to_markdown(self, style, locale=locale)

    def to_html_fragment(self, style: str = "vancouver", *, locale: str | None = None) -> str:
        from .render import to_html_fragment

        return to_html_fragment(self, style, locale=locale)

    def to_html_page(self, style: str = "vancouver", *, locale: str | None = None) -> str:
        from .render import to_html_page

        return to_html_page(self, style, locale=locale)

    def render(self, to: str = "markdown", style: str = "vancouver", *, locale: str | None = None) -> str:
        """`to` is `markdown`, `html` (a standalone page) or `html-fragment`."""
        renderers = {"markdown": self.to_markdown, "html": self.to_html_page, "html-fragment": self.to_html_fragment}
        if to not in renderers:
            raise InputError(f"unknown reading-list format {to!r}; use one of {', '.join(renderers)}", "--to")
        return renderers[to](style, locale=locale)

    def write(self, path: str | os.PathLike[str], to: str = "markdown", style: str = "vancouver") -> Path:
        """Render and write atomically."""
        return write_atomic(path, self.render(to, style))

    def write_groups(
        self, directory: str | os.PathLike[str], formats: Sequence[str] = ("csl-json", "bibtex")
    ) -> list[Path]:
        """One file per group and format, named `<by>-<group>.json` / `.bib`; returns the paths."""
        writers = {}
        for fmt in formats:
            if fmt not in FORMATS:
                raise OutputError(f"unknown group format {fmt!r}; use {', '.join(FORMATS)}")
            module, _suffix = FORMATS[fmt]
            try:
                writers[fmt] = importlib.import_module(f"myobib.writers.{module}")
            except ModuleNotFoundError:
                raise OutputError(f"the {fmt} writer (myobib.writers.{module}) is not available") from None
        out, written, taken = Path(directory), [], set()
        for group in self.groups:
            stem = f"{self.by}-{slug(group.key)}"
            name, n = stem, 1
            while name in taken:
                n += 1
                name = f"{stem}-{n}"
            taken.add(name)
            bib = Bibliography(list(group.references), dict(self.bibliography.header))
            for fmt, writer in writers.items():
                written.append(write_atomic(out / f"{name}{FORMATS[fmt][1]}", writer.dumps(bib)))
        return written


def slug(text: str) -> str:
    """A file-name-safe lower-case ASCII form: `Rheumatology (Oxford)` → `rheumatology-oxford`."""
    return fold(text).replace(" ", "-") or "group"


def resolve_tag(name: str, facet: str, vocabulary: Vocabulary, bib: Bibliography) -> str:
    """The tag a user means by `name`: a tag name, its label, or wording the vocabulary tags.

    An unknown name is an `InputError` with the closest tags.
    """
    rules = vocabulary.topics_for(bib.header) if facet == "topic" else vocabulary.kinds
    names = {fold(rule.tag): rule.tag for rule in rules}
    names.update({fold(rule.label): rule.tag for rule in rules})
    for ref in bib:
        for tag in ref.tags:
            if tag.get("facet") == facet:
                names.setdefault(fold(str(tag.get("tag"))), str(tag.get("tag")))
    if fold(name) in names:
        return names[fold(name)]
    hits = [rule.tag for rule in rules if rule.regex.search(name)]
    if len(hits) == 1:
        return hits[0]
    close = difflib.get_close_matches(fold(name), list(names), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(names[c]) for c in close)}?" if close else ""
    known = ", ".join(sorted(set(names.values())))
    raise InputError(f"unknown {facet} {name!r}{hint} (known: {known})", f"--{facet}")


def _sort_key(sort: str, ref: Reference, position: int) -> tuple[Any, ...]:
    if sort == "year":
        return (-(ref.year or 0), position)
    if sort == "author":
        first = ref.first_author
        who = (first.family or first.literal or "") if first else ""
        return (fold(who), ref.year or 0, position)
    if sort == "title":
        return (fold(ref.title or ""), position)
    if sort == "journal":
        return (fold(ref.journal or ""), -(ref.year or 0), position)
    return (position,)


def _groups(bib: Bibliography, by: str, order: Iterable[tuple[str, str]]) -> list[Group]:
    """Group references by `by`; `order` gives the known keys and their labels, in section order."""
    buckets: dict[str, list[Reference]] = {}
    labels = dict(order)
    for ref in bib:
        if by in ("topic", "kind"):
            keys = [str(t["tag"]) for t in ref.tags if t.get("facet") == by]
            for t in ref.tags:
                if t.get("facet") == by:
                    labels.setdefault(str(t["tag"]), str(t.get("label") or t["tag"]))
        elif by == "year":
            keys = [str(ref.year)] if ref.year else []
        else:
            keys = [ref.journal] if ref.journal else []
            if ref.journal:
                labels.setdefault(ref.journal, ref.container_title or ref.journal)
        for key in keys or [""]:
            buckets.setdefault(key, []).append(ref)
    if by == "year":
        keys = sorted((k for k in buckets if k), key=int, reverse=True)
    elif by == "journal":
        keys = sorted((k for k in buckets if k), key=lambda k: fold(labels[k]))
    else:
        keys = [k for k in labels if k in buckets]
    if "" in buckets:
        keys.append("")
    return [Group(k or "other", labels.get(k, k) if k else _OTHER[by], tuple(buckets[k])) for k in keys]


def build(
    bib: Bibliography,
    by: str = "topic",
    *,
    topic: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    since: int | None = None,
    sort: str = "style",
    vocabulary: Vocabulary | str | os.PathLike[str] | None = None,
) -> ReadingList:
    """Tag `bib`, keep references with any of the given topics / kinds and year ≥ `since`,
    and group them `by` topic, kind, year or journal; a reference sits in every group of its
    topics (or kinds). Within a group, entries follow the CSL style's order (`sort="style"`:
    list order for numeric styles, the style's sort for others), or `order` (list order),
    `year` (newest first), `author`, `title` or `journal`.
    """
    if by not in BY:
        raise InputError(f"cannot group by {by!r}; use one of {', '.join(BY)}", "--by")
    if sort not in SORTS:
        raise InputError(f"cannot sort by {sort!r}; use one of {', '.join(SORTS)}", "--sort")
    if not isinstance(vocabulary, Vocabulary):
        vocabulary = load_vocabulary(vocabulary)
    tagged = tag_bibliography(bib, vocabulary)
    filters: dict[str, Any] = {}
    refs = list(tagged)
    for facet, wanted in (("topic", topic), ("kind", kind)):
        if wanted is None:
            continue
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        tags = [resolve_tag(name, facet, vocabulary, tagged) for name in names]
        filters[facet] = tags
        refs = [ref for ref in refs if any(has_tag(ref, facet, tag) for tag in tags)]
    if since is not None:
        filters["since"] = since
        refs = [ref for ref in refs if ref.year is not None and ref.year >= since]
    positions = {ref.id: i for i, ref in enumerate(tagged)}
    refs.sort(key=lambda ref: _sort_key(sort, ref, positions[ref.id]))
    chosen = tagged.with_references(refs)
    order: list[tuple[str, str]] = []
    if by == "topic":
        order = [(rule.tag, rule.label) for rule in vocabulary.topics_for(bib.header)]
    elif by == "kind":
        order = [(rule.tag, rule.label) for rule in vocabulary.kinds]
    groups = _groups(chosen, by, order)
    if by in filters:  # grouped by the facet filtered on: only the groups asked for
        groups = [g for g in groups if g.key in filters[by]]
    header = bib.header
    subject = header.get("title") or header.get("disease")
    title = f"Reading list: {subject}" if subject else "Reading list"
    return ReadingList(title, by, groups, chosen, filters, sort)
