"""BibTeX writer: field mapping, names, encodings, verbatim URL/DOI, stability and model round trips."""

from __future__ import annotations

import json

import bibtexparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import myobib
from myobib import Bibliography, Date, Name, Occurrence, Reference
from myobib.readers import bibtex as reader
from myobib.writers import bibtex as writer
from tests.writers.mixed_kinds import MIXED_KINDS

URL = "https://example.org/a_b%20c/~x?y=1&z=2#frag"
DOI = "10.1002/(SICI)1097-4636(199601)30:1<1::AID-JBM1>3.0.CO;2-V"


def fields_of(text: str) -> dict[str, dict[str, str]]:
    """Each entry's fields as bibtexparser reads them (braces removed), by key; no failed blocks."""
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return {entry.key: {f.key: f.value for f in entry.fields} for entry in library.entries}


def entry_types(text: str) -> dict[str, str]:
    return {entry.key: entry.entry_type for entry in bibtexparser.parse_string(text).entries}


def same(a: Reference, b: Reference) -> bool:
    return a.replace(provenance=()) == b.replace(provenance=())


def full_reference(**changes) -> Reference:
    ref = Reference(
        id="lundberg2017european",
        title="2017 European League Against Rheumatism/American College of Rheumatology classification criteria",
        author=(Name("Lundberg", "IE"), Name("Tjärnlund", "A"), Name(literal="IMCCP Group")),
        et_al=True,
        container_title="Arthritis & Rheumatology",
        container_title_short="Arthritis Rheumatol",
        issued=Date(2017, 12, 5),
        volume="69",
        issue="12 Suppl 1",
        supplement="1",
        page="2271-2282",
        page_first="2271",
        page_as_written="2271-82",
        number="e12",
        DOI=DOI,
        PMID="29106061",
        PMCID="PMC5846474",
        URL=URL,
        ISSN="2326-5191",
        publisher="Wiley",
        note="Erratum in: Arthritis Rheumatol. 2018 Sep;70(9):1532.",
        ISBN="978-0-00-000000-0",
        language="en",
        extra={"abstract": "Objective: to develop criteria."},
    )
    return ref.replace(**changes)


def test_every_field_is_written_under_its_bibtex_name():
    fields = fields_of(writer.dumps(Bibliography([full_reference()])))["lundberg2017european"]
    override = json.loads(fields.pop(writer.OVERRIDE_FIELD))
    assert fields == {
        "author": "Lundberg, I. E. and Tjärnlund, A. and {IMCCP Group} and others",
        "title": "2017 {European League Against Rheumatism/American College} of {Rheumatology} classification criteria",
        "journal": r"Arthritis \& Rheumatology",
        "shortjournal": "Arthritis Rheumatol",
        "year": "2017",
        "month": "dec",
        "date": "2017-12-05",
        "volume": "69",
        "number": "12 Suppl 1",
        "pages": "2271--2282",
        "eid": "e12",
        "doi": DOI,
        "url": URL,
        "eprint": "29106061",
        "eprinttype": "pubmed",
        "addendum": "PMCID: PMC5846474",
        "issn": "2326-5191",
        "language": "en",
        "abstract": "Objective: to develop criteria.",
        "note": "Erratum in: Arthritis Rheumatol. 2018 Sep;70(9):1532.",
    }
    # biblatex's @article has no publisher or ISBN (and this ISBN's check digit is wrong): they, the
    # supplement and the page range as printed are kept where only myobib reads them
    assert override == {
        "csl": {"ISBN": "978-0-00-000000-0", "publisher": "Wiley", "supplement": "1"},
        "custom": {"page-as-written": "2271-82"},
    }


def test_every_field_reads_back_into_the_same_model():
    ref = full_reference()
    for latex in (False, True):
        back = reader.loads(writer.dumps(Bibliography([ref]), latex=latex))
        assert same(back[0], ref)
        assert back.report.unparsed == []


