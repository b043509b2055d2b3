"""Synthetic disease-information pages with known repeats, for benchmarks and tests.

    from synthetic import generate, score
    page = generate(10_000, repeat_share=0.15, seed=1)
    bib = dedupe(parse_text(page.text))
    print(score(bib, page).precision)

`generate` writes a page in the seed's layout (header, numbered entries "N. Title" / authors /
journal, unnumbered repeats with authors and journal lines only) holding `distinct` works that
are really distinct, plus repeats. Every occurrence is labelled by the line it starts on (the
title line of a numbered entry, the authors line of an unnumbered one) with the id of its work,
so `score` can count, over pairs of occurrences, which merges are right (precision) and which
repeats were found (recall).

Repeats are exact (unnumbered, the same two lines again) or reworded, numbered or not: the first
author's initials cut, the journal written in full, the page range abbreviated the other way,
a typo in the title or an author's name, `et al.` placed elsewhere. Distinct works include hard
non-duplicates: the same first author, year and journal with other pages, the same title in two
journals, an erratum and a reply to an article, parts 1 and 2 of a guideline.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path

from rapidfuzz import fuzz

__all__ = ["Page", "Score", "Work", "generate", "name_variety", "score"]

ROOT = Path(__file__).resolve().parents[1]
JOURNAL_TABLE: dict[str, str] = json.loads((ROOT / "myobib" / "data" / "journals.json").read_text("utf-8"))

# Real NLM abbreviations beyond the shipped table (only table journals get written in full).
OTHER_JOURNALS = """Clin Rheumatol|Rheumatol Int|Scand J Rheumatol|Int J Rheum Dis|Mod Rheumatol|J Clin Rheumatol
Joint Bone Spine|Lupus|Rheum Dis Clin North Am|Best Pract Res Clin Rheumatol|RMD Open|Arthritis Care Res (Hoboken)
J Neurol|Neuromuscul Disord|Acta Neuropathol|Brain Pathol|Neuropathol Appl Neurobiol|J Neuromuscul Dis
Ann Neurol|Neurol Clin|Curr Opin Neurol|J Neurol Sci|Muscle Nerve|Eur J Neurol|Respir Med|Respirology
Thorax|BMC Pulm Med|Lung|Sarcoidosis Vasc Diffuse Lung Dis|Br J Dermatol|J Eur Acad Dermatol Venereol
Dermatology|Pediatr Dermatol|Int J Dermatol|Medicine (Baltimore)|Clin Med (Lond)|Intern Med|QJM|Am J Med
Eur J Intern Med|J Intern Med|Mayo Clin Proc|Front Med (Lausanne)|Sci Rep|Nat Commun|J Autoimmun
Clin Immunol|Immunol Res|J Immunol|Clin Exp Immunol|Cancers (Basel)|Int J Mol Sci|Cells|Biomedicines
J Clin Med|Diagnostics (Basel)|Pediatr Res|J Pediatr|Pediatrics|Eur J Pediatr|Acta Paediatr|Rev Med Interne
Presse Med|Z Rheumatol|Reumatol Clin (Engl Ed)|Reumatismo|Rev Bras Reumatol|Mod Pathol|Am J Surg Pathol
Histopathology|Virchows Arch|Clin Chem Lab Med|J Thorac Imaging|Radiology|Eur Radiol|Skeletal Radiol
J Cachexia Sarcopenia Muscle|Orphanet J Rare Dis|Rare Dis|BMC Musculoskelet Disord|Ther Adv Musculoskelet Dis
Expert Rev Clin Immunol|Drugs|Clin Drug Investig|Br J Clin Pharmacol|Immunotherapy|J Am Heart Assoc
Heart|Int J Cardiol|Dysphagia|Laryngoscope|Ann Transl Med|Chin Med J (Engl)|J Formos Med Assoc
Korean J Intern Med|J Korean Med Sci|Intern Med J|Aust N Z J Med|N Z Med J|Can J Neurol Sci|CMAJ"""
JOURNALS = sorted(set(JOURNAL_TABLE) | {j for line in OTHER_JOURNALS.splitlines() for j in line.split("|")})

SURNAMES = """Wang Li Zhang Chen Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo Zheng
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Suzuki Sato Takahashi Tanaka Watanabe Ito Nakamura
Kobayashi Yamamoto Kato Yoshida Yamada Sasaki Fujimoto Kawakami Ogawa Ishii Asano Kodera Gono Kuwana
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson White
Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell
Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter
Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Stenzel
Martínez García Rodríguez López González Hernández Pérez Sánchez Ramírez Torres Flores Rivera Gómez
Díaz Castañeda Jiménez Ruiz Álvarez Moreno Muñoz Romero Navarro Gutiérrez Ortega Delgado Castro
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Cavagna
Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso
Silva Santos Oliveira Souza Pereira Lima Carvalho Ferreira Almeida Ribeiro Simões Araújo Gonçalves
Dubois Durand Lefebvre Leroy Moreau Simon Laurent Michel Garcia David Bertrand Roux Vincent Fournier
Benveniste Allenbach Hachulla Mouthon Meyer Bourrat Gitiaux Belot Bughin Jouen Musset Boyer
Jansen Visser Smit Bakker Janssen Vries Berg Dijk Bos Vos Peters Hendriks Mulder Dekker Brouwer
Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Lundberg
Tjärnlund Bottai Dastmalchi Dani Alexanderson Holmqvist Søndergaard Jørgensen Hansen Nielsen Pedersen
Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Dvořák Novák Svoboda Procházka
Horváth Nagy Szabó Tóth Kovács Papadopoulos Papadopoulou Georgiou Nikolaidis Yılmaz Kaya Demir Şahin
Çelik Öztürk Aydın Kumar Singh Sharma Gupta Patel Shah Reddy Rao Iyer Agarwal Aggarwal Mehta
Cohen Levi Friedman Katz Shapiro Ivanov Smirnov Popov Kuznetsov Volkov Sokolov Lebedev
Oddis Mammen Rider Miller Werth Pinal-Fernandez Selva-O’Callaghan Bader-Meunier Romero-Bueno
Trallero-Araguás Gonzalez-Gay Ruiz-Rodríguez Martínez-Becerra Sanchez-Pernaute Rodriguez-Nieto
Oldroyd Lilleker Chinoy Tansley McHugh McCann Pilkington Isenberg Kiely Machado Gordon Gunawardena
O'Brien O'Connor O'Neill McDonald MacLeod Ó'Súilleabháin D'Cruz D'Angelo Ní Bhriain"""
PARTICLES = ["de", "da", "van", "van der", "von", "Del", "dos", "van den", "ter", "di", "Le", "De La"]
SYLLABLES = "ka lo ri me sa to ven dor mal ber tin gar son lin har wel ros mon vik as el ur ob ta ne".split()

CONDITIONS = """dermatomyositis|polymyositis|inclusion body myositis|antisynthetase syndrome|juvenile dermatomyositis
immune-mediated necrotizing myopathy|idiopathic inflammatory myopathies|anti-MDA5-positive dermatomyositis
clinically amyopathic dermatomyositis|overlap myositis|systemic sclerosis|Sjögren syndrome|Behçet disease
systemic lupus erythematosus|myasthenia gravis|Guillain-Barré syndrome|statin-associated autoimmune myopathy
interstitial lung disease|rapidly progressive interstitial lung disease|cancer-associated myositis
anti-Jo-1 antibody-positive myositis|anti-HMGCR myopathy|anti-SRP myopathy|mixed connective tissue disease
checkpoint inhibitor-induced myositis|calcinosis in juvenile dermatomyositis|myositis-associated dysphagia"""
OPENINGS = """Clinical features of|Long-term outcome of|Risk factors for relapse in|Efficacy and safety of {drug} in
A randomized controlled trial of {drug} in|Prevalence of {antibody} antibodies in|Interstitial lung disease in
Magnetic resonance imaging of the thigh muscles in|Muscle biopsy findings in|Cancer risk in|Quality of life in
Biomarkers of disease activity in|Treatment of refractory|Classification criteria for|Mortality in
Genetic risk factors for|Cardiac involvement in|Dysphagia in|Exercise training in|Incidence of
Outcome measures for|The role of {antibody} in|Serum {marker} levels in|Type I interferon signature in
Pulmonary function tests in|Capillaroscopy findings in|Skin ulcers in|Pregnancy outcomes in
Vaccination against influenza in|COVID-19 in|Fatigue and pain in|Muscle strength testing in
Myositis-specific autoantibodies in|Early diagnosis of|Health care costs of|Lymphocyte subsets in
Ultrasound of skeletal muscle in|Nailfold changes in|Infections in|Osteoporosis in|Depression in"""
DRUGS = """rituximab|tacrolimus|intravenous immunoglobulin|tofacitinib|abatacept|cyclophosphamide|methotrexate
JAK inhibitors"""
ANTIBODIES = "anti-MDA5|anti-Jo-1|anti-TIF1-γ|anti-NXP2|anti-Mi-2|anti-SAE|anti-PL-7|anti-PL-12|anti-Ro52|anti-cN1A"
MARKERS = "ferritin|KL-6|creatine kinase|IL-18|CXCL10|troponin T|galectin-9|SIGLEC1"
QUALIFIERS = """a multicentre cohort study|a systematic review and meta-analysis|results from the {registry} registry
a nationwide study in {country}|a retrospective analysis of {n} patients|a prospective study of {n} patients
a case-control study|a single-centre experience|a {k}-year follow-up study|a cross-sectional survey
a population-based study|a Delphi consensus|a case series of {n} patients|data from {country}|a pilot study"""
COUNTRIES = "Sweden|Japan|Korea|China|Brazil|Italy|Spain|France|Germany|the Netherlands|Denmark|Hungary|Türkiye|India"
REGISTRIES = "EuroMyositis|MYONET|MEDRA5|JDRG|UKMYONET|AENEAS|MyoCite|Myo-Span|JIMRC|CIMIIS"
GROUP_KINDS = "Study Group|Working Group|Collaborative Group|Consortium|Network|Task Force|Investigators"
GROUP_WORDS = """International Myositis|European Myositis|Juvenile Dermatomyositis|Myositis Interstitial Lung
Paediatric Myositis"""

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@cache
def _split(text: str) -> list[str]:
    return [item.strip() for line in text.splitlines() for item in line.split("|") if item.strip()]


def _fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9]+", ascii_text)).strip()


@dataclass
class Work:
    """One distinct work, with everything needed to write it in several ways."""

    id: int
    title: str
    authors: list[tuple[str, str]]  # (family, initials)
    show: int | None  # how many authors are printed before `et al.`; None prints them all
    group: str | None  # group author after `;`
    group_first: str | None  # group author placed before the title (seed ref 9)
    journal: str
    year: int
    month: int | None
    day: int | None
    volume: str | None
    issue: str | None
    pages: tuple[str, str] | None  # (first, last) pages; last == "" for article numbers
    abbreviate: bool  # pages written NLM-abbreviated (`729-57`)
    note: str | None = None
    kind: str = "article"


@dataclass
class Page:
    """A synthetic page and its labels: line where each occurrence starts → work id."""

    text: str
    labels: dict[int, int]
    works: list[Work]
    truth: dict[int, Work]  # line → the work written there (for field checks)
    how: dict[int, str]  # line → "original", "exact" or "reworded: <changes>" (numbered or not)
    starts: dict[int, int]  # every line of an occurrence → the line it starts on
    repeat_kinds: Counter[str] = field(default_factory=Counter)
    hard_kinds: Counter[str] = field(default_factory=Counter)

    @property
    def occurrences(self) -> int:
        return len(self.labels)


@dataclass
class Score:
    """Pairwise precision and recall of a deduplication against the page's labels."""

    precision: float
    recall: float
    true_pairs: int
    found_pairs: int
    false_pairs: list[tuple[int, int]]
    missed_pairs: list[tuple[int, int]]
    unlabelled: list[int]  # parsed occurrences starting on a line of no labelled occurrence
    lost: list[int]  # labelled occurrences found in no reference
    shifted: int  # occurrences read from a later line than their start (a title line left unparsed)


