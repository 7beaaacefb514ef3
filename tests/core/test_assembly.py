from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.assembly import (
    AssemblyIndex, BlueprintShortage, ItemInfo, Mode, PaperForm, PaperItem, assemble, bank_letter,
    display_letter, shuffle_for_candidate,
)
from trainer.core.blueprint import Blueprint, PassRule, Section
from trainer.core.errors import InfeasibleBlueprint
from trainer.core.neardup import cluster_near_duplicates, near_duplicate_key, normalize_stem, similarity
from trainer.core.questions import Basis, QType, Question

MODES: list[Mode] = ["exam", "practice"]
CELLS = [("hr", QType.SINGLE), ("hr", QType.MULTIPLE), ("petition", QType.ORDERING), ("health", QType.JUDGE)]


def bank_of(n_per_cell: int) -> list[ItemInfo]:
    """Every cell of CELLS with n items, difficulties cycling 1..5."""
    return [ItemInfo(f"{d}-{t}-{i:03d}", d, t, difficulty=1 + i % 5, n_options=4)
            for d, t in CELLS for i in range(n_per_cell)]


def bp_of(*sections: Section, never_together: tuple[tuple[str, ...], ...] = ()) -> Blueprint:
    return Blueprint("测试卷", 60, PassRule(60, 50), tuple(sections), never_together=never_together)


@st.composite
def banks(draw: st.DrawFn) -> list[ItemInfo]:
    n = draw(st.integers(0, 60))
    items = []
    for i in range(n):
        d, t = draw(st.sampled_from(CELLS))
        items.append(ItemInfo(
            f"item-{i:03d}", d, t, difficulty=draw(st.integers(1, 5)),
            tags=tuple(draw(st.lists(st.sampled_from(["甲", "乙", "丙"]), max_size=2, unique=True))),
            group=draw(st.sampled_from(["", "", "", "g1", "g2", "g3"])),
            visibility=draw(st.sampled_from(["practice", "practice", "exam"])),
            rules=tuple(draw(st.lists(st.sampled_from(["law-a", "law-b"]), max_size=1))),
            cluster=draw(st.sampled_from(["", "", "", "c1", "c2"])),
            n_options=4,
        ))
    return items


@st.composite
def blueprints(draw: st.DrawFn) -> Blueprint:
    sections = []
    for _ in range(draw(st.integers(1, 4))):
        d, t = draw(st.sampled_from(CELLS))
        lo = draw(st.integers(1, 5))
        diff = draw(st.none() | st.just((lo, draw(st.integers(lo, 5)))))
        sections.append(Section(d, t, draw(st.integers(1, 4)), 1.0, diff,
                                tags=tuple(draw(st.lists(st.sampled_from(["甲", "乙"]), max_size=1))),
                                rules=tuple(draw(st.lists(st.just("law-a"), max_size=1)))))
    return bp_of(*sections)


def matches(item: ItemInfo, s: Section) -> bool:
    lo, hi = s.difficulty or (1, 5)
    return (item.domain == s.domain and item.type == s.type and lo <= item.difficulty <= hi
            and (not s.tags or bool(set(s.tags) & set(item.tags)))
            and (not s.rules or bool(set(s.rules) & set(item.rules))))


def check_form(form: PaperForm, bank: list[ItemInfo], bp: Blueprint, mode: str, exclude: set[str]) -> None:
    by_id = {i.id: i for i in bank}
    ids = form.item_ids
    assert len(ids) == len(set(ids)), "an item appears twice"
    assert Counter(p.section for p in form.items) == Counter({n: s.count for n, s in enumerate(bp.sections)})
    for p in form.items:
        item = by_id[p.item_id]
        assert matches(item, bp.sections[p.section])
        assert p.points == bp.sections[p.section].points
        assert item.id not in exclude
        if mode == "practice":
            assert item.visibility != "exam"
    for attr in ("group", "cluster"):
        values = [getattr(by_id[i], attr) for i in ids if getattr(by_id[i], attr)]
        assert len(values) == len(set(values)), f"{attr} twice in one paper"
    for together in bp.never_together:
        assert len(set(together) & set(ids)) <= 1
    assert [p.section for p in form.items] == sorted(p.section for p in form.items)


