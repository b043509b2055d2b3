"""Reading lists as Markdown, as an HTML fragment, and as a standalone HTML page with a search box.

Entries are formatted by `myobib.formatting.format_bibliography` in the chosen CSL style when
that module is present, else as a plain Vancouver-like line. Every text is escaped: formatted
HTML passes through an allow-list of inline tags, and the page forbids all scripts but its own
(a Content-Security-Policy with the script's hash).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import unicodedata
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

from ..folding import fold
from ..model import Reference
from .grouping import Group, ReadingList, slug

__all__ = [
    "doi_url",
    "escape_markdown",
    "format_entries",
    "identifier_links",
    "plain_entry",
    "pmc_url",
    "pubmed_url",
    "safe_html",
    "script_policy",
    "to_html_fragment",
    "to_html_page",
    "to_markdown",
]

_MAX_AUTHORS = 6


def doi_url(doi: str) -> str:
    """`https://doi.org/<doi>` with the characters a URL cannot hold percent-encoded."""
    return "https://doi.org/" + quote(doi.strip(), safe="/:;._-~")


def pubmed_url(pmid: str) -> str:
    """`https://pubmed.ncbi.nlm.nih.gov/<pmid>/`."""
    return f"https://pubmed.ncbi.nlm.nih.gov/{quote(pmid.strip(), safe='')}/"


def pmc_url(pmcid: str) -> str:
    """`https://pmc.ncbi.nlm.nih.gov/articles/<PMCID>/` (the free full text)."""
    return f"https://pmc.ncbi.nlm.nih.gov/articles/{quote(pmcid.strip(), safe='')}/"


def identifier_links(ref: Reference) -> list[tuple[str, str, str]]:
    """(label, identifier, URL) for the reference's DOI, PMID and PMCID, in that order."""
    links = []
    for label, value, url in (("doi", ref.DOI, doi_url), ("PMID", ref.PMID, pubmed_url), ("PMCID", ref.PMCID, pmc_url)):
        if value and value.strip():
            links.append((label, value.strip(), url(value)))
    return links


# -- entry text ---------------------------------------------------------------------------------


def plain_entry(ref: Reference) -> str:
    """`Authors. Title. Journal. Year;Vol(Issue):Pages.` from the reference's own fields."""
    names = [name.display() for name in ref.author[:_MAX_AUTHORS]]
    authors = ", ".join(names)
    if authors and (ref.et_al or len(ref.author) > _MAX_AUTHORS):
        authors += ", et al"
    source = "".join(
        [
            str(ref.year or ""),
            f";{ref.volume}" if ref.volume else "",
            f"({ref.issue})" if ref.issue else "",
            f":{ref.page}" if ref.page else "",
        ]
    )
    parts = [authors, ref.title or "", ref.journal or "", source]
    return " ".join(p.rstrip(".") + "." for p in parts if p)


def escape_markdown(text: str) -> str:
    """Markdown's special characters backslash-escaped, so the text shows as written."""
    return re.sub(r"([\\`*_{}\[\]<>#|~!&])", r"\\\1", text)


def _formatter() -> Any:
    try:
        from ..formatting import format_bibliography
    except ImportError:
        return None
    return format_bibliography


def format_entries(
    refs: Sequence[Reference], style: str = "vancouver", output: str = "text", *, locale: str | None = None
) -> list[tuple[Reference, str]]:
    """Each reference with its entry as `text`, `html` or `markdown`, in the style's order.

    The references are formatted in one call (so numeric styles number them 1..n); a style that
    sorts its bibliography reorders them, so entries are paired back to references by their words.
    """
    format_bibliography = _formatter()
    if format_bibliography is None:
        lines = [plain_entry(ref) for ref in refs]
        if output == "html":
            lines = [html.escape(line, quote=False) for line in lines]
        elif output == "markdown":
            lines = [escape_markdown(line) for line in lines]
        return list(zip(refs, lines, strict=True))
    texts = list(format_bibliography(list(refs), style, output=output, locale=locale))
    if len(texts) != len(refs):  # not one entry per reference: format them one at a time
        texts = ["".join(format_bibliography([ref], style, output=output, locale=locale)) for ref in refs]
    if output == "markdown":  # raw angle brackets would reach readers as HTML
        texts = [re.sub(r"(?<!\\)([<>])", r"\\\1", text) for text in texts]
    return [(refs[i], text) for i, text in zip(_pair(refs, texts), texts, strict=True)]


def _words(text: str) -> set[str]:
    return set(fold(re.sub(r"<[^>]*>", " ", text)).split())


def _probe(ref: Reference) -> tuple[set[str], set[str]]:
    """The words of a reference a formatted entry should hold, and its first author's name words."""
    first = ref.first_author
    who = _words((first.family or first.literal or "") if first else "")
    return who | _words(" ".join([ref.title or "", str(ref.year or ""), ref.page or ""])), who


