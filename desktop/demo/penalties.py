"""The demo city's penalty cases (行政处罚案件): which clues get one, who files it, under
which law and articles, against which party, and the steps of its life, each played through
`desktop.domain.cases.apply_case_action`.

Most cases are filed by the environment bureaus; 住建 files 扬尘 and night-time construction
noise, 城管 餐饮油烟 and 农业农村 畜禽养殖, each only where it leads or assists the clue (as the
rules require). A case is filed on a clue whose report found it 属实 (`PenaltyPlanner.direct`),
or when a rectification notice was found 逾期未整改 (`PenaltyPlanner.on_notice`, linked to it).
Its life is planned in working days from the filing: 调查取证, 告知 (陈述申辩, a hearing where
the party asks for one), 决定, 送达, 执行, 结案 — most decided well within the 90 days, a few
after an approved extension, a few closed 不予处罚 or 终止调查, and now and then one left
without a decision past its deadline (overdue, warning level 3). Steps after `now` are not
taken: a recent case stands at its milestone (spread evenly over the milestones). A step the
rules refuse ends the case where it stands.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from random import Random
from typing import Any, NamedTuple

from desktop.demo import places, texts
from desktop.demo.cases import Case, CaseMaker
from desktop.demo.clock import WorkClock
from desktop.demo.texts import between, one
from desktop.domain.calendar import WorkCalendar
from desktop.domain.case_content import CaseOutcome, CaseState, CaseStatus, PenaltyKind
from desktop.domain.cases import CaseAction, CaseRefused, apply_case_action, case_prefix
from desktop.domain.clue import ClueDraft, ClueState
from desktop.domain.codes import Category, Finding, Status
from desktop.domain.id_numbers import id_check_char
from desktop.domain.notice_content import NoticeState
from desktop.domain.notice_numbers import is_environment_bureau
from desktop.domain.rules import Rules
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action

TRUE = Finding.TRUE.value
FILING_STATUSES = (Status.HANDLING, Status.REVIEWING, Status.CLOSED)

CASE_ID_BASE = uuid.UUID("5e0b7c42-9d3a-4f1e-8c27-000000000000").int
"""Demo case ids: this base plus (clue index << 8) plus the case's place in the clue."""

DIRECT_SHARE = 0.16
"""Of the clues found 属实 that a unit holding the power could file on, the share filed as a
case directly (not after a notice): with the cases filed on notices about 3.4 % of the clues,
as on the source platform (3,300 cases of 97,876 clues)."""

OUTCOMES: Mapping[str, float] = {
    "done": 90,
    "extended": 4,
    "no_penalty": 3,
    "terminated": 2,
}
"""How the cases old enough to have ended did end (relative weights, spread evenly)."""

OVERDUE_SHARE = 0.02
"""Of the cases whose decision deadline passed more than a week before now, the share left
without a decision (overdue, warning level 3); the first one comes early."""

RUNNING_STAGES = ("investigated", "notified", "decided", "served", "executed")
"""The milestones recent cases stand at, in turn."""

DAY_ROOM = 3600
"""Office seconds kept free before now after a running case's last step."""


@dataclass(frozen=True)
class Matter:
    """What a case is about: the filing department's duty, the law, the causes (案由), the
    violated and penalty articles (clause library ids), the fines (元) the penalty article
    allows, who the party is, and whether the demo takes it to a decision (only where the
    articles are in the clause library, so that the decision prints)."""

    duty: str
    law: str
    causes: tuple[str, ...]
    violated: tuple[str, ...]
    basis: tuple[str, ...]
    fines: tuple[int, ...]
    party: str = "organisation"
    decides: bool = True


AIR = "中华人民共和国大气污染防治法"
WATER = "中华人民共和国水污染防治法"
NOISE = "中华人民共和国噪声污染防治法"