@settings(max_examples=100)
@given(banks(), blueprints(), st.integers(0, 2**32), st.sampled_from(MODES), st.randoms())
def test_assembly_properties(bank: list[ItemInfo], bp: Blueprint, seed: int, mode: Mode, rnd: random.Random
                             ) -> None:
    exclude = {i.id for i in bank[::7]}
    try:
        forms = assemble(bank, bp, seed=seed, forms=2, exclude_ids=exclude, mode=mode)
    except InfeasibleBlueprint as e:
        assert isinstance(e, BlueprintShortage) and e.shortages
        for s in e.shortages:
            assert 0 <= s.available < s.needed == bp.sections[s.section].count
            assert f"缺 {s.missing} 题" in str(e)
        return
    assert len(forms) == 2
    for form in forms:
        check_form(form, bank, bp, mode, exclude)
    shuffled = bank[:]
    rnd.shuffle(shuffled)
    again = assemble(shuffled, bp, seed=seed, forms=2, exclude_ids=exclude, mode=mode)
    assert again == forms
    index = AssemblyIndex(shuffled)
    assert assemble(index, bp, seed=seed, forms=2, exclude_ids=exclude, mode=mode) == forms


@settings(max_examples=60)
@given(st.integers(1, 5), st.integers(1, 4), st.integers(0, 10), st.integers(0, 2**32))
def test_forms_overlap_is_minimal(forms: int, count: int, spare: int, seed: int) -> None:
    """With m items per cell: disjoint forms while m allows, else usage differs by at most one."""
    m = count + spare
    bank = [ItemInfo(f"hr-{i:03d}", "hr", QType.SINGLE, 3) for i in range(m)]
    bp = bp_of(Section("hr", QType.SINGLE, count, 1.0))
    papers = assemble(bank, bp, seed=seed, forms=forms)
    usage = Counter(i for p in papers for i in p.item_ids)
    if m >= forms * count:
        assert max(usage.values()) == 1
    else:
        counts = [usage.get(i.id, 0) for i in bank]
        assert max(counts) - min(counts) <= 1


def test_first_form_does_not_depend_on_form_count() -> None:
    bank = bank_of(30)
    bp = bp_of(Section("hr", QType.SINGLE, 5, 1.0), Section("petition", QType.ORDERING, 2, 3.0))
    assert assemble(bank, bp, seed=7)[0] == assemble(bank, bp, seed=7, forms=3)[0]
    assert assemble(bank, bp, seed=7)[0] != assemble(bank, bp, seed=8)[0]
    assert assemble(bank, bp, seed="会话-1") == assemble(bank, bp, seed="会话-1")


def test_shortage_message_names_cells_and_amounts() -> None:
    bank = bank_of(10)  # per cell: difficulties 1..5 twice each
    bp = bp_of(
        Section("hr", QType.SINGLE, 10, 1.0, (2, 4)),  # 6 available
        Section("petition", QType.ORDERING, 1, 3.0),  # fine
        Section("community", QType.CASE, 2, 5.0),  # none
    )
    with pytest.raises(BlueprintShortage) as info:
        assemble(bank, bp, seed=1)
    text = str(info.value)
    assert "人社 / 单选题 / 难度2–4：需要 10 题，可用 6 题，缺 4 题" in text
    assert "民政与社区治理 / 案例题：需要 2 题，可用 0 题，缺 2 题" in text
    assert "信访" not in text
    assert [s.section for s in info.value.shortages] == [0, 2]


def test_recently_seen_items_are_excluded_or_explained() -> None:
    bank = bank_of(10)
    bp = bp_of(Section("hr", QType.SINGLE, 6, 1.0))
    seen = [f"hr-single-{i:03d}" for i in range(4)]
    paper = assemble(bank, bp, seed=3, exclude_ids=seen)[0]
    assert not set(paper.item_ids) & set(seen)
    with pytest.raises(BlueprintShortage) as info:
        assemble(bank, bp, seed=3, exclude_ids=[f"hr-single-{i:03d}" for i in range(6)])
    assert "需要 6 题，可用 4 题，缺 2 题（另有 6 题因近期做过而排除）" in str(info.value)


def test_exam_only_items_only_in_exams() -> None:
    bank = [ItemInfo(f"hr-{i}", "hr", QType.SINGLE, visibility="exam" if i < 5 else "practice")
            for i in range(8)]
    bp = bp_of(Section("hr", QType.SINGLE, 8, 1.0))
    assert len(assemble(bank, bp, seed=1, mode="exam")[0].items) == 8
    with pytest.raises(BlueprintShortage, match="可用 3 题"):
        assemble(bank, bp, seed=1, mode="practice")
    bp3 = bp_of(Section("hr", QType.SINGLE, 3, 1.0))
    for seed in range(20):
        ids = assemble(bank, bp3, seed=seed, mode="practice")[0].item_ids
        assert set(ids) == {"hr-5", "hr-6", "hr-7"}


