"""Regenerate the screenshots of the main views into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/screenshots]

Starts a real demo platform (5,000 clues) in a temporary folder, logs real windows in as the
demo accounts and grabs: the login dialog, the county's warnings queue, a clue's detail, the
dispatch form, the report form (finding and evidence), the callback form, the history of a
clue returned by one county to the city and transferred to another, the sync problems view
(two laptops of one person signing the same clue), the notices, the environment bureau's
penalty cases (the case list, a clue's case tab, the 立案 form), and the main window as
large as a 1366x768 screen in Chinese and in English and as a 1024x768 one.

    --only cases    makes only the penalty cases' screenshots (a quicker look at them).
    --only warnings makes only the warning record's: the city commission's 预警台账 with a red
                    clue's 预警记录 tab beside it (warning-record.png).
    --only supervision  makes only the commission's suggestions and accountability records
                    and the street's reply to a suggestion.
    --only commission  makes only the city discipline commission's window: the unit
                    assessment, the red warnings and the queue with a clue open, at 1600x900,
                    and the assessment at 1024x768.
    --only export   makes only the lists' Excel and print: the county's 预警 queue with the
                    row menu's 导出Excel… / 打印列表…, the printed list's preview, and its
                    pages rendered at 60 dpi into docs/notices/ (warning-list-N.png).
    --only verification  makes only the county office's 每周核查: last week's worklist with
                    results, and the form recording a failure.
    --only import   makes only the 导入线索清单 dialog: a 12345 work-order list with accepted,
                    rejected and duplicate rows in its row report (import-report.png).
    --only dashboard  makes only the county office's statistics dashboard (统计看板) of the last
                    month, at 1280x800 and at 1024x768.
    --only guide    makes only the user's guide's own: a township's 设置 dialog (settings.png)
                    and the 快捷键 tab of its help window (help-shortcuts.png).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from cityplatform.db import open_database  # noqa: E402
from cityplatform.demo_site import ensure_demo_platform  # noqa: E402
from cityplatform.launcher import start_platform, stop_platform  # noqa: E402
from cityplatform.warning_job import run_warning_job  # noqa: E402
from desktop.demo.city import DEMO_PASSWORD  # noqa: E402
from desktop.demo.evidence import evidence_files  # noqa: E402
from desktop.domain.timeutil import china_now  # noqa: E402
from desktop.domain.workflow import Action  # noqa: E402
from desktop.store.attachments import store_file  # noqa: E402
from desktop.store.database import open_store  # noqa: E402
from desktop.store.local_actions import take_action  # noqa: E402
from desktop.store.models import Clue  # noqa: E402
from desktop.store.queues import Queue  # noqa: E402
from desktop.ui.action_forms import ActionDialog  # noqa: E402
from desktop.ui.app import make_application  # noqa: E402
from desktop.ui.assessment.model import COLUMNS, RED_HOURS  # noqa: E402
from desktop.ui.assessment.periods import PeriodPreset  # noqa: E402
from desktop.ui.forms import ChoiceField, TextField  # noqa: E402
from desktop.ui.i18n import install_translators  # noqa: E402
from desktop.ui.login_dialog import LoginDialog  # noqa: E402
from desktop.ui.main_window import MainWindow, pane_sizes  # noqa: E402
from desktop.ui.settings import AppSettings  # noqa: E402
from desktop.ui.sync_controller import Connection, SyncController, login_job  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402

WIDTH, HEIGHT = 1440, 860


def wait(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    """Process events until `condition()` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        time.sleep(0.01)


def settle() -> None:
    """Let background tasks deliver and the widgets repaint."""
    for _ in range(30):
        QApplication.processEvents()


