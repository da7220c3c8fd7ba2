"""The sentence above an action form: what the action will do to this clue, and its limits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.clue import ClueState
from desktop.domain.codes import Post
from desktop.domain.deadlines import Stage, extend_deadline, stage_limit_days
from desktop.domain.workflow import Action, extension_allowance, owner_of
from desktop.ui.labels import label
from desktop.ui.timeline import format_moment
from desktop.ui.workspace import Workspace


def _due(state: ClueState) -> str:
    if state.due_by is None:
        return ""
    return QCoreApplication.translate("ActionIntros", "交办单位要求 {0} 前办结。").format(
        format_moment(state.due_by)
    )


def _dispatch(workspace: Workspace, state: ClueState) -> str:
    days = stage_limit_days(Stage.HANDLE, workspace.rules, state.priority, state.channel)
    if state.channel is None:
        text = QCoreApplication.translate(
            "ActionIntros", "按工作日历计算，{0}线索的办理时限为 {1} 个工作日。"
        ).format(label(state.priority), days)
    else:
        text = QCoreApplication.translate(
            "ActionIntros", "按工作日历计算，{0}的{1}线索办理时限为 {2} 个工作日。"
        ).format(label(state.channel), label(state.priority), days)
    return text + _due(state)


def extension_text(workspace: Workspace, state: ClueState) -> str:
    """What the clue's stage may still be extended by: requests and working days left."""
    requests, days = extension_allowance(state, workspace.rules)
    return QCoreApplication.translate(
        "ActionIntros", "本阶段还可申请 {0} 次，最多 {1} 个工作日。"
    ).format(requests, days)


def _request_extension(workspace: Workspace, state: ClueState) -> str:
    current = QCoreApplication.translate("ActionIntros", "当前办理时限：{0}。").format(
        format_moment(state.handle_deadline)
    )
    return current + extension_text(workspace, state) + _due(state)


def _approve_extension(workspace: Workspace, state: ClueState) -> str:
    base = state.handle_deadline or workspace.now()
    after = extend_deadline(base, state.extension_requested_days, workspace.calendar)
    return QCoreApplication.translate(
        "ActionIntros", "主办单位申请延期 {0} 个工作日，批准后办理时限延至 {1}。"
    ).format(state.extension_requested_days, format_moment(after))


def _report(workspace: Workspace, state: ClueState) -> str:
    text = QCoreApplication.translate(
        "ActionIntros", "核查结论为属实或部分属实的，须附现场照片等佐证材料。"
    )
    if workspace.rules.signoff_required and workspace.actor.post is Post.CLERK:
        return text + QCoreApplication.translate(
            "ActionIntros", "您是经办人：反馈先经本单位负责人审签，再交攻坚办审核。"
        )
    return text + QCoreApplication.translate("ActionIntros", "反馈后，线索交攻坚办审核。")


def _signoff_approve(workspace: Workspace, state: ClueState) -> str:
    finding = label(state.finding) if state.finding is not None else ""
    return QCoreApplication.translate(
        "ActionIntros", "经办人反馈的核查结论：{0}。审签通过后，反馈交攻坚办审核。"
    ).format(finding or "—")


def _take_over(workspace: Workspace, state: ClueState) -> str:
    return QCoreApplication.translate(
        "ActionIntros",
        "提级后由市攻坚办承办本线索（分办、审核、批准延期和办结），"
        "「{0}」会在办理记录中看到本次提级和理由。",
    ).format(workspace.unit_name(owner_of(state)))


def _transfer(workspace: Workspace, state: ClueState) -> str:
    return QCoreApplication.translate(
        "ActionIntros", "线索现属「{0}」。转办后由所选县区（功能板块）攻坚办承办并重新分办。"
    ).format(workspace.unit_name(state.county_code))


def _simple(workspace: Workspace, action: Action, state: ClueState) -> str:
    if action is Action.DENY_EXTENSION:
        return QCoreApplication.translate("ActionIntros", "主办单位申请延期 {0} 个工作日。").format(
            state.extension_requested_days
        )
    texts = {
        Action.RETURN: QCoreApplication.translate(
            "ActionIntros", "退回后，线索回到攻坚办重新分办。"
        ),
        Action.RETURN_TO_CITY: QCoreApplication.translate(
            "ActionIntros", "线索不属于本县区的，退回市攻坚办，由市攻坚办转办到其他县区。"
        ),
        Action.SIGNOFF_REJECT: QCoreApplication.translate(
            "ActionIntros", "退回后，经办人修改后重新反馈。"
        ),
        Action.CALLBACK: QCoreApplication.translate(
            "ActionIntros", "未能联系上举报人时，请在回访情况中写明联系的时间和方式。"
        ),
        Action.REOPEN: QCoreApplication.translate(
            "ActionIntros", "举报人对办理结果不满意，线索将回到主办单位重新办理。"
        ),
        Action.MARK_DUPLICATE: QCoreApplication.translate(
            "ActionIntros",
            "重复件不再单独分办，随原件办结；原件办结后，办理结果同样告知本件举报人。",
        ),
        Action.REFUSE: QCoreApplication.translate(
            "ActionIntros", "不予受理后线索即办结，不再分办。请选择依据并写明理由。"
        ),
        Action.REJECT: QCoreApplication.translate("ActionIntros", "线索将回到主办单位继续办理。"),
        Action.VERIFICATION_FAIL: QCoreApplication.translate(
            "ActionIntros", "线索将回到主办单位继续办理。"
        ),
    }
    return texts.get(action, "")


_INTROS = {
    Action.DISPATCH: _dispatch,
    Action.REQUEST_EXTENSION: _request_extension,
    Action.APPROVE_EXTENSION: _approve_extension,
    Action.REPORT: _report,
    Action.SIGNOFF_APPROVE: _signoff_approve,
    Action.TAKE_OVER: _take_over,
    Action.TRANSFER: _transfer,
}


def intro(workspace: Workspace, action: Action, state: ClueState) -> str:
    """A sentence saying what `action` will do to this clue ('' when nothing to say)."""
    special = _INTROS.get(action)
    if special is not None:
        return special(workspace, state)
    return _simple(workspace, action, state)
