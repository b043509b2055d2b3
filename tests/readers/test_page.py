"""The disease-information page reader, checked against every entry of the seed page."""

from __future__ import annotations

import pytest

import myobib
from myobib import Date, InputError, Name
from myobib.model import assign_keys
from myobib.readers.page import parse_text

# (list number, title start, first author, author count, et al., journal as written, date, volume, issue, page)
SEED = [
    (1, "2016 American College of Rheumatology/European League", ("Aggarwal", "R"), 6, True,
     "Ann Rheum Dis", (2017, 5, None), "76", "5", "792-801"),
    (2, "Consensus-based recommendations for the management of juvenile", ("Enders", "FB"), 6, True,
     "Ann Rheum Dis", (2017, 2, None), "76", "2", "329-340"),
    (3, "Guidelines on the Use of Intravenous Immune Globulin", ("Feasby", "T"), 6, True,
     "Transfus Med Rev", (2007, 4, None), "21", "2 Suppl 1", "S57-S107"),
    (4, "Consideration of antisynthetase syndrome features", ("Castañeda", "S"), 4, False,
     "Arthritis Rheumatol", (2018, 3, 7), None, None, None),
    (5, "Development of a consensus core dataset", ("McCann", "LJ"), 6, True,
     "Ann Rheum Dis", (2018, 2, None), "77", "2", "241-250"),
    (6, "2017 European League Against Rheumatism/American College", ("Lundberg", "IE"), 6, True,
     "Arthritis Rheumatol", (2017, 12, None), "69", "12", "2271-2282"),
    (7, "Management of Myositis-Related Interstitial Lung Disease", ("Morisset", "J"), 5, False,
     "Chest", (2016, 11, None), "150", "5", "1118-1128"),
    (8, "The wound/burn guidelines – 4: Guidelines for the management", ("Fujimoto", "M"), 6, True,
     "J Dermatol", (2016, 7, None), "43", "7", "729-757"),
    (9, "British Society for Rheumatology guideline on management", ("Oldroyd", "AGS"), 35, False,
     "Rheumatology (Oxford)", (2022, 5, 5), "61", "5", "1760-1768"),
    (10, "A systematic review and meta-analysis to inform cancer screening", ("Oldroyd", "AGS"), 19, False,
     "Rheumatology (Oxford)", (2021, 6, 18), "60", "6", "2615-2628"),
    (11, "Recommendations for the treatment of anti-melanoma", ("Romero-Bueno", "F"), 15, False,
     "Semin Arthritis Rheum", (2020, 8, None), "50", "4", "776-790"),
    (12, "239th ENMC International Workshop: Classification of dermatomyositis", ("Mammen", "AL"), 5, False,
     "Neuromuscul Disord", (2020, 1, None), "30", "1", "70-92"),
    (13, "Korean Guidelines for Diagnosis and Management", ("Koo", "SM"), 5, False,
     "Tuberc Respir Dis (Seoul)", (2019, 10, None), "82", "4", "285-297"),
    (14, "French expert opinion for the management of juvenile", ("Bader-Meunier", "B"), 16, False,
     "Arch Pediatr", (2019, 2, None), "26", "2", "120-125"),
    (15, "Guidelines of the Brazilian Society of Rheumatology", ("de Souza", "FHC"), 9, False,
     "Adv Rheumatol", (2019, 1, 22), "59", "1", "6"),
    (16, "224th ENMC International Workshop: Clinico-sero-pathological", ("Allenbach", "Y"), 5, False,
     "Neuromuscul Disord", (2018, 1, None), "28", "1", "87-99"),
    (17, "Screening for tumours in paraneoplastic syndromes", ("Titulaer", "MJ"), 6, True,
     "Eur J Neurol", (2011, 1, None), "18", "1", "19-e3"),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed(seed_path):
    return myobib.load(seed_path)


def test_seed_gives_exactly_17_references_in_list_order(seed):
    assert len(seed) == 17
    assert [ref.list_number for ref in seed] == list(range(1, 18))


@pytest.mark.parametrize("row", SEED, ids=[f"ref{row[0]}" for row in SEED])
def test_each_seed_field_as_printed(seed, row):
    number, title, (family, given), count, et_al, journal, date, volume, issue, page = row
    ref = seed[number - 1]
    assert ref.title.startswith(title)
    assert ref.author[0] == Name(family=family, given=given)
    assert len(ref.author) == count
    assert ref.et_al is et_al
    assert ref.container_title_short == journal
    assert ref.issued == Date(*date)
    assert (ref.volume, ref.issue, ref.page) == (volume, issue, page)
    assert ref.type == "article-journal"


def test_all_17_repeats_merged_into_their_numbered_entries(seed):
    assert len(seed.report.merges) == 17
    for ref in seed:
        assert len(ref.provenance) == 2
        numbered, repeat = ref.provenance
        assert numbered.list_number == ref.list_number and repeat.list_number is None
        # The repeat's text is the numbered entry's authors and journal lines, verbatim.
        assert numbered.text.split("\n")[1:] == repeat.text.split("\n")
    assert {m.kept for m in seed.report.merges} == set(seed.keys())


def test_group_author_before_title_is_split_off(seed):
    ref = seed[8]
    assert ref.title == (
        "British Society for Rheumatology guideline on management of paediatric, adolescent and adult "
        "patients with idiopathic inflammatory myopathy"
    )
    assert Name(literal="British Society for Rheumatology Standards, Audit and Guidelines Working Group") in ref.author
    assert ref.author[33] == Name(family="Chinoy", given="H")
    assert ref.provenance[0].text.startswith("9. British Society for Rheumatology Standards")


@pytest.mark.parametrize(
    ("number", "group"),
    [
        (4, "American and European Network of Antisynthetase Syndrome Collaborative Group"),
        (11, "MEDRA5 (Spanish MDA5 Register) group"),
        (12, "ENMC 239th Workshop Study Group"),
        (13, "Korean Interstitial Lung Diseases Study Group"),
        (14, "French Network of rare autoimmune, autoinflammatory diseases FAI2R"),
        (16, "Immune-Mediated Necrotizing Myopathies Working Group"),
    ],
)
def test_group_authors_after_semicolon(seed, number, group):
    ref = seed[number - 1]
    assert ref.author[-1] == Name(literal=group)
    assert all(not name.is_group for name in ref.author[:-1])


def test_long_author_list_without_et_al(seed):
    ref = seed[8]
    persons = [name for name in ref.author if not name.is_group]
    assert len(persons) == 34 and not ref.et_al
    assert persons[-1] == Name(family="Chinoy", given="H")


def test_ahead_of_print_entry_has_no_volume_or_pages(seed):
    ref = seed[3]
    assert ref.issued == Date(2018, 3, 7)
    assert ref.volume is ref.issue is ref.page is None
    assert ref.title.endswith("comment on the article by Lundberg et al.")


def test_erratum_is_kept_as_note_not_pages(seed):
    ref = seed[9]
    assert ref.page == "2615-2628"
    assert ref.note == "Erratum in: Rheumatology (Oxford). 2021 Nov 3;60(11):5483."


def test_supplement_issue_and_letter_prefixed_pages(seed):
    ref = seed[2]
    assert ref.issue == "2 Suppl 1" and ref.supplement == "1"
    assert ref.page == "S57-S107" and ref.page_first == "S57" and ref.page_as_written == "S57-107"


def test_article_number(seed):
    ref = seed[14]
    assert ref.number == "6" and ref.page == "6" and ref.page_as_written is None


def test_e_pages_are_not_expanded(seed):
    ref = seed[16]
    assert ref.page == "19-e3" and ref.page_first == "19" and ref.page_as_written is None


def test_abbreviated_page_range_expanded_and_original_kept(seed):
    ref = seed[7]
    assert ref.page == "729-757" and ref.page_as_written == "729-57"


def test_journal_with_city_qualifier_and_full_name(seed):
    assert seed[8].container_title_short == "Rheumatology (Oxford)"
    assert seed[8].container_title == "Rheumatology"
    assert seed[0].container_title == "Annals of the Rheumatic Diseases"


def test_non_ascii_names_and_en_dash(seed):
    assert seed[5].author[1] == Name(family="Tjärnlund", given="A")
    assert seed[3].author[0].family == "Castañeda"
    assert Name(family="Simões", given="RS") in seed[14].author
    assert Name(family="Selva-O’Callaghan", given="A") in seed[9].author
    assert "–" in seed[7].title


def test_header_is_read(seed):
    assert seed.header["disease"] == "Idiopathic Inflammatory Myopathies"
    assert seed.header["title"] == "Idiopathic Inflammatory Myopathies (IIMs)"
    description = seed.header["description"]
    assert len(description) == 5
    assert "patientsí quality of life" in description[4]  # the page's mojibake, left as is


def test_every_line_of_the_list_is_accounted_for(seed_path):
    """Nothing lost: each non-blank list line is in a reference occurrence or reported unparsed."""
    text = seed_path.read_text(encoding="utf-8")
    _assert_accounted(text, myobib.parse_text(text, "seed").dedupe())


def _assert_accounted(text, bib):
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    expected = {i + 1 for i in range(start, len(lines)) if lines[i].strip()}
    covered = {n for ref in bib for occ in ref.provenance for n in range(occ.line_start, occ.line_end + 1)}
    unparsed = {u.line for u in bib.report.unparsed}
    assert expected == covered | unparsed
    assert not covered & unparsed


def test_nothing_lost_on_a_mutilated_copy(seed_path):
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    lines[17] = "Ann Rheum Dis 2017 May 76(5) 792"  # journal line of ref 3's neighbour, broken
    lines[19] = "%%% garbage %%%"
    lines.insert(30, "Lorem ipsum dolor sit amet")
    del lines[47]  # a repeat's journal line
    text = "\n".join(lines)
    bib = myobib.parse_text(text, "mutilated").dedupe()
    _assert_accounted(text, bib)
    reasons = {u.text: u.reason for u in bib.report.unparsed}
    assert "%%% garbage %%%" in reasons and "Lorem ipsum dolor sit amet" in reasons
    assert len([ref for ref in bib if ref.list_number]) == 17


def test_crlf_bom_and_cp1252_input(tmp_path, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    plain, windows = myobib.load(seed_path), myobib.load(crlf)
    assert [r.replace(provenance=()) for r in windows] == [r.replace(provenance=()) for r in plain]
    assert [o.text for r in windows for o in r.provenance] == [o.text for r in plain for o in r.provenance]
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.replace("’", "'").encode("cp1252", errors="strict"))
    bib = myobib.load(legacy)
    assert len(bib) == 17
    assert bib[5].author[1] == Name(family="Tjärnlund", given="A")
    assert any("decoded as cp1252" in w and "legacy.txt:" in w for w in bib.report.warnings)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no text"),
        ("Disease Info\nJust a page without references.\n", "no numbered reference list"),
    ],
)
def test_unreadable_input_is_one_line_error(text, message):
    with pytest.raises(InputError) as error:
        parse_text(text, "page.txt")
    assert message in str(error.value) and str(error.value).startswith("page.txt")
    assert "\n" not in str(error.value)


