"""What a record or reference is: notices, retracted articles, kinds, preprint servers, title languages."""

from __future__ import annotations

import pytest

from myobib.crossref.kinds import (
    crossref_kind,
    incompatible,
    is_preprint_server,
    notice_kind,
    notice_subject,
    retracted_title,
    title_language,
    update_notice,
)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Retraction Note: Stimulus-triggered fate conversion", "retraction"),
        ("Retraction—Ileal-lymphoid-nodular hyperplasia", "retraction"),
        ("Retraction notice to “Long term toxicity” [Food Chem. Toxicol. 50 (2012) 4221–4231]", "retraction"),
        ("Retraction of an interpretation", "retraction"),
        ("Department of Error", "erratum"),
        ("Correction to: A systematic review", "erratum"),
        ("Corrigendum to “Frequency of myositis autoantibodies”", "erratum"),
        ("Error in Figure", "erratum"),
        ("Incorrect Data in Results", "erratum"),
        ("Editorial Expression of Concern: Ivermectin", "expression-of-concern"),
        ("Authors' reply", "reply"),
        ("Response to: 'Correspondence on …' by Kishimoto et al", "reply"),
        ("Comment on: Tofacitinib for refractory dermatomyositis", "comment"),
        ("RETRACTED: Long term toxicity of a Roundup herbicide", None),  # the article, see retracted_title
        ("Retraction of the tongue in myasthenia", None),
        ("Correction of scoliosis in muscular dystrophy", None),
        ("Errors in medication administration", None),
    ],
)
def test_notice_kinds_from_publishers_words(title, kind):
    assert notice_kind(title) == kind


def test_the_retracted_mark_and_what_a_notice_is_about():
    assert retracted_title("RETRACTED: Long term toxicity") == "Long term toxicity"
    assert retracted_title("RETRACTED ARTICLE: Serum calprotectin") == "Serum calprotectin"
    assert retracted_title("Retraction Note: Serum calprotectin") is None
    assert notice_subject("Retraction Note: Stimulus-triggered fate conversion") == "stimulus-triggered fate conversion"
    assert notice_subject("Corrigendum to “Frequency”") == "frequency"
    assert notice_subject("Department of Error") is None and notice_subject("Authors' reply") is None


def test_kinds_as_data():
    assert crossref_kind("posted-content") == "preprint" and crossref_kind("edited-book") == "book"
    assert incompatible("article", "preprint") and incompatible("chapter", "book")
    assert not incompatible("article", "chapter") and not incompatible(None, "preprint")
    assert update_notice("expression_of_concern") == "expression-of-concern" and update_notice("new_version") is None
    assert is_preprint_server("medRxiv") and is_preprint_server("Research Square") and not is_preprint_server("Lancet")


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("2021 ESC Guidelines for the diagnosis and treatment of acute and chronic heart failure", "en"),
        ("Guía ESC 2021 sobre el diagnóstico y tratamiento de la insuficiencia cardiaca aguda y crónica", "es"),
        ("Linee guida ESC 2021 per la diagnosi e il trattamento dello scompenso cardiaco", "it"),
        ("Kommentar zu den Leitlinien (2021) der ESC zur Diagnose und Behandlung der Herzinsuffizienz", "de"),
        ("Idiopathic inflammatory myopathies", None),  # too few small words to tell
    ],
)
def test_title_language(title, language):
    assert title_language(title) == language
