"""The queue as an exported list: its title from its filter, and every row of its filter and
sort read from the store in a worker (the queue's model holds ids and builds rows on demand,
so an export cannot take the rows it has loaded).

The rows are the queue's own (`desktop.store.queues.ClueRow`, `queue_model.row_texts`): the
code, status, warning, countdown, the party reported, address, summary, deadline, channel,
category, priority, area, unit and the time received. A reporter's name or phone is never
one of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.codes import Category, Channel, Priority
from desktop.store.queues import Queue, QueueFilter, count, query_page
from desktop.ui.labels import label, label_of
from desktop.ui.queue_model import (
    Column,
    QueueModel,
    live_at,
    row_texts,
    sql_order,
    typed_value,
)
from desktop.ui.table_export import ExportTitle, Rows, RowsFn
from desktop.ui.tasks import Task
from desktop.ui.workspace import Workspace

CONTEXT = "QueueExport"
PAGE_ROWS = 2000
"""Rows read from the store at a time (the progress moves on after each)."""


def queue_title(workspace: Workspace, flt: QueueFilter, codes_caption: str = "") -> ExportTitle:
    """The queue's list title: 待签收线索清单（一般，新海街道，受理时间 … 至 …）."""
    queue = flt.queue
    if queue is Queue.ALL:
        name, stem = (
            QCoreApplication.translate("QueueExport", "线索清单"),
            QCoreApplication.translate("QueueExport", "线索"),
        )
    else:
        name = QCoreApplication.translate("QueueExport", "{0}线索清单").format(label(queue))
        stem = label(queue)
    phrases: list[str] = []
    if flt.codes is not None:
        phrases.append(
            codes_caption
            or QCoreApplication.translate("QueueExport", "指定的 {0} 条线索").format(len(flt.codes))
        )
    phrases += [label_of(Channel, c) for c in sorted(flt.channels)]
    phrases += [label_of(Category, c) for c in sorted(flt.categories)]
    phrases += [label_of(Priority, c) for c in sorted(flt.priorities)]
    if flt.county_code:
        phrases.append(workspace.unit_name(flt.county_code))
    if flt.township_code:
        phrases.append(workspace.unit_name(flt.township_code))
    levels = [level for level in sorted(flt.warning_levels)]
    if levels:
        phrases.append(
            QCoreApplication.translate("QueueExport", "、").join(
                QueueModel.warning_text(lv).split(" ")[-1]
                if lv
                else QCoreApplication.translate("QueueExport", "无预警")
                for lv in levels
            )
        )
    if flt.received_from or flt.received_to:
        start = flt.received_from.isoformat() if flt.received_from else ""
        end = flt.received_to.isoformat() if flt.received_to else ""
        phrases.append(
            QCoreApplication.translate("QueueExport", "受理时间 {0} 至 {1}").format(start, end)
        )
    if flt.text.strip():
        phrases.append(
            QCoreApplication.translate("QueueExport", "搜索：{0}").format(flt.text.strip())
        )
    return ExportTitle(name, tuple(phrases), stem)


def queue_rows(model: QueueModel) -> RowsFn:
    """The reader of every row of the queue's filter in its sort order, from the store, as
    the export starts (filter, sort and the clock are taken now)."""
    workspace = model.workspace
    flt = model.queue_filter()
    order = sql_order(model.sort_column(), model.sort_order())
    assert order is not None
    key, descending = order
    now = workspace.now()
    bounds = workspace.bounds(now)
    viewer = workspace.viewer
    store = workspace.store

    def read(columns: Sequence[int], task: Task[Any] | None) -> Rows:
        values: list[list[Any]] = []
        texts: list[list[str]] = []
        with store.session() as session:
            total = count(session, viewer, flt, bounds)
            cursor = None
            while True:
                if task is not None and task.cancelled:
                    break
                page = query_page(
                    session,
                    viewer,
                    flt,
                    bounds,
                    sort=key,
                    descending=descending,
                    limit=PAGE_ROWS,
                    after=cursor,
                )
                for clue in page.rows:
                    live = live_at(clue.deadline, now, workspace)
                    shown = list(row_texts(workspace, clue))
                    shown[Column.WARNING] = QueueModel.warning_text(live.level)
                    shown[Column.COUNTDOWN] = live.short
                    texts.append([shown[c] for c in columns])
                    values.append([_typed(clue, c, shown[c]) for c in columns])
                if task is not None:
                    task.report("rows", len(values), total)
                cursor = page.next_cursor
                if cursor is None:
                    break
        return values, texts

    return read


def _typed(clue: Any, column: int, text: str) -> Any:
    value = typed_value(clue, column)
    return text if value is None else value
