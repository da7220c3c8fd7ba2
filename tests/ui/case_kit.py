"""Helpers shared by the case window tests (no tests here): clues of the environment bureau,
its case and decision number blocks, and cases taken through the real store, as the window
would."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.cases import CaseAction
from desktop.domain.workflow import Action
from desktop.store.attachments import store_file
from desktop.store.cases import LocalCaseAction, act_on_case, file_case
from desktop.store.database import Store
from desktop.store.number_blocks import save_number_block
from tests.conftest import NOW
from tests.ui.loop_kit import act, photo, walk

BUREAU = "320706901"
"""连云港市海州生态环境局: the unit of the demo handler `hzhb` (it files penalty cases)."""
OFFICER = "hzhb"
FINDINGS = "该单位洗车废水未经处理直接通过暗管排入雨水管网，现场有明显泡沫。"
"""What the handler found on site (the report's result): the facts of a case."""
COMPLAINT = "洗车污水直排雨水管网"
"""What the reporter said (the clue's description): never the facts of a case."""
VALID_ID = "11010519491231002X"
OFFICERS = [
    {"name": "张执法", "certificate": "32070601001"},
    {"name": "李执法", "certificate": "32070601002"},
]


def give_case_numbers(store: Store, unit: str = BUREAU, year: int = 2026) -> None:
    """Blocks of 立案号 (1–20) and 决定书 numbers (1–20) on the device, as a sync would."""
    for series, block_id in (("case", 8101), ("decision", 8102)):
        save_number_block(
            store,
            {
                "block_id": block_id + year,
                "unit_code": unit,
                "year": year,
                "first": 1,
                "last": 20,
                "series": series,
            },
        )


def bureau_clue(store: Store, folder: Path, *, at: datetime = NOW, report: bool = True) -> str:
    """A clue of 海州区 led by the environment bureau, signed, and (with `report`) reported
    back with the handler's findings on site; its code."""
    code = walk(store, "handling", at=at, lead=BUREAU)
    if report:
        stored = store_file(store, photo(folder))
        act(
            store,
            OFFICER,
            Action.REPORT,
            code,
            at=at,
            result=FINDINGS,
            finding="true",
            measures="责令停止排放，封堵暗管",
            attachments=[{"sha256": stored.sha256, "name": "现场.png"}],
        )
    return code


def filing(**changes: Any) -> dict[str, Any]:
    """A valid 立案 payload (filed on the tests' today)."""
    return {
        "cause": "通过暗管排放水污染物案",
        "law": "水污染防治法",
        "party": {
            "party_type": "organisation",
            "name": "华福洗车行",
            "address": "海州区新海街道建设东路139号",
        },
        "officers": OFFICERS,
        "filed_on": NOW.date().isoformat(),
        **changes,
    }


def file(store: Store, code: str, *, at: datetime = NOW, **changes: Any) -> LocalCaseAction:
    """File a case on the clue as the bureau's handler."""
    if "filed_on" not in changes:
        changes["filed_on"] = at.date().isoformat()
    return file_case(store, OFFICER, "test", code, filing(**changes), now=at)


def step(
    store: Store, case_id: str, action: CaseAction, *, at: datetime = NOW, **payload: Any
) -> LocalCaseAction:
    """Take a step of a case as the bureau's handler."""
    return act_on_case(store, OFFICER, "test", action, case_id, payload, now=at)


def decided(store: Store, code: str, *, at: datetime = NOW) -> LocalCaseAction:
    """A case filed, notified (a fine of 8,000 元: no hearing for an organisation) and decided,
    all on the day of `at`."""
    day = at.date().isoformat()
    done = file(store, code, at=at)
    fine = [{"kind": "fine", "amount_yuan": "8000"}]
    step(
        store,
        done.case_id,
        CaseAction.NOTIFY,
        at=at,
        notified_on=day,
        document_number="海环罚告〔2026〕1号",
        penalties=fine,
    )
    return step(
        store,
        done.case_id,
        CaseAction.DECIDE,
        at=at,
        decided_on=day,
        penalties=fine,
        facts=FINDINGS,
        evidence=["现场检查笔录"],
        violated_clause_ids=["szfz-39"],
        basis_clause_ids=["szfz-83"],
    )


def days_before(moment: datetime, days: int) -> datetime:
    """A moment some calendar days earlier."""
    return moment - timedelta(days=days)
