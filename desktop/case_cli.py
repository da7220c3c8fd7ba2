"""`cluedesk case`: the 行政处罚决定书 of a clue's penalty case as a PDF file, without the
window (no Qt is imported here).

    cluedesk case CLUE_CODE --data-dir DIR --out FILE.pdf
        the decision of the clue's latest decided case, with its 送达回证

Bad input (no such clue, no decided case, a bad --out) is told in one Chinese line on stderr,
exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.document_cli import DocumentCliError, run_alone, run_command, store_dir

if TYPE_CHECKING:  # the case rules are loaded by the command, not by every start
    from desktop.domain.case_content import CaseState


class CaseCliError(DocumentCliError):
    """A problem to tell the user in one line (exit status 2)."""


def add_case_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `case` command to the subparsers of `cluedesk` (handler: `cmd_case`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "case",
        help="把线索最近作出处罚决定的案件的行政处罚决定书生成为PDF",
        description="把行政处罚决定书（含送达回证）生成为PDF文件，无需打开窗口。",
    )
    parser.add_argument("clue", nargs="?", metavar="CLUE_CODE", help="线索编号")
    parser.add_argument("--data-dir", help="数据目录（默认：本机的数据目录）")
    parser.add_argument("--out", help="输出的PDF文件，如 --out 处罚决定书.pdf")
    parser.set_defaults(handler=cmd_case)
    return parser


def cmd_case(args: argparse.Namespace) -> int:
    """Run `cluedesk case`; 0 on success, 2 (with a message on stderr) on bad input."""
    return run_command("case", _run, args)


def _out(value: str | None) -> Path:
    if not value:
        raise CaseCliError("请用 --out 指定输出的PDF文件，如 --out 处罚决定书.pdf")
    out = Path(value).expanduser()
    if out.is_dir():
        raise CaseCliError(f"--out {out} 是一个文件夹，请给出PDF文件的路径")
    if out.suffix.lower() != ".pdf":
        raise CaseCliError(f"--out {out} 应为 .pdf 文件")
    return out


def latest_decided(cases: Sequence[CaseState]) -> CaseState | None:
    """The case whose decision is the latest (by decision date, then filing), or None."""
    decided = [c for c in cases if c.decision is not None]
    return max(decided, key=lambda c: (c.decided_on, c.created_at), default=None)


def _run(args: argparse.Namespace) -> int:
    from desktop.reports import MissingGlyph
    from desktop.reports.case_decision import CaseDocumentError, render_case_decision
    from desktop.store.cases import cases_of_clue
    from desktop.store.clue_detail import clue_id_by_code
    from desktop.store.database import open_store

    code = (args.clue or "").strip()
    if not code:
        raise CaseCliError("请指定线索编号，如 cluedesk case LYG2026000001 --out 处罚决定书.pdf")
    out = _out(args.out)
    store = open_store(store_dir(args.data_dir))
    try:
        if clue_id_by_code(store, code) is None:
            raise CaseCliError(f"本机没有编号为 {code} 的线索")
        case = latest_decided(cases_of_clue(store, code))
        if case is None:
            raise CaseCliError(f"线索 {code} 没有已作出处罚决定的行政处罚案件")
        data = render_case_decision(store, case.case_id)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except (CaseDocumentError, MissingGlyph) as exc:
        raise CaseCliError(f"无法生成：{exc}") from exc
    except OSError as exc:
        raise CaseCliError(f"无法写入 {exc.filename or out}：{exc.strerror or exc}") from exc
    finally:
        store.close()
    assert case.decision is not None
    print(f"{case.decision.number}（立案编号 {case.number}，{case.status.label}）：{out}")
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """`cluedesk case …` on its own (as `desktop.cli` runs it)."""
    return run_alone(add_case_parser, argv)


if __name__ == "__main__":
    sys.exit(run())
