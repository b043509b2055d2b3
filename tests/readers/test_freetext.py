"""The free-text list reader: Vancouver / NLM, AMA, APA 7, unnumbered lists and PubMed summaries."""

from __future__ import annotations

import pytest

from myobib import Date, InputError, Name
from myobib.readers import freetext
from tests.linecheck import unaccounted_lines

VANCOUVER = """\
References

1. Aggarwal R, Rider LG, Ruperto N, Bayat N, Erman B, Feldman BM, et al. 2016 American College of \
Rheumatology/European League Against Rheumatism criteria for minimal, moderate, and major clinical response in adult \
dermatomyositis and polymyositis. Ann Rheum Dis. 2017 May;76(5):792-801. doi:10.1136/annrheumdis-2017-211400
2. Castañeda S, Cavagna L, González-Gay MA; American and European Network of Antisynthetase Syndrome \
Collaborative Group. Consideration of antisynthetase syndrome features in classifying patients as having idiopathic \
inflammatory myopathy: comment on the article by Lundberg et al. Arthritis Rheumatol. 2018 Mar 7.
3. Morisset J, Johnson C, Rich E, Collard HR, Lee JS. Management of
   Myositis-Related Interstitial Lung Disease. Chest. 2016 Nov;150(5):1118-28.
   https://doi.org/10.1016/j.chest.2016.08.
   1434
4. Fujimoto M, Asano Y, Ishii T, et al. The wound/burn guidelines – 4: Guidelines for the management of skin ulcers \
associated with connective tissue disease/vasculitis. J Dermatol. 2016 Jul;43(7):729-57.
5. Feasby T, Banwell B, Benstead T, et al. Guidelines on the Use of Intravenous Immune Globulin for Neurologic \
Conditions. Transfus Med Rev. 2007 Apr;21(2 Suppl 1):S57-107.
6. Dalakas MC. Inflammatory myopathies. In: Engel AG, editor. Myology. New York: McGraw-Hill; 2004.
"""

AMA = """\
1. Titulaer MJ, Soffietti R, Dalmau J, et al. Screening for tumours in paraneoplastic syndromes: report of an \
EFNS task force. Eur J Neurol. 2011;18(1):19-e3. doi:10.1111/j.1468-1331.2010.03220.x
2. de Souza FHC, de Araújo DB, Vilela VS, et al. Guidelines of the Brazilian Society of Rheumatology for the \
treatment of systemic autoimmune myopathies. Adv Rheumatol. 2019;59(1):6. doi:10.1186/s42358-019-0048-x
"""

APA = """\
Morisset, J., Johnson, C., Rich, E., Collard, H. R., & Lee, J. S. (2016). Management of myositis-related \
interstitial lung disease. Chest, 150(5), 1118–1128. https://doi.org/10.1016/j.chest.2016.08.1434

Aggarwal, R., Rider, L. G., Ruperto, N., Bayat, N., Erman, B., Feldman, B. M., … Miller, F. W. (2017). 2016 American \
College of Rheumatology/European League Against Rheumatism criteria for minimal, moderate, and major clinical \
response in adult dermatomyositis and polymyositis. Annals of the Rheumatic Diseases, 76(5), 792–801.
https://doi.org/10.1136/annrheumdis-2017-211400

de Souza, F. H. C., Miossi, R., & Shinjo, S. K. (2019, January 22). Guidelines of the Brazilian Society of \
Rheumatology for the treatment of systemic autoimmune myopathies. Advances in Rheumatology, 59(1), Article 6.

World Health Organization. (n.d.). Myositis fact sheet. https://www.who.int/news-room/fact-sheets/myositis
"""

