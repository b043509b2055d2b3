"""What a record or a reference is: a notice, a retracted article, a preprint, a book, a chapter….

The words and kinds are data, extendable: publishers' notice titles (`Retraction Note:`,
`Department of Error`, `Correction to:` …) in `myobib/data/notices.json`, which the readers share;
as are the prefixes a retracted article's own title gets (`RETRACTED:`); in
`myobib/data/matching.json` Crossref `update-to` types, Crossref and CSL types and the kind of work
each is, kinds that are never the same work, and preprint servers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import notices
from ..folding import fold
from .records import clean_text

__all__ = [
    "NOTICES",
    "data",
    "crossref_kind",
    "csl_kind",
    "incompatible",
    "is_notice_title",
    "is_preprint_server",
    "is_reply_title",
    "notice_kind",
    "notice_subject",
    "relation_notice",
    "retracted_title",
    "title_language",
    "update_notice",
]

NOTICES = ("retraction", "erratum", "expression-of-concern")  # notices about a work; replies and comments answer one


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    with resources.files("myobib").joinpath("data/matching.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _notice_match(title: str) -> tuple[str, str] | None:
    """(notice kind, the title's text after the notice words) for a notice's title."""
    return notices.notice_match(clean_text(title))


def notice_subject(title: str | None) -> str | None:
    """What a notice's title says after its notice words (`Retraction Note: X` → `x`), None when nothing does.

    A title that is no notice's comes back whole (folded to lower case).
    """
    if not title:
        return None
    found = _notice_match(title)
    rest = re.sub(r"['’`´]", "", found[1] if found else clean_text(title)).lower()
    rest = rest.strip(" \t:.-–—\"“”‘’'«»")
    return rest or None


@lru_cache(maxsize=1 << 14)
def notice_kind(title: str | None) -> str | None:
    """`retraction`, `erratum`, `expression-of-concern`, `reply` or `comment` for a notice's title, else None.

    An article's own title prefixed `RETRACTED:` (Elsevier) or `RETRACTED ARTICLE:` (Springer) is
    not a notice: see `retracted_title`.
    """
    if not title:
        return None
    found = _notice_match(title)
    return found[0] if found else None


def retracted_title(title: str | None) -> str | None:
    """The article's title (markup cleaned) without the `RETRACTED:` prefix its publisher added, or None."""
    return notices.retracted_title(clean_text(title)) if title else None


def is_notice_title(title: str | None) -> bool:
    """`Correction to: …`, `Erratum`, `Retraction Note: …`, `Department of Error`, `Expression of concern …`."""
    return notice_kind(title) in NOTICES


def is_reply_title(title: str | None) -> bool:
    """`Reply`, `Response to …`, `Authors' reply …`."""
    return notice_kind(title) == "reply"




def update_notice(kind: str) -> str | None:
    """The notice an `update-to` entry of this Crossref type makes its record (an unknown type: `erratum`)."""
    notice = data()["update_types"].get(kind.lower().replace(" ", "_"), "erratum")
    return str(notice) if notice else None


def relation_notice(relation: Any) -> str | None:
    """`reply` or `comment` for a record whose Crossref `relation` says it replies to or comments on another."""
    if isinstance(relation, Mapping):
        return next((kind for name, kind in data()["relation_notices"].items() if relation.get(name)), None)
    return None


def crossref_kind(crossref_type: str) -> str | None:
    """`article`, `preprint`, `book`, `chapter`, … for a Crossref work type."""
    return data()["kinds"].get(crossref_type)


def csl_kind(csl_type: str) -> str | None:
    """The same for a CSL type (`article-journal` → `article`)."""
    return data()["csl_kinds"].get(csl_type)


def incompatible(a: str | None, b: str | None) -> bool:
    """Two kinds that are never the same work (a preprint and the published article, a chapter and its book)."""
    pairs = data()["incompatible"]
    return bool(a and b) and ([a, b] in pairs or [b, a] in pairs)


@lru_cache(maxsize=1)
def _servers() -> frozenset[str]:
    return frozenset(fold(s) for s in data()["preprint_servers"])


def is_preprint_server(name: str | None) -> bool:
    """`medRxiv`, `Research Square`, `SSRN` …"""
    return bool(name) and fold(name) in _servers()


@lru_cache(maxsize=1)
def _language_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(fold(w) for w in words) for lang, words in data()["title_languages"].items()}


@lru_cache(maxsize=1 << 14)
def title_language(title: str | None) -> str | None:
    """`en`, `es`, `it`, `de`, … when a title's small words clearly say so (two more than any other), else None."""
    words = fold(title or "").split()
    counts = sorted(((len({w for w in words if w in small}), lang) for lang, small in _language_words().items()),
                    reverse=True)
    (best, lang), (second, _) = counts[0], counts[1]
    return lang if best >= 2 and best >= second + 2 else None
