"""BibTeX reader: field mapping, LaTeX decoding, names, macros, failed blocks and BibTeX round trips."""

from __future__ import annotations

import bibtexparser
import pytest

import myobib
from myobib import Bibliography, Date, InputError, Name, Reference
from myobib.readers import bibtex as reader
from myobib.readers import stream
from myobib.writers import bibtex as writer

# A realistic export (JabRef/Overleaf style) with the quirks real files have.
SAMPLE = r"""% Encoding: UTF-8
@string{ard = "Annals of the Rheumatic Diseases"}
@String{EULAR = "European League Against Rheumatism"}

@Article{lundberg2017,
  Author    = {Lundberg, Ingrid E. and Tj{\"a}rnlund, A. and {International Myositis Classification Criteria
               Project consortium, The Euromyositis register and The Juvenile Dermatomyositis Cohort
               Biomarker Study and Repository (JDRG) (UK and Ireland)} and others},
  Title     = "2017 " # EULAR # "/{American College of Rheumatology} classification criteria -- {IIM}",
  Journal   = ard,
  year      = 2017,
  month     = dec,
  volume    = {76},
  number    = {12},
  pages     = {1955--1964},
  doi       = {10.1136/annrheumdis-2017-211468},
  url       = {https://example.org/full_text%20pdf?a=1&b=2},
  pmid      = {29079590},
  keywords  = {myositis, classification},
  file      = {:lundberg2017.pdf:PDF},
  timestamp = {2021.03.01},
}

@incollection{castaneda2020,
  author    = {Casta{\~n}eda, Santos and Selva-O'Callaghan, Albert and de la Torre, Ignacio and van den Berg, Jan and
               Smith, Jr, John},
  title     = {Myositis \& the lung: 50\% of patients},
  booktitle = {Textbook of Myositis},
  editor    = {Aggarwal, Rohit and Oddis, Chester V.},
  publisher = {Springer},
  address   = {Cham},
  edition   = {2},
  year      = {2020},
  pages     = {101--120},
  isbn      = {978-3-030-15819-4},
}

@techreport{who2019,
  author      = {{World Health Organization}},
  title       = {Rare diseases report},
  institution = {WHO},
  type        = {Technical Report},
  number      = {42},
  year        = {2019},
  note        = {Available at \url{https://www.who.int/a_b%20c}},
}

@mastersthesis{doe2018,
  author = {Doe, Jane},
  title  = {Muscle {MRI} in \textit{dermatomyositis}},
  school = {Karolinska Institutet},
  year   = {2018},
}

@software{tool2021,
  title   = {myotool},
  version = {1.2},
  date    = {2021-06-18},
  doi     = {10.5281/zenodo.1234567},
}
"""


@pytest.fixture(scope="module")
def sample():
    return reader.loads(SAMPLE, "export.bib")


def test_reads_every_entry_in_order(sample):
    assert sample.keys() == ["lundberg2017", "castaneda2020", "who2019", "doe2018", "tool2021"]
    assert sample.report.unparsed == [] and sample.report.warnings == []


def test_article_fields(sample):
    ref = sample["lundberg2017"]
    assert ref.type == "article-journal"
    assert ref.title == (
        '2017 European League Against Rheumatism/<span class="nocase">American College of Rheumatology</span> '
        "classification criteria – IIM"
    )  # `{IIM}` protects what the casing rule protects anyway: no span; `of` inside the other is not
    assert ref.container_title == "Annals of the Rheumatic Diseases"
    assert ref.issued == Date(2017, 12)
    assert (ref.volume, ref.issue, ref.page, ref.page_first) == ("76", "12", "1955-1964", "1955")
    assert ref.DOI == "10.1136/annrheumdis-2017-211468"
    assert ref.URL == "https://example.org/full_text%20pdf?a=1&b=2"
    assert ref.PMID == "29079590"
    assert ref.extra["keyword"] == "myositis, classification"
    assert ref.extra["bibtex"] == {"file": ":lundberg2017.pdf:PDF", "timestamp": "2021.03.01"}


