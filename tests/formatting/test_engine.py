"""The adapter's corrections to citeproc-py, each on a small reference.

Every expected string below was also checked once against citeproc-js 2.4.63 with the same
style and locale files (benchmarks/fidelity_bench.py's harness).
"""

from __future__ import annotations

import pytest

from myobib import Date, Name, Reference
from myobib.formatting import cite, format_bibliography
from myobib.formatting.engine import _collapse_numbers, _pages, _title_case, get_engine
from myobib.formatting.styles import resolve_style

KIM = Reference(
    id="kim2023",
    title="Genome-wide association of beta-cell function in the cohort",
    author=(Name(family="Kim", given="Min-jun"), Name(family="Lee", given="Jean-Pierre"),
            Name(family="O'Brien", given="E")),
    container_title="Lancet Respir Med",
    issued=Date(2023, 1, 15),
    volume="11",
    issue="1",
    page="19-e3",
)


@pytest.mark.parametrize(
    "style, expected",
    [
        ("apa", "Kim, M., Lee, J.-P., & O’Brien, E. (2023). Genome-wide association of beta-cell function in the "
                "cohort. Lancet Respir Med, 11(1), 19-e3."),
        ("chicago-author-date", "Kim, Min-jun, Jean-Pierre Lee, and E. O’Brien. 2023. “Genome-Wide Association of "
                                "Beta-Cell Function in the Cohort.” Lancet Respir Med 11 (1): 19-e3."),
        ("vancouver", "1. Kim M jun, Lee JP, O’Brien E. Genome-wide association of beta-cell function in the cohort. "
                      "Lancet Respir Med. 2023 Jan 15;11(1):19-e3."),
        ("harvard-cite-them-right", "Kim, M., Lee, J.-P. and O’Brien, E. (2023) “Genome-wide association of beta-cell "
                                    "function in the cohort,” Lancet Respir Med, 11(1), pp. 19-e3."),
    ],
)
def test_hyphenated_names_apostrophes_title_case_dates_and_mixed_ranges(style, expected):
    assert format_bibliography([KIM], style) == [expected]


def test_page_ranges():
    assert _pages("245-58", "page", "expanded") == "245-258"
    assert _pages("245-58", "page", None) == "245-58"  # no range format: as written
    assert _pages("S57-107", "page", "minimal") == ("S57-107",)
    assert _pages("19-e3", "page", "expanded") == ("19-e3",)
    assert _pages("19-e3", "page-first", "expanded") == ("19",)
    assert _pages("S57-S107", "page", "expanded") == "S57-S107"
    prefixed = _pages("S57-S107", "page", "minimal")
    assert prefixed == "57-107" and prefixed.prefix == "S"


def test_prefixed_ranges_in_styles():
    ref = Reference(id="a", title="T", container_title_short="J", issued=Date(2007), volume="21", page="S57-S107")
    assert format_bibliography([ref], "vancouver")[0].endswith("2007;21:S57–107.")
    assert format_bibliography([ref], "american-medical-association")[0].endswith("2007;21:S57-S107.")
    assert format_bibliography([ref], "chicago-author-date")[0].endswith("J 21: S57–107.")


def test_title_case():
    assert _title_case("consensus-based care of the dermatomyositis: a review") == (
        "Consensus-Based Care of the Dermatomyositis: A Review"
    )
    assert _title_case("comment on Lundberg et al.") == "Comment on Lundberg et Al."
    assert _title_case("archives de pédiatrie") == "Archives de Pédiatrie"
    assert _title_case("what it is for") == "What It Is For"  # last word capitalised
    assert _title_case("IgG4 and mRNA in the lab") == "IgG4 and mRNA in the Lab"


def test_collapsing():
    assert _collapse_numbers([("", "1", ""), ("", "2", ""), ("", "3", ""), ("", "5", "")], "–") == ["1–3", "5"]
    assert _collapse_numbers([("", "1", ""), ("", "2", "")], "–") == ["1", "2"]
    assert _collapse_numbers([("[", "4", "]"), ("[", "5", "]"), ("[", "6", "]")], "–") == ["[4]–[6]"]