@pytest.mark.parametrize(
    ("csl_type", "entry_type", "container_field"),
    [
        ("article-journal", "article", "journal"),
        ("article-newspaper", "article", "journal"),
        ("book", "book", None),
        ("chapter", "inbook", "booktitle"),
        ("paper-conference", "inproceedings", "booktitle"),
        ("report", "report", None),
        ("thesis", "thesis", None),
        ("manuscript", "unpublished", None),
        ("pamphlet", "booklet", None),
        ("document", "misc", None),
        ("webpage", "online", None),
        ("software", "software", None),
        ("dataset", "dataset", None),
        ("legislation", "misc", None),
    ],
)
def test_csl_types_map_to_biblatex_entry_types_and_back(csl_type, entry_type, container_field):
    ref = Reference(id="k", type=csl_type, title="T", container_title="C", publisher="P")
    text = writer.dumps(Bibliography([ref]))
    assert entry_types(text) == {"k": entry_type}
    fields = fields_of(text)["k"]
    if container_field:
        assert fields[container_field] == "C"
    else:  # biblatex has no field for the container of this kind
        assert "journal" not in fields and json.loads(fields[writer.OVERRIDE_FIELD])["csl"]["container-title"] == "C"
    back = reader.loads(text)[0]
    assert back.type == csl_type and same(back, ref)


def test_a_chapter_is_incollection_with_editors_and_inbook_in_an_authored_book():
    chapter = Reference(id="k", type="chapter", title="T", container_title="B", editor=(Name("Amato", "AA"),))
    assert entry_types(writer.dumps(Bibliography([chapter]))) == {"k": "incollection"}
    authored = chapter.replace(container_author=(Name("Dumitru", "D"),))
    text = writer.dumps(Bibliography([authored]))
    assert entry_types(text) == {"k": "inbook"}
    assert fields_of(text)["k"]["bookauthor"] == "Dumitru, D."
    assert same(reader.loads(text)[0], authored)


def test_newspaper_and_magazine_articles_are_articles_with_a_subtype():
    ref = Reference(id="k", type="article-magazine", title="T", container_title="The Economist")
    fields = fields_of(writer.dumps(Bibliography([ref])))["k"]
    assert fields["entrysubtype"] == "magazine" and writer.OVERRIDE_FIELD not in fields


def test_publisher_is_institution_school_or_organization_by_kind():
    refs = [
        Reference(id="r", type="report", publisher="WHO"),
        Reference(id="t", type="thesis", publisher="KI"),
        Reference(id="w", type="webpage", publisher="NORD", URL="https://rarediseases.org"),
        Reference(id="b", type="book", publisher="Springer"),
    ]
    text = writer.dumps(Bibliography(refs))
    fields = fields_of(text)
    assert (fields["r"]["institution"], fields["t"]["school"], fields["w"]["organization"]) == ("WHO", "KI", "NORD")
    assert fields["b"]["publisher"] == "Springer"
    assert [ref.publisher for ref in reader.loads(text)] == ["WHO", "KI", "NORD", "Springer"]


def test_number_means_what_biblatex_says_for_each_kind():
    refs = [
        Reference(id="a", title="A", issue="3", number="e12"),
        Reference(id="r", type="report", title="R", number="WHO/HTM/2019.1"),
        Reference(
            id="b", type="book", title="B", collection_title="Methods in Molecular Biology", collection_number="42"
        ),
    ]
    text = writer.dumps(Bibliography(refs))
    fields = fields_of(text)
    assert (fields["a"]["number"], fields["a"]["eid"]) == ("3", "e12")
    assert fields["r"]["number"] == "WHO/HTM/2019.1" and "eid" not in fields["r"]
    assert (fields["b"]["series"], fields["b"]["number"]) == ("Methods in {Molecular Biology}", "42")
    assert [same(back, ref) for back, ref in zip(reader.loads(text), refs, strict=True)] == [True] * 3


def test_pmid_is_a_pubmed_eprint_and_pmcid_an_addendum():
    ref = Reference(id="k", title="T", PMID="33599244", PMCID="PMC8160981")
    fields = fields_of(writer.dumps(Bibliography([ref])))["k"]
    assert (fields["eprint"], fields["eprinttype"], fields["addendum"]) == ("33599244", "pubmed", "PMCID: PMC8160981")
    assert "pmid" not in fields and "pmcid" not in fields
    other = reader.loads("@misc{k, eprint = {2101.00001}, eprinttype = {arxiv}, addendum = {Extra text}}")[0]
    assert other.PMID is None and other.PMCID is None
    assert other.extra["bibtex"] == {"eprint": "2101.00001", "eprinttype": "arxiv", "addendum": "Extra text"}


