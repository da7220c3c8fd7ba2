"""What a penalty case (行政处罚案件) holds: its statuses and milestones, the officers, the
decision with its penalties, the extensions, and its whole state as the rules, the store and
the protocol see it (`CaseState.to_dict` is the JSON both stores keep and the wire carries)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop.domain.codes import Labelled
from desktop.domain.notice_content import Service
from desktop.domain.party import PARTY_LABELS, Party
from desktop.domain.timeutil import day_or_none, iso_or_none, moment_or_none


class _CaseLabelled(Labelled):
    """A case enum whose members' Chinese names are in this module's `_LABELS`."""

    @property
    def label(self) -> str:
        """The Chinese name shown to users."""
        return _LABELS[type(self)][self.value]


class CaseStatus(_CaseLabelled):
    """Where a case stands, from 立案 to 结案."""

    FILED = "filed"
    INVESTIGATING = "investigating"
    NOTIFIED = "notified"
    DECIDED = "decided"
    SERVED = "served"
    EXECUTED = "executed"
    CLOSED = "closed"


class CaseStep(_CaseLabelled):
    """A milestone of a case, recorded with its date, who, and its document number."""

    FILED = "filed"
    INVESTIGATED = "investigated"
    NOTIFIED = "notified"
    STATEMENT = "statement"
    HEARING = "hearing"
    DECIDED = "decided"
    SERVED = "served"
    EXECUTED = "executed"
    CLOSED = "closed"


class PenaltyKind(_CaseLabelled):
    """A kind of administrative penalty (行政处罚法 第九条)."""

    WARNING = "warning"
    FINE = "fine"
    CONFISCATE_GAINS = "confiscate_gains"
    CONFISCATE_PROPERTY = "confiscate_property"
    LICENCE_SUSPENDED = "licence_suspended"
    QUALIFICATION_LOWERED = "qualification_lowered"
    LICENCE_REVOKED = "licence_revoked"
    PRODUCTION_LIMITED = "production_limited"
    PRODUCTION_SUSPENDED = "production_suspended_for_rectification"
    BUSINESS_SUSPENDED = "business_suspended"
    CLOSURE_ORDERED = "closure_ordered"
    OCCUPATION_BARRED = "occupation_barred"

    @property
    def needs_amount(self) -> bool:
        """A fine or confiscated gains is an amount of money."""
        return self in MONEY_KINDS

    @property
    def may_have_amount(self) -> bool:
        """Money kinds, and confiscated property (its value), may carry an amount."""
        return self in MONEY_KINDS or self is PenaltyKind.CONFISCATE_PROPERTY


MONEY_KINDS = frozenset({PenaltyKind.FINE, PenaltyKind.CONFISCATE_GAINS})
"""Penalties that are an amount of money (counted for the hearing threshold)."""


class CaseOutcome(_CaseLabelled):
    """How a case ended (结案方式)."""

    EXECUTED = "executed"
    TERMINATED = "terminated"
    NO_PENALTY = "no_penalty"
    TRANSFERRED = "transferred"
    WITHDRAWN = "withdrawn"


class StatementResult(_CaseLabelled):
    """What became of the party's statement and defence (陈述申辩)."""

    ADOPTED = "adopted"
    PARTLY_ADOPTED = "partly_adopted"
    NOT_ADOPTED = "not_adopted"
    WAIVED = "waived"


class ExecutionMethod(_CaseLabelled):
    """How a decision was carried out (执行方式)."""

    VOLUNTARY = "voluntary"
    ENFORCED = "enforced"
    COURT = "court"