PUBMED_SUMMARY = """\
1. Lundberg IE, Tjärnlund A, Bottai M, Werth VP, Pilkington C, Visser M, Alfredsson L, Amato AA, Barohn RJ, \
Liang MH, Singh JA, Aggarwal R, Arnardottir S, Chinoy H, Cooper RG, Dankó K, Dimachkie MM, Feldman BM, Garcia-De \
La Torre I, Gordon P, Hayashi T, Katz JD, Kohsaka H, Lachenbruch PA, Lang BA, Li Y, Oddis CV, Olesinska M, Reed AM, \
Rutkowska-Sak L, Sanner H, Selva-O'Callaghan A, Song YW, Vencovsky J, Ytterberg SR, Miller FW, Rider LG; \
International Myositis Classification Criteria Project consortium, The Euromyositis register and The Juvenile \
Dermatomyositis Cohort Biomarker Study and Repository (JDRG) (UK and Ireland). 2017 European League Against \
Rheumatism/American College of Rheumatology classification criteria for adult and juvenile idiopathic inflammatory \
myopathies and their major subgroups. Ann Rheum Dis. 2017 Dec;76(12):1955-1964. doi: \
10.1136/annrheumdis-2017-211468. Epub 2017 Oct 27. PMID: 29079590; PMCID: PMC5736307.

2. Morisset J, Johnson C, Rich E, Collard HR, Lee JS. Management of Myositis-Related Interstitial Lung Disease. \
Chest. 2016 Nov;150(5):1118-1128. doi: 10.1016/j.chest.2016.08.1434. Epub 2016 Aug 24. PMID: 27102184; \
PMCID: PMC6026246.
"""

PUBMED_LEGACY = """\
1: Titulaer MJ, Soffietti R, Dalmau J, Gilhus NE, Giometto B, Graus F, Grisold W, Honnorat J, Sillevis Smitt PA, \
Tanasescu R, Vedeler CA, Voltz R, Verschuuren JJ. Screening for tumours in paraneoplastic syndromes: report of an \
EFNS task force. Eur J Neurol. 2011 Jan;18(1):19-e3. doi: 10.1111/j.1468-1331.2010.03220.x. Review. PubMed PMID: \
20880069; PubMed Central PMCID: PMC3086523.
"""


@pytest.fixture(scope="module")
def vancouver():
    return freetext.loads(VANCOUVER, "list.txt")


def test_vancouver_entries_numbers_and_lines(vancouver):
    assert [ref.list_number for ref in vancouver] == [1, 2, 3, 4, 5, 6]
    assert [(o.line_start, o.line_end) for ref in vancouver for o in ref.provenance] == [
        (3, 3),
        (4, 4),
        (5, 8),
        (9, 9),
        (10, 10),
        (11, 11),
    ]
    assert [(u.line, u.text) for u in vancouver.report.unparsed] == [(1, "References")]
    assert unaccounted_lines(vancouver, VANCOUVER) == []


def test_vancouver_authors(vancouver):
    first, second = vancouver[0], vancouver[1]
    assert first.author[:2] == (Name(family="Aggarwal", given="R"), Name(family="Rider", given="LG"))
    assert len(first.author) == 6 and first.et_al
    group = "American and European Network of Antisynthetase Syndrome Collaborative Group"
    assert second.author[-1] == Name(literal=group)
    assert not second.et_al


def test_vancouver_titles(vancouver):
    assert vancouver[0].title.startswith("2016 American College of Rheumatology/European League")
    assert vancouver[0].title.endswith("in adult dermatomyositis and polymyositis")
    assert vancouver[1].title.endswith("comment on the article by Lundberg et al")
    assert vancouver[2].title == "Management of Myositis-Related Interstitial Lung Disease"
    assert vancouver[3].title.startswith("The wound/burn guidelines – 4: Guidelines")


def test_vancouver_journal_citation(vancouver):
    first, second, third, fourth, fifth, _ = vancouver
    assert (first.container_title_short, first.issued, first.volume, first.issue, first.page) == (
        "Ann Rheum Dis",
        Date(2017, 5),
        "76",
        "5",
        "792-801",
    )
    assert first.container_title == "Annals of the Rheumatic Diseases"
    assert (second.issued, second.volume, second.page) == (Date(2018, 3, 7), None, None)
    assert (third.page, third.page_as_written) == ("1118-1128", "1118-28")
    assert (fourth.page, fourth.page_first) == ("729-757", "729")
    assert (fifth.issue, fifth.supplement, fifth.page) == ("2 Suppl 1", "1", "S57-S107")


def test_identifiers_in_text_even_across_a_line_break(vancouver):
    assert vancouver[0].DOI == "10.1136/annrheumdis-2017-211400"
    assert vancouver[2].DOI == "10.1016/j.chest.2016.08.1434"
    assert vancouver[0].note is None  # the DOI is a field, not a note


