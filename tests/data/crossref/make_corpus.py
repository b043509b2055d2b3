"""Build corpus.json, the Crossref stand-in's works, and labelled.json, the references labelled against it.

    python3 tests/data/crossref/make_corpus.py [path/to/shared]

corpus.json: the 17 seed works, hard distractors around them, the trap works of traps.py
(co-published guidelines and their editions and translations, preprints, retracted articles and
notices, corrections, comments and replies, conference abstracts, books and chapters, a crowd of
letters around trials) and filler. labelled.json: the references of traps.py, each with the DOI
it must get (or none) and why.

Seed facts come from ../shared/seed/seed-references.json and the author lines of the seed
page (refs/idiopathic-inflammatory-myopathies.txt). Every DOI this script invents is under
Crossref's test prefix 10.5555; the filler is generated from a fixed random seed, so the
output is the same on every run.
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUT = HERE / "corpus.json"
LABELLED = HERE / "labelled.json"
FILLER = 2700  # records of generated filler: with the rest, a corpus of about 3,100 works
sys.path.insert(0, str(HERE))
import traps  # noqa: E402  (the trap works and the labelled set, beside this script)

PUBLISHERS = {
    "10.1136": "BMJ",
    "10.1016": "Elsevier BV",
    "10.1002": "Wiley",
    "10.1111": "Wiley",
    "10.1093": "Oxford University Press (OUP)",
    "10.4046": "The Korean Academy of Tuberculosis and Respiratory Diseases",
    "10.1186": "Springer Science and Business Media LLC",
    "10.5555": "Example Test Publisher",
}
ISSNS = {
    "Ann Rheum Dis": ["0003-4967", "1468-2060"],
    "Transfus Med Rev": ["0887-7963"],
    "Arthritis Rheumatol": ["2326-5191", "2326-5205"],
    "Chest": ["0012-3692"],
    "J Dermatol": ["0385-2407", "1346-8138"],
    "Rheumatology (Oxford)": ["1462-0324", "1462-0332"],
    "Semin Arthritis Rheum": ["0049-0172"],
    "Neuromuscul Disord": ["0960-8966"],
    "Tuberc Respir Dis (Seoul)": ["1738-3536", "2005-6184"],
    "Arch Pediatr": ["0929-693X"],
    "Adv Rheumatol": ["2523-3106"],
    "Eur J Neurol": ["1351-5101", "1468-1331"],
}
# Seed works whose Crossref record shows an online date before the issue date (seed json notes).
ONLINE_FIRST = {2: [2016], 4: [2018, 3, 7], 12: [2019], 16: [2017], 15: [2019, 1, 22]}
PRINT_DATE = {  # month (and day) of the issue from the seed page
    1: [2017, 5], 2: [2017, 2], 3: [2007, 4], 5: [2018, 2], 6: [2017, 12], 7: [2016, 11], 8: [2016, 7],
    9: [2022, 5, 5], 10: [2021, 6, 18], 11: [2020, 8], 12: [2020, 1], 13: [2019, 10], 14: [2019, 2],
    16: [2018, 1], 17: [2011, 1],
}
# Titles as Crossref carries them where the notes say they differ from the seed json.
CROSSREF_TITLE = {
    16: "224th ENMC International Workshop:: Clinico-sero-pathological classification of immune-mediated "
    "necrotizing myopathies Zandvoort, The Netherlands, 14\u201316 October 2016",
}
GIVEN = {("Aggarwal", "R"): "Rohit", ("Enders", "FB"): "Felicitas"}


def seed_authors(root: Path) -> dict[int, str]:
    """The author line under each numbered title of the seed page."""
    lines = (root / "refs" / "idiopathic-inflammatory-myopathies.txt").read_text(encoding="utf-8").splitlines()
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        m = re.match(r"^(\d+)\. ", line)
        if m and int(m.group(1)) not in out and i + 1 < len(lines):
            out[int(m.group(1))] = lines[i + 1].strip()
    return out


def authors_from_line(line: str) -> list[dict[str, Any]]:
    """`Family AB, Family C, et al.; Group.` as Crossref author objects (initials as given names)."""
    people, _, groups = line.partition(";")
    out: list[dict[str, Any]] = []
    for part in people.split(","):
        part = part.strip().rstrip(".")
        if not part or part == "et al":
            continue
        family, _, initials = part.rpartition(" ")
        if not family or not initials.isupper():
            family, initials = part, ""
        given = GIVEN.get((family, initials)) or " ".join(f"{c}." for c in initials)
        if (family, initials) == ("Enders", "FB"):
            family = "Bellutti Enders"  # how the publisher deposits her name (seed json notes)
        out.append({"given": given, "family": family, "affiliation": []})
    for group in groups.split(";"):
        group = group.strip().rstrip(".")
        if group:
            out.append({"name": group, "affiliation": []})
    for i, a in enumerate(out):
        a["sequence"] = "first" if i == 0 else "additional"
    return out


def date(parts: list[int]) -> dict[str, Any]:
    return {"date-parts": [list(parts)]}


def work(
    doi: str,
    title: str,
    authors: list[dict[str, Any]],
    journal: str,
    abbrev: str,
    issued: list[int],
    *,
    printed: list[int] | None = None,
    online: list[int] | None = None,
    volume: str | None = None,
    issue: str | None = None,
    page: str | None = None,
    article_number: str | None = None,
    kind: str = "journal-article",
) -> dict[str, Any]:
    """One record with the keys and shapes of a Crossref work item."""
    prefix = doi.split("/")[0]
    rec: dict[str, Any] = {
        "DOI": doi,
        "URL": f"https://doi.org/{doi}",
        "type": kind,
        "prefix": prefix,
        "publisher": PUBLISHERS.get(prefix, "Example Test Publisher"),
        "title": [title],
        "subtitle": [],
        "author": authors,
        "container-title": [journal],
        "short-container-title": [abbrev],
        "ISSN": ISSNS.get(abbrev, ["0000-0000"]),
        "issued": date(issued),
        "published": date(issued),
        "relation": {},
        "source": "Crossref",
    }
    if printed:
        rec["published-print"] = date(printed)
    if online:
        rec["published-online"] = date(online)
    for key, value in (("volume", volume), ("issue", issue), ("page", page), ("article-number", article_number)):
        if value:
            rec[key] = value
    return rec


def seed_works(shared: Path, root: Path) -> dict[int, dict[str, Any]]:
    records = json.loads((shared / "seed" / "seed-references.json").read_text(encoding="utf-8"))
    lines = seed_authors(root)
    out = {}
    for r in records:
        n = r["n"]
        doi = r["doi"] or f"10.5555/seed-{n}"
        printed = PRINT_DATE.get(n)
        online = ONLINE_FIRST.get(n)
        issued = min(d for d in (printed, online) if d) if (printed or online) else [r["year"]]
        rec = work(
            doi, CROSSREF_TITLE.get(n, r["title_as_published"]), authors_from_line(lines[n]), r["journal"],
            r["journal_abbrev"], issued, printed=printed, online=online, volume=r["volume"], issue=r["issue"],
            page=None if r["article_number"] else r["pages"], article_number=r["article_number"],
        )
        if not r["doi"]:
            rec["_comment"] = (
                f"Seed work {n}: no public source confirmed its DOI, so this record carries a FICTIONAL DOI "
                "under Crossref's test prefix 10.5555. The bibliographic facts are the seed's."
            )
        out[n] = rec
    # Ref 17: the publisher deposits the print pages, the list cites the online e-pages (seed json notes).
    out[17]["page"] = "19-27"
    return out


def person(given: str, family: str, first: bool = False) -> dict[str, Any]:
    return {"given": given, "family": family, "sequence": "first" if first else "additional", "affiliation": []}


def people(*names: str) -> list[dict[str, Any]]:
    """'Family GI' strings as author objects."""
    out = []
    for i, n in enumerate(names):
        family, _, initials = n.rpartition(" ")
        out.append(person(" ".join(f"{c}." for c in initials), family, i == 0))
    return out


def distractors(seed: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The hard cases around each seed work. Every DOI here is fictional (10.5555)."""
    out: list[dict[str, Any]] = []

    def near(n: int, suffix: str, note: str, **changes: Any) -> dict[str, Any]:
        rec = copy.deepcopy(seed[n])
        rec.pop("_comment", None)
        rec.pop("updated-by", None)
        doi = f"10.5555/distractor-{n}-{suffix}"
        rec.update({"DOI": doi, "URL": f"https://doi.org/{doi}", "prefix": "10.5555"})
        traps.changed(rec, **changes)
        rec["_comment"] = f"Distractor for seed work {n}: {note}. Fictional DOI."
        out.append(rec)
        return rec

    ar = {"container-title": ["Arthritis & Rheumatology"], "short-container-title": ["Arthritis Rheumatol"],
          "ISSN": ISSNS["Arthritis Rheumatol"], "publisher": "Wiley"}
    ard = {"container-title": ["Annals of the Rheumatic Diseases"], "short-container-title": ["Ann Rheum Dis"],
           "ISSN": ISSNS["Ann Rheum Dis"], "publisher": "BMJ"}
    # 1: the twin publication in Arthritis Rheumatol, and the juvenile criteria paper in the same ARD issue.
    near(1, "twin", "the same criteria published in Arthritis Rheumatol", **ar, volume="69", issue="5",
         page="911-923", issued=date([2017, 4, 6]), published=date([2017, 4, 6]),
         published_print=date([2017, 5]), published_online=date([2017, 4, 6]))
    near(1, "juvenile", "the juvenile twin criteria in the same issue (near-identical title)",
         title=[seed[1]["title"][0].replace("adult dermatomyositis and polymyositis", "juvenile dermatomyositis")
                .replace("2016", "2016", 1)],
         author=people("Rider LG", "Aggarwal R", "Pistorio A", "Bayat N", "Erman B"), page="782-791")
    # 2: a near-identical title by overlapping authors, same journal, two years later.
    near(2, "scleroderma", "near-identical title (juvenile localised scleroderma), same journal",
         title=["Consensus-based recommendations for the management of juvenile localised scleroderma"],
         author=people("Zulian F", "Culpo R", "Sperotto F", "Anton J", "Avcin T"), volume="78", issue="8",
         page="1019-1024", issued=date([2019, 8]), published=date([2019, 8]), published_print=date([2019, 8]),
         published_online=None)
    # 3: the companion guideline in the same supplement.
    near(3, "hematologic", "companion guideline in the same supplement (near-identical title)",
         title=["Guidelines on the use of intravenous immune globulin for hematologic conditions"],
         author=people("Anderson D", "Ali K", "Blanchette V", "Brouwers M", "Couban S"), page="S9-S56")
    # 4: the authors' reply, and another letter by the same authors in another journal the same year.
    near(4, "reply", "the reply by Lundberg et al. to this comment, same journal and date",
         title=["Reply"], author=people("Lundberg IE", "Tjärnlund A", "Bottai M", "Werth VP"))
    near(4, "ard-letter", "a letter by the same authors in Ann Rheum Dis the same year",
         title=["Antisynthetase syndrome and the classification of idiopathic inflammatory myopathies"],
         **ard, volume="77", issue="8", article_number="e50", page="e50", issued=date([2018, 8]),
         published=date([2018, 8]), published_print=date([2018, 8]), published_online=date([2018, 2, 10]))
    # 5: same first author, same year, related title.
    near(5, "same-author", "same first author and year, related title, another journal",
         title=["Outcome measures in juvenile dermatomyositis: towards a consensus core dataset"],
         container_title=["Rheumatology"], short_container_title=["Rheumatology (Oxford)"],
         ISSN=ISSNS["Rheumatology (Oxford)"], volume="57", issue="6", page="1012-1020")
    # 6: the twin publication in Ann Rheum Dis.
    near(6, "twin", "the same classification criteria published in Ann Rheum Dis", **ard, volume="76",
         issue="12", page="1955-1964", issued=date([2017, 10, 27]), published=date([2017, 10, 27]),
         published_online=date([2017, 10, 27]))
    # 7: same author, same year, same journal.
    near(7, "same-author", "same first author, year and journal; near-identical subject",
         title=["Management of connective tissue disease-associated interstitial lung disease"],
         author=people("Morisset J", "Vittinghoff E", "Lee JS", "Collard HR"), volume="150", issue="2",
         page="430-438", issued=date([2016, 8]), published=date([2016, 8]), published_print=date([2016, 8]))
    # 8: the 2025 third edition (near-identical title) and another part of the 2016 series.
    near(8, "third-edition", "the 2025 third edition of the same guideline",
         title=["Wound, pressure ulcer and burn guidelines \u2013 4: Guidelines for the management of skin ulcers "
                "associated with connective tissue disease/vasculitis, third edition"],
         volume="52", issue="3", page="e120-e160", issued=date([2025, 3]), published=date([2025, 3]),
         published_print=date([2025, 3]))
    near(8, "part-3", "another part of the same 2016 series in the same journal",
         title=["The wound/burn guidelines \u2013 3: Guidelines for the diagnosis and treatment for "
                "diabetic ulcer/gangrene"], issue="6", page="591-619", issued=date([2016, 6]),
         published=date([2016, 6]), published_print=date([2016, 6]))
    # 9 and 10 share their first author; 9 gets a same-year paper, 10 its erratum notice.
    near(9, "same-author", "same first author, same year and journal",
         title=["Current clinical practice in idiopathic inflammatory myopathy: a national survey"],
         author=people("Oldroyd AGS", "Lilleker JB", "Chinoy H"), volume="61", issue="2", page="712-719",
         issued=date([2022, 2]), published=date([2022, 2]), published_print=date([2022, 2]))
    erratum = near(10, "erratum", "the erratum notice (Rheumatology 2021;60(11):5483) for this article",
                   title=["Correction to: " + seed[10]["title"][0]], author=[], volume="60", issue="11",
                   page="5483", issued=date([2021, 11, 3]), published=date([2021, 11, 3]),
                   published_print=date([2021, 11, 3]), published_online=date([2021, 9, 30]),
                   update_to=[{"DOI": seed[10]["DOI"], "type": "correction", "label": "Correction",
                               "source": "publisher", "updated": date([2021, 9, 30])}])
    seed[10]["updated-by"] = [{"DOI": erratum["DOI"], "type": "correction", "label": "Correction",
                               "source": "publisher", "updated": date([2021, 9, 30])}]
    # 11: near-identical title, same author, same year.
    near(11, "review", "same first author and year, near-identical subject",
         title=["Treatment of anti-MDA5-positive dermatomyositis-associated rapidly progressive interstitial "
                "lung disease: a systematic review"],
         author=people("Romero-Bueno F", "Plana MN", "Selva-O'Callaghan A"), issue="3", page="515-524")
    # 12 and 16: other ENMC workshops in the same journal.
    near(12, "256th", "another ENMC workshop report, same authors and journal",
         title=["256th ENMC international workshop: Myositis specific and associated autoantibodies "
                "(MSA-ab): Amsterdam, the Netherlands, 8-10 October 2021"],
         author=people("Mammen AL", "Allenbach Y", "Stenzel W", "Benveniste O"),
         volume="32", issue="7", page="594-608", issued=date([2022, 7]), published=date([2022, 7]),
         published_print=date([2022, 7]), published_online=None)
    near(16, "update", "near-identical title, a later update by the same group",
         title=["Clinico-sero-pathological classification of immune-mediated necrotizing myopathies: an update"],
         volume="34", issue="1", page="1-12", issued=date([2024, 1]), published=date([2024, 1]),
         published_print=date([2024, 1]), published_online=None)
    # 13: Part 1 in the same issue, and the 2025 rewrite.
    near(13, "part-1", "Part 1 of the same series in the same issue",
         title=["Korean Guidelines for Diagnosis and Management of Interstitial Lung Diseases: Part 1. Introduction"],
         author=people("Lee HL", "Koo SM", "Kim SY"), page="269-276")
    near(13, "2025", "the 2025 rewrite (title without 'Part 5.')",
         title=["Korean Guidelines for Diagnosis and Management of Interstitial Lung Diseases: Connective Tissue "
                "Disease Associated Interstitial Lung Disease"],
         volume="88", issue="1", page="1-20", issued=date([2025, 1]), published=date([2025, 1]),
         published_print=date([2025, 1]))
    # 14: same author and year.
    near(14, "same-author", "same first author, year and journal",
         title=["French expert opinion for the management of juvenile localized scleroderma"],
         author=people("Bader-Meunier B", "Belot A", "Quartier P"), page="126-130")
    # 15: the same society's guideline for another disease, same volume, neighbouring article number.
    near(15, "lupus", "the same society's guideline for another disease, same volume",
         title=["Guidelines of the Brazilian Society of Rheumatology for the treatment of systemic lupus "
                "erythematosus"], author=people("Klumb EM", "Silva CA", "Lanna CC"), article_number="7",
         page=None)
    # 17: same author, same year, same journal.
    near(17, "same-author", "same first author, year and journal",
         title=["Paraneoplastic neurological syndromes: tumour screening in clinical practice"],
         author=people("Titulaer MJ", "Verschuuren JJ"), issue="6", page="812-818",
         issued=date([2011, 6]), published=date([2011, 6]), published_print=date([2011, 6]))
    return out


