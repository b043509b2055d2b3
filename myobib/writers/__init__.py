"""Writers from the data model: CSL-JSON, BibTeX and RIS, each as a string or streamed to a file."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

from ..errors import InputError
from ..model import Bibliography

__all__ = ["OUTPUT_FORMATS", "dumps", "write"]

OUTPUT_FORMATS = ("csl-json", "bibtex", "ris")


def _module(to: str) -> ModuleType:
    if to == "csl-json":
        from . import csljson

        return csljson
    if to == "bibtex":
        from . import bibtex

        return bibtex
    if to == "ris":
        from . import ris

        return ris
    raise InputError(f"unknown output format {to!r} (known: {', '.join(OUTPUT_FORMATS)})")


def dumps(bib: Bibliography, to: str = "csl-json") -> str:
    """The bibliography as CSL-JSON, BibTeX or RIS text."""
    return _module(to).dumps(bib)


def write(bib: Bibliography, path: str | os.PathLike[str], to: str = "csl-json") -> Path:
    """Write the bibliography as CSL-JSON, BibTeX or RIS, atomically and one reference at a time."""
    return _module(to).write(bib, path)
