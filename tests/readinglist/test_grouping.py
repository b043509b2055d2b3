"""Grouping, filtering and sorting reading lists; per-group CSL-JSON and BibTeX files."""

from __future__ import annotations

import pytest

import myobib
from myobib import InputError
from myobib.readers import bibtex as bibtex_reader
from myobib.readers import csljson as csljson_reader
from myobib.readinglist import build

from .test_tags import EXPECTED


@pytest.fixture(scope="module")
def seed(seed_path):
    return myobib.load(seed_path)


def numbers(group):
    return [ref.list_number for ref in group.references]


def expected_groups(facet_index, order):
    groups = {tag: [n for n in sorted(EXPECTED) if tag in EXPECTED[n][facet_index]] for tag in order}
    return [(tag, members) for tag, members in groups.items() if members]


def test_by_topic_puts_a_reference_in_every_group_of_its_topics(seed):
    reading_list = build(seed, by="topic")
    order = [
        "polymyositis",
        "dermatomyositis",
        "juvenile-dermatomyositis",
        "immune-mediated-necrotising-myopathy",
        "antisynthetase-syndrome",
        "inclusion-body-myositis",
        "interstitial-lung-disease",
        "cancer-screening",
        "skin-ulcers",
        "treatment",
        "classification",
        "response-criteria",
    ]
    assert [(g.key, numbers(g)) for g in reading_list.groups] == expected_groups(0, order)
    assert reading_list.groups[2].label == "Juvenile dermatomyositis"
    assert len(reading_list) == 17


def test_by_kind_ends_with_the_papers_of_no_known_kind(seed):
    reading_list = build(seed, by="kind")
    order = ["guideline", "classification-criteria", "consensus", "review", "comment"]
    untagged = [n for n in sorted(EXPECTED) if not EXPECTED[n][1]]
    assert [(g.key, numbers(g)) for g in reading_list.groups] == [*expected_groups(1, order), ("other", untagged)]
    assert reading_list.groups[-1].label == "Other papers"


def test_by_year_newest_first(seed):
    reading_list = build(seed, by="year")
    years = [int(g.key) for g in reading_list.groups]
    assert years == sorted({ref.year for ref in seed}, reverse=True)
    for group in reading_list.groups:
        assert {ref.year for ref in group.references} == {int(group.key)}
    assert sum(len(g.references) for g in reading_list.groups) == 17


def test_by_journal_sorted_by_name(seed):
    reading_list = build(seed, by="journal")
    labels = [g.label for g in reading_list.groups]
    assert labels == sorted(labels, key=lambda s: s.lower())
    rheumatology = next(g for g in reading_list.groups if g.key == "Rheumatology (Oxford)")
    assert numbers(rheumatology) == [9, 10]


@pytest.mark.parametrize(
    "name", ["immune-mediated-necrotising-myopathy", "Immune-mediated necrotising myopathy", "IMNM"]
)
def test_topic_filter_by_name_label_or_synonym(seed, name):
    reading_list = build(seed, by="topic", topic=name)
    assert [(g.key, numbers(g)) for g in reading_list.groups] == [("immune-mediated-necrotising-myopathy", [16])]
    assert reading_list.filters == {"topic": ["immune-mediated-necrotising-myopathy"]}


def test_topic_filter_with_other_grouping_keeps_all_groups_of_the_chosen_references(seed):
    reading_list = build(seed, by="kind", topic="juvenile dermatomyositis")
    assert [(g.key, numbers(g)) for g in reading_list.groups] == [
        ("guideline", [2, 9]),
        ("classification-criteria", [6]),
        ("consensus", [2, 5, 14]),
    ]


def test_several_topics_mean_any_of_them(seed):
    reading_list = build(seed, by="year", topic=["skin ulcers", "cancer screening"])
    assert sorted(ref.list_number for ref in reading_list.bibliography) == [8, 10, 17]


def test_unknown_topic_suggests_the_closest(seed):
    with pytest.raises(InputError, match=r"unknown topic 'dermatomyosits'; did you mean 'dermatomyositis'"):
        build(seed, topic="dermatomyosits")


def test_since_keeps_that_year_and_later(seed):
    reading_list = build(seed, by="year", since=2020)
    assert [(g.key, numbers(g)) for g in reading_list.groups] == [("2022", [9]), ("2021", [10]), ("2020", [11, 12])]


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("order", lambda ref: ref.list_number),
        ("author", lambda ref: (ref.first_author.family.lower(), ref.year)),
        ("title", lambda ref: ref.title.lower()),
    ],
)
def test_sorting_within_groups(seed, sort, key):
    group = next(g for g in build(seed, by="topic", sort=sort).groups if g.key == "treatment")
    assert list(group.references) == sorted(group.references, key=key)


def test_sort_by_year_is_newest_first_then_list_order(seed):
    group = next(g for g in build(seed, by="kind", sort="year").groups if g.key == "guideline")
    assert numbers(group) == [9, 11, 13, 15, 2, 8, 3]


@pytest.mark.parametrize(("option", "value"), [("by", "colour"), ("sort", "mood")])
def test_bad_options_are_input_errors(seed, option, value):
    with pytest.raises(InputError, match=value):
        build(seed, **{option: value})


def test_write_groups_writes_csl_json_and_bibtex_per_group(seed, tmp_path):
    reading_list = build(seed, by="topic", topic=["dermatomyositis", "skin ulcers"])
    paths = reading_list.write_groups(tmp_path)
    assert sorted(p.name for p in paths) == [
        "topic-dermatomyositis.bib",
        "topic-dermatomyositis.json",
        "topic-skin-ulcers.bib",
        "topic-skin-ulcers.json",
    ]
    group = csljson_reader.read(tmp_path / "topic-dermatomyositis.json")
    assert [ref.list_number for ref in group] == [1, 11, 12]
    assert all(any(t["tag"] == "dermatomyositis" for t in ref.tags) for ref in group)
    titles = {ref.title for ref in bibtex_reader.read(tmp_path / "topic-skin-ulcers.bib")}
    assert titles == {seed[7].title}
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary files
