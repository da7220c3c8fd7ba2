"""The statistics of clue handling (线索办理统计): one definition of each figure.

Every figure is counted from what the store holds for the user's scope, for a period of whole
days (China time, both ends included; `desktop.domain.assessment.Period`). Figures fall into
five families, each counted on its own instant (the *moment* that puts it in a period, a week
or a month) and counted to its own unit:

- clues (线索): the clues received in the period (收到时间 in the period) and what became of
  them as seen now: refused, closed, the finding. Counted to the clue's lead unit
  (承办单位: the unit it stands dispatched to; a clue never dispatched, or refused, counts to
  the office that owns it).
- actions (环节): what was done in the period, by the time of the action: the stages completed
  (the action that ended the stage), and whether each completion came by the stage's deadline
  as it stood then (late: the stage's level-2 warning, past its deadline, was running when it
  was completed); returns, rejections at review, callbacks and their verdicts. Counted to the
  unit that acted (the lead unit for signing, handling and returning, the dispatching office
  for dispatching and review), a rejection and a callback to the lead unit whose result was
  rejected or judged (the one that last handed it over; a clue no unit handled, such as a
  duplicate closed with its original, to the unit that called back).
- warnings (预警): the clues whose warning record reached level 1, 2 or 3 in the period,
  counted to the unit the record names as responsible.
- notices (整改通知书): the notices issued in the period and how their re-inspection ended.
- cases (行政处罚案件): the penalty cases filed in the period and whether they are concluded.

A count counts distinct clues, except the notices' and cases' counts, which count documents
(their click-through lists the clues behind them). A rate is a count over another count, None
when the one below is 0. Nothing here reads the store: `desktop.store.statistics` computes the
counts with SQL over the store's tables, by these definitions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Grouping(StrEnum):
    """What the figures are grouped by."""

    UNIT = "unit"
    CHANNEL = "channel"
    CATEGORY = "category"
    WEEK = "week"
    MONTH = "month"
    COUNTY = "county"
    TOWNSHIP = "township"

    @property
    def label(self) -> str:
        """The Chinese name of the grouping."""
        return _GROUPING_LABELS[self]


_GROUPING_LABELS = {
    Grouping.UNIT: "单位",
    Grouping.CHANNEL: "来源渠道",
    Grouping.CATEGORY: "污染类别",
    Grouping.WEEK: "周",
    Grouping.MONTH: "月",
    Grouping.COUNTY: "县区",
    Grouping.TOWNSHIP: "乡镇街道",
}


class Family(StrEnum):
    """The family of a figure: what it counts, on which moment, to which unit."""

    CLUES = "clues"
    ACTIONS = "actions"
    WARNINGS = "warnings"
    NOTICES = "notices"
    CASES = "cases"


COUNT = "count"
RATE = "rate"


@dataclass(frozen=True)
class FigureDef:
    """The definition of one statistics figure."""

    key: str
    """e.g. "received", "closed", "closure_rate"."""
    label: str
    """Chinese, e.g. "办结率"."""
    kind: str
    """"count" or "rate"."""
    numerator: str
    """For a rate: the count key on top; for a count: its own key."""
    denominator: str | None
    """For a rate: the count key below (None for a count)."""
    definition: str
    """One Chinese sentence: what counts, in which period."""
    family: Family = Family.CLUES
    """The family of the figure (for a rate: of its numerator)."""
    needs_sync: bool = False
    """Whether the figure comes from records only the platform writes (the warning record):
    this device's unsynced actions show in it after the next sync."""

    @property
    def is_rate(self) -> bool:
        """Whether the figure is a rate (a share 0–1)."""
        return self.kind == RATE


def _count(
    key: str, label: str, family: Family, definition: str, needs_sync: bool = False
) -> FigureDef:
    return FigureDef(key, label, COUNT, key, None, definition, family, needs_sync)


def _rate(
    key: str,
    label: str,
    top: str,
    below: str,
    family: Family,
    definition: str,
    needs_sync: bool = False,
) -> FigureDef:
    return FigureDef(key, label, RATE, top, below, definition, family, needs_sync)


_C, _A, _W = Family.CLUES, Family.ACTIONS, Family.WARNINGS
_N, _K = Family.NOTICES, Family.CASES

_STAGE_NAMES = {"dispatch": "分办", "sign": "签收", "handle": "办理", "review": "审核"}
_STAGE_ENDS = {
    "dispatch": "分办机构分办给承办单位",
    "sign": "承办单位签收",
    "handle": "承办单位把办理结果报送审核（反馈，或经负责人审签通过）",
    "review": "分办机构审核办理结果（通过或驳回）",
}


