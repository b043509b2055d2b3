"""Deduplication rules beyond the seed: what must merge, and what must never merge."""

from __future__ import annotations

import random

from myobib import Bibliography, Date, Name, Occurrence, Reference
from myobib.dedupe import dedupe, same_work


def ref(line: int, **fields) -> Reference:
    base = dict(
        title="Management of myositis-related interstitial lung disease",
        author=(Name("Morisset", "J"), Name("Johnson", "C")),
        container_title_short="Chest",
        issued=Date(2016, 11),
        volume="150",
        issue="5",
        page="1118-1128",
        page_first="1118",
    )
    base.update(fields)
    return Reference(provenance=(Occurrence("t.txt", line, line, f"line {line}"),), **base)


def test_equal_doi_merges_even_with_different_titles():
    a, b = ref(1, DOI="10.1/X"), ref(2, DOI="10.1/x", title="Something else entirely")
    assert same_work(a, b) == ("same DOI", 1.0)


def test_different_dois_never_merge():
    assert same_work(ref(1, DOI="10.1/a"), ref(2, DOI="10.1/b")) is None


def test_title_first_author_year_with_typo_and_initials():
    a = ref(1)
    b = ref(2, title="Management of myositis-related interstital lung disease", author=(Name("Morisset", "JA"),))
    reason, score = same_work(a, b)
    assert reason.startswith("similar title") and 0.92 <= score < 1


def test_title_less_repeat_needs_author_journal_year_volume_page():
    a, b = ref(1), ref(2, title=None)
    assert same_work(a, b)[0] == "same first author, journal, year, volume and first page"
    assert same_work(a, ref(2, title=None, page_first="1119")) is None
    assert same_work(a, ref(2, title=None, volume="151")) is None
    assert same_work(a, ref(2, title=None, author=(Name("Rich", "E"),))) is None


def test_journal_abbreviation_and_full_name_agree():
    assert same_work(ref(1), ref(2, title=None, container_title_short="CHEST")) is not None
    a = ref(1, container_title_short="Ann Rheum Dis")
    b = ref(2, title=None, container_title_short="Annals of the Rheumatic Diseases")
    assert same_work(a, b) is not None


def test_erratum_never_merges_with_its_article():
    erratum = ref(2, title="Erratum: Management of myositis-related interstitial lung disease", page_first=None)
    assert same_work(ref(1), erratum) is None


def test_comment_and_reply_never_merge():
    comment = ref(1, title="Classifying myositis: comment on the article by Lundberg et al.", volume=None,
                  page_first=None, page=None)  # fmt: skip
    reply = ref(2, title="Reply", volume=None, page_first=None, page=None)
    assert same_work(comment, reply) is None


def test_same_criteria_in_two_journals_never_merge():
    ard = ref(1, title="2017 EULAR/ACR classification criteria", container_title_short="Ann Rheum Dis",
              volume="76", page_first="1955")  # fmt: skip
    ar = ref(2, title="2017 EULAR/ACR classification criteria", container_title_short="Arthritis Rheumatol",
             volume="69", page_first="2271")  # fmt: skip
    assert same_work(ard, ar) is None


def test_years_more_than_one_apart_never_merge():
    assert same_work(ref(1), ref(2, issued=Date(2019))) is None


def test_dedupe_reports_reason_keeps_provenance_and_records_conflicts():
    bib = Bibliography([ref(1, id="morisset"), ref(5, title=None, issue="6")])
    out = dedupe(bib)
    assert len(out) == 1
    assert [o.line_start for o in out["morisset"].provenance] == [1, 5]
    (merge,) = out.report.merges
    assert merge.kept == "morisset" and merge.merged.line_start == 5
    assert merge.conflicts == ("issue: kept '5', other occurrence has '6'",)


