"""One APA 7 entry of each kind of work, field by field (`apa.parse_apa`)."""

from __future__ import annotations

import pytest

from myobib import Date, Name
from myobib.readers.apa import parse_apa


def parse(text: str) -> dict:
    values = parse_apa(text)
    assert values is not None
    return values


def test_journal_article_with_a_supplement_and_a_doi():
    values = parse(
        "Domingues, C. M. A. S., & Domingues, R. A. S. (2020). The Brazilian National Immunization Program: 46 years "
        "of achievements and challenges. Cadernos de Saúde Pública, 36(Suppl. 2), e00222919. "
        "https://doi.org/10.1590/0102-311X00222919"
    )
    assert values["type"] == "article-journal"
    assert values["author"] == (Name("Domingues", "C. M. A. S."), Name("Domingues", "R. A. S."))
    assert (values["container_title"], values["volume"], values["supplement"], values["page"]) == (
        "Cadernos de Saúde Pública",
        "36",
        "2",
        "e00222919",
    )
    assert (values["issued"], values["DOI"]) == (Date(2020), "10.1590/0102-311X00222919")


def test_journal_name_with_an_acronym_first():
    values = parse("Valier, M. R. (2023). Racial and ethnic differences—National Immunization Survey, December "
                   "2020–September 2022. MMWR. Morbidity and Mortality Weekly Report, 72(1), 1–8.")  # fmt: skip
    assert values["container_title"] == "MMWR. Morbidity and Mortality Weekly Report"
    assert values["title"].endswith("December 2020–September 2022") and values["issued"] == Date(2023)


def test_group_author_after_persons_and_et_al():
    values = parse("Barata, R. B., Moraes, J. C., & Grupo ICV 2020. (2023). National Vaccine Coverage Survey 2020. "
                   "Revista Brasileira de Epidemiologia, 26, e230031.")  # fmt: skip
    assert values["author"][-1] == Name(literal="Grupo ICV 2020") and values["issued"] == Date(2023)
    values = parse("Mesenburg, M. A., Amigo, H., et al. (2018). Ethnic group inequalities. The Lancet Global Health, "
                   "6, "
                   "e902–e913.")  # fmt: skip
    assert values["et_al"] and len(values["author"]) == 2


def test_retraction_note_and_translation_leave_the_title():
    values = parse("Wakefield, A. J., Malik, M., et al. (1998). Ileal-lymphoid-nodular hyperplasia (Retraction "
                   "published 2010, The Lancet, 375[9713], 445). The Lancet, 351(9103), 637–641.")  # fmt: skip
    assert values["title"] == "Ileal-lymphoid-nodular hyperplasia"
    assert values["note"] == "Retraction published 2010, The Lancet, 375[9713], 445."
    assert (values["container_title"], values["issue"]) == ("The Lancet", "9103")
    values = parse("Yokokura, A. V. (2013). Cobertura vacinal [Vaccination coverage]. Cadernos de Saúde Pública, "
                   "29(3), 522–534.")  # fmt: skip
    assert (values["title"], values["note"]) == ("Cobertura vacinal", "[Vaccination coverage]")


def test_edited_book_and_book():
    values = parse("Sobrinho, L. V., & Pinheiro dos Santos, W. (Eds.). (2025). Artificial intelligence and bioethics: "
                   "Perspectives. CRC Press.")  # fmt: skip
    assert (values["type"], values["publisher"], values.get("author")) == ("book", "CRC Press", None)
    assert values["editor"] == (Name("Sobrinho", "L. V."), Name("Pinheiro dos Santos", "W."))
    values = parse("Topol, E. J. (2019). Deep medicine: How artificial intelligence can make healthcare human again. "
                   "Basic Books.")  # fmt: skip
    assert (values["type"], values["publisher"], values["issued"]) == ("book", "Basic Books", Date(2019))


def test_report_by_an_organisation():
    values = parse("United Nations Children’s Fund. (2023). The state of the world’s children 2023. UNICEF.")
    assert (values["type"], values["author"], values["publisher"]) == (
        "report",
        (Name(literal="United Nations Children’s Fund"),),
        "UNICEF",
    )