def _stage_figures(stage: str) -> tuple[FigureDef, ...]:
    name, ends = _STAGE_NAMES[stage], _STAGE_ENDS[stage]
    done, late, on_time = f"{stage}_done", f"{stage}_late", f"{stage}_on_time"
    in_time = "不晚于当时有效的时限（含延期、重办后的时限）"
    return (
        _count(done, f"{name}完成", _A, f"统计期内{ends}的线索数（按完成的时间计）。"),
        _count(
            late,
            f"逾期{name}",
            _A,
            f"统计期内{ends}、且有一次完成晚于当时有效时限（该环节的二级预警正在持续）的线索数。",
            needs_sync=True,
        ),
        _count(
            on_time,
            f"按时{name}",
            _A,
            f"统计期内{name}完成、且每次完成都{in_time}的线索数（{name}完成 − 逾期{name}）。",
            needs_sync=True,
        ),
        _rate(
            f"{stage}_on_time_rate",
            f"按时{name}率",
            on_time,
            done,
            _A,
            f"按时{name} ÷ {name}完成。",
            needs_sync=True,
        ),
    )


_RECEIVED = "统计期内收到的线索中"
_CLOSED = "统计期内收到、截至统计时已办结的线索中"
_WARNED = "统计期内任一环节达到{level}的线索数（按达到的时间计，计入预警台账所记的责任单位）。"

FIGURES: tuple[FigureDef, ...] = (
    _count(
        "received", "收到线索", _C, "收到时间在统计期内的线索数（各渠道，含重复件、不予受理）。"
    ),
    _count("refused", "不予受理", _C, f"{_RECEIVED}，现为不予受理的线索数。"),
    _count("accepted", "受理线索", _C, f"{_RECEIVED}，除不予受理外的线索数（收到 − 不予受理）。"),
    _count(
        "closed",
        "办结",
        _C,
        f"{_RECEIVED}，截至统计时已办结（审核通过或随原件办结，其后未被重新打开）的线索数。",
    ),
    _rate(
        "closure_rate", "办结率", "closed", "accepted", _C, "办结 ÷ 受理线索（统计期内收到的）。"
    ),
    _count("finding_true", "属实", _C, f"{_CLOSED}，核查结论为属实的线索数。"),
    _count("finding_partly_true", "部分属实", _C, f"{_CLOSED}，核查结论为部分属实的线索数。"),
    _count("finding_untrue", "不属实", _C, f"{_CLOSED}，核查结论为不属实的线索数。"),
    *_stage_figures("dispatch"),
    *_stage_figures("sign"),
    *_stage_figures("handle"),
    *_stage_figures("review"),
    _count("returned", "退回", _A, "统计期内承办单位退回分办机构的线索数（计入退回的单位）。"),
    _count(
        "rejected",
        "驳回",
        _A,
        "统计期内审核不通过、办理结果被驳回重办的线索数（计入结果被驳回的承办单位）。",
    ),
    _count(
        "callbacks",
        "回访",
        _A,
        "统计期内回访举报人的线索数（按回访时间计，计入办理结果受评价的承办单位）。",
    ),
    _count("satisfied", "满意", _A, "统计期内回访结果为满意的线索数。"),
    _count("basically_satisfied", "基本满意", _A, "统计期内回访结果为基本满意的线索数。"),
    _count("unsatisfied", "不满意", _A, "统计期内回访结果为不满意的线索数（其后重办的也计）。"),
    _count("unreached", "未联系上", _A, "统计期内回访未联系上举报人的线索数。"),
    _count("content", "满意及基本满意", _A, "统计期内回访结果为满意或基本满意的线索数。"),
    _count(
        "verdicts",
        "有效评价",
        _A,
        "统计期内回访结果为满意、基本满意或不满意的线索数（未联系上的不计）。",
    ),
    _rate("satisfaction_rate", "满意率", "content", "verdicts", _A, "满意及基本满意 ÷ 有效评价。"),
    _count("warning_level1", "一级预警", _W, _WARNED.format(level="一级预警（临近时限）"), True),
    _count("warning_level2", "二级预警", _W, _WARNED.format(level="二级预警（超过时限）"), True),
    _count("warning_level3", "三级预警", _W, _WARNED.format(level="三级预警（严重超时）"), True),
    _count(
        "notices_issued",
        "下发通知书",
        _N,
        "签发时间在统计期内的整改通知书、责令改正违法行为决定书份数（计入签发单位）。",
    ),
    _count(
        "notices_reinspected",
        "已复查",
        _N,
        "统计期内签发的通知书中，已复查的份数（按期整改与逾期未整改之和）。",
    ),
    _count("notices_rectified", "按期整改", _N, "统计期内签发的通知书中，复查结论为已整改的份数。"),
    _count(
        "notices_overdue",
        "逾期未整改",
        _N,
        "统计期内签发的通知书中，复查结论为逾期未整改的份数（含其后已立案、已结案的）。",
    ),
    _rate(
        "rectification_rate",
        "按期整改率",
        "notices_rectified",
        "notices_reinspected",
        _N,
        "按期整改 ÷ 已复查（统计期内签发的通知书）。",
    ),
    _count("cases_filed", "立案", _K, "立案日期在统计期内的行政处罚案件数（计入立案单位）。"),
    _count("cases_closed", "结案", _K, "统计期内立案的案件中，截至统计时已结案的案件数。"),
    _rate("case_closure_rate", "结案率", "cases_closed", "cases_filed", _K, "结案 ÷ 立案。"),
)
"""Every figure, in the order a table shows them."""

