"""`cluedesk warnings`: the warning record (预警台账) the store holds, without the window (no
Qt is imported here).

    cluedesk warnings --data-dir DIR [--format json] [--level N] [--since DATE] [--until DATE]
                      [--unit CODE] [--open]

JSON prints one object a line: code, stage, level, reached_at, cleared_at (null while the
warning lasts), cleared_by, unit. Bad input is told in one Chinese line, exit status 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date, datetime, time

from desktop.document_cli import DocumentCliError, run_alone, run_command, store_dir
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import ValidationError, parse_datetime


class WarningCliError(DocumentCliError):
    """A problem to tell the user in one line (exit status 2)."""


def add_warnings_parser(subparsers: object) -> argparse.ArgumentParser:
    """Add the `warnings` command to the subparsers of `cluedesk` (handler: `cmd_warnings`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(  # type: ignore[attr-defined]
        "warnings",
        help="查看预警台账（各线索各环节达到的预警等级及消除情况）",
        description="列出本机线索库中的预警台账，按达到时间从新到旧。",
    )
    parser.add_argument("--data-dir", help="数据目录（默认：本机的数据目录）")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="输出格式（默认 text）"
    )
    parser.add_argument("--level", help="只列此预警等级：1（黄）、2（橙）、3（红）")
    parser.add_argument("--since", help="达到时间不早于此时刻，如 2026-11-01 或 2026-11-01T08:00")
    parser.add_argument("--until", help="达到时间早于此时刻（只写日期时含当天）")
    parser.add_argument("--unit", help="只列此责任单位（单位编码）")
    parser.add_argument("--open", action="store_true", help="只列尚未消除的预警")
    parser.set_defaults(handler=cmd_warnings)
    return parser


def cmd_warnings(args: argparse.Namespace) -> int:
    """Run `cluedesk warnings`; 0 on success, 2 (with a message on stderr) on bad input."""
    return run_command("warnings", _run, args)


def _moment(value: str | None, option: str, *, end: bool = False) -> datetime | None:
    """An instant of `--since`/`--until`; a bare date is its start (or, for an end, the next
    day's start, so the day is included)."""
    if value is None:
        return None
    text = value.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        try:
            return parse_datetime(text, option)
        except ValidationError:
            raise WarningCliError(
                f"{option}「{value}」不是有效的日期或时间，应写作 2026-11-01 或 2026-11-01T08:00"
            ) from None
    if end:
        day = date.fromordinal(day.toordinal() + 1)
    return datetime.combine(day, time(0), tzinfo=CHINA_TZ)


def _level(value: str | None) -> int | None:
    if value is None:
        return None
    if value.strip() not in ("1", "2", "3"):
        raise WarningCliError(f"--level「{value}」无效，应为 1（黄）、2（橙）或 3（红）")
    return int(value)


def _run(args: argparse.Namespace) -> int:
    from desktop.store.database import open_store
    from desktop.store.warnings import WarningFilter, list_warnings

    flt = WarningFilter(
        unit=(args.unit or "").strip() or None,
        level=_level(args.level),
        since=_moment(args.since, "--since"),
        until=_moment(args.until, "--until", end=True),
        open_only=args.open,
    )
    store = open_store(store_dir(args.data_dir))
    try:
        rows = list_warnings(store, flt)
    finally:
        store.close()
    if args.format == "json":
        for row in rows:
            print(json.dumps(row.to_json(), ensure_ascii=False))
        return 0
    print("线索编号\t环节\t预警等级\t达到时间\t消除时间\t消除方式\t责任单位")
    for row in rows:
        e = row.episode
        print(
            "\t".join(
                (
                    row.code,
                    e.stage.label,
                    _LEVELS[e.level],
                    _when(e.reached_at),
                    _when(e.cleared_at) if e.cleared_at else "未消除",
                    e.cleared_by.label if e.cleared_by else "",
                    row.unit_name,
                )
            )
        )
    print(f"共 {len(rows)} 条")
    return 0


_LEVELS = {1: "一级（黄）", 2: "二级（橙）", 3: "三级（红）"}


def _when(moment: datetime) -> str:
    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")


def run(argv: Sequence[str] | None = None) -> int:
    """`cluedesk warnings …` on its own (for tests and scripts)."""
    return run_alone(add_warnings_parser, argv)
