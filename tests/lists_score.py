"""Score myobib on the labelled reference lists in tests/data/lists (issue 11), or another folder of them.

Each list `<slug>.txt` has labels `<slug>.expected.json`: one object per distinct work with the
lines of every occurrence, its CSL type (plus a `notice` kind for errata, retractions, comments
and replies) and every field as printed. The scorer runs myobib the way a user does:
`myobib.load(path)`, then the public CSL-JSON writer to a temporary FILE, which is read back with
`json`. Nothing inside myobib is looked at.

Pairing. A record covers the lines of its `custom.provenance` spans. A record belongs to a work
when it covers some line of the work's occurrences; a work's record is the one covering most of
its lines. A work has "exactly one record" when one record covers it and that record covers no
other work. Extra records are records that are no work's record (a second record for a repeat,
a heading read as a reference); missing works have no record at all.

Fields. Every labelled field counts once: `type` (with the notice kind, which is looked for in
`custom.notice`, `custom.flags` or `genre`), `title`, `author`, `editor` (a list is right only if
every name is), `et-al` (`custom.et-al`), `container-title`, `issued`, `accessed`, `volume`,
`issue`, `supplement`, `page`, `number`, `URL`, `DOI`, `PMID`, `PMCID`, `publisher`,
`publisher-place`, `edition`, `collection-title`, `genre`, `language`, `note`, ...
Field accuracy = right fields / labelled fields; a missing work gets all its fields wrong.
Fields a record has that the list did not print are not counted.

Normalised away (differences a reader would not see): CSL-JSON rich-text markup (`<span
class="nocase">`, `<i>`, …: processors print what it holds, not the tags); Unicode NFC; runs of
white space; a trailing full stop; a last author `{"literal": "et al."}` (the writer's mark of a
list the source cut: it is the `et-al` field, not a name); initials written `L. G.`, `L.G.` or
`LG`; in names, which slot a particle
(`de`, `da`) sits in; the en dash in pages and ranges written short (`729-57` = `729-757`,
`e39–56` = `e39–e56`; `custom.page-as-written` is accepted too); full stops in journal names
(`Transl. Res.` = `Transl Res`), and a journal printed as an abbreviation is found in either
`container-title-short` or `container-title`; `Suppl` (or the Spanish and Portuguese `Supl`) before
a supplement number; the case of a DOI; a note is right when the record's note contains the
printed note.

`python3 tests/lists_score.py [--dir FOLDER] [list ...] [--wrong]` prints a table per list and per
kind (and, with --wrong, every wrong field: expected vs got). FOLDER defaults to tests/data/lists;
`--dir tests/data/holdout` scores the held-out lists, which no parser is tuned on.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LISTS_DIR = Path(__file__).resolve().parent / "data" / "lists"
HOLDOUT_DIR = LISTS_DIR.parent / "holdout"

__all__ = ["HOLDOUT_DIR", "LISTS_DIR", "ListScore", "Wrong", "list_paths", "run_myobib", "score_list", "score_records"]


@dataclass
class Wrong:
    list: str
    work: str
    field: str
    expected: Any
    got: Any


@dataclass
class ListScore:
    """The figures for one list (or a sum of lists)."""

    name: str
    works: int = 0
    records: int = 0
    one_record: int = 0
    missing: int = 0
    extra: int = 0
    right: int = 0
    fields: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    wrong: list[Wrong] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.fields if self.fields else 1.0

    @property
    def one_record_share(self) -> float:
        return self.one_record / self.works if self.works else 1.0

    def add(self, other: ListScore) -> None:
        for name in ("works", "records", "one_record", "missing", "extra", "right", "fields"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, counts in other.by_kind.items():
            mine = self.by_kind[kind]
            for i, value in enumerate(counts):
                mine[i] += value
        self.wrong.extend(other.wrong)


def list_paths(names: Iterable[str] = (), directory: Path = LISTS_DIR) -> list[Path]:
    """The .txt lists named (slug or path), or all of them, in `directory`."""
    names = list(names)
    if not names:
        return sorted(directory.glob("*.txt"))
    paths = []
    for name in names:
        path = Path(name)
        paths.append(path if path.suffix == ".txt" and path.exists() else directory / f"{path.stem}.txt")
    return paths


def run_myobib(path: Path) -> list[dict[str, Any]]:
    """CSL-JSON items as a user gets them: load, write the file, read the file."""
    import myobib
    from myobib.writers import write

    bib = myobib.load(path)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        write(bib, out, "csl-json")
        return json.loads(out.read_text(encoding="utf-8"))


def score_list(path: Path) -> ListScore:
    """Run myobib on one list and score it against its labels."""
    labels = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    return score_records(path.stem, labels, run_myobib(path))


def score_records(name: str, works: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]]) -> ListScore:
    """Pair records with labelled works and count right fields."""
    score = ListScore(name, works=len(works), records=len(records))
    record_lines = [_record_lines(record) for record in records]
    work_lines = [_work_lines(work) for work in works]
    covers = [[w for w, lines in enumerate(work_lines) if lines & rl] for rl in record_lines]
    chosen: set[int] = set()
    for w, work in enumerate(works):
        overlapping = [r for r, ws in enumerate(covers) if w in ws]
        kind = work.get("notice") or work["type"]
        counts = score.by_kind[kind]
        counts[0] += 1
        if not overlapping:
            score.missing += 1
            record: Mapping[str, Any] = {}
        else:
            best = max(overlapping, key=lambda r: len(record_lines[r] & work_lines[w]))
            chosen.add(best)
            record = records[best]
            if len(overlapping) == 1 and covers[best] == [w]:
                score.one_record += 1
                counts[1] += 1
        for variable, expected, got, ok in _compare(work, record):
            score.fields += 1
            counts[3] += 1
            if ok:
                score.right += 1
                counts[2] += 1
            else:
                score.wrong.append(Wrong(name, work["work"], variable, expected, got))
    score.extra = len(records) - len(chosen)
    return score


def _work_lines(work: Mapping[str, Any]) -> set[int]:
    return {n for occ in work["occurrences"] for n in range(occ["lines"][0], occ["lines"][1] + 1)}


def _record_lines(record: Mapping[str, Any]) -> set[int]:
    lines: set[int] = set()
    for occ in (record.get("custom") or {}).get("provenance") or []:
        start, end = occ.get("line-start"), occ.get("line-end")
        if isinstance(start, int) and isinstance(end, int):
            lines.update(range(start, end + 1))
    return lines


def _compare(work: Mapping[str, Any], record: Mapping[str, Any]) -> Iterable[tuple[str, Any, Any, bool]]:
    custom = record.get("custom") or {}
    got_type = record.get("type")
    expected_type = work["type"] + (f"/{work['notice']}" if work.get("notice") else "")
    notice_ok = not work.get("notice") or work["notice"] in _notice_words(record)
    yield "type", expected_type, got_type, got_type == work["type"] and notice_ok
    for variable, expected in work["fields"].items():
        if variable == "et-al":
            got = custom.get("et-al") or _cut_with_et_al(record.get("author") or [])
            yield variable, expected, got, bool(got) == bool(expected)
        elif variable in ("author", "editor"):
            got = record.get(variable)
            yield variable, expected, got, _names(expected) == _names(_without_et_al(got or []))
        elif variable in ("issued", "accessed"):
            got = record.get(variable)
            yield variable, expected, got, _date(expected) == _date_parts(got)
        elif variable == "container-title":
            got = [record.get("container-title"), record.get("container-title-short")]
            yield variable, expected, got, any(_journal(expected) == _journal(g) for g in got if g)
        elif variable == "page":
            got = [record.get("page"), custom.get("page-as-written")]
            yield variable, expected, got[0], any(_pages(expected) == _pages(g) for g in got if g)
        elif variable == "note":
            got = record.get("note")
            yield variable, expected, got, bool(got) and _text(expected) in _text(got)
        else:
            got = record.get(variable)
            yield variable, expected, got, got is not None and _value(variable, expected) == _value(variable, got)


def _notice_words(record: Mapping[str, Any]) -> str:
    custom = record.get("custom") or {}
    parts = [custom.get("notice"), record.get("genre"), *(custom.get("flags") or [])]
    return " ".join(str(p).lower() for p in parts if p)


# CSL-JSON rich-text markup: processors render what it holds, never the tags.
_CSL_MARKUP = re.compile(
    r'</?(?:i|b|sup|sub)>|<span (?:class="no(?:case|decor)"|style="font-variant:\s?small-caps;?")>|</span>'
)


def _text(value: Any) -> str:
    text = _CSL_MARKUP.sub("", unicodedata.normalize("NFC", str(value)))
    text = re.sub(r"\s+", " ", text).strip()
    return text[:-1].rstrip() if text.endswith(".") else text


def _value(variable: str, value: Any) -> str:
    text = _text(value)
    if variable == "DOI":
        return text.lower()
    if variable == "supplement":
        return re.sub(r"^supp?l\.?\s*", "", text, flags=re.I)
    return text


def _journal(value: Any) -> str:
    return re.sub(r"\s+", " ", _text(value).replace(".", " ")).strip()


def _pages(value: Any) -> str:
    text = _text(value).replace("–", "-").replace("—", "-").replace(" ", "")
    match = re.fullmatch(r"([A-Za-z]*)(\d+)-([A-Za-z]*)(\d+)", text)
    if not match:
        return text
    prefix, first, _, last = match.groups()
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return f"{prefix}{first}-{prefix}{last}"


def _cut_with_et_al(names: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the last name is the `{"literal": "et al."}` that marks a list the source cut."""
    return bool(names) and _text(names[-1].get("literal") or "").casefold() in ("et al", "et al.")


