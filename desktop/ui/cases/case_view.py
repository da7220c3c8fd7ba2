"""One penalty case as the clue's case tab shows it: number, status, party, the decision
deadline's countdown and warning, the milestones as a timeline, the decision and extensions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import (
    RUNNING_STATUSES,
    CaseOutcome,
    CaseState,
    CaseStep,
    ExecutionMethod,
    Milestone,
    Penalty,
    PenaltyKind,
    ServiceMethod,
    StatementResult,
)
from desktop.domain.codes import Labelled
from desktop.domain.deadlines import countdown, warning_level
from desktop.domain.timeutil import to_china
from desktop.store.cases import CaseDetail
from desktop.ui.labels import label, label_of
from desktop.ui.queue_model import WARNING_STYLES
from desktop.ui.timeline import format_moment
from desktop.ui.value_label import value_label
from desktop.ui.workspace import Workspace

EMPTY = "—"
PENDING_STYLE = "background: #fff4d6; color: #8a5a00; padding: 4px;"


def yuan(amount: object) -> str:
    """An amount as shown: ¥50,000.00."""
    try:
        return f"¥{float(str(amount)):,.2f}"
    except ValueError:
        return str(amount)


class CaseView(QWidget):
    """The shown case's facts, countdown and timeline (`show_case`)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.detail: CaseDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.number_label = value_label()
        self.number_label.setObjectName("case_number")
        self.number_label.setWordWrap(False)
        font = self.number_label.font()
        font.setBold(True)
        self.number_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("case_status_label")
        self.warning_label = QLabel()
        self.warning_label.setObjectName("case_warning_label")
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("case_countdown")
        self.countdown_label.setWordWrap(True)
        self.countdown_label.setMinimumWidth(120)
        header.addWidget(self.number_label)
        header.addWidget(self.status_label)
        header.addWidget(self.warning_label)
        header.addWidget(self.countdown_label, 1)
        layout.addLayout(header)
        self.pending_label = QLabel(self.tr("本案有操作尚未同步到市平台"))
        self.pending_label.setStyleSheet(PENDING_STYLE)
        self.pending_label.hide()
        layout.addWidget(self.pending_label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, QLabel] = {}
        for key, text in (
            ("cause", self.tr("案由")),
            ("law", self.tr("涉及法律")),
            ("party", self.tr("当事人")),
            ("unit", self.tr("办案单位")),
            ("officers", self.tr("执法人员")),
            ("filed_on", self.tr("立案日期")),
            ("decision", self.tr("处罚决定")),
            ("extensions", self.tr("延期")),
            ("outcome", self.tr("结案")),
        ):
            value = value_label()
            value.setObjectName(f"case_{key}")
            self.fields[key] = value
            form.addRow(text, value)
        layout.addLayout(form)
        self.milestones = QTableWidget(0, 5)
        self.milestones.setObjectName("case_milestones")
        self.milestones.setHorizontalHeaderLabels(
            [
                self.tr("日期"),
                self.tr("环节"),
                self.tr("办理人"),
                self.tr("文书编号"),
                self.tr("说明"),
            ]
        )
        self.milestones.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.milestones.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestones.verticalHeader().hide()
        self.milestones.setTabKeyNavigation(False)
        self.milestones.horizontalHeader().setStretchLastSection(True)
        self.milestones.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.milestones.setWordWrap(True)
        self.milestones.setMinimumHeight(150)
        self.milestones.setAccessibleName(self.tr("办案环节"))
        layout.addWidget(self.milestones, 1)

    # -- showing --------------------------------------------------------------------------

    def show_case(self, detail: CaseDetail | None) -> None:
        """Show a case (None: none)."""
        self.detail = detail
        if detail is None:
            return
        state = detail.state
        self.number_label.setText(state.number or EMPTY)
        self.status_label.setText(label(state.status))
        self.pending_label.setVisible(detail.pending)
        party = state.party
        person = party.person if party.person and party.person != party.name else ""
        values = {
            "cause": state.cause,
            "law": self.tr("《{0}》").format(state.law) if state.law else "",
            "party": self.tr("{0}（{1}）").format(party.name, label(party.party_type))
            + (self.tr("，{0}").format(person) if person else ""),
            "unit": self.workspace.unit_name(state.unit_code),
            "officers": self.tr("、").join(
                self.tr("{0}（执法证号 {1}）").format(o.name, o.certificate) for o in state.officers
            ),
            "filed_on": state.filed_on.isoformat(),
            "decision": self.decision_text(state),
            "extensions": self.tr("；").join(
                self.tr("{0} 日（{1} 批准：{2}）").format(e.days, e.approved_by, e.reason)
                for e in state.extensions
            ),
            "outcome": (
                self.tr("{0}，{1}").format(label(state.outcome), state.closed_on.isoformat())
                if state.outcome is not None and state.closed_on is not None
                else ""
            ),
        }
        for key, widget in self.fields.items():
            widget.setText(values.get(key) or EMPTY)
        self._fill_milestones(state)
        self.refresh_time(self.workspace.now())

    def decision_text(self, state: CaseState) -> str:
        """The decision in one line: its number and date, each penalty with its amount."""
        decision = state.decision
        if decision is None:
            if state.proposed:
                return self.tr("尚未决定；已告知拟作出：{0}").format(
                    self.penalties_text(state.proposed)
                )
            return ""
        return self.tr("{number}（{day}）：{penalties}").format(
            number=decision.number,
            day=decision.decided_on.isoformat(),
            penalties=self.penalties_text(decision.penalties),
        )

    def penalties_text(self, penalties: tuple[Penalty, ...]) -> str:
        """Penalties as read: 罚款 ¥50,000.00、责令停产整治."""
        parts = []
        for penalty in penalties:
            text = label(penalty.kind)
            if penalty.amount_yuan is not None:
                text += " " + yuan(penalty.amount_yuan)
            parts.append(text)
        return self.tr("、").join(parts)

    def _fill_milestones(self, state: CaseState) -> None:
        table = self.milestones
        table.setRowCount(0)
        for milestone in state.milestones:
            row = table.rowCount()
            table.insertRow(row)
            cells = (
                milestone.on.isoformat(),
                label(milestone.step),
                milestone.by_name or milestone.by,
                milestone.document_number,
                self.milestone_note(milestone),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.resizeRowsToContents()

    def milestone_note(self, milestone: Milestone) -> str:
        """What a milestone adds beyond its date and number."""
        details = milestone.details
        parts = [milestone.note] if milestone.note and milestone.step is not CaseStep.FILED else []
        penalties = details.get("penalties")
        if isinstance(penalties, list) and penalties:
            shown = []
            for item in penalties:
                kind = label_of(PenaltyKind, str(item.get("kind") or ""))
                amount = item.get("amount_yuan")
                shown.append(f"{kind} {yuan(amount)}" if amount else kind)
            parts.append(self.tr("、").join(shown))
        if details.get("hearing_offered"):
            parts.append(self.tr("已告知听证权利"))
        if "result" in details:
            parts.append(label_of(StatementResult, str(details["result"])))
        if details.get("hearing_requested"):
            parts.append(self.tr("申请听证"))
        for key in ("method", "outcome"):
            value = details.get(key)
            if isinstance(value, str) and value:
                parts.append(self._code_label(milestone.step, key, value))
        if details.get("amount_paid"):
            parts.append(self.tr("已缴纳 {0}").format(yuan(details["amount_paid"])))
        evidence = details.get("evidence")
        if isinstance(evidence, list) and evidence:
            parts.append(self.tr("证据：{0}").format(self.tr("、").join(map(str, evidence))))
        return self.tr("；").join(p for p in parts if p)

    def _code_label(self, step: CaseStep, key: str, value: str) -> str:
        kinds: dict[tuple[CaseStep, str], type[Labelled]] = {
            (CaseStep.SERVED, "method"): ServiceMethod,
            (CaseStep.EXECUTED, "method"): ExecutionMethod,
            (CaseStep.CLOSED, "outcome"): CaseOutcome,
        }
        kind = kinds.get((step, key))
        return label_of(kind, value) if kind is not None else value

    def refresh_time(self, now: datetime) -> None:
        """The countdown and warning of the decision deadline at `now`."""
        detail = self.detail
        if detail is None:
            return
        state = detail.state
        if state.status not in RUNNING_STATUSES:
            self.warning_label.hide()
            if state.decided_on is not None:
                on_time = state.decided_on <= to_china(state.deadline).date()
                text = (
                    self.tr("已于 {0} 作出处罚决定（在决定期限内）")
                    if on_time
                    else self.tr("已于 {0} 作出处罚决定（超过决定期限）")
                )
                self.countdown_label.setText(text.format(state.decided_on.isoformat()))
            else:
                self.countdown_label.setText(self.tr("已结案，不再计算决定期限"))
            return
        ws = self.workspace
        level = warning_level(state.deadline, now, ws.calendar, ws.rules.warnings)
        self.warning_label.setText(self.warning_text(level))
        self.warning_label.setStyleSheet(WARNING_STYLES.get(level, ""))
        self.warning_label.show()
        left = countdown(state.deadline, now, ws.calendar).text()
        self.countdown_label.setText(
            self.tr("决定期限 {0}（{1}）").format(format_moment(state.deadline), left)
        )

    def warning_level(self) -> int:
        """The level shown now (0 for none)."""
        detail = self.detail
        if detail is None or detail.state.status not in RUNNING_STATUSES:
            return 0
        ws = self.workspace
        return warning_level(detail.state.deadline, ws.now(), ws.calendar, ws.rules.warnings)

    def warning_text(self, level: int) -> str:
        """The badge of a warning level (the queue's words)."""
        return {
            0: self.tr("正常"),
            1: self.tr("一级预警（黄）"),
            2: self.tr("二级预警（橙）"),
            3: self.tr("三级预警（红）"),
        }.get(level, "")

    def milestone_rows(self) -> list[list[str]]:
        """The timeline's texts, row by row (tests, accessibility)."""
        rows = []
        for row in range(self.milestones.rowCount()):
            cells = []
            for column in range(self.milestones.columnCount()):
                item = self.milestones.item(row, column)
                cells.append(item.text() if item is not None else "")
            rows.append(cells)
        return rows
