"""Quality checks of the bundled question bank and courseware (issue 3)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pytest

from trainer import paths
from trainer.content.bank import ALL_OF_ABOVE, Bank, load_bank, near_duplicates, normalize_stem
from trainer.content.courseware import PROCEDURE_HEADINGS
from trainer.core.questions import BLANK, QType

DOMAINS = ("hr", "health", "housing", "petition", "community")


@cache
def bank() -> Bank:
    return load_bank([paths.question_bank_dir()])


def by_domain(domain: str) -> list:
    return [q for q in bank().questions if q.domain == domain]


def test_bank_validates_without_errors_or_warnings() -> None:
    assert [str(p) for p in bank().problems] == []


def test_size_and_types() -> None:
    qs = bank().questions
    assert len(qs) >= 500
    assert {q.type for q in qs} == set(QType)
    for d in DOMAINS:
        assert len(by_domain(d)) >= 80, d


@pytest.mark.parametrize("domain", DOMAINS)
def test_type_shares_per_domain(domain: str) -> None:
    items = by_domain(domain)
    share = {t: n / len(items) for t, n in Counter(q.type for q in items).items()}
    assert share.get(QType.SINGLE, 0) <= 0.45
    assert share.get(QType.MULTIPLE, 0) >= 0.15
    assert share.get(QType.JUDGE, 0) <= 0.15
    for t in (QType.FILL, QType.ORDERING, QType.CASE):
        assert share.get(t, 0) >= 0.05, t
    assert share.get(QType.MATCHING, 0) >= 0.03
    assert share.get(QType.ESSAY, 0) >= 0.02


@pytest.mark.parametrize("domain", DOMAINS)
def test_single_choice_letters_balanced(domain: str) -> None:
    singles = [q for q in by_domain(domain) if q.type == QType.SINGLE]
    counts = Counter(q.key for q in singles)
    for letter in "ABCD":
        assert 0.15 <= counts[letter] / len(singles) <= 0.35, (letter, counts)


@pytest.mark.parametrize("domain", DOMAINS)
def test_all_of_the_above_is_rare(domain: str) -> None:
    hits = 0
    for q in by_domain(domain):
        if q.type in (QType.SINGLE, QType.MULTIPLE):
            keys = q.key if q.type == QType.MULTIPLE else (q.key,)
            hits += any(ALL_OF_ABOVE.search(q.options["ABCDEFGH".index(k)]) for k in keys)
    assert hits <= 2


def test_every_item_is_complete() -> None:
    for q in bank().questions:
        assert q.explanation and q.basis and q.section and 1 <= q.difficulty <= 5, q.id
        assert q.review in ("reviewed", "approved"), q.id
        if q.type == QType.FILL:
            assert q.stem.count(BLANK) == len(q.key), q.id
        if q.type == QType.ORDERING:
            assert list(q.key) != sorted(q.key), f"{q.id}: ordering options are not scrambled"
        if q.type == QType.CASE:
            assert 2 <= len(q.sub) <= 4, q.id
        if q.type in (QType.SINGLE, QType.MULTIPLE):
            # a distractor explanation that names letters would break when options are shuffled
            assert len(q.options) >= 4, q.id


def test_no_duplicate_or_near_duplicate_stems() -> None:
    qs = bank().questions
    keys = Counter((q.type, normalize_stem(q.stem + "".join(q.options))) for q in qs)
    assert [k for k, n in keys.items() if n > 1] == []
    assert near_duplicates(qs, threshold=0.8) == []


def test_rules_cited_and_registered() -> None:
    b = bank()
    cited = {basis.rule for q in b.questions for basis in q.basis}
    assert cited <= set(b.rules)
    assert set(b.rules) <= cited, set(b.rules) - cited
    for rule in b.rules.values():
        if rule.status == "superseded":
            assert rule.superseded_by in b.rules


def test_historical_items_name_their_version() -> None:
    for q in bank().questions:
        superseded = [b.rule for b in q.basis if bank().rules[b.rule].status == "superseded"]
        if superseded:
            assert q.historical, q.id
        if q.historical:  # the version asked about is named where the candidate reads it
            assert re.search(r"\d{4}", q.stem + "".join(q.left) + "".join(q.options)), q.id


def test_residents_committee_size_uses_the_2025_law() -> None:
    """居委会 size: "100 至 700 户" is only right when an item explicitly asks about the 2018 text."""
    for q in bank().questions:
        text = q.stem + "".join(q.options)
        keys = q.key if q.type == QType.MULTIPLE else (q.key,) if q.type == QType.SINGLE else ()
        correct = "".join(q.options["ABCDEFGH".index(k)] for k in keys)
        if re.search(r"一百户至七百户|100\s*至\s*700", correct):
            assert q.historical and "2018" in text, q.id


def test_courseware_chapters() -> None:
    chapters = bank().chapters
    assert len(chapters) >= 25
    per_domain = Counter(c.domain for c in chapters.values())
    assert all(per_domain[d] >= 5 for d in DOMAINS), per_domain
    items_per_chapter = Counter(q.section for q in bank().questions)
    for c in chapters.values():
        assert items_per_chapter[c.id] > 0, c.id
        assert c.rules, c.id
        if c.kind == "procedure":
            assert [h for h in c.headings if h in PROCEDURE_HEADINGS] == list(PROCEDURE_HEADINGS), c.id
        assert len(re.findall(r"[\u4e00-\u9fff]", c.body)) >= 600, c.id