def test_names_groups_and_et_al(sample):
    ref = sample["lundberg2017"]
    assert ref.author[:2] == (Name("Lundberg", "Ingrid E."), Name("Tjärnlund", "A"))
    assert ref.author[2].literal.startswith("International Myositis Classification Criteria Project consortium")
    assert ref.author[2].literal.endswith("Repository (JDRG) (UK and Ireland)")
    assert len(ref.author) == 3 and ref.et_al is True
    assert sample["castaneda2020"].author == (
        Name("Castañeda", "Santos"),
        Name("Selva-O'Callaghan", "Albert"),
        Name("Torre", "Ignacio", non_dropping_particle="de la"),
        Name("Berg", "Jan", non_dropping_particle="van den"),
        Name("Smith", "John", suffix="Jr"),
    )
    assert sample["castaneda2020"].et_al is False
    assert sample["who2019"].author == (Name(literal="World Health Organization"),)


def test_initials_with_periods_read_as_printed_initials():
    bib = reader.loads("@article{k, author = {Lundberg, I. E. and Oldroyd, A. and Kim, I.E. and Lee, Ji-Hoon}}")
    assert [n.given for n in bib[0].author] == ["IE", "A", "I.E.", "Ji-Hoon"]


def test_chapter_fields(sample):
    ref = sample["castaneda2020"]
    assert ref.type == "chapter"
    assert ref.title == "Myositis & the lung: 50% of patients"
    assert ref.container_title == "Textbook of Myositis"
    assert ref.publisher == "Springer"
    assert ref.publisher_place == "Cham"
    assert ref.edition == "2"
    assert ref.ISBN == "978-3-030-15819-4"
    assert ref.editor == (Name("Aggarwal", "Rohit"), Name("Oddis", "Chester V."))
    assert ref.page == "101-120"


def test_report_thesis_and_unknown_types(sample):
    who = sample["who2019"]
    assert (who.type, who.publisher, who.number, who.genre) == ("report", "WHO", "42", "Technical Report")
    assert who.note == r"Available at \url{https://www.who.int/a_b%20c}"
    thesis = sample["doe2018"]
    assert (thesis.type, thesis.publisher, thesis.extra["bibtex-type"]) == (
        "thesis",
        "Karolinska Institutet",
        "mastersthesis",
    )
    assert thesis.title == "Muscle MRI in <i>dermatomyositis</i>"
    tool = sample["tool2021"]
    assert (tool.type, tool.issued, tool.extra["version"]) == ("software", Date(2021, 6, 18), "1.2")


def test_occurrence_gives_source_start_line_key_and_raw_text(sample):
    occurrence = sample["castaneda2020"].provenance[0]
    lines = SAMPLE.split("\n")
    assert occurrence.source == "export.bib" and occurrence.key == "castaneda2020"
    assert lines[occurrence.line_start - 1] == "@incollection{castaneda2020,"
    assert lines[occurrence.line_end - 1] == "}"
    assert occurrence.text == "\n".join(lines[occurrence.line_start - 1 : occurrence.line_end])


def test_bibtex_round_trip_keeps_every_field(sample):
    """BibTeX → model → BibTeX: every field of every entry, unknown ones too; only macros are expanded
    and LaTeX for characters UTF-8 can hold is written as those characters."""
    changed = {
        ("lundberg2017", "author"): (
            "Lundberg, Ingrid E. and Tjärnlund, A. and {International Myositis Classification Criteria Project "
            "consortium, The Euromyositis register and The Juvenile Dermatomyositis Cohort Biomarker Study and "
            "Repository (JDRG) (UK and Ireland)} and others"
        ),
        ("lundberg2017", "title"): (  # what no style may recase is braced (myobib.casing)
            "2017 {European League Against Rheumatism/}{American College of Rheumatology} "
            "classification criteria – {IIM}"
        ),
        ("castaneda2020", "booktitle"): "Textbook of {Myositis}",
        ("tool2021", "title"): "{myotool}",
        ("lundberg2017", "journal"): "Annals of the Rheumatic Diseases",
        ("castaneda2020", "author"): (
            "Castañeda, Santos and Selva-O'Callaghan, Albert and de la Torre, Ignacio and van den Berg, Jan and "
            "Smith, Jr, John"
        ),
    }
    source = {e.key: e for e in bibtexparser.parse_string(SAMPLE).entries}
    written = bibtexparser.parse_string(writer.dumps(sample))
    assert written.failed_blocks == []
    assert [e.key for e in written.entries] == list(source)
    for entry in written.entries:
        before = {f.key.lower(): f.value for f in source[entry.key].fields}
        after = {f.key: f.value for f in entry.fields}
        assert entry.entry_type == source[entry.key].entry_type.lower()
        if entry.key == "tool2021":  # a biblatex `date` also gets the classic year and month
            before.update(year="2021", month="jun")
        if entry.key == "lundberg2017":  # a PMID is biblatex's PubMed eprint
            before.update(eprint=before.pop("pmid"), eprinttype="pubmed")
        assert after.keys() == before.keys(), entry.key
        for name, value in after.items():
            assert value == changed.get((entry.key, name), before[name]), (entry.key, name)


