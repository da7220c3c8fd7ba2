"""The 行政处罚决定书 of a penalty case: `decision_fields` fills the decision's `DecisionFields`
from the case (its numbers, party, milestones and decision), the unit directory (the filing
unit's legal name, review body and court, as the directory gives them) and the clause
library; `render_case_decision` does the same from a store and renders the PDF.

A case that cannot print (no decision yet, a clause missing from the library, a unit without
its review body or court in the directory) raises `CaseDocumentError`, a Chinese sentence
naming what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from desktop.domain.case_content import (
    CaseState,
    CaseStep,
    Decision,
    Milestone,
    StatementResult,
)
from desktop.domain.notice_content import Clause
from desktop.domain.notice_numbers import verification_code
from desktop.domain.party import PartyType
from desktop.domain.units import UnitDirectory, UnitInfo
from desktop.reports.decision import (
    DecisionFieldError,
    DecisionFields,
    LawClause,
    Notification,
    Party,
    Payment,
    PenaltyItem,
    render_decision_bytes,
)
from desktop.reports.fonts import FontSet

PAYMENT_NOTE = "请持本决定书到指定的银行或者通过电子支付系统缴纳，缴款时注明本决定书文号"
"""How to pay when the directory names no account (行政处罚法 第六十七条第三款)."""

ANSWERS: Mapping[StatementResult, str] = {
    StatementResult.ADOPTED: "adopted",
    StatementResult.PARTLY_ADOPTED: "partly",
    StatementResult.NOT_ADOPTED: "rejected",
}
"""The decision's answer to the party's 陈述申辩, by the statement milestone's result."""

REASONS: Mapping[StatementResult, str] = {
    StatementResult.ADOPTED: "{you}提出的事实、理由和证据成立",
    StatementResult.PARTLY_ADOPTED: "{you}提出的部分事实、理由成立，已在裁量时予以考虑",
    StatementResult.NOT_ADOPTED: "{you}提出的事实、理由和证据不足以改变拟作出的行政处罚",
}
"""The reason the decision gives after 经复核 for each result (the case records none)."""

_KEEP_ENDINGS = ("预案", "方案", "档案", "备案", "草案", "图案", "提案", "议案")
"""Causes that end in 案 as part of a word, not as 「……案」."""


class CaseDocumentError(DecisionFieldError):
    """A case whose decision cannot be printed; `field` names what is missing."""


def _cause(cause: str) -> str:
    """The cause as the decision's lead sentence takes it: 「对你单位{cause}一案立案调查」."""
    text = cause.strip().removesuffix("一案")
    if text.endswith("案") and not text.endswith(_KEEP_ENDINGS):
        text = text[:-1]
    return text


def _facts(facts: str) -> str:
    """The facts without their own 「经查，」 (the decision's sentence before them has it)."""
    text = facts.strip()
    for lead in ("经查，", "经查,", "经查：", "经查"):
        if text.startswith(lead):
            return text[len(lead) :].strip()
    return text


def _clauses(
    ids: Sequence[str], clauses: Mapping[str, Clause], key: str, label: str
) -> tuple[LawClause, ...]:
    out = []
    for clause_id in ids:
        clause = clauses.get(clause_id)
        if clause is None:
            raise CaseDocumentError(
                key, f"法律条款库中没有条款「{clause_id}」，请在条款库中补充", label
            )
        out.append(LawClause.of(clause))
    return tuple(out)


def _notification(state: CaseState, you: str) -> Notification:
    notified = state.milestone(CaseStep.NOTIFIED)
    if notified is None:
        raise CaseDocumentError("notification", "案件没有告知记录，不能打印处罚决定书")
    if not notified.document_number.strip():
        raise CaseDocumentError("notification.number", "告知记录没有告知书文号")
    statement = state.milestone(CaseStep.STATEMENT)
    hearing = state.milestone(CaseStep.HEARING)
    text, statement_on, answer, reason = "", None, "", ""
    requested_on: date | None = None
    if statement is not None:
        result = _statement_result(statement)
        if result is not None and result in ANSWERS and statement.note.strip():
            text, statement_on = statement.note, statement.on
            answer, reason = ANSWERS[result], REASONS[result].format(you=you)
        if statement.details.get("hearing_requested"):
            requested_on = statement.on
    return Notification(
        number=notified.document_number,
        served_on=notified.on,
        hearing_offered=state.hearing_offered,
        statement=text,
        statement_on=statement_on,
        answer=answer,
        reason=reason,
        hearing_requested_on=requested_on,
        hearing_held_on=hearing.on if hearing is not None else None,
    )


