"""The main window: navigation, the queue with its filter, the clue, and sync in the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.workflow import Action
from desktop.store.clue_detail import clue_id_by_code
from desktop.store.queues import Queue, task_snapshot
from desktop.store.sync_apply import apply_local_office_hours, platform_office_hours, sync_status
from desktop.store.warnings import open_red_keys
from desktop.ui.actions import ACTION_SHORTCUTS
from desktop.ui.backup_action import add_backup_action
from desktop.ui.circular import CIRCULAR_KEY, may_compose
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.filter_bar import FilterBar
from desktop.ui.intake_import import add_import_action
from desktop.ui.labels import label
from desktop.ui.logging_setup import log_file
from desktop.ui.navigation import ASSESSMENT, SUGGESTIONS, VERIFICATION, NavigationPanel
from desktop.ui.notifications import Notifier, Snapshot
from desktop.ui.queue_view import QueueView
from desktop.ui.register_dialog import may_register
from desktop.ui.row_menu import ClueRowMenu
from desktop.ui.screen_fit import fit_to_screen, keep_on_screen, scrolling
from desktop.ui.settings import AppSettings
from desktop.ui.status_bar import SyncStatusBar
from desktop.ui.store_banner import store_banner
from desktop.ui.supervision.areas import is_commission
from desktop.ui.sync_controller import SyncController
from desktop.ui.table_export import EXPORT_KEY, PRINT_KEY, current_exporter, menu_text
from desktop.ui.tasks import Task, run_task
from desktop.ui.warning_keys import RED_OPEN_KEY, RED_THIS_WEEK_KEY
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:  # the views and dialogs not on the first screen are imported when opened
    from desktop.sync.engine import SyncSummary
    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.assessment.suggestion_list import SuggestionListDialog
    from desktop.ui.assessment.view import AssessmentView
    from desktop.ui.cases.case_list import CasesView
    from desktop.ui.circular import CircularDialog
    from desktop.ui.dashboard.view import DashboardView
    from desktop.ui.help_dialog import HelpDialog
    from desktop.ui.notices_view import NoticesView
    from desktop.ui.register_dialog import RegisterDialog
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.supervision.accountability_view import AccountabilityView
    from desktop.ui.supervision.suggestions_view import SuggestionsView
    from desktop.ui.sync_problems import SyncProblemsView
    from desktop.ui.verification.view import VerificationView
    from desktop.ui.warnings_view import WarningsView

log = logging.getLogger("cluedesk.ui")

SYNC_KEY = "F5"
FIND_KEY = "Ctrl+F"
SYNC_PROBLEMS_KEY = "Ctrl+Shift+P"
CASES_KEY = "Ctrl+Alt+C"
"""The case list (处罚案件 under 预警与文书)."""
CLUE_CASES_KEY = "Ctrl+Alt+A"
"""The shown clue's 处罚案件 tab."""
WARNING_RECORD_KEY = "Ctrl+Alt+Y"
"""The warning record (预警台账 under 预警与文书)."""
SUGGESTIONS_KEY = "Ctrl+Alt+S"
"""建议与督办 / 待答复的建议."""
ACCOUNTABILITY_KEY = "Ctrl+Alt+Q"
"""问责记录."""
CLUE_SUGGESTION_KEY = "Ctrl+Alt+J"
"""发出建议… on the shown clue (the commission)."""
ASSESSMENT_KEY = "Ctrl+Alt+G"
"""单位考核 (the commission and the dispatching offices)."""
VERIFICATION_KEY = "Ctrl+Alt+V"
"""每周核查 (the dispatching offices)."""
DASHBOARD_KEY = "Ctrl+Alt+D"
"""统计看板 (every unit, on its scope)."""

WINDOW_SIZE = QSize(1440, 860)
"""The window's size on a screen with room for it (smaller screens: a share of theirs)."""
WINDOW_SHARE = 0.96
NAVIGATION_MIN_WIDTH = 150
KEEP_ACTIVE_MS = 500
"""How long after a view is built on first use the window takes the activation back."""


