"""DOIs in identifier fields, and identifiers trimmed of the punctuation after them."""

from __future__ import annotations

import re

__all__ = ["clean_doi", "trim"]

_DOI_PREFIX = re.compile(r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/|info:doi/)", re.IGNORECASE)
_TRAILING = ".,;:)]}>'\""


def trim(value: str) -> str:
    """Strip sentence punctuation after an identifier, keeping balanced brackets (`S2213-2600(22)00325-4`)."""
    while value and value[-1] in _TRAILING:
        last = value[-1]
        opener = {")": "(", "]": "[", "}": "{"}.get(last)
        if opener and value.count(opener) >= value.count(last):
            break
        value = value[:-1]
    return value


def clean_doi(value: str | None) -> str | None:
    """`https://doi.org/10.1/X.` or `doi: 10.1/X` → `10.1/X`; None when no DOI is there."""
    if not value:
        return None
    text = _DOI_PREFIX.sub("", value.strip())
    found = re.match(r"10\.\d{4,9}/\S+", text)
    return trim(found.group(0)) if found else None