FAMILIES = """Aggarwal Oldroyd Chinoy Lundberg Rider Mammen Allenbach Benveniste Stenzel Werth Pilkington
McCann Feldman Ruperto Fiorentino Schmidt Tansley Machado Gordon Gono Selva Smith Jones Nguyen Garcia Müller
Rossi Kim Lee Park Wang Li Zhang Chen Tanaka Suzuki Sato Dubois Martin Bernard Petit Silva Santos Oliveira
Kowalski Nowak Novak Jensen Hansen Johansson Andersson Virtanen Papadopoulos Ivanova Horvath Dimitrov O'Brien
Murphy Kelly Walsh Costa Ferreira Rodriguez Fernandez Lopez Gonzalez Hernandez Ahmed Khan Singh Patel Shah""".split()
JOURNALS = [
    ("Annals of the Rheumatic Diseases", "Ann Rheum Dis"), ("Arthritis & Rheumatology", "Arthritis Rheumatol"),
    ("Rheumatology", "Rheumatology (Oxford)"), ("Seminars in Arthritis and Rheumatism", "Semin Arthritis Rheum"),
    ("Neuromuscular Disorders", "Neuromuscul Disord"), ("Chest", "Chest"), ("The Journal of Dermatology",
    "J Dermatol"), ("European Journal of Neurology", "Eur J Neurol"), ("Archives de Pédiatrie", "Arch Pediatr"),
    ("Advances in Rheumatology", "Adv Rheumatol"), ("Transfusion Medicine Reviews", "Transfus Med Rev"),
    ("Tuberculosis and Respiratory Diseases", "Tuberc Respir Dis (Seoul)"), ("Journal of Autoimmunity",
    "J Autoimmun"), ("Clinical Rheumatology", "Clin Rheumatol"), ("Muscle & Nerve", "Muscle Nerve"),
    ("Respiratory Medicine", "Respir Med"), ("Pediatric Rheumatology", "Pediatr Rheumatol Online J"),
    ("Autoimmunity Reviews", "Autoimmun Rev"), ("Journal of Neurology", "J Neurol"), ("The Lancet Rheumatology",
    "Lancet Rheumatol"),
]
CONDITIONS = """dermatomyositis|polymyositis|juvenile dermatomyositis|inclusion body myositis|antisynthetase syndrome|
immune-mediated necrotizing myopathy|interstitial lung disease|systemic sclerosis|systemic lupus erythematosus|
rheumatoid arthritis|Sjögren's syndrome|vasculitis|myasthenia gravis|paraneoplastic neurological syndromes|
anti-MDA5 dermatomyositis|idiopathic inflammatory myopathies|overlap myositis|connective tissue disease|
skin ulcers|cancer-associated myositis""".replace("\n", "").split("|")
TOPICS = """classification criteria|treatment recommendations|management guidelines|outcome measures|
long-term outcomes|cancer screening|autoantibody profiles|muscle biopsy findings|MRI features|
intravenous immunoglobulin therapy|rituximab therapy|JAK inhibitor therapy|mortality and survival|
quality of life|physical exercise|disease activity assessment|biomarkers|pulmonary function|
calcinosis|consensus definitions""".replace("\n", "").split("|")
FORMS = [
    "{topic} in {cond}: a systematic review and meta-analysis",
    "{topic} in {cond}: a multicentre cohort study",
    "{Topic} in patients with {cond}",
    "{Topic} for {cond}: an international consensus",
    "{Topic} in {cond}: results from a national registry",
    "Recommendations on {topic} in {cond}",
    "Guidelines for {topic} in {cond}",
    "{Topic} in adult and juvenile {cond}",
]


