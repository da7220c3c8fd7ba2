"""发出建议…: the commission's form issuing a 纪律检查建议, 监察建议 or 督办函 about one clue,
several, or a unit's work as a whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.suggestions import MAX_REPLY_DAYS, SuggestionKind
from desktop.domain.validators import ValidationError
from desktop.reports.suggestion_fields import compose_text
from desktop.store.supervision import clue_briefs, issue_suggestion
from desktop.ui.forms.fields import ChoiceField, DaysField, TextField
from desktop.ui.labels import label
from desktop.ui.supervision.areas import supervised_units
from desktop.ui.supervision.record_form import RecordForm, codes_in, join_codes
from desktop.ui.workspace import Workspace

DEFAULT_REPLY_DAYS = 10
"""The reply period offered, in working days (the rules hold no other)."""


class IssueSuggestionForm(RecordForm):
    """The fields of a suggestion; the addressed unit defaults to the first clue's lead unit."""

    def __init__(
        self,
        workspace: Workspace,
        clue_codes: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            workspace,
            self.tr("发出建议"),
            self.tr(
                "向监督范围内的单位发出纪律检查建议、监察建议或督办函。不填涉及线索即针对该单位的"
                "整体工作。发出后主送单位在其“待答复的建议”中看到，并在答复期限内答复整改落实情况。"
            ),
            self.tr("发出"),
            parent,
        )
        kinds = [(k.value, label(k)) for k in SuggestionKind]
        self.kind = self.add_field(
            ChoiceField("kind", self.tr("文书种类"), kinds, current="discipline")
        )
        self.number = self.add_field(
            TextField(
                "number", self.tr("文号"), required=True, placeholder=self.tr("海纪建〔2026〕3号")
            )
        )
        units = [(u.code, u.name) for u in supervised_units(workspace)]
        self.unit = self.add_field(
            ChoiceField(
                "addressed_unit",
                self.tr("主送单位"),
                units,
                searchable=True,
                required=True,
                placeholder=self.tr("输入单位名称查找"),
            )
        )
        self.clues = self.add_field(
            TextField(
                "clue_codes",
                self.tr("涉及线索"),
                placeholder=self.tr("线索编号，多个用逗号分隔；不填即针对单位整体工作"),
            )
        )
        self.subject_label = QLabel()
        self.add_row(self.tr("事由："), self.subject_label)
        self.title_field = self.add_field(
            TextField(
                "title",
                self.tr("标题"),
                required=True,
                placeholder=self.tr("关于督促加强线索签收办理工作的纪律检查建议"),
            )
        )
        self.text = self.add_field(
            TextField("text", self.tr("发现的问题"), multiline=True, required=True)
        )
        self.requests = self.add_field(
            TextField(
                "requests",
                self.tr("建议事项"),
                multiline=True,
                required=True,
                placeholder=self.tr("每行一项"),
            )
        )
        self.basis = self.add_field(
            TextField(
                "basis",
                self.tr("依据"),
                required=True,
                placeholder=self.tr("《中华人民共和国监察法》第四十五条"),
            )
        )
        self.days = self.add_field(DaysField("reply_days", self.tr("答复期限"), 1, MAX_REPLY_DAYS))
        assert isinstance(self.days, DaysField)
        self.days.spin.setValue(DEFAULT_REPLY_DAYS)
        assert isinstance(self.clues, TextField)
        self.clues.changed.connect(self._subject_changed)
        if clue_codes:
            self.clues.set_value(join_codes(clue_codes))
            lead = next(
                (b.lead_unit for b in clue_briefs(workspace.store, clue_codes[:1]).values()), None
            )
            assert isinstance(self.unit, ChoiceField)
            self.unit.select(lead)
        self._subject_changed()

    def clue_codes(self) -> list[str]:
        """The clue codes typed."""
        return codes_in(str(self.clues.value()))

    def _subject_changed(self) -> None:
        count = len(self.clue_codes())
        if count == 0:
            self.subject_label.setText(self.tr("单位整体工作"))
        elif count == 1:
            self.subject_label.setText(self.tr("一条线索"))
        else:
            self.subject_label.setText(self.tr("{0} 条线索").format(count))

    def check(self) -> bool:
        """Requests are the form's own field: at least one line."""
        if not str(self.requests.value()).strip():
            self.show_error("requests", self.tr("至少填写一项建议事项"))
            return False
        return True

    def payload(self) -> dict[str, Any]:
        """The issue payload as the store takes it."""
        requests = str(self.requests.value()).splitlines()
        return {
            "kind": self.kind.value(),
            "number": str(self.number.value()).strip(),
            "addressed_unit": self.unit.value(),
            "clue_codes": self.clue_codes(),
            "title": str(self.title_field.value()).strip(),
            "text": compose_text(str(self.text.value()), requests),
            "basis": str(self.basis.value()).strip(),
            "reply_days": self.days.value(),
        }

    def take(self) -> Any:
        """Issue the suggestion."""
        ws = self.workspace
        payload = self.payload()
        if not payload["addressed_unit"]:
            raise ValidationError("addressed_unit", self.tr("请选择主送单位"))
        return issue_suggestion(ws.store, ws.username, ws.device_id, payload, now=ws.now())
