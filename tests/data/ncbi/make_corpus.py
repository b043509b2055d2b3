"""Build corpus.json, the NCBI stand-in's PubMed: journals, records, and PMC-only identifiers.

    python3 tests/data/ncbi/make_corpus.py [path/to/shared]

Three kinds of record, each saying where it comes from (`_source`):

- REAL records: PubMed records whose PMID a public source confirms, with only the facts that
  source (or the seed) gives. The six seed works with a confirmed PMID (seed-references.json
  confirms 3, 7, 10, 11, 17; a public dermatomyositis source list gives 29106061 for 6; authors
  as far as the seed page lists them) and the records of ../shared/ncbi-samples/ (their fields as
  recorded; titles of records the samples do not show are left empty, never guessed). The other
  eleven seed works are deliberately absent: no public source here confirms their PMIDs.
- SYNTHETIC distractors, PMIDs from 99000001: the hard cases around the seed works (same journal,
  volume and page in another year; the erratum and a comment of a target with the authors'
  reply; ahead-of-print records; two works of one first author and year; a book chapter).
  Their DOIs are fictional (10.5555, Crossref's test prefix), the same ones the Crossref stand-in
  carries where it has the same trap.
- SYNTHETIC filler, PMIDs from 90000001: deterministic medical-journal records (words and
  journals of the Crossref stand-in's filler), so that searching is not trivial.

Nothing here is a real PMID for a work unless `_synthetic` is false and `_source` names the source.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUT = HERE / "corpus.json"
SEED_PMIDS = {6: ("29106061", "a public dermatomyositis source list (lundberg classification criteria entry)")}
FILLER_FROM, DISTRACTOR_FROM = 90000001, 99000001


def _crossref_maker() -> Any:
    """The Crossref stand-in's corpus script: its seed author lines, journals and filler words."""
    spec = importlib.util.spec_from_file_location("crossref_corpus", ROOT / "tests/data/crossref/make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- journals (NLM title, ISO abbreviation = MedlineTA here, ISSNs, other names it is cited by) ------------

JOURNALS: list[dict[str, Any]] = [
    {
        "title": "Annals of the rheumatic diseases",
        "iso": "Ann Rheum Dis",
        "issn": ["0003-4967", "1468-2060"],
        "also": ["Annals of the Rheumatic Diseases"],
    },
    {
        "title": "Arthritis & rheumatology (Hoboken, N.J.)",
        "iso": "Arthritis Rheumatol",
        "issn": ["2326-5191", "2326-5205"],
        "also": ["Arthritis & Rheumatology", "Arthritis and Rheumatology"],
    },
    {
        "title": "Transfusion medicine reviews",
        "iso": "Transfus Med Rev",
        "issn": ["0887-7963"],
        "also": ["Transfusion Medicine Reviews"],
    },
    {"title": "Chest", "iso": "Chest", "issn": ["0012-3692"], "also": []},
    {
        "title": "The Journal of dermatology",
        "iso": "J Dermatol",
        "issn": ["0385-2407", "1346-8138"],
        "also": ["The Journal of Dermatology", "Journal of Dermatology"],
    },
    {
        "title": "Rheumatology (Oxford, England)",
        "iso": "Rheumatology (Oxford)",
        "issn": ["1462-0324", "1462-0332"],
        "also": ["Rheumatology"],
    },
    {
        "title": "Seminars in arthritis and rheumatism",
        "iso": "Semin Arthritis Rheum",
        "issn": ["0049-0172"],
        "also": ["Seminars in Arthritis and Rheumatism"],
    },
    {
        "title": "Neuromuscular disorders : NMD",
        "iso": "Neuromuscul Disord",
        "issn": ["0960-8966"],
        "also": ["Neuromuscular Disorders"],
    },
    {
        "title": "Tuberculosis and respiratory diseases",
        "iso": "Tuberc Respir Dis (Seoul)",
        "issn": ["1738-3536", "2005-6184"],
        "also": ["Tuberculosis and Respiratory Diseases"],
    },
    {
        "title": "Archives de pediatrie : organe officiel de la Societe francaise de pediatrie",
        "iso": "Arch Pediatr",
        "issn": ["0929-693X"],
        "also": ["Archives de Pédiatrie"],
    },
    {
        "title": "Advances in rheumatology (London, England)",
        "iso": "Adv Rheumatol",
        "issn": ["2523-3106"],
        "also": ["Advances in Rheumatology"],
    },
    {
        "title": "European journal of neurology",
        "iso": "Eur J Neurol",
        "issn": ["1351-5101", "1468-1331"],
        "also": ["European Journal of Neurology"],
    },
    {
        "title": "Journal of cheminformatics",
        "iso": "J Cheminform",
        "issn": ["1758-2946"],
        "nlmid": "101516718",
        "also": [],
    },
    {"title": "Cell reports", "iso": "Cell Rep", "issn": ["2211-1247"], "nlmid": "101573691", "also": []},
    {"title": "Lancet (London, England)", "iso": "Lancet", "issn": ["0140-6736"], "also": ["The Lancet"]},
    {
        "title": "European journal of gastroenterology & hepatology",
        "iso": "Eur J Gastroenterol Hepatol",
        "issn": [],
        "also": [],
    },
    {
        "title": "Molecular biology of the cell",
        "iso": "Mol Biol Cell",
        "issn": ["1059-1524", "1939-4586"],
        "nlmid": "9201390",
        "also": ["Molecular Biology of the Cell"],
    },
    {"title": "Journal of virology", "iso": "J Virol", "issn": [], "also": ["Journal of Virology"]},
    {
        "title": "Proceedings of the National Academy of Sciences of the United States of America",
        "iso": "Proc Natl Acad Sci U S A",
        "issn": [],
        "also": ["PNAS"],
    },
    {"title": "Science (New York, N.Y.)", "iso": "Science", "issn": [], "also": []},
    {
        "title": "The New England journal of medicine",
        "iso": "N Engl J Med",
        "issn": [],
        "also": ["New England Journal of Medicine"],
    },
    {"title": "Current rheumatology reports", "iso": "Curr Rheumatol Rep", "issn": [], "also": []},
    {
        "title": "Pediatric rheumatology online journal",
        "iso": "Pediatr Rheumatol Online J",
        "issn": [],
        "also": ["Pediatric Rheumatology"],
    },
]


def _add_filler_journals(crossref: Any) -> None:
    known = {j["iso"] for j in JOURNALS}
    for full, abbrev in crossref.JOURNALS:
        if abbrev not in known:
            JOURNALS.append({"title": full, "iso": abbrev, "issn": list(crossref.ISSNS.get(abbrev, [])), "also": []})
            known.add(abbrev)


# -- records -------------------------------------------------------------------------------------------


def names(line: str) -> list[dict[str, str]]:
    """`Family AB, Family C, et al.; Group.` (a seed author line) as PubMed authors."""
    people, _, groups = line.partition(";")
    out: list[dict[str, str]] = []
    for part in people.split(","):
        part = part.strip().rstrip(".")
        if not part or part == "et al":
            continue
        family, _, initials = part.rpartition(" ")
        out.append({"last": family, "initials": initials} if family and initials.isupper() else {"collective": part})
    out += [{"collective": g.strip().rstrip(".")} for g in groups.split(";") if g.strip()]
    return out


def record(
    pmid: str | int,
    title: str,
    authors: list[dict[str, str]],
    journal: str,
    pubdate: str,
    *,
    source: str,
    synthetic: bool,
    volume: str = "",
    issue: str = "",
    pages: str = "",
    doi: str = "",
    pmc: str = "",
    pii: str = "",
    pubtypes: list[str] | None = None,
    status: str = "MEDLINE",
    pubstatus: str = "ppublish",
    epubdate: str = "",
    links: list[dict[str, str]] | None = None,
    elocation: str = "",
    book: dict[str, str] | None = None,
    lang: str = "eng",
) -> dict[str, Any]:
    """One PubMed record in the corpus's shape (what MEDLINE/PubMed XML and the DocSum hold)."""
    rec: dict[str, Any] = {
        "pmid": str(pmid),
        "title": title,
        "authors": authors,
        "journal": journal,
        "pubdate": pubdate,
        "epubdate": epubdate,
        "volume": volume,
        "issue": issue,
        "pages": pages,
        "elocation": elocation,
        "ids": {k: v for k, v in (("doi", doi), ("pmc", pmc), ("pii", pii)) if v},
        "pubtypes": pubtypes or ["Journal Article"],
        "status": status,
        "pubstatus": pubstatus,
        "lang": [lang],
        "links": links or [],
        "_synthetic": synthetic,
        "_source": source,
    }
    if book:
        rec["book"] = book
    return rec


SEED_NOTE = "seed work {n}: PMID confirmed by {src}; fields from seed-references.json, authors from the seed page"
PUBDATES = {3: "2007 Apr", 6: "2017 Dec", 7: "2016 Nov", 10: "2021 Jun 18", 11: "2020 Aug", 17: "2011 Jan"}


def seed_records(shared: Path, crossref: Any) -> dict[int, dict[str, Any]]:
    seed = {r["n"]: r for r in json.loads((shared / "seed/seed-references.json").read_text(encoding="utf-8"))}
    lines = crossref.seed_authors(ROOT)
    page_text = (ROOT / "refs/idiopathic-inflammatory-myopathies.txt").read_text(encoding="utf-8")
    out = {}
    for n, r in seed.items():
        pmid, where = (r["pmid"], "seed-references.json") if r["pmid"] else SEED_PMIDS.get(n, (None, ""))
        if not pmid:
            continue
        pages = {3: "S57-107", 17: "19-e3"}.get(n) or r["pages"]
        assert pages.split("-")[0] in page_text
        out[n] = record(
            pmid,
            r["title_as_published"].rstrip(".") + ".",
            names(lines[n]),
            r["journal_abbrev"],
            PUBDATES[n],
            source=SEED_NOTE.format(n=n, src=where),
            synthetic=False,
            volume=r["volume"] or "",
            issue=r["issue"] or "",
            pages=pages,
            doi=r["doi"] if r["doi_status"] == "verified" else "",
        )
    return out


def sample_records() -> list[dict[str, Any]]:
    """Records of ../shared/ncbi-samples/, with the fields the samples show."""
    esummary = "ncbi-samples/esummary-json-pubmed-27933103.json (recorded)"
    erratum = "ncbi-samples/efetch-pubmed-xml-erratumin-35649368.xml (recorded)"
    return [
        record(
            27933103,
            "Programmatic conversion of crystal structures into 3D printable files using Jmol.",
            [
                {"last": n.rsplit(" ", 1)[0], "initials": n.rsplit(" ", 1)[1]}
                for n in (
                    "Scalfani VF",
                    "Williams AJ",
                    "Tkachenko V",
                    "Karapetyan K",
                    "Pshenichnov A",
                    "Hanson RM",
                    "Liddie JM",
                    "Bara JE",
                )
            ],
            "J Cheminform",
            "2016",
            epubdate="2016 Nov 23",
            volume="8",
            pages="66",
            doi="10.1186/s13321-016-0181-z",
            pmc="PMC5122160",
            pii="181",
            status="PubMed",
            pubstatus="epublish",
            source=esummary,
            synthetic=False,
        ),
        record(
            35649368,
            "Fatty acid oxidation protects cancer cells from apoptosis by increasing mitochondrial membrane lipids.",
            [
                {"last": a, "initials": i, "fore": f}
                for a, i, f in (
                    ("Li", "YJ", "Yi-Jia"),
                    ("Fahrmann", "JF", "Johannes Francois"),
                    ("Aftabizadeh", "M", "Maryam"),
                    ("Zhao", "Q", "Qianqian"),
                    ("Tripathi", "SC", "Satyendra C"),
                    ("Zhang", "C", "Chunyan"),
                    ("Yuan", "Y", "Yuan"),
                    ("Ann", "D", "David"),
                    ("Hanash", "S", "Samir"),
                    ("Yu", "H", "Hua"),
                )
            ],
            "Cell Rep",
            "2022 May 31",
            volume="39",
            issue="9",
            pages="110870",
            elocation="10.1016/j.celrep.2022.110870",
            doi="10.1016/j.celrep.2022.110870",
            pii="S2211-1247(22)00645-3",
            pubtypes=["Journal Article", "Research Support, N.I.H., Extramural"],
            links=[
                {
                    "type": "ErratumIn",
                    "pmid": "35767954",
                    "source": "Cell Rep. 2022 Jun 28;39(13):111044. doi: 10.1016/j.celrep.2022.111044.",
                }
            ],
            source=erratum,
            synthetic=False,
        ),
        record(
            9500320,
            "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental "
            "disorder in children.",
            [
                {"last": a, "initials": i}
                for a, i in (
                    ("Wakefield", "AJ"),
                    ("Murch", "SH"),
                    ("Anthony", "A"),
                    ("Linnell", "J"),
                    ("Casson", "DM"),
                    ("Malik", "M"),
                )
            ],
            "Lancet",
            "1998 Feb 28",
            volume="351",
            issue="9103",
            pubtypes=["Journal Article", "Retracted Publication"],
            links=[
                {"type": "CommentIn", "pmid": "9500313", "source": "Lancet. 1998 Feb 28;351(9103):611-2."},
                {
                    "type": "RetractionIn",
                    "pmid": "20137807",
                    "source": "Lancet. 2010 Feb 6;375(9713):445. doi: 10.1016/S0140-6736(10)60175-4.",
                },
                {
                    "type": "ExpressionOfConcernIn",
                    "pmid": "21971344",
                    "source": "Eur J Gastroenterol Hepatol. 2011 Nov;23(11):1082.",
                },
            ],
            source="ncbi-samples/efetch-pubmed-xml-retracted-9500320-TRIMMED.xml (title, types, links); authors "
            "and year from a public reference page; volume and issue from the issue its CommentIn sits in "
            "(the paper's pages are not confirmed here, so none are given)",
            synthetic=False,
        ),
        record(
            37195739,
            "High extracellular glucose promotes cell motility by modulating cell deformability and "
            "contractility via cAMP-RhoA-ROCK axis in human breast cancer cells.",
            [
                {"last": "Oh", "initials": "M", "fore": "Mijung"},
                {"last": "Batty", "initials": "S", "fore": "Skylar"},
                {"last": "Banerjee", "initials": "N", "fore": "Nayan"},
                {"last": "Kim", "initials": "TH", "fore": "Tae-Hyung"},
            ],
            "Mol Biol Cell",
            "2023 May 17",
            epubdate="2023 May 17",
            pages="mbcE22120560",
            elocation="10.1091/mbc.E22-12-0560",
            doi="10.1091/mbc.E22-12-0560",
            status="Publisher",
            pubstatus="aheadofprint",
            source="ncbi-samples/efetch-pubmed-medline-aheadofprint-37195739.txt (recorded; ahead of print)",
            synthetic=False,
        ),
        record(
            10848626,
            "Inactivation of lmpA, encoding a LIMPII-related endosomal protein, suppresses the "
            "internalization and endosomal trafficking defects in profilin-null mutants.",
            [
                {"last": a, "initials": i}
                for a, i in (
                    ("Temesvari", "L"),
                    ("Zhang", "L"),
                    ("Fodera", "B"),
                    ("Janssen", "KP"),
                    ("Schleicher", "M"),
                    ("Cardelli", "JA"),
                )
            ],
            "Mol Biol Cell",
            "2000 Jun",
            volume="11",
            issue="6",
            pages="2019-31",
            pmc="PMC14900",
            source="ncbi-samples/esummary-json-pmc-mixed-valid-and-bad-uid-KLORTHO-XSLT.json (its pmid and pmcid)",
            synthetic=False,
        ),
        record(
            3029418,
            "Overproduction of polyomavirus middle T antigen in mammalian cells through the use of an "
            "adenovirus vector.",
            [{"last": "Davidson", "initials": "D"}, {"last": "Hassell", "initials": "JA"}],
            "J Virol",
            "1987 Apr",
            volume="61",
            issue="4",
            pages="1226-39",
            pmc="PMC254085",
            source="ncbi-samples/esummary-json-pmc-mixed-valid-and-bad-uid-KLORTHO-XSLT.json (its pmid and pmcid)",
            synthetic=False,
        ),
        record(
            28382787,
            "2016 American College of Rheumatology/European League Against Rheumatism Criteria for "
            "Minimal, Moderate, and Major Clinical Response in Juvenile Dermatomyositis: An International "
            "Myositis Assessment and Clinical Studies Group/Paediatric Rheumatology International Trials "
            "Organisation Collaborative Initiative.",
            [
                {"last": a, "initials": i}
                for a, i in (
                    ("Rider", "LG"),
                    ("Aggarwal", "R"),
                    ("Pistorio", "A"),
                    ("Bayat", "N"),
                    ("Erman", "B"),
                    ("Feldman", "BM"),
                )
            ],
            "Arthritis Rheumatol",
            "2017 May",
            epubdate="2017 Apr 6",
            volume="69",
            issue="5",
            pages="898-910",
            doi="10.1002/art.40064",
            pmc="PMC5407906",
            source="PMC article page PMC5407906 (PMID 28382787): the juvenile twin of seed work 1, a trap",
            synthetic=False,
        ),
        record(
            29940960,
            "Development of practice and consensus-based strategies including a treat-to-target "
            "approach for the management of moderate and severe juvenile dermatomyositis in Germany and Austria.",
            [
                {"last": a, "initials": i}
                for a, i in (
                    ("Hinze", "CH"),
                    ("Oommen", "PT"),
                    ("Dressler", "F"),
                    ("Urban", "A"),
                    ("Weller-Heinemann", "F"),
                )
            ],
            "Pediatr Rheumatol Online J",
            "2018 Jun 25",
            volume="16",
            issue="1",
            pages="40",
            doi="10.1186/s12969-018-0257-6",
            pmc="PMC6019723",
            pubstatus="epublish",
            source="PMC article page PMC6019723 (PMID 29940960)",
            synthetic=False,
        ),
        record(
            29550929,
            "New Myositis Classification Criteria-What We Have Learned Since Bohan and Peter.",
            [{"last": "Leclair", "initials": "V"}, {"last": "Lundberg", "initials": "IE"}],
            "Curr Rheumatol Rep",
            "2018 Mar 17",
            volume="20",
            issue="4",
            pages="18",
            doi="10.1007/s11926-018-0726-4",
            pmc="PMC5857275",
            pubstatus="epublish",
            source="PMC article page PMC5857275 (PMID 29550929)",
            synthetic=False,
        ),
        # ECitMatch targets of the recorded ECitMatch samples; their titles are not in any sample.
        record(
            2014248,
            "",
            [{"last": "Mann", "initials": "BJ"}],
            "Proc Natl Acad Sci U S A",
            "1991",
            volume="88",
            pages="3248",
            source="ncbi-samples/ecitmatch-found-two-citations.txt (journal, year, "
            "volume, first page, first author only)",
            synthetic=False,
        ),
        record(
            3026048,
            "",
            [{"last": "Palmenberg", "initials": "AC"}],
            "Science",
            "1987",
            volume="235",
            pages="182",
            source="ncbi-samples/ecitmatch-found-two-citations.txt (journal, year, volume, first "
            "page, first author only)",
            synthetic=False,
        ),
        record(
            31978945,
            "",
            [{"last": "Zhu", "initials": "N"}],
            "N Engl J Med",
            "2020",
            volume="382",
            pages="727",
            source="ncbi-samples/ecitmatch-mixed-found-and-invalid-journal.txt (journal, year, volume, first "
            "page, first author only)",
            synthetic=False,
        ),
    ]


def distractors(seed: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The hard cases, every one SYNTHETIC (PMIDs from 99000001, DOIs under 10.5555)."""
    out: list[dict[str, Any]] = []

    def add(title: str, authors: list[str], journal: str, pubdate: str, note: str, **more: Any) -> dict[str, Any]:
        rec = record(
            DISTRACTOR_FROM + len(out),
            title,
            names(", ".join(authors)),
            journal,
            pubdate,
            source=f"SYNTHETIC distractor: {note}",
            synthetic=True,
            **more,
        )
        out.append(rec)
        return rec

    lundberg, oldroyd = seed[6], seed[10]
    add(
        "Physical activity and fatigue in adults with idiopathic inflammatory myopathies: a cross-sectional study.",
        ["Nguyen T", "Virtanen K", "Costa R"],
        "Arthritis Rheumatol",
        "2018 Dec",
        "same journal, volume and first page as seed work 6, another year",
        volume="69",
        issue="12",
        pages="2271-2279",
        doi="10.5555/pubmed-distractor-6-same-page",
    )
    add(
        "Serum calprotectin in early rheumatoid arthritis: a prospective cohort study.",
        ["Jensen H", "Papadopoulos N"],
        "Ann Rheum Dis",
        "2019 May",
        "same journal, volume and first page as seed work 1 (not in this PubMed), another year",
        volume="76",
        issue="5",
        pages="792-799",
        doi="10.5555/pubmed-distractor-1-same-page",
    )
    erratum = add(
        "Correction to: A systematic review and meta-analysis to inform cancer screening guidelines in "
        "idiopathic inflammatory myopathies.",
        [],
        "Rheumatology (Oxford)",
        "2021 Nov 3",
        "the erratum of seed work 10 (stands for the real notice, whose PMID is not confirmed here)",
        volume="60",
        issue="11",
        pages="5483",
        doi="10.5555/distractor-10-erratum",
        pubtypes=["Published Erratum"],
        links=[
            {
                "type": "ErratumFor",
                "pmid": oldroyd["pmid"],
                "source": "Rheumatology (Oxford). 2021 Jun 18;60(6):2615-2628. doi: 10.1093/rheumatology/keab166.",
            }
        ],
    )
    oldroyd["links"].append(
        {
            "type": "ErratumIn",
            "pmid": erratum["pmid"],
            "source": "Rheumatology (Oxford). 2021 Nov 3;60(11):5483. doi: 10.5555/distractor-10-erratum.",
        }
    )
    comment = add(
        "Classification criteria for idiopathic inflammatory myopathies: comment on the article by Lundberg et al.",
        ["Rossi M", "Hansen L", "Kim S"],
        "Arthritis Rheumatol",
        "2018 Jun",
        "a comment on seed work 6",
        volume="70",
        issue="6",
        pages="980-981",
        doi="10.5555/pubmed-distractor-6-comment",
        pubtypes=["Letter", "Comment"],
        links=[
            {
                "type": "CommentOn",
                "pmid": lundberg["pmid"],
                "source": "Arthritis Rheumatol. 2017 Dec;69(12):2271-2282. doi: 10.1002/art.40320.",
            }
        ],
    )
    reply = add(
        "Reply.",
        ["Lundberg IE", "Tjärnlund A", "Bottai M"],
        "Arthritis Rheumatol",
        "2018 Jun",
        "the authors' reply to that comment, by seed work 6's first author",
        volume="70",
        issue="6",
        pages="981-982",
        doi="10.5555/pubmed-distractor-6-reply",
        pubtypes=["Letter", "Comment"],
        links=[
            {"type": "CommentOn", "pmid": comment["pmid"], "source": "Arthritis Rheumatol. 2018 Jun;70(6):980-981."}
        ],
    )
    lundberg["links"] += [
        {"type": "CommentIn", "pmid": comment["pmid"], "source": "Arthritis Rheumatol. 2018 Jun;70(6):980-981."},
        {"type": "CommentIn", "pmid": reply["pmid"], "source": "Arthritis Rheumatol. 2018 Jun;70(6):981-982."},
    ]
    add(
        "Management of connective tissue disease-associated interstitial lung disease.",
        ["Morisset J", "Vittinghoff E", "Lee JS", "Collard HR"],
        "Chest",
        "2016 Aug",
        "same first author and year as seed work 7, same journal",
        volume="150",
        issue="2",
        pages="430-438",
        doi="10.5555/distractor-7-same-author",
    )
    add(
        "Paraneoplastic neurological syndromes: tumour screening in clinical practice.",
        ["Titulaer MJ", "Verschuuren JJ"],
        "Eur J Neurol",
        "2011 Jun",
        "same first author and year as seed work 17, same journal",
        volume="18",
        issue="6",
        pages="812-818",
        doi="10.5555/distractor-17-same-author",
    )
    add(
        "Transfusion thresholds in intravenous immunoglobulin therapy for neurologic disease.",
        ["Feasby T", "Bril V"],
        "Transfus Med Rev",
        "2007 Oct",
        "same first author and year as seed work 3",
        volume="21",
        issue="4",
        pages="301-310",
        doi="10.5555/pubmed-distractor-3-same-author",
    )
    add(
        "Treatment of anti-MDA5-positive dermatomyositis-associated rapidly progressive interstitial lung disease: "
        "a systematic review.",
        ["Romero-Bueno F", "Plana MN", "Selva-O'Callaghan A"],
        "Semin Arthritis Rheum",
        "2020 Jun",
        "same first author, year and journal as seed work 11; near subject",
        volume="50",
        issue="3",
        pages="515-524",
        doi="10.5555/distractor-11-review",
    )
    add(
        "Anti-synthetase syndrome in the 2017 classification criteria: an ahead-of-print letter.",
        ["Castellano G", "Lundberg IE"],
        "Arthritis Rheumatol",
        "2018 Mar 7",
        "an ahead-of-print record (no volume, no pages)",
        epubdate="2018 Mar 7",
        status="Publisher",
        pubstatus="aheadofprint",
        doi="10.5555/pubmed-ahead-of-print-1",
        elocation="10.5555/pubmed-ahead-of-print-1",
        pubtypes=["Letter"],
    )
    add(
        "Muscle ultrasound in juvenile dermatomyositis: a prospective multicentre study.",
        ["Virtanen K", "Costa R", "Ahmed S"],
        "Rheumatology (Oxford)",
        "2024 Feb 2",
        "an ahead-of-print record (no volume, no pages)",
        epubdate="2024 Feb 2",
        status="Publisher",
        pubstatus="aheadofprint",
        doi="10.5555/pubmed-ahead-of-print-2",
        elocation="10.5555/pubmed-ahead-of-print-2",
    )
    add(
        "Muscle ultrasound in juvenile dermatomyositis: a pilot study.",
        ["Virtanen K", "Costa R"],
        "Rheumatology (Oxford)",
        "2024 Jan",
        "two works of one first author and year (with the ahead-of-print record above)",
        volume="63",
        issue="1",
        pages="101-108",
        doi="10.5555/pubmed-distractor-same-author-year",
    )
    add(
        "Inclusion body myositis.",
        ["Kowalski P", "Shah R"],
        "",
        "2021",
        "a book chapter (PubMed Bookshelf shape)",
        pubtypes=["Review", "Book Chapter"],
        status="PubMed",
        book={
            "doctype": "chapter",
            "booktitle": "Handbook of Inflammatory Myopathies [Internet]",
            "publisher": "Example University Press",
            "location": "Boston (MA)",
            "edition": "2nd",
        },
    )
    add(
        "Inclusion body myositis.",
        ["Kowalski P"],
        "",
        "2014",
        "the first edition of that book's chapter (same title and author, another year)",
        pubtypes=["Review", "Book Chapter"],
        status="PubMed",
        book={
            "doctype": "chapter",
            "booktitle": "Handbook of Inflammatory Myopathies [Internet]",
            "publisher": "Example University Press",
            "location": "Boston (MA)",
            "edition": "1st",
        },
    )
    return out


def filler(crossref: Any, count: int, seed: int = 20261201) -> list[dict[str, Any]]:
    """Deterministic SYNTHETIC records (PMIDs from 90000001); a third have a PMCID, two thirds a DOI."""
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        topic, cond = rnd.choice(crossref.TOPICS), rnd.choice(crossref.CONDITIONS)
        title = rnd.choice(crossref.FORMS).format(topic=topic, Topic=topic[0].upper() + topic[1:], cond=cond)
        _, abbrev = rnd.choice(crossref.JOURNALS)
        year, month = rnd.randint(2005, 2025), rnd.choice("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
        first = rnd.randint(1, 2400)
        people = [
            f"{f} {''.join(rnd.sample('ABCDEFGHJKLMNPRSTVW', rnd.randint(1, 2)))}"
            for f in rnd.sample(crossref.FAMILIES, rnd.randint(1, 6))
        ]
        pmid = FILLER_FROM + i
        out.append(
            record(
                pmid,
                title[0].upper() + title[1:] + ".",
                names(", ".join(people)),
                abbrev,
                f"{year} {month}",
                volume=str(rnd.randint(1, 90)),
                issue=str(rnd.randint(1, 12)),
                pages=f"{first}-{first + rnd.randint(3, 25)}",
                doi=f"10.5555/pubmed.{pmid}" if i % 3 else "",
                pmc=f"PMC9{pmid % 10000000:07d}" if i % 3 == 1 else "",
                source="SYNTHETIC filler",
                synthetic=True,
            )
        )
    return out


PMC_ONLY = [  # ID Converter records of the samples whose PubMed records are not in this corpus
    {
        "pmid": "30988852",
        "pmcid": "PMC6458579",
        "doi": "10.2478/hukin-2018-0057",
        "_source": "ncbi-samples/idconv-v1-articles-json-ok-and-not-in-pmc-TRANSCRIPT.json",
    },
    {
        "pmid": "26354291",
        "pmcid": "PMC4559886",
        "doi": "10.7554/eLife.09560",
        "_source": "ncbi-samples/idconv-v1.0-json-ok-with-versions.json",
    },
    {
        "pmid": "30003000",
        "pmcid": "PMC6039336",
        "doi": "10.1007/s13205-018-1330-z",
        "_source": "ncbi-samples/idconv-v1-articles-records-ok-fomightez.json",
    },
    {
        "pmid": "30003001",
        "pmcid": "PMC6031859",
        "doi": "10.1002/open.201800095",
        "_source": "ncbi-samples/idconv-v1-articles-records-ok-fomightez.json",
    },
    {
        "pmid": "30003002",
        "pmcid": "PMC6031856",
        "doi": "10.1002/open.201800044",
        "_source": "ncbi-samples/idconv-v1-articles-records-ok-fomightez.json",
    },
]


def build(shared: Path) -> dict[str, Any]:
    crossref = _crossref_maker()
    _add_filler_journals(crossref)
    seed = seed_records(shared, crossref)
    tricky = distractors(seed)
    records = [*seed.values(), *sample_records(), *tricky, *filler(crossref, 300)]
    pmids = [r["pmid"] for r in records]
    assert len(pmids) == len(set(pmids)), "duplicate PMIDs"
    assert all(int(r["pmid"]) >= FILLER_FROM for r in records if r["_synthetic"])
    assert all(int(r["pmid"]) < FILLER_FROM for r in records if not r["_synthetic"])
    crossref_titles = {
        w["DOI"].lower(): w["title"][0] for w in json.loads((ROOT / "tests/data/crossref/corpus.json").read_text())
    }
    for r in records:  # a fictional DOI both stand-ins carry names the same work in both
        doi = r["ids"].get("doi", "").lower()
        if doi in crossref_titles:
            assert r["title"].rstrip(".").lower() == crossref_titles[doi].rstrip(".").lower(), r["pmid"]
    journals = {j["iso"] for j in JOURNALS}
    assert all(r["journal"] in journals for r in records if not r.get("book")), "a journal missing from JOURNALS"
    return {"_comment": __doc__.strip().splitlines()[0], "journals": JOURNALS, "records": records, "pmc": PMC_ONLY}


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    corpus = build(shared)
    parts = [f'"{key}":' + json.dumps(corpus[key], ensure_ascii=False) for key in ("_comment",)]
    for key in ("journals", "records", "pmc"):  # one entry a line: readable diffs
        rows = ",\n".join(json.dumps(e, ensure_ascii=False) for e in corpus[key])
        parts.append(f'"{key}":[\n{rows}]')
    OUT.write_text("{" + ",\n".join(parts) + "}\n", encoding="utf-8")
    print(f"{OUT}: {len(corpus['records'])} records, {len(corpus['journals'])} journals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
