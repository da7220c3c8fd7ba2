"""The rows of a channel's list checked one by one: each cell read (dates as text or Excel
serial numbers, full-width digits folded), the place found in the directory, and the whole row
put to the REGISTER rules of the workflow; a row is accepted whole or not at all."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from desktop.domain.calendar import WorkCalendar
from desktop.domain.codes import Category, Channel, Labelled, Priority, Role, UnitKind
from desktop.domain.fields import field_label
from desktop.domain.import_mapping import IMPORT_FIELDS
from desktop.domain.import_table import ImportTable, TableRow, cell_is_blank
from desktop.domain.messages import Message
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.units import Actor, UnitDirectory, UnitInfo
from desktop.domain.validators import (
    MAX_YEAR,
    MIN_YEAR,
    ValidationError,
    parse_date,
    parse_datetime,
    to_half_width,
    validate_credit_code,
    validate_phone,
)
from desktop.domain.workflow import Action, ActionRefused, apply_action

EXCEL_EPOCH = datetime(1899, 12, 30)
"""Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01, counting its leap-year bug)."""

_SERIAL_LOW = (datetime(MIN_YEAR, 1, 1) - EXCEL_EPOCH).days
_SERIAL_HIGH = (datetime(MAX_YEAR + 1, 1, 1) - EXCEL_EPOCH).days
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")
_TOWNSHIP_KINDS = (UnitKind.TOWNSHIP, UnitKind.STREET)


class RowStatus(StrEnum):
    """What became of a row: accepted (queued), rejected (with why) or a duplicate."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class RowProblem:
    """Why a row is not taken: the field (payload key) and the reason."""

    field: str
    reason: str

    @property
    def label(self) -> str:
        """The Chinese label of the field."""
        return field_label(self.field)