@pytest.mark.parametrize(
    ("isbn", "valid"),
    [("978-0-306-40615-7", True), ("0-306-40615-2", True), ("030640615X", False), ("978-92-4-156538-2", False)],
)
def test_only_isbns_biber_accepts_are_written_as_isbn(isbn, valid):
    assert writer.valid_isbn(isbn) is valid
    ref = Reference(id="k", type="book", title="T", ISBN=isbn)
    text = writer.dumps(Bibliography([ref]))
    assert ("isbn" in fields_of(text)["k"]) is valid
    assert reader.loads(text)[0].ISBN == isbn


def test_only_issns_with_a_right_check_digit_are_written():
    assert [writer.valid_issn(i) for i in ("2326-5191", "0028-0836", "2326-5192", "12345678")] == [
        True,
        True,
        False,
        False,
    ]


def test_institution_and_school_carry_the_publisher_of_reports_and_theses():
    refs = [Reference(id="r", type="report", publisher="WHO"), Reference(id="t", type="thesis", publisher="KI")]
    text = writer.dumps(Bibliography(refs))
    assert fields_of(text)["r"]["institution"] == "WHO"
    assert fields_of(text)["t"]["school"] == "KI"
    assert [ref.publisher for ref in reader.loads(text)] == ["WHO", "KI"]


def test_group_author_with_and_inside_is_one_braced_name():
    group = "American and European Network of Antisynthetase Syndrome Collaborative Group"
    ref = Reference(id="k", author=(Name("Castañeda", "S"), Name(literal=group)))
    text = writer.dumps(Bibliography([ref]))
    assert "{" + group + "}" in text
    names = bibtexparser.middlewares.names.split_multiple_persons_names(fields_of(text)["k"]["author"])
    assert len(names) == 2
    assert reader.loads(text)[0].author == ref.author


def test_et_al_is_and_others():
    ref = Reference(id="k", author=(Name("Aggarwal", "R"),), et_al=True)
    text = writer.dumps(Bibliography([ref]))
    assert fields_of(text)["k"]["author"] == "Aggarwal, R. and others"
    back = reader.loads(text)[0]
    assert back.et_al is True and back.author == ref.author
    no_et_al = reader.loads(writer.dumps(Bibliography([ref.replace(et_al=False)])))[0]
    assert no_et_al.et_al is False


@pytest.mark.parametrize(
    ("name", "written"),
    [
        (Name("Lundberg", "IE"), "Lundberg, I. E."),
        (Name("Oldroyd", "AGS"), "Oldroyd, A. G. S."),
        (Name("Dupont", "J-P"), "Dupont, J.-P."),
        (Name("Werth", "Victoria P."), "Werth, Victoria P."),
        (Name("de Souza", "FHC"), "{de Souza}, F. H. C."),
        (Name("Berg", "J", non_dropping_particle="van den"), "van den Berg, J."),
        (Name("Diaz Del Campo", "P"), "Diaz Del Campo, P."),
        (Name("Smith", "J", suffix="Jr"), "Smith, Jr, J."),
        (Name("Beethoven", "Ludwig", dropping_particle="van"), "Beethoven, Ludwig van"),
        (Name("Selva-O’Callaghan", "A"), "Selva-O’Callaghan, A."),
    ],
)
def test_person_names_are_written_so_bibtex_splits_them_as_the_model_does(name, written):
    text = writer.dumps(Bibliography([Reference(id="k", author=(name,))]))
    assert fields_of(text)["k"]["author"] == written
    back = reader.loads(text)[0]
    assert back.author == (name,)
    assert writer.OVERRIDE_FIELD not in fields_of(text)["k"]


