"""Regenerate the renders of the printed documents in docs/notices/ from a demo city's store.

    python tools/render_documents.py [--out docs/notices] [--clues 3000]

Generates the demo city into a temporary store, picks a real issued 整改通知书, a 责令改正违法行为决定书
and the 行政处罚决定书 of two concluded penalty cases (a company, a sole trader),
prints each through the same command as `cluedesk notice` / `cluedesk case` with the bundled
fonts (the same on every machine), and renders every page at 60 dpi in 16 grey levels. The
纪律检查建议书 is built from the demo's overdue clues of one township and its county's
commission (the suggestion records come later) and printed with `render_suggestion`. The
week's verification report (每周核查) is 海州区's latest fully verified week with a failure. The
monthly circulars (月度通报) of the city and of 海州区 for October are printed through
`cluedesk circular`. `--only NAME` renders one of them (`--only circulars`: both circulars).
Needs `pdftoppm` (poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from desktop.cli import main as cluedesk
from desktop.domain.codes import Category
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.verification import week_start
from desktop.reports.fonts import FontSet
from desktop.reports.numerals import chinese_count
from desktop.reports.suggestion import SuggestionFields, SuggestionKind, render_suggestion
from desktop.reports.verification_report import WeekReport, render_report, week_report
from desktop.store.database import Store, open_store
from desktop.store.demo_load import load_demo
from desktop.store.models import Case, Clue, ClueEvent, Notice, Unit, VerificationBatch

NOW = datetime(2026, 11, 30, 17, 0, tzinfo=CHINA_TZ)
"""The demo's 'now': the renders do not change from one day to the next."""

HAIZHOU = "320706"
"""The district whose commission issues the rendered suggestion (海州区)."""

Pick = Callable[[Store], str | None]
"""Finds the clue code of a document to render, or None when the demo has none."""


def _notice(kind: str, party_type: str | None = None) -> Pick:
    def pick(store: Store) -> str | None:
        alone = (
            select(Notice.clue_id).group_by(Notice.clue_id).having(func.count() == 1)
        ).scalar_subquery()
        statement = (
            select(Clue.code, Notice.state)
            .join(Clue, Clue.id == Notice.clue_id)
            .where(
                Notice.kind == kind,
                Notice.status.in_(("served", "rectified")),
                Notice.clue_id.in_(alone),
            )
            .order_by(Notice.number_year.desc(), Notice.number_seq)
        )
        with store.session() as session:
            for code, state in session.execute(statement):
                content = (state or {}).get("content") or {}
                if party_type is None or content.get("party_type", "organisation") == party_type:
                    return str(code)
        return None

    return pick


def _draft(store: Store) -> str | None:
    """A clue found 属实 with a subject and no notice: `cluedesk notice` prints its draft."""
    statement = (
        select(Clue.code)
        .where(
            Clue.finding == "true",
            Clue.subject_name != "",
            Clue.lead_unit.is_not(None),
            Clue.id.not_in(select(Notice.clue_id)),
        )
        .order_by(Clue.received_at.desc())
    )
    with store.session() as session:
        return session.scalars(statement).first()


def _case(party_type: str) -> Pick:
    def pick(store: Store) -> str | None:
        statement = (
            select(Clue.code, Case.state)
            .join(Case, Case.clue_id == Clue.id)
            .where(Case.status == "closed", Case.decided_on.is_not(None))
            .order_by(Case.decided_on.desc())
        )
        with store.session() as session:
            for code, state in session.execute(statement):
                party = (state or {}).get("party") or {}
                if party.get("party_type", "organisation") == party_type:
                    return str(code)
        return None

    return pick


DOCUMENTS: dict[str, tuple[str, Pick]] = {
    "rectification": ("notice", _notice("rectification", "organisation")),
    "correction_order": ("notice", _notice("correction_order")),
    "draft": ("notice", _draft),
    "penalty_decision": ("case", _case("organisation")),
    "penalty_decision-sole-trader": ("case", _case("sole_trader")),
}
"""Name of the render → the command that prints it and how to find its clue."""