def test_round_trip_is_a_fixed_point(sample):
    once = writer.dumps(sample)
    assert writer.dumps(reader.loads(once)) == once
    latex = writer.dumps(sample, latex=True)
    assert writer.dumps(reader.loads(latex), latex=True) == latex


def test_url_and_doi_are_never_latex_decoded():
    text = r"@misc{k, url = {https://x.org/a\_b%20c~d}, doi = {10.1000/a<b>(c);d%e}, title = {a\_b 5\%}}"
    ref = reader.loads(text)[0]
    assert (ref.URL, ref.DOI, ref.title) == (r"https://x.org/a\_b%20c~d", "10.1000/a<b>(c);d%e", "a_b 5%")


def test_raw_percent_and_unknown_macros_are_kept_not_dropped():
    ref = reader.loads(r"@misc{k, title = {50% of \input{/etc/passwd} cases}, note = {\foo{bar} baz}}")[0]
    assert ref.title == r"50% of \input{/etc/passwd} cases"
    assert ref.note == r"\foo{bar} baz"


def test_latex_accents_and_ligatures_are_decoded():
    text = r"""@article{k, author = {M{\"u}ller, J. and {\O}berg, L. and Gonz{\'a}lez-Gay, M. A. and {\L}ukasz, K.},
      title = {``Quoted'' -- dashes---and {\ss} \c{c}a $\beta$-cells}}"""
    ref = reader.loads(text)[0]
    assert [n.family for n in ref.author] == ["Müller", "Øberg", "González-Gay", "Łukasz"]
    assert ref.title == "“Quoted” – dashes—and ß ça β-cells"


def test_string_macros_concatenation_and_month_names():
    text = """@string{j = "J Intern" # " Med"}
@string{jj = j # ", Suppl."}
@article{k, journal = jj, month = "September", year = {2001}, note = undefinedmacro # { x}}"""
    bib = reader.loads(text, "m.bib")
    assert bib[0].container_title == "J Intern Med, Suppl."
    assert bib[0].issued == Date(2001, 9)
    assert bib[0].note == "undefinedmacro x"
    assert bib.report.warnings == ["m.bib:3: entry k: field note: undefined macro 'undefinedmacro' kept as text"]


def test_string_macro_loops_and_explosions_are_bounded():
    doubling = "".join(f"@string{{m{i + 1} = m{i} # m{i}}}\n" for i in range(25))
    text = '@string{loop = loop # "x"}\n@string{m0 = "abcdefgh"}\n' + doubling + "@misc{k, title = {fine}}\n"
    bib = reader.loads(text, "bomb.bib")
    assert bib[0].title == "fine"
    assert bib.report.warnings[0] == "bomb.bib:1: @string loop: undefined macro 'loop' kept as text"
    # m17 would be 8 * 2**17 characters: refused, so m18 onwards see it undefined
    assert [u.line for u in bib.report.unparsed] == [19]
    assert "longer than" in bib.report.unparsed[0].reason


BROKEN = """@article{good1, title = {First}, year = {2001}}
@article{good1, title = {Same key again}}
@article{dupfield, title = {One}, title = {Two}}
@article{unbalanced, title = {Missing {brace}
@article{good2, title = {After the broken one}}
This line is not BibTeX.
% but this one is a comment
"""


