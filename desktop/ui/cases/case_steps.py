"""The fields of each case action's form, prefilled from the case, its clue and the handler's
findings (`build_step(form)` fills the form's body)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.domain.cases import (
    CLOSING_FROM,
    CaseAction,
    CaseOutcome,
    CaseStep,
    ExecutionMethod,
    Extension,
    Officer,
    PartyType,
    StatementResult,
    case_deadline,
    hearing_offered,
    money_text,
)
from desktop.domain.notice_numbers import CASE_SERIES, DECISION_SERIES
from desktop.domain.notices import ServiceMethod
from desktop.domain.timeutil import to_china
from desktop.store.case_views import CasePrefill, case_prefill, linkable_notices
from desktop.store.cases import case_laws_for
from desktop.store.number_blocks import number_stock
from desktop.ui.cases.case_fields import (
    CalendarDaysField,
    CheckField,
    NoticeLinksField,
    OfficersField,
    PenaltiesField,
)
from desktop.ui.forms import ChoiceField, DateTimeField, TextField
from desktop.ui.labels import label
from desktop.ui.notices.clause_picker import ClauseField
from desktop.ui.notices.fields import DateField, LinesField
from desktop.ui.notices.notice_form import PARTY_FIELDS, PARTY_REQUIRED
from desktop.ui.timeline import format_moment

if TYPE_CHECKING:
    from desktop.ui.cases.case_form import CaseForm

CONTEXT = "CaseSteps"

PARTY_TEXTS: tuple[tuple[str, object], ...] = (
    ("name", QT_TRANSLATE_NOOP("CaseSteps", "当事人（名称、字号或姓名）")),
    ("credit_code", QT_TRANSLATE_NOOP("CaseSteps", "统一社会信用代码")),
    ("legal_representative", QT_TRANSLATE_NOOP("CaseSteps", "法定代表人（负责人）")),
    ("operator", QT_TRANSLATE_NOOP("CaseSteps", "经营者")),
    ("id_number", QT_TRANSLATE_NOOP("CaseSteps", "身份证号码")),
    ("address", QT_TRANSLATE_NOOP("CaseSteps", "住所（住址）")),
)
"""The party's text fields: (key under party., label)."""
OPTIONAL_PARTY = ("credit_code", "legal_representative", "operator", "id_number")
"""Party fields shown only for some types of party."""


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def _text(
    form: CaseForm,
    key: str,
    text: str,
    value: str = "",
    *,
    required: bool = False,
    multiline: bool = False,
    placeholder: str = "",
) -> TextField:
    field = TextField(key, text, required=required, multiline=multiline, placeholder=placeholder)
    field.set_value(value)
    form.body.add(field)
    return field


def _day(form: CaseForm, key: str, text: str) -> DateField:
    today = to_china(form.workspace.now()).date()
    field = DateField(key, text, today, latest=today)
    form.body.add(field)
    return field


def _prefill(form: CaseForm) -> CasePrefill:
    ws = form.workspace
    return case_prefill(ws.store, ws.username, form.clue_code, form.notice_ids, now=ws.now())


# --------------------------------------------------------------------------- 立案


def _party_fields(form: CaseForm, prefill: CasePrefill) -> None:
    party = prefill.party
    kind = ChoiceField(
        "party.party_type",
        _tr(QT_TRANSLATE_NOOP("CaseSteps", "当事人类型")),
        [(t.value, label(t)) for t in PartyType],
        current=party.party_type.value,
        required=True,
    )
    form.body.add(kind)
    for key, text in PARTY_TEXTS:
        _text(form, f"party.{key}", _tr(text), getattr(party, key), required=key == "name")

    def shown() -> None:
        try:
            chosen = PartyType(kind.value())
        except ValueError:
            chosen = PartyType.ORGANISATION
        for key in OPTIONAL_PARTY:
            form.body.set_row_visible(f"party.{key}", key in PARTY_FIELDS[chosen])
            form.body.set_required(f"party.{key}", key in PARTY_REQUIRED[chosen])
        form.body.set_required("party.address", chosen is PartyType.INDIVIDUAL)

    kind.changed.connect(shown)
    shown()


def _file(form: CaseForm) -> None:
    ws = form.workspace
    prefill = _prefill(form)
    year = to_china(ws.now()).year
    left = number_stock(ws.store, ws.actor.unit.code, year, CASE_SERIES)
    intro = form.tr(
        "立案后，立案号取自本机的立案号编号段；应自立案之日起 {0} 日内作出处罚决定"
        "（《行政处罚法》第六十条）。"
    ).format(ws.rules.cases.decision_days)
    if left:
        intro += form.tr("本机尚有 {0} 年立案号 {1} 个。").format(year, left)
    else:
        intro += form.tr("本机没有可用的 {0} 年立案号，请先联网同步领取编号段。").format(year)
    form.body.set_intro(intro + form.tr("带 * 的项必须填写。"))
    _text(form, "cause", form.tr("案由"), prefill.cause, required=True)
    laws = case_laws_for(ws.store, ws.username)
    form.body.add(
        ChoiceField(
            "law",
            form.tr("涉及法律"),
            [(law, form.tr("《{0}》").format(law)) for law in laws],
            current=prefill.law or None,
            required=True,
            placeholder=form.tr("请选择本机关执行的法律"),
        )
    )
    _party_fields(form, prefill)
    me = ws.actor.display_name or ws.username
    form.body.add(
        OfficersField(
            "officers",
            form.tr("执法人员（至少两名，持执法证）"),
            [Officer(me, "")],
        )
    )
    notices = linkable_notices(ws.store, form.clue_code)
    if notices:
        form.body.add(
            NoticeLinksField("notice_ids", form.tr("关联的整改文书"), notices, prefill.notice_ids)
        )
    _day(form, "filed_on", form.tr("立案日期"))


