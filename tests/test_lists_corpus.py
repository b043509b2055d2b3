"""The labelled reference lists of tests/data/lists and of the held-out set tests/data/holdout are
consistent with themselves and their sources.

These tests check the corpus, not myobib: `tests/lists_score.py` measures myobib on it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.lists_score import HOLDOUT_DIR, LISTS_DIR, score_records

FOLDERS = {"lists": LISTS_DIR, "holdout": HOLDOUT_DIR}
# (lists at least, share of works that are not journal articles at least)
MINIMUMS = {"lists": (6, 1 / 5), "holdout": (3, 1 / 3)}
CASES = [
    pytest.param(folder, path.stem, id=f"{name}/{path.stem}")
    for name, folder in FOLDERS.items()
    for path in sorted(folder.glob("*.txt"))
]


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("lists_build", LISTS_DIR / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labels(folder: Path, slug: str) -> list[dict[str, Any]]:
    return json.loads((folder / f"{slug}.expected.json").read_text(encoding="utf-8"))


def _lines(folder: Path, slug: str) -> list[str]:
    return (folder / f"{slug}.txt").read_text(encoding="utf-8").split("\n")


def _declared_non_entry_lines(folder: Path) -> dict[str, set[int]]:
    """README lines like "- `x.txt`: lines 1-5, 9 (…)" name the lines that are no entry."""
    declared: dict[str, set[int]] = {}
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for match in re.finditer(r"^- `([\w-]+)\.txt`: lines? ([\d, -]+)", readme, re.M):
        numbers: set[int] = set()
        for part in match[2].split(","):
            if part.strip():
                first, _, last = part.strip().partition("-")
                numbers.update(range(int(first), int(last or first) + 1))
        declared[match[1]] = numbers
    return declared


@pytest.mark.parametrize("name", FOLDERS)
def test_there_are_enough_lists(name: str) -> None:
    folder = FOLDERS[name]
    least_lists, least_share = MINIMUMS[name]
    slugs = [p.stem for p in folder.glob("*.txt")]
    if name == "holdout" and not slugs:
        pytest.skip("no held-out list: the held-out lists were moved to tests/data/lists to be tuned on")
    assert len(slugs) >= least_lists
    works = [w for slug in slugs for w in _labels(folder, slug)]
    not_articles = [w for w in works if w["type"] != "article-journal" or w.get("notice")]
    assert len(not_articles) >= len(works) * least_share


def test_holdout_shares_no_work_with_the_tuning_lists() -> None:
    def keys(folder: Path) -> dict[str, str]:
        found = {}
        for path in folder.glob("*.expected.json"):
            for work in json.loads(path.read_text(encoding="utf-8")):
                fields = work["fields"]
                for key in (fields.get("title"), fields.get("DOI")):
                    if key:
                        found[re.sub(r"\W+", " ", key.casefold()).strip()] = f"{path.name}: {work['work']}"
        return found

    tuning, holdout = keys(LISTS_DIR), keys(HOLDOUT_DIR)
    if not any(HOLDOUT_DIR.glob("*.expected.json")):
        pytest.skip("no held-out list: the held-out lists were moved to tests/data/lists to be tuned on")
    assert holdout
    assert {k: (holdout[k], tuning[k]) for k in holdout.keys() & tuning.keys()} == {}


@pytest.mark.parametrize(("folder", "slug"), CASES)
def test_built_files_match_their_marked_source(folder: Path, slug: str) -> None:
    text, works = _builder().build(folder / "src" / f"{slug}.marked")
    assert text == (folder / f"{slug}.txt").read_text(encoding="utf-8")
    assert works == _labels(folder, slug)


@pytest.mark.parametrize(("folder", "slug"), CASES)
def test_types_are_csl_types(folder: Path, slug: str, shared_dir: Path) -> None:
    schema = json.loads((shared_dir / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
    types = set(schema["items"]["properties"]["type"]["enum"])
    for work in _labels(folder, slug):
        assert work["type"] in types, work["work"]
        assert work.get("notice") in (None, "erratum", "retraction", "comment", "reply"), work["work"]


@pytest.mark.parametrize(("folder", "slug"), CASES)
def test_occurrences_cover_exactly_the_entry_lines(folder: Path, slug: str) -> None:
    lines = _lines(folder, slug)
    seen: dict[int, str] = {}
    for work in _labels(folder, slug):
        assert work["occurrences"], work["work"]
        for occ in work["occurrences"]:
            first, last = occ["lines"]
            assert 1 <= first <= last <= len(lines), (work["work"], occ)
            for number in range(first, last + 1):
                assert lines[number - 1].strip(), f"{slug}: line {number} of {work['work']} is blank"
                assert number not in seen, f"{slug}: line {number} in {seen.get(number)} and {work['work']}"
                seen[number] = work["work"]
            if "number" in occ:
                # `1.`, `1 ` or `[1]` (a bracketed number, as in IEEE-like and French Vancouver lists)
                assert re.match(rf"{occ['number']}(\.|\s)|\[{occ['number']}\]", lines[first - 1]), (work["work"], occ)
        assert work["numbers"] == [o["number"] for o in work["occurrences"] if "number" in o]
    non_entry = {n for n, line in enumerate(lines, start=1) if line.strip()} - set(seen)
    assert non_entry == _declared_non_entry_lines(folder).get(slug, set()), f"{slug}: lines outside entries"


@pytest.mark.parametrize(("folder", "slug"), CASES)
def test_every_label_is_printed_in_its_entry(folder: Path, slug: str) -> None:
    lines = _lines(folder, slug)
    for work in _labels(folder, slug):
        text = " ".join(
            lines[n - 1] for occ in work["occurrences"] for n in range(occ["lines"][0], occ["lines"][1] + 1)
        )
        text = unicodedata.normalize("NFC", text)
        for variable, value in work["fields"].items():
            if variable in ("author", "editor"):
                for name in value:
                    printed = name.get("literal") or name["family"]
                    assert printed in text, (work["work"], variable, printed)
            elif variable in ("issued", "accessed"):
                year = value["year"]
                us_date = rf"\b{value.get('month')}-{value.get('day')}-{year % 100:02d}\b"  # 8-25-23
                assert str(year) in text or re.search(us_date, text), (work["work"], variable)
            elif variable != "et-al":
                assert value in text, (work["work"], variable, value)


def test_scorer_pairs_records_by_provenance_and_counts_fields() -> None:
    works = [
        {
            "work": "a",
            "occurrences": [{"lines": [1, 1]}, {"lines": [4, 4]}],
            "type": "book",
            "fields": {"title": "A book", "page": "729-57", "author": [{"family": "Jacob", "given": "M"}]},
        },
        {
            "work": "b",
            "occurrences": [{"lines": [2, 3]}],
            "type": "article-journal",
            "notice": "erratum",
            "fields": {"container-title": "Transl. Res.", "issued": {"year": 2018, "month": 5}},
        },
        {"work": "c", "occurrences": [{"lines": [5, 5]}], "type": "report", "fields": {"title": "Lost"}},
    ]

    def record(lines: list[tuple[int, int]], **data: Any) -> dict[str, Any]:
        provenance = [{"line-start": s, "line-end": e} for s, e in lines]
        return {"type": "book", **data, "custom": {"provenance": provenance, **data.pop("custom", {})}}

    records = [
        record([(1, 1), (4, 4)], title="A book.", page="729-757", author=[{"family": "Jacob", "given": "M."}]),
        record(
            [(2, 3)],
            type="article-journal",
            **{"container-title-short": "Transl Res"},
            issued={"date-parts": [[2018]]},
            custom={"notice": "erratum"},
        ),
        record([(6, 6)], title="a heading"),
    ]
    score = score_records("t", works, records)
    assert (score.works, score.records, score.one_record, score.missing, score.extra) == (3, 3, 2, 1, 1)
    wrong = {(w.work, w.field) for w in score.wrong}
    assert wrong == {("b", "issued"), ("c", "type"), ("c", "title")}
    assert (score.right, score.fields) == (6, 9)
    assert score.by_kind["erratum"] == [1, 1, 2, 3]


def test_scorer_reads_csl_rich_text_and_spanish_supplements_as_printed() -> None:
    works = [
        {
            "work": "a",
            "occurrences": [{"lines": [1, 1]}],
            "type": "article-journal",
            "fields": {
                "title": "WHO guideline on HIV",
                "container-title": "Medicina (B Aires)",
                "supplement": "Supl. 3",
            },
        }
    ]
    record = {
        "type": "article-journal",
        "title": '<span class="nocase">WHO</span> guideline on <i>HIV</i>',
        "container-title": "Medicina (B Aires)",
        "supplement": "3",
        "custom": {"provenance": [{"line-start": 1, "line-end": 1}]},
    }
    score = score_records("t", works, [record])
    assert (score.right, score.fields) == (4, 4), score.wrong


def test_scorer_reads_a_trailing_et_al_literal_as_the_cut_not_as_an_author() -> None:
    works = [
        {
            "work": "a",
            "occurrences": [{"lines": [1, 1]}],
            "type": "article-journal",
            "fields": {"author": [{"family": "Rider", "given": "LG"}], "et-al": True},
        }
    ]
    record = {
        "type": "article-journal",
        "author": [{"family": "Rider", "given": "L. G."}, {"literal": "et al."}],
        "custom": {"provenance": [{"line-start": 1, "line-end": 1}]},
    }
    assert score_records("t", works, [record]).right == 3
    record["author"] = record["author"][:1]
    assert score_records("t", works, [record]).right == 2  # no et-al mark: the cut is lost
