"""Hostile input: each case gives a one-line error or a warning naming file and line, never a traceback.

The 200 MB case is in benchmarks/formats_bench.py (peak memory); here the same streaming
paths are checked on small files, with the limits lowered where that keeps the test fast.
"""

from __future__ import annotations

import pytest

from myobib import Bibliography, InputError, MyobibError, Reference
from myobib.cli import main
from myobib.readers import freetext, medline, ris, stream
from myobib.readers.detect import loads_any, read_any
from myobib.writers import bibtex as bibtex_writer
from myobib.writers import ris as ris_writer

GOOD_RIS = "TY  - JOUR\nTI  - Good record\nPY  - 2001\nER  - \n"
GOOD_LINE = "1. Lee K. A good paper. Chest. 2017;151:1-2.\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def one_line_error(exc: MyobibError) -> str:
    message = str(exc)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("fmt", [None, "ris", "medline", "text", "bibtex", "csl-json", "page"])
def test_binary_file(tmp_path, fmt):
    path = write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as caught:
        read_any(path, fmt)
    assert one_line_error(caught.value) == f"{path}:3: binary data, not a text reference list"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("fmt", [None, "ris", "medline", "text"])
def test_empty_file(tmp_path, data, fmt):
    path = write(tmp_path, "empty.ris", data)
    with pytest.raises(InputError, match="empty"):
        read_any(path, fmt)


def test_megabyte_line_is_read(tmp_path):
    title = "x" * 1_000_000
    path = write(tmp_path, "big.ris", f"TY  - JOUR\nTI  - {title}\nER  - \n{GOOD_RIS}".encode())
    bib = read_any(path)
    assert [len(ref.title) for ref in bib] == [1_000_000, len("Good record")]


def test_over_long_line_is_skipped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "MAX_LINE_BYTES", 1000)
    path = write(tmp_path, "long.txt", ("y" * 5000 + "\n" + GOOD_LINE).encode())
    bib = read_any(path, "text")
    assert [ref.title for ref in bib] == ["A good paper"]
    [skipped] = bib.report.unparsed
    assert skipped.line == 1 and "5001 bytes" in skipped.reason and len(skipped.text) <= stream.SNIPPET + 1


def test_file_of_junk_is_refused_after_too_many_unreadable_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "MAX_UNPARSED", 50)
    path = write(tmp_path, "junk.ris", b"not ris at all\n" * 200)
    with pytest.raises(InputError) as caught:
        read_any(path, "ris")
    assert one_line_error(caught.value).startswith("junk.ris:51: more than 50 unreadable lines")


def test_warnings_of_one_kind_are_capped(tmp_path):
    lines = "".join(f"TY  - JOUR\nTI  - Bad\x07 title {n}\nER  - \n" for n in range(100))
    bib = read_any(write(tmp_path, "bell.ris", lines.encode()))
    assert len(bib) == 100 and all(ref.title.startswith("Bad title") for ref in bib)
    assert len(bib.report.warnings) == stream.MAX_WARNINGS_PER_KIND + 1
    assert bib.report.warnings[0] == "bell.ris:2: control characters removed"
    assert bib.report.warnings[-1] == "bell.ris: 80 more lines with control characters"


def test_deeply_nested_bibtex_braces(tmp_path):
    text = "@article{deep, title={" + "{" * 5000 + "x" + "}" * 5000 + "}}\n@article{fine, title={Fine}}\n"
    bib = read_any(write(tmp_path, "deep.bib", text.encode()))
    assert bib["fine"].title == "Fine"
    assert "deep" in bib


def test_unbalanced_bibtex_braces(tmp_path):
    text = "@article{broken, title={Open {brace}\n\n@article{fine, title={Fine}, year=2001}\n"
    bib = read_any(write(tmp_path, "open.bib", text.encode()))
    assert [ref.title for ref in bib] == ["Fine"]
    assert bib.report.unparsed and all(u.source == "open.bib" for u in bib.report.unparsed)


def test_bibtex_string_loops(tmp_path):
    text = "@string{a = b}\n@string{b = a}\n@string{c = c # c}\n@article{k, title = a # c}\n@article{f, title={Fine}}\n"
    bib = read_any(write(tmp_path, "loop.bib", text.encode()))
    assert bib["f"].title == "Fine" and "k" in bib
    assert bib.report.warnings and all(w.startswith("loop.bib:") for w in bib.report.warnings)


@pytest.mark.parametrize(
    ("text", "line"),
    [('[{"id": "a",\n "title": ', 2), ('[{"id": "a"}\n{"id": "b"}]', 2), ("{'single': 'quotes'}", 1)],
)
def test_invalid_json(tmp_path, text, line):
    with pytest.raises(InputError) as caught:
        read_any(write(tmp_path, "bad.json", text.encode()))
    assert one_line_error(caught.value).startswith(f"bad.json:{line}: invalid JSON")


def test_json_of_the_wrong_shape(tmp_path):
    with pytest.raises(InputError, match="bad.json:1: CSL-JSON must be an array"):
        read_any(write(tmp_path, "bad.json", b'"just a string"'))
    bib = read_any(write(tmp_path, "mixed.json", b'[1, "x", null, {"id": "ok", "type": "book", "title": "T"}]'))
    assert [ref.title for ref in bib] == ["T"]
    assert len(bib.report.unparsed) == 3


def test_ris_without_er_anywhere(tmp_path):
    text = "TY  - JOUR\nTI  - One\nTY  - BOOK\nTI  - Two\n"
    bib = read_any(write(tmp_path, "noer.ris", text.encode()))
    assert [ref.title for ref in bib] == ["One", "Two"]
    assert [w.split(":")[1] for w in bib.report.warnings] == ["1", "3"]


