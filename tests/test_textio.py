"""Decoding and atomic writing."""

from __future__ import annotations

import os

import pytest

from myobib import InputError, OutputError
from myobib.textio import decode, read_text, write_atomic


def test_utf8_bom_and_crlf():
    assert decode(b"\xef\xbb\xbfa\r\nb\rc") == ("a\nb\nc", [])


def test_cp1252_decoded_with_warning_naming_line():
    text, warnings = decode("ok\nTjärnlund ’".encode("cp1252"), "x.txt")
    assert text == "ok\nTjärnlund ’" and warnings == ["x.txt:2: not UTF-8; decoded as cp1252"]


def test_binary_is_refused_with_line():
    with pytest.raises(InputError, match=r"^b.bin:2: binary data"):
        decode(b"line\n\x00\x01", "b.bin")


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        read_text(tmp_path / "nope.txt")
    (tmp_path / "e.txt").write_text("  \n")
    with pytest.raises(InputError, match="file is empty"):
        read_text(tmp_path / "e.txt")


def test_failed_write_leaves_previous_output(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("previous")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "new")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_new_files_get_ordinary_permissions_and_existing_keep_theirs(tmp_path):
    umask = os.umask(0o022)
    try:
        fresh = write_atomic(tmp_path / "new.txt", "x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o600)
        write_atomic(kept, "new")
        assert kept.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)
