"""Input validation and masking for form fields: credit codes, phones, dates, free text.

Every validator normalizes what it accepts and raises :class:`ValidationError` (a
``ValueError``) with a Chinese message naming the field when it refuses the input.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone

from desktop.domain.fields import field_label
from desktop.domain.messages import N_, Label, Message
from desktop.domain.timeutil import CHINA_TZ, to_china

__all__ = [
    "CREDIT_CODE_CHARSET",
    "CREDIT_CODE_WEIGHTS",
    "MAX_YEAR",
    "MIN_YEAR",
    "SERVICE_NUMBERS",
    "ValidationError",
    "credit_code_check_char",
    "mask_name",
    "mask_phone",
    "parse_date",
    "parse_datetime",
    "require_text",
    "to_half_width",
    "validate_credit_code",
    "validate_phone",
]


class ValidationError(ValueError):
    """A user input was refused; ``field`` is the payload key, ``message`` the reason."""

    def __init__(self, field: str, message: str) -> None:
        self.text = Message("{field}：{message}", field=Label(field_label(field)), message=message)
        super().__init__(self.text)
        self.field = field
        self.message = message

    @property
    def label(self) -> str:
        """The Chinese label of the field, as a clerk reads it."""
        return field_label(self.field)

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, str]]:
        return (type(self), (self.field, self.message))


# --------------------------------------------------------------------------- helpers

_EMPTY = N_("不能为空")


def to_half_width(text: str) -> str:
    """Fold full-width ASCII (U+FF01..U+FF5E) and the ideographic space to half-width."""
    out = []
    for char in text:
        code = ord(char)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif code == 0x3000:
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _describe_char(char: str) -> str:
    """Name a character for a message: quoted when printable, by code point otherwise."""
    if char == " ":
        return Message("空格")
    if char.isspace() or not char.isprintable():
        return Message("不可见字符（U+{code}）", code=f"{ord(char):04X}")
    return Message("“{char}”", char=char)


def _upper_ascii(text: str) -> str:
    """Uppercase a-z only, so non-ASCII letters cannot change the length."""
    return "".join(c.upper() if "a" <= c <= "z" else c for c in text)


# --------------------------------------------------------------------------- credit code

_CREDIT_FIELD = "subject_credit_code"

CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters allowed in a unified social credit code (GB 32100-2015)."""

CREDIT_CODE_WEIGHTS: tuple[int, ...] = tuple(pow(3, i, 31) for i in range(17))
"""Weights of positions 1-17 for the check character: 3**i mod 31."""

_CREDIT_VALUES = {char: index for index, char in enumerate(CREDIT_CODE_CHARSET)}
_REGISTRATION_AUTHORITIES = frozenset("123456789ANY")
_FORBIDDEN_LETTERS = frozenset("IOSVZ")


def _bad_credit_char(field: str, position: int, char: str) -> ValidationError:
    """The error for a character outside the credit-code charset at a 1-based position."""
    if char in _FORBIDDEN_LETTERS:
        reason = Message(
            "第{position}位字符“{char}”无效：统一社会信用代码不使用字母I、O、S、V、Z",
            position=position,
            char=char,
        )
    else:
        reason = Message(
            "第{position}位字符{char}无效：只能是数字0-9或除I、O、S、V、Z以外的大写字母",
            position=position,
            char=_describe_char(char),
        )
    return ValidationError(field, reason)


def credit_code_check_char(first17: str) -> str:
    """Return the GB 32100-2015 check character for the first 17 characters of a credit code."""
    if len(first17) != 17:
        raise ValidationError(
            _CREDIT_FIELD, Message("计算校验位需要前17位，实际为%n位", n=len(first17))
        )
    total = 0
    for position, (char, weight) in enumerate(zip(first17, CREDIT_CODE_WEIGHTS, strict=True), 1):
        value = _CREDIT_VALUES.get(char)
        if value is None:
            raise _bad_credit_char(_CREDIT_FIELD, position, char)
        total += value * weight
    # 31 - (total mod 31), where 31 maps to '0'; that is exactly (-total) mod 31.
    return CREDIT_CODE_CHARSET[-total % 31]


