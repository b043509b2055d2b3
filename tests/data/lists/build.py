"""Build the labelled reference lists from their marked-up sources.

Each `src/<slug>.marked` file is the list exactly as published, with two kinds of markup:

* a line starting with `@@` is a directive and is not part of the list:
  `@@ <work> <type>[/<notice>] [key=value ...]` starts an occurrence of a new work,
  `@@ <work>` starts a further occurrence (a repeat) of a work already seen,
  `@@ -` starts lines that belong to no entry (headings, page header, description);
  `@@# ...` is a comment;
* `{key:value}` around a piece of an entry says which field that printed piece is
  (`{t:Title}`, `{a:Jacob M}`, `{j:Ann Rheum Dis}`, `{d:2017 May}`, `{no:1}` for the list
  number, ...; the keys are listed in `FIELDS` below).

Stripping the markup gives `<slug>.txt`; the marked pieces give `<slug>.expected.json`.
So every expected value is, by construction, text printed in the list. Run
`python3 tests/data/lists/build.py [--dir FOLDER] [slug ...]` after editing a source (FOLDER holds
`src/`, and the built files are written next to it; the default is this folder, the held-out set is
`tests/data/holdout`); `tests/test_lists_corpus.py` fails when the built files and the sources disagree.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Markup key -> CSL variable (any CSL variable name is also accepted as a key).
FIELDS = {
    "t": "title",
    "j": "container-title",
    "b": "container-title",
    "ct": "collection-title",
    "ed": "edition",
    "pub": "publisher",
    "pl": "publisher-place",
    "v": "volume",
    "i": "issue",
    "s": "supplement",
    "p": "page",
    "n": "number",
    "u": "URL",
    "doi": "DOI",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "isbn": "ISBN",
    "genre": "genre",
    "ev": "event-title",
    "note": "note",
    "lang": "language",
}
NAME_KEYS = {"a": ("author", False), "g": ("author", True), "e": ("editor", False), "eg": ("editor", True)}
DATE_KEYS = {"d": "issued", "acc": "accessed"}
SPECIAL_KEYS = {"no", "etal"}

CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
    pamphlet paper-conference patent performance periodical personal_communication post
    post-weblog regulation report review review-book software song speech standard thesis
    treaty webpage""".split()
)
NOTICE_KINDS = frozenset({"erratum", "retraction", "comment", "reply"})

MONTHS = {
    # English
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
    # Portuguese
    "janeiro": 1,
    "fev": 2,
    "fevereiro": 2,
    "março": 3,
    "marco": 3,
    "abr": 4,
    "abril": 4,
    "mai": 5,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "ago": 8,
    "agosto": 8,
    "set": 9,
    "setembro": 9,
    "out": 10,
    "outubro": 10,
    "novembro": 11,
    "dez": 12,
    "dezembro": 12,
    # Spanish
    "ene": 1,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "dic": 12,
    "diciembre": 12,
    # French
    "janv": 1,
    "janvier": 1,
    "févr": 2,
    "février": 2,
    "mars": 3,
    "avr": 4,
    "avril": 4,
    "juin": 6,
    "juil": 7,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "déc": 12,
    "décembre": 12,
    # German
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
}
SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "Filho", "Neto", "Júnior", "Junior", "Sobrinho"}
INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.?-?){1,5}$")

MARK = re.compile(r"\{([a-zA-Z-]+):((?:[^{}\\]|\\.)*)\}")


class SourceError(ValueError):
    pass