class Desk:
    """A logged-in main window of one demo account over its own data folder."""

    def __init__(self, url: str, username: str, folder: Path) -> None:
        from desktop.sync.api import PlatformApi
        from desktop.sync.auth import open_client
        from desktop.sync.engine import run_sync

        self.store = open_store(folder)
        connection = Connection(url, username)
        login_job(self.store, connection, DEMO_PASSWORD)
        with open_client(self.store, url, username) as http:
            run_sync(self.store, PlatformApi(http))
        self.workspace = Workspace(self.store, username, url)
        self.sync = SyncController(self.workspace, connection)
        ini = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(self.workspace, self.sync, AppSettings(ini))
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        settle()

    def sync_now(self) -> None:
        finished: list[object] = []
        self.sync.finished.connect(finished.append)
        self.sync.failed.connect(finished.append)
        self.sync.sync_now()
        wait(lambda: bool(finished), 60)
        settle()

    def open_clue(self, code: str) -> None:
        self.window.show_clue_code(code)
        detail = self.window.detail
        wait(lambda: detail.detail is not None and detail.detail.code == code)
        settle()

    def act(self, action: Action, code: str | None, payload: dict[str, object]) -> str:
        """Take an action offline on this desk; the clue's (provisional) code."""
        username = self.workspace.username
        done = take_action(self.store, username, self.workspace.device_id, action, code, payload)
        self.workspace.events.clues_changed.emit()
        return done.clue_code

    def register(self, subject: str, address: str, county: str = "320706") -> str:
        """Register a 12345 clue of `county` and sync it up; its platform code."""
        self.act(
            Action.REGISTER,
            None,
            {
                "channel": "hotline_12345",
                "channel_ref": "2026112700" + str(abs(hash(subject)) % 1000).zfill(3),
                "received_at": china_now().replace(microsecond=0).isoformat(),
                "category": "air",
                "priority": "normal",
                "description": f"群众反映{subject}夜间作业扬尘严重，气味刺鼻",
                "address": address,
                "county_code": county,
                "subject_name": subject,
                "reporter_name": "王女士",
                "reporter_phone": "13812345678",
            },
        )
        self.sync_now()
        return self.first_code(Clue.subject_name == subject)

    def first_codes(self, unit: str, count: int) -> list[str]:
        """The first clues led by `unit` on this desk."""
        with self.store.session() as session:
            return list(
                session.scalars(
                    select(Clue.code).where(Clue.lead_unit == unit).order_by(Clue.id).limit(count)
                )
            )

    def first_lead(self, code: str) -> str:
        """The lead unit of a clue on this desk."""
        with self.store.session() as session:
            lead = session.scalars(select(Clue.lead_unit).where(Clue.code == code)).first()
        assert lead is not None, code
        return lead

    def first_code(self, *conditions: Any) -> str:
        with self.store.session() as session:
            code = session.scalars(select(Clue.code).where(*conditions).order_by(Clue.id)).first()
        assert code is not None, conditions
        return code


def grab(widget: QWidget, path: Path) -> None:
    settle()
    assert widget.grab().save(str(path)), path
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    """Make every screenshot; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument(
        "--only",
        choices=[
            "export",
            "cases",
            "warnings",
            "supervision",
            "commission",
            "import",
            "verification",
            "dashboard",
            "guide",
        ],
        help="make only these screenshots",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    make_application(["cluedesk"])
    with tempfile.TemporaryDirectory(prefix="cluedesk-shots-") as scratch:
        root = Path(scratch)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root))
        db_url = ensure_demo_platform(root / "platform")
        url, process = start_platform(db_url, root / "platform", testing=False)
        try:
            keep_warning_record(db_url)
            if args.only == "cases":
                shoot_cases(Desk(url, "hzhb", root / "hzhb"), args.out)
            elif args.only == "warnings":
                shoot_warnings(Desk(url, "u320700800s", root / "city-commission"), args.out)
            elif args.only == "supervision":
                shoot_supervision(url, root, args.out)
            elif args.only == "commission":
                shoot_commission(Desk(url, "u320700800s", root / "city-commission"), args.out)
            elif args.only == "export":
                shoot_export(Desk(url, "haizhou", root / "haizhou"), args.out)
            elif args.only == "import":
                shoot_import(Desk(url, "haizhou", root / "haizhou"), root, args.out)
            elif args.only == "verification":
                shoot_verification(Desk(url, "haizhou", root / "haizhou"), args.out)
            elif args.only == "dashboard":
                shoot_dashboard(Desk(url, "haizhou", root / "haizhou"), args.out)
            elif args.only == "guide":
                shoot_guide(Desk(url, "xinhai", root / "xinhai"), args.out)
            else:
                shoot(url, root, args.out)
        finally:
            stop_platform(process)
    return 0


def keep_warning_record(db_url: str) -> None:
    """Bring the platform's warning record up to now before the desks first sync (the served
    platform's own job would do it within its first minute)."""
    db = open_database(db_url)
    try:
        run_warning_job(db, china_now())
    finally:
        db.dispose()


def shoot_warnings(desk: Desk, out: Path) -> None:
    """The city commission's 预警台账 (every level, the record's colours) with the 预警记录 tab
    of its first red clue beside it: warning-record.png."""
    window = desk.window
    window.navigation.select_warning_record()
    view = window.warnings_view
    view.clear_filters()
    wait(lambda: view.model.rowCount() > 0)
    levels = [row.episode.level for row in view.model.rows]
    first = levels.index(3) if 3 in levels else 0
    view.view.selectRow(first)
    view.view.setCurrentIndex(view.model.index(first, 0))
    detail = window.detail
    wait(lambda: detail.detail is not None and not detail.loading)
    settle()
    grab(window, out / "warning-record.png")
    window.close()
    desk.store.close()


