"""Sentences for people: written in Chinese where they arise, shown in the window's language.

A `Message` is a `str` (so every caller that prints, joins or compares text keeps working)
that also remembers its Chinese source template, its plural count `n` and its arguments.
Its text is rendered when it is made, through a translate hook: by default the Chinese
source itself; the window installs one backed by Qt's catalogue (`install`). A template
names its arguments as ``{name}`` and its plural count as ``%n`` (Qt's convention, so the
catalogue holds the plural forms: "%n working day(s)").

Arguments are data (a unit's name, a clue's code: shown as they are), numbers, a `Label`
(a code's Chinese label, translated in the catalogue's context "labels"), another
`Message`, or a tuple of these (joined with the language's list separator).

Messages cross the wire as `to_data()` / `from_data()`, so a client renders a platform's
refusal in its own language. `N_` marks a template that is rendered later (a table's
entries, module constants): the extraction tool (tools/update_translations.py) collects
the first string argument of every `Message(...)` and `N_(...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union

CONTEXT = "messages"
"""The catalogue context of every message."""

LABELS_CONTEXT = "labels"
"""The catalogue context of the domain's code labels (see desktop.ui.labels)."""

LIST_SEPARATOR = "、"
"""The Chinese list separator; a message of its own so each language has its own."""

Translate = Callable[[str, str, int | None], str]
"""(context, source, n) → the translated template, ``%n`` already replaced by n."""

Arg = Union[str, int, "Label", "Message", tuple[Any, ...]]
"""What a message's argument may be."""


def chinese(context: str, source: str, n: int | None) -> str:
    """The source text itself: the Chinese the domain writes."""
    return source if n is None else source.replace("%n", str(n))


_hook: Translate = chinese


def install(translate: Translate) -> None:
    """Render every message made from now on through `translate` (the window's language)."""
    global _hook
    _hook = translate


def uninstall() -> None:
    """Render messages in Chinese again."""
    install(chinese)


def N_(source: str) -> str:  # noqa: N802 - gettext's name for "translated later"
    """Mark `source` as a message template rendered later (returns it unchanged)."""
    return source


class Label(str):
    """A code's Chinese label used as an argument: translated in the context "labels"."""

    __slots__ = ()


def _arg_text(value: Any, translate: Translate) -> str:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, Label):
        return translate(LABELS_CONTEXT, str(value), None)
    if isinstance(value, tuple | list):
        separator = translate(CONTEXT, LIST_SEPARATOR, None)
        return separator.join(_arg_text(item, translate) for item in value)
    return str(value)


def render(source: str, n: int | None, args: Mapping[str, Any], translate: Translate) -> str:
    """A template with its count and arguments, in the language of `translate`."""
    template = translate(CONTEXT, source, n)
    if not args:
        return template
    values = {key: _arg_text(value, translate) for key, value in args.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return chinese(CONTEXT, source, n).format_map(values)


class Message(str):
    """A sentence for people, rendered in the installed language; keeps its source."""

    source: str
    n: int | None
    args: dict[str, Any]

    def __new__(cls, source: str, /, n: int | None = None, **args: Any) -> Message:
        """`source` (a Chinese template), rendered now with plural count `n` and `args`."""
        text = render(source, n, args, _hook)
        made = super().__new__(cls, text)
        made.source = source
        made.n = n
        made.args = dict(args)
        return made

    def render(self, translate: Translate) -> str:
        """The message in the language of `translate`."""
        return render(self.source, self.n, self.args, translate)

    def chinese(self) -> str:
        """The message in Chinese, whatever language is installed (for logs and old clients)."""
        return self.render(chinese)

    def to_data(self) -> dict[str, Any]:
        """The message as JSON data: {"source", "n"?, "args"?} (see `from_data`)."""
        data: dict[str, Any] = {"source": self.source}
        if self.n is not None:
            data["n"] = self.n
        if self.args:
            data["args"] = {key: _arg_data(value) for key, value in self.args.items()}
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        """A message from `to_data`'s JSON, rendered in the installed language."""
        args = {key: _arg_from_data(value) for key, value in (data.get("args") or {}).items()}
        n = data.get("n")
        return cls(str(data["source"]), n=n if isinstance(n, int) else None, **args)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.source, self.n, self.args))


def _rebuild(source: str, n: int | None, args: dict[str, Any]) -> Message:
    return Message(source, n=n, **args)


def _arg_data(value: Any) -> Any:
    """An argument as JSON: data as is; {"label": …}, {"message": …} or {"list": […]}."""
    if isinstance(value, Message):
        return {"message": value.to_data()}
    if isinstance(value, Label):
        return {"label": str(value)}
    if isinstance(value, tuple | list):
        return {"list": [_arg_data(item) for item in value]}
    if isinstance(value, bool) or not isinstance(value, int):
        return str(value)
    return value


def _arg_from_data(value: Any) -> Any:
    if isinstance(value, dict):
        if isinstance(value.get("label"), str):
            return Label(value["label"])
        if isinstance(value.get("message"), dict) and "source" in value["message"]:
            return Message.from_data(value["message"])
        if isinstance(value.get("list"), list):
            return tuple(_arg_from_data(item) for item in value["list"])
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value)


def message_data(text: str) -> dict[str, Any] | None:
    """The wire data of `text` when it is a message, else None (a plain text of data)."""
    return text.to_data() if isinstance(text, Message) else None


def chinese_text(text: str) -> str:
    """`text` in Chinese: a message rendered from its source, any other text as it is."""
    return text.chinese() if isinstance(text, Message) else str(text)


def labels(values: Iterable[Any]) -> tuple[Label, ...]:
    """The Chinese labels of codes (anything with `.label`) as arguments."""
    return tuple(Label(value.label) for value in values)
