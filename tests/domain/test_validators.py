"""Tests for desktop.domain.validators."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import (
    CREDIT_CODE_CHARSET,
    CREDIT_CODE_WEIGHTS,
    SERVICE_NUMBERS,
    ValidationError,
    credit_code_check_char,
    mask_name,
    mask_phone,
    parse_date,
    parse_datetime,
    require_text,
    validate_credit_code,
    validate_phone,
)

# Published codes whose check characters were verified against the algorithm: the worked
# example of GB 32100-2015 and the business licences of a few well-known companies.
PUBLISHED_CODES = [
    "91350100M000100Y43",
    "914403001922038216",
    "9144030071526726XG",
    "91330100716105852F",
    "91110108551385082Q",
]


def full_width(text: str) -> str:
    """Turn printable ASCII into its full-width form, as a Chinese IME may type it."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def make_code(first17: str) -> str:
    """Complete a 17-character prefix with its check character."""
    return first17 + credit_code_check_char(first17)


# --------------------------------------------------------------------------- ValidationError


def test_validation_error_fields_and_str() -> None:
    # The field is named by its payload key; people read its label.
    err = ValidationError("subject_credit_code", "不能为空")
    assert err.field == "subject_credit_code"
    assert err.label == "统一社会信用代码"
    assert err.message == "不能为空"
    assert str(err) == "统一社会信用代码：不能为空"
    assert err.args == ("统一社会信用代码：不能为空",)
    assert isinstance(err, ValueError)


def test_validation_error_with_a_key_without_label_shows_the_key() -> None:
    err = ValidationError("日期", "无法识别")
    assert (err.field, err.label, str(err)) == ("日期", "日期", "日期：无法识别")


def test_validation_error_survives_pickle() -> None:
    err = pickle.loads(pickle.dumps(ValidationError("日期", "无法识别")))
    assert (err.field, err.message, str(err)) == ("日期", "无法识别", "日期：无法识别")
    err = pickle.loads(pickle.dumps(ValidationError("reporter_phone", "号码无效")))
    assert (err.field, err.label, err.message) == ("reporter_phone", "举报人电话", "号码无效")
    assert str(err) == "举报人电话：号码无效"


# --------------------------------------------------------------------------- credit codes


def test_weights_are_powers_of_three_mod_31() -> None:
    assert list(CREDIT_CODE_WEIGHTS) == [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ]  # fmt: skip
    assert len(CREDIT_CODE_CHARSET) == 31
    assert not set("IOSVZ") & set(CREDIT_CODE_CHARSET)


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_published_codes_are_valid(code: str) -> None:
    assert credit_code_check_char(code[:17]) == code[17]
    assert validate_credit_code(code) == code


def test_code_suggested_in_brief_has_wrong_check_char() -> None:
    # "91110000100000589B" circulates as an example but its check character is really "A".
    assert credit_code_check_char("91110000100000589") == "A"
    with pytest.raises(ValidationError) as info:
        validate_credit_code("91110000100000589B")
    assert "“A”" in info.value.message
    assert validate_credit_code("91110000100000589A") == "91110000100000589A"


def test_check_char_worked_by_hand() -> None:
    first17 = "91320700MA1MXXXXX"
    values = [CREDIT_CODE_CHARSET.index(c) for c in first17]
    total = sum(v * w for v, w in zip(values, CREDIT_CODE_WEIGHTS, strict=True))
    expected = 31 - total % 31
    assert credit_code_check_char(first17) == CREDIT_CODE_CHARSET[0 if expected == 31 else expected]


def test_check_char_31_maps_to_zero() -> None:
    # All zeros sum to 0, 31 - 0 = 31, which the standard maps to "0".
    assert credit_code_check_char("0" * 17) == "0"
    assert credit_code_check_char("1" + "0" * 16) == CREDIT_CODE_CHARSET[30]


