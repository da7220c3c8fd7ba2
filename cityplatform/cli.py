"""The `cluedesk-platform` command: serve, seed, user management, calendar import, prune,
audit."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cityplatform.serving import DEFAULT_WORKER_THREADS
from desktop.domain.timeutil import china_now
from desktop.domain.validators import ValidationError, parse_datetime


class CliError(Exception):
    """A problem to report in one line, with exit status 2."""


def _instant(value: str | None, option: str) -> datetime:
    if not value:
        return china_now()
    try:
        return parse_datetime(value, option)
    except ValidationError as exc:
        raise CliError(str(exc)) from exc


def _database(url: str) -> Any:
    from sqlalchemy.exc import OperationalError

    from cityplatform.app import prepare_database
    from cityplatform.db import DatabaseUrlError

    try:
        return prepare_database(url)
    except DatabaseUrlError as exc:
        raise CliError(str(exc)) from exc
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[-1]
        raise CliError(f"无法打开数据库：{reason}") from exc


def cmd_serve(args: argparse.Namespace) -> int:
    """Migrate, then run uvicorn with N workers sharing the database."""
    import uvicorn

    from cityplatform.app import resolve_data_dir
    from cityplatform.config import DATA_DIR_ENV, DB_ENV, WARNING_JOB_ENV
    from cityplatform.db import normalize_url
    from cityplatform.serving import WORKER_THREADS_ENV
    from cityplatform.state import prune_tombstones

    if args.workers < 1:
        raise CliError("--workers 至少为 1")
    if args.warning_job_seconds is not None and args.warning_job_seconds < 0:
        raise CliError("--warning-job-seconds 不能为负数")
    if args.threads is not None and args.threads < 1:
        raise CliError("--threads 至少为 1")
    db = _database(args.db)
    try:
        folder = resolve_data_dir(db, Path(args.data_dir) if args.data_dir else None)
        with db.write() as session:
            prune_tombstones(session, china_now())
            session.commit()
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.dispose()
    os.environ[DB_ENV] = normalize_url(args.db).render_as_string(hide_password=False)
    os.environ[DATA_DIR_ENV] = str(folder.resolve())
    if args.warning_job_seconds is not None:
        os.environ[WARNING_JOB_ENV] = str(args.warning_job_seconds)
    if args.threads is not None:
        os.environ[WORKER_THREADS_ENV] = str(args.threads)
    print(f"市级平台启动：http://{args.host}:{args.port}（{args.workers} 个进程）", file=sys.stderr)
    if args.stop_with_stdin:
        from cityplatform.parent_watch import stop_when_stdin_closes

        stop_when_stdin_closes()
    uvicorn.run(
        "cityplatform.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        access_log=not args.no_access_log,
        backlog=args.backlog,
    )
    return 0


def cmd_warnings_job(args: argparse.Namespace) -> int:
    """Run the warning job once (skips while another run holds its lock); print what it did."""
    from sqlalchemy.exc import OperationalError

    from cityplatform.db import DatabaseUrlError, open_database
    from cityplatform.warning_job import run_warning_job

    now = _instant(args.now, "--now")
    try:
        db = open_database(args.db)  # no migration: that would wait for the write lock
    except DatabaseUrlError as exc:
        raise CliError(str(exc)) from exc
    try:
        run = run_warning_job(db, now)
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[-1]
        raise CliError(f"无法运行预警任务：{reason}") from exc
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"ran": run.ran, "looked_at": run.looked_at, "changed": run.changed}))
    elif run.ran:
        print(f"预警台账已更新：检查 {run.looked_at} 条在办线索，{run.changed} 条有变化")
    else:
        print("另一个预警任务正在运行，本次跳过")
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def cmd_seed(args: argparse.Namespace) -> int:
    """Seed the demo city and N clues; print the demo accounts."""
    from sqlalchemy.exc import OperationalError

    from cityplatform.db import DatabaseUrlError
    from cityplatform.security import DEFAULT_HASHER, FAST_HASHER
    from cityplatform.seed import seed_demo

    if args.clues < 0:
        raise CliError("--clues 不能为负数")
    now = _instant(args.now, "--now")
    started = time.monotonic()
    step = max(args.clues // 10, 1)

    def progress(done: int) -> None:
        if not args.json and (done % step < 5000 or done == args.clues):
            print(f"已写入 {done}/{args.clues} 条线索", file=sys.stderr)

    try:
        accounts = seed_demo(
            args.db,
            args.clues,
            seed=args.seed,
            now=now,
            hasher=FAST_HASHER if args.fast_hash else DEFAULT_HASHER,
            progress=progress,
            data_dir=Path(args.data_dir) if args.data_dir else None,
            backlog=args.backlog,
        )
    except (ValueError, DatabaseUrlError) as exc:
        raise CliError(str(exc)) from exc
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[-1]
        raise CliError(f"无法打开数据库：{reason}") from exc
    if args.json:
        print(json.dumps([a.to_json() for a in accounts], ensure_ascii=False))
        return 0
    elapsed = time.monotonic() - started
    print(f"演示数据已生成：{args.clues} 条线索，用时 {elapsed:.1f} 秒", file=sys.stderr)
    header = ["用户名", "密码", "角色", "单位编码", "单位名称"]
    rows = [[a.username, a.password, a.role_label, a.unit_code, a.unit_name] for a in accounts]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _password_from_stdin() -> str:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise CliError("未从标准输入读到密码（--password-stdin 需要一行密码）")
    if len(password) < 6:
        raise CliError("密码至少 6 个字符")
    return password


def cmd_user(args: argparse.Namespace) -> int:
    """User management: add, passwd, disable, move."""
    from cityplatform import users
    from cityplatform.security import DEFAULT_HASHER, FAST_HASHER

    db = _database(args.db)
    hasher = FAST_HASHER if getattr(args, "fast_hash", False) else DEFAULT_HASHER
    try:
        if args.user_command == "add":
            password = _password_from_stdin()
            users.add_user(
                db,
                username=args.username,
                unit_code=args.unit,
                role=args.role,
                password=password,
                display_name=args.display_name or args.username,
                hasher=hasher,
            )
            print(f"已添加用户 {args.username}")
        elif args.user_command == "passwd":
            password = _password_from_stdin()
            users.set_password(db, args.username, password, hasher=hasher)
            print(f"已修改用户 {args.username} 的密码")
        elif args.user_command == "disable":
            users.disable_user(db, args.username)
            print(f"已停用用户 {args.username}，其全部登录已失效")
        elif args.user_command == "move":
            epoch = users.move_user(db, args.username, args.unit, role=args.role)
            print(
                f"已将用户 {args.username} 调整到 {args.unit}"
                f"（范围版本 {epoch}，其客户端需重新完整同步）"
            )
    except users.UserError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.dispose()
    return 0


def _moment(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else ""


def cmd_device(args: argparse.Namespace) -> int:
    """Devices: revoke one (its next contact wipes its data), list them, list refused actions."""
    from cityplatform import devices

    db = _database(args.db)
    try:
        if args.device_command == "revoke":
            try:
                revoked = devices.revoke(db, args.device_id, reason=args.reason, by=args.by)
            except devices.DeviceError as exc:
                raise CliError(str(exc)) from exc
            print(
                f"已停用设备 {args.device_id}（注销登录 {revoked} 个）；"
                "它下次联系平台时将清除本机数据"
            )
            return 0
        if args.device_command == "list":
            rows = devices.list_devices(db)
            if args.json:
                for row in rows:
                    print(json.dumps(row.to_json(), ensure_ascii=False))
                return 0
            for row in rows:
                state = "正常"
                if row.revoked:
                    wiped = (
                        f"，已清除 {_moment(row.wipe_confirmed_at)}"
                        if row.wipe_confirmed_at
                        else ""
                    )
                    state = (
                        f"已停用 {_moment(row.revoked_at)}（{row.revoked_by}：{row.reason}{wiped}）"
                    )
                print(
                    f"{row.device_id}  {row.device_name or '-'}  用户 {'、'.join(row.usernames)}"
                    f"  最近联系 {_moment(row.last_seen) or '-'}  {state}"
                    + (f"  被拒绝操作 {row.refused_actions} 个" if row.refused_actions else "")
                )
            print(f"共 {len(rows)} 台设备")
            return 0
        refused = devices.refused_actions(db, args.device_id)
        if args.json:
            for item in refused:
                print(json.dumps(item.to_json(), ensure_ascii=False))
            return 0
        for item in refused:
            target = item.clue_code or item.record_id or "-"
            print(
                f"{_moment(item.received_at)}  {item.device_id}  {item.username}"
                f"  #{item.device_seq}  {item.kind}  {target}  {item.created_at or ''}".rstrip()
            )
        print(f"共 {len(refused)} 个被拒绝的操作（未在平台生效）")
        return 0
    finally:
        db.dispose()


def cmd_calendar_import(args: argparse.Namespace) -> int:
    """Import rules and calendar years from a JSON file."""
    from cityplatform import users

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"文件 {path} 不是 UTF-8 文本") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列"
        raise CliError(f"文件 {path} 不是有效的 JSON（{where}）") from exc
    db = _database(args.db)
    try:
        version, years = users.import_calendar(db, data)
    except users.UserError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.dispose()
    listed = "、".join(str(y) for y in years) or "无"
    print(f"已导入时限规则和日历（年份：{listed}），规则版本 {version}")
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    """Drop tombstones older than the retention; older cursors then answer reset_required."""
    from cityplatform.state import prune_tombstones

    db = _database(args.db)
    try:
        with db.write() as session:
            removed, horizon = prune_tombstones(session, china_now(), days=args.days)
            session.commit()
    finally:
        db.dispose()
    print(f"已清理 {removed} 条范围变更记录，同步位置下限 {horizon}")
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    """Show or set the store-encryption policy (setting it is audited)."""
    from cityplatform.device_policy import (
        PolicyError,
        set_store_encryption,
        store_encryption,
    )

    names = {"field": "仅外业笔记本", "all": "全部设备", "none": "不要求"}
    db = _database(args.db)
    try:
        if args.value is None:
            with db.read() as session:
                current = store_encryption(session)
            print(f"线索库加密策略：{current}（{names[current]}）")
            return 0
        try:
            previous = set_store_encryption(db, args.value, now=china_now())
        except PolicyError as exc:
            raise CliError(str(exc)) from exc
    finally:
        db.dispose()
    print(
        f"线索库加密策略已设为 {args.value}（{names[args.value]}），原为 {previous}；"
        "设备在下次登录或刷新令牌时得知"
    )
    return 0


def _audit_bound(value: str | None, option: str, *, end: bool) -> datetime | None:
    """A --from/--to time; a bare date as --to means the end of that day."""
    if not value:
        return None
    moment = _instant(value, option)
    if end and moment.time() == datetime.min.time() and "T" not in value and ":" not in value:
        moment += timedelta(days=1)
    return moment


def _audit_database(url: str) -> Any:
    """The database opened for reading the audit log (never migrated or written)."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import OperationalError

    from cityplatform.db import DatabaseUrlError, open_database

    try:
        db = open_database(url)
        ready = inspect(db.engine).has_table("audit_head")
    except DatabaseUrlError as exc:
        raise CliError(str(exc)) from exc
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[-1]
        raise CliError(f"无法打开数据库：{reason}") from exc
    if not ready:
        db.dispose()
        raise CliError("数据库尚无审计记录表（请先用新版平台升级数据库）")
    return db