# --------------------------------------------------------------------------- milestones


def _investigate(form: CaseForm) -> None:
    form.body.set_intro(form.tr("记录调查取证的情况和取得的证据。"))
    _day(form, "investigated_on", form.tr("调查取证日期"))
    _text(form, "note", form.tr("调查取证情况"), required=True, multiline=True)
    evidence = LinesField(
        "evidence", form.tr("证据（每行一项）"), placeholder=form.tr("如：现场检查（勘察）笔录")
    )
    form.body.add(evidence)


def _notify(form: CaseForm) -> None:
    state = form.state
    assert state is not None
    rules = form.workspace.rules.cases
    form.body.set_intro(
        form.tr(
            "告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知其陈述、申辩权利。"
            "对个人罚款 {0} 元以上、对单位罚款 {1} 元以上，或责令停产停业、吊销许可证件等，"
            "还应告知听证权利。"
        ).format(rules.hearing_citizen_yuan, rules.hearing_organisation_yuan)
    )
    _day(form, "notified_on", form.tr("告知日期"))
    _text(
        form,
        "document_number",
        form.tr("告知书文号"),
        required=True,
        placeholder=form.tr("如：海环罚告〔2026〕12号"),
    )
    penalties = PenaltiesField("penalties", form.tr("拟作出的处罚"), state.proposed)
    form.body.add(penalties)
    hint = QLabel()
    hint.setObjectName("hearingHint")
    hint.setWordWrap(True)
    form.body.form.addRow("", hint)
    form.hint = hint
    _text(form, "note", form.tr("备注"), multiline=True)

    def update() -> None:
        offered = hearing_offered(penalties.penalties(), state.party.party_type, rules)
        hint.setText(
            form.tr("应当告知当事人有要求听证的权利。")
            if offered
            else form.tr("拟作出的处罚无需告知听证权利。")
        )

    penalties.changed.connect(update)
    update()


def _statement(form: CaseForm) -> None:
    state = form.state
    assert state is not None
    form.body.set_intro(form.tr("记录当事人的陈述、申辩及处理意见。"))
    _day(form, "received_on", form.tr("收到陈述申辩日期"))
    result = ChoiceField(
        "result",
        form.tr("处理意见"),
        [(r.value, label(r)) for r in StatementResult],
        required=True,
        placeholder=form.tr("请选择"),
    )
    form.body.add(result)
    _text(form, "text", form.tr("陈述申辩内容"), required=True, multiline=True)
    if state.hearing_offered:
        form.body.add(CheckField("hearing_requested", form.tr("听证"), form.tr("当事人申请听证")))

    def required() -> None:
        form.body.set_required("text", result.value() != StatementResult.WAIVED.value)

    result.changed.connect(required)


def _hearing(form: CaseForm) -> None:
    form.body.set_intro(form.tr("当事人申请了听证：记录听证的举行情况。"))
    _day(form, "held_on", form.tr("听证日期"))
    _text(form, "note", form.tr("听证情况"), required=True, multiline=True)
    _text(form, "document_number", form.tr("听证笔录编号"))


def _decide(form: CaseForm) -> None:
    ws, state = form.workspace, form.state
    assert state is not None
    prefill = _prefill(form)
    year = to_china(ws.now()).year
    left = number_stock(ws.store, ws.actor.unit.code, year, DECISION_SERIES)
    intro = form.tr("作出决定后，决定书文号取自本机的决定书编号段，决定内容不能再修改。")
    if left:
        intro += form.tr("本机尚有 {0} 年决定书文号 {1} 个。").format(year, left)
    else:
        intro += form.tr("本机没有可用的 {0} 年决定书文号，请先联网同步领取编号段。").format(year)
    form.body.set_intro(intro)
    _day(form, "decided_on", form.tr("决定日期"))
    form.body.add(PenaltiesField("penalties", form.tr("处罚内容"), state.proposed))
    _text(form, "facts", form.tr("违法事实"), prefill.facts, required=True, multiline=True)
    evidence = LinesField("evidence", form.tr("证据（每行一项）"))
    gathered: list[str] = []
    for milestone in state.milestones:
        if milestone.step is CaseStep.INVESTIGATED:
            gathered += [str(e) for e in milestone.details.get("evidence") or ()]
    evidence.set_lines(list(dict.fromkeys([*gathered, *prefill.evidence])))
    form.body.add(evidence)
    form.body.add(
        ClauseField(
            "violated_clause_ids", form.tr("违反的法律条款"), ws.store, prefill.violated_clause_ids
        )
    )
    form.body.add(
        ClauseField("basis_clause_ids", form.tr("处罚依据"), ws.store, prefill.basis_clause_ids)
    )
    _text(form, "discretion", form.tr("裁量理由"), multiline=True)


