"""One NLM / Vancouver, AMA, BMJ or MDPI entry of each kind of work, field by field (`citation.parse_citation`).

The entries are Citing Medicine's examples and their AMA, BMJ and PMC/MDPI renderings, and the
forms issue 11 found in published lists.
"""

from __future__ import annotations

import pytest

from myobib import Date, Name
from myobib.readers.citation import parse_citation


def parse(text: str) -> dict:
    values = parse_citation(text)
    assert values is not None
    return values


def names(values: dict, role: str = "author") -> list[str]:
    return [name.display() for name in values.get(role, ())]


# -- journal articles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "journal", "issued", "volume", "issue", "page"),
    [
        ("Jacob M, Dupont J. A title. Ann Rheum Dis. 2017 May;76(5):792-801.", "Ann Rheum Dis", Date(2017, 5), "76",
         "5",
         "792-801"),
        ("Jacob M. A title. Lancet Glob Health 2018;6:e902–13. doi:10.1016/S2214-109X(18)30300-0", "Lancet Glob Health",
         Date(2018), "6", None, "e902-e913"),
        ("Jacob M. A title. Soc Sci Med. 2018 Mar:200:238-248.", "Soc Sci Med", Date(2018, 3), "200", None, "238-248"),
        ("Acosta J.N., Topol E.J. Multimodal Biomedical AI. Nat. Med. 2022 28:1773–1784.", "Nat. Med", Date(2022),
         "28", None, "1773-1784"),
        ("Jacob M. A title. Cad Saude Publica. 2013 mar;29(3):522-34.", "Cad Saude Publica", Date(2013, 3), "29", "3",
         "522-534"),
        ("Jacob M. A title. Rev Med Chil. 2019 mar;147(3).", "Rev Med Chil", Date(2019, 3), "147", "3", None),
        ("Jacob M. A title. MMWR. Morbidity and Mortality Weekly Report 2023 Jan 6;72(1):1-8.",
         "MMWR. Morbidity and Mortality Weekly Report", Date(2023, 1, 6), "72", "1", "1-8"),
        ("Jacob M. A title. JCO Precis Oncol. 2020;4:PO.20.00064.", "JCO Precis Oncol", Date(2020), "4", None,
         "PO.20.00064"),
        ("Jacob M. A title. Clin Gastroenterol Hepatol. 2024;22:662-5.e1.", "Clin Gastroenterol Hepatol", Date(2024),
         "22", None, "662-5.e1"),
        ("Jacob M. A title. Gastroenterology. 2019a;156:273–4.", "Gastroenterology", Date(2019), "156", None,
         "273-274"),
    ],
)  # fmt: skip
def test_journal_citations_in_every_punctuation(entry, journal, issued, volume, issue, page):
    values = parse(entry)
    assert values["type"] == "article-journal" and values["title"].endswith(("title", "AI"))
    assert (values["container_title_short"], values["issued"]) == (journal, issued)
    assert (values.get("volume"), values.get("issue"), values.get("page")) == (volume, issue, page)


def test_supplement_in_the_volume_slot():
    values = parse("Domingues CMAS. The programme. Cad Saude Publica. 2020;Suppl 2(Suppl 2):e00222919.")
    assert (values.get("volume"), values["supplement"], values["page"]) == (None, "2", "e00222919")
    values = parse("Malta DC. Inequalities. Cad Saude Publica. 2022; 38 Suppl 1(Suppl 1):e00125421.")
    assert (values["volume"], values["supplement"]) == ("38", "1")


def test_online_journal_article_with_access_date_and_url():
    values = parse(
        "Souza AB, Lima CD. Cobertura vacinal no Brasil. Cad Saúde Pública [Internet]. 2013 [acesso em 29 de "
        "setembro de 2014];29(3):566-78. Disponível em: http://www.scielo.br/a.pdf"
    )
    assert values["type"] == "article-journal"
    assert (values["container_title_short"], values["volume"], values["issue"], values["page"]) == (
        "Cad Saúde Pública",
        "29",
        "3",
        "566-578",
    )
    assert (values["issued"], values["accessed"]) == (Date(2013), Date(2014, 9, 29))
    assert values["URL"] == "http://www.scielo.br/a.pdf" and values["extra"]["medium"] == "Internet"


def test_identifiers_and_tails_go_to_fields_not_the_note():
    values = parse(
        "Lundberg IE, Tjärnlund A. 2017 EULAR/ACR classification criteria. Ann Rheum Dis. 2017 Dec;76(12):1955-1964. "
        "doi: http://dx.doi.org/10.1136/annrheumdis-2017-211468. Epub 2017 Oct 27. PubMed PMID: 29079590; PMCID: "
        "PMC5736307."
    )
    assert (values["DOI"], values["PMID"], values["PMCID"]) == ("10.1136/annrheumdis-2017-211468", "29079590",
                                                                "PMC5736307")  # fmt: skip
    assert values["note"] == "Epub 2017 Oct 27." and values["extra"]["available-date"] == {
        "date-parts": [[2017, 10, 27]]
    }
    assert values["issued"] == Date(2017, 12)  # not 2017 from the title


def test_genereviews_and_pmc_tags():
    values = parse(
        "Scalfani VF, Bara JE. Programmatic conversion. J Cheminform. 2016;8:66. [PMC free article: PMC5122160] "
        "[PubMed: 27933103]"
    )
    assert (values["PMID"], values["PMCID"], values["note"]) == ("27933103", "PMC5122160", None)
    values = parse("Bahrami S., Rubulotta F. Translation tools. Int. J. Environ. Res. Public Health. 2025;22:95. "
                   "doi: 10.3390/ijerph22010095. [DOI] [PMC free article] [PubMed] [Google Scholar]")  # fmt: skip
    assert (values["DOI"], values["note"]) == ("10.3390/ijerph22010095", None)
    assert values["container_title_short"] == "Int. J. Environ. Res. Public Health"
    assert parse("Silva JA. Avaliação. Rev Saude Publica. 2019;53:12. PMid:30726493")["PMID"] == "30726493"
    assert (
        parse("Mariano FZ. Diferenciais. Estud Econ. 2018;48(1):137-73. doi.org/10.1590/0101-41614815137fedd.")["DOI"]
        == "10.1590/0101-41614815137fedd"
    )


def test_links_stay_the_note_with_their_own_doi():
    values = parse(
        "Li YJ, Zhang C, et al. Fatty acid oxidation. Cell Rep. 2022 May 31;39(9):110870. doi: "
        "10.1016/j.celrep.2022.110870. Erratum in: Cell Rep. 2022 Jun 28;39(13):111044. "
        "doi: 10.1016/j.celrep.2022.111044."
    )
    assert values["DOI"] == "10.1016/j.celrep.2022.110870"
    assert values["note"] == "Erratum in: Cell Rep. 2022 Jun 28;39(13):111044. doi: 10.1016/j.celrep.2022.111044."
    values = parse("Chan ATY, et al. Behavioral activation. J Affect Disord. 2017;208:345-354. Retraction in: J Affect "
                   "Disord. 2018;241:634. [PubMed: 27810717]")  # fmt: skip
    assert (values["PMID"], values["note"]) == ("27810717", "Retraction in: J Affect Disord. 2018;241:634.")


def test_years_in_titles_are_not_the_date():
    values = parse("Page MJ, McKenzie JE, et al. The PRISMA 2020 statement. BMJ 2021;372:n71. doi:10.1136/bmj.n71")
    assert (values["issued"], values["page"], values["title"]) == (Date(2021), "n71", "The PRISMA 2020 statement")
    values = parse("Roth GA, et al. Global burden of cardiovascular diseases, 1990–2019: update. J Am Coll Cardiol. "
                   "2020;76:2982-3021.")  # fmt: skip
    assert values["issued"] == Date(2020)


def test_translated_titles_and_language():
    values = parse(
        "Terraza Nunez R, Vargas Lorenzo I. [Coordination among healthcare levels]. Gac Sanit. 2006 "
        "Nov-Dec;20(6):485-95. [Article in Spanish]. PubMed PMID: 17087899."
    )
    assert (values["title"], values["language"], values["PMID"]) == (
        "Coordination among healthcare levels",
        "Spanish",
        "17087899",
    )
    values = parse(
        "Silva JA. Avaliação da atenção primária [Evaluation of primary care]. Rev Saude Publica. 2019;53:12."
    )
    assert (values["title"], values["note"]) == ("Avaliação da atenção primária", "[Evaluation of primary care]")
    assert parse("Gasparini R. Rapporto. Roma: Istituto Superiore di Sanità; 2018. Italian.")["language"] == "Italian"


def test_epub_ahead_of_print_is_the_status():
    values = parse("Lundberg IE, & others. Criteria. Ann Rheum Dis. 2017. doi: 10.1136/x. [Epub ahead of print]")
    assert values["extra"]["status"] == "Epub ahead of print" and values["et_al"]


# -- authors -----------------------------------------------------------------------------------


def test_author_quirks():
    assert names(parse("Li FP, Fraumeni JF Jr. Soft-tissue sarcomas. Ann Intern Med. 1969;71(4):747-52.")) == [
        "Li FP",
        "Fraumeni JF Jr",
    ]
    values = parse("Doll R, Hill AB & others. Lung cancer. BMJ. 1956;2:1071-81.")
    assert names(values) == ["Doll R", "Hill AB"] and values["et_al"]
    values = parse("Chan ATY, Smith K, et al Group-based behavioral activation. J Affect Disord. 2017;208:345-54.")
    assert names(values) == ["Chan ATY", "Smith K"] and values["title"] == "Group-based behavioral activation"
    values = parse("Winter G, Kratz CP: Letter to the Editor: Clinical characteristics. Leukemia. 2021;35:1475-9.")
    assert (names(values), values["genre"], values["title"]) == (
        ["Winter G", "Kratz CP"],
        "Letter to the Editor",
        "Clinical characteristics",
    )


