"""Which words of a title a citation style must not recase: one rule for every writer.

Styles recase titles: BibTeX's `unsrt` and biblatex's `\\MakeSentenceCase` lower-case them,
pandoc's BibTeX reader turns them into sentence case, CSL processors title-case them in
styles such as Chicago. myobib keeps a title as the list printed it, so a writer marks the
words no style may change (`{…}` in BibTeX, `<span class="nocase">…</span>` in CSL-JSON),
and a reader removes exactly those marks again (`unprotect`), so reading stays lossless.

The rule follows Better BibTeX's documented one ("a word containing capital letters which
is not at the start of a (sub)sentence is assumed to be a proper noun and brace-protected",
strings of such words protected together). A word is a run of characters between spaces;
it is protected when

1. it has a capital letter other than its first letter (acronyms and inner capitals:
   `EULAR`, `mRNA`, `McCann`, `Myositis-Related`, `MDA5`), or
2. it starts with a capital and is not the title's first word (proper nouns in a
   sentence-case title: `American College of Rheumatology`, `Lundberg`; in a title-case
   title every capitalised word, so it prints as written), or
3. only with `sentence_starts=True` (BibTeX): its first letter or digit is a lower-case
   letter and it is the title's first word or follows a word ending in `:`, `.`, `?` or
   `!`, where pandoc's BibTeX reader would capitalise it (`p53 …`, `…: comment on …`).
   CSL processors never capitalise there, and a protected lower-case word would keep a
   title-case style from capitalising it, so CSL-JSON leaves this part out.

Consecutive protected words are protected together with the spaces between them; text
already inside a nocase span is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Element", "parse_rich", "protect", "protected_runs", "render_rich", "unprotect"]

NOCASE_OPEN = '<span class="nocase">'
_TAG = re.compile(r'<(/?)(i|b|sup|sub)>|<span class="nocase">|<span style="font-variant:\s?small-caps;?">|</span>')
_WORD = re.compile(r"\S+")
_SENTENCE_END = ":.?!"


# -- the rule on plain text ------------------------------------------------------------------------


def _protected_words(text: str, sentence_starts: bool) -> Iterator[re.Match[str]]:
    previous: str | None = None
    for found in _WORD.finditer(text):
        word = found.group()
        first = previous is None
        starts_sentence = first or previous[-1] in _SENTENCE_END  # type: ignore[index]
        previous = word
        letters = [ch for ch in word if ch.isalpha()]
        if not letters:
            continue
        lead = next(ch for ch in word if ch.isalnum())
        if any(ch.isupper() for ch in letters[1:]) or (letters[0].isupper() and not first):
            yield found
        elif sentence_starts and starts_sentence and lead.islower():
            yield found


def protected_runs(text: str, *, sentence_starts: bool = False) -> list[tuple[int, int]]:
    """The `(start, end)` spans of plain `text` that no style may recase, in order."""
    runs: list[tuple[int, int]] = []
    for found in _protected_words(text, sentence_starts):
        start, end = found.span()
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _protected_chars(text: str, sentence_starts: bool) -> list[bool]:
    flags = [False] * len(text)
    for found in _protected_words(text, sentence_starts):
        for i in range(*found.span()):
            flags[i] = True
    return flags


# -- CSL rich text ------------------------------------------------------------------------------------


@dataclass
class Element:
    """One balanced piece of CSL rich text markup (`<i>…</i>`, a nocase span …) and what it holds."""

    open: str
    close: str
    children: list[str | Element] = field(default_factory=list)

    @property
    def nocase(self) -> bool:
        return self.open == NOCASE_OPEN

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def parse_rich(text: str) -> list[str | Element]:
    """CSL rich text as strings and `Element`s; a tag without its partner stays text."""
    root = Element("", "")
    stack = [root]
    position = 0
    for found in _TAG.finditer(text):
        if found.start() > position:
            stack[-1].children.append(text[position : found.start()])
        position = found.end()
        tag = found.group()
        if tag.startswith("</"):
            if len(stack) > 1 and stack[-1].close == tag:
                done = stack.pop()
                stack[-1].children.append(done)
            else:
                stack[-1].children.append(tag)
        else:
            stack.append(Element(tag, "</span>" if tag.startswith("<span") else f"</{found.group(2)}>"))
    if position < len(text):
        stack[-1].children.append(text[position:])
    while len(stack) > 1:  # unclosed: the tag is text, its content goes to the parent
        done = stack.pop()
        stack[-1].children.extend([done.open, *done.children])
    return _merged(root.children)


def _merged(children: list[str | Element]) -> list[str | Element]:
    out: list[str | Element] = []
    for child in children:
        if isinstance(child, str) and out and isinstance(out[-1], str):
            out[-1] += child
        elif child != "":
            out.append(child)
    return out


def render_rich(children: list[str | Element]) -> str:
    """The inverse of `parse_rich`."""
    return "".join(c if isinstance(c, str) else c.open + render_rich(c.children) + c.close for c in children)


def _plain(children: list[str | Element]) -> str:
    return "".join(c if isinstance(c, str) else c.text() for c in children)


def protect(text: str, *, sentence_starts: bool = False) -> str:
    """CSL rich text with every run `protected_runs` finds wrapped in a nocase span.

    A run never crosses markup: it is cut where it would, and markup wholly inside a run
    is wrapped with it (`<span class="nocase"><i>Homo Sapiens</i></span>`).
    """
    children = parse_rich(text)
    plain = _plain(children)
    flags = [False] * len(plain)
    for start, end in protected_runs(plain, sentence_starts=sentence_starts):
        flags[start:end] = [True] * (end - start)
    _clear_nocase(children, flags, 0)
    if not any(flags):
        return text
    return render_rich(_wrap(children, flags, 0)[0])


def _clear_nocase(children: list[str | Element], flags: list[bool], position: int) -> int:
    """Unflag text already inside nocase spans (it stays as it is) and tags that are text (a span
    around them would pair with them); returns the end position."""
    for child in children:
        if isinstance(child, str):
            for tag in _TAG.finditer(child):
                flags[position + tag.start() : position + tag.end()] = [False] * (tag.end() - tag.start())
            position += len(child)
        elif child.nocase:
            end = position + len(child.text())
            flags[position:end] = [False] * (end - position)
            position = end
        else:
            position = _clear_nocase(child.children, flags, position)
    return position


def _wrap(children: list[str | Element], flags: list[bool], position: int) -> tuple[list[str | Element], int]:
    out: list[str | Element] = []
    run: Element | None = None

    def emit(piece: str | Element, protected: bool) -> None:
        nonlocal run
        if protected and isinstance(piece, str):  # spaces at a cut stay outside the span
            core = piece.strip()
            if not core:
                emit(piece, False)
                return
            if core != piece:
                lead, tail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()) :]
                for part, flag in ((lead, False), (core, True), (tail, False)):
                    if part:
                        emit(part, flag)
                return
        if protected:
            if run is None:
                run = Element(NOCASE_OPEN, "</span>")
                out.append(run)
            run.children.append(piece)
        else:
            run = None
            out.append(piece)

    for child in children:
        if isinstance(child, str):
            start = 0
            for i in range(1, len(child) + 1):
                if i == len(child) or flags[position + i] != flags[position + start]:
                    emit(child[start:i], flags[position + start])
                    start = i
            position += len(child)
            continue
        end = position + len(child.text())
        inside = end > position and all(flags[position:end])
        if inside and not child.nocase:
            emit(child, True)
        elif child.nocase or not any(flags[position:end]):
            emit(child, False)
        else:
            inner, _ = _wrap(child.children, flags, position)
            emit(Element(child.open, child.close, inner), False)
        position = end
    return out, position


def unprotect(text: str, *, sentence_starts: bool = False) -> str:
    """The inverse of `protect`: nocase spans holding only words the rule protects are removed.

    `unprotect(protect(t)) == t` unless `t` itself has such a span (then the two mean the same).
    """
    if NOCASE_OPEN not in text:
        return text
    children = parse_rich(text)
    flags = _protected_chars(_plain(children), sentence_starts)
    result, _ = _unwrap(children, flags, 0)
    return render_rich(_merged(result))


def _unwrap(children: list[str | Element], flags: list[bool], position: int) -> tuple[list[str | Element], int]:
    out: list[str | Element] = []
    for child in children:
        if isinstance(child, str):
            out.append(child)
            position += len(child)
            continue
        inner, end = _unwrap(child.children, flags, position)
        content = [i for i, ch in enumerate(child.text(), position) if not ch.isspace()]
        if child.nocase and content and all(flags[i] for i in content):
            out.extend(inner)
        else:
            out.append(Element(child.open, child.close, _merged(inner)))
        position = end
    return out, position