def test_paper_in_proceedings():
    values = parse("Lemke, N., & Konstantin, M. (2025). Equitable federated learning with NCA. In Medical image "
                   "computing and computer-assisted intervention—MICCAI 2025 (pp. 168–177). Springer.")  # fmt: skip
    assert (values["type"], values["container_title"], values["page"], values["publisher"]) == (
        "paper-conference",
        "Medical image computing and computer-assisted intervention—MICCAI 2025",
        "168-177",
        "Springer",
    )


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("R Core Team. (2023). R: A language and environment for statistical computing [Computer software]. R "
         "Foundation for Statistical Computing. https://www.R-project.org/", "software"),
        ("StataCorp. (2017). Stata statistical software: Release 15 [Computer software]. StataCorp LLC.", "software"),
        ("The World Bank. (n.d.). Domestic general government health expenditure per capita, PPP [Data set]. "
         "Retrieved October 6, 2023, from https://data.worldbank.org/indicator/SH.XPD.GHED.PP.CD", "dataset"),
        ("Conselho Nacional de Secretarias Municipais de Saúde. (n.d.). Indicadores de imunização. Retrieved October "
         "28, 2023, from https://portal.conasems.org.br/paineis", "webpage"),
        ("World Health Organization. (n.d.). Immunization agenda 2030. Retrieved November 3, 2023, from "
         "https://cdn.who.int/ia2030.pdf?download=true", "report"),
    ],
)  # fmt: skip
def test_software_data_and_the_web(entry, kind):
    values = parse(entry)
    assert values["type"] == kind and values["author"][0].is_group
    assert "[" not in values["title"] and "Retrieved" not in (values["note"] or "")
    if "Retrieved" in entry:
        assert values["issued"] == Date(literal="n.d.") and values["accessed"].year == 2023 and values["URL"]


def test_a_doi_link_is_no_part_of_a_title():
    values = parse("World Health Organization. (2020). Guidance on myositis care. https://doi.org/10.1234/who.2020.1")
    assert (values["title"], values["DOI"], values.get("URL")) == (
        "Guidance on myositis care",
        "10.1234/who.2020.1",
        None,
    )


def test_vancouver_authors_are_not_apa():
    assert parse_apa("Jacob M, Dupont J. A title (2019) with a year. Ann Rheum Dis. 2017;76:792-801.") is None


@pytest.mark.parametrize(
    ("entry", "last"),
    [
        ("Borracci, R. A. y Giglio, N. D. (2020). Título. Medicina (Buenos Aires), 80, 1–2.", Name("Giglio", "N. D.")),
        ("Dupont, J. et Martin, A.-M. (2020). Titre. Revue Médicale Suisse, 16, 1–2.", Name("Martin", "A.-M.")),
        ("Müller, K. u. Schmidt, H. (2020). Titel. Der Nervenarzt, 91, 1–2.", Name("Schmidt", "H.")),
        ("Silva, A. B. e Souza, C. (2020). Título. Cadernos de Saúde Pública, 36, 1–2.", Name("Souza", "C.")),
    ],
)
def test_the_word_for_and_before_the_last_author_in_any_language(entry, last):
    values = parse(entry)
    assert len(values["author"]) == 2 and values["author"][1] == last and not values["et_al"]


def test_a_particle_in_the_initials_and_apa_ellipsis_before_the_last_author():
    values = parse(
        "Abalos, M. G., Morales, G. del C., von Horoch, M., . . . Salas, D. (2024). Título. "
        "Morbidity and Mortality Weekly Report, 73(39), 861–868."
    )
    assert values["author"] == (
        Name("Abalos", "M. G."), Name("Morales", "G. del C."), Name("von Horoch", "M."), Name("Salas", "D."),
    )  # fmt: skip
    assert values["et_al"] is True


@pytest.mark.parametrize(
    "entry",
    [
        "Suárez, E. L. (2019, 26 de julio). Sobre la ley. Microjuris. https://example.org/a",
        "Dupont, J. (2019, 26 juillet). Sur la loi. Dalloz. https://example.org/a",
        "Müller, K. (2019, 26. Juli). Über das Gesetz. Beck. https://example.org/a",
    ],
)
def test_a_full_date_in_the_head_in_any_language(entry):
    assert parse(entry)["issued"] == Date(2019, 7, 26)


