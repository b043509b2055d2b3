"""The words reference lists use for their parts, in every language a list may use.

They live in `myobib/data/citation_words.json` (`organizadores`, `acesso em`, `Disponível em`,
`Hrsg.`, month names …); add a language there. This module turns each list into a regular
expression fragment and parses the dates those words introduce.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from ..model import Date

__all__ = ["COUNTRIES", "LANGUAGES", "MONTHS", "ORGANISATION", "alternation", "lowered", "parse_date", "words"]


@cache
def words() -> dict[str, Any]:
    """The shipped word lists (`myobib/data/citation_words.json`)."""
    with resources.files("myobib").joinpath("data/citation_words.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def alternation(key: str) -> str:
    """A regex alternation of the words under `key`, longest first; a space matches any white space
    and a full stop after the word is left to the caller."""
    found = sorted(set(words()[key]), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in found)


def lowered(*keys: str) -> frozenset[str]:
    """The words under `keys`, in lower case, for looking up a word already lower-cased."""
    return frozenset(word.lower() for key in keys for word in words()[key])


MONTHS: dict[str, int] = words()["months"]
LANGUAGES = lowered("languages")
COUNTRIES = frozenset(words()["countries"])
ORGANISATION = re.compile(rf"(?<![\w-])(?:{alternation('organisation')})(?![\w-])", re.IGNORECASE)

_MONTH = r"[^\W\d_]{3,}\.?"
_NLM_DATE = re.compile(
    rf"c?(?P<year>\d{{4}})(?:\s*-\s*\d{{4}})?(?:\s+(?P<month>{_MONTH})(?:\s*-\s*{_MONTH})?(?:\s+(?P<day>\d{{1,2}})(?:\s*-\s*\d{{1,2}})?)?)?"
)
_DAY_FIRST = re.compile(rf"(?P<day>\d{{1,2}})º?\.?\s*(?:de\s+)?(?P<month>{_MONTH}),?\s*(?:de\s+)?(?P<year>\d{{4}})")
_MONTH_FIRST = re.compile(rf"(?P<month>{_MONTH})\s+(?:(?P<day>\d{{1,2}}),?\s+)?(?P<year>\d{{4}})")
_NUMERIC = re.compile(
    r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})|(?P<iso>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
)
_US_NUMERIC = re.compile(r"(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d{2}|\d{4})")  # `8-25-23`, month first


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return MONTHS.get(name.rstrip(".").lower())


def parse_date(text: str) -> Date | None:
    """`2023 Nov 3`, `c2023`, `3 nov. 2023`, `28 de setembro de 2014`, `October 21, 2025`, `06/10/2023`
    (day first), `2023-10-06` or `8-25-23` (US, month first) as a `Date`; None when `text` is not one of these."""
    text = text.strip().rstrip(".,;").strip()
    found = _NLM_DATE.fullmatch(text)
    if found:
        month = _month(found["month"])
        if found["month"] and month is None:
            return None
        return Date(int(found["year"]), month, int(found["day"]) if found["day"] and month else None)
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        found = pattern.fullmatch(text)
        if found and _month(found["month"]):
            day = found["day"]
            return Date(int(found["year"]), _month(found["month"]), int(day) if day else None)
    found = _NUMERIC.fullmatch(text)
    if found:
        if found["iso"]:
            year, month, day = int(found["iso"]), int(found["m"]), int(found["d"])
        else:
            year, month, day = int(found["year"]), int(found["month"]), int(found["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return Date(year, month, day)
    found = _US_NUMERIC.fullmatch(text)
    if found and 1 <= int(found["month"]) <= 12 and 1 <= int(found["day"]) <= 31:
        year = int(found["year"])
        return Date(year + 2000 if year < 100 else year, int(found["month"]), int(found["day"]))
    return None