def test_groups_among_persons_and_group_authors():
    values = parse("Smelser DT, Haley JS; Penn Medicine BioBank; Regeneron Genetics Center; Levine AJ. Rare "
                   "variants. Circ Genom Precis Med. 2023;16(2):e003729.")  # fmt: skip
    assert values["author"] == (
        Name("Smelser", "DT"), Name("Haley", "JS"), Name(literal="Penn Medicine BioBank"),
        Name(literal="Regeneron Genetics Center"), Name("Levine", "AJ"),
    )  # fmt: skip
    values = parse("SMART Health IT. SMART App Launch Framework. Accessed April 10, 2025. https://hl7.org/fhir/smart/")
    assert values["author"] == (Name(literal="SMART Health IT"),)
    assert (values["type"], values["accessed"], values.get("issued")) == ("webpage", Date(2025, 4, 10), None)
    values = parse("Barata RB, Moraes JC, Grupo ICV 2020. National Vaccine Coverage Survey 2020. Rev Bras Epidemiol. "
                   "2023;26:e230031.")  # fmt: skip
    assert values["author"][-1] == Name(literal="Grupo ICV 2020") and values["issued"] == Date(2023)


def test_particles_and_dotted_initials():
    values = parse("Lima SAV, Silva MRF da, Fernandes R de CP, Casanova-Moreno M de la C. Factors. Physis. "
                   "2015;25(2):635-56.")  # fmt: skip
    assert values["author"][1:] == (
        Name("Silva", "MRF", dropping_particle="da"), Name("Fernandes", "R de CP"),
        Name("Casanova-Moreno", "M de la C"),
    )  # fmt: skip
    values = parse("de Araújo A.L.V., da Silva J.C., Jr., Haddad A.E., dos Santos A.d.F., Tsai C.-S., et al. Early "
                   "prediction. Res. Biomed. Eng. 2025;41:55.")  # fmt: skip
    assert values["author"] == (
        Name("de Araújo", "A.L.V."), Name("da Silva", "J.C.", suffix="Jr."), Name("Haddad", "A.E."),
        Name("dos Santos", "A.d.F."), Name("Tsai", "C.-S."),
    )  # fmt: skip
    assert values["et_al"] and values["container_title_short"] == "Res. Biomed. Eng"


def test_no_authors_listed_and_anonymous():
    values = parse("[No authors listed]. Department of Error. Lancet. 2025;404:2542. [PMC free article: PMC12124214]")
    assert (values.get("author"), values["title"], values["notice"]) == (None, "Department of Error", "erratum")
    values = parse("Anonymous. Fluoridation of water. Lancet. 1960;1:300.")
    assert (values.get("author"), values["title"]) == (None, "Fluoridation of water")


# -- books, chapters, reports ------------------------------------------------------------------


def test_book_with_edition_place_publisher_and_pages():
    values = parse("Speroff L, Fritz MA. Clinical gynecologic endocrinology. 7th ed. Philadelphia: Lippincott Williams "
                   "& Wilkins; 2005. 1334 p.")  # fmt: skip
    assert values["type"] == "book" and names(values) == ["Speroff L", "Fritz MA"]
    assert (values["title"], values["edition"], values["publisher_place"], values["publisher"]) == (
        "Clinical gynecologic endocrinology",
        "7th",
        "Philadelphia",
        "Lippincott Williams & Wilkins",
    )
    assert (values["issued"], values["extra"]["number-of-pages"]) == (Date(2005), "1334")


@pytest.mark.parametrize(
    ("entry", "editors", "et_al", "place", "publisher"),
    [
        ("Sobrinho LV, Modolo L, eds. Artificial Intelligence and Bioethics. CRC Press; 2025.", ["Sobrinho LV",
         "Modolo L"], False, None, "CRC Press"),
        ("Sobrinho LV, Modolo L, et al, eds. Artificial intelligence and bioethics. Boca Raton: CRC Press, 2025.",
         ["Sobrinho LV", "Modolo L"], True, "Boca Raton", "CRC Press"),
        ("Sobrinho L.V., Modolo L., editors. Artificial Intelligence and Bioethics. CRC Press; Boca Raton, FL, USA: "
         "2025. [DOI] [Google Scholar]", ["Sobrinho L.V.", "Modolo L."], False, "Boca Raton, FL, USA", "CRC Press"),
        ("Müller A, Hrsg. Handbuch der Myositis. 2. Aufl. Berlin: Springer; 2010.", ["Müller A"], False, "Berlin",
         "Springer"),
        ("Dupont J, Martin P, éditeurs. Les myopathies. Paris: Masson; 2005.", ["Dupont J", "Martin P"], False,
         "Paris", "Masson"),
    ],
)  # fmt: skip
def test_edited_books(entry, editors, et_al, place, publisher):
    values = parse(entry)
    assert values["type"] == "book" and not values.get("author")
    assert (names(values, "editor"), bool(values.get("et_al")), values.get("publisher_place"), values["publisher"]) == (
        editors,
        et_al,
        place,
        publisher,
    )


@pytest.mark.parametrize(
    ("entry", "editors", "book", "edition", "place", "publisher", "page"),
    [
        ("Jacob M, Dupont J. Nerve conduction. In: Dumitru D, Amato AA, Zwarts MJ, editors. Electrodiagnostic "
         "medicine. 2nd ed. Philadelphia: Hanley & Belfus; 2002. p. 257-291.", ["Dumitru D", "Amato AA", "Zwarts MJ"],
         "Electrodiagnostic medicine", "2nd", "Philadelphia", "Hanley & Belfus", "257-291"),
        ("Cecílio LCO. As necessidades de saúde. In: Pinheiro R, Mattos RA, organizadores. Os sentidos da "
         "integralidade. Rio de Janeiro: IMS/UERJ; 2001. p.113-26.", ["Pinheiro R", "Mattos RA"],
         "Os sentidos da integralidade", None, "Rio de Janeiro", "IMS/UERJ", "113-126"),
        ("Dumitru D. Needle electromyography. En: Dumitru D, Amato AA, editores. Electrodiagnostic medicine. 2.ª ed. "
         "Filadelfia: Hanley & Belfus; 2002. p. 257-91.", ["Dumitru D", "Amato AA"], "Electrodiagnostic medicine",
         "2.ª", "Filadelfia", "Hanley & Belfus", "257-291"),
        ("Weber K. Kapitel. In: Müller A, Hrsg. Handbuch der Myositis. 2. Aufl. Berlin: Springer; 2010. S. 12-20.",
         ["Müller A"], "Handbuch der Myositis", "2.", "Berlin", "Springer", "12-20"),
    ],
)  # fmt: skip
def test_chapters(entry, editors, book, edition, place, publisher, page):
    values = parse(entry)
    assert values["type"] == "chapter" and values["author"]
    assert (names(values, "editor"), values["container_title"], values.get("edition")) == (editors, book, edition)
    assert (values["publisher_place"], values["publisher"], values["page"]) == (place, publisher, page)


def test_genereviews_chapter_takes_its_own_date():
    values = parse(
        "Bird TD. Alzheimer Disease Overview. 1998 Oct 23 [updated 2018 Dec 20]. In: Adam MP, Bick S, Mirzaa GM, et "
        "al., editors. GeneReviews® [Internet]. Seattle (WA): University of Washington, Seattle; 1993-2026. Available "
        "from: https://www.ncbi.nlm.nih.gov/books/NBK1161/"
    )
    assert values["type"] == "chapter" and values["issued"] == Date(1998, 10, 23)
    assert (values["container_title"], values["publisher_place"], values["publisher"]) == (
        "GeneReviews®",
        "Seattle (WA)",
        "University of Washington, Seattle",
    )
    assert names(values, "editor") == ["Adam MP", "Bick S", "Mirzaa GM"]
    assert values["URL"] == "https://www.ncbi.nlm.nih.gov/books/NBK1161/" and values["note"] == "Updated 2018 Dec 20."


def test_ama_and_mdpi_conference_papers():
    values = parse("Lemke N, Konstantin M, et al. Equitable federated learning with NCA. In: Medical Image Computing "
                   "and Computer-Assisted Intervention—MICCAI 2025. Lecture Notes in Computer Science. Springer; "
                   "2025:168-177.")  # fmt: skip
    assert (values["type"], values["page"], values["collection_title"], values["publisher"]) == (
        "paper-conference",
        "168-177",
        "Lecture Notes in Computer Science",
        "Springer",
    )
    assert values["container_title"] == "Medical Image Computing and Computer-Assisted Intervention—MICCAI 2025"
    values = parse("Lemke N., Konstantin M. Medical Image Computing—MICCAI 2025. Springer; Cham, Switzerland: 2025. "
                   "Equitable Federated Learning with NCA; pp. 168–177. "
                   "Lecture Notes in Computer Science.")  # fmt: skip
    assert (values["type"], values["title"], values["container_title"], values["page"]) == (
        "paper-conference",
        "Equitable Federated Learning with NCA",
        "Medical Image Computing—MICCAI 2025",
        "168-177",
    )
    assert values["publisher_place"] == "Cham, Switzerland"