def test_cites_keep_input_order_without_a_citation_sort():
    refs = [
        Reference(id=k, title=k, author=(Name(family=f, given="A"),), issued=Date(y))
        for k, f, y in [("b", "Brown", 2001), ("a", "Adams", 2002)]
    ]
    assert cite(refs, ["b", "a"], "chicago-author-date") == "(Brown 2001; Adams 2002)"
    assert cite(refs, ["a", "b"], "chicago-author-date") == "(Adams 2002; Brown 2001)"
    assert cite(refs, ["b", "a"], "apa") == "(Adams, 2002; Brown, 2001)"  # APA sorts its cites


def test_institution_after_persons_takes_the_delimiter():
    ref = Reference(id="a", title="T", author=(Name(family="Ng", given="A"), Name(family="Li", given="B"),
                                              Name(literal="Study Group")), container_title_short="J",
                    issued=Date(2020), volume="1", page="1-2")
    assert format_bibliography([ref], "nature")[0].startswith("1. Ng, A., Li, B., & Study Group. T.")
    two = ref.replace(author=ref.author[:2])
    assert format_bibliography([two], "nature")[0].startswith("1. Ng, A. & Li, B. T.")


def test_empty_quote_terms_print_no_quotes(tmp_path):
    style = tmp_path / "plain-quotes.csl"
    style.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">\n'
        "<info><title>Q</title><id>q</id><updated>2024-01-01T00:00:00+00:00</updated></info>\n"
        '<locale><terms><term name="open-quote"></term><term name="close-quote"></term></terms></locale>\n'
        '<citation><layout><text variable="title" quotes="true"/></layout></citation>\n'
        '<bibliography><layout suffix="."><text variable="title" quotes="true" suffix=","/>'
        '<text variable="container-title" prefix=" "/></layout></bibliography>\n</style>\n',
        encoding="utf-8",
    )
    ref = Reference(id="a", title="A title", container_title="J Test")
    assert format_bibliography([ref], str(style)) == ["A title, J Test."]
    assert format_bibliography([ref], "harvard-cite-them-right")[0] == "J Test (no date) “A title,” J Test [Preprint]."


def test_structure_lookups_are_memoised_per_style():
    engine = get_engine(str(resolve_style("apa").path), None)
    assert get_engine(str(resolve_style("apa").path), None) is engine
    format_bibliography([KIM], "apa")
    memo = engine.style.root.__dict__["_myobib_memo"]
    assert memo["macro"] and memo["term"]
    name = next(iter(memo["macro"]))
    stock = engine.style.root.xpath_search(f"cs:macro[@name='{name}']")[0]
    assert memo["macro"][name] is stock  # the same element proxy the XPath finds


def test_year_suffixes_for_the_same_names_in_the_same_year():
    names = (Name(family="Smith", given="J"), Name(family="Jones", given="K"))
    first = Reference(id="s1", title="Beta study", author=names, container_title="J", issued=Date(2020))
    second = Reference(id="s2", title="Alpha study", author=names, container_title="J", issued=Date(2020))
    other = Reference(id="s3", title="Gamma", author=names[:1] + (Name(family="Brown", given="A"),),
                      container_title="J", issued=Date(2020))
    refs = [first, second, other]
    apa = format_bibliography(refs, "apa")
    assert apa == [
        "Smith, J., & Brown, A. (2020). Gamma. J.",
        "Smith, J., & Jones, K. (2020a). Alpha study. J.",
        "Smith, J., & Jones, K. (2020b). Beta study. J.",
    ]
    assert cite(refs, ["s2"], "apa") == "(Smith & Jones, 2020a)"
    assert cite(refs, ["s1"], "chicago-author-date") == "(Smith and Jones 2020b)"
    assert not any("2020a" in e for e in format_bibliography(refs, "vancouver"))  # numeric: no suffixes
