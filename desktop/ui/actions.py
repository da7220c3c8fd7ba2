"""Running a workflow action from the window: shortcuts, error messages, evidence files.

The store write of an action (`take_action`) is one short SQLite transaction, so it runs on
the UI thread: the user sees the new state at once and nothing can interleave with it.
Evidence files are different: a handful of photos from a phone can be tens of megabytes to
hash, copy and fsync, so `submit_action` stores them through `run_task` first and only then
writes the action (which cites them by digest). Before copying anything it checks the action
against the rules (a dry run on the UI thread), so a form with a missing field stores nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.validators import ValidationError
from desktop.domain.workflow import SYSTEM_ACTIONS, Action, ActionRefused
from desktop.store.attachments import store_file
from desktop.store.errors import storage_problem
from desktop.store.local_actions import LocalAction, check_local_action, take_action
from desktop.ui.labels import field_title, label
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.actions")

ACTION_SHORTCUTS: dict[Action, str] = {
    Action.REGISTER: "Ctrl+Shift+N",
    Action.DISPATCH: "Ctrl+Shift+D",
    Action.SIGN: "Ctrl+Shift+S",
    Action.RETURN: "Ctrl+Shift+B",
    Action.REQUEST_EXTENSION: "Ctrl+Shift+E",
    Action.APPROVE_EXTENSION: "Ctrl+Shift+Y",
    Action.DENY_EXTENSION: "Ctrl+Shift+X",
    Action.REPORT: "Ctrl+Shift+R",
    Action.APPROVE: "Ctrl+Shift+A",
    Action.REJECT: "Ctrl+Shift+J",
    Action.VERIFICATION_FAIL: "Ctrl+Shift+V",
    Action.URGE: "Ctrl+Shift+U",
    Action.ASSIST_REPORT: "Ctrl+Shift+H",
    Action.RETURN_TO_CITY: "Ctrl+Shift+C",
    Action.TRANSFER: "Ctrl+Shift+T",
    Action.TAKE_OVER: "Ctrl+Shift+O",
    Action.SIGNOFF_APPROVE: "Ctrl+Shift+G",
    Action.SIGNOFF_REJECT: "Ctrl+Shift+K",
    Action.CALLBACK: "Ctrl+Shift+L",
    Action.REOPEN: "Ctrl+Shift+W",
    Action.MARK_DUPLICATE: "Ctrl+Shift+M",
    Action.REFUSE: "Ctrl+Shift+I",
}
"""The keyboard shortcut of every action a person takes (one table, so a help dialog can list
them); the platform's own actions (closing a duplicate with its original) have none."""


ATTACHMENTS_FIELD = "attachments"
"""The field name the store uses for a cited file it cannot find, and the files' payload key."""


@dataclass(frozen=True)
class ActionError:
    """Why an action was not taken: the payload key of the field (None: not one field), why."""

    field: str | None
    message: str

    @property
    def label(self) -> str:
        """The field's label as a clerk reads it ('' when the error is not about one field)."""
        return field_title(self.field) if self.field else ""

    def text(self) -> str:
        """The whole message, naming the field by its label when there is one."""
        if not self.field:
            return self.message
        return QCoreApplication.translate("Actions", "{0}：{1}").format(self.label, self.message)


class EvidenceError(Exception):
    """An evidence file could not be read into the attachment store."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def describe_error(exc: BaseException) -> ActionError:
    """The clerk's message for an exception of taking an action (never a Python repr)."""
    if isinstance(exc, ValidationError):
        return ActionError(exc.field, exc.message)
    if isinstance(exc, ActionRefused):
        return ActionError(None, exc.reason)
    if isinstance(exc, EvidenceError):
        message = QCoreApplication.translate(
            "Actions", "无法读取文件「{0}」，请确认文件存在且没有被其他程序占用"
        ).format(exc.name)
        return ActionError(ATTACHMENTS_FIELD, message)
    if isinstance(exc, LookupError) and exc.args and isinstance(exc.args[0], str):
        return ActionError(None, exc.args[0])  # the store's own Chinese sentence
    problem = storage_problem(exc)
    if problem is not None:  # a full disk, a read-only folder, a damaged store
        log.error("action not saved: the store could not be written", exc_info=exc)
        return ActionError(None, str(problem))
    log.error("action failed", exc_info=exc)
    return ActionError(
        None,
        QCoreApplication.translate("Actions", "操作未能保存：本机数据库暂时无法写入，请稍后重试"),
    )