def test_proceedings_meeting_and_abstract():
    values = parse("Christensen S, Oppacher F. An analysis. In: Foster JA, Lutton E, editors. Genetic programming. "
                   "EuroGP 2002: Proceedings of the 5th European Conference on Genetic Programming; 2002 Apr 3-5; "
                   "Kinsdale, Ireland. Berlin: Springer; 2002. p. 182-91.")  # fmt: skip
    assert values["type"] == "paper-conference" and values["page"] == "182-191"
    assert (values["event_place"], values["extra"]["event-date"]) == (
        "Kinsdale, Ireland",
        {"date-parts": [[2002, 4, 3]]},
    )
    values = parse("Khincha PP, Savage SA. Gonadal mosaicism [abstract]. In: Proceedings of the American Association "
                   "for Cancer Research Annual Meeting 2019 Mar 29-Apr 3; Atlanta, GA. "
                   "Cancer Res. 2019;79:4159A.")  # fmt: skip
    assert (values["type"], values["genre"], values["container_title_short"], values["page"]) == (
        "paper-conference",
        "abstract",
        "Cancer Res",
        "4159A",
    )
    assert (values["event_title"], values["event_place"]) == (
        "American Association for Cancer Research Annual Meeting 2019",
        "Atlanta, GA",
    )
    values = parse("Andrade DF. Teoria da resposta ao item. In: 4º SINAPE. São Paulo: Associação Brasileira de "
                   "Estatística; 2000.")  # fmt: skip
    assert (values["type"], values["event_title"]) == ("paper-conference", "4º SINAPE")


@pytest.mark.parametrize(
    ("entry", "author", "place", "publisher"),
    [
        ("United Nations Children’s Fund (UNICEF). The State of the World’s Children 2023. Florence: UNICEF; 2023.",
         "United Nations Children’s Fund (UNICEF)", "Florence", "UNICEF"),
        ("US Department of Health and Human Services, Food and Drug Administration. Guidance for industry: "
         "patient-reported outcome measures. Rockville (MD): Food and Drug Administration (US); 1999.",
         "US Department of Health and Human Services, Food and Drug Administration", "Rockville (MD)",
         "Food and Drug Administration (US)"),
        ("Ministério da Saúde (BR). Secretaria de Atenção à Saúde. Departamento de Atenção Básica. Cadernos de atenção "
         "básica. Brasília: Ministério da Saúde; 2006.", "Ministério da Saúde (BR). Secretaria de Atenção à Saúde. "
         "Departamento de Atenção Básica", "Brasília", "Ministério da Saúde"),
        ("Ministério da Ciência, Tecnologia e Inovação (MCTI) IA para o Bem de Todos: Estratégia; Governo Federal do "
         "Brasil: Brasília, Brazil, 2024.", "Ministério da Ciência, Tecnologia e Inovação (MCTI)", "Brasília, Brazil",
         "Governo Federal do Brasil"),
        ("World Health Organization. The world health report 2002. 2.ed. Geneva; 2002.", "World Health Organization",
         "Geneva", None),
    ],
)  # fmt: skip
def test_agency_reports(entry, author, place, publisher):
    values = parse(entry)
    assert values["type"] == "report" and values["author"] == (Name(literal=author),)
    assert (values.get("publisher_place"), values.get("publisher"), values["issued"].year) == (
        place,
        publisher,
        int(entry.rstrip(".")[-4:]),
    )


def test_report_number_and_genre_sentence():
    values = parse("Page E, Harney JM. Health hazard evaluation report. Cincinnati (OH): National Institute for "
                   "Occupational Safety and Health (US); 2001 Feb. 24 p. Report No.: HETA2000-0139-2824.")  # fmt: skip
    assert (values["issued"], values["number"], values["extra"]["number-of-pages"]) == (
        Date(2001, 2),
        "HETA2000-0139-2824",
        "24",
    )
    values = parse("US Department of Health and Human Services. Average, population and individual approaches. Draft "
                   "guidance for industry. Rockville (MD): Food and Drug Administration (US); 1999 Aug.")  # fmt: skip
    assert (values["title"], values["genre"], values["issued"]) == (
        "Average, population and individual approaches",
        "Draft guidance for industry",
        Date(1999, 8),
    )


# -- the web, software, data, theses, laws, preprints, newspapers --------------------------------


def test_web_pages_reports_and_data_sets_read_online():
    values = parse("Conselho Nacional de Secretarias Municipais de Saúde (CONASEMS). Indicadores de imunização. "
                   "Disponível em: https://portal.conasems.org.br/paineis. Acesso em: 28 out. 2023.")  # fmt: skip
    assert (values["type"], values["accessed"], values.get("issued")) == ("webpage", Date(2023, 10, 28), None)
    values = parse("World Health Organization. Immunization Agenda 2030. Accessed November 3, 2023. "
                   "https://cdn.who.int/ia2030.pdf?download=true")  # fmt: skip
    assert (values["type"], values["URL"]) == ("report", "https://cdn.who.int/ia2030.pdf?download=true")
    values = parse("The World Bank. Domestic general government health expenditure per capita, PPP. Disponível em: "
                   "https://data.worldbank.org/indicator/SH.XPD.GHED.PP.CD. Acesso em: 6 out. 2023.")  # fmt: skip
    assert (values["type"], values["URL"]) == ("dataset", "https://data.worldbank.org/indicator/SH.XPD.GHED.PP.CD")
    values = parse("Brazil. Ministério da Saúde. SI-PNI (Sistema de Informações do Programa Nacional de Imunizações). "
                   "c2023. Disponível em: <http://tabnet.datasus.gov.br/cgi/dhdat.exe?bd_pni/cpnibr.def>. Acesso em: 6 "
                   "out. 2023.")  # fmt: skip
    assert (values["type"], values["author"], values["issued"]) == (
        "dataset",
        (Name(literal="Brazil. Ministério da Saúde"),),
        Date(2023),
    )
    values = parse("Cancer-Pain.org [Internet]. New York: Association of Cancer Online Resources, Inc.; c2000-01 "
                   "[updated 2002 May 16; cited 2002 Jul 9]. Available from: http://www.cancer-pain.org/.")  # fmt: skip
    assert (values["type"], values["title"], values["issued"], values["accessed"]) == (
        "webpage",
        "Cancer-Pain.org",
        Date(2000),
        Date(2002, 7, 9),
    )


def test_software_and_databases():
    values = parse("R Core Team. R: A Language and Environment for Statistical Computing. R Foundation for Statistical "
                   "Computing; 2023. https://www.R-project.org/")  # fmt: skip
    assert (values["type"], values["author"], values["publisher"]) == (
        "software",
        (Name(literal="R Core Team"),),
        "R Foundation for Statistical Computing",
    )
    values = parse("Hemodynamics III: the ups and downs of hemodynamics [computer program]. Version 2.2. Orlando "
                   "(FL): Computerized Educational Systems; 1993.")  # fmt: skip
    assert (values["type"], values["extra"]["version"], values.get("author")) == ("software", "2.2", None)
    values = parse("Jablonski S. Online Syndromes [database on the Internet]. Bethesda (MD): National Library of "
                   "Medicine (US); c2001 [updated 2001 Nov 20; cited 2002 Aug 12]. "
                   "Available from: http://x.org/j")  # fmt: skip
    assert (values["type"], values["accessed"], values["issued"]) == ("dataset", Date(2002, 8, 12), Date(2001))


def test_theses():
    values = parse("Borkowski MM. Infant sleep and feeding [dissertation]. Mount Pleasant (MI): Central Michigan "
                   "University; 2002.")  # fmt: skip
    assert (values["type"], values["genre"], values["publisher"]) == (
        "thesis",
        "dissertation",
        "Central Michigan University",
    )
    values = parse("Reis LV. Anomalias congênitas [tese]. São Paulo: Escola Paulista de Medicina. Universidade Federal "
                   "de São Paulo; 2005.")  # fmt: skip
    assert (values["genre"], values["publisher_place"], values["publisher"]) == (
        "tese",
        "São Paulo",
        "Escola Paulista de Medicina. Universidade Federal de São Paulo",
    )


def test_laws_and_regulations():
    values = parse("Brasil. Lei nº 8.080, de 19 de setembro de 1990. Dispõe sobre a saúde. Diário Oficial da União. "
                   "20 set 1990;Seção 1:18055.")  # fmt: skip
    assert (values["type"], values["author"], values["container_title"], values["issued"]) == (
        "legislation",
        (Name(literal="Brasil"),),
        "Diário Oficial da União",
        Date(1990, 9, 20),
    )
    assert values["title"] == "Lei nº 8.080, de 19 de setembro de 1990. Dispõe sobre a saúde"
    # the gazette's section printed without a page
    values = parse("Brasil. Decreto nº 7.508, de 28 de junho de 2011. Regulamenta a Lei nº 8.080. Diário Oficial da "
                   "União. 29 jun 2011; Seção 1. Disponível em: http://www.planalto.gov.br/D7508.htm")  # fmt: skip
    assert (values["type"], values["container_title"], values["issued"], values["extra"]["section"]) == (
        "regulation",
        "Diário Oficial da União",
        Date(2011, 6, 29),
        "Seção 1",
    )
    assert values["title"] == "Decreto nº 7.508, de 28 de junho de 2011. Regulamenta a Lei nº 8.080"
    values = parse("Ley 14/1986, de 25 de abril, General de Sanidad. Boletín Oficial del Estado, nº 102, (29 de abril "
                   "de 1986).")  # fmt: skip
    assert (values["type"], values["issue"], values["issued"], values.get("author")) == (
        "legislation",
        "102",
        Date(1986, 4, 29),
        None,
    )
    values = parse("Medicare Prescription Drug, Improvement, and Modernization Act of 2003, Pub. L. No. 108-173, 117 "
                   "Stat. 2066 (Dec. 8, 2003).")  # fmt: skip
    assert (values["type"], values["number"], values["volume"], values["page"], values["issued"]) == (
        "legislation",
        "108-173",
        "117",
        "2066",
        Date(2003, 12, 8),
    )
    # AMA prints it without full stops
    values = parse("Coronavirus Aid, Relief, and Economic Security Act (CARES Act), Pub L No. 116-136, 134 Stat 281 "
                   "(2020).")  # fmt: skip
    assert (values["type"], values["title"], values["number"], values["container_title"], values["volume"]) == (
        "legislation",
        "Coronavirus Aid, Relief, and Economic Security Act (CARES Act)",
        "116-136",
        "Stat",
        "134",
    )
    assert (values["page"], values["issued"], values.get("author")) == ("281", Date(2020), None)
    values = parse("Brasil Lei Geral de Proteção de Dados Pessoais (LGPD)—Lei No. 13.709, de 14 de Agosto de 2018; "
                   "Presidência da República: Brasília, Brazil, 2018.")  # fmt: skip
    assert (values["type"], values["author"], values["issued"]) == (
        "legislation",
        (Name(literal="Brasil"),),
        Date(2018),
    )
    values = parse("Brasil. Ministério da Saúde. Portaria nº 1.654, de 19 de julho de 2011 [Internet]. Brasília: "
                   "Ministério da Saúde; 2011.")  # fmt: skip
    assert values["type"] == "regulation"