@pytest.mark.parametrize("first17", ["91320700MA1MXXXXI", "9132070#MA1MXXXXX", "91320700ma1mxxxxx"])
def test_check_char_rejects_foreign_characters(first17: str) -> None:
    with pytest.raises(ValidationError) as info:
        credit_code_check_char(first17)
    assert info.value.field == "subject_credit_code"
    assert info.value.label == "统一社会信用代码"


@pytest.mark.parametrize("first17", ["", "9132070", "91320700MA1MXXXXXX"])
def test_check_char_needs_17_characters(first17: str) -> None:
    with pytest.raises(ValidationError, match="17"):
        credit_code_check_char(first17)


def test_validate_normalizes_case_width_and_spaces() -> None:
    code = make_code("91320700MA1MXXXXX")
    assert validate_credit_code(f"  {code.lower()}\n") == code
    assert validate_credit_code(full_width(code)) == code
    assert validate_credit_code("\u3000" + full_width(code.lower()) + "\u3000") == code


@pytest.mark.parametrize("value", ["", "   ", "\u3000"])
def test_validate_credit_code_empty(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_credit_code(value)
    assert info.value.message == "不能为空"
    assert str(info.value) == "统一社会信用代码：不能为空"


@pytest.mark.parametrize("value", ["9132070", "91320700MA1MXXXXX", "91320700MA1MXXXXXXX"])
def test_validate_credit_code_length(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_credit_code(value)
    assert "18" in info.value.message and str(len(value)) in info.value.message


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_forbidden_letters_are_named_with_position(letter: str) -> None:
    code = make_code("91320700MA1MXXXXX")
    bad = code[:10] + letter + code[11:]
    with pytest.raises(ValidationError) as info:
        validate_credit_code(bad)
    assert "第11位" in info.value.message
    assert f"“{letter}”" in info.value.message


def test_other_bad_characters_are_named_with_position() -> None:
    code = make_code("91320700MA1MXXXXX")
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code[:4] + "#" + code[5:])
    assert "第5位" in info.value.message and "#" in info.value.message
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code[:4] + " " + code[5:])
    assert "第5位" in info.value.message and "空格" in info.value.message


@pytest.mark.parametrize("authority", list("BCDEFGHJKLMPQRTUWX0"))
def test_registration_authority_must_be_known(authority: str) -> None:
    code = make_code(authority + "1320700MA1MXXXXX")
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)
    assert "第1位" in info.value.message


@pytest.mark.parametrize("authority", list("123456789ANY"))
def test_all_registration_authorities_accepted(authority: str) -> None:
    code = make_code(authority + "1320700MA1MXXXXX")
    assert validate_credit_code(code) == code


@pytest.mark.parametrize("position", range(3, 9))
def test_division_code_must_be_digits(position: int) -> None:
    first17 = "91320700MA1MXXXXX"
    code = make_code(first17[: position - 1] + "A" + first17[position:])
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)
    assert f"第{position}位" in info.value.message
    assert "行政区划" in info.value.message


def test_wrong_check_char_message_names_expected() -> None:
    code = make_code("91320700MA1MXXXXX")
    wrong = "0" if code[17] != "0" else "1"
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code[:17] + wrong)
    assert f"“{code[17]}”" in info.value.message
    assert "校验" in info.value.message


def test_every_wrong_check_char_is_rejected() -> None:
    code = PUBLISHED_CODES[0]
    for char in CREDIT_CODE_CHARSET:
        candidate = code[:17] + char
        if char == code[17]:
            assert validate_credit_code(candidate) == code
        else:
            with pytest.raises(ValidationError):
                validate_credit_code(candidate)


def test_custom_field_label_used() -> None:
    with pytest.raises(ValidationError) as info:
        validate_credit_code("abc", field="企业信用代码")
    assert info.value.field == "企业信用代码"
    assert str(info.value).startswith("企业信用代码：")
    with pytest.raises(ValidationError) as info:
        validate_credit_code("abc", field="credit_code")
    assert info.value.field == "credit_code"