def _suggestion(store: Store) -> SuggestionFields | None:
    """A 纪律检查建议书 of a county commission to the township with the most clues signed
    late (the demo's clue codes and descriptions as the attached list)."""
    late = (
        select(Clue.lead_unit, Clue.code, Clue.category, Clue.address)
        .join(ClueEvent, ClueEvent.clue_id == Clue.id)
        .where(ClueEvent.action == "urge", Clue.lead_unit.like("______%"))
        .order_by(Clue.received_at.desc())
    )
    with store.session() as session:
        by_unit: dict[str, list[tuple[str, str]]] = {}
        for unit, code, category, address in session.execute(late):
            rows = by_unit.setdefault(str(unit), [])
            if code not in (c for c, _ in rows):
                rows.append((str(code), f"{Category(category).label}：{address}"))
        names = {code: name for code, name in session.execute(select(Unit.code, Unit.name))}
        legal = {code: name for code, name in session.execute(select(Unit.code, Unit.legal_name))}
        kinds = {code: kind for code, kind in session.execute(select(Unit.code, Unit.kind))}
    towns = [u for u in by_unit if kinds.get(u) in ("township", "street")]
    haizhou = [u for u in towns if u.startswith(HAIZHOU)]  # a district's commission
    towns = haizhou or towns
    if not towns:
        return None
    unit = max(towns, key=lambda u: (len(by_unit[u]), u))
    county = names.get(f"{unit[:6]}800", "海州区纪委监委").removesuffix("纪委监委")
    clues = tuple(by_unit[unit][:5])
    return SuggestionFields(
        kind=SuggestionKind.DISCIPLINE,
        issuer=f"中共连云港市{county}纪律检查委员会",
        number=f"{county[:2]}纪建〔2026〕3号",
        addressee=legal.get(unit) or names.get(unit, unit),
        subject="督促加强生态环境问题线索签收办理工作",
        body=(
            f"近期，我委通过生态环境问题线索闭环管理平台对全区线索办理情况开展监督检查，"
            f"发现你单位办理的{chinese_count(len(by_unit[unit]))}件线索因超过办理时限被督办，"
            "部分线索触发三级预警，存在以下问题：",
            "一是签收不及时。个别线索分办后未在规定时限内签收，经督办后才签收办理。",
            "二是办理不到位。部分线索现场核查流于形式，反馈材料缺少现场照片等佐证材料，"
            "被审核退回后仍未按期整改到位，群众反映的问题未得到及时解决。",
            "三是责任不落实。线索办理缺少专人负责和跟踪督促机制，超期问题反复出现。",
        ),
        basis=("《中国共产党纪律检查机关监督执纪工作规则》第十四条",),
        requests=(
            "立即组织对附件所列线索逐件核查办理，明确责任人和完成时限，确保办理到位",
            "建立线索签收、办理、反馈日清周结机制，主要负责人定期听取线索办理情况汇报",
            "对超期线索相关责任人员的履职情况进行调查，依规依纪依法提出处理意见",
        ),
        reply_due=date(2026, 12, 21),
        issued_on=date(2026, 11, 30),
        copy_to=f"连云港市{county}生态环境问题攻坚办公室",
        clues=clues,
    )


def _verification_report(store: Store) -> WeekReport | None:
    """海州区's week report of the latest week it has fully verified with a failure in it."""
    with store.session() as session:
        name = session.scalar(select(Unit.name).where(Unit.code == HAIZHOU)) or HAIZHOU
        weeks = session.scalars(
            select(VerificationBatch.week)
            .where(VerificationBatch.office == HAIZHOU)
            .distinct()
            .order_by(VerificationBatch.week.desc())
        ).all()
    for week in weeks:
        report = week_report(store, HAIZHOU, name, week, week_start(week) + timedelta(days=8))
        if report.failed and not report.totals.pending:
            return report
    return None


