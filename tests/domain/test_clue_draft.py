"""Tests for desktop.domain.clue: validate_draft and ClueDraft.to_payload."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.domain.clue import ClueDraft, validate_draft
from desktop.domain.codes import Category, Channel, Priority, UnitKind
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import UnitInfo
from desktop.domain.validators import ValidationError


def cst(month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0) -> datetime:
    """An instant of 2026 in China time."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=CHINA_TZ)


NOW = cst(3, 10)  # Tuesday 10 March 2026, 10:00

CITY, HZ, DH = "320700", "320706", "320722"
HZ_T1, HZ_ST, HZ_DEPT, HZ_JW = "320706101", "320706001", "320706901", "320706990"
DH_T1 = "320722101"
CITY_DEPT = "320700901"


def _unit(code: str, name: str, kind: UnitKind, parent: str | None, county: str | None) -> UnitInfo:
    return UnitInfo(code=code, name=name, kind=kind, parent_code=parent, county_code=county)


UNITS: dict[str, UnitInfo] = {
    u.code: u
    for u in (
        _unit(CITY, "连云港市攻坚办", UnitKind.CITY_OFFICE, None, None),
        _unit(HZ, "海州区攻坚办", UnitKind.COUNTY_OFFICE, CITY, HZ),
        _unit(DH, "东海县攻坚办", UnitKind.COUNTY_OFFICE, CITY, DH),
        _unit(HZ_T1, "新坝镇", UnitKind.TOWNSHIP, HZ, HZ),
        _unit(HZ_ST, "朐阳街道", UnitKind.STREET, HZ, HZ),
        _unit(HZ_DEPT, "海州区生态环境局", UnitKind.DEPARTMENT, HZ, HZ),
        _unit(HZ_JW, "海州区纪委监委", UnitKind.DISCIPLINE, HZ, HZ),
        _unit(DH_T1, "桃林镇", UnitKind.TOWNSHIP, DH, DH),
        _unit(CITY_DEPT, "连云港市生态环境局", UnitKind.DEPARTMENT, CITY, None),
    )
}

# The worked example of GB 32100-2015 (check character 3).
CREDIT = "91350100M000100Y43"

GOOD: dict[str, Any] = {
    "channel": "hotline_12345",
    "received_at": "2026-03-10 08:40",
    "category": "air",
    "priority": "urgent",
    "description": "  夜间露天焚烧垃圾，烟雾较大\r\n影响周边居民  ",
    "address": "海州区新坝镇新坝村三组",
    "county_code": HZ,
    "township_code": HZ_T1,
    "subject_name": "某某废品回收站",
    "subject_credit_code": "91350100m000100y43",
    "reporter_name": "张三",
    "reporter_phone": "138 1234 5678",
    "latitude": "34.5721",
    "longitude": 119.1520,
}

EXPECTED = ClueDraft(
    channel=Channel.HOTLINE_12345,
    received_at=cst(3, 10, 8, 40),
    category=Category.AIR,
    priority=Priority.URGENT,
    description="夜间露天焚烧垃圾，烟雾较大\n影响周边居民",
    address="海州区新坝镇新坝村三组",
    county_code=HZ,
    township_code=HZ_T1,
    subject_name="某某废品回收站",
    subject_credit_code=CREDIT,
    reporter_name="张三",
    reporter_phone="13812345678",
    latitude=34.5721,
    longitude=119.152,
)


def check(data: dict[str, Any], now: datetime = NOW) -> ClueDraft:
    return validate_draft(data, UNITS, now)


def refused_field(changes: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        check({**GOOD, **changes})
    assert info.value.message
    return info.value.field


# --------------------------------------------------------------------------- good drafts


def test_good_draft_with_codes() -> None:
    assert check(GOOD) == EXPECTED


def test_good_draft_with_chinese_labels() -> None:
    draft = check({**GOOD, "channel": "12345热线", "category": "大气", "priority": "紧急"})
    assert draft == EXPECTED


@pytest.mark.parametrize(
    ("field", "text", "member"),
    [
        ("channel", " 12369环保举报 ", Channel.HOTLINE_12369),
        ("channel", "纪委监委移交", Channel.DISCIPLINE_TRANSFER),
        ("channel", "wechat_report", Channel.WECHAT_REPORT),
        ("category", "固废", Category.SOLID_WASTE),
        ("category", "solid_waste", Category.SOLID_WASTE),
        ("priority", "特急", Priority.CRITICAL),
        ("priority", "一般", Priority.NORMAL),
    ],
)
def test_choices_by_code_or_label(field: str, text: str, member: Any) -> None:
    assert getattr(check({**GOOD, field: text}), field) is member


def test_all_seventeen_channels_have_labels() -> None:
    assert len(Channel) == 17
    for channel in Channel:
        assert check({**GOOD, "channel": channel.label}).channel is channel


@pytest.mark.parametrize("priority", [None, ""])
def test_priority_defaults_to_normal(priority: str | None) -> None:
    assert check({**GOOD, "priority": priority}).priority is Priority.NORMAL
    data = dict(GOOD)
    del data["priority"]
    assert check(data).priority is Priority.NORMAL


def test_minimal_draft() -> None:
    data = {
        "channel": "信访",
        "received_at": "2026年3月9日 16:05",
        "category": "噪声",
        "description": "工地夜间施工",
        "address": "朐阳街道某小区",
        "county_code": HZ,
    }
    assert check(data) == ClueDraft(
        channel=Channel.PETITION,
        received_at=cst(3, 9, 16, 5),
        category=Category.NOISE,
        priority=Priority.NORMAL,
        description="工地夜间施工",
        address="朐阳街道某小区",
        county_code=HZ,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-10 10:00", cst(3, 10, 10, 0)),  # exactly now is fine
        ("2026-03-10T01:30:00Z", cst(3, 10, 9, 30)),
        ("2026/3/9", cst(3, 9, 0, 0)),
        (cst(3, 9, 15, 0), cst(3, 9, 15, 0)),
        (datetime(2026, 3, 10, 1, 0, tzinfo=UTC), cst(3, 10, 9, 0)),
    ],
)
def test_received_at_forms(value: Any, expected: datetime) -> None:
    received = check({**GOOD, "received_at": value}).received_at
    assert received == expected
    assert received.utcoffset() == expected.utcoffset()


