"""Reading text files whatever their encoding, and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError, OutputError

__all__ = ["decode", "read_text", "write_atomic"]


def decode(data: bytes, source: str = "<input>") -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252/latin-1 with a warning.

    Returns the text with line ends normalised to `\\n`, and the warnings raised.
    Binary data (NUL bytes) is refused with an `InputError`.
    """
    warnings: list[str] = []
    if b"\x00" in data[:65536]:
        nul = data.index(b"\x00")
        raise InputError("binary data, not a text reference list", source, data.count(b"\n", 0, nul) + 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "latin-1"
        warnings.append(f"{source}:{line}: not UTF-8; decoded as {encoding}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def read_text(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """Read and decode a file; an unreadable or empty file is an `InputError`."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", name) from None
    if not data.strip():
        raise InputError("file is empty", name)
    return decode(data, name)


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[str], *, encoding: str = "utf-8") -> Path:
    """Write `text` (a string, or pieces of one) to a temporary file beside `path`, then rename it over `path`."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            os.chmod(tmp, _mode_for(target))
            with os.fdopen(fd, "w", encoding=encoding, newline="\n") as handle:
                if isinstance(text, str):
                    handle.write(text)
                else:
                    handle.writelines(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    return target


def _mode_for(target: Path) -> int:
    """The existing file's permissions, else what a plain `open()` would give (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
