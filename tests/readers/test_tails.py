"""Tails of an entry (`tails.take_tails`) and the dates and words they are read with (`words.py`)."""

from __future__ import annotations

import pytest

from myobib import Date
from myobib.readers.tails import take_tails, tidy
from myobib.readers.words import alternation, parse_date, words


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023 Nov 3", Date(2023, 11, 3)),
        ("c2023", Date(2023)),
        ("2006 Nov-Dec", Date(2006, 11)),
        ("2002 Apr 3-5", Date(2002, 4, 3)),
        ("3 nov. 2023", Date(2023, 11, 3)),
        ("6 out. 2023", Date(2023, 10, 6)),
        ("28 de setembro de 2014", Date(2014, 9, 28)),
        ("29 de abril de 1986", Date(1986, 4, 29)),
        ("21 Oct 2025", Date(2025, 10, 21)),
        ("October 21, 2025", Date(2025, 10, 21)),
        ("Dec. 8, 2003", Date(2003, 12, 8)),
        ("2020 mayo 5", Date(2020, 5, 5)),
        ("12 März 2021", Date(2021, 3, 12)),
        ("06/10/2023", Date(2023, 10, 6)),
        ("2023-10-06", Date(2023, 10, 6)),
    ],
)
def test_dates_in_every_language_and_order(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["2020 Suppl", "Suppl 2", "next week", "2023 Nov 3 and more", "13/13/2020"])
def test_what_is_no_date(text):
    assert parse_date(text) is None


def test_word_lists_are_data_every_reader_shares():
    assert {"organizadores", "hrsg", "éditeurs", "editores"} <= set(words()["editors"])
    assert {"acesso em", "citado", "consulté le", "zitiert"} <= set(words()["accessed"])
    assert "disponível\\s+em" in alternation("available")


@pytest.mark.parametrize(
    ("text", "rest", "fields"),
    [
        ("Title. 2013 [acesso em 29 de setembro de 2014];29(3):566-78. Disponível em: http://x.org/a",
         "Title. 2013;29(3):566-78.", {"accessed": Date(2014, 9, 29), "URL": "http://x.org/a"}),
        ("Title. 2020 [cited 2021 Jan 5]. Available from: https://www.who.int/myositis",
         "Title. 2020.", {"accessed": Date(2021, 1, 5), "URL": "https://www.who.int/myositis"}),
        ("Title. Accessed October 21, 2025. https://a.org/b", "Title.", {"accessed": Date(2025, 10, 21),
                                                                          "URL": "https://a.org/b"}),
        ("Title. 2018. https://a.org/b (accessed 21 Oct 2025).", "Title. 2018.", {"accessed": Date(2025, 10, 21),
                                                                                   "URL": "https://a.org/b"}),
        ("Title. [(accessed on 21 October 2025)];Nat. Med. 2022 28:1773.", "Title. Nat. Med. 2022 28:1773.",
         {"accessed": Date(2025, 10, 21)}),
        ("Title. Retrieved November 3, 2023, from https://a.org/b", "Title.", {"accessed": Date(2023, 11, 3),
                                                                                "URL": "https://a.org/b"}),
        ("Title. Lancet. 2025;404:2542. [PMC free article: PMC12124214] [PubMed: 39709208]",
         "Title. Lancet. 2025;404:2542.", {"PMCID": "PMC12124214", "PMID": "39709208"}),
        ("Title. J. 2018;194:36–55. doi: 10.1016/j.trsl.2017.12.004. [DOI] [PMC free article] [PubMed] "
         "[Google Scholar]",
         "Title. J. 2018;194:36–55.", {"DOI": "10.1016/j.trsl.2017.12.004"}),
        ("Title. J. 2019;53:12. PMid:30726493", "Title. J. 2019;53:12.", {"PMID": "30726493"}),
        ("Title. J. 2016;8:66. doi: http://dx.doi.org/10.1186/s13321-016-0181-z", "Title. J. 2016;8:66.",
         {"DOI": "10.1186/s13321-016-0181-z"}),
        ("Title. J. 2016;8:66. https://pubmed.ncbi.nlm.nih.gov/27933103/", "Title. J. 2016;8:66.",
         {"PMID": "27933103"}),
        ("[Title]. J. 2006;20(6):485-95. [Article in Spanish]", "[Title]. J. 2006;20(6):485-95.",
         {"language": "Spanish"}),
    ],
)  # fmt: skip
def test_tails_go_to_their_fields(text, rest, fields):
    left, tails = take_tails(text)
    assert left == rest
    assert tails.fields() == fields


