"""The data model: `Name`, `Date`, `Occurrence`, `Reference`, `Bibliography`.

Every reader produces these and every writer reads them. `Reference.to_csl()` and
`Reference.from_csl()` are the only place where field names are translated, and
they are exact inverses: nothing myobib knows about a reference is lost in CSL-JSON
(myobib's own data goes under the CSL `custom` object). The CSL-JSON is what processors read:
names as `myobib.names` writes them (`L. G.`, particles apart, a last `et al.` for a cut list,
the printed form under `custom.names-as-written`), titles with the words `myobib.casing`
protects in nocase spans.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .casing import protect, unprotect
from .folding import fold

__all__ = [
    "CSL_VARIABLES",
    "NOTICE_KINDS",
    "Bibliography",
    "Date",
    "Merge",
    "Name",
    "Occurrence",
    "Reference",
    "Report",
    "Unparsed",
]

# Every top-level key the CSL-JSON schema allows (csl-data.json, CSL 1.0.2).
CSL_VARIABLES = frozenset(
    """type id citation-key categories language journalAbbreviation shortTitle author chair
    collection-editor compiler composer container-author contributor curator director editor
    editorial-director executive-producer guest host interviewer illustrator narrator organizer
    original-author performer producer recipient reviewed-author script-writer series-creator
    translator accessed available-date event-date issued original-date submitted abstract annote
    archive archive_collection archive_location archive-place authority call-number chapter-number
    citation-number citation-label collection-number collection-title container-title
    container-title-short dimensions division DOI edition event event-title event-place
    first-reference-note-number genre ISBN ISSN issue jurisdiction keyword locator medium note
    number number-of-pages number-of-volumes original-publisher original-publisher-place
    original-title page page-first part part-title PMCID PMID printing publisher publisher-place
    references reviewed-genre reviewed-title scale section source status supplement title
    title-short URL version volume volume-title volume-title-short year-suffix custom""".split()
)

_NAME_KEYS = {
    "family": "family",
    "given": "given",
    "literal": "literal",
    "suffix": "suffix",
    "dropping-particle": "dropping_particle",
    "non-dropping-particle": "non_dropping_particle",
}


@dataclass(frozen=True, slots=True)
class Name:
    """A person (`family`, `given` initials as printed) or a group (`literal`)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None
    suffix: str | None = None
    dropping_particle: str | None = None
    non_dropping_particle: str | None = None

    @property
    def is_group(self) -> bool:
        return self.literal is not None

    def display(self) -> str:
        """The name as a Vancouver list prints it: `Lundberg IE`, or the group name."""
        if self.literal is not None:
            return self.literal
        parts = [self.non_dropping_particle, self.family, self.given, self.suffix]
        return " ".join(p for p in parts if p)

    def to_csl(self) -> dict[str, str]:
        return {csl: getattr(self, attr) for csl, attr in _NAME_KEYS.items() if getattr(self, attr) is not None}

    @classmethod
    def from_csl(cls, data: Mapping[str, Any]) -> Name:
        return cls(**{attr: str(data[csl]) for csl, attr in _NAME_KEYS.items() if data.get(csl) is not None})


@dataclass(frozen=True, slots=True)
class Date:
    """A calendar date with optional month and day, or a literal that is not one."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    literal: str | None = None

    def to_csl(self) -> dict[str, Any]:
        if self.year is None:
            return {"literal": self.literal or ""}
        parts = [p for p in (self.year, self.month, self.day) if p is not None]
        data: dict[str, Any] = {"date-parts": [parts]}
        if self.literal is not None:
            data["literal"] = self.literal
        return data

    @classmethod
    def from_csl(cls, data: Mapping[str, Any]) -> Date:
        parts = (data.get("date-parts") or [[]])[0]
        values: list[int | None] = []
        for part in parts[:3]:
            try:
                values.append(int(part))
            except (TypeError, ValueError):
                values.append(None)
        values += [None] * (3 - len(values))
        literal = data.get("literal") or data.get("raw")
        return cls(values[0], values[1], values[2], literal)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where one occurrence of a reference stood: file, line span, list number, exact text."""

    source: str
    line_start: int
    line_end: int
    text: str
    list_number: int | None = None
    key: str | None = None

    def label(self) -> str:
        """A short human label such as `seed.txt #3 (lines 14-16)`."""
        where = f"{self.source}"
        if self.list_number is not None:
            where += f" #{self.list_number}"
        if self.key:
            where += f" {self.key}"
        span = (
            f"line {self.line_start}"
            if self.line_start == self.line_end
            else f"lines {self.line_start}-{self.line_end}"
        )
        return f"{where} ({span})"

    def to_dict(self) -> dict[str, Any]:
        data = {"source": self.source, "line-start": self.line_start, "line-end": self.line_end, "text": self.text}
        if self.list_number is not None:
            data["list-number"] = self.list_number
        if self.key is not None:
            data["key"] = self.key
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Occurrence:
        return cls(
            source=str(data.get("source", "")),
            line_start=int(data.get("line-start", 0)),
            line_end=int(data.get("line-end", 0)),
            text=str(data.get("text", "")),
            list_number=data.get("list-number"),
            key=data.get("key"),
        )