@pytest.mark.parametrize("latex", [False, True])
def test_non_ascii_names_in_utf8_and_latex(latex):
    names = (Name("Tjärnlund", "A"), Name("Castañeda", "S"), Name("Selva-O’Callaghan", "A"), Name("Simões", "RS"))
    text = writer.dumps(Bibliography([Reference(id="k", author=names, title="Évaluation à l’hôpital")]), latex=latex)
    author = fields_of(text)["k"]["author"]
    if latex:
        assert text.isascii()
        assert r"Tj{\"a}rnlund" in author and r"Casta{\~n}eda" in author and r"Sim{\~o}es" in author
        assert r"Selva-O{\textquoteright}Callaghan" in author
    else:
        assert author.startswith("Tjärnlund, A. and Castañeda, S. and Selva-O’Callaghan, A.")
    back = reader.loads(text)[0]
    assert back.author == names and back.title == "Évaluation à l’hôpital"


@pytest.mark.parametrize("latex", [False, True])
def test_url_and_doi_are_written_verbatim_in_both_modes(latex):
    ref = Reference(id="k", title="Café 50% off_now", URL=URL, DOI=DOI)
    text = writer.dumps(Bibliography([ref]), latex=latex)
    fields = fields_of(text)["k"]
    assert fields["url"] == URL and fields["doi"] == DOI
    assert fields["title"] == (r"Caf{\'e} 50\% off\_now" if latex else r"Café 50\% off\_now")
    back = reader.loads(text)[0]
    assert (back.URL, back.DOI, back.title) == (URL, DOI, "Café 50% off_now")


def test_latex_special_characters_in_text_are_escaped_and_read_back():
    title = r"A & B: 50% of $5 #1 under_score {braced} back\slash ~tilde ^caret -- ``quotes'' ?` !`"
    text = writer.dumps(Bibliography([Reference(id="k", title=title)]))
    assert fields_of(text)["k"]["title"].startswith(r"A \& {B:} 50\% of \$5 \#1 under\_score \textbraceleft{}")
    assert reader.loads(text)[0].title == title


def test_rich_text_markup_becomes_latex_markup():
    title = 'Infection with <i>E. coli</i> and <span class="nocase">de novo</span> CO<sub>2</sub>'
    text = writer.dumps(Bibliography([Reference(id="k", title=title)]))
    # `E. coli` and `CO2` are protected by the casing rule, markup and all; `de novo` by its own span
    fields = fields_of(text)["k"]
    assert fields["title"] == r"Infection with {{\textit{E. coli}}} and {de novo} {CO\textsubscript{2}}"
    assert writer.OVERRIDE_FIELD not in fields
    assert reader.loads(text)[0].title == title


def test_unbalanced_markup_is_written_as_text():
    title = "Scores <i>above 5 and below 3"
    assert reader.loads(writer.dumps(Bibliography([Reference(id="k", title=title)])))[0].title == title


def test_pages_are_expanded_with_the_original_kept():
    ref = Reference(id="k", page="S57-S107", page_first="S57", page_as_written="S57-107")
    fields = fields_of(writer.dumps(Bibliography([ref])))["k"]
    assert fields["pages"] == "S57--S107"
    assert json.loads(fields[writer.OVERRIDE_FIELD]) == {"custom": {"page-as-written": "S57-107"}}


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        (Date(2018, 3, 7), {"year": "2018", "month": "mar", "date": "2018-03-07"}),
        (Date(2017, 5), {"year": "2017", "month": "may"}),
        (Date(2011), {"year": "2011"}),
        (Date(literal="in press"), {"pubstate": "inpress"}),
        (Date(literal="1993-2024"), {"date": "1993/2024"}),
        (Date(literal="s.d."), {}),
    ],
)
def test_dates_use_year_month_and_iso_date_when_the_day_is_known(issued, expected):
    text = writer.dumps(Bibliography([Reference(id="k", issued=issued)]))
    fields = fields_of(text)["k"]
    assert {k: v for k, v in fields.items() if k in ("year", "month", "date", "pubstate")} == expected
    assert reader.loads(text)[0].issued == issued


def test_output_is_stable_byte_for_byte():
    bib = Bibliography([full_reference(), full_reference(id="other", flags=("retracted",), type="webpage")])
    first = writer.dumps(bib)
    again = writer.dumps(
        Bibliography([full_reference(), full_reference(id="other", flags=("retracted",), type="webpage")])
    )
    assert first == again
    assert writer.dumps(reader.loads(first)) == first