_VOC = Matter(
    "eco",
    AIR,
    (
        "未在密闭空间中进行产生含挥发性有机物废气的生产活动",
        "未按照规定安装、使用污染防治设施",
        "挥发性有机物废气未经收集处理直接排放",
    ),
    ("dqfz-45",),
    ("dqfz-108",),
    (20000, 30000, 50000, 50000, 80000, 100000, 150000),
)
_EVADING = Matter(
    "eco",
    AIR,
    ("以不正常运行大气污染防治设施的方式排放大气污染物", "通过偷排方式逃避监管排放大气污染物"),
    ("dqfz-20",),
    ("dqfz-99",),
    (100000, 150000, 200000, 300000),
)
_SPRAY = Matter(
    "eco",
    AIR,
    ("露天进行喷漆作业，未在密闭空间中进行", "喷漆废气未经收集处理直接排放"),
    ("dqfz-45",),
    ("dqfz-108",),
    (20000, 20000, 30000, 50000),
    party="shop",
)
_FUMES = Matter(
    "urban",
    AIR,
    ("未安装油烟净化设施排放油烟", "不正常使用油烟净化设施排放油烟"),
    ("dqfz-81",),
    ("dqfz-118",),
    (5000, 5000, 8000, 10000, 20000),
    party="trader",
)
_DUST = Matter(
    "housing",
    AIR,
    ("施工工地未采取有效防尘降尘措施", "建筑土方、裸露地面未覆盖"),
    ("dqfz-69",),
    ("dqfz-115",),
    (10000, 20000, 30000, 50000),
)
_SEWAGE = Matter(
    "eco",
    WATER,
    ("通过暗管排放水污染物", "不正常运行水污染防治设施排放水污染物"),
    ("szfz-39",),
    ("szfz-83",),
    (100000, 120000, 150000, 200000, 300000, 500000),
)
_INDUSTRIAL_NOISE = Matter(
    "eco",
    NOISE,
    ("超过噪声排放标准排放工业噪声",),
    ("zsfz-36",),
    ("zsfz-75",),
    (20000, 30000, 50000),
)
_NIGHT_WORKS = Matter(
    "housing",
    NOISE,
    ("在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业",),
    ("zsfz-43",),
    ("zsfz-77",),
    (10000, 20000, 30000),
)
_LIVESTOCK = Matter(
    "agri",
    "畜禽规模养殖污染防治条例",
    ("畜禽养殖废弃物未经无害化处理直接排放",),
    (),
    (),
    (),
    party="farm",
    decides=False,
)

MATTERS: Mapping[tuple[Category, str, str], tuple[Matter, ...]] = {
    (Category.AIR, "company", "eco"): (_VOC, _VOC, _EVADING),
    (Category.AIR, "shop", "eco"): (_SPRAY,),
    (Category.AIR, "shop", "urban"): (_FUMES,),
    (Category.AIR, "site", "housing"): (_DUST,),
    (Category.WATER, "company", "eco"): (_SEWAGE,),
    (Category.WATER, "clinic", "eco"): (_SEWAGE,),
    (Category.NOISE, "company", "eco"): (_INDUSTRIAL_NOISE,),
    (Category.NOISE, "site", "housing"): (_NIGHT_WORKS,),
    (Category.WATER, "farm", "agri"): (_LIVESTOCK,),
}
"""The matters a case may be about, by the scenario's category, subject and duty."""

EVIDENCE = (
    "现场检查（勘察）笔录1份",
    "调查询问笔录{n}份",
    "现场照片{n}张",
    "营业执照复印件1份",
    "监测报告1份",
    "视频资料1段",
)
STATEMENTS = (
    "对违法事实无异议，检查后已立即停止违法行为并完成整改，请求从轻处罚",
    "企业经营困难，请求减轻罚款",
    "设施停运系设备突发故障所致，并非故意，已修复并恢复正常运行",
    "初次违法，已积极配合调查并整改到位，请求从轻处罚",
)
HEARING_NOTES = (
    "听证会依法举行，当事人及其委托代理人到场陈述、申辩，案件调查人员出示了证据",
    "听证会依法公开举行，听证主持人听取了调查人员和当事人的意见",
)
INVESTIGATION_NOTES = (
    "执法人员现场检查，制作现场检查（勘察）笔录，拍照取证",
    "对当事人负责人进行调查询问，调取相关台账资料",
    "委托监测机构采样监测，调取在线监控数据",
)
NO_PENALTY_NOTES = (
    "违法行为轻微并及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款"
    "不予行政处罚",
    "初次违法且危害后果轻微并及时改正，依据《中华人民共和国行政处罚法》第三十三条第一款"
    "不予行政处罚",
)
TERMINATION_NOTES = (
    "经调查，违法事实不能成立，终止调查",
    "当事人已依法注销，终止调查",
)
EXTENSION_REASONS = (
    "案情复杂，需补充委托监测",
    "当事人申请延期提交证据材料",
    "涉案设施运行数据需调取核实",
)
SERVICE_RELATIONS = ("本人", "法定代表人", "负责人", "员工")
BUREAU_HEADS = ("局长", "分管副局长")


