"""Merging several sources: provenance, cross-format and cross-identifier duplicates, conflicts."""

from __future__ import annotations

import json

import pytest

import myobib
from myobib import Bibliography, Date, InputError, Name, Occurrence, Reference
from myobib.cli import main
from myobib.merge import merge, merge_files
from myobib.readers import csljson as csljson_reader
from myobib.writers import bibtex, dumps, ris

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def nlm_date(date: Date) -> str:
    parts = [str(date.year)]
    if date.month:
        parts.append(MONTHS[date.month - 1])
        if date.day:
            parts.append(str(date.day))
    return " ".join(parts)


def as_medline(bib: Bibliography) -> str:
    """The references as PubMed's MEDLINE format would print them (test data, not a product writer)."""
    out = []
    for ref in bib:
        out.append(f"PMID- {ref.PMID}" if ref.PMID else "OWN - NLM")
        out.append(f"TI  - {ref.title}.")
        for name in ref.author:
            out.append(f"CN  - {name.literal}" if name.is_group else f"AU  - {name.display()}")
        out.append(f"DP  - {nlm_date(ref.issued)}")
        for tag, value in (("VI", ref.volume), ("IP", ref.issue), ("PG", ref.page_as_written or ref.page),
                           ("TA", ref.container_title_short)):  # fmt: skip
            if value:
                out.append(f"{tag:<4}- {value}")
        if ref.DOI:
            out.append(f"LID - {ref.DOI} [doi]")
        out.append("")
    return "\n".join(out)


def as_vancouver(bib: Bibliography) -> str:
    """The references as a numbered one-line-per-entry Vancouver list (test data)."""
    lines = []
    for number, ref in enumerate(bib, start=1):
        persons = ", ".join(n.display() for n in ref.author if not n.is_group) + (", et al" if ref.et_al else "")
        groups = "; ".join(n.literal for n in ref.author if n.is_group)
        authors = "; ".join(part for part in (persons, groups) if part)
        source = (ref.volume or "") + (f"({ref.issue})" if ref.issue else "")
        source += f":{ref.page_as_written or ref.page}" if ref.page else ""
        line = f"{number}. {authors}. {ref.title}. {ref.container_title_short}. {nlm_date(ref.issued)}"
        line += (f";{source}" if source else "") + "."
        lines.append(line + (f" doi:{ref.DOI}" if ref.DOI else ""))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def seed(seed_path):
    return myobib.load(seed_path)


@pytest.fixture(scope="module")
def four_files(seed, tmp_path_factory):
    folder = tmp_path_factory.mktemp("four")
    texts = {"seed.bib": bibtex.dumps(seed), "seed.ris": ris.dumps(seed), "seed.nbib": as_medline(seed),
             "seed.txt": as_vancouver(seed)}  # fmt: skip
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_seed_in_four_formats_merges_back_into_17(four_files, seed):
    merged = merge(four_files)
    assert [source["format"] for source in merged.header["sources"]] == ["bibtex", "ris", "medline", "text"]
    assert [source["references"] for source in merged.header["sources"]] == [17, 17, 17, 17]
    assert len(merged) == 17
    assert merged.report.unparsed == []
    for ref in merged:
        assert sorted(occ.source for occ in ref.provenance) == ["seed.bib", "seed.nbib", "seed.ris", "seed.txt"]
    assert sorted(ref.DOI or "" for ref in merged) == sorted(ref.DOI or "" for ref in seed)
    assert len(merged.report.merges) == 17 * 3


def test_merge_keeps_provenance_labels(four_files):
    merged = merge(four_files)
    first = merged[0]
    labels = [occ.label() for occ in first.provenance]
    assert "seed.txt #1 (line 1)" in labels
    assert any(label.startswith("seed.bib aggarwal2017american") for label in labels)


def test_keys_lose_clash_suffixes_after_merging(four_files, seed):
    merged = merge(four_files)
    assert merged.keys() == seed.keys()
    assert {m.kept for m in merged.report.merges} <= set(merged.keys())


def at(source: str, line: int) -> tuple[Occurrence, ...]:
    return (Occurrence(source, line, line, "…"),)