def test_never_together_groups_and_explicit_sets() -> None:
    bank = [ItemInfo(f"hr-{i}", "hr", QType.SINGLE, group="g" if i < 3 else "") for i in range(5)]
    bp = bp_of(Section("hr", QType.SINGLE, 3, 1.0))
    for seed in range(20):
        ids = assemble(bank, bp, seed=seed)[0].item_ids
        assert {"hr-3", "hr-4"} <= set(ids) and len({"hr-0", "hr-1", "hr-2"} & set(ids)) == 1
    with pytest.raises(BlueprintShortage):
        assemble(bank, bp_of(Section("hr", QType.SINGLE, 4, 1.0)), seed=1)
    plain = [ItemInfo(f"hr-{i}", "hr", QType.SINGLE) for i in range(3, 7)]
    bp_explicit = bp_of(Section("hr", QType.SINGLE, 3, 1.0), never_together=(("hr-3", "hr-4"),))
    for seed in range(20):
        ids = set(assemble(plain, bp_explicit, seed=seed)[0].item_ids)
        assert {"hr-5", "hr-6"} <= ids and len({"hr-3", "hr-4"} & ids) == 1
    with pytest.raises(BlueprintShortage):
        four = bp_of(Section("hr", QType.SINGLE, 4, 1.0), never_together=(("hr-3", "hr-4"),))
        assemble(plain, four, seed=1)


def test_narrow_sections_are_served_before_broad_ones() -> None:
    bank = [ItemInfo(f"hr-{i}", "hr", QType.SINGLE, tags=("低保",) if i < 2 else ()) for i in range(6)]
    bp = bp_of(Section("hr", QType.SINGLE, 4, 1.0), Section("hr", QType.SINGLE, 2, 1.0, tags=("低保",)))
    for seed in range(30):
        form = assemble(bank, bp, seed=seed)[0]
        assert {p.item_id for p in form.items if p.section == 1} == {"hr-0", "hr-1"}


def test_items_are_pinned_to_versions_and_review_state_filters() -> None:
    q = Question("hr-a", QType.SINGLE, "领取失业保险金的条件？", "hr", ("甲", "乙"), "A", difficulty=2,
                 basis=(Basis("law-a", "第一条"),), review="reviewed")
    info = ItemInfo.from_question(q)
    assert info.version == q.content_hash and info.rules == ("law-a",) and info.n_options == 2
    assert info.cluster == near_duplicate_key(q.stem)
    paper = assemble([info], bp_of(Section("hr", QType.SINGLE, 1, 1.0)), seed=0)[0]
    assert paper.items[0] == PaperItem("hr-a", q.content_hash, 0, "hr", QType.SINGLE, 1.0, 2)
    retired = ItemInfo("hr-b", "hr", QType.SINGLE, review="retired")
    with pytest.raises(BlueprintShortage):
        assemble([retired], bp_of(Section("hr", QType.SINGLE, 1, 1.0)), seed=0)


def test_duplicate_ids_in_bank_are_rejected() -> None:
    with pytest.raises(ValueError):
        AssemblyIndex([ItemInfo("a", "hr", QType.SINGLE), ItemInfo("a", "hr", QType.JUDGE)])


def test_near_duplicates_never_share_a_paper() -> None:
    stems = {"hr-1": "领取失业保险金，累计缴费至少应满（　）。", "hr-2": "领取失业保险金,累计缴费至少应满(  )",
             "hr-3": "用人单位应当自用工之日起多少日内办理社会保险登记？"}
    clusters = cluster_near_duplicates(stems)
    assert clusters == {"hr-1": "hr-1", "hr-2": "hr-1", "hr-3": "hr-3"}
    bank = [ItemInfo(i, "hr", QType.SINGLE, cluster=clusters[i]) for i in stems]
    for seed in range(10):
        ids = assemble(bank, bp_of(Section("hr", QType.SINGLE, 2, 1.0)), seed=seed)[0].item_ids
        assert "hr-3" in ids


# --- shuffles --------------------------------------------------------------------------------------

