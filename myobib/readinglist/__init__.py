"""Reading lists: tag references with their page's topics and kind of paper, group, render.

rl = myobib.readinglist.build(bib, by="topic", topic="dermatomyositis", since=2018)
rl.to_markdown(style="vancouver"); rl.to_html_page(); rl.write_groups("out/")
"""

from __future__ import annotations

import os

from .grouping import BY, SORTS, Group, ReadingList, build, resolve_tag
from .tags import tag_bibliography, tag_reference
from .vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "BY",
    "SORTS",
    "Group",
    "ReadingList",
    "Vocabulary",
    "build",
    "load_vocabulary",
    "render_file",
    "resolve_tag",
    "tag_bibliography",
    "tag_reference",
]


def render_file(
    path: str | os.PathLike[str],
    *,
    to: str = "markdown",
    by: str = "topic",
    topic: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    since: int | None = None,
    sort: str = "style",
    style: str = "vancouver",
    locale: str | None = None,
    vocabulary: str | os.PathLike[str] | None = None,
) -> str:
    """Load a reference list and return its reading list as `markdown`, `html` or `html-fragment`."""
    from ..api import load

    reading_list = build(load(path), by, topic=topic, kind=kind, since=since, sort=sort, vocabulary=vocabulary)
    return reading_list.render(to, style, locale=locale)