@pytest.mark.parametrize(
    ("entry", "server", "issued", "number", "doi"),
    [
        ("Zhang L, Gao X. Transfer adaptation learning. arXiv 2019. arXiv:1903.04687", "arXiv", Date(2019),
         "1903.04687", None),
        ("Jiang J, Long M. Transferability in deep learning. arXiv. Preprint posted online 2022. "
         "doi:10.48550/arXiv.2201.05867", "arXiv", Date(2022), None, "10.48550/arXiv.2201.05867"),
        ("Zhang L., Gao X. Transfer Adaptation Learning. arXiv. 2019 doi: 10.1109/TNNLS.2022.3183326.1903.04687 [DOI]",
         "arXiv", Date(2019), "1903.04687", "10.1109/TNNLS.2022.3183326"),
        ("Lauer SA. The incubation period. medRxiv [Preprint]. 2020 Feb 4 [cited 2020 Jun 1]. Available from: "
         "https://doi.org/10.1101/2020.02.02.20020016", "medRxiv", Date(2020, 2, 4), None,
         "10.1101/2020.02.02.20020016"),
    ],
)  # fmt: skip
def test_preprints(entry, server, issued, number, doi):
    values = parse(entry)
    assert values["type"] == "article"
    assert (values["container_title"], values["issued"], values.get("number"), values.get("DOI")) == (
        server,
        issued,
        number,
        doi,
    )


def test_newspapers():
    values = parse("Tynan T. Medical improvements lower homicide rate. The Washington Post. 2002 Aug 12;Sect. A:2 "
                   "(col. 4).")  # fmt: skip
    assert (values["type"], values["container_title"], values["issued"], values["page"], values["extra"]) == (
        "article-newspaper",
        "The Washington Post",
        Date(2002, 8, 12),
        "2",
        {"section": "A"},
    )
    values = parse("Kolata G. Severe diet doesn't prolong life. New York Times [Internet]. 29 ago 2012 [citado 21 ene "
                   "2013]. Disponible en: http://www.nytimes.com/a.html")  # fmt: skip
    assert (values["type"], values["issued"], values["accessed"]) == ("article-newspaper", Date(2012, 8, 29),
                                                                      Date(2013, 1, 21))  # fmt: skip


# -- notices -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "notice"),
    [
        ("Department of Error", "erratum"),
        ("Correction to: Stroke outcomes in 2014–2021", "erratum"),
        ("Retraction--Ileal-lymphoid-nodular hyperplasia", "retraction"),
        ("Expression of Concern: Effects of X", "expression-of-concern"),
        ("Response to: 'Comment on sarcopenia' by Luu et al", "reply"),
        ("Consideration of X: comment on the article by Lundberg et al", "comment"),
        ("Response to rituximab in refractory myositis", None),
        ("Retracted article: Effects of X", None),
    ],
)
def test_notices_by_title_keep_their_type(title, notice):
    values = parse(f"Smith J. {title}. Ann Rheum Dis. 2021;80(5):e77.")
    assert (values["notice"], values["type"]) == (notice, "article-journal")


def test_what_is_not_a_reference():
    assert parse_citation("These are my notes about myositis") is not None  # read, but with nothing understood
    assert not parse_citation("These are my notes about myositis")["_understood"]
    assert parse_citation("") is None


# -- WHO and agency style: title first, `(URL)`, `[website]`, `[presentation]` -------------------


@pytest.mark.parametrize(
    ("entry", "place", "publisher"),
    [
        ("Guide to digital health. Geneva: World Health Organization; 2020 (https://iris.who.int/handle/1).",
         "Geneva", "World Health Organization"),
        ("Guide pour la santé numérique. Genève: Organisation mondiale de la Santé; 2020 (https://iris.who.int/handle/1).",
         "Genève", "Organisation mondiale de la Santé"),
        ("Leitfaden digitale Gesundheit. Berlin: Robert Koch-Institut; 2020 (https://iris.who.int/handle/1).",
         "Berlin", "Robert Koch-Institut"),
    ],
)  # fmt: skip
def test_a_title_first_organisation_publication_with_its_url_in_parentheses_is_a_report(entry, place, publisher):
    values = parse(entry)
    assert (values["type"], values["publisher_place"], values["publisher"]) == ("report", place, publisher)
    assert (values["issued"], values["URL"]) == (Date(2020), "https://iris.who.int/handle/1")
    assert values.get("author") is None


def test_an_edition_after_a_comma_ending_the_title():
    values = parse(
        "Classification of digital interventions, 2nd ed. Geneva: World Health Organization; 2023 (https://x.org/1)."
    )
    assert (values["title"], values["edition"]) == ("Classification of digital interventions", "2nd")


@pytest.mark.parametrize("qualifier", ["atual", "rev. e amp", "rev. e ampl", "corr. y aum"])
def test_an_edition_with_its_qualifiers(qualifier):
    values = parse(f"Giovanella L, Escorel S, organizadores. Políticas de saúde. 2. ed. {qualifier}. Rio de Janeiro: "
                   "Editora Fiocruz; 2012.")  # fmt: skip
    assert (values["type"], values["title"], values["edition"]) == ("book", "Políticas de saúde", "2.")
    assert (values["publisher_place"], values["publisher"]) == ("Rio de Janeiro", "Editora Fiocruz")
    values = parse(f"Noronha JC. O SUS. In: Giovanella L, organizadores. Políticas de saúde. 2. ed. {qualifier}. "
                   "Rio de Janeiro: Editora Fiocruz; 2012.")  # fmt: skip
    assert (values["type"], values["container_title"], values["edition"]) == ("chapter", "Políticas de saúde", "2.")


@pytest.mark.parametrize("mark", ["website", "sitio web", "site web", "Webseite"])
def test_a_site_marked_website_before_the_page_title(mark):
    values = parse(f"HL7 FHIR Release 5 [{mark}]. Data types. Ann Arbor (MI): Health Level 7; 2023 (http://hl7.org/d.html).")
    assert (values["type"], values["title"]) == ("webpage", "Data types")
    assert values["container_title"] == "HL7 FHIR Release 5"
    assert not values.get("author")


def test_a_work_marked_website_and_a_page_in_a_website():
    values = parse("International Classification of Diseases (ICD) [website]. Geneva: WHO; 2023 (https://who.int/icd).")
    assert (values["type"], values["title"]) == ("webpage", "International Classification of Diseases (ICD)")
    values = parse("Concept map. In: HL7 FHIR Release 5 [website]. HL7.org; 2023 (https://hl7.org/c.html).")
    assert (values["type"], values["title"]) == ("webpage", "Concept map")
    assert values["container_title"] == "HL7 FHIR Release 5"


@pytest.mark.parametrize("mark", ["presentation", "presentación", "Vortrag"])
def test_a_slide_deck_is_a_speech(mark):
    values = parse(f"Small Working Group. Digital health [{mark}]. Slide 5: Consensus definition; 2019 (https://x.org/p).")
    assert (values["type"], values["genre"], values["title"]) == ("speech", mark, "Digital health")
    assert values["issued"] == Date(2019) and values["author"] == (Name(literal="Small Working Group"),)


def test_an_undated_internet_page_of_an_organisation_at_a_known_place():
    values = parse(
        "Organización Panamericana de la Salud (OPS). Tablero de influenza [Internet]. Washington, D.C.: OPS; "
        "[citado 2025 abr 19]. Disponible en: https://example.org/h5n1/"
    )
    assert (values["type"], values["title"], values["publisher_place"], values["publisher"]) == (
        "webpage", "Tablero de influenza", "Washington, D.C.", "OPS",
    )  # fmt: skip
    assert values["accessed"] == Date(2025, 4, 19)


@pytest.mark.parametrize(
    ("entry", "gazette", "issue"),
    [
        ("Ley 27.491. Control de enfermedades prevenibles por vacunación. 4 de enero de 2019. "
         "Boletín Oficial de la República Argentina No. 34.027.",
         "Boletín Oficial de la República Argentina", "34.027"),
        ("Loi 2019-774. Organisation du système de santé. 24 juillet 2019. Journal officiel de la République française "
         "nº 172.", "Journal officiel de la République française", "172"),
    ],
)  # fmt: skip
def test_a_law_dated_before_its_gazette_and_issue(entry, gazette, issue):
    values = parse(entry)
    assert values["type"] == "legislation" and not values.get("author")
    assert values["title"] == entry.split(". ")[0] + ". " + entry.split(". ")[1]
    assert (values["container_title"], values["issue"], values["issued"].year) == (gazette, issue, 2019)


def test_an_organisations_guideline_with_only_an_access_date_is_a_web_page():
    values = parse(
        "National Comprehensive Cancer Network. Clinical Practice Guidelines in Oncology: Genetic/Familial "
        "High-Risk Assessment. Available online; no-fee registration and login required. Accessed 8-25-23."
    )
    assert values["type"] == "webpage" and values["_understood"]
    assert values["author"] == (Name(literal="National Comprehensive Cancer Network"),)
    assert values["title"] == "Clinical Practice Guidelines in Oncology: Genetic/Familial High-Risk Assessment"
    assert values["accessed"] == Date(2023, 8, 25)
    assert values["note"] == "Available online; no-fee registration and login required."