def _paper(shuffle_items: bool = True, shuffle_options: bool = True) -> PaperForm:
    items = tuple(PaperItem(f"s{i}", "", 0, "hr", QType.SINGLE, 1.0, 4) for i in range(6)) + (
        PaperItem("j0", "", 1, "hr", QType.JUDGE, 1.0, 0),
        PaperItem("o0", "", 2, "hr", QType.ORDERING, 2.0, 5),
        PaperItem("m0", "", 3, "hr", QType.MATCHING, 2.0, 4),
        PaperItem("s9", "", 4, "health", QType.SINGLE, 1.0, 3),
    )
    return PaperForm("x", 1, 0, "exam", items, shuffle_items, shuffle_options)


def test_candidate_shuffle_is_seeded_and_valid() -> None:
    paper = _paper()
    a = shuffle_for_candidate(paper, "c-1")
    assert a == shuffle_for_candidate(paper, "c-1")
    assert a != shuffle_for_candidate(paper, "c-2")
    assert sorted(x.item_id for x in a) == sorted(paper.item_ids)
    types = [next(p.type for p in paper.items if p.item_id == x.item_id) for x in a]
    assert types == sorted(types, key=[QType.SINGLE, QType.JUDGE, QType.ORDERING, QType.MATCHING].index)
    for x in a:
        n = next(p.n_options for p in paper.items if p.item_id == x.item_id)
        assert sorted(x.permutation) == list(range(n))


def test_no_shuffle_keeps_order_but_ordering_options_always_shuffle() -> None:
    paper = _paper(False, False)
    seen_ordering = set()
    for c in range(30):
        res = shuffle_for_candidate(paper, c)
        assert [x.item_id for x in res] == ["s0", "s1", "s2", "s3", "s4", "s5", "s9", "j0", "o0", "m0"]
        for x in res:
            if x.item_id == "o0":
                seen_ordering.add(x.permutation)
            elif x.permutation:
                assert x.permutation == tuple(range(len(x.permutation)))
    assert len(seen_ordering) > 5


@given(st.permutations(list(range(6))), st.sampled_from("ABCDEF"))
def test_letter_mapping_round_trips(perm: list[int], letter: str) -> None:
    assert bank_letter(perm, display_letter(perm, letter)) == letter
    assert display_letter(perm, bank_letter(perm, letter)) == letter
    assert bank_letter((), letter) == letter


# --- near-duplicate helpers ---------------------------------------------------------------------

def test_normalize_stem_folds_width_case_space_and_punctuation() -> None:
    assert normalize_stem("ＡＢｃ　１２，（　）____ 。x") == "abc12x"
    assert similarity("失业保险金领取条件", "失业保险金领取条件。") == 1.0
    assert similarity("失业保险金领取条件", "医疗保险报销比例") == 0.0


@settings(max_examples=80)
@given(st.dictionaries(st.text("abcd", min_size=1, max_size=4).map(lambda s: "id-" + s),
                       st.text("甲乙丙丁戊", max_size=8), max_size=12),
       st.sampled_from([0.5, 0.7, 0.8, 1.0]))
def test_clustering_equals_brute_force(stems: dict[str, str], threshold: float) -> None:
    clusters = cluster_near_duplicates(stems, threshold)
    parent = {i: i for i in stems}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x
    for a, b in combinations(sorted(stems), 2):
        na, nb = normalize_stem(stems[a]), normalize_stem(stems[b])
        if na and nb and similarity(stems[a], stems[b]) >= threshold - 1e-12:
            ra, rb = sorted((find(a), find(b)))
            parent[rb] = ra
    expected = {i: min(j for j in stems if find(j) == find(i)) for i in stems}
    assert clusters == expected


def test_clustering_rejects_bad_threshold() -> None:
    with pytest.raises(ValueError):
        cluster_near_duplicates({}, 0)


@settings(max_examples=80)
@given(banks(), blueprints(), st.integers(0, 2**32))
def test_single_section_is_feasible_exactly_when_enough_items(bank: list[ItemInfo], bp: Blueprint, seed: int
                                                               ) -> None:
    """Without conflicts, a one-section blueprint fails exactly when too few items match."""
    bank = [ItemInfo(i.id, i.domain, i.type, i.difficulty, i.tags, rules=i.rules) for i in bank]
    s = bp.sections[0]
    eligible = sum(1 for i in bank if matches(i, s))
    try:
        form = assemble(bank, bp_of(s), seed=seed)[0]
    except BlueprintShortage as e:
        assert eligible < s.count
        assert e.shortages[0].available == eligible
    else:
        assert eligible >= s.count and len(form.items) == s.count
