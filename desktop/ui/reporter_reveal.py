"""The commission's 查看举报人 dialog: a reason recorded on the platform, the reporter shown
here only (never stored, logged or put in the status bar)."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.reporter_privacy import REVEAL_REASON_MAX, REVEAL_REASON_MIN
from desktop.store.database import Store
from desktop.sync.api import PlatformApi
from desktop.sync.auth import has_session, open_client
from desktop.sync.errors import LoginRequired, Offline, RequestRejected, SyncError, TlsError
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.sync_controller import Connection
from desktop.ui.tasks import run_task
from desktop.ui.value_label import value_label
from desktop.ui.workspace import Workspace
from desktop.wire.reporter import RevealOut

log = logging.getLogger("cluedesk.ui.reveal")

ERROR_STYLE = "color: #a93226;"


def reveal_job(store: Store, connection: Connection, clue_code: str, reason: str) -> RevealOut:
    """Ask the platform for the reporter (in a worker thread); LoginRequired without a
    saved session."""
    with open_client(
        store, connection.server_url, connection.username, ca_bundle=connection.ca_bundle
    ) as http:
        if not has_session(http):
            raise LoginRequired(QCoreApplication.translate("RevealDialog", "需要登录"))
        return PlatformApi(http).reveal_reporter(clue_code, reason)


class RevealDialog(QDialog):
    """Asks why the reporter is needed; online, shows the name and phone the platform sends."""

    def __init__(
        self,
        workspace: Workspace,
        clue_code: str,
        connection: Connection | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.clue_code = clue_code
        self.connection = connection
        self.busy = False
        self.shown = False
        """Whether the platform answered and the reporter is on screen."""
        self.setWindowTitle(self.tr("查看举报人 — {0}").format(clue_code))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "线索 {0} 的举报人信息已由市平台脱敏。查看须登记理由：理由记入平台审计日志，"
                "并在线索办理记录中告知承办攻坚办。查看须联网，结果只在本窗口显示，不保存在本机。"
            ).format(clue_code)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reveal_reason")
        self.reason.setPlaceholderText(
            self.tr("例如：核查该线索办理中是否存在敷衍应付问题，需向举报人了解情况")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.reason.textChanged.connect(self._update)
        reason_title = QLabel(self.tr("查看理由(&R)："))
        reason_title.setBuddy(self.reason)
        form.addRow(reason_title, self.reason)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form.addRow("", self.hint)
        self.name_label = value_label()
        self.name_label.setObjectName("revealed_name")
        self.phone_label = value_label()
        self.phone_label.setObjectName("revealed_phone")
        form.addRow(self.tr("举报人："), self.name_label)
        form.addRow(self.tr("举报人电话："), self.phone_label)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("reveal_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, self.tr("登记理由并查看"), self.reveal
        )
        self.cancel_button.setText(self.tr("关闭"))
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self._show_reporter(None)
        self._update()
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_text(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason.toPlainText().strip()

    def _reason_ok(self) -> bool:
        return REVEAL_REASON_MIN <= len(self.reason_text()) <= REVEAL_REASON_MAX

    def _update(self) -> None:
        count = len(self.reason_text())
        if count > REVEAL_REASON_MAX:
            self.hint.setText(self.tr("理由不能超过 {0} 个字").format(REVEAL_REASON_MAX))
        else:
            self.hint.setText(
                self.tr("理由至少 {0} 个字（已输入 {1} 个字）").format(REVEAL_REASON_MIN, count)
            )
        self.ok_button.setEnabled(self._reason_ok() and not self.busy and not self.shown)

    def _show_reporter(self, answer: RevealOut | None) -> None:
        hidden = self.tr("（登记理由后显示）")
        self.shown = answer is not None
        self.name_label.setText(answer.reporter_name or "—" if answer else hidden)
        self.phone_label.setText(answer.reporter_phone or "—" if answer else hidden)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def reveal(self) -> None:
        """Send the reason (online only) and show the reporter the platform answers."""
        if not self._reason_ok() or self.busy or self.shown:
            return
        connection = self.connection
        if connection is None:
            self._show_error(
                self.tr("本机未连接市平台（离线使用），无法查看举报人：查看须联网并登录市平台")
            )
            return
        store, code, reason = self.workspace.store, self.clue_code, self.reason_text()
        self.busy = True
        self._show_error("")
        self.ok_button.setText(self.tr("正在查询…"))
        self._update()
        run_task(
            lambda _task: reveal_job(store, connection, code, reason),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, answer: RevealOut) -> None:
        if not shiboken6.isValid(self):
            return
        self.busy = False
        self._show_reporter(answer)
        self.reason.setReadOnly(True)
        self.ok_button.setText(self.tr("已登记"))
        self._update()
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.busy = False
        self.ok_button.setText(self.tr("登记理由并查看"))
        self._update()
        self._show_error(self.failure_text(exc))

    def failure_text(self, exc: BaseException) -> str:
        """What to tell the user when the platform did not answer the reporter."""
        if isinstance(exc, Offline) and not isinstance(exc, TlsError):
            return self.tr("无法连接市平台，查看举报人须联网：{0}").format(exc)
        if isinstance(exc, LoginRequired):
            return self.tr("登录已失效：请先同步并重新登录，再查看举报人")
        if isinstance(exc, RequestRejected):
            return self.tr("市平台拒绝查看：{0}").format(exc)
        if isinstance(exc, SyncError):
            return self.tr("查看举报人没有成功：{0}").format(exc)
        log.error("reporter reveal failed unexpectedly: %s", type(exc).__name__)
        return self.tr("查看举报人没有成功：程序内部出错，请稍后重试")