def test_a_missing_full_stop_after_the_last_authors_initials():
    values = parse(
        "Chlebowski RT, Petrovitch H, McTiernan A Influence of estrogen plus progestin on breast cancer: the Women's "
        "Health Initiative Randomized Trial. JAMA. 2003; 289:3243-53"
    )
    assert names(values) == ["Chlebowski RT", "Petrovitch H", "McTiernan A"]
    assert values["title"].startswith("Influence of estrogen") and values["container_title_short"] == "JAMA"
    values = parse("Li FP, Fraumeni JF Jr. Soft-tissue sarcomas. Ann Intern Med. 1969;71:747-52.")
    assert names(values)[-1].startswith("Fraumeni") and values["title"] == "Soft-tissue sarcomas"


@pytest.mark.parametrize(("label", "meeting"), [("Abstract", "ASCO Annual Meeting"), ("Resumen", "Congreso Nacional")])
def test_a_meeting_abstract_printed_without_a_journal(label, meeting):
    values = parse(f"Domchek SM, et al. Is HRT associated with risk? {label} 1501. Chicago, IL: {meeting}; 2011.")
    assert (values["type"], values["genre"], values["number"]) == ("paper-conference", label, "1501")
    assert (values["event_title"], values["event_place"], values["issued"]) == (meeting, "Chicago, IL", Date(2011))
    assert values["title"] == "Is HRT associated with risk?" and not values.get("publisher")


@pytest.mark.parametrize(
    ("entry", "place"),
    [
        ("Institut national de la santé (Inserm). Grippe saisonnière [Internet]. Paris : Inserm ; 2020 "
         "[cité le 19 avril 2025]. Disponible sur : https://example.org/g", "Paris"),
        ("Robert Koch-Institut (RKI). Influenza [Internet]. Berlin: RKI; 2020 [Zugriff am 19. April 2025]. "
         "Verfügbar unter: https://example.org/g", "Berlin"),
        ("Ministerio de Salud (AR). Gripe [Internet]. Buenos Aires: MSAL; 2020 [citado 2025 abr 19]. "
         "Disponible en: https://example.org/g", "Buenos Aires"),
    ],
)  # fmt: skip
def test_an_agency_report_on_the_internet_in_french_german_and_spanish(entry, place):
    values = parse(entry)
    assert (values["type"], values["publisher_place"], values["issued"]) == ("report", place, Date(2020))
    assert (values["accessed"], values["URL"]) == (Date(2025, 4, 19), "https://example.org/g")
    assert len(values["author"]) == 1 and values["author"][0].is_group


def test_a_uk_act_with_its_chapter_and_a_statutory_instrument():
    values = parse_citation("Health and Social Care Act 2008 (c. 14). London: The Stationery Office")
    assert values is not None and values["type"] == "legislation"
    assert (values["title"], values["number"]) == ("Health and Social Care Act 2008", "c. 14")
    assert (values["publisher_place"], values["publisher"]) == ("London", "The Stationery Office")
    values = parse_citation(
        "The Health and Social Care Act 2008 (Regulated Activities) Regulations 2014 (SI 2014/2936)"
    )
    assert values is not None and values["type"] == "regulation" and values["number"] == "SI 2014/2936"
    assert values["title"] == "The Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"
    assert values.get("issued") is None  # the year belongs to the title


@pytest.mark.parametrize(
    ("text", "role", "group", "title"),
    [
        ("Statistisches Bundesamt (Destatis): Grunddaten der Krankenhäuser. Wiesbaden: Destatis; 2018.",
         "author", "Statistisches Bundesamt (Destatis)", "Grunddaten der Krankenhäuser"),
        ("Deutsche Sepsis-Gesellschaft e. V.: Leitlinien. https://sepsis-gesellschaft.de/leitlinien/",
         "author", "Deutsche Sepsis-Gesellschaft e. V.", "Leitlinien"),
        ("Deutsche Sepsis-Gesellschaft e. V. (Hrsg.): S3-Leitlinie Sepsis. Berlin: DSG; 2018.",
         "editor", "Deutsche Sepsis-Gesellschaft e. V.", "S3-Leitlinie Sepsis"),
    ],
)
def test_an_organisation_before_a_colon_is_the_author_or_with_hrsg_the_editor(text, role, group, title):
    values = parse_citation(text)
    assert values is not None and values[role] == (Name(literal=group),) and values["title"] == title


def test_a_title_with_a_colon_is_no_organisation():
    values = parse_citation("Classification of digital interventions, services and applications in health: a shared "
                            "language. Geneva: World Health Organization; 2023.")
    assert values is not None and not values.get("author")
    assert values["title"] == (
        "Classification of digital interventions, services and applications in health: a shared language"
    )


def test_place_publisher_and_year_with_no_mark_before_the_year():
    values = parse_citation(
        "Kramer A, Assadian O (Hrsg.): Wallhäußers Praxis der Sterilisation. Stuttgart: Thieme 2008."
    )
    assert values is not None and values["type"] == "book" and values["issued"] == Date(2008)
    assert (values["publisher_place"], values["publisher"]) == ("Stuttgart", "Thieme")
    assert values["editor"] == (Name("Kramer", "A"), Name("Assadian", "O"))


def test_a_german_law_with_its_gazette_page():
    values = parse_citation(
        "Gesetz zur Verhütung von Infektionskrankheiten (Infektionsschutzgesetz – IfSG) vom 20. Juli "
        "2000. BGBl. I S. 1045."
    )
    assert values is not None and values["type"] == "legislation"
    assert (values["container_title"], values["page"]) == ("BGBl. I", "1045")
    assert values["title"].endswith("vom 20. Juli 2000") and values.get("issued") is None


def test_a_guideline_register_number_its_date_as_of_and_no_date():
    values = parse_citation(
        "Deutsche Sepsis-Gesellschaft e. V. (Hrsg.): S3-Leitlinie Sepsis. AWMF-Registernummer 079-001. "
        "Stand: 31.12.2018. Verfügbar unter: www.awmf.org/leitlinien/detail/ll/079-001.html "
        "(Zugriff am 12.03.2024)."
    )
    assert values is not None and values["type"] == "report" and values["number"] == "079-001"
    assert values["issued"] == Date(2018, 12, 31) and values["accessed"] == Date(2024, 3, 12)
    assert values["title"] == "S3-Leitlinie Sepsis" and values["URL"].startswith("www.awmf.org/")
    values = parse_citation(
        "Arbeitskreis der AWMF: Händehygiene. AWMF-Leitlinien-Register Nr. 029/027, Entwicklungsstufe 2k. o. J."
    )
    assert values is not None and values["type"] == "report" and values["number"] == "029/027"
    assert values.get("issued") is None and values["title"] == "Händehygiene"
    assert "Entwicklungsstufe 2k" in values["note"]


def test_an_unsigned_newspaper_article_with_a_comma_and_a_numeric_date():
    values = parse_citation("Der Kampf gegen den Keim. Frankfurter Allgemeine Zeitung, 23.02.2013. Verfügbar unter: "
                            "https://www.faz.net/a.html (Zugriff am 12.03.2024).")
    assert values is not None and values["type"] == "article-newspaper" and not values.get("author")
    assert values["title"] == "Der Kampf gegen den Keim"
    assert values["container_title"] == "Frankfurter Allgemeine Zeitung"
    assert values["issued"] == Date(2013, 2, 23) and values["accessed"] == Date(2024, 3, 12)


def test_french_vancouver_thesis_with_no_break_spaces():
    values = parse_citation(
        "Dumont H. Prise en charge de la maladie de Lyme [Thèse d'exercice]. Tours\u00a0: Faculté de "
        "médecine de Tours\u00a0; 2020."
    )
    assert values is not None and values["type"] == "thesis" and values["genre"] == "Thèse d'exercice"
    assert (values["publisher_place"], values["publisher"], values["issued"]) == (
        "Tours", "Faculté de médecine de Tours", Date(2020))


def test_a_month_before_the_year_and_a_note_after_it():
    values = parse_citation("Ministère de la Santé. Plan national de lutte. Paris\u00a0: Ministère de la Santé\u00a0; "
                            "septembre 2016.")
    assert values is not None and values["issued"] == Date(2016, 9) and values["publisher_place"] == "Paris"
    values = parse_citation("Haute Autorité de santé. Élaboration de recommandations. Saint-Denis La Plaine\u00a0: "
                            "HAS\u00a0; 2010 (mise à jour mars 2016).")
    assert values is not None and values["issued"] == Date(2010) and values["publisher"] == "HAS"
    assert "mise à jour mars 2016" in values["note"]


def test_french_laws_in_zotero_form_and_an_ordinance():
    values = parse_citation("Loi n° 2016-41 du 26 janvier 2016 de modernisation de notre système de santé. "
                            "2016-41 janv 26, 2016.")
    assert values is not None and values["type"] == "legislation"
    assert (values["number"], values["issued"]) == ("2016-41", Date(2016, 1, 26))
    values = parse_citation("Ordonnance n° 2016-462 du 14 avril 2016 portant création de l'Agence. Journal officiel "
                            "de la République française, 15 avril 2016.")
    assert values is not None and values["type"] == "legislation" and values["issued"] == Date(2016, 4, 15)


def test_texte_revu_le_is_an_update_not_the_title():
    values = parse_citation(
        "Aubry P. Fièvres récurrentes [Internet]. Bordeaux\u00a0: Université de Bordeaux\u00a0; 2018 "
        "[texte revu le 17 janv 2018]. Disponible sur\u00a0: www.medecinetropicale.com"
    )
    assert values is not None and values["title"] == "Fièvres récurrentes" and values["issued"] == Date(2018)
    assert values["URL"] == "www.medecinetropicale.com" and values["publisher"] == "Université de Bordeaux"


