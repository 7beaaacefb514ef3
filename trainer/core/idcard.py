"""中华人民共和国居民身份证号码 (GB 11643-1999): check digit, birth date, masking."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^[1-9]\d{16}[\dX]$")


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize(number: str) -> str:
    return number.strip().replace(" ", "").upper().replace("ｘ", "X").replace("Ｘ", "X")


def problem(number: str) -> str | None:
    """None if valid, else a Chinese reason."""
    n = normalize(number)
    if len(n) != 18:
        return f"身份证号码应为 18 位，现为 {len(n)} 位"
    if not _SHAPE.match(n):
        return "身份证号码格式不对：前 17 位应为数字，最后一位为数字或 X"
    try:
        born = date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return f"身份证号码中的出生日期 {n[6:14]} 不存在"
    if born.year < 1900:
        return f"身份证号码中的出生年份 {born.year} 不合理"
    expected = check_digit(n[:17])
    if n[17] != expected:
        return f"身份证号码校验位错误（最后一位应为 {expected}）"
    return None


def is_valid(number: str) -> bool:
    return problem(number) is None


def birth_date(number: str) -> date:
    n = normalize(number)
    return date(int(n[6:10]), int(n[10:12]), int(n[12:14]))


def mask(number: str) -> str:
    """Shown in lists and exports for people who need not see the full number: 2108**********123X."""
    n = normalize(number)
    return n[:4] + "*" * (len(n) - 8) + n[-4:] if len(n) > 8 else "*" * len(n)


def make(area: str, born: date, sequence: int) -> str:
    """Build a valid number (demo data and tests)."""
    first17 = f"{area}{born:%Y%m%d}{sequence % 1000:03d}"
    return first17 + check_digit(first17)
