"""A new notice's content prefilled from its clue (the party, the facts, suggested clauses)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from desktop.domain.codes import Category, Channel
from desktop.domain.notice_content import Clause, NoticeContent, NoticeKind
from desktop.domain.units import UnitDirectory, UnitInfo


class ClueFacts(Protocol):
    """What a draft takes from a clue (a clue row or the detail view's ClueDetail)."""

    @property
    def subject_name(self) -> str: ...

    @property
    def subject_credit_code(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def category(self) -> Any: ...

    @property
    def channel(self) -> Any: ...

    @property
    def channel_ref(self) -> str: ...


CATEGORY_LAWS: Mapping[str, tuple[str, ...]] = {
    Category.AIR.value: ("大气污染防治法",),
    Category.WATER.value: ("水污染防治法",),
    Category.SOIL.value: ("土壤污染防治法",),
    Category.NOISE.value: ("噪声污染防治法",),
    Category.SOLID_WASTE.value: ("固体废物污染环境防治法",),
    Category.RADIATION.value: ("放射性污染防治法",),
    Category.ECOLOGY.value: ("环境保护法",),
    Category.OTHER.value: ("环境保护法",),
}
"""Which laws a clue's category usually cites (clauses are suggested from the library)."""

DEFAULT_DEADLINE_DAYS = 10
CITY_NAME = "连云港市"


def _area_name(unit: UnitInfo, directory: UnitDirectory) -> str:
    office = directory.get(unit.county_code) if unit.county_code else None
    if office is None:
        return CITY_NAME
    for suffix in ("污染防治攻坚办", "攻坚办"):
        if office.name.endswith(suffix):
            return office.name[: -len(suffix)]
    return office.name


def draft_content_from_clue(
    clue: ClueFacts,
    unit: UnitInfo,
    directory: UnitDirectory,
    kind: NoticeKind = NoticeKind.RECTIFICATION,
    clauses: Sequence[Clause] = (),
) -> NoticeContent:
    """A new notice's content prefilled from a clue, for `unit` to edit and issue.

    The party, credit code and address come from the clue's subject; the facts from its
    description, citing the channel's number when the clue has one; clauses of `clauses`
    (the library) whose law fits the clue's category are suggested; the remedies name the
    area's people's government and court.
    """
    category = str(getattr(clue.category, "value", clue.category))
    laws = CATEGORY_LAWS.get(category, ())
    cited = tuple(c.clause_id for c in clauses if any(law in c.law for law in laws))[:3]
    area = _area_name(unit, directory)
    party = clue.subject_name or ""
    facts = f"经查，{party or '你单位'}（地址：{clue.address}）存在以下问题：{clue.description}"
    if clue.channel_ref:  # the channel's own number goes on paper with the facts
        channel = Channel.from_text(str(getattr(clue.channel, "value", clue.channel)))
        facts = f"根据{channel.label}（编号：{clue.channel_ref}）反映，{facts}"
    if kind is NoticeKind.CORRECTION_ORDER:
        consequences = "逾期不改正的，我局将依法作出行政处罚决定。"
    else:
        consequences = "逾期未整改或整改不到位的，将依法移送生态环境主管部门立案查处。"
    credit = clue.subject_credit_code or ""
    return NoticeContent(
        party_name=party,
        credit_code=credit,
        address=clue.address or "",
        facts=facts[:4000],
        evidence=("现场检查（勘察）笔录", "现场照片"),
        clause_ids=cited,
        order="立即停止上述违法行为，并按要求完成整改。",
        deadline_days=DEFAULT_DEADLINE_DAYS,
        report_requirement="请于整改期限届满前将整改情况书面报告我单位。",
        consequences=consequences,
        review_body=f"{area}人民政府",
        litigation_court=f"{area}人民法院",
        authority=unit.name,
    )