def parse_date(text: str) -> dict[str, Any]:
    """`2017 May 5`, `2013 mar`, `6 out. 2023`, `April 10, 2025`, `29 de setembro de 2014`, `12 mars 2024`,
    `2020-05-05`, the German `12.03.2024` and the US month-day-year `8-25-23`."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text.strip())
    if iso:
        return {"year": int(iso[1]), "month": int(iso[2]), **({"day": int(iso[3])} if iso[3] else {})}
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text.strip())  # German 12.03.2024
    if dotted:
        return {"year": int(dotted[3]), "month": int(dotted[2]), "day": int(dotted[1])}
    us = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{2})", text.strip())
    if us:
        return {"year": 2000 + int(us[3]), "month": int(us[1]), "day": int(us[2])}
    words = [w for w in re.split(r"[\s,.]+", text.lower()) if w and w not in {"de", "del"}]
    year = month = day = None
    for word in words:
        if re.fullmatch(r"\d{4}", word) and year is None:
            year = int(word)
        elif re.fullmatch(r"\d{1,2}", word) and day is None:
            day = int(word)
        elif word in MONTHS and month is None:
            month = MONTHS[word]
        else:
            raise SourceError(f"cannot read date {text!r} (word {word!r})")
    if year is None or (day is not None and month is None):
        raise SourceError(f"cannot read date {text!r}")
    date: dict[str, Any] = {"year": year}
    if month is not None:
        date["month"] = month
    if day is not None:
        date["day"] = day
    return date


def parse_name(text: str, group: bool) -> dict[str, str]:
    """`Jacob M`, `Fraumeni JF Jr`, `de Souza FHC`, `Poostchi M.`, or a group; a name the split
    cannot see is written `printed=family|given|suffix|dropping particle`."""
    text = text.strip()
    if group:
        return {"literal": text}
    if "=" in text:
        parts = [p.strip() for p in text.split("=", 1)[1].split("|")]
        name = {"family": parts[0]}
        if len(parts) > 1 and parts[1]:
            name["given"] = parts[1]
        if len(parts) > 2 and parts[2]:
            name["suffix"] = parts[2]
        if len(parts) > 3 and parts[3]:
            name["dropping-particle"] = parts[3]
        return name
    if "," in text:  # APA: `Family, I. I.` or `Family, I. I., Jr.`
        family, _, rest = text.partition(",")
        given, _, suffix = rest.partition(",")
        name = {"family": family.strip(), "given": given.strip().replace(".", "").replace(" ", "")}
        if suffix.strip():
            name["suffix"] = suffix.strip()
        return name
    tokens = text.split()
    name: dict[str, str] = {}
    if len(tokens) > 2 and tokens[-1] in SUFFIXES:
        name["suffix"] = tokens.pop()
    if len(tokens) > 1 and INITIALS.match(tokens[-1]):
        name["given"] = tokens.pop().replace(".", "")
    name["family"] = " ".join(tokens)
    return dict(sorted(name.items(), key=lambda kv: ["family", "given", "suffix"].index(kv[0])))


def strip_marks(line: str) -> str:
    return MARK.sub(lambda m: _printed(m[1], m[2]), line)


def _printed(key: str, value: str) -> str:
    """The printed text of a marked piece (names may carry `=how to split` after it)."""
    if key in NAME_KEYS:
        value = value.split("=", 1)[0]
    return value.replace("\\}", "}").replace("\\{", "{")


def build(source: Path) -> tuple[str, list[dict[str, Any]]]:
    """The list text and the labelled works of one marked source."""
    out_lines: list[str] = []
    works: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None  # the occurrence being read
    for raw_number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{source.name}:{raw_number}"
        if raw.startswith("@@#"):
            continue
        if raw.startswith("@@"):
            args = shlex.split(raw[2:])
            if not args:
                raise SourceError(f"{where}: empty directive")
            if args[0] == "-":
                current = None
                continue
            work_id = args[0]
            if work_id in works:
                if len(args) > 1:
                    raise SourceError(f"{where}: repeat of {work_id} takes no type or options")
                work = works[work_id]
            else:
                if len(args) < 2:
                    raise SourceError(f"{where}: new work {work_id} needs a type")
                csl_type, _, notice = args[1].partition("/")
                if csl_type not in CSL_TYPES:
                    raise SourceError(f"{where}: {csl_type!r} is not a CSL type")
                if notice and notice not in NOTICE_KINDS:
                    raise SourceError(f"{where}: {notice!r} is not a notice kind")
                work = {"work": work_id, "type": csl_type}
                if notice:
                    work["notice"] = notice
                work["occurrences"] = []
                work["fields"] = {}
                for option in args[2:]:
                    key, sep, value = option.partition("=")
                    if not sep or key not in {"reason", "composed"}:
                        raise SourceError(f"{where}: unknown option {option!r}")
                    work[key] = value if key == "reason" else value == "yes"
                works[work_id] = work
            current = {"lines": [], "number": None, "work": work}
            work["occurrences"].append(current)
            continue
        line = strip_marks(raw)
        if re.search(r"\{[a-zA-Z-]+:", line):
            raise SourceError(f"{where}: a mark left open (a mark must close on its line)")
        out_lines.append(line)
        number = len(out_lines)
        if current is None:
            if MARK.search(raw):
                raise SourceError(f"{where}: markup outside an entry")
            continue
        if not line.strip():
            continue
        current["lines"].append(number)
        fields = current["work"]["fields"]
        seen_in_occurrence = current.setdefault("seen", set())
        for key, value in MARK.findall(raw):
            if key not in NAME_KEYS:
                value = _printed(key, value)
            _label(key, value, fields, current, seen_in_occurrence, where)
    labelled = []
    for work in works.values():
        occurrences = []
        for occ in work["occurrences"]:
            if not occ["lines"]:
                raise SourceError(f"{source.name}: an occurrence of {work['work']} has no lines")
            entry = {"lines": [occ["lines"][0], occ["lines"][-1]]}
            if occ["number"] is not None:
                entry["number"] = occ["number"]
            occurrences.append(entry)
        work["occurrences"] = occurrences
        numbers = [o["number"] for o in occurrences if "number" in o]
        ordered = {"work": work["work"], "numbers": numbers, "occurrences": occurrences, "type": work["type"]}
        for key in ("notice", "composed", "fields", "reason"):
            if key in work:
                ordered[key] = work[key]
        labelled.append(ordered)
    return "\n".join(out_lines) + "\n", labelled


def _label(key: str, value: str, fields: dict[str, Any], occ: dict[str, Any], seen: set[str], where: str) -> None:
    """Record one marked piece; the first occurrence that prints a field gives its value."""
    if key == "no":
        occ["number"] = int(value)
        return
    if key == "etal":
        fields.setdefault("et-al", True)
        return
    if key in NAME_KEYS:
        variable, group = NAME_KEYS[key]
        if variable in fields and variable not in seen:
            return  # a repeat that prints the names again
        seen.add(variable)
        fields.setdefault(variable, []).append(parse_name(value, group))
        return
    if key in DATE_KEYS:
        variable = DATE_KEYS[key]
        if variable not in fields:
            fields[variable] = parse_date(value)
        return
    variable = FIELDS.get(key, key)
    if variable not in FIELDS.values() and not re.fullmatch(r"[a-zA-Z-]+", variable):
        raise SourceError(f"{where}: unknown key {key!r}")
    if key not in FIELDS and key not in {"container-title-short", "event-place", "status", "medium", "archive"}:
        raise SourceError(f"{where}: unknown key {key!r}")
    value = unicodedata.normalize("NFC", value.strip())
    if variable not in fields:
        fields[variable] = value


def main(argv: list[str]) -> int:
    folder = HERE
    if "--dir" in argv:
        at = argv.index("--dir")
        folder = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2 :]
    slugs = argv or sorted(p.stem for p in (folder / "src").glob("*.marked"))
    for slug in slugs:
        text, works = build(folder / "src" / f"{slug}.marked")
        (folder / f"{slug}.txt").write_text(text, encoding="utf-8")
        (folder / f"{slug}.expected.json").write_text(
            json.dumps(works, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"{slug}: {len(works)} works, {sum(len(w['occurrences']) for w in works)} occurrences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