def test_what_plain_fields_cannot_say_goes_to_the_myobib_field():
    ref = full_reference(
        type="legislation",
        container_title=None,
        flags=("retracted",),
        match={"status": "matched", "score": 0.97},
        tags=({"facet": "topic", "tag": "ILD"},),
        author=(Name("Lundberg", "I. E."),),
        extra={"archive": "PubMed {Central}", "custom": {"mine": True}},
    )
    text = writer.dumps(Bibliography([ref]))
    override = json.loads(fields_of(text)["lundberg2017european"][writer.OVERRIDE_FIELD])
    assert override["csl"]["type"] == "legislation"
    assert override["csl"]["archive"] == "PubMed {Central}"
    assert override["custom"]["flags"] == ["retracted"]
    assert override["custom"]["match"] == {"status": "matched", "score": 0.97}
    assert same(reader.loads(text)[0], ref)


def test_provenance_is_not_written():
    ref = full_reference(provenance=(Occurrence("seed.txt", 3, 5, "raw text of the entry", 6),))
    text = writer.dumps(Bibliography([ref]))
    assert "raw text of the entry" not in text and "seed.txt" not in text
    back = reader.loads(text, "out.bib")[0]
    assert back.provenance[0].source == "out.bib" and back.provenance[0].key == ref.id


def test_keys_that_bibtex_cannot_hold_are_replaced_and_restored():
    refs = [Reference(id="a key, with {braces}", title="x"), Reference(id="a_key__with__braces_", title="y")]
    text = writer.dumps(Bibliography(refs))
    keys = list(fields_of(text))
    assert len(set(keys)) == 2 and all(" " not in key and "{" not in key for key in keys)
    assert [ref.id for ref in reader.loads(text)] == [ref.id for ref in refs]


def test_write_is_atomic_and_returns_the_path(tmp_path):
    bib = Bibliography([full_reference()])
    target = tmp_path / "out" / "refs.bib"
    assert writer.write(bib, target, latex=True) == target
    assert target.read_text(encoding="utf-8") == writer.dumps(bib, latex=True)
    assert [p.name for p in target.parent.iterdir()] == ["refs.bib"]


def test_bibliography_to_bibtex_calls_the_writer():
    bib = Bibliography([full_reference()])
    assert bib.to_bibtex() == writer.dumps(bib) and bib.to_bibtex(latex=True) == writer.dumps(bib, latex=True)


@pytest.fixture(scope="module")
def seed(seed_path):
    return myobib.load(seed_path)


@pytest.mark.parametrize("latex", [False, True])
def test_seed_round_trips_through_bibtex(seed, latex):
    text = writer.dumps(seed, latex=latex)
    fields = fields_of(text)
    assert list(fields) == seed.keys() and len(fields) == 17
    # only what BibTeX has no field for: a supplement number, two page ranges as printed, a comment's notice kind
    assert {key: json.loads(f[writer.OVERRIDE_FIELD]) for key, f in fields.items() if writer.OVERRIDE_FIELD in f} == {
        "castaneda2018consideration": {"custom": {"notice": "comment"}},
        "feasby2007guidelines": {"csl": {"supplement": "1"}, "custom": {"page-as-written": "S57-107"}},
        "fujimoto2016woundburn": {"custom": {"page-as-written": "729-57"}},
    }
    back = reader.loads(text, "seed.bib")
    assert back.report.unparsed == [] and back.report.warnings == []
    for ref, again in zip(seed, back, strict=True):
        assert same(again, ref), ref.id
    assert writer.dumps(back, latex=latex) == text


def test_seed_quirks_in_bibtex(seed):
    fields = fields_of(writer.dumps(seed))
    assert fields["castaneda2018consideration"]["author"].endswith(
        "{American and European Network of Antisynthetase Syndrome Collaborative Group}"
    )
    assert "volume" not in fields["castaneda2018consideration"]
    assert fields["fujimoto2016woundburn"]["pages"] == "729--757"
    assert fields["souza2019guidelines"]["author"].startswith("{de Souza}, F. H. C. and {de Araújo}, D. B.")
    assert fields["souza2019guidelines"]["eid"] == "6"
    assert fields["titulaer2011screening"]["pages"] == "19--e3"
    assert fields["oldroyd2021systematic"]["note"].startswith("Erratum in: Rheumatology (Oxford)")
    assert fields["oldroyd2021systematic"]["shortjournal"] == "Rheumatology (Oxford)"


