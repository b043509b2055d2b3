"""Markdown, HTML fragment and standalone page: escaping, DOI links, entries paired with references."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

import myobib
from myobib import Bibliography, Date, Name, Reference
from myobib.readinglist import build, render

SCRIPT_TITLE = "<script>alert(1)</script> & *dermatomyositis* [x](y)"


class Collector(HTMLParser):
    """Start tags with their attributes, and the text of each `li` entry."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.entries: dict[str, str] = {}
        self.script_text: list[str] = []
        self._entry: str | None = None
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "li":
            self._entry = attributes["data-key"]
            self.entries[self._entry] = ""
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "li":
            self._entry = None
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._entry:
            self.entries[self._entry] += data
        if self._in_script:
            self.script_text.append(data)


def parse(html_text: str) -> Collector:
    collector = Collector()
    collector.feed(html_text)
    collector.close()
    return collector


@pytest.fixture(scope="module")
def bib(seed_path, shared_dir):
    """The seed with the DOIs public sources confirm, plus a reference whose title is markup."""
    published = json.loads((shared_dir / "seed" / "seed-references.json").read_text(encoding="utf-8"))
    dois = {item["n"]: item["doi"] for item in published if item.get("doi")}
    refs = [ref.replace(DOI=dois.get(ref.list_number)) for ref in myobib.load(seed_path)]
    trap = Reference(
        id="trap2020",
        title=SCRIPT_TITLE,
        author=(Name(family="Doe", given="J"),),
        container_title_short="Test J",
        issued=Date(2020),
        DOI="10.1000/a(b)<c>",
    )
    return Bibliography([*refs, trap], {"disease": "Idiopathic Inflammatory Myopathies", "title": "IIM <b>list</b>"})


@pytest.fixture(scope="module")
def reading_list(bib):
    return build(bib, by="topic")


def test_markdown_has_a_section_per_group_and_escapes_markup(reading_list):
    text = reading_list.to_markdown()
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == [render.escape_markdown(g.label) for g in reading_list.groups]
    assert not re.search(r"(?<!\\)<", text), "raw '<' would let Markdown renderers emit HTML"
    assert r"\<script\>alert(1)\</script\>" in text or "&lt;script&gt;" in text
    assert "# Reading list: IIM \\<b\\>list\\</b\\>" in text.splitlines()[0]


def test_markdown_links_every_doi(bib, reading_list):
    text = reading_list.to_markdown()
    for ref in bib:
        if ref.DOI and ref.id != "trap2020":
            assert f"(https://doi.org/{ref.DOI})" in text
    assert "(https://doi.org/10.1000/a%28b%29%3Cc%3E)" in text


def test_html_fragment_shows_markup_as_text_and_links_dois(bib, reading_list):
    fragment = reading_list.to_html_fragment()
    parsed = parse(fragment)
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert SCRIPT_TITLE in parsed.entries["trap2020"]
    links = {attrs["href"] for tag, attrs in parsed.tags if tag == "a" and "myobib-doi" in (attrs.get("class") or "")}
    expected = {render.doi_url(ref.DOI) for ref in bib if ref.DOI}
    assert links == expected and len(expected) == 14
    sections = [attrs["id"] for tag, attrs in parsed.tags if tag == "section"]
    assert sections == [f"topic-{g.key}" for g in reading_list.groups]


def test_html_tags_carry_their_evidence(reading_list):
    parsed = parse(reading_list.to_html_fragment())
    tips = [attrs["title"] for tag, attrs in parsed.tags if "myobib-tag" in (attrs.get("class") or "").split()]
    assert "title: “immune-mediated necrotizing myopathies”; author: “Immune-Mediated Necrotizing Myopathies”" in tips


def test_page_runs_only_its_own_script_by_hash(reading_list):
    page = reading_list.to_html_page()
    parsed = parse(page)
    scripts = [tag for tag, _ in parsed.tags if tag == "script"]
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256("".join(parsed.script_text).encode()).digest()).decode()
    policy = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    inputs = [attrs for tag, attrs in parsed.tags if tag == "input"]
    assert [(a["type"], a["id"]) for a in inputs] == [("search", "myobib-search")]
    assert "<title>Reading list: IIM &lt;b&gt;list&lt;/b&gt;</title>" in page