def test_merge_fills_missing_fields_and_full_author_list():
    numbered = ref(1, et_al=True, DOI=None)
    repeat = ref(2, title=None, DOI="10.1016/j.chest.2016.04.007",
                 author=(Name("Morisset", "J"), Name("Johnson", "C"), Name("Rich", "E")))  # fmt: skip
    (kept,) = dedupe(Bibliography([numbered, repeat]))
    assert kept.DOI == "10.1016/j.chest.2016.04.007" and len(kept.author) == 3 and not kept.et_al
    assert kept.title == numbered.title


def test_dedupe_is_idempotent_and_order_independent(seed_path):
    import myobib

    raw = myobib.load(seed_path, merge_repeats=False)
    once = dedupe(raw)
    assert [r.to_csl() for r in dedupe(once)] == [r.to_csl() for r in once]
    rng = random.Random(7)
    for _ in range(5):
        order = list(raw.references)
        rng.shuffle(order)
        shuffled = dedupe(raw.with_references(order))
        assert sorted(r.id for r in shuffled) == sorted(r.id for r in once)
        assert {r.id: len(r.provenance) for r in shuffled} == {r.id: len(r.provenance) for r in once}


def test_initials_against_full_given_name_is_no_conflict():
    full = ref(2, title=None, author=(Name("Morisset", "Julie"), Name("Johnson", "C")))
    out = dedupe(Bibliography([ref(1, id="m"), full]))
    assert len(out) == 1 and out.report.merges[0].conflicts == ()
    other = ref(3, title=None, author=(Name("Morisset", "K"),))
    assert same_work(ref(1), other) is None


def test_ahead_of_print_repeats_with_other_et_al_cut_and_full_journal_name_merge():
    def online(line, authors, journal="Arthritis Rheumatol", title=None):
        return Reference(
            provenance=(Occurrence("t.txt", line, line, f"line {line}"),), title=title,
            author=tuple(Name(f, "S") for f in authors), container_title_short=journal, issued=Date(2018, 3, 7),
        )  # fmt: skip

    numbered = online(1, ["Castañeda", "Cavagna", "González-Gay"], title="Consideration of features")
    cut = online(2, ["Castañeda", "Cavagna"])
    full_name = online(3, ["Castañeda", "Cavagna", "González-Gay"], journal="Arthritis & Rheumatology")
    assert len(dedupe(Bibliography([numbered, cut, full_name]))) == 1
    other_day = online(4, ["Castañeda", "Cavagna"]).replace(issued=Date(2018, 3, 8))
    assert len(dedupe(Bibliography([numbered, other_day]))) == 2


def test_pairs_of_a_large_block_leave_out_only_pairs_of_two_different_dois():
    from myobib.dedupe import _features, _pairs

    rng = random.Random(5)
    dois = [None, None, "10.1/a", "10.1/b", "10.1/c"]
    refs = [ref(n, DOI=rng.choice(dois)) for n in range(80)]
    features = [_features(r) for r in refs]
    members = rng.sample(range(80), 60)
    naive = [
        (i, j)
        for x, i in enumerate(members)
        for j in members[x + 1 :]
        if not (features[i].doi and features[j].doi and features[i].doi != features[j].doi)
    ]
    assert list(_pairs(members, features)) == naive
    assert len(naive) < 60 * 59 // 2


def test_a_large_block_of_one_author_and_year_still_merges_its_repeats():
    works = [ref(n, title=f"Work number {n} on myositis", DOI=f"10.1/w{n}", page=f"{n}-{n + 9}", page_first=str(n))
             for n in range(1, 101)]  # fmt: skip
    repeats = [ref(200 + n, title=f"Work number {n} on myositis", page=f"{n}-{n + 9}", page_first=str(n))
               for n in (3, 50, 99)]  # fmt: skip
    merged = dedupe(Bibliography(works + repeats))
    assert len(merged) == 100
    assert sorted(m.merged.line_start for m in merged.report.merges) == [203, 250, 299]