def test_chapter_in_a_vancouver_list(vancouver):
    chapter = vancouver[5]
    assert chapter.type == "chapter"
    assert chapter.author == (Name(family="Dalakas", given="MC"),)
    assert chapter.title == "Inflammatory myopathies"
    assert chapter.editor == (Name(family="Engel", given="AG"),)
    assert chapter.container_title == "Myology"
    assert (chapter.publisher_place, chapter.publisher) == ("New York", "McGraw-Hill")
    assert chapter.issued == Date(2004) and chapter.note is None
    assert vancouver.report.warnings == []


def test_ama():
    bib = freetext.loads(AMA, "ama.txt")
    first, second = bib
    assert first.issued == Date(2011) and first.page == "19-e3" and first.DOI == "10.1111/j.1468-1331.2010.03220.x"
    assert first.container_title_short == "Eur J Neurol"
    assert second.author[0] == Name(family="de Souza", given="FHC")
    assert (second.volume, second.issue, second.page, second.number) == ("59", "1", "6", "6")
    assert second.DOI == "10.1186/s42358-019-0048-x"


@pytest.fixture(scope="module")
def apa():
    return freetext.loads(APA, "apa.txt")


def test_apa_entries_are_separated_by_blank_lines(apa):
    assert len(apa) == 4
    assert [(o.line_start, o.line_end) for ref in apa for o in ref.provenance] == [(1, 1), (3, 4), (6, 6), (8, 8)]
    assert unaccounted_lines(apa, APA) == []


def test_apa_authors(apa):
    assert apa[0].author == (
        Name(family="Morisset", given="J."),
        Name(family="Johnson", given="C."),
        Name(family="Rich", given="E."),
        Name(family="Collard", given="H. R."),
        Name(family="Lee", given="J. S."),
    )
    assert apa[1].et_al and apa[1].author[-1] == Name(family="Miller", given="F. W.")
    assert apa[3].author == (Name(literal="World Health Organization"),)


def test_apa_source(apa):
    first, second, third, fourth = apa
    assert (first.title, first.container_title, first.volume, first.issue, first.page) == (
        "Management of myositis-related interstitial lung disease",
        "Chest",
        "150",
        "5",
        "1118-1128",
    )
    assert first.issued == Date(2016) and first.DOI == "10.1016/j.chest.2016.08.1434"
    assert second.container_title == "Annals of the Rheumatic Diseases" and second.page == "792-801"
    assert second.DOI == "10.1136/annrheumdis-2017-211400"
    assert third.issued == Date(2019, 1, 22) and third.number == "6" and third.page is None
    assert fourth.issued == Date(literal="n.d.") and fourth.title == "Myositis fact sheet"
    assert fourth.URL == "https://www.who.int/news-room/fact-sheets/myositis"


def test_pubmed_summary_text():
    bib = freetext.loads(PUBMED_SUMMARY, "pubmed.txt")
    first, second = bib
    assert len(first.author) == 38
    assert first.author[-1].literal.startswith("International Myositis Classification Criteria Project consortium")
    assert first.title.startswith("2017 European League Against Rheumatism")
    assert (first.container_title_short, first.volume, first.page) == ("Ann Rheum Dis", "76", "1955-1964")
    assert (first.DOI, first.PMID, first.PMCID) == ("10.1136/annrheumdis-2017-211468", "29079590", "PMC5736307")
    assert first.note == "Epub 2017 Oct 27."
    assert (second.PMID, second.PMCID, second.issued) == ("27102184", "PMC6026246", Date(2016, 11))
    assert [(o.line_start, o.line_end) for ref in bib for o in ref.provenance] == [(1, 1), (3, 3)]


def test_legacy_pubmed_summary():
    ref = freetext.loads(PUBMED_LEGACY)[0]
    assert ref.list_number == 1 and len(ref.author) == 13
    assert (ref.PMID, ref.PMCID, ref.DOI) == ("20880069", "PMC3086523", "10.1111/j.1468-1331.2010.03220.x")


def test_unnumbered_one_per_line_list_is_split_per_line():
    text = AMA.replace("1. ", "").replace("2. ", "")
    bib = freetext.loads(text, "plain.txt")
    assert [o.line_start for ref in bib for o in ref.provenance] == [1, 2]
    assert all(ref.list_number is None for ref in bib)