def _statement_result(step: Milestone) -> StatementResult | None:
    try:
        return StatementResult(str(step.details.get("result") or ""))
    except ValueError:
        return None


def _unit(state: CaseState, units: UnitDirectory) -> UnitInfo:
    unit = units.get(state.unit_code)
    if unit is None:
        raise CaseDocumentError(
            "authority", f"单位目录中没有立案单位（{state.unit_code}），请先同步单位目录"
        )
    for key, value in (("review_body", unit.review_body), ("litigation_court", unit.court)):
        if not value.strip():
            what = "行政复议机关" if key == "review_body" else "管辖法院"
            raise CaseDocumentError(
                key, f"单位目录中没有{unit.signature}的{what}，请在单位目录中填写后再打印"
            )
    return unit


def _evidence(state: CaseState, decision: Decision) -> tuple[str, ...]:
    if decision.evidence:
        return decision.evidence
    investigated = state.milestone(CaseStep.INVESTIGATED)
    raw: Any = investigated.details.get("evidence") if investigated is not None else None
    found = tuple(str(e) for e in raw or () if str(e).strip())
    if not found:
        raise CaseDocumentError("evidence", "处罚决定没有列明证据")
    return found


def decision_fields(
    state: CaseState,
    *,
    clue_address: str,
    units: UnitDirectory,
    clauses: Mapping[str, Clause],
    draft: bool = False,
) -> DecisionFields:
    """What the case's 行政处罚决定书 prints (`draft`: without its number, for review).

    The authority is the filing unit's legal name and the remedies its review body and court,
    from the directory; the inspection is the 调查取证 milestone's date (the 立案 date without
    one) at the clue's address; the violated articles and the basis come from the clause
    library by the decision's ids. Raises CaseDocumentError naming what is missing.
    """
    decision = state.decision
    if decision is None:
        raise CaseDocumentError(
            "decision", f"案件（{state.number or state.case_id}）尚未作出处罚决定", "处罚决定"
        )
    unit = _unit(state, units)
    premises = clue_address if state.party.party_type is PartyType.SOLE_TRADER else ""
    party = Party.of(state.party, premises=premises)
    investigated = state.milestone(CaseStep.INVESTIGATED)
    number = None if draft else decision.number
    verification = "" if number is None else verification_code(state.case_id, number)
    money = any(p.kind.needs_amount for p in decision.penalties)
    return DecisionFields(
        number=number,
        case_number=state.number,
        authority=unit.signature,
        party=party,
        cause=_cause(state.cause),
        filed_on=state.filed_on,
        inspected_on=investigated.on if investigated is not None else state.filed_on,
        inspected_at=clue_address.strip() or state.party.address,
        facts=_facts(decision.facts),
        evidence=_evidence(state, decision),
        violated=_clauses(decision.violated_clause_ids, clauses, "violated", "违反的条款"),
        basis=_clauses(decision.basis_clause_ids, clauses, "basis", "处罚依据"),
        notification=_notification(state, party.you),
        penalties=tuple(
            PenaltyItem(p.kind.label, p.amount_yuan, p.note) for p in decision.penalties
        ),
        review_body=unit.review_body,
        litigation_court=unit.court,
        decided_on=decision.decided_on,
        discretion=decision.discretion,
        payment=Payment(note=PAYMENT_NOTE if money else ""),
        verification=verification,
        service=state.service,
    )


def render_case_decision(store: Any, case_id: str, *, fonts: FontSet | None = None) -> bytes:
    """The PDF of a case's 行政处罚决定书 (with its 送达回证), from the store: the case, its
    clue's address, the unit directory and the clause library. CaseDocumentError when the
    store lacks the case or the case cannot print; MissingGlyph for a character no font has.
    """
    from sqlalchemy import select

    from desktop.store.cases import load_case
    from desktop.store.clause_library import clauses_by_id
    from desktop.store.clue_rows import load_directory
    from desktop.store.models import Clue

    state = load_case(store, case_id)
    if state is None:
        raise CaseDocumentError("case", f"本机没有案件 {case_id}", "案件")
    ids: list[str] = []
    if state.decision is not None:
        ids = [*state.decision.violated_clause_ids, *state.decision.basis_clause_ids]
    with store.session() as session, session.begin():
        units = load_directory(session)
        clauses = clauses_by_id(session, ids)
        address = session.scalars(select(Clue.address).where(Clue.code == state.clue_code)).first()
    fields = decision_fields(state, clue_address=address or "", units=units, clauses=clauses)
    return render_decision_bytes(fields, fonts=fonts)


__all__ = ["CaseDocumentError", "decision_fields", "render_case_decision"]
