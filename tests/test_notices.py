"""Notices: what a notice's title says, and the notices other entries' notes name (`myobib.notices`)."""

from __future__ import annotations

import pytest

from myobib import Date, Name, Occurrence, Reference
from myobib.crossref.kinds import notice_kind
from myobib.notices import link_notices, notice_from_title, own_notice
from myobib.readers import freetext
from myobib.spill import SpilledReferences


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Department of Error", "erratum"),
        ("Erratum", "erratum"),
        ("ERRATUM: Effects of X", "erratum"),
        ("Publisher Correction: Effects of X", "erratum"),
        ("Corrigendum to “Effects of X”", "erratum"),
        ("Retraction Note: Effects of X", "retraction"),
        ("Notice of Retraction: Effects of X", "retraction"),
        ("Editorial Expression of Concern", "expression-of-concern"),
        ("Reply", "reply"),
        ("In reply", "reply"),
        ("Authors' reply", "reply"),
        ("Response to: 'External validation' by Luu et al", "reply"),
        ("Response to the letter by Smith", "reply"),
        ("Comment on: Effects of X", "comment"),
        ("Re: Effects of X", "comment"),
        ("Consideration of X: comment on the article by Lundberg et al.", "comment"),
        ("Response to rituximab in refractory myositis", None),
        ("Retracted article: Effects of X", None),
        ("Correctional facilities and tuberculosis", None),
        ("Errors in prescribing", None),
        ("Letter to the editor: effects of X", None),
        ("Retraction of the tongue in myasthenia", None),
        ("Notice of withdrawal: Effects of X", "retraction"),
        ("WITHDRAWN: Effects of X", None),  # the article itself, flagged (see retracted_title)
        ("Error in Figure", "erratum"),
        (None, None),
    ],
)
def test_notice_from_title(title, kind):
    assert notice_from_title(title) == kind
    # One title, one kind: the DOI matcher reads a Crossref record's title with the same words.
    assert notice_kind(title) == kind


LIST = """\
1. Wakefield AJ, Murch SH, Anthony A. Ileal-lymphoid-nodular hyperplasia. Lancet. 1998 Feb 28;351(9103):637-41. \
Comment in: Lancet. 1998 Feb 28;351(9103):611-2. Retraction in: Lancet. 2010 Feb 6;375(9713):445.
2. Chen RT, DeStefano F. Vaccine adverse events: causal or coincidental? Lancet. 1998 Feb 28;351(9103):611-2.
3. [No authors listed]. Retraction--Ileal-lymphoid-nodular hyperplasia. Lancet. 2010 Feb 6;375(9713):445.
4. Li YJ, Zhang C. Fatty acid oxidation. Cell Rep. 2022 May 31;39(9):110870. Erratum in: Cell Rep. 2022;39(13):111044.
5. Smith J. A correction. Cell Rep. 2022;39(13):111044.
6. Jones K. A letter. Ann Rheum Dis. 2021;80:e1. Comment on: Ann Rheum Dis. 2020;79:1-2.
"""


def test_notes_name_the_notices_of_a_list():
    bib = freetext.loads(LIST, "list.txt")
    assert [ref.notice for ref in bib] == [None, "comment", "retraction", None, "erratum", "comment"]
    assert bib[0].note.startswith("Comment in: Lancet.") and bib[0].type == "article-journal"


def test_a_letter_answered_by_a_reply_in_the_list_is_a_comment():
    text = (
        "1. Luu Q, Day J. External validation of EULAR/ACR classification criteria. Ann Rheum Dis. 2022;81(4):e59.\n"
        "2. Jinnin M, Ohta A. Response to: ‘External validation of EULAR/ACR classification criteria’ by Luu et al. "
        "Ann Rheum Dis. 2022;81(4):e60.\n"
        "3. Luu Q. Another paper. Ann Rheum Dis. 2022;81(4):e61.\n"
    )
    assert [ref.notice for ref in freetext.loads(text)] == ["comment", "reply", None]


def test_own_note_declares_a_notice():
    assert own_notice("Comment on: Ann Rheum Dis. 2020;79:1-2.") == "comment"
    assert own_notice("Erratum for: Cell Rep. 2022;39:110870.") == "erratum"
    assert own_notice("Erratum in: Cell Rep. 2022;39:111044.") is None


def _ref(note=None, notice=None, volume="39", page="111044", line=1):
    return Reference(
        title=f"Work {line}", author=(Name("Li", "YJ"),), container_title_short="Cell Rep", issued=Date(2022),
        volume=volume, page=page, page_first=page, note=note, notice=notice,
        provenance=(Occurrence("t.txt", line, line, "x"),),
    )  # fmt: skip


def test_linking_on_disk_and_among_given_positions_agree():
    refs = [_ref(line=i, page=str(100 + i)) for i in range(20)]
    refs[3] = _ref(note="Erratum in: Cell Rep. 2022;39:111044.", page="110870", line=3)
    refs[15] = _ref(line=15)
    expected = [ref.notice for ref in link_notices(refs)]
    assert expected[15] == "erratum" and expected.count("erratum") == 1
    assert [ref.notice for ref in link_notices(refs, among=[3])] == expected
    assert [ref.notice for ref in link_notices(SpilledReferences(refs))] == expected
    assert link_notices(refs, among=[]) is refs  # nothing to link: the list itself


def test_a_notice_keeps_its_kind_and_other_volumes_are_other_works():
    refs = [_ref(note="Retraction in: Cell Rep. 2022;39:111044.", page="110870", line=1),
            _ref(notice="erratum", line=2),
            _ref(volume="40", line=3)]  # fmt: skip
    assert [ref.notice for ref in link_notices(refs)] == [None, "erratum", None]
