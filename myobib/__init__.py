"""myobib: medical reference lists into clean, verified, reusable bibliographies."""

from __future__ import annotations

from .api import load, parse_text
from .dedupe import dedupe
from .errors import (
    CrossrefBlocked,
    CrossrefError,
    CrossrefUnavailable,
    InputError,
    MyobibError,
    OutputError,
    StyleError,
    TooManyErrors,
)
from .model import Bibliography, Date, Merge, Name, Occurrence, Reference, Report, Unparsed

__version__ = "0.1.0"

__all__ = [
    "Bibliography",
    "CrossrefBlocked",
    "CrossrefError",
    "CrossrefUnavailable",
    "Date",
    "InputError",
    "Merge",
    "MyobibError",
    "Name",
    "Occurrence",
    "OutputError",
    "Reference",
    "Report",
    "StyleError",
    "TooManyErrors",
    "Unparsed",
    "dedupe",
    "load",
    "parse_text",
    "__version__",
]