@pytest.mark.parametrize(
    "entry",
    [
        "Organización Panamericana de la Salud. (s. f.). Tablero. Recuperado el 19 de abril de 2025 de https://example.org/h5",
        "Institut Pasteur. (s. d.). Grippe. Consulté le 19 avril 2025, à l'adresse https://example.org/h5",
        "Robert Koch-Institut. (o. J.). Influenza. Abgerufen am 19. April 2025 von https://example.org/h5",
        "Fiocruz. (s. d.). Gripe. Recuperado em 19 de abril de 2025, de https://example.org/h5",
    ],
)
def test_undated_web_page_retrieved_on_a_date_in_any_language(entry):
    values = parse(entry)
    assert values["issued"] == Date(literal="n.d.")
    assert (values["accessed"], values["URL"]) == (Date(2025, 4, 19), "https://example.org/h5")
    assert len(values["author"]) == 1 and values["author"][0].is_group
    assert not values.get("publisher") and not values.get("note")


def test_a_supplement_in_spanish():
    values = parse("Borracci, R. A. (2020). Forecasting. Medicina (Buenos Aires), 80(Supl. 3). http://example.org/x")
    assert (values["volume"], values["supplement"]) == ("80", "3")


def test_a_date_after_a_comma_in_a_title_is_no_volume():
    values = parse(
        "Organización Mundial de la Salud. (2021a). Digital documentation of COVID-19 certificates: Technical "
        "specifications, 27 August 2021. https://iris.who.int/handle/10665/343361"
    )
    assert values["title"] == "Digital documentation of COVID-19 certificates: Technical specifications, 27 August 2021"
    assert not values.get("volume") and not values.get("container_title")


@pytest.mark.parametrize(
    ("entry", "pages"),
    [
        ("Tkaczyk, D. y Bolikowski, Ł. (2015). Extracting information. En Semantic Web Evaluation Challenges "
         "(pp. 93–104). Springer International Publishing. https://doi.org/10.1007/978-3-319-25518-7_8", "93–104"),
        ("Dupont, J. (2015). Extraire. Dans Défis du Web sémantique (p. 93–104). Springer International Publishing.",
         "93–104"),
        ("Müller, K. (2015). Extrahieren. In Semantic Web Evaluation Challenges (S. 93–104). Springer International "
         "Publishing.", "93–104"),
    ],
)  # fmt: skip
def test_a_chapter_in_a_book_in_any_language(entry, pages):
    values = parse(entry)
    assert values["type"] == "chapter" and values["page"] == pages.replace("–", "-")
    assert values["publisher"] == "Springer International Publishing"
    assert values["container_title"] in ("Semantic Web Evaluation Challenges", "Défis du Web sémantique")


def test_a_paper_in_proceedings_after_en():
    values = parse(
        "Tkaczyk, D., Szostek, P. y Bolikowski, L. (2014). CERMINE. En 2014 11th IAPR International Workshop on "
        "Document Analysis Systems. IEEE. https://doi.org/10.1109/das.2014.63"
    )
    assert (values["type"], values["publisher"]) == ("paper-conference", "IEEE")
    assert values["container_title"] == "2014 11th IAPR International Workshop on Document Analysis Systems"


@pytest.mark.parametrize(
    ("entry", "genre", "number"),
    [
        ("Perelli, L., et al. (2021, 14 de enero). Vacunas contra la COVID-19 (Informe de Respuesta Rápida N.º 818). "
         "Instituto de Efectividad Clínica y Sanitaria.", "Informe de Respuesta Rápida", "818"),
        ("Smith, J. (2021). Vaccines against COVID-19 (Report No. 818). Institute of Health.", "Report", "818"),
        ("Dupont, J. (2021). Vaccins contre la COVID-19 (Rapport n. 818). Institut de santé.", "Rapport", "818"),
    ],
)  # fmt: skip
def test_a_report_with_its_kind_and_number_after_the_title(entry, genre, number):
    values = parse(entry)
    assert (values["type"], values["genre"], values["number"]) == ("report", genre, number)
    assert values["title"] in ("Vacunas contra la COVID-19", "Vaccines against COVID-19", "Vaccins contre la COVID-19")


