"""Display names of the domain's codes, through Qt's translation system (context "labels")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.codes import Labelled

CONTEXT = "labels"


def label(value: Labelled) -> str:
    """The (translated) display name of a status, channel, category, action, queue …"""
    return QCoreApplication.translate(CONTEXT, value.label)


def label_of(kind: type[Labelled], raw: str | None) -> str:
    """The display name of a stored code; an unknown code is shown as it is."""
    if not raw:
        return ""
    try:
        return label(kind(raw))
    except ValueError:
        return raw
