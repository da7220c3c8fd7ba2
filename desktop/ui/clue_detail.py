"""The detail panel of one clue: header and countdown, every field, history, files, actions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Category, Channel, Priority, Status
from desktop.domain.deadlines import countdown, warning_level
from desktop.domain.reporter_privacy import commission_user, may_see_reporter
from desktop.domain.workflow import Action, allowed_actions, owner_of
from desktop.store.clue_detail import ClueDetail, load_clue_detail, sent_back_entry
from desktop.store.local_actions import LocalAction
from desktop.ui.action_forms import ActionDialog, ConfirmAction, open_action
from desktop.ui.actions import build_action_qactions
from desktop.ui.banner import SentBackBanner
from desktop.ui.labels import label, label_of
from desktop.ui.queue_model import WARNING_STYLES
from desktop.ui.sync_controller import Connection
from desktop.ui.tasks import Task, run_task
from desktop.ui.timeline import TimelineView, format_moment
from desktop.ui.value_label import value_label
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:  # the dialog asks the platform: it is imported when opened
    from desktop.ui.reporter_reveal import RevealDialog

log = logging.getLogger("cluedesk.ui.clue_detail")

PENDING_STYLE = "background: #fff4d6; color: #8a5a00; padding: 4px;"
REJECTED_STYLE = "background: #fdecea; color: #a93226; padding: 4px;"
TICK_MS = 60_000
EMPTY = "—"
LONG_FIELDS = frozenset({"description", "result", "measures"})
"""Fields that may run to pages: shown whole, under their title, across the panel's width."""


