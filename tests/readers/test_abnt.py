"""ABNT NBR 6023 entries, field by field."""

from __future__ import annotations

import pytest

from myobib import Date, Name
from myobib.readers.abnt import parse_abnt
from myobib.readers.freetext import parse_entry


def test_journal_article_with_the_city_volume_issue_pages_and_doi():
    values = parse_abnt(
        "SOUZA, M. A.; LIMA JUNIOR, P. R. Hanseníase no Brasil: tendências. Rev. Soc. Bras. Med. Trop., Uberaba,"
        " v. 52, n. 3, p. 112-120, 2019. DOI: 10.1590/0037-8682-0001-2019."
    )
    assert values is not None
    assert values["type"] == "article-journal"
    assert values["author"] == (
        Name(family="SOUZA", given="M. A."),
        Name(family="LIMA", given="P. R.", suffix="JUNIOR"),
    )
    assert values["title"] == "Hanseníase no Brasil: tendências"
    assert values["container_title"] == "Rev. Soc. Bras. Med. Trop."  # the city after it is left out
    assert (values["volume"], values["issue"], values["page"]) == ("52", "3", "112-120")
    assert values["issued"] == Date(2019)
    assert values["DOI"] == "10.1590/0037-8682-0001-2019"


def test_et_al_a_special_issue_and_a_supplement():
    values = parse_abnt("COSTA, A. B. et al. Título do estudo. Revista X, Recife, v. 8, n. esp., p. 1-9, 2020.")
    assert values is not None and values["et_al"] is True and values["issue"] == "esp."
    values = parse_abnt("ROCHA, C. Outro título. Nature, London, v. 465, n. 7301, supl., p. S6-S7, 2010.")
    assert values is not None and (values["issue"], values["page"]) == ("7301", "S6-S7")


def test_edited_book_with_edition_place_and_publisher():
    values = parse_abnt("FONSECA, A. L.; REIS, B. (org.). Saúde coletiva. 3. ed. São Paulo: Hucitec, 2012.")
    assert values is not None
    assert values["type"] == "book"
    assert values["editor"] == (Name(family="FONSECA", given="A. L."), Name(family="REIS", given="B."))
    assert "author" not in values or not values["author"]
    assert (values["title"], values["edition"]) == ("Saúde coletiva", "3")
    assert (values["publisher_place"], values["publisher"], values["issued"]) == ("São Paulo", "Hucitec", Date(2012))


def test_chapter_in_an_edited_book():
    values = parse_abnt(
        "MENDES, E. V. As redes de atenção. In: PAIM, J. S.; ALMEIDA, N. (org.). Saúde coletiva: teoria e prática."
        " Rio de Janeiro: MedBook, 2014. p. 45-67."
    )
    assert values is not None
    assert values["type"] == "chapter"
    assert values["author"] == (Name(family="MENDES", given="E. V."),)
    assert values["editor"] == (Name(family="PAIM", given="J. S."), Name(family="ALMEIDA", given="N."))
    assert values["container_title"] == "Saúde coletiva: teoria e prática"
    assert (values["page"], values["issued"], values["publisher"]) == ("45-67", Date(2014), "MedBook")


def test_an_organisation_with_its_hierarchy_writes_a_report():
    values = parse_abnt(
        "BRASIL. Ministério da Saúde. Secretaria de Vigilância em Saúde. Guia de vigilância em saúde."
        " 5. ed. Brasília, DF: Ministério da Saúde, 2021."
    )
    assert values is not None
    assert values["type"] == "report"
    assert values["author"] == (Name(literal="BRASIL. Ministério da Saúde. Secretaria de Vigilância em Saúde"),)
    assert (values["title"], values["edition"], values["publisher_place"]) == (
        "Guia de vigilância em saúde",
        "5",
        "Brasília, DF",
    )


@pytest.mark.parametrize(
    ("entry", "kind", "issued"),
    [
        ("ORGANIZAÇÃO MUNDIAL DA SAÚDE. Dengue. Genebra: OMS, [2022]. Disponível em: https://www.who.int/x."
         " Acesso em: 5 jan. 2024.", "webpage", Date(2022)),
        ("BRASIL. Ministério da Saúde. Painel de casos. Brasília, DF: DATASUS, [s. d.]. Disponível em:"
         " http://tabnet.datasus.gov.br/cgi/x.def. Acesso em: 5 jan. 2024.", "dataset", None),
    ],
)  # fmt: skip
def test_pages_and_data_on_the_web(entry, kind, issued):
    values = parse_abnt(entry)
    assert values is not None
    assert values["type"] == kind
    assert values.get("issued") == issued
    assert values["URL"].startswith("http")
    assert values["accessed"] == Date(2024, 1, 5)


@pytest.mark.parametrize(
    ("entry", "kind", "author"),
    [
        ("BRASIL. Lei nº 8.080, de 19 de setembro de 1990. Dispõe sobre a saúde. Diário Oficial da União: seção 1,"
         " Brasília, DF, 20 set. 1990.", "legislation", "BRASIL"),
        ("BRASIL. Ministério da Saúde. Portaria nº 204, de 17 de fevereiro de 2016. Define a lista. Diário Oficial"
         " da União: seção 1, Brasília, DF, 18 fev. 2016.", "regulation", "BRASIL. Ministério da Saúde"),
    ],
)  # fmt: skip
def test_laws_and_ordinances_in_the_official_gazette(entry, kind, author):
    values = parse_abnt(entry)
    assert values is not None
    assert values["type"] == kind
    assert values["author"] == (Name(literal=author),)
    assert values["title"].split(",")[0] in ("Lei nº 8.080", "Portaria nº 204")
    assert values["container_title"] == "Diário Oficial da União"
    assert values["issued"] in (Date(1990, 9, 20), Date(2016, 2, 18))


@pytest.mark.parametrize(
    "entry",
    [
        "Smith, J. (2020). A title. Journal, 1(2), 3-4.",
        "Smith J, Jones K. A title. JAMA. 2020;323(1):1-2.",
        "WHO. Global tuberculosis report 2023. Geneva: World Health Organization; 2023.",
        "SMART Health IT. Apps gallery [Internet]. 2024 [cited 2024 Mar 1]. Available from: https://x.org",
    ],
)
def test_other_styles_are_not_abnt(entry):
    assert parse_abnt(entry) is None


def test_a_free_text_list_reads_abnt_entries():
    values = parse_entry("KROPF, S. P. Doença de Chagas, doença do Brasil. Rio de Janeiro: Editora Fiocruz, 2009.")
    assert values is not None
    assert (values["type"], values["publisher"], values["issued"]) == ("book", "Editora Fiocruz", Date(2009))