valid_codes = st.builds(
    lambda authority, kind, division, body: make_code(authority + kind + division + body),
    st.sampled_from("123456789ANY"),
    st.sampled_from(CREDIT_CODE_CHARSET),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(CREDIT_CODE_CHARSET, min_size=9, max_size=9),
)


@given(valid_codes)
def test_constructed_codes_are_valid(code: str) -> None:
    assert validate_credit_code(code) == code
    assert validate_credit_code(code.lower()) == code


@given(valid_codes, st.integers(0, 17), st.sampled_from(CREDIT_CODE_CHARSET))
def test_any_single_substitution_is_detected(code: str, index: int, char: str) -> None:
    assume(code[index] != char)
    with pytest.raises(ValidationError):
        validate_credit_code(code[:index] + char + code[index + 1 :])


@given(valid_codes, st.integers(0, 16))
def test_any_adjacent_transposition_is_detected(code: str, index: int) -> None:
    assume(code[index] != code[index + 1])
    swapped = code[:index] + code[index + 1] + code[index] + code[index + 2 :]
    with pytest.raises(ValidationError):
        validate_credit_code(swapped)


@given(st.text(min_size=0, max_size=25))
def test_credit_code_never_fails_unexpectedly(value: str) -> None:
    try:
        result = validate_credit_code(value)
    except ValidationError as err:
        assert err.field == "subject_credit_code"
        assert str(err).startswith("统一社会信用代码：")
    else:
        assert len(result) == 18
        assert credit_code_check_char(result[:17]) == result[17]


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("(+86)13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("19912345678", "19912345678"),
        ("0518-85821234", "0518-85821234"),
        ("051885821234", "0518-85821234"),
        ("0518 85821234", "0518-85821234"),
        ("(0518)85821234", "0518-85821234"),
        ("（0518）85821234", "0518-85821234"),
        ("０５１８－８５８２１２３４", "0518-85821234"),
        ("0518-8582-1234", "0518-85821234"),
        ("0518-8582123", "0518-8582123"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("025-84567890", "025-84567890"),
        ("0755-26712345", "0755-26712345"),
        ("12345", "12345"),
        ("12369", "12369"),
        ("110", "110"),
        (" 12315 ", "12315"),
    ],
)
def test_validate_phone_accepts(value: str, expected: str) -> None:
    assert validate_phone(value) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        ("12812345678", "第2位"),
        ("1381234567", "11位"),
        ("138123456789", "11位"),
        ("12346", "短号码"),
        ("114", "短号码"),
        ("0518-85821234转123", "分机"),
        ("0518-85821234-123", "分机"),
        ("0518-85821234 ext 12", "分机"),
        ("011-62345678", "区号"),
        ("0518-0582123", "区号"),
        ("0518-858212", "区号"),
        ("85821234", "区号"),
        ("400-800-1234", "固定电话"),
        ("+1 202 555 0123", "+86"),
        ("+86 0518 85821234", "手机号码"),
        ("138abc45678", "“a”"),
        ("---", "号码"),
    ],
)
def test_validate_phone_rejects(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone(value)
    assert info.value.field == "phone"
    assert info.value.label == "联系电话"
    assert str(info.value).startswith("联系电话：")
    assert fragment in info.value.message


def test_validate_phone_custom_field() -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone("abc", field="举报人电话")
    assert str(info.value).startswith("举报人电话：")
    with pytest.raises(ValidationError) as info:
        validate_phone("abc", field="reporter_phone")
    assert info.value.field == "reporter_phone"
    assert str(info.value).startswith("举报人电话：")


def test_every_service_number_accepted() -> None:
    for number in SERVICE_NUMBERS:
        assert validate_phone(number) == number
        assert mask_phone(number) == number


mobiles = st.builds(
    lambda second, rest: "1" + second + rest,
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)


@given(
    mobiles,
    st.sampled_from(["", "+86", "+86 ", "86", "(+86) "]),
    st.sampled_from(["", " ", "-"]),
)
def test_mobile_formats_round_trip(mobile: str, prefix: str, sep: str) -> None:
    written = prefix + mobile[:3] + sep + mobile[3:7] + sep + mobile[7:]
    assert validate_phone(written) == mobile
    assert validate_phone(full_width(written)) == mobile
    masked = mask_phone(written)
    assert masked == mobile[:3] + "****" + mobile[7:]


landlines = st.builds(
    lambda area, local_first, local_rest: (area, local_first + local_rest),
    st.sampled_from(["010", "020", "021", "025", "0518", "0512", "0755", "0311", "0991"]),
    st.sampled_from("23456789"),
    st.text("0123456789", min_size=6, max_size=7),
)


@given(landlines, st.sampled_from(["", "-", " ", ")"]))
def test_landline_formats_round_trip(landline: tuple[str, str], sep: str) -> None:
    area, local = landline
    written = ("(" if sep == ")" else "") + area + sep + local
    assert validate_phone(written) == f"{area}-{local}"
    assert mask_phone(written) == f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"


@given(st.text(max_size=20))
def test_validate_phone_never_fails_unexpectedly(value: str) -> None:
    try:
        result = validate_phone(value)
    except ValidationError as err:
        assert err.field == "phone"
    else:
        assert validate_phone(result) == result


# --------------------------------------------------------------------------- masking


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("0518-85821234", "0518-****1234"),
        ("0518-8582123", "0518-***2123"),
        ("010-62345678", "010-****5678"),
        ("12345", "12345"),
        ("110", "110"),
        ("", ""),
        ("   ", ""),
        ("不详", "不详"),
        ("1381234567", "******4567"),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@given(st.text(max_size=20))
def test_mask_phone_never_raises_and_hides_digits(value: str) -> None:
    masked = mask_phone(value)
    shown = [c for c in masked if c.isdigit()]
    if masked not in SERVICE_NUMBERS:
        # At most a three- or four-digit area code plus the last four digits stay visible.
        assert len(shown) <= 8
    assert masked == masked.strip()


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三", "张*"),
        ("欧阳娜娜", "欧***"),
        ("王小明", "王**"),
        ("王先生", "王**"),
        (" 李四 ", "李*"),
        ("张", "*"),
        ("", ""),
        ("  ", ""),
        ("阿卜杜·热合曼", "阿**·***"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@given(st.text(min_size=2, max_size=10).filter(lambda s: s == s.strip() and "·" not in s))
def test_mask_name_keeps_length_and_first_char(name: str) -> None:
    assume(" " not in name and "•" not in name)
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert masked[0] == name[0]
    assert set(masked[1:]) == {"*"}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value",
    [
        "2026-03-05",
        "2026/3/5",
        "2026.3.5",
        "2026/03/05",
        "2026年3月5日",
        "2026 年 3 月 5 日",
        "2026年03月05日",
        "2026年3月5号",
        "20260305",
        "２０２６－０３－０５",
        "２０２６年３月５日",
        "  2026-03-05 ",
    ],
)
def test_parse_date_accepts(value: str) -> None:
    assert parse_date(value) == date(2026, 3, 5)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "不能为空"),
        ("2026-02-30", "2026年2月没有30日"),
        ("2026-02-29", "只有28天"),
        ("2026-04-31", "2026年4月没有31日"),
        ("2026-13-01", "月份"),
        ("2026-00-10", "月份"),
        ("2026-03-00", "0日"),
        ("1999-12-31", "2000"),
        ("2101-01-01", "2100"),
        ("26-3-5", "无法识别"),
        ("2026-3/5", "无法识别"),
        ("2026年3月", "无法识别"),
        ("2026-03-05 09:30", "无法识别"),
        ("明天", "无法识别"),
    ],
)
def test_parse_date_rejects(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(value)
    assert info.value.field == "日期"
    assert fragment in info.value.message


def test_parse_date_leap_day_and_bounds() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)
    assert parse_date("2000-01-01") == date(2000, 1, 1)
    assert parse_date("2100-12-31") == date(2100, 12, 31)
    with pytest.raises(ValidationError, match="没有29日"):
        parse_date("2100-02-29")  # 2100 is not a leap year


