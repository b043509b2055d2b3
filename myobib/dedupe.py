"""Finding and merging repeated references.

Candidates are found by blocking (same DOI, PMID, URL, normalised title, first author and
year, or year, volume and first page), so cost grows with the number of references,
not with its square. Each candidate pair is then judged by `same_work`, which first
applies vetoes (different DOIs or PMIDs, a notice (erratum, retraction, comment, reply)
against the work it is about or another kind of notice, a chapter against the book it sits
in, different journals, volumes or first pages) and then one of the rules:

- equal DOI, or equal PMID;
- equal normalised title, a shared first author (or editor) and the same year (±1);
- a near-equal title (rapidfuzz ratio ≥ 92) with a shared first author and year;
- for works without authors (`[No authors listed]`): the same title and year, else the same
  URL, else the same journal, year, volume and first page;
- for title-less repeats: the same URL and first author; first author, publisher and year
  (books); first author, journal, year, (volume) and first page;
- for works without volume and pages (ahead of print): the same authors, journal and full date.
"""

from __future__ import annotations

import bisect
import heapq
import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ._gc import gc_paused
from .folding import fold
from .journals import full_name, journals_match, normalise_journal
from .model import Bibliography, Merge, Name, Occurrence, Reference, Report
from .notices import notice_from_title
from .spill import References, SpilledReferences, rebuild

__all__ = ["dedupe", "same_work"]

TITLE_RATIO = 92.0
FAMILY_RATIO = 85.0


@dataclass(frozen=True, slots=True)
class _Features:
    doi: str | None
    pmid: str | None
    url: str | None
    title: str
    kind: str | None
    part: bool | None  # a chapter or paper in a book (True), a whole book (False), else None
    family: str
    initial: str
    authors: tuple[str, ...]
    year: int | None
    date: tuple[int | None, int | None, int | None]
    journal: str | None
    publisher: str | None
    volume: str | None
    first_page: str | None


def _kind(ref: Reference) -> str | None:
    """A notice's kind (`erratum`, `reply` …), `article` for any other titled work, None without a title."""
    if ref.notice is not None:
        return ref.notice
    if not ref.title:
        return None
    return notice_from_title(ref.title) or "article"


_NO_DATE: tuple[int | None, int | None, int | None] = (None, None, None)
_YEARS: dict[int | None, int | None] = {}


_PARTS = {"chapter": True, "paper-conference": True, "entry-encyclopedia": True, "book": False}


def _features(ref: Reference) -> _Features:
    names = ref.author or ref.editor  # an edited book goes by its editors
    persons = [name for name in names if not name.is_group]
    first = persons[0] if persons else (names[0] if names else None)
    family = fold(first.family or first.literal or "") if first else ""
    initial = fold(first.given or "")[:1] if first else ""
    issued = ref.issued
    first_page = ref.page_first or (ref.page.split("-")[0] if ref.page else None)
    # Interned, like the journal: volumes, pages, surnames and years repeat across a large list.
    volume = sys.intern(ref.volume.strip().lower()) if ref.volume else None
    first_page = sys.intern(first_page.strip().lower()) if first_page else None
    journal = ref.container_title_short or ref.container_title
    # The full date and author list only count for works without volume or page (see `_same`, `_block_keys`).
    date = (issued.year, issued.month, issued.day) if issued and not (volume and first_page) else _NO_DATE
    authors = () if volume or first_page else tuple(fold(name.family or name.literal or "") for name in names)
    return _Features(
        doi=ref.DOI.strip().lower() if ref.DOI else None,
        pmid=ref.PMID.strip() if ref.PMID else None,
        url=ref.URL.strip().rstrip("/").lower() if ref.URL else None,
        title=fold.__wrapped__(ref.title or ""),  # titles rarely repeat: not worth a place in fold's cache
        kind=_kind(ref),
        part=_PARTS.get(ref.type),
        family=sys.intern(family),
        initial=initial,
        authors=authors,
        year=_YEARS.setdefault(issued.year, issued.year) if issued else None,
        date=date,
        journal=sys.intern(journal) if journal else None,  # one string per journal across a large list
        publisher=fold(ref.publisher) if ref.publisher else None,
        volume=volume,
        first_page=first_page,
    )


