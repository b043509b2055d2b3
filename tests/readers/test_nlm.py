"""NLM / Vancouver author and journal line parsing."""

from __future__ import annotations

import pytest

from myobib import Date, Name
from myobib.readers.nlm import (
    journal_line_fields,
    looks_like_authors,
    parse_authors,
    parse_journal_line,
    split_group_prefix,
)


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
