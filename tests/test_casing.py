"""The casing rule: which words no style may recase, and marking them reversibly in CSL rich text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from myobib.casing import parse_rich, protect, protected_runs, render_rich, unprotect

NC = '<span class="nocase">'


def runs(text: str, **options: bool) -> list[str]:
    return [text[start:end] for start, end in protected_runs(text, **options)]


@pytest.mark.parametrize(
    ("title", "protected"),
    [
        (
            "2017 European League Against Rheumatism/American College of Rheumatology classification criteria",
            ["European League Against Rheumatism/American College", "Rheumatology"],
        ),
        ("Screening for tumours in paraneoplastic syndromes: report of an EFNS task force", ["EFNS"]),
        ("Guidelines on the Use of Intravenous Immune Globulin", ["Use", "Intravenous Immune Globulin"]),
        ("EULAR recommendations", ["EULAR"]),  # inner capitals protect even the first word
        ("McCann and the mRNA of iPod users", ["McCann", "mRNA", "iPod"]),
        ("Management of Myositis-Related lung disease", ["Myositis-Related"]),
        ("Consensus-based recommendations", []),  # a first word capitalised as sentences are
        ("Anti-MDA5 antibodies (Spanish MDA5 Register)", ["Anti-MDA5", "(Spanish MDA5 Register)"]),
        ("p53 in 2017: 14-16 December", ["December"]),
        ("", []),
    ],
)
def test_words_no_style_may_recase(title, protected):
    assert runs(title) == protected


def test_sentence_starts_protect_lower_case_words_pandoc_would_capitalise():
    title = "p53 loss: report of a case. see also"
    assert runs(title) == []
    assert runs(title, sentence_starts=True) == ["p53", "report", "see"]


def test_protect_wraps_runs_in_nocase_spans_and_unprotect_removes_them():
    title = "2017 European League Against Rheumatism classification criteria"
    marked = protect(title)
    assert marked == f"2017 {NC}European League Against Rheumatism</span> classification criteria"
    assert unprotect(marked) == title


def test_runs_never_cross_markup_and_markup_inside_a_run_is_wrapped_whole():
    assert protect("One <i>Homo Sapiens</i> x") == f"One {NC}<i>Homo Sapiens</i></span> x"
    assert protect("mRNA <b>Tests of</b> cells") == f"{NC}mRNA</span> <b>{NC}Tests</span> of</b> cells"
    assert protect("levels of CO<sub>2</sub>") == f"levels of {NC}CO<sub>2</sub></span>"


def test_existing_nocase_spans_are_left_alone_and_kept_when_they_say_more_than_the_rule():
    title = f"Trials {NC}in vitro</span> and in Vivo"
    marked = protect(title)
    assert marked == f"Trials {NC}in vitro</span> and in {NC}Vivo</span>"
    assert unprotect(marked) == title


def test_a_span_the_rule_would_add_anyway_is_not_kept():
    # reading `{DNA} repair` from any BibTeX file gives the same model as `DNA repair`
    assert unprotect(f"{NC}DNA</span> repair and {NC}DNA</span>") == "DNA repair and DNA"


def test_spaces_between_protected_words_cut_by_markup_stay_as_they_are():
    assert protect("EULAR</b> A") == f"{NC}EULAR</span></b> {NC}A</span>"


def test_unbalanced_markup_is_text():
    assert parse_rich("The EULAR <i>score") == ["The EULAR <i>score"]
    assert protect("The EULAR <i>score") == f"The {NC}EULAR</span> <i>score"
    assert unprotect(f"The {NC}EULAR</span> <i>score") == "The EULAR <i>score"


_rich = st.lists(
    st.sampled_from(["EULAR", "the", "Rheumatology", "mRNA", "of", " ", ": ", "p53", ". ", "<i>", "</i>", "<b>"])
    | st.sampled_from(["</b>", "<sub>", "</sub>", '<span style="font-variant:small-caps;">', "</span>", "x"])
    | st.text(st.characters(blacklist_categories=("Cs",)), max_size=4),
    max_size=12,
).map("".join)


@given(_rich, st.booleans())
def test_protect_only_adds_spans_that_unprotect_removes(text, sentence_starts):
    marked = protect(text, sentence_starts=sentence_starts)
    assert render_rich(parse_rich(text)) == text
    assert re.sub(r'<span class="nocase">|</span>', "", marked) == re.sub(r"</span>", "", text)
    if NC not in text:
        assert unprotect(marked, sentence_starts=sentence_starts) == text
        assert protect(marked, sentence_starts=sentence_starts) == marked
