from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.core.itemstats import ChoiceKey, Observation, analyze


def attempts_for(n: int) -> list[dict[str, Observation]]:
    """n attempts with rising ability: 'good' follows ability, 'easy' all right, 'hard' all wrong,
    'inverse' right only for the weakest."""
    result = []
    for k in range(n):
        strong = k >= n // 2
        result.append({
            "good": Observation(1.0 if strong else 0.0, 1.0, ("A",) if strong else ("B",)),
            "easy": Observation(2.0, 2.0, ("C",)),
            "hard": Observation(0.0, 1.0, ("B",)),
            "inverse": Observation(0.0 if k >= n // 4 else 1.0, 1.0),
            "filler": Observation(float(k), float(n)),
        })
    return result


def test_indices_and_flags() -> None:
    stats = analyze(attempts_for(40), {"good": ChoiceKey(4, ("A",)), "easy": ChoiceKey(3, ("C",))})
    good = stats["good"]
    assert good.n == 40 and good.p == 0.5
    assert good.discrimination == 1.0 and good.point_biserial is not None and good.point_biserial > 0.8
    assert good.option_counts == (("A", 20), ("B", 20), ("C", 0), ("D", 0))
    assert good.flags == ("unused_distractor",)
    assert set(stats["easy"].flags) == {"too_easy", "low_discrimination", "unused_distractor"}
    assert stats["easy"].point_biserial is None  # no variance
    assert set(stats["hard"].flags) == {"too_hard", "low_discrimination"}
    inverse = stats["inverse"]
    assert inverse.discrimination is not None and inverse.discrimination < 0
    assert "low_discrimination" in inverse.flags
    assert stats["good"].flag_labels_zh() == ("有干扰项无人选择",)


def test_items_on_different_forms_and_tiny_samples() -> None:
    attempts = [{"a": Observation(1, 1)}, {"b": Observation(0, 1)},
                {"a": Observation(0, 1), "b": Observation(1, 1)}]
    stats = analyze(attempts)
    assert stats["a"].n == 2 and stats["a"].p == 0.5
    assert analyze([{"x": Observation(1, 1)}])["x"].discrimination is None
    assert analyze([]) == {}


@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]),
                                st.integers(0, 4).map(lambda s: Observation(float(s), 4.0)), min_size=1),
                max_size=30))
def test_statistics_are_bounded(attempts: list[dict[str, Observation]]) -> None:
    for s in analyze(attempts).values():
        assert 0 <= s.p <= 1
        assert s.discrimination is None or -1 <= s.discrimination <= 1
        assert s.point_biserial is None or -1 <= s.point_biserial <= 1
