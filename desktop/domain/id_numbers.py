"""Resident identity card numbers (公民身份号码, GB 11643-1999): 18 characters, a valid birth
date and the ISO 7064 MOD 11-2 check character."""

from __future__ import annotations

from datetime import date

from desktop.domain.messages import Message
from desktop.domain.validators import MAX_YEAR, MIN_YEAR, ValidationError

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
"""The weights of the first 17 digits."""
ID_CHECKS = "10X98765432"
"""The check character by the weighted sum modulo 11."""


def id_check_char(first17: str) -> str:
    """The check character (18th) of the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECKS[total % 11]


def _half_width(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text)


def validate_id_number(value: str, field: str = "id_number") -> str:
    """Normalize and check an 18-character ID number; return it with an uppercase X.

    Refuses with `ValidationError(field, …)`: wrong length, a non-digit, an impossible birth
    date, or a check character that does not match (the commonest slip of copying).
    """
    text = _half_width(value).strip().replace(" ", "").upper()
    if not text:
        raise ValidationError(field, Message("不能为空"))
    if len(text) != 18:
        raise ValidationError(field, Message("应为18位，实际为%n位", n=len(text)))
    for position, char in enumerate(text[:17], 1):
        if not char.isascii() or not char.isdigit():
            raise ValidationError(
                field,
                Message("第{position}位应为数字，实际为“{char}”", position=position, char=char),
            )
    if not (text[17].isascii() and text[17].isdigit()) and text[17] != "X":
        raise ValidationError(field, Message("第18位应为数字或X，实际为“{char}”", char=text[17]))
    year, month, day = int(text[6:10]), int(text[10:12]), int(text[12:14])
    try:
        born = date(year, month, day)
    except ValueError:
        born = None
    if born is None or not MIN_YEAR - 120 <= year <= MAX_YEAR:
        raise ValidationError(
            field, Message("第7-14位的出生日期 {digits} 不是有效日期", digits=text[6:14])
        )
    expected = id_check_char(text[:17])
    if text[17] != expected:
        raise ValidationError(
            field,
            Message(
                "校验位（第18位）应为“{expected}”，实际为“{actual}”，请核对号码是否抄错",
                expected=expected,
                actual=text[17],
            ),
        )
    return text


__all__ = ["ID_CHECKS", "ID_WEIGHTS", "id_check_char", "validate_id_number"]