def _families_match(a: _Features, b: _Features) -> bool:
    if not a.family or not b.family:
        return False
    if a.initial and b.initial and a.initial != b.initial:
        return False
    if a.family == b.family:
        return True
    words_a, words_b = set(a.family.split()), set(b.family.split())
    if words_a <= words_b or words_b <= words_a:  # `Enders` and `Bellutti Enders`
        return True
    return fuzz.ratio(a.family, b.family) >= FAMILY_RATIO


def _conflict(x: object, y: object) -> bool:
    return x is not None and y is not None and x != y


def same_work(a: Reference, b: Reference) -> tuple[str, float] | None:
    """Why `a` and `b` are the same work (reason, score), or None when they are not."""
    return _same(_features(a), _features(b))


def _same(a: _Features, b: _Features) -> tuple[str, float] | None:
    if a.doi and b.doi:
        return ("same DOI", 1.0) if a.doi == b.doi else None
    if a.kind and b.kind and a.kind != b.kind:
        return None
    if a.pmid and b.pmid:
        return ("same PMID", 1.0) if a.pmid == b.pmid else None
    if a.part is not None and b.part is not None and a.part != b.part:
        return None  # a chapter is not the book it sits in
    if a.year and b.year and abs(a.year - b.year) > 1:
        return None
    if a.journal and b.journal and not journals_match(a.journal, b.journal):
        return None
    if _conflict(a.volume, b.volume) or _conflict(a.first_page, b.first_page):
        return None
    if not (a.family or b.family):
        return _same_anonymous(a, b)
    if not _families_match(a, b):
        return None
    if a.title and b.title:
        return _same_title(a, b, "first author and year")
    if a.url and a.url == b.url:
        return "same URL and first author", 0.95
    if a.publisher and a.publisher == b.publisher and a.year == b.year:
        return "same first author, publisher and year", 0.9
    same_source = a.year == b.year and a.journal is not None and b.journal is not None
    if same_source and a.first_page and a.volume == b.volume and a.first_page == b.first_page:
        return "same first author, journal, year, volume and first page", 0.95
    if same_source and not (a.volume or b.volume or a.first_page or b.first_page):
        if a.date == b.date and (a.authors == b.authors or a.date[2] is not None and _authors_agree(a, b)):
            return "same authors, journal and date (no volume or pages)", 0.9
    return None


def _same_title(a: _Features, b: _Features, also: str) -> tuple[str, float] | None:
    if a.title == b.title:
        return f"same title, {also}", 1.0
    ratio = fuzz.ratio(a.title, b.title)
    if ratio >= TITLE_RATIO:
        return f"similar title, same {also}", ratio / 100
    return None


_SCHEME_AND_WWW = re.compile(r"^(?:[a-z]+://)?(?:www\.)?")


def _site(url: str) -> str:
    """`clinicaltrials.gov` of `https://www.clinicaltrials.gov/ct2/show/NCT04381936`."""
    return _SCHEME_AND_WWW.sub("", url).split("/", 1)[0]


def _same_anonymous(a: _Features, b: _Features) -> tuple[str, float] | None:
    """Works without authors (`[No authors listed]`): by title, else by URL or journal, year, volume and page;
    never two on different sites (one trial's records in two registries)."""
    if a.url and b.url and _site(a.url) != _site(b.url):
        return None
    if a.title and b.title:
        return _same_title(a, b, "year, no authors") if a.year == b.year else None
    if a.url and a.url == b.url:
        return "same URL, no authors", 0.95
    if a.journal and b.journal and a.year == b.year and a.volume and a.first_page and a.volume == b.volume:
        return "same journal, year, volume and first page, no authors", 0.9
    return None


def _authors_agree(a: _Features, b: _Features) -> bool:
    """The shorter author list begins the longer one (`et al.` placed elsewhere), allowing a typo per name."""
    n = min(len(a.authors), len(b.authors))
    pairs = zip(a.authors[:n], b.authors[:n], strict=True)
    return n > 0 and all(x == y or fuzz.ratio(x, y) >= FAMILY_RATIO for x, y in pairs)