def test_a_genre_sentence_after_the_title_of_a_report():
    values = parse_citation(
        "Haute Autorité de santé. Borréliose de Lyme et autres maladies vectorielles à tiques (MVT). "
        "Recommandation de bonne pratique. Saint-Denis La Plaine\u00a0: HAS\u00a0; juin 2018."
    )
    assert values is not None and values["author"] == (Name(literal="Haute Autorité de santé"),)
    assert values["title"] == "Borréliose de Lyme et autres maladies vectorielles à tiques (MVT)"
    assert (values["genre"], values["issued"]) == ("Recommandation de bonne pratique", Date(2018, 6))


def test_a_guide_title_after_an_agency_is_the_title_not_a_genre():
    values = parse_citation(
        "Ministério da Saúde (BR). Secretaria de Vigilância em Saúde. Guia prático sobre a hanseníase. "
        "Brasília (DF): Ministério da Saúde; 2017."
    )
    assert values is not None and values["title"] == "Guia prático sobre a hanseníase" and not values.get("genre")


def test_pmcs_web_page_with_its_year_after_the_access_date():
    values = parse_citation(
        "Statistisches Landesamt Baden-Württemberg. Baden-Württemberg: Annähernd 1700?»Hitzetote« im "
        "Sommer 2019. www.statistik-bw.de/Presse/2020171 (last accessed on 12 May 2022) 2020"
    )
    assert values is not None and values["type"] == "webpage"
    assert values["author"] == (Name(literal="Statistisches Landesamt Baden-Württemberg"),)
    assert values["title"] == "Baden-Württemberg: Annähernd 1700?»Hitzetote« im Sommer 2019"
    assert (values["issued"], values["accessed"]) == (Date(2020), Date(2022, 5, 12))
    assert not values.get("publisher")


def test_pmcs_book_with_a_spelled_out_edition_and_a_stop_before_the_year():
    values = parse_citation("Wood SN. Generalized additive models: An introduction with R. Second edition. New York: "
                            "Chapman and Hall/CRC. 2006")
    assert values is not None and values["type"] == "book" and values["edition"] == "Second"
    assert (values["publisher_place"], values["publisher"]) == ("New York", "Chapman and Hall/CRC")
    assert values["issued"] == Date(2006)
    assert values["title"] == "Generalized additive models: An introduction with R"


def test_a_subtitle_before_a_short_journal_name_is_no_part_of_it():
    values = parse_citation("Eis D, Helm D. Klimawandel und Gesundheit. Ein Sachstandsbericht. DAZ. 2008;148:66–71.")
    assert values is not None and values["container_title_short"] == "DAZ"
    assert values["title"] == "Klimawandel und Gesundheit. Ein Sachstandsbericht"


def test_pmcs_chapter_with_the_book_run_into_its_place():
    values = parse_citation(
        "Deutschländer T, Mächel H. Temperatur inklusive Hitzewellen. In: Klimawandel in Deutschland "
        "Berlin, Heidelberg: Springer Spektrum. 2017:47–56."
    )
    assert values is not None and values["type"] == "chapter"
    assert (values["container_title"], values["publisher_place"], values["publisher"]) == (
        "Klimawandel in Deutschland", "Berlin, Heidelberg", "Springer Spektrum")
    assert (values["issued"], values["page"]) == (Date(2017), "47-56")


def test_pmcs_chapter_with_its_publisher_and_year_before_the_title():
    values = parse_citation(
        "Havenith G. Heidelberg: Springer. Berlin: 2005. Temperature regulation, heat balance and climatic "
        "stress In: Extreme weather events and public health responses; pp. 69–80."
    )
    assert values is not None and values["type"] == "chapter" and values["author"] == (Name("Havenith", "G"),)
    assert values["title"] == "Temperature regulation, heat balance and climatic stress"
    assert values["container_title"] == "Extreme weather events and public health responses"
    assert (values["publisher_place"], values["publisher"], values["issued"], values["page"]) == (
        "Heidelberg", "Springer", Date(2005), "69-80")


def test_an_organisation_and_its_acronym_run_into_the_title():
    values = parse_citation("Statistisches Bundesamt (DESTATIS) Bevölkerung im Wandel. Annahmen und Ergebnisse. "
                            "www.destatis.de/a.pdf (last accessed on 12 May 2022) 2017")
    assert values is not None and values["author"] == (Name(literal="Statistisches Bundesamt (DESTATIS)"),)
    assert values["title"] == "Bevölkerung im Wandel. Annahmen und Ergebnisse" and values["issued"] == Date(2017)


# -- AMA's web pages, data sets, preprints and agency books ------------------------------------


def test_ama_web_page_with_updated_and_accessed_dates():
    values = parse("Centers for Disease Control and Prevention. Interim clinical considerations for use of "
                   "COVID-19 vaccines. Updated February 22, 2022. Accessed March 3, 2022. https://www.cdc.gov/c.html")
    assert (values["type"], values["title"], values["accessed"]) == (
        "webpage",
        "Interim clinical considerations for use of COVID-19 vaccines",
        Date(2022, 3, 3),
    )
    assert values.get("issued") is None and values["note"] == "Updated February 22, 2022."


@pytest.mark.parametrize("published", ["Published May 28, 2019", "Publicado em 28 de maio de 2019"])
def test_ama_web_page_published_on_a_date(published):
    values = parse(f"World Health Organization. Burn-out an occupational phenomenon. CDC.gov. {published}. Updated "
                   "June 1, 2019. Accessed March 3, 2022. https://www.who.int/news/item/burn-out")  # fmt: skip
    assert (values["type"], values["title"], values["container_title"]) == (
        "webpage",
        "Burn-out an occupational phenomenon",
        "CDC.gov",
    )
    assert (values["issued"], values["accessed"], values["note"]) == (
        Date(2019, 5, 28),
        Date(2022, 3, 3),
        "Updated June 1, 2019.",
    )


def test_ama_data_set_names_its_site_after_the_title():
    values = parse("Centers for Disease Control and Prevention. COVID-19 Vaccinations in the United States, "
                   "County. Data.CDC.gov. Updated March 2, 2022. Accessed March 3, 2022. https://data.cdc.gov/d/8x")
    assert (values["type"], values["title"], values["container_title"]) == (
        "dataset",
        "COVID-19 Vaccinations in the United States, County",
        "Data.CDC.gov",
    )
    assert values["author"] == (Name(literal="Centers for Disease Control and Prevention"),)


def test_ama_preprint_posted_online_on_a_full_date():
    values = parse("Gazit S, Perez G, et al. Comparing natural immunity to vaccine-induced immunity. medRxiv. Preprint "
                   "posted online August 25, 2021. doi:10.1101/2021.08.24.21262415")  # fmt: skip
    assert (values["type"], values["title"], values["container_title"], values["issued"]) == (
        "article",
        "Comparing natural immunity to vaccine-induced immunity",
        "medRxiv",
        Date(2021, 8, 25),
    )


def test_ama_agency_book_with_editors_after_its_title():
    values = parse("Centers for Disease Control and Prevention. Epidemiology and Prevention of Vaccine-Preventable "
                   "Diseases. Hall E, Wodi AP, eds. 14th ed. Public Health Foundation; 2021.")  # fmt: skip
    assert (values["type"], values["title"], values["edition"], values["publisher"]) == (
        "book",
        "Epidemiology and Prevention of Vaccine-Preventable Diseases",
        "14th",
        "Public Health Foundation",
    )
    assert names(values, "editor") == ["Hall E", "Wodi AP"]
    assert values["author"] == (Name(literal="Centers for Disease Control and Prevention"),)


def test_academies_and_a_unit_acronym_are_organisations():
    values = parse("National Academies of Sciences, Engineering, and Medicine. Framework for Equitable Allocation of "
                   "COVID-19 Vaccine. National Academies Press; 2020. doi:10.17226/25917")  # fmt: skip
    assert (values["type"], values["author"], values["title"]) == (
        "report",
        (Name(literal="National Academies of Sciences, Engineering, and Medicine"),),
        "Framework for Equitable Allocation of COVID-19 Vaccine",
    )
    values = parse("Brasil. Ministério da Saúde. DATASUS. Sistema de Informação de Agravos de Notificação "
                   "[Internet]. Brasília: Ministério da Saúde; [citado 2024 mar 12]. Disponível em: http://tabnet.x.br/a")
    assert (values["author"], values["title"]) == (
        (Name(literal="Brasil. Ministério da Saúde. DATASUS"),),
        "Sistema de Informação de Agravos de Notificação",
    )


@pytest.mark.parametrize("mark", ["Número Especial", "Special issue", "Edición especial"])
def test_a_special_issue_mark_before_the_publisher_is_a_note(mark):
    values = parse(f"Brasil. Ministério da Saúde. Secretaria de Vigilância em Saúde e Ambiente. Boletim Epidemiológico "
                   f"de Tuberculose 2024. {mark}. Brasília: Ministério da Saúde; 2024 mar.")  # fmt: skip
    assert (values["type"], values["title"], values["note"]) == (
        "report",
        "Boletim Epidemiológico de Tuberculose 2024",
        f"{mark}.",
    )
    assert (values["publisher_place"], values["issued"]) == ("Brasília", Date(2024, 3))