def shoot(url: str, root: Path, out: Path) -> None:
    """Log the demo accounts in and grab each view."""
    settings = AppSettings(QSettings(str(root / "login.ini"), QSettings.Format.IniFormat))
    settings.server_url, settings.username = "https://platform.example.cn", ""
    login = LoginDialog(settings)
    login.username.setText("haizhou")
    login.password.setText("********")
    login.show()
    grab(login, out / "login.png")
    login.close()

    county = Desk(url, "haizhou", root / "haizhou")
    county.window.navigation.select_queue(Queue.WARNINGS)
    wait(lambda: county.window.queue_view.row_count() > 0)
    county.window.queue_view.select_clue(county.window.queue_view.model.clue_id(2))
    wait(lambda: county.window.detail.detail is not None)
    grab(county.window, out / "queue-warnings.png")

    reviewing = county.first_code(Clue.status == "closed", Clue.county_code == "320706")
    county.open_clue(reviewing)
    county.window.detail.tabs.setCurrentIndex(1)
    grab(county.window, out / "clue-detail.png")

    registered = county.register("某砂石料场", "海州区新海街道新浦路188号")
    county.open_clue(registered)
    dialog = county.window.detail.start_action(Action.DISPATCH)
    assert dialog is not None
    settle()
    grab(dialog, out / "dispatch-form.png")
    dialog.close()

    # Two laptops of the township handler sign one clue offline: the second is refused.
    county.act(Action.DISPATCH, registered, {"lead_unit": "320706001"})
    county.sync_now()
    first = Desk(url, "xinhai", root / "xinhai-1")
    second = Desk(url, "xinhai", root / "xinhai-2")
    for laptop in (first, second):
        laptop.act(Action.SIGN, registered, {})
        laptop.sync_now()
    shoot_report(first, county, registered, out)
    shoot_transfer(url, root, county, out)
    second.window.navigation.select_sync_problems()
    beside = second.window.detail  # the refused action's clue, shown beside the list
    wait(lambda: beside.detail is not None and not beside.loading)
    settle()
    grab(second.window, out / "sync-problems.png")
    shoot_notices(first, county, out)
    shoot_cases(Desk(url, "hzhb", root / "hzhb"), out)
    shoot_warnings(Desk(url, "u320700800s", root / "city-commission"), out)
    shoot_commission(Desk(url, "u320700800s", root / "city-commission-2"), out)
    shoot_screen_sizes(county, registered, root, out)
    help_dialog = first.window.open_help()  # F1: the guide for the township's daily work
    settle()
    grab(help_dialog, out / "help-guide.png")
    help_dialog.close()
    # The county sends the report back: the township sees why, above the clue.
    county.act(
        Action.REJECT,
        registered,
        {
            "reason": "现场照片未体现喷淋设施，"
            "请补充喷淋设施运行照片及料堆覆盖的全景照片后重新反馈。"
        },
    )
    county.sync_now()
    first.sync_now()
    first.open_clue(registered)
    settle()
    grab(first.window, out / "sent-back-banner.png")
    for desk in (county, first, second):
        desk.window.close()
        desk.store.close()


OFFICE_SCREENS = (
    ((1366, 768), "zh_CN", "zh"),
    ((1366, 768), "en", "en"),
    ((1024, 768), "zh_CN", "zh"),
)
"""The main window filling the office screens it is used on, in each language."""


