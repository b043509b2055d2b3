"""Crossref: the HTTP client, record conversion, candidate matching and enrichment.

`Crossref` (the client, `myobib.crossref.client`) is importable from here; it is loaded on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Crossref", "CrossrefStats", "OfflineMiss"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
