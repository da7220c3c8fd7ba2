"""`cluedesk import`: a channel's list (.xlsx or .csv) checked row by row and its whole valid
rows queued for the platform, without the window (no Qt is imported here).

    cluedesk import FILE --channel CODE --data-dir DIR [--mapping FILE] [--user NAME] [--json]

With --json one object a line per data row: row (as the spreadsheet numbers it), status
(accepted / rejected / duplicate), field, reason. The accepted rows wait in the outbox for the
next sync. A file that cannot be read at all, or a bad option, is told in one Chinese line on
stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.document_cli import DocumentCliError, run_alone, run_command, store_dir
from desktop.domain.codes import Channel


class ImportCliError(DocumentCliError):
    """A problem to tell the user in one line (exit status 2)."""


def add_import_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `import` command to the subparsers of `cluedesk` (handler: `cmd_import`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="导入渠道线索清单（.xlsx 或 .csv，如12345热线工单日报）",
        description="逐行检查渠道清单，把完整有效的行作为登记操作排入待同步队列。",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="清单文件（.xlsx 或 .csv）")
    parser.add_argument("--channel", help="举报途径代码或名称，如 hotline_12345 或 12345热线")
    parser.add_argument("--data-dir", help="数据目录（默认：本机的数据目录）")
    parser.add_argument(
        "--mapping", help='列对应关系（JSON 文件：字段 → 列名，如 {"channel_ref": "工单号"}）'
    )
    parser.add_argument("--user", help="以此用户导入（默认：本机线索库登录的用户）")
    parser.add_argument("--json", action="store_true", help="每个数据行输出一行 JSON")
    parser.set_defaults(handler=cmd_import)
    return parser


def cmd_import(args: argparse.Namespace) -> int:
    """Run `cluedesk import`; 0 on success, 2 (with a message on stderr) on bad input."""
    return run_command("import", _run, args)


def _channel(value: str | None) -> Channel:
    if not value:
        raise ImportCliError("请用 --channel 指定举报途径，如 --channel hotline_12345")
    try:
        return Channel.from_text(value)
    except ValueError:
        options = "、".join(f"{c.value}（{c.label}）" for c in Channel)
        raise ImportCliError(f"--channel「{value}」无效，可选：{options}") from None


def read_mapping(path: Path) -> dict[str, str | None]:
    """A mapping file: a JSON object of field (key or Chinese label) → column name."""
    from desktop.domain.import_mapping import IMPORT_FIELDS

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ImportCliError(f"--mapping 文件不存在：{path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportCliError(f"--mapping {path} 不是有效的 JSON 文件：{exc}") from None
    if not isinstance(data, Mapping):
        raise ImportCliError(f"--mapping {path} 应为 JSON 对象：字段 → 列名")
    by_name = {f.key: f.key for f in IMPORT_FIELDS} | {f.label: f.key for f in IMPORT_FIELDS}
    mapping: dict[str, str | None] = {}
    for name, column in data.items():
        key = by_name.get(str(name).strip())
        if key is None:
            options = "、".join(f"{f.key}（{f.label}）" for f in IMPORT_FIELDS)
            raise ImportCliError(f"--mapping 中的“{name}”不是可导入的字段，可用：{options}")
        if column is not None and not isinstance(column, str):
            raise ImportCliError(f"--mapping 中“{name}”的列名应为文字或 null")
        mapping[key] = column or None
    return mapping


def _user(store: Any, wanted: str | None) -> str:
    from desktop.store.sync_apply import read_state

    name = (wanted or "").strip() or (read_state(store, "user") or {}).get("username")
    if not name:
        raise ImportCliError("本机线索库尚未登录：请先登录同步一次，或用 --user 指定用户")
    return str(name)


def _run(args: argparse.Namespace) -> int:
    from desktop.domain.import_mapping import (
        header_matcher,
        mapping_of,
        missing_required,
        resolve_columns,
    )
    from desktop.domain.import_rows import count_results, may_import
    from desktop.domain.timeutil import china_now
    from desktop.store.clue_import import import_judging, queue_import, remembered_mapping
    from desktop.store.database import open_store
    from desktop.store.import_files import ImportFileError, read_table
    from desktop.store.sync_apply import device_id

    if not args.file:
        raise ImportCliError("请指定清单文件，如 cluedesk import 工单.xlsx --channel hotline_12345")
    channel = _channel(args.channel)
    given = read_mapping(Path(args.mapping).expanduser()) if args.mapping else None
    store = open_store(store_dir(args.data_dir))
    try:
        username = _user(store, args.user)
        device = device_id(store)
        with store.session() as session:
            try:
                judging = import_judging(session, username, device)
            except LookupError:
                raise ImportCliError(f"本机线索库中没有用户“{username}”") from None
        if not may_import(judging.actor):
            raise ImportCliError("只有市、县区攻坚办的分办人员可以导入线索清单")
        remembered = given if given is not None else remembered_mapping(store, channel)
        try:
            table, _sheet = read_table(Path(args.file).expanduser(), header_matcher(remembered))
        except ImportFileError as exc:
            raise ImportCliError(str(exc)) from None
        headers = "、".join(h for h in table.headers if h)
        absent = [c for c in (given or {}).values() if c and c not in table.headers]
        if absent:
            raise ImportCliError(f"--mapping 中的列“{absent[0]}”不在文件中；文件的列：{headers}")
        columns = resolve_columns(table.headers, channel, remembered)
        missing = missing_required(columns)
        if missing:
            names = "、".join(f.label for f in missing)
            raise ImportCliError(
                f"文件中找不到必填字段的列：{names}（可用 --mapping 指定列名；文件的列：{headers}）"
            )
        mapping = mapping_of(table.headers, columns, channel)
        results = queue_import(
            store, username, device, table, channel, columns, china_now(), mapping=mapping
        )
    finally:
        store.close()
    if args.json:
        for result in results:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    counts = count_results(results)
    print(
        f"{Path(args.file).name}：共 {counts.total} 行，导入 {counts.accepted} 行，"
        f"拒绝 {counts.rejected} 行，重复 {counts.duplicate} 行"
    )
    for result in results:
        if result.problems:
            kind = "拒绝" if result.status.value == "rejected" else "重复"
            print(f"  第 {result.number} 行 {kind}：{result.reason}")
    if counts.accepted:
        print("已导入的行在下次同步时登记到市平台。")
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """`cluedesk import …` on its own (as `desktop.cli` runs it)."""
    return run_alone(add_import_parser, argv)


if __name__ == "__main__":
    sys.exit(run())