# Simple string fields of `Reference` and the CSL variable each maps to.
_STRING_FIELDS = {
    "title": "title",
    "container_title": "container-title",
    "container_title_short": "container-title-short",
    "volume": "volume",
    "issue": "issue",
    "supplement": "supplement",
    "page": "page",
    "page_first": "page-first",
    "number": "number",
    "DOI": "DOI",
    "PMID": "PMID",
    "PMCID": "PMCID",
    "URL": "URL",
    "ISSN": "ISSN",
    "publisher": "publisher",
    "publisher_place": "publisher-place",
    "edition": "edition",
    "collection_title": "collection-title",
    "collection_number": "collection-number",
    "genre": "genre",
    "event_title": "event-title",
    "event_place": "event-place",
    "ISBN": "ISBN",
    "language": "language",
    "note": "note",
}
# Name-list fields and date fields of `Reference` and their CSL variables.
_NAME_FIELDS = {"author": "author", "editor": "editor", "container_author": "container-author"}
_DATE_FIELDS = {"issued": "issued", "accessed": "accessed"}
# What a reference that is itself a notice about another work is (`Reference.notice`).
NOTICE_KINDS = ("erratum", "retraction", "expression-of-concern", "comment", "reply")
# myobib's own data, kept under CSL `custom` with these keys.
_CUSTOM_FIELDS = {
    "et_al": "et-al",
    "notice": "notice",
    "page_as_written": "page-as-written",
    "flags": "flags",
    "match": "match",
    "changes": "changes",
    "tags": "tags",
}
_EXTRA_KEY = "extra-fields"
_STRINGS_BY_CSL = {csl: attr for attr, csl in _STRING_FIELDS.items()}
_NAMES_BY_CSL = {csl: attr for attr, csl in _NAME_FIELDS.items()}
_DATES_BY_CSL = {csl: attr for attr, csl in _DATE_FIELDS.items()}


