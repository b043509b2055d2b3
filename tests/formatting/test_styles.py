"""Finding styles by id, alias, dependent style or path; locales; unknown names."""

from __future__ import annotations

import pytest

from myobib import Reference, StyleError
from myobib.formatting import format_bibliography, list_locales, list_styles, resolve_locale, resolve_style
from myobib.formatting.styles import styles_dir


@pytest.mark.parametrize(
    "name",
    ["apa", "american-medical-association", "nature", "chicago-author-date", "harvard-cite-them-right"],
)
def test_independent_styles_resolve_to_their_own_file(name):
    info = resolve_style(name)
    assert info.id == name
    assert info.path == styles_dir() / f"{name}.csl"
    assert info.dependent is None


def test_vancouver_is_found_through_renamed_styles():
    info = resolve_style("vancouver")
    assert info.id == "nlm-citation-sequence"
    assert info.path.name == "nlm-citation-sequence.csl"


def test_dependent_style_uses_its_parent_and_keeps_its_locale():
    info = resolve_style("nature-medicine")
    assert info.id == "nature"
    assert info.dependent is not None and info.dependent.name == "nature-medicine.csl"
    assert info.default_locale == "en-GB"


def test_local_csl_file(tmp_path):
    source = (styles_dir() / "american-medical-association.csl").read_text(encoding="utf-8")
    path = tmp_path / "house-style.csl"
    path.write_text(source, encoding="utf-8")
    info = resolve_style(str(path))
    assert info.path == path
    ref = Reference(id="a", title="A study", container_title_short="J Test", volume="3", page="10-12")
    assert format_bibliography([ref], str(path)) == format_bibliography([ref], "american-medical-association")


def test_missing_or_broken_csl_file_is_a_style_error(tmp_path):
    with pytest.raises(StyleError, match="no such style file"):
        resolve_style(str(tmp_path / "absent.csl"))
    broken = tmp_path / "broken.csl"
    broken.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><citation>", encoding="utf-8")
    with pytest.raises(StyleError, match="not a readable CSL style"):
        format_bibliography([Reference(id="a", title="T")], str(broken))


def test_unknown_style_suggests_close_names():
    with pytest.raises(StyleError) as info:
        resolve_style("vancover")
    message = str(info.value)
    assert "unknown CSL style 'vancover'" in message
    assert "did you mean: vancouver" in message
    with pytest.raises(StyleError, match="american-medical-association"):
        resolve_style("americn-medical-asociation")


def test_unknown_style_without_near_names_points_to_the_listing():
    with pytest.raises(StyleError, match="myobib styles --search"):
        resolve_style("qqqqzzzz")


def test_list_styles_holds_independent_dependent_and_aliases():
    names = list_styles()
    assert names == sorted(names)
    for name in ("apa", "nature-medicine", "vancouver", "nlm-citation-sequence"):
        assert name in names
    found = list_styles("vancouver")
    assert "vancouver" in found and all("vancouver" in n for n in found)
    assert list_styles("no-such-style-word") == []


def test_locales():
    assert "de-DE" in list_locales()
    assert resolve_locale("de") == "de-DE"
    assert resolve_locale("en_gb") == "en-GB"
    with pytest.raises(StyleError, match="unknown locale 'xx-YY'"):
        resolve_locale("xx-YY")
