"""The command line: outputs, reports and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from myobib.cli import main


def test_parse_writes_csl_json_and_report(tmp_path, seed_path):
    out, report = tmp_path / "seed.json", tmp_path / "report.json"
    assert main(["parse", str(seed_path), "-o", str(out), "--report", str(report)]) == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == 17
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"]["references"] == 17 and data["counts"]["merged"] == 17
    assert {m["merged"]["line-start"] for m in data["merges"]} == {19, 21, 23, 37, 39, 41, 43, 48} | set(
        range(77, 95, 2)
    )


def test_parse_reports_unparsed_lines_with_numbers(tmp_path, seed_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(seed_path.read_text(encoding="utf-8") + "\n%% stray line %%\n", encoding="utf-8")
    report = tmp_path / "r.json"
    assert main(["parse", str(broken), "-o", str(tmp_path / "o.json"), "--report", str(report)]) == 0
    (unparsed,) = json.loads(report.read_text(encoding="utf-8"))["unparsed"]
    assert unparsed["line"] == 95 and unparsed["text"] == "%% stray line %%"


def test_parse_to_stdout(capsys, seed_path):
    assert main(["parse", str(seed_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["id"] == "aggarwal2017american"
    assert "17 references, 17 repeats merged, 0 lines unparsed" in captured.err


def test_errors_are_one_line_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    for path in (empty, binary, tmp_path / "missing.txt"):
        run = subprocess.run([sys.executable, "-m", "myobib.cli", "parse", str(path)], capture_output=True, text=True)
        assert run.returncode == 2
        assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"myobib: error: {path}")
        assert "Traceback" not in run.stderr


def test_build_writes_all_outputs(tmp_path, seed_path):
    assert main(["build", str(seed_path), "--out", str(tmp_path)]) == 0
    stem = seed_path.stem
    assert (
        json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))[16]["container-title-short"]
        == "Eur J Neurol"
    )
    assert "@article{lundberg2017european," in (tmp_path / f"{stem}.bib").read_text(encoding="utf-8")
    assert json.loads((tmp_path / f"{stem}.report.json").read_text(encoding="utf-8"))["counts"]["references"] == 17


def test_build_says_once_when_crossref_is_unreachable(tmp_path, seed_path, capsys):
    library = seed_path.parent / "seed-library.json"
    dead = "http://127.0.0.1:9"  # the discard port: nothing listens
    code = main(["build", str(seed_path), "--out", str(tmp_path), "--library", str(library), "--no-cache",
                 "--crossref-url", dead])  # fmt: skip
    assert code == 0
    err = capsys.readouterr().err
    assert err.count("Crossref cannot be reached") == 1
    assert "13 matched" in err and "4 unresolved" in err
    report = json.loads((tmp_path / f"{seed_path.stem}.report.json").read_text(encoding="utf-8"))
    assert report["counts"]["resolve-matched"] == 13
