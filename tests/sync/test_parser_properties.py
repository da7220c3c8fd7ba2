"""Property tests of the client's parser: malformed platform answers never crash it and are
never applied (a `SyncDataError` names the bad part and the store stays as it was)."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desktop.store.database import Store
from desktop.store.sync_apply import (
    SyncDataError,
    apply_pull_page,
    parse_changes,
    parse_push_result,
)
from desktop.wire.base import build
from desktop.wire.records import ClueOut

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
"""Any JSON value."""


def _clue(code: str, action_id: str = "7d1f6a0e-0000-4000-8000-000000000001") -> dict[str, Any]:
    at = datetime.fromisoformat("2026-11-27T09:00:00+08:00")
    return build(
        ClueOut,
        {
            "code": code,
            "version": 5,
            "channel": "hotline_12345",
            "category": "air",
            "priority": "normal",
            "received_at": at,
            "address": "连云港市海州区新海街道苍梧路1号",
            "county_code": "320706",
            "description": "夜间偷排废气",
            "status": "registered",
            "registered_at": at,
            "registered_by_unit": "320706",
            "assisting_units": [],
            "events": [
                {
                    "action_id": action_id,
                    "action": "register",
                    "username": "haizhou",
                    "unit_code": "320706",
                    "at": at,
                    "to_status": "registered",
                }
            ],
            "attachments": [],
        },
    ).model_dump(mode="json")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON tree."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _damage(tree: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    tree = copy.deepcopy(tree)
    if not path:
        return new
    parent = tree
    for part in path[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return tree


def _tables(store: Store) -> dict[str, Any]:
    with store.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall()
            for table in ("clues", "clue_events", "clue_assisting_units", "outbox", "sync_state")
        }


GOOD_PAGE = [{"kind": "clue", "seq": 7, "clue": _clue("LYG2026000001")}]


def test_the_good_page_is_applied(fresh_store: Store) -> None:
    """The base of the properties below is valid: without damage it is applied."""
    result = apply_pull_page(fresh_store, GOOD_PAGE, "c1")
    assert result.clues == 1


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), new=JSON, delete=st.booleans())
def test_a_damaged_page_is_refused_whole_or_applied_valid(
    fresh_store: Store, data: st.DataObject, new: Any, delete: bool
) -> None:
    second = _clue("LYG2026000002", "7d1f6a0e-0000-4000-8000-000000000002")
    page = [*GOOD_PAGE, {"kind": "clue", "seq": 8, "clue": second}]
    path = data.draw(st.sampled_from(_paths(page)))
    damaged = _damage(page, path, new, delete)
    before = _tables(fresh_store)
    try:
        parsed = parse_changes(damaged)
    except SyncDataError as exc:
        assert exc.path  # names the bad part
        with pytest.raises(SyncDataError):
            apply_pull_page(fresh_store, damaged, "c1")
        assert _tables(fresh_store) == before
        return
    # Still of the protocol's shape (e.g. a note replaced by another string): it applies, or
    # is refused whole for what only the store can check (units it does not know).
    assert all(change.seq >= 0 for change in parsed)
    try:
        apply_pull_page(fresh_store, damaged, "c1")
    except SyncDataError:
        assert _tables(fresh_store) == before


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text_=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_random_bytes_never_crash_the_parser(text_: bytes) -> None:
    try:
        parse_changes(text_)
    except SyncDataError:
        pass


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.data(), new=JSON, delete=st.booleans())
def test_a_damaged_push_result_raises_only_sync_data_error(
    data: st.DataObject, new: Any, delete: bool
) -> None:
    good = {
        "action_id": "a1",
        "status": "applied",
        "clue_code": "LYG2026000001",
        "seq": 9,
        "state": {k: v for k, v in _clue("LYG2026000001").items() if k not in ("events",)},
        "clue": _clue("LYG2026000001"),
    }
    parse_push_result(good, "results[0]")
    path = data.draw(st.sampled_from(_paths(good)))
    try:
        parse_push_result(_damage(good, path, new, delete), "results[0]")
    except SyncDataError as exc:
        assert exc.path.startswith("results[0]")


def test_truncated_json_names_the_problem() -> None:
    body = json.dumps(GOOD_PAGE).encode()[:-7]
    with pytest.raises(SyncDataError) as error:
        parse_changes(body)
    assert "JSON" in error.value.problem


def test_one_history_entry_on_two_clues_is_refused_whole(fresh_store: Store) -> None:
    page = [*GOOD_PAGE, {"kind": "clue", "seq": 8, "clue": _clue("LYG2026000002")}]
    before = _tables(fresh_store)
    with pytest.raises(SyncDataError):
        apply_pull_page(fresh_store, page, "c1")
    assert _tables(fresh_store) == before
