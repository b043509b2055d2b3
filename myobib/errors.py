"""The one exception hierarchy of myobib.

MyobibError
 ├── InputError          bad input: names the file and line
 ├── OutputError         an output could not be written
 ├── CrossrefError       the Crossref service failed us
 │    ├── CrossrefUnavailable   cannot be reached at all
 │    ├── CrossrefBlocked       403: the client is blocked
 │    └── TooManyErrors         a batch passed its error budget
 ├── NcbiError           an NCBI service (E-utilities, PMC ID Converter) failed us
 │    ├── NcbiUnavailable       cannot be reached at all
 │    ├── NcbiBlocked           403: the client is blocked
 │    └── NcbiTooManyErrors     a batch passed its error budget
 └── StyleError          unknown or broken CSL style
"""

from __future__ import annotations

__all__ = [
    "CrossrefBlocked",
    "CrossrefError",
    "CrossrefUnavailable",
    "InputError",
    "MyobibError",
    "NcbiBlocked",
    "NcbiError",
    "NcbiTooManyErrors",
    "NcbiUnavailable",
    "OutputError",
    "StyleError",
    "TooManyErrors",
]


class MyobibError(Exception):
    """Base class of every error myobib raises on purpose."""


class InputError(MyobibError):
    """Input that cannot be read; `str()` is one line naming file and line."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class OutputError(MyobibError):
    """An output file could not be written."""


class CrossrefError(MyobibError):
    """A Crossref request failed for good."""


class CrossrefUnavailable(CrossrefError):
    """Crossref (or the configured mirror) cannot be reached."""


class CrossrefBlocked(CrossrefError):
    """Crossref answered 403: this client is blocked."""


class TooManyErrors(CrossrefError):
    """A batch stopped because its error rate passed the allowed share."""


class NcbiError(MyobibError):
    """An NCBI request failed for good."""


class NcbiUnavailable(NcbiError):
    """NCBI (or the configured stand-in) cannot be reached."""


class NcbiBlocked(NcbiError):
    """NCBI answered 403: this client (its address or key) is blocked."""


class NcbiTooManyErrors(NcbiError):
    """An NCBI batch stopped because its error rate passed the allowed share."""


class StyleError(MyobibError):
    """A CSL style or locale cannot be found or used."""
