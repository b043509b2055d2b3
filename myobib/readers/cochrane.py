"""The forms of the Cochrane Library's reference lists, read before the NLM family reads an entry.

A study identifier heads each study's reports (`Horby 2021 {published data only}`, `WHO 2020a`,
`Review Manager 2020 [Computer program]`): no entry, but its bracketed kind is the next entry's.
Trial registry records (`NCT04381936. <title>. clinicaltrials.gov/ct2/show/NCT04381936 (first received
11 May 2020).`) are web pages; `Cochrane Database of Systematic Reviews 2021, Issue 8. Art. No: CD014963.`,
`editor(s).`, `Publisher, 2020.` and addresses printed without a scheme are put in the NLM forms
(`2021;(8):CD014963.`, `editors.`, `Publisher; 2020.`) or taken out as the URL.
"""

from __future__ import annotations

import re
from typing import Any

from .words import alternation, parse_date

__all__ = ["STUDY_ID", "cochrane_forms", "registry_record"]

STUDY_ID = re.compile(
    r"^\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}\s+(?:19|20)\d\d[a-z]?"
    r"(?:\s+\{[^{}]{1,40}\}|\s+(?P<kind>\[[^\[\]]{1,40}\]))?\s*$"
)
_BARE_ADDRESS = r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|int|gov|net|edu|[a-z]{2})(?:/[^\s()]*)?"
_REGISTRY = re.compile(
    rf"^(?P<number>(?:{alternation('trial_registries')})[\w/-]*\d)\.\s+(?P<title>.+?)\.\s+"
    rf"(?P<url>(?:https?://)?{_BARE_ADDRESS})\s*\((?i:{alternation('first_received')})\s+(?P<date>[^)]+)\)\.?$"
)
_ISSUE_ARTICLE = re.compile(r"(\s(?:19|20)\d\d),\s*Issue\s+(\w+)\.\s*Art\.\s*No\.?:?\s*(\w+)\.")
_EDITORS = re.compile(r",\s*editor\(s\)\.")
_PUBLISHER_YEAR = re.compile(r"(\.\s+[A-Z][^.:;,]{0,60}),\s+((?:19|20)\d\d\.)(?=\s|$)")
# an address without a scheme at the end: `Available at gradepro.org.`, `covid19.who.int (accessed 12 March 2024).`
_TRAILING_ADDRESS = re.compile(
    rf"(?<=\.)\s+(?:(?i:{alternation('available')}):?\s+)?(?P<url>{_BARE_ADDRESS})"
    rf"(?:\s*\((?i:{alternation('accessed')})\s+(?P<accessed>[^)]+)\))?\.?$"
)
_MARKS = ("[DOI:", "editor(s)", "Art. No")  # an entry in Cochrane's style


def registry_record(text: str) -> dict[str, Any] | None:
    """The fields of a trial registry record, or None."""
    found = _REGISTRY.match(text)
    if found is None:
        return None
    values: dict[str, Any] = {"number": found["number"], "title": found["title"], "URL": found["url"]}
    values["issued"] = parse_date(found["date"])
    values.update(type="webpage", _understood=True, _source="webpage")
    return values


def cochrane_forms(text: str) -> tuple[str, dict[str, Any]]:
    """`text` with Cochrane's forms put in NLM's, and the fields taken out of it (a bare address)."""
    if any(mark in text for mark in _MARKS):
        text = _ISSUE_ARTICLE.sub(r"\1;(\2):\3.", text)
        text = _EDITORS.sub(", editors.", text)
        if ": " not in text:
            text = _PUBLISHER_YEAR.sub(r"\1; \2", text)
    taken: dict[str, Any] = {}
    if "http" in text or "www." in text or "doi.org" in text:
        return text, taken
    address = _TRAILING_ADDRESS.search(text)
    if address is not None:
        taken["URL"] = address["url"].rstrip(".")
        if address["accessed"] and (date := parse_date(address["accessed"])) is not None:
            taken["accessed"] = date
        text = text[: address.start()]
    return text, taken


def with_kind(text: str, kind: str) -> str:
    """`GRADEpro GDT. Hamilton …` with its study identifier's `[Computer program]` after the first sentence."""
    head, stop, rest = text.partition(". ")
    return f"{head} {kind}{stop}{rest}" if stop else text
