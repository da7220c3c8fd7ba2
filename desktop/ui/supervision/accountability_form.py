"""登记问责… and 修改问责记录…: the commission's accountability record of a unit — the persons it
names (name and post rows), the measure, its date and document number, and what it concerns:
clues that reached level 3 and/or a suggestion not answered in time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accountability import AccountabilityState, Measure
from desktop.domain.suggestions import not_answered_in_time
from desktop.store.supervision import (
    amend_accountability,
    clue_briefs,
    list_suggestions,
    load_suggestion,
    record_accountability,
)
from desktop.ui.forms.fields import ChoiceField, FormField, TextField
from desktop.ui.labels import label
from desktop.ui.notices.fields import DateField
from desktop.ui.supervision.areas import WIDE_SPACE, supervised_units
from desktop.ui.supervision.record_form import RecordForm, codes_in, join_codes
from desktop.ui.workspace import Workspace


class PersonsField(FormField):
    """The responsible persons: rows of name and post, added and removed with buttons."""

    def __init__(self, key: str, label: str, parent: QWidget | None = None) -> None:
        box = QWidget()
        super().__init__(key, label, box, required=True, parent=parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("accountability_persons")
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("职务")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(100)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加责任人"))
        self.add_button.clicked.connect(lambda: self.add_person())
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.remove_button.clicked.connect(self.remove_current)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setFocusProxy(self.table)

    def add_person(self, name: str = "", post: str = "") -> int:
        """Add a row (editing its name when empty); its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(name)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(post))
        if not name:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(first)
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        """Remove the selected row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def value(self) -> list[dict[str, str]]:
        """The persons, rows left wholly empty skipped."""
        persons = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in (0, 1)]
            name, post = (c.text().strip() if c is not None else "" for c in cells)
            if name or post:
                persons.append({"name": name, "post": post})
        return persons


class AccountabilityForm(RecordForm):
    """The fields of an accountability record; with `record` it amends that record."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        clue_codes: Sequence[str] = (),
        suggestion_id: str | None = None,
        record: AccountabilityState | None = None,
    ) -> None:
        super().__init__(
            workspace,
            self.tr("修改问责记录") if record else self.tr("登记问责"),
            self.tr(
                "问责应针对达到三级预警的线索或未按期答复的建议，至少关联其中一项。"
                "问责记录只有本纪委监委和被问责单位可以看到。"
            ),
            self.tr("保存修改") if record else self.tr("登记"),
            parent,
            confirm_text=self.tr("登记后被问责单位同步即可看到。确定登记这条问责记录吗？")
            if record is None
            else "",
        )
        self.record = record
        units = [(u.code, u.name) for u in supervised_units(workspace)]
        self.unit = ChoiceField(
            "unit_concerned",
            self.tr("被问责单位"),
            units,
            searchable=True,
            required=True,
            placeholder=self.tr("输入单位名称查找"),
        )
        self.add_field(self.unit)
        self.persons = PersonsField("persons", self.tr("责任人"))
        self.add_field(self.persons)
        measures = [(m.value, label(m)) for m in Measure]
        self.measure = ChoiceField(
            "measure", self.tr("问责方式"), measures, required=True, placeholder=self.tr("请选择")
        )
        self.add_field(self.measure)
        today = workspace.now().date()
        self.decided_on = DateField("decided_on", self.tr("决定日期"), today, latest=today)
        self.add_field(self.decided_on)
        self.document_number = TextField(
            "document_number",
            self.tr("文号"),
            required=True,
            placeholder=self.tr("海纪问〔2026〕1号"),
        )
        self.add_field(self.document_number)
        self.clues = TextField(
            "clue_codes",
            self.tr("涉及线索"),
            placeholder=self.tr("达到三级预警的线索编号，多个用逗号分隔"),
        )
        self.add_field(self.clues)
        self.suggestion = ChoiceField("suggestion_id", self.tr("未按期答复的建议"), [])
        self.add_field(self.suggestion)
        self.facts = TextField("facts", self.tr("问责事实"), multiline=True)
        self.add_field(self.facts)
        self.unit.changed.connect(self._offer_suggestions)
        if record is not None:
            self._fill(record)
        else:
            self._prefill(clue_codes, suggestion_id)

    def _prefill(self, clue_codes: Sequence[str], suggestion_id: str | None) -> None:
        ws = self.workspace
        if clue_codes:
            self.clues.set_value(join_codes(clue_codes))
            lead = next((b.lead_unit for b in clue_briefs(ws.store, clue_codes[:1]).values()), None)
            self.unit.select(lead)
        if suggestion_id:
            detail = load_suggestion(ws.store, suggestion_id)
            if detail is not None:
                self.unit.select(detail.state.addressed_unit)
                self._offer_suggestions()
                self.suggestion.select(suggestion_id)
        if not self.persons.value():
            self.persons.add_person()

    def _fill(self, record: AccountabilityState) -> None:
        self.unit.select(record.unit_concerned)
        for person in record.persons:
            self.persons.add_person(person.name, person.post)
        self.measure.select(record.measure.value)
        self.decided_on.set_day(record.decided_on)
        self.document_number.set_value(record.document_number)
        self.clues.set_value(join_codes(record.clue_codes))
        self._offer_suggestions()
        self.suggestion.select(record.suggestion_id or "")
        self.facts.set_value(record.facts)

    def _offer_suggestions(self) -> None:
        """The commission's suggestions to the chosen unit not answered in time."""
        ws = self.workspace
        unit = self.unit.value()
        items = [("", self.tr("（无）"))]
        if unit:
            now = ws.now()
            for row in list_suggestions(
                ws.store, addressed_unit=unit, issuing_unit=ws.actor.unit.code, now=now
            ):
                if not_answered_in_time(row.state, now):
                    items.append(
                        (
                            row.state.suggestion_id,
                            f"{row.state.number}{WIDE_SPACE}{row.state.title}",
                        )
                    )
        current = self.suggestion.value() if self.suggestion.combo.count() else ""
        self.suggestion.set_items(items, current or "")

    def payload(self) -> dict[str, Any]:
        """The record's payload as the store takes it."""
        return {
            "unit_concerned": self.unit.value(),
            "persons": self.persons.value(),
            "measure": self.measure.value(),
            "decided_on": self.decided_on.value(),
            "document_number": str(self.document_number.value()).strip(),
            "clue_codes": codes_in(str(self.clues.value())),
            "suggestion_id": self.suggestion.value() or None,
            "facts": str(self.facts.value()).strip(),
        }

    def take(self) -> Any:
        """Record (or amend) the accountability record."""
        ws = self.workspace
        if self.record is not None:
            return amend_accountability(
                ws.store,
                ws.username,
                ws.device_id,
                self.record.record_id,
                self.payload(),
                now=ws.now(),
            )
        return record_accountability(
            ws.store, ws.username, ws.device_id, self.payload(), now=ws.now()
        )
