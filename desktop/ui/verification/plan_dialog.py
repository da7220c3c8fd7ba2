"""The sample plan of the weekly verification: how many of each unit's closed clues are drawn
(a count, e.g. 5, or a share, e.g. 20%), a default for every unit and exceptions per unit.
The plan is kept in the app's settings and offered again next week."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.units import UnitInfo
from desktop.domain.validators import to_half_width
from desktop.domain.verification import DEFAULT_QUOTA, Quota, SamplePlan
from desktop.ui.forms import FormBody, TextField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.settings import AppSettings

log = logging.getLogger("cluedesk.ui.verification")

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def saved_plan(settings: AppSettings | None) -> SamplePlan:
    """The plan last used on this computer (the default plan when none was kept)."""
    raw = settings.verification_plan if settings is not None else ""
    if not raw:
        return SamplePlan()
    try:
        return SamplePlan.from_dict(json.loads(raw))
    except ValueError:  # also a JSONDecodeError
        log.warning("the saved verification plan is not readable; using the default")
        return SamplePlan()


def save_plan(settings: AppSettings | None, plan: SamplePlan) -> None:
    """Keep the plan for next time."""
    if settings is not None:
        settings.verification_plan = json.dumps(plan.to_dict(), ensure_ascii=False)
        settings.sync()


def parse_quota(text: str) -> Quota:
    """A quota typed by a person ('5', '5 件', '20%'); ValueError when it is none."""
    cleaned = to_half_width(text).strip()
    return Quota.parse(cleaned)


class PlanDialog(QDialog):
    """Edit the sample plan: the default quota and a quota per unit (blank: the default)."""

    def __init__(
        self, plan: SamplePlan, units: Sequence[UnitInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.units = list(units)
        self.plan = plan
        self.setWindowTitle(self.tr("抽样方案"))
        layout = QVBoxLayout(self)
        self.body = FormBody()
        self.body.set_intro(
            self.tr(
                "每个承办单位从本周办结的线索中抽取：填数字为件数（如 5），填百分比为比例"
                "（如 20%）。单位内按来源渠道分层抽取；有线索的单位至少抽取 1 件。"
            )
        )
        self.default = TextField("default", self.tr("默认抽取"), required=True)
        self.default.set_value(plan.default.text())
        self.body.add(self.default)
        layout.addWidget(self.body)
        hint = QLabel(self.tr("单独设定（留空则按默认）："))
        layout.addWidget(hint)
        self.table = QTableWidget(len(self.units), 2, self)
        self.table.setObjectName("verificationPlanTable")
        self.table.setHorizontalHeaderLabels([self.tr("承办单位"), self.tr("抽取")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, unit in enumerate(self.units):
            name = QTableWidgetItem(unit.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, unit.code)
            self.table.setItem(row, 0, name)
            own = plan.units.get(unit.code)
            self.table.setItem(row, 1, QTableWidgetItem(own.text() if own else ""))
        layout.addWidget(self.table, 1)
        buttons, self.ok_button, _cancel = ok_cancel_buttons(self, self.tr("确定"), self.submit)
        layout.addWidget(buttons)
        for keys in SUBMIT_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        fit_to_screen(self, QSize(520, 560))

    def quota_cell(self, unit_code: str) -> QTableWidgetItem:
        """The quota cell of a unit."""
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            if name is not None and name.data(Qt.ItemDataRole.UserRole) == unit_code:
                cell = self.table.item(row, 1)
                assert cell is not None
                return cell
        raise KeyError(unit_code)

    def read_plan(self) -> SamplePlan | None:
        """The plan as typed; None after showing where it is wrong."""
        self.body.clear_errors()
        try:
            default = parse_quota(str(self.default.value()))
        except ValueError:
            self.body.show_error("default", self.tr("请填写件数（如 5）或比例（如 20%）"))
            return None
        units: dict[str, Quota] = {}
        for row, unit in enumerate(self.units):
            cell = self.table.item(row, 1)
            text = cell.text().strip() if cell is not None else ""
            if not text:
                continue
            try:
                units[unit.code] = parse_quota(text)
            except ValueError:
                self.body.show_error(
                    None,
                    self.tr("「{0}」的抽取数量无法识别：请填写件数（如 5）或比例（如 20%）").format(
                        unit.name
                    ),
                )
                self.table.setCurrentCell(row, 1)
                self.table.setFocus()
                return None
        return SamplePlan(default, units)

    def submit(self) -> None:
        """Accept the plan when it reads."""
        plan = self.read_plan()
        if plan is None:
            return
        self.plan = plan
        self.accept()


__all__ = ["DEFAULT_QUOTA", "PlanDialog", "parse_quota", "save_plan", "saved_plan"]
