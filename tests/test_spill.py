"""Large lists kept on disk: the spilled sequence, and every stage giving the same result on it as on a list."""

from __future__ import annotations

import json

import pytest

import myobib
from myobib import Bibliography, Name, Reference
from myobib import spill as spill_module
from myobib.dedupe import dedupe
from myobib.merge import merge, merge_files
from myobib.readers import bibtex as bibtex_reader
from myobib.readers import ris as ris_reader
from myobib.spill import SpilledReferences, concat, gather, rebuild
from myobib.writers import bibtex, csljson, dumps, ris


def refs(n: int, prefix: str = "r") -> list[Reference]:
    return [Reference(id=f"{prefix}{i}", title=f"Title {i}", author=(Name("Family", "A"),)) for i in range(n)]


def on_disk(bib: Bibliography) -> Bibliography:
    spilled = gather(bib.references, spill_after=0)
    assert isinstance(spilled, SpilledReferences)
    return Bibliography(spilled, dict(bib.header), bib.report)


def test_spilled_references_read_back_equal_in_order():
    original = refs(50)
    spilled = SpilledReferences(original)
    assert len(spilled) == 50
    assert list(spilled) == original
    assert spilled[7] == original[7] and spilled[-1] == original[-1]
    assert list(spilled[10:13]) == original[10:13]
    assert spilled.ids == [ref.id for ref in original]


def test_derive_shares_records_and_stores_new_ones():
    spilled = SpilledReferences(refs(5))
    new = Reference(id="new", title="New")
    derived = spilled.derive([4, new, 0])
    assert [ref.id for ref in derived] == ["r4", "new", "r0"]
    assert derived.token(0) == spilled.token(4)  # the same record, not a copy
    assert derived.token(1) not in {spilled.token(i) for i in range(5)}
    assert list(spilled) == refs(5)  # the original sequence is unchanged


def test_gather_spills_only_past_the_limit_and_keeps_order():
    assert isinstance(gather(iter(refs(10)), spill_after=10), list)
    for given in (iter(refs(11)), refs(11)):  # an iterator, or a list that iterates from its start again
        spilled = gather(given, spill_after=10)
        assert isinstance(spilled, SpilledReferences)
        assert [ref.id for ref in spilled] == [f"r{i}" for i in range(11)]


def test_concat_and_rebuild_keep_the_kind():
    lists = concat([refs(2, "a"), refs(2, "b")])
    assert isinstance(lists, list) and [r.id for r in lists] == ["a0", "a1", "b0", "b1"]
    mixed = concat([refs(2, "a"), SpilledReferences(refs(2, "b")), refs(1, "c")])
    assert isinstance(mixed, SpilledReferences)
    assert [r.id for r in mixed] == ["a0", "a1", "b0", "b1", "c0"]
    assert rebuild(refs(3), [2, 0]) == [refs(3)[2], refs(3)[0]]
    assert [r.id for r in rebuild(SpilledReferences(refs(3)), [2, Reference(id="x")])] == ["r2", "x"]


def test_keys_on_disk_are_the_keys_of_a_list():
    mixed = [
        Reference(id="same", title="One"),
        Reference(id="same", title="Two"),
        Reference(title="Myositis in adults", author=(Name("Lundberg", "IE"),)),
        Reference(title="Myositis in adults again", author=(Name("Lundberg", "IE"),)),
        Reference(id="lundberg", title="Three"),
    ]
    in_memory = Bibliography(mixed)
    disk = Bibliography(SpilledReferences(mixed))
    assert disk.keys() == in_memory.keys() == ["same", "samea", "lundbergmyositis", "lundbergmyositisa", "lundberg"]
    assert disk["samea"] == in_memory["samea"] and disk.get("nope") is None
    assert list(disk) == list(in_memory)


def test_dedupe_on_disk_equals_dedupe_in_memory(seed_path):
    parsed = myobib.load(seed_path, merge_repeats=False)
    in_memory, disk = dedupe(parsed), dedupe(on_disk(parsed))
    assert isinstance(disk.references, SpilledReferences)
    assert len(disk) == 17
    assert disk.to_csl_json() == in_memory.to_csl_json()
    assert disk.report.to_dict() == in_memory.report.to_dict()


@pytest.mark.parametrize("to", ["csl-json", "bibtex", "ris"])
def test_writers_give_the_same_text_from_disk(seed_path, to):
    seed = myobib.load(seed_path)
    assert dumps(on_disk(seed), to) == dumps(seed, to)


def test_streamed_csl_json_is_what_json_dumps_writes(seed_path):
    seed = myobib.load(seed_path)
    items = [ref.to_csl() for ref in seed]
    for indent in (2, 4, None):
        assert csljson.dumps(seed, indent=indent) == json.dumps(items, ensure_ascii=False, indent=indent) + "\n"
    assert csljson.dumps(Bibliography([])) == "[]\n"


def test_bibtex_written_in_chunks_equals_one_piece(seed_path, monkeypatch):
    seed = myobib.load(seed_path)
    whole = bibtex.dumps(seed)
    monkeypatch.setattr(bibtex, "_CHUNK", 3)  # 17 entries: chunks of 3, 3, 3, 3, 3, 2
    assert len(list(bibtex.iter_text(seed))) == 6
    assert bibtex.dumps(seed) == whole


def test_an_interrupted_streamed_write_leaves_the_old_output(seed_path, tmp_path, monkeypatch):
    seed = myobib.load(seed_path)
    out = tmp_path / "out.json"
    out.write_text("previous\n", encoding="utf-8")

    def failing(ref: Reference) -> dict:
        raise KeyboardInterrupt

    monkeypatch.setattr(Reference, "to_csl", failing)
    with pytest.raises(KeyboardInterrupt):
        csljson.write(seed, out)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_merge_of_large_files_goes_through_disk_and_matches(seed_path, tmp_path, monkeypatch):
    seed = myobib.load(seed_path)
    first, second = tmp_path / "a.ris", tmp_path / "b.bib"
    first.write_text(ris.dumps(seed), encoding="utf-8")
    second.write_text(bibtex.dumps(seed), encoding="utf-8")
    expected = merge([first, second])
    monkeypatch.setattr(spill_module, "SPILL_AFTER", 5)  # the RIS and BibTeX readers now spill
    assert isinstance(ris_reader.read(first).references, SpilledReferences)
    assert isinstance(bibtex_reader.read(second).references, SpilledReferences)
    merged = merge([first, second])
    assert isinstance(merged.references, SpilledReferences)
    assert merged.to_csl_json() == expected.to_csl_json()
    assert merged.report.to_dict() == expected.report.to_dict()
    out = tmp_path / "merged.json"
    merge_files([first, second], output=out)
    assert out.read_text(encoding="utf-8") == expected.to_csl_json()


def test_every_field_survives_the_disk(seed_path):
    shipped = myobib.load(seed_path.with_suffix(".json"))  # resolved: match details, changes, extra fields
    rich = [*shipped, Reference(id="x", extra={"custom": {"a": [1, {"b": None}]}, "ISBN": "1"}, tags=({"t": 1},))]
    assert list(SpilledReferences(rich)) == rich