@dataclass(frozen=True)
class RowResult:
    """A row of the file as checked: its number in the file, its status and problems, and
    the payload of its REGISTER action (accepted rows)."""

    number: int
    status: RowStatus
    channel_ref: str = ""
    problems: tuple[RowProblem, ...] = ()
    payload: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    clue_code: str = ""
    """The clue a duplicate repeats, or the provisional code of a queued row."""

    @property
    def field(self) -> str:
        """The field of the first problem ("" when there is none)."""
        return self.problems[0].field if self.problems else ""

    @property
    def reason(self) -> str:
        """Every problem as one sentence ("" when there is none)."""
        return "；".join(f"{p.label}：{p.reason}" for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        """One line of `cluedesk import --json`: row, status, field, reason (and codes)."""
        return {
            "row": self.number,
            "status": self.status.value,
            "field": self.field or None,
            "field_label": self.problems[0].label if self.problems else None,
            "reason": self.reason or None,
            "channel_ref": self.channel_ref,
            "clue_code": self.clue_code or None,
        }


@dataclass(frozen=True)
class Judging:
    """What the REGISTER rules judge a row by: the importing user, the directory, rules and
    calendar as the store holds them."""

    actor: Actor
    units: UnitDirectory
    rules: Rules
    calendar: WorkCalendar


@dataclass(frozen=True)
class ImportSetup:
    """An import: the channel the list came from, the column of each field, the judging."""

    channel: Channel
    columns: Mapping[str, int | None]
    judging: Judging
    now: datetime


def may_import(actor: Actor) -> bool:
    """Whether a user may import a channel's list: a dispatcher of a tackling office."""
    return actor.role is Role.DISPATCHER and actor.unit.dispatches


def import_counties(actor: Actor, units: UnitDirectory) -> list[UnitInfo]:
    """The counties (their tackling offices) whose clues the user may import."""
    return sorted(
        (
            u
            for u in units.values()
            if u.dispatches and u.county_code == u.code and actor.unit.covers(u.code)
        ),
        key=lambda u: u.code,
    )


# --------------------------------------------------------------------------- cells


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing ".0", full-width signs kept as they are."""
    if cell_is_blank(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def code_text(value: Any) -> str:
    """A cell holding a code or a number: full-width digits and letters folded, no spaces
    around it."""
    return to_half_width(cell_text(value)).strip()


def excel_serial_datetime(serial: float, key: str) -> datetime:
    """An Excel serial date number (1900 date system) as China time, to the second."""
    if not _SERIAL_LOW <= serial < _SERIAL_HIGH:
        raise ValidationError(
            key,
            Message(
                "“{value}”不是日期（Excel日期序号应在{low}至{high}之间）",
                value=str(serial),
                low=_SERIAL_LOW,
                high=_SERIAL_HIGH - 1,
            ),
        )
    moment = EXCEL_EPOCH + timedelta(seconds=round(serial * 86400))
    return moment.replace(tzinfo=CHINA_TZ)


def cell_datetime(value: Any, key: str) -> tuple[datetime, bool] | None:
    """A date cell as China time, and whether it named a day without a time; None when blank.

    Takes a real date cell, an Excel serial number (as a number or as text) and text in the
    forms the validators read (2026-11-29 08:30, 2026/11/29, 2026年11月29日 8时30分)."""
    if cell_is_blank(value):
        return None
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=CHINA_TZ)
        moment = to_china(moment)
        return moment, moment.time() == time()
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=CHINA_TZ), True
    if isinstance(value, int | float) and not isinstance(value, bool):
        moment = excel_serial_datetime(float(value), key)
        return moment, moment.time() == time()
    text = to_half_width(str(value)).strip()
    if _SERIAL_TEXT.fullmatch(text):
        moment = excel_serial_datetime(float(text), key)
        return moment, moment.time() == time()
    moment = parse_datetime(text, key)
    try:
        parse_date(text, key)
    except ValidationError:
        return moment, False
    return moment, True


def _choice_text(enum: type[Labelled], text: str) -> str:
    """The code of the member a cell names (its code or label, "大气污染" for 大气); else the
    cell's text, for the rules to refuse with their own words."""
    for candidate in (text, text.removesuffix("污染"), text.removesuffix("类")):
        try:
            return enum.from_text(candidate).value
        except ValueError:
            continue
    return text


# --------------------------------------------------------------------------- places


def _name_key(text: str) -> str:
    return "".join(to_half_width(text).split())


def area_name(county: UnitInfo) -> str:
    """The name of a county's area (海州区) from its tackling office's (海州区污染防治攻坚办)."""
    for suffix in ("污染防治攻坚办", "攻坚办"):
        if county.name.endswith(suffix) and len(county.name) > len(suffix):
            return county.name.removesuffix(suffix)
    return county.name


def resolve_county(text: str, counties: Sequence[UnitInfo]) -> UnitInfo:
    """The county a cell names, by code, area or office name, among those the user may
    import for."""
    key = _name_key(text)
    for county in counties:
        if key in (county.code, _name_key(county.name), _name_key(area_name(county))):
            return county
    names = tuple(area_name(c) for c in counties)
    raise ValidationError(
        "county_code",
        Message("“{value}”不是可导入的县区（可选：{names}）", value=text, names=names),
    )


def resolve_township(
    text: str, county: UnitInfo | None, counties: Sequence[UnitInfo], units: UnitDirectory
) -> UnitInfo:
    """The township or street a cell names, by code, name or county and name, within the
    county (or, with no county given, the counties the user may import for)."""
    key = _name_key(text)
    allowed = [county] if county is not None else list(counties)
    found: list[UnitInfo] = []
    for unit in units.values():
        if unit.kind not in _TOWNSHIP_KINDS:
            continue
        home = next((c for c in allowed if c.code == unit.county_code), None)
        if home is None:
            continue
        name = _name_key(unit.name)
        if key in (unit.code, name, _name_key(area_name(home)) + name):
            found.append(unit)
    if len(found) == 1:
        return found[0]
    where = "、".join(area_name(c) for c in allowed)
    if found:
        raise ValidationError(
            "township_code",
            Message(
                "“{value}”在{where}有多个同名乡镇（街道），请填写所属县区", value=text, where=where
            ),
        )
    raise ValidationError(
        "township_code", Message("{where}没有名为“{value}”的乡镇（街道）", value=text, where=where)
    )


# --------------------------------------------------------------------------- rows


def _cell(row: TableRow, setup: ImportSetup, key: str) -> Any:
    return row.cell(setup.columns.get(key))


def read_row(row: TableRow, setup: ImportSetup) -> tuple[dict[str, Any], list[RowProblem]]:
    """The REGISTER payload a row makes and the problems met reading its cells (a field with
    a problem is left out of the payload, or blank)."""
    judging = setup.judging
    problems: list[RowProblem] = []
    payload: dict[str, Any] = {"channel": setup.channel.value}

    def refuse(error: ValidationError) -> None:
        problems.append(RowProblem(error.field, error.message))

    for spec in IMPORT_FIELDS:
        if spec.required and cell_is_blank(_cell(row, setup, spec.key)):
            problems.append(RowProblem(spec.key, Message("缺少此项")))
    payload["channel_ref"] = code_text(_cell(row, setup, "channel_ref"))
    for key in ("description", "address", "subject_name", "reporter_name"):
        payload[key] = cell_text(_cell(row, setup, key))
    payload["category"] = _choice_text(Category, cell_text(_cell(row, setup, "category")))
    priority = cell_text(_cell(row, setup, "priority"))
    payload["priority"] = _choice_text(Priority, priority) if priority else Priority.NORMAL.value
    for key in ("received_at", "due_by"):
        try:
            read = cell_datetime(_cell(row, setup, key), key)
        except ValidationError as error:
            refuse(error)
            continue
        if read is None:
            continue
        moment, day_only = read
        if key == "due_by" and day_only:  # a day: the end of its office hours
            moment = datetime.combine(
                moment.date(), judging.rules.office_hours.periods[-1][1], tzinfo=CHINA_TZ
            )
        payload[key] = moment.isoformat()
    credit = code_text(_cell(row, setup, "subject_credit_code"))
    if credit:
        try:
            payload["subject_credit_code"] = validate_credit_code(credit)
        except ValidationError as error:
            refuse(error)
    phone = code_text(_cell(row, setup, "reporter_phone"))
    if phone:
        try:
            payload["reporter_phone"] = validate_phone(phone, "reporter_phone")
        except ValidationError as error:
            refuse(error)
    _read_place(row, setup, payload, refuse)
    return payload, problems


def _read_place(
    row: TableRow,
    setup: ImportSetup,
    payload: dict[str, Any],
    refuse: Callable[[ValidationError], None],
) -> None:
    """Fill county_code and township_code from the row (or the user's only county)."""
    judging = setup.judging
    counties = import_counties(judging.actor, judging.units)
    county: UnitInfo | None = None
    county_text = cell_text(_cell(row, setup, "county_code"))
    if county_text:
        try:
            county = resolve_county(county_text, counties)
        except ValidationError as error:
            refuse(error)
            return
    township_text = cell_text(_cell(row, setup, "township_code"))
    if township_text:
        try:
            township = resolve_township(township_text, county, counties, judging.units)
        except ValidationError as error:
            refuse(error)
            if county is not None or len(counties) == 1:  # the county still stands
                payload["county_code"] = (county or counties[0]).code
            return
        payload["township_code"] = township.code
        payload["county_code"] = township.county_code
        return
    if county is None and len(counties) == 1:
        county = counties[0]
    if county is None:
        refuse(ValidationError("county_code", Message("请填写所属县区或所属乡镇（街道）")))
        return
    payload["county_code"] = county.code
    payload["township_code"] = None


def check_row(row: TableRow, setup: ImportSetup) -> tuple[dict[str, Any], list[RowProblem]]:
    """A row's payload and every problem with it: its cells', then the REGISTER rules'."""
    payload, problems = read_row(row, setup)
    failed = {p.field for p in problems}
    trial = dict(payload)
    if "received_at" in failed or "received_at" not in trial:
        trial["received_at"] = setup.now.isoformat()
        trial.pop("due_by", None)
    judging = setup.judging
    try:
        apply_action(
            Action.REGISTER,
            judging.actor,
            None,
            trial,
            setup.now,
            judging.calendar,
            judging.rules,
            judging.units,
            code="-",
        )
    except ValidationError as error:
        place_failed = error.field == "county_code" and "township_code" in failed
        if error.field not in failed and not place_failed:
            problems.append(RowProblem(error.field, error.message))
    except ActionRefused as error:
        if not failed & {"county_code", "township_code"}:
            problems.append(RowProblem("county_code", error.reason))
    return payload, problems


def check_rows(
    table: ImportTable, setup: ImportSetup, known: Mapping[str, str]
) -> tuple[RowResult, ...]:
    """Every data row of a table checked: rejected (with its problems), a duplicate of a clue
    the store knows (`known`: work-order number → clue code) or of an earlier row, or
    accepted with its REGISTER payload."""
    results: list[RowResult] = []
    first_row: dict[str, int] = {}
    for row in table.rows:
        payload, problems = check_row(row, setup)
        ref = str(payload.get("channel_ref") or "")
        if ref and ref in known:
            reason = Message("该渠道编号已登记为线索 {code}", code=known[ref])
            results.append(
                RowResult(
                    row.number,
                    RowStatus.DUPLICATE,
                    ref,
                    (RowProblem("channel_ref", reason),),
                    clue_code=known[ref],
                )
            )
            continue
        if ref and ref in first_row:
            reason = Message("与第 {row} 行的渠道编号相同", row=first_row[ref])
            results.append(
                RowResult(
                    row.number, RowStatus.DUPLICATE, ref, (RowProblem("channel_ref", reason),)
                )
            )
            continue
        if ref:
            first_row[ref] = row.number
        if problems:
            results.append(RowResult(row.number, RowStatus.REJECTED, ref, tuple(problems)))
        else:
            results.append(RowResult(row.number, RowStatus.ACCEPTED, ref, payload=payload))
    return tuple(results)


@dataclass(frozen=True)
class ImportCounts:
    """How many rows of a report were accepted, rejected and duplicates."""

    accepted: int
    rejected: int
    duplicate: int

    @property
    def total(self) -> int:
        """All data rows."""
        return self.accepted + self.rejected + self.duplicate


def count_results(results: Sequence[RowResult]) -> ImportCounts:
    """The counts of a report's rows by status."""
    return ImportCounts(
        sum(r.status is RowStatus.ACCEPTED for r in results),
        sum(r.status is RowStatus.REJECTED for r in results),
        sum(r.status is RowStatus.DUPLICATE for r in results),
    )