_BY_KEY: Mapping[str, FigureDef] = {f.key: f for f in FIGURES}

COUNT_KEYS: tuple[str, ...] = tuple(f.key for f in FIGURES if not f.is_rate)
"""The keys of the counts (what `Figures.counts` holds)."""

STAGES: tuple[str, ...] = tuple(_STAGE_NAMES)
"""The stages whose completion is counted on time or late, in the loop's order."""

DERIVED: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "accepted": ("received", ("refused",)),
    **{f"{s}_on_time": (f"{s}_done", (f"{s}_late",)) for s in STAGES},
}
"""Counts made of other counts: (first, others), the first's clues without the others' (each
of which lies within the first)."""


def figure(key: str) -> FigureDef:
    """The definition of the figure `key`; KeyError for an unknown key."""
    return _BY_KEY[key]


def rate_of(fig: FigureDef, counts: Mapping[str, int]) -> float | None:
    """The value of a rate from the counts: numerator / denominator, None when it is 0."""
    below = counts.get(fig.denominator or "", 0)
    return counts.get(fig.numerator, 0) / below if below else None


def derived_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """The counts with the derived ones (`DERIVED`) filled in from the others."""
    full = dict(counts)
    for key, (first, others) in DERIVED.items():
        full[key] = full.get(first, 0) - sum(full.get(other, 0) for other in others)
    return full


TREND_BY_WEEK_DAYS = 92
"""A period of up to this many days shows its trend by week; a longer one by month."""


def trend_grouping(start: date, end: date) -> Grouping:
    """How a period's trend is grouped: by week up to about three months, else by month."""
    return Grouping.WEEK if (end - start).days + 1 <= TREND_BY_WEEK_DAYS else Grouping.MONTH


def week_monday(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def week_key(day: date) -> str:
    """The ISO week of `day` as a group key, e.g. "2026-W48"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_label(day: date) -> str:
    """The Chinese label of the week holding `day`, e.g. "11月23日—11月29日"."""
    monday = week_monday(day)
    sunday = monday + timedelta(days=6)
    return f"{monday.month}月{monday.day}日—{sunday.month}月{sunday.day}日"


def month_key(day: date) -> str:
    """The month of `day` as a group key, e.g. "2026-11"."""
    return f"{day.year}-{day.month:02d}"


def month_label(key: str) -> str:
    """The Chinese label of a month key, e.g. "2026年11月"."""
    year, month = key.split("-")
    return f"{int(year)}年{int(month)}月"


def buckets(start: date, end: date, grouping: Grouping) -> list[tuple[str, str]]:
    """Every week or month (key, label) a period touches, in order (for a continuous trend)."""
    found: list[tuple[str, str]] = []
    if grouping is Grouping.WEEK:
        day = week_monday(start)
        while day <= end:
            found.append((week_key(day), week_label(day)))
            day += timedelta(days=7)
    elif grouping is Grouping.MONTH:
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            key = f"{year}-{month:02d}"
            found.append((key, month_label(key)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        raise ValueError(f"not a time grouping: {grouping}")
    return found


def last_whole_month(today: date) -> tuple[date, date]:
    """The first and last day of the month before the one holding `today`."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last
