"""NCBI: the E-utilities / PMC ID Converter client, PubMed records, matching and the PubMed pass.

`Ncbi` (the client, `myobib.ncbi.client`) is importable from here; it is loaded on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Ncbi"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