def shoot_screen_sizes(desk: Desk, code: str, root: Path, out: Path) -> None:
    """The county's main window as large as a 1366x768 screen (Chinese and English) and a
    1024x768 one, showing a clue: main-window-1366x768-zh.png and the like."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for (width, height), language, tag in OFFICE_SCREENS:
        install_translators(app, language)
        ini = QSettings(str(root / f"window-{tag}-{width}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(desk.workspace, desk.sync, AppSettings(ini))
        window.resize(width, height)
        window.splitter.setSizes(pane_sizes(width))
        window.show()
        window.show_clue_code(code)
        detail = window.detail
        wait(lambda d=detail: d.detail is not None and d.detail.code == code)  # type: ignore[misc]
        grab(window, out / f"main-window-{width}x{height}-{tag}.png")
        window.hide()
        window.deleteLater()
    install_translators(app, "zh_CN")


def shoot_notices(desk: Desk, county: Desk, out: Path) -> None:
    """The township drafts a notice on a clue it handles, issues it, and previews it."""
    from desktop.domain.notices import NoticeAction
    from desktop.store.notices import draft_content_for_clue, take_notice_action
    from desktop.ui.notices.notice_form import NoticeForm, open_draft

    # A clue of its own to handle: the demo's clues of the street office may all be closed
    # by the day the screenshots are made.
    code = county.register("某汽车维修厂", "海州区新海街道朝阳中路66号")
    county.act(Action.DISPATCH, code, {"lead_unit": "320706001"})
    county.sync_now()
    desk.sync_now()
    desk.act(Action.SIGN, code, {})
    desk.sync_now()
    form = open_draft(desk.workspace, code, desk.window)
    assert isinstance(form, NoticeForm)
    settle()
    grab(form, out / "notice-form.png")
    form.close()
    content = draft_content_for_clue(desk.store, code, "xinhai")
    payload = {"kind": "rectification", **content.to_dict()}
    payload.update(
        facts="经现场检查，该单位喷漆作业未在密闭空间进行，废气收集设施未正常运行。",
        order="立即停止露天喷漆作业，修复废气收集处理设施并保持正常运行。",
        deadline_days=15,
        deadline_date=None,
    )
    drafted = take_notice_action(
        desk.store, "xinhai", desk.workspace.device_id, NoticeAction.DRAFT, None, code, payload
    )
    take_notice_action(
        desk.store,
        "xinhai",
        desk.workspace.device_id,
        NoticeAction.ISSUE,
        drafted.notice_id,
        code,
        {},
    )
    desk.workspace.events.clues_changed.emit()
    desk.window.navigation.select_notices()
    view = desk.window.notices_view
    wait(lambda: view.workbench.model.rowCount() > 0)
    view.workbench.select(drafted.notice_id)
    settle()
    grab(desk.window, out / "notices.png")
    preview = view.workbench.preview_selected()
    assert preview is not None
    preview.resize(900, 1000)  # the screenshot's size, not a screen's
    wait(lambda: preview.pane.page_count() > 0, 60)
    pause = time.monotonic() + 2.0  # QPdfView renders its pages in a thread of its own
    while time.monotonic() < pause:
        settle()
    grab(preview, out / "notice-preview.png")
    preview.close()


def _red_clue(desk: Desk) -> str | None:
    """A clue of 海州区 led by a unit whose running stage is at warning level 3 now."""
    from desktop.domain.supervision_common import red_now
    from desktop.store.supervision_rows import local_clue

    ws = desk.workspace
    with desk.store.session() as session:
        codes = list(
            session.scalars(
                select(Clue.code)
                .where(
                    Clue.county_code == "320706",
                    Clue.lead_unit.is_not(None),
                    Clue.closed_at.is_(None),
                )
                .order_by(Clue.id)
            )
        )
        for code in codes:
            clue = local_clue(session, code)
            if clue is not None and red_now(clue, ws.now(), ws.calendar, ws.rules):
                return code
    return None


def shoot_supervision(url: str, root: Path, out: Path) -> None:
    """海州区纪委监委 issues suggestions to 新海街道 and others, the street replies (with a
    photo) and the commission sends one back; an accountability record on a red clue: the
    commission's suggestion list, a suggestion opened, its accountability records and the
    street's reply form."""
    from desktop.domain.accountability import Measure
    from desktop.domain.suggestions import SuggestionAction
    from desktop.store.supervision import (
        issue_suggestion,
        record_accountability,
        reply_to_suggestion,
        send_back,
    )
    from desktop.ui.supervision.suggestion_forms import ReplyForm

    street_code, other_code = "320706001", "320706002"
    commission = Desk(url, "hzjw", root / "hzjw")
    street = Desk(url, "xinhai", root / "xinhai")
    cws, sws = commission.workspace, street.workspace
    year = china_now().year
    codes = street.first_codes(street_code, 3)
    base = {
        "basis": "《中华人民共和国监察法》第四十五条",
        "text": "经查，你单位部分生态环境问题线索签收不及时、办理超期，多条线索触发三级预警。\n"
        "建议事项：\n立即对所列线索逐件核查办理\n建立签收办理日清周结机制\n"
        "对超期线索责任人员的履职情况进行调查",
    }
    plans = [
        (
            "discipline",
            f"海纪建〔{year}〕21号",
            street_code,
            codes,
            "关于督促加强线索签收办理工作的纪律检查建议",
            10,
        ),
        (
            "supervision",
            f"海监建〔{year}〕22号",
            street_code,
            codes[:1],
            "关于规范线索现场核查工作的监察建议",
            5,
        ),
        (
            "urging_letter",
            f"海纪督〔{year}〕23号",
            other_code,
            [],
            "关于加快推进线索办理工作的督办函",
            15,
        ),
        (
            "supervision",
            f"海监建〔{year}〕24号",
            other_code,
            [],
            "关于健全线索办理责任制的监察建议",
            1,
        ),
    ]
    ids = []
    for kind, number, unit, clue_codes, title, days in plans:
        payload = {
            **base,
            "kind": kind,
            "number": number,
            "addressed_unit": unit,
            "clue_codes": clue_codes,
            "title": title,
            "reply_days": days,
        }
        ids.append(issue_suggestion(cws.store, cws.username, cws.device_id, payload).record_id)
    commission.sync_now()
    street.sync_now()
    photo = root / "整改后现场照片.png"
    photo.write_bytes(evidence_files()[0].data)
    reply_to_suggestion(
        sws.store,
        sws.username,
        sws.device_id,
        ids[0],
        "已对所列线索逐件核查并全部办结，建立了线索签收台账和专人负责制度。",
        [photo],
    )
    reply_to_suggestion(sws.store, sws.username, sws.device_id, ids[1], "已完成现场核查。")
    street.sync_now()
    commission.sync_now()
    send_back(
        cws.store, cws.username, cws.device_id, ids[1], "现场核查缺少照片等佐证材料，请补充。", 3
    )
    late = {
        **base,
        "kind": "supervision",
        "number": f"海监建〔{year}〕25号",
        "addressed_unit": other_code,
        "clue_codes": [],
        "title": "关于落实线索办理主体责任的监察建议",
        "reply_days": 5,
        "issued_at": (china_now() - timedelta(days=20)).replace(microsecond=0).isoformat(),
    }
    overdue = issue_suggestion(cws.store, cws.username, cws.device_id, late).record_id
    red = _red_clue(commission)
    origins: dict[str, object] = {"suggestion_id": overdue, "clue_codes": []}
    unit = other_code
    if red is not None:
        origins = {"clue_codes": [red]}
        unit = commission.first_lead(red)
    record_accountability(
        cws.store,
        cws.username,
        cws.device_id,
        {
            "unit_concerned": unit,
            "persons": [
                {"name": "王明", "post": "办事处副主任"},
                {"name": "李强", "post": "环保所所长"},
            ],
            "measure": Measure.TALK_REMINDER.value,
            "decided_on": china_now().date().isoformat(),
            "document_number": f"海纪问〔{year}〕21号",
            "facts": "所负责的线索或建议超期未办理、未答复。",
            **origins,
        },
    )
    commission.sync_now()
    street.sync_now()
    window = commission.window
    window.splitter.setSizes([180, 960, 300])  # the lists need the room, not the clue
    window.navigation.select_suggestions()
    view = window.suggestions_view
    wait(lambda: not view.model.loading and view.model.rowCount() >= 4)
    grab(window, out / "commission-suggestions.png")
    view.select(ids[0])
    dialog = view.open_current()
    assert dialog is not None
    dialog.tabs.setCurrentWidget(dialog.replies)
    grab(dialog, out / "commission-suggestion-detail.png")
    dialog.close()
    window.navigation.select_accountability()
    settle()
    if window.accountability_view.rows:
        window.accountability_view.view.selectRow(0)
    grab(window, out / "commission-accountability.png")
    street.window.navigation.select_suggestions()
    sview = street.window.suggestions_view
    wait(lambda: not sview.model.loading and sview.model.rowCount() >= 2)
    detail = sview.open_suggestion(ids[1])
    form = detail.open_form(SuggestionAction.REPLY)
    assert isinstance(form, ReplyForm)
    form.reply.set_value(  # type: ignore[attr-defined]
        "已补充现场核查照片3张，并对核查记录进行了完善，相关责任人已作书面检查。"
    )
    form.files.add_files([photo])
    grab(form, out / "unit-suggestion-reply.png")
    form.reject()
    detail.close()


