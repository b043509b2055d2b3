"""The report as HTML, Markdown and JSON: escaped, self-contained, the same facts in each."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

import myobib
from myobib.check.render import _SCRIPT

from .conftest import SEED_LIBRARY

TRAP = "<script>alert(1)</script> | *bold* [link](http://x) `code`"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("render") / "list.txt"
    path.write_text(f"1. Doe J. {TRAP}. J Test. 2020;1(1):1-9.\n2. Roe R. Plain title. J Test. 2021;2:3-4.\n",
                    encoding="utf-8")  # fmt: skip
    return myobib.check(path, library=SEED_LIBRARY)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_escaped_self_contained_and_locked_down(report):
    page = report.to_html()
    parser = _Tags()
    parser.feed(page)
    assert [t for t, _ in parser.tags].count("script") == 1
    assert not [a for _, a in parser.tags if "src" in a]  # nothing is loaded
    assert all(a["href"].startswith(("https://doi.org/", "https://pubmed.ncbi.nlm.nih.gov/"))
               for t, a in parser.tags if t == "a")  # fmt: skip
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    policy = next(a["content"] for t, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    assert policy.startswith(f"default-src 'none'; script-src 'sha256-{digest}';")
    assert page.index('class="myobib-summary"') < page.index('id="myobib-attention-only"') < page.index("myobib-check ")


def test_markdown_escapes_what_the_list_says(report):
    text = report.to_markdown()
    assert r"\<script\>alert(1)\</script\> \| \*bold\* \[link\](http://x) \`code\`" in text
    assert text.startswith("# Reference check: ")
    header, rule, counts = text.split("\n")[4:7]
    assert header == "| references | repeats | needs attention | unresolved | corrected | verified |"
    assert counts == "| 2 | 0 | 0 | 2 | 0 | 0 |"


def test_json_carries_every_finding(report):
    data = json.loads(report.to_json())
    assert data["summary"] == report.counts()
    assert [r["title"] for r in data["references"]] == [TRAP, "Plain title"]
    assert data["references"][0]["reasons"] == ["no Crossref client (offline)"]
    assert data["corrected-list"] == report.corrected_text and data["diff"] == ""
    assert set(data["references"][0]) >= {"verdict", "differences", "identifiers", "occurrences", "sources"}


def test_written_files(report, tmp_path):
    files = report.write(tmp_path)
    assert sorted(files) == ["corrected", "diff", "html", "json", "markdown"]
    assert files["corrected"].name == "list.corrected.txt"
    assert files["html"].read_text(encoding="utf-8") == report.to_html()
    assert re.fullmatch(r"", files["diff"].read_text(encoding="utf-8"))