def test_naive_datetime_received_at_is_china_time() -> None:
    # A naive *string* is read as China time; a naive datetime (what a spreadsheet import
    # yields) must be read the same way, not escape as a bare ValueError.
    assert check({**GOOD, "received_at": datetime(2026, 3, 10, 8, 40)}).received_at == cst(
        3, 10, 8, 40
    )


@pytest.mark.parametrize("code", [HZ_T1, HZ_ST])
def test_township_or_street_of_the_county(code: str) -> None:
    assert check({**GOOD, "township_code": code}).township_code == code


@pytest.mark.parametrize("value", [None, ""])
def test_township_is_optional(value: str | None) -> None:
    assert check({**GOOD, "township_code": value}).township_code is None


def test_county_of_another_county_with_its_township() -> None:
    draft = check({**GOOD, "county_code": DH, "township_code": DH_T1})
    assert (draft.county_code, draft.township_code) == (DH, DH_T1)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject_name", ""),
        ("subject_credit_code", ""),
        ("subject_credit_code", "   "),
        ("reporter_name", None),
        ("reporter_phone", ""),
        ("latitude", None),
        ("longitude", ""),
    ],
)
def test_optional_fields_may_be_empty(field: str, value: Any) -> None:
    draft = check({**GOOD, field: value})
    assert getattr(draft, field) in ("", None)


@pytest.mark.parametrize(
    ("phone", "normalized"),
    [("0518-85821234", "0518-85821234"), ("+86 139 0000 1111", "13900001111"), ("12345", "12345")],
)
def test_reporter_phone_is_normalized(phone: str, normalized: str) -> None:
    assert check({**GOOD, "reporter_phone": phone}).reporter_phone == normalized


@pytest.mark.parametrize(("lat", "lon"), [(-90, -180), (90, 180), ("0", "0"), (" 34.6 ", "119.2")])
def test_coordinates_at_the_bounds(lat: Any, lon: Any) -> None:
    draft = check({**GOOD, "latitude": lat, "longitude": lon})
    assert draft.latitude == float(lat)
    assert draft.longitude == float(lon)