def test_parse_date_custom_field() -> None:
    with pytest.raises(ValidationError) as info:
        parse_date("2026-02-30", field="发现日期")
    assert str(info.value).startswith("发现日期：")


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
DATE_FORMATS: list[Callable[[date], str]] = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: d.strftime("%Y%m%d"),
]


@given(dates, st.sampled_from(DATE_FORMATS), st.booleans())
def test_parse_date_round_trip(day: date, fmt: Callable[[date], str], wide: bool) -> None:
    text = fmt(day)
    assert parse_date(full_width(text) if wide else text) == day


@given(st.text(max_size=20))
def test_parse_date_never_fails_unexpectedly(value: str) -> None:
    try:
        result = parse_date(value)
    except ValidationError as err:
        assert err.field == "日期"
    else:
        assert 2000 <= result.year <= 2100


# --------------------------------------------------------------------------- datetimes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-05 09:30", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-05 09:30:15", datetime(2026, 3, 5, 9, 30, 15)),
        ("2026-03-05T09:30", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-05T09:30:15.25", datetime(2026, 3, 5, 9, 30, 15, 250000)),
        ("2026年3月5日 9:30", datetime(2026, 3, 5, 9, 30)),
        ("2026年3月5日9:30", datetime(2026, 3, 5, 9, 30)),
        ("2026年3月5日 9时30分", datetime(2026, 3, 5, 9, 30)),
        ("2026年3月5日 9点", datetime(2026, 3, 5, 9, 0)),
        ("2026/3/5 9:30", datetime(2026, 3, 5, 9, 30)),
        ("２０２６－０３－０５　０９：３０", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-05", datetime(2026, 3, 5)),
        ("2026年3月5日", datetime(2026, 3, 5)),
        ("20260305", datetime(2026, 3, 5)),
        ("2026-03-05T09:30:00+08:00", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-05T01:30:00Z", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-05T01:30:00+00:00", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-04T20:30:00-05:00", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-05T10:30:00+0900", datetime(2026, 3, 5, 9, 30)),
        ("20260305T013000Z", datetime(2026, 3, 5, 9, 30)),
        ("2026-03-04T23:30:00-10:00", datetime(2026, 3, 5, 17, 30)),
    ],
)
def test_parse_datetime_accepts(value: str, expected: datetime) -> None:
    result = parse_datetime(value)
    assert result == expected.replace(tzinfo=CHINA_TZ)
    assert result.utcoffset() == timedelta(hours=8)
    assert result.tzinfo is CHINA_TZ


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "不能为空"),
        ("2026-02-30 09:30", "2026年2月没有30日"),
        ("2026-03-05 24:00", "小时"),
        ("2026-03-05 09:60", "分钟"),
        ("2026-03-05 09:30:61", "秒"),
        ("2026-03-05T09:30+08:99", "时区"),
        ("1999-12-31 23:59", "2000"),
        ("2100-12-31T20:00:00-05:00", "2100"),  # 2101 in China time
        ("2026-03-0509:30", "无法识别"),
        ("2026-03-05 9", "无法识别"),
        ("下午三点", "无法识别"),
    ],
)
def test_parse_datetime_rejects(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_datetime(value)
    assert info.value.field == "时间"
    assert fragment in info.value.message


def test_parse_datetime_custom_field() -> None:
    with pytest.raises(ValidationError) as info:
        parse_datetime("nonsense", field="发现时间")
    assert str(info.value).startswith("发现时间：")


offsets = st.integers(-12 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))


