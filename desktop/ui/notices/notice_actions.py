"""The forms of a notice's follow-up: issue, record service, re-inspect, file and close a case.

Each shows what the action will do, keeps everything typed when the rules refuse it and shows
the message at the field it names (`open_notice_action`). A re-inspection that finds the
notice not rectified offers to record the administrative penalty case (`offer_case`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.notices import (
    NoticeAction,
    NoticeState,
    NoticeStatus,
    Service,
    ServiceMethod,
    service_advice,
)
from desktop.domain.timeutil import to_china
from desktop.store.notices import LocalNoticeAction, number_stock
from desktop.ui.forms import ChoiceField, DateTimeField, FormBody, FormField, TextField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.notices.errors import NoticeError
from desktop.ui.notices.fields import DateField, LinesField
from desktop.ui.notices.rendering import state_title
from desktop.ui.notices.submit import show_notice_error, take
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.timeline import format_moment
from desktop.ui.workspace import Workspace

FORM_ACTIONS = (
    NoticeAction.ISSUE,
    NoticeAction.SERVE,
    NoticeAction.REINSPECT,
    NoticeAction.FILE_CASE,
    NoticeAction.CLOSE_CASE,
)
"""The actions with a form here (DRAFT and EDIT use the notice form)."""


class NoticeActionDialog(QDialog):
    """The form of one follow-up action on one notice; emits `completed(LocalNoticeAction)`."""

    completed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        action: NoticeAction,
        state: NoticeState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.action = action
        self.state = state
        self.done_action: LocalNoticeAction | None = None
        self.setWindowTitle(self.tr("{0}：{1}").format(label(action), state_title(state)))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.body = FormBody()
        layout.addWidget(scrolling(self.body), 1)  # the service form scrolls on a small screen
        self.advice = QLabel()
        self.advice.setObjectName("serviceAdvice")
        self.advice.setWordWrap(True)
        self.advice.hide()
        layout.addWidget(self.advice)
        now = workspace.now()
        builders = {
            NoticeAction.ISSUE: self._issue,
            NoticeAction.SERVE: self._serve,
            NoticeAction.REINSPECT: self._reinspect,
            NoticeAction.FILE_CASE: self._file_case,
            NoticeAction.CLOSE_CASE: self._close_case,
        }
        builders[action](now)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, label(action), self.submit
        )
        layout.addWidget(buttons)
        if self.body.fields:
            self.body.fields[0].setFocus()
        fit_to_screen(self, self.body.sizeHint() + QSize(40, 120))

    # -- the forms ------------------------------------------------------------------------

    def _issue(self, now: datetime) -> None:
        year = to_china(now).year
        left = number_stock(self.workspace.store, self.workspace.actor.unit.code, year)
        intro = self.tr("签发后占用本机编号段中的下一个文书编号，内容不能再修改。")
        if left:
            stock = self.tr("本机尚有 {0} 年文书编号 {1} 个。").format(year, left)
        else:
            stock = self.tr("本机没有可用的 {0} 年文书编号，请先联网同步领取编号段。").format(year)
        self.body.set_intro(intro + stock)
        self.body.add(DateTimeField("issued_at", self.tr("签发时间"), now, latest=now))

    def _serve(self, now: datetime) -> None:
        content = self.state.content
        self.body.set_intro(self.tr("送达后，整改期限自送达之日起重新计算。留置送达须有见证人。"))
        methods = [(m.value, label(m)) for m in ServiceMethod]
        method = ChoiceField(
            "method",
            self.tr("送达方式"),
            methods,
            current=ServiceMethod.DIRECT.value,
            required=True,
        )
        self.body.add(method)
        self.body.add(DateTimeField("served_at", self.tr("送达时间"), now, latest=now))
        self._text("place", self.tr("送达地点"), content.address, required=True)
        self._text(
            "recipient", self.tr("受送达人（签收人）"), content.legal_representative, required=True
        )
        relation = self._text("relation", self.tr("与当事人关系"), "", required=True)
        assert isinstance(relation.text_editor, QLineEdit)
        relation.text_editor.setPlaceholderText(self.tr("如：法定代表人、负责人、员工"))
        self._text("witness", self.tr("见证人（留置送达必填）"), "")
        servers = LinesField(
            "servers",
            self.tr("送达人（每行一名）"),
            required=True,
            placeholder=self.tr("直接送达一般应由两名送达人送达"),
        )
        servers.set_lines([self.workspace.actor.display_name or self.workspace.username])
        self.body.add(servers)
        method.changed.connect(self._advise)
        servers.changed.connect(self._advise)
        self._advise()

    def _reinspect(self, now: datetime) -> None:
        deadline = format_moment(self.state.rectify_deadline)
        self.body.set_intro(
            self.tr("整改期限：{0}。期限届满后方可认定逾期未整改。").format(deadline)
        )
        results = [
            (s.value, label(s)) for s in (NoticeStatus.RECTIFIED, NoticeStatus.NOT_RECTIFIED)
        ]
        self.body.add(
            ChoiceField(
                "result",
                self.tr("复查结论"),
                results,
                required=True,
                placeholder=self.tr("请选择已整改或逾期未整改"),
            )
        )
        self.body.add(DateTimeField("inspected_at", self.tr("复查时间"), now, latest=now))
        self._text("note", self.tr("复查情况"), "", required=True, multiline=True)

    def _file_case(self, now: datetime) -> None:
        self.body.set_intro(self.tr("复查认定逾期未整改，记录行政处罚案件的立案情况。"))
        self._text("case_number", self.tr("立案编号"), "", required=True)
        today = to_china(now).date()
        self.body.add(DateField("filed_on", self.tr("立案日期"), today, latest=today))

    def _close_case(self, now: datetime) -> None:
        self.body.set_intro(
            self.tr("案件 {0} 于 {1} 立案。").format(
                self.state.case_number,
                self.state.case_filed_at.isoformat() if self.state.case_filed_at else "",
            )
        )
        today = to_china(now).date()
        self.body.add(DateField("closed_on", self.tr("结案日期"), today, latest=today))
        self._text("case_result", self.tr("结案情况"), "", required=True, multiline=True)

    def _text(
        self, key: str, text: str, value: str, *, required: bool = False, multiline: bool = False
    ) -> TextField:
        field = TextField(key, text, required=required, multiline=multiline)
        field.set_value(value)
        self.body.add(field)
        return field

    def _advise(self) -> None:
        method = self.field("method").value()
        servers = self.field("servers").value()
        try:
            service = Service(
                ServiceMethod(method), self.workspace.now(), "", "", "", tuple(servers)
            )
        except ValueError:
            advice: list[str] = []
        else:
            advice = service_advice(service)
        self.advice.setText("\n".join(advice))
        self.advice.setVisible(bool(advice))

    # -- taking it ------------------------------------------------------------------------

    def field(self, key: str) -> FormField:
        """The field of a payload key."""
        return self.body.field(key)

    def submit(self) -> None:
        """Take the action; on refusal show why at the field and keep everything typed."""
        self.body.clear_errors()
        result = take(
            self.workspace,
            self.action,
            self.state.notice_id,
            self.state.clue_code,
            self.body.values(),
        )
        if isinstance(result, NoticeError):
            show_notice_error(self.body, result)
            return
        self.done_action = result
        self.completed.emit(result)
        self.accept()


def open_notice_action(
    workspace: Workspace, action: NoticeAction, state: NoticeState, parent: QWidget | None = None
) -> NoticeActionDialog:
    """Open (non-blocking) the form of a follow-up action on a notice; return it."""
    dialog = NoticeActionDialog(workspace, action, state, parent)
    dialog.open()
    return dialog


def offer_case(state: NoticeState, parent: QWidget | None = None) -> QMessageBox:
    """After 逾期未整改: ask whether to record the penalty case now (non-blocking).

    The box's `file_button` accepts; connect its `accepted` to open the FILE_CASE form.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("NoticeActions", "逾期未整改"))
    box.setText(
        QCoreApplication.translate(
            "NoticeActions", "复查认定「{0}」逾期未整改。是否现在记录行政处罚立案？"
        ).format(state_title(state))
    )
    box.file_button = box.addButton(  # type: ignore[attr-defined]
        QCoreApplication.translate("NoticeActions", "记录立案…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("NoticeActions", "以后再说"), QMessageBox.ButtonRole.RejectRole
    )
    box.open()
    return box
