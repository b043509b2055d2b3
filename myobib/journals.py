"""Journal names: the shipped NLM abbreviation table and abbreviation-aware comparison."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .folding import fold

__all__ = ["full_name", "journals_match", "normalise_journal"]

_DROP = {"the", "of", "and", "in", "on", "for", "de", "la", "et"}


@cache
def _table() -> dict[str, str]:
    with resources.files("myobib").joinpath("data/journals.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def full_name(abbreviation: str) -> str | None:
    """The full name of an NLM abbreviation (`Ann Rheum Dis`), when the table knows it."""
    return _table().get(abbreviation.strip().rstrip("."))


@cache
def normalise_journal(name: str) -> tuple[str, ...]:
    """Lower-case ASCII words without punctuation, articles or a `(City)` qualifier."""
    return tuple(word for word in fold(re.sub(r"\([^)]*\)", " ", name)).split() if word not in _DROP)


def _abbreviates(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Each abbreviated word is a prefix of the next matching full word, in order."""
    position = 0
    for word in short:
        while position < len(full) and not full[position].startswith(word):
            position += 1
        if position == len(full):
            return False
        position += 1
    return True


@cache  # a list names a few hundred journals; dedupe asks about the same pairs again and again
def journals_match(a: str | None, b: str | None) -> bool:
    """True when two journal names plausibly name the same journal (`Chest` ≡ `CHEST`)."""
    if not a or not b:
        return False
    na, nb = normalise_journal(a), normalise_journal(b)
    if na == nb:
        return True
    fa, fb = full_name(a), full_name(b)
    if fa and fb:
        return normalise_journal(fa) == normalise_journal(fb)
    if fa and normalise_journal(fa) == nb or fb and normalise_journal(fb) == na:
        return True
    return len(na) == len(nb) and (_abbreviates(na, nb) or _abbreviates(nb, na))