class DemoCaseEvent(NamedTuple):
    """One recorded action of a demo case's history."""

    action: CaseAction
    username: str
    unit_code: str
    at: datetime
    from_status: CaseStatus | None
    to_status: CaseStatus
    note: str
    details: Mapping[str, Any]


class DemoCase(NamedTuple):
    """A penalty case of a demo clue: where it stands and how it got there; with what each
    event's action was given (the payload, the number taken, and for 立案 the clue and the
    linked notices as they stood), so that the case can be played again."""

    state: CaseState
    events: tuple[DemoCaseEvent, ...]
    payloads: tuple[tuple[Mapping[str, Any], tuple[int, int] | None], ...] = ()
    clue: ClueState | None = None
    notices: tuple[NoticeState, ...] = ()


PlannedStep = tuple[int, CaseAction, dict[str, Any]]
"""A planned case action: office position, action and payload."""


def _share(key: str) -> float:
    """A number in [0, 1) fixed by `key` (the same in every run; a cheap draw)."""
    return zlib.crc32(key.encode()) / 4294967296


class _Cycle:
    """Keys drawn in the proportions of their weights, spread evenly (golden ratio)."""

    def __init__(self, table: Mapping[str, float]) -> None:
        self.keys = list(table)
        total = sum(table.values())
        running, self.bounds = 0.0, []
        for key in self.keys:
            running += table[key] / total
            self.bounds.append(running)
        self.count = 0

    def draw(self) -> str:
        self.count += 1
        place = (self.count * 0.6180339887498949) % 1.0
        return next(
            (k for k, b in zip(self.keys, self.bounds, strict=True) if place < b), self.keys[-1]
        )


