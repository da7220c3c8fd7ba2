"""End to end: a tackling office's devices keep a stock of circular numbers (月度通报) from the
real city platform, and two devices of one office never print the same number."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from desktop.domain.notice_numbers import parse_number
from desktop.domain.timeutil import china_now
from desktop.store.circular import next_circular_number, take_circular_number
from desktop.store.number_blocks import CIRCULAR_SERIES, number_blocks, number_stock

if TYPE_CHECKING:
    from sync_testkit import Device, Platform

pytestmark = pytest.mark.slow

Make = Callable[[str], "Device"]


def test_two_devices_of_a_county_office_take_circular_numbers_that_never_collide(
    platform: Platform, device: Make
) -> None:
    a, b = device("county"), device("county")
    assert a.sync().numbers_reserved == 20  # circular numbers only: the office issues no notice
    assert b.sync().numbers_reserved == 20
    office, year = platform.unit("county"), china_now().year
    assert number_stock(a.store, office, year, CIRCULAR_SERIES) == 20
    [mine], [theirs] = (
        number_blocks(a.store, office, CIRCULAR_SERIES),
        number_blocks(b.store, office, CIRCULAR_SERIES),
    )
    assert mine.last < theirs.first or theirs.last < mine.first
    peeked = next_circular_number(a.store, office, year)
    taken_a = [take_circular_number(a.store, office, year) for _ in range(3)]
    taken_b = [take_circular_number(b.store, office, year) for _ in range(3)]
    assert taken_a[0] == peeked
    assert len(set(taken_a + taken_b)) == 6
    for number in taken_a + taken_b:
        assert number is not None
        parsed = parse_number(number)
        assert parsed is not None and parsed[0] == "海攻坚通" and parsed[1] == year
    assert number_stock(a.store, office, year, CIRCULAR_SERIES) == 17
    township = device("township")
    township.sync()
    assert number_blocks(township.store, platform.unit("township"), CIRCULAR_SERIES) == []
