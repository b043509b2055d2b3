"""Names the way citation processors read them: the one place where a `Name` becomes CSL-JSON, RIS or
BibTeX name parts, and where a list cut with "et al." is marked.

The model keeps names as the list printed them: `Name("Rider", "LG")`, `Name("de Souza", "FHC")`,
`Name("Diaz Del Campo", "P")`. Processors need more: `given: "LG"` is one given name to every CSL
processor (printed `Rider L`), so bare initials are written out (`L. G.`, which a style initialises
back to `LG` or `L. G.` as it asks), and a particle must be its own part so that `de Souza` sorts
under S and prints `de Souza, F. H. C.`.

The particle rule, as BibTeX's `von` part: only leading **lowercase** words of the family name that
are particles (`de`, `van der`, `da`, …) are split off, as CSL's `non-dropping-particle`. A
capitalised word stays in the family name (`Diaz Del Campo`, `Van Gogh`, `De Souza`): the list
printed it as part of a compound surname, and sorts it under its first letter. A `dropping_particle`
or `suffix` the model already has is kept; a group is a `literal`.

A list the source cut with "et al." gets one more name, `{"literal": "et al."}` (`ET_AL`), in
CSL-JSON (and `AU  - et al.` in RIS): processors then count one name more than the list shows, so
a style that truncates long lists prints its own et-al term where the list did (see the README for
what they print in styles that list every name).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # model.py imports this module
    from .model import Name

__all__ = [
    "ET_AL",
    "PARTICLES",
    "csl_name",
    "family_given",
    "compact_initials",
    "is_et_al",
    "spaced_initials",
    "split_particle",
]

# Lowercase words that start a family name as a particle (`de Souza`, `van den Berg`).
PARTICLES = frozenset("da das de del della dello den der des di do dos du la le lo ten ter van von zu".split())
# The name that stands for the authors a source left out.
ET_AL: dict[str, str] = {"literal": "et al."}
_ET_AL_WORDS = frozenset({"et al.", "et al", "et. al.", "others", "and others", "& others", "et alii"})
# Initials as Vancouver prints them: `LG`, `J`, `ÅE`, `J-P` (at most four letters).
_BARE_INITIALS = re.compile(r"[^\W\d_]{1,4}|[^\W\d_](?:-[^\W\d_])+")


def is_et_al(data: Mapping[str, Any] | Name | str) -> bool:
    """Whether a CSL name, `Name` or RIS author stands for "et al." rather than for a person or group."""
    if isinstance(data, Mapping):
        text = data.get("literal") if data.get("literal") else (data.get("family") if not data.get("given") else None)
    elif isinstance(data, str):
        text = data
    else:
        text = data.literal if data.literal is not None else (data.family if not data.given else None)
    return isinstance(text, str) and " ".join(text.lower().split()) in _ET_AL_WORDS


def spaced_initials(given: str) -> str:
    """`LG` → `L. G.`, `J-P` → `J.-P.`; anything that is not bare initials is returned as it is."""
    if not _BARE_INITIALS.fullmatch(given) or not given.replace("-", "").isupper():
        return given
    if "-" in given:
        return "-".join(part + "." for part in given.split("-"))
    return " ".join(letter + "." for letter in given)


_SPACED_INITIALS = re.compile(r"[^\W\d_]\.(?:(?: |-)[^\W\d_]\.){0,5}")


def compact_initials(given: str) -> str:
    """The inverse of `spaced_initials`: `L. G.` → `LG`, `J.-P.` → `J-P`; anything else as it is.

    Formats without a place to say how initials were printed (RIS) read them back with this, so
    `Rider, L. G.` gives the model's `Name("Rider", "LG")` again.
    """
    if not _SPACED_INITIALS.fullmatch(given) or not given.replace(".", "").replace("-", "").replace(" ", "").isupper():
        return given
    return given.replace(".", "").replace(" ", "")


def split_particle(family: str) -> tuple[str | None, str]:
    """(`van den`, `Berg`) from `van den Berg`; (None, family) when it starts with no lowercase particle."""
    words = family.split(" ")
    n = 0
    while n < len(words) - 1 and words[n] in PARTICLES:
        n += 1
    if n == 0:
        return None, family
    return " ".join(words[:n]), " ".join(words[n:])


def csl_name(name: Name) -> dict[str, str]:
    """The CSL-JSON name a processor reads as the list printed it (see the module docstring)."""
    if name.literal is not None:
        return {"literal": name.literal}
    data = name.to_csl()
    if name.given:
        data["given"] = spaced_initials(name.given)
    if name.family and name.non_dropping_particle is None:
        particle, family = split_particle(name.family)
        if particle is not None:
            data["non-dropping-particle"] = particle
            data["family"] = family
    return data


def family_given(name: Name) -> tuple[str, str | None, str | None]:
    """(family with its particle, given with its dropping particle, suffix) in processor form.

    `("de Souza", "F. H. C.", None)`, `("Fraumeni", "J. F.", "Jr")`: what RIS writes as
    `de Souza, F. H. C.` and BibTeX as `de Souza, F. H. C.` (BibTeX reads the lowercase `de` as its
    `von` part). A group gives `(literal, None, None)`.
    """
    if name.literal is not None:
        return name.literal, None, None
    family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    given = " ".join(p for p in (spaced_initials(name.given) if name.given else None, name.dropping_particle) if p)
    return family, given or None, name.suffix
