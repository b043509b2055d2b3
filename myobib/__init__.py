"""myobib: medical reference lists into clean, verified, reusable bibliographies."""

from __future__ import annotations

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
    "__version__",
]