@dataclass(frozen=True, slots=True)
class Reference:
    """One cited work. Field names follow CSL variables; `id` is the citation key.

    `container_title_short` is the journal as the list wrote it, `container_title` its
    full name when known (for a chapter: the book's title). `page` holds the expanded range
    and `page_as_written` the original when they differ. `notice` says what a reference that
    is itself a notice about another work is (one of `NOTICE_KINDS`: an erratum, a retraction
    notice, a comment, a reply …). `provenance` lists every occurrence the reference was
    read from; `extra` keeps any other CSL variable verbatim.
    """

    id: str = ""
    type: str = "article-journal"
    title: str | None = None
    author: tuple[Name, ...] = ()
    et_al: bool = False
    editor: tuple[Name, ...] = ()
    container_author: tuple[Name, ...] = ()
    container_title: str | None = None
    container_title_short: str | None = None
    issued: Date | None = None
    volume: str | None = None
    issue: str | None = None
    supplement: str | None = None
    page: str | None = None
    page_first: str | None = None
    page_as_written: str | None = None
    number: str | None = None
    DOI: str | None = None
    PMID: str | None = None
    PMCID: str | None = None
    URL: str | None = None
    ISSN: str | None = None
    publisher: str | None = None
    publisher_place: str | None = None
    edition: str | None = None
    collection_title: str | None = None
    collection_number: str | None = None
    genre: str | None = None
    event_title: str | None = None
    event_place: str | None = None
    ISBN: str | None = None
    language: str | None = None
    accessed: Date | None = None
    notice: str | None = None
    note: str | None = None
    provenance: tuple[Occurrence, ...] = ()
    flags: tuple[str, ...] = ()
    match: Mapping[str, Any] | None = None
    changes: tuple[Mapping[str, Any], ...] = ()
    tags: tuple[Mapping[str, Any], ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    # -- convenience -----------------------------------------------------------------

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    @property
    def journal(self) -> str | None:
        """The journal as written, else its full name."""
        return self.container_title_short or self.container_title

    @property
    def first_author(self) -> Name | None:
        return self.author[0] if self.author else None

    @property
    def list_number(self) -> int | None:
        """The list number of the first numbered occurrence."""
        return next((o.list_number for o in self.provenance if o.list_number is not None), None)

    def replace(self, **changes: Any) -> Reference:
        return dataclasses.replace(self, **changes)

    # -- CSL-JSON ----------------------------------------------------------------------

    def to_csl(self) -> dict[str, Any]:
        """This reference as one CSL-JSON item (valid against csl-data.json)."""
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.title is not None:
            data["title"] = protect(self.title)  # words no style may recase, in nocase spans (myobib.casing)
        as_written: dict[str, list[dict[str, str]]] = {}
        for attr, csl in _NAME_FIELDS.items():
            names = getattr(self, attr)
            if names:
                data[csl], written = [csl_name(name) for name in names], [name.to_csl() for name in names]
                if data[csl] != written or (attr == "author" and is_et_al(names[-1])):
                    as_written[csl] = written
        if self.et_al and self.author:
            data["author"].append(dict(ET_AL))
        for attr, csl in _DATE_FIELDS.items():
            date = getattr(self, attr)
            if date is not None:
                data[csl] = date.to_csl()
        for attr, csl in _STRING_FIELDS.items():
            value = getattr(self, attr)
            if value is not None and attr != "title":
                data[csl] = value
        custom: dict[str, Any] = {}
        if self.container_title is None and self.container_title_short is not None:
            # Styles print `container-title` (short form from `container-title-short`): a journal known only
            # by its abbreviation is written in both, and marked so that reading gives the model back.
            data["container-title"] = self.container_title_short
            custom["container-title-is-short"] = True
        extra_fields: dict[str, Any] = {}
        for key, value in self.extra.items():
            if key == "custom":
                custom.update(value)
            elif key in CSL_VARIABLES:
                data[key] = value
            else:
                extra_fields[key] = value
        if self.et_al:
            custom["et-al"] = True
        if as_written:
            custom["names-as-written"] = as_written
        if self.notice is not None:
            custom["notice"] = self.notice
        if self.page_as_written is not None:
            custom["page-as-written"] = self.page_as_written
        for attr in ("flags", "changes", "tags"):
            if getattr(self, attr):
                custom[_CUSTOM_FIELDS[attr]] = [dict(v) if isinstance(v, Mapping) else v for v in getattr(self, attr)]
        if self.match is not None:
            custom["match"] = dict(self.match)
        if self.provenance:
            custom["provenance"] = [occ.to_dict() for occ in self.provenance]
        if extra_fields:
            custom[_EXTRA_KEY] = extra_fields
        if custom:
            data["custom"] = custom
        return data

    @classmethod
    def from_csl(cls, data: Mapping[str, Any]) -> Reference:
        """The inverse of `to_csl()`; unknown variables are kept in `extra`."""
        values: dict[str, Any] = {"id": str(data.get("id", "")), "type": str(data.get("type") or "article")}
        extra: dict[str, Any] = {}
        custom = dict(data.get("custom") or {})
        as_written = custom.pop("names-as-written", None)
        as_written = as_written if isinstance(as_written, Mapping) else {}
        cut = False
        for key, value in data.items():
            if key in ("id", "type", "custom"):
                continue
            if key in _NAMES_BY_CSL and isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
                written = as_written.get(key)
                if key == "author" and value and is_et_al(value[-1]):
                    if not (isinstance(written, list) and len(written) == len(value)):  # not a group so named
                        value, cut = value[:-1], True
                values[_NAMES_BY_CSL[key]] = _names_from_csl(value, written)
            elif key in _DATES_BY_CSL and isinstance(value, Mapping):
                values[_DATES_BY_CSL[key]] = Date.from_csl(value)
            elif key == "title" and isinstance(value, str):
                values["title"] = unprotect(value)
            elif key in _STRINGS_BY_CSL and isinstance(value, str | int | float) and not isinstance(value, bool):
                values[_STRINGS_BY_CSL[key]] = str(value)
            else:
                extra[key] = value
        values["et_al"] = bool(custom.pop("et-al", False)) or cut
        if custom.pop("container-title-is-short", False) and values.get("container_title") == values.get(
            "container_title_short"
        ):
            values["container_title"] = None
        values["notice"] = custom.pop("notice", None)
        values["page_as_written"] = custom.pop("page-as-written", None)
        values["flags"] = tuple(custom.pop("flags", ()))
        values["changes"] = tuple(custom.pop("changes", ()))
        values["tags"] = tuple(custom.pop("tags", ()))
        values["match"] = custom.pop("match", None)
        values["provenance"] = tuple(Occurrence.from_dict(o) for o in custom.pop("provenance", ()))
        extra.update(custom.pop(_EXTRA_KEY, {}))
        if custom:
            extra["custom"] = custom
        values["extra"] = extra
        return cls(**values)


def _names_from_csl(items: list[Mapping[str, Any]], written: Any) -> tuple[Name, ...]:
    """Names read from CSL-JSON, each as written (`custom.names-as-written`) where that still matches."""
    names = [Name.from_csl(item) for item in items]
    if isinstance(written, list) and len(written) == len(items):
        for i, data in enumerate(written):
            if isinstance(data, Mapping):
                name = Name.from_csl(data)
                if csl_name(name) == {k: str(v) for k, v in items[i].items() if v is not None}:
                    names[i] = name
    return tuple(names)


# -- building frozen instances fast --------------------------------------------------------
#
# A frozen dataclass's `__init__` stores each field through `object.__setattr__`, which made
# building names and references a quarter of the work of parsing a page. Readers on hot paths
# build a draft instead, a mutable dataclass with the same fields and slots whose `__init__`
# stores fields directly, and `sealed()` then turns it into the frozen class itself: CPython
# allows assigning `__class__` between classes with the same slots. The result is an ordinary
# `Name`, `Occurrence` or `Reference`, immutable like any other.


def _draft_class(cls: type) -> type:
    fields = [
        (f.name, f.type, field(default=f.default, default_factory=f.default_factory))
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(f"{cls.__name__}Draft", fields, slots=True, eq=False, match_args=False)


NameDraft = _draft_class(Name)
OccurrenceDraft = _draft_class(Occurrence)
ReferenceDraft = _draft_class(Reference)
_SEALED_AS = {NameDraft: Name, OccurrenceDraft: Occurrence, ReferenceDraft: Reference}


def sealed(draft: Any) -> Any:
    """The frozen instance a draft (`NameDraft(...)`, …) stands for; the draft must not be used after."""
    draft.__class__ = _SEALED_AS[draft.__class__]
    return draft


# -- run reports -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unparsed:
    """An input line that became no part of any reference, and why."""

    source: str
    line: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Merge:
    """One occurrence merged into a kept reference, the rule that merged it, and differing values."""

    kept: str
    merged: Occurrence
    reason: str
    score: float = 1.0
    conflicts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {
            "kept": self.kept,
            "merged": self.merged.to_dict(),
            "reason": self.reason,
            "score": round(self.score, 4),
        }
        if self.conflicts:
            data["conflicts"] = list(self.conflicts)
        return data


@dataclass
class Report:
    """What a run did besides producing references: unparsed lines, merges, warnings."""

    unparsed: list[Unparsed] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: Report) -> None:
        self.unparsed.extend(other.unparsed)
        self.merges.extend(other.merges)
        self.warnings.extend(other.warnings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "unparsed": [u.to_dict() for u in self.unparsed],
            "merges": [m.to_dict() for m in self.merges],
            "warnings": list(self.warnings),
        }


# -- the bibliography ------------------------------------------------------------------------


@dataclass
class Bibliography:
    """An ordered collection of references with lookup by citation key.

    `header` carries what a page says about itself (for a disease-information page:
    `{"disease": ..., "title": ..., "description": [...]}`); `report` what reading
    and merging found.
    """

    references: list[Reference] = field(default_factory=list)  # or `SpilledReferences` for a large list
    header: dict[str, Any] = field(default_factory=dict)
    report: Report = field(default_factory=Report)

    def __post_init__(self) -> None:
        from .spill import SpilledReferences

        if isinstance(self.references, SpilledReferences):  # a large list kept on disk (see `myobib.spill`)
            self.references = self.references.keyed()
        else:
            self.references = assign_keys(self.references)
        self._by_key = {key: index for index, key in enumerate(self.keys())}

    def __iter__(self) -> Iterator[Reference]:
        return iter(self.references)

    def __len__(self) -> int:
        return len(self.references)

    def __getitem__(self, key: str | int) -> Reference:
        if isinstance(key, int):
            return self.references[key]
        return self.references[self._by_key[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def keys(self) -> list[str]:
        ids = getattr(self.references, "ids", None)  # on disk: read without loading the references
        return list(ids) if ids is not None else [ref.id for ref in self.references]

    def get(self, key: str, default: Reference | None = None) -> Reference | None:
        index = self._by_key.get(key)
        return default if index is None else self.references[index]

    def with_references(self, references: Iterable[Reference], report: Report | None = None) -> Bibliography:
        """A new bibliography with the same header and these references."""
        return Bibliography(list(references), dict(self.header), report if report is not None else self.report)

    # Thin calls into the stage modules (imported lazily to keep `import myobib` cheap).

    def dedupe(self) -> Bibliography:
        """Merge repeated references; merges are added to `report`."""
        from .dedupe import dedupe

        return dedupe(self)

    def to_csl_json(self, **options: Any) -> str:
        from .writers.csljson import dumps

        return dumps(self, **options)

    def to_bibtex(self, **options: Any) -> str:
        from .writers.bibtex import dumps

        return dumps(self, **options)

    def resolve(self, client: Any = None, **options: Any) -> tuple[Bibliography, Any]:
        """Attach verified DOIs (see `myobib.resolve.resolve`); returns the new bibliography and a report."""
        from .resolve import resolve

        return resolve(self, client, **options)

    def format(self, style: str = "vancouver", *, output: str = "text", locale: str | None = None) -> list[str]:
        """One formatted entry per reference in a CSL style (see `myobib.formatting.format_bibliography`)."""
        from .formatting import format_bibliography

        return format_bibliography(self, style, output=output, locale=locale)

    def cite(self, keys: list[str], style: str = "vancouver", **options: Any) -> str:
        """An in-text citation of `keys`, such as `(1–3)` or `(Aggarwal et al., 2017)`."""
        from .formatting import cite

        return cite(self, keys, style, **options)

    def reading_list(self, by: str = "topic", **options: Any) -> Any:
        """Tag, filter and group into a reading list (see `myobib.readinglist.build`)."""
        from .readinglist import build

        return build(self, by, **options)


# -- citation keys ---------------------------------------------------------------------------

_KEY_STOPWORDS = frozenset(
    "a an and the of for in on to with by at from as or is are be its their our into between "
    "toward towards versus vs via de la le les des du et".split()
)


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _ascii_word(text: str) -> str:
    return fold(text).replace(" ", "")


def base_key(ref: Reference) -> str:
    """`lundberg2017european`: first author's family name, year, first word of the title."""
    first = ref.first_author
    who = ""
    if first is not None:
        who = _ascii_word((first.family or "").split()[-1] if first.family else (first.literal or "").split()[0])
    year = str(ref.year) if ref.year else ""
    word = ""
    for token in (ref.title or "").split():
        cleaned = _ascii_word(token)
        if cleaned and not cleaned[0].isdigit() and cleaned not in _KEY_STOPWORDS:
            word = cleaned
            break
    return (who + year + word) or "ref"


def assign_keys(references: Iterable[Reference], *, in_place: bool = False) -> list[Reference]:
    """Give each reference a unique, stable key, keeping ids that are already unique.

    A reference whose key changes is copied, unless `in_place`: then the caller has just built
    the references, nothing else holds them yet, and each key is set on the reference itself.
    """
    refs = list(references)
    for index, key in new_keys([ref.id for ref in refs], refs.__getitem__).items():
        ref = refs[index] if in_place else copy.copy(refs[index])
        object.__setattr__(ref, "id", key)  # Reference is frozen
        refs[index] = ref
    return refs


def _suffix(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def new_keys(ids: Sequence[str], reference_at: Callable[[int], Reference]) -> dict[int, str]:
    """The keys `assign_keys` would change, by position, given every reference's current key.

    `reference_at(i)` is asked only for references without a key, so a list kept on disk
    is keyed without loading the references whose keys are already unique.
    """
    given = {key for key in ids if key}
    taken: set[str] = set()
    next_suffix: dict[str, int] = {}  # per base key, so colliding keys cost O(1) each
    changed: dict[int, str] = {}
    for index, current in enumerate(ids):
        key = current
        if not current or current in taken:
            base = current or base_key(reference_at(index))
            key, n = base, next_suffix.get(base, 0)
            while key in taken or (key != current and key in given):
                key = f"{base}{_suffix(n)}"
                n += 1
            next_suffix[base] = n
            changed[index] = key
        taken.add(key)
    return changed


from .names import ET_AL, csl_name, is_et_al  # noqa: E402  (names.py needs Name first)
