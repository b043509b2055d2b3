"""One reference's finding from whatever the earlier stages left: sources are data, not code paths."""

from __future__ import annotations

from myobib import Date, Name, Occurrence, Reference
from myobib.check.findings import assess, show_date, show_value
from myobib.model import Merge

LISTED = Reference(
    id="doe2019trial",
    title="A trial",
    author=(Name("Doe", "J"),),
    container_title_short="J Test",
    issued=Date(2019, 3),
    volume="12",
    page="100-110",
    provenance=(
        Occurrence("list.txt", 3, 5, "1. A trial\nDoe J.\nJ Test. 2019 Mar;12:100-110.", 1),
        Occurrence("list.txt", 9, 10, "Doe J.\nJ Test. 2019 Mar;12:100-111.", None),
    ),
)


def row(status: str, source: str | None, **more) -> dict:
    return {"key": LISTED.id, "status": status, "source": source, "reasons": [], **more}


def test_a_second_source_that_disagrees_is_shown_with_its_own_name():
    """A PubMed pass (or any later source) adds a row; its disagreement needs attention, named by its source."""
    after = LISTED.replace(DOI="10.5555/x", PMID="31000001")
    rows = [
        row("matched", "crossref", DOI="10.5555/x", agreed=["title", "year", "page"], disagreed=[]),
        row("matched", "pubmed", PMID="31000001", disagreed=["year"], record={"issued": {"date-parts": [[2018, 11]]}}),
    ]
    finding = assess(LISTED, after, rows)
    assert finding.verdict == "needs-attention"
    assert finding.reasons == [
        "issued disagrees with the record: the list says 2019 Mar, pubmed:31000001 says 2018 Nov"
    ]
    assert [s["source"] for s in finding.sources] == ["crossref", "pubmed"]


def test_filled_fields_come_from_the_change_log_with_their_source():
    after = LISTED.replace(
        issue="4",
        DOI="10.5555/x",
        changes=(
            {"field": "DOI", "old": None, "new": "10.5555/x", "source": "crossref:10.5555/x"},
            {"field": "issue", "old": None, "new": "4", "source": "crossref:10.5555/x"},
            {"field": "URL", "old": None, "new": "https://doi.org/10.5555/x", "source": "crossref:10.5555/x"},
        ),
    )
    finding = assess(LISTED, after, [row("matched", "crossref", DOI="10.5555/x")])
    assert finding.verdict == "verified"  # `corrected` is decided by what the corrected list changes
    assert [(d.field, d.list_value, d.record_value, d.kind) for d in finding.differences] == [
        ("issue", None, "4", "added")
    ]
    assert finding.identifiers == {"DOI": {"value": "10.5555/x", "source": "crossref:10.5555/x", "in-list": False}}


def test_notices_from_flags_and_from_the_list():
    listed = LISTED.replace(note="Erratum in: J Test. 2019;12:200.")
    after = listed.replace(flags=("corrected:10.5555/fix", "concern:10.5555/eoc"))
    finding = assess(listed, after, [row("matched", "crossref")])
    assert finding.verdict == "needs-attention"
    assert finding.reasons == ["expression of concern on record (10.5555/eoc)"]  # a correction alone is no alarm
    assert [(n["kind"], n["source"]) for n in finding.notices] == [
        ("correction", "record"),
        ("expression of concern", "record"),
        ("erratum", "the list"),
    ]


def test_a_retraction_the_list_cites_still_needs_attention():
    listed = LISTED.replace(note="Retraction in: J Test. 2021;14:9.")
    finding = assess(listed, listed, [row("unresolved", None, reasons=["offline"])])
    assert finding.verdict == "needs-attention"
    assert finding.reasons == ["retraction cited in the list (Retraction in: J Test. 2021;14:9.)"]


def test_a_change_log_the_input_already_had_is_not_news():
    author_change = {"field": "author", "old": [{"family": "Doe"}], "new": [{"family": "Doe"}, {"family": "Roe"}],
                     "source": "crossref:10.5555/x"}  # fmt: skip
    issue_change = {"field": "issue", "old": None, "new": "4", "source": "crossref:10.5555/x"}
    listed = LISTED.replace(issue="4", changes=(author_change, issue_change))
    assert assess(listed, listed, [row("matched", "crossref", DOI="10.5555/x")]).differences == []


def test_unresolved_reasons_and_where_each_occurrence_stands():
    merge = Merge(LISTED.id, LISTED.provenance[1], "same first author, journal, year", 0.9, ("page",))
    finding = assess(LISTED, LISTED, [row("unresolved", None, reasons=["no Crossref client (offline)"])], [merge])
    assert finding.verdict == "unresolved" and finding.reasons == ["no Crossref client (offline)"]
    entry, repeat = finding.occurrences
    assert (entry["role"], entry["list-number"], entry["line-start"]) == ("entry", 1, 3)
    assert (repeat["role"], repeat["line-start"], repeat["conflicts"]) == ("repeat", 9, ["page"])
    assert assess(LISTED, LISTED, []).reasons == ["not looked up"]


def test_showing_values():
    assert show_date(Date(2018, 3, 7)) == "2018 Mar 7"
    assert show_date({"date-parts": [[2018, 6]]}) == "2018 Jun"
    assert show_date(Date(2019, literal="2019 Spring")) == "2019 Spring"
    assert show_value("author", [{"family": "Bellutti Enders", "given": "Felicitas"}]) == "Bellutti Enders Felicitas"
    assert show_value("volume", None) is None
