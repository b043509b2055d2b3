"""The check report page in headless Chromium: the "needs attention" filter works, titles stay text."""

from __future__ import annotations

import json
import os

import pytest

import myobib

from ..readinglist.chromium import find_chromium, opened

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed (required when CI is set)"
)

SCRIPT_TITLE = "<script>alert(1)</script> & dermatomyositis"
TRAP_ALERTS = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
VISIBLE = "Array.from(document.querySelectorAll('.myobib-check')).filter(r => r.offsetParent !== null)" \
          ".map(r => r.dataset.key)"  # fmt: skip
LIST = """1. Doe J, Roe R. Outcomes of myositis registries. J Test. 2020;1(1):1-9.
2. Poe E. A trial of nothing. J Test. 2021;2(1):10-19.
3. Moe F. {title}. J Test. 2022;3(1):20-29.
4. Zoe G. Not in any library. J Test. 2023;4(1):30-39.
"""


def item(key: str, family: str, title: str, year: int, volume: str, page: str, doi: str, **more) -> dict:
    return {"id": key, "type": "article-journal", "title": title, "author": [{"family": family, "given": "E"}],
            "container-title-short": "J Test", "issued": {"date-parts": [[year]]}, "volume": volume, "issue": "1",
            "page": page, "DOI": doi, **more}  # fmt: skip


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    assert CHROMIUM is not None, "chromium must be installed when CI is set"
    folder = tmp_path_factory.mktemp("check-page")
    listed = folder / "list.txt"
    listed.write_text(LIST.format(title=SCRIPT_TITLE), encoding="utf-8")
    library = folder / "library.json"
    library.write_text(json.dumps([
        item("a", "Doe", "Outcomes of myositis registries", 2020, "1", "1-9", "10.5555/a"),
        item("b", "Poe", "A trial of nothing", 2021, "2", "11-19", "10.5555/b"),  # another first page
        item("c", "Moe", SCRIPT_TITLE, 2022, "3", "20-29", "10.5555/c<1>", PMID="31234567"),
    ]), encoding="utf-8")  # fmt: skip
    report = myobib.check(listed, library=library)
    path = report.write(folder)["html"]
    with opened(CHROMIUM, path.as_uri(), before_load=TRAP_ALERTS) as browser:
        yield browser, report


def test_summary_counts_come_first(page):
    browser, report = page
    first = browser.evaluate("document.querySelector('h1').nextElementSibling.nextElementSibling.className")
    assert first == "myobib-summary"
    shown = browser.evaluate("document.getElementById('myobib-count-needs-attention').textContent")
    assert shown == "1" == str(report.counts()["needs-attention"])


def test_the_needs_attention_filter(page):
    browser, report = page
    keys = [f.key for f in report.findings]
    assert browser.evaluate(VISIBLE) == keys
    assert browser.evaluate("document.getElementById('myobib-shown').textContent") == "4"
    browser.click("#myobib-attention-only")
    assert browser.evaluate("document.getElementById('myobib-attention-only').checked") is True
    assert browser.evaluate(VISIBLE) == [f.key for f in report.findings if f.number == 2]
    assert browser.evaluate("document.getElementById('myobib-shown').textContent") == "1"
    row = browser.evaluate("document.querySelector('.myobib-check:not([hidden]) .myobib-difference').textContent")
    assert "page" in row and "10-19" in row and "11-19" in row
    browser.click("#myobib-attention-only")
    assert browser.evaluate(VISIBLE) == keys


def test_a_script_title_shows_as_text_and_nothing_loads(page):
    browser, report = page
    key = next(f.key for f in report.findings if f.number == 3)
    text = browser.evaluate(f"document.querySelector('[data-key={key}] .myobib-citation').textContent")
    assert SCRIPT_TITLE in text
    assert browser.evaluate("document.scripts.length") == 1  # only the page's own filter script
    assert browser.evaluate("window.__alerts") == []
    assert browser.evaluate("performance.getEntriesByType('resource').length") == 0
    links = browser.evaluate(f"Array.from(document.querySelectorAll('[data-key={key}] .myobib-ids a'), a => a.href)")
    assert links == ["https://doi.org/10.5555/c%3C1%3E", "https://pubmed.ncbi.nlm.nih.gov/31234567/"]