def _block_keys(f: _Features) -> list[tuple[object, ...]]:
    keys: list[tuple[object, ...]] = []
    if f.doi:
        keys.append(("doi", f.doi))
    if f.pmid:
        keys.append(("pmid", f.pmid))
    if f.url:
        keys.append(("url", f.url))
    if f.title:
        keys.append(("title", f.title))
        keys.append(("title-start", f.title[:24], f.year, f.initial))
    if f.family:
        # The first initial too (`_families_match` demands it), or blocks grow with the list (Wang, Li, Kim…).
        keys.append(("author-year", f.family.split()[-1], f.year, f.initial))
    if f.volume and f.first_page:
        keys.append(("volume-page", f.year, f.volume, f.first_page))
    elif f.journal:
        # The full name when the table knows the abbreviation, so `JAMA Dermatol` meets `JAMA Dermatology`.
        keys.append(("journal-date", normalise_journal(full_name(f.journal) or f.journal), f.date))
    return keys


class _Clusters:
    """Union-find over reference positions (`range(size)`, or only `members`); each root is its smallest member."""

    def __init__(self, size: int = 0, members: Iterable[int] = ()):
        self.parent: MutableMapping[int, int] | array[int] = (
            {m: m for m in members} if members else array("q", range(size))
        )

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _primary_rank(ref: Reference) -> tuple[object, ...]:
    filled = sum(1 for value in (ref.title, ref.DOI, ref.volume, ref.page, ref.container_title) if value)
    first = ref.provenance[0] if ref.provenance else None
    where = (first.source, first.line_start) if first else ("", 0)
    return (ref.list_number is None, -filled, -len(ref.author), where, ref.id)


_MERGEABLE = (
    "title", "container_title", "container_title_short", "issued", "volume", "issue", "supplement", "page",
    "page_first", "page_as_written", "number", "DOI", "PMID", "PMCID", "URL", "ISSN", "publisher", "note",
)  # fmt: skip


def _name_key(name: Name) -> tuple[str, str]:
    """Family name and first initial: `Lundberg IE` and `Lundberg Ingrid E.` are one person."""
    return fold(name.family or name.literal or ""), fold(name.given or "")[:1]


def _merge_into(kept: Reference, other: Reference) -> tuple[Reference, list[str]]:
    """Fill `kept`'s empty fields from `other`; list the fields whose values differ."""
    changes: dict[str, object] = {}
    conflicts: list[str] = []
    for name in _MERGEABLE:
        mine, theirs = getattr(kept, name), getattr(other, name)
        if theirs is None:
            continue
        if mine is None:
            changes[name] = theirs
        elif mine != theirs and not (isinstance(mine, str) and fold(mine) == fold(str(theirs))):
            conflicts.append(f"{name}: kept {mine!r}, other occurrence has {theirs!r}")
    if kept.et_al and not other.et_al and len(other.author) > len(kept.author):
        changes["author"], changes["et_al"] = other.author, False
    elif other.author and kept.author and _name_key(other.author[0]) != _name_key(kept.author[0]):
        conflicts.append(f"author: first author {kept.author[0].display()!r} vs {other.author[0].display()!r}")
    changes["provenance"] = kept.provenance + other.provenance
    return kept.replace(**changes), conflicts


MAX_ROUNDS = 5


def dedupe(bib: Bibliography) -> Bibliography:
    """Merge repeated references; every merge and value conflict goes into the report.

    A merged reference knows more than its parts and can match a reference none of them
    matched alone, so passes repeat until nothing merges: `dedupe` is idempotent.
    """
    with gc_paused():  # references, names and features form no cycles; the collector catches up after
        return _dedupe(bib)