def test_numbered_entry_split_from_following_repeat_without_title():
    text = "1. A title\nSmith J, Jones K.\nBMJ. 2020;1:2.\nSmith J, Jones K.\nBMJ. 2020;1:2.\n"
    bib = parse_text(text, "x.txt")
    assert len(bib) == 2 and bib[0].title == "A title" and bib[1].title is None
    assert len(bib.dedupe()) == 1


def test_a_repeat_read_once_is_its_own_reference():
    # A repeat's authors line is read once (`_group_entries` keeps what it gave); each occurrence still
    # gets the same fields as a fresh reading, and nothing mutable is shared between them.
    entry = "Smith J, Jones K.\nNat Med. 2019 Mar;25(3):1-10. Epub 2019 Jan 2. In press.\n"
    bib = parse_text(f"1. A title\n{entry}2. Another\nRoe A.\nBMJ. 2020;1:2.\n{entry}", "x.txt")
    alone = parse_text(f"1. A title\n{entry}", "y.txt")[0]
    first, repeat = bib[0], bib[2]
    for ref in (first, repeat):
        assert ref.author == alone.author and ref.extra == alone.extra and ref.issued == alone.issued
        assert (ref.volume, ref.issue, ref.page, ref.note) == (alone.volume, alone.issue, alone.page, alone.note)
    assert first.extra and first.extra is not repeat.extra
    assert first.provenance[0].line_start == 1 and repeat.provenance[0].line_start == 7