class PenaltyPlanner:
    """Plans and plays the penalty cases of the demo clues of one run."""

    def __init__(
        self,
        cases: CaseMaker,
        clock: WorkClock,
        calendar: WorkCalendar,
        rules: Rules,
        units: Mapping[str, UnitInfo],
        now: datetime,
    ) -> None:
        self.cases = cases
        self.clock = clock
        self.calendar = calendar
        self.rules = rules
        self.units = units
        self.now = to_china(now)
        self.now_pos = clock.position(self.now)
        self.case_numbers: dict[tuple[str, int], int] = {}
        self.decision_numbers: dict[tuple[str, int], int] = {}
        self.notice_numbers: dict[tuple[str, int], int] = {}
        self.skipped = 0
        """Case steps the rules refused (the case ended where it stood)."""
        self._outcomes = _Cycle(OUTCOMES)
        self._overdue_seen = 0
        self._running = 0
        self._officers: dict[str, list[dict[str, str]]] = {}

    # -- who and what --------------------------------------------------------------------

    def matter(self, case: Case) -> Matter | None:
        """What a case on this clue would be about (None: no case in the demo)."""
        scenario = case.scenario
        matters = MATTERS.get((scenario.category, scenario.subject, scenario.duty))
        if not matters:
            return None
        return matters[int(_share(case.subject) * len(matters))]

    def filer(self, case: Case, matter: Matter, clue: ClueState) -> Actor | None:
        """Who files: the environment bureau leading the clue or covering its county, or the
        department of the matter's duty where it leads or assists the clue; None if nobody."""
        involved = {clue.lead_unit, *clue.assisting_units}
        if matter.duty == "eco":
            if is_environment_bureau(case.lead) and case.lead.code in involved:
                return self.cases.handler(case.lead)
            bureau = case.area.departments.get("eco") or self.cases.city_departments["eco"]
            return self.cases.handler(bureau)
        department = case.area.departments.get(matter.duty)
        if department is None or department.code not in involved:
            return None
        return self.cases.handler(department)

    def officers(self, rng: Random, unit: UnitInfo) -> list[dict[str, str]]:
        """Two of the unit's enforcement officers, with certificate numbers (32070619001)."""
        roster = self._officers.get(unit.code)
        if roster is None:
            rng = Random(f"officers:{unit.code}")
            area = unit.county_code or "320700"
            roster = [
                {"name": texts.person_name(rng), "certificate": f"{area}{19 + k % 4:02d}{k:03d}"}
                for k in range(1, 6)
            ]
            self._officers[unit.code] = roster
        first = int(rng.random() * len(roster))
        return [roster[first], roster[(first + 1) % len(roster)]]

    def _id_number(self, rng: Random, area: str) -> str:
        born = date(1962, 1, 1) + timedelta(days=between(rng, 0, 12000))
        first17 = f"{area}{born:%Y%m%d}{between(rng, 10, 999):03d}"
        return first17 + id_check_char(first17)

    def party(self, rng: Random, case: Case, matter: Matter, draft: ClueDraft) -> dict[str, Any]:
        """The party of the case, by the matter: a 单位, a 个体工商户 or a 自然人."""
        area = case.area.unit.code
        name = draft.subject_name.split("（")[0].strip() or draft.subject_name
        credit = draft.subject_credit_code
        residence = places.address(rng, area, case.area.name, case.township.name, False, "person")
        kind = matter.party
        if kind == "shop":
            kind = "individual" if rng.random() < 0.4 else "trader"
        if kind == "farm":
            kind = "organisation" if credit.startswith("93") else "trader"
        if kind == "individual":
            return {
                "party_type": "individual",
                "name": texts.person_name(rng),
                "id_number": self._id_number(rng, area),
                "address": residence,
            }
        if kind == "trader":
            return {
                "party_type": "sole_trader",
                "name": name,
                "credit_code": credit if credit.startswith("92") else "",
                "operator": texts.person_name(rng),
                "id_number": self._id_number(rng, area),
                "address": residence,
            }
        return {
            "party_type": "organisation",
            "name": name,
            "credit_code": credit if not credit.startswith("92") else "",
            "address": draft.address,
            "legal_representative": texts.person_name(rng),
        }

    # -- the plan ------------------------------------------------------------------------

    def _filing(
        self,
        rng: Random,
        case_id: str,
        matter: Matter,
        party: dict[str, Any],
        officers: list[dict[str, str]],
        at: datetime,
        notice_ids: Sequence[str] = (),
    ) -> dict[str, Any]:
        cause = one(rng, matter.causes)
        payload: dict[str, Any] = {
            "case_id": case_id,
            "cause": f"{cause}案",
            "law": matter.law,
            "party": party,
            "officers": officers,
            "filed_on": at.date().isoformat(),
        }
        if notice_ids:
            payload["notice_ids"] = list(notice_ids)
        return payload

    def _plan(
        self, rng: Random, start: int, matter: Matter, party: Mapping[str, Any], draft: ClueDraft
    ) -> list[PlannedStep]:
        """The life of a case filed at office position `start`, whole (not cut at now)."""
        day = self.clock.day
        t = start
        steps: list[PlannedStep] = []

        def add(days: float, action: CaseAction, payload: dict[str, Any]) -> None:
            nonlocal t
            t += max(int(days * day), 120)
            steps.append((t, action, payload))

        outcome = (
            self._outcomes.draw()
            if matter.decides
            else one(rng, ("no_penalty", "no_penalty", "terminated"))
        )
        evidence = [
            item.format(n=between(rng, 2, 12)) for item in rng.sample(EVIDENCE, between(rng, 2, 4))
        ]
        add(rng.uniform(1, 8), CaseAction.INVESTIGATE, {
            "note": one(rng, INVESTIGATION_NOTES), "evidence": evidence,
        })  # fmt: skip
        if outcome in ("no_penalty", "terminated"):
            notes = NO_PENALTY_NOTES if outcome == "no_penalty" else TERMINATION_NOTES
            payload = {"outcome": outcome, "note": one(rng, notes)}
            add(rng.uniform(5, 25), CaseAction.CLOSE, payload)
            return steps
        fine = Decimal(one(rng, matter.fines))
        penalties: list[dict[str, Any]] = [{"kind": "fine", "amount_yuan": str(fine)}]
        if matter.law == WATER and fine >= 300000 and rng.random() < 0.5:
            penalties.append({"kind": PenaltyKind.PRODUCTION_SUSPENDED.value})
        add(rng.uniform(5, 15), CaseAction.NOTIFY, {"penalties": penalties})
        roll = rng.random()
        requested = roll < 0.15
        if roll < 0.65:
            result = one(rng, ("not_adopted", "not_adopted", "partly_adopted", "adopted"))
            statement = {
                "result": result,
                "text": one(rng, STATEMENTS),
                "hearing_requested": requested,
            }
            add(rng.uniform(2, 5), CaseAction.STATEMENT, statement)
            if result in ("partly_adopted", "adopted"):
                fine = max(Decimal(min(matter.fines)), (fine * Decimal("0.8")).quantize(1))
                penalties[0] = {"kind": "fine", "amount_yuan": str(fine)}
            if requested:
                add(rng.uniform(5, 10), CaseAction.HEARING, {"note": one(rng, HEARING_NOTES)})
        if outcome == "extended":
            extension = {
                "days": 30,
                "approved_by": one(rng, BUREAU_HEADS),
                "reason": one(rng, EXTENSION_REASONS),
            }
            steps.append((start + int(rng.uniform(48, 55) * day), CaseAction.EXTEND, extension))
            t = start + int(rng.uniform(62, 66) * day)
        decision = {
            "penalties": penalties,
            "facts": self._facts(rng, draft, party),
            "evidence": evidence,
            "violated_clause_ids": list(matter.violated),
            "basis_clause_ids": list(matter.basis),
            "discretion": self._discretion(rng, fine),
        }
        add(
            rng.uniform(1, 4) if outcome == "extended" else rng.uniform(3, 10),
            CaseAction.DECIDE,
            decision,
        )
        add(rng.uniform(1, 4), CaseAction.SERVE, {"method": "direct"})
        paid = {"method": "自动履行", "amount_paid": str(fine)}
        if rng.random() < 0.06:
            paid = {
                "method": "申请人民法院强制执行",
                "note": "当事人逾期未履行，已申请人民法院强制执行",
            }
        add(rng.uniform(3, 12), CaseAction.EXECUTE, paid)
        add(rng.uniform(1, 5), CaseAction.CLOSE, {"outcome": "executed"})
        steps.sort(key=lambda s: s[0])
        return steps

    def _facts(self, rng: Random, draft: ClueDraft, party: Mapping[str, Any]) -> str:
        you = "你单位" if party["party_type"] == "organisation" else "你"
        found = texts.site_findings(rng, draft.category, draft.description).rstrip("。")
        return f"{you}在{draft.address}{found}。"

    def _discretion(self, rng: Random, fine: Decimal) -> str:
        mild = rng.random() < 0.6
        tail = (
            "积极配合调查并及时整改，依法从轻处罚" if mild else "违法情节一般，按裁量基准中档处罚"
        )
        return f"根据《江苏省生态环境行政处罚裁量基准规定》，综合考虑违法情节及整改情况，{tail}。"

    def _cut(
        self, rng: Random, start: int, steps: list[PlannedStep], deadline: datetime
    ) -> list[PlannedStep]:
        """The steps to take before now: all of an ended case; a running case at one of the
        RUNNING_STAGES in turn (its steps squeezed in before now when needed), never left
        without a decision past its deadline; an old case now and then left overdue."""
        latest = self.now_pos - DAY_ROOM
        if steps and steps[-1][0] <= latest:
            decided = any(a is CaseAction.DECIDE for _, a, _ in steps)
            deadline_pos = self.clock.position(deadline)
            if decided and deadline_pos + 5 * self.clock.day < latest:
                self._overdue_seen += 1
                count = self._overdue_seen
                if int(count * OVERDUE_SHARE + 0.78) > int((count - 1) * OVERDUE_SHARE + 0.78):
                    return [s for s in steps if s[1] in (CaseAction.INVESTIGATE, CaseAction.NOTIFY)]
            return steps
        kept = [s for s in steps if s[0] <= latest]
        actions = [a for _, a, _ in steps]
        self._running += 1
        stage = RUNNING_STAGES[(self._running - 1) % len(RUNNING_STAGES)]
        wanted = {
            "investigated": CaseAction.INVESTIGATE,
            "notified": CaseAction.NOTIFY,
            "decided": CaseAction.DECIDE,
            "served": CaseAction.SERVE,
            "executed": CaseAction.EXECUTE,
        }[stage]
        if wanted not in actions:
            return kept
        undecided = wanted in (CaseAction.INVESTIGATE, CaseAction.NOTIFY)
        if undecided and self.clock.position(deadline) < self.now_pos + 5 * self.clock.day:
            return kept  # it would be overdue: let it run as planned
        k = actions.index(wanted)
        if steps[k][0] <= latest:
            return steps[: k + 1]
        room = latest - start
        if room < (k + 1) * 600:
            return kept
        factor = room / (steps[k][0] - start)
        return [(start + int((p - start) * factor), a, x) for p, a, x in steps[: k + 1]]

    # -- playing -------------------------------------------------------------------------

    def direct(
        self,
        case: Case,
        draft: ClueDraft,
        clue: ClueState,
        events: Sequence[Any],
        index: int,
    ) -> DemoCase | None:
        """A case filed on the clue where its report found the violation (None for most)."""
        if clue.finding is not Finding.TRUE or not draft.subject_name:
            return None
        if _share(f"case:{clue.code}") >= DIRECT_SHARE:
            return None
        matter = self.matter(case)
        if matter is None:
            return None
        rng = Random(f"case:{clue.code}")
        report = next(
            (e for e in events if e.action is Action.REPORT and e.details.get("finding") == TRUE),
            None,
        )
        if report is None:
            return None
        actor = self.filer(case, matter, clue)
        if actor is None:
            return None
        moment = self.clock.instant(
            self.clock.position(report.at) - int(rng.uniform(0.05, 0.5) * self.clock.day)
        )
        before = [e for e in events if e.at <= moment]
        if not before or before[-1].to_status not in FILING_STATUSES:
            return None
        state_then = clue.evolve(status=before[-1].to_status)
        case_id = str(uuid.UUID(int=CASE_ID_BASE + (index << 8)))
        party = self.party(rng, case, matter, draft)
        payload = self._filing(rng, case_id, matter, party, self.officers(rng, actor.unit), moment)
        return self._run(rng, actor, matter, payload, moment, state_then, draft, ())

    def on_notice(
        self,
        case: Case,
        draft: ClueDraft,
        clue: ClueState,
        notice: NoticeState,
        actor: Actor,
        at: datetime,
        index: int,
    ) -> DemoCase | None:
        """The case filed when `notice` was found 逾期未整改, linked to it (None when the
        matter has no case in the demo or the rules refuse)."""
        matter = self.matter(case)
        if matter is None or matter.duty != "eco" or not draft.subject_name:
            return None
        rng = Random(f"case:{notice.notice_id}")
        case_id = str(uuid.UUID(int=CASE_ID_BASE + (index << 8) + 1))
        party = self.party(rng, case, matter, draft)
        payload = self._filing(
            rng, case_id, matter, party, self.officers(rng, actor.unit), at, (notice.notice_id,)
        )
        return self._run(rng, actor, matter, payload, at, clue, draft, (notice,))

    def _number(self, numbers: dict[tuple[str, int], int], unit: str, year: int) -> tuple[int, int]:
        seq = numbers.get((unit, year), 0) + 1
        numbers[(unit, year)] = seq
        return year, seq

    def _run(
        self,
        rng: Random,
        actor: Actor,
        matter: Matter,
        filing: dict[str, Any],
        at: datetime,
        clue: ClueState,
        draft: ClueDraft,
        notices: Sequence[NoticeState],
    ) -> DemoCase | None:
        unit = actor.unit
        events: list[DemoCaseEvent] = []
        given: list[tuple[Mapping[str, Any], tuple[int, int] | None]] = []
        filed_number = (at.year, self.case_numbers.get((unit.code, at.year), 0) + 1)
        try:
            outcome = apply_case_action(
                CaseAction.FILE,
                actor,
                None,
                filing,
                at,
                self.calendar,
                self.rules,
                self.units,
                clue=clue,
                notices=notices,
                number=filed_number,
            )
        except (CaseRefused, ValidationError):
            self.skipped += 1
            return None
        self._number(self.case_numbers, unit.code, at.year)
        state = outcome.state
        events.append(self._event(outcome, actor, at))
        given.append((filing, filed_number))
        start = self.clock.position(at)
        planned = self._cut(
            rng, start, self._plan(rng, start, matter, filing["party"], draft), state.deadline
        )
        for position, action, payload in planned:
            if action is CaseAction.HEARING and not state.hearing_requested:
                continue
            when = self.clock.instant(position)
            payload = self._fill(rng, action, payload, when, state, draft, unit)
            number = None
            if action is CaseAction.DECIDE:
                number = (when.year, self.decision_numbers.get((unit.code, when.year), 0) + 1)
            try:
                outcome = apply_case_action(
                    action,
                    actor,
                    state,
                    payload,
                    when,
                    self.calendar,
                    self.rules,
                    self.units,
                    clue=clue,
                    number=number,
                )
            except (CaseRefused, ValidationError):
                self.skipped += 1
                break
            if number is not None:
                self._number(self.decision_numbers, unit.code, when.year)
            state = outcome.state
            events.append(self._event(outcome, actor, when))
            given.append((payload, number))
        return DemoCase(state, tuple(events), tuple(given), clue, tuple(notices))

    def _fill(
        self,
        rng: Random,
        action: CaseAction,
        planned: dict[str, Any],
        when: datetime,
        state: CaseState,
        draft: ClueDraft,
        unit: UnitInfo,
    ) -> dict[str, Any]:
        """The payload of a step with what only its moment and the case know."""
        day = when.date().isoformat()
        payload = dict(planned)
        if action is CaseAction.INVESTIGATE:
            payload["investigated_on"] = day
        elif action is CaseAction.NOTIFY:
            year, seq = self._number(self.notice_numbers, unit.code, when.year)
            prefix = case_prefix(unit, self.units).removesuffix("立")
            payload["notified_on"] = day
            payload["document_number"] = f"{prefix}罚告〔{year}〕{seq}号"
        elif action is CaseAction.STATEMENT:
            payload["received_on"] = day
            payload["hearing_requested"] = (
                bool(planned["hearing_requested"]) and state.hearing_offered
            )
        elif action is CaseAction.HEARING:
            payload["held_on"] = day
        elif action is CaseAction.DECIDE:
            payload["decided_on"] = day
        elif action is CaseAction.SERVE:
            party = state.party
            roll = rng.random()
            method = "direct" if roll < 0.8 else "left" if roll < 0.9 else "mail"
            payload.update(
                method=method,
                served_at=when.isoformat(),
                place=party.address or draft.address,
                recipient=party.person or party.name,
                relation=one(rng, SERVICE_RELATIONS)
                if party.party_type.value == "organisation"
                else "本人",
                servers=[o.name for o in state.officers],
            )
            if method == "left":
                payload["witness"] = texts.person_name(rng)
        elif action is CaseAction.EXECUTE:
            payload["executed_on"] = day
        elif action is CaseAction.CLOSE:
            payload["closed_on"] = day
        return payload

    def _event(self, outcome: Any, actor: Actor, at: datetime) -> DemoCaseEvent:
        return DemoCaseEvent(
            outcome.action,
            actor.username,
            actor.unit.code,
            at,
            outcome.from_status,
            outcome.state.status,
            outcome.note,
            outcome.details,
        )


def closing_text(state: CaseState) -> str:
    """What a linked notice records as the case's result when the case is closed."""
    if state.outcome is CaseOutcome.EXECUTED and state.decision is not None:
        fine = state.decision.fine_total
        amount = f"{fine / 10000:g}万元" if fine >= 10000 else f"{fine:g}元"
        return f"已作出行政处罚决定（{state.decision.number}），罚款{amount}，案件执行完毕"
    label = state.outcome.label if state.outcome is not None else "结案"
    return f"案件已{label}结案"


__all__ = [
    "CASE_ID_BASE",
    "MATTERS",
    "DemoCase",
    "DemoCaseEvent",
    "Matter",
    "PenaltyPlanner",
    "closing_text",
]