def _without_et_al(names: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    return names[:-1] if _cut_with_et_al(names) else names


def _initials(given: str) -> str:
    return re.sub(r"[.\s]", "", given)


def _names(names: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    keys = []
    for name in names:
        if name.get("literal"):
            keys.append(("literal", _text(name["literal"])))
            continue
        words = []
        for part in ("non-dropping-particle", "family", "dropping-particle"):
            words += _text(name.get(part) or "").split()
        suffix = _text(name.get("suffix") or "").rstrip(".")
        keys.append((tuple(sorted(w.casefold() for w in words)), _initials(name.get("given") or ""), suffix))
    return keys


def _date(expected: Mapping[str, int]) -> list[int]:
    return [expected[k] for k in ("year", "month", "day") if k in expected]


def _date_parts(got: Any) -> list[int] | None:
    if not isinstance(got, Mapping):
        return None
    parts = (got.get("date-parts") or [[]])[0]
    try:
        return [int(p) for p in parts]
    except (TypeError, ValueError):
        return None


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(_cell(i, cell, widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(column: int, cell: str, width: int) -> str:
    return cell.ljust(width) if column == 0 else cell.rjust(width)


def main(argv: list[str]) -> int:
    show_wrong = "--wrong" in argv
    names = [a for a in argv if a != "--wrong"]
    directory = LISTS_DIR
    if "--dir" in names:
        at = names.index("--dir")
        directory = Path(names[at + 1])
        names = names[:at] + names[at + 2 :]
    total = ListScore("all lists")
    rows = [["list", "works", "records", "one record", "missing", "extra", "fields", "field accuracy"]]
    for path in list_paths(names, directory):
        score = score_list(path)
        total.add(score)
        rows.append(_row(score))
    rows.append(_row(total))
    print(_table(rows))
    print()
    kinds = [["kind", "works", "one record", "fields", "field accuracy"]]
    for kind, (works, one, right, fields) in sorted(total.by_kind.items(), key=lambda kv: -kv[1][0]):
        kinds.append([kind, str(works), f"{one / works:.0%}", str(fields), f"{right / fields:.1%}" if fields else "-"])
    print(_table(kinds))
    if show_wrong:
        print()
        for wrong in total.wrong:
            print(f"{wrong.list} {wrong.work} {wrong.field}: expected {wrong.expected!r}, got {wrong.got!r}")
    return 0


def _row(score: ListScore) -> list[str]:
    return [
        score.name,
        str(score.works),
        str(score.records),
        f"{score.one_record} ({score.one_record_share:.0%})",
        str(score.missing),
        str(score.extra),
        str(score.fields),
        f"{score.accuracy:.1%}",
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main(sys.argv[1:]))
