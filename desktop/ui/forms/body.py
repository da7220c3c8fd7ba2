"""A form of fields with a banner: where the rules' messages are shown at the field they name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.forms.fields import ERROR_STYLE, FormField
from desktop.ui.labels import field_title


class FormBody(QWidget):
    """Fields in a form layout, found by their payload key (the rules name a field by it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.hide()
        layout.addWidget(self.intro)
        self.banner = QLabel()
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # A narrow form puts a field under its label rather than squeezing it or cutting the
        # label (1024-pixel screens at 200 %, English labels).
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.form)
        self.fields: list[FormField] = []
        self.row_labels: dict[str, QLabel] = {}
        self.hidden: set[str] = set()

    def set_intro(self, text: str) -> None:
        """A sentence above the fields (what the action will do)."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add(self, field: FormField) -> FormField:
        """Add a field as a row (a required field's label is marked with *)."""
        label = QLabel()
        label.setBuddy(field.editor)
        self.row_labels[field.key] = label
        self.form.addRow(label, field)
        self.fields.append(field)
        self._label_row(field)
        return field

    def set_required(self, key: str, required: bool) -> None:
        """Mark a field required or not (when another field decides it)."""
        field = self.field(key)
        field.required = required
        self._label_row(field)

    def set_row_visible(self, key: str, visible: bool) -> None:
        """Show or hide a field's row; a hidden field is left out of `values()`."""
        field = self.field(key)
        self.form.setRowVisible(field, visible)
        if visible:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)

    def row_visible(self, key: str) -> bool:
        """Whether the field of `key` is shown."""
        return key not in self.hidden

    def _label_row(self, field: FormField) -> None:
        text = f"{field.label} *" if field.required else field.label
        self.row_labels[field.key].setText(text)

    def field(self, key: str) -> FormField:
        """The field of a payload key; KeyError when there is none."""
        found = self.find_field(key)
        if found is None:
            raise KeyError(key)
        return found

    def find_field(self, key: str | None) -> FormField | None:
        """The field of a payload key, or None when the form has none."""
        for field in self.fields:
            if field.key == key:
                return field
        return None

    def values(self) -> dict[str, Any]:
        """Every shown field's value by payload key."""
        return {field.key: field.value() for field in self.fields if field.key not in self.hidden}

    def clear_errors(self) -> None:
        """Hide every message."""
        self.banner.hide()
        for field in self.fields:
            field.show_error(None)

    def show_error(self, key: str | None, message: str, *, label: str | None = None) -> None:
        """Show a message at the field of the payload key `key` (and in the banner), focus it.

        A key the form has no field for is named in the banner by `label` (default: the
        label of the key); with no key the banner shows the message alone.
        """
        self.clear_errors()
        field = self.find_field(key) if key else None
        if field is not None:
            if key in self.hidden:
                self.set_row_visible(field.key, True)
            field.show_error(message)
            field.setFocus()
            self.banner.setText(self.tr("请修改「{0}」：{1}").format(field.label, message))
        elif key:
            self.banner.setText(self.tr("{0}：{1}").format(label or field_title(key), message))
        else:
            self.banner.setText(message)
        self.banner.show()

    def banner_text(self) -> str:
        """The message of the banner ('' when hidden)."""
        return self.banner.text() if not self.banner.isHidden() else ""
