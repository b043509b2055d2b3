"""Page range expansion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from myobib import pages as pages_module
from myobib.pages import expand_page_range, first_page, page_range


@pytest.mark.parametrize(
    ("written", "expanded", "first"),
    [
        ("729-57", "729-757", "729"),
        ("2271-82", "2271-2282", "2271"),
        ("792-801", "792-801", "792"),
        ("S57-107", "S57-S107", "S57"),
        ("19-e3", "19-e3", "19"),
        ("e33693", "e33693", "e33693"),
        ("729–57", "729-757", "729"),
        ("98-102", "98-102", "98"),
        ("100-9, 120-5", "100-109, 120-125", "100"),
    ],
)
def test_expand(written, expanded, first):
    assert expand_page_range(written) == expanded
    assert first_page(written) == first
    assert page_range(written) == (expanded, first)


@given(st.from_regex(r"[0-9]{1,6}(-[0-9]{1,6})?", fullmatch=True))
def test_plain_ranges_read_in_one_match_as_part_by_part(pages):
    assert pages_module._PLAIN.fullmatch(pages) is not None
    assert expand_page_range(pages) == pages_module._expand_parts(pages)
    assert first_page(pages) == pages_module._first_of_parts(pages)
    assert page_range(pages) == (pages_module._expand_parts(pages), pages_module._first_of_parts(pages))


@pytest.mark.parametrize(
    ("written", "expanded", "first"),
    [
        ("S57-107", "S57-S107", "S57"),
        ("729 - 57", "729-757", "729"),
        ("١٢٣-٤", "١٢٣-١٢٤", "١٢٣"),
        ("1-2-3", "1-2-3", "1"),
    ],
)
def test_other_ranges_are_read_part_by_part(written, expanded, first):
    assert pages_module._PLAIN.fullmatch(written) is None
    assert (expand_page_range(written), first_page(written)) == page_range(written) == (expanded, first)
