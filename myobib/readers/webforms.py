"""Forms of rare-disease and agency web pages cited in AMA-like lists (NORD, GARD), read before the NLM
family reads an entry: a database's record number (`ORPHA:324.`, `Entry No: 301500.`) is the `number`,
and a press release's `News release. August 10, 2018.` the `genre` and the date it was issued. The words
are data (`record_numbers`, `news_genres` in `myobib/data/citation_words.json`).
"""

from __future__ import annotations

import re
from typing import Any

from .words import alternation, parse_date

__all__ = ["web_forms"]

_RECORD = re.compile(rf"\.\s+(?:{alternation('record_numbers')})\s*(?P<number>\d+)(?=\.(?:\s|$))")
_NEWS = re.compile(
    rf"\.\s+(?P<genre>{alternation('news_genres')})\.\s+(?P<date>[^\W\d_]+\.?\s+\d{{1,2}},\s+\d{{4}})(?=\.(?:\s|$))",
    re.IGNORECASE,
)


def web_forms(text: str) -> tuple[str, dict[str, Any]]:
    """`text` without a record number or a release's genre and date, and the fields they give."""
    taken: dict[str, Any] = {}
    if "http" not in text:  # both are pages read on the web
        return text, taken
    found = _RECORD.search(text)
    if found is not None:
        taken["number"] = found["number"]
        text = text[: found.start()] + text[found.end() :]
    found = _NEWS.search(text)
    if found is not None and (date := parse_date(found["date"])) is not None:
        taken.update(genre=found["genre"], issued=date)
        text = text[: found.start()] + text[found.end() :]
    return text, taken