def shoot_cases(desk: Desk, out: Path) -> None:
    """The environment bureau files a case on a clue of its county, takes it to a decision,
    and files another one: the case list, the clue's case tab and the 立案 form."""
    from desktop.domain.cases import CaseAction
    from desktop.store.case_views import case_prefill
    from desktop.store.cases import act_on_case, file_case
    from desktop.ui.cases.case_form import CaseForm

    store, user, device = desk.store, desk.workspace.username, desk.workspace.device_id
    codes = []
    with store.session() as session:
        codes = list(
            session.scalars(
                select(Clue.code)
                .where(Clue.county_code == "320706", Clue.status.in_(["handling", "reviewing"]))
                .order_by(Clue.id)
                .limit(3)
            )
        )
    today = china_now().date().isoformat()
    officers = [
        {"name": "张建国", "certificate": "32070601001"},
        {"name": "李明", "certificate": "32070601002"},
    ]
    made = []
    for index, code in enumerate(codes[:2]):
        prefill = case_prefill(store, user, code)
        party = prefill.party.to_dict()
        party["legal_representative"] = party["legal_representative"] or "王五"
        payload = {
            "cause": prefill.cause or "未采取措施防治废气排放案",
            "law": prefill.law,
            "party": party,
            "officers": officers,
            "filed_on": today,
        }
        case = file_case(store, user, device, code, payload).case_id
        made.append((code, case))
        if index:
            continue
        fine = [{"kind": "fine", "amount_yuan": "50000"}]
        steps: list[tuple[CaseAction, dict[str, object]]] = [
            (
                CaseAction.INVESTIGATE,
                {
                    "investigated_on": today,
                    "note": "现场勘察并制作笔录，委托第三方检测",
                    "evidence": ["现场检查（勘察）笔录", "现场照片", "检测报告"],
                },
            ),
            (
                CaseAction.NOTIFY,
                {
                    "notified_on": today,
                    "document_number": "海环罚告〔2026〕12号",
                    "penalties": fine,
                },
            ),
            (
                CaseAction.STATEMENT,
                {"received_on": today, "result": "waived", "hearing_requested": False},
            ),
            (
                CaseAction.DECIDE,
                {
                    "decided_on": today,
                    "penalties": fine,
                    "facts": prefill.facts + "废气收集处理设施未运行。",
                    "evidence": ["现场检查（勘察）笔录", "检测报告"],
                    "violated_clause_ids": list(prefill.violated_clause_ids),
                    "basis_clause_ids": list(prefill.basis_clause_ids),
                    "discretion": "首次违法，积极配合调查，按裁量基准中档处罚。",
                },
            ),
        ]
        for action, values in steps:
            act_on_case(store, user, device, action, case, values)
    desk.workspace.events.clues_changed.emit()
    window = desk.window
    window.navigation.select_cases()
    view = window.cases_view
    wait(lambda: not view.model.loading and view.model.rowCount() >= len(made), 60)
    view.select_case(made[0][1])
    cases = window.detail.cases
    wait(lambda: cases.current() is not None and not cases.loading, 60)
    grab(window, out / "case-list.png")
    window.show_clue_code(made[0][0])  # the clue in its queue, on its case tab
    window.detail.show_cases_tab(made[0][1])
    wait(lambda: cases.case_id == made[0][1] and not cases.loading, 60)
    grab(window, out / "case-tab.png")
    if len(codes) > 2:
        form = CaseForm(desk.workspace, CaseAction.FILE, codes[2], None, window)
        form.show()
        settle()
        grab(form, out / "case-file-form.png")
        form.close()
    code, case = made[0]
    state = cases.current()
    assert state is not None
    form = CaseForm(desk.workspace, CaseAction.SERVE, code, state.state, window)
    form.show()
    settle()
    grab(form, out / "case-serve-form.png")
    form.close()