def test_designators_status_epub_and_links():
    left, tails = take_tails("Title [Internet]. Hist [dissertation]. J. 2017. [Epub ahead of print]")
    assert (left, tails.medium, tails.descriptors, tails.status) == (
        "Title. Hist. J. 2017.",
        "Internet",
        ["Internet", "dissertation"],
        "Epub ahead of print",
    )
    left, tails = take_tails(
        "A. Ann. 2015 Apr 30;372:1734-47. Epub 2015 Jan 2. Erratum in: N Engl J Med. 2015;373:393."
    )
    assert (tails.available, tails.notes, tails.links) == (
        Date(2015, 1, 2),
        ["Epub 2015 Jan 2."],
        "Erratum in: N Engl J Med. 2015;373:393.",
    )
    assert left == "A. Ann. 2015 Apr 30;372:1734-47."


def test_a_link_label_in_a_title_is_no_link():
    left, tails = take_tails("Smith J. Comment on: the 2019 guidelines. Lancet. 2020;1:2.")
    assert tails.links is None and left.startswith("Smith J. Comment on:")


def test_tidy_puts_punctuation_right():
    assert tidy("c2023  .  .") == "c2023."
    assert tidy("2013  ;29(3)") == "2013;29(3)"
    assert tidy("AI.  ;Nat. Med.") == "AI. Nat. Med."
    assert tidy("Resources, Inc.; c2000") == "Resources, Inc.; c2000"
    assert tidy(" . ; ") == ""


def test_a_us_month_first_access_date():
    rest, tails = take_tails("Org. A guideline. Accessed 8-25-23.")
    assert tails.accessed == Date(2023, 8, 25) and rest == "Org. A guideline."


@pytest.mark.parametrize(
    "text",
    [
        "Leitlinien. https://x.de/l/ (letzter Zugriff am 12. März 2024).",
        "Leitlinien. https://x.de/l/ (Zugriff am 12.03.2024).",
        "Leitlinien. https://x.de/l/ (last accessed on 12 March 2024)",
    ],
)
def test_access_dates_in_parentheses_german_numeric_and_last_accessed(text):
    rest, tails = take_tails(text)
    assert tails.accessed == Date(2024, 3, 12) and tails.URL == "https://x.de/l/"
    assert rest.rstrip(". ") == "Leitlinien"


def test_an_access_date_after_a_labelled_address():
    rest, tails = take_tails(
        "Orphanet. Fabry disease. Available at: https://www.orpha.net/x/324 Accessed March 12, 2024."
    )
    assert rest.strip() == "Orphanet. Fabry disease."
    assert (tails.URL, tails.accessed) == ("https://www.orpha.net/x/324", Date(2024, 3, 12))


def test_a_thesis_descriptor_names_the_university_and_no_other_descriptor_takes_a_name():
    text, tails = take_tails("Title [Master's thesis, University of Leeds]. https://etheses.leeds.ac.uk/1")
    assert (text, tails.descriptors, tails.degree_by) == ("Title.", ["Master's thesis"], "University of Leeds")
    text, tails = take_tails("Title [Data set, Survey office]. https://example.org/1")
    assert "[Data set, Survey office]" in text and tails.descriptors == [] and tails.degree_by is None