def filler(count: int, seed: int = 20261128) -> list[dict[str, Any]]:
    """Deterministic medical-journal records so search is not trivial."""
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        topic, cond = rnd.choice(TOPICS), rnd.choice(CONDITIONS)
        title = rnd.choice(FORMS).format(topic=topic, Topic=topic[0].upper() + topic[1:], cond=cond)
        title = title[0].upper() + title[1:]
        journal, abbrev = rnd.choice(JOURNALS)
        year = rnd.randint(2005, 2025)
        first = rnd.randint(1, 2400)
        names = rnd.sample(FAMILIES, rnd.randint(1, 6))
        authors = [person(" ".join(f"{c}." for c in rnd.sample("ABCDEFGHJKLMNPRSTVW", rnd.randint(1, 2))), f,
                          k == 0) for k, f in enumerate(names)]
        month = rnd.randint(1, 12)
        rec = work(f"10.5555/filler.{i:04d}", title, authors, journal, abbrev, [year, month],
                   printed=[year, month], volume=str(rnd.randint(1, 90)), issue=str(rnd.randint(1, 12)),
                   page=f"{first}-{first + rnd.randint(3, 25)}")
        rec["ISSN"] = ISSNS.get(abbrev, [f"{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"])
        out.append(rec)
    return out


def build(shared: Path, root: Path = ROOT) -> list[dict[str, Any]]:
    return build_all(shared, root)[0]


def build_all(shared: Path, root: Path = ROOT) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the corpus, the labelled references)."""
    seed = seed_works(shared, root)
    tricky = distractors(seed)
    trap_works, labelled = traps.works()
    corpus = [*seed.values(), *tricky, *trap_works, *filler(FILLER)]
    dois = [rec["DOI"].lower() for rec in corpus]
    assert len(set(dois)) == len(dois), "a DOI twice in the corpus"
    present = set(dois)
    for case in labelled:
        assert case["doi"] is None or case["doi"].lower() in present, case["id"]
    return corpus, labelled


def _lines(items: list[dict[str, Any]]) -> str:
    """JSON with one item a line: readable diffs."""
    return "[\n" + ",\n".join(json.dumps(i, ensure_ascii=False, separators=(",", ":")) for i in items) + "\n]\n"


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    corpus, labelled = build_all(shared)
    OUT.write_text(_lines(corpus), encoding="utf-8")
    LABELLED.write_text(_lines(labelled), encoding="utf-8")
    print(f"{OUT}: {len(corpus)} records, {OUT.stat().st_size // 1024} KiB")
    print(f"{LABELLED}: {len(labelled)} labelled references")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