def test_control_characters_are_removed_with_a_warning(tmp_path):
    text = "1. Lee K. A \x00good\x1b[31m paper. Chest. 2017;151:1-2.\n"
    bib = loads_any(text, "ctl.txt", "text")
    assert bib[0].title == "A good[31m paper"
    assert bib.report.warnings == ["ctl.txt:1: control characters removed"]


def test_mixed_encodings_decode_line_by_line(tmp_path):
    data = "1. Tjärnlund A. Första studien. Chest. 2017;151:1-2.\n".encode() + (
        "2. Castañeda S. Segunda. Chest. 2018;152:3-4.\n".encode("cp1252")
    )
    bib = read_any(write(tmp_path, "mixed.txt", data))
    assert [ref.author[0].family for ref in bib] == ["Tjärnlund", "Castañeda"]
    assert bib.report.warnings == ["mixed.txt:2: not UTF-8; decoded as cp1252"]


def test_right_to_left_text_is_kept_and_overrides_removed(tmp_path):
    hebrew = "מחקר על דלקת שרירים"
    text = f"TY  - JOUR\nTI  - {hebrew}\nAU  - כהן, א\nER  - \nTY  - JOUR\nTI  - evil\u202egnp.exe\nER  - \n"
    bib = read_any(write(tmp_path, "rtl.ris", text.encode()))
    assert bib[0].title == hebrew and bib[0].author[0].family == "כהן"
    assert bib[1].title == "evilgnp.exe"
    assert bib.report.warnings == ["rtl.ris:6: bidirectional override characters removed"]
    assert ris.loads(ris_writer.dumps(bib))[0].title == hebrew


def test_injected_latex_is_kept_as_text_and_never_written_as_a_command(tmp_path):
    text = "1. Lee K. Results \\input{/etc/passwd} \\write18{rm -rf /}. Chest. 2017;151:1-2.\n"
    bib = read_any(write(tmp_path, "tex.txt", text.encode()))
    assert bib[0].title == "Results \\input{/etc/passwd} \\write18{rm -rf /}"
    assert bib.report.warnings == ["tex.txt:1: LaTeX command \\input kept as plain text, never run"]
    written = bibtex_writer.dumps(bib)
    assert "\\input{" not in written and "\\write18{" not in written


def test_injected_html_is_kept_as_text_with_a_warning(tmp_path):
    text = 'TY  - JOUR\nTI  - <script>alert("x")</script> Myositis\nUR  - javascript:alert(1)\nER  - \n'
    bib = read_any(write(tmp_path, "html.ris", text.encode()))
    assert bib[0].title == '<script>alert("x")</script> Myositis'
    assert [w.split(":")[1] for w in bib.report.warnings] == ["2", "3"]
    assert all("HTML markup" in w for w in bib.report.warnings)


def test_latin1_garbage_without_nul_is_reported_line_by_line(tmp_path):
    data = bytes(range(0x80, 0x100)) + b"\n" + GOOD_LINE.encode()
    bib = read_any(write(tmp_path, "garbage.txt", data), "text")
    assert [ref.title for ref in bib] == ["A good paper"]
    assert [u.line for u in bib.report.unparsed] == [1]


@pytest.mark.parametrize(
    ("reader", "text"), [(ris, GOOD_RIS), (medline, "PMID- 1\nTI  - Good record.\n"), (freetext, GOOD_LINE)]
)
def test_old_mac_line_ends(tmp_path, reader, text):
    bib = reader.read(write(tmp_path, "mac.txt", text.replace("\n", "\r").encode()))
    assert len(bib) == 1 and bib[0].provenance[0].line_start == 1


def test_cli_reports_hostile_input_in_one_line(tmp_path, capsys):
    path = write(tmp_path, "image.png", b"\x00\x01\x02")
    assert main(["merge", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"myobib: error: {path}:1: binary data, not a text reference list"]


def test_writers_survive_hostile_values():
    ref = Reference(title="a\x00b\n\u202e<script>\\input{x}", note="line1\nline2")
    text = ris_writer.dumps(Bibliography([ref]))
    assert ris.loads(text)[0].note == "line1\nline2"


@pytest.mark.parametrize(
    ("name", "head", "filler"),
    [("long.ris", "TY  - JOUR\nTI  - T\n", "  more title\n"), ("long.nbib", "PMID- 1\nTI  - T\n", "      more\n"),
     ("long.txt", "Smith J. Words\n", "more words\n")],
)  # fmt: skip
def test_endless_record_is_cut_and_reported(tmp_path, monkeypatch, name, head, filler):
    monkeypatch.setattr(stream, "MAX_RECORD_LINES", 50)
    monkeypatch.setattr(stream, "MAX_UNPARSED", 100_000)
    path = write(tmp_path, name, (head + filler * 500 + "\n" + {"long.ris": GOOD_RIS, "long.nbib": "PMID- 2\n",
                                                                  "long.txt": GOOD_LINE}[name]).encode())
    bib = read_any(path)
    spans = [occ.line_end - occ.line_start + 1 for ref in bib for occ in ref.provenance]
    assert max(spans) <= 50
    last = head.count("\n") + 500  # the last line of the endless record
    assert bib[-1].provenance[0].line_start == last + 2
    covered = {u.line for u in bib.report.unparsed} | {
        n for ref in bib for occ in ref.provenance for n in range(occ.line_start, occ.line_end + 1)
    }
    assert set(range(1, last + 1)) <= covered


def test_paragraph_of_junk_stays_linear(tmp_path):
    path = write(tmp_path, "junk.txt", b"only words here, nothing else\n" * 11_000)
    with pytest.raises(InputError, match="junk.txt:10001: more than 10000 unreadable lines"):
        read_any(path, "text")
