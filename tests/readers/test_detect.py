"""Choosing the reader from the content, and `--from` overriding it."""

from __future__ import annotations

import json

import pytest

from myobib import InputError
from myobib.readers.detect import FORMATS, detect_format, loads_any, normalise_format, read_any

SAMPLES = {
    "csl-json": '[{"id": "a", "type": "article-journal", "title": "T"}]',
    "ris": "TY  - JOUR\nTI  - T\nER  - \n",
    "medline": "PMID- 123\nTI  - T.\n",
    "bibtex": "% exported\n@article{key,\n  title = {T},\n}\n",
    "page": "Disease Info\nDisease:Myositis\nTitle\n\n1. A title\nSmith J, Lee K.\nChest. 2016;150(5):1118-28.\n",
    "text": "1. Smith J, Lee K. A title. Chest. 2016;150(5):1118-28.\n2. Lee K. Other. Chest. 2017;151:1-2.\n",
}


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_detects_each_format(fmt):
    assert detect_format(SAMPLES[fmt]) == fmt


def test_page_without_header_is_still_a_page():
    text = "1. A title\nSmith J, Lee K.\nChest. 2016;150(5):1118-28.\n2. B title\nLee K.\nChest. 2017;151:1-2.\n"
    assert detect_format(text) == "page"


def test_bracket_numbered_text_is_not_json():
    assert detect_format("[1] Smith J. A title. Chest. 2016;150:1.\n") == "text"
    assert detect_format("[1, 2]", "refs.json") == "csl-json"


def test_extension_breaks_ties_for_plain_text():
    assert detect_format("something unclear", "x.ris") == "ris"
    assert detect_format("something unclear", "x.txt") == "text"


@pytest.mark.parametrize(("alias", "fmt"), [("nbib", "medline"), ("JSON", "csl-json"), ("vancouver", "text"),
                                            ("apa", "text"), ("bib", "bibtex"), ("ris", "ris")])
def test_aliases(alias, fmt):
    assert normalise_format(alias) == fmt


def test_unknown_format_is_an_input_error():
    with pytest.raises(InputError, match="unknown input format 'word'"):
        normalise_format("word")


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_read_any_uses_the_detected_reader(tmp_path, fmt):
    path = tmp_path / "input.dat"
    path.write_text(SAMPLES[fmt], encoding="utf-8")
    bib = read_any(path)
    assert bib.header["format"] == fmt
    assert len(bib) >= 1
    assert all(occ.source == "input.dat" for ref in bib for occ in ref.provenance)


def test_from_overrides_detection(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("TY  - JOUR\nTI  - T\nER  - \n", encoding="utf-8")
    assert read_any(path).header["format"] == "ris"
    forced = read_any(path, "text")
    assert forced.header["format"] == "text"
    assert len(forced) == 0 and len(forced.report.unparsed) == 3


def test_loads_any_reads_a_disease_page_from_a_string(seed_path):
    bib = loads_any(seed_path.read_text(encoding="utf-8"), "page.txt")
    assert bib.header["title"] == "Idiopathic Inflammatory Myopathies (IIMs)"
    assert len(bib) == 34 and len(bib.dedupe()) == 17


def test_loads_any_on_strings():
    bib = loads_any(json.dumps([{"id": "x", "type": "book", "title": "B"}]), "s.json")
    assert bib[0].type == "book"
    assert loads_any(SAMPLES["ris"], "s", format="ris")[0].title == "T"


def test_every_format_has_a_reader():
    for fmt in FORMATS:
        assert detect_format(SAMPLES[fmt]) in FORMATS


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        read_any(tmp_path / "absent.ris")
    with pytest.raises(InputError, match="no such file"):
        read_any(tmp_path / "absent.ris", "ris")