@pytest.mark.parametrize(
    "entry",
    [
        "Organización Mundial de la Salud. (2021b). Leave no one behind: Guidance. https://iris.who.int/handle/10665/340749",
        "Organización Panamericana de la Salud. (2017). Registro nominal de vacunación electrónico.",
        "Sociedad Argentina de Pediatría. (2022, 11 de abril). Gripe: Actualización 2022.",
    ],
)
def test_an_organisations_own_publication_is_a_report(entry):
    assert parse(entry)["type"] == "report"


@pytest.mark.parametrize(
    ("entry", "title", "site"),
    [
        ("Saldaña Vidal, A. (s. f.). Vacuna influenza estacional. Instituto de Salud Pública de Chile. https://ispch.cl/a/",
         "Vacuna influenza estacional", "Instituto de Salud Pública de Chile"),
        ("Suárez, E. L. (2019, 26 de julio). Sobre la ley 27.491. Control de enfermedades (MJ-DOC-14982-AR). "
         "Microjuris. https://aldiaargentina.microjuris.com/a/",
         "Sobre la ley 27.491. Control de enfermedades", "Microjuris"),
        ("Vacunación antigripal en Argentina. (2023, 24 de diciembre). Medicina (Buenos Aires). https://example.org/v/",
         "Vacunación antigripal en Argentina", "Medicina (Buenos Aires)"),
    ],
)  # fmt: skip
def test_a_web_page_on_a_site(entry, title, site):
    values = parse(entry)
    assert (values["type"], values["title"], values["container_title"]) == ("webpage", title, site)
    assert not values.get("publisher")


def test_a_preprint_server_after_the_title():
    values = parse(
        "Santos, J. E. y Moras, A. (2020). A numerical simulation (arXiv:2005.06297) [Preprint]. arXiv. "
        "https://doi.org/10.48550/arXiv.2005.06297"
    )
    assert (values["type"], values["container_title"], values["number"]) == ("article", "arXiv", "2005.06297")


def test_author_year_form_with_vancouver_names_and_a_colon_before_the_pages():
    values = parse(
        "Evans L, Rhodes A, Alhazzani W et al. (2021) Surviving sepsis campaign: international guidelines. "
        "Intensive Care Medicine 47(11): 1181–247"
    )
    assert values["author"] == (Name("Evans", "L"), Name("Rhodes", "A"), Name("Alhazzani", "W")) and values["et_al"]
    assert values["issued"] == Date(2021) and values["type"] == "article-journal"
    assert values["title"] == "Surviving sepsis campaign: international guidelines"
    assert (values["container_title"], values["volume"], values["issue"]) == ("Intensive Care Medicine", "47", "11")
    assert values["page"] == "1181-1247"


def test_harvard_pages_after_pp():
    values = parse("Smith, J. (2019) A title. British Medical Journal, 315(7), pp. 801–10.")
    assert (values["container_title"], values["volume"], values["issue"]) == ("British Medical Journal", "315", "7")
    assert values["page"] == "801-810"


def test_place_and_publisher_after_the_title_in_the_author_year_form():
    values = parse(
        "Department of Health (2013) UK five year antimicrobial resistance strategy. London: Department of Health"
    )
    assert values["author"] == (Name(literal="Department of Health"),) and values["issued"] == Date(2013)
    assert values["title"] == "UK five year antimicrobial resistance strategy"
    assert (values["publisher_place"], values["publisher"]) == ("London", "Department of Health")
    values = parse("StataCorp (2019) Stata statistical software: release 16. College Station, TX: StataCorp LLC")
    assert (values["publisher_place"], values["publisher"]) == ("College Station, TX", "StataCorp LLC")


def test_a_genre_sentence_or_a_second_title_sentence_before_the_publisher():
    values = parse("Royal College of Physicians (2017) National Early Warning Score (NEWS) 2. Updated report of a "
                   "working party. London: Royal College of Physicians")
    assert values["genre"] == "Updated report of a working party"
    assert values["title"] == "National Early Warning Score (NEWS) 2"
    values = parse("Parliamentary and Health Service Ombudsman (2013) Time to act. Severe sepsis: rapid diagnosis "
                   "and treatment saves lives. London: PHSO")
    assert values["title"] == "Time to act. Severe sepsis: rapid diagnosis and treatment saves lives"
    assert (values["publisher_place"], values["publisher"], values.get("genre")) == ("London", "PHSO", None)


