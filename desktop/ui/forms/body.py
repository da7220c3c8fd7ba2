"""A form of fields with a banner: where the rules' messages are shown at the field they name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.forms.fields import ERROR_STYLE, FormField


class FormBody(QWidget):
    """Fields in a form layout, found by payload key or by the label the rules name them by."""

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
        layout.addLayout(self.form)
        self.fields: list[FormField] = []

    def set_intro(self, text: str) -> None:
        """A sentence above the fields (what the action will do)."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add(self, field: FormField) -> FormField:
        """Add a field as a row (a required field's label is marked with *)."""
        text = f"{field.label} *" if field.required else field.label
        label = QLabel(text)
        label.setBuddy(field.editor)
        self.form.addRow(label, field)
        self.fields.append(field)
        return field

    def field(self, key: str) -> FormField:
        """The field of a payload key; KeyError when there is none."""
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)

    def field_named(self, domain_label: str) -> FormField | None:
        """The field the rules call `domain_label`, if the form has it."""
        for field in self.fields:
            if field.domain_label == domain_label:
                return field
        return None

    def values(self) -> dict[str, Any]:
        """Every field's value by payload key."""
        return {field.key: field.value() for field in self.fields}

    def clear_errors(self) -> None:
        """Hide every message."""
        self.banner.hide()
        for field in self.fields:
            field.show_error(None)

    def show_error(self, field_label: str | None, message: str) -> None:
        """Show a message at the field it names (and in the banner); focus that field."""
        self.clear_errors()
        field = self.field_named(field_label) if field_label else None
        if field is not None:
            field.show_error(message)
            field.setFocus()
            self.banner.setText(self.tr("请修改「{0}」：{1}").format(field.label, message))
        elif field_label:
            self.banner.setText(self.tr("{0}：{1}").format(field_label, message))
        else:
            self.banner.setText(message)
        self.banner.show()

    def banner_text(self) -> str:
        """The message of the banner ('' when hidden)."""
        return self.banner.text() if not self.banner.isHidden() else ""
