"""Regenerate the renders of the printed documents in docs/notices/ from a demo city's store.

    python tools/render_documents.py [--out docs/notices] [--clues 3000]

Generates the demo city into a temporary store, picks a real issued 整改通知书, a 责令改正违法行为决定书
and the 行政处罚决定书 of two concluded penalty cases (a company, a sole trader),
prints each through the same command as `cluedesk notice` / `cluedesk case` with the bundled
fonts (the same on every machine), and renders every page at 60 dpi in 16 grey levels.
Needs `pdftoppm` (poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from desktop.cli import main as cluedesk
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.database import Store, open_store
from desktop.store.demo_load import load_demo
from desktop.store.models import Case, Clue, Notice

NOW = datetime(2026, 11, 30, 17, 0, tzinfo=CHINA_TZ)
"""The demo's 'now': the renders do not change from one day to the next."""

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


def render(out: Path, clues: int) -> list[Path]:
    """Print every document of DOCUMENTS from a fresh demo store and render its pages."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cluedesk-render-") as temp:
        folder = Path(temp) / "store"
        store = open_store(folder)
        try:
            load_demo(store, clues, seed=1, now=NOW)
            picked = {name: (command, pick(store)) for name, (command, pick) in DOCUMENTS.items()}
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
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / name)], check=True)
            for page in sorted(out.glob(f"{name}-*.png")):
                _grey(page)
                written.append(page)
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
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("需要 pdftoppm（poppler-utils）", file=sys.stderr)
        return 2
    for page in render(args.out, args.clues):
        print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