def shoot_commission(desk: Desk, out: Path) -> None:
    """The city commission's window (市纪委监委): commission-assessment.png (单位考核 of the year
    so far, the longest red warnings first), commission-red-warnings.png (红色预警),
    commission-queue.png (its area's clues, one open: nothing to act on), at 1600x900; the
    assessment at 1024x768 too."""
    window = desk.window
    for (width, height), suffix in (((1024, 768), "-1024x768"), ((1600, 900), "")):
        window.resize(width, height)
        window.splitter.setSizes(pane_sizes(width))
        window.navigation.select_assessment()
        view = window.assessment_view
        assert view is not None
        settle()
        wait(lambda v=view: not v.computing and v.seen is not None, 300)  # type: ignore[misc]
        # The year so far, the units with the longest red warnings first.
        view.preset.setCurrentIndex(view.preset.findData(PeriodPreset.THIS_YEAR))
        settle()
        wait(lambda v=view: not v.computing and v.seen is not None, 300)  # type: ignore[misc]
        view.table.sortByColumn(COLUMNS.index(RED_HOURS), Qt.SortOrder.DescendingOrder)
        grab(window, out / f"commission-assessment{suffix}.png")
    assert window.navigation.select_red_warnings()
    record = window.warnings_view
    wait(lambda: record.model.rowCount() > 0, 120)
    record.view.selectRow(0)
    wait(lambda: window.detail.detail is not None and not window.detail.loading)
    grab(window, out / "commission-red-warnings.png")
    queue = window.queue_view
    window.navigation.select_queue(Queue.HANDLING)
    wait(lambda: queue.row_count() > 0)
    queue.select_clue(queue.model.clue_id(0))
    wait(lambda: window.detail.detail is not None and not window.detail.loading)
    grab(window, out / "commission-queue.png")
    window.close()
    desk.store.close()


def shoot_export(desk: Desk, out: Path, pages: Path = Path("docs/notices")) -> None:
    """The county's clues at a warning level (预警: near or past their deadline) as a list to
    hand out at a meeting: the queue with the row menu (export-menu.png), the printed list in
    its preview (list-print-preview.png), and its pages at 60 dpi
    (docs/notices/warning-list-N.png)."""
    import shutil
    import subprocess

    from desktop.ui.row_menu import ClueRowMenu

    window = desk.window
    window.navigation.select_queue(Queue.WARNINGS)
    queue = window.queue_view
    wait(lambda: queue.row_count() > 0, 60)
    queue.select_clue(queue.model.clue_id(0))
    wait(lambda: window.detail.detail is not None and not window.detail.loading)
    grab(window, out / "export-queue.png")
    menu = ClueRowMenu(queue, window.detail).build()
    menu.adjustSize()
    menu.show()
    grab(menu, out / "export-menu.png")
    menu.close()
    preview = queue.exporter.print_list()
    assert preview is not None
    preview.resize(1100, 800)  # a landscape page, as the screenshot's size
    wait(lambda: preview.pdf is not None, 120)
    pause = time.monotonic() + 2.0  # QPdfView renders its pages in a thread of its own
    while time.monotonic() < pause:
        settle()
    grab(preview, out / "list-print-preview.png")
    assert preview.pdf is not None and shutil.which("pdftoppm"), "needs poppler-utils"
    pages.mkdir(parents=True, exist_ok=True)
    for old in pages.glob("warning-list-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(preview.pdf), str(pages / "warning-list")],
        check=True,
    )
    print(f"wrote {pages}/warning-list-*.png")
    preview.close()


def shoot_dashboard(desk: Desk, out: Path) -> None:
    """The county office's 统计看板 of the last whole month: dashboard.png at 1280x800 and
    dashboard-1024x768.png."""
    window = desk.window
    for (width, height), suffix in (((1280, 800), ""), ((1024, 768), "-1024x768")):
        window.resize(width, height)
        window.splitter.setSizes(pane_sizes(width))
        assert window.navigation.select_dashboard()
        view = window.dashboard_view
        assert view is not None
        settle()
        wait(lambda v=view: v.painted, 300)  # type: ignore[misc]
        grab(window, out / f"dashboard{suffix}.png")
    window.close()
    desk.store.close()


