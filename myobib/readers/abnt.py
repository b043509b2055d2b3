"""One entry of an ABNT NBR 6023 list, the standard style of Brazilian writing:
`SOBRENOME, N. N.; OUTRO, N. Título. Revista, Cidade, v. 25, n. 3, p. 7-86, 2016. DOI: ….`

Besides journal articles: books and reports (`Título. 2. ed. Cidade: Editora, 2000.`), edited books
(`SOBRENOME, N. (org.).`), chapters (`Título. In: EDITOR, N. (org.). Livro. Cidade: Editora, 2000. p. 1-10.`),
web pages and data (`[2023]`, `[s. d.]`, `Disponível em: … Acesso em: …`) and laws in the official gazette
(`BRASIL. Lei nº …. Diário Oficial da União: seção 1, Brasília, DF, 31 out. 1975.`). The author's name in
capitals is the cheap test: `parse_abnt` returns None for any entry that does not start with one and
carry an ABNT source, so lists of other styles never get here.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Date, Name
from .citation import finish, split_title
from .tails import take_tails
from .words import ORGANISATION, alternation, parse_date

__all__ = ["parse_abnt"]

_UPPER = r"A-ZÀ-ÖØ-Þ"
_FAMILY = rf"[{_UPPER}][{_UPPER}'’-]+(?:\s+(?:D[AEO]S?\s+)?[{_UPPER}][{_UPPER}'’-]+)*"
_INITIALS = rf"[{_UPPER}]\.(?:[\s-]*[{_UPPER}]\.)*"
# `RASSI JUNIOR, A.`, `PÉREZ-MOLINA, J. A.`, `BARRAL-NETTO, M.`
_PERSON = re.compile(rf"^(?P<family>{_FAMILY}),\s+(?P<given>{_INITIALS})$")
_SUFFIXES = ("JUNIOR", "JÚNIOR", "FILHO", "NETO", "SOBRINHO")
# The persons who open an entry, `et al.`, `(org.)`: `BRENER, Z.; ANDRADE, Z. A. (org.).`
_PERSONS = re.compile(
    rf"^(?P<names>{_FAMILY},\s+{_INITIALS}(?:;\s+{_FAMILY},\s+{_INITIALS})*(?:\s+et\s+al\.)?)"
    rf"(?P<editors>\s*\((?i:{alternation('editors')})\.?\))?\.?\s+(?=\S)"
)
# An organisation's name in capitals: `BRASIL.`, `WORLD HEALTH ORGANIZATION.`
_GROUP_HEAD = re.compile(rf"^(?P<group>[{_UPPER}]{{3,}}(?:[\s-]+(?:[{_UPPER}]{{2,}}|D[AEO]S?|DE LA|DE|DA))*)\.\s+")
# `, v. 373, n. 5, p. 456-466, 2015.`, `, v. 465, n. 7301, supl., p. S6-S7, 2010.`
_VOLUME = re.compile(
    r",\s*v\.\s*(?P<volume>[\w-]+)(?:,\s*n\.\s*(?P<issue>[^,]+?))?(?:,\s*(?:supl|suppl)\.(?:\s*\d+)?)?"
    r"(?:,\s*p\.\s*(?P<pages>[^,]+?))?,\s*(?P<date>(?:[^,]*?\s)?\d{4})\.?$"
)
# `2. ed. Rio de Janeiro: Guanabara Koogan, 2000.`, `Washington, D.C.: OPS, [2023].`, `…: DATASUS, [s. d.].`
_IMPRINT = re.compile(
    r"(?:^|\.\s+)(?:(?P<edition>\d+)\.\s*ed\.(?:\s+[a-z]+\.)*\s+)?(?P<place>[^.:;]+(?:\.[^\s.:;][^.:;]*)*\.?):\s*"
    r"(?P<publisher>[^:]+?),\s*\[?(?P<year>\d{4}|s\.\s?d\.)\]?\.?(?:\s+p\.\s*(?P<pages>[\w-]+)\.?)?$"
)
_GAZETTE = re.compile(
    rf"\.\s+(?P<gazette>(?:{alternation('gazettes')}))[^:]*:.*?,\s*(?P<date>\d{{1,2}}\s+[^\W\d_]+\.?\s+\d{{4}})\.?$"
)
_IN = re.compile(r"\.\s+In:\s+(?P<editors>.+?)\s*\((?:" + alternation("editors") + r")\.?\)\.\s+(?P<book>.+)$")
_ABBREVIATION = re.compile(r"[A-Z][a-zà-ÿ]{0,4}\.")
_SHORT_WORD = re.compile(r"[A-Z][a-zà-ÿ]{0,4}")  # `Rev`, `Mem`: a word an abbreviated journal name ends in
_STOP = re.compile(r"\.\s+(?=\S)")
_UNIT = re.compile(r"(?P<unit>[^.]+?(?:\([^)]*\))?)\.\s+(?=\S)")  # one level of an organisation's hierarchy
_ET_AL_END = re.compile(r"\s*\bet\s+al\.?\s*$")


def _names(text: str) -> tuple[tuple[Name, ...], bool]:
    """`COURA, J. R.; VIÑAS, P. A.`, `DIAS, J. C. P. et al.`: persons, and whether `et al.` ends them."""
    text, cut = _ET_AL_END.subn("", text)
    et_al = bool(cut)
    names = []
    for part in text.split(";"):
        found = _PERSON.match(part.strip())
        if found is None:
            return (), False
        family, suffix = found["family"], None
        last = family.rsplit(" ", 1)
        if len(last) == 2 and last[1] in _SUFFIXES:
            family, suffix = last[0], last[1]
        names.append(Name(family=family, given=found["given"].strip(), suffix=suffix))
    return tuple(names), et_al


def _split_journal(before: str) -> tuple[str, str] | None:
    """`Title. Journal, City` split at the full stop ending the title (not one of an abbreviated journal's)."""
    stops = [m.start() for m in _STOP.finditer(before)]
    for stop in reversed(stops):
        after = before[stop:].lstrip(". ")
        word_before = before[:stop].rsplit(" ", 1)[-1]
        abbreviated = _ABBREVIATION.fullmatch(after.split(" ", 1)[0].rstrip(","))
        if abbreviated and _SHORT_WORD.fullmatch(word_before):
            continue
        return before[:stop], after
    return None


def _journal(rest: str, values: dict[str, Any]) -> bool:
    source = _VOLUME.search(rest)
    if source is None:
        return False
    split = _split_journal(rest[: source.start()])
    if split is None:
        return False
    values["title"], journal = split
    values["container_title"] = journal.split(",", 1)[0].strip()  # the city after it is not labelled
    values.update(volume=source["volume"], _source="journal")
    if source["issue"]:
        values["issue"] = source["issue"].strip()
    if source["pages"]:
        values["page"] = source["pages"].strip()
    date = parse_date(source["date"].strip())
    values["issued"] = date if date is not None else Date(int(source["date"][-4:]))
    return True


def _book(rest: str, values: dict[str, Any]) -> bool:
    imprint = _IMPRINT.search(rest)
    if imprint is None or imprint.start() == 0:
        return False
    head = rest[: imprint.start()]
    chapter = _IN.search(head + ".")
    if chapter is not None:
        values["title"] = head[: chapter.start()]
        values["editor"], _ = _names(chapter["editors"])
        values["container_title"] = chapter["book"].rstrip(".")
        values["_source"] = "chapter"
    else:
        values["title"] = head
        values["_source"] = "book"
    if imprint["edition"]:
        values["edition"] = imprint["edition"]
    values.update(publisher_place=imprint["place"].strip(), publisher=imprint["publisher"].strip())
    if imprint["year"][0].isdigit():
        values["issued"] = Date(int(imprint["year"]))
    if imprint["pages"]:
        values["page"] = imprint["pages"]
    return True


def _gazette(rest: str, values: dict[str, Any]) -> bool:
    found = _GAZETTE.search(rest)
    if found is None:
        return False
    values.update(title=rest[: found.start()], container_title=found["gazette"], _source="gazette")
    values["issued"] = parse_date(found["date"])
    return True


def _group(text: str) -> tuple[str, str] | None:
    """`BRASIL. Ministério da Saúde. Secretaria de …. Title…`: (the group and its hierarchy, the rest)."""
    head = _GROUP_HEAD.match(text)
    if head is None:
        return None
    group, rest = head["group"], text[head.end() :]
    while True:
        found = _UNIT.match(rest)
        if found is None or not ORGANISATION.match(found["unit"]):
            return group, rest
        group, rest = f"{group}. {found['unit']}", rest[found.end() :]


def parse_abnt(text: str) -> dict[str, Any] | None:
    """The `Reference` fields of one ABNT entry, or None when it does not start with a name in capitals
    followed by an ABNT source."""
    if not text[:2].isupper():
        return None
    values: dict[str, Any] = {"et_al": False}
    persons = _PERSONS.match(text)
    if persons is not None:
        names, et_al = _names(persons["names"])
        if not names:
            return None
        values["editor" if persons["editors"] else "author"] = names
        values["et_al"] = et_al
        rest = text[persons.end() :]
    else:
        group = _group(text)
        if group is None:
            return None
        values["author"] = (Name(literal=group[0]),)
        rest = group[1]
    rest, tails = take_tails(rest)
    rest = rest.strip()
    if not (_journal(rest, values) or _gazette(rest, values) or _book(rest, values)):
        return None
    title, notes = split_title(values.pop("title").strip().rstrip("."))
    values["title"] = title or None
    signed = any(not name.is_group for name in values.get("author", ()))
    values = finish(values, tails, notes, persons=signed)
    if values["type"] == "report" and values.get("URL") and values.get("accessed"):
        # an organisation's page: `Título. Cidade: Sigla, [2023]. Disponível em: … Acesso em: …`
        values["type"] = "webpage"
    return values
