"""Notices: errata, retraction notices, expressions of concern, comments and replies.

A reference that is itself a notice about another work carries `Reference.notice` (one of
`model.NOTICE_KINDS`); its CSL type stays what the item is. A notice shows itself by its title
(`Department of Error`, `Retraction--…`, `Response to: '…' by Luu et al`), by a note of its own
(`Comment on: …`), or by a note of the work it is about (`Comment in: Lancet. 1998 Feb
28;351(9103):611-2.` names the comment). The words are data: `myobib/data/notices.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import partial
from importlib import resources
from itertools import compress, count
from operator import attrgetter, eq

from .folding import fold
from .journals import journals_match
from .model import Reference
from .spill import References, rebuild

__all__ = [
    "NOTICE_HINT",
    "link_labels",
    "link_notices",
    "linked_citations",
    "notice_from_title",
    "notice_match",
    "own_notice",
    "retracted_title",
]

with resources.files("myobib").joinpath("data/notices.json").open(encoding="utf-8") as _handle:
    _DATA = json.load(_handle)


# What may follow a notice's opening words (`title_words`): `Retraction note:`, `Correction to …`, `Erratum.`
_WORDS_END = r"(?:\s+(?:notice|note|to|for|in|on))?(?:\s*[:\-–—.]|\s*$|\s+(?:to|for)\b)"


def _phrase(phrase: str) -> str:
    """A phrase of `title_words` as a pattern: any white space between words, an apostrophe optional."""
    return r"\s+".join(re.escape(word).replace("'", "['’]?") for word in phrase.lower().split())


def _title_patterns() -> dict[str, list[str]]:
    """Per kind, the patterns of `title_words` and `title_phrases` (first: they take in `to`, `for`, so that
    what follows is the notice's subject), then those of `titles`."""
    patterns: dict[str, list[str]] = {}
    for key, end in (("title_words", _WORDS_END), ("title_phrases", r"\b")):
        for kind, phrases in _DATA[key].items():
            patterns.setdefault(kind, []).extend(_phrase(p) + end for p in sorted(phrases, key=len, reverse=True))
    for kind, found in _DATA["titles"].items():
        patterns.setdefault(kind, []).extend(found)
    return patterns


def _title_starts() -> dict[str, re.Pattern[str]]:
    """Per first two letters of a title (as written, in lower, title or upper case), one pattern for the
    title starts of every kind beginning with them, each kind a named group: most titles are not tried."""
    by_start: dict[str, dict[str, list[str]]] = {}
    for kind, patterns in _title_patterns().items():
        for pattern in patterns:
            by_start.setdefault(pattern[:2], {}).setdefault(kind, []).append(pattern)
    starts = {}
    for start, kinds in by_start.items():
        groups = "|".join(f"(?P<{kind.replace('-', '_')}>" + "|".join(found) + ")" for kind, found in kinds.items())
        compiled = re.compile(groups, re.IGNORECASE)
        for written in (start, start.capitalize(), start.upper()):
            starts[written] = compiled
    return starts


_TITLE_STARTS = _title_starts()
_CONTAINS_NEEDS: str = _DATA["titles_containing"]["needs"]
# What a title must show for `notice_from_title` to be worth calling: one of these first two letters, or `needs`.
NOTICE_HINT = (frozenset(_TITLE_STARTS), _CONTAINS_NEEDS)
_TITLE_CONTAINS = re.compile(
    "|".join(
        f"(?P<{kind.replace('-', '_')}>" + "|".join(patterns) + ")"
        for kind, patterns in _DATA["titles_containing"]["patterns"].items()
    ),
    re.IGNORECASE,
)
_POINTS_TO: dict[str, str] = _DATA["links"]["points_to"]
_IS: dict[str, str] = _DATA["links"]["is"]
_RETRACTED = re.compile(
    r"^\W*(?:"
    + "|".join(_phrase(w) + r"(?:\s+article)?" for w in sorted(_DATA["retracted_prefixes"], key=len, reverse=True))
    + r")\s*[:\-–—.]\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_LEADING = " \t\"'“”‘’«»[(-–—*"
_NOTE = attrgetter("note")
_PLACE = attrgetter("volume", "page_first")
_NOTICE = attrgetter("notice")
_IS_REPLY = partial(eq, "reply")
_RESPONSE_TO = re.compile(
    r"^(?:response|reply)\s+to\s*:?\s*['‘\"“](?P<title>.+?)['’\"”]\s+by\s+(?P<author>[^\W\d_][\w'’-]*)", re.IGNORECASE
)
_LINK_LABELS = sorted([*_POINTS_TO, *_IS, *_DATA["links"]["other"]], key=len, reverse=True)
_LINK = re.compile(
    r"(?<![\w-])(?P<label>" + "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in _LINK_LABELS) + r")\s*:\s*",
    re.IGNORECASE,
)


def notice_from_title(title: str | None) -> str | None:
    """The notice kind a title announces (`Erratum`, `Retraction: …`, `Reply to …`), else None."""
    found = notice_match(title)
    return found[0] if found else None


def retracted_title(title: str | None) -> str | None:
    """The article's title without the `RETRACTED:` prefix its publisher added, or None when there is none."""
    match = _RETRACTED.match(title) if title else None
    return match["rest"].strip() if match else None


def notice_match(title: str | None) -> tuple[str, str] | None:
    """(notice kind, what the title says after its notice words) for a notice's title, else None.

    An article's own title marked `RETRACTED:` is not a notice (see `retracted_title`). A title that
    shows its kind further on (`…: comment on the article by Lundberg et al`) is
    about all it says, so the whole title comes back.
    """
    if not title:
        return None
    text = title if title[:1].isalnum() else title.lstrip(_LEADING)
    pattern = _TITLE_STARTS.get(text[:2])
    found = pattern.match(text) if pattern is not None else None
    if found is not None:
        kind, rest = str(found.lastgroup).replace("_", "-"), text[found.end() :]
    elif _CONTAINS_NEEDS in text and (found := _TITLE_CONTAINS.search(text)) is not None:
        kind, rest = str(found.lastgroup).replace("_", "-"), text
    else:
        return None
    return None if retracted_title(title) else (kind, rest)  # only a title with notice words is tried for it


def link_labels() -> re.Pattern[str]:
    """The pattern of a PubMed-style link label (`Erratum in: `, `Comment on: ` …)."""
    return _LINK


def linked_citations(note: str | None) -> Iterator[tuple[str, str, str]]:
    """(label, notice kind or '', citation) for each `Label: citation` link in a note: for an `… in:` label
    the kind of the cited work, for `… for:`/`… of:`/`… on:` that of the work carrying the note."""
    if not note or ":" not in note:
        return
    matches = list(_LINK.finditer(note))
    for index, found in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(note)
        label = " ".join(found["label"].lower().split())
        yield label, _POINTS_TO.get(label) or _IS.get(label) or "", note[found.end() : end].strip()


def own_notice(note: str | None) -> str | None:
    """The notice kind a work's own note declares (`Comment on: …`, `Erratum for: …`)."""
    return next((kind for label, kind, _ in linked_citations(note) if label in _IS), None)


def _where(citation: str) -> tuple[str, str | None, str] | None:
    """(journal, volume, first page) of a linked citation, None when it cannot be read."""
    from .readers.nlm import journal_line_fields

    fields = journal_line_fields(citation, loose=True)
    if fields is None or not fields.get("page_first"):
        return None
    return str(fields["container_title_short"]), fields.get("volume"), str(fields["page_first"])  # type: ignore[return-value]


def link_notices(references: References, among: Iterable[int] | None = None) -> References:
    """Set `notice` on the references that other references' notes name as their erratum,
    retraction notice, expression of concern or comment (`Erratum in: Cell Rep. 2022;39:111044.`),
    matched on journal, volume and first page; and `comment` on a letter that a reply in the list answers
    (`Response to: 'Title' by Luu et al`), matched on title and first author. A reference that already
    has a `notice` keeps it. `among`, when given, are the positions of the only references with a note
    or a notice (a reader that built the list knows them), so the others need not be looked at.
    """
    if among is not None:
        involved = [references[index] for index in among]
        notes, replies = map(_NOTE, involved), (ref for ref in involved if ref.notice == "reply")
    else:
        notes = map(_NOTE, references)
        replies = (references[i] for i in compress(count(), map(_IS_REPLY, map(_NOTICE, references))))
    changed = _cited_by_links(references, notes)
    changed.update(_answered_by_replies(references, replies, changed))
    if not changed:
        return references
    if isinstance(references, list):
        updated = list(references)
        for index, ref in changed.items():
            updated[index] = ref
        return updated
    return rebuild(references, (changed.get(index, index) for index in range(len(references))))


def _answered_by_replies(
    references: References, replies: Iterable[Reference], changed: dict[int, Reference]
) -> dict[int, Reference]:
    answered = {}
    for reply in replies:
        found = _RESPONSE_TO.match(reply.title or "")
        if found is not None:
            answered[fold(found["title"])] = fold(found["author"])
    if not answered:
        return {}
    marked = {}
    for index in compress(count(), map(answered.__contains__, map(_folded_title, references))):
        ref = changed.get(index) or references[index]
        first = ref.author[0] if ref.author else None
        family = fold(first.family or first.literal or "") if first is not None else None
        if ref.notice is None and family == answered[fold(ref.title or "")]:
            marked[index] = ref.replace(notice="comment")
    return marked


def _cited_by_links(references: References, notes: Iterable[str | None]) -> dict[int, Reference]:
    wanted: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    for note in filter(None, notes):  # few references have a note: the rest pass in C
        if ":" not in note:
            continue
        for label, kind, citation in linked_citations(note):
            if label in _POINTS_TO and (where := _where(citation)) is not None:
                journal, volume, first = where
                wanted.setdefault((volume, first), []).append((journal, kind))
    if not wanted:
        return {}
    hits = compress(count(), map(wanted.__contains__, map(_PLACE, references)))  # those at a wanted place, in C
    changed: dict[int, Reference] = {}
    for index in hits:
        ref = references[index]
        if ref.notice is not None:
            continue
        for journal, kind in wanted.get((ref.volume, ref.page_first), ()):  # type: ignore[arg-type]
            if journals_match(journal, ref.container_title_short or ref.container_title):
                changed[index] = ref.replace(notice=kind)
                break
    return changed


def _folded_title(ref: Reference) -> str:
    return fold(ref.title) if ref.title else ""