def test_failed_blocks_are_reported_with_line_numbers_and_the_rest_is_read():
    bib = reader.loads(BROKEN, "broken.bib")
    assert bib.keys() == ["good1", "good2"]
    report = [(u.source, u.line, u.text, u.reason) for u in bib.report.unparsed]
    assert report[0] == (
        "broken.bib",
        2,
        "@article{good1, title = {Same key again}}",
        "duplicate citation key 'good1' (first used on line 1)",
    )
    assert report[1][1:3] == (3, "@article{dupfield, title = {One}, title = {Two}}")
    assert "duplicate field title" in report[1][3]
    assert report[2][1:3] == (4, "@article{unbalanced, title = {Missing {brace}")
    assert "unbalanced" in report[2][3]
    assert report[3] == ("broken.bib", 6, "This line is not BibTeX.", "text outside any BibTeX entry")
    assert len(report) == 4


def test_case_insensitive_duplicate_fields_are_reported():
    bib = reader.loads("@misc{a, Title = {x}, title = {y}}\n@misc{b, title = {z}}")
    assert bib.keys() == ["b"]
    assert bib.report.unparsed[0].line == 1 and "duplicate field 'title'" in bib.report.unparsed[0].reason


def test_unreadable_override_field_is_kept_with_a_warning():
    bib = reader.loads("@misc{a, title = {x}, myobib = {not json}}", "o.bib")
    assert bib[0].extra["bibtex"] == {"myobib": "not json"}
    assert bib.report.warnings[0].startswith("o.bib:1: entry a: unreadable 'myobib' field")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("just some text\nand more", 1),
        ("\n\n@article{broken, title = {x}\n", 3),
        ("% only a comment", None),
        ("@string{a = {b}}", None),
    ],
)
def test_no_entries_is_one_line_input_error(text, line):
    with pytest.raises(InputError) as caught:
        reader.loads(text, "bad.bib")
    assert (caught.value.source, caught.value.line) == ("bad.bib", line)
    assert "\n" not in str(caught.value) and "no BibTeX entries" in str(caught.value)


def test_read_decodes_files_and_reports_the_encoding(tmp_path):
    path = tmp_path / "latin.bib"
    path.write_bytes("@article{k, author = {Castañeda, S.}, title = {Été}}\r\n".encode("cp1252"))
    bib = reader.read(path)
    assert bib[0].author == (Name("Castañeda", "S"),) and bib[0].title == "Été"
    assert bib[0].provenance[0].source == "latin.bib"
    assert "decoded as cp1252" in bib.report.warnings[0]
    (tmp_path / "empty.bib").write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        reader.read(tmp_path / "empty.bib")


def test_myobib_load_reads_bib_files(tmp_path, seed_path):
    seed = myobib.load(seed_path)
    path = tmp_path / "seed.bib"
    writer.write(seed, path)
    again = myobib.load(path)
    assert again.keys() == seed.keys()
    assert [r.replace(provenance=()) for r in again] == [r.replace(provenance=()) for r in seed]
    assert all(r.provenance[0].source == "seed.bib" for r in again)


def test_preambles_are_kept_but_never_written_back():
    bib = reader.loads('@preamble{"\\newcommand{\\noopsort}[1]{}"}\n@misc{k, title = {x}}', "p.bib")
    assert bib.header == {"bibtex-preamble": ["\\newcommand{\\noopsort}[1]{}"]}
    assert bib.report.warnings == ["p.bib:1: LaTeX command \\newcommand kept as plain text, never run"]
    assert writer.dumps(bib).startswith("@misc{k,") and "preamble" not in writer.dumps(bib)


def test_deeply_nested_braces_are_kept_with_a_warning():
    text = "@misc{k, title = {" + "{" * 3000 + "x" + "}" * 3000 + "}}\n@misc{j, title = {ok}}"
    bib = reader.loads(text, "deep.bib")
    assert bib.keys() == ["k", "j"]
    assert bib["k"].title == "{" * 3000 + "x" + "}" * 3000
    assert bib.report.warnings == ["deep.bib:1: entry k: field title: LaTeX could not be decoded; kept as written"]
    assert reader.loads(writer.dumps(bib))["k"].title == bib["k"].title