def test_a_series_and_the_number_in_it_after_the_title():
    values = parse("National Institute for Health and Care Excellence (2016) Sepsis: recognition, diagnosis and "
                   "early management. NICE guideline NG51")
    assert (values["collection_title"], values["number"], values["type"]) == ("NICE guideline", "NG51", "report")
    assert values["title"] == "Sepsis: recognition, diagnosis and early management"


@pytest.mark.parametrize(
    ("entry", "title", "edition", "kind"),
    [
        ("American Psychiatric Association. (2022). Diagnostic and statistical manual of mental disorders (5th ed., "
         "text rev.). https://doi.org/10.1176/appi.books.9780890425787", "Diagnostic and statistical manual of mental "
         "disorders", "5th", "book"),
        ("Creswell, J. W., & Poth, C. N. (2018). Qualitative inquiry and research design: Choosing among five "
         "approaches (4th ed.). SAGE Publications.", "Qualitative inquiry and research design: Choosing among five "
         "approaches", "4th", "book"),
    ],
)  # fmt: skip
def test_an_edition_in_parentheses_after_the_title(entry, title, edition, kind):
    values = parse(entry)
    assert (values["type"], values["title"], values["edition"]) == (kind, title, edition)


def test_a_version_in_parentheses_after_a_software_title():
    values = parse("IBM Corp. (2021). IBM SPSS Statistics for Windows (Version 28.0) [Computer software]. IBM Corp.")
    assert (values["type"], values["title"], values["extra"]["version"], values["publisher"]) == (
        "software",
        "IBM SPSS Statistics for Windows",
        "28.0",
        "IBM Corp",
    )


def test_an_organisation_with_commas_in_its_name_is_one_author():
    values = parse("National Academies of Sciences, Engineering, and Medicine. (2019). Taking action against clinician "
                   "burnout: A systems approach. The National Academies Press. https://doi.org/10.17226/25521")
    assert values["author"] == (Name(literal="National Academies of Sciences, Engineering, and Medicine"),)
    assert (values["title"], values["publisher"]) == (
        "Taking action against clinician burnout: A systems approach",
        "The National Academies Press",
    )


def test_a_data_set_whose_title_ends_in_a_year_is_no_article():
    values = parse("National Center for Health Statistics. (2022). National Health Interview Survey, 2021 [Data set]. "
                   "Centers for Disease Control and Prevention. https://www.cdc.gov/nchs/nhis/2021nhis.htm")
    assert (values["type"], values["title"], values["publisher"], values.get("volume")) == (
        "dataset",
        "National Health Interview Survey, 2021",
        "Centers for Disease Control and Prevention",
        None,
    )


def test_a_guideline_numbered_in_its_series():
    values = parse("National Institute for Health and Care Excellence. (2022). Depression in adults: Treatment and "
                   "management (NICE Guideline No. NG222). https://www.nice.org.uk/guidance/ng222")  # fmt: skip
    assert (values["type"], values["title"], values["collection_title"], values["number"]) == (
        "report",
        "Depression in adults: Treatment and management",
        "NICE Guideline",
        "NG222",
    )


def test_an_abbreviation_with_full_stops_does_not_end_the_title():
    values = parse("Office of the Surgeon General. (2022). Addressing health worker burnout: The U.S. Surgeon "
                   "General's advisory. U.S. Department of Health and Human Services. https://www.hhs.gov/a.pdf")
    assert (values["title"], values["publisher"]) == (
        "Addressing health worker burnout: The U.S. Surgeon General's advisory",
        "U.S. Department of Health and Human Services",
    )


def test_a_newspaper_article_with_a_number_in_its_title():
    values = parse("Wan, W. (2021, April 22). Burned out by the pandemic, 3 in 10 health-care workers consider leaving "
                   "the profession. The Washington Post. https://www.washingtonpost.com/health/2021/04/22/a/")
    assert (values["type"], values["container_title"], values["issued"], values.get("volume")) == (
        "article-newspaper",
        "The Washington Post",
        Date(2021, 4, 22),
        None,
    )
    assert values["title"] == "Burned out by the pandemic, 3 in 10 health-care workers consider leaving the profession"