def test_uk_act_and_statutory_instrument_in_harvard_form():
    values = parse("Finance Act 2017, c. 10. Available at: https://www.legislation.gov.uk/ukpga/2017/10/contents "
                   "(Accessed: 12 March 2024).")
    assert (values["type"], values["title"], values["number"]) == ("legislation", "Finance Act 2017", "c. 10")
    assert values["URL"] == "https://www.legislation.gov.uk/ukpga/2017/10/contents"
    assert values["accessed"] == Date(2024, 3, 12) and values.get("issued") is None
    values = parse("The Food (Promotion and Placement) (England) Regulations 2021, SI 2021/1368. Available at: "
                   "https://www.legislation.gov.uk/uksi/2021/1368/contents/made (Accessed: 12 March 2024).")
    assert (values["type"], values["number"]) == ("regulation", "SI 2021/1368")
    assert values["title"] == "The Food (Promotion and Placement) (England) Regulations 2021"
    # a comma and a bare number after a year is no Act's chapter
    assert parse("Surveillance report 2017, 12.")["type"] != "legislation"


@pytest.mark.parametrize("label", ["lettre", "carta", "letter"])
def test_a_letter_descriptor_in_any_language_is_the_genre(label):
    values = parse(f"Ewart RM. The UKPDS: what was the question? [{label}]. Lancet. 1999;353:1882.")
    assert values["genre"] == label and values["title"] == "The UKPDS: what was the question?"
    assert (values["container_title_short"], values["volume"], values["page"]) == ("Lancet", "353", "1882")


def test_correspondence_on_an_article_is_a_comment():
    values = parse("Rönnelid J, Dahlström Ö, Dahle C, Sjöwall C. Correspondence on ‘Performance of the 2019 EULAR/ACR "
                   "classification criteria’. Ann Rheum Dis. 2023;82(8):e189.")
    assert (values["type"], values["notice"]) == ("article-journal", "comment")


def test_french_poster_abstract_presented_at_a_meeting():
    values = parse("Bardenheier B, Lin J, Gregg EW. Disability-free life-years lost due to diabetes mellitus among "
                   "older U.S. adults [résumé]. Poster 1472-P. Présenté au : 75th Scientific Sessions of the American "
                   "Diabetes Association ; 5-9 juin 2015 ; Boston (MA).")
    assert values["type"] == "paper-conference"
    assert values["title"] == "Disability-free life-years lost due to diabetes mellitus among older U.S. adults"
    assert (values["genre"], values["number"]) == ("résumé", "1472-P")
    assert values["event_title"] == "75th Scientific Sessions of the American Diabetes Association"
    assert (values["event_place"], values["issued"]) == ("Boston (MA)", Date(2015))


def test_spanish_abstract_of_a_meeting_in_a_journal_supplement():
    values = parse("Simard JF. Moving lupus epidemiology forward: returning to the basics [resumen]. En: Lupus 2014: "
                   "New Targets, New Approaches; 18-20 sep 2014; Quebec City, Canadá. Arthritis Res Ther. "
                   "2014;16(Suppl 1):A1.")
    assert (values["type"], values["genre"]) == ("paper-conference", "resumen")
    assert (values["event_title"], values["event_place"]) == ("Lupus 2014: New Targets, New Approaches",
                                                              "Quebec City, Canadá")
    assert (values["container_title_short"], values["volume"], values["supplement"], values["page"]) == (
        "Arthritis Res Ther", "16", "1", "A1")
    assert values["issued"] == Date(2014)


def test_french_internet_work_with_a_place_and_publisher_and_no_date():
    values = parse("Santé publique France. Géodes : géo données en santé publique [Internet]. Saint-Maurice : Santé "
                   "publique France ; [cité le 12 mars 2024]. Disponible sur : https://geodes.santepubliquefrance.fr/")
    assert values["author"] == (Name(literal="Santé publique France"),)
    assert values["title"] == "Géodes : géo données en santé publique"
    assert (values["publisher_place"], values["publisher"]) == ("Saint-Maurice", "Santé publique France")
    assert values["accessed"] == Date(2024, 3, 12) and values.get("issued") is None
    assert values["URL"] == "https://geodes.santepubliquefrance.fr/"


def test_a_group_then_persons_in_one_authors_sentence():
    values = parse("Action to Control Cardiovascular Risk in Diabetes Study Group, Gerstein HC, Miller ME, "
                   "Goff DC Jr, et al. Effects of intensive glucose lowering in type 2 diabetes. "
                   "N Engl J Med. 2008;358(24):2545-59.")
    assert values["author"] == (
        Name(literal="Action to Control Cardiovascular Risk in Diabetes Study Group"), Name("Gerstein", "HC"),
        Name("Miller", "ME"), Name("Goff", "DC", suffix="Jr"),
    )  # fmt: skip
    assert values["et_al"] and values["title"] == "Effects of intensive glucose lowering in type 2 diabetes"


def test_a_site_where_the_publisher_would_stand_is_the_container():
    values = parse("Assurance Maladie. Comprendre le diabète [Internet]. ameli.fr ; 2023 [mis à jour le 20 juillet "
                   "2023 ; cité le 12 mars 2024]. Disponible sur : https://www.ameli.fr/assure/sante/themes/diabete")
    assert (values["type"], values["container_title"], values.get("publisher")) == ("webpage", "ameli.fr", None)
    assert values["issued"] == Date(2023) and values["accessed"] == Date(2024, 3, 12)


@pytest.mark.parametrize(
    ("printed", "series", "number"),
    [("NICE guideline [NG106]", "NICE guideline", "NG106"),
     ("Technology appraisal guidance [TA679]", "Technology appraisal guidance", "TA679")],
)
def test_a_guidance_series_with_its_bracketed_number_in_pubmed_form(printed, series, number):
    values = parse(f"National Institute for Health and Care Excellence. Chronic heart failure in adults: diagnosis "
                   f"and management. {printed}. London: NICE; 2018 Sep 12.")
    assert (values["type"], values["title"]) == ("report", "Chronic heart failure in adults: diagnosis and management")
    assert (values["collection_title"], values["number"], values.get("genre")) == (series, number, None)
    assert (values["publisher_place"], values["publisher"], values["issued"]) == ("London", "NICE", Date(2018, 9, 12))


def test_a_statpearls_chapter_with_its_book_open_date():
    values = parse("Malik A, Brito D, Vaqar S, Chhabra L. Congestive heart failure. [Updated 2023 Nov 5]. In: "
                   "StatPearls [Internet]. Treasure Island (FL): StatPearls Publishing; 2024 Jan-. Available from: "
                   "https://www.ncbi.nlm.nih.gov/books/NBK430873/")
    assert (values["type"], values["title"]) == ("chapter", "Congestive heart failure")
    assert values["container_title"] == "StatPearls"
    assert (values["publisher_place"], values["publisher"]) == ("Treasure Island (FL)", "StatPearls Publishing")
    assert values["issued"] == Date(2024, 1) and values["URL"] == "https://www.ncbi.nlm.nih.gov/books/NBK430873/"


def test_a_trial_registry_record_in_nlm_form():
    values = parse("AstraZeneca. Study to evaluate the effect of dapagliflozin in patients with chronic heart failure "
                   "(DAPA-HF). ClinicalTrials.gov identifier: NCT03036124 [Internet]. Bethesda (MD): National Library "
                   "of Medicine (US); 2017 Feb 3 [cited 2024 Mar 12]. Available from: "
                   "https://clinicaltrials.gov/study/NCT03036124")
    assert (values["type"], values["number"]) == ("webpage", "NCT03036124")
    assert values["author"] == (Name(literal="AstraZeneca"),)
    title = "Study to evaluate the effect of dapagliflozin in patients with chronic heart failure (DAPA-HF)"
    assert values["title"] == title
    assert (values["issued"], values["accessed"]) == (Date(2017, 2, 3), Date(2024, 3, 12))


def test_an_ama_report_number_after_an_agency_acronym():
    values = parse("Substance Abuse and Mental Health Services Administration. Key Substance Use and Mental Health "
                   "Indicators in the United States. HHS Publication No. PEP22-07-01-005. Center for Behavioral Health "
                   "Statistics and Quality; 2022. Accessed March 12, 2024. https://www.samhsa.gov/data/report/nsduh")
    assert (values["type"], values["number"], values["issued"]) == ("report", "PEP22-07-01-005", Date(2022))
    assert values["title"] == "Key Substance Use and Mental Health Indicators in the United States"
    assert values["publisher"] == "Center for Behavioral Health Statistics and Quality"


def test_ama_data_sets_with_a_publisher_sentence_or_a_release_year():
    counts = parse("Ahmad FB, Cisewski JA, Rossen LM, Sutton P. Provisional drug overdose death counts. National "
                   "Center for Health Statistics. 2024. Accessed March 12, 2024. https://www.cdc.gov/nchs/nvss/vsrr/data.htm")
    assert (counts["type"], counts["title"]) == ("dataset", "Provisional drug overdose death counts")
    assert (counts["publisher"], counts["issued"]) == ("National Center for Health Statistics", Date(2024))
    wonder = parse("Centers for Disease Control and Prevention. Multiple Cause of Death 1999-2020 on CDC WONDER Online "
                   "Database. Released 2021. Accessed March 12, 2024. http://wonder.cdc.gov/mcd-icd10.html")
    assert (wonder["type"], wonder["issued"], wonder["accessed"]) == ("dataset", Date(2021), Date(2024, 3, 12))
    assert wonder["title"] == "Multiple Cause of Death 1999-2020 on CDC WONDER Online Database"

def test_uk_statutory_instrument_in_the_lancets_form():
    values = parse_citation("The Tobacco and Related Products Regulations 2016. SI 2016/507. 2016.")
    assert values is not None and values["type"] == "regulation"
    assert values["title"] == "The Tobacco and Related Products Regulations 2016"
    assert (values["number"], values["issued"]) == ("SI 2016/507", Date(2016))