def _render_pages(pdf: Path, out: Path, name: str) -> list[Path]:
    """Render the pages of `pdf` into out/name-N.png (the old ones removed)."""
    for old in out.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / name)], check=True)
    pages = sorted(out.glob(f"{name}-*.png"))
    for page in pages:
        _grey(page)
    return pages


def render(out: Path, clues: int, only: str | None = None) -> list[Path]:
    """Print every document of DOCUMENTS from a fresh demo store and render its pages (with
    `only`, that one document)."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cluedesk-render-") as temp:
        folder = Path(temp) / "store"
        store = open_store(folder)
        try:
            load_demo(store, clues, seed=1, now=NOW)
            picked = {
                name: (command, pick(store))
                for name, (command, pick) in DOCUMENTS.items()
                if only in (None, name)
            }
            suggestion = _suggestion(store) if only in (None, "suggestion") else None
            verification = (
                _verification_report(store) if only in (None, "verification_report") else None
            )
        finally:
            store.close()
        for name, (command, code) in picked.items():
            if code is None:
                print(f"演示数据中没有可用于 {name} 的文书，跳过", file=sys.stderr)
                continue
            pdf = Path(temp) / f"{name}.pdf"
            status = cluedesk([command, code, "--data-dir", str(folder), "--out", str(pdf)])
            if status != 0:
                raise SystemExit(f"{command} {code} 失败（退出码 {status}）")
            written += _render_pages(pdf, out, name)
        if verification is not None:
            pdf = Path(temp) / "verification_report.pdf"
            render_report(verification, pdf, fonts=FontSet.bundled())
            written += _render_pages(pdf, out, "verification_report")
        elif only in (None, "verification_report"):
            print("演示数据中没有核查不合格的周，跳过 verification_report", file=sys.stderr)
        if suggestion is not None:
            pdf = Path(temp) / "suggestion.pdf"
            render_suggestion(suggestion, pdf, fonts=FontSet.bundled())
            written += _render_pages(pdf, out, "suggestion")
        elif only in (None, "suggestion"):
            print("演示数据中没有被督办的乡镇线索，跳过 suggestion", file=sys.stderr)
    return written


CIRCULARS: dict[str, list[str]] = {
    "circular-city": [
        "--number",
        "连攻坚通〔2026〕11号",
        "--praise",
        "320722:线索签收及时，办结率和回访满意率位居全市前列",
        "--criticise",
        "320723:三级预警线索较多，整改推进迟缓",
    ],
    "circular-county": ["--county", HAIZHOU, "--number", "海攻坚通〔2026〕9号"],
}
"""The circulars rendered: the city's and 海州区's of October, numbered, with praise and
criticism."""


def render_circulars(out: Path, clues: int) -> list[Path]:
    """Print the city's and a county's monthly circular from a fresh demo store."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cluedesk-render-") as temp:
        folder = Path(temp) / "store"
        store = open_store(folder)
        try:
            load_demo(store, clues, seed=1, now=NOW)
        finally:
            store.close()
        for name, extra in CIRCULARS.items():
            pdf = Path(temp) / f"{name}.pdf"
            argv = ["circular", "--month", "2026-10", "--data-dir", str(folder)]
            argv += ["--out", str(pdf), "--date", "2026-11-04", "--at", NOW.isoformat(), *extra]
            status = cluedesk(argv)
            if status != 0:
                raise SystemExit(f"circular {name} 失败（退出码 {status}）")
            written += _render_pages(pdf, out, name)
    return written


def _grey(path: Path) -> None:
    """Reduce a render to 16 grey levels (they stay sharp and small)."""
    with Image.open(path) as image:
        reduced = image.convert("L").quantize(16)
    reduced.save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    """Regenerate the renders."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/notices"))
    parser.add_argument("--clues", type=int, default=3000)
    parser.add_argument("--only", help="只生成这一种文书（如 verification_report、circulars）")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("需要 pdftoppm（poppler-utils）", file=sys.stderr)
        return 2
    pages = [] if args.only == "circulars" else render(args.out, args.clues, args.only)
    if args.only in (None, "circulars"):
        pages += render_circulars(args.out, args.clues)
    for page in pages:
        print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
