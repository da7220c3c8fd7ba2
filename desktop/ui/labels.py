"""Display names of the domain's codes, through Qt's translation system (context "labels")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.codes import Labelled
from desktop.domain.fields import field_label

CONTEXT = "labels"

UNTRANSLATED = ("污染防治攻坚办", "攻坚办")
"""Data, not shown text: suffixes of a tackling office's name (海州区污染防治攻坚办 → 海州区)."""
OFFICE_SUFFIXES = UNTRANSLATED


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


def field_title(key: str) -> str:
    """The (translated) label of a payload key, as the domain names the field for people."""
    return QCoreApplication.translate(CONTEXT, field_label(key))


def area_label(office_name: str) -> str:
    """A county area's name from its tackling office's name (the office suffix dropped)."""
    for suffix in OFFICE_SUFFIXES:
        if office_name.endswith(suffix) and len(office_name) > len(suffix):
            return office_name.removesuffix(suffix)
    return office_name