# --------------------------------------------------------------------------- bad fields


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": "电话"}, "举报途径"),
        ({"channel": ""}, "举报途径"),
        ({"channel": None}, "举报途径"),
        ({"category": "空气"}, "污染类别"),
        ({"category": None}, "污染类别"),
        ({"priority": "加急"}, "紧急程度"),
        ({"priority": "URGENT"}, "紧急程度"),
        ({"received_at": "2026-03-10 10:00:01"}, "受理时间"),  # one second in the future
        ({"received_at": "2026-03-11"}, "受理时间"),
        ({"received_at": "2026-03-10T02:30:00Z"}, "受理时间"),  # 10:30 China time
        ({"received_at": cst(3, 10, 10, 1)}, "受理时间"),
        ({"received_at": "昨天下午"}, "受理时间"),
        ({"received_at": "2026-02-30 09:00"}, "受理时间"),
        ({"received_at": "2026-03-09 25:00"}, "受理时间"),
        ({"received_at": ""}, "受理时间"),
        ({"received_at": None}, "受理时间"),
        ({"received_at": "1999-12-31 09:00"}, "受理时间"),
        ({"description": ""}, "线索内容"),
        ({"description": " \n\t "}, "线索内容"),
        ({"description": None}, "线索内容"),
        ({"description": "x" * 4001}, "线索内容"),
        ({"description": "烟雾\x00较大"}, "线索内容"),
        ({"address": ""}, "地址"),
        ({"address": "某" * 201}, "地址"),
        ({"county_code": ""}, "所属县区"),
        ({"county_code": None}, "所属县区"),
        ({"county_code": "999999"}, "所属县区"),
        ({"county_code": HZ_T1, "township_code": None}, "所属县区"),  # a township
        ({"county_code": HZ_DEPT, "township_code": None}, "所属县区"),  # a department
        ({"county_code": HZ_JW, "township_code": None}, "所属县区"),  # a commission
        ({"county_code": CITY, "township_code": None}, "所属县区"),  # the city itself
        ({"township_code": DH_T1}, "所属乡镇（街道）"),  # of another county
        ({"township_code": "320706999"}, "所属乡镇（街道）"),  # unknown
        ({"township_code": HZ}, "所属乡镇（街道）"),  # the county office
        ({"township_code": CITY_DEPT}, "所属乡镇（街道）"),  # a city department
        ({"subject_name": "某" * 201}, "被反映对象"),
        ({"subject_credit_code": "91350100M000100Y44"}, "统一社会信用代码"),  # check digit
        ({"subject_credit_code": "91350100M000100Y4"}, "统一社会信用代码"),  # 17 characters
        ({"subject_credit_code": "91350100M000100O43"}, "统一社会信用代码"),  # letter O
        ({"reporter_name": "张" * 51}, "举报人"),
        ({"reporter_phone": "12345678"}, "举报人电话"),
        ({"reporter_phone": "1281234567"}, "举报人电话"),
        ({"reporter_phone": "12812345678"}, "举报人电话"),  # 2nd digit 2
        ({"reporter_phone": "85821234"}, "举报人电话"),  # landline without area code
        ({"reporter_phone": "0518-85821234转123"}, "举报人电话"),
        ({"reporter_phone": "电话"}, "举报人电话"),
        ({"latitude": "90.0001"}, "纬度"),
        ({"latitude": -91}, "纬度"),
        ({"latitude": "北纬34度"}, "纬度"),
        ({"latitude": "nan"}, "纬度"),
        ({"latitude": [34.5]}, "纬度"),
        ({"latitude": 119.15, "longitude": 34.57}, "纬度"),  # swapped
        ({"longitude": 180.5}, "经度"),
        ({"longitude": "-181"}, "经度"),
        ({"longitude": "东经119"}, "经度"),
        ({"longitude": "inf"}, "经度"),
    ],
    ids=lambda value: str(value)[:40] if isinstance(value, dict) else value,
)
def test_bad_field_is_named(changes: dict[str, Any], field: str) -> None:
    assert refused_field(changes) == field


def test_township_must_not_be_a_department() -> None:
    # 所属乡镇（街道） is a township or a street; a county department is neither, even though
    # clues can be dispatched to it.
    assert refused_field({"township_code": HZ_DEPT}) == "所属乡镇（街道）"


def test_first_bad_field_is_reported() -> None:
    # Fields are checked in form order: 地址 comes before the phone and the coordinates.
    assert refused_field({"address": "", "reporter_phone": "1", "latitude": "x"}) == "地址"
    assert refused_field({"channel": "x", "category": "y"}) == "举报途径"


def test_choice_message_lists_the_options() -> None:
    with pytest.raises(ValidationError) as info:
        check({**GOOD, "category": "空气"})
    assert "「空气」" in info.value.message
    assert "大气" in info.value.message and "固废" in info.value.message


def test_future_received_at_message() -> None:
    with pytest.raises(ValidationError) as info:
        check({**GOOD, "received_at": "2026-03-10 11:00"})
    assert str(info.value) == "受理时间：不能晚于当前时间"


def test_township_message_names_the_county() -> None:
    with pytest.raises(ValidationError) as info:
        check({**GOOD, "township_code": DH_T1})
    assert info.value.message == f"「{DH_T1}」不属于海州区攻坚办"


# --------------------------------------------------------------------------- payload


def test_to_payload() -> None:
    assert EXPECTED.to_payload() == {
        "channel": "hotline_12345",
        "received_at": "2026-03-10T08:40:00+08:00",
        "category": "air",
        "priority": "urgent",
        "description": "夜间露天焚烧垃圾，烟雾较大\n影响周边居民",
        "address": "海州区新坝镇新坝村三组",
        "county_code": HZ,
        "township_code": HZ_T1,
        "subject_name": "某某废品回收站",
        "subject_credit_code": CREDIT,
        "reporter_name": "张三",
        "reporter_phone": "13812345678",
        "latitude": 34.5721,
        "longitude": 119.152,
    }


@pytest.mark.parametrize(
    "data",
    [
        GOOD,
        {**GOOD, "township_code": None, "latitude": None, "longitude": None},
        {**GOOD, "received_at": "2026-03-10T01:30:15.123456Z", "reporter_phone": "0518 8582 1234"},
        {**GOOD, "subject_credit_code": "", "reporter_phone": "", "subject_name": ""},
    ],
    ids=["full", "no-place-detail", "utc-microseconds", "no-subject"],
)
def test_payload_round_trip(data: dict[str, Any]) -> None:
    draft = check(data)
    again = check(draft.to_payload())
    assert again == draft
    assert again.to_payload() == draft.to_payload()