def _pair(refs: Sequence[Reference], texts: list[str]) -> list[int]:
    """For each text, the index of the reference whose words it holds most.

    Only references whose first author's name the text holds are scored, which keeps this close
    to linear for long groups.
    """
    probes = [_probe(ref) for ref in refs]
    bags = [_words(text) for text in texts]

    def score(i: int, j: int) -> float:
        return len(probes[i][0] & bags[j]) / max(len(probes[i][0]), 1)

    if all(score(i, i) >= 0.6 for i in range(len(refs))):
        return list(range(len(texts)))
    by_name: dict[str, list[int]] = {}
    for i, (_, who) in enumerate(probes):
        for word in who or {""}:
            by_name.setdefault(word, []).append(i)
    pairs = []
    for j, bag in enumerate(bags):
        candidates = {i for word in bag if word in by_name for i in by_name[word]} | set(by_name.get("", ()))
        pairs += [(score(i, j), i, j) for i in candidates or range(len(refs))]
    owner: list[int | None] = [None] * len(texts)
    taken: set[int] = set()
    for _score, i, j in sorted(pairs, reverse=True):
        if owner[j] is None and i not in taken:
            owner[j] = i
            taken.add(i)
    spare = iter(i for i in range(len(refs)) if i not in taken)
    return [i if i is not None else next(spare) for i in owner]


def _entries(rl: ReadingList, group: Group, style: str, output: str, locale: str | None) -> list[tuple[Reference, str]]:
    """A group's formatted entries: in the style's order, or in the reading list's when it was sorted."""
    entries = format_entries(group.references, style, output, locale=locale)
    if rl.sort != "style":
        position = {ref.id: n for n, ref in enumerate(group.references)}
        entries.sort(key=lambda entry: position[entry[0].id])
    return entries


# -- HTML sanitising --------------------------------------------------------------------------------

