"""`cluedesk` opens the window; its subcommands (queue, sync, notice, case, …) work headless."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.backup_cli import BackupCliError, add_backup_parsers
from desktop.case_cli import add_case_parser
from desktop.circular_cli import add_circular_parser
from desktop.domain.codes import Category, Channel, Status, UnitKind
from desktop.domain.deadlines import WARNING_LABELS, countdown, warning_bounds
from desktop.domain.timeutil import china_now
from desktop.domain.validators import ValidationError, parse_datetime
from desktop.import_cli import add_import_parser
from desktop.notice_cli import add_notice_parser
from desktop.stats_cli import add_stats_parser
from desktop.warning_cli import add_warnings_parser

WEEKDAYS = "一二三四五六日"


class CliError(Exception):
    """A problem to report to the user in one line, with exit status 2."""


def _data_dir(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None


def _instant(value: str | None, field: str) -> datetime:
    if not value:
        return china_now()
    try:
        return parse_datetime(value, field)
    except ValidationError as exc:
        raise CliError(str(exc)) from exc


def cmd_demo_data(args: argparse.Namespace) -> int:
    """Generate the demo city into a data directory."""
    from desktop.store.database import open_store
    from desktop.store.demo_load import load_demo

    if args.clues < 0:
        raise CliError("--clues 不能为负数")
    now = _instant(args.now, "--now")
    store = open_store(_data_dir(args.data_dir))
    step = max(args.clues // 10, 1)

    def progress(done: int) -> None:
        if done % step < 5000 or done == args.clues:
            print(f"已生成 {done}/{args.clues} 条线索", file=sys.stderr)

    try:
        loaded = load_demo(store, args.clues, seed=args.seed, now=now, progress=progress)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    print(f"演示数据已生成：{loaded} 条线索，数据目录 {store.data_dir}")
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def cmd_queue(args: argparse.Namespace) -> int:
    """List a queue of the store, as a table or as JSON lines."""
    from desktop.domain.units import UnitInfo
    from desktop.store.clue_rows import load_calendar, load_directory, load_rules
    from desktop.store.database import DB_FILE, default_data_dir, open_store
    from desktop.store.health import store_missing
    from desktop.store.queues import Queue, QueueFilter, Viewer, query_page

    folder = _data_dir(args.data_dir) or default_data_dir()
    if store_missing(folder, DB_FILE):
        raise CliError(f"数据目录 {folder} 中没有线索库（可先运行 cluedesk demo-data）")
    statuses: frozenset[Status] = frozenset()
    if args.status:
        try:
            statuses = frozenset({Status.from_text(args.status)})
        except ValueError:
            options = "、".join(f"{s.value}（{s.label}）" for s in Status)
            raise CliError(f"--status「{args.status}」无效，可选：{options}") from None
    levels = frozenset({args.warning}) if args.warning is not None else frozenset()
    now = _instant(args.at, "--at")
    store = open_store(folder)
    try:
        with store.session() as session:
            units = load_directory(session)
            if args.unit:
                if args.unit not in units:
                    raise CliError(f"--unit「{args.unit}」不是本地库中的单位编码")
                unit = units[args.unit]
            else:
                unit = UnitInfo("", "全市", UnitKind.CITY_OFFICE, None, None)
            rules = load_rules(session)
            calendar = load_calendar(session, rules)
            bounds = warning_bounds(now, calendar, rules.warnings)
            flt = QueueFilter(
                queue=Queue.ALL, statuses=statuses, text=args.search or "", warning_levels=levels
            )
            page = query_page(
                session, Viewer(unit), flt, bounds, limit=args.limit if args.limit > 0 else 10**9
            )
    finally:
        store.close()
    names = {code: u.name for code, u in units.items()}
    if args.format == "json":
        for row in page.rows:
            record = {
                "code": row.code,
                "status": row.status.value,
                "status_label": row.status.label,
                "channel": row.channel,
                "category": row.category,
                "priority": row.priority,
                "county": names.get(row.county_code, row.county_code),
                "lead_unit": names.get(row.lead_unit or "", row.lead_unit),
                "subject": row.subject_name,
                "channel_ref": row.channel_ref or None,
                "finding": row.finding,
                "owner_unit": names.get(row.owner_unit or row.county_code, row.owner_unit),
                "received_at": row.received_at.isoformat(),
                "deadline": row.deadline.isoformat() if row.deadline else None,
                "warning_level": row.warning_level,
                "countdown": countdown(row.deadline, now, calendar).text() if row.deadline else "",
            }
            print(json.dumps(record, ensure_ascii=False))
        return 0
    header = ["线索编号", "状态", "举报途径", "类别", "预警", "期限", "倒计时", "被反映对象"]
    table = [header]
    for row in page.rows:
        table.append(
            [
                row.code,
                row.status.label,
                Channel(row.channel).label,
                Category(row.category).label,
                WARNING_LABELS[row.warning_level],
                f"{row.deadline:%Y-%m-%d %H:%M}" if row.deadline else "",
                countdown(row.deadline, now, calendar).short_text() if row.deadline else "",
                row.subject_name,
            ]
        )
    widths = [max(_width(r[i]) for r in table) for i in range(len(header))]
    for line in table:
        print("  ".join(_pad(cell, w) for cell, w in zip(line, widths, strict=True)).rstrip())
    more = "（还有更多，可用 --limit 调整）" if page.next_cursor else ""
    print(f"共显示 {len(page.rows)} 条{more}")
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    """Print the deadline N working days after a moment."""
    from desktop.domain.calendar import default_calendar

    start = _instant(args.start, "--from")
    if not 1 <= args.working_days <= 3650:
        raise CliError("--working-days 应在 1 到 3650 之间")
    calendar = default_calendar()
    due = calendar.deadline_after(start, args.working_days)
    print(f"{due:%Y-%m-%d %H:%M}（星期{WEEKDAYS[due.weekday()]}）")
    if not calendar.confirmed(start, due):
        years = sorted({y for y in range(start.year, due.year + 1) if not calendar.is_confirmed(y)})
        listed = "、".join(str(y) for y in years)
        print(f"注意：{listed} 年的节假日安排尚未确认，暂按周末推算", file=sys.stderr)
    return 0


DEMO_NEEDS_PLATFORM = (
    "演示需要参考平台 cluedesk-platform，本机未安装（缺少 {module}）。"
    "安装：pip install cluedesk-platform（在源码目录中：pip install -e packaging/platform）"
)
"""Said instead of the demo when the reference platform (another distribution) is missing."""


def cmd_window(args: argparse.Namespace) -> int:
    """Open the window: the demo (a local platform with the demo city, logged in) or real use."""
    if args.demo:
        from desktop.ui.demo_platform import missing_platform_module

        missing = missing_platform_module()
        if missing is not None:
            raise CliError(DEMO_NEEDS_PLATFORM.format(module=missing))
    from desktop.ui.app import AppOptions, run

    options = AppOptions(
        data_dir=_data_dir(args.window_data_dir), demo=args.demo, account=args.account
    )
    return run(options)


def cmd_self_test(args: argparse.Namespace) -> int:
    """Check an install: store, deadline, notice and its fonts, and the window (自检)."""
    import tempfile

    from desktop.self_test import Check, WindowCheck, report, run_checks

    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is loaded
    window: WindowCheck | None = None
    if not args.no_window:
        screenshot = Path(args.screenshot).expanduser() if args.screenshot else None

        def window(folder: Path) -> Check:
            from desktop.ui.self_test_window import check_window

            return check_window(folder, screenshot)

    with tempfile.TemporaryDirectory(prefix="cluedesk-self-test-") as scratch:
        folder = _data_dir(args.data_dir) or Path(scratch) / "data"
        out_dir = Path(args.out).expanduser() if args.out else Path(scratch) / "out"
        print(f"cluedesk {__version__} 自检，数据目录 {folder}")
        status, lines = report(run_checks(folder, out_dir, window))
    for line in lines:
        print(line)
    return status


SYNC_EXIT_CODES = {"login": 3, "offline": 4, "upgrade": 5, "other": 6, "revoked": 7}
"""Exit statuses of `cluedesk sync` failures (2 stays for bad usage)."""


def _sync_failure(exc: Exception) -> tuple[int, str]:
    from desktop.sync.errors import LoginFailed, LoginRequired, Offline, UpgradeRequired

    if isinstance(exc, LoginFailed | LoginRequired):
        return SYNC_EXIT_CODES["login"], "登录失败：" + str(exc)
    if isinstance(exc, Offline):
        return SYNC_EXIT_CODES["offline"], "无法同步：" + str(exc)
    if isinstance(exc, UpgradeRequired):
        return SYNC_EXIT_CODES["upgrade"], str(exc)
    return SYNC_EXIT_CODES["other"], "同步失败：" + str(exc)


def cmd_sync(args: argparse.Namespace) -> int:
    """Log in when needed, run one sync with the city platform and print what it did."""
    from desktop.store.database import open_store
    from desktop.store.sync_apply import sync_problems
    from desktop.sync.api import PlatformApi
    from desktop.sync.auth import check_binding, has_session, login, open_client
    from desktop.sync.engine import run_sync, summary_lines
    from desktop.sync.errors import DeviceRevoked, LoginRequired, SyncError
    from desktop.sync.revocation import wipe_revoked_device, wiped_message

    if args.ca_bundle and not Path(args.ca_bundle).is_file():
        raise CliError(f"--ca-bundle 文件不存在：{args.ca_bundle}")
    if not args.server.startswith(("http://", "https://")):
        raise CliError("--server 应以 http:// 或 https:// 开头")
    typed: list[str] = []

    def password() -> str:
        if not args.password_stdin:
            raise CliError("需要登录：请加 --password-stdin 并从标准输入提供密码")
        if not typed:
            typed.append(sys.stdin.readline().rstrip("\r\n"))
        if not typed[0]:
            raise CliError("标准输入中没有读到密码")
        return typed[0]

    store = open_store(_data_dir(args.data_dir))
    try:
        check_binding(store, args.server, args.username)
        with open_client(store, args.server, args.username, ca_bundle=args.ca_bundle) as http:
            fresh_login = not has_session(http)
            if fresh_login:
                login(store, http, args.username, password())
            try:
                summary = run_sync(store, PlatformApi(http))
            except LoginRequired:
                if fresh_login or not args.password_stdin:
                    raise
                login(store, http, args.username, password())
                summary = run_sync(store, PlatformApi(http))
        problems = sync_problems(store)
    except DeviceRevoked as exc:  # nothing was pushed: wipe the folder and say so
        outcome = wipe_revoked_device(store, args.server, args.username, ca_bundle=args.ca_bundle)
        message = wiped_message()
        left = "、".join(sorted(outcome.report.failed))
        if left:
            message += f"（以下文件未能删除，请手动删除：{left}）"
        if args.json:
            failure = {"ok": False, "error": exc.code, "message": message}
            print(json.dumps(failure, ensure_ascii=False))
        print(f"cluedesk: {message}", file=sys.stderr)
        return SYNC_EXIT_CODES["revoked"]
    except SyncError as exc:
        status, message = _sync_failure(exc)
        if args.json:
            failure = {"ok": False, "error": exc.code, "message": message}
            print(json.dumps(failure, ensure_ascii=False))
        print(f"cluedesk: {message}", file=sys.stderr)
        return status
    finally:
        store.close()
    if args.json:
        record = {
            "ok": True,
            "server": args.server,
            "username": args.username,
            **summary.to_dict(),
            "problem_list": [
                {
                    "action_id": p.action_id,
                    "clue_code": p.clue_code,
                    "action": p.action_label,
                    "code": p.code,
                    "reason": p.reason,
                }
                for p in problems
            ],
        }
        print(json.dumps(record, ensure_ascii=False))
    else:
        print(f"已与 {args.server} 同步（用户 {args.username}）")
        for line in summary_lines(summary):
            print("  " + line)
        for p in problems:
            print(f"  同步问题：{p.clue_code} {p.action_label} — {p.reason}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `cluedesk`."""
    parser = argparse.ArgumentParser(
        prog="cluedesk", description="县区线索办理工作台：不带命令时打开窗口"
    )
    parser.add_argument("--version", action="version", version=f"cluedesk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="打开演示：本机启动演示平台和演示城市，并登录"
    )
    parser.add_argument(
        "--account",
        choices=("xinhai", "hzhb", "haizhou", "hzjw"),
        help="演示账号（不指定则启动时选择）",
    )
    parser.add_argument("--data-dir", dest="window_data_dir", help="数据目录")
    commands = parser.add_subparsers(dest="command", metavar="命令")

    demo = commands.add_parser("demo-data", help="生成演示城市与线索")
    demo.add_argument("--data-dir", help="数据目录（默认为用户数据目录或 $CLUEDESK_DATA_DIR）")
    demo.add_argument("--clues", type=int, required=True, help="线索条数")
    demo.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同数据）")
    demo.add_argument("--now", help="以此时刻为“现在”生成（默认当前时间）")
    demo.set_defaults(handler=cmd_demo_data)

    queue = commands.add_parser("queue", help="查看线索队列")
    queue.add_argument("--data-dir", help="数据目录")
    queue.add_argument("--status", help="状态：" + "、".join(s.value for s in Status))
    queue.add_argument("--warning", type=int, choices=[0, 1, 2, 3], help="预警等级")
    queue.add_argument("--search", help="全文检索（编号、对象、地址、内容）或渠道编号")
    queue.add_argument("--unit", help="以该单位的视角查看（单位编码）")
    queue.add_argument("--format", choices=["table", "json"], default="table")
    queue.add_argument("--limit", type=int, default=100, help="最多显示条数，0 为不限")
    queue.add_argument("--at", help="按此时刻计算预警与倒计时（默认当前时间）")
    queue.set_defaults(handler=cmd_queue)

    deadline = commands.add_parser("deadline", help="按工作日计算办理期限")
    deadline.add_argument("--from", dest="start", required=True, help="起算时间")
    deadline.add_argument("--working-days", type=int, required=True, help="工作日数")
    deadline.set_defaults(handler=cmd_deadline)

    sync = commands.add_parser("sync", help="与市级平台同步（上传本机操作，下载线索更新）")
    sync.add_argument("--server", required=True, help="平台地址，如 https://platform.example.cn")
    sync.add_argument("--username", required=True, help="登录用户名")
    sync.add_argument(
        "--password-stdin", action="store_true", help="需要登录时从标准输入读取密码（一行）"
    )
    sync.add_argument("--data-dir", help="数据目录")
    sync.add_argument("--json", action="store_true", help="以 JSON 输出同步结果")
    sync.add_argument("--ca-bundle", help="校验服务器证书所用的 CA 证书文件")
    sync.set_defaults(handler=cmd_sync)
    self_test = commands.add_parser(
        "self-test", help="自检：存储、期限计算、文书与字体、窗口（安装后由信息化人员运行）"
    )
    self_test.add_argument("--data-dir", help="在此数据目录中检查存储（默认用临时目录）")
    self_test.add_argument("--out", help="把自检生成的整改通知书和窗口的演示库留在此目录")
    self_test.add_argument(
        "--offscreen", action="store_true", help="不在屏幕上显示窗口（无显示器的机器）"
    )
    self_test.add_argument("--screenshot", help="把主窗口截图保存为此 PNG 文件")
    self_test.add_argument("--no-window", action="store_true", help="不检查窗口")
    self_test.set_defaults(handler=cmd_self_test)
    add_notice_parser(commands)
    add_case_parser(commands)
    add_warnings_parser(commands)
    add_import_parser(commands)
    add_stats_parser(commands)
    add_circular_parser(commands)
    add_backup_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.handler = cmd_window
    elif args.demo or args.account:
        parser.error("--demo 和 --account 只用于打开窗口，不能与子命令一起使用")
    from desktop.store.health import StoreUnusable

    try:
        status = int(args.handler(args))
        sys.stdout.flush()  # a reader that stopped early shows here, not at exit
        return status
    except (CliError, BackupCliError, StoreUnusable) as exc:
        print(f"cluedesk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The reader of our output stopped (`cluedesk queue … | head -1`): that is its choice,
    not an error; send the rest nowhere so that exit does not fail flushing it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 0


if __name__ == "__main__":
    sys.exit(main())
