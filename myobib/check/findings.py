"""What `myobib check` says about one reference: its verdict and the evidence behind it.

A finding is read from what the earlier stages left, whatever their source: the reference as
the list wrote it, the same reference after resolving (its `match`, `changes` and `flags`),
and the resolve report's rows for it (one per source that was asked). Sources are data here
(`library:…`, `crossref`, `doi`, and any later one), never branches of the code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Date, Merge, Name, Reference

__all__ = [
    "ATTENTION",
    "CORRECTED",
    "UNRESOLVED",
    "VERDICTS",
    "VERIFIED",
    "Difference",
    "Finding",
    "assess",
    "show_date",
    "show_value",
]

VERIFIED, CORRECTED, ATTENTION, UNRESOLVED = "verified", "corrected", "needs-attention", "unresolved"
VERDICTS = (ATTENTION, UNRESOLVED, CORRECTED, VERIFIED)

MATCHED = "matched"
# Row statuses that leave a reference without any record.
_NO_RECORD = {"unresolved", "not-found", "error"}
# The matcher's field names and the CSL variable each compares.
_MATCH_FIELDS = {"year": "issued", "journal": "container-title", "author": "author"}
# Fields a reference list prints, so a filled or differing value is a difference the reader sees.
_LISTED = ("title", "author", "issued", "volume", "issue", "page", "number", "container-title")
IDENTIFIERS = ("DOI", "PMID", "PMCID")
# Flag prefixes (see `myobib.crossref.enrich.update_flags`) and what each notice is called.
NOTICES = {
    "retracted": "retraction",
    "withdrawn": "withdrawal",
    "concern": "expression of concern",
    "corrected": "correction",
}
# Notices that make a cited work need attention, whether on record or cited by the list itself.
_ALARMING = {"retraction", "withdrawal", "expression of concern", "retracted and republished"}
_LIST_NOTES = ("Erratum in:", "Retraction in:", "Retracted and republished in:", "Expression of concern in:")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Difference:
    """One field where the list and a record differ.

    `kind`: `disagrees` (the matcher found the values incompatible), `added` (the list has no
    value, the record gives one), `completed` (the record completes the list's value, e.g. a
    first page into a range) or `differs` (another wording the matcher accepted as the same).
    `applied`: the corrected list carries the record's value.
    """

    field: str
    list_value: str | None
    record_value: str | None
    source: str
    kind: str
    applied: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "list": self.list_value,
            "record": self.record_value,
            "source": self.source,
            "kind": self.kind,
            "applied": self.applied,
        }


@dataclass
class Finding:
    """Everything `check` says about one reference."""

    key: str
    number: int | None
    title: str | None
    verdict: str
    reasons: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    identifiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    published: dict[str, Any] | None = None
    notices: list[dict[str, Any]] = field(default_factory=list)
    occurrences: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    original: str = ""
    corrected: str | None = None

    @property
    def needs_attention(self) -> bool:
        return self.verdict == ATTENTION

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "list-number": self.number,
            "title": self.title,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "differences": [d.to_dict() for d in self.differences],
            "identifiers": {name: dict(value) for name, value in self.identifiers.items()},
            "published": self.published,
            "notices": [dict(n) for n in self.notices],
            "occurrences": [dict(o) for o in self.occurrences],
            "sources": [dict(s) for s in self.sources],
            "original": self.original,
            "corrected": self.corrected,
        }


# -- showing values ------------------------------------------------------------------------------


def show_date(date: Date | Mapping[str, Any] | None) -> str | None:
    """`2018 Mar 7` (NLM order) from a `Date` or a CSL date."""
    if isinstance(date, Mapping):
        date = Date.from_csl(date)
    if date is None:
        return None
    if date.year is None:
        return date.literal
    if date.literal and date.month is None:
        return date.literal  # a season: `2019 Spring`
    parts = [str(date.year)]
    if date.month and 1 <= date.month <= 12:
        parts.append(MONTHS[date.month - 1])
        if date.day:
            parts.append(str(date.day))
    return " ".join(parts)


def show_value(name: str, value: Any) -> str | None:
    """A field value (a model value or its CSL-JSON form) as a reader would write it."""
    if value is None or value == "" or value == []:
        return None
    if name in ("issued", "available-date"):
        return show_date(value)
    if name == "author":
        names = [n if isinstance(n, Name) else Name.from_csl(n) for n in value if isinstance(n, Name | Mapping)]
        return ", ".join(n.display() for n in names) or None
    return str(value)


def _list_value(ref: Reference, name: str) -> str | None:
    if name == "author":
        return show_value("author", ref.author[:1])
    if name == "issued":
        return show_date(ref.issued)
    if name == "page":
        return ref.page_as_written or ref.page
    if name == "container-title":
        return ref.journal
    return show_value(name, getattr(ref, name.replace("-", "_"), None))


# -- the finding ---------------------------------------------------------------------------------


def _label(row: Mapping[str, Any]) -> str:
    source = str(row.get("source") or "unknown source")
    identifier = row.get("DOI") or row.get("PMID")
    return f"{source}:{identifier}" if identifier and str(identifier) not in source else source


def _is_ahead_of_print(ref: Reference) -> bool:
    """A journal article cited by its date alone: no volume, issue, page or article number yet."""
    return ref.type in ("article-journal", "article") and not (ref.volume or ref.issue or ref.page or ref.number)


def _differences(before: Reference, after: Reference, rows: Sequence[Mapping[str, Any]]) -> list[Difference]:
    out: list[Difference] = []
    seen: set[tuple[str, str]] = set()
    known = {_key(c) for c in before.changes}  # an input already resolved brings its own change log
    for change in after.changes:
        if _key(change) in known:
            continue
        name = str(change.get("field"))
        if name not in _LISTED or name == "author":  # a list cut with "et al." stays cut
            continue
        kind = "added" if change.get("old") in (None, "", []) else "completed"
        out.append(
            Difference(
                name,
                _list_value(before, name),
                show_value(name, change.get("new")),
                str(change.get("source") or "unknown source"),
                kind,
            )
        )
        seen.add((name, str(change.get("source"))))
    for row in rows:
        if row.get("status") != MATCHED:
            continue
        disagreed = {_MATCH_FIELDS.get(str(n), str(n)) for n in row.get("disagreed") or []}
        record = dict(row.get("record") or {})
        for name in [n for n in _LISTED if n in record or n in disagreed]:
            if (name, _label(row)) in seen:
                continue
            record_value = show_value(name, record.get(name))
            list_value = _list_value(before, name)
            if record_value == list_value and name not in disagreed:
                continue
            kind = "disagrees" if name in disagreed else "differs"
            out.append(Difference(name, list_value, record_value, _label(row), kind))
    return out


def _key(change: Mapping[str, Any]) -> str:
    return json.dumps(change, sort_keys=True, default=str)


def _identifiers(before: Reference, after: Reference) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    sources = {str(c.get("field")): str(c.get("source")) for c in after.changes}
    for name in IDENTIFIERS:
        value = getattr(after, name)
        if value:
            in_list = bool(getattr(before, name))
            found[name] = {
                "value": value,
                "source": "the list" if in_list else sources.get(name, "unknown source"),
                "in-list": in_list,
            }
    return found


def _notices(before: Reference, after: Reference) -> list[dict[str, Any]]:
    notices = []
    for flag in after.flags:
        prefix, _, target = flag.partition(":")
        if prefix in NOTICES:
            notices.append({"kind": NOTICES[prefix], "notice": target or None, "source": "record", "flag": flag})
    note = before.note or ""
    for marker in _LIST_NOTES:
        if marker in note:
            text = note[note.index(marker) :]
            notices.append(
                {"kind": marker.rstrip(":").replace(" in", "").lower(), "notice": text, "source": "the list"}
            )
    return notices


def _occurrences(ref: Reference, merges: Iterable[Merge]) -> list[dict[str, Any]]:
    by_occurrence = {(m.merged.source, m.merged.line_start): m for m in merges}
    out = []
    for position, occ in enumerate(ref.provenance):
        merge = by_occurrence.get((occ.source, occ.line_start))
        entry: dict[str, Any] = {
            "role": "entry" if position == 0 else "repeat",
            "source": occ.source,
            "list-number": occ.list_number,
            "line-start": occ.line_start,
            "line-end": occ.line_end,
            "text": occ.text,
        }
        if merge is not None:
            entry["rule"] = merge.reason
            entry["conflicts"] = list(merge.conflicts)
        out.append(entry)
    return out


def assess(
    before: Reference,
    after: Reference,
    rows: Sequence[Mapping[str, Any]],
    merges: Iterable[Merge] = (),
) -> Finding:
    """The finding for one reference: `before` as the list wrote it, `after` resolved, `rows` the
    resolve report's rows for it (as dicts, any number of sources), `merges` its repeats merged."""
    finding = Finding(after.id, after.list_number, after.title, VERIFIED)
    finding.sources = [dict(row) for row in rows]
    finding.differences = _differences(before, after, rows)
    finding.identifiers = _identifiers(before, after)
    finding.notices = _notices(before, after)
    finding.occurrences = _occurrences(after, merges)
    matched = [row for row in rows if row.get("status") == MATCHED]
    if matched and _is_ahead_of_print(before) and not _is_ahead_of_print(after):
        record = next((dict(row.get("record") or {}) for row in matched if row.get("record")), {})
        finding.published = {
            "volume": after.volume,
            "issue": after.issue,
            "page": after.page or after.number,
            "issued": show_value("issued", record.get("issued")),
            "source": _label(matched[0]),
        }

    attention = []
    for notice in finding.notices:
        if notice["kind"] in _ALARMING:
            where = "on record" if notice["source"] == "record" else "cited in the list"
            attention.append(f"{notice['kind']} {where} ({notice['notice']})")
    if not any(row.get("status") == "rejected" for row in rows):  # else the row says it, with the reasons
        for flag in after.flags:
            if flag.startswith("doi-rejected:"):
                attention.append(f"the list's DOI {flag.partition(':')[2]} belongs to another work")
    for row in rows:
        status = str(row.get("status"))
        why = "; ".join(str(r) for r in row.get("reasons") or [])
        if status == "ambiguous":
            attention.append(f"ambiguous ({_label(row)}): {why}" if why else f"ambiguous ({_label(row)})")
        elif status == "rejected":
            attention.append(f"rejected ({_label(row)}): {why}" if why else f"rejected ({_label(row)})")
    for diff in finding.differences:
        if diff.kind == "disagrees":
            attention.append(
                f"{diff.field} disagrees with the record: the list says {diff.list_value or '—'}, "
                f"{diff.source} says {diff.record_value or '—'}"
            )
    if attention:
        finding.verdict, finding.reasons = ATTENTION, attention
    elif not matched:
        finding.verdict = UNRESOLVED
        finding.reasons = [_unresolved_reason(row) for row in rows] or ["not looked up"]
    return finding


def _unresolved_reason(row: Mapping[str, Any]) -> str:
    """`not-found (crossref): 5 candidates considered, none fits`, `no Crossref client (offline)`."""
    why = "; ".join(str(r) for r in row.get("reasons") or []) or "no reason given"
    status = str(row.get("status"))
    if row.get("source"):
        return f"{status} ({row['source']}): {why}"
    return why if status == "unresolved" else f"{status}: {why}"