_INLINE = {"i", "b", "em", "strong", "sup", "sub", "span", "small", "div", "a", "br"}
_SAFE_STYLE = re.compile(r"^\s*[a-z-]+\s*:\s*[a-z0-9 ,.%-]+;?\s*$", re.IGNORECASE)


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _INLINE:
            self.out.append(html.escape(self.get_starttag_text() or f"<{tag}>", quote=False))
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if (
                name == "class"
                or (name == "style" and _SAFE_STYLE.match(value))
                or (name == "href" and tag == "a" and re.match(r"https?://", value))
            ):
                kept.append(f' {name}="{html.escape(value)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag != "br":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open:
                last = self.open.pop()
                self.out.append(f"</{last}>")
                if last == tag:
                    break
        else:
            self.out.append(html.escape(f"</{tag}>", quote=False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _INLINE and tag != "br":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    # Anything else that looks like markup is shown as the text it is.
    def handle_comment(self, data: str) -> None:
        self.handle_data(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.handle_data(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.handle_data(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.handle_data(f"<![{data}]>")

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def safe_html(fragment: str) -> str:
    """Formatted HTML reduced to inline markup; any other tag is shown as text."""
    parser = _Sanitiser()
    parser.feed(fragment)
    return parser.result()


# -- Markdown ---------------------------------------------------------------------------------------


def _summary(rl: ReadingList, style: str) -> str:
    count = len(rl)
    parts = [f"{count} reference{'s' if count != 1 else ''}", f"grouped by {rl.by}", f"style {style}"]
    for facet in ("topic", "kind"):
        if facet in rl.filters:
            parts.append(f"{facet}: {', '.join(rl.filters[facet])}")
    if "since" in rl.filters:
        parts.append(f"since {rl.filters['since']}")
    return " · ".join(parts)


def _tag_labels(ref: Reference) -> list[str]:
    return [str(t.get("label") or t.get("tag")) for t in ref.tags]


def to_markdown(rl: ReadingList, style: str = "vancouver", *, locale: str | None = None) -> str:
    """The reading list as Markdown: a heading per group, one list item per reference."""
    lines = [f"# {escape_markdown(rl.title)}", "", escape_markdown(_summary(rl, style)), ""]
    for group in rl.groups:
        lines += [f"## {escape_markdown(group.label)}", ""]
        for ref, entry in _entries(rl, group, style, "markdown", locale):
            entry = " ".join(entry.split())
            numbered = re.match(r"\d+\\?\.\s", entry)
            item = entry if numbered else f"- {entry}"
            indent = " " * (numbered.end() if numbered else 2)
            extras = []
            for label, value, url in identifier_links(ref):
                if url in item:  # the style printed the link: make it one where it stands
                    item = item.replace(url, f"[{url}]({url})", 1)
                else:
                    extras.append(f"[{label}:{escape_markdown(value)}]({url})")
            labels = _tag_labels(ref)
            if labels:
                extras.append("*" + escape_markdown(", ".join(labels)) + "*")
            lines.append(item)
            if extras:
                lines.append(indent + " · ".join(extras))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# -- HTML -------------------------------------------------------------------------------------------


_ACCENTS = re.compile("[\u0300-\u036f]+")


def _search_text(ref: Reference, entry: str) -> str:
    words = [html.unescape(re.sub(r"<[^>]*>", " ", entry)), ref.title or "", ref.journal or ""]
    words += [ref.DOI or "", ref.PMID or "", ref.PMCID or ""]
    words += [name.display() for name in ref.author]
    words += [str(t.get(k) or "") for t in ref.tags for k in ("tag", "label")]
    # The same folding as the page's script: NFKD, combining accents dropped, lower case.
    folded = _ACCENTS.sub("", unicodedata.normalize("NFKD", " ".join(words))).lower()
    return " ".join(folded.split())


def _evidence_note(tag: Any) -> str:
    return "; ".join(f"{e.get('field')}: “{e.get('text')}”" for e in tag.get("evidence") or [])


def to_html_fragment(rl: ReadingList, style: str = "vancouver", *, locale: str | None = None) -> str:
    """The reading list as an HTML fragment (sections, headings, lists; no script, no style)."""
    esc = html.escape
    out = ['<div class="myobib-reading-list">']
    for group in rl.groups:
        anchor = f"{rl.by}-{slug(group.key)}"
        out.append(f'<section class="myobib-group" id="{esc(anchor)}">')
        out.append(f'<h2>{esc(group.label)} <span class="myobib-count">({len(group.references)})</span></h2>')
        out.append('<ul class="myobib-entries">')
        for ref, entry in _entries(rl, group, style, "html", locale):
            attrs = f'class="myobib-entry" data-key="{esc(ref.id)}" data-search="{esc(_search_text(ref, entry))}"'
            citation, link = safe_html(entry), ""
            for label, value, raw in identifier_links(ref):
                url = esc(raw)
                text = url if label == "doi" else f"{label} {esc(value)}"
                anchor = f'<a class="myobib-{label.lower()}" href="{url}">{text}</a>'
                if url in citation and f'href="{url}"' not in citation:  # the style printed it: link it there
                    citation = citation.replace(url, f'<a class="myobib-{label.lower()}" href="{url}">{url}</a>', 1)
                elif f'href="{url}"' not in citation:
                    link += f" {anchor}"
            parts = [f"<li {attrs}>", f'<span class="myobib-citation">{citation}</span>{link}']
            if ref.tags:
                tags = "".join(
                    f'<span class="myobib-tag myobib-{esc(str(t.get("facet")))}" title="{esc(_evidence_note(t))}">'
                    f"{esc(str(t.get('label') or t.get('tag')))}</span>"
                    for t in ref.tags
                )
                parts.append(f' <span class="myobib-tags">{tags}</span>')
            parts.append("</li>")
            out.append("".join(parts))
        out.append("</ul>")
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out) + "\n"


_SCRIPT = """
(function () {
  var box = document.getElementById("myobib-search");
  var count = document.getElementById("myobib-shown");
  var entries = Array.prototype.slice.call(document.querySelectorAll(".myobib-entry"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".myobib-group"));
  function fold(text) {
    return text.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  }
  function update() {
    var words = fold(box.value).split(/\\s+/).filter(Boolean);
    var shown = {};
    entries.forEach(function (entry) {
      var text = entry.getAttribute("data-search");
      var hit = words.every(function (word) { return text.indexOf(word) !== -1; });
      entry.hidden = !hit;
      if (hit) { shown[entry.getAttribute("data-key")] = true; }
    });
    groups.forEach(function (group) {
      var visible = group.querySelectorAll(".myobib-entry:not([hidden])").length;
      group.hidden = visible === 0;
      group.querySelector(".myobib-count").textContent = "(" + visible + ")";
    });
    count.textContent = String(Object.keys(shown).length);
  }
  box.addEventListener("input", update);
  update();
})();
"""

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
#myobib-search { width: 100%; font-size: 1rem; padding: 0.4rem; box-sizing: border-box; }
.myobib-entries { list-style: none; padding-left: 0; }
.myobib-entry { margin: 0 0 0.8rem; }
.myobib-doi, .myobib-pmid, .myobib-pmcid { margin-left: 0.3rem; }
.myobib-tag { display: inline-block; font-size: 0.8rem; background: #eef; border-radius: 0.3rem;
  padding: 0 0.35rem; margin: 0.15rem 0.25rem 0 0; }
.myobib-kind { background: #efe; }
[hidden] { display: none !important; }
"""


def script_policy(script: str) -> str:
    """A Content-Security-Policy for a standalone page: nothing loads, only `script` (by its hash) runs."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'"
    )


def to_html_page(rl: ReadingList, style: str = "vancouver", *, locale: str | None = None) -> str:
    """A standalone HTML page: the fragment plus a search box that filters entries as one types."""
    esc = html.escape
    policy = script_policy(_SCRIPT)
    total = len(rl)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(rl.title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{esc(rl.title)}</h1>",
            f"<p>{esc(_summary(rl, style))}</p>",
            '<p><label for="myobib-search">Filter</label> '
            '<input type="search" id="myobib-search" autocomplete="off" '
            'placeholder="Type words from a title, author, journal, year or tag"></p>',
            f'<p><span id="myobib-shown">{total}</span> of {total} shown</p>',
            to_html_fragment(rl, style, locale=locale).rstrip("\n"),
            f"<script>{_SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