def cmd_audit(args: argparse.Namespace) -> int:
    """Verify the audit chain (database or export) or export it as JSON Lines."""
    from cityplatform import audit

    if args.audit_command == "verify":
        if args.file:
            path = Path(args.file)
            try:
                with path.open(encoding="utf-8") as lines:
                    verdict = audit.verify_export(lines)
            except OSError as exc:
                raise CliError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
            except UnicodeDecodeError as exc:
                raise CliError(f"文件 {path} 不是 UTF-8 文本") from exc
            except audit.ExportError as exc:
                raise CliError(f"文件 {path}：{exc}") from exc
        else:
            db = _audit_database(args.db)
            try:
                verdict = audit.verify_database(db)
            finally:
                db.dispose()
        print(verdict.summary())
        return 0 if verdict.intact else 1
    since = _audit_bound(args.since, "--from", end=False)
    until = _audit_bound(args.until, "--to", end=True)
    db = _audit_database(args.db)
    count = 0
    try:
        if args.out:
            out_path = Path(args.out)
            try:
                with out_path.open("w", encoding="utf-8", newline="\n") as out:
                    for entry in audit.export_entries(db, since, until):
                        out.write(audit.export_line(entry) + "\n")
                        count += 1
            except OSError as exc:
                raise CliError(f"无法写入文件 {out_path}：{exc.strerror or exc}") from exc
            print(f"已导出 {count} 条审计记录到 {out_path}", file=sys.stderr)
        else:
            for entry in audit.export_entries(db, since, until):
                sys.stdout.write(audit.export_line(entry) + "\n")
                count += 1
            sys.stdout.flush()
    finally:
        db.dispose()
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with Chinese help."""
    parser = argparse.ArgumentParser(
        prog="cluedesk-platform",
        description="cluedesk 市级平台同步服务（参考实现）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令", required=True)

    def db_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--db",
            required=True,
            metavar="URL",
            help="数据库地址：sqlite:///文件 或 postgresql+psycopg://用户:密码@主机/库",
        )

    serve = commands.add_parser("serve", help="启动平台服务（先升级数据库结构）")
    db_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    serve.add_argument("--port", type=int, default=8080, help="端口（默认 8080）")
    serve.add_argument("--workers", type=int, default=1, help="工作进程数（默认 1）")
    serve.add_argument("--data-dir", help="附件存放目录（SQLite 默认在数据库文件旁）")
    serve.add_argument("--log-level", default="warning", help="日志级别（默认 warning）")
    serve.add_argument(
        "--no-access-log", action="store_true", help="不记录每个请求的访问日志（压测时用）"
    )
    serve.add_argument(
        "--threads",
        type=int,
        help=f"每个工作进程处理请求的线程数（默认 {DEFAULT_WORKER_THREADS}）",
    )
    serve.add_argument(
        "--backlog",
        type=int,
        default=2048,
        help="等待接受的连接队列长度（默认 2048）",
    )
    serve.add_argument(
        "--stop-with-stdin",
        action="store_true",
        help="标准输入关闭时停止（由启动它的程序持有管道，程序退出或被结束时平台随之停止）",
    )
    serve.add_argument(
        "--warning-job-seconds",
        type=float,
        help="各工作进程运行预警任务的间隔秒数（默认 60；0 为不运行，可改用 warnings-job）",
    )
    serve.set_defaults(handler=cmd_serve)

    job = commands.add_parser(
        "warnings-job", help="运行一次预警任务：更新全部在办线索的预警台账（同一时间只运行一个）"
    )
    db_option(job)
    job.add_argument("--now", help="按此时间计算（默认当前时间），如 2026-11-27T10:00+08:00")
    job.add_argument("--json", action="store_true", help="以一个 JSON 对象输出结果")
    job.set_defaults(handler=cmd_warnings_job)

    seed = commands.add_parser("seed", help="在空数据库中生成演示城市和线索")
    db_option(seed)
    seed.add_argument("--clues", type=int, required=True, help="生成的线索数量")
    seed.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    seed.add_argument("--now", help="演示数据的“当前时间”，如 2026-11-27T10:00+08:00")
    seed.add_argument("--json", action="store_true", help="以一个 JSON 数组输出演示账号")
    seed.add_argument(
        "--fast-hash", action="store_true", help="用低强度口令散列（仅供测试，勿用于生产）"
    )
    seed.add_argument(
        "--data-dir",
        help="平台附件存放目录，演示佐证材料写入其中（与 serve 相同；SQLite 默认在数据库文件旁）",
    )
    seed.add_argument(
        "--backlog",
        type=float,
        help="在办线索所占比例（0 到 1，供测试用；默认按源平台的形态，绝大多数线索已办结）",
    )
    seed.set_defaults(handler=cmd_seed)

    user = commands.add_parser("user", help="用户管理")
    user_commands = user.add_subparsers(dest="user_command", metavar="操作", required=True)
    add = user_commands.add_parser("add", help="添加用户（密码从标准输入读取一行）")
    db_option(add)
    add.add_argument("--username", required=True, help="用户名")
    add.add_argument("--unit", required=True, help="单位编码")
    add.add_argument("--role", required=True, help="角色：handler、dispatcher、supervisor、admin")
    add.add_argument("--display-name", help="姓名（默认同用户名）")
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="从标准输入读密码"
    )
    add.add_argument("--fast-hash", action="store_true", help=argparse.SUPPRESS)
    passwd = user_commands.add_parser("passwd", help="修改密码（从标准输入读取一行）")
    db_option(passwd)
    passwd.add_argument("--username", required=True, help="用户名")
    passwd.add_argument(
        "--password-stdin", action="store_true", required=True, help="从标准输入读密码"
    )
    passwd.add_argument("--fast-hash", action="store_true", help=argparse.SUPPRESS)
    disable = user_commands.add_parser("disable", help="停用用户并注销其全部登录")
    db_option(disable)
    disable.add_argument("--username", required=True, help="用户名")
    move = user_commands.add_parser("move", help="把用户调到另一单位（客户端需重新完整同步）")
    db_option(move)
    move.add_argument("--username", required=True, help="用户名")
    move.add_argument("--unit", required=True, help="新单位编码")
    move.add_argument("--role", help="同时调整角色（可选）")
    user.set_defaults(handler=cmd_user)

    device = commands.add_parser("device", help="设备管理：停用丢失的设备、查看设备和被拒绝的操作")
    device_commands = device.add_subparsers(dest="device_command", metavar="操作", required=True)
    revoke = device_commands.add_parser(
        "revoke", help="停用设备：注销其全部登录，它下次联系平台时清除本机数据"
    )
    db_option(revoke)
    revoke.add_argument("device_id", metavar="DEVICE_ID", help="设备编号（见 device list）")
    revoke.add_argument("--reason", required=True, help="停用理由，如“笔记本电脑丢失”")
    revoke.add_argument("--by", required=True, help="由谁停用（姓名或账号）")
    listing = device_commands.add_parser("list", help="列出平台知道的全部设备")
    db_option(listing)
    listing.add_argument("--json", action="store_true", help="每行输出一个 JSON 对象")
    refused = device_commands.add_parser(
        "refused", help="列出停用设备推送而被拒绝的操作（未在平台生效）"
    )
    db_option(refused)
    refused.add_argument("device_id", metavar="DEVICE_ID", nargs="?", help="只看此设备")
    refused.add_argument("--json", action="store_true", help="每行输出一个 JSON 对象")
    device.set_defaults(handler=cmd_device)

    calendar = commands.add_parser("calendar", help="时限规则和工作日历")
    calendar_commands = calendar.add_subparsers(
        dest="calendar_command", metavar="操作", required=True
    )
    imp = calendar_commands.add_parser(
        "import", help='导入 JSON：{"rules": {...}, "calendar": [年度日历, ...]}'
    )
    db_option(imp)
    imp.add_argument("file", help="JSON 文件")
    imp.set_defaults(handler=cmd_calendar_import)

    prune = commands.add_parser("prune", help="清理过期的范围变更记录（墓碑）")
    db_option(prune)
    prune.add_argument("--days", type=int, help="保留天数（默认用数据库中的设置）")
    prune.set_defaults(handler=cmd_prune)

    policy = commands.add_parser("policy", help="设备策略")
    policy_commands = policy.add_subparsers(dest="policy_command", metavar="策略", required=True)
    encryption = policy_commands.add_parser(
        "store-encryption",
        help="要求哪些设备加密本机线索库：field（仅外业笔记本，默认）、all（全部）、none（不要求）",
    )
    db_option(encryption)
    encryption.add_argument(
        "value", nargs="?", choices=("field", "all", "none"), help="新策略（省略时显示当前策略）"
    )
    encryption.set_defaults(handler=cmd_policy)

    audit = commands.add_parser("audit", help="审计记录：校验记录链、导出")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="操作", required=True)
    verify = audit_commands.add_parser(
        "verify", help="校验审计记录链，指出第一条被修改、插入或删除的记录（完好时退出码 0）"
    )
    source = verify.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--db",
        metavar="URL",
        help="数据库地址：sqlite:///文件 或 postgresql+psycopg://用户:密码@主机/库",
    )
    source.add_argument("--file", metavar="FILE", help="校验 audit export 导出的 JSON Lines 文件")
    export = audit_commands.add_parser(
        "export", help="导出审计记录（JSON Lines，每行一条，含哈希）"
    )
    db_option(export)
    export.add_argument(
        "--from",
        dest="since",
        metavar="TIME",
        help="从此时间起（如 2026-11-01 或 2026-11-01T08:00）",
    )
    export.add_argument("--to", dest="until", metavar="TIME", help="到此时间前（只写日期时含当天）")
    export.add_argument("--out", metavar="FILE", help="写入文件（默认输出到标准输出）")
    audit.set_defaults(handler=cmd_audit)
    add_backup_parsers(commands, db_option)
    return parser


def cmd_backup(args: argparse.Namespace) -> int:
    """Back the platform's database up into a file (consistent while the server runs)."""
    from cityplatform.backup import BackupError, backup
    from cityplatform.db import DatabaseUrlError

    try:
        done = backup(args.db, Path(args.out).expanduser())
    except (BackupError, DatabaseUrlError) as exc:
        raise CliError(str(exc)) from exc
    print(f"已备份平台数据库到 {done.path}（{done.size / 1024 / 1024:.1f} MB）")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup into the platform's database (stop the server first)."""
    from cityplatform.backup import BackupError, restore
    from cityplatform.db import DatabaseUrlError

    try:
        restore(args.db, Path(args.file).expanduser(), force=args.force)
    except (BackupError, DatabaseUrlError) as exc:
        raise CliError(str(exc)) from exc
    print(f"已把备份 {args.file} 恢复到数据库；请重新启动平台，客户端下次同步时会自动跟上")
    return 0


def add_backup_parsers(commands: Any, db_option: Any) -> None:
    """The `backup` and `restore` subcommands."""
    backup = commands.add_parser("backup", help="备份平台数据库（服务运行时也可以）")
    db_option(backup)
    backup.add_argument("--out", required=True, metavar="FILE", help="备份文件（不能已存在）")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="从备份恢复平台数据库（先停止服务）")
    restore.add_argument("file", metavar="FILE", help="备份文件")
    db_option(restore)
    restore.add_argument("--force", action="store_true", help="目标数据库不为空时也覆盖")
    restore.set_defaults(handler=cmd_restore)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - e.g. the database cannot be reached
        print(f"错误：{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