class ActionButton(QToolButton):
    """An action's button that Enter presses too (the keyboard path: queue → Enter → action)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter and Return press the button, as Space does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            return
        super().keyPressEvent(event)


CONTENT_PARTS = frozenset(
    {
        "banner",
        "code_label",
        "status_label",
        "warning_label",
        "countdown_label",
        "pending_label",
        "rejected_label",
        "action_buttons",
        "tabs",
        "form",
        "fields",
        "reveal_button",
        "timeline",
        "attachments",
        "notices",
        "cases",
        "warnings",
    }
)
"""What `_build_content` makes: the first use of any of them builds them all."""


class ClueDetailPanel(QWidget):
    """Shows one clue (loaded off the UI thread) and offers the actions the user may take."""

    action_taken = Signal(str)
    """A clue's code, after an action on it was taken and queued."""
    loaded = Signal(int)
    """The clue with this id was read and is shown, its actions up to date."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.detail: ClueDetail | None = None
        self.clue_id: int | None = None
        self.loading = False
        self.current_dialog: ActionDialog | ConfirmAction | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.connection_of: Callable[[], Connection | None] = lambda: None
        """Where the window syncs now (set by the window): the reveal asks the platform."""
        self._generation = 0
        self._focus_when_loaded = False
        self.qactions: dict[Action, QAction] = build_action_qactions(self)
        for action, qaction in self.qactions.items():
            qaction.triggered.connect(lambda _checked=False, a=action: self.start_action(a))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("请选择一条线索"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        self.content = QWidget()
        self.stack.addWidget(self.content)
        self._content_built = False  # built with the first clue shown (see __getattr__)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._refresh_time)
        self.timer.start()
        workspace.events.clues_changed.connect(self.reload)
        self._show_placeholder(self.tr("请选择一条线索"))

    # -- building ---------------------------------------------------------------------

    if not TYPE_CHECKING:  # mypy keeps checking the names of the panel's attributes

        def __getattr__(self, name: str) -> Any:
            """A part of the clue's content (its labels, tabs, panels), built on first use:
            the window's first screen shows no clue, and does without the tabs' modules."""
            if name in CONTENT_PARTS and not self.__dict__.get("_content_built", True):
                self._build_content()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _build_content(self) -> None:
        from desktop.ui.attachments_panel import AttachmentsPanel
        from desktop.ui.cases.case_panel import CasePanel
        from desktop.ui.notices.notice_panel import NoticePanel
        from desktop.ui.warning_record import ClueWarningsPanel

        self._content_built = True
        layout = QVBoxLayout(self.content)
        self.banner = SentBackBanner()
        layout.addWidget(self.banner)
        header = QHBoxLayout()
        self.code_label = value_label()
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setWordWrap(False)  # a code is read whole, never broken at 临
        self.status_label = QLabel()
        self.warning_label = QLabel()
        self.countdown_label = QLabel()
        self.countdown_label.setWordWrap(True)  # a long deadline wraps instead of widening
        self.countdown_label.setMinimumWidth(120)
        header.addWidget(self.code_label)
        header.addWidget(self.status_label)
        header.addWidget(self.warning_label)
        header.addWidget(self.countdown_label, 1)
        layout.addLayout(header)
        self.pending_label = QLabel()
        self.pending_label.setStyleSheet(PENDING_STYLE)
        self.pending_label.hide()
        layout.addWidget(self.pending_label)
        self.rejected_label = QLabel()
        self.rejected_label.setStyleSheet(REJECTED_STYLE)
        self.rejected_label.setWordWrap(True)
        self.rejected_label.hide()
        layout.addWidget(self.rejected_label)
        bar = QHBoxLayout()
        self.action_buttons: dict[Action, QToolButton] = {}
        for action, qaction in self.qactions.items():
            button = ActionButton()
            button.setDefaultAction(qaction)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            qaction.changed.connect(lambda b=button, a=qaction: b.setVisible(a.isVisible()))
            button.setVisible(qaction.isVisible())  # the actions may have changed before
            bar.addWidget(button)
            self.action_buttons[action] = button
        bar.addStretch(1)
        layout.addLayout(bar)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        form_page = QWidget()
        self.form = QFormLayout(form_page)
        self.fields: dict[str, QLabel] = {}
        for key, text in self._field_titles():
            value = value_label()
            value.setObjectName(f"field_{key}")
            self.fields[key] = value
            if key in LONG_FIELDS:
                # The whole text across the panel: a narrow value column made a report
                # thousands of pixels tall beside its title.
                title = QLabel(text)
                title.setObjectName(f"title_{key}")
                font = title.font()
                font.setBold(True)
                title.setFont(font)
                title.setBuddy(value)
                value.setAccessibleName(text)
                self.form.addRow(title)
                self.form.addRow(value)
            else:
                self.form.addRow(text, value)
            if key == "reporter_phone":
                self.reveal_button = QPushButton(self.tr("查看举报人…"))
                self.reveal_button.setObjectName("reveal_reporter")
                self.reveal_button.setToolTip(
                    self.tr("举报人信息已由市平台脱敏；登记查看理由后可联网查看一次")
                )
                self.reveal_button.clicked.connect(self.open_reveal)
                self.reveal_button.hide()
                self.form.addRow("", self.reveal_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_page)
        self.tabs.addTab(scroll, self.tr("基本信息"))
        self.timeline = TimelineView(self.workspace.unit_name, self.workspace.device_id)
        self.tabs.addTab(self.timeline, self.tr("办理记录"))
        self.attachments = AttachmentsPanel(self.workspace)
        self.tabs.addTab(self.attachments, self.tr("附件"))
        self.notices = NoticePanel(self.workspace)
        self.tabs.addTab(self.notices, self.tr("整改文书"))
        self.notices.count_changed.connect(
            lambda n: self.tabs.setTabText(3, self.tr("整改文书（{0}）").format(n))
        )
        self.cases = CasePanel(self.workspace)
        self.tabs.addTab(self.cases, self.tr("处罚案件"))
        self.cases.count_changed.connect(
            lambda n: self.tabs.setTabText(
                self.tabs.indexOf(self.cases), self.tr("处罚案件（{0}）").format(n)
            )
        )
        self.notices.file_case_requested.connect(self.file_case_on_notice)
        self.warnings = ClueWarningsPanel(self.workspace)
        self.tabs.addTab(self.warnings, self.tr("预警记录"))

    def _field_titles(self) -> list[tuple[str, str]]:
        return [
            ("code", self.tr("线索编号")),
            ("status", self.tr("状态")),
            ("channel", self.tr("举报途径")),
            ("channel_ref", self.tr("渠道编号")),
            ("received_at", self.tr("受理时间")),
            ("due_by", self.tr("交办期限")),
            ("category", self.tr("污染类别")),
            ("priority", self.tr("紧急程度")),
            ("county", self.tr("所属县区")),
            ("township", self.tr("所属乡镇（街道）")),
            ("address", self.tr("地址")),
            ("location", self.tr("经纬度")),
            ("subject_name", self.tr("被反映对象")),
            ("subject_credit_code", self.tr("统一社会信用代码")),
            ("reporter_name", self.tr("举报人")),
            ("reporter_phone", self.tr("举报人电话")),
            ("description", self.tr("线索内容")),
            ("lead_unit", self.tr("主办单位")),
            ("assisting_units", self.tr("协办单位")),
            ("owner", self.tr("承办攻坚办")),
            ("registered_by", self.tr("登记单位")),
            ("registered_at", self.tr("登记时间")),
            ("dispatched_at", self.tr("分办时间")),
            ("signed_at", self.tr("签收时间")),
            ("reported_at", self.tr("反馈时间")),
            ("closed_at", self.tr("办结时间")),
            ("deadline", self.tr("当前时限")),
            ("handle_deadline", self.tr("办理时限")),
            ("extension", self.tr("延期")),
            ("result", self.tr("办理结果")),
            ("finding", self.tr("核查结论")),
            ("measures", self.tr("整改措施")),
            ("callback", self.tr("回访结果")),
            ("duplicate_of", self.tr("重复件原件")),
            ("updated_at", self.tr("本机更新时间")),
        ]

    # -- loading ----------------------------------------------------------------------

    def show_clue(self, clue_id: int | None) -> None:
        """Show another clue (None: none); it is loaded in a worker."""
        changed = clue_id != self.clue_id
        self.clue_id = clue_id
        if changed:
            self._focus_when_loaded = False
        if clue_id is None:
            self._generation += 1
            self.detail = None
            self.loading = False
            self._show_placeholder(self.tr("请选择一条线索"))
            return
        if changed and self.detail is not None:
            self.detail = None  # never offer actions of the clue shown before
            self._show_placeholder(self.tr("正在加载…"))
        self.reload()

    def reload(self) -> None:
        """Read the shown clue again (after an action or a sync)."""
        if self.clue_id is None:
            return
        self._generation += 1
        generation, clue_id = self._generation, self.clue_id
        store = self.workspace.store
        self.loading = True
        self._update_actions()

        def work(_task: Task[ClueDetail | None]) -> ClueDetail | None:
            return load_clue_detail(store, clue_id)

        def done(detail: ClueDetail | None) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._loaded(detail)

        def failed(exc: BaseException) -> None:
            log.error("could not load clue %s", clue_id, exc_info=exc)
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.detail = None
                self._show_placeholder(self.tr("无法读取该线索，请稍后重试"))

        run_task(work, done, failed, owner=self)

    def _loaded(self, detail: ClueDetail | None) -> None:
        self.loading = False
        self.detail = detail
        if detail is None:
            self._focus_when_loaded = False
            self._show_placeholder(self.tr("本机已没有该线索（可能已移出您的管辖范围）"))
            return
        self._fill(detail)
        if self.notices.clue_code != detail.code:
            self.notices.show_clue(detail.code)
        if self.cases.clue_code != detail.code:
            self.cases.show_clue(detail.code)
        count = self.warnings.show_clue(detail.code)
        self.tabs.setTabText(
            self.tabs.indexOf(self.warnings), self.tr("预警记录（{0}）").format(count)
        )
        self.stack.setCurrentWidget(self.content)
        self._update_actions()
        if self._focus_when_loaded:
            self._focus_when_loaded = False
            self.focus_first_action()
        self.loaded.emit(detail.id)

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)
        self._update_actions()

    # -- showing ----------------------------------------------------------------------

    def _fill(self, d: ClueDetail) -> None:
        code = d.code
        if d.provisional:
            code = self.tr("{0}（临时编号，同步后由市平台分配正式编号）").format(d.code)
        self.code_label.setText(d.code)
        self.status_label.setText(label(d.status))
        location = ""
        if d.latitude is not None and d.longitude is not None:
            location = f"{d.latitude:.6f}, {d.longitude:.6f}"
        extension = []
        if d.extended_days:
            extension.append(self.tr("已延期 {0} 个工作日").format(d.extended_days))
        if d.extension_requested_days:
            extension.append(
                self.tr("申请延期 {0} 个工作日，待审批").format(d.extension_requested_days)
            )
        state = d.state
        values = {
            "code": code,
            "status": label(d.status),
            "channel": label_of(Channel, d.channel),
            "channel_ref": d.channel_ref,
            "received_at": format_moment(d.received_at),
            "due_by": format_moment(state.due_by),
            "category": label_of(Category, d.category),
            "priority": label_of(Priority, d.priority),
            "county": d.county.display,
            "township": d.township.display if d.township else "",
            "address": d.address,
            "location": location,
            "subject_name": d.subject_name,
            "subject_credit_code": d.subject_credit_code,
            "reporter_name": d.reporter_name,
            "reporter_phone": d.reporter_phone,
            "description": d.description,
            "lead_unit": d.lead_unit.display if d.lead_unit else "",
            "assisting_units": self.tr("、").join(u.display for u in d.assisting_units),
            "owner": self.workspace.unit_name(owner_of(state)),
            "registered_by": d.registered_by_unit.display if d.registered_by_unit else "",
            "registered_at": format_moment(d.registered_at),
            "dispatched_at": format_moment(d.dispatched_at),
            "signed_at": format_moment(d.signed_at),
            "reported_at": format_moment(d.reported_at),
            "closed_at": format_moment(d.closed_at),
            "deadline": format_moment(d.deadline),
            "handle_deadline": format_moment(d.handle_deadline),
            "extension": self.tr("；").join(extension),
            "result": d.result,
            "finding": label(state.finding) if state.finding is not None else "",
            "measures": d.measures,
            "callback": label(state.callback) if state.callback is not None else "",
            "duplicate_of": state.duplicate_of or "",
            "updated_at": format_moment(d.updated_at),
        }
        for key, widget in self.fields.items():
            widget.setText(values.get(key) or EMPTY)
        masked = self.reporter_masked(d)
        masked_tip = self.tr("个人信息已脱敏") if masked else ""
        self.fields["reporter_name"].setToolTip(masked_tip)
        self.fields["reporter_phone"].setToolTip(masked_tip)
        actor = self.workspace.actor
        self.reveal_button.setVisible(masked and commission_user(actor.role, actor.unit))
        pending = len(d.pending_actions)
        self.pending_label.setText(self.tr("有 {0} 个操作待同步").format(pending))
        self.pending_label.setVisible(pending > 0)
        rejected = d.rejected_actions
        if rejected:
            self.rejected_label.setText(
                self.tr("有 {0} 个操作被市平台拒绝：{1}。请在“同步问题”中处理").format(
                    len(rejected), rejected[-1].reject_reason
                )
            )
        self.rejected_label.setVisible(bool(rejected))
        self.banner.show_entry(sent_back_entry(d.timeline, self.workspace.actor.unit.code))
        self.timeline.set_entries(d.timeline)
        self.attachments.set_attachments(d.attachments)
        self.tabs.setTabText(1, self.tr("办理记录（{0}）").format(len(d.timeline)))
        self.tabs.setTabText(2, self.tr("附件（{0}）").format(len(d.attachments)))
        self._refresh_time()

    def _refresh_time(self) -> None:
        """Countdown, warning level and the actions allowed now (they change with time)."""
        d = self.detail
        if d is None:
            return
        now = self.workspace.now()
        level = warning_level(
            d.deadline, now, self.workspace.calendar, self.workspace.rules.warnings
        )
        self.warning_label.setText(self._warning_text(level))
        self.warning_label.setStyleSheet(WARNING_STYLES.get(level, ""))
        self.warning_label.setVisible(d.deadline is not None)
        self.countdown_label.setText(self._countdown_text(d, now))
        self._update_actions()

    def _warning_text(self, level: int) -> str:
        return {
            0: self.tr("正常"),
            1: self.tr("一级预警（黄）"),
            2: self.tr("二级预警（橙）"),
            3: self.tr("三级预警（红）"),
        }.get(level, "")

    def _countdown_text(self, d: ClueDetail, now: datetime) -> str:
        if d.status is Status.DUPLICATE:
            return self.tr("重复件，随原件 {0} 办结").format(d.state.duplicate_of or "")
        if d.deadline is None:
            return ""  # done (办结, 不予受理): the status beside it says so
        left = countdown(d.deadline, now, self.workspace.calendar).text()
        return self.tr("时限 {0}（{1}）").format(format_moment(d.deadline), left)

    def reporter_masked(self, d: ClueDetail) -> bool:
        """Whether the platform sent this user the clue's reporter masked (the same rule it
        follows; a clue without a reporter has nothing masked)."""
        if not (d.reporter_name or d.reporter_phone):
            return False
        actor, state = self.workspace.actor, d.state
        return not may_see_reporter(
            actor.role,
            actor.unit,
            lead_unit=state.lead_unit,
            owner_unit=state.owner_unit,
            county_code=state.county_code,
        )

    def open_reveal(self) -> RevealDialog | None:
        """Open the dialog that asks a reason and shows the reporter (commission users)."""
        d = self.detail
        if d is None or not self.reveal_button.isVisible():
            return None
        from desktop.ui.reporter_reveal import RevealDialog

        dialog = RevealDialog(self.workspace, d.code, self.connection_of(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "reveal_dialog", None))
        self.reveal_dialog = dialog
        dialog.open()
        return dialog

    # -- actions ----------------------------------------------------------------------

    def allowed(self) -> list[Action]:
        """The actions the user may take on the clue shown, now."""
        if self.detail is None:
            return []
        ws = self.workspace
        return allowed_actions(
            ws.actor, self.detail.state, ws.now(), ws.calendar, ws.rules, ws.units
        )

    def _update_actions(self) -> None:
        allowed = set(self.allowed())
        for action, qaction in self.qactions.items():
            qaction.setVisible(action in allowed)
            qaction.setEnabled(action in allowed and not self.loading)

    def start_action(self, action: Action) -> ActionDialog | ConfirmAction | None:
        """Open the form (or confirmation) of an action on the clue shown; return it."""
        if self.detail is None or self.loading or action not in self.allowed():
            return None
        dialog = open_action(self.workspace, action, self.detail.state, self)
        dialog.completed.connect(self._completed)
        self.current_dialog = dialog
        return dialog

    def first_action(self) -> Action | None:
        """The first action the user may take on the clue shown now (its button's order)."""
        if self.detail is None or self.loading:
            return None
        allowed = set(self.allowed())
        return next((action for action in self.qactions if action in allowed), None)

    def focus_first_action(self) -> bool:
        """Put the keyboard on the first action's button (Enter or Space presses it); when
        the clue is still loading, do it once it is shown. False: no action to offer now."""
        if self.clue_id is not None and (self.loading or self.detail is None):
            self._focus_when_loaded = True
            return False
        action = self.first_action()
        if action is None:
            return False
        self.action_buttons[action].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _completed(self, done: LocalAction) -> None:
        self.action_taken.emit(done.clue_code)

    # -- penalty cases ----------------------------------------------------------------

    def show_cases_tab(self, case_id: str | None = None) -> bool:
        """Bring the 处罚案件 tab forward (showing `case_id` once read) and put the keyboard
        in it; False when no clue is shown."""
        if self.detail is None and self.clue_id is None:
            return False
        self.tabs.setCurrentWidget(self.cases)
        if case_id:
            self.cases.select_case(case_id)
        self.cases.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def show_warnings_tab(self) -> bool:
        """Bring the 预警记录 tab forward and put the keyboard in it; False with no clue."""
        if self.detail is None and self.clue_id is None:
            return False
        self.tabs.setCurrentWidget(self.warnings)
        self.warnings.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def file_case_on_notice(self, clue_code: str, notice_id: str) -> None:
        """立案 on a notice found 逾期未整改: the case tab's filing form, the notice linked."""
        if self.detail is None or self.detail.code != clue_code:
            return
        self.tabs.setCurrentWidget(self.cases)
        self.cases.start_filing([notice_id])

    def field_text(self, key: str) -> str:
        """The text shown for a field of the form (tests, accessibility)."""
        return self.fields[key].text()
