"""Page range expansion."""

from __future__ import annotations

import pytest

from myobib.pages import expand_page_range, first_page


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