def test_six_digit_list_numbers():
    text = "1. First\nSmith J.\nBMJ. 2020;1:2.\n123456. Last title\nJones K.\nBMJ. 2021;3:4.\n"
    bib = parse_text(text, "big.txt")
    assert [ref.list_number for ref in bib] == [1, 123456] and not bib.report.unparsed


def test_keys_set_in_place_are_those_assign_keys_gives_copies(seed_path):
    bib = parse_text(seed_path.read_text(encoding="utf-8"), "seed.txt")
    unkeyed = [ref.replace(id="") for ref in bib.references * 2]  # every base key taken twice
    copies = assign_keys(unkeyed)
    assert [ref.id for ref in unkeyed] == [""] * 68
    assert [ref.id for ref in copies] == bib.keys() + [f"{key}a" for key in bib.keys()]
    keyed = assign_keys(unkeyed, in_place=True)
    assert all(new is old for new, old in zip(keyed, unkeyed, strict=True))
    assert [ref.id for ref in unkeyed] == [ref.id for ref in copies]


def test_lines_left_out_while_grouping_are_reported_before_those_left_out_while_building():
    text = (
        "1. First title\nSmith J, Jones K.\nLonely AB, Person CD.\n2. Second title\nSmith J.\nBMJ. 2020;1:2.\n"
        "??? stray line ???\nAnother AB.\n3. Third\nDoe J.\nBMJ. 2021;2:3.\n!!! another stray\nLast AB.\n"
    )
    bib = parse_text(text, "x.txt")
    assert [(u.line, u.reason.split()[0]) for u in bib.report.unparsed] == [
        (7, "neither"),
        (12, "neither"),
        (3, "authors"),
        (8, "authors"),
        (13, "authors"),
    ]
    assert bib.report.warnings == ["x.txt:1: reference #1 has no journal line"]
    assert [ref.title for ref in bib] == ["First title", "Second title", "Third"]