def shoot_guide(desk: Desk, out: Path) -> None:
    """For the user's guide: the township's 设置 dialog, bound to the platform of the login
    screenshot (settings.png), and the 快捷键 tab of its help window (help-shortcuts.png)."""
    from desktop.store.sync_apply import platform_office_hours
    from desktop.ui.settings_dialog import SettingsDialog

    window = desk.window
    dialog = SettingsDialog(
        window.settings,
        window,
        platform_hours=platform_office_hours(desk.store),
        bound_url="https://platform.example.cn",
    )
    dialog.show()
    settle()
    grab(dialog, out / "settings.png")
    dialog.close()
    help_dialog = window.open_help()
    help_dialog.tabs.setCurrentIndex(help_dialog.tabs.count() - 1)
    help_dialog.resize(560, 640)
    settle()
    grab(help_dialog, out / "help-shortcuts.png")
    help_dialog.close()
    window.close()
    desk.store.close()


def text(dialog: ActionDialog, key: str) -> TextField:
    """The text field of a form."""
    field = dialog.field(key)
    assert isinstance(field, TextField), key
    return field


def choice(dialog: ActionDialog, key: str) -> ChoiceField:
    """The choice field of a form."""
    field = dialog.field(key)
    assert isinstance(field, ChoiceField), key
    return field


def shoot_report(street: Desk, county: Desk, code: str, out: Path) -> None:
    """The township's report form with its finding, then the county's callback form."""
    street.open_clue(code)
    dialog = street.window.detail.start_action(Action.REPORT)
    assert isinstance(dialog, ActionDialog)
    text(dialog, "result").set_value("经现场核查，该料场夜间装卸未覆盖，扬尘明显，群众反映属实。")
    choice(dialog, "finding").select("true")
    text(dialog, "measures").set_value(
        "责令立即停止夜间装卸作业，料堆全部覆盖防尘网，增设喷淋设施。"
    )
    settle()
    grab(dialog, out / "report-form.png")
    dialog.close()
    evidence = evidence_files()[0]
    photo = Path(tempfile.mkdtemp()) / evidence.name
    photo.write_bytes(evidence.data)
    stored = store_file(street.store, photo)
    report: dict[str, object] = {
        "result": "经现场核查，料场夜间装卸未覆盖，扬尘明显，群众反映部分属实。",
        "finding": "partly_true",
        "measures": "责令停止夜间装卸，料堆全部覆盖防尘网，增设喷淋设施。",
        "attachments": [{"sha256": stored.sha256, "name": photo.name}],
    }
    street.act(Action.REPORT, code, report)
    street.sync_now()
    county.sync_now()
    county.open_clue(code)
    dialog = county.window.detail.start_action(Action.CALLBACK)
    assert isinstance(dialog, ActionDialog)
    choice(dialog, "callback").select("basically")
    text(dialog, "note").set_value("电话回访王女士，表示料场已覆盖，夜间仍有少量噪声。")
    settle()
    grab(dialog, out / "callback-form.png")
    dialog.close()


def shoot_transfer(url: str, root: Path, county: Desk, out: Path) -> None:
    """海州 returns a 东海 matter to the city, the city transfers it, 东海 dispatches it; the
    city's view of its history."""
    code = county.register("东海某化工厂", "东海县牛山街道工业园某路")
    county.act(Action.RETURN_TO_CITY, code, {"reason": "反映地址位于东海县牛山街道，不属本区"})
    county.sync_now()
    city = Desk(url, "city", root / "city")
    city.act(
        Action.TRANSFER, code, {"target_county": "320722", "reason": "属地为东海县，转东海县办理"}
    )
    city.sync_now()
    donghai = Desk(url, "donghai", root / "donghai")
    donghai.act(Action.DISPATCH, code, {"lead_unit": "320722001", "note": "请牛山街道核查处理"})
    donghai.sync_now()
    city.sync_now()
    city.open_clue(code)
    city.window.detail.tabs.setCurrentIndex(1)
    grab(city.window, out / "transfer-history.png")
    for desk in (city, donghai):
        desk.window.close()
        desk.store.close()


