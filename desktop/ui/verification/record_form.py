"""The form recording the verification of one drawn clue: the result (合格 / 处置流程不规范 /
整改不到位), the note (required unless 合格) and the evidence (required for a failure). The
rules' message shows at the field it names, nothing typed is lost, Ctrl+Enter submits and Esc
cancels (asking first when something was typed)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from desktop.domain.codes import Channel
from desktop.domain.validators import ValidationError
from desktop.domain.verification import VerificationResult
from desktop.store.verification import VerificationRefused, WorkItem, record_result
from desktop.ui.forms import ChoiceField, FilesField, FormBody, TextField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label, label_of
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.workspace import Workspace

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
"""Keys that submit the form from any of its fields."""


class VerificationForm(QDialog):
    """录入核查结果 for one item of the worklist; emits `recorded(action_id)` once saved."""

    recorded = Signal(str)

    def __init__(self, workspace: Workspace, item: WorkItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.item = item
        self.dirty = False
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("录入核查结果：{0}").format(item.clue_code))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.body = FormBody()
        self.body.set_intro(self._intro())
        self.verdict = ChoiceField(
            "verdict",
            self.tr("核查结果"),
            [(r.value, label(r)) for r in VerificationResult],
            required=True,
            placeholder=self.tr("请选择"),
        )
        self.note = TextField(
            "note",
            self.tr("核查意见"),
            multiline=True,
            placeholder=self.tr("写明核查发现的问题和整改要求"),
        )
        self.files = FilesField("attachments", self.tr("佐证材料"))
        for field in (self.verdict, self.note, self.files):
            self.body.add(field)
            field.changed.connect(self._typed)
        self.verdict.changed.connect(self._verdict_changed)
        layout.addWidget(scrolling(self.body, frame=True), 1)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, self.tr("保存"), self.submit
        )
        self.ok_button.setToolTip(self.tr("Ctrl+Enter 提交"))
        layout.addWidget(buttons)
        for keys in SUBMIT_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        self.dirty = False
        self.verdict.setFocus()
        fit_to_screen(self, self.body.sizeHint() + QSize(60, 140))

    def _intro(self) -> str:
        item = self.item
        recheck = len(item.rounds) + 1
        text = self.tr("{unit} 承办，来源：{channel}。").format(
            unit=item.unit_name, channel=label_of(Channel, item.channel)
        )
        if recheck > 1:
            text += self.tr("整改后第{0}轮复核。").format(recheck)
        return text + self.tr(
            "核查不合格的线索退回承办单位整改提升，须写明核查意见并附佐证材料；"
            "结果先保存在本机，联网同步后送达平台。"
        )

    def _typed(self) -> None:
        self.dirty = True

    def _verdict_changed(self) -> None:
        chosen = self.verdict.value()
        failed = bool(chosen) and VerificationResult(chosen).failed
        self.body.set_required("note", failed)
        self.body.set_required("attachments", failed)

    def submit(self) -> None:
        """Record the result; on refusal show why at the field and keep everything typed."""
        self.body.clear_errors()
        ws = self.workspace
        try:
            action_id = record_result(
                ws.store,
                ws.username,
                ws.device_id,
                self.item.batch_id,
                self.item.clue_code,
                self.verdict.value(),
                str(self.note.value()),
                self.files.value(),
                now=ws.now(),
            )
        except ValidationError as exc:
            self.body.show_error(exc.field, str(exc.message))
            return
        except VerificationRefused as exc:
            self.body.show_error(None, str(exc.reason))
            return
        except OSError as exc:
            self.body.show_error(
                "attachments", self.tr("无法读取文件：{0}").format(exc.strerror or exc)
            )
            return
        self.dirty = False
        ws.events.clues_changed.emit()
        self.recorded.emit(action_id)
        self.accept()

    def reject(self) -> None:
        """Close without saving; when something was typed, ask first (non-blocking)."""
        if not self.dirty:
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("放弃填写"))
        box.setText(self.tr("已填写的内容尚未保存。确定放弃并关闭吗？"))
        discard = box.addButton(self.tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("继续填写"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def decided() -> None:
            if box.clickedButton() is discard:
                self.dirty = False
                QDialog.reject(self)

        box.finished.connect(decided)
        self.confirmation = box
        box.open()
