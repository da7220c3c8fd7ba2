"""Document-number blocks the platform reserved for this device: kept, counted and used up.

A notice issued offline takes the lowest unused number of a block for its unit and year in
the transaction that issues it, so two notices of one device never share a number; blocks
of two devices never overlap (the platform hands them out), so neither do their numbers.
Each series counts on its own: notices' numbers ("notice"), the 立案号 of penalty cases
("case") and the numbers of 行政处罚决定书 ("decision").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.domain.codes import Role
from desktop.domain.notice_numbers import CASE_SERIES, DECISION_SERIES
from desktop.domain.timeutil import china_now, to_china
from desktop.store.clue_rows import load_rules, unit_info
from desktop.store.database import Store
from desktop.store.models import NumberBlock, Unit

BLOCK_SIZE = 20
"""How many numbers a sync asks for at a time."""

LOW_STOCK = 5
"""A sync asks for a new block when fewer unused numbers than this remain."""

NOTICE_SERIES = "notice"
CIRCULAR_SERIES = "circular"
SERIES = (NOTICE_SERIES, CASE_SERIES, DECISION_SERIES, CIRCULAR_SERIES)
"""The series of document numbers: notices', 立案号, 行政处罚决定书 numbers and the numbers
of a tackling office's monthly circulars (月度通报)."""


@dataclass(frozen=True)
class Block:
    """A block of numbers first..last; `next_seq` is the next unused one."""

    block_id: int
    unit_code: str
    year: int
    first: int
    last: int
    next_seq: int
    series: str = NOTICE_SERIES

    @property
    def left(self) -> int:
        """How many numbers of the block are still unused."""
        return max(0, self.last - self.next_seq + 1)


def issues_notices(store: Store, unit_code: str, role: str) -> bool:
    """Whether a user of `role` in the unit issues notices (a handler of a township, street
    or department): only they need document numbers."""
    if role != Role.HANDLER.value:
        return False
    with store.session() as session:
        unit = session.get(Unit, unit_code)
        return unit is not None and unit_info(unit).handles


def issues_circulars(store: Store, unit_code: str, role: str) -> bool:
    """Whether a user of `role` in the unit issues monthly circulars (a dispatcher of a
    tackling office): they keep a stock of circular numbers."""
    if role != Role.DISPATCHER.value:
        return False
    with store.session() as session:
        unit = session.get(Unit, unit_code)
        return unit is not None and unit_info(unit).dispatches


def files_cases(store: Store, unit_code: str, role: str) -> bool:
    """Whether a user of `role` in the unit files penalty cases (a handler of a unit the
    published powers give that power): they need case and decision numbers too."""
    if role != Role.HANDLER.value:
        return False
    with store.session() as session:
        unit = session.get(Unit, unit_code)
        return unit is not None and load_rules(session).powers.may_file_case(unit_info(unit))


def _count(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"编号段的 {key} 应为非负整数，而不是 {value!r}")
    return value


def save_number_block(
    store: Store, block: Mapping[str, Any], *, now: datetime | None = None
) -> Block:
    """Keep a block the platform answered ({"block_id", "unit_code", "year", "first", "last",
    "series"}; no series: notice numbers).

    Saving the same block again changes nothing. ValueError for a malformed block.
    """
    block_id, year = _count(block, "block_id"), _count(block, "year")
    first, last = _count(block, "first"), _count(block, "last")
    unit = block.get("unit_code")
    series = block.get("series") or NOTICE_SERIES
    if not isinstance(unit, str) or not unit or not 1 <= first <= last or series not in SERIES:
        raise ValueError(f"编号段无效：{dict(block)!r}")
    moment = to_china(now) if now is not None else china_now()
    with store.session() as session, session.begin():
        row = session.get(NumberBlock, block_id)
        if row is None:
            row = NumberBlock(
                block_id=block_id,
                unit_code=unit,
                year=year,
                first=first,
                last=last,
                next_seq=first,
                received_at=moment,
                series=series,
            )
            session.add(row)
        return _block(row)


def _block(row: NumberBlock) -> Block:
    return Block(
        row.block_id, row.unit_code, row.year, row.first, row.last, row.next_seq, row.series
    )


_LEFT = NumberBlock.last - NumberBlock.next_seq + 1


def stock_in(session: Session, unit_code: str, year: int, series: str = NOTICE_SERIES) -> int:
    """Unused numbers of the blocks of a unit, year and series (in the caller's transaction)."""
    statement = select(func.coalesce(func.sum(_LEFT), 0)).where(
        NumberBlock.unit_code == unit_code,
        NumberBlock.year == year,
        NumberBlock.series == series,
        NumberBlock.next_seq <= NumberBlock.last,
    )
    return int(session.scalar(statement) or 0)


def number_stock(store: Store, unit_code: str, year: int, series: str = NOTICE_SERIES) -> int:
    """How many unused numbers of a series this device holds for a unit and year."""
    with store.session() as session:
        return stock_in(session, unit_code, year, series)


def number_blocks(
    store: Store, unit_code: str | None = None, series: str | None = NOTICE_SERIES
) -> list[Block]:
    """The blocks this device holds (of one unit, of one series — notices' by default, every
    series for None), oldest first."""
    statement = select(NumberBlock).order_by(NumberBlock.year, NumberBlock.first)
    if unit_code is not None:
        statement = statement.where(NumberBlock.unit_code == unit_code)
    if series is not None:
        statement = statement.where(NumberBlock.series == series)
    with store.session() as session:
        return [_block(r) for r in session.scalars(statement)]


def take_number(
    session: Session, unit_code: str, year: int, series: str = NOTICE_SERIES
) -> tuple[int, int] | None:
    """Use the lowest unused number of a unit, year and series, in the caller's transaction.

    One UPDATE … RETURNING: atomic even if two transactions of this store raced for it.
    Returns (year, seq), or None when the device holds no unused number.
    """
    lowest = (
        select(NumberBlock.block_id)
        .where(
            NumberBlock.unit_code == unit_code,
            NumberBlock.year == year,
            NumberBlock.series == series,
            NumberBlock.next_seq <= NumberBlock.last,
        )
        .order_by(NumberBlock.first)
        .limit(1)
        .scalar_subquery()
    )
    taken = session.execute(
        update(NumberBlock)
        .where(NumberBlock.block_id == lowest, NumberBlock.next_seq <= NumberBlock.last)
        .values(next_seq=NumberBlock.next_seq + 1)
        .returning(NumberBlock.next_seq)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if taken is None:
        return None
    return year, int(taken) - 1