@pytest.mark.parametrize("parentheses", ["(2nd ed., pp. 351–357)", "(2nd ed.)"])
def test_a_chapters_book_edition(parentheses):
    values = parse(f"Maslach, C., & Leiter, M. P. (2016). Burnout. In G. Fink (Ed.), Stress: Concepts, cognition, "
                   f"emotion, and behavior {parentheses}. Academic Press.")  # fmt: skip
    assert (values["type"], values["title"], values["container_title"], values["edition"]) == (
        "chapter",
        "Burnout",
        "Stress: Concepts, cognition, emotion, and behavior",
        "2nd",
    )
    assert (values["publisher"], values.get("page")) == ("Academic Press", "351-357" if "pp." in parentheses else None)


def test_an_organisations_data_set_with_no_publisher_is_a_data_set():
    values = parse("U.S. Census Bureau. (2021). American Community Survey 5-year estimates, 2015-2019 [Data set]. "
                   "https://data.census.gov")  # fmt: skip
    assert (values["type"], values["title"], values["author"]) == (
        "dataset",
        "American Community Survey 5-year estimates, 2015-2019",
        (Name(literal="U.S. Census Bureau"),),
    )


def test_harvard_quoted_title_and_et_al_after_initials():
    values = parse(
        "Briggs, A.D.M. et al. (2017) 'Health impact assessment of the UK soft drinks industry levy: a comparative "
        "risk assessment modelling study', The Lancet Public Health, 2(1), pp. e15–e22. "
        "Available at: https://doi.org/10.1016/S2468-2667(16)30037-8."
    )
    assert values["author"] == (Name("Briggs", "A.D.M."),) and values["et_al"]
    assert values["type"] == "article-journal" and values["issued"] == Date(2017)
    assert values["title"] == (
        "Health impact assessment of the UK soft drinks industry levy: a comparative risk assessment modelling study"
    )
    assert (values["container_title"], values["volume"], values["issue"]) == ("The Lancet Public Health", "2", "1")
    assert values["page"] == "e15-e22" and values["DOI"] == "10.1016/S2468-2667(16)30037-8"
    values = parse("Mytton, O.T., Clarke, D. and Rayner, M. (2012) 'Taxing unhealthy food and drinks to improve "
                   "health', BMJ, 344, e2931. Available at: https://doi.org/10.1136/bmj.e2931.")
    assert values["author"] == (Name("Mytton", "O.T."), Name("Clarke", "D."), Name("Rayner", "M."))
    assert not values["et_al"] and values["title"] == "Taxing unhealthy food and drinks to improve health"
    assert (values["container_title"], values["volume"], values["page"]) == ("BMJ", "344", "e2931")


def test_harvard_edition_sentence_before_the_publisher():
    values = parse("Kopelman, P.G., Caterson, I.D. and Dietz, W.H. (eds) (2010) Clinical obesity in adults and "
                   "children. 3rd edn. Chichester: Wiley-Blackwell.")
    assert values["editor"] == (Name("Kopelman", "P.G."), Name("Caterson", "I.D."), Name("Dietz", "W.H."))
    assert (values["title"], values["edition"]) == ("Clinical obesity in adults and children", "3rd")
    assert (values["publisher_place"], values["publisher"], values["type"]) == (
        "Chichester", "Wiley-Blackwell", "book")


def test_harvard_page_of_an_organisation_with_an_access_date():
    values = parse("HM Revenue & Customs (2016) Soft Drinks Industry Levy. Available at: https://www.gov.uk/"
                   "government/publications/soft-drinks-industry-levy (Accessed: 12 March 2024).")
    assert (values["type"], values["title"], values["issued"]) == ("webpage", "Soft Drinks Industry Levy", Date(2016))
    assert values["accessed"] == Date(2024, 3, 12)
    # a site's home address alone is where a report was found, not the page itself
    values = parse("NHS Digital (2019) Hospital Admitted Patient Care Activity, 2018-19 [online]. Available from: "
                   "https://digital.nhs.uk (accessed 12 March 2024)")
    assert values["type"] == "report"


