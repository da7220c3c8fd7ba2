"""The seeders' pipeline: items made in a spawned process, failures brought back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.demo.child import produced_in_child


def squares(count: int) -> Iterator[tuple[int, int]]:
    """A producer the child process runs (module level, so it can be spawned)."""
    for n in range(count):
        yield n, n * n


def failing(count: int) -> Iterator[int]:
    """Yields, then fails: the failure must come back with its traceback."""
    yield from range(count)
    raise ValueError("坏数据")


def test_items_come_back_in_order() -> None:
    assert list(produced_in_child(squares, (5,), "test-squares")) == [
        (0, 0),
        (1, 1),
        (2, 4),
        (3, 9),
        (4, 16),
    ]


def test_a_failure_in_the_child_is_raised_with_its_traceback() -> None:
    seen: list[int] = []
    with pytest.raises(RuntimeError) as failed:
        for item in produced_in_child(failing, (2,), "test-failing"):
            seen.append(item)
    assert seen == [0, 1]
    assert "演示数据生成失败" in str(failed.value) and "ValueError: 坏数据" in str(failed.value)