# -- model → BibTeX → model for any reference --------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_maybe = st.none() | _text
_names = st.one_of(
    st.builds(Name, literal=_text),
    st.builds(Name, family=_text, given=_maybe, suffix=_maybe, non_dropping_particle=_maybe),
    st.builds(Name, family=st.sampled_from(["de Souza", "Tjärnlund", "Selva-O’Callaghan"]), given=st.just("IE")),
)
_dates = st.none() | st.builds(
    Date, st.none() | st.integers(0, 9999), st.none() | st.integers(1, 12), st.none() | st.integers(1, 31),
    st.none() | st.text(min_size=1, max_size=8),
)  # fmt: skip
_names_list = st.lists(_names, max_size=3).map(tuple)
_titles = _maybe | st.sampled_from(["2017 EULAR/ACR criteria: report of the IMACS group", "p53 in <i>Homo Sapiens</i>"])
_ids = _maybe | st.sampled_from(["978-0-306-40615-7", "0-306-40615-2", "2326-5191", "PMC5846474", "33599244"])
_full_dates = st.none() | st.builds(Date, st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 28))
_references = st.builds(
    Reference,
    id=st.text(min_size=1, max_size=8),
    type=st.sampled_from(
        ["article-journal", "book", "chapter", "report", "thesis", "webpage", "article", "paper-conference",
         "software", "dataset", "article-newspaper", "legislation", "manuscript"]
    ),
    title=_titles, author=_names_list, et_al=st.booleans(), editor=_names_list, container_author=_names_list,
    container_title=_maybe, container_title_short=_maybe, issued=_dates, volume=_maybe, issue=_maybe,
    supplement=_maybe, page=_maybe, page_first=_maybe, page_as_written=_maybe, number=_maybe, DOI=_maybe,
    URL=_maybe, PMID=_ids, PMCID=_ids, ISSN=_ids, ISBN=_ids, publisher=_maybe, publisher_place=_maybe,
    edition=_maybe, collection_title=_titles, collection_number=_maybe, genre=_maybe, event_title=_titles,
    event_place=_maybe, language=_maybe, accessed=_full_dates | _dates, notice=_maybe, note=_maybe,
    flags=st.lists(_text, max_size=2).map(tuple),
    extra=st.dictionaries(st.sampled_from(["abstract", "version", "x-unknown", "bibtex", "number-of-pages"]),
                          _text | st.dictionaries(st.sampled_from(["foo", "journal", "year", "addendum"]), _text),
                          max_size=2),
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_references, min_size=1, max_size=3), st.booleans())
def test_any_model_survives_bibtex(refs, latex):
    bib = Bibliography(refs)
    text = writer.dumps(bib, latex=latex)
    # latex mode leaves only characters that have no LaTeX form that reads back (control characters, CJK, …)
    assert not latex or all(writer._latex_char(ch) == ch for ch in text if not ch.isascii())
    assert bibtexparser.parse_string(text).failed_blocks == []
    back = reader.loads(text)
    assert back.report.unparsed == []
    assert [r.replace(provenance=()).to_csl() for r in back] == [r.to_csl() for r in bib]


@pytest.mark.parametrize("latex", [False, True])
@pytest.mark.parametrize("ref", MIXED_KINDS, ids=[ref.type for ref in MIXED_KINDS])
def test_every_kind_round_trips_with_its_fields_in_bibtex_fields(ref, latex):
    """model → BibTeX → model keeps every field; only what biblatex has no field for goes to `verba`."""
    text = writer.dumps(Bibliography([ref]), latex=latex)
    back = reader.loads(text)
    assert back.report.unparsed == [] and back.report.warnings == []
    assert same(back[0], ref)
    fields = fields_of(text)[ref.id]
    override = json.loads(fields.get(writer.OVERRIDE_FIELD, "{}"))
    assert set(override.get("csl", {})) <= {"container-title", "type"}, override
    assert "custom" not in override