def write_work_orders(path: Path) -> None:
    """A day's 12345 work orders for 海州区 as the hotline exports them: a title row, a
    two-row header, and rows good and bad (a wrong check digit, an unknown township, a
    missing content, a phone that is not one, a work order listed twice)."""
    from openpyxl import Workbook

    day = china_now() - timedelta(days=1)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "工单"
    headers = ["工单编号", "受理时间", "来电人信息", None, "诉求内容", "地址"]
    headers += ["所属乡镇（街道）", "被反映对象", "统一社会信用代码", "类别", "紧急程度"]
    sheet["A1"] = f"连云港市12345热线环境类工单日报（{day:%Y年%m月%d日}）"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for column, name in enumerate(headers, 1):
        if name is not None:
            sheet.cell(row=2, column=column, value=name)
        if name not in ("来电人信息", None):
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells("C2:D2")
    sheet["C3"], sheet["D3"] = "来电人", "联系电话"
    good, bad = "91320706MA1W2X3Y4R", "91320706MA1W2X3Y40"
    naive = day.replace(hour=9, minute=36, tzinfo=None)
    serial = (naive - datetime(1899, 12, 30)).total_seconds() / 86400  # an Excel date number
    when = f"{day:%Y-%m-%d} "
    rows = [
        (
            "GD{d}0101",
            when + "08:12",
            "王先生",
            "13812345678",
            "夜间有刺鼻气味，疑似偷排废气",
            "新海街道苍梧路18号",
            "新海街道",
            "某化工有限公司",
            good,
            "大气污染",
            "紧急",
        ),
        (
            "GD{d}0102",
            serial,
            "李女士",
            "0518-85821234",
            "河道有黑臭水体",
            "幸福路街道盐河巷",
            "320706002",
            "",
            "",
            "水",
            "一般",
        ),
        (
            "GD{d}0103",
            f"{day:%Y年%m月%d日} 9时40分",
            "赵先生",
            "１３９１２３４５６７８",
            "工地夜间施工噪声扰民",
            "朐阳街道海昌路66号",
            "朐阳街道",
            "某建筑公司",
            "",
            "噪声",
            "",
        ),
        (
            "GD{d}0104",
            when + "10:05",
            "钱女士",
            "13712345678",
            "废品站露天焚烧垃圾",
            "新海街道通灌路",
            "新海街道",
            "某废品回收站",
            bad,
            "固废",
            "一般",
        ),
        (
            "GD{d}0105",
            when + "10:31",
            "孙先生",
            "13612345678",
            "小区旁餐馆油烟直排",
            "火星镇某路",
            "火星镇",
            "某餐馆",
            "",
            "大气",
            "一般",
        ),
        (
            "GD{d}0106",
            when + "11:02",
            "周女士",
            "13512345678",
            None,
            "新海街道建设路",
            "新海街道",
            "",
            "",
            "其他",
            "一般",
        ),
        (
            "GD{d}0107",
            when + "13:48",
            "吴先生",
            "12345678",
            "洗车店污水流入雨水管网",
            "新海街道朝阳路5号",
            "新海街道",
            "某洗车行",
            "",
            "水",
            "一般",
        ),
        (
            "GD{d}0101",
            when + "08:12",
            "王先生",
            "13812345678",
            "夜间有刺鼻气味，疑似偷排废气",
            "新海街道苍梧路18号",
            "新海街道",
            "某化工有限公司",
            good,
            "大气污染",
            "紧急",
        ),
        (
            "GD{d}0108",
            when + "15:20",
            "郑女士",
            "13412345678",
            "养殖场粪污外溢",
            "朐阳街道后营村",
            "朐阳街道",
            "某养殖场",
            "",
            "土壤",
            "一般",
        ),
    ]
    stamp = f"{day:%Y%m%d}"
    for number, values in enumerate(rows, 4):
        for column, value in enumerate(values, 1):
            if column == 1:
                value = str(value).format(d=stamp)
            sheet.cell(row=number, column=column, value=value)
    book.save(path)


def shoot_import(desk: Desk, root: Path, out: Path) -> None:
    """The county office's 导入线索清单 with a day's 12345 work orders checked row by row:
    import-report.png."""
    from desktop.ui.intake_import import ImportDialog

    path = root / "12345工单日报.xlsx"
    write_work_orders(path)
    window = desk.window
    window.import_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    dialog.resize(1024, 720)
    dialog.load_file(path)
    wait(lambda: dialog.model.rowCount() > 0 and "正在" not in dialog.summary.text())
    settle()
    grab(dialog, out / "import-report.png")
    dialog.close()
    window.close()
    desk.store.close()


def shoot_verification(desk: Desk, out: Path) -> None:
    """The county office's 每周核查 of last week from the demo's batches, one item selected
    with its clue beside (verification.png), and the form recording a failure
    (verification-record.png)."""
    from desktop.domain.verification import VerificationResult
    from desktop.ui.verification.record_form import VerificationForm

    window = desk.window
    window.resize(1280, 800)
    view = window.open_verification()
    wait(lambda: view.model.rowCount() > 0)
    rows = view.rows()
    pending = next((r for r in rows if not r.rounds), rows[0])
    view.select(pending.clue_code)
    settle()
    grab(window, out / "verification.png")
    form = view.open_record_form()
    assert isinstance(form, VerificationForm)
    form.verdict.select(VerificationResult.INCOMPLETE.value)
    form.note.set_value(
        "现场复核发现车间废气收集罩仍未安装，整改不到位，请于限期内整改并报送整改照片。"
    )
    settle()
    grab(form, out / "verification-record.png")
    form.close()
    window.close()
    desk.store.close()


if __name__ == "__main__":
    sys.exit(main())