def test_duplicates_found_across_identifiers():
    with_doi = Reference(title="Alpha", DOI="10.1000/a", provenance=at("a", 1))
    with_both = Reference(title="Completely different wording", DOI="10.1000/A", PMID="123", provenance=at("b", 1))
    with_pmid = Reference(title="Yet another title", PMID="123", provenance=at("c", 1))
    other = Reference(title="Beta", PMID="999", provenance=at("b", 2))
    merged = merge([Bibliography([with_doi]), Bibliography([with_both, other]), Bibliography([with_pmid])])
    assert len(merged) == 2
    kept = next(ref for ref in merged if ref.PMID == "123")
    assert kept.DOI.lower() == "10.1000/a"
    assert sorted(occ.source for occ in kept.provenance) == ["a", "b", "c"]
    assert sorted(m.reason for m in merged.report.merges) == ["same DOI", "same PMID"]


def test_conflicts_between_sources_are_reported_not_dropped(tmp_path):
    one = tmp_path / "one.ris"
    two = tmp_path / "two.ris"
    one.write_text("TY  - JOUR\nTI  - Alpha study\nDO  - 10.1000/x\nVL  - 12\nPY  - 2017\nER  - \n", encoding="utf-8")
    two.write_text("TY  - JOUR\nTI  - Alpha study\nDO  - 10.1000/x\nVL  - 13\nPY  - 2017\nER  - \n", encoding="utf-8")
    merged = merge([one, two])
    assert len(merged) == 1
    conflicts = [c for m in merged.report.merges for c in m.conflicts]
    assert any("'12'" in c and "'13'" in c for c in conflicts)
    assert any("two.ris" in w and "'13'" in w for w in merged.report.warnings)


def test_same_file_name_in_two_folders_stays_distinguishable(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "refs.ris").write_text(f"TY  - JOUR\nTI  - Paper {folder}\nER  - \n", encoding="utf-8")
    merged = merge([tmp_path / "a" / "refs.ris", tmp_path / "b" / "refs.ris"])
    sources = [occ.source for ref in merged for occ in ref.provenance]
    assert sources[0] == "refs.ris" and sources[1].endswith("b/refs.ris")


def test_reports_of_every_input_are_kept(tmp_path):
    ris_file = tmp_path / "a.ris"
    ris_file.write_text("junk line\nTY  - JOUR\nTI  - T\n", encoding="utf-8")
    text_file = tmp_path / "b.txt"
    text_file.write_text("Some heading\n\n1. Lee K. A paper. Chest. 2017;151:1-2.\n", encoding="utf-8")
    merged = merge([ris_file, text_file])
    assert [(u.source, u.line) for u in merged.report.unparsed] == [("a.ris", 1), ("b.txt", 1)]
    assert any(w.startswith("a.ris:2: record has no 'ER") for w in merged.report.warnings)


def test_nothing_to_merge_is_an_error():
    with pytest.raises(InputError):
        merge([])


@pytest.mark.parametrize("to", ["csl-json", "bibtex", "ris"])
def test_merge_files_writes_output_and_report(four_files, tmp_path, to):
    out, report = tmp_path / f"merged.{to}", tmp_path / "report.json"
    result = merge_files(four_files, output=out, to=to, report=report)
    assert result.text is None and result.files == [out, report]
    assert out.read_text(encoding="utf-8") == dumps(result.bibliography, to)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"]["references"] == 17 and len(data["sources"]) == 4


def test_unknown_output_format(seed):
    with pytest.raises(InputError, match="unknown output format"):
        dumps(seed, "docx")


def test_cli_merge(four_files, tmp_path, capsys):
    out = tmp_path / "merged.ris"
    assert main(["merge", *map(str, four_files), "--to", "ris", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("ER  - ") == 17
    assert "4 inputs, 17 references" in capsys.readouterr().err


def test_cli_merge_to_stdout_with_forced_format(tmp_path, capsys):
    path = tmp_path / "list.dat"
    path.write_text("1. Lee K. A paper. Chest. 2017;151:1-2.\n", encoding="utf-8")
    assert main(["merge", str(path), "--from", "vancouver"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items[0]["title"] == "A paper" and items[0]["author"] == [{"family": "Lee", "given": "K."}]
    assert csljson_reader.loads(json.dumps(items))[0].author == (Name(family="Lee", given="K"),)


def test_cli_merge_errors_are_one_line(tmp_path, capsys):
    assert main(["merge", str(tmp_path / "missing.ris")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("myobib: error:") and "missing.ris" in err[0]