_LABELS: dict[type[Labelled], dict[str, str]] = {
    CaseStatus: {
        CaseStatus.FILED: "已立案",
        CaseStatus.INVESTIGATING: "调查取证中",
        CaseStatus.NOTIFIED: "已告知",
        CaseStatus.DECIDED: "已决定",
        CaseStatus.SERVED: "已送达",
        CaseStatus.EXECUTED: "已执行",
        CaseStatus.CLOSED: "已结案",
    },
    CaseStep: {
        CaseStep.FILED: "立案",
        CaseStep.INVESTIGATED: "调查取证",
        CaseStep.NOTIFIED: "告知",
        CaseStep.STATEMENT: "陈述申辩",
        CaseStep.HEARING: "听证",
        CaseStep.DECIDED: "决定",
        CaseStep.SERVED: "送达",
        CaseStep.EXECUTED: "执行",
        CaseStep.CLOSED: "结案",
    },
    PenaltyKind: {
        PenaltyKind.WARNING: "警告、通报批评",
        PenaltyKind.FINE: "罚款",
        PenaltyKind.CONFISCATE_GAINS: "没收违法所得",
        PenaltyKind.CONFISCATE_PROPERTY: "没收非法财物",
        PenaltyKind.LICENCE_SUSPENDED: "暂扣许可证件",
        PenaltyKind.QUALIFICATION_LOWERED: "降低资质等级",
        PenaltyKind.LICENCE_REVOKED: "吊销许可证件",
        PenaltyKind.PRODUCTION_LIMITED: "限制开展生产经营活动",
        PenaltyKind.PRODUCTION_SUSPENDED: "责令停产整治",
        PenaltyKind.BUSINESS_SUSPENDED: "责令停产停业",
        PenaltyKind.CLOSURE_ORDERED: "责令关闭",
        PenaltyKind.OCCUPATION_BARRED: "限制从业",
    },
    CaseOutcome: {
        CaseOutcome.EXECUTED: "执行完毕",
        CaseOutcome.TERMINATED: "终止调查",
        CaseOutcome.NO_PENALTY: "不予处罚",
        CaseOutcome.TRANSFERRED: "移送",
        CaseOutcome.WITHDRAWN: "撤销立案",
    },
    StatementResult: {
        StatementResult.ADOPTED: "采纳",
        StatementResult.PARTLY_ADOPTED: "部分采纳",
        StatementResult.NOT_ADOPTED: "不予采纳",
        StatementResult.WAIVED: "放弃陈述申辩",
    },
    ExecutionMethod: {
        ExecutionMethod.VOLUNTARY: "自动履行",
        ExecutionMethod.ENFORCED: "行政强制执行",
        ExecutionMethod.COURT: "申请人民法院强制执行",
    },
}
"""The Chinese labels by enum (members of different enums share codes such as filed)."""

CASE_FIELD_LABELS: Mapping[str, str] = {
    "case_id": "案件编号（UUID）",
    "cause": "案由",
    "law": "所涉法律",
    "party": "当事人",
    "officers": "执法人员",
    "name": "姓名",
    "certificate": "执法证号",
    "notice_ids": "关联的通知书",
    "filed_on": "立案日期",
    "number": "文书编号",
    "number_year": "文书编号年份",
    "number_seq": "文书编号序号",
    "investigated_on": "调查取证日期",
    "evidence": "证据",
    "note": "情况说明",
    "notified_on": "告知日期",
    "document_number": "文书编号",
    "penalties": "处罚内容",
    "kind": "处罚种类",
    "amount_yuan": "金额（元）",
    "received_on": "收到陈述申辩日期",
    "text": "陈述申辩内容",
    "result": "处理意见",
    "hearing_requested": "申请听证",
    "held_on": "听证日期",
    "decided_on": "决定日期",
    "facts": "违法事实",
    "violated_clause_ids": "违反的法律条款",
    "basis_clause_ids": "处罚依据",
    "discretion": "裁量理由",
    "method": "方式",
    "served_at": "送达时间",
    "place": "送达地点",
    "recipient": "受送达人",
    "relation": "与当事人关系",
    "witness": "见证人",
    "servers": "送达人",
    "executed_on": "执行日期",
    "amount_paid": "已缴纳金额（元）",
    "outcome": "结案方式",
    "closed_on": "结案日期",
    "days": "延期天数",
    "approved_by": "批准人",
    "reason": "延期理由",
}
"""The Chinese label of each payload key a case action's ValidationError may name."""


def case_field_label(key: str) -> str:
    """The Chinese label of a case payload key; dotted keys name their part, e.g.
    party.id_number → 当事人身份证号码, officers.1.certificate → 执法人员（第2名）执法证号."""
    head, _, rest = key.partition(".")
    if head == "party" and rest:
        return f"当事人{PARTY_LABELS.get(rest, rest)}" if rest != "name" else "当事人"
    if head in ("officers", "penalties") and rest:
        index, _, part = rest.partition(".")
        whole = CASE_FIELD_LABELS[head]
        if index.isdigit():
            place = f"{whole}（第{int(index) + 1}项）"
            if head == "officers":
                place = f"{whole}（第{int(index) + 1}名）"
            return place + (CASE_FIELD_LABELS.get(part, part) if part else "")
    return CASE_FIELD_LABELS.get(key) or CASE_FIELD_LABELS.get(head, key)


# --------------------------------------------------------------------------- parts


def money_text(amount: Decimal) -> str:
    """An amount as stored and sent: two decimals, no exponent (50000.00)."""
    return f"{amount:.2f}"