@given(
    st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2100, 12, 30)),
    offsets,
)
def test_parse_datetime_iso_round_trip(moment: datetime, tz: timezone) -> None:
    aware = moment.replace(tzinfo=tz)
    result = parse_datetime(aware.isoformat())
    assert result == aware
    assert result.utcoffset() == timedelta(hours=8)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31)))
def test_parse_datetime_naive_is_china_time(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    for text in (moment.isoformat(), moment.isoformat(sep=" ")):
        assert parse_datetime(text) == moment.replace(tzinfo=CHINA_TZ)
    chinese = f"{moment.year}年{moment.month}月{moment.day}日 {moment.hour}:{moment.minute:02d}"
    assert parse_datetime(chinese) == moment.replace(second=0, tzinfo=CHINA_TZ)


@given(st.text(max_size=30))
def test_parse_datetime_never_fails_unexpectedly(value: str) -> None:
    try:
        result = parse_datetime(value)
    except ValidationError as err:
        assert err.field == "时间"
    else:
        assert result.tzinfo is CHINA_TZ
        assert 2000 <= result.year <= 2100


# --------------------------------------------------------------------------- free text


def test_require_text_strips_and_returns() -> None:
    assert require_text("  河道排污  ", "线索标题", 50) == "河道排污"
    assert require_text("\u3000全角空格\u3000", "线索标题", 50) == "全角空格"
    assert require_text("第一行\n第二行\t缩进", "情况描述", 50) == "第一行\n第二行\t缩进"


def test_require_text_normalizes_line_endings() -> None:
    assert require_text("a\r\nb\rc", "情况描述", 10) == "a\nb\nc"


@pytest.mark.parametrize("value", [None, "", "   ", "\n\t"])
def test_require_text_empty(value: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        require_text(value, "线索标题", 10)
    assert str(info.value) == "线索标题：不能为空"
    assert require_text(value, "线索标题", 10, required=False) == ""


def test_require_text_too_long_names_both_numbers() -> None:
    assert require_text("一二三四五", "线索标题", 5) == "一二三四五"
    with pytest.raises(ValidationError) as info:
        require_text("一二三四五六", "线索标题", 5)
    assert "5" in info.value.message and "6" in info.value.message
    assert info.value.field == "线索标题"


def test_require_text_optional_still_checks_length() -> None:
    with pytest.raises(ValidationError):
        require_text("abcdef", "备注", 3, required=False)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800"])
def test_require_text_rejects_control_characters(char: str) -> None:
    with pytest.raises(ValidationError) as info:
        require_text(f"ab{char}cd", "情况描述", 50)
    assert "第3个字符" in info.value.message
    assert f"U+{ord(char):04X}" in info.value.message


def test_require_text_negative_limit_is_a_programming_error() -> None:
    with pytest.raises(ValueError) as info:
        require_text("abc", "备注", -1)
    assert not isinstance(info.value, ValidationError)


@given(st.text(max_size=40), st.integers(0, 30), st.booleans())
def test_require_text_properties(value: str, limit: int, required: bool) -> None:
    try:
        result = require_text(value, "情况描述", limit, required=required)
    except ValidationError as err:
        assert err.field == "情况描述"
    else:
        assert len(result) <= limit
        assert result == result.strip()
        assert "\r" not in result
        assert result or not required


# --------------------------------------------------------------------------- field labels


@pytest.mark.parametrize(
    "call",
    [
        lambda: validate_credit_code("x", field="自定义标签"),
        lambda: validate_phone("x", field="自定义标签"),
        lambda: parse_date("x", field="自定义标签"),
        lambda: parse_datetime("x", field="自定义标签"),
        lambda: require_text("", "自定义标签", 5),
    ],
)
def test_messages_carry_field_label(call: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.field == "自定义标签"
    assert str(info.value).startswith("自定义标签：")
