"""The demo city's warning record and its commissions' records: every clue carries the record
its history gives under the platform job's rules; the commissions' suggestions follow red
warnings and stand in every state, and their accountability records are numbered in date
order and concern units that were red or left a suggestion unanswered."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime

import pytest

from desktop.demo.city import load_city
from desktop.demo.generator import DemoClue, generate_clues
from desktop.demo.supervision import DemoSupervision, plan_supervision, red_warnings
from desktop.domain.calendar import default_calendar
from desktop.domain.deadlines import warning_level
from desktop.domain.notice_numbers import parse_number
from desktop.domain.rules import Rules
from desktop.domain.suggestions import SuggestionKind, SuggestionStatus
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.warning_record import current_stage

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
DEMO_COUNTY = "320706"


@pytest.fixture(scope="module")
def clues() -> list[DemoClue]:
    return list(generate_clues(load_city(), 3000, seed=1, now=NOW))


@pytest.fixture(scope="module")
def supervision(clues: list[DemoClue]) -> DemoSupervision:
    reds = [r for c in clues for r in red_warnings(c.state, c.warnings)]
    return plan_supervision(load_city(), reds, default_calendar(), NOW)


def test_the_open_warnings_of_each_clue_are_its_live_level(clues: list[DemoClue]) -> None:
    calendar, rules = default_calendar(), Rules()
    for clue in clues:
        running = current_stage(clue.state)
        live = 0
        if running is not None:
            stage, deadline = running
            live = warning_level(deadline, NOW, calendar, rules.warnings_for(stage))
        still_open = [e.level for e, _ in clue.warnings if e.is_open]
        assert max(still_open, default=0) == live, clue.state.code
        assert sorted(still_open) == list(range(1, live + 1))


def test_a_year_of_warnings_with_red_ones_among_them(clues: list[DemoClue]) -> None:
    levels = Counter(e.level for c in clues for e, _ in c.warnings)
    assert levels[1] > levels[2] > levels[3] > 20
    ended = [(e, e.cleared_at) for c in clues for e, _ in c.warnings if e.cleared_at is not None]
    assert ended and all(e.cleared_by is not None and at >= e.reached_at for e, at in ended)


def test_suggestions_stand_in_every_state_in_the_demo_county(
    supervision: DemoSupervision,
) -> None:
    city = load_city().directory()
    ours = [
        r.state
        for r in supervision.suggestions
        if city[r.state.addressed_unit].county_code == DEMO_COUNTY
    ]
    assert {s.status for s in ours} == set(SuggestionStatus)
    assert {s.kind for s in ours} == set(SuggestionKind)
    assert any(s.awaiting_reply and s.reply_deadline < NOW for s in ours)  # overdue
    assert any(len(s.replies) == 2 for s in ours)  # sent back once and answered again


def test_letters_follow_the_red_warnings_of_the_unit_they_address(
    clues: list[DemoClue], supervision: DemoSupervision
) -> None:
    red_at: dict[tuple[str, str], datetime] = {}
    for clue in clues:
        for episode, unit in clue.warnings:
            if episode.level == 3:
                key = (clue.state.code, unit)
                red_at[key] = min(red_at.get(key, episode.reached_at), episode.reached_at)
    for record in supervision.suggestions:
        state = record.state
        for code in state.clue_codes:
            assert red_at[(code, state.addressed_unit)] < state.issued_at
        assert [e.at for e in record.events] == sorted(e.at for e in record.events)
        assert all(e.at < NOW for e in record.events)


def test_accountability_records_are_numbered_in_date_order(
    supervision: DemoSupervision,
) -> None:
    by_prefix: dict[tuple[str, int], list[tuple[int, date]]] = defaultdict(list)
    for record in supervision.accountability:
        parsed = parse_number(record.state.document_number)
        assert parsed is not None
        prefix, year, seq = parsed
        by_prefix[(prefix, year)].append((seq, record.state.decided_on))
    assert len(supervision.accountability) >= 10
    for numbered in by_prefix.values():
        numbered.sort()
        assert [seq for seq, _ in numbered] == list(range(1, len(numbered) + 1))
        assert [day for _, day in numbered] == sorted(day for _, day in numbered)
