"""myobib: medical reference lists into clean, verified, reusable bibliographies.

bib = myobib.load("refs/idiopathic-inflammatory-myopathies.txt")   # read + merge repeats
bib, report = myobib.resolve(bib, myobib.Crossref(mailto="you@example.org"), library="refs/seed-library.json",
                             pubmed=myobib.Ncbi(mailto="you@example.org"))
bib.to_csl_json(); bib.to_bibtex(); bib.format("apa"); bib.cite(["lundberg2017european"], "apa")
bib.reading_list("topic").to_html_page()
myobib.check("refs/idiopathic-inflammatory-myopathies.txt", library="refs/seed-library.json").counts()
"""

from __future__ import annotations

from typing import Any

from .api import load, parse_text

# Functions named like their modules are bound here, eagerly: a later `import myobib.resolve`
# must not replace the function `myobib.resolve` with the module.
from .build import build  # noqa: E402
from .check import CheckReport, check  # noqa: E402
from .dedupe import dedupe
from .errors import (
    CrossrefBlocked,
    CrossrefError,
    CrossrefUnavailable,
    InputError,
    MyobibError,
    NcbiBlocked,
    NcbiError,
    NcbiTooManyErrors,
    NcbiUnavailable,
    OutputError,
    StyleError,
    TooManyErrors,
)
from .merge import merge  # noqa: E402
from .model import Bibliography, Date, Merge, Name, Occurrence, Reference, Report, Unparsed
from .resolve import ResolveReport, resolve  # noqa: E402

__version__ = "0.1.0"

# Heavier parts load on first use, so `import myobib` stays cheap.
_LAZY = {
    "Crossref": ("myobib.crossref.client", "Crossref"),
    "Ncbi": ("myobib.ncbi.client", "Ncbi"),
    "Library": ("myobib.library", "Library"),
    "read": ("myobib.readers.detect", "read_any"),
    "format_bibliography": ("myobib.formatting", "format_bibliography"),
    "cite": ("myobib.formatting", "cite"),
    "list_styles": ("myobib.formatting", "list_styles"),
    "reading_list": ("myobib.readinglist", "build"),
}

__all__ = [
    "Bibliography",
    "CheckReport",
    "Crossref",
    "CrossrefBlocked",
    "CrossrefError",
    "CrossrefUnavailable",
    "Date",
    "InputError",
    "Library",
    "Merge",
    "MyobibError",
    "Name",
    "Ncbi",
    "NcbiBlocked",
    "NcbiError",
    "NcbiTooManyErrors",
    "NcbiUnavailable",
    "Occurrence",
    "OutputError",
    "Reference",
    "Report",
    "ResolveReport",
    "StyleError",
    "TooManyErrors",
    "Unparsed",
    "__version__",
    "build",
    "check",
    "cite",
    "dedupe",
    "format_bibliography",
    "list_styles",
    "load",
    "merge",
    "parse_text",
    "read",
    "reading_list",
    "resolve",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'myobib' has no attribute {name!r}")