@dataclass(frozen=True)
class Officer:
    """An enforcement officer of a case and the number of their enforcement certificate."""

    name: str
    certificate: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"name": self.name, "certificate": self.certificate}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Officer:
        """Read a stored or sent officer."""
        return cls(str(data["name"]), str(data["certificate"]))


@dataclass(frozen=True)
class Penalty:
    """One penalty of a decision (or one proposed in the 告知书): its kind and amount."""

    kind: PenaltyKind
    amount_yuan: Decimal | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the amount as text with two decimals)."""
        amount = money_text(self.amount_yuan) if self.amount_yuan is not None else None
        return {"kind": self.kind.value, "amount_yuan": amount, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Penalty:
        """Read a stored or sent penalty."""
        amount = data.get("amount_yuan")
        return cls(
            kind=PenaltyKind(data["kind"]),
            amount_yuan=Decimal(str(amount)) if amount is not None else None,
            note=str(data.get("note") or ""),
        )


@dataclass(frozen=True)
class Decision:
    """The penalty decision (行政处罚决定): penalties, facts, evidence, clauses, number."""

    penalties: tuple[Penalty, ...]
    facts: str
    evidence: tuple[str, ...]
    violated_clause_ids: tuple[str, ...]
    basis_clause_ids: tuple[str, ...]
    discretion: str
    number: str
    number_year: int
    number_seq: int
    decided_on: date

    @property
    def fine_total(self) -> Decimal:
        """The money of the decision: fines and confiscated gains."""
        return sum(
            (p.amount_yuan for p in self.penalties if p.kind.needs_amount and p.amount_yuan),
            Decimal(0),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "penalties": [p.to_dict() for p in self.penalties],
            "facts": self.facts,
            "evidence": list(self.evidence),
            "violated_clause_ids": list(self.violated_clause_ids),
            "basis_clause_ids": list(self.basis_clause_ids),
            "discretion": self.discretion,
            "number": self.number,
            "number_year": self.number_year,
            "number_seq": self.number_seq,
            "decided_on": self.decided_on.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Read a stored or sent decision."""
        return cls(
            penalties=tuple(Penalty.from_dict(p) for p in data.get("penalties") or ()),
            facts=str(data.get("facts") or ""),
            evidence=tuple(str(e) for e in data.get("evidence") or ()),
            violated_clause_ids=tuple(str(c) for c in data.get("violated_clause_ids") or ()),
            basis_clause_ids=tuple(str(c) for c in data.get("basis_clause_ids") or ()),
            discretion=str(data.get("discretion") or ""),
            number=str(data["number"]),
            number_year=int(data["number_year"]),
            number_seq=int(data["number_seq"]),
            decided_on=date.fromisoformat(str(data["decided_on"])),
        )


@dataclass(frozen=True)
class Extension:
    """An extension of the decision deadline: how many calendar days, approved by whom, why."""

    days: int
    approved_by: str
    reason: str
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "days": self.days,
            "approved_by": self.approved_by,
            "reason": self.reason,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extension:
        """Read a stored or sent extension."""
        at = moment_or_none(data["at"])
        assert at is not None
        return cls(int(data["days"]), str(data["approved_by"]), str(data["reason"]), at)


@dataclass(frozen=True)
class Milestone:
    """A step of a case: what, on which date, recorded when and by whom, its document number.

    `details` hold what the step adds beyond that (proposed penalties of 告知, the statement's
    result, the execution's method and amount paid, the outcome of 结案 …).
    """

    step: CaseStep
    on: date
    at: datetime
    by: str
    by_name: str = ""
    document_number: str = ""
    note: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "step": self.step.value,
            "on": self.on.isoformat(),
            "at": self.at.isoformat(),
            "by": self.by,
            "by_name": self.by_name,
            "document_number": self.document_number,
            "note": self.note,
            "details": dict(self.details),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        """Read a stored or sent milestone."""
        at = moment_or_none(data["at"])
        assert at is not None
        return cls(
            step=CaseStep(data["step"]),
            on=date.fromisoformat(str(data["on"])),
            at=at,
            by=str(data.get("by") or ""),
            by_name=str(data.get("by_name") or ""),
            document_number=str(data.get("document_number") or ""),
            note=str(data.get("note") or ""),
            details=dict(data.get("details") or {}),
        )


# --------------------------------------------------------------------------- state