def test_equal_runs_group_equal_hashes_even_when_their_top_bits_collide():
    from array import array

    from myobib.dedupe import _equal_runs

    # With 5 values only the top bits are sorted on; 32 and 33 (and -1 and -2) share them.
    hashes = array("q", [32, 33, 32, 7, 33, -1, -2, -1])
    runs = sorted(_equal_runs(hashes))
    assert runs == [[0, 2], [1, 4], [5, 7]]
    rng = random.Random(3)
    values = array("q", (rng.choice([-(2**63), -5, 0, 5, 2**63 - 1, rng.getrandbits(63)]) for _ in range(500)))
    expected = {}
    for position, value in enumerate(values):
        expected.setdefault(value, []).append(position)
    assert sorted(_equal_runs(values)) == sorted(run for run in expected.values() if len(run) > 1)


def test_a_reference_without_doi_like_two_works_with_different_dois_is_merged_with_neither():
    bare = ref(1, title="Consensus criteria for adult myositis: a review")
    first = ref(2, title="Consensus criteria for adult myositis: a review.", DOI="10.1/one")
    second = ref(3, title="Consensus criteria for adult myositis; a review", DOI="10.1/two")
    assert same_work(bare, first) and same_work(bare, second) and not same_work(first, second)
    for order in ([bare, first, second], [second, bare, first], [first, second, bare]):
        merged = dedupe(Bibliography(order))
        assert len(merged) == 3 and merged.report.merges == []
        assert sum("merged with none of them" in w for w in merged.report.warnings) == 1
        assert "t.txt (line 1)" in merged.report.warnings[-1]


def test_a_split_cluster_still_merges_what_is_unambiguous():
    bare = ref(1, title="Consensus criteria for adult myositis: a review")
    first = ref(2, title="Consensus criteria for adult myositis: a review.", DOI="10.1/one")
    first_again = ref(4, title="Consensus criteria for adult myositis - a review", DOI="10.1/ONE")
    second = ref(3, title="Consensus criteria for adult myositis; a review", DOI="10.1/two")
    merged = dedupe(Bibliography([bare, first, second, first_again]))
    assert sorted(len(r.provenance) for r in merged) == [1, 1, 2]
    assert {occ.line_start for r in merged for occ in r.provenance if r.DOI == "10.1/one"} == {2, 4}
    [merge] = merged.report.merges
    assert merge.reason == "same DOI"


def test_a_repeat_without_doi_still_joins_the_one_work_it_matches():
    bare = ref(1, title="Consensus criteria for adult myositis: a review")
    first = ref(2, title="Consensus criteria for adult myositis: a review.", DOI="10.1/one")
    other = ref(3, title="Treatment of juvenile dermatomyositis", DOI="10.1/two")
    merged = dedupe(Bibliography([bare, first, other]))
    assert len(merged) == 2 and merged.report.warnings == []


def test_an_ambiguous_entry_and_its_title_less_repeat_still_merge_with_each_other():
    import itertools

    bare = ref(1, title="Consensus criteria for adult myositis: a review")
    repeat = ref(5, title=None)
    first = ref(2, title="Consensus criteria for adult myositis: a review.", DOI="10.1/one")
    second = ref(3, title="Consensus criteria for adult myositis; a review", DOI="10.1/two")
    for order in itertools.permutations([bare, repeat, first, second]):
        merged = dedupe(Bibliography(list(order)))
        assert sorted(sorted(occ.line_start for occ in r.provenance) for r in merged) == [[1, 5], [2], [3]]
        assert len(merged.report.warnings) == 1


# -- works of every kind (issue 11) --------------------------------------------------------------


def work(line: int, **fields) -> Reference:
    return Reference(provenance=(Occurrence("t.txt", line, line, f"line {line}"),), **fields)


