"""Notices in the store: one transaction per action (history, view, outbox, the number taken
from the device's block), the reads the notice screens use, number blocks and the clause
library."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop.domain.notices import (
    Clause,
    NoticeAction,
    NoticeKind,
    NoticeRefused,
    NoticeStatus,
)
from desktop.domain.validators import ValidationError, credit_code_check_char
from desktop.domain.workflow import Action
from desktop.store import clause_library as clause_module
from desktop.store import record_kinds
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.models import Notice, NoticeEvent, NumberBlock, OutboxAction
from desktop.store.notices import (
    clause_library,
    draft_content_for_clue,
    draftable_kinds_for,
    list_notices,
    load_notice,
    notice_actions_for,
    notice_history,
    notices_of_clue,
    number_stock,
    remove_clause,
    save_clause,
    take_notice_action,
)
from desktop.store.number_blocks import (
    issues_notices,
    number_blocks,
    save_number_block,
    take_number,
)
from desktop.store.queues import Viewer
from desktop.store.sync_apply.view import rebuild_touched
from desktop.store.sync_apply.work import Work

DEVICE = "laptop-9"
STREET = "320706001"
CREDIT = "91320700MA1MXXXX0"
CREDIT += credit_code_check_char(CREDIT)
CONTENT: dict[str, Any] = {
    "party_name": "连云港市某化工有限公司",
    "credit_code": CREDIT.lower(),
    "address": "海州区新海街道苍梧路1号",
    "facts": "现场检查发现废气收集设施未运行。",
    "evidence": "现场检查笔录\n现场照片",
    "clause_ids": ["air-108"],
    "order": "立即恢复废气收集处理设施正常运行。",
    "deadline_days": 5,
    "authority": "连云港市海州区新海街道办事处",
    "review_body": "连云港市海州区人民政府",
    "litigation_court": "灌南县人民法院",
}
AIR_108 = Clause("air-108", "中华人民共和国大气污染防治法", "第一百零八条", "违反本法规定……")
TABLES = ("notices", "notice_events", "outbox", "number_blocks", "clauses")


def _who(city: Any) -> dict[str, str]:
    return {key: user.username for key, user in city.demo_accounts().items()}


def _snapshot(store: Store) -> dict[str, Any]:
    with store.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall()
            for table in TABLES
        }


@pytest.fixture
def handled(fresh_store: Store, demo_city: Any, now: datetime) -> tuple[Store, str]:
    """A clue registered and dispatched by the county, signed by 新海街道 (all local)."""
    who = _who(demo_city)
    draft = {
        "channel": "日常检查",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "大气",
        "priority": "一般",
        "description": "化工厂车间无组织排放，气味刺鼻",
        "address": "海州区新海街道苍梧路1号",
        "county_code": "320706",
        "township_code": STREET,
        "subject_name": "连云港市某化工有限公司",
        "subject_credit_code": CREDIT,
    }
    code = take_action(
        fresh_store, who["county"], DEVICE, Action.REGISTER, None, draft, now=now
    ).clue_code
    take_action(
        fresh_store,
        who["county"],
        DEVICE,
        Action.DISPATCH,
        code,
        {"lead_unit": STREET, "assisting_units": ["320706901"]},
        now=now,
    )
    take_action(fresh_store, who["township"], DEVICE, Action.SIGN, code, {}, now=now)
    save_clause(fresh_store, AIR_108, now=now)
    return fresh_store, code


def _block(store: Store, block_id: int = 7, first: int = 21, last: int = 40) -> None:
    save_number_block(
        store,
        {"block_id": block_id, "unit_code": STREET, "year": 2026, "first": first, "last": last},
    )


def _draft(store: Store, code: str, user: str, now: datetime, **changes: Any) -> str:
    done = take_notice_action(
        store,
        user,
        DEVICE,
        NoticeAction.DRAFT,
        None,
        code,
        {"kind": "rectification", **CONTENT, **changes},
        now=now,
    )
    return done.notice_id


def test_draft_and_issue_write_history_view_and_outbox_together(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    township = _who(demo_city)["township"]
    notice_id = _draft(store, code, township, now)
    with store.session() as session:
        row = session.scalars(select(Notice)).one()
        assert (row.notice_id, row.status, row.unit_code, row.pending) == (
            notice_id,
            "draft",
            STREET,
            True,
        )
        event = session.scalars(select(NoticeEvent)).one()
        assert event.pending and event.action == "draft" and event.device_id == DEVICE
        queued = session.scalars(
            select(OutboxAction).where(OutboxAction.command_type.like("notice.%"))
        ).one()
        assert queued.command_type == "notice.draft.v1" and queued.clue_code == code
        assert queued.payload["notice_id"] == notice_id
        assert queued.payload["credit_code"] == CREDIT  # normalized as the rules read it
        assert queued.payload["evidence"] == ["现场检查笔录", "现场照片"]
    before = _snapshot(store)
    with pytest.raises(ValidationError) as no_numbers:
        take_notice_action(
            store, township, DEVICE, NoticeAction.ISSUE, notice_id, code, {}, now=now
        )
    assert no_numbers.value.field == "number"
    assert no_numbers.value.message == "本机没有可用的文书编号，请先联网同步领取编号段"
    assert _snapshot(store) == before
    _block(store)
    assert number_stock(store, STREET, 2026) == 20
    done = take_notice_action(
        store, township, DEVICE, NoticeAction.ISSUE, notice_id, code, {}, now=now
    )
    assert done.state.number == "海新海整改〔2026〕21号"
    assert done.state.clauses == (AIR_108,)
    assert number_stock(store, STREET, 2026) == 19
    with store.session() as session:
        issue = session.scalars(
            select(OutboxAction).where(OutboxAction.command_type == "notice.issue.v1")
        ).one()
        assert issue.payload == {
            "notice_id": notice_id,
            "issued_at": now.isoformat(),
            "number_year": 2026,
            "number_seq": 21,
            "number": "海新海整改〔2026〕21号",
            "clauses": [AIR_108.to_dict()],
        }
    loaded = load_notice(store, notice_id)
    assert loaded == done.state and loaded.status is NoticeStatus.ISSUED
    second = _draft(store, code, township, now + timedelta(minutes=1))
    again = take_notice_action(
        store, township, DEVICE, NoticeAction.ISSUE, second, code, {}, now=now
    )
    assert again.state.number == "海新海整改〔2026〕22号"
    assert [n.notice_id for n in notices_of_clue(store, code)] == [notice_id, second]
    assert [e.action for e in notice_history(store, notice_id)] == [
        NoticeAction.DRAFT,
        NoticeAction.ISSUE,
    ]


def test_refused_and_invalid_actions_write_nothing(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    who = _who(demo_city)
    _block(store)
    before = _snapshot(store)
    with pytest.raises(NoticeRefused, match="办理人员"):
        _draft(store, code, who["county"], now)
    with pytest.raises(ValidationError) as bad:
        _draft(store, code, who["township"], now, credit_code="91320700MA1MXXXX0X")
    assert bad.value.field == "credit_code"
    with pytest.raises(LookupError):
        _draft(store, "LYG-NONE", who["township"], now)
    with pytest.raises(LookupError):
        take_notice_action(
            store, who["township"], DEVICE, NoticeAction.EDIT, "nope", code, {}, now=now
        )
    assert _snapshot(store) == before
    notice_id = _draft(store, code, who["township"], now, party_name="")
    before = _snapshot(store)
    with pytest.raises(ValidationError) as incomplete:
        take_notice_action(
            store, who["township"], DEVICE, NoticeAction.ISSUE, notice_id, code, {}, now=now
        )
    assert incomplete.value.field == "party_name"
    assert _snapshot(store) == before  # no number was used up


def test_a_failure_in_the_middle_leaves_nothing_half_written(
    handled: tuple[Store, str], demo_city: Any, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, code = handled
    township = _who(demo_city)["township"]
    notice_id = _draft(store, code, township, now)
    _block(store)
    before = _snapshot(store)

    def broken(*_: Any, **__: Any) -> None:
        raise OSError("disk full")

    # The notice row is updated and the number taken when the history entry is written.
    monkeypatch.setattr(record_kinds, "pending_event_values", broken)
    with pytest.raises(OSError):
        take_notice_action(
            store, township, DEVICE, NoticeAction.ISSUE, notice_id, code, {}, now=now
        )
    assert _snapshot(store) == before
    assert number_stock(store, STREET, 2026) == 20
    assert load_notice(store, notice_id).status is NoticeStatus.DRAFT  # type: ignore[union-attr]


def test_the_view_replays_to_the_same_notices(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    township = _who(demo_city)["township"]
    _block(store)
    notice_id = _draft(store, code, township, now)
    take_notice_action(store, township, DEVICE, NoticeAction.ISSUE, notice_id, code, {}, now=now)
    serve = {
        "method": "direct",
        "served_at": now.isoformat(),
        "place": "公司办公室",
        "recipient": "王五",
        "relation": "法定代表人",
        "servers": ["李四", "赵六"],
    }
    take_notice_action(store, township, DEVICE, NoticeAction.SERVE, notice_id, code, serve, now=now)
    other = _draft(store, code, township, now + timedelta(minutes=1))

    def view() -> Any:
        with store.engine.connect() as connection:
            notices = connection.execute(
                text("SELECT notice_id, status, number, state, pending FROM notices ORDER BY 1")
            ).fetchall()
            events = connection.execute(
                text(
                    "SELECT action_id, notice_id, action, at, details, pending FROM notice_events"
                    " ORDER BY action_id"
                )
            ).fetchall()
        return notices, events

    before = view()
    with store.session() as session, session.begin():
        rebuild_touched(Work(session), [code])  # a provisional clue: always rebuilt
    assert view() == before
    # Without its DRAFT in the outbox a notice only drafted here disappears from the view.
    with store.session() as session, session.begin():
        session.execute(text("DELETE FROM outbox WHERE payload LIKE :id"), {"id": f"%{other}%"})
        rebuild_touched(Work(session), [code])
    assert [n.notice_id for n in notices_of_clue(store, code)] == [notice_id]
    assert load_notice(store, other) is None


def test_the_notice_list_scope_filter_and_warnings(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    who = _who(demo_city)
    _block(store)
    issued = _draft(store, code, who["township"], now)
    take_notice_action(
        store, who["township"], DEVICE, NoticeAction.ISSUE, issued, code, {}, now=now
    )
    drafted = _draft(store, code, who["township"], now + timedelta(minutes=5))
    bureau = demo_city.unit("320706901")
    by_bureau = _draft(store, code, who["department"], now + timedelta(minutes=6))
    township = Viewer(demo_city.unit(STREET))
    rows = list_notices(store, township, now=now)
    assert [r.notice_id for r in rows] == [issued, drafted, by_bureau]  # deadline first
    first = rows[0]
    assert first.status is NoticeStatus.ISSUED and first.kind is NoticeKind.RECTIFICATION
    assert first.party_name == CONTENT["party_name"] and first.pending
    assert first.rectify_deadline == datetime(2026, 12, 4, 17, 30, tzinfo=now.tzinfo)
    assert first.warning_level == 0 and rows[1].warning_level == 0
    later = list_notices(store, township, now=datetime(2026, 12, 4, 9, tzinfo=now.tzinfo))
    assert later[0].warning_level == 1
    overdue = list_notices(store, township, now=datetime(2026, 12, 10, 9, tzinfo=now.tzinfo))
    assert overdue[0].warning_level == 3
    assert [r.notice_id for r in list_notices(store, township, statuses=[NoticeStatus.DRAFT])] == [
        drafted,
        by_bureau,
    ]
    county = Viewer(demo_city.unit("320706"))
    assert len(list_notices(store, county, now=now)) == 3
    other_county = Viewer(demo_city.unit("320722"))
    assert list_notices(store, other_county, now=now) == []
    stranger = Viewer(demo_city.unit("320706002"))
    assert list_notices(store, stranger, now=now) == []
    assert len(list_notices(store, Viewer(bureau), now=now)) == 3  # it assists the clue
    assert [r.notice_id for r in list_notices(store, county, clue_code="x")] == []


def test_a_draft_starts_prefilled_from_the_clue(handled: tuple[Store, str], demo_city: Any) -> None:
    store, code = handled
    content = draft_content_for_clue(store, code, _who(demo_city)["township"])
    assert content.party_name == "连云港市某化工有限公司"
    assert content.credit_code == CREDIT
    assert content.address == "海州区新海街道苍梧路1号"
    # no report yet: the facts are the lead-in for the handler to complete, never the complaint
    assert "无组织排放" not in content.facts and content.facts.endswith("发现：")
    assert "我办工作人员对你单位位于海州区新海街道苍梧路1号的生产经营场所" in content.facts
    library = {c.clause_id: c for c in clause_library(store)}
    assert 1 <= len(content.clause_ids) <= 3  # an air clue: clauses of the air law
    assert all("大气污染防治法" in library[c].law for c in content.clause_ids)
    assert content.authority == "连云港市海州区新海街道办事处"
    assert content.review_body == "连云港市海州区人民政府"
    assert content.litigation_court == "灌南县人民法院"
    with pytest.raises(LookupError):
        draft_content_for_clue(store, "LYG-NONE", _who(demo_city)["township"])


def test_number_blocks_are_kept_and_used_lowest_first(fresh_store: Store, now: datetime) -> None:
    _block(fresh_store, block_id=9, first=41, last=42)
    _block(fresh_store, block_id=7, first=21, last=21)
    _block(fresh_store, block_id=7, first=21, last=21)  # the same block again: no change
    assert number_stock(fresh_store, STREET, 2026) == 3
    assert number_stock(fresh_store, STREET, 2027) == 0
    with fresh_store.session() as session, session.begin():
        taken = [take_number(session, STREET, 2026) for _ in range(4)]
    assert taken == [(2026, 21), (2026, 41), (2026, 42), None]
    assert [b.left for b in number_blocks(fresh_store)] == [0, 0]
    with pytest.raises(ValueError):
        save_number_block(fresh_store, {"block_id": 1, "unit_code": STREET, "year": 2026})
    with fresh_store.session() as session:
        assert session.scalar(select(func.count()).select_from(NumberBlock)) == 2
    assert issues_notices(fresh_store, STREET, "handler")
    assert issues_notices(fresh_store, "320706901", "handler")
    assert not issues_notices(fresh_store, "320706", "dispatcher")
    assert not issues_notices(fresh_store, "320706", "handler")
    assert not issues_notices(fresh_store, STREET, "supervisor")


def test_the_clause_library_is_seeded_and_edited(
    fresh_store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = [
        {"id": "air-108", "law": "大气污染防治法", "article": "第一百零八条", "text": "旧条文"},
        {"id": "water-83", "law": "水污染防治法", "article": "第八十三条", "text": "条文"},
    ]
    shipped = [json.dumps(seed, ensure_ascii=False)]
    monkeypatch.setattr(clause_module, "seed_text", lambda: shipped[0])
    assert [c.clause_id for c in clause_library(fresh_store)] == ["air-108", "water-83"]
    save_clause(fresh_store, Clause("water-83", "水污染防治法", "第八十三条", "用户改过的条文"))
    remove_clause(fresh_store, "air-108")
    newer = [
        {**seed[0], "text": "新条文"},
        {**seed[1], "text": "新条文"},
        {"id": "noise-87", "law": "噪声污染防治法", "article": "第八十七条", "text": "条文"},
    ]
    shipped[0] = json.dumps({"clauses": newer}, ensure_ascii=False)  # a newer cluedesk
    library = {c.clause_id: c for c in clause_library(fresh_store)}
    assert "air-108" not in library  # removed by the user: not brought back
    assert library["water-83"].text == "用户改过的条文"  # edited: not overwritten
    assert library["noise-87"].title == "《噪声污染防治法》第八十七条"
    hidden = {c.clause_id: c for c in clause_library(fresh_store, include_hidden=True)}
    assert hidden["air-108"].text == "旧条文"
    with pytest.raises(ValidationError) as empty:
        save_clause(fresh_store, Clause("x", "法", "第一条", " "))
    assert empty.value.field == "text"
    with pytest.raises(ValidationError):
        remove_clause(fresh_store, "nowhere")


def test_issue_needs_the_cited_clauses_text(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    township = _who(demo_city)["township"]
    _block(store)
    notice_id = _draft(store, code, township, now, clause_ids=["air-108", "lost-1"])
    with pytest.raises(ValidationError) as missing:
        take_notice_action(
            store, township, DEVICE, NoticeAction.ISSUE, notice_id, code, {}, now=now
        )
    assert missing.value.field == "clauses" and "lost-1" in missing.value.message
    assert number_stock(store, STREET, 2026) == 20


def test_what_a_user_may_do_is_read_from_the_store(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    who = _who(demo_city)
    assert draftable_kinds_for(store, who["township"], code) == [NoticeKind.RECTIFICATION]
    assert draftable_kinds_for(store, who["department"], code) == [
        NoticeKind.RECTIFICATION,
        NoticeKind.CORRECTION_ORDER,
    ]
    assert draftable_kinds_for(store, who["county"], code) == []
    notice_id = _draft(store, code, who["township"], now)
    assert notice_actions_for(store, who["township"], notice_id) == [
        NoticeAction.EDIT,
        NoticeAction.ISSUE,
    ]
    assert notice_actions_for(store, who["department"], notice_id) == []
    assert notice_actions_for(store, who["township"], "nope") == []


def test_numbers_taken_in_parallel_are_all_different(fresh_store: Store) -> None:
    _block(fresh_store, block_id=1, first=1, last=40)

    def take(count: int) -> list[tuple[int, int] | None]:
        taken = []
        for _ in range(count):
            with fresh_store.session() as session, session.begin():
                taken.append(take_number(session, STREET, 2026))
        return taken

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = [n for part in pool.map(take, [10, 10, 10, 10]) for n in part]
    assert sorted(n for n in results if n is not None) == [(2026, s) for s in range(1, 41)]
    assert number_stock(fresh_store, STREET, 2026) == 0