def test_list_numbers_in_any_decimal_digits():
    text = "1. First\nSmith J.\nBMJ. 2020;1:2.\n٢. Second\nJones K.\nBMJ. 2021;3:4.\n"
    bib = parse_text(text, "x.txt")
    assert [(ref.list_number, ref.title) for ref in bib] == [(1, "First"), (2, "Second")]


# -- works that are not journal articles, organisations, notices (issue 11) ----------------------

KINDS_PAGE = """\
Disease Info
Disease:Myositis
Myositis reading

1. The State of the World’s Children 2023: For every child, vaccination
United Nations Children’s Fund (UNICEF).
Florence: UNICEF; 2023.
2. Needle electromyography
Dumitru D.
In: Dumitru D, Amato AA, Zwarts MJ, editors. Electrodiagnostic medicine. 2nd ed. Philadelphia: Hanley & Belfus; \
2002. p. 257-91.
3. Electrodiagnostic medicine
Dumitru D, Amato AA, Zwarts MJ, editors.
2nd ed. Philadelphia: Hanley & Belfus; 2002.
4. SI-PNI (Sistema de Informações do Programa Nacional de Imunizações) [Internet]
Brasil. Ministério da Saúde.
c2023 [acesso em 6 out. 2023]. Disponível em: http://tabnet.datasus.gov.br/cgi/dhdat.exe?bd_pni/cpnibr.def
5. Immunization Agenda 2030: A global strategy to leave no one behind [Internet]
World Health Organization.
[cited 2023 Nov 3]. Available from: https://cdn.who.int/ia2030.pdf?download=true
6. Department of Error
[No authors listed]
Lancet. 2025 Dec;404(10471):2542. doi: 10.1016/s0140-6736(24)02716-8. PMID: 39709208; PMCID: PMC12124214.
7. [Inflammatory myopathies. Dermatomyositis, polymyositis, and inclusion body myositis]
Selva O'Callaghan A, Trallero Araguás E.
Reumatol Clin. 2008;4(5):197-206. doi: 10.1016/S1699-258X(08)72464-1. [Article in Spanish]
8. The Brazilian National Immunization Program
Domingues CMAS, Maranhão AGK.
Cad Saude Publica. 2020;Suppl 2(Suppl 2):e00222919.
World Health Organization.
[cited 2023 Nov 3]. Available from: https://cdn.who.int/ia2030.pdf?download=true
[No authors listed]
Lancet. 2025 Dec;404(10471):2542.
Dumitru D, Amato AA, Zwarts MJ, editors.
2nd ed. Philadelphia: Hanley & Belfus; 2002.
Domingues CMAS, Maranhão AGK.
Cad Saude Publica. 2020;Suppl 2(Suppl 2):e00222919.
"""


