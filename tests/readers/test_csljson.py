"""CSL-JSON input: a large file holding an array is read item by item, with the same result as whole."""

from __future__ import annotations

import json

import pytest

from myobib import InputError
from myobib.readers import csljson


@pytest.fixture
def streamed(monkeypatch):
    """Every array file is streamed, through a window of a few dozen characters."""
    monkeypatch.setattr(csljson, "STREAM_BYTES", 0)
    monkeypatch.setattr(csljson, "_CHUNK", 37)


@pytest.fixture(scope="module")
def shipped_text(seed_path):
    return seed_path.with_suffix(".json").read_text(encoding="utf-8")


def test_streamed_read_equals_whole_read(streamed, shipped_text, tmp_path):
    items = json.loads(shipped_text)
    for item in items:
        item.get("custom", {}).pop("provenance", None)  # so provenance records where each item stands here
    text = json.dumps(items, ensure_ascii=False, indent=2)
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    streamed_bib, whole = csljson.read(path), csljson.loads(text, "big.json")
    assert len(streamed_bib) == 17
    assert [ref.to_csl() for ref in streamed_bib] == [ref.to_csl() for ref in whole]  # provenance included
    lines = text.split("\n")
    for ref in streamed_bib:
        occurrence = ref.provenance[0]
        assert "\n".join(lines[occurrence.line_start - 1 : occurrence.line_end]).strip(" ,") == occurrence.text


def test_compact_and_crlf_files_stream_alike(streamed, tmp_path):
    items = [{"id": "a", "type": "book", "title": "A"}, 7, {"id": "b", "type": "article", "title": "B\nC"}]
    path = tmp_path / "compact.json"
    path.write_bytes(("\ufeff" + json.dumps(items).replace(", {", ",\r\n{")).encode("utf-8"))
    bib = csljson.read(path)
    assert bib.keys() == ["a", "b"]
    assert [u.reason for u in bib.report.unparsed] == ["item 2 is not a CSL object"]
    assert bib["b"].title == "B\nC" and bib["b"].provenance[0].line_start == 2


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('[\n{"id": "a", "type": "book"},\n{"id": "b" "type": "book"}\n]', "invalid JSON: Expecting ','", 3),
        ('[\n{"id": "a", "type": "book"},\n{"id": "b", "type": "book"}\n', "the array is not closed", 4),
        ('[\n{"id": "a", "type": "book"}\n]\n{"more": 1}\n', "extra data after the array", 4),
    ],
)
def test_broken_large_arrays_are_one_line_errors(streamed, tmp_path, text, message, line):
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        csljson.read(path)
    assert caught.value.line == line and "broken.json" in str(caught.value)


def test_a_large_file_not_in_utf8_is_read_whole_with_a_warning(streamed, tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes('[{"id": "a", "type": "book", "title": "Myosite \u00e9tude"}]'.encode("cp1252"))
    bib = csljson.read(path)
    assert bib["a"].title == "Myosite \u00e9tude"
    assert any("not UTF-8" in w for w in bib.report.warnings)

