"""Property-based round trips: write, read back, compare every field the format carries."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from fmt_strategies import normalise, questions

from trainer.core.questions import QType, Question
from trainer.formats import registry

SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def unique_ids(qs: list[Question]) -> bool:
    return len({q.id for q in qs}) == len(qs)


def banks(types=tuple(t for t in QType if t != QType.CASE), qfilter=lambda q: True):  # type: ignore[no-untyped-def]
    return st.lists(questions(types).filter(qfilter), min_size=1, max_size=6).filter(unique_ids)


def roundtrip(code: str, qs: list[Question]) -> list[Question]:
    fmt = registry.get(code)
    data = fmt.write(qs, title="测试")
    result = fmt.read(data, f"x.{code}")
    assert result.errors == [], [str(p) for p in result.errors]
    return result.questions


@SLOW
@given(banks(tuple(QType)))
def test_xlsx_round_trip_keeps_everything(qs: list[Question]) -> None:
    back = roundtrip("xlsx", qs)
    assert [q.to_data() for q in back] == [replace(q, review="draft").to_data() | {
        "sub": [s.content_data() | {"explanation": s.explanation} for s in q.sub]} for q in qs]


@SETTINGS
@given(banks(tuple(QType)))
def test_csv_round_trip_keeps_everything(qs: list[Question]) -> None:
    back = roundtrip("csv", qs)
    assert [q.to_data() for q in back] == [replace(q, review="draft").to_data() for q in qs]


@SETTINGS
@given(banks((QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.FILL, QType.MATCHING, QType.ESSAY),
             lambda q: not (q.type == QType.FILL and len(q.key) > 1)
             and not (q.type == QType.MULTIPLE and not q.scoring.weights)
             and not (q.type == QType.FILL and any(w.isupper() and w in ("T", "F") for b in q.key for w in b.accepted))
             and not (q.type == QType.MATCHING and any("->" in x for x in q.left + q.right))))
def test_gift_round_trip(qs: list[Question]) -> None:
    back = roundtrip("gift", qs)
    carried = {"scoring", "explanation", "domain"}
    expect = [normalise(replace(q, key="") if q.type == QType.ESSAY else q, carried=carried) for q in qs]
    assert [normalise(q, carried=carried) for q in back] == expect
    assert [q.id for q in back] == [q.id for q in qs]


@SETTINGS
@given(banks((QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.FILL, QType.MATCHING, QType.ESSAY,
              QType.ORDERING), lambda q: not (q.type == QType.MULTIPLE and not q.scoring.weights)))
def test_moodlexml_round_trip(qs: list[Question]) -> None:
    back = roundtrip("moodlexml", qs)
    carried = {"scoring", "explanation", "domain", "tags", "id", "title", "rubric"}
    assert [normalise(q, carried=carried) for q in back] == [normalise(q, carried=carried) for q in qs]


@SETTINGS
@given(banks((QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.FILL, QType.MATCHING, QType.ESSAY,
              QType.ORDERING)))
def test_qti_round_trip(qs: list[Question]) -> None:
    back = roundtrip("qti", qs)
    carried = {"scoring", "explanation", "id", "title", "option_order"}
    assert [normalise(q, carried=carried) for q in back] == [normalise(q, carried=carried) for q in qs]


@SETTINGS
@given(banks((QType.SINGLE, QType.JUDGE), lambda q: "\n" not in q.stem))
def test_aiken_round_trip(qs: list[Question]) -> None:
    back = roundtrip("aiken", qs)
    assert [normalise(q, carried=set()) for q in back] == [normalise(q, carried=set()) for q in qs]


@SLOW
@given(banks(tuple(QType)))
def test_export_summary_counts_what_is_written(qs: list[Question]) -> None:
    for code in ("gift", "moodlexml", "qti", "aiken", "xlsx", "csv"):
        fmt = registry.get(code)
        summary = fmt.export_summary(qs)
        back = fmt.read(fmt.write(qs), f"x.{code}")
        assert summary.count == len(back.questions), (code, back.errors)
        if any(q.basis for q in qs) and code not in ("xlsx", "csv"):
            assert any("依据" in x or "未导出" in x for x in summary.lost)


@SLOW
@given(banks(tuple(QType)))
def test_importing_twice_gives_the_same_ids(qs: list[Question]) -> None:
    for code in ("gift", "aiken", "xlsx"):
        fmt = registry.get(code)
        data = fmt.write([replace(q, id="", title="") for q in qs])
        a, b = fmt.read(data, "a"), fmt.read(data, "a")
        assert [q.id for q in a.questions] == [q.id for q in b.questions]
        assert len({q.id for q in a.questions}) == len(a.questions)
