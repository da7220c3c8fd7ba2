"""The demo looks like the source platform: steady seasonal intake over two years, nearly
everything older than two months closed (99.57 % on the real platform), a small open backlog
that is mostly green, the turns of the loop in realistic shares (duplicates, refusals,
callbacks, extensions, returns, sign-offs, notices in every follow-up state), every county
with its ten-odd departments, and credit codes that are valid down to the check character of
the embedded organisation code."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from datetime import datetime, timedelta

import pytest

from desktop.demo.cases import duty_of
from desktop.demo.city import DemoCity, load_city
from desktop.demo.generator import DemoClue, generate_clues
from desktop.demo.histories import INTAKE_DAYS
from desktop.domain.calendar import WorkCalendar, default_calendar
from desktop.domain.codes import DONE_STATUSES, OPEN_STATUSES, Channel, Finding, Status, UnitKind
from desktop.domain.deadlines import warning_level
from desktop.domain.notice_content import NoticeStatus
from desktop.domain.notice_numbers import parse_number
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import validate_credit_code
from desktop.domain.workflow import Action

try:
    from cityplatform.demo_site import DEMO_CLUES
except ImportError:  # the client installed without the platform
    DEMO_CLUES = 5000

NOWS = (
    datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ),  # the tests' Friday morning
    datetime(2026, 2, 26, 15, 30, tzinfo=CHINA_TZ),  # just after the Spring Festival
)

# The departments every county (and functional zone) has, as words of their names; the
# zones call their housing and construction bureau 建设局.
DUTIES = (
    "生态环境",
    "农业农村",
    "交通运输",
    "城市管理",
    "建设",
    "水利",
    "自然资源和规划",
    "公安",
    "市场监督管理",
)
COASTAL = {"320703", "320707", "320723"}  # 连云区, 赣榆区, 灌云县


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return load_city()


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return default_calendar()


@pytest.fixture(scope="module", params=NOWS, ids=lambda now: now.date().isoformat())
def demo(
    request: pytest.FixtureRequest, city: DemoCity, calendar: WorkCalendar
) -> tuple[datetime, list[DemoClue]]:
    now: datetime = request.param
    return now, list(generate_clues(city, DEMO_CLUES, seed=1, now=now, calendar=calendar))


def _open(clues: list[DemoClue]) -> list[DemoClue]:
    return [c for c in clues if c.state.status in OPEN_STATUSES]


def test_clues_older_than_two_months_are_closed(demo: tuple[datetime, list[DemoClue]]) -> None:
    now, clues = demo
    old = [c for c in clues if c.draft.received_at < now - timedelta(days=61)]
    assert len(old) > 0.8 * len(clues)
    done = sum(c.state.status in DONE_STATUSES for c in old)  # 办结 or 不予受理
    assert done / len(old) >= 0.99


def test_the_open_backlog_is_a_few_per_cent_and_mostly_recent(
    demo: tuple[datetime, list[DemoClue]],
) -> None:
    now, clues = demo
    still_open = _open(clues)
    assert 0.01 <= len(still_open) / len(clues) <= 0.08
    recent = [c for c in still_open if c.draft.received_at >= now - timedelta(days=31)]
    assert len(recent) >= 0.75 * len(still_open)  # (the Spring Festival holidays lie in between)
    statuses = Counter(c.state.status for c in still_open)
    assert set(statuses) == {
        Status.REGISTERED,
        Status.RETURNED,
        Status.DISPATCHED,
        Status.HANDLING,
        Status.SIGNOFF,
        Status.REVIEWING,
    }
    assert 0.5 <= statuses[Status.HANDLING] / len(still_open) <= 0.85
    assert statuses.most_common(1)[0][0] is Status.HANDLING


def test_open_clues_are_mostly_green_and_rarely_red(
    demo: tuple[datetime, list[DemoClue]], calendar: WorkCalendar
) -> None:
    now, clues = demo
    thresholds = Rules().warnings
    still_open = _open(clues)
    levels = Counter(warning_level(c.state.deadline, now, calendar, thresholds) for c in still_open)
    count = len(still_open)
    assert levels[0] / count >= 0.6
    assert levels[1] and levels[2]
    assert levels[1] + levels[2] <= 0.4 * count
    assert 0.005 <= levels[3] / count <= 0.03


def test_monthly_intake_is_steady_and_seasonal(demo: tuple[datetime, list[DemoClue]]) -> None:
    now, clues = demo
    span = timedelta(days=INTAKE_DAYS) / 24
    windows = Counter(int((now - c.draft.received_at) / span) for c in clues)
    months = [windows[k] for k in range(24)]  # the last month first
    assert sum(months) >= 0.99 * len(clues)
    median = statistics.median(months)
    assert all(0.4 * median <= month <= 2 * median for month in months), months
    assert 0.6 * median <= months[0] <= 1.5 * median, "a jump in the last month"
    by_month = Counter(c.draft.received_at.month for c in clues)
    summer = by_month[6] + by_month[7] + by_month[8]
    winter = by_month[12] + by_month[1] + by_month[2]
    assert summer > 1.15 * winter


def test_returns_extensions_and_rejections_in_realistic_shares(
    demo: tuple[datetime, list[DemoClue]],
) -> None:
    _, clues = demo
    having = Counter(action for c in clues for action in {e.action for e in c.events})
    count = len(clues)
    assert 0.03 <= having[Action.RETURN] / count <= 0.12
    assert 0.03 <= having[Action.REQUEST_EXTENSION] / count <= 0.12
    assert 0.03 <= having[Action.REJECT] / count <= 0.15
    assert 0.005 <= having[Action.VERIFICATION_FAIL] / count <= 0.05
    assert having[Action.APPROVE_EXTENSION] > having[Action.DENY_EXTENSION]


def _having(clues: list[DemoClue]) -> Counter[Action]:
    """How many clues have each action in their history."""
    return Counter(action for c in clues for action in {e.action for e in c.events})


def test_duplicates_refusals_misrouting_and_take_overs(
    demo: tuple[datetime, list[DemoClue]],
) -> None:
    _, clues = demo
    count = len(clues)
    having = _having(clues)
    by_code = {c.state.code: c for c in clues}
    duplicates = [c for c in clues if c.state.duplicate_of]
    assert 0.015 <= len(duplicates) / count <= 0.04
    assert len(duplicates) == having[Action.MARK_DUPLICATE]
    for clue in duplicates:
        original = by_code[clue.state.duplicate_of]
        assert not original.state.duplicate_of and original.state.lead_unit is not None
        assert clue.state.county_code == original.state.county_code
        assert clue.draft.address == original.draft.address
        assert clue.state.lead_unit is None  # marked before it was dispatched
        if clue.state.status is Status.CLOSED:  # with its original, and its finding
            assert clue.state.finding is not None
        else:
            assert clue.state.status is Status.DUPLICATE
    closed_with = having[Action.CLOSE_WITH_ORIGINAL]
    assert 0.7 * len(duplicates) <= closed_with <= len(duplicates)
    called = [
        c
        for c in duplicates
        if c.state.status is Status.CLOSED and Rules().needs_callback(c.draft.channel)
    ]
    assert sum(any(e.action is Action.CALLBACK for e in c.events) for c in called) >= 0.8 * len(
        called
    )
    refused = [c for c in clues if c.state.status is Status.REFUSED]
    assert 0.005 <= len(refused) / count <= 0.03
    grounds = Counter(c.events[-1].details["ground"] for c in refused)
    assert set(grounds) <= set(Rules().refusal_grounds) and len(grounds) >= 3
    assert all(c.events[-1].note for c in refused)
    assert 0.003 <= having[Action.RETURN_TO_CITY] / count <= 0.02
    assert having[Action.TRANSFER] <= having[Action.RETURN_TO_CITY]
    for clue in clues:
        if Action.TRANSFER in {e.action for e in clue.events}:
            assert clue.state.county_code != clue.draft.county_code
    assert 1 <= having[Action.TAKE_OVER] <= 0.01 * count
    taken = [c for c in clues if any(e.action is Action.TAKE_OVER for e in c.events)]
    assert all(c.state.owner_unit == "320700" for c in taken)


def test_reports_callbacks_and_sign_offs(demo: tuple[datetime, list[DemoClue]]) -> None:
    _, clues = demo
    count = len(clues)
    rules = Rules()
    reports = [(c, e) for c in clues for e in c.events if e.action is Action.REPORT]
    findings = Counter(Finding(e.details["finding"]) for _, e in reports)
    assert 0.5 <= findings[Finding.TRUE] / len(reports) <= 0.7
    assert 0.12 <= findings[Finding.PARTLY_TRUE] / len(reports) <= 0.28
    assert 0.12 <= findings[Finding.UNTRUE] / len(reports) <= 0.28
    for clue, event in reports:
        assert event.details["measures"]
        if Finding(event.details["finding"]).needs_evidence:  # every one with evidence
            assert any(a.added_at <= event.at for a in clue.attachments), clue.state.code
    callbacks = Counter(
        e.details["callback"] for c in clues for e in c.events if e.action is Action.CALLBACK
    )
    total = sum(callbacks.values())
    assert (callbacks["satisfied"] + callbacks["basically"]) / total >= 0.65
    assert 0.01 <= callbacks["unsatisfied"] / total <= 0.06
    assert 0.05 <= callbacks["unreached"] / total <= 0.3
    for clue in clues:
        approvals = [i for i, e in enumerate(clue.events) if e.action is Action.APPROVE]
        if approvals and rules.needs_callback(clue.draft.channel):
            before = clue.events[: approvals[-1]]
            assert any(e.action is Action.CALLBACK for e in before), clue.state.code
    having = _having(clues)
    assert having[Action.REOPEN] >= 1
    assert 0.2 <= having[Action.SIGNOFF_APPROVE] / count <= 0.5
    assert 1 <= having[Action.SIGNOFF_REJECT] <= having[Action.SIGNOFF_APPROVE] / 5


def test_extensions_stay_within_the_caps(demo: tuple[datetime, list[DemoClue]]) -> None:
    _, clues = demo
    limits = Rules().limits
    having = _having(clues)
    assert 0.03 <= having[Action.REQUEST_EXTENSION] / len(clues) <= 0.12
    twice = 0
    for clue in clues:
        requests = extended = 0
        for event in clue.events:
            if event.action in (Action.DISPATCH, Action.REJECT, Action.VERIFICATION_FAIL):
                requests = extended = 0  # a new stage
            elif event.action is Action.REQUEST_EXTENSION:
                requests += 1
                assert event.details["days"] <= limits.max_extension_days
            elif event.action is Action.APPROVE_EXTENSION:
                extended += event.details["days"]
            assert requests <= limits.max_extensions
            assert extended <= limits.max_extension_total_days
        twice += requests == 2
    assert twice >= 5


def test_channel_references_and_sender_deadlines(
    demo: tuple[datetime, list[DemoClue]],
) -> None:
    _, clues = demo
    refs: Counter[tuple[Channel, str]] = Counter()
    for clue in clues:
        draft = clue.draft
        if draft.channel in (
            Channel.HOTLINE_12345,
            Channel.HOTLINE_12369,
            Channel.PETITION,
            Channel.INSPECTION_ASSIGNMENT,
        ):
            assert draft.channel_ref, clue.state.code
        if draft.channel is Channel.HOTLINE_12345:
            assert re.fullmatch(r"\d{13}", draft.channel_ref)
            assert draft.channel_ref[:8] == f"{draft.received_at:%Y%m%d}"
        if draft.channel_ref:
            refs[(draft.channel, draft.channel_ref)] += 1
        if draft.due_by is not None:
            assert draft.channel in (Channel.INSPECTION_ASSIGNMENT, Channel.HIGHER_ASSIGNMENT)
            assert draft.due_by > draft.received_at
    assert refs and max(refs.values()) == 1  # unique within each channel
    due = [c for c in clues if c.draft.due_by is not None]
    assert 0.01 <= len(due) / len(clues) <= 0.1


def test_notices_in_every_follow_up_state(demo: tuple[datetime, list[DemoClue]]) -> None:
    _, clues = demo
    notices = [(c, n) for c in clues for n in c.notices]
    statuses = Counter(n.state.status for _, n in notices)
    assert set(statuses) == set(NoticeStatus)
    assert statuses.most_common(1)[0][0] is NoticeStatus.RECTIFIED
    true_clues = sum(
        any(e.details.get("finding") == "true" for e in c.events if e.action is Action.REPORT)
        for c in clues
    )
    assert 0.03 <= len(notices) / true_clues <= 0.12
    numbers: dict[tuple[str, int], list[int]] = {}
    for clue, notice in notices:
        state = notice.state
        assert notice.events[0].at >= clue.events[0].at
        if clue.state.status is Status.CLOSED:
            closing = [e for e in clue.events if e.action is Action.APPROVE][-1]
            closed_out = state.status in (
                NoticeStatus.RECTIFIED,
                NoticeStatus.CASE_FILED,
                NoticeStatus.CASE_CLOSED,
            )
            assert closed_out or closing.details.get("override_reason"), clue.state.code
        if state.status is not NoticeStatus.DRAFT:
            assert state.number is not None and state.number_year and state.number_seq
            parsed = parse_number(state.number)
            assert parsed is not None and parsed[1:] == (state.number_year, state.number_seq)
            numbers.setdefault((state.unit_code, state.number_year), []).append(state.number_seq)
    for seqs in numbers.values():  # every unit numbers its notices 1, 2, 3 ... each year
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
    overridden = [
        e
        for c in clues
        for e in c.events
        if e.action is Action.APPROVE and "override_reason" in e.details
    ]
    assert len(overridden) <= 0.2 * len(notices)


def test_every_area_has_its_departments(city: DemoCity) -> None:
    for area in city.areas():
        departments = [u for u in city.handling_units(area.code) if u.kind is UnitKind.DEPARTMENT]
        assert len(departments) >= 10, area.name
        assert all(u.county_code == area.code for u in departments)
        names = [u.name for u in departments]
        assert all(duty_of(name) for name in names)  # the generator knows what each one does
        for duty in DUTIES:
            assert any(duty in name for name in names), (area.name, duty)
        coastal = any("港口" in name for name in names) and any("海事" in name for name in names)
        if area.code in COASTAL:
            assert coastal, area.name
        elif area.kind is UnitKind.COUNTY_OFFICE:
            assert not coastal, area.name
    bureaus = [
        u.name for u in city.units if u.kind is UnitKind.DEPARTMENT and u.county_code is None
    ]
    assert len(bureaus) >= 10
    for duty in DUTIES:
        assert any(duty in name for name in bureaus), duty


# --------------------------------------------------------------------------- credit codes

_ORGANISATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def organisation_code_is_valid(code: str) -> bool:
    """Whether a 9-character organisation code (GB 11714) has the right check character."""
    values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in code[:8]]
    check = 11 - sum(v * w for v, w in zip(values, _ORGANISATION_WEIGHTS, strict=True)) % 11
    return code[8] == {10: "X", 11: "0"}.get(check, str(check))


def test_the_organisation_code_check() -> None:
    # published codes: 91110108551385082Q, 11100000000013127D, 91440300708461136T
    for code in ("551385082", "000013127", "708461136"):
        assert organisation_code_is_valid(code)
        assert not organisation_code_is_valid(code[:8] + ("1" if code[8] == "0" else "0"))
    assert organisation_code_is_valid("MA0000007")  # M=22, A=10: 66 + 70 = 136, 11 - 4 = 7
    assert not organisation_code_is_valid("MA0000000")


def expected_kinds(name: str) -> set[str]:
    """The credit code kinds (registration authority and kind) a party of this name can have."""
    if "公司" in name:
        return {"91"}
    if name.endswith("合作社"):
        return {"93"}
    if name.endswith("协会"):
        return {"51"}
    if name.endswith(("卫生院", "卫生服务中心", "人民医院", "中医院", "妇幼保健院")):
        return {"12"}
    if name.endswith("医院"):
        return {"52"}  # a private non-profit hospital; a for-profit one is a 有限公司
    return {"91", "92"}  # a shop, workshop, farm or clinic: a sole trader or an enterprise


def test_credit_codes_are_valid_and_match_the_party(
    demo: tuple[datetime, list[DemoClue]],
) -> None:
    _, clues = demo
    kinds: Counter[str] = Counter()
    standing: dict[str, set[str]] = {}
    for clue in clues:
        code, name = clue.draft.subject_credit_code, clue.draft.subject_name
        if not code:
            continue
        assert validate_credit_code(code) == code
        assert organisation_code_is_valid(code[8:17]), code
        assert code[:2] in expected_kinds(name), (name, code)
        kinds[code[:2]] += 1
        if code[:2] in ("12", "51"):  # health centres, county hospitals, associations
            standing.setdefault(name, set()).add(code)
    assert set(kinds) == {"12", "51", "52", "91", "92", "93"}
    assert kinds.most_common(1)[0][0] == "91"
    assert all(len(codes) == 1 for codes in standing.values())  # one party, one code
