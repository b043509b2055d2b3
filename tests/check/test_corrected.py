"""The corrected list: citations rewritten where they stand, everything else kept, repeats kept or dropped."""

from __future__ import annotations

from myobib import Date, Name, Occurrence, Reference
from myobib.check.corrected import correct_list, correction, unified_diff

PAGE = """Disease Info
Disease:Test
A title

1. A comment
Doe J, Roe R.
J Test. 2018 Mar 7.

  2. A trial
  Poe E.
  J Test. 2019 Mar;12:100. Erratum in: J Test. 2019;12:200.

Doe J, Roe R.
J Test. 2018 Mar 7.
"""


def ref(key: str, lines: list[tuple[int, int, int | None]], **fields) -> Reference:
    occurrences = tuple(Occurrence("page.txt", a, b, "", n) for a, b, n in lines)
    return Reference(id=key, container_title_short="J Test", provenance=occurrences, **fields)


COMMENT = ref("doe2018", [(5, 7, 1), (13, 14, None)], title="A comment", author=(Name("Doe", "J"),),
              issued=Date(2018, 3, 7))  # fmt: skip
TRIAL = ref("poe2019", [(9, 11, 2)], title="A trial", issued=Date(2019, 3), volume="12", page="100", number="100",
            page_first="100", note="Erratum in: J Test. 2019;12:200.")  # fmt: skip


def test_an_ahead_of_print_entry_gets_its_issue_date_volume_issue_and_pages():
    published = COMMENT.replace(volume="70", issue="6", page="977-978", DOI="10.5555/c")
    fix = correction(COMMENT, published, {"issued": {"date-parts": [[2018, 6]]}})
    assert fix.fields == ["volume", "issue", "page", "issued"] and fix.source == "2018 Jun;70(6):977-978"
    assert fix.reference.issued == Date(2018, 6) and fix.reference.DOI == "10.5555/c"


def test_a_first_page_completed_into_a_range():
    completed = TRIAL.replace(page="100-110", page_as_written="100")
    fix = correction(TRIAL, completed, {})
    assert fix.fields == ["page"] and fix.source == "2019 Mar;12:100-110"
    assert fix.reference.page_as_written is None and fix.reference.number is None


def test_nothing_to_correct_keeps_the_citation_but_not_the_records_author_list():
    longer = TRIAL.replace(author=(Name("Poe", "E"), Name("Moe", "F")), et_al=False, DOI="10.5555/t")
    fix = correction(TRIAL.replace(et_al=True), longer, {})
    assert fix.fields == [] and fix.source is None
    assert fix.reference.author == TRIAL.author and fix.reference.et_al  # the list's author line stands


def fixes(identifiers_for_trial: bool = False):
    comment = correction(COMMENT, COMMENT.replace(volume="70", issue="6", page="977-978"), {
        "issued": {"date-parts": [[2018, 6]]}})  # fmt: skip
    trial = correction(TRIAL, TRIAL.replace(DOI="10.5555/t", PMID="123"), {})
    return [(COMMENT, comment), (TRIAL, trial)]


def test_corrections_in_place_with_identifiers_before_what_follows_the_citation():
    result = correct_list(PAGE, fixes(), identifiers=True)
    lines = result.text.split("\n")
    assert lines[6] == "J Test. 2018 Jun;70(6):977-978."
    assert lines[10] == "  J Test. 2019 Mar;12:100. doi: 10.5555/t. PMID: 123. Erratum in: J Test. 2019;12:200."
    assert lines[13] == "J Test. 2018 Jun;70(6):977-978."  # the repeat, corrected like its entry
    untouched = [i for i in range(len(lines)) if i not in (6, 10, 13)]
    assert [lines[i] for i in untouched] == [PAGE.split("\n")[i] for i in untouched]
    assert result.entries["doe2018"] == "1. A comment\nDoe J, Roe R.\nJ Test. 2018 Jun;70(6):977-978."


def test_dropped_repeats_leave_no_doubled_blank_line():
    result = correct_list(PAGE, fixes(), repeats="drop")
    assert result.text.endswith("  J Test. 2019 Mar;12:100. Erratum in: J Test. 2019;12:200.\n")
    assert "\n\n\n" not in result.text


def test_a_citation_that_cannot_be_found_is_reported_not_guessed():
    wrapped = PAGE.replace("J Test. 2018 Mar 7.\n\n  2.", "J Test. 2018\nMar 7.\n\n  2.", 1)
    moved = COMMENT.replace(provenance=(Occurrence("page.txt", 5, 8, "", 1),))
    fix = correction(moved, moved.replace(volume="70", page="977-978"), {})
    result = correct_list(wrapped, [(moved, fix)])
    assert result.text == wrapped
    assert result.not_applied == {"doe2018": "no citation found at line 8"}


def test_unified_diff():
    assert unified_diff(PAGE, PAGE, "page.txt") == ""
    diff = unified_diff(PAGE, correct_list(PAGE, fixes()).text, "page.txt")
    assert diff.startswith("--- page.txt\n+++ page.txt (corrected)\n@@ ")
    assert "\n-J Test. 2018 Mar 7.\n+J Test. 2018 Jun;70(6):977-978.\n" in diff
