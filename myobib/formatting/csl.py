"""Clean CSL-JSON for a CSL processor, built from `Reference.to_csl()`.

What goes to the processor is what a CSL style expects: CSL item types (Crossref's
`journal-article` becomes `article-journal`), one string per text variable (never a list, so
no `['Some Journal']`), the full journal name (else the abbreviation), names as
`myobib.names.csl_name` writes them (`LG` → `L. G.`, `de Souza` → particle `de`, family `Souza`),
inline markup removed except `<span class="nocase">`, and no myobib `custom` data.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from ..model import Name, Reference
from ..names import PARTICLES, csl_name

__all__ = ["PARTICLES", "TYPE_MAP", "clean_item", "typographic"]

# Crossref (and other) work types → CSL 1.0.2 item types.
TYPE_MAP = {
    "journal-article": "article-journal",
    "article": "article",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "proceedings-article": "paper-conference",
    "conference-paper": "paper-conference",
    "posted-content": "article",
    "preprint": "article",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-set": "book",
    "book-series": "book",
    "reference-entry": "entry",
    "dissertation": "thesis",
    "report-series": "report",
    "standard": "standard",
    "dataset": "dataset",
    "journal-issue": "periodical",
    "journal": "periodical",
    "peer-review": "review",
    "component": "document",
    "other": "document",
}
_CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter classic
    collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing
    interview legal_case legislation manuscript map motion_picture musical_score pamphlet
    paper-conference patent performance periodical personal_communication post post-weblog regulation
    report review review-book software song speech standard thesis treaty webpage""".split()
)
_NAMES = frozenset(
    """author chair collection-editor compiler composer container-author contributor curator director
    editor editorial-director executive-producer guest host illustrator interviewer narrator organizer
    original-author performer producer recipient reviewed-author script-writer series-creator
    translator""".split()
)
_DATES = frozenset("accessed available-date event-date issued original-date submitted".split())
_NAME_KEYS = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")
_TEXT_NAMES = frozenset({"title", "container-title", "container-title-short", "collection-title", "publisher"})
_NOCASE = re.compile(r'(<span class="nocase">.*?</span>)', re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span|u)(?:\s[^<>]*)?>", re.IGNORECASE)
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def typographic(text: str) -> str:
    """Straight apostrophes between letters become typographic (`O'Brien` → `O’Brien`)."""
    return _APOSTROPHE.sub("\u2019", text) if "'" in text else text


def _text(value: Any) -> str | None:
    """One string from a CSL value: lists give their first non-empty element."""
    if isinstance(value, list | tuple):
        value = next((v for v in value if v not in (None, "")), None)
    if value is None or isinstance(value, Mapping):
        return None
    if isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def _markup(text: str) -> str:
    """Inline HTML removed (its text kept), `<span class="nocase">` kept, entities decoded."""
    if "<" not in text and "&" not in text:
        return text
    pieces = _NOCASE.split(text)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            inner = piece[piece.index(">") + 1 : piece.rindex("<")]
            out.append('<span class="nocase">' + html.unescape(_TAG.sub("", inner)) + "</span>")
        else:
            out.append(html.unescape(_TAG.sub("", piece)))
    return "".join(out)


def _name(data: Mapping[str, Any], typography: bool) -> dict[str, str] | None:
    name = {key: str(data[key]).strip() for key in _NAME_KEYS if _text(data.get(key))}
    if "literal" in name:
        literal = name["literal"]
        return {"literal": typographic(literal) if typography else literal}
    if not name.get("family") and not name.get("given"):
        return None
    name = csl_name(Name.from_csl(name))
    if typography:
        name = {key: typographic(value) for key, value in name.items()}
    return name


def _date(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        clean = []
        for part in parts[:2]:
            ints = []
            for p in part[:3]:
                try:
                    ints.append(int(p))
                except (TypeError, ValueError):
                    break
            if ints:
                clean.append(ints)
        if clean:
            return {"date-parts": clean}
    literal = _text(value.get("literal") or value.get("raw"))
    return {"literal": literal} if literal else None


def clean_item(ref: Reference | Mapping[str, Any], item_id: str | None = None, *, typography: bool = True) -> dict:
    """A clean CSL-JSON item for a processor, from a `Reference` or a CSL-JSON mapping.

    `item_id` replaces the id (the processor lower-cases ids, so callers pass their own
    stable ones); `typography=False` keeps straight apostrophes as they are.
    """
    data = ref.to_csl() if isinstance(ref, Reference) else dict(ref)
    kind = str(data.get("type") or "article")
    kind = TYPE_MAP.get(kind, kind)
    item: dict[str, Any] = {
        "id": item_id if item_id is not None else str(data.get("id", "")),
        "type": kind if kind in _CSL_TYPES else "article",
    }
    for key, value in data.items():
        if key in ("id", "type", "custom") or value is None:
            continue
        if key in _NAMES:
            if isinstance(value, list):
                names = [_name(v, typography) for v in value if isinstance(v, Mapping)]
                names = [n for n in names if n]
                if names:
                    item[key] = names
        elif key in _DATES:
            date = _date(value)
            if date:
                item[key] = date
        else:
            text = _text(value)
            if text is None:
                continue
            if key in ("DOI", "URL", "PMID", "PMCID", "ISSN", "ISBN"):
                item[key] = text
                continue
            text = _markup(text)
            if typography and key in _TEXT_NAMES:
                text = typographic(text)
            item[key] = text
    if "container-title" not in item and "container-title-short" in item:
        item["container-title"] = item["container-title-short"]
    return item