BOOK = dict(type="book", title="Electrodiagnostic medicine", editor=(Name("Dumitru", "D"), Name("Amato", "AA")),
            publisher="Hanley & Belfus", publisher_place="Philadelphia", issued=Date(2002), edition="2nd")  # fmt: skip
CHAPTER = dict(type="chapter", title="Needle electromyography", author=(Name("Dumitru", "D"),),
               editor=BOOK["editor"], container_title="Electrodiagnostic medicine", publisher="Hanley & Belfus",
               issued=Date(2002), page="257-291", page_first="257")  # fmt: skip


def test_a_chapter_is_not_the_book_it_sits_in():
    book, chapter = work(1, **BOOK), work(2, **CHAPTER)
    assert same_work(book, chapter) is None
    assert same_work(book, work(3, **{**CHAPTER, "title": "Electrodiagnostic medicine"})) is None


def test_two_chapters_of_one_book_are_two_works():
    other = {**CHAPTER, "title": "Nerve conduction studies", "page": "123-150", "page_first": "123"}
    assert same_work(work(1, **CHAPTER), work(2, **other)) is None
    same_author = {**other, "page": None, "page_first": None}
    assert same_work(work(1, **{**CHAPTER, "page": None, "page_first": None}), work(2, **same_author)) is None


def test_title_less_repeats_of_a_book_and_a_chapter_merge():
    assert same_work(work(1, **BOOK), work(2, **{**BOOK, "title": None}))[0] == "same first author, publisher and year"
    assert same_work(work(1, **CHAPTER), work(2, **{**CHAPTER, "title": None})) is not None


def test_anonymous_works_merge_by_title_or_by_journal_volume_and_page():
    notice = dict(container_title_short="Lancet", issued=Date(2025, 12), volume="404", page="2542", page_first="2542")
    titled, repeat = work(1, title="Department of Error", notice="erratum", **notice), work(2, **notice)
    assert same_work(titled, repeat)[0] == "same journal, year, volume and first page, no authors"
    assert same_work(titled, work(3, title="Department of Error", **notice))[0].startswith("same title")
    assert same_work(titled, work(4, title="Another correction", **notice)) is None
    assert same_work(repeat, work(5, **{**notice, "volume": "405"})) is None


def test_one_trial_registered_twice_is_two_unsigned_web_pages():
    record = dict(type="webpage", title="Randomised Evaluation of COVID-19 Therapy (RECOVERY)", issued=Date(2020))
    clinicaltrials = work(1, URL="clinicaltrials.gov/ct2/show/NCT04381936", number="NCT04381936", **record)
    isrctn = work(2, URL="www.isrctn.com/ISRCTN50189673", number="ISRCTN50189673", **record)
    assert same_work(clinicaltrials, isrctn) is None
    assert same_work(clinicaltrials, work(3, URL="clinicaltrials.gov/ct2/show/NCT04381936/", **record)) is not None


def test_same_url_and_author_merge_web_pages():
    page = dict(type="webpage", author=(Name(literal="World Health Organization"),), URL="https://who.int/ia2030.pdf")
    found = same_work(work(1, title="Immunization Agenda 2030", **page), work(2, **page))
    assert found[0] == "same URL and first author"
    assert same_work(work(1, **page), work(2, **{**page, "URL": "https://who.int/other"})) is None


def test_a_notice_never_merges_with_the_work_it_is_about():
    article = ref(1)
    reply = ref(2, title="Management of myositis-related interstitial lung disease", notice="reply")
    assert same_work(article, reply) is None
    assert same_work(ref(3, notice="comment", title=None), ref(4, notice="comment", title=None)) is not None


def test_an_entry_printed_twice_in_a_list_merges_and_the_result_is_one_record():
    bib = Bibliography([ref(1), work(2, **BOOK), ref(3), work(4, **CHAPTER), work(5, **BOOK)])
    merged = dedupe(bib)
    assert [[o.line_start for o in r.provenance] for r in merged] == [[1, 3], [2, 5], [4]]
