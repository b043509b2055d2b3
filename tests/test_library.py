"""The trusted local CSL-JSON library and the shipped seed library."""

from __future__ import annotations

import json

import jsonschema
import pytest

from myobib import load
from myobib.errors import InputError
from myobib.library import Library, from_seed_records

from .conftest import ROOT

SEED_LIBRARY = ROOT / "refs" / "seed-library.json"


@pytest.fixture(scope="module")
def records(shared_dir):
    return json.loads((shared_dir / "seed" / "seed-references.json").read_text(encoding="utf-8"))


def test_seed_library_is_valid_csl_with_only_confirmed_dois(shared_dir, records):
    items = json.loads(SEED_LIBRARY.read_text(encoding="utf-8"))
    schema = json.loads((shared_dir / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, schema)
    assert len(items) == len(records) == 17
    confirmed = {r["title_as_published"]: r["doi"] for r in records if r["doi"] and r["doi_status"] == "verified"}
    assert len(confirmed) == 13
    assert {i["title"]: i["DOI"] for i in items if "DOI" in i} == confirmed


def test_seed_library_is_what_the_builder_makes(records):
    assert json.loads(SEED_LIBRARY.read_text(encoding="utf-8")) == from_seed_records(records)


def test_records_without_confirmed_doi_get_none(records):
    unverified = [dict(r, doi_status="unverified") if r["doi"] else r for r in records[:3]]
    assert all("DOI" not in item for item in from_seed_records(unverified))


def test_seed_list_against_the_seed_library(seed_path, records):
    library = Library.load(SEED_LIBRARY)
    expected = {r["n"]: r["doi"] for r in records}
    for ref in load(seed_path):
        result = library.lookup(ref)
        assert result.status == "matched", (ref.list_number, result.reasons)
        assert result.doi == expected[ref.list_number]


def test_candidates_are_a_small_subset():
    library = Library.load(SEED_LIBRARY)
    ref = load(SEED_LIBRARY)[6]
    assert 1 <= len(library.candidates(ref)) < len(library)


def test_reference_with_a_doi_is_verified_against_that_entry():
    library = Library.load(SEED_LIBRARY)
    bib = load(SEED_LIBRARY)
    lundberg = next(r for r in bib if r.DOI == "10.1002/art.40320")
    assert library.lookup(lundberg).status == "matched"
    wrong = lundberg.replace(DOI="10.1093/rheumatology/keac115")
    result = library.lookup(wrong)
    assert result.status == "rejected" and "points elsewhere" in result.reasons[0]


def test_bad_library_file_names_file_and_line(tmp_path):
    path = tmp_path / "zotero.json"
    path.write_text('[\n{"id": "a", "type": "article-journal"},\n{"id": \n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Library.load(path)
    assert "zotero.json:" in str(caught.value)


def test_from_csl():
    library = Library.from_csl([{"id": "x", "type": "article-journal", "title": "A title", "DOI": "10.1/x"}], "mine")
    assert len(library) == 1 and library.references[0].DOI == "10.1/x"