def _dedupe(bib: Bibliography) -> Bibliography:
    refs: References = bib.references
    merges = list(bib.report.merges)
    recorded = {merge.merged: index for index, merge in enumerate(merges)}
    known: dict[int, _Features] = {}  # token of a reference → its features, across passes
    alive: list[Reference] = []  # in-memory references whose `id()` is a token stay alive, so tokens stay unique
    warnings = list(bib.report.warnings)
    warned = set(warnings)
    recheck: set[int] = set()  # tokens of references left unmerged as ambiguous: judged again in every pass
    for _ in range(MAX_ROUNDS):
        ambiguous: list[str] = []
        refs, absorbed = _merge_once(refs, known, alive, ambiguous, recheck)
        for line in ambiguous:
            if line not in warned:
                warned.add(line)
                warnings.append(line)
        if not absorbed:
            break
        for provenance, (kept, reason, score, conflicts) in absorbed:
            for occurrence in provenance:
                if occurrence in recorded:  # merged in an earlier pass: now it belongs to `kept`
                    merges[recorded[occurrence]] = replace(merges[recorded[occurrence]], kept=kept)
                else:
                    recorded[occurrence] = len(merges)
                    merges.append(Merge(kept, occurrence, reason, score, conflicts))
    report = Report(list(bib.report.unparsed), merges, warnings)
    del known, alive  # before keying the result: on a large list the features are most of the memory
    return Bibliography(refs, dict(bib.header), report)


_Absorbed = tuple[tuple[Occurrence, ...], tuple[str, str, float, tuple[str, ...]]]


def _tokens(refs: References) -> array[int]:
    if isinstance(refs, SpilledReferences):
        return array("q", (refs.token(index) for index in range(len(refs))))
    return array("q", (id(ref) for ref in refs))


