"""Real published reference lists (tests/data/lists): each work read as exactly one record, and at least 97% of
the fields each list prints read right, scored on the CSL-JSON file myobib writes (tests/lists_score.py)."""

from __future__ import annotations

import pytest

from tests.lists_score import list_paths, score_list


@pytest.mark.parametrize("path", list_paths(), ids=lambda path: path.stem)
def test_one_record_per_work_and_the_printed_fields(path):
    score = score_list(path)
    assert (score.missing, score.extra) == (0, 0)
    assert score.one_record == score.works
    wrong = [f"{w.work} {w.field}: expected {w.expected!r}, got {w.got!r}" for w in score.wrong]
    assert score.accuracy >= 0.97, "\n".join(wrong)


def test_the_corpus_is_all_there():
    assert len(list_paths()) >= 6
