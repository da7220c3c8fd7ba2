"""Generating demo data in a second process while this one writes it (the seeders' pipeline)."""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 20_000
"""From this many clues on, a second process generates while this one writes."""


def _produce(
    out: Any, producer: Callable[..., Iterator[Any]], args: tuple[Any, ...]
) -> None:  # pragma: no cover - runs in the child process
    try:
        for item in producer(*args):
            out.put(item)
        out.put(None)
    except BaseException:
        out.put(traceback.format_exc())


def produced_in_child(
    producer: Callable[..., Iterator[T]], args: tuple[Any, ...], name: str
) -> Iterator[T]:
    """The items of `producer(*args)`, made in a spawned process (a module-level function).

    A failure in the child is raised here with its traceback; a child that dies is reported.
    """
    context = multiprocessing.get_context("spawn")
    channel = context.Queue(maxsize=3)
    child = context.Process(target=_produce, args=(channel, producer, args), name=name)
    child.start()
    try:
        while True:
            try:
                item = channel.get(timeout=1.0)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(
                        f"演示数据生成进程意外退出（退出码 {child.exitcode}）"
                    ) from None
                continue
            if item is None:
                break
            if isinstance(item, str):
                raise RuntimeError("演示数据生成失败：\n" + item)
            yield item
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