def _pairs(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for members in groups.values():
        members = sorted(members)
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                pairs.add((a, b))
    return pairs


def score(bib, page: Page) -> Score:
    """Compare the merged bibliography `bib` with the page's labels, over pairs of occurrences."""
    predicted: dict[object, list[int]] = defaultdict(list)
    seen: set[int] = set()
    unlabelled: list[int] = []
    shifted = 0
    for index, ref in enumerate(bib.references):
        for occurrence in ref.provenance:
            line = page.starts.get(occurrence.line_start)
            if line is None:
                unlabelled.append(occurrence.line_start)
            elif line not in seen:  # two parsed pieces of one occurrence count once
                shifted += line != occurrence.line_start
                predicted[index].append(line)
                seen.add(line)
    truth: dict[object, list[int]] = defaultdict(list)
    for line, work in page.labels.items():
        truth[work].append(line)
    found, wanted = _pairs(predicted), _pairs(truth)
    right = found & wanted
    return Score(
        precision=len(right) / len(found) if found else 1.0,
        recall=len(right) / len(wanted) if wanted else 1.0,
        true_pairs=len(wanted),
        found_pairs=len(found),
        false_pairs=sorted(found - wanted),
        missed_pairs=sorted(wanted - found),
        unlabelled=sorted(unlabelled),
        lost=sorted(set(page.labels) - seen),
        shifted=shifted,
    )


class _Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.surnames = self._surname_pool()
        self.weights = list(accumulate(1 / (rank + 8) for rank in range(len(self.surnames))))  # Zipf-like
        # The shipped table's journals (the field's main ones) first, so they are the most cited.
        table, others = sorted(JOURNAL_TABLE), sorted(set(JOURNALS) - set(JOURNAL_TABLE))
        self.rng.shuffle(table)
        self.rng.shuffle(others)
        self.journals = table + others
        self.journal_weights = list(accumulate(1 / (rank + 3) for rank in range(len(self.journals))))
        self.titles: set[str] = set()
        self.by_author_year: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.first_pages: set[tuple[str, str, str]] = set()
        self.next_page: dict[tuple[str, int], int] = defaultdict(lambda: self.rng.randint(1, 400))
        letters = "ABCDEFGHIJKLMNOPRSTVWY"
        # About 45% one initial, 45% two, 10% three.
        self.initial_pool = list(letters) * 41 + [a + b for a in letters for b in letters] * 2
        self.initial_pool += [a + b + c for a in letters for b in letters[::6] for c in letters[::8]]
        self.volume_base = {j: self.rng.randint(1, 120) for j in self.journals}

    def _surname_pool(self) -> list[str]:
        rng = self.rng
        pool = SURNAMES.split()
        made: set[str] = set(pool)
        while len(pool) < 6000:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            if rng.random() < 0.04:
                name = f"{rng.choice(PARTICLES)} {name}"
            elif rng.random() < 0.05:
                name = f"{name}-{rng.choice(pool[:400])}"
            if name not in made:
                made.add(name)
                pool.append(name)
        return pool

    # -- pieces -----------------------------------------------------------------------------

    def surname(self) -> str:
        return self.rng.choices(self.surnames, cum_weights=self.weights)[0]

    def initials(self) -> str:
        return self.rng.choice(self.initial_pool)

    def title(self) -> str:
        rng = self.rng
        opening = rng.choice(_split(OPENINGS)).format(
            drug=rng.choice(_split(DRUGS)), antibody=rng.choice(_split(ANTIBODIES)), marker=rng.choice(_split(MARKERS))
        )
        text = f"{opening} {rng.choice(_split(CONDITIONS))}"
        if rng.random() < 0.8:
            qualifier = rng.choice(_split(QUALIFIERS)).format(
                registry=rng.choice(_split(REGISTRIES)),
                country=rng.choice(_split(COUNTRIES)),
                n=rng.randint(12, 2400),
                k=rng.randint(2, 30),
            )
            text = f"{text}: {qualifier}"
        if rng.random() < 0.05:
            text += "?"
        return text

    def journal(self) -> str:
        return self.rng.choices(self.journals, cum_weights=self.journal_weights)[0]

    def pages(self, journal: str, year: int, volume: str) -> tuple[tuple[str, str], bool]:
        rng = self.rng
        roll = rng.random()
        while True:
            if roll < 0.06:  # article number
                first = rng.choice([str(rng.randint(1, 999)), f"e{rng.randint(100000, 999999)}"])
                pages = (first, "")
            else:
                start = self.next_page[(journal, year)]
                self.next_page[(journal, year)] = start + rng.randint(1, 40)
                length = rng.randint(0, 30)
                prefix = "S" if roll < 0.09 else ""
                pages = (f"{prefix}{start}", f"{prefix}{start + length}" if length else "")
                if 0.09 <= roll < 0.11 and length:
                    pages = (str(start), f"e{length}")  # print pages then e-pages: `19-e3`
            key = (journal, volume, pages[0])
            if key not in self.first_pages:
                self.first_pages.add(key)
                return pages, rng.random() < 0.6

    def authors(self) -> tuple[list[tuple[str, str]], int | None]:
        rng = self.rng
        count = rng.choices([1, rng.randint(2, 6), rng.randint(7, 15), rng.randint(16, 40)], [5, 45, 35, 15])[0]
        families = list(dict.fromkeys(rng.choices(self.surnames, cum_weights=self.weights, k=count + 4)))[:count]
        while len(families) < count:
            family = self.surname()
            if family not in families:
                families.append(family)
        authors = list(zip(families, rng.choices(self.initial_pool, k=count), strict=True))
        show = None
        if count > 6:
            show = rng.choices([6, 3, None], [60, 10, 30])[0]
        return authors, show

    def group(self) -> str:
        return f"{self.rng.choice(_split(GROUP_WORDS))} {self.rng.choice(_split(GROUP_KINDS))}"

    def fresh_title(self, family: str, year: int, title: str | None = None) -> str | None:
        """A title distinct from every other, and not near any title of the same first author and year."""
        title = title or self.title()
        folded = _fold(title)
        if folded in self.titles:
            return None
        bucket = self.by_author_year[(_fold(family), year)]
        if any(fuzz.ratio(folded, other) >= 85 for other in bucket):
            return None
        self.titles.add(folded)
        bucket.append(folded)
        return title

    def work(self, wid: int) -> Work:
        rng = self.rng
        authors, show = self.authors()
        year = rng.randint(1990, 2024)
        while (title := self.fresh_title(authors[0][0], year)) is None:
            pass
        journal = self.journal()
        month = rng.randint(1, 12) if rng.random() < 0.85 else None
        day = rng.randint(1, 28) if month and rng.random() < 0.15 else None
        volume = issue = pages = None
        abbreviate = False
        if rng.random() < 0.02:  # ahead of print: `Arthritis Rheumatol. 2018 Mar 7.`
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            authors, show = authors[: rng.randint(1, 5)], None
        else:
            volume = str(self.volume_base[journal] + year - 1990)
            issue = str(month or rng.randint(1, 12)) if rng.random() < 0.9 else None
            pages, abbreviate = self.pages(journal, year, volume)
            if pages[0].startswith("S"):
                issue = f"{issue or rng.randint(1, 12)} Suppl {rng.randint(1, 3)}"
        return Work(
            id=wid,
            title=title,
            authors=authors,
            show=show,
            group=self.group() if rng.random() < 0.08 else None,
            group_first=(
                f"British Society for {rng.choice(['Rheumatology', 'Neurology'])} Standards, Audit and Guidelines "
                "Working Group"
                if rng.random() < 0.005
                else None
            ),
            journal=journal,
            year=year,
            month=month,
            day=day,
            volume=volume,
            issue=issue,
            pages=pages,
            abbreviate=abbreviate,
            note=None,
        )

    # -- hard non-duplicates ------------------------------------------------------------------

    def sibling(self, base: Work, wid: int) -> Work | None:
        """Same first author, year and journal (so the same volume); other title and pages."""
        if base.volume is None:
            return None
        title = self.fresh_title(base.authors[0][0], base.year)
        if title is None:
            return None
        pages, abbreviate = self.pages(base.journal, base.year, base.volume)
        authors = [base.authors[0]] + self.authors()[0][1:]
        return _copy(base, id=wid, title=title, authors=authors, pages=pages, abbreviate=abbreviate, kind="sibling")

    def twin(self, base: Work, wid: int) -> Work | None:
        """The same title and authors published in another journal (criteria in two journals)."""
        journal = self.journal()
        if base.volume is None or journal == base.journal or _same_journal(journal, base.journal):
            return None
        volume = str(self.volume_base[journal] + base.year - 1990)
        pages, abbreviate = self.pages(journal, base.year, volume)
        return _copy(base, id=wid, journal=journal, volume=volume, pages=pages, abbreviate=abbreviate, kind="twin")

    def erratum(self, base: Work, wid: int) -> Work | None:
        """`Erratum to: <title>` in the same journal, a few months later, one page."""
        if base.volume is None:
            return None
        start = self.next_page[(base.journal, base.year)] + 200
        self.next_page[(base.journal, base.year)] = start + 1
        key = (base.journal, base.volume, str(start))
        if key in self.first_pages:
            return None
        self.first_pages.add(key)
        title = f"Erratum to: {base.title}"
        self.titles.add(_fold(title))
        return _copy(base, id=wid, title=title, pages=(str(start), ""), abbreviate=False, kind="erratum")

    def reply(self, base: Work, wid: int) -> Work | None:
        """The authors' reply to a letter about their article: same first author, year and journal."""
        if base.volume is None:
            return None
        title = f"Reply to: Comment on {base.title[0].lower()}{base.title[1:]}"
        if _fold(title) in self.titles:
            return None
        self.titles.add(_fold(title))
        pages, _ = self.pages(base.journal, base.year, base.volume)
        return _copy(base, id=wid, title=title, authors=base.authors[:3], show=None, group=None,
                     pages=(pages[0], ""), abbreviate=False, kind="reply")  # fmt: skip

    def part_two(self, base: Work, wid: int) -> tuple[Work, Work] | None:
        """`Part 1` and `Part 2` of a guideline: near-identical titles, same authors, consecutive pages."""
        if base.kind != "article" or base.volume is None or not base.pages or not base.pages[1].isdigit():
            return None
        stem = f"Guidelines for the management of {self.rng.choice(_split(CONDITIONS))} in {base.year}: Part"
        one, two = f"{stem} 1", f"{stem} 2"
        if _fold(one) in self.titles or _fold(two) in self.titles:
            return None
        self.titles.update({_fold(one), _fold(two)})
        start = int(base.pages[1]) + 1
        key = (base.journal, base.volume, str(start))
        if key in self.first_pages:
            return None
        self.first_pages.add(key)
        first = _copy(base, title=one)
        second = _copy(base, id=wid, title=two, pages=(str(start), str(start + 12)), kind="part 2")
        return first, second


def _copy(work: Work, **changes) -> Work:
    values = dict(work.__dict__)
    values["authors"] = list(work.authors)
    values.update(changes)
    return Work(**values)


def _same_journal(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


# -- writing ----------------------------------------------------------------------------------


def _abbreviate_range(first: str, last: str) -> str:
    """NLM style: drop the leading digits the last page shares with the first (`729-757` → `729-57`)."""
    if not (first.isdigit() and last.isdigit()) or len(first) != len(last):
        return last
    shared = 0
    while shared < len(first) - 1 and first[shared] == last[shared]:
        shared += 1
    return last[shared:]


def page_text(pages: tuple[str, str], abbreviate: bool) -> str:
    first, last = pages
    if not last:
        return first
    if first.startswith("S") and last.startswith("S"):
        tail = last[1:]
        if abbreviate:
            tail = _abbreviate_range(first[1:], last[1:])
            return f"{first}-{tail}"
        return f"{first}-{last}"
    if abbreviate:
        return f"{first}-{_abbreviate_range(first, last)}"
    return f"{first}-{last}"


def authors_text(work: Work, show: int | None = None, initials: dict[int, str] | None = None,
                 families: dict[int, str] | None = None) -> str:  # fmt: skip
    show = work.show if show is None else show
    names = []
    for index, (family, given) in enumerate(work.authors):
        if show is not None and index >= show:
            break
        family = (families or {}).get(index, family)
        given = (initials or {}).get(index, given)
        names.append(f"{family} {given}")
    text = ", ".join(names)
    if show is not None and show < len(work.authors):
        text += ", et al"
    if work.group:
        text += f"; {work.group}"
    return text + "."


def journal_text(work: Work, journal: str | None = None, abbreviate: bool | None = None) -> str:
    date = str(work.year)
    if work.month:
        date += f" {MONTHS[work.month - 1]}"
        if work.day:
            date += f" {work.day}"
    text = f"{journal or work.journal}. {date}"
    if work.volume:
        text += f";{work.volume}"
        if work.issue:
            text += f"({work.issue})"
        if work.pages:
            text += f":{page_text(work.pages, work.abbreviate if abbreviate is None else abbreviate)}"
    text += "."
    if work.note:
        text += f" {work.note}"
    return text


def title_text(work: Work, title: str | None = None) -> str:
    title = title or work.title
    return f"{work.group_first}. {title}" if work.group_first else title


def _typo(rng: random.Random, word: str) -> str:
    """One letter changed, dropped or swapped with its neighbour, never the first one."""
    position = rng.randint(1, len(word) - 2)
    how = rng.choice(["swap", "drop", "change"])
    if how == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if how == "drop":
        return word[:position] + word[position + 1 :]
    letter = rng.choice([c for c in "aeioulnrst" if c != word[position]])
    return word[:position] + letter + word[position + 1 :]


def _typo_in_title(rng: random.Random, title: str) -> str | None:
    words = title.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return None
    index = rng.choice(long)
    words[index] = _typo(rng, words[index])
    return " ".join(words)


def reword(rng: random.Random, work: Work, numbered: bool) -> tuple[str | None, str, str, list[str]]:
    """A reworded repeat of `work`: (title line or None, authors line, journal line, changes made)."""
    choices = ["initials", "pages", "typo in an author", "et al. elsewhere"]
    if work.journal in JOURNAL_TABLE and _fold(JOURNAL_TABLE[work.journal]) != _fold(work.journal):
        choices.append("journal in full")
    if numbered:
        choices += ["typo in the title"] * 2
    changes: list[str] = []
    title = work.title if numbered else None
    show, initials, families = work.show, {}, {}
    journal, abbreviate = None, None
    for change in rng.sample(choices, k=min(len(choices), rng.choice([1, 1, 2]))):
        if change == "initials":
            given = work.authors[0][1]
            initials[0] = given[:-1] if len(given) > 1 else given + rng.choice("ABCDEHJMRS")
        elif change == "pages":
            if not work.pages or not work.pages[1] or page_text(work.pages, True) == page_text(work.pages, False):
                continue
            abbreviate = not work.abbreviate
        elif change == "typo in an author":
            candidates = [i for i, (family, _) in enumerate(work.authors[: show or None]) if len(family) >= 7
                          and family.isalpha() and family.isascii()]  # fmt: skip
            if not candidates:
                continue
            index = rng.choice(candidates)
            families[index] = _typo(rng, work.authors[index][0])
        elif change == "et al. elsewhere":
            if len(work.authors) < 3:
                continue
            options = [k for k in (1, 2, 3, 6, 10, len(work.authors)) if k <= len(work.authors) and k != work.show]
            options = [k for k in options if not (k == len(work.authors) and work.show is None)]
            if not options:
                continue
            show = rng.choice(options)
            show = None if show == len(work.authors) else show
        elif change == "journal in full":
            journal = JOURNAL_TABLE[work.journal]
        elif change == "typo in the title":
            typo = _typo_in_title(rng, work.title)
            if typo is None:
                continue
            title = typo
        changes.append(change)
    if show is None and work.show is not None:
        # A full author list where the original was cut: needs `show=None` with the full list.
        written = authors_text(_copy(work, show=None), None, initials, families)
    else:
        written = authors_text(work, show, initials, families)
    return title, written, journal_text(work, journal, abbreviate), changes


HEADER = """Disease Info
Disease:Synthetic Myopathies
Synthetic Myopathies (SM)
A generated page in the layout of the disease-information pages: a header, then a numbered reference list \
with unnumbered repeats.
"""


def generate(distinct: int, repeat_share: float = 0.15, seed: int = 1, hard_share: float = 0.04) -> Page:
    """A page of `distinct` distinct works plus `repeat_share × distinct` repeats of them.

    About `hard_share` of the distinct works are hard non-duplicates of another work (see the
    module docstring). Half the repeats are exact unnumbered repeats; the rest are reworded,
    a third of those as numbered entries with a title.
    """
    gen = _Generator(seed)
    rng = gen.rng
    works: list[Work] = []
    hard: Counter[str] = Counter()
    while len(works) < distinct:
        wid = len(works)
        if works and rng.random() < hard_share:
            base = rng.choice(works[-200:])
            kind = rng.choice(["sibling", "twin", "erratum", "reply", "part 2"])
            made = getattr(gen, {"part 2": "part_two"}.get(kind, kind))(base, wid)
            if made is None:
                continue
            if kind == "part 2":
                first, made = made
                works[base.id] = _copy(first, id=base.id)
                gen.titles.discard(_fold(base.title))
            works.append(made)
            hard[kind] += 1
            continue
        work = gen.work(wid)
        if rng.random() < 0.02 and work.volume:
            later = _copy(work, year=work.year, month=None, day=None)
            work.note = f"Erratum in: {journal_text(_copy(later, pages=(str(rng.randint(1, 999)), ''), note=None))}"
        works.append(work)

    # Where each repeat goes: after the numbered entry at `position`, a few entries after its original.
    repeats_after: dict[int, list[tuple[Work, str]]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    for _ in range(round(distinct * repeat_share)):
        original = rng.randrange(distinct)
        kind = rng.choices(["exact", "reworded", "reworded numbered"], [50, 33, 17])[0]
        position = min(distinct - 1, original + rng.choice([0, 0, rng.randint(1, 20), rng.randint(1, 500)]))
        repeats_after[position].append((works[original], kind))
        kinds[kind] += 1

    lines: list[str] = HEADER.splitlines() + [""]
    labels: dict[int, int] = {}
    truth: dict[int, Work] = {}
    number = 0

    how: dict[int, str] = {}
    starts: dict[int, int] = {}

    def emit(work: Work, title: str | None, authors: str, journal: str, kind: str) -> None:
        nonlocal number
        start = len(lines) + 1
        if title is not None:
            number += 1
            lines.append(f"{number}. {title_text(work, title)}")
        lines.extend([authors, journal])
        starts.update(dict.fromkeys(range(start, len(lines) + 1), start))
        labels[start] = work.id
        truth[start] = work
        how[start] = kind

    for position, work in enumerate(works):
        emit(work, work.title, authors_text(work), journal_text(work), "original")
        for original, kind in repeats_after.get(position, []):
            if kind == "exact":
                emit(original, None, authors_text(original), journal_text(original), kind)
            else:
                title, authors, journal, changes = reword(rng, original, kind == "reworded numbered")
                emit(original, title, authors, journal, f"{kind}: {', '.join(changes) or 'no change'}")
                kinds.update(f"  {change}" for change in changes)
    return Page("\n".join(lines) + "\n", labels, works, truth, how, starts, kinds, hard)


# -- lists of every kind of work, in every layout (issue 11) --------------------------------------

KINDS = ("article", "book", "edited book", "chapter", "report", "webpage", "thesis", "legislation", "software",
         "dataset", "preprint", "newspaper", "paper-conference", "erratum", "retraction", "reply",
         "anonymous")  # fmt: skip
LAYOUTS = ("page", "numbered", "bracketed", "bare", "heading", "blank", "apa")
STYLES = {"page": "nlm", "numbered": "nlm", "bracketed": "ama", "bare": "ama", "heading": "nlm", "blank": "nlm",
          "apa": "apa"}  # fmt: skip
# What each layout can print: APA lists and pages have no form for every kind, AMA none for a data set.
_NOT_AMA = ("dataset",)
LAYOUT_KINDS = {
    "page": ("article", "book", "edited book", "chapter", "report", "webpage", "thesis", "dataset", "erratum",
             "retraction", "reply", "anonymous"),
    "apa": ("article", "book", "edited book", "chapter", "report", "webpage", "software", "dataset", "erratum"),
}  # fmt: skip
ORGANISATIONS = """World Health Organization|Ministério da Saúde (BR)|Centers for Disease Control and Prevention (US)
European Medicines Agency|National Institute for Health and Care Excellence|Instituto de Salud Carlos III
Organização Pan-Americana da Saúde|Agence nationale de sécurité du médicament"""
PUBLISHERS = """Springer|Elsevier|Wiley-Blackwell|Oxford University Press|Cambridge University Press|McGraw-Hill
Lippincott Williams & Wilkins|CRC Press|Thieme|Editora Fiocruz|Hanley & Belfus|Academic Press"""
PLACES = "New York|London|Philadelphia|Berlin|Rio de Janeiro|Geneva|Boston|Oxford|Stuttgart|Madrid|Paris|Amsterdam"
UNIVERSITIES = "Universidade de São Paulo|University of Oxford|Universidad de Chile|Karolinska Institutet"
NEWSPAPERS = "The Washington Post|The New York Times|The Guardian|Folha de S.Paulo"
MONTH_NAMES = "January February March April May June July August September October November December".split()


@dataclass
class MixedList:
    """A generated reference list and its labels, in the shape of tests/data/lists/*.expected.json."""

    text: str
    labels: list[dict]
    layout: str


def _names(pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"family": family, "given": given} for family, given in pairs]


def _nlm_names(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(f"{family} {given}" for family, given in pairs)


def _apa_names(pairs: list[tuple[str, str]]) -> str:
    written = [f"{family}, {'. '.join(given)}." for family, given in pairs]
    return written[0] if len(written) == 1 else ", ".join(written[:-1]) + f", & {written[-1]}"


class _MixedWriter:
    """Writes one work of a kind in a style, returning (entry text or page lines, type, notice, fields)."""

    def __init__(self, seed: int):
        self.gen = _Generator(seed)
        self.rng = self.gen.rng
        self.count = 0

    def pick(self, text: str) -> str:
        return self.rng.choice(_split(text))

    def persons(self, most: int = 4) -> list[tuple[str, str]]:
        authors, _ = self.gen.authors()
        return [(family, given) for family, given in authors[: self.rng.randint(1, most)] if family.isalpha()] or [
            ("Silva", "JA")
        ]

    def title(self, year: int, family: str) -> str:
        while (title := self.gen.fresh_title(family, year)) is None:
            pass
        return title

    def work(self, kind: str, style: str) -> tuple[list[str], str, str | None, dict]:
        """(the entry as printed: one line, or the page's title / authors / source lines), type, notice, fields."""
        self.count += 1
        year = self.rng.randint(1995, 2024)
        persons = self.persons()
        title = self.title(year, persons[0][0])
        return getattr(self, kind.replace(" ", "_").replace("-", "_"))(style, persons, title, year)

    # Each kind: (title line, authors line, rest) for pages; (whole entry,) otherwise, with labels.

    def article(self, style, persons, title, year, notice=None, anonymous=False):
        base = self.gen.work(self.count)
        journal, volume, issue, pages = base.journal, base.volume or "12", base.issue, base.pages or ("101", "110")
        first, last = pages
        doi = f"10.{1000 + self.count}/j.{year}.{self.count:05d}"
        fields = {"title": title, "container-title": journal, "issued": {"year": year}, "volume": volume,
                  "page": f"{first}-{last}" if last else first, "DOI": doi}  # fmt: skip
        if issue:
            fields["issue"] = issue
        if not anonymous:
            fields["author"] = _names(persons)
        source_issue = f"({issue})" if issue else ""
        page_written = f"{first}-{last}" if last else first
        if style == "apa":  # an unsigned work puts its title where the authors go
            head = f"{title}. ({year})." if anonymous else f"{_apa_names(persons)} ({year}). {title}."
            entry = f"{head} {JOURNAL_TABLE.get(journal, journal)}, {volume}{source_issue}, " \
                    f"{page_written.replace('-', '–')}. https://doi.org/{doi}"  # fmt: skip
            fields["container-title"] = JOURNAL_TABLE.get(journal, journal)
            lines = [entry]
        else:
            who = "[No authors listed]" if anonymous else _nlm_names(persons)
            source = f"{journal}. {year};{volume}{source_issue}:{page_written}."
            tail = f"doi:{doi}" if style == "ama" else f"doi: {doi}."
            lines = [title, f"{who}.".replace("].", "]"), f"{source} {tail}"]
        return lines, "article-journal", notice, fields

    def erratum(self, style, persons, title, year):
        return self.article(style, persons, f"Erratum: {title}", year, notice="erratum", anonymous=True)

    def retraction(self, style, persons, title, year):
        return self.article(style, persons, f"Retraction note: {title}", year, notice="retraction", anonymous=True)

    def reply(self, style, persons, title, year):
        return self.article(style, persons, f"Reply to: {title}", year, notice="reply")

    def anonymous(self, style, persons, title, year):
        return self.article(style, persons, title, year, anonymous=True)

    def book(self, style, persons, title, year, editors=False):
        publisher, place = self.pick(PUBLISHERS), self.pick(PLACES)
        edition = self.rng.choice([None, "2nd", "3rd", "5th"])
        role = "editor" if editors else "author"
        fields = {role: _names(persons), "title": title, "publisher": publisher, "issued": {"year": year}}
        if style == "apa":
            who = f"{_apa_names(persons)}{' (Eds.).' if editors else ''}"
            entry = f"{who} ({year}). {title}{f' ({edition} ed.)' if edition else ''}. {publisher}."
            if edition:
                fields["edition"] = edition  # `(5th ed.)` after the title, as tests/data/lists labels it
            return [entry], "book", None, fields
        fields["publisher-place"] = place
        if edition:
            fields["edition"] = edition
        who = f"{_nlm_names(persons)}{', editors' if editors else ''}."
        source = f"{f'{edition} ed. ' if edition else ''}{place}: {publisher}; {year}."
        return [title, who, source], "book", None, fields

    def edited_book(self, style, persons, title, year):
        return self.book(style, persons, title, year, editors=True)

    def chapter(self, style, persons, title, year):
        editors, book = self.persons(3), self.title(year, "editors")
        publisher, place = self.pick(PUBLISHERS), self.pick(PLACES)
        first = self.rng.randint(10, 400)
        last = first + self.rng.randint(5, 30)
        fields = {"author": _names(persons), "title": title, "editor": _names(editors), "container-title": book,
                  "publisher": publisher, "issued": {"year": year}, "page": f"{first}-{last}"}  # fmt: skip
        if style == "apa":
            eds = ", ".join(f"{'. '.join(given)}. {family}" for family, given in editors)
            entry = f"{_apa_names(persons)} ({year}). {title}. In {eds} (Ed{'s' if len(editors) > 1 else ''}.), " \
                    f"{book} (pp. {first}–{last}). {publisher}."  # fmt: skip
            return [entry], "chapter", None, fields
        if style == "ama":
            source = f"In: {_nlm_names(editors)}, eds. {book}. {publisher}; {year}:{first}-{last}."
        else:
            fields["publisher-place"] = place
            source = f"In: {_nlm_names(editors)}, editors. {book}. {place}: {publisher}; {year}. p. {first}-{last}."
        return [title, f"{_nlm_names(persons)}.", source], "chapter", None, fields

    def report(self, style, persons, title, year):
        organisation, place = self.pick(ORGANISATIONS), self.pick(PLACES)
        fields = {"author": [{"literal": organisation}], "title": title, "publisher": organisation,
                  "issued": {"year": year}}  # fmt: skip
        if style == "apa":
            return [f"{organisation}. ({year}). {title}. {organisation}."], "report", None, fields
        if style == "ama":
            return [title, f"{organisation}.", f"{organisation}; {year}."], "report", None, fields
        fields["publisher-place"] = place
        number = f"WHO/{self.count}/{year}"
        fields["number"] = number
        return [title, f"{organisation}.", f"{place}: {organisation}; {year}. Report No.: {number}."], "report", None, \
            fields  # fmt: skip

    def _cited(self, year: int) -> tuple[dict, str, str, str]:
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        nlm = f"{year} {MONTHS[month - 1]} {day}"
        return {"year": year, "month": month, "day": day}, nlm, f"{MONTH_NAMES[month - 1]} {day}, {year}", \
            f"{day} {MONTH_NAMES[month - 1]} {year}"  # fmt: skip

    def webpage(self, style, persons, title, year, kind="webpage", suffix=""):
        organisation = self.pick(ORGANISATIONS)
        url = f"https://www.example.org/{kind}/{self.count}"
        accessed, nlm, us, _ = self._cited(year)
        fields = {"author": [{"literal": organisation}], "title": title, "URL": url, "accessed": accessed}
        if style == "apa":
            brackets = " [Data set]" if kind == "dataset" else ""
            return [f"{organisation}. (n.d.). {title}{brackets}. Retrieved {us}, from {url}"], kind, None, fields
        if style == "ama":
            return [f"{organisation}. {title}. Accessed {us}. {url}"], kind, None, fields
        return [f"{title} [{suffix or 'Internet'}]", f"{organisation}.", f"[cited {nlm}]. Available from: {url}"], \
            kind, None, fields  # fmt: skip

    def dataset(self, style, persons, title, year):
        return self.webpage(style, persons, title, year, kind="dataset", suffix="database on the Internet")

    def thesis(self, style, persons, title, year):
        university, place = self.pick(UNIVERSITIES), self.pick(PLACES)
        genre = self.rng.choice(["dissertation", "thesis", "tese"])
        fields = {"author": _names(persons[:1]), "title": title, "genre": genre, "publisher": university,
                  "publisher-place": place, "issued": {"year": year}}  # fmt: skip
        return [f"{title} [{genre}]", f"{_nlm_names(persons[:1])}.", f"{place}: {university}; {year}."], "thesis", \
            None, fields  # fmt: skip

    def legislation(self, style, persons, title, year):
        number = f"{self.rng.randint(1000, 14000):,}".replace(",", ".")
        day, month = self.rng.randint(1, 28), self.rng.randint(1, 12)
        law = f"Lei nº {number}, de {day} de {_PT_MONTHS[month - 1]} de {year}"
        fields = {"author": [{"literal": "Brasil"}], "title": f"{law}. Dispõe sobre {title[0].lower()}{title[1:]}",
                  "container-title": "Diário Oficial da União",
                  "issued": {"year": year, "month": month, "day": day}}  # fmt: skip
        entry = f"Brasil. {fields['title']}. Diário Oficial da União. {day} {_PT_MONTHS[month - 1][:3]} {year}."
        return [entry], "legislation", None, fields

    def software(self, style, persons, title, year):
        organisation, version = self.pick(ORGANISATIONS), f"{self.rng.randint(1, 9)}.{self.rng.randint(0, 9)}"
        name = f"{title.split(':')[0]} [Computer software]" if style == "apa" else title.split(":")[0]
        fields = {"author": [{"literal": organisation}], "title": title.split(":")[0], "publisher": organisation,
                  "issued": {"year": year}}  # fmt: skip
        if style == "apa":
            return [f"{organisation}. ({year}). {name}. {organisation}."], "software", None, fields
        return [f"{organisation}. {name} [computer program]. Version {version}. {organisation}; {year}."], \
            "software", None, fields  # fmt: skip

    def preprint(self, style, persons, title, year):
        server, doi = self.rng.choice(["medRxiv", "bioRxiv"]), f"10.1101/{year}.01.{self.count:05d}"
        fields = {"author": _names(persons), "title": title, "container-title": server, "issued": {"year": year},
                  "DOI": doi}  # fmt: skip
        if style == "ama":
            return [f"{_nlm_names(persons)}. {title}. {server}. Preprint posted online {year}. doi:{doi}"], "article", \
                None, fields  # fmt: skip
        return [f"{_nlm_names(persons)}. {title}. {server} [Preprint]. {year}. doi: {doi}"], "article", None, fields

    def newspaper(self, style, persons, title, year):
        paper, (issued, nlm, _, _) = self.pick(NEWSPAPERS), self._cited(year)
        page = str(self.rng.randint(1, 30))
        fields = {"author": _names(persons[:1]), "title": title, "container-title": paper, "issued": issued,
                  "page": page}  # fmt: skip
        return [f"{_nlm_names(persons[:1])}. {title}. {paper}. {nlm};Sect. A:{page} (col. 2)."], \
            "article-newspaper", None, fields  # fmt: skip

    def paper_conference(self, style, persons, title, year):
        editors, publisher, place = self.persons(3), self.pick(PUBLISHERS), self.pick(PLACES)
        event = f"Proceedings of the {self.rng.randint(2, 40)}th European Congress of Rheumatology"
        first = self.rng.randint(10, 400)
        fields = {"author": _names(persons), "title": title, "editor": _names(editors), "container-title": event,
                  "publisher": publisher, "publisher-place": place, "issued": {"year": year},
                  "page": f"{first}-{first + 9}"}  # fmt: skip
        where = self.pick(PLACES)
        entry = f"{_nlm_names(persons)}. {title}. In: {_nlm_names(editors)}, editors. {event}; {year} Jun 3-5; " \
                f"{where}. {place}: {publisher}; {year}. p. {first}-{first + 9}."  # fmt: skip
        return [entry], "paper-conference", None, fields


_PT_MONTHS = ("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
              "dezembro").split()  # fmt: skip


def mixed_list(size: int, layout: str, seed: int = 1, repeat_share: float = 0.1) -> MixedList:
    """A list of `size` works of every kind its layout prints (`LAYOUT_KINDS`), written in `layout`
    (`LAYOUTS`) in its style (`STYLES`), with labels; pages also get unnumbered repeats."""
    writer = _MixedWriter(seed)
    rng, style = writer.rng, STYLES[layout]
    kinds = LAYOUT_KINDS.get(layout) or tuple(k for k in KINDS if style != "ama" or k not in _NOT_AMA)
    lines: list[str] = [] if layout in ("bare", "numbered", "bracketed") else ["References"]
    if layout == "page":
        lines = HEADER.splitlines() + [""]
    labels: list[dict] = []
    repeats: list[tuple[int, list[str]]] = []
    for index in range(size):
        kind = kinds[index % len(kinds)]
        written, csl_type, notice, fields = writer.work(kind, style)
        start = len(lines) + 1
        number = index + 1
        if layout == "page":
            if len(written) == 1:  # kinds a page prints on one line are left to free-text layouts
                continue
            lines += [f"{number}. {written[0]}", written[1], written[2]]
            if rng.random() < repeat_share:
                repeats.append((len(labels), written[1:]))
        else:
            entry = " ".join(written if len(written) == 1 else [f"{written[1]} {written[0]}.", written[2]])
            entry = entry.replace("]. [", "] [").replace("..", ".")
            prefix = {"numbered": f"{number}. ", "bracketed": f"[{number}] ", "bare": f"{number} "}.get(layout, "")
            if layout in ("blank", "apa"):
                lines.append("")
                start += 1
            lines.append(prefix + entry)
        label = {"work": f"w{index}", "occurrences": [{"lines": [start, len(lines)]}], "type": csl_type,
                 "fields": fields}  # fmt: skip
        if notice:
            label["notice"] = notice
        labels.append(label)
        while repeats and rng.random() < 0.5:  # repeats follow a few entries later
            at, repeat_lines = repeats.pop(0)
            labels[at]["occurrences"].append({"lines": [len(lines) + 1, len(lines) + len(repeat_lines)]})
            lines += repeat_lines
    for at, repeat_lines in repeats:
        labels[at]["occurrences"].append({"lines": [len(lines) + 1, len(lines) + len(repeat_lines)]})
        lines += repeat_lines
    return MixedList("\n".join(lines) + "\n", labels, layout)


# -- references with every kind of printed name, for the exporters ----------------------------------

VARIETY_FAMILIES = ["Smith", "Kim", "Tjärnlund", "Öberg", "García-López", "Bader-Meunier", "O'Brien", "McHugh",
                    "de Souza", "van der Berg", "da Cunha", "von Arnim", "van den Hoogen", "dos Santos",
                    "Diaz Del Campo", "Van Gogh", "De Luca", "Le Goff", "Nguyễn", "Selva-O’Callaghan"]
VARIETY_GIVENS = ["J", "LG", "AGS", "BM", "J-P", "É", "IE", "FHC", "M"]
VARIETY_SUFFIXES = ["Jr", "III", "2nd"]
VARIETY_GROUPS = ["EULAR Task Force", "Korean Interstitial Lung Diseases Study Group",
                  "MEDRA5 (Spanish MDA5 Register) group", "American College of Rheumatology"]
VARIETY_JOURNALS = [("Ann Rheum Dis", "Annals of the Rheumatic Diseases"),
                    ("Arthritis Rheumatol", "Arthritis & Rheumatology"), ("Rheumatology (Oxford)", "Rheumatology"),
                    ("Neuromuscul Disord", "Neuromuscular Disorders"),
                    ("Semin Arthritis Rheum", "Seminars in Arthritis and Rheumatism")]


def title(rng: random.Random) -> str:
    """A sentence-case title like the seed's."""
    opening = rng.choice(OPENINGS.replace("\n", "|").split("|"))
    text = f"{opening} {rng.choice(CONDITIONS.replace(chr(10), '|').split('|'))}"
    return text.replace("{drug}", "rituximab").replace("{antibody}", "anti-MDA5").replace("{marker}", "CK")


def name_variety(n: int, seed: int = 5):
    """`n` journal articles whose author lines hold the names lists print: initials, lowercase and
    capitalised particles, suffixes, hyphens, apostrophes, groups, and lists cut with "et al."
    (after one to seven names). Each work has its own year, so no author-date style has to disambiguate."""
    from myobib.model import Date, Name, Reference

    rng = random.Random(seed)
    refs = []
    for i in range(n):
        count = rng.choice([1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 12])
        names = []
        for k in range(count):
            # first authors mostly from the long surname list, as in real lists (few share a family name)
            family = rng.choice(VARIETY_FAMILIES if k or rng.random() < 0.3 else SURNAMES.split())
            suffix = rng.choice(VARIETY_SUFFIXES) if rng.random() < 0.06 else None
            names.append(Name(family, rng.choice(VARIETY_GIVENS), suffix=suffix))
        if rng.random() < 0.15:
            names.append(Name(literal=rng.choice(VARIETY_GROUPS)))
        et_al = rng.random() < 0.35 and 1 <= len(names) <= 7
        short, full = rng.choice(VARIETY_JOURNALS)
        year = 2024 - i
        refs.append(Reference(
            id=f"var{i}", title=title(rng),
            author=tuple(names), et_al=et_al, container_title=full, container_title_short=short,
            issued=Date(year, rng.choice([None, 2, 7])), volume=str(rng.randint(1, 80)), issue=str(rng.randint(1, 12)),
            page=rng.choice(["792-801", "2271-82", "S57-107", "19-e3", "e1234", "6"]),
            DOI=rng.choice([None, f"10.1000/variety.{i}"]),
            PMID=rng.choice([None, str(30000000 + i)]),
        ))
    return refs