def show_error(parent: QWidget | None, error: ActionError) -> QMessageBox:
    """A non-blocking warning box with the error (opened; returned for tests)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Actions", "操作未完成"))
    box.setText(error.text())
    box.open()
    return box


def perform_action(
    workspace: Workspace,
    action: Action,
    clue_code: str | None,
    payload: Mapping[str, Any],
    parent: QWidget | None = None,
    *,
    on_error: Callable[[ActionError], None] | None = None,
) -> LocalAction | None:
    """Take `action` in the store now; on success tell every view the clues changed.

    On failure `on_error` receives the message (default: a warning box over `parent`) and
    None is returned; the store is then unchanged.
    """
    try:
        done = take_action(
            workspace.store,
            workspace.username,
            workspace.device_id,
            action,
            clue_code,
            payload,
            now=workspace.now(),
        )
    except Exception as exc:  # every failure becomes a message, none is lost
        error = describe_error(exc)
        if on_error is not None:
            on_error(error)
        else:
            show_error(parent, error)
        return None
    workspace.events.clues_changed.emit()
    return done


def check_action(
    workspace: Workspace, action: Action, clue_code: str | None, payload: Mapping[str, Any]
) -> None:
    """Run the rules on `payload` without writing anything; raise as take_action would."""
    check_local_action(
        workspace.store,
        workspace.username,
        workspace.device_id,
        action,
        clue_code,
        payload,
        workspace.now(),
    )


def _store_evidence(workspace: Workspace, files: Sequence[Path]) -> list[dict[str, str]]:
    """Copy files into the attachment store (in a worker); their citations for a payload."""
    cited = []
    for path in files:
        try:
            stored = store_file(workspace.store, path)
        except OSError as exc:
            if exc.filename not in (None, str(path)) and storage_problem(exc) is not None:
                raise  # writing the copy failed (the attachment folder), not reading the file
            raise EvidenceError(path.name) from exc
        cited.append({"sha256": stored.sha256, "name": path.name})
    return cited


def submit_action(
    workspace: Workspace,
    action: Action,
    clue_code: str | None,
    payload: Mapping[str, Any],
    files: Sequence[Path],
    on_done: Callable[[LocalAction], None],
    on_error: Callable[[ActionError], None],
) -> None:
    """Take an action citing evidence `files`: check, store the files off the UI thread, write.

    Exactly one of `on_done` / `on_error` is called, on the UI thread (at once when there
    are no files).
    """
    if not files:
        done = perform_action(workspace, action, clue_code, payload, on_error=on_error)
        if done is not None:
            on_done(done)
        return
    named = [{"sha256": "", "name": path.name} for path in files]
    try:
        check_action(workspace, action, clue_code, {**payload, ATTACHMENTS_FIELD: named})
    except Exception as exc:
        on_error(describe_error(exc))
        return
    paths = list(files)

    def work(_task: Task[list[dict[str, str]]]) -> list[dict[str, str]]:
        return _store_evidence(workspace, paths)

    def stored(cited: list[dict[str, str]]) -> None:
        full = {**payload, ATTACHMENTS_FIELD: cited}
        done = perform_action(workspace, action, clue_code, full, on_error=on_error)
        if done is not None:
            on_done(done)

    def failed(exc: BaseException) -> None:
        on_error(describe_error(exc))

    run_task(work, stored, failed)


def build_action_qactions(
    parent: QObject, *, include_register: bool = False
) -> dict[Action, QAction]:
    """One QAction per action with its label and shortcut (disabled until a view enables it)."""
    built: dict[Action, QAction] = {}
    for action, keys in ACTION_SHORTCUTS.items():
        if action in SYSTEM_ACTIONS and not (action is Action.REGISTER and include_register):
            continue
        qaction = QAction(label(action), parent)
        qaction.setObjectName(f"action_{action.value}")
        qaction.setShortcut(QKeySequence(keys))
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        qaction.setToolTip(f"{label(action)} ({native})")
        qaction.setData(action.value)
        qaction.setEnabled(False)
        built[action] = qaction
    return built