def test_lancet_report_with_its_month_before_the_year():
    values = parse_citation(
        "Action on Smoking and Health. Use of e-cigarettes (vapes) among adults in Great Britain. "
        "London: ASH, August, 2023. https://ash.org.uk/vapes (accessed Jan 15, 2024)."
    )
    assert values is not None and values["title"] == "Use of e-cigarettes (vapes) among adults in Great Britain"
    assert (values["publisher_place"], values["publisher"]) == ("London", "ASH")
    assert values["issued"] == Date(2023, 8) and values["accessed"] == Date(2024, 1, 15)


def test_lancet_report_with_a_department_and_its_offices_as_publisher():
    values = parse_citation(
        "US Department of Health and Human Services. The health consequences of smoking—50 years of progress: "
        "a report of the Surgeon General. Atlanta, GA: US Department of Health and Human Services, Centers for "
        "Disease Control and Prevention, National Center for Chronic Disease Prevention and Health Promotion, "
        "Office on Smoking and Health, 2014."
    )
    assert values is not None and values["type"] == "report"
    assert values["title"] == (
        "The health consequences of smoking—50 years of progress: a report of the Surgeon General"
    )
    assert values["publisher_place"] == "Atlanta, GA" and values["issued"] == Date(2014)
    assert values["publisher"].startswith("US Department of Health and Human Services, Centers for Disease")
    assert values["publisher"].endswith("Office on Smoking and Health")


def test_lancet_guidance_series_and_code_without_brackets():
    values = parse_citation(
        "National Institute for Health and Care Excellence. Tobacco: preventing uptake, promoting quitting and "
        "treating dependence. NICE guideline NG209. London: NICE, 2021."
    )
    assert values is not None and values["type"] == "report" and values.get("genre") is None
    assert values["title"] == "Tobacco: preventing uptake, promoting quitting and treating dependence"
    assert (values["collection_title"], values["number"]) == ("NICE guideline", "NG209")
    assert (values["publisher_place"], values["publisher"], values["issued"]) == ("London", "NICE", Date(2021))


def test_lancet_web_page_with_its_date_of_release_before_the_url():
    values = parse_citation(
        "Office for National Statistics. Adult smoking habits in the UK: 2022. Oct 3, 2023. "
        "https://www.ons.gov.uk/bulletins/2022 (accessed Jan 15, 2024)."
    )
    assert values is not None and values["type"] == "webpage"
    assert values["title"] == "Adult smoking habits in the UK: 2022"
    assert values["author"] == (Name(literal="Office for National Statistics"),)
    assert values["issued"] == Date(2023, 10, 3) and values["accessed"] == Date(2024, 1, 15)
    assert values["URL"] == "https://www.ons.gov.uk/bulletins/2022"


def test_report_sentence_saying_who_commissioned_it_stays_in_the_title():
    values = parse_citation(
        "McNeill A, Brose LS, Calder R, Hitchman SC, Hajek P, McRobbie H. E-cigarettes: an evidence update. "
        "A report commissioned by Public Health England. London: Public Health England, 2015."
    )
    assert values is not None and values["type"] == "report" and values.get("genre") is None
    assert values["title"] == "E-cigarettes: an evidence update. A report commissioned by Public Health England"
    assert (values["publisher_place"], values["publisher"], values["issued"]) == (
        "London",
        "Public Health England",
        Date(2015),
    )


# -- the readers' ninth round: NLM / Vancouver guideline references and AMA 11 web forms ---------


def test_ama_guidance_series_sentence_before_the_release_date_makes_a_report():
    values = parse("National Institute for Health and Care Excellence. Chronic Kidney Disease: Assessment and "
                   "Management. NICE guideline NG203. Published August 25, 2021. Accessed March 4, 2024. "
                   "https://www.nice.org.uk/guidance/ng203")
    assert (values["type"], values["title"]) == ("report", "Chronic Kidney Disease: Assessment and Management")
    assert (values["collection_title"], values["number"]) == ("NICE guideline", "NG203")
    assert values["author"] == (Name(literal="National Institute for Health and Care Excellence"),)
    assert (values["issued"], values["accessed"]) == (Date(2021, 8, 25), Date(2024, 3, 4))


def test_ama_released_bulletin_is_a_report_and_a_published_page_is_not():
    bulletin = parse("Office for National Statistics. Self-reported long COVID after infection with the Omicron "
                     "variant in the UK: 18 July 2022. Released July 18, 2022. Accessed March 4, 2024. "
                     "https://www.ons.gov.uk/bulletins/18july2022")
    assert (bulletin["type"], bulletin["issued"]) == ("report", Date(2022, 7, 18))
    title = "Self-reported long COVID after infection with the Omicron variant in the UK: 18 July 2022"
    assert bulletin["title"] == title
    page = parse("World Health Organization. Coronavirus disease (COVID-19): post COVID-19 condition. Published "
                 "March 28, 2023. Accessed March 4, 2024. https://www.who.int/news-room/questions-and-answers/item/pcc")
    assert (page["type"], page["issued"]) == ("webpage", Date(2023, 3, 28))


def test_ama_public_use_files_are_a_data_set():
    values = parse("US Census Bureau. National Health Interview Survey public-use file. "
                   "Accessed March 4, 2024. https://www.census.gov/programs-surveys/nhis/files.html")
    assert (values["type"], values["title"]) == ("dataset", "National Health Interview Survey public-use file")
    assert values["author"] == (Name(literal="US Census Bureau"),)
    assert values.get("issued") is None and values["accessed"] == Date(2024, 3, 4)


@pytest.mark.parametrize(
    ("entry", "title", "owner"),
    [("Post-COVID conditions: information for healthcare providers. Centers for Disease Control and Prevention. "
      "Updated September 11, 2023. Accessed March 4, 2024. https://www.cdc.gov/hcp/clinical-overview",
      "Post-COVID conditions: information for healthcare providers", "Centers for Disease Control and Prevention"),
     ("RECOVER-VITAL: a platform protocol. National Institutes of Health. Accessed March 4, 2024. "
      "https://trials.recovercovid.org/vital", "RECOVER-VITAL: a platform protocol", "National Institutes of Health")],
)
def test_ama_web_page_with_its_owner_after_its_title(entry, title, owner):
    values = parse(entry)
    assert (values["type"], values["title"], values["container_title"]) == ("webpage", title, owner)
    assert values.get("author") is None and values["accessed"] == Date(2024, 3, 4)


def test_ama_web_page_with_its_owner_first_keeps_the_owner_as_author():
    values = parse("Centers for Disease Control and Prevention. Long COVID basics. Accessed March 4, 2024. "
                   "https://www.cdc.gov/covid/long-term-effects/")
    assert values["author"] == (Name(literal="Centers for Disease Control and Prevention"),)
    assert (values["title"], values.get("container_title")) == ("Long COVID basics", None)


def test_vancouver_joint_organisations_are_two_groups():
    values = parse("British Thoracic Society; Scottish Intercollegiate Guidelines Network. British guideline on the "
                   "management of asthma [Internet]. Edinburgh: SIGN; 2016 Sep [cited 2024 Mar 1]. Available from: "
                   "https://www.sign.ac.uk/sign-153")
    assert values["author"] == (Name(literal="British Thoracic Society"),
                                Name(literal="Scottish Intercollegiate Guidelines Network"))  # fmt: skip
    assert (values["type"], values["title"]) == ("report", "British guideline on the management of asthma")


@pytest.mark.parametrize(
    ("printed", "series", "number"),
    [("(SIGN publication no. 153)", "SIGN publication", "153"),
     ("(NIH publication no. 08-5846)", "NIH publication", "08-5846"),
     ("(NICE guideline [NG245])", "NICE guideline", "NG245")],
)
def test_vancouver_series_in_parentheses_with_the_works_own_number(printed, series, number):
    values = parse(f"National Institute for Health and Care Excellence. Asthma: diagnosis and management [Internet]. "
                   f"London: NICE; 2024 Nov 27 [cited 2025 Jan 6]. {printed}. Available from: https://www.nice.org.uk/")
    assert (values["type"], values["title"]) == ("report", "Asthma: diagnosis and management")
    assert (values["collection_title"], values["number"], values.get("collection_number")) == (series, number, None)
    assert (values["publisher_place"], values["publisher"]) == ("London", "NICE")


def test_vancouver_series_and_its_own_number_after_a_semicolon_stays_the_series_number():
    values = parse("World Health Organization. Evaluation of certain food additives. Geneva: World Health "
                   "Organization; 2017. (WHO technical report series; no. 1000).")
    assert (values["collection_title"], values["collection_number"]) == ("WHO technical report series", "1000")
    assert values.get("number") is None


def test_vancouver_agency_page_dated_to_the_day_is_a_web_page():
    page = parse("World Health Organization. Chronic obstructive pulmonary disease (COPD) [Internet]. Geneva: WHO; "
                 "2024 Nov 6 [cited 2025 Jan 6]. Available from: https://www.who.int/news-room/fact-sheets/detail/copd")
    assert (page["type"], page["issued"]) == ("webpage", Date(2024, 11, 6))
    assert (page["title"], page["publisher"]) == ("Chronic obstructive pulmonary disease (COPD)", "WHO")
    report = parse("World Health Organization. Global tuberculosis report 2024 [Internet]. Geneva: WHO; 2024 Oct "
                   "[cited 2025 Jan 6]. Available from: https://www.who.int/publications/i/item/9789240101531")
    assert (report["type"], report["issued"]) == ("report", Date(2024, 10))


def test_a_name_with_a_plus_is_a_group_not_a_person():
    values = parse("Asthma + Lung UK. Inhaler technique [Internet]. London: Asthma + Lung UK; [cited 2024 Mar 1]. "
                   "Available from: https://www.asthmaandlung.org.uk/inhalers")
    assert values["author"] == (Name(literal="Asthma + Lung UK"),)
    assert (values["type"], values["title"]) == ("webpage", "Inhaler technique")
    assert values["publisher"] == "Asthma + Lung UK"
