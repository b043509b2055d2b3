"""The seed bibliography in six styles, text and HTML, entry by entry, and in-text citations.

Expected strings come from two places: a few written out by hand from the style rules, and
`data/citeproc_js_seed.json`, what citeproc-js printed for the same items, styles and locales
(made once with `benchmarks/fidelity_bench.py --record`; its `note` says how).
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

import myobib
from myobib import Bibliography, Reference, StyleError
from myobib.formatting import UnknownKey, cite, format_bibliography, format_file, join_entries
from tests.writers.test_csljson_citeproc_js import et_al_after_and

DATA = json.loads((Path(__file__).parent / "data" / "citeproc_js_seed.json").read_text(encoding="utf-8"))
STYLES = list(DATA["styles"])
SEED = [Reference.from_csl(item) for item in DATA["items"]]


@pytest.fixture(scope="module")
def seed():
    return SEED


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("style", STYLES)
def test_seed_entries_match_citeproc_js(seed, style, output):
    expected = DATA["styles"][style][output]["bibliography"]
    got = format_bibliography(seed, style, output=output)
    assert len(got) == len(expected) == 17
    for n, (ours, theirs) in enumerate(zip(got, expected, strict=True), start=1):
        # the one difference left (README): APA lists every name of a cut list, citeproc-js then joins
        # the trailing "et al." name with "&"
        if style == "apa" and "et al." in ours:
            theirs = et_al_after_and(theirs.replace("&amp; et al.", "& et al."))
        assert ours == theirs, f"{style} {output} entry {n}"


def test_vancouver_prints_et_al_exactly_where_the_seed_does(seed_path):
    """A cut list prints the names the seed prints, then "et al."; a complete list prints "et al." only
    where the style's own rule (seven names or more: six, then et al.) cuts it."""
    bib = myobib.load(seed_path)
    entries = format_bibliography(bib, "vancouver")
    for ref, entry in zip(bib, entries, strict=True):
        authors_line = ref.provenance[0].text.splitlines()[1]
        names = entry.split(". ", 1)[1]
        if ref.et_al:
            assert authors_line.endswith(", et al.") and names.startswith(authors_line + " "), entry
        else:
            assert "et al." not in authors_line
            assert (", et al. " in names) == (len(ref.author) >= 7), entry
    assert sum(ref.et_al for ref in bib) == 7


# Written from the style rules: Vancouver/NLM (initials without periods, six names then et al., which
# the seed's cut lists print too,
# `Year Mon;Vol(Issue):pages` with the last page abbreviated, number then a space).
VANCOUVER_1 = (
    "1. Aggarwal R, Rider LG, Ruperto N, Bayat N, Erman B, Feldman BM, et al. 2016 American College of "
    "Rheumatology/European League Against Rheumatism criteria for minimal, moderate, and major clinical "
    "response in adult dermatomyositis and polymyositis: An International Myositis Assessment and Clinical "
    "Studies Group/Paediatric Rheumatology International Trials Organisation Collaborative Initiative. "
    "Ann Rheum Dis. 2017 May;76(5):792–801."
)


def test_vancouver_by_the_rules(seed):
    entries = format_bibliography(seed, "vancouver")
    assert entries[0] == VANCOUVER_1
    assert [int(e.split(".", 1)[0]) for e in entries] == list(range(1, 18))
    ninth = entries[8]
    assert ninth.startswith("9. Oldroyd AGS, Lilleker JB, Amin T, Aragon O, Bechman K, Cuthbert V, et al. British")
    assert "Rheumatology (Oxford). 2022 May 5;61(5):1760–8." in ninth
    assert entries[2].endswith("Transfus Med Rev. 2007 Apr;21(2 Suppl 1):S57–107.")
    assert entries[16].endswith("Eur J Neurol. 2011 Jan;18(1):19-e3.")  # mixed range kept as written
    assert entries[14].startswith("15. de Souza FHC, de Araújo DB,")


def test_ama_apa_nature_chicago_harvard_by_the_rules(seed):
    ama = format_bibliography(seed, "american-medical-association")
    assert ama[0].endswith("Ann Rheum Dis. 2017;76(5):792-801.")  # expanded range, hyphen
    assert ama[8].startswith("9. Oldroyd AGS, Lilleker JB, Amin T, et al. ")  # 7+ authors: 3 then et al.
    apa = format_bibliography(seed, "apa")
    # a list cut with "et al.": the names it has, then the term (no "&": the last author is not among them)
    assert apa[0].startswith("Aggarwal, R., Rider, L. G., Ruperto, N., Bayat, N., Erman, B., Feldman, B. M., et al. (")
    assert apa[0].endswith("Annals of the Rheumatic Diseases, 76(5), 792–801.")
    nature = format_bibliography(seed, "nature")
    assert nature[0].startswith("1. Aggarwal, R. et al. 2016 American")
    assert nature[0].endswith("Ann Rheum Dis 76, 792–801 (2017).")
    chicago = format_bibliography(seed, "chicago-author-date")
    assert chicago[0].startswith("Aggarwal, R., L. G. Rider, N. Ruperto, et al. 2017.")  # 7+ names: 3 then et al.
    assert any(e.startswith("Oldroyd, A. G. S., J. B. Lilleker, T. Amin, et al. 2022.") for e in chicago)
    assert "Clinical Response in Adult Dermatomyositis" in chicago[0]  # title case
    assert "Collaborative Initiative.” Annals of the Rheumatic Diseases 76 (5): 792–801." in chicago[0]
    harvard = format_bibliography(seed, "harvard-cite-them-right")
    assert harvard[0].startswith("Aggarwal, R. et al. (2017) “2016 American")
    assert harvard[0].endswith("Initiative,” Annals of the Rheumatic Diseases, 76(5), pp. 792–801.")


