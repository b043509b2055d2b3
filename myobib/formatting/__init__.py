"""Citations and bibliographies in any CSL style (citeproc-py behind an adapter).

>>> format_bibliography(bib, "vancouver")          # one string per entry
>>> cite(bib, ["lundberg2017european"], style="apa")  # '(Lundberg et al., 2017)'
"""

from __future__ import annotations

from .render import OUTPUTS, UnknownKey, cite, format_bibliography, format_file, join_entries
from .styles import StyleInfo, list_locales, list_styles, resolve_locale, resolve_style

__all__ = [
    "OUTPUTS",
    "StyleInfo",
    "UnknownKey",
    "cite",
    "format_bibliography",
    "format_file",
    "join_entries",
    "list_locales",
    "list_styles",
    "resolve_locale",
    "resolve_style",
]