def _candidate_blocks(features: list[_Features], fresh: bytearray) -> list[array[int]]:
    """The blocks of two or more references with a fresh one among them, in the order their keys first appear.

    Keys are kept as 64-bit hashes in flat arrays, one pair of arrays per kind of key, not
    as a dict of tuples: on a large list the dict would cost more memory than the features.
    After the first pass only keys that a fresh reference has are kept at all.
    """
    wanted = None if all(fresh) else {hash(key) for i, f in enumerate(features) if fresh[i] for key in _block_keys(f)}
    kinds: dict[object, tuple[array[int], array[int]]] = {}  # kind → (key hashes, owner * _KEY_SLOTS + position)
    for index, feature in enumerate(features):
        for position, key in enumerate(_block_keys(feature)):
            if wanted is not None and hash(key) not in wanted:
                continue
            if key[0] not in kinds:
                kinds[key[0]] = (array("q"), array("q"))
            hashes, entries = kinds[key[0]]
            hashes.append(hash(key))
            entries.append(index * _KEY_SLOTS + position)
    blocks: list[tuple[int, array[int]]] = []
    for hashes, entries in kinds.values():
        for run in _equal_runs(hashes):
            blocks.append((entries[run[0]], array("q", (entries[at] // _KEY_SLOTS for at in run))))
    blocks.sort(key=lambda block: block[0])
    return [members for _, members in blocks]


def _equal_runs(hashes: array[int]) -> Iterator[list[int]]:
    """Positions in `hashes` that share a value with another position, grouped by value, ascending.

    One list of packed ints is sorted (the hash's top bits above the position), a third of the
    memory of sorting positions by a key; positions sharing only those bits are split by the whole hash.
    """
    position_bits = max(1, len(hashes).bit_length())
    dropped = 64 - (62 - position_bits)
    low = (1 << position_bits) - 1
    packed = sorted(((value & _MASK64) >> dropped) << position_bits | at for at, value in enumerate(hashes))
    start = 0
    while start < len(packed):
        end = start + 1
        top = packed[start] >> position_bits
        while end < len(packed) and packed[end] >> position_bits == top:
            end += 1
        if end - start > 1:
            by_hash: dict[int, list[int]] = defaultdict(list)
            for value in packed[start:end]:
                by_hash[hashes[value & low]].append(value & low)
            yield from (run for run in by_hash.values() if len(run) > 1)
        start = end


_MASK64 = (1 << 64) - 1
_KEY_SLOTS = 8  # more than `_block_keys` ever gives one reference


def _pairs(members: Sequence[int], features: list[_Features]) -> Iterator[tuple[int, int]]:
    """The pairs of a block in order, less those of two different DOIs (never one work), so a large
    block of works with DOIs (one first author and year across a big export) is not judged pair by pair."""
    if len(members) <= _SMALL_BLOCK:
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                yield i, j
        return
    without: list[int] = []  # positions in the block of members without a DOI
    with_doi: dict[str, list[int]] = defaultdict(list)
    for position, index in enumerate(members):
        doi = features[index].doi
        if doi is None:
            without.append(position)
        else:
            with_doi[doi].append(position)
    for x, i in enumerate(members):
        doi = features[i].doi
        if doi is None:
            later: Iterable[int] = range(x + 1, len(members))
        else:
            same = with_doi[doi]
            later = heapq.merge(without[bisect.bisect_right(without, x) :], same[bisect.bisect_right(same, x) :])
        for y in later:
            yield i, members[y]


_SMALL_BLOCK = 32


def _conflicting(members: list[int], features: list[_Features]) -> bool:
    """True when the members carry two different DOIs or two different PMIDs."""
    dois = {features[m].doi for m in members} - {None}
    pmids = {features[m].pmid for m in members} - {None}
    return len(dois) > 1 or len(pmids) > 1


def _split(members: list[int], features: list[_Features], edges: list[tuple[int, int]]) -> list[tuple[list[int], bool]]:
    """Split a cluster that chains different DOIs or PMIDs together, the same way whatever the order.

    Members with a DOI or PMID form groups by shared identifier and by the pairs judged the
    same work among them (each member alone if such a group still conflicts). Each piece of
    members without identifiers, linked among themselves, joins the one group it is linked
    to; linked to several, it stays a cluster of its own, marked unattached (ambiguous).
    """
    anchored = {m for m in members if features[m].doi or features[m].pmid}
    clusters = _Clusters(members=members)
    find, union = clusters.find, clusters.union
    first_with: dict[tuple[str, str], int] = {}
    for m in sorted(anchored):
        for identifier in (("doi", features[m].doi), ("pmid", features[m].pmid)):
            if identifier[1] is not None:
                union(m, first_with.setdefault(identifier, m))  # type: ignore[arg-type]
    for i, j in edges:
        if (i in anchored) == (j in anchored):
            union(i, j)
    parts: dict[int, list[int]] = defaultdict(list)
    for m in sorted(members):
        parts[find(m)].append(m)
    result: list[tuple[list[int], bool]] = []
    group_of: dict[int, int] = {}
    for root, part in parts.items():
        if root in anchored:
            if _conflicting(part, features):
                result.extend(([m], False) for m in part)
                continue
            group_of.update((m, root) for m in part)
    pieces: dict[int, set[int]] = defaultdict(set)  # piece of members without identifiers → groups linked
    for i, j in edges:
        if (i in anchored) != (j in anchored):
            loose, fixed = (j, i) if i in anchored else (i, j)
            if fixed in group_of:
                pieces[find(loose)].add(group_of[fixed])
    joined: dict[int, list[int]] = defaultdict(list)
    for root, part in parts.items():
        if root in anchored:
            if root in group_of:
                joined[root].extend(part)
        elif len(pieces.get(root, ())) == 1:
            joined[next(iter(pieces[root]))].extend(part)
        else:
            result.append((part, len(pieces.get(root, ())) > 1))
    result.extend((sorted(part), False) for part in joined.values())
    return sorted(result)


_SHARED_ID = ("same DOI or PMID", 1.0)


def _judge_loose_pairs(
    members: list[int],
    features: list[_Features],
    edges: dict[tuple[int, int], tuple[str, float]],
    inside: list[tuple[int, int]],
) -> None:
    """Judge every pair of a conflicting cluster with a member lacking DOI and PMID, adding to `edges`
    and `inside`: pairs skipped because the cluster already joined them decide how it splits."""
    loose = [m for m in members if not (features[m].doi or features[m].pmid)]
    for u in loose:
        for m in members:
            pair = (min(u, m), max(u, m))
            if m == u or pair in edges:
                continue
            verdict = _same(features[pair[0]], features[pair[1]])
            if verdict is not None:
                edges[pair] = verdict
                inside.append(pair)


def _reasons_within(
    part: list[int],
    inside: list[tuple[int, int]],
    edges: dict[tuple[int, int], tuple[str, float]],
    features: list[_Features],
    reasons: dict[int, tuple[str, float]],
) -> None:
    """Each member's reason from its first pair judged the same work within `part`."""
    members = set(part)
    found: dict[int, tuple[str, float]] = {}
    for i, j in inside:
        if i in members and j in members:
            found.setdefault(i, edges[i, j])
            found.setdefault(j, edges[i, j])
    for m in part:
        if m not in found:  # joined by a shared DOI or PMID, its pair not judged before the cluster was whole
            found[m] = next(filter(None, (_same(features[m], features[o]) for o in part if o != m)), _SHARED_ID)
        reasons[m] = found[m]


def _ambiguity(refs: References, piece: list[int], members: list[int], features: list[_Features]) -> str:
    labels = sorted(occ.label() for index in piece for occ in refs[index].provenance)
    where = ", ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    dois = sorted({features[m].doi or features[m].pmid or "" for m in members} - {""})
    return f"{where}: looks like works with different DOIs or PMIDs ({', '.join(dois[:5])}); merged with none of them"


def _merge_once(
    refs: References,
    known: dict[int, _Features],
    alive: list[Reference],
    ambiguous: list[str],
    recheck: set[int],
) -> tuple[References, list[_Absorbed]]:
    """One pass: cluster by blocking and `same_work`, merge each cluster into its best member.

    Only pairs with a reference new since the last pass are judged: the others were judged then.
    A cluster that chains together two different DOIs or PMIDs is split (see `_split`).
    """
    tokens = _tokens(refs)
    fresh = bytearray(len(refs))  # 1 for a reference not seen in an earlier pass
    spilled = isinstance(refs, SpilledReferences)
    for index, token in enumerate(tokens):
        if token in recheck:
            fresh[index] = 1
        elif token not in known:
            fresh[index] = 1
            ref = refs[index]
            known[token] = _features(ref)
            if not spilled:
                alive.append(ref)
    features = [known[token] for token in tokens]
    clusters = _Clusters(len(refs))
    reasons: dict[int, tuple[str, float]] = {}  # why each reference joined its cluster
    edges: dict[tuple[int, int], tuple[str, float]] = {}  # every pair judged the same work, in order
    for members in _candidate_blocks(features, fresh):
        for i, j in _pairs(members, features):
            if not (fresh[i] or fresh[j]) or clusters.find(i) == clusters.find(j):
                continue
            verdict = _same(features[i], features[j])
            if verdict is not None:
                reasons.setdefault(j, verdict)
                reasons.setdefault(i, verdict)
                clusters.union(i, j)
                edges[i, j] = verdict
    groups: dict[int, list[int]] = defaultdict(list)  # root (the smallest member) → the other members
    for index in range(len(refs)):
        root = clusters.find(index)
        if root != index:
            groups[root].append(index)
    conflicting = [root for root, others in groups.items() if _conflicting([root, *others], features)]
    edges_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if conflicting:
        for i, j in edges:
            edges_of[clusters.find(i)].append((i, j))
    for root in conflicting:
        members = [root, *groups.pop(root)]
        _judge_loose_pairs(members, features, edges, edges_of[root])
        for part, unattached in _split(members, features, edges_of[root]):
            if len(part) > 1:
                groups[part[0]] = part[1:]
                _reasons_within(part, edges_of[root], edges, features, reasons)
            if unattached:
                ambiguous.append(_ambiguity(refs, part, members, features))
                recheck.update(tokens[m] for m in part)
    gone = {index for others in groups.values() for index in others}
    for index in gone | groups.keys():
        del known[tokens[index]]  # these references give way to the merged ones
    absorbed: list[_Absorbed] = []

    def merge_group(root: int) -> Reference:
        loaded = {index: refs[index] for index in (root, *groups[root])}
        ranked = sorted(loaded, key=lambda i: _primary_rank(loaded[i]))
        kept = loaded[ranked[0]]
        for index in ranked[1:]:
            kept, conflicts = _merge_into(kept, loaded[index])
            reason, score = reasons[index]
            absorbed.append((loaded[index].provenance, (kept.id, reason, score, tuple(conflicts))))
        return kept

    # Merged as the new sequence is built, so a large list never holds all merged references at once.
    items = (merge_group(index) if index in groups else index for index in range(len(refs)) if index not in gone)
    return rebuild(refs, items), absorbed
