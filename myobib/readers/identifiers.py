"""DOIs, PMIDs, PMCIDs and URLs found in free text or in identifier fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Identifiers", "clean_doi", "find_identifiers"]

_DOI_PREFIX = re.compile(r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/|info:doi/)", re.IGNORECASE)
_DOI = re.compile(
    r"(?:\bdoi\s*:?\s*|https?://(?:dx\.)?doi\.org/)?\b(10\.\d{4,9}/[^\s\"<>]+)",
    re.IGNORECASE,
)
_PMID = re.compile(r"\b(?:PubMed\s+)?PMID\s*:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMID_URL = re.compile(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})\b|ncbi\.nlm\.nih\.gov/pubmed/(\d{1,9})\b")
_PMCID = re.compile(r"\b(PMC\d{3,9})\b")
_URL = re.compile(r"\bhttps?://[^\s\"<>]+", re.IGNORECASE)
_TRAILING = ".,;:)]}>'\""


def _trim(value: str) -> str:
    """Strip sentence punctuation after an identifier, keeping balanced brackets (`S2213-2600(22)00325-4`)."""
    while value and value[-1] in _TRAILING:
        last = value[-1]
        opener = {")": "(", "]": "[", "}": "{"}.get(last)
        if opener and value.count(opener) >= value.count(last):
            break
        value = value[:-1]
    return value


def clean_doi(value: str | None) -> str | None:
    """`https://doi.org/10.1/X.` or `doi: 10.1/X` → `10.1/X`; None when no DOI is there."""
    if not value:
        return None
    text = _DOI_PREFIX.sub("", value.strip())
    found = re.match(r"10\.\d{4,9}/\S+", text)
    return _trim(found.group(0)) if found else None


@dataclass(frozen=True, slots=True)
class Identifiers:
    """The identifiers found in a piece of text; `urls` excludes doi.org and PubMed links."""

    DOI: str | None = None
    PMID: str | None = None
    PMCID: str | None = None
    urls: tuple[str, ...] = ()


def find_identifiers(text: str) -> Identifiers:
    """The first DOI, PMID and PMCID in `text`, and its other URLs."""
    doi = pmid = pmcid = None
    found = _DOI.search(text)
    if found:
        doi = _trim(found.group(1))
    found = _PMID.search(text)
    if found:
        pmid = found.group(1)
    else:
        url = _PMID_URL.search(text)
        if url:
            pmid = url.group(1) or url.group(2)
    found = _PMCID.search(text)
    if found:
        pmcid = found.group(1)
    urls = []
    for match in _URL.finditer(text):
        url = _trim(match.group(0))
        if re.search(r"//(dx\.)?doi\.org/|pubmed\.ncbi|ncbi\.nlm\.nih\.gov/pubmed", url, re.IGNORECASE):
            continue
        urls.append(url)
    return Identifiers(doi, pmid, pmcid, tuple(urls))
