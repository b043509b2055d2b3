"""The vocabulary: term syntax, shipped data, user files merged over it, clear errors."""

from __future__ import annotations

import json
import re

import pytest

from myobib import Bibliography, InputError, Reference
from myobib.readinglist import build, load_vocabulary, tag_bibliography
from myobib.readinglist.tags import tags_of
from myobib.readinglist.vocabulary import merge_vocabulary_data, term_regex

IIM = {"disease": "Idiopathic Inflammatory Myopathies"}


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("meta-analysis", "a meta analysis of trials", "meta analysis"),
        ("meta-analysis", "a metaanalysis of trials", "metaanalysis"),
        ("skin ulcer*", "digital and skin ulcerations", "skin ulcerations"),
        ("review", "reviewed by experts", None),  # whole words unless `*`
        ("randomi*ed trial*", "a randomised trial", "randomised trial"),
        ("anti-MDA5 ... ILD", "anti-MDA5 antibody-positive rapidly progressive ILD", "<whole text>"),
        ("screening for ... tumour*", "Screening for occult tumours", "Screening for occult tumours"),
        ("criteria for ... response", "criteria for a b c d e f g h i response", None),  # nine words is too far
    ],
)
def test_term_syntax(term, text, found):
    match = re.search(term_regex(term), text, re.IGNORECASE)
    assert (match.group(0) if match else None) == (text if found == "<whole text>" else found)


def test_shipped_vocabulary_covers_the_page_subgroups_themes_and_kinds():
    vocabulary = load_vocabulary()
    topics = {rule.tag: rule.group for rule in vocabulary.topics_for(IIM)}
    assert {t for t, g in topics.items() if g == "subgroup"} == {
        "polymyositis",
        "dermatomyositis",
        "juvenile-dermatomyositis",
        "immune-mediated-necrotising-myopathy",
        "antisynthetase-syndrome",
        "inclusion-body-myositis",
    }
    assert {t for t, g in topics.items() if g == "theme"} == {
        "interstitial-lung-disease",
        "cancer-screening",
        "skin-ulcers",
        "treatment",
        "classification",
        "response-criteria",
    }
    assert [rule.tag for rule in vocabulary.kinds] == [
        "guideline",
        "classification-criteria",
        "consensus",
        "review",
        "comment",
    ]


@pytest.mark.parametrize(
    ("title", "tag"),
    [
        ("Necrotizing autoimmune myositis after statins", "immune-mediated-necrotising-myopathy"),
        ("Immune-mediated necrotising myopathy in children", "immune-mediated-necrotising-myopathy"),
        ("Anti-MDA5 positive patients with RP-ILD", "interstitial-lung-disease"),
        ("Anti-MDA5 positive patients with RP-ILD", "dermatomyositis"),
        ("Outcomes in pediatric myositis", "juvenile-dermatomyositis"),
        ("Muscle biopsy in sIBM", "inclusion-body-myositis"),
        ("Anti-Jo-1 positive patients", "antisynthetase-syndrome"),
    ],
)
def test_synonyms_and_spellings(title, tag):
    bib = tag_bibliography(Bibliography([Reference(id="x", title=title)], IIM))
    assert tag in tags_of(bib[0], "topic")


def write(tmp_path, data, name="user.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_user_file_extends_a_tag_adds_tags_and_pages(tmp_path):
    path = write(
        tmp_path,
        {
            "kinds": [{"tag": "trial", "label": "Trials", "terms": ["randomi*ed ... trial"]}],
            "pages": [
                {
                    "disease": "idiopathic inflammatory myopathies",
                    "topics": [
                        {"tag": "skin-ulcers", "terms": ["calcinosis"]},
                        {"tag": "dysphagia", "label": "Dysphagia", "group": "theme", "terms": ["dysphagia"]},
                    ],
                },
                {"disease": "Systemic sclerosis", "topics": [{"tag": "raynaud", "terms": ["Raynaud*"]}]},
            ],
        },
    )
    vocabulary = load_vocabulary(path)
    refs = [
        Reference(id="a", title="Calcinosis and skin ulcers in dermatomyositis"),
        Reference(id="b", title="Dysphagia in myositis: a randomized controlled trial"),
    ]
    bib = tag_bibliography(Bibliography(refs, IIM), vocabulary)
    assert tags_of(bib[0], "topic") == ["dermatomyositis", "skin-ulcers"]
    evidence = {e["text"] for t in bib[0].tags if t["tag"] == "skin-ulcers" for e in t["evidence"]}
    assert evidence == {"Calcinosis", "skin ulcers"}  # the shipped terms still count
    assert tags_of(bib[1], "topic") == ["dysphagia"]
    assert tags_of(bib[1], "kind") == ["trial"]
    assert [rule.tag for rule in vocabulary.topics_for({"disease": "Systemic Sclerosis"})] == ["raynaud"]
    # the shipped vocabulary itself is unchanged
    assert "dysphagia" not in {rule.tag for rule in load_vocabulary().topics_for(IIM)}


def test_user_tag_with_replace_drops_the_shipped_terms(tmp_path):
    path = write(tmp_path, {"kinds": [{"tag": "review", "replace": True, "terms": ["scoping review"]}]})
    refs = [Reference(id="a", title="A narrative review"), Reference(id="b", title="A scoping review")]
    bib = tag_bibliography(Bibliography(refs, IIM), load_vocabulary(path))
    assert [tags_of(ref, "kind") for ref in bib] == [[], ["review"]]


def test_merge_keeps_lists_unique():
    base = {"kinds": [{"tag": "k", "terms": ["a", "b"]}]}
    merged = merge_vocabulary_data(base, {"kinds": [{"tag": "k", "terms": ["b", "c"], "label": "K"}]})
    assert merged["kinds"] == [{"tag": "k", "terms": ["a", "b", "c"], "label": "K"}]
    assert base == {"kinds": [{"tag": "k", "terms": ["a", "b"]}]}


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{\n  "kinds": [\n    {"tag": "x" "terms": []}\n  ]\n}', "not valid JSON", 3),
        ('{\n  "kinds": [\n    {"tag": "x",\n     "patterns": ["(unclosed"]}\n  ]\n}', "bad pattern", 4),
        ('{\n  "kinds": [\n    {"tag": "x", "term": ["typo"]}\n  ]\n}', "unknown key(s) term", 3),
        ('{\n  "kinds": [\n    {"tag": "x", "label": "X"}\n  ]\n}', "needs at least one of", 3),
        ('{\n "kinds": [\n  {"tag": "x", "terms": ["a"],\n   "broader": "nowhere"}\n ]\n}', "broader tag", 3),
        ('[1, 2]', "must be a JSON object", 1),
    ],
)
def test_bad_user_file_is_one_line_error_naming_file_and_line(tmp_path, text, message, line):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_vocabulary(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_build_takes_a_vocabulary_path(tmp_path):
    path = write(tmp_path, {"kinds": [{"tag": "case", "label": "Case reports", "terms": ["case report*"]}]})
    bib = Bibliography([Reference(id="a", title="A case report of myositis")], IIM)
    reading_list = build(bib, by="kind", vocabulary=path)
    assert [(g.key, g.label) for g in reading_list.groups] == [("case", "Case reports")]