@pytest.fixture(scope="module")
def kinds_page():
    return parse_text(KINDS_PAGE, "kinds.txt")


def test_page_entries_of_every_kind(kinds_page):
    from tests.linecheck import unaccounted_lines

    assert [ref.type for ref in kinds_page][:8] == [
        "report", "chapter", "book", "dataset", "report", "article-journal", "article-journal", "article-journal",
    ]  # fmt: skip
    assert unaccounted_lines(kinds_page, KINDS_PAGE) == [1, 2, 3]  # the page's header
    assert kinds_page.report.unparsed == [] and kinds_page.header["disease"] == "Myositis"
    assert kinds_page.report.warnings == []


def test_page_report_and_organisation_authors(kinds_page):
    report, _, _, dataset, web = list(kinds_page)[:5]
    assert report.author == (Name(literal="United Nations Children’s Fund (UNICEF)"),)
    assert (report.publisher_place, report.publisher, report.issued) == ("Florence", "UNICEF", Date(2023))
    assert dataset.author == (Name(literal="Brasil. Ministério da Saúde"),)
    assert dataset.title == "SI-PNI (Sistema de Informações do Programa Nacional de Imunizações)"
    assert (dataset.issued, dataset.accessed, dataset.extra["medium"]) == (Date(2023), Date(2023, 10, 6), "Internet")
    assert (web.issued, web.accessed, web.URL) == (None, Date(2023, 11, 3), "https://cdn.who.int/ia2030.pdf?download=true")


def test_page_chapter_and_edited_book(kinds_page):
    chapter, book = kinds_page[1], kinds_page[2]
    assert chapter.author == (Name("Dumitru", "D"),)
    assert [editor.family for editor in chapter.editor] == ["Dumitru", "Amato", "Zwarts"]
    assert (chapter.container_title, chapter.edition, chapter.page) == ("Electrodiagnostic medicine", "2nd", "257-291")
    assert (book.author, len(book.editor), book.title, book.edition) == ((), 3, "Electrodiagnostic medicine", "2nd")


def test_page_anonymous_notice_and_translated_title(kinds_page):
    erratum, translated = kinds_page[5], kinds_page[6]
    assert (erratum.title, erratum.author, erratum.notice) == ("Department of Error", (), "erratum")
    assert (erratum.DOI, erratum.PMID, erratum.PMCID, erratum.note) == (
        "10.1016/s0140-6736(24)02716-8", "39709208", "PMC12124214", None,
    )
    assert translated.title == "Inflammatory myopathies. Dermatomyositis, polymyositis, and inclusion body myositis"
    assert (translated.language, translated.DOI) == ("Spanish", "10.1016/S1699-258X(08)72464-1")


def test_page_repeats_of_every_kind_merge(kinds_page):
    merged = myobib.dedupe(kinds_page)
    assert len(merged) == 8
    assert [len(ref.provenance) for ref in merged] == [1, 1, 2, 1, 2, 2, 1, 2]


def test_page_meeting_abstract_in_a_journal_supplement_on_its_source_line():
    page = parse_text(
        "Disease Info\nDisease:Lupus\nLupus reading\n\n"
        "1. Moving lupus epidemiology forward: returning to the basics [resumen]\nSimard JF.\n"
        "En: Lupus 2014: New Targets, New Approaches; 18-20 sep 2014; Quebec City, Canadá. Arthritis Res Ther. "
        "2014;16(Suppl 1):A1.\n",
        "lupus.txt",
    )
    (ref,) = list(page)
    assert (ref.type, ref.genre, ref.container_title_short) == ("paper-conference", "resumen", "Arthritis Res Ther")
    assert (ref.event_title, ref.event_place) == ("Lupus 2014: New Targets, New Approaches", "Quebec City, Canadá")
    assert (ref.volume, ref.page) == ("16", "A1")


