"""`cluedesk notice`: notices as PDF files without the window (no Qt is imported here).

    cluedesk notice CLUE_CODE --data-dir DIR --out FILE.pdf
        the clue's latest notice; a clue without one gets a draft prefilled from it, marked 草稿
    cluedesk notice --all-issued --data-dir DIR --out-dir DIR
        every issued notice of the store, one PDF each, named by its number

Bad input is told in one Chinese line on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.document_cli import DocumentCliError, run_alone, run_command, store_dir
from desktop.domain.codes import UnitKind
from desktop.domain.notices import (
    NoticeKind,
    NoticeState,
    NoticeStatus,
    draft_content_from_clue,
)
from desktop.domain.timeutil import china_now
from desktop.domain.units import UnitInfo

ISSUED = frozenset(set(NoticeStatus) - {NoticeStatus.DRAFT})
"""Every status of a notice that carries a number."""


class NoticeCliError(DocumentCliError):
    """A problem to tell the user in one line (exit status 2)."""


def add_notice_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `notice` command to the subparsers of `cluedesk` (handler: `cmd_notice`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "notice",
        help="把通知书生成为PDF（线索最新的通知书或草稿；或全部已签发的通知书）",
        description="把整改通知书生成为PDF文件，无需打开窗口。",
    )
    parser.add_argument("clue", nargs="?", metavar="CLUE_CODE", help="线索编号")
    parser.add_argument("--data-dir", help="数据目录（默认：本机的数据目录）")
    parser.add_argument("--out", help="输出的PDF文件（与线索编号一起使用）")
    parser.add_argument(
        "--all-issued", action="store_true", help="生成本机全部已签发的通知书，每份一个文件"
    )
    parser.add_argument("--out-dir", help="输出文件夹（与 --all-issued 一起使用）")
    parser.add_argument(
        "--kind",
        choices=[kind.value for kind in NoticeKind],
        default=NoticeKind.RECTIFICATION.value,
        help="线索尚无通知书时，草稿的文书种类（默认 rectification 整改通知书）",
    )
    parser.set_defaults(handler=cmd_notice)
    return parser


def cmd_notice(args: argparse.Namespace) -> int:
    """Run `cluedesk notice`; 0 on success, 2 (with a message on stderr) on bad input."""
    return run_command("notice", _run, args)


def _check_args(args: argparse.Namespace) -> None:
    if args.all_issued:
        if args.clue:
            raise NoticeCliError("线索编号与 --all-issued 只能选一个")
        if args.out:
            raise NoticeCliError("--all-issued 请用 --out-dir 指定输出文件夹，而不是 --out")
        if not args.out_dir:
            raise NoticeCliError("请用 --out-dir 指定输出文件夹")
        return
    if not args.clue:
        raise NoticeCliError("请指定线索编号，或使用 --all-issued 生成全部已签发的通知书")
    if args.out_dir:
        raise NoticeCliError("单份通知书请用 --out 指定输出的PDF文件，而不是 --out-dir")
    if not args.out:
        raise NoticeCliError("请用 --out 指定输出的PDF文件，如 --out 通知书.pdf")
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise NoticeCliError(f"--out {out} 是一个文件夹，请给出PDF文件的路径")


def _run(args: argparse.Namespace) -> int:
    from desktop.reports import MissingGlyph
    from desktop.store.database import open_store

    _check_args(args)
    folder = store_dir(args.data_dir)
    store = open_store(folder)
    try:
        if args.all_issued:
            return _all_issued(store, Path(args.out_dir).expanduser())
        return _one(store, args.clue.strip(), Path(args.out).expanduser(), NoticeKind(args.kind))
    except MissingGlyph as exc:
        raise NoticeCliError(f"无法生成：{exc}") from exc
    except OSError as exc:
        raise NoticeCliError(f"无法写入 {exc.filename or ''}：{exc.strerror or exc}") from exc
    finally:
        store.close()


def _directory(store: Any) -> dict[str, UnitInfo]:
    from desktop.store.clue_rows import load_directory

    with store.session() as session:
        return dict(load_directory(session))


def _document(store: Any, units: Mapping[str, UnitInfo], state: NoticeState, now: datetime) -> Any:
    from desktop.reports import build_document
    from desktop.store.clause_library import clause_library

    clauses = clause_library(store, include_hidden=True)
    return build_document(state, clauses=clauses, unit=units.get(state.unit_code), today=now.date())


def draft_state(
    store: Any, clue_code: str, kind: NoticeKind, units: Mapping[str, UnitInfo], now: datetime
) -> NoticeState:
    """A draft of the clue's notice, prefilled from it for its lead unit (never stored)."""
    from desktop.store.clause_library import clause_library
    from desktop.store.clause_map import load_clause_map
    from desktop.store.clue_detail import clue_id_by_code, load_clue_detail, report_findings
    from desktop.store.clue_rows import load_rules

    clue_id = clue_id_by_code(store, clue_code)
    detail = load_clue_detail(store, clue_id) if clue_id is not None else None
    if detail is None:
        raise NoticeCliError(f"本机没有编号为 {clue_code} 的线索")
    code = detail.lead_unit.code if detail.lead_unit else detail.county.code
    unit = units.get(code) or UnitInfo(code, code, UnitKind.COUNTY_OFFICE, None, None)
    with store.session() as session:
        powers = load_rules(session).powers
    content = draft_content_from_clue(
        detail,
        unit,
        units,
        kind,
        clause_library(store),
        findings=report_findings(detail),
        clause_map=load_clause_map(store),
        powers=powers,
        today=now.date(),
    )
    return NoticeState(
        notice_id=str(uuid.uuid4()),
        clue_code=detail.code,
        kind=kind,
        status=NoticeStatus.DRAFT,
        unit_code=unit.code,
        content=content,
        created_at=now,
    )


