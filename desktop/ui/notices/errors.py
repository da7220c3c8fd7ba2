"""The clerk's message for whatever stops a notice action, a rendering or a print job."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.domain.notices import NoticeRefused, field_label
from desktop.domain.validators import ValidationError
from desktop.ui.actions import ActionError, describe_error
from desktop.ui.notices.printing import PrintFailed


@dataclass(frozen=True)
class NoticeError(ActionError):
    """An ActionError (`field`: the payload key) named by the notice forms' own labels."""

    shown: str = ""
    """The field's label, when the notices name it otherwise than the clue actions do."""

    @property
    def label(self) -> str:
        """The field's label as a clerk reads it ('' when not about one field)."""
        return self.shown or super().label


def _glyph(exc: BaseException) -> NoticeError | None:
    """A character no chosen font has (the reports' MissingGlyph: `.char` and `.field`)."""
    char, where = getattr(exc, "char", None), getattr(exc, "field", None)
    if not isinstance(char, str) or not char or not isinstance(where, str):
        return None
    key = where.split(".")[0]
    message = QCoreApplication.translate(
        "NoticeErrors", "字符“{0}”（U+{1:04X}）无法用文书字体打印，请改用常用字或在设置中换用字体"
    ).format(char, ord(char[0]))
    shown = getattr(exc, "label", None)
    return NoticeError(
        key, message, shown if isinstance(shown, str) and shown else field_label(key)
    )


def describe_notice_error(exc: BaseException) -> NoticeError:
    """What to tell the clerk: the field (Chinese label and payload key) and why."""
    glyph = _glyph(exc)
    if glyph is not None:
        return glyph
    if isinstance(exc, ValidationError):
        key = exc.field.split(".")[0]
        return NoticeError(key, exc.message, field_label(key))
    if isinstance(exc, NoticeRefused):
        return NoticeError(None, exc.reason)
    if isinstance(exc, PrintFailed):
        return NoticeError(None, exc.message)
    if isinstance(exc, OSError):
        return NoticeError(
            None,
            QCoreApplication.translate("NoticeErrors", "无法写入文件：{0}").format(
                exc.strerror or exc.filename or ""
            ),
        )
    plain = describe_error(exc)
    return NoticeError(plain.field, plain.message)