def test_safe_html_keeps_inline_markup_only():
    dirty = (
        '<div class="csl-entry"><i>Ann Rheum Dis</i> <script>alert(1)</script>'
        '<a href="javascript:alert(2)">x</a> <img src=x onerror="alert(3)"> '
        '<span style="font-variant:small-caps;" onclick="alert(4)">Sc</span> a &amp; b</div>'
    )
    clean = render.safe_html(dirty)
    assert clean == (
        '<div class="csl-entry"><i>Ann Rheum Dis</i> &lt;script&gt;alert(1)&lt;/script&gt;'
        '<a>x</a> &lt;img src=x onerror="alert(3)"&gt; '
        '<span style="font-variant:small-caps;">Sc</span> a &amp; b</div>'
    )


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("a<br/>b<br>c", "a<br>b<br>c"),
        ("<i>x<b>y</i>z", "<i>x<b>y</b></i>z"),
        ("x</i>", "x&lt;/i&gt;"),
        ("<!-- note --> <?pi?> <!DOCTYPE x>", "&lt;!-- note --&gt; &lt;?pi?&gt; &lt;!DOCTYPE x&gt;"),
        ("<sup>2</sup> &lt;b&gt;", "<sup>2</sup> &lt;b&gt;"),
    ],
)
def test_safe_html_balances_tags_and_keeps_other_markup_as_text(dirty, clean):
    assert render.safe_html(dirty) == clean


def test_plain_entry_when_no_formatter():
    ref = Reference(
        id="a",
        title="Management of Myositis-Related Interstitial Lung Disease",
        author=tuple(Name(family=f, given="J") for f in ("Morisset", "Johnson", "Rich")),
        container_title_short="Chest",
        issued=Date(2016, 11),
        volume="150",
        issue="5",
        page="1118-1128",
    )
    assert render.plain_entry(ref) == (
        "Morisset J, Johnson J, Rich J. Management of Myositis-Related Interstitial Lung Disease. "
        "Chest. 2016;150(5):1118-1128."
    )
    seven = ref.replace(author=tuple(Name(family=f"N{i}", given="A") for i in range(7)))
    assert render.plain_entry(seven).startswith("N0 A, N1 A, N2 A, N3 A, N4 A, N5 A, et al. Management")


def test_fallback_is_used_and_escaped_when_formatting_is_missing(monkeypatch, bib):
    monkeypatch.setattr(render, "_formatter", lambda: None)
    refs = [bib["trap2020"]]
    assert render.format_entries(refs, output="html") == [
        (refs[0], "Doe J. &lt;script&gt;alert(1)&lt;/script&gt; &amp; *dermatomyositis* [x](y). Test J. 2020.")
    ]
    assert render.format_entries(refs, output="markdown")[0][1].startswith(r"Doe J. \<script\>")


def sorting_formatter(references, style="vancouver", *, output="text", locale=None):
    """Stands in for an author-date style: entries sorted by author, not in the order given."""
    return sorted(f"{ref.first_author.family} ({ref.year}). {ref.title}." for ref in references)


def test_entries_are_paired_back_when_the_style_reorders_them(monkeypatch, bib):
    monkeypatch.setattr(render, "_formatter", lambda: sorting_formatter)
    refs = list(bib)  # two papers by Oldroyd, two by Allenbach and Mammen
    entries = render.format_entries(refs, "apa")
    assert [text for _, text in entries] == sorting_formatter(refs)
    assert all(text == f"{ref.first_author.family} ({ref.year}). {ref.title}." for ref, text in entries)


@pytest.mark.parametrize("sort", ["style", "order"])
def test_groups_follow_the_style_order_unless_sorted(monkeypatch, bib, sort):
    monkeypatch.setattr(render, "_formatter", lambda: sorting_formatter)
    text = build(bib, by="kind", sort=sort).to_markdown("apa")
    guideline = text.split("## Guidelines and recommendations\n", 1)[1].split("\n## ", 1)[0]
    authors = [line[2:].split(" (")[0] for line in guideline.splitlines() if line.startswith("- ")]
    listed = ["Enders", "Feasby", "Fujimoto", "Oldroyd", "Romero-Bueno", "Koo", "de Souza"]
    assert authors == (sorted(listed) if sort == "style" else listed)


def test_markdown_from_a_formatter_that_leaves_markup_raw_is_escaped(monkeypatch, bib):
    monkeypatch.setattr(render, "_formatter", lambda: lambda refs, style, *, output, locale: [r.title for r in refs])
    [(_, text)] = render.format_entries([bib["trap2020"]], output="markdown")
    assert text.startswith(r"\<script\>alert(1)\</script\>")


@pytest.mark.parametrize("style", ["vancouver", "apa"])
def test_each_doi_is_linked_once_whether_or_not_the_style_prints_it(bib, style):
    reading_list = build(bib, by="year")
    parsed = parse(reading_list.to_html_fragment(style))
    for ref in bib:
        if ref.DOI:
            url = render.doi_url(ref.DOI)
            assert [a["href"] for t, a in parsed.tags if t == "a" and a.get("href") == url] == [url]
            assert parsed.entries[ref.id].count(url) == 1
    markdown = reading_list.to_markdown(style)
    for ref in bib:
        if ref.DOI:
            assert markdown.count(f"({render.doi_url(ref.DOI)})") == 1