def _one(store: Any, clue_code: str, out: Path, kind: NoticeKind) -> int:
    from desktop.reports import render_notice
    from desktop.store.clue_detail import clue_id_by_code
    from desktop.store.notices import notices_of_clue

    if not clue_code:
        raise NoticeCliError("线索编号不能为空")
    if clue_id_by_code(store, clue_code) is None:
        raise NoticeCliError(f"本机没有编号为 {clue_code} 的线索")
    now = china_now()
    units = _directory(store)
    notices = notices_of_clue(store, clue_code)
    state = notices[-1] if notices else draft_state(store, clue_code, kind, units, now)
    document = _document(store, units, state, now)
    out.parent.mkdir(parents=True, exist_ok=True)
    render_notice(document, out)
    if not notices:
        print(f"线索 {clue_code} 尚无通知书，已生成预填的草稿（标注 草稿）：{out}")
    elif state.number:
        print(f"{state.number}（{state.status.label}）：{out}")
    else:
        print(f"线索 {clue_code} 的通知书草稿：{out}")
    return 0


def _all_issued(store: Any, folder: Path) -> int:
    from desktop.reports import render_many
    from desktop.store.notices import list_notices, load_notice
    from desktop.store.queues import Viewer

    if folder.exists() and not folder.is_dir():
        raise NoticeCliError(f"--out-dir {folder} 不是文件夹")
    now = china_now()
    units = _directory(store)
    everyone = Viewer(UnitInfo("", "全市", UnitKind.CITY_OFFICE, None, None))
    rows = list_notices(store, everyone, statuses=ISSUED, now=now)
    states = [s for s in (load_notice(store, row.notice_id) for row in rows) if s is not None]
    states.sort(key=lambda s: (s.number_year or 0, s.unit_code, s.number_seq or 0))
    documents = [_document(store, units, state, now) for state in states]
    if not documents:
        print("本机没有已签发的通知书", file=sys.stderr)
        return 0

    def progress(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            print(f"已生成 {done}/{total} 份", file=sys.stderr)

    paths = render_many(documents, folder, progress)
    for state, path in zip(states, paths, strict=True):
        print(f"{state.number}\t{path}")
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """`cluedesk notice …` on its own (before it is hooked into `desktop.cli`)."""
    return run_alone(add_notice_parser, argv)


if __name__ == "__main__":
    sys.exit(run())
