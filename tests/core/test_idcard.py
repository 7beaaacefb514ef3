from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from trainer.core import idcard


def test_known_valid_number() -> None:
    # The worked example of GB 11643-1999 (check character X).
    assert idcard.is_valid("11010519491231002X")
    assert idcard.birth_date("11010519491231002X") == date(1949, 12, 31)


def test_wrong_check_digit_is_named() -> None:
    reason = idcard.problem("110105194912310021")
    assert reason is not None and "校验位" in reason and "X" in reason


def test_bad_date_and_length() -> None:
    assert "出生日期" in (idcard.problem(idcard.make("210802", date(1990, 1, 1), 1)[:10] + "0230" + "0011") or "")
    assert "18 位" in (idcard.problem("12345") or "")


def test_mask_keeps_only_ends() -> None:
    assert idcard.mask("11010519491231002X") == "1101**********002X"


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 12, 31)), st.integers(0, 999))
def test_made_numbers_validate_and_any_single_digit_change_is_caught(born: date, seq: int) -> None:
    number = idcard.make("210804", born, seq)
    assert idcard.is_valid(number)
    # MOD 11-2 detects every single-character substitution in the body.
    for pos in range(14, 17):
        digit = int(number[pos])
        changed = number[:pos] + str((digit + 1) % 10) + number[pos + 1 :]
        assert not idcard.is_valid(changed)


def test_lower_case_and_full_width_x_are_normalised() -> None:
    assert idcard.is_valid("11010519491231002x")
    assert idcard.is_valid("11010519491231002Ｘ")