def test_in_text_forms(seed):
    first, second, third = (r.id for r in seed[:3])
    assert cite(seed, [first, second, third], "vancouver") == "(1–3)"
    assert cite(seed, [second], "american-medical-association") == "2"
    assert cite(seed, [first], "apa") == "(Aggarwal et al., 2017)"
    assert cite(seed, [first], "apa", locators={first: "12"}) == "(Aggarwal et al., 2017, p. 12)"
    assert cite(seed, [first], "chicago-author-date", locators={first: ("chapter", "3")}) == "(Aggarwal et al. 2017, 3)"
    assert cite(seed, [first], "nature", output="html") == "<sup>1</sup>"
    assert cite(seed, first, "harvard-cite-them-right") == "(Aggarwal et al., 2017)"


def test_citation_keys_keep_their_case_and_unknown_keys_fail():
    refs = [Reference(id="Smith2020", title="A", author=(myobib.Name(family="Smith", given="J"),),
                      issued=myobib.Date(2020))]
    assert cite(refs, ["Smith2020"], "apa") == "(Smith, 2020)"
    with pytest.raises(UnknownKey, match="smith2020"):
        cite(refs, ["smith2020"], "apa")


def test_a_bibliography_object_and_a_locale(seed):
    bib = Bibliography(list(seed))
    assert format_bibliography(bib, "vancouver") == format_bibliography(seed, "vancouver")
    german = format_bibliography(bib, "chicago-author-date", locale="de-DE")
    assert "N. Ruperto, u. a. 2017. „2016 American College" in german[0]  # the locale's et-al term
    assert "criteria for minimal" in german[0]  # no English title case in a German bibliography


def test_markdown_and_rst(seed):
    md = format_bibliography(seed, "apa", output="markdown")
    assert md[0].endswith("*Annals of the Rheumatic Diseases*, *76*(5), 792–801.")
    rst = format_bibliography(seed, "apa", output="rst")
    assert ":emphasis:`Annals of the Rheumatic Diseases`" in rst[0]


def test_text_is_escaped_for_html_and_markdown():
    ref = Reference(id="a", title="IL-6 <script>alert(1)</script> & *stars*", container_title="A & B")
    html_entry = format_bibliography([ref], "apa", output="html")[0]
    assert "<script>" not in html_entry and "&lt;script&gt;" in html_entry
    assert "A &amp; B" in html_entry
    md = format_bibliography([ref], "apa", output="markdown")[0]
    assert r"\<script\>" in md and r"\*stars\*" in md


def test_no_warnings_and_no_python_reprs():
    ref = Reference.from_csl({"id": "a", "type": "journal-article", "title": ["Listed title"],
                              "container-title": ["Some Journal"], "supplement": "1",
                              "author": [{"family": "Smith", "given": "J", "sequence": "first", "ORCID": "x"}]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for style in STYLES:
            for output in ("text", "html"):
                entry = format_bibliography([ref], style, output=output)[0]
                assert "['" not in entry and "Some Journal" in entry
            cite([ref], ["a"], style)


def test_renders_are_cached_but_numbers_follow_position(seed):
    once = format_bibliography(seed, "vancouver")
    again = format_bibliography(seed, "vancouver")
    assert once == again
    reversed_entries = format_bibliography(list(reversed(seed)), "vancouver")
    assert reversed_entries[0].startswith("1. Titulaer MJ")
    assert reversed_entries[-1] == VANCOUVER_1.replace("1. ", "17. ", 1)


def test_bad_output_or_style_is_a_style_error(seed):
    with pytest.raises(StyleError, match="unknown output"):
        format_bibliography(seed, "apa", output="pdf")
    with pytest.raises(StyleError, match="defines no bibliography"):
        format_bibliography(seed, "bluebook-law-review")


def test_format_file_and_join(tmp_path, seed_path):
    out = tmp_path / "refs.html"
    text = format_file(str(seed_path), "vancouver", output="html", out=str(out))
    assert out.read_text(encoding="utf-8") == text
    assert text.startswith('<div class="csl-bib-body">\n  <div class="csl-entry">1. ')
    assert text.count('<div class="csl-entry">') == len(myobib.load(seed_path))
    assert join_entries(["a", "b"], "text") == "a\nb\n"
    assert join_entries(["a", "b"], "markdown") == "a\n\nb\n"


def test_the_seed_page_formats_without_warnings(seed_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        entries = format_bibliography(myobib.load(seed_path), "vancouver")
    assert entries and all(re.match(r"\d+\. \S", e) for e in entries)


def test_a_cut_list_prints_the_term_after_its_names_until_the_full_list_is_known():
    names = tuple(myobib.Name(family=f, given="A") for f in ("Smith", "Jones", "Brown", "Green", "White"))
    cut = Reference(id="c", title="T", author=names[:2], et_al=True, container_title="J", issued=myobib.Date(2020))
    assert format_bibliography([cut], "vancouver")[0].startswith("1. Smith A, Jones A, et al. T.")
    assert format_bibliography([cut], "apa")[0].startswith("Smith, A., Jones, A., et al. (2020)")
    assert format_bibliography([cut], "chicago-author-date", locale="de-DE")[0].startswith("Smith, A., A. Jones, u. a.")
    # AMA truncates lists of seven or more to three: a cut list of six is one of them
    six = cut.replace(author=names + (myobib.Name(family="Black", given="A"),))
    ama = format_bibliography([six], "american-medical-association")[0]
    assert ama.startswith("1. Smith A, Jones A, Brown A, et al.")
    full = cut.replace(author=names, et_al=False)  # what the resolver gives when Crossref has every author
    assert format_bibliography([full], "vancouver")[0].startswith("1. Smith A, Jones A, Brown A, Green A, White A. T.")
