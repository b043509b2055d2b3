"""The standalone reading-list page in headless Chromium: typing filters entries, titles stay text."""

from __future__ import annotations

import os

import pytest

import myobib
from myobib import Name, Reference
from myobib.readinglist import build

from .chromium import find_chromium, opened

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed (required when CI is set)"
)

SCRIPT_TITLE = "<script>alert(1)</script> & dermatomyositis"
TRAP_ALERTS = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
VISIBLE_KEYS = (
    "Array.from(new Set(Array.from(document.querySelectorAll('.myobib-entry'))"
    ".filter(e => e.offsetParent !== null).map(e => e.dataset.key))).sort()"
)


@pytest.fixture(scope="module")
def page(seed_path, tmp_path_factory):
    assert CHROMIUM is not None, "chromium must be installed when CI is set"
    bib = myobib.load(seed_path)
    trap = Reference(
        id="trap2020",
        title=SCRIPT_TITLE,
        author=(Name(family="Doe", given="J"),),
        container_title_short="Test J",
        issued=myobib.Date(2020),
        DOI="10.1000/xyz<1>",
    )
    bib = bib.with_references([*bib, trap])
    path = tmp_path_factory.mktemp("page") / "reading-list.html"
    path.write_text(build(bib).to_html_page(), encoding="utf-8")
    keys = {ref.list_number: ref.id for ref in bib if ref.list_number}
    with opened(CHROMIUM, path.as_uri(), before_load=TRAP_ALERTS) as browser:
        yield browser, keys


def test_typing_filters_entries_and_sections(page):
    browser, keys = page
    everything = sorted([*keys.values(), "trap2020"])
    assert browser.evaluate(VISIBLE_KEYS) == everything
    assert browser.evaluate("document.getElementById('myobib-shown').textContent") == "18"

    browser.clear_and_type("#myobib-search", "juvenile dermatomyositis")
    assert browser.evaluate(VISIBLE_KEYS) == sorted(keys[n] for n in (2, 5, 6, 9, 14))
    assert browser.evaluate("document.getElementById('myobib-shown').textContent") == "5"
    visible_sections = browser.evaluate(
        "Array.from(document.querySelectorAll('.myobib-group')).filter(g => !g.hidden).map(g => g.id)"
    )
    assert "topic-juvenile-dermatomyositis" in visible_sections
    assert "topic-skin-ulcers" not in visible_sections  # no JDM paper there
    treatment_count = "document.querySelector('#topic-treatment .myobib-count').textContent"
    assert browser.evaluate(treatment_count) == "(3)"  # #2, #9, #14 of the nine treatment papers

    browser.clear_and_type("#myobib-search", "castaneda")  # typed without the accent of Castañeda
    assert browser.evaluate(VISIBLE_KEYS) == [keys[4]]

    browser.clear_and_type("#myobib-search", "2017 Rheum")  # every word must occur
    assert browser.evaluate(VISIBLE_KEYS) == sorted(keys[n] for n in (1, 2, 6))

    browser.clear_and_type("#myobib-search", "no such words here")
    assert browser.evaluate(VISIBLE_KEYS) == []

    browser.clear_and_type("#myobib-search", "")
    assert browser.evaluate(VISIBLE_KEYS) == everything


def test_script_in_title_is_shown_as_text_not_run(page):
    browser, _keys = page
    browser.clear_and_type("#myobib-search", "alert")
    assert browser.evaluate(VISIBLE_KEYS) == ["trap2020"]
    text = browser.evaluate("document.querySelector('.myobib-entry[data-key=trap2020] .myobib-citation').textContent")
    assert SCRIPT_TITLE in text
    assert browser.evaluate("document.scripts.length") == 1  # only the page's own filter script
    assert browser.evaluate("window.__alerts") == []
    href = browser.evaluate("document.querySelector('.myobib-entry[data-key=trap2020] a.myobib-doi').href")
    assert href == "https://doi.org/10.1000/xyz%3C1%3E"
