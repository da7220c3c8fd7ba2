"""The store's part of notice content (issue 12): drafts take the report's findings, the
edited clause map, the directory's legal names and remedies synced from the platform."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.clause_map import ProblemKind, shipped_clause_map
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action
from desktop.store.attachments import store_file
from desktop.store.clause_map import load_clause_map, remove_problem_kind, save_problem_kind
from desktop.store.clue_rows import load_directory
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.notices import draft_content_for_clue
from desktop.store.sync_apply.reference import save_directory
from tests.store.test_notices import DEVICE, _who, handled  # noqa: F401 (the fixture)


def test_the_map_is_seeded_edited_and_kept(fresh_store: Store, now: datetime) -> None:
    shipped = shipped_clause_map()
    assert load_clause_map(fresh_store) == shipped
    row = shipped.rows[0]
    changed = ProblemKind(row.key, row.category, "废气直排（本地）", ("dqfz-48",), (), ())
    save_problem_kind(fresh_store, changed, now=now)
    assert load_clause_map(fresh_store).get(row.key) == changed
    with pytest.raises(ValidationError) as caught:
        save_problem_kind(fresh_store, ProblemKind("x", "air", "甲", ("no-such",)))
    assert caught.value.field == "violated"
    remove_problem_kind(fresh_store, shipped.rows[1].key)
    assert load_clause_map(fresh_store).get(shipped.rows[1].key) is None
    with pytest.raises(ValidationError):
        remove_problem_kind(fresh_store, "nope")


def test_a_draft_takes_the_reports_findings_and_the_edited_map(
    handled: tuple[Store, str],  # noqa: F811
    demo_city: Any,
    now: datetime,
    tmp_path: Path,
) -> None:
    store, code = handled
    township = _who(demo_city)["township"]
    bare = draft_content_for_clue(store, code, township, now=now)
    assert bare.facts.endswith("发现：") and "气味刺鼻" not in bare.facts
    photo = tmp_path / "现场.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 300)
    stored = store_file(store, photo)
    later = now + timedelta(hours=2)
    take_action(
        store,
        township,
        DEVICE,
        Action.REPORT,
        code,
        {
            "result": "经新海街道现场核查，反映问题属实。喷漆房挥发性有机物废气未经收集处理直排。",
            "finding": "true",
            "measures": "已责令停产整改",
            "attachments": [{"sha256": stored.sha256, "name": photo.name}],
        },
        now=later,
    )
    content = draft_content_for_clue(store, code, township, now=later)
    day = f"{later.year}年{later.month}月{later.day}日"
    assert content.facts == (
        f"{day}，我办工作人员对你单位位于海州区新海街道苍梧路1号的生产经营场所进行现场检查，"
        "发现：反映问题属实。喷漆房挥发性有机物废气未经收集处理直排。"
    )
    assert "化工厂车间无组织排放" not in content.facts  # the complaint stays out
    assert content.problem_kind == "air-untreated" and content.clause_ids == ("dqfz-45",)
    edited = ProblemKind(
        "air-untreated",
        "air",
        "挥发性有机物（本地）",
        ("dqfz-48",),
        ("dqfz-108",),
        ("dqfz-108",),
        ("挥发性有机物",),
    )
    save_problem_kind(store, edited, now=later)
    again = draft_content_for_clue(store, code, township, now=later)
    assert again.clause_ids == ("dqfz-48",)  # the edited row is used


def test_the_directorys_legal_names_and_remedies_are_synced(
    fresh_store: Store, demo_city: Any
) -> None:
    unit = demo_city.unit("320706001")
    answer = {
        "units": [
            {
                "code": unit.code,
                "name": unit.name,
                "kind": unit.kind.value,
                "parent_code": unit.parent_code,
                "county_code": unit.county_code,
                "legal_name": "连云港市海州区新海街道办事处（改）",
                "review_body": "连云港市海州区人民政府",
                "court": "灌南县人民法院",
            }
        ],
        "users": [],
    }
    save_directory(fresh_store, answer)
    with fresh_store.session() as session:
        synced = load_directory(session)["320706001"]
    assert synced.legal_name == "连云港市海州区新海街道办事处（改）"
    assert (synced.review_body, synced.court) == ("连云港市海州区人民政府", "灌南县人民法院")
