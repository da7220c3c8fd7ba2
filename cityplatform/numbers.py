"""POST /api/v1/number-blocks: document numbers a device may use offline — notices' numbers,
the 立案号 of penalty cases and the numbers of 行政处罚决定书, each series counted per unit and
year."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from cityplatform import audit
from cityplatform.audit import AuditActor
from cityplatform.auth import CallerDep
from cityplatform.context import platform_of
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, error_responses, invalid
from cityplatform.jsonresp import wire_response
from cityplatform.models import NumberBlock
from cityplatform.state import bump_counter
from desktop.domain.codes import Role
from desktop.wire.reference import BlockOut, BlockRequest

router = APIRouter(prefix="/api/v1", tags=["numbers"])


def number_counter(series: str, unit_code: str, year: int) -> str:
    """The counter name of a unit's numbers of a series and `year`: notice:UNIT:YEAR (the name
    notice numbers always had), case:UNIT:YEAR, decision:UNIT:YEAR."""
    return f"{series}:{unit_code}:{year}"


def notice_counter(unit_code: str, year: int) -> str:
    """The counter name of a unit's notice numbers of `year`."""
    return number_counter("notice", unit_code, year)


@router.post(
    "/number-blocks",
    response_model=BlockOut,
    responses=error_responses(*AUTHENTICATED_ERRORS, 403),
    summary="申请文书编号段",
)
def number_block(body: BlockRequest, request: Request, caller: CallerDep) -> Response:
    """Reserve `size` (≤ 50) numbers of a series for the caller's unit and `year`; blocks of a
    series never overlap. Case and decision numbers only for a unit that files penalty cases,
    circular numbers (月度通报) only for a tackling office."""
    platform = platform_of(request)
    most = platform.settings.limits.number_block
    if body.device_id != caller.device_id:
        raise ApiError(403, "forbidden", "device_id 与登录的设备不一致")
    if body.unit_code != caller.unit.code:
        raise ApiError(403, "forbidden", "只能为本单位申请文书编号")
    if caller.viewer.supervisor:  # the commission numbers its own documents by hand
        raise ApiError(403, "forbidden", "纪委监委不签发通知书和处罚文书，不需要文书编号")
    if not 1 <= body.size <= most:
        raise invalid(f"size 应在 1 到 {most} 之间", "size")
    if not 2000 <= body.year <= 2100:
        raise invalid("year 应在 2000 到 2100 之间", "year")
    now = platform.now()
    if body.series == "circular":
        if caller.role is not Role.DISPATCHER or not caller.unit.dispatches:
            raise ApiError(403, "forbidden", "只有攻坚办发布月度通报，本单位不能申请通报编号")
    elif body.series != "notice":
        with platform.db.read() as session:
            rules = platform.rulebook(session).rules
        if not rules.powers.may_file_case(caller.unit):
            raise ApiError(403, "forbidden", "本单位没有行政处罚权，不能申请立案或处罚决定书编号")
    with platform.db.write() as session:
        counter = number_counter(body.series, body.unit_code, body.year)
        last = bump_counter(session, counter, body.size)
        block = NumberBlock(
            unit_code=body.unit_code,
            year=body.year,
            first=last - body.size + 1,
            last=last,
            device_id=body.device_id,
            username=caller.username,
            created_at=now,
            series=body.series,
        )
        session.add(block)
        session.flush()
        answer = {
            "block_id": block.id,
            "unit_code": block.unit_code,
            "year": block.year,
            "first": block.first,
            "last": block.last,
            "series": block.series,
        }
        actor = AuditActor(caller.username, caller.device_id)
        audit.append(session, audit.NUMBER_BLOCK, actor, answer, now)
        session.commit()
    return wire_response(BlockOut, answer)
