"""Tagging: every seed reference's topics and kind, the evidence behind each tag, re-tagging."""

from __future__ import annotations

import pytest

import myobib
from myobib import Bibliography, Name, Reference
from myobib.readinglist import tag_bibliography
from myobib.readinglist.tags import field_texts, tags_of

# Read off each seed title (list number: topics, kinds), in vocabulary order.
EXPECTED = {
    1: (["polymyositis", "dermatomyositis", "response-criteria"], []),
    2: (["juvenile-dermatomyositis", "treatment"], ["guideline", "consensus"]),
    3: (["treatment"], ["guideline"]),
    4: (["antisynthetase-syndrome", "classification"], ["comment"]),
    5: (["juvenile-dermatomyositis"], ["consensus"]),
    6: (["juvenile-dermatomyositis", "classification"], ["classification-criteria"]),
    7: (["interstitial-lung-disease", "treatment"], []),
    8: (["skin-ulcers", "treatment"], ["guideline"]),
    9: (["juvenile-dermatomyositis", "treatment"], ["guideline"]),
    10: (["cancer-screening"], ["review"]),
    11: (["dermatomyositis", "interstitial-lung-disease", "treatment"], ["guideline"]),
    12: (["dermatomyositis", "classification"], ["consensus"]),
    13: (["interstitial-lung-disease", "treatment"], ["guideline"]),
    14: (["juvenile-dermatomyositis", "treatment"], ["consensus"]),
    15: (["treatment"], ["guideline"]),
    16: (["immune-mediated-necrotising-myopathy", "classification"], ["consensus"]),
    17: (["cancer-screening"], ["consensus"]),
}

# Words that earned selected tags: (list number, tag) -> {(field, text), ...}
EVIDENCE = {
    (1, "response-criteria"): {("title", "criteria for minimal, moderate, and major clinical response")},
    (2, "consensus"): {("title", "Consensus")},
    (3, "treatment"): {("title", "Immune Globulin")},
    (4, "antisynthetase-syndrome"): {("title", "antisynthetase"), ("author", "Antisynthetase")},
    (4, "comment"): {("title", "comment on the article by")},
    (6, "juvenile-dermatomyositis"): {("title", "juvenile idiopathic inflammatory myopathies")},
    (9, "juvenile-dermatomyositis"): {("title", "paediatric")},
    (10, "review"): {("title", "systematic review and meta-analysis")},
    (11, "dermatomyositis"): {
        ("title", "anti-melanoma differentiation-associated gene 5"),
        ("title", "dermatomyositis"),
    },
    (13, "interstitial-lung-disease"): {
        ("title", "Interstitial Lung Diseases"),
        ("title", "Interstitial Lung Disease"),
        ("author", "Interstitial Lung Diseases"),
    },
    (16, "immune-mediated-necrotising-myopathy"): {
        ("title", "immune-mediated necrotizing myopathies"),
        ("author", "Immune-Mediated Necrotizing Myopathies"),
    },
    (17, "cancer-screening"): {("title", "Screening for tumours")},
}


@pytest.fixture(scope="module")
def tagged(seed_path):
    bib = tag_bibliography(myobib.load(seed_path))
    return {ref.list_number: ref for ref in bib}


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_seed_reference_gets_its_topics_and_kind(tagged, number):
    topics, kinds = EXPECTED[number]
    ref = tagged[number]
    assert (tags_of(ref, "topic"), tags_of(ref, "kind")) == (topics, kinds), ref.title


def test_every_tag_records_words_found_in_the_field_it_names(tagged):
    for ref in tagged.values():
        texts = list(field_texts(ref))
        for tag in ref.tags:
            assert tag["evidence"], tag
            for item in tag["evidence"]:
                assert any(field == item["field"] and item["text"] in text for field, text in texts), item


@pytest.mark.parametrize(("number", "tag"), sorted(EVIDENCE))
def test_evidence_names_the_words(tagged, number, tag):
    found = next(t for t in tagged[number].tags if t["tag"] == tag)
    assert {(e["field"], e["text"]) for e in found["evidence"]} == EVIDENCE[(number, tag)]


def test_narrower_tag_takes_the_words_from_the_broader_one(tagged):
    # "juvenile dermatomyositis" is JDM, not also adult dermatomyositis; #11 says "dermatomyositis" alone.
    assert "dermatomyositis" not in tags_of(tagged[2], "topic")
    assert "dermatomyositis" in tags_of(tagged[11], "topic")


def test_except_terms_block_matches_inside_them(tagged):
    # "Paediatric Rheumatology International Trials Organisation" is a trial group, not a paediatric topic;
    # "to inform cancer screening guidelines" is not a guideline.
    assert "juvenile-dermatomyositis" not in tags_of(tagged[1], "topic")
    assert "guideline" not in tags_of(tagged[10], "kind")


def test_abbreviations_match_case_sensitively():
    refs = [
        Reference(id="a", title="Statin-associated IMNM in older adults"),
        Reference(id="b", title="Imnm is not an abbreviation here"),
        Reference(id="c", title="Necrotising autoimmune myopathy: case series"),
    ]
    bib = tag_bibliography(Bibliography(refs, {"disease": "Idiopathic Inflammatory Myopathies"}))
    imnm = "immune-mediated-necrotising-myopathy"
    assert [imnm in tags_of(ref, "topic") for ref in bib] == [True, False, True]


def test_tags_survive_a_csl_json_round_trip(tagged):
    ref = tagged[16]
    again = Reference.from_csl(ref.to_csl())
    assert again.tags == tuple(ref.tags)


def test_retagging_replaces_vocabulary_tags_and_keeps_unknown_ones(tagged):
    stale = {"facet": "topic", "tag": "polymyositis", "evidence": [{"field": "title", "text": "old"}]}
    manual = {"facet": "topic", "tag": "reading-club-2024", "evidence": []}
    ref = tagged[15].replace(tags=(stale, manual))
    again = tag_bibliography(Bibliography([ref], {"disease": "Idiopathic Inflammatory Myopathies"}))[0]
    assert tags_of(again, "topic") == ["treatment", "reading-club-2024"]


def test_page_without_header_uses_every_page_topics():
    ref = Reference(id="x", title="Inclusion body myositis: a review", author=(Name(family="Roe", given="A"),))
    bib = tag_bibliography(Bibliography([ref]))
    assert tags_of(bib[0], "topic") == ["inclusion-body-myositis"]
    assert tags_of(bib[0], "kind") == ["review"]