def test_harvard_data_collection_with_its_archive_and_study_number():
    values = parse("NatCen Social Research (2021) Health Survey for England, 2019 [data collection]. UK Data "
                   "Service. SN: 8860. Available at: https://doi.org/10.5255/UKDA-SN-8860-1.")
    assert (values["type"], values["title"]) == ("dataset", "Health Survey for England, 2019")
    assert (values["publisher"], values["number"]) == ("UK Data Service", "8860")
    assert values["DOI"] == "10.5255/UKDA-SN-8860-1"
    values = parse("Office for Health Improvement and Disparities (2024) Obesity Profile. Available at: "
                   "https://fingertips.phe.org.uk/profile/national-child-measurement-programme "
                   "(Accessed: 12 March 2024).")
    assert values["type"] == "dataset"


def test_harvard_poster_abstract_presented_at_a_meeting():
    values = parse("Khin, M.O.O., Gates, S. and Saravanan, P. (2015) 'Correlation of serum folate levels with glucose "
                   "levels in gestational diabetes mellitus (GDM) in relation to vitamin B12 levels' [Poster abstract "
                   "1470-P]. Presented at the American Diabetes Association 75th Scientific Sessions, Boston, MA, "
                   "5–9 June.")
    assert values["type"] == "paper-conference" and values["issued"] == Date(2015)
    assert values["title"].startswith("Correlation of serum folate") and values["title"].endswith("B12 levels")
    assert (values["genre"], values["number"]) == ("Poster abstract", "1470-P")
    assert values["event_title"] == "American Diabetes Association 75th Scientific Sessions"
    assert values["event_place"] == "Boston, MA"


def test_apa_dissertation_with_its_university_in_brackets_and_its_repository():
    values = parse_apa(
        "Zambrano-Vazquez, L. (2016). The interaction of state and trait worry on response monitoring "
        "[Doctoral dissertation, University of Arizona]. UA Campus Repository. https://repository.arizona.edu/h/1"
    )
    assert values is not None and values["type"] == "thesis" and values["genre"] == "Doctoral dissertation"
    assert values["title"] == "The interaction of state and trait worry on response monitoring"
    assert values["publisher"] == "University of Arizona"
    assert values["extra"]["archive"] == "UA Campus Repository"
    assert values["URL"] == "https://repository.arizona.edu/h/1" and values["note"] is None


def test_apa_data_set_with_its_study_number_version_and_place_in_brackets():
    values = parse_apa(
        "Alegria, M., & Takeuchi, D. (2016). Collaborative Psychiatric Epidemiology Surveys (CPES), 2001–2003 "
        "[United States] (ICPSR 20240; Version 8) [Data set]. Inter-university Consortium for Political and "
        "Social Research. https://doi.org/10.3886/ICPSR20240.v8"
    )
    assert values is not None and values["type"] == "dataset"
    assert values["title"] == "Collaborative Psychiatric Epidemiology Surveys (CPES), 2001–2003 [United States]"
    assert (values["number"], values["extra"]["version"]) == ("ICPSR 20240", "8")
    assert values["publisher"] == "Inter-university Consortium for Political and Social Research"
    assert values["DOI"] == "10.3886/ICPSR20240.v8" and values["note"] is None


def test_apa_software_whose_author_is_a_project_named_in_lower_case():
    values = parse_apa("The jamovi project. (2023). jamovi (Version 2.3) [Computer software]. https://www.jamovi.org")
    assert values is not None and values["type"] == "software"
    assert values["author"] == (Name(literal="The jamovi project"),)
    assert values["title"] == "jamovi" and values["extra"]["version"] == "2.3"
    assert values["issued"] == Date(2023) and values["URL"] == "https://www.jamovi.org"


def test_apa_agency_report_with_its_document_number_after_the_title():
    values = parse_apa(
        "World Health Organization. (2017). Depression and other common mental disorders: Global health "
        "estimates (WHO/MSD/MER/2017.2). https://apps.who.int/iris/handle/10665/254610"
    )
    assert values is not None and values["type"] == "report"
    assert values["title"] == "Depression and other common mental disorders: Global health estimates"
    assert values["number"] == "WHO/MSD/MER/2017.2"
    assert values["author"] == (Name(literal="World Health Organization"),)


def test_apa_title_ending_in_a_year_in_parentheses_keeps_it():
    values = parse_apa("Smith, J. (2020). Health survey results (NHIS 2019). Publisher.")
    assert values is not None and values["title"] == "Health survey results (NHIS 2019)"
    assert values.get("number") is None
