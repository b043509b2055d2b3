"""NLM / Vancouver author and journal line parsing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from myobib import Date, Name
from myobib.readers import nlm
from myobib.readers.nlm import (
    journal_line_fields,
    looks_like_authors,
    parse_authors,
    parse_journal_line,
    split_group_prefix,
)
from tests.test_synthetic import synthetic  # the benchmarks' page generator


def test_authors_with_et_al():
    names, et_al = parse_authors("Lundberg IE, Tjärnlund A, Bottai M, et al.")
    assert names == (Name("Lundberg", "IE"), Name("Tjärnlund", "A"), Name("Bottai", "M")) and et_al


def test_multi_word_family_names_and_particles():
    names, _ = parse_authors("de Souza FHC, Diaz Del Campo P, Selva-O’Callaghan A.")
    assert [n.family for n in names] == ["de Souza", "Diaz Del Campo", "Selva-O’Callaghan"]


def test_group_after_semicolon_and_suffix():
    names, et_al = parse_authors("Koo SM, Smith J Jr; Korean Interstitial Lung Diseases Study Group.")
    assert names == (
        Name("Koo", "SM"),
        Name("Smith", "J", suffix="Jr"),
        Name(literal="Korean Interstitial Lung Diseases Study Group"),
    )
    assert not et_al


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Morisset J, Johnson C, Rich E, Collard HR, Lee JS.", True),
        ("Castañeda S; Some Group.", True),
        ("Management of Myositis-Related Interstitial Lung Disease", False),
        ("Lorem ipsum dolor sit amet", False),
    ],
)
def test_looks_like_authors(line, expected):
    assert looks_like_authors(line) is expected


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Ann Rheum Dis. 2017 May;76(5):792-801.",
         {"container_title_short": "Ann Rheum Dis", "issued": Date(2017, 5), "volume": "76", "issue": "5",
          "page": "792-801", "page_first": "792", "page_as_written": None}),
        ("J Dermatol. 2016 Jul;43(7):729-57.", {"page": "729-757", "page_as_written": "729-57"}),
        ("Arthritis Rheumatol. 2018 Mar 7.", {"issued": Date(2018, 3, 7), "volume": None, "page": None}),
        ("Adv Rheumatol. 2019 Jan 22;59(1):6.", {"number": "6", "page": "6"}),
        ("Transfus Med Rev. 2007 Apr;21(2 Suppl 1):S57-107.", {"issue": "2 Suppl 1", "supplement": "1"}),
        ("BMJ. 2020 Spring;5:e33. doi: 10.1136/bmj.m1 PMID: 123456",
         {"issued": Date(2020, None, None, "2020 Spring"), "page": "e33", "DOI": "10.1136/bmj.m1", "PMID": "123456"}),
        ("Rheumatology (Oxford). 2021 Jun 18;60(6):2615-2628. Erratum in: Rheumatology (Oxford). 2021;60:5483.",
         {"container_title_short": "Rheumatology (Oxford)",
          "note": "Erratum in: Rheumatology (Oxford). 2021;60:5483."}),
    ],
)  # fmt: skip
def test_journal_lines(line, fields):
    citation = parse_journal_line(line)
    assert citation is not None
    for name, value in fields.items():
        assert getattr(citation, name) == value, name


@pytest.mark.parametrize("line", ["Lundberg IE, Tjärnlund A.", "Just words here", "2017 May;76(5):792-801."])
def test_non_journal_lines(line):
    assert parse_journal_line(line) is None
    assert journal_line_fields(line) is None


def test_blank_issue_is_kept_as_an_empty_string():
    assert parse_journal_line("BMJ. 2020;5( ):1.").issue == ""
    assert journal_line_fields("BMJ. 2020;5( ):1.")["issue"] == ""
    assert "issue" not in journal_line_fields("BMJ. 2020;5():1.")


def test_journal_line_fields_are_the_citation_fields_that_are_set(seed_path):
    lines = [line for line in seed_path.read_text(encoding="utf-8").splitlines() if parse_journal_line(line)]
    lines += [
        "BMJ. 2020 Spring;5( ):e33. doi: 10.1136/bmj.m1 PMID: 123456 PMC7654321",
        "Xyz Abc. 2001 Jun-Jul 3;2:1,4.",
    ]
    assert len(lines) == 36
    for line in lines:
        set_fields = {name: value for name, value in parse_journal_line(line).fields().items() if value is not None}
        assert journal_line_fields(line) == set_fields


def test_group_prefix_split_only_for_group_names():
    group, title = split_group_prefix("X Working Group. A guideline on things")
    assert (group, title) == ("X Working Group", "A guideline on things")
    assert split_group_prefix("The wound/burn guidelines. Part 4") == (None, "The wound/burn guidelines. Part 4")


def test_double_i_initials_are_not_a_suffix():
    names, _ = parse_authors("van der Berg II, Smith J Jr.")
    assert names == (Name("van der Berg", "II"), Name("Smith", "J", suffix="Jr"))


_WORDS = st.text(alphabet="aAbZéÖ'’-.2", min_size=1, max_size=6)
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\t", "\xa0", "\x1c"])
_INITIALS = st.one_of(
    st.from_regex(r"[A-Z]{1,5}(-[A-Z]{1,3})?", fullmatch=True),
    st.sampled_from(["II", "III", "IV", "Jr", "Sr", "2nd", "Ö", "ÖA", "Ab", "A-b", "et", "al"]),
)


@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=0, max_size=7), _INITIALS)
def test_person_part_in_one_match_is_the_part_read_word_by_word(words, initials):
    part = "".join(word + gap for word, gap in words) + initials
    assert nlm._person_part.__wrapped__(part) == nlm._read_person_part(part)


@pytest.mark.parametrize(
    ("part", "name"),
    [
        ("Smith J II", Name("Smith", "J", suffix="II")),
        ("van der Berg II", Name("van der Berg", "II")),
        ("Smith J Jr", Name("Smith", "J", suffix="Jr")),
        ("Öberg Ö", Name("Öberg", "Ö")),
        ("Smith  AB", Name("Smith", "AB")),
        ("A B C D E F GH", Name("A B C D E F", "GH")),
    ],
)
def test_person_parts_the_single_match_leaves_to_word_by_word_reading(part, name):
    plain = nlm._PLAIN_PERSON.fullmatch(part)
    assert plain is None or plain[2] in ("II", "III", "IV")
    assert nlm._person_part(part)[0] == name


def test_person_parts_of_every_seed_and_synthetic_author_line(seed_path):
    text = seed_path.read_text(encoding="utf-8") + synthetic.generate(300, repeat_share=0.3, seed=5).text
    parts = {part.strip() for line in text.splitlines() for part in line.split(";")[0].split(",") if part.strip()}
    plain = {part for part in parts if nlm._PLAIN_PERSON.fullmatch(part)}
    assert len(plain) > 1000
    for part in parts:
        assert nlm._person_part.__wrapped__(part) == nlm._read_person_part(part)


@pytest.mark.parametrize("last", ["et al.", "ET AL", "Et. al.", "et al"])
def test_et_al_in_any_case(last):
    assert parse_authors.__wrapped__(f"Smith J, Jones K, {last}") == ((Name("Smith", "J"), Name("Jones", "K")), True)


def _part_by_part(line: str, strict: bool):
    text = line.strip().rstrip(".")
    if strict and (". " in text or ": " in text):
        return None  # what `_read_authors` turns away before either reading
    persons, *groups = text.split(";")
    return nlm._read_authors_part_by_part(persons, groups, strict)


_PARTS = st.one_of(
    st.builds(lambda words, last: " ".join([*words, last]), st.lists(_WORDS, min_size=1, max_size=6), _INITIALS),
    st.sampled_from(["et al", "et al.", "ET AL", "Et. al.", "", " ", "Smith J Jr", "Smith J II", "Group"]),
)
_SEPARATORS = st.sampled_from([", ", ", ", ", ", ",", " , ", ",  ", ", \xa0"])


@given(
    st.lists(st.tuples(_PARTS, _SEPARATORS), min_size=1, max_size=8),
    st.sampled_from(["", ".", "; Some Study Group.", ";et al", "; A Group; B Network", " "]),
    st.booleans(),
)
def test_author_line_in_one_match_is_the_line_read_part_by_part(parts, tail, strict):
    line = "".join(part + separator for part, separator in parts)[: -len(parts[-1][1])] + tail
    assert nlm._read_authors(line, strict) == _part_by_part(line, strict)


@pytest.mark.parametrize(
    "line",
    [
        "Lundberg IE, Tjärnlund A, Bottai M, et al.",
        "Smith J, ET AL, Jones K.",
        "Smith J, Jones K, ET AL",
        "van der Berg II, Smith J.",
        "Koo SM, Smith J Jr; Korean Interstitial Lung Diseases Study Group.",
        "Castañeda S, Cavagna L; American and European Network Group.",
    ],
)
def test_author_lines_of_both_readings(line):
    for strict in (True, False):
        assert nlm._read_authors(line, strict) == _part_by_part(line, strict)


def test_common_author_lines_are_read_in_one_match(seed_path):
    text = seed_path.read_text(encoding="utf-8") + synthetic.generate(300, repeat_share=0.3, seed=5).text
    lines = [line for line in text.splitlines() if nlm.read_author_line(line) is not None]
    in_one = [line for line in lines if nlm._PLAIN_PERSONS.fullmatch(line.strip().rstrip(".").split(";")[0])]
    assert len(in_one) > 0.9 * len(lines) > 250
    for line in lines:
        assert nlm._read_authors(line, True) == _part_by_part(line, True)


@pytest.mark.parametrize(
    ("line", "source", "rest"),
    [
        ("Ann Rheum Dis. 2017 May;76(5):792-801.", "2017 May;76(5):792-801", ""),
        ("Arthritis Rheumatol. 2018 Mar 7.", "2018 Mar 7", ""),
        (
            "Rheumatology (Oxford). 2021 Jun 18;60(6):2615-2628. Erratum in: Rheumatology (Oxford). 2021;60:5483.",
            "2021 Jun 18;60(6):2615-2628",
            "Erratum in: Rheumatology (Oxford). 2021;60:5483.",
        ),
        ("J Test. 2019 Spring;4:e12. doi: 10.5555/x", "2019 Spring;4:e12", "doi: 10.5555/x"),
        ("1. Doe J. A title. J Test. 2017;76:1-2. PMID: 1.", "2017;76:1-2", "PMID: 1."),  # a one-line entry
    ],
)
def test_citation_span(line, source, rest):
    start, end, after = nlm.citation_span(line)
    assert line[start:end] == source and line[after:] == rest


def test_citation_span_of_other_lines():
    assert nlm.citation_span("Lundberg IE, Tjärnlund A, et al.") is None
    assert nlm.citation_span("Ann Rheum Dis. In press.") is None


# -- author lines and journal lines of other lists (issue 11) -----------------------------------


@pytest.mark.parametrize(
    ("line", "names", "et_al"),
    [
        ("Lima SAV, Silva MRF da, Brito ESV de.", [Name("Lima", "SAV"), Name("Silva", "MRF", dropping_particle="da"),
                                                  Name("Brito", "ESV", dropping_particle="de")], False),
        ("Fernandes R de CP, Casanova-Moreno M de la C, Díaz Dominguez M de los Á.",
         [Name("Fernandes", "R de CP"), Name("Casanova-Moreno", "M de la C"), Name("Díaz Dominguez", "M de los Á")],
         False),
        ("Haddad AE, dos Santos AdF.", [Name("Haddad", "AE"), Name("dos Santos", "AdF")], False),
        ("Lundberg IE, de Visser M, & others.", [Name("Lundberg", "IE"), Name("de Visser", "M")], True),
        ("Smelser DT; Penn Medicine BioBank; Regeneron Genetics Center; Levine AJ, Maxwell KN.",
         [Name("Smelser", "DT"), Name(literal="Penn Medicine BioBank"), Name(literal="Regeneron Genetics Center"),
          Name("Levine", "AJ"), Name("Maxwell", "KN")], False),
        ("Hoff LS, Day J, et al; COVAD Study Group.", [Name("Hoff", "LS"), Name("Day", "J"),
                                                       Name(literal="COVAD Study Group")], True),
    ],
)  # fmt: skip
def test_author_lines_of_other_lists(line, names, et_al):
    assert nlm.read_author_line(line) == (tuple(names), et_al)


def test_a_name_in_capitals_among_words_is_a_group():
    assert parse_authors("SMART Health IT.") == ((Name(literal="SMART Health IT"),), False)
    assert parse_authors("SMITH J, JONES K.")[0] == (Name("SMITH", "J"), Name("JONES", "K"))


@pytest.mark.parametrize(
    "line",
    ["Geneva: WHO; 2020 [cited 2021 Jan 5]. Available from: https://www.who.int/myositis",
     "In: Engel AG, editor. Myology. New York: McGraw-Hill; 2004.", "Engel AG, Franzini-Armstrong C, editors."],
)  # fmt: skip
def test_lines_that_are_no_author_lines(line):
    assert nlm.read_author_line(line) is None


def test_loose_journal_lines_only_when_asked():
    assert journal_line_fields("Lancet Glob Health 2018;6:e902–13.") is None
    fields = journal_line_fields("Lancet Glob Health 2018;6:e902–13.", loose=True)
    expected = ("Lancet Glob Health", "6", "e902-e913")
    assert (fields["container_title_short"], fields["volume"], fields["page"]) == expected
    assert journal_line_fields("Surveys from 2018 and beyond", loose=True) is None
    assert journal_line_fields("Rev Bras Epidemiol 2019 Mar 22.", loose=True) is None  # no volume after `;`, no pages
    fields = journal_line_fields("Ann Rheum Dis. 2017. doi: 10.1136/x. [Epub ahead of print]")
    assert (fields["DOI"], fields.get("note")) == ("10.1136/x", None)
    assert fields["extra"] == {"status": "Epub ahead of print"}


@pytest.mark.parametrize("printed", ["2020;80 Supl 3:1-5.", "2020;80(Supl 3):1-5.", "2020;80 Suppl 3:1-5."])
def test_a_supplement_in_spanish_and_portuguese_vancouver(printed):
    values = journal_line_fields(f"Medicina (B Aires). {printed}", loose=True)
    assert values is not None
    assert (values["volume"], values["supplement"], values["page"]) == ("80", "3", "1-5")


@pytest.mark.parametrize("line", ["Evans L, Rhodes A, Alhazzani W et al.", "Evans L, Rhodes A, Alhazzani W et coll."])
def test_et_al_without_a_comma_before_it(line):
    names, et_al = nlm.parse_authors(line)
    assert names[-1] == Name(family="Alhazzani", given="W") and len(names) == 3 and et_al


def test_et_coll_after_a_comma():
    assert nlm.parse_authors("Dupont J, Martin P, et coll.") == ((Name("Dupont", "J"), Name("Martin", "P")), True)


def test_pmc_source_with_a_year_and_pages_but_no_volume():
    fields = journal_line_fields("Zeitschrift für amtliche Stat Berlin Brand. 2021:34–39. doi: 10.1000/x1.", loose=True)
    assert fields is not None and fields["container_title_short"] == "Zeitschrift für amtliche Stat Berlin Brand"
    assert (fields["issued"], fields["page"], fields["DOI"]) == (Date(2021), "34-39", "10.1000/x1")
    assert "volume" not in fields
    # strict lines keep their form
    assert journal_line_fields("Zeitschrift für amtliche Stat Berlin Brand. 2021:34–39.") is None


def test_pmcs_article_number_after_the_volume_and_a_space():
    fields = journal_line_fields("Environ Res. 2020;186 109447.", loose=True)
    assert fields is not None and (fields["volume"], fields["page"]) == ("186", "109447")


def test_a_german_issue_and_year_as_pmc_prints_them():
    fields = journal_line_fields("UMID - Umwelt + Mensch Informationsdienst 01/2021. :27–37.", loose=True)
    assert fields is not None and fields["container_title_short"] == "UMID - Umwelt + Mensch Informationsdienst"
    assert (fields["issue"], fields["issued"], fields["page"]) == ("01", Date(2021), "27-37")
