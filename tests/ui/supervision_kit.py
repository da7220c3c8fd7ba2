"""What the supervision window tests share: the commission and the street of the demo city, a
clue of the street, and suggestions put in through the store API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.domain.timeutil import CHINA_TZ
from desktop.store.database import Store
from desktop.store.models import Clue
from desktop.store.supervision import issue_suggestion
from desktop.ui.workspace import Workspace

COMMISSION = "hzjw"
"""海州区纪委监委's user."""
STREET_USER = "xinhai"
"""新海街道's head."""
STREET, OTHER_STREET = "320706001", "320706002"


def street_clues(store: Store, unit: str = STREET, count: int = 3) -> list[str]:
    """Codes of clues led by `unit`."""
    with store.session() as session:
        return list(
            session.scalars(
                select(Clue.code).where(Clue.lead_unit == unit).order_by(Clue.code).limit(count)
            )
        )


def issue(workspace: Workspace, *, at: datetime | None = None, **changes: Any) -> str:
    """Issue a suggestion as the commission's user; its id."""
    payload = {
        "kind": "supervision",
        "number": "海监建〔2026〕1号",
        "addressed_unit": STREET,
        "clue_codes": [],
        "title": "关于加强线索办理工作的监察建议",
        "text": "线索签收不及时。\n建议事项：\n健全线索签收制度\n明确专人负责",
        "basis": "《中华人民共和国监察法》第四十五条",
        "reply_days": 5,
        **changes,
    }
    done = issue_suggestion(
        workspace.store, workspace.username, workspace.device_id, payload, now=at or workspace.now()
    )
    return done.record_id


EARLY = datetime(2026, 11, 2, 10, tzinfo=CHINA_TZ)
"""An issue time whose 5-day reply deadline is long past at the tests' now."""


def red_clue(workspace: Workspace, county: str = "320706") -> str:
    """A clue of the county whose running stage is at warning level 3 now, led by a unit."""
    from desktop.domain.supervision_common import red_now
    from desktop.store.supervision_rows import local_clue

    with workspace.store.session() as session:
        codes = session.scalars(
            select(Clue.code)
            .where(
                Clue.county_code == county, Clue.lead_unit.is_not(None), Clue.closed_at.is_(None)
            )
            .order_by(Clue.code)
        )
        for code in codes:
            clue = local_clue(session, code)
            if clue is not None and red_now(
                clue, workspace.now(), workspace.calendar, workspace.rules
            ):
                return code
    raise LookupError("no red clue in the demo store")