def test_title_first_entries_as_pages_print_them():
    text = "[1] Management of Myositis-Related Interstitial Lung Disease. Morisset J, Johnson C. Chest. 2016;150:1.\n"
    ref = freetext.loads(text)[0]
    assert ref.list_number == 1
    assert ref.title == "Management of Myositis-Related Interstitial Lung Disease"
    assert ref.author == (Name(family="Morisset", given="J"), Name(family="Johnson", given="C"))


def test_identifier_only_lines_are_references():
    bib = freetext.loads("10.1002/art.40320\nPMID: 27102184\nhttps://doi.org/10.1136/annrheumdis-2017-211400\n")
    assert [(ref.DOI, ref.PMID) for ref in bib] == [
        ("10.1002/art.40320", None),
        (None, "27102184"),
        ("10.1136/annrheumdis-2017-211400", None),
    ]


def test_prose_is_reported_not_invented():
    text = "These are my notes about myositis.\n\nNothing here is a reference\n"
    bib = freetext.loads(text, "notes.txt")
    assert len(bib) == 0
    assert [u.line for u in bib.report.unparsed] == [1, 3]


def test_read_streams_the_same_as_loads(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(VANCOUVER.encode("utf-8"))
    expected = [ref.to_csl() for ref in freetext.loads(VANCOUVER, "list.txt")]
    assert [ref.to_csl() for ref in freetext.read(path)] == expected


def test_empty_text_is_an_input_error():
    with pytest.raises(InputError):
        freetext.loads("", "e.txt")


def test_epub_erratum_and_published_notes_stay_notes():
    text = (
        "1. Dalakas MC. Inflammatory muscle diseases. N Engl J Med. 2015 Apr 30;372(18):1734-47. doi: "
        "10.1056/NEJMra1402225. Erratum in: N Engl J Med. 2015 Jul 23;373(4):393.\n"
        "2. Lundberg IE, Fujimoto M, Vencovsky J, et al. Idiopathic inflammatory myopathies. Nat Rev Dis Primers. "
        "2021;7(1):86. Published 2021 Dec 2. doi:10.1038/s41572-021-00321-x\n"
    )
    first, second = freetext.loads(text)
    assert (first.issued, first.page, first.DOI) == (Date(2015, 4, 30), "1734-1747", "10.1056/NEJMra1402225")
    assert first.note == "Erratum in: N Engl J Med. 2015 Jul 23;373(4):393."
    assert (second.number, second.note, second.DOI) == ("86", "Published 2021 Dec 2.", "10.1038/s41572-021-00321-x")


def test_web_reference_with_publisher_access_date_and_url():
    text = (
        "8. World Health Organization. Myositis guidance [Internet]. Geneva: WHO; 2020 [cited 2021 Jan 5]. "
        "Available from: https://www.who.int/myositis\n"
    )
    bib = freetext.loads(text, "web.txt")
    ref = bib[0]
    assert (ref.type, ref.author) == ("report", (Name(literal="World Health Organization"),))
    assert (ref.title, ref.publisher_place, ref.publisher) == ("Myositis guidance", "Geneva", "WHO")
    assert (ref.issued, ref.accessed) == (Date(2020), Date(2021, 1, 5))
    assert ref.URL == "https://www.who.int/myositis" and ref.extra["medium"] == "Internet" and ref.note is None
    assert bib.report.warnings == []


def test_work_with_only_a_date_after_its_title():
    ref = freetext.loads("1. Dalakas MC. Notes on myositis. 2004. Handed out at a meeting.\n")[0]
    assert (ref.author, ref.title) == ((Name(family="Dalakas", given="MC"),), "Notes on myositis")
    assert (ref.issued, ref.type, ref.note) == (Date(2004), "document", "Handed out at a meeting.")


def test_entry_with_no_source_is_kept_with_a_warning():
    bib = freetext.loads("Dalakas, M. C. (2004). Notes on myositis.\n", "notes.txt")
    ref = bib[0]
    assert (ref.author, ref.title) == ((Name(family="Dalakas", given="M. C."),), "Notes on myositis")
    assert ref.issued == Date(2004)
    assert bib.report.warnings == [
        "notes.txt:1: no journal, book or other source recognised; title and note kept as read"
    ]


# -- layouts of real lists (issue 11) ------------------------------------------------------------

GENEREVIEWS = """\
Literature Cited
Bird TD. Alzheimer Disease Overview. 1998 Oct 23 [updated 2018 Dec 20]. In: Adam MP, Bick S, editors. GeneReviews® \
[Internet]. Seattle (WA): University of Washington, Seattle; 1993-2026. Available from: https://www.ncbi.nlm.nih.gov/books/NBK1161/
Chen RT, DeStefano F. Vaccine adverse events: causal or coincidental? Lancet. 1998;351:611-2. [PubMed: 9500313]
MacFarland SP, Zelley K. Earlier colorectal cancer screening. Gastroenterology. 2019a;156:273–4. [PubMed: 30243621]
Li FP, Fraumeni JF Jr. Soft-tissue sarcomas, breast cancer, and other neoplasms. A familial syndrome? Ann Intern Med. \
1969;71:747-52. [PubMed: 5360287]
"""


def test_heading_then_unnumbered_entries_one_per_line():
    bib = freetext.loads(GENEREVIEWS, "lit.txt")
    assert [(o.line_start, o.line_end) for ref in bib for o in ref.provenance] == [(2, 2), (3, 3), (4, 4), (5, 5)]
    assert [(u.line, u.reason) for u in bib.report.unparsed] == [(1, "a heading")]
    assert [ref.type for ref in bib] == ["chapter", "article-journal", "article-journal", "article-journal"]
    assert bib[2].issued == Date(2019) and bib[2].extra["year-suffix"] == "a"
    assert bib[3].title == "Soft-tissue sarcomas, breast cancer, and other neoplasms. A familial syndrome?"
    assert unaccounted_lines(bib, GENEREVIEWS) == []


@pytest.mark.parametrize("heading", ["References", "REFERÊNCIAS", "Bibliografía", "Literaturverzeichnis:"])
def test_headings_in_any_language_are_reported_not_glued(heading):
    bib = freetext.loads(f"{heading}\n1. Smith J. A title. Lancet. 2020;1:2.\n", "h.txt")
    assert len(bib) == 1 and [(u.line, u.reason) for u in bib.report.unparsed] == [(1, "a heading")]


def test_an_entry_not_understood_does_not_swallow_the_next_ones():
    text = (
        "Smith J. A title. Lancet. 2020;1:2.\n"
        "Jones K. Notes on something handed out at a meeting\n"
        "Brown L. Another title. BMJ. 2021;3:4.\n"
        "10.1136/bmj.n71\n"
    )
    bib = freetext.loads(text, "u.txt")
    assert [(o.line_start, o.line_end) for ref in bib for o in ref.provenance] == [(1, 1), (3, 4)]
    assert [(u.line, u.reason) for u in bib.report.unparsed] == [(2, "not a recognisable reference")]
    assert bib[1].DOI == "10.1136/bmj.n71"  # a DOI on the line after an entry is that entry's


BARE = """\
1 Bahrami S, Rubulotta F. Translation tools in intensive care. Int J Environ Res Public Health 2025;22:95.
2 Vohra K, Vodonos A, et al. Global mortality from outdoor fine particle pollution. Environ Res 2021;195:110754.
3 Topol EJ. Deep medicine: how artificial intelligence can make healthcare human again. New York: Basic Books, 2019.
"""


def test_bare_numbers_that_count_up_are_list_numbers():
    bib = freetext.loads(BARE, "bmj.txt")
    assert [(ref.list_number, ref.type) for ref in bib] == [(1, "article-journal"), (2, "article-journal"), (3, "book")]
    assert bib[0].author[0] == Name(family="Bahrami", given="S") and bib[2].publisher_place == "New York"


def test_a_wrapped_line_starting_with_a_number_is_no_list_number():
    text = "1. Kiely M, Boulianne N. Impact of vaccine delays at the 2, 4, 6 and\n12 month visits. Vaccine. 2018;36:1."
    bib = freetext.loads(text)
    assert len(bib) == 1 and bib[0].title == "Impact of vaccine delays at the 2, 4, 6 and 12 month visits"


def test_numbers_without_a_space_before_dotted_authors():
    text = "References\n1.Poostchi M., Silamut K. Image analysis. Transl. Res. 2018;194:36–55.\n" \
           "2.Bahrami S. Tools. Int. " \
           "J. Environ. Res. Public Health. 2025;22:95.\n"  # fmt: skip
    bib = freetext.loads(text)
    assert [(ref.list_number, ref.author[0]) for ref in bib] == [
        (1, Name(family="Poostchi", given="M.")),
        (2, Name(family="Bahrami", given="S")),
    ]


def test_a_list_number_may_skip_one_entry_left_out():
    text = "References\n1.Smith J. A title. Lancet. 2020;1:2.\n2.Jones K. Another. BMJ. 2021;3:4.\n" \
           "4.Brown L. A third study. BMJ. 2019;5:6.\n"  # fmt: skip
    bib = freetext.loads(text)
    assert [(ref.list_number, ref.author[0].family, ref.container_title) for ref in bib] == [
        (1, "Smith", "The Lancet"),
        (2, "Jones", "BMJ"),
        (4, "Brown", "BMJ"),
    ]


@pytest.mark.parametrize("heading", ["GLOSSARY REFERENCES", "Annex references", "Weitere Literatur"])
def test_a_heading_word_after_a_few_words_is_a_heading(heading):
    text = f"1. Smith J. A title. Lancet. 2020;1:2.\n{heading}\n1. Jones K. Another. BMJ. 2021;3:4.\n"
    bib = freetext.loads(text, "h.txt")
    assert [(o.line_start, o.line_end) for ref in bib for o in ref.provenance] == [(1, 1), (3, 3)]
    assert [(u.line, u.reason) for u in bib.report.unparsed] == [(2, "a heading")]


def test_a_caption_line_before_one_per_line_entries_is_no_part_of_them():
    text = (
        "Enlaces nacionales de utilidad sobre la vigilancia de IRA\n"
        "Ministerio de Salud (AR). Guía operativa [Internet]. Buenos Aires: Ministerio de Salud; 2023. "
        "Disponible en: https://example.org/a.pdf\n"
        "Organización Mundial de la Salud (OMS). Directrices [Internet]. Ginebra: OMS; 2024. "
        "Disponible en: https://example.org/b\n"
    )
    bib = freetext.loads(text, "c.txt")
    assert [(o.line_start, o.line_end) for ref in bib for o in ref.provenance] == [(2, 2), (3, 3)]
    assert [u.line for u in bib.report.unparsed] == [1]
    assert bib[0].author == (Name(literal="Ministerio de Salud (AR)"),)


def test_a_wrapped_title_line_is_no_caption():
    text = "World Health Organization guidelines on the management of dengue in\nchildren. Geneva: WHO; 2020.\n"
    bib = freetext.loads(text)
    assert len(bib) == 1 and bib[0].publisher_place == "Geneva"


def test_pmcs_closing_line_is_no_part_of_the_last_entry():
    text = (
        "References\n1.Smith J. A title. Lancet. 2020;1:2.\n"
        "2.Mücke HG. Heat extremes. Int J Environ Res Public Health. "
        "2020;17 doi: 10.3390/ijerph17217862.\nArticles from Deutsches Ärzteblatt International are provided here "
        "courtesy of Deutscher Arzte-Verlag GmbH\n"
    )
    bib = freetext.loads(text)
    assert len(bib) == 2 and bib[1].title == "Heat extremes" and bib[1].volume == "17"
    assert [u.line for u in bib.report.unparsed] == [1, 4]


def test_a_numbered_entry_with_authors_and_a_garbled_source_is_still_a_record():
    text = (
        "References\n1.Smith J. A title. Lancet. 2020;1:2.\n2.Kaiser T, Kind C. Klimawandel, Hitze und Gesundheit. "
        "UMID - Umwelt + Mensch Informationsdienst, Heft eins.\n"
    )
    bib = freetext.loads(text)
    assert [ref.list_number for ref in bib] == [1, 2] and [u.line for u in bib.report.unparsed] == [1]  # the heading
    assert bib[1].author == (Name("Kaiser", "T"), Name("Kind", "C"))
    assert "UMID" in (bib[1].title or "") + (bib[1].note or "")


COCHRANE = "\n".join(
    [
        "References to studies included in this review",
        "Smith 2019 {published data only}",
        "Smith AB, Jones C, et al. Steroids for pneumonia. Lancet Respiratory Medicine 2019;7(3):201-9."
        " [DOI: 10.1016/x.2019.1]",
        "NCT01234567. Steroids in community-acquired pneumonia (STEP). clinicaltrials.gov/ct2/show/NCT01234567"
        " (first received 2 March 2017).",
        "ISRCTN12345678. Steroids in community-acquired pneumonia (STEP). www.isrctn.com/ISRCTN12345678"
        " (first received 5 April 2017).",
        "Additional references",
        "GRADEpro GDT 2021 [Computer program]",
        "GRADEpro GDT. Hamilton (ON): McMaster University, 2021. Available at gradepro.org.",
        "Lee 2020",
        "Lee D, Park E, et al. Antibiotics for pneumonia. Cochrane Database of Systematic Reviews 2020, Issue 4."
        " Art. No: CD012345. [DOI: 10.1002/14651858.CD012345]",
        "Kim 2018",
        "Kim F, Cho G, editor(s). Handbook of pneumonia trials version 2.0 (updated May 2018). Cochrane, 2018."
        " Available from www.example.org/handbook.",
    ]
)


def test_cochrane_study_identifiers_are_no_entries_and_registry_records_are_web_pages():
    bib = freetext.loads(COCHRANE, "review.txt")
    refs = list(bib)
    assert len(refs) == 6
    assert [r.provenance[0].line_start for r in refs] == [3, 4, 5, 8, 10, 12]
    registry = refs[1]
    assert (registry.type, registry.number, registry.URL) == (
        "webpage",
        "NCT01234567",
        "clinicaltrials.gov/ct2/show/NCT01234567",
    )
    assert registry.title == "Steroids in community-acquired pneumonia (STEP)" and registry.issued == Date(2017, 3, 2)
    assert not registry.author
    assert refs[2].number == "ISRCTN12345678" and refs[2].issued == Date(2017, 4, 5)
    assert refs[0].DOI == "10.1016/x.2019.1" and "Lancet Respiratory Medicine" in (
        refs[0].container_title,
        refs[0].container_title_short,
    )


def test_cochrane_software_reviews_and_edited_handbooks():
    refs = list(freetext.loads(COCHRANE, "review.txt"))
    program = refs[3]  # `[Computer program]` on its study identifier
    assert (program.type, program.title, program.author) == ("software", "GRADEpro GDT", ())
    assert (program.publisher, program.issued, program.URL) == ("McMaster University", Date(2021), "gradepro.org")
    review = refs[4]
    assert (review.type, review.issue, review.page, review.issued) == ("article-journal", "4", "CD012345", Date(2020))
    assert "Cochrane Database of Systematic Reviews" in (review.container_title, review.container_title_short)
    handbook = refs[5]
    assert handbook.type == "book" and handbook.editor == (Name(family="Kim", given="F"), Name(family="Cho", given="G"))
    assert (handbook.publisher, handbook.issued, handbook.URL) == ("Cochrane", Date(2018), "www.example.org/handbook")


@pytest.mark.parametrize(
    ("entry", "fields"),
    [
        ("Orphanet. Gaucher disease. ORPHA:355. Available at: https://www.orpha.net/en/disease/detail/355"
         " Accessed March 12, 2024.", {"number": "355", "title": "Gaucher disease", "type": "webpage"}),
        ("Online Mendelian Inheritance in Man (OMIM). Gaucher Disease, Type I; GD1. Entry No: 230800. Available at:"
         " https://omim.org/entry/230800 Accessed March 12, 2024.",
         {"number": "230800", "title": "Gaucher Disease, Type I; GD1"}),
        ("US Food and Drug Administration. FDA approves first treatment for a rare disease. Press release. May 3, 2021."
         " Available at: https://www.fda.gov/news-events/x Accessed March 12, 2024.",
         {"genre": "Press release", "issued": Date(2021, 5, 3),
          "title": "FDA approves first treatment for a rare disease"}),
    ],
)  # fmt: skip
def test_record_numbers_and_press_releases_on_rare_disease_pages(entry, fields):
    values = freetext.parse_entry(entry)
    assert values is not None
    assert values["accessed"] == Date(2024, 3, 12)
    for name, value in fields.items():
        assert values[name] == value
