"""`myobib check` on the command line: files written, summary, and the documented exit statuses."""

from __future__ import annotations

import json

import pytest

from myobib.cli import main

from .conftest import SEED_LIBRARY

ATTENTION_LIST = "1. Poe E. A trial of nothing. J Test. 2021;2(1):10-19.\n"


def run(*args: str) -> int:
    return main(["check", *map(str, args)])


def test_seed_offline_writes_every_file_and_exits_0(tmp_path, seed_path, capsys):
    assert run(seed_path, "--library", SEED_LIBRARY, "--offline", "--no-cache", "--out", tmp_path) == 0
    err = capsys.readouterr().err
    assert "myobib: offline: no cache to answer from; only the library is used" in err
    assert err.rstrip().endswith("17 references, 17 repeats: 13 verified, 0 corrected, 0 need attention, 4 unresolved")
    stem = "idiopathic-inflammatory-myopathies"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{stem}.{s}" for s in ("check.html", "check.md", "check.json", "corrected.txt",
                                                    "corrected.diff"))  # fmt: skip
    data = json.loads((tmp_path / f"{stem}.check.json").read_text(encoding="utf-8"))
    assert data["summary"]["verified"] == 13
    assert (tmp_path / f"{stem}.corrected.txt").read_text(encoding="utf-8") == seed_path.read_text(encoding="utf-8")


def test_strict_fails_on_unresolved(seed_path, tmp_path):
    assert run(seed_path, "--library", SEED_LIBRARY, "--no-crossref", "--strict", "--out", tmp_path) == 1


def test_needs_attention_exits_1_and_prints_markdown_without_out(tmp_path, capsys):
    listed = tmp_path / "list.txt"
    listed.write_text(ATTENTION_LIST, encoding="utf-8")
    library = tmp_path / "library.json"
    library.write_text(json.dumps([{"id": "b", "type": "article-journal", "title": "A trial of nothing",
                                    "author": [{"family": "Poe", "given": "E"}], "container-title-short": "J Test",
                                    "issued": {"date-parts": [[2021]]}, "volume": "2", "issue": "1",
                                    "page": "11-19", "DOI": "10.5555/b"}]), encoding="utf-8")  # fmt: skip
    assert run(listed, "--library", library, "--no-crossref") == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("# Reference check: ") and "## Needs attention (1)" in captured.out
    assert "1 need attention" in captured.err


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01binary", b"just some prose\nwith no references at all\n"],
    ids=["empty", "binary", "prose"],
)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code = run(path, "--no-crossref")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("myobib: error: ") and "bad.txt" in err[0]


def test_missing_file_and_bad_options_exit_2(tmp_path, capsys, seed_path):
    assert run(tmp_path / "missing.txt", "--no-crossref") == 2
    assert run(seed_path, "--no-crossref", "--style", "nosuchstyle", "--out", tmp_path) == 2
    assert "unknown CSL style 'nosuchstyle'" in capsys.readouterr().err and not list(tmp_path.iterdir())
    with pytest.raises(SystemExit) as stop:
        run(tmp_path / "missing.txt", "--repeats")
    assert stop.value.code == 2


def test_help_documents_the_exit_statuses(capsys):
    with pytest.raises(SystemExit) as stop:
        run("--help")
    shown = capsys.readouterr().out
    assert stop.value.code == 0
    assert "0  nothing needs attention" in shown
    assert "1  something needs attention" in shown
    assert "2  bad input" in shown


def test_the_readme_check_command_runs_as_written(tmp_path, capsys, monkeypatch):
    import shlex

    from .conftest import HERE

    root = HERE.parents[1]
    line = next(x for x in (root / "README.md").read_text(encoding="utf-8").splitlines() if "myobib check refs/" in x)
    args = shlex.split(line)[1:]
    args[args.index("--out") + 1] = str(tmp_path / "check")
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # offline, no cache yet: the library alone
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "17 references, 17 repeats: 13 verified, 0 corrected, 0 need attention, 4 unresolved" in err
    assert len(list((tmp_path / "check").iterdir())) == 5


def test_check_asks_pubmed_and_reports_the_pmids_it_verified(seed_path, tmp_path, shared_dir):
    from ..ncbi.test_lookup import held_pmids
    from ..ncbi_server import NcbiStandIn

    with NcbiStandIn(enforce=False) as ncbi:
        code = run(seed_path, "--library", SEED_LIBRARY, "--no-crossref", "--no-cache", "--ncbi-url", ncbi.url,
                   "--out", tmp_path)  # fmt: skip
        asked = len(ncbi.requests)
    assert code == 0 and asked > 0
    data = json.loads((tmp_path / "idiopathic-inflammatory-myopathies.check.json").read_text(encoding="utf-8"))
    found = {f["list-number"]: (f["identifiers"].get("PMID") or {}).get("value") for f in data["references"]}
    assert {n: pmid for n, pmid in found.items() if pmid} == held_pmids(shared_dir)
    assert data["options"]["pubmed"] == "asked"


def test_no_pubmed_never_asks_ncbi(seed_path, tmp_path):
    from ..ncbi_server import NcbiStandIn

    with NcbiStandIn(enforce=False) as ncbi:
        run(seed_path, "--library", SEED_LIBRARY, "--no-crossref", "--no-pubmed", "--ncbi-url", ncbi.url,
            "--out", tmp_path)  # fmt: skip
        assert ncbi.requests == []
