"""Code tables: statuses, roles, unit kinds, priorities, categories and intake channels."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A string enum whose members carry a Chinese label for the UI and print."""

    @property
    def label(self) -> str:
        """The Chinese name shown to users."""
        return _LABELS[self]

    @classmethod
    def from_text(cls, text: str) -> Self:
        """Return the member named by its code or its Chinese label; raise ValueError otherwise."""
        lookup = _LOOKUPS.get(cls)
        if lookup is None:
            lookup = {}
            for member in cls:
                lookup[member.value] = member
                lookup[member.label] = member
            _LOOKUPS[cls] = lookup
        try:
            return lookup[text.strip()]  # type: ignore[return-value]
        except KeyError:
            raise ValueError(text) from None


_LOOKUPS: dict[type[Labelled], dict[str, Labelled]] = {}


class Status(Labelled):
    """Where a clue stands in the closed loop."""

    REGISTERED = "registered"
    DISPATCHED = "dispatched"
    HANDLING = "handling"
    REVIEWING = "reviewing"
    CLOSED = "closed"
    RETURNED = "returned"
    SIGNOFF = "signoff"
    DUPLICATE = "duplicate"
    REFUSED = "refused"


OPEN_STATUSES = frozenset(
    {
        Status.REGISTERED,
        Status.RETURNED,
        Status.DISPATCHED,
        Status.HANDLING,
        Status.SIGNOFF,
        Status.REVIEWING,
    }
)
"""Statuses with a running stage deadline. A duplicate (重复件) follows its original and has
none of its own; a refused item (不予受理) and a closed clue are done."""

DONE_STATUSES = frozenset({Status.CLOSED, Status.REFUSED})
"""Statuses in which the loop is finished (办结 or 不予受理)."""


class Role(Labelled):
    """What a user may do."""

    HANDLER = "handler"
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Post(Labelled):
    """An account's post within its unit: the clerk does the work, the head signs it off."""

    CLERK = "clerk"
    HEAD = "head"


class Finding(Labelled):
    """Whether the complaint of a clue was found true (核查结论)."""

    TRUE = "true"
    PARTLY_TRUE = "partly_true"
    UNTRUE = "untrue"

    @property
    def needs_evidence(self) -> bool:
        """A true or partly true finding is backed by evidence (photos, records)."""
        return self is not Finding.UNTRUE


class CallbackResult(Labelled):
    """What the callback to the reporter (回访) found: their verdict, or that nobody answered."""

    SATISFIED = "satisfied"
    BASICALLY = "basically"
    UNSATISFIED = "unsatisfied"
    UNREACHED = "unreached"


class UnitKind(Labelled):
    """The kind of a unit in the unit tree."""

    CITY_OFFICE = "city_office"
    COUNTY_OFFICE = "county_office"
    ZONE_OFFICE = "zone_office"
    TOWNSHIP = "township"
    STREET = "street"
    DEPARTMENT = "department"
    DISCIPLINE = "discipline"


DISPATCHING_KINDS = frozenset({UnitKind.CITY_OFFICE, UnitKind.COUNTY_OFFICE, UnitKind.ZONE_OFFICE})


class Priority(Labelled):
    """How urgent a clue is; decides the handling time limit."""

    NORMAL = "normal"
    URGENT = "urgent"
    CRITICAL = "critical"


class Category(Labelled):
    """The pollution category of a clue."""

    AIR = "air"
    WATER = "water"
    SOIL = "soil"
    NOISE = "noise"
    SOLID_WASTE = "solid_waste"
    RADIATION = "radiation"
    ECOLOGY = "ecology"
    OTHER = "other"


class Channel(Labelled):
    """The 17 intake channels (举报途径) through which clues reach the platform."""

    HOTLINE_12345 = "hotline_12345"
    HOTLINE_12369 = "hotline_12369"
    HIGHER_ASSIGNMENT = "higher_assignment"
    INSPECTION_ASSIGNMENT = "inspection_assignment"
    MOBILE_ENFORCEMENT = "mobile_enforcement"
    DAILY_INSPECTION = "daily_inspection"
    MEDIA_EXPOSURE = "media_exposure"
    PETITION = "petition"
    ONLINE_MONITORING = "online_monitoring"
    DEPARTMENT_TRANSFER = "department_transfer"
    INTERNET_OPINION = "internet_opinion"
    LEADER_MAILBOX = "leader_mailbox"
    NPC_CPPCC = "npc_cppcc"
    GRID_PATROL = "grid_patrol"
    REMOTE_SENSING = "remote_sensing"
    DISCIPLINE_TRANSFER = "discipline_transfer"
    WECHAT_REPORT = "wechat_report"


_LABELS: dict[Labelled, str] = {
    Status.REGISTERED: "已登记",
    Status.DISPATCHED: "待签收",
    Status.HANDLING: "办理中",
    Status.REVIEWING: "待审核",
    Status.CLOSED: "已办结",
    Status.RETURNED: "已退回",
    Status.SIGNOFF: "待审签",
    Status.DUPLICATE: "重复件",
    Status.REFUSED: "不予受理",
    Post.CLERK: "经办人",
    Post.HEAD: "负责人",
    Finding.TRUE: "属实",
    Finding.PARTLY_TRUE: "部分属实",
    Finding.UNTRUE: "不属实",
    CallbackResult.SATISFIED: "满意",
    CallbackResult.BASICALLY: "基本满意",
    CallbackResult.UNSATISFIED: "不满意",
    CallbackResult.UNREACHED: "未能联系上举报人",
    Role.HANDLER: "办理人员",
    Role.DISPATCHER: "攻坚办分办人员",
    Role.SUPERVISOR: "纪委监委监督人员",
    Role.ADMIN: "系统管理员",
    UnitKind.CITY_OFFICE: "市攻坚办",
    UnitKind.COUNTY_OFFICE: "县区攻坚办",
    UnitKind.ZONE_OFFICE: "功能板块攻坚办",
    UnitKind.TOWNSHIP: "乡镇",
    UnitKind.STREET: "街道",
    UnitKind.DEPARTMENT: "职能部门",
    UnitKind.DISCIPLINE: "纪委监委",
    Priority.NORMAL: "一般",
    Priority.URGENT: "紧急",
    Priority.CRITICAL: "特急",
    Category.AIR: "大气",
    Category.WATER: "水",
    Category.SOIL: "土壤",
    Category.NOISE: "噪声",
    Category.SOLID_WASTE: "固废",
    Category.RADIATION: "辐射",
    Category.ECOLOGY: "生态",
    Category.OTHER: "其他",
    Channel.HOTLINE_12345: "12345热线",
    Channel.HOTLINE_12369: "12369环保举报",
    Channel.HIGHER_ASSIGNMENT: "上级交办",
    Channel.INSPECTION_ASSIGNMENT: "督察交办",
    Channel.MOBILE_ENFORCEMENT: "环保移动执法推送",
    Channel.DAILY_INSPECTION: "日常检查",
    Channel.MEDIA_EXPOSURE: "媒体曝光",
    Channel.PETITION: "信访",
    Channel.ONLINE_MONITORING: "在线监控报警",
    Channel.DEPARTMENT_TRANSFER: "部门移交",
    Channel.INTERNET_OPINION: "网络舆情",
    Channel.LEADER_MAILBOX: "领导信箱",
    Channel.NPC_CPPCC: "人大建议政协提案",
    Channel.GRID_PATROL: "网格员巡查",
    Channel.REMOTE_SENSING: "卫星遥感监测",
    Channel.DISCIPLINE_TRANSFER: "纪委监委移交",
    Channel.WECHAT_REPORT: "微信公众号举报",
}
