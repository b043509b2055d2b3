"""Each verdict, on a one-line Vancouver list checked against the Crossref stand-in and against a library."""

from __future__ import annotations

import copy
import json

import pytest

import myobib

from ..crossref_server import CrossrefStandIn
from .conftest import corpus, no_wait, notice

CASTANEDA = (
    "Castañeda S, Cavagna L, González-Gay MA; American and European Network of Antisynthetase Syndrome Collaborative "
    "Group. Consideration of antisynthetase syndrome features in classifying patients as having idiopathic "
    "inflammatory myopathy: comment on the article by Lundberg et al. Arthritis Rheumatol."
)
VANCOUVER = [
    f"1. {CASTANEDA} 2018 Mar 7.",
    "2. Morisset J, Johnson C, Rich E, Collard HR, Lee JS. Management of Myositis-Related Interstitial Lung Disease. "
    "Chest. 2016 Nov;150(5):1118-1128.",
    "3. Enders FB, Bader-Meunier B, Baildam E, Constantin T, Dolezalova P, Feldman BM, et al. Consensus-based "
    "recommendations for the management of juvenile dermatomyositis. Ann Rheum Dis. 2017 Feb;76(2):329-340. "
    "doi: 10.1002/art.40320.",
    "4. Doe J, Roe R. A study of nothing in particular. J Nowhere Stud. 2020;1(1):1-2.",
    "5. Smith A, Jones B. Outcomes of twin registries in myositis. Clin Rheumatol. 2015;34(2):100-110.",
    "6. Lundberg IE, Tjärnlund A, Bottai M, Werth VP, Pilkington C, Visser M, et al. 2017 European League Against "
    "Rheumatism/American College of Rheumatology classification criteria for adult and juvenile idiopathic "
    "inflammatory myopathies and their major subgroups. Arthritis Rheumatol. 2017 Dec;69(12):2271-2282.",
]


def twin(doi: str) -> dict:
    return {
        "DOI": doi,
        "type": "journal-article",
        "title": ["Outcomes of twin registries in myositis"],
        "author": [{"given": "A.", "family": "Smith", "sequence": "first"}, {"given": "B.", "family": "Jones"}],
        "container-title": ["Clinical Rheumatology"],
        "short-container-title": ["Clin Rheumatol"],
        "issued": {"date-parts": [[2015, 2]]},
        "volume": "34",
        "issue": "2",
        "page": "100-110",
    }


@pytest.fixture(scope="module")
def vancouver(tmp_path_factory):
    path = tmp_path_factory.mktemp("vancouver") / "references.txt"
    path.write_text("References\n\n" + "\n".join(VANCOUVER) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def online(vancouver):
    records = {rec["DOI"]: rec for rec in corpus()}
    retraction, retracted = notice("retraction", "10.5555/retraction-7", records["10.5555/seed-7"])
    planted = corpus(
        plant={"10.5555/seed-7": [retracted]}, extra=[retraction, twin("10.5555/twin-a"), twin("10.5555/twin-b")]
    )
    with CrossrefStandIn(planted) as server:
        client = myobib.Crossref(base_url=server.url, cache=False, mailto="check@example.org", sleep=no_wait)
        report = myobib.check(vancouver, client)
    return report, {f.number: f for f in report.findings}


def test_every_verdict(online):
    report, by_number = online
    assert {n: f.verdict for n, f in by_number.items()} == {
        1: "corrected",
        2: "needs-attention",
        3: "needs-attention",
        4: "unresolved",
        5: "needs-attention",
        6: "verified",
    }
    assert report.counts()["repeats"] == 0 and report.exit_code() == 1


def test_retracted(online):
    _, by_number = online
    assert by_number[2].reasons == ["retraction on record (10.5555/retraction-7)"]
    assert by_number[2].notices[0]["kind"] == "retraction"


def test_a_listed_doi_of_another_work(online):
    _, by_number = online
    three = by_number[3]
    assert three.reasons == [
        "rejected (doi:10.1002/art.40320): DOI 10.1002/art.40320 points elsewhere: journal: another journal; "
        "the reference fits 10.1136/annrheumdis-2016-209247 instead"
    ]
    assert "doi-rejected:10.1002/art.40320" in three.sources[0]["flags"]
    assert three.identifiers["DOI"] == {"value": "10.1002/art.40320", "source": "the list", "in-list": True}


def test_ambiguous(online):
    _, by_number = online
    (reason,) = by_number[5].reasons
    assert reason.startswith("ambiguous (crossref): near tie between 10.5555/twin-")
    assert "DOI" not in by_number[5].identifiers


def test_unresolved_says_why(online):
    _, by_number = online
    (reason,) = by_number[4].reasons
    assert reason.startswith("not-found (crossref): ")


def test_verified_and_corrected(online):
    _, by_number = online
    assert by_number[6].reasons == [] and by_number[6].identifiers["DOI"]["value"] == "10.1002/art.40320"
    one = by_number[1]
    assert one.published["volume"] == "70" and one.published["page"] == "977-978"
    assert one.corrected == f"1. {CASTANEDA} 2018 Jun;70(6):977-978."


def test_corrected_one_line_list_keeps_its_layout_and_parses_back(online, vancouver, tmp_path):
    report, _ = online
    original = vancouver.read_text(encoding="utf-8").split("\n")
    corrected = report.corrected_text.split("\n")
    assert len(corrected) == len(original)
    assert [i for i, (a, b) in enumerate(zip(original, corrected, strict=True)) if a != b] == [2]
    assert corrected[2] == f"1. {CASTANEDA} 2018 Jun;70(6):977-978."
    again = myobib.load(report.write(tmp_path)["corrected"])
    fields = ("list_number", "title", "author", "et_al", "issued", "volume", "issue", "page", "container_title_short")
    assert [[getattr(r, f) for f in fields] for r in again] == [
        [getattr(r, f) for f in fields] for r in report.bibliography
    ]


def test_fields_that_disagree_with_the_library_need_attention(vancouver, tmp_path):
    """Library only: #6's record gives another first page; its title, author and volume still identify it."""
    record = {
        "id": "lundberg",
        "type": "article-journal",
        "title": "2017 European League Against Rheumatism/American College of Rheumatology classification criteria "
        "for adult and juvenile idiopathic inflammatory myopathies and their major subgroups",
        "author": [{"family": "Lundberg", "given": "IE"}],
        "container-title-short": "Arthritis Rheumatol",
        "issued": {"date-parts": [[2017, 12]]},
        "volume": "69",
        "issue": "12",
        "page": "2217-2228",
        "DOI": "10.1002/art.40320",
    }
    library = tmp_path / "library.json"
    library.write_text(json.dumps([record]), encoding="utf-8")
    report = myobib.check(vancouver, library=library)
    six = next(f for f in report.findings if f.number == 6)
    assert six.verdict == "needs-attention" and report.exit_code() == 1
    assert six.reasons == [
        "page disagrees with the record: the list says 2271-2282, library:library.json:10.1002/art.40320 says 2217-2228"
    ]
    (diff,) = six.differences
    assert (diff.field, diff.kind, diff.applied) == ("page", "disagrees", False)
    assert "2271-2282" in report.corrected_text  # a disagreement is shown, never "corrected" blindly
    others = [f.verdict for f in report.findings if f.number != 6]
    assert others == ["unresolved"] * 5

    agreeing = copy.deepcopy(record) | {"page": "2271-2282"}
    library.write_text(json.dumps([agreeing]), encoding="utf-8")
    assert next(f for f in myobib.check(vancouver, library=library).findings if f.number == 6).verdict == "verified"