def test_injected_latex_is_kept_as_text_and_neutralised_on_output():
    bib = reader.loads(r"@misc{k, title = {\input{/etc/passwd}\write18{rm -rf x}}}", "inj.bib")
    assert bib[0].title == r"\input{/etc/passwd}\write18{rm -rf x}"
    assert bib.report.warnings == ["inj.bib:1: LaTeX command \\input kept as plain text, never run"]
    written = writer.dumps(bib)
    assert r"\input{" not in written and r"\write18{" not in written
    assert reader.loads(written)[0].title == bib[0].title


def test_control_characters_and_bidi_overrides_are_removed_with_a_warning_rtl_text_kept():
    bib = reader.loads(
        "@misc{k, title = {a\x01b \u05e9\u05dc\u05d5\u05dd \u202eabc}, author = {\u0645\u062d\u0645\u062f, \u0639.}}",
        "c.bib",
    )
    assert bib[0].title == "ab \u05e9\u05dc\u05d5\u05dd abc"
    assert bib[0].author == (Name("\u0645\u062d\u0645\u062f", "\u0639."),)
    assert bib.report.warnings == [
        "c.bib:1: control characters removed",
        "c.bib:1: bidirectional override characters removed",
    ]


def test_control_characters_survive_model_to_bibtex_to_model():
    ref = Reference(id="k", title="a\x01b\u202ec", author=(Name("X\x7f", "Y"),))
    text = writer.dumps(Bibliography([ref]))
    assert "\x01" not in text and "\u202e" not in text and "\x7f" not in text
    back = reader.loads(text)
    assert back[0].replace(provenance=()) == ref and back.report.warnings == []


def test_binary_file_is_one_line_input_error(tmp_path):
    path = tmp_path / "x.bib"
    path.write_bytes(b"@misc{k, title={x}}\n\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        reader.read(path)


def test_a_name_bibtex_cannot_split_is_kept_whole_with_a_warning():
    bib = reader.loads("@misc{k, author = {Smith, J. and One, Two, Three, Four}}", "n.bib")
    assert bib[0].author == (Name("Smith", "J"), Name(literal="One, Two, Three, Four"))
    assert bib.report.warnings == ["n.bib:1: name 'One, Two, Three, Four' cannot be split; kept whole as a group name"]


def test_biblatex_names_for_journal_and_place_are_understood():
    bib = reader.loads("@article{k, journaltitle = {Chest}, location = {Glenview}, date = {2016-11}}")
    ref = bib[0]
    assert (ref.container_title, ref.publisher_place, ref.issued) == ("Chest", "Glenview", Date(2016, 11))
    fields = {f.key: f.value for f in bibtexparser.parse_string(writer.dumps(bib)).entries[0].fields}
    assert fields["journal"] == "Chest" and "address" not in fields  # biblatex's @article has no place
    assert reader.loads(writer.dumps(bib))[0].replace(provenance=()) == ref.replace(provenance=())
    both = reader.loads("@article{k, journal = {A}, journaltitle = {B}, booktitle = {C}}")[0]
    assert both.container_title == "A" and both.extra["bibtex"] == {"journaltitle": "B", "booktitle": "C"}


def test_iter_references_streams_lines_entry_batches_at_a_time(monkeypatch):
    monkeypatch.setattr(reader, "BATCH_CHARS", 10)
    consumed: list[int] = []

    def lines():
        for number, line in enumerate(BROKEN.split("\n") + ["@misc{last, title = {x}}"], start=1):
            consumed.append(number)
            yield number, line

    log = stream.LineLog("s.bib")
    refs = reader.iter_references(lines(), log)
    first = next(refs)
    assert first.id == "good1" and max(consumed) == 2  # read up to the next entry only
    assert [ref.id for ref in refs] == ["good2", "last"]
    assert [(u.line, u.reason.split(" (")[0]) for u in log.unparsed][:2] == [
        (2, "duplicate citation key 'good1'"),
        (3, "duplicate field title"),
    ]


def test_an_at_sign_inside_a_braced_value_does_not_cut_the_entry(monkeypatch):
    monkeypatch.setattr(reader, "BATCH_CHARS", 0)
    text = "@article{a,\n  abstract = {First line\n@ at a line start\nmore},\n  title = {T}\n}\n@misc{b, title = {B}}"
    bib = reader.loads(text)
    assert bib.keys() == ["a", "b"] and bib["a"].extra["abstract"] == "First line @ at a line start more"
    assert bib["b"].provenance[0].line_start == 7
