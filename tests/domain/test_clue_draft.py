"""Tests for desktop.domain.clue: validate_draft, ClueDraft.to_payload and the records of a
clue's workflow state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.domain.clue import (
    STATE_FIELDS,
    ClueDraft,
    ClueState,
    draft_record,
    state_from_record,
    state_record,
    validate_draft,
)
from desktop.domain.codes import (
    CallbackResult,
    Category,
    Channel,
    Finding,
    Priority,
    Status,
    UnitKind,
)
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
        ({"channel": "电话"}, "channel"),
        ({"channel": ""}, "channel"),
        ({"channel": None}, "channel"),
        ({"category": "空气"}, "category"),
        ({"category": None}, "category"),
        ({"priority": "加急"}, "priority"),
        ({"priority": "URGENT"}, "priority"),
        ({"received_at": "2026-03-10 10:00:01"}, "received_at"),  # one second in the future
        ({"received_at": "2026-03-11"}, "received_at"),
        ({"received_at": "2026-03-10T02:30:00Z"}, "received_at"),  # 10:30 China time
        ({"received_at": cst(3, 10, 10, 1)}, "received_at"),
        ({"received_at": "昨天下午"}, "received_at"),
        ({"received_at": "2026-02-30 09:00"}, "received_at"),
        ({"received_at": "2026-03-09 25:00"}, "received_at"),
        ({"received_at": ""}, "received_at"),
        ({"received_at": None}, "received_at"),
        ({"received_at": "1999-12-31 09:00"}, "received_at"),
        ({"description": ""}, "description"),
        ({"description": " \n\t "}, "description"),
        ({"description": None}, "description"),
        ({"description": "x" * 4001}, "description"),
        ({"description": "烟雾\x00较大"}, "description"),
        ({"address": ""}, "address"),
        ({"address": "某" * 201}, "address"),
        ({"county_code": ""}, "county_code"),
        ({"county_code": None}, "county_code"),
        ({"county_code": "999999"}, "county_code"),
        ({"county_code": HZ_T1, "township_code": None}, "county_code"),  # a township
        ({"county_code": HZ_DEPT, "township_code": None}, "county_code"),  # a department
        ({"county_code": HZ_JW, "township_code": None}, "county_code"),  # a commission
        ({"county_code": CITY, "township_code": None}, "county_code"),  # the city itself
        ({"township_code": DH_T1}, "township_code"),  # of another county
        ({"township_code": "320706999"}, "township_code"),  # unknown
        ({"township_code": HZ}, "township_code"),  # the county office
        ({"township_code": CITY_DEPT}, "township_code"),  # a city department
        ({"subject_name": "某" * 201}, "subject_name"),
        ({"subject_credit_code": "91350100M000100Y44"}, "subject_credit_code"),  # check digit
        ({"subject_credit_code": "91350100M000100Y4"}, "subject_credit_code"),  # 17 characters
        ({"subject_credit_code": "91350100M000100O43"}, "subject_credit_code"),  # letter O
        ({"reporter_name": "张" * 51}, "reporter_name"),
        ({"reporter_phone": "12345678"}, "reporter_phone"),
        ({"reporter_phone": "1281234567"}, "reporter_phone"),
        ({"reporter_phone": "12812345678"}, "reporter_phone"),  # 2nd digit 2
        ({"reporter_phone": "85821234"}, "reporter_phone"),  # landline without area code
        ({"reporter_phone": "0518-85821234转123"}, "reporter_phone"),
        ({"reporter_phone": "电话"}, "reporter_phone"),
        ({"latitude": "90.0001"}, "latitude"),
        ({"latitude": -91}, "latitude"),
        ({"latitude": "北纬34度"}, "latitude"),
        ({"latitude": "nan"}, "latitude"),
        ({"latitude": [34.5]}, "latitude"),
        ({"latitude": 119.15, "longitude": 34.57}, "latitude"),  # swapped
        ({"longitude": 180.5}, "longitude"),
        ({"longitude": "-181"}, "longitude"),
        ({"longitude": "东经119"}, "longitude"),
        ({"longitude": "inf"}, "longitude"),
        ({"channel_ref": "GD-2026\n0001"}, "channel_ref"),  # a reference is one line
        ({"channel_ref": "X" * 1000}, "channel_ref"),
        ({"due_by": "下周五"}, "due_by"),
        ({"due_by": "2026-02-30 17:30"}, "due_by"),
        ({"due_by": "2026-03-10 08:40"}, "due_by"),  # not after the received time
        ({"due_by": "2026-03-09 17:30"}, "due_by"),
    ],
    ids=lambda value: str(value)[:40] if isinstance(value, dict) else value,
)
def test_bad_field_is_named(changes: dict[str, Any], field: str) -> None:
    assert refused_field(changes) == field


# The label a clerk reads for each key of the form, written out by hand.
LABELS = {
    "channel": "举报途径",
    "channel_ref": "渠道编号",
    "due_by": "交办期限",
    "category": "污染类别",
    "priority": "紧急程度",
    "received_at": "受理时间",
    "description": "线索内容",
    "address": "地址",
    "county_code": "所属县区",
    "township_code": "所属乡镇（街道）",
    "subject_name": "被反映对象",
    "subject_credit_code": "统一社会信用代码",
    "reporter_name": "举报人",
    "reporter_phone": "举报人电话",
    "latitude": "纬度",
    "longitude": "经度",
}


@pytest.mark.parametrize(("key", "label"), LABELS.items())
def test_bad_field_is_named_by_key_and_shown_by_label(key: str, label: str) -> None:
    bad = {
        "channel": "电话",
        "channel_ref": "a\nb",
        "due_by": "明天",
        "category": "空气",
        "priority": "加急",
        "received_at": "昨天",
        "description": "",
        "address": "",
        "county_code": "999999",
        "township_code": DH_T1,
        "subject_name": "某" * 201,
        "subject_credit_code": "91350100M000100Y44",
        "reporter_name": "张" * 51,
        "reporter_phone": "12345678",
        "latitude": "北纬34度",
        "longitude": "东经119",
    }
    with pytest.raises(ValidationError) as info:
        check({**GOOD, key: bad[key]})
    assert info.value.field == key
    assert info.value.label == label
    assert str(info.value) == f"{label}：{info.value.message}"


def test_township_must_not_be_a_department() -> None:
    # 所属乡镇（街道） is a township or a street; a county department is neither, even though
    # clues can be dispatched to it.
    assert refused_field({"township_code": HZ_DEPT}) == "township_code"


def test_first_bad_field_is_reported() -> None:
    # Fields are checked in form order: 地址 comes before the phone and the coordinates.
    assert refused_field({"address": "", "reporter_phone": "1", "latitude": "x"}) == "address"
    assert refused_field({"channel": "x", "category": "y"}) == "channel"


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
        "channel_ref": "",
        "due_by": None,
    }


@pytest.mark.parametrize(
    "data",
    [
        GOOD,
        {**GOOD, "township_code": None, "latitude": None, "longitude": None},
        {**GOOD, "received_at": "2026-03-10T01:30:15.123456Z", "reporter_phone": "0518 8582 1234"},
        {**GOOD, "subject_credit_code": "", "reporter_phone": "", "subject_name": ""},
        {
            **GOOD,
            "channel": "督察交办",
            "channel_ref": "苏督〔2026〕12号",
            "due_by": "2026-03-20 17:30",
        },
    ],
    ids=["full", "no-place-detail", "utc-microseconds", "no-subject", "with-channel-ref"],
)
def test_payload_round_trip(data: dict[str, Any]) -> None:
    draft = check(data)
    again = check(draft.to_payload())
    assert again == draft
    assert again.to_payload() == draft.to_payload()


# --------------------------------------------------------------------------- intake data


def test_channel_reference_is_kept_trimmed() -> None:
    draft = check({**GOOD, "channel_ref": "  GD20260310000123 "})
    assert draft.channel_ref == "GD20260310000123"
    assert draft.to_payload()["channel_ref"] == "GD20260310000123"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_channel_reference_is_optional(value: str | None) -> None:
    assert check({**GOOD, "channel_ref": value}).channel_ref == ""


def test_channel_reference_at_its_length_limit() -> None:
    assert check({**GOOD, "channel_ref": "X" * 64}).channel_ref == "X" * 64


def test_due_by_of_the_sender() -> None:
    # 督察交办: the sender wants it settled by Fri 20 March 17:30.
    draft = check({**GOOD, "channel": "督察交办", "due_by": "2026-03-20 17:30"})
    assert draft.channel is Channel.INSPECTION_ASSIGNMENT
    assert draft.due_by == cst(3, 20, 17, 30)
    assert draft.due_by.utcoffset() == cst(3, 20).utcoffset()
    assert draft.to_payload()["due_by"] == "2026-03-20T17:30:00+08:00"
    # a due time may lie in the future (it is a deadline), even long after now
    assert check({**GOOD, "due_by": "2026-12-31 17:30"}).due_by == datetime(
        2026, 12, 31, 17, 30, tzinfo=CHINA_TZ
    )


@pytest.mark.parametrize("value", [None, ""])
def test_due_by_is_optional(value: str | None) -> None:
    draft = check({**GOOD, "due_by": value})
    assert draft.due_by is None
    assert draft.to_payload()["due_by"] is None


def test_due_by_just_after_the_received_time_is_accepted() -> None:
    assert check({**GOOD, "due_by": "2026-03-10 08:41"}).due_by == cst(3, 10, 8, 41)


def test_due_by_before_the_received_time_says_so() -> None:
    with pytest.raises(ValidationError) as info:
        check({**GOOD, "due_by": "2026-03-10 08:00"})
    assert info.value.field == "due_by"
    assert str(info.value).startswith("交办期限：")


# --------------------------------------------------------------------------- state records


@dataclass
class Row:
    """A stand-in for a stored clue row: the state fields as plain values."""

    code: str
    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        return self.values[name]


FULL_STATE = ClueState(
    code="HZ-2026-0007",
    status=Status.REVIEWING,
    priority=Priority.URGENT,
    county_code=HZ,
    registered_at=cst(3, 9, 9, 0),
    township_code=HZ_T1,
    lead_unit=HZ_T1,
    assisting_units=(HZ_DEPT, HZ_ST),
    dispatched_at=cst(3, 9, 10, 0),
    signed_at=cst(3, 9, 11, 0),
    reported_at=cst(3, 10, 9, 0),
    deadline=cst(3, 12, 17, 30),
    handle_deadline=cst(3, 12, 17, 30),
    extended_days=3,
    channel=Channel.HOTLINE_12345,
    owner_unit=CITY,
    due_by=cst(3, 20, 17, 30),
    finding=Finding.PARTLY_TRUE,
    callback=CallbackResult.UNSATISFIED,
    extension_count=1,
)


def test_state_record_holds_the_new_fields_as_plain_values() -> None:
    record = state_record(FULL_STATE)
    assert set(record) == set(STATE_FIELDS)
    assert record["status"] == "reviewing"
    assert record["priority"] == "urgent"
    assert record["township_code"] == HZ_T1
    assert record["channel"] == "hotline_12345"
    assert record["owner_unit"] == CITY
    assert record["due_by"] == cst(3, 20, 17, 30)
    assert record["finding"] == "partly_true"
    assert record["callback"] == "unsatisfied"
    assert record["duplicate_of"] is None
    assert record["extension_count"] == 1
    for key in ("channel", "finding", "callback", "status", "priority"):
        assert type(record[key]) is str


@pytest.mark.parametrize(
    "state",
    [
        FULL_STATE,
        FULL_STATE.evolve(channel=None, finding=None, callback=None, owner_unit=None),
        FULL_STATE.evolve(
            status=Status.DUPLICATE, duplicate_of="HZ-2026-0001", finding=Finding.UNTRUE
        ),
        FULL_STATE.evolve(status=Status.SIGNOFF, callback=CallbackResult.UNREACHED),
        FULL_STATE.evolve(status=Status.REFUSED, callback=CallbackResult.BASICALLY),
    ],
    ids=["full", "no-enums", "duplicate", "signoff", "refused"],
)
def test_state_round_trips_through_its_record(state: ClueState) -> None:
    row = Row(state.code, state_record(state))
    again = state_from_record(row, state.assisting_units)
    assert again == state
    assert again.finding is state.finding
    assert again.callback is state.callback
    assert again.channel is state.channel


def test_draft_record_holds_codes_as_plain_strings() -> None:
    draft = check({**GOOD, "channel_ref": "GD20260310000123"})
    record = draft_record(draft)
    assert record["channel"] == "hotline_12345"
    assert record["category"] == "air"
    assert record["priority"] == "urgent"
    assert record["channel_ref"] == "GD20260310000123"
    assert record["received_at"] == cst(3, 10, 8, 40)
    assert record["county_code"] == HZ and record["township_code"] == HZ_T1
    assert record["subject_credit_code"] == CREDIT
    assert record["reporter_phone"] == "13812345678"
    for key in ("channel", "category", "priority"):
        assert type(record[key]) is str