def test_page_web_page_with_a_place_and_publisher_and_no_date():
    page = parse_text(
        "Disease Info\nDisease:Lupus\nLupus reading\n\n1. Lupus [Internet]\nMedlinePlus en español.\n"
        "Bethesda (MD): Biblioteca Nacional de Medicina (EE. UU.); [actualizado 2 ago 2023; citado 12 mar 2024]. "
        "Disponible en: https://medlineplus.gov/spanish/lupus.html\n",
        "lupus.txt",
    )
    (ref,) = list(page)
    assert (ref.type, ref.title, ref.author) == ("webpage", "Lupus", (Name(literal="MedlinePlus en español"),))
    assert (ref.publisher_place, ref.publisher) == ("Bethesda (MD)", "Biblioteca Nacional de Medicina (EE. UU.)")
    assert ref.accessed == Date(2024, 3, 12) and ref.URL == "https://medlineplus.gov/spanish/lupus.html"


def test_page_agency_communication_with_its_genre_before_internet_and_repeats_after_it():
    page = parse_text(
        "Disease Info\nDisease:Gout\nGout reading\n\n"
        "1. Cardiovascular safety of febuxostat or allopurinol in patients with gout\n"
        "White WB, Saag KG, Becker MA.\nN Engl J Med. 2018 Mar 29;378(13):1200-1210.\n"
        "2. FDA adds Boxed Warning for increased risk of death with gout medicine Uloric (febuxostat)\n"
        "US Food and Drug Administration.\n"
        "Drug Safety Communication [Internet]. Silver Spring (MD): FDA; 2019 Feb 21 [cited 2024 Mar 12]. "
        "Available from: https://www.fda.gov/drugs/uloric\n"
        "White WB, Saag KG, Becker MA.\nN Engl J Med. 2018 Mar 29;378(13):1200-1210.\n",
        "gout.txt",
    )
    white, fda, repeat = list(page)
    assert (fda.type, fda.genre) == ("webpage", "Drug Safety Communication")
    assert fda.author == (Name(literal="US Food and Drug Administration"),)
    assert fda.title == "FDA adds Boxed Warning for increased risk of death with gout medicine Uloric (febuxostat)"
    assert (fda.publisher_place, fda.publisher, fda.issued) == ("Silver Spring (MD)", "FDA", Date(2019, 2, 21))
    assert fda.accessed == Date(2024, 3, 12) and fda.URL == "https://www.fda.gov/drugs/uloric"
    assert repeat.author == white.author and repeat.container_title_short == "N Engl J Med"


def test_page_guideline_in_ncbi_bookshelf_series_form():
    page = parse_text(
        "Disease Info\nDisease:Gout\nGout reading\n\n1. Gout: diagnosis and management\n"
        "National Institute for Health and Care Excellence.\nLondon: NICE; 2022 Jun 9. (NICE guideline, No. NG219.)\n",
        "gout.txt",
    )
    (ref,) = list(page)
    assert (ref.type, ref.collection_title, ref.number) == ("report", "NICE guideline", "NG219")
    assert (ref.publisher_place, ref.publisher, ref.issued) == ("London", "NICE", Date(2022, 6, 9))


def test_page_undated_web_page_of_an_agency_in_a_town_with_its_state():
    page = parse_text(
        "Disease Info\nDisease:SMA\nSMA reading\n\n1. Recommended Uniform Screening Panel [Internet]\n"
        "Health Resources and Services Administration, Advisory Committee on Heritable Disorders.\n"
        "Rockville (MD): HRSA; [cited 2024 Apr 8]. Available from: https://www.hrsa.gov/rusp\n",
        "sma.txt",
    )
    (ref,) = list(page)
    assert (ref.type, ref.title) == ("webpage", "Recommended Uniform Screening Panel")
    assert ref.author == (
        Name(literal="Health Resources and Services Administration, Advisory Committee on Heritable Disorders"),
    )
    assert (ref.publisher_place, ref.publisher, ref.issued) == ("Rockville (MD)", "HRSA", None)
    assert ref.accessed == Date(2024, 4, 8) and ref.URL == "https://www.hrsa.gov/rusp"