def validate_credit_code(value: str, field: str = _CREDIT_FIELD) -> str:
    """Normalize and check an 18-character unified social credit code; return it uppercased."""
    code = _upper_ascii(to_half_width(value).strip())
    if not code:
        raise ValidationError(field, Message(_EMPTY))
    if len(code) != 18:
        raise ValidationError(field, Message("应为18位，实际为%n位", n=len(code)))
    for position, char in enumerate(code, 1):
        if char not in _CREDIT_VALUES:
            raise _bad_credit_char(field, position, char)
    if code[0] not in _REGISTRATION_AUTHORITIES:
        raise ValidationError(
            field,
            Message("第1位（登记管理部门代码）应为1-9、A、N或Y，实际为“{char}”", char=code[0]),
        )
    for position in range(3, 9):
        char = code[position - 1]
        if not "0" <= char <= "9":
            raise ValidationError(
                field,
                Message(
                    "第3-8位（登记管理机关行政区划码）应为数字，第{position}位却是“{char}”",
                    position=position,
                    char=char,
                ),
            )
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise ValidationError(
            field,
            Message(
                "校验位（第18位）应为“{expected}”，实际为“{actual}”，请核对整个代码是否抄错",
                expected=expected,
                actual=code[17],
            ),
        )
    return code


# --------------------------------------------------------------------------- phones

_PHONE_FIELD = "phone"

SERVICE_NUMBERS = frozenset({"110", "119", "120", "12315", "12320", "12345", "12350", "12369"})
"""Short emergency and government-service numbers accepted as a contact phone."""

_SEPARATORS = frozenset(" -()‐‑–—")
_EXTENSION_MARKERS = re.compile(r"转|分机|ext|[x#]", re.IGNORECASE)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_SHORT_LIST = tuple(sorted(SERVICE_NUMBERS, key=lambda n: (len(n), n)))


def _split_landline(digits: str) -> tuple[str, str] | None:
    """Split 0-prefixed digits into (area code with 0, local number), or None if impossible."""
    if len(digits) < 2 or digits[0] != "0":
        return None
    # Two-digit area codes (010, 020-029) start with 1 or 2; all others have three digits.
    area_len = 3 if digits[1] in "12" else 4
    area, local = digits[:area_len], digits[area_len:]
    if area_len == 3 and area[1] == "1" and area != "010":
        return None
    if not 7 <= len(local) <= 8 or local[0] in "01":
        return None
    return area, local


def validate_phone(value: str, field: str = _PHONE_FIELD) -> str:
    """Check a mobile, landline or known short number; return its normalized form."""
    text = to_half_width(value).strip()
    if not text:
        raise ValidationError(field, Message(_EMPTY))
    if _EXTENSION_MARKERS.search(text):
        raise ValidationError(field, Message("不支持分机号，请只填写总机号码"))
    has_plus = False
    groups: list[str] = []
    current: list[str] = []
    for char in text:
        if "0" <= char <= "9":
            current.append(char)
        elif char == "+" and not has_plus and not groups and not current:
            has_plus = True  # only as the very first sign, e.g. "+86" or "(+86)"
        elif char in _SEPARATORS:
            if current:
                groups.append("".join(current))
                current = []
        else:
            raise ValidationError(field, Message("包含无效字符{char}", char=_describe_char(char)))
    if current:
        groups.append("".join(current))
    digits = "".join(groups)
    if not digits:
        raise ValidationError(field, Message("没有填写号码数字"))

    if len(digits) == 15 and digits.startswith("0086"):
        has_plus, digits = True, digits[2:]
    if has_plus or (len(digits) == 13 and digits.startswith("86")):
        if not digits.startswith("86"):
            raise ValidationError(field, Message("只支持中国大陆号码（+86）"))
        national = digits[2:]
        if not _MOBILE.fullmatch(national):
            raise ValidationError(field, Message("+86后应为11位手机号码（以13-19开头）"))
        return national

    if digits[0] == "1":
        if digits in SERVICE_NUMBERS:
            return digits
        if len(digits) == 11:
            if not _MOBILE.fullmatch(digits):
                raise ValidationError(
                    field, Message("手机号码第2位应为3-9，实际为“{digit}”", digit=digits[1])
                )
            return digits
        if len(digits) <= 5:
            raise ValidationError(
                field,
                Message(
                    "“{number}”不是可受理的短号码（支持：{numbers}）",
                    number=digits,
                    numbers=_SHORT_LIST,
                ),
            )
        raise ValidationError(field, Message("手机号码应为11位数字，实际为%n位", n=len(digits)))

    if digits[0] == "0":
        split = _split_landline(digits)
        if split is not None:
            return f"{split[0]}-{split[1]}"
        # "0518-85821234-123": a trailing hyphenated group after a valid landline.
        if len(groups) >= 3 and _split_landline("".join(groups[:-1])) is not None:
            raise ValidationError(field, Message("不支持分机号，请只填写总机号码"))
        raise ValidationError(
            field,
            Message(
                "固定电话应为“区号-号码”，区号以0开头共3-4位，号码7-8位且不以0或1开头，"
                "例如0518-85821234"
            ),
        )

    raise ValidationError(field, Message("不是有效的手机号码、固定电话（需带区号）或政务服务短号"))