@dataclass(frozen=True)
class CaseState:
    """One penalty case as the rules read and write it.

    `number` is the 立案号 (from the unit's "case" number blocks), `deadline` the decision
    deadline (office closing on the last day, extensions included), `milestones` the steps in
    the order they were recorded. `hearing_offered` follows from the penalties proposed at 告知
    (`Rules.cases`), `hearing_requested` from the party's statement; `service` is the proof of
    service of the decision (送达回证).
    """

    case_id: str
    clue_code: str
    unit_code: str
    status: CaseStatus
    cause: str
    law: str
    party: Party
    officers: tuple[Officer, ...]
    filed_on: date
    deadline: datetime
    created_at: datetime
    created_by: str = ""
    number: str = ""
    number_year: int | None = None
    number_seq: int | None = None
    notice_ids: tuple[str, ...] = ()
    extensions: tuple[Extension, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    proposed: tuple[Penalty, ...] = ()
    hearing_offered: bool = False
    hearing_requested: bool = False
    decision: Decision | None = None
    service: Service | None = None
    outcome: CaseOutcome | None = None
    closed_on: date | None = None

    def evolve(self, **changes: Any) -> CaseState:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def milestone(self, step: CaseStep) -> Milestone | None:
        """The last milestone of `step`, if there is one."""
        return next((m for m in reversed(self.milestones) if m.step is step), None)

    @property
    def last_day(self) -> date:
        """The date of the latest milestone (the 立案 date at least)."""
        return max((m.on for m in self.milestones), default=self.filed_on)

    @property
    def decided_on(self) -> date | None:
        """The decision's date, if decided."""
        return self.decision.decided_on if self.decision is not None else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: what the stores keep and the protocol's case object carries."""
        return {
            "case_id": self.case_id,
            "clue_code": self.clue_code,
            "unit_code": self.unit_code,
            "status": self.status.value,
            "cause": self.cause,
            "law": self.law,
            "party": self.party.to_dict(),
            "officers": [o.to_dict() for o in self.officers],
            "filed_on": self.filed_on.isoformat(),
            "deadline": self.deadline.isoformat(),
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "number": self.number,
            "number_year": self.number_year,
            "number_seq": self.number_seq,
            "notice_ids": list(self.notice_ids),
            "extensions": [e.to_dict() for e in self.extensions],
            "milestones": [m.to_dict() for m in self.milestones],
            "proposed": [p.to_dict() for p in self.proposed],
            "hearing_offered": self.hearing_offered,
            "hearing_requested": self.hearing_requested,
            "decision": self.decision.to_dict() if self.decision is not None else None,
            "service": self.service.to_dict() if self.service is not None else None,
            "outcome": self.outcome.value if self.outcome is not None else None,
            "closed_on": iso_or_none(self.closed_on),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseState:
        """Read a stored or sent case; KeyError, TypeError or ValueError if malformed."""
        deadline, created = moment_or_none(data["deadline"]), moment_or_none(data["created_at"])
        if deadline is None or created is None:
            raise ValueError("deadline/created_at")
        year, seq = data.get("number_year"), data.get("number_seq")
        decision, outcome = data.get("decision"), data.get("outcome")
        return cls(
            case_id=str(data["case_id"]),
            clue_code=str(data.get("clue_code") or ""),
            unit_code=str(data["unit_code"]),
            status=CaseStatus(data["status"]),
            cause=str(data["cause"]),
            law=str(data["law"]),
            party=Party.from_dict(data["party"]),
            officers=tuple(Officer.from_dict(o) for o in data.get("officers") or ()),
            filed_on=date.fromisoformat(str(data["filed_on"])),
            deadline=deadline,
            created_at=created,
            created_by=str(data.get("created_by") or ""),
            number=str(data.get("number") or ""),
            number_year=int(year) if year is not None else None,
            number_seq=int(seq) if seq is not None else None,
            notice_ids=tuple(str(n) for n in data.get("notice_ids") or ()),
            extensions=tuple(Extension.from_dict(e) for e in data.get("extensions") or ()),
            milestones=tuple(Milestone.from_dict(m) for m in data.get("milestones") or ()),
            proposed=tuple(Penalty.from_dict(p) for p in data.get("proposed") or ()),
            hearing_offered=bool(data.get("hearing_offered")),
            hearing_requested=bool(data.get("hearing_requested")),
            decision=Decision.from_dict(decision) if decision else None,
            service=Service.from_dict(data["service"]) if data.get("service") else None,
            outcome=CaseOutcome(outcome) if outcome else None,
            closed_on=day_or_none(data.get("closed_on")),
        )


__all__ = [
    "CASE_FIELD_LABELS",
    "MONEY_KINDS",
    "CaseOutcome",
    "CaseState",
    "CaseStatus",
    "CaseStep",
    "Decision",
    "ExecutionMethod",
    "Extension",
    "Milestone",
    "Officer",
    "Penalty",
    "PenaltyKind",
    "Service",
    "StatementResult",
    "case_field_label",
    "money_text",
]
