"""The stages of the closed loop that have their own deadline."""

from __future__ import annotations

from desktop.domain.codes import Labelled


class Stage(Labelled):
    """A stage of the closed loop that has its own deadline."""

    DISPATCH = "dispatch"
    SIGN = "sign"
    HANDLE = "handle"
    REVIEW = "review"

    @property
    def label(self) -> str:
        """The Chinese name of the stage's deadline."""
        names = {"dispatch": "分办时限", "sign": "签收时限", "handle": "办理时限"}
        return names.get(self.value, "审核时限")
