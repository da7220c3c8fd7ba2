"""`cluedesk circular`: the monthly circular (月度通报) as a PDF and an .xlsx, without the window
(no Qt is imported here).

    cluedesk circular --month YYYY-MM --data-dir DIR --out FILE.pdf [--xlsx FILE.xlsx]
                      [--county CODE] [--number TEXT | --take-number] [--praise CODE[:句子]]
                      [--criticise CODE[:句子]] [--date YYYY-MM-DD] [--at TIME]

Without --county the city's circular (a row per county); with it the county's (a row per
township, street and department). The number is a draft's unless --number gives one or
--take-number takes the next one from this device's circular number block. Bad input is told
in one Chinese line, exit status 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.document_cli import DocumentCliError, run_alone, run_command, store_dir
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.validators import ValidationError, parse_datetime

if TYPE_CHECKING:  # the circular's rules are loaded by the command, not by every start
    from desktop.domain.circular import Month, Naming


class CircularCliError(DocumentCliError):
    """A problem to tell the user in one line (exit status 2)."""


def add_circular_parser(subparsers: object) -> argparse.ArgumentParser:
    """Add the `circular` command to the subparsers of `cluedesk` (handler: `cmd_circular`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(  # type: ignore[attr-defined]
        "circular",
        help="生成月度通报（PDF，可同时导出 Excel）",
        description="按本机线索库生成某月的全市或县区线索办理情况通报。",
    )
    parser.add_argument("--month", required=True, help="通报月份，如 2026-11")
    parser.add_argument("--data-dir", help="数据目录（默认：本机的数据目录）")
    parser.add_argument("--out", required=True, help="输出的 PDF 文件")
    parser.add_argument("--xlsx", help="同时输出的 Excel 文件（.xlsx）")
    parser.add_argument("--county", help="县区编码：生成该县区的通报（默认为全市通报）")
    parser.add_argument("--number", help="通报文号，如 海攻坚通〔2026〕3号（默认为未编号草稿）")
    parser.add_argument("--take-number", action="store_true", help="从本机的通报编号段取下一个文号")
    parser.add_argument(
        "--praise", action="append", default=[], help="通报表扬的单位：编码[:说明]，可多次"
    )
    parser.add_argument(
        "--criticise", action="append", default=[], help="通报批评的单位：编码[:说明]，可多次"
    )
    parser.add_argument("--date", help="成文日期（默认今天），如 2026-12-03")
    parser.add_argument("--at", help="按此时刻统计（默认当前时间）")
    parser.set_defaults(handler=cmd_circular)
    return parser


def cmd_circular(args: argparse.Namespace) -> int:
    """Run `cluedesk circular`; 0 on success, 2 (with a message on stderr) on bad input."""
    return run_command("circular", _run, args)


def _month(value: str) -> Month:
    from desktop.domain.circular import parse_month

    try:
        return parse_month(value)
    except ValueError:
        raise CircularCliError(f"--month「{value}」无效，应写作 2026-11") from None


def _target(value: str, option: str, suffix: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != suffix:
        raise CircularCliError(f"{option}「{value}」应为 {suffix} 文件")
    if not path.parent.is_dir():
        raise CircularCliError(f"{option}「{value}」所在的文件夹不存在")
    if path.is_dir():
        raise CircularCliError(f"{option}「{value}」是一个文件夹")
    return path


def _namings(args: argparse.Namespace) -> list[Naming]:
    from desktop.domain.circular import Mention, Naming

    found = []
    for mention, values in ((Mention.PRAISE, args.praise), (Mention.CRITICISM, args.criticise)):
        for value in values:
            code, _, sentence = value.partition(":")
            if not code.strip():
                option = "--praise" if mention is Mention.PRAISE else "--criticise"
                raise CircularCliError(f"{option}「{value}」应写作 单位编码[:说明]")
            found.append(Naming(code.strip(), mention, sentence.strip()))
    return found


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CircularCliError(f"--date「{value}」不是有效的日期，应写作 2026-12-03") from None


def _at(value: str | None) -> datetime:
    if value is None:
        return china_now()
    try:
        return parse_datetime(value, "--at")
    except ValidationError as exc:
        raise CircularCliError(str(exc)) from exc


def _run(args: argparse.Namespace) -> int:
    from desktop.domain.notice_numbers import parse_number
    from desktop.reports.circular import render_circular, write_circular_workbook
    from desktop.reports.fonts import MissingGlyph
    from desktop.store.circular import (
        circular_data,
        take_circular_number,
    )
    from desktop.store.database import open_store

    month = _month(args.month)
    out = _target(args.out, "--out", ".pdf")
    xlsx = _target(args.xlsx, "--xlsx", ".xlsx") if args.xlsx else None
    if args.number is not None and parse_number(args.number) is None:
        raise CircularCliError(
            f"--number「{args.number}」不是有效的文号，应写作 海攻坚通〔2026〕3号"
        )
    if args.number is not None and args.take_number:
        raise CircularCliError("--number 和 --take-number 只能用一个")
    now = _at(args.at)
    issued_on = _day(args.date) or to_china(now).date()
    namings = _namings(args)
    store = open_store(store_dir(args.data_dir))
    try:
        try:
            data = circular_data(
                store,
                month,
                now,
                county=(args.county or "").strip() or None,
                namings=namings,
            )
        except LookupError as exc:
            raise CircularCliError(f"--county：{exc.args[0]}") from None
        unknown = [n.unit_code for n in namings if n.unit_code not in data.unit_names]
        if unknown:
            raise CircularCliError(f"表扬或批评的单位「{unknown[0]}」不是本地库中的单位编码")
        number = args.number
        if args.take_number:
            number = take_circular_number(store, data.area_code, issued_on.year)
            if number is None:
                raise CircularCliError(
                    f"本机没有 {issued_on.year} 年可用的通报文号，请先同步（攻坚办账号）"
                )
        data = data.with_number(number)
        try:
            render_circular(data, out, issued_on)
        except MissingGlyph as exc:
            raise CircularCliError(str(exc)) from None
        except OSError as exc:
            raise CircularCliError(f"--out「{args.out}」无法写入：{exc.strerror}") from None
        if xlsx is not None:
            try:
                write_circular_workbook(data, xlsx)
            except OSError as exc:
                raise CircularCliError(f"--xlsx「{args.xlsx}」无法写入：{exc.strerror}") from None
    finally:
        store.close()
    print(f"已生成{data.title}：{out}" + (f"，{xlsx}" if xlsx else ""))
    best = data.rows[0].name if data.rows and data.rows[0].score is not None else "—"
    print(f"文号：{data.number or '未编号（草稿）'}；{len(data.rows)} 个单位，排名第一：{best}")
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """`cluedesk circular …` on its own (for tests and scripts)."""
    return run_alone(add_circular_parser, argv)
