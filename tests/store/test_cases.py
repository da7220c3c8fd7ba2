"""Penalty cases in the store: one transaction per action (history, view, outbox, the 立案号
and the decision's number taken from the device's blocks of their series), nothing written
when refused, the reads the case screens use (list with its filters, detail, history, who may
do what, laws) and the counts; the store migration keeps the blocks a device held."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from desktop.domain.cases import CaseAction, CaseRefused, CaseStatus
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import UnitInfo
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action
from desktop.store import migrate
from desktop.store.cases import (
    act_on_case,
    case_actions_for,
    case_counts_in,
    case_detail,
    case_history,
    case_laws_for,
    case_list,
    cases_of_clue,
    file_case,
    filing_refusal_for,
    load_case,
)
from desktop.store.clue_rows import unit_info
from desktop.store.database import Store, open_store
from desktop.store.local_actions import take_action
from desktop.store.models import Case, CaseEvent, NumberBlock, OutboxAction, Unit
from desktop.store.number_blocks import (
    files_cases,
    number_blocks,
    number_stock,
    save_number_block,
)
from desktop.store.queues import Viewer

DEVICE = "laptop-3"
STREET, BUREAU = "320706001", "320706901"
TABLES = ("cases", "case_events", "outbox", "number_blocks")
PARTY = {
    "party_type": "sole_trader",
    "name": "海州区老王烧烤店",
    "id_number": "11010519491231002X",
    "operator": "王某某",
    "address": "海州区新海街道解放路8号",
}
OFFICERS = [
    {"name": "张执法", "certificate": "32070601001"},
    {"name": "李执法", "certificate": "32070601002"},
]
FILING = {
    "cause": "露天烧烤污染大气案",
    "law": "中华人民共和国大气污染防治法",
    "party": PARTY,
    "officers": OFFICERS,
    "filed_on": "2026-11-27",
}


def _who(city: Any) -> dict[str, str]:
    return {key: user.username for key, user in city.demo_accounts().items()}


def _snapshot(store: Store) -> dict[str, Any]:
    with store.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall()
            for table in TABLES
        }


def _blocks(store: Store, unit: str = BUREAU) -> None:
    for block_id, series in ((1, "notice"), (2, "case"), (3, "decision")):
        save_number_block(
            store,
            {
                "block_id": block_id,
                "unit_code": unit,
                "year": 2026,
                "first": 11,
                "last": 12,
                "series": series,
            },
        )


@pytest.fixture
def handled(fresh_store: Store, demo_city: Any, now: datetime) -> tuple[Store, str]:
    """A clue led by 新海街道 (signed) and assisted by the environment bureau (all local)."""
    who = _who(demo_city)
    draft = {
        "channel": "日常检查",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "大气",
        "priority": "一般",
        "description": "烧烤店露天烧烤，油烟扰民",
        "address": "海州区新海街道解放路8号",
        "county_code": "320706",
        "township_code": STREET,
        "subject_name": "海州区老王烧烤店",
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
        {"lead_unit": STREET, "assisting_units": [BUREAU]},
        now=now,
    )
    take_action(fresh_store, who["township"], DEVICE, Action.SIGN, code, {}, now=now)
    _blocks(fresh_store)
    return fresh_store, code


def test_filing_writes_history_view_and_outbox_with_a_case_number(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    bureau = _who(demo_city)["department"]
    done = file_case(store, bureau, DEVICE, code, FILING, now=now)
    case = done.state
    assert case.number == "海环立〔2026〕11号" and case.status is CaseStatus.FILED
    assert number_stock(store, BUREAU, 2026, "case") == 1
    assert number_stock(store, BUREAU, 2026, "notice") == 2  # other series untouched
    assert load_case(store, done.case_id) == case
    assert cases_of_clue(store, code) == [case]
    with store.session() as session:
        row = session.scalars(select(Case)).one()
        assert (row.pending, row.party_name, row.number) == (True, "海州区老王烧烤店", case.number)
        [event] = session.scalars(select(CaseEvent)).all()
        assert (event.action, event.pending, event.to_status) == ("file", True, "filed")
        queued = session.scalars(
            select(OutboxAction).where(OutboxAction.command_type == "case.file.v1")
        ).one()
        assert queued.payload["case_id"] == done.case_id
        assert (queued.payload["number_year"], queued.payload["number_seq"]) == (2026, 11)
        assert queued.payload["number"] == "海环立〔2026〕11号"


def test_a_refused_or_invalid_action_writes_nothing(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    who = _who(demo_city)
    before = _snapshot(store)
    with pytest.raises(CaseRefused, match="没有行政处罚权"):
        file_case(store, who["township"], DEVICE, code, FILING, now=now)
    with pytest.raises(ValidationError) as caught:
        file_case(
            store, who["department"], DEVICE, code, {**FILING, "officers": OFFICERS[:1]}, now=now
        )
    assert caught.value.field == "officers"
    bad_id = {**PARTY, "id_number": "110105194912310021"}
    with pytest.raises(ValidationError) as caught:
        file_case(store, who["department"], DEVICE, code, {**FILING, "party": bad_id}, now=now)
    assert caught.value.field == "party.id_number"
    with pytest.raises(LookupError):
        file_case(store, who["department"], DEVICE, "LYG404", FILING, now=now)
    assert _snapshot(store) == before  # not even a number was used
    with store.session() as session, session.begin():
        session.execute(text("DELETE FROM number_blocks WHERE series = 'case'"))
    with pytest.raises(ValidationError, match="编号段") as caught:
        file_case(store, who["department"], DEVICE, code, FILING, now=now)
    assert caught.value.field == "number"


def test_every_step_offline_and_the_decision_number_from_its_own_block(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    bureau = _who(demo_city)["department"]
    case_id = file_case(store, bureau, DEVICE, code, FILING, now=now).case_id
    assert case_actions_for(store, bureau, case_id) == [
        CaseAction.INVESTIGATE,
        CaseAction.NOTIFY,
        CaseAction.CLOSE,
        CaseAction.EXTEND,
    ]
    assert case_actions_for(store, _who(demo_city)["township"], case_id) == []
    day = "2026-11-27"
    steps: list[tuple[CaseAction, dict[str, Any]]] = [
        (CaseAction.INVESTIGATE, {"investigated_on": day, "note": "现场检查"}),
        (
            CaseAction.NOTIFY,
            {
                "notified_on": day,
                "document_number": "海环罚告〔2026〕5号",
                "penalties": [{"kind": "fine", "amount_yuan": "3000"}],
            },
        ),
        (CaseAction.STATEMENT, {"received_on": day, "result": "放弃陈述申辩"}),
        (
            CaseAction.DECIDE,
            {
                "decided_on": day,
                "penalties": [{"kind": "fine", "amount_yuan": "3000"}],
                "facts": "当事人在城市人口集中区露天烧烤。",
                "violated_clause_ids": ["air-81"],
                "basis_clause_ids": ["air-118"],
            },
        ),
    ]
    for action, payload in steps:
        act_on_case(store, bureau, DEVICE, action, case_id, payload, now=now)
    detail = case_detail(store, case_id, now=now)
    assert detail is not None and detail.state.status is CaseStatus.DECIDED
    assert detail.state.decision is not None
    assert detail.state.decision.number == "海环罚〔2026〕11号"
    assert (detail.countdown, detail.warning_level, detail.pending) == (None, 0, True)
    assert [h.action for h in detail.history] == [
        CaseAction.FILE,
        *(action for action, _ in steps),
    ]
    assert case_history(store, case_id) == detail.history
    assert number_stock(store, BUREAU, 2026, "decision") == 1
    with pytest.raises(ValueError):
        act_on_case(store, bureau, DEVICE, CaseAction.FILE, case_id, FILING, now=now)
    with pytest.raises(LookupError):
        act_on_case(store, bureau, DEVICE, CaseAction.INVESTIGATE, "nope", {}, now=now)


def _viewer(store: Store, unit: str) -> Viewer:
    with store.session() as session:
        found = session.get(Unit, unit)
        assert found is not None
        info: UnitInfo = unit_info(found)
    return Viewer(info)


def test_the_case_list_filters_and_warns(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    bureau = _who(demo_city)["department"]
    first = file_case(store, bureau, DEVICE, code, FILING, now=now)
    december = datetime(2026, 12, 1, 10, tzinfo=CHINA_TZ)
    second = file_case(
        store,
        bureau,
        DEVICE,
        code,
        {**FILING, "cause": "未密闭运输渣土案", "filed_on": "2026-12-01"},
        now=december,
    )
    act_on_case(
        store,
        bureau,
        DEVICE,
        CaseAction.CLOSE,
        second.case_id,
        {"outcome": "撤销立案", "closed_on": "2026-12-01", "note": "不属于本机关管辖"},
        now=december,
    )
    viewer = _viewer(store, BUREAU)
    rows = case_list(store, viewer, now=now)
    assert [r.case_id for r in rows] == [first.case_id, second.case_id]  # running first
    running = rows[0]
    assert (running.number, running.party_name, running.cause) == (
        "海环立〔2026〕11号",
        "海州区老王烧烤店",
        "露天烧烤污染大气案",
    )
    assert running.deadline == datetime(2027, 2, 25, 17, 30, tzinfo=CHINA_TZ)
    assert running.countdown is not None and not running.countdown.overdue
    assert rows[1].countdown is None and rows[1].warning_level == 0
    late = datetime(2027, 3, 8, 10, tzinfo=CHINA_TZ)  # past the deadline
    [overdue] = case_list(store, viewer, warning_levels={2, 3}, now=late)
    assert overdue.case_id == first.case_id and overdue.warning_level == 3
    assert overdue.countdown is not None and overdue.countdown.overdue
    assert case_list(store, viewer, warning_levels={1}, now=late) == []
    only = case_list(store, viewer, statuses={CaseStatus.CLOSED}, now=now)
    assert [r.case_id for r in only] == [second.case_id]
    assert [r.case_id for r in case_list(store, viewer, text="渣土", now=now)] == [second.case_id]
    assert len(case_list(store, viewer, text=code, now=now)) == 2
    in_period = case_list(
        store, viewer, filed_from=date(2026, 11, 21), filed_to=date(2026, 11, 30), now=now
    )
    assert [r.case_id for r in in_period] == [first.case_id]
    assert case_list(store, viewer, unit_codes={STREET}, now=now) == []
    assert len(case_list(store, _viewer(store, STREET), now=now)) == 2  # it leads the clue
    assert case_list(store, _viewer(store, "320706002"), now=now) == []  # another street
    assert len(case_list(store, _viewer(store, "320706"), now=now)) == 2  # the county office
    counts = case_counts_in(store, date(2026, 11, 1), date(2026, 12, 31))
    assert (counts.filed, counts.concluded, counts.filed_concluded) == (2, 1, 1)
    assert counts.rate == 0.5


def test_who_may_file_and_under_which_laws(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    who = _who(demo_city)
    assert filing_refusal_for(store, who["department"], code) is None
    assert filing_refusal_for(store, who["department"], code, "中华人民共和国建筑法")
    reason = filing_refusal_for(store, who["township"], code)
    assert reason is not None and "没有行政处罚权" in reason
    laws = case_laws_for(store, who["department"])
    assert "大气污染防治法" in laws and "水污染防治法" in laws
    assert case_laws_for(store, who["township"]) == ()
    assert files_cases(store, BUREAU, "handler") and not files_cases(store, STREET, "handler")
    assert not files_cases(store, BUREAU, "dispatcher")


def test_two_offline_filings_never_share_a_number(
    handled: tuple[Store, str], demo_city: Any, now: datetime
) -> None:
    store, code = handled
    bureau = _who(demo_city)["department"]
    numbers = [file_case(store, bureau, DEVICE, code, FILING, now=now).state.number for _ in (1, 2)]
    assert numbers == ["海环立〔2026〕11号", "海环立〔2026〕12号"]
    with pytest.raises(ValidationError) as caught:  # the block is used up
        file_case(store, bureau, DEVICE, code, FILING, now=now)
    assert caught.value.field == "number"
    assert [b.series for b in number_blocks(store, BUREAU, None)] == ["notice", "case", "decision"]


def test_the_store_migration_keeps_the_blocks_a_device_held(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    config = migrate.alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        connection.execute(
            text(
                "INSERT INTO number_blocks (block_id, unit_code, year, first, last, next_seq,"
                " received_at) VALUES (5, :unit, 2026, 1, 20, 4, '2026-11-27T10:00:00+08:00')"
            ),
            {"unit": STREET},
        )
    migrate.upgrade_if_needed(store.engine, store.db_path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.session() as session:
        [block] = session.scalars(select(NumberBlock)).all()
        assert (block.series, block.next_seq, block.last) == ("notice", 4, 20)
    assert number_stock(store, STREET, 2026) == 17
    assert number_stock(store, STREET, 2026, "case") == 0
    store.close()
