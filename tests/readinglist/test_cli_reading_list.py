"""`myobib reading-list`: formats, filters, output file, one-line errors."""

from __future__ import annotations

import json

from myobib.cli import main


def test_markdown_to_stdout_with_filters(seed_path, capsys):
    assert main(["reading-list", str(seed_path), "--by", "year", "--topic", "IMNM", "--topic", "skin ulcers"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Reading list: Idiopathic Inflammatory Myopathies")
    assert [line for line in out.splitlines() if line.startswith("## ")] == ["## 2018", "## 2016"]


def test_kind_filter(seed_path, capsys):
    assert main(["reading-list", str(seed_path), "--by", "year", "--kind", "comment", "--kind", "review"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("## ")] == ["## 2021", "## 2018"]
    assert "systematic review and meta-analysis" in out and "comment on the article by" in out


def test_html_page_to_file(seed_path, tmp_path):
    out = tmp_path / "iim.html"
    assert main(["reading-list", str(seed_path), "--to", "html", "--since", "2020", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="myobib-search"' in page
    # #9-#12, each once per topic: #9 in 2 groups, #10 in 1, #11 in 3, #12 in 2
    assert page.count('class="myobib-entry"') == 8


def test_user_vocabulary_and_kind_grouping(seed_path, tmp_path, capsys):
    vocabulary = tmp_path / "vocab.json"
    vocabulary.write_text(json.dumps({"kinds": [{"tag": "ivig", "label": "IVIG", "terms": ["immune globulin"]}]}))
    assert main(["reading-list", str(seed_path), "--by", "kind", "--vocabulary", str(vocabulary)]) == 0
    out = capsys.readouterr().out
    section = out.split("## IVIG\n", 1)[1].split("\n## ", 1)[0]
    assert "Guidelines on the Use of Intravenous Immune Globulin" in section
    assert len([line for line in section.splitlines() if line and not line.startswith(" ")]) == 1


def test_errors_are_one_line(seed_path, tmp_path, capsys):
    assert main(["reading-list", str(seed_path), "--topic", "dermatomyosits"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("myobib: error: --topic: unknown topic 'dermatomyosits'") and err.count("\n") == 1
    bad = tmp_path / "bad.json"
    bad.write_text('{"kinds": [\n  {"tag": "x", "terms": ["a"]\n]}')
    assert main(["reading-list", str(seed_path), "--vocabulary", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"myobib: error: {bad}:3: not valid JSON") and err.count("\n") == 1