def mask_phone(phone: str) -> str:
    """Mask a phone for display: 138****5678, 0518-****1234; short numbers stay as they are."""
    text = phone.strip()
    if not text:
        return ""
    try:
        normalized = validate_phone(text)
    except ValidationError:
        # Unrecognized text: hide every digit except the last four, keep everything else.
        digit_positions = [i for i, c in enumerate(text) if c.isdigit()]
        hidden = set(digit_positions[:-4])
        return "".join("*" if i in hidden else c for i, c in enumerate(text))
    if normalized in SERVICE_NUMBERS:
        return normalized
    if "-" in normalized:
        area, local = normalized.split("-", 1)
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"
    return f"{normalized[:3]}****{normalized[-4:]}"


def mask_name(name: str) -> str:
    """Mask a personal name for display, keeping the first character: 张三 -> 张*."""
    text = name.strip()
    if not text:
        return ""
    if len(text) == 1:
        return "*"
    # Separators in names (the middle dot of minority names, spaces) are kept as they are.
    rest = "".join(c if c in "·• " else "*" for c in text[1:])
    return text[0] + rest


# --------------------------------------------------------------------------- dates

MIN_YEAR = 2000
"""Earliest year accepted by parse_date and parse_datetime."""

MAX_YEAR = 2100
"""Latest year accepted by parse_date and parse_datetime."""

_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"),
    re.compile(
        r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})(?:\s*(?P<suffix>[日号]))?"
    ),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)
_TIME_PATTERN = re.compile(
    r"(?P<h>\d{1,2})"
    r"(?:[:：](?P<mi>\d{2})(?:[:：](?P<s>\d{2})(?:[.,](?P<f>\d{1,6}))?)?"
    r"|\s*[时点]\s*(?:(?P<mi2>\d{1,2})\s*分\s*(?:(?P<s2>\d{1,2})\s*秒)?)?)"
    r"\s*(?P<tz>[Zz]|[+-]\d{2}(?::?\d{2})?)?"
)


def _clean(value: str) -> str:
    """Half-width, stripped text with runs of whitespace collapsed to one space."""
    return " ".join(to_half_width(value).split())


