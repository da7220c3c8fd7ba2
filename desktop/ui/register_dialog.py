"""Registering a clue found in the field: every field checked by the rules, photos attached."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Category, Channel, Priority, UnitKind
from desktop.domain.units import UnitInfo
from desktop.domain.workflow import Action
from desktop.store.local_actions import LocalAction
from desktop.ui.actions import ATTACHMENTS_FIELD, ActionError, submit_action
from desktop.ui.forms import ChoiceField, DateTimeField, FilesField, FormBody, TextField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.workspace import Workspace

DEFAULT_CHANNEL = Channel.DAILY_INSPECTION
"""A clue a handler finds in the field comes in through daily inspection (日常检查)."""


FIELD_NAMES = {
    "channel": QT_TRANSLATE_NOOP("RegisterDialog", "举报途径"),
    "received_at": QT_TRANSLATE_NOOP("RegisterDialog", "受理时间"),
    "category": QT_TRANSLATE_NOOP("RegisterDialog", "污染类别"),
    "priority": QT_TRANSLATE_NOOP("RegisterDialog", "紧急程度"),
    "county_code": QT_TRANSLATE_NOOP("RegisterDialog", "所属县区"),
    "township_code": QT_TRANSLATE_NOOP("RegisterDialog", "所属乡镇（街道）"),
    "subject_name": QT_TRANSLATE_NOOP("RegisterDialog", "被反映对象"),
    "subject_credit_code": QT_TRANSLATE_NOOP("RegisterDialog", "统一社会信用代码"),
    "address": QT_TRANSLATE_NOOP("RegisterDialog", "地址"),
    "description": QT_TRANSLATE_NOOP("RegisterDialog", "线索内容"),
    "reporter_name": QT_TRANSLATE_NOOP("RegisterDialog", "举报人"),
    "reporter_phone": QT_TRANSLATE_NOOP("RegisterDialog", "举报人电话"),
    "latitude": QT_TRANSLATE_NOOP("RegisterDialog", "纬度"),
    "longitude": QT_TRANSLATE_NOOP("RegisterDialog", "经度"),
}
"""The label of each field: the rules name a refused field by this same text."""


def _names(key: str) -> tuple[str, str, str]:
    """A field's payload key, the label the rules use and the label shown (translated)."""
    name = str(FIELD_NAMES[key])
    return key, name, QCoreApplication.translate("RegisterDialog", name)


def registrable_counties(workspace: Workspace) -> list[UnitInfo]:
    """The counties (their tackling offices) the user's unit may register clues in."""
    unit = workspace.actor.unit
    return sorted(
        (
            u
            for u in workspace.units.values()
            if u.dispatches and u.county_code == u.code and unit.covers(u.code)
        ),
        key=lambda u: u.code,
    )


def townships_of(workspace: Workspace, county_code: str) -> list[UnitInfo]:
    """The townships and streets of a county."""
    kinds = (UnitKind.TOWNSHIP, UnitKind.STREET)
    return sorted(
        (u for u in workspace.units.values() if u.kind in kinds and u.county_code == county_code),
        key=lambda u: u.code,
    )


class RegisterDialog(QDialog):
    """The form of a new clue; emits `registered(provisional code)` once it is saved."""

    registered = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.busy = False
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("登记新线索"))
        self.setMinimumWidth(560)
        now = workspace.now().replace(second=0, microsecond=0)
        body = self.body = FormBody()
        body.set_intro(self.tr("登记后线索先使用临时编号，同步到市平台后由平台分配正式编号。"))
        self.channel = body.add(
            ChoiceField(
                *_names("channel"),
                [(c.value, label(c)) for c in Channel],
                current=DEFAULT_CHANNEL.value,
                required=True,
            )
        )
        body.add(DateTimeField(*_names("received_at"), now, latest=now))
        body.add(
            ChoiceField(
                *_names("category"),
                [(c.value, label(c)) for c in Category],
                required=True,
                placeholder=self.tr("请选择"),
            )
        )
        body.add(
            ChoiceField(
                *_names("priority"),
                [(p.value, label(p)) for p in Priority],
                current=Priority.NORMAL.value,
                required=True,
            )
        )
        counties = registrable_counties(workspace)
        own = workspace.actor.unit.county_code
        county = body.add(
            ChoiceField(
                *_names("county_code"),
                [(u.code, u.name) for u in counties],
                current=own if any(u.code == own for u in counties) else None,
                required=True,
                placeholder=self.tr("请选择"),
            )
        )
        assert isinstance(county, ChoiceField)
        self.county = county
        self.township = ChoiceField(*_names("township_code"), [])
        body.add(self.township)
        self.county.changed.connect(self._fill_townships)
        self._fill_townships()
        body.add(TextField(*_names("subject_name")))
        body.add(
            TextField(
                *_names("subject_credit_code"),
                placeholder=self.tr("18 位，可不填"),
            )
        )
        body.add(TextField(*_names("address"), required=True))
        body.add(TextField(*_names("description"), multiline=True, required=True))
        body.add(TextField(*_names("reporter_name")))
        body.add(
            TextField(
                *_names("reporter_phone"),
                placeholder=self.tr("手机或带区号的固定电话，可不填"),
            )
        )
        body.add(TextField(*_names("latitude")))
        body.add(TextField(*_names("longitude")))
        body.add(FilesField(ATTACHMENTS_FIELD, ATTACHMENTS_FIELD, self.tr("照片和文件")))
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, self.tr("登记"), self.submit
        )
        layout.addWidget(buttons)

    def _fill_townships(self) -> None:
        county = self.county.value()
        towns = townships_of(self.workspace, county) if county else []
        own = self.workspace.actor.unit.code
        items = [("", self.tr("（不指定）"))] + [(u.code, u.name) for u in towns]
        current = own if any(u.code == own for u in towns) else ""
        self.township.set_items(items, current)

    def submit(self) -> None:
        """Register the clue with what the form holds; on refusal show why and keep it all."""
        if self.busy:
            return
        self.body.clear_errors()
        payload = self.body.values()
        files = payload.pop(ATTACHMENTS_FIELD, [])
        payload["township_code"] = payload.get("township_code") or None
        self._set_busy(True)
        submit_action(
            self.workspace, Action.REGISTER, None, payload, files, self._done, self._failed
        )

    def _done(self, done: LocalAction) -> None:
        self._set_busy(False)
        self.registered.emit(done.clue_code)
        box = QMessageBox(self.parentWidget() or self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("线索已登记"))
        box.setText(self.tr("线索已登记，临时编号为 {0}。").format(done.clue_code))
        box.setInformativeText(
            self.tr("同步到市平台后，平台将分配正式线索编号，临时编号随之替换。")
        )
        box.open()
        self.confirmation = box
        self.accept()

    def _failed(self, error: ActionError) -> None:
        self._set_busy(False)
        self.body.show_error(error.field, error.message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.body.setEnabled(not busy)
        self.ok_button.setText(self.tr("正在保存…") if busy else self.tr("登记"))

    def reject(self) -> None:
        """Close without registering (not while saving)."""
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Refuse to close while saving."""
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
