"""The run's one table: as text for the terminal, as Markdown for docs/performance.md."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.timing import Measure

COLUMNS = ("benchmark", "figure", "ours", "floor", "ratio", "target", "result")
"""The Markdown table's columns (the text table groups rows under their benchmark instead)."""
BEGIN = "<!-- bench:table begins (written by `python -m bench --markdown FILE`) -->"
END = "<!-- bench:table ends -->"
CRASHED = "CRASHED"


@dataclass
class Outcome:
    """What one benchmark gave in a run: its figures, or the error it crashed with."""

    name: str
    title: str
    measures: list[Measure] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    traceback: str = ""


@dataclass
class Report:
    """A whole run: its size, the machine it ran on, every benchmark's outcome."""

    size: str
    machine: dict[str, str]
    outcomes: list[Outcome]
    seconds: float = 0.0

    @property
    def crashed(self) -> list[str]:
        """The names of the benchmarks that crashed."""
        return [o.name for o in self.outcomes if o.error is not None]

    @property
    def missed(self) -> list[str]:
        """The figures that missed their target, as `benchmark: figure`."""
        return [f"{o.name}: {m.name}" for o in self.outcomes for m in o.measures if not m.ok]


def amount(value: float, unit: str) -> str:
    """A figure for reading: milliseconds below a second, else seconds; memory in MB."""
    if not math.isfinite(value):
        return "—"
    if unit != "ms":
        return f"{value:.0f} {unit}"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value < 1:
        return f"{value:.3f} ms"
    return f"{value:.2f} ms" if value < 100 else f"{value:.1f} ms"


def limit(value: float, unit: str) -> str:
    """A target for reading: as few digits as it has (50 ms, 1.5 s, 350 MB)."""
    if unit != "ms":
        return f"{value:.4g} {unit}"
    return f"{value / 1000:.3g} s" if value >= 1000 else f"{value:.3g} ms"


def display_width(text: str) -> int:
    """How many terminal columns a text takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """`text` filled with spaces to `width` terminal columns."""
    return text + " " * max(width - display_width(text), 0)


def cells(measure: Measure) -> tuple[str, str, str, str, str]:
    """Ours, floor, ratio, target and result of one figure, as printed."""
    has_floor = measure.floor_ms > 0
    ratio = f"{measure.ratio:.2f}" if has_floor else "—"
    if math.isfinite(measure.target_ms):
        sign = "≥ " if measure.higher_is_better else "≤ "
        target = sign + limit(measure.target_ms, measure.unit)
        result = "ok" if measure.ok else "MISSED"
    else:
        target, result = "—", "reported"
    floor = amount(measure.floor_ms, measure.unit) if has_floor else "—"
    return amount(measure.ours_ms, measure.unit), floor, ratio, target, result


def headline(report: Report) -> str:
    """The run's first line: its size and how long it took."""
    return f"cluedesk benchmarks, {report.size}; whole run {report.seconds:.0f} s"


def machine_line(report: Report) -> str:
    """The machine the run measured, on one line."""
    return "machine: " + "; ".join(f"{k} {v}" for k, v in report.machine.items())


def summary(report: Report) -> str:
    """The run's last line: what missed and what crashed."""
    count = sum(len(o.measures) for o in report.outcomes)
    text = f"{count} figures, {len(report.missed)} MISSED"
    if report.crashed:
        text += f"; CRASHED: {', '.join(report.crashed)}"
    return text


def text_table(report: Report) -> str:
    """The whole table for a terminal, grouped by benchmark."""
    width = max([44, *(display_width(m.name) for o in report.outcomes for m in o.measures)]) + 2
    head = f"{'figure':<{width}}{'ours':>11}{'floor':>11}{'ratio':>8}{'target':>13}  result"
    lines = [headline(report), machine_line(report), "", head, "-" * len(head)]
    for outcome in report.outcomes:
        if outcome.error is not None:
            lines.append(
                f"[{outcome.name}] {CRASHED} after {outcome.seconds:.1f} s: {outcome.error}"
            )
            continue
        lines.append(f"[{outcome.name}] {outcome.title} ({outcome.seconds:.1f} s)")
        for measure in outcome.measures:
            ours, floor, ratio, target, result = cells(measure)
            lines.append(
                f"{pad(measure.name, width)}{ours:>11}{floor:>11}{ratio:>8}{target:>13}  {result}"
            )
    lines += ["-" * len(head), summary(report)]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table(report: Report) -> str:
    """The same table in Markdown, between the markers `write_markdown` replaces."""
    lines = [
        BEGIN,
        f"{headline(report)}.",
        "",
        *(f"- {name}: {value}" for name, value in report.machine.items()),
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    for outcome in report.outcomes:
        if outcome.error is not None:
            error = _escape(f"(crashed: {outcome.error})")
            lines.append(f"| {outcome.name} | {error} |  |  |  |  | {CRASHED} |")
        for measure in outcome.measures:
            row = (outcome.name, _escape(measure.name), *cells(measure))
            lines.append("| " + " | ".join(row) + " |")
    lines += ["", summary(report) + ".", END]
    return "\n".join(lines) + "\n"


def write_markdown(report: Report, text: str | None) -> str:
    """The Markdown file's new text: `text` with the table between its markers replaced (the
    rest kept as it is), or the table alone when `text` is None or has no markers."""
    table = markdown_table(report)
    if text is None or BEGIN not in text or END not in text:
        return table
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    return before + table.rstrip("\n") + after


def parse_markdown(text: str) -> list[dict[str, str]]:
    """The rows of the table a Markdown text holds (written by `markdown_table`), by column."""
    rows: list[dict[str, str]] = []
    header: Sequence[str] | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            if header is not None:
                break  # the table ends
            continue
        parts = _split_row(line)
        if header is None:
            if tuple(parts) == COLUMNS:
                header = parts
            continue
        if all(set(part) <= set("-:") for part in parts):
            continue
        rows.append(dict(zip(header, parts, strict=True)))
    return rows


def _split_row(line: str) -> list[str]:
    """The cells of one Markdown table row (`\\|` inside a cell is a literal bar)."""
    inner = line.strip()[1:-1]
    parts, current, index = [], "", 0
    while index < len(inner):
        if inner.startswith("\\|", index):
            current += "|"
            index += 2
            continue
        if inner[index] == "|":
            parts.append(current.strip())
            current = ""
        else:
            current += inner[index]
        index += 1
    parts.append(current.strip())
    return parts