def pane_sizes(width: int) -> list[int]:
    """The splitter's panes for a window `width` wide: navigation, queue, clue."""
    navigation = max(NAVIGATION_MIN_WIDTH, min(200, width // 8))
    rest = max(0, width - navigation)
    return [navigation, rest * 11 // 20, rest * 9 // 20]


class MainWindow(QMainWindow):
    """The window a clerk works in all day."""

    def __init__(
        self,
        workspace: Workspace,
        sync: SyncController,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.sync = sync
        self.settings = settings
        self.dialog: QWidget | None = None
        self._closing_anyway = False
        self.snapshot: Snapshot = {}
        self._use_print_fonts()
        actor = workspace.actor
        self.setWindowTitle(
            self.tr("cluedesk 线索办理工作台 — {0}（{1}）").format(
                actor.display_name or actor.username, actor.unit.name
            )
        )
        self.navigation = NavigationPanel(workspace, count_now=False)  # after the first paint
        self.assessment_view: AssessmentView | None = None
        self.verification_view: VerificationView | None = None
        self.dashboard_view: DashboardView | None = None
        self.wide_views: set[QWidget] = set()
        """Views of the centre that need the width: no clue is shown beside them."""
        self.circular_dialog: CircularDialog | None = None
        self.filter_bar = FilterBar(workspace)
        self.queue_view = QueueView(workspace)
        self.detail = ClueDetailPanel(workspace)
        self.detail.connection_of = lambda: self.sync.connection
        self._pages: dict[str, QWidget] = {}
        self._keep_active = False
        """The centre's views other than the queue, each built the first time it is shown."""
        self.red_keys = open_red_keys(workspace.store) if is_commission(workspace) else set()
        queue_page = QWidget()
        column = QVBoxLayout(queue_page)
        column.setContentsMargins(0, 0, 0, 0)
        self.store_banner = store_banner(workspace.store.encryption_problem)
        column.addWidget(self.store_banner)
        column.addWidget(self.filter_bar)
        column.addWidget(self.queue_view, 1)
        self.queue_view.exporter.add_scope(queue_page)  # Ctrl+Alt+E/P from the filter bar too
        self.centre = QStackedWidget()
        self.centre.addWidget(queue_page)
        self.detail_scroll = scrolling(self.detail)
        self.detail_scroll.setObjectName("detail_scroll")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.navigation.setMinimumWidth(NAVIGATION_MIN_WIDTH)
        # On a very small screen (1024x768 at 200 % is 512x384) the panes keep the room they
        # need and the window scrolls, instead of squeezing them until their texts are cut.
        self.setCentralWidget(scrolling(self.splitter))
        self.status = SyncStatusBar(workspace, sync)
        self.setStatusBar(self.status)
        self.notifier = Notifier(settings, self)
        self._build_menus()
        self._connect()
        self._restore_layout()
        self.navigation.set_problem_count(self.status.problem_count)
        self.filter_bar.set_queue(self.navigation.current_queue() or Queue.ALL)  # the first query
        QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """The work the first screen does not wait for, started once the event loop runs
        (the window's first paint comes first): the queue counts beside the navigation and
        the snapshot of open tasks that notifications compare against, in workers."""
        self.navigation.refresh_counts()
        self.take_snapshot()

    # -- building ----------------------------------------------------------------------------

    def _action(
        self, text: str, keys: str | QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&L)"))
        self.import_action = add_import_action(self, file_menu)
        self.backup_action = add_backup_action(self, file_menu, self.workspace.store)
        work = bar.addMenu(self.tr("办理(&W)"))
        self.register_action = self._action(
            self.tr("登记新线索…"), ACTION_SHORTCUTS[Action.REGISTER], self.open_register
        )
        work.addAction(self.register_action)
        self._update_register()
        work.addSeparator()
        for qaction in self.detail.qactions.values():
            work.addAction(qaction)
        work.addSeparator()
        self.quit_action = self._action(self.tr("退出"), QKeySequence.StandardKey.Quit, self.close)
        work.addAction(self.quit_action)
        view = bar.addMenu(self.tr("查看(&V)"))
        self.find_action = self._action(self.tr("查找线索"), FIND_KEY, self.focus_search)
        view.addAction(self.find_action)
        self.problems_action = self._action(
            self.tr("同步问题"), SYNC_PROBLEMS_KEY, self.navigation.select_sync_problems
        )
        view.addAction(self.problems_action)
        view.addSeparator()
        self.cases_action = self._action(
            self.tr("处罚案件列表"), CASES_KEY, self.navigation.select_cases
        )
        view.addAction(self.cases_action)
        self.clue_cases_action = self._action(
            self.tr("本线索的处罚案件"), CLUE_CASES_KEY, self.show_clue_cases
        )
        view.addAction(self.clue_cases_action)
        view.addSeparator()
        self.warning_record_action = self._action(
            self.tr("预警台账"), WARNING_RECORD_KEY, self.navigation.select_warning_record
        )
        view.addAction(self.warning_record_action)
        self.red_week_action = self._action(
            self.tr("本周红色预警"), RED_THIS_WEEK_KEY, self.show_red_this_week
        )
        view.addAction(self.red_week_action)
        self.red_open_action = self._action(
            self.tr("红色预警未消除"), RED_OPEN_KEY, self.show_red_still_open
        )
        view.addAction(self.red_open_action)
        view.addSeparator()
        self.dashboard_action = self._action(
            self.tr("统计看板"), DASHBOARD_KEY, self.navigation.select_dashboard
        )
        view.addAction(self.dashboard_action)
        self._build_supervision_menu(view, work)
        view.addSeparator()
        self.export_list_action = self._action(
            menu_text(self.tr("导出Excel…"), EXPORT_KEY), None, self.export_current_list
        )
        view.addAction(self.export_list_action)
        self.print_list_action = self._action(
            menu_text(self.tr("打印列表…"), PRINT_KEY), None, self.print_current_list
        )
        view.addAction(self.print_list_action)
        self._build_verification_menu(view)
        self.circular_action = self._action(
            self.tr("月度通报…"), CIRCULAR_KEY, self.open_circular
        )  # for the tackling offices and the commissions
        self.circular_action.setVisible(may_compose(self.workspace))
        self.circular_action.setEnabled(may_compose(self.workspace))
        view.addAction(self.circular_action)
        sync_menu = bar.addMenu(self.tr("同步(&S)"))
        self.sync_action = self._action(self.tr("立即同步"), SYNC_KEY, self.sync.sync_now)
        sync_menu.addAction(self.sync_action)
        tools = bar.addMenu(self.tr("工具(&O)"))
        self.settings_action = self._action(self.tr("设置…"), "Ctrl+,", self.open_settings)
        tools.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.help_action = self._action(
            self.tr("使用帮助"), QKeySequence.StandardKey.HelpContents, self.open_help
        )
        help_menu.addAction(self.help_action)
        self.about_action = self._action(self.tr("关于 cluedesk"), None, self.open_about)
        help_menu.addAction(self.about_action)

    def _build_supervision_menu(self, view: QMenu, work: QMenu) -> None:
        """The commissions' records: their lists, and 发出建议… / 登记问责… on the shown clue."""
        view.addSeparator()
        self.suggestions_action = self._action(
            self.navigation.model.name(SUGGESTIONS),
            SUGGESTIONS_KEY,
            self.navigation.select_suggestions,
        )
        view.addAction(self.suggestions_action)
        self.accountability_action = self._action(
            self.tr("问责记录"), ACCOUNTABILITY_KEY, self.navigation.select_accountability
        )
        view.addAction(self.accountability_action)
        self.assessment_action = self._action(
            self.tr("单位考核"), ASSESSMENT_KEY, self.navigation.select_assessment
        )
        self.assessment_action.setEnabled(self.navigation.model.row_of(ASSESSMENT) >= 0)
        view.addAction(self.assessment_action)
        self.clue_suggestion_action = self._action(
            self.tr("对本线索发出建议…"), CLUE_SUGGESTION_KEY, self.issue_suggestion_on_clue
        )
        self.clue_accountability_action = self._action(
            self.tr("对本线索登记问责…"), None, self.record_accountability_on_clue
        )
        for action in (self.clue_suggestion_action, self.clue_accountability_action):
            action.setVisible(is_commission(self.workspace))
            work.insertAction(self.quit_action, action)

    def _build_verification_menu(self, view: QMenu) -> None:
        """每周核查, for the dispatching offices."""
        self.verification_action = self._action(
            self.tr("每周核查"), VERIFICATION_KEY, self.navigation.select_verification
        )
        self.verification_action.setEnabled(self.navigation.model.row_of(VERIFICATION) >= 0)
        view.addAction(self.verification_action)

    def _connect(self) -> None:
        self.workspace.events.reference_changed.connect(self._update_register)
        self.navigation.queue_selected.connect(self.show_queue)
        self.navigation.sync_problems_selected.connect(self.show_sync_problems)
        self.navigation.notices_selected.connect(self.show_notices)
        self.navigation.cases_selected.connect(self.show_cases)
        self.navigation.suggestions_selected.connect(self.show_suggestions)
        self.navigation.accountability_selected.connect(self.show_accountability)
        self.navigation.red_warnings_selected.connect(self.open_red_warnings)
        self.navigation.assessment_selected.connect(self.open_assessment)
        self.navigation.verification_selected.connect(self.open_verification)
        self.navigation.dashboard_selected.connect(self.open_dashboard)
        self.centre.currentChanged.connect(self._centre_changed)
        self.navigation.warning_record_selected.connect(self.show_warning_record)
        self.notifier.warnings_clicked.connect(self.show_red_still_open)
        self.filter_bar.filter_changed.connect(self.queue_view.set_filter)
        self.queue_view.clue_selected.connect(self.detail.show_clue)
        self.queue_view.selection_cleared.connect(lambda: self.detail.show_clue(None))
        self.status.problems_requested.connect(self.navigation.select_sync_problems)
        # The keyboard's daily path: search → Enter/Down → queue → Enter → the first action →
        # its form → back in the queue on the same clue, or the next one (Ctrl+Down/Up).
        self.filter_bar.results_requested.connect(self.queue_view.focus_results)
        self.queue_view.clue_activated.connect(lambda _id: self.detail.focus_first_action())
        self.detail.action_taken.connect(lambda _code: self.queue_view.focus_table())
        self.row_menu = ClueRowMenu(self.queue_view, self.detail)
        self.notifier.clue_clicked.connect(self.show_clue_code)
        self.workspace.events.clues_changed.connect(self._clues_changed)
        self.sync.finished.connect(self._synced)
        self.sync.failed.connect(self._sync_failed)
        self.sync.login_required.connect(self._login_required)

    # -- the centre's views, each built the first time it is asked for -----------------------

    def _page(self, name: str, build: Callable[[], QWidget]) -> QWidget:
        """The centre's view `name`, built (and added to the centre) on first use."""
        page = self._pages.get(name)
        if page is None:
            self._keep_active = self.isActiveWindow()
            page = self._pages[name] = build()
            self.centre.addWidget(page)
            QTimer.singleShot(KEEP_ACTIVE_MS, self, self._building_settled)
        return page

    def _building_settled(self) -> None:
        self._keep_active = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Keep the keyboard in the window while a view is built on first use: building some
        views (seen with Qt's offscreen platform) leaves the application without an active
        window for a moment; the window takes it back (never from another window of ours)."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self._keep_active
            and not self.isActiveWindow()
            and QApplication.activeWindow() is None
        ):
            self._keep_active = False
            self.activateWindow()

    def _showing(self, name: str) -> bool:
        """Whether the centre shows the view `name` (never builds it)."""
        page = self._pages.get(name)
        return page is not None and self.centre.currentWidget() is page

    @property
    def problems_view(self) -> SyncProblemsView:
        """同步问题: the actions the platform refused."""

        def build() -> SyncProblemsView:
            from desktop.ui.sync_problems import SyncProblemsView

            view = SyncProblemsView(self.workspace)
            view.changed.connect(self._problems_changed)
            view.clue_requested.connect(self.show_clue_code)
            view.problem_selected.connect(self.show_clue_beside)
            return view

        return cast("SyncProblemsView", self._page("problems", build))

    @property
    def notices_view(self) -> NoticesView:
        """The unit's notices with their rectification countdowns."""

        def build() -> NoticesView:
            from desktop.ui.notices_view import NoticesView

            view = NoticesView(self.workspace)
            view.clue_requested.connect(self.show_clue_code)
            view.workbench.notice_selected.connect(self.show_notice_clue)
            view.workbench.file_case_requested.connect(self.detail.file_case_on_notice)
            return view

        return cast("NoticesView", self._page("notices", build))

    @property
    def cases_view(self) -> CasesView:
        """The penalty cases the unit follows."""

        def build() -> CasesView:
            from desktop.ui.cases.case_list import CasesView

            view = CasesView(self.workspace)
            view.case_selected.connect(self.show_case_beside)
            view.case_requested.connect(self.open_case)
            return view

        return cast("CasesView", self._page("cases", build))

    @property
    def warnings_view(self) -> WarningsView:
        """The warning record (预警台账) of the user's scope."""

        def build() -> WarningsView:
            from desktop.ui.warnings_view import WarningsView

            view = WarningsView(self.workspace)
            view.clue_selected.connect(self.show_warning_clue_beside)
            view.clue_requested.connect(self.open_warning_clue)
            view.accountability_requested.connect(
                lambda code: self.accountability_view.open_record_form(clue_codes=[code])
            )
            return view

        return cast("WarningsView", self._page("warnings", build))

    @property
    def suggestions_view(self) -> SuggestionsView:
        """建议与督办: the commission's suggestions, or those addressed to the unit."""

        def build() -> SuggestionsView:
            from desktop.ui.supervision.suggestions_view import SuggestionsView

            view = SuggestionsView(self.workspace)
            view.clue_requested.connect(self.show_clue_code)
            view.accountability_requested.connect(
                lambda sid: self.accountability_view.open_record_form(suggestion_id=sid)
            )
            return view

        return cast("SuggestionsView", self._page("suggestions", build))

    @property
    def accountability_view(self) -> AccountabilityView:
        """问责记录."""

        def build() -> AccountabilityView:
            from desktop.ui.supervision.accountability_view import AccountabilityView

            view = AccountabilityView(self.workspace)
            view.clue_requested.connect(self.show_clue_code)
            return view

        return cast("AccountabilityView", self._page("accountability", build))

    # -- navigation --------------------------------------------------------------------------

    def show_queue(self, queue: Queue) -> None:
        """Show a queue in the table (the filter bar keeps its other choices); the clue panel
        shows the queue's selected clue again (the notices or sync problems showed theirs)."""
        self.centre.setCurrentIndex(0)
        self.filter_bar.set_queue(queue)
        self.detail.show_clue(self.queue_view.selected_clue_id())

    # -- the commission's red warnings and the unit assessment --------------------------

    def open_red_warnings(self) -> None:
        """红色预警 of the commission's section: the warning record on 红色预警未消除."""
        self.centre.setCurrentWidget(self.warnings_view)
        self.warnings_view.show_red_still_open()
        self.warnings_view.view.setFocus()

    def open_assessment(self) -> AssessmentView:
        """Show the unit assessment (单位考核) of the user's scope."""
        if self.assessment_view is None:
            from desktop.ui.assessment.view import AssessmentView

            view = self.assessment_view = AssessmentView(self.workspace)
            view.clues_requested.connect(self.show_codes)
            view.suggestions_requested.connect(self.open_suggestion_list)
            self.centre.addWidget(view)
            self.wide_views.add(view)  # the table needs the width; no clue is shown beside it
        self.centre.setCurrentWidget(self.assessment_view)
        self.assessment_view.table.setFocus()
        return self.assessment_view

    def open_verification(self) -> VerificationView:
        """Show the weekly verification (每周核查) of the user's office."""
        if self.verification_view is None:
            from desktop.ui.verification.view import VerificationView

            view = self.verification_view = VerificationView(self.workspace, self.settings)
            view.clue_selected.connect(self.show_verification_clue_beside)
            view.clue_requested.connect(self.open_verification_clue)
            self.centre.addWidget(view)
        self.centre.setCurrentWidget(self.verification_view)
        self.verification_view.refresh()
        self.verification_view.table.setFocus()
        return self.verification_view

    def show_verification_clue_beside(self, code: str) -> None:
        """Show the selected item's clue beside the verification worklist."""
        if self.centre.currentWidget() is not self.verification_view or not code:
            return
        self.detail.show_clue(clue_id_by_code(self.workspace.store, code))

    def open_verification_clue(self, code: str) -> None:
        """查看线索 on an item: its clue beside the worklist, focused."""
        self.detail.show_clue(clue_id_by_code(self.workspace.store, code))
        self.detail.setFocus()

    def open_dashboard(self) -> DashboardView:
        """Show the statistics dashboard (统计看板) of the user's scope."""
        if self.dashboard_view is None:
            from desktop.ui.dashboard.view import DashboardView

            view = self.dashboard_view = DashboardView(self.workspace)
            view.clues_requested.connect(self.show_codes)
            self.centre.addWidget(view)
            self.wide_views.add(view)
        self.centre.setCurrentWidget(self.dashboard_view)
        self.dashboard_view.focus_first()
        return self.dashboard_view

    def _centre_changed(self, _index: int) -> None:
        """Hide the clue beside a view that needs the width, show it beside the others."""
        self.detail_scroll.setVisible(self.centre.currentWidget() not in self.wide_views)

    def open_circular(self) -> CircularDialog | None:
        """Compose the monthly circular (月度通报) of the user's office or commission."""
        if not may_compose(self.workspace):
            return None
        from desktop.ui.circular import CircularDialog

        dialog = CircularDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.circular_dialog = dialog
        return dialog

    def show_codes(self, codes: tuple[str, ...], caption: str) -> None:
        """Show the 全部 queue limited to exactly these clues, said by a removable chip."""
        self.navigation.select_queue(Queue.ALL)
        self.show_queue(Queue.ALL)
        self.filter_bar.clear()
        self.queue_view.codes_caption = caption
        self.filter_bar.set_codes(frozenset(codes), caption)
        self.queue_view.focus_table()

    def open_suggestion_list(self, ids: tuple[str, ...], caption: str) -> SuggestionListDialog:
        """List the suggestions behind an assessment figure."""
        from desktop.ui.assessment.suggestion_list import SuggestionListDialog

        dialog = SuggestionListDialog(self.workspace, ids, caption, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_sync_problems(self) -> None:
        """Show the rejected actions instead of the queue."""
        self.centre.setCurrentWidget(self.problems_view)
        self.problems_view.reload()

    def show_notices(self) -> None:
        """Show every notice of the user's unit with its rectification countdown."""
        self.centre.setCurrentWidget(self.notices_view)
        self.notices_view.refresh()

    def show_cases(self) -> None:
        """Show every penalty case the user's unit follows, with its decision countdown."""
        self.centre.setCurrentWidget(self.cases_view)
        self.cases_view.refresh()
        self.cases_view.view.setFocus()

    def show_suggestions(self) -> None:
        """Show the suggestions: the commission's own, or those addressed to the unit."""
        self.centre.setCurrentWidget(self.suggestions_view)
        self.suggestions_view.refresh()
        self.suggestions_view.view.setFocus()

    def show_accountability(self) -> None:
        """Show the accountability records (the commission's, or the unit's own, read-only)."""
        self.centre.setCurrentWidget(self.accountability_view)
        self.accountability_view.refresh()
        self.accountability_view.view.setFocus()

    def shown_clue_code(self) -> str | None:
        """The code of the clue in the detail panel, None when none is shown."""
        detail = self.detail.detail
        return detail.code if detail is not None else None

    def issue_suggestion_on_clue(self) -> QWidget | None:
        """发出建议… prefilled with the shown clue (the commission)."""
        code = self.shown_clue_code()
        return self.suggestions_view.open_issue([code] if code else [])

    def record_accountability_on_clue(self) -> QWidget | None:
        """登记问责… on the shown clue (a clue at level 3; the commission)."""
        code = self.shown_clue_code()
        return self.accountability_view.open_record_form([code] if code else [])

    def show_case_beside(self, case_id: str, clue_code: str) -> None:
        """Show the selected case's clue beside the case list, on its case tab."""
        if not self._showing("cases") or not case_id:
            return
        self.detail.show_clue(clue_id_by_code(self.workspace.store, clue_code))
        self.detail.tabs.setCurrentWidget(self.detail.cases)
        self.detail.cases.select_case(case_id)

    def open_case(self, case_id: str, clue_code: str) -> None:
        """Open a case of the list (Enter, double click): its clue's case tab, focused."""
        self.detail.show_clue(clue_id_by_code(self.workspace.store, clue_code))
        self.detail.show_cases_tab(case_id)

    def show_warning_record(self) -> None:
        """Show the warning record of the clues in the user's scope, with its filters."""
        self.centre.setCurrentWidget(self.warnings_view)
        self.warnings_view.refresh()
        self.warnings_view.view.setFocus()

    def show_red_this_week(self) -> None:
        """The warning record on 本周红色预警."""
        self.navigation.select_warning_record()
        self.warnings_view.show_red_this_week()

    def show_red_still_open(self) -> None:
        """The warning record on 红色预警未消除."""
        self.navigation.select_warning_record()
        self.warnings_view.show_red_still_open()

    def show_warning_clue_beside(self, code: str) -> None:
        """Show the selected episode's clue beside the record, on its 预警记录 tab."""
        if not self._showing("warnings") or not code:
            return
        self.detail.show_clue(clue_id_by_code(self.workspace.store, code))
        self.detail.tabs.setCurrentWidget(self.detail.warnings)

    def open_warning_clue(self, code: str) -> None:
        """Open an episode's clue (Enter, double click): its 预警记录 tab, focused."""
        self.detail.show_clue(clue_id_by_code(self.workspace.store, code))
        self.detail.show_warnings_tab()

    def show_clue_cases(self) -> None:
        """Bring the shown clue's 处罚案件 tab forward."""
        self.detail.show_cases_tab()

    def show_clue_code(self, code: str) -> None:
        """Find a clue by its code in the 全部 queue and select it."""
        self.navigation.select_queue(Queue.ALL)
        self.filter_bar.clear()
        self.show_queue(Queue.ALL)
        self.filter_bar.search.setText(code)
        self.filter_bar.emit_filter()
        if self.queue_view.row_count():
            self.queue_view.select_clue(self.queue_view.model.clue_id(0))
        self.detail.show_clue(self.queue_view.selected_clue_id())  # also when it was selected

    def show_clue_beside(self, code: str) -> None:
        """Show a clue in the detail panel without changing the queue (from sync problems)."""
        if self._showing("problems"):
            self.detail.show_clue(clue_id_by_code(self.workspace.store, code))

    def show_notice_clue(self, notice_id: str) -> None:
        """Show the clue of the selected notice beside the notice list."""
        if not self._showing("notices"):
            return
        from desktop.store.notices import load_notice

        state = load_notice(self.workspace.store, notice_id)
        if state is not None:
            self.detail.show_clue(clue_id_by_code(self.workspace.store, state.clue_code))

    def focus_search(self) -> None:
        """Put the cursor in the free-text filter."""
        self.centre.setCurrentIndex(0)
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def export_current_list(self) -> QWidget | None:
        """导出Excel… of the focused list (else the list shown in the middle)."""
        exporter = current_exporter(self, self.centre.currentWidget())
        return exporter.ask_export() if exporter is not None else None

    def print_current_list(self) -> QWidget | None:
        """打印列表… of the focused list (else the list shown in the middle)."""
        exporter = current_exporter(self, self.centre.currentWidget())
        return exporter.print_list() if exporter is not None else None

    # -- after changes -----------------------------------------------------------------------

    def _clues_changed(self) -> None:
        self.navigation.set_problem_count(self.status.problem_count)

    def _problems_changed(self) -> None:
        self.status.refresh_counts()
        self.navigation.set_problem_count(self.status.problem_count)

    def take_snapshot(self, then: object = None) -> None:
        """Read the user's open tasks and warning levels in the background (for notifications)."""
        store, viewer, bounds = self.workspace.store, self.workspace.viewer, self.workspace.bounds()

        def work(_task: Task[Snapshot]) -> Snapshot:
            with store.session() as session:
                return task_snapshot(session, viewer, bounds)

        def done(snapshot: Snapshot) -> None:
            before, self.snapshot = self.snapshot, snapshot
            if then is not None and before:
                self.notifier.notify_changes(before, snapshot)

        run_task(work, done, owner=self)

    def _synced(self, summary: SyncSummary) -> None:
        self.notify_new_red_warnings()
        if "problems" in self._pages:  # a view not built yet reads the store when shown
            self.problems_view.reload()
        self.navigation.set_problem_count(self.status.problem_count)
        self.take_snapshot(then=summary)

    def notify_new_red_warnings(self) -> int:
        """For a commission user, one notification for the red warnings a sync brought (clues
        that reached level 3 since the last look); the number of new ones."""
        if not is_commission(self.workspace):
            return 0
        before, self.red_keys = self.red_keys, open_red_keys(self.workspace.store)
        new = sorted(self.red_keys - before)
        if new:
            self.notifier.notify_red_warnings(len({key[0] for key in new}), new[0][0])
            if self._showing("warnings"):
                self.warnings_view.refresh()
        return len(new)

    def _sync_failed(self, message: str) -> None:
        log.warning("sync failed: %s", message)

    def _login_required(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("需要重新登录"),
            self.tr("登录已过期或被注销。本机的操作都已保存，重新登录后会继续上传。"),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.dialog = box
        box.open()

    # -- dialogs -----------------------------------------------------------------------------

    def _update_register(self) -> None:
        """Offer registering to those the rules let register (not to an admin account)."""
        self.register_action.setEnabled(may_register(self.workspace))

    def open_register(self) -> RegisterDialog | None:
        """Open the form for a clue found in the field (None: the user may not register)."""
        if not may_register(self.workspace):
            return None
        from desktop.ui.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.workspace, self)
        dialog.registered.connect(self.show_clue_code)
        self.dialog = dialog
        dialog.open()
        return dialog

    def shortcuts(self) -> list[tuple[str, str | QKeySequence]]:
        """Every keyboard shortcut of the window, for the help dialog."""
        listed: list[tuple[str, str | QKeySequence]] = [
            (label(action), keys) for action, keys in ACTION_SHORTCUTS.items()
        ]
        queue = self.queue_view
        listed += [
            (self.tr("搜索框中：转到结果列表（Enter 亦可）"), QKeySequence(Qt.Key.Key_Down)),
            (self.tr("线索列表中：转到该线索的第一个操作"), QKeySequence(Qt.Key.Key_Enter)),
            (queue.next_action.text(), queue.next_action.shortcut()),
            (queue.previous_action.text(), queue.previous_action.shortcut()),
            (self.tr("线索操作菜单（菜单键亦可）"), queue.row_menu_action.shortcut()),
            (self.tr("列表中：导出Excel"), EXPORT_KEY),
            (self.tr("列表中：打印列表"), PRINT_KEY),
        ]
        for action in (
            self.sync_action,
            self.import_action,
            self.find_action,
            self.problems_action,
            self.cases_action,
            self.clue_cases_action,
            self.warning_record_action,
            self.red_week_action,
            self.red_open_action,
            self.suggestions_action,
            self.accountability_action,
            self.assessment_action,
            self.verification_action,
            self.dashboard_action,
            self.clue_suggestion_action,
            self.settings_action,
            self.help_action,
            self.quit_action,
        ):
            listed.append((action.text(), action.shortcut()))
        return listed

    def open_help(self) -> HelpDialog:
        """Show the guide to the user's daily work and the keyboard shortcuts."""
        from desktop.ui.help_dialog import HelpDialog
        from desktop.ui.role_guide import guide_html

        dialog = HelpDialog(self.shortcuts(), guide_html(self.workspace.actor), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog:
        """Show the version and where the data and the log are."""
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.workspace.store.data_dir, log_file(), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog:
        """Edit the settings; the sync interval applies at once."""
        hours = platform_office_hours(self.workspace.store)
        bound = self.sync.connection.server_url if self.sync.connection else None
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, platform_hours=hours, bound_url=bound)
        dialog.accepted.connect(self.apply_settings)
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        """Apply saved settings: the sync interval, and the office hours where they count."""
        self.sync.set_interval(self.settings.sync_interval_minutes)
        self._use_print_fonts()
        if apply_local_office_hours(self.workspace.store, self.settings.office_hours):
            self.workspace.reload_reference()
            self.workspace.events.reference_changed.emit()
            self.workspace.events.clues_changed.emit()

    def _use_print_fonts(self) -> None:
        folder = self.settings.print_font_dir
        dirs = (folder,) if folder else ()
        self.workspace.print_font_choice = (dirs, self.settings.prefer_official_fonts)

    # -- layout ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        """The layout of the last run, repaired to fit this screen; else one sized to it."""
        saved = self.settings.window_geometry
        if saved and self.restoreGeometry(QByteArray(saved)):
            keep_on_screen(self)
        else:
            fit_to_screen(self, WINDOW_SIZE, share=WINDOW_SHARE, centre=True)
        if self.settings.window_state:
            self.restoreState(QByteArray(self.settings.window_state))
        restored = bool(self.settings.splitter_state) and self.splitter.restoreState(
            QByteArray(self.settings.splitter_state)
        )
        if not restored or not all(self.splitter.sizes()):
            self.splitter.setSizes(pane_sizes(self.width()))  # no pane collapsed to nothing
        if self.settings.table_header_state:
            self.queue_view.restore_header_state(self.settings.table_header_state)

    def save_layout(self) -> None:
        """Keep the window's geometry, splitter and table columns for the next run."""
        self.settings.window_geometry = bytes(self.saveGeometry().data())
        self.settings.window_state = bytes(self.saveState().data())
        self.settings.splitter_state = bytes(self.splitter.saveState().data())
        self.settings.table_header_state = self.queue_view.header_state()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Say so when actions wait to be synced; then save the layout and stop syncing (a
        running sync finishes its step)."""
        waiting = 0 if self._closing_anyway else sync_status(self.workspace.store).pending
        if waiting:
            event.ignore()
            self._ask_before_closing(waiting)
            return
        self.save_layout()
        self.sync.stop_auto()
        self.sync.cancel()
        super().closeEvent(event)

    def close_without_asking(self) -> None:
        """Close at once, asking nothing about unsent actions (the data folder was wiped)."""
        self._closing_anyway = True
        self.close()

    def _ask_before_closing(self, waiting: int) -> None:
        """A non-blocking question: close with actions not yet synced, or stay to sync."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("关闭 cluedesk"))
        box.setText(self.tr("还有 {0} 个操作没有上传到平台。").format(waiting))
        box.setInformativeText(
            self.tr("这些操作已保存在本机，不会丢失，下次打开并联网后会自动上传。现在关闭吗？")
        )
        close = box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("留下同步"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(close)

        def decided() -> None:
            if box.clickedButton() is close:
                self._closing_anyway = True
                self.close()

        box.finished.connect(decided)
        self.dialog = box
        box.open()
