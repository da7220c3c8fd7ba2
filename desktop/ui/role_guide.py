"""A short guide to the daily work of each kind of account, for the help window."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from desktop.domain.codes import Post, UnitKind
from desktop.domain.units import Actor


class Role(Enum):
    """The kinds of daily work the guide describes."""

    HANDLER = "handler"
    HANDLER_HEAD = "handler_head"
    COUNTY_OFFICE = "county_office"
    CITY_OFFICE = "city_office"
    COMMISSION = "commission"


def role_of(actor: Actor) -> Role:
    """Which guide fits the signed-in account."""
    kind = actor.unit.kind
    if kind is UnitKind.DISCIPLINE:
        return Role.COMMISSION
    if kind is UnitKind.CITY_OFFICE:
        return Role.CITY_OFFICE
    if actor.unit.dispatches:
        return Role.COUNTY_OFFICE
    return Role.HANDLER_HEAD if actor.post is Post.HEAD else Role.HANDLER


def role_title(role: Role) -> str:
    """The guide's heading for a role."""
    titles = {
        Role.HANDLER: QCoreApplication.translate("RoleGuide", "乡镇（街道）、部门经办人"),
        Role.HANDLER_HEAD: QCoreApplication.translate("RoleGuide", "乡镇（街道）、部门负责人"),
        Role.COUNTY_OFFICE: QCoreApplication.translate("RoleGuide", "区县攻坚办（分办、审核）"),
        Role.CITY_OFFICE: QCoreApplication.translate("RoleGuide", "市攻坚办（调度、督办）"),
        Role.COMMISSION: QCoreApplication.translate("RoleGuide", "纪委监委（监督）"),
    }
    return titles[role]


def _steps(role: Role) -> list[str]:
    common_start = QCoreApplication.translate(
        "RoleGuide",
        "每天开始：按 F5 同步，看左侧「我的待办」各队列的数字；红色、橙色、黄色的行是三级、"
        "二级、一级预警，先办。",
    )
    common_end = QCoreApplication.translate(
        "RoleGuide",
        "离线也能办：所有操作先保存在本机，联网后自动上传；被平台拒绝的操作在状态栏和"
        "「同步问题」中列出，逐条处理。",
    )
    handling = [
        QCoreApplication.translate(
            "RoleGuide",
            "「待签收」：选中线索，签收（Ctrl+Shift+S）；不属于本单位的，退回并写明理由。",
        ),
        QCoreApplication.translate(
            "RoleGuide",
            "「办理中」：到现场核查后，反馈（Ctrl+Shift+R）核查结论、整改措施并附现场照片；"
            "需要整改的，在「整改文书」中下达整改通知书并打印。",
        ),
        QCoreApplication.translate(
            "RoleGuide", "时限不够：申请延期（Ctrl+Shift+E），写明理由和需要的工作日。"
        ),
        QCoreApplication.translate(
            "RoleGuide",
            "被驳回或退回的线索回到「办理中」，面板顶部的横幅写明理由，补正后再次反馈。",
        ),
    ]
    signing_off = QCoreApplication.translate(
        "RoleGuide",
        "「待审签」：经办人的反馈在上报前由您审签：通过（Ctrl+Shift+G）或退回经办人"
        "（Ctrl+Shift+K）并写明要补充的内容。",
    )
    steps = {
        Role.HANDLER: [common_start, *handling, common_end],
        Role.HANDLER_HEAD: [common_start, signing_off, *handling, common_end],
        Role.COUNTY_OFFICE: [
            common_start,
            QCoreApplication.translate(
                "RoleGuide",
                "「待分办」：新登记和被退回的线索。分办（Ctrl+Shift+D）给主办单位，需要时加协办"
                "单位；不属于本区县的，退回市级（Ctrl+Shift+C）。",
            ),
            QCoreApplication.translate(
                "RoleGuide",
                "「待审核」：审核通过（Ctrl+Shift+A）即办结；材料不足的驳回（Ctrl+Shift+J），"
                "理由会显示在承办单位的线索上方。",
            ),
            QCoreApplication.translate(
                "RoleGuide",
                "「预警」：逾期的线索可以督办（Ctrl+Shift+U）；延期申请在线索面板中批准或不批准。",
            ),
            QCoreApplication.translate("RoleGuide", "现场发现的问题：登记新线索（Ctrl+Shift+N）。"),
            common_end,
        ],
        Role.CITY_OFFICE: [
            common_start,
            QCoreApplication.translate(
                "RoleGuide",
                "「待分办」：市级受理的线索分办给区县攻坚办或市级部门；区县退回的线索转办给"
                "其他区县（Ctrl+Shift+T）或提级办理（Ctrl+Shift+O）。",
            ),
            QCoreApplication.translate(
                "RoleGuide",
                "「预警」：全市逾期线索，三级预警的先督办；督办（Ctrl+Shift+U）留下记录，承办单位可见。",
            ),
            QCoreApplication.translate("RoleGuide", "「待审核」：市级承办线索的反馈在此审核。"),
            common_end,
        ],
        Role.COMMISSION: [
            common_start,
            QCoreApplication.translate(
                "RoleGuide",
                "「红色预警」：本辖区达到三级预警、仍未消除的线索；同步后有新的红色预警会提醒您。"
                "「预警台账」（Ctrl+Alt+Y）可按单位、环节、等级和期间查询全部预警记录。",
            ),
            QCoreApplication.translate(
                "RoleGuide",
                "「建议与督办」（Ctrl+Alt+S）：向承办单位发出纪律检查建议、监察建议或督办函"
                "（线索面板中 Ctrl+Alt+J），限期答复；收到答复后采纳或退回。",
            ),
            QCoreApplication.translate(
                "RoleGuide",
                "「问责记录」（Ctrl+Alt+Q）：对三级预警线索或未按期答复的建议登记问责；"
                "「单位考核」查看各单位使用平台的情况，数字可点开查看背后的线索。",
            ),
            QCoreApplication.translate(
                "RoleGuide",
                "线索只读：可查看完整的办理记录、附件和整改文书；举报人信息已脱敏，确需查看须登记理由。",
            ),
            common_end,
        ],
    }
    return steps[role]


def guide_html(actor: Actor) -> str:
    """The guide for the account as HTML: a heading and numbered steps."""
    role = role_of(actor)
    items = "".join(f"<li>{_escape(step)}</li>" for step in _steps(role))
    heading = _escape(
        QCoreApplication.translate("RoleGuide", "您的日常工作：{0}").format(role_title(role))
    )
    more = _escape(
        QCoreApplication.translate(
            "RoleGuide", "快捷键的完整列表在「快捷键」页；数据和日志的位置在「帮助 → 关于」。"
        )
    )
    return f"<h3>{heading}</h3><ol>{items}</ol><p>{more}</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
