import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.core import answers


@pytest.mark.parametrize("raw", ["ABD", "A,B,D", "Ａ、Ｂ、Ｄ", " a b d ", "D,A,B", "A；B；D"])
def test_multiple_answers_as_spreadsheets_write_them(raw: str) -> None:
    assert answers.parse_multiple(raw, 4) == ("A", "B", "D")


@pytest.mark.parametrize("raw,expected", [("正确", True), ("对", True), ("√", True), ("T", True), ("错误", False), ("×", False), ("F", False), (False, False)])
def test_judge_words(raw: object, expected: bool) -> None:
    assert answers.parse_judge(raw) is expected


def test_letter_outside_options_is_rejected_with_reason() -> None:
    with pytest.raises(ValueError, match="E"):
        answers.parse_single("E", 4)


def test_ordering_must_use_each_option_once() -> None:
    assert answers.parse_ordering("C,A,B", 3) == ("C", "A", "B")
    with pytest.raises(ValueError):
        answers.parse_ordering("C,A", 3)


def test_matching_pairs() -> None:
    assert answers.parse_matching("2-A, 1-B，3：C", 3, 4) == ((1, "B"), (2, "A"), (3, "C"))
    with pytest.raises(ValueError, match="缺少"):
        answers.parse_matching("1-B", 2, 3)


@given(st.permutations("ABCDEFGH"[:6]), st.sampled_from([",", "", "、", " "]))
def test_ordering_round_trips_any_permutation(perm: list[str], sep: str) -> None:
    assert answers.parse_ordering(sep.join(perm), 6) == tuple(perm)
