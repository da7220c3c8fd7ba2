"""Printing a suggestion from its record: the fields built from the store's record and the unit
directory, rendered and read back; the preview of the detail window shows it."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.domain.units import UnitInfo
from desktop.reports.suggestion import SuggestionKind
from desktop.reports.suggestion_fields import compose_text, split_text, suggestion_fields
from desktop.store.supervision import load_suggestion
from desktop.ui.notices.preview import NoticePreview
from desktop.ui.supervision.printing import suggestion_renderer
from desktop.ui.supervision.suggestion_detail import SuggestionDetailDialog
from tests.ui.conftest import MakeWorkspace
from tests.ui.supervision_kit import COMMISSION, issue, street_clues

WAIT = 60000


def test_text_keeps_problems_and_requests_apart() -> None:
    text = compose_text("签收不及时。\n反馈不到位。", ["1、健全制度", "", "二、专人负责"])
    assert split_text(text) == (("签收不及时。", "反馈不到位。"), ("健全制度", "专人负责"))
    body, requests = split_text("只有问题。")
    assert body == ("只有问题。",) and len(requests) == 1


def test_a_stored_suggestion_prints_from_its_record(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    commission = make_workspace(COMMISSION)
    codes = street_clues(commission.store, count=2)
    sid = issue(commission, kind="discipline", number="海纪建〔2026〕5号", clue_codes=codes)
    detail = load_suggestion(commission.store, sid)
    assert detail is not None
    fields = suggestion_fields(detail.state, commission.units, {codes[0]: "水污染：某路"})
    assert fields.kind is SuggestionKind.DISCIPLINE
    assert fields.issuer == "中共连云港市海州区纪律检查委员会"
    assert fields.addressee == "连云港市海州区新海街道办事处"
    assert fields.subject == "加强线索办理工作"
    assert fields.requests == ("健全线索签收制度", "明确专人负责")
    assert fields.clues == ((codes[0], "水污染：某路"), (codes[1], ""))
    supervision = UnitInfo("1", "海州区纪委监委", commission.actor.unit.kind, None, None)
    other = suggestion_fields(
        detail.state.evolve(kind=detail.state.kind.SUPERVISION),
        {**commission.units, detail.state.issuing_unit: supervision},
    )
    assert other.issuer == "连云港市海州区监察委员会"
    pdf = suggestion_renderer(commission, sid)(tmp_path)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    for expected in (
        "中共连云港市海州区纪律检查委员会",
        "关于加强线索办理工作的纪律检查建议书",
        "海纪建〔2026〕5号",
        "连云港市海州区新海街道办事处：",
        "健全线索签收制度",
        codes[0],
    ):
        assert expected in text.replace(" ", ""), expected


def test_the_detail_window_previews_the_print(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    commission = make_workspace(COMMISSION)
    sid = issue(commission)
    dialog = SuggestionDetailDialog(commission, sid)
    qtbot.addWidget(dialog)
    preview = dialog.print_suggestion()
    assert isinstance(preview, NoticePreview)
    with qtbot.waitSignal(preview.rendered, timeout=WAIT):
        pass
    assert preview.pane.page_count() >= 1 and preview.error_text() == ""
    preview.close()