def _check_year(field: str, year: int) -> None:
    """Refuse years outside MIN_YEAR..MAX_YEAR."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            field,
            Message(
                "年份应在{low}年至{high}年之间，实际为{year}年",
                low=str(MIN_YEAR),
                high=str(MAX_YEAR),
                year=str(year),
            ),
        )


def _build_date(field: str, match: re.Match[str]) -> date:
    """Turn a date-pattern match into a date, with messages for impossible dates."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    _check_year(field, year)
    if not 1 <= month <= 12:
        raise ValidationError(field, Message("月份“{month}”无效，应在1至12之间", month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        if day == 0:
            raise ValidationError(field, Message("日期不能为0日"))
        raise ValidationError(
            field,
            Message(
                "{year}年{month}月没有{day}日（该月只有%n天）",
                n=days,
                year=str(year),
                month=month,
                day=day,
            ),
        )
    return date(year, month, day)


def parse_date(value: str, field: str = "日期") -> date:
    """Parse 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 or 20260305 into a date."""
    text = _clean(value)
    if not text:
        raise ValidationError(field, Message(_EMPTY))
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _build_date(field, match)
    raise ValidationError(
        field, Message("无法识别“{text}”，请按“2026-03-05”或“2026年3月5日”的格式填写", text=text)
    )


def _parse_offset(text: str) -> timezone:
    """Turn Z, +08, +0800 or +08:00 into a fixed timezone."""
    if text in ("Z", "z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or "0")
    if minutes > 59:
        raise ValueError(text)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _parse_time(field: str, text: str) -> tuple[time, timezone | None] | None:
    """Parse the time part after the date; None when it is not in a recognized shape."""
    match = _TIME_PATTERN.fullmatch(text)
    if not match:
        return None
    hour = int(match["h"])
    minute = int(match["mi"] or match["mi2"] or "0")
    second = int(match["s"] or match["s2"] or "0")
    micro = int((match["f"] or "").ljust(6, "0"))
    if hour > 23:
        raise ValidationError(field, Message("小时“{hour}”无效，应在0至23之间", hour=hour))
    if minute > 59:
        raise ValidationError(field, Message("分钟“{minute}”无效，应在0至59之间", minute=minute))
    if second > 59:
        raise ValidationError(field, Message("秒“{second}”无效，应在0至59之间", second=second))
    tz = None
    if match["tz"]:
        try:
            tz = _parse_offset(match["tz"])
        except ValueError:
            raise ValidationError(field, Message("时区“{zone}”无效", zone=match["tz"])) from None
    return time(hour, minute, second, micro), tz


def _localize(field: str, moment: datetime) -> datetime:
    """Attach China time to a naive datetime, convert an aware one, and check the year."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        result = moment.replace(tzinfo=CHINA_TZ)
    else:
        result = to_china(moment)
    _check_year(field, result.year)
    return result


def parse_datetime(value: str, field: str = "时间") -> datetime:
    """Parse a date and time (or a bare date) into an aware datetime in China time."""
    text = _clean(value)
    if not text:
        raise ValidationError(field, Message(_EMPTY))
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :]
        if rest[:1] in ("T", "t", " "):
            rest = rest[1:].lstrip()
        elif rest and not match.groupdict().get("suffix"):
            continue  # "2026-03-0509:30": a separator is needed unless 日/号 ends the date
        day = _build_date(field, match)
        if not rest:
            return _localize(field, datetime.combine(day, time()))
        parsed = _parse_time(field, rest)
        if parsed is None:
            break
        clock, tz = parsed
        return _localize(field, datetime.combine(day, clock, tzinfo=tz))
    # Last resort: other ISO 8601 shapes such as 20260305T093000+0800.
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            field,
            Message(
                "无法识别“{text}”，请按“2026-03-05 09:30”或“2026年3月5日 9:30”的格式填写",
                text=text,
            ),
        ) from None
    _check_year(field, moment.year)
    return _localize(field, moment)


# --------------------------------------------------------------------------- free text


def require_text(value: str | None, field: str, max_length: int, *, required: bool = True) -> str:
    """Strip free text and check it is present, short enough and free of control characters."""
    if max_length < 0:
        raise ValueError(f"max_length must not be negative, got {max_length}")
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        if required:
            raise ValidationError(field, Message(_EMPTY))
        return ""
    if len(text) > max_length:
        raise ValidationError(
            field,
            Message(
                "最多 {limit}，当前为 {length}",
                limit=Message("%n 个字符", n=max_length),
                length=Message("%n 个字符", n=len(text)),
            ),
        )
    if text.isprintable():  # the common case: nothing to look at character by character
        return text
    for position, char in enumerate(text, 1):
        if char in "\n\t":
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs"):
            raise ValidationError(
                field,
                Message(
                    "第{position}个字符是不可见的控制字符（U+{code}），请删除后重试",
                    position=position,
                    code=f"{ord(char):04X}",
                ),
            )
    return text
