"""Registering a clue found in the field: every field checked by the rules, photos attached."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Category, Channel, Priority, UnitKind
from desktop.domain.units import UnitInfo
from desktop.domain.workflow import TRANSITIONS, Action
from desktop.store.local_actions import LocalAction
from desktop.ui.actions import ATTACHMENTS_FIELD, ActionError, submit_action
from desktop.ui.forms import (
    ChoiceField,
    DateTimeField,
    FilesField,
    FormBody,
    OptionalDateTimeField,
    TextField,
)
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.workspace import Workspace

DEFAULT_CHANNEL = Channel.DAILY_INSPECTION
"""A clue a handler finds in the field comes in through daily inspection (日常检查)."""


DUE_BY_DAYS = 7
"""How far ahead the deadline of the sender (交办期限) is proposed when it is turned on."""


def may_register(workspace: Workspace) -> bool:
    """Whether the signed-in user may register clues (应录必录: handlers, offices, commissions)."""
    roles = TRANSITIONS[Action.REGISTER].roles
    return workspace.actor.role in roles and bool(registrable_counties(workspace))


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
        self.setMinimumWidth(480)  # 960 pixels at 200 %: fits a 1024-pixel screen
        now = workspace.now().replace(second=0, microsecond=0)
        body = self.body = FormBody()
        body.set_intro(self.tr("登记后线索先使用临时编号，同步到市平台后由平台分配正式编号。"))
        self.channel = body.add(
            ChoiceField(
                "channel",
                self.tr("举报途径"),
                [(c.value, label(c)) for c in Channel],
                current=DEFAULT_CHANNEL.value,
                required=True,
            )
        )
        body.add(
            TextField(
                "channel_ref",
                self.tr("渠道编号"),
                placeholder=self.tr("如 12345 工单号、信访件编号，可不填"),
            )
        )
        body.add(DateTimeField("received_at", self.tr("受理时间"), now, latest=now))
        body.add(
            OptionalDateTimeField(
                "due_by",
                self.tr("交办期限"),
                now + timedelta(days=DUE_BY_DAYS),
                check_text=self.tr("交办单位要求在此前办结"),
            )
        )
        body.add(
            ChoiceField(
                "category",
                self.tr("污染类别"),
                [(c.value, label(c)) for c in Category],
                required=True,
                placeholder=self.tr("请选择"),
            )
        )
        body.add(
            ChoiceField(
                "priority",
                self.tr("紧急程度"),
                [(p.value, label(p)) for p in Priority],
                current=Priority.NORMAL.value,
                required=True,
            )
        )
        counties = registrable_counties(workspace)
        own = workspace.actor.unit.county_code
        county = body.add(
            ChoiceField(
                "county_code",
                self.tr("所属县区"),
                [(u.code, u.name) for u in counties],
                current=own if any(u.code == own for u in counties) else None,
                required=True,
                placeholder=self.tr("请选择"),
            )
        )
        assert isinstance(county, ChoiceField)
        self.county = county
        self.township = ChoiceField("township_code", self.tr("所属乡镇（街道）"), [])
        body.add(self.township)
        self.county.changed.connect(self._fill_townships)
        self._fill_townships()
        body.add(TextField("subject_name", self.tr("被反映对象")))
        body.add(
            TextField(
                "subject_credit_code",
                self.tr("统一社会信用代码"),
                placeholder=self.tr("18 位，可不填"),
            )
        )
        body.add(TextField("address", self.tr("地址"), required=True))
        body.add(TextField("description", self.tr("线索内容"), multiline=True, required=True))
        body.add(TextField("reporter_name", self.tr("举报人")))
        body.add(
            TextField(
                "reporter_phone",
                self.tr("举报人电话"),
                placeholder=self.tr("手机或带区号的固定电话，可不填"),
            )
        )
        body.add(TextField("latitude", self.tr("纬度")))
        body.add(TextField("longitude", self.tr("经度")))
        body.add(FilesField(ATTACHMENTS_FIELD, self.tr("照片和文件")))
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, frame=True))
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, self.tr("登记"), self.submit
        )
        layout.addWidget(buttons)
        fit_to_screen(self)

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
        payload["due_by"] = payload.get("due_by") or None
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
