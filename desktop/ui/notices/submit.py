"""Taking a notice action from a form: one short transaction on the UI thread (like the clue
actions), every failure turned into a message shown at the field it names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.notices import NoticeAction
from desktop.store.notices import LocalNoticeAction, take_notice_action
from desktop.ui.forms import FormBody
from desktop.ui.notices.errors import NoticeError, describe_notice_error
from desktop.ui.workspace import Workspace

ALIASES = {"deadline_date": "deadline_days"}
"""Payload keys shown by another field (both halves of the period are one input)."""


def take(
    workspace: Workspace,
    action: NoticeAction,
    notice_id: str | None,
    clue_code: str,
    payload: Mapping[str, Any],
) -> LocalNoticeAction | NoticeError:
    """Take the action now; the done action, or the error to show (nothing written then).

    On success every view is told the store changed.
    """
    try:
        done = take_notice_action(
            workspace.store,
            workspace.username,
            workspace.device_id,
            action,
            notice_id,
            clue_code,
            payload,
            now=workspace.now(),
        )
    except Exception as exc:  # every failure becomes a message, none is lost
        return describe_notice_error(exc)
    workspace.events.clues_changed.emit()
    return done


def show_notice_error(body: FormBody, error: NoticeError) -> None:
    """Show `error` at the field of its payload key, or in the banner naming the field."""
    key = ALIASES.get(error.field or "", error.field)
    body.show_error(key, error.message, label=error.label)
