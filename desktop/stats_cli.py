"""`cluedesk stats`: the statistics of clue handling over the store, without the window (no Qt
is imported here).

    cluedesk stats --data-dir DIR [--from DATE --to DATE] [--by unit|channel|category|month|week]
                   [--unit CODE ...] [--at MOMENT] [--json]

The default period is the last whole month before `--at` (default: now). `--json` prints one
object: period, now, synced_at, by, totals {key: value}, groups [{key, label, figures}], and the
trend the same way; without it a readable Chinese table. Bad input is told in one Chinese line
naming the option, exit status 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop.document_cli import DocumentCliError, run_alone, run_command, store_dir
from desktop.domain.assessment import Period
from desktop.domain.statistics import FIGURES, Grouping, figure, last_whole_month
from desktop.domain.timeutil import CHINA_TZ, china_now, to_china
from desktop.domain.validators import ValidationError, parse_datetime

if TYPE_CHECKING:
    from desktop.store.statistics import StatsGroup, StoreStatistics

CLI_GROUPINGS = (
    Grouping.UNIT,
    Grouping.CHANNEL,
    Grouping.CATEGORY,
    Grouping.MONTH,
    Grouping.WEEK,
    Grouping.COUNTY,
    Grouping.TOWNSHIP,
)
"""The groupings `--by` accepts."""

TABLE_FIGURES = (
    "received",
    "closed",
    "closure_rate",
    "sign_on_time_rate",
    "handle_on_time_rate",
    "returned",
    "rejected",
    "warning_level3",
    "satisfaction_rate",
    "notices_issued",
    "cases_filed",
    "case_closure_rate",
)
"""The figures the text table shows for each group (every figure is in `--json`)."""


class StatsCliError(DocumentCliError):
    """A problem to tell the user in one line (exit status 2)."""


def add_stats_parser(subparsers: object) -> argparse.ArgumentParser:
    """Add the `stats` command to the subparsers of `cluedesk` (handler: `cmd_stats`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(  # type: ignore[attr-defined]
        "stats",
        help="线索办理统计（收到、办结、办结率、按时率、预警、回访、通知书、案件）",
        description="按本机线索库统计一段时间的线索办理情况，可按单位、渠道、类别、月或周分组。",
    )
    parser.add_argument("--data-dir", help="数据目录（默认：本机的数据目录）")
    parser.add_argument("--from", dest="start", help="统计起始日期，如 2026-11-01（含当天）")
    parser.add_argument("--to", dest="end", help="统计截止日期，如 2026-11-30（含当天）")
    parser.add_argument(
        "--by", help="分组：" + "、".join(f"{g.value}（{g.label}）" for g in CLI_GROUPINGS)
    )
    parser.add_argument(
        "--unit", action="append", help="只统计此单位（单位编码，可多次给出）", default=None
    )
    parser.add_argument("--at", help="统计时刻（默认当前时间），如 2026-11-27T10:00")
    parser.add_argument("--json", action="store_true", help="以一个 JSON 对象输出")
    parser.set_defaults(handler=cmd_stats)
    return parser


def cmd_stats(args: argparse.Namespace) -> int:
    """Run `cluedesk stats`; 0 on success, 2 (with a message on stderr) on bad input."""
    return run_command("stats", _run, args)


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise StatsCliError(f"{option}「{value}」不是有效的日期，应写作 2026-11-01") from None


def _now(value: str | None) -> datetime:
    if value is None:
        return china_now()
    try:
        return to_china(parse_datetime(value, "--at"))
    except ValidationError:
        raise StatsCliError(
            f"--at「{value}」不是有效的时刻，应写作 2026-11-27 或 2026-11-27T10:00"
        ) from None


def _period(args: argparse.Namespace, now: datetime) -> Period:
    today = now.date()
    if args.start is None and args.end is None:
        return Period(*last_whole_month(today))
    end = _day(args.end, "--to") if args.end is not None else today
    start = _day(args.start, "--from") if args.start is not None else end.replace(day=1)
    if end < start:
        raise StatsCliError(f"--to「{args.end}」早于 --from「{args.start}」")
    return Period(start, end)


def _grouping(value: str | None) -> Grouping | None:
    if value is None:
        return None
    text = value.strip()
    for grouping in CLI_GROUPINGS:
        if text in (grouping.value, grouping.label):
            return grouping
    choices = "、".join(g.value for g in CLI_GROUPINGS)
    raise StatsCliError(f"--by「{value}」无效，应为 {choices} 之一")


def _units(values: Sequence[str] | None) -> set[str] | None:
    if values is None:
        return None
    codes = {v.strip() for v in values if v.strip()}
    if not codes:
        raise StatsCliError("--unit 不能为空，应为单位编码，如 320706001")
    return codes


def _run(args: argparse.Namespace) -> int:
    now = _now(args.at)
    period = _period(args, now)
    by = _grouping(args.by)
    units = _units(args.unit)
    from desktop.store.database import open_store
    from desktop.store.statistics import compute_statistics

    store = open_store(store_dir(args.data_dir))
    try:
        found = compute_statistics(store, period, now, by=by, unit_codes=units)
    finally:
        store.close()
    if args.json:
        print(json.dumps(stats_json(found), ensure_ascii=False))
    else:
        print_table(found)
    return 0


def _group_json(group: StatsGroup) -> dict[str, Any]:
    return {"key": group.key, "label": group.label, "figures": group.figures.as_dict()}


def stats_json(found: StoreStatistics) -> dict[str, Any]:
    """The object `cluedesk stats --json` prints."""
    return {
        "period": {"from": found.period.start.isoformat(), "to": found.period.end.isoformat()},
        "now": found.now.isoformat(),
        "synced_at": found.synced_at.isoformat() if found.synced_at else None,
        "pending_actions": found.pending_actions,
        "by": found.by.value if found.by else None,
        "totals": found.totals.as_dict(),
        "groups": [_group_json(g) for g in found.groups],
        "trend_by": found.trend_by.value,
        "trend": [_group_json(g) for g in found.trend],
    }


def shown(value: int | float | None, rate: bool) -> str:
    """A figure as a table shows it: a count, or a rate in per cent with one decimal."""
    if value is None:
        return "—"
    return f"{value * 100:.1f}%" if rate else str(value)


def _when(moment: datetime | None) -> str:
    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if moment else "从未同步"


def print_table(found: StoreStatistics) -> None:
    """The readable Chinese form: every figure of the totals, then a row per group."""
    period = found.period
    print(f"统计期：{period.start.isoformat()} 至 {period.end.isoformat()}")
    print(f"数据截至：{_when(found.synced_at)}")
    if found.pending_actions:
        print(f"本机尚有 {found.pending_actions} 项操作未同步，部分数字将在同步后更新")
    print()
    print("指标\t数值")
    for fig in FIGURES:
        print(f"{fig.label}\t{shown(found.totals.value(fig.key), fig.is_rate)}")
    if found.by is None:
        return
    print()
    print("\t".join([found.by.label, *(figure(k).label for k in TABLE_FIGURES)]))
    for group in found.groups:
        values = (shown(group.figures.value(k), figure(k).is_rate) for k in TABLE_FIGURES)
        print("\t".join([group.label, *values]))
    print(f"共 {len(found.groups)} 组")


def run(argv: Sequence[str] | None = None) -> int:
    """`cluedesk stats …` on its own (for tests and scripts)."""
    return run_alone(add_stats_parser, argv)
