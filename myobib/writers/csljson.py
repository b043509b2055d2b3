"""CSL-JSON output: one item per reference, in bibliography order."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model import Bibliography
from ..textio import write_atomic

__all__ = ["dumps", "write"]


def dumps(bib: Bibliography, *, indent: int | None = 2) -> str:
    """The bibliography as a CSL-JSON array (valid against csl-data.json)."""
    return json.dumps([ref.to_csl() for ref in bib], ensure_ascii=False, indent=indent) + "\n"


def write(bib: Bibliography, path: str | os.PathLike[str], *, indent: int | None = 2) -> Path:
    """Write CSL-JSON atomically."""
    return write_atomic(path, dumps(bib, indent=indent))
