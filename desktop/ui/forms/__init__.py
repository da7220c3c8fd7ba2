"""Form building blocks: fields that show the rules' messages, and the form that holds them."""

from __future__ import annotations

from desktop.ui.forms.body import FormBody
from desktop.ui.forms.deadline import DeadlineField
from desktop.ui.forms.fields import (
    ChoiceField,
    DateTimeField,
    DaysField,
    FormField,
    OptionalDateTimeField,
    TextField,
)
from desktop.ui.forms.files import FilesField
from desktop.ui.forms.units import (
    UnitChecklistField,
    UnitChecklistModel,
    dispatch_units,
)

__all__ = [
    "ChoiceField",
    "DateTimeField",
    "DaysField",
    "DeadlineField",
    "FilesField",
    "FormBody",
    "FormField",
    "OptionalDateTimeField",
    "TextField",
    "UnitChecklistField",
    "UnitChecklistModel",
    "dispatch_units",
]
