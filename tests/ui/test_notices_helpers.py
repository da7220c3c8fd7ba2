"""Helpers shared by the notice window tests (no tests here): demo clues, number blocks and
notices taken through the real store, as the window would."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text

from desktop.domain.notices import NoticeAction, NoticeKind, NoticeStatus
from desktop.store.notices import (
    LocalNoticeAction,
    draft_content_for_clue,
    list_notices,
    take_notice_action,
)
from desktop.store.number_blocks import save_number_block
from desktop.ui.workspace import Workspace
from tests.ui.loop_kit import walk

XINHAI = "320706001"
"""新海街道: the township of the demo handler `xinhai`."""
BUREAU = "320706901"
"""连云港市海州生态环境局: the unit of the demo handler `hzhb`."""


DRAFTABLE = 2
"""How many clues a unit leads that notices may be drafted on, at least (made when missing:
most demo clues are closed, as the source platform's are)."""


def _draftable(workspace: Workspace, unit: str) -> list[str]:
    with workspace.store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT code FROM clues WHERE lead_unit = :unit "
                "AND status IN ('handling', 'reviewing') "
                "AND NOT EXISTS (SELECT 1 FROM notices WHERE notices.clue_id = clues.id) "
                "ORDER BY subject_credit_code = '', code"
            ),
            {"unit": unit},
        ).scalars()
        return [str(code) for code in rows]


def draftable_clues(workspace: Workspace, unit: str = XINHAI) -> list[str]:
    """The clues `unit` leads that are being handled or reviewed (notices may be drafted) and
    carry no notice yet, so that the notices a test makes on one are all it has: those of the
    store, and new ones walked to handling when there are fewer than DRAFTABLE (the demo store
    holds notices, in every follow-up state, on many of its clues)."""
    codes = _draftable(workspace, unit)
    for _ in range(DRAFTABLE - len(codes)):
        walk(workspace.store, "handling", at=workspace.now(), lead=unit)
    return _draftable(workspace, unit) if len(codes) < DRAFTABLE else codes


def handling_clue(workspace: Workspace, unit: str = XINHAI, *, credit_code: bool = False) -> str:
    """A clue `unit` may draft a notice on (the first has a subject credit code if any has;
    `credit_code` picks a second one, so that two calls give two clues)."""
    codes = draftable_clues(workspace, unit)
    assert len(codes) >= 2, codes
    return codes[0] if credit_code else codes[1]


def notice_ids(
    workspace: Workspace,
    statuses: Collection[NoticeStatus] = (),
    *,
    clue: str | None = None,
) -> set[str]:
    """The notices the workspace's user follows (of some statuses, of one clue), as the store
    holds them now: what a list shows besides the notices a test makes."""
    rows = list_notices(
        workspace.store,
        workspace.viewer,
        statuses=statuses or None,
        clue_code=clue,
        now=workspace.now(),
    )
    return {row.notice_id for row in rows}


def clue_fields(workspace: Workspace, code: str) -> dict[str, Any]:
    """The subject, credit code, address and description of a clue, as stored."""
    with workspace.store.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT subject_name, subject_credit_code, address, description "
                "FROM clues WHERE code = :code"
            ),
            {"code": code},
        ).one()
    return dict(row._mapping)


def give_numbers(workspace: Workspace, unit: str = XINHAI, *, year: int = 2026) -> None:
    """Put a block of 20 document numbers (15–34) on the device, as a sync would."""
    save_number_block(
        workspace.store,
        {
            "block_id": 7000 + int(unit[-3:]),
            "unit_code": unit,
            "year": year,
            "first": 15,
            "last": 34,
        },
    )


def take(
    workspace: Workspace,
    action: NoticeAction,
    notice_id: str | None,
    clue: str,
    payload: dict[str, Any],
    *,
    at: datetime | None = None,
) -> LocalNoticeAction:
    """Take a notice action in the store as the workspace's user."""
    return take_notice_action(
        workspace.store,
        workspace.username,
        workspace.device_id,
        action,
        notice_id,
        clue,
        payload,
        now=at or workspace.now(),
    )


FINDINGS = "废气收集处理设施未运行，车间门窗敞开，现场有明显异味。"
"""What the handler found on site, written after the prefilled lead-in."""


def draft(workspace: Workspace, clue: str, **changes: Any) -> LocalNoticeAction:
    """A draft prefilled from the clue (the handler's findings added), some content changed."""
    content = draft_content_for_clue(workspace.store, clue, workspace.username).to_dict()
    content["facts"] += FINDINGS
    content.update(changes)
    return take(
        workspace,
        NoticeAction.DRAFT,
        None,
        clue,
        {"kind": NoticeKind.RECTIFICATION.value, **content},
    )


def issued(workspace: Workspace, clue: str, *, days: int = 10) -> LocalNoticeAction:
    """A notice drafted and issued now (a block of numbers is given first)."""
    give_numbers(workspace, workspace.actor.unit.code)
    made = draft(workspace, clue, deadline_days=days)
    return take(workspace, NoticeAction.ISSUE, made.notice_id, clue, {})


def served(workspace: Workspace, clue: str, *, days: int = 10) -> LocalNoticeAction:
    """A notice issued and served now, directly, by two servers."""
    done = issued(workspace, clue, days=days)
    return take(
        workspace,
        NoticeAction.SERVE,
        done.notice_id,
        clue,
        {
            "method": "direct",
            "served_at": workspace.now().isoformat(),
            "place": "当事人经营场所",
            "recipient": "张三",
            "relation": "法定代表人",
            "servers": ["李四", "王五"],
        },
    )


def later(workspace: Workspace, days: int) -> datetime:
    """The workspace's now plus some calendar days."""
    return workspace.now() + timedelta(days=days)
