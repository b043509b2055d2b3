"""CSL-JSON: schema validity and lossless round trips."""

from __future__ import annotations

import json

import jsonschema
import pytest

import myobib
from myobib import Bibliography, Date, Name, Occurrence, Reference
from myobib.readers import csljson as reader
from myobib.writers import csljson as writer


@pytest.fixture(scope="module")
def schema(shared_dir):
    return json.loads((shared_dir / "schemas" / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(seed_path):
    return myobib.load(seed_path)


def test_seed_output_validates_against_schema_in_list_order(seed, schema):
    items = json.loads(seed.to_csl_json())
    jsonschema.validate(items, schema)
    assert [item["custom"]["provenance"][0]["list-number"] for item in items] == list(range(1, 18))


def test_seed_round_trip_keeps_every_field(seed):
    text = writer.dumps(seed)
    again = reader.loads(text, "seed.json")
    assert list(again) == list(seed)
    assert writer.dumps(again) == text


def test_every_model_field_survives(schema):
    ref = Reference(
        id="k1", type="article-journal", title="T", author=(Name("de Souza", "FHC", suffix="Jr"), Name(literal="G")),
        et_al=True, container_title="Full", container_title_short="Abbr", issued=Date(2019, 1, 22),
        volume="59", issue="2 Suppl 1", supplement="1", page="S57-S107", page_first="S57",
        page_as_written="S57-107", number="6", DOI="10.1/x", PMID="1", PMCID="PMC1", URL="https://x/%7e",
        ISSN="1234-5678", publisher="P", note="Erratum in: X.",
        editor=(Name("Dumitru", "D"), Name(literal="WHO")), container_author=(Name("Mattos", "RA"),),
        publisher_place="Philadelphia", edition="2nd", collection_title="Technical Report Series",
        collection_number="916", genre="Master's thesis", event_title="ACR Convergence", event_place="Boston",
        ISBN="978-1-56053-499-1", language="pt", accessed=Date(2014, 9, 29), notice="erratum",
        provenance=(Occurrence("a.txt", 3, 5, "raw\ntext", 4, "k"),), flags=("retracted",),
        match={"status": "matched", "confidence": 0.99}, changes=({"field": "ISSN", "old": None, "new": "1"},),
        tags=({"facet": "topic", "tag": "ILD", "evidence": ["lung"]},),
        extra={"abstract": "A", "x-unknown": [1, 2], "custom": {"mine": True}},
    )  # fmt: skip
    data = ref.to_csl()
    jsonschema.validate([data], schema)
    assert Reference.from_csl(json.loads(json.dumps(data))) == ref


def test_foreign_csl_keeps_unknown_variables(schema):
    item = {"id": "Zot1", "type": "book", "title": "B", "ISBN": "978", "editor": [{"family": "E"}],
            "issued": {"date-parts": [["2020", "3"]]}, "custom": {"zotero": 1}}  # fmt: skip
    bib = reader.loads(json.dumps([item]), "zotero.json")
    ref = bib["Zot1"]
    assert ref.issued == Date(2020, 3) and ref.ISBN == "978"
    out = json.loads(writer.dumps(bib))[0]
    jsonschema.validate([out], schema)
    assert out["ISBN"] == "978" and out["editor"] == [{"family": "E"}] and out["custom"]["zotero"] == 1
    assert out["custom"]["provenance"][0]["source"] == "zotero.json"


@pytest.mark.parametrize(("text", "line"), [('[{"id": 1,\n', 2), ('{"a": 1}\n[', 2)])
def test_invalid_json_names_the_line(text, line):
    with pytest.raises(myobib.InputError) as error:
        reader.loads(text, "bad.json")
    assert str(error.value).startswith(f"bad.json:{line}: invalid JSON")


def test_wrong_shape_is_reported_not_dropped():
    bib = reader.loads('[{"id": "a", "type": "book"}, 42, "x"]', "w.json")
    assert len(bib) == 1 and len(bib.report.unparsed) == 2


def test_write_is_atomic_and_replaces(tmp_path, seed):
    target = tmp_path / "out.json"
    target.write_text("old")
    writer.write(seed, target)
    assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == seed[0].id
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_duplicate_ids_get_unique_keys():
    bib = Bibliography([Reference(id="a"), Reference(id="a"), Reference(title="Hello world", id="")])
    assert len(set(bib.keys())) == 3 and bib.keys()[0] == "a"


def test_provenance_lines_of_each_item_and_of_wrong_shapes():
    text = '[\n  {"id": "a", "type": "book"},\n  7,\n  {\n    "id": "b",\n    "type": "book"\n  }\n]\n'
    bib = reader.loads(text, "lines.json")
    assert [(r.provenance[0].line_start, r.provenance[0].line_end) for r in bib] == [(2, 2), (4, 7)]
    assert [(u.line, u.text) for u in bib.report.unparsed] == [(3, "7")]


def test_colliding_generated_keys_stay_unique_and_ordered():
    bib = Bibliography([Reference(title="Same title") for _ in range(30)])
    assert bib.keys()[:3] == ["same", "samea", "sameb"] and len(set(bib.keys())) == 30
