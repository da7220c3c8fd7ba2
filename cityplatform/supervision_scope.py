"""Who sees the commissions' own records: a suggestion its issuing commission, the other
commission users of the addressed unit's area (the city commission: all) and the addressed
unit; an accountability record likewise the commission side and the unit concerned only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, true

from cityplatform.models import AccountabilityRecord, Suggestion
from cityplatform.scope import Viewer


def _filter(viewer: Viewer, own: Any, addressed: Any, area: Any) -> ColumnElement[bool]:
    code = viewer.unit.code
    mine = or_(own == code, addressed == code)
    if not viewer.supervisor:
        return addressed == code
    if viewer.unit.county_code is None:
        return true()
    return or_(mine, area == viewer.unit.county_code)


def suggestion_filter(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over `suggestions` selecting those the viewer sees."""
    return _filter(
        viewer, Suggestion.issuing_unit, Suggestion.addressed_unit, Suggestion.area_county
    )


def accountability_filter(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over `accountability_records` selecting those the viewer sees."""
    return _filter(
        viewer,
        AccountabilityRecord.commission_unit,
        AccountabilityRecord.unit_concerned,
        AccountabilityRecord.area_county,
    )


def sees_record(viewer: Viewer, own: str, addressed: str, area: str | None) -> bool:
    """Whether the viewer sees a record issued by `own` to `addressed` in county `area`."""
    code = viewer.unit.code
    if not viewer.supervisor:
        return addressed == code
    county = viewer.unit.county_code
    return county is None or code in (own, addressed) or area == county