def _serve(form: CaseForm) -> None:
    ws, state = form.workspace, form.state
    assert state is not None and state.decision is not None
    form.body.set_intro(
        form.tr("送达行政处罚决定书 {0}。留置送达须有见证人。").format(state.decision.number)
    )
    form.body.add(
        ChoiceField(
            "method",
            form.tr("送达方式"),
            [(m.value, label(m)) for m in ServiceMethod],
            current=ServiceMethod.DIRECT.value,
            required=True,
        )
    )
    now = ws.now()
    form.body.add(DateTimeField("served_at", form.tr("送达时间"), now, latest=now))
    _text(form, "place", form.tr("送达地点"), state.party.address, required=True)
    _text(form, "recipient", form.tr("受送达人（签收人）"), state.party.person, required=True)
    relation = _text(form, "relation", form.tr("与当事人关系"), required=True)
    assert isinstance(relation.text_editor, QLineEdit)
    relation.text_editor.setPlaceholderText(form.tr("如：法定代表人、负责人、本人"))
    _text(form, "witness", form.tr("见证人（留置送达必填）"))
    servers = LinesField("servers", form.tr("送达人（每行一名）"), required=True)
    servers.set_lines([o.name for o in state.officers])
    form.body.add(servers)


def _execute(form: CaseForm) -> None:
    state = form.state
    assert state is not None
    form.body.set_intro(form.tr("记录处罚决定的执行情况。"))
    _day(form, "executed_on", form.tr("执行日期"))
    form.body.add(
        ChoiceField(
            "method",
            form.tr("执行方式"),
            [(m.value, label(m)) for m in ExecutionMethod],
            current=ExecutionMethod.VOLUNTARY.value,
            required=True,
        )
    )
    fine = state.decision.fine_total if state.decision is not None else Decimal(0)
    _text(form, "amount_paid", form.tr("已缴纳金额（元）"), money_text(fine) if fine else "")
    _text(form, "note", form.tr("执行情况"), multiline=True)


def _close(form: CaseForm) -> None:
    state = form.state
    assert state is not None
    outcomes = [o for o in CaseOutcome if state.status in CLOSING_FROM[o]]
    form.body.set_intro(form.tr("结案后案件不能再办理。只列出案件当前可用的结案方式。"))
    outcome = ChoiceField(
        "outcome",
        form.tr("结案方式"),
        [(o.value, label(o)) for o in outcomes],
        current=outcomes[0].value if len(outcomes) == 1 else None,
        required=True,
        placeholder=form.tr("请选择"),
    )
    form.body.add(outcome)
    _day(form, "closed_on", form.tr("结案日期"))
    note = _text(form, "note", form.tr("结案情况说明"), multiline=True)

    def required() -> None:
        form.body.set_required(note.key, outcome.value() != CaseOutcome.EXECUTED.value)

    outcome.changed.connect(required)
    required()


def _extend(form: CaseForm) -> None:
    ws, state = form.workspace, form.state
    assert state is not None
    rules = ws.rules.cases
    which = len(state.extensions)
    most = rules.extension_days[which]
    days = CalendarDaysField("days", form.tr("延期天数（日历日）"), 1, most)
    form.body.add(days)
    _text(form, "approved_by", form.tr("批准人"), required=True)
    _text(form, "reason", form.tr("延期理由"), required=True, multiline=True)

    def update() -> None:
        extended = (*state.extensions, Extension(days.value(), "", "", ws.now()))
        after = case_deadline(state.filed_on, extended, ws.calendar, ws.rules)
        form.body.set_intro(
            form.tr(
                "第 {which} 次延期（最多 {count} 次），本次最多 {most} 日。"
                "决定期限现为 {now}，延期后为 {after}。"
            ).format(
                which=which + 1,
                count=rules.max_extensions,
                most=most,
                now=format_moment(state.deadline),
                after=format_moment(after),
            )
        )

    days.changed.connect(update)
    update()


STEPS: dict[CaseAction, Callable[[CaseForm], None]] = {
    CaseAction.FILE: _file,
    CaseAction.INVESTIGATE: _investigate,
    CaseAction.NOTIFY: _notify,
    CaseAction.STATEMENT: _statement,
    CaseAction.HEARING: _hearing,
    CaseAction.DECIDE: _decide,
    CaseAction.SERVE: _serve,
    CaseAction.EXECUTE: _execute,
    CaseAction.CLOSE: _close,
    CaseAction.EXTEND: _extend,
}
"""The fields of every case action."""


def build_step(form: CaseForm) -> None:
    """Fill the form's body with the fields of its action."""
    STEPS[form.action](form)
