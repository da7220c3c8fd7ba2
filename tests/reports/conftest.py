"""Stand-ins for the notice state (duck-typed like desktop.domain's NoticeState) and PDF
readers shared by the report tests."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.timeutil import CHINA_TZ
from desktop.reports import FontSet, NoticeDocument, build_document, render_notice

FACTS = (
    "2026年3月2日，我局执法人员对你单位进行现场检查，发现你单位喷漆车间产生含挥发性有机物废气的"
    "生产活动未在密闭空间中进行，废气收集处理设施未正常运行，车间门窗敞开，现场有明显异味；"
    "危险废物贮存场所未设置识别标志，废漆桶露天堆放。"
)


@dataclass(frozen=True)
class Content:
    """What a clerk types (the fields of the spec's NoticeContent)."""

    party_name: str = "连云港市海州区某某化工有限公司"
    party_type: str = "organisation"
    credit_code: str = "91320706MA1X2Y3Z4W"
    id_number: str = ""
    operator: str = ""
    address: str = "连云港市海州区新海街道工业路18号"
    legal_representative: str = "王某某"
    facts: str = FACTS
    evidence: tuple[str, ...] = ("现场检查（勘察）笔录", "现场照片12张", "调查询问笔录")
    clause_ids: tuple[str, ...] = ("dqfz-45", "dqfz-108", "gfwf-77")
    basis_ids: tuple[str, ...] = ()
    order: str = "立即将喷漆工序移入密闭空间，修复并正常运行废气收集处理设施。"
    deadline_days: int | None = 15
    deadline_date: date | None = None
    report_requirement: str = "整改完成后三个工作日内，将整改情况书面报告我局"
    consequences: str = "逾期不改正或者整改不到位的，我局将依法予以处理"
    review_body: str = "连云港市海州区人民政府"
    litigation_court: str = "连云港市海州区人民法院"
    authority: str = "连云港市海州生态环境局"
    contact_person: str = "李明"
    contact_phone: str = "0518-85551234"


@dataclass(frozen=True)
class Service:
    """The proof of service (the spec's Service)."""

    method: str = "left"
    served_at: datetime = datetime(2026, 3, 6, 10, 5, tzinfo=CHINA_TZ)
    place: str = "连云港市海州区新海街道工业路18号"
    recipient: str = "赵某"
    relation: str = "员工"
    servers: tuple[str, ...] = ("李明", "陈刚")
    witness: str = "周某（社区网格员）"


@dataclass(frozen=True)
class State:
    """A notice's state (the spec's NoticeState, the fields the printout reads)."""

    notice_id: str = "3f2a9c1e-5b7d-4c2e-9a10-000000000015"
    clue_code: str = "XS320706-2026-000123"
    kind: str = "rectification"
    number: str | None = "海环整改〔2026〕15号"
    issued_at: datetime | None = datetime(2026, 3, 5, 9, 30, tzinfo=CHINA_TZ)
    verification: str = "7K3Q9P"
    service: Service | None = None
    content: Content = field(default_factory=Content)
    clauses: tuple[Any, ...] = ()

    def evolve(self, **changes: Any) -> State:
        return replace(self, **changes)


def long_facts(paragraphs: int = 6) -> str:
    """A long body full of punctuation, so that line ends meet it in many places."""
    pieces = [
        "经查",
        "你单位",
        "喷漆车间",
        "未在密闭空间中进行生产",
        "废气收集处理设施长期未正常运行",
        "车间门窗敞开",
        "现场有明显异味",
        "《排污许可证》",
        "（编号：91320706MA1X2Y3Z4W001P）",
        "“限期整改”",
        "危险废物贮存场所",
        "废漆桶露天堆放",
        "台账记录不全",
    ]
    marks = "，。；：！？、"
    out = []
    for p in range(paragraphs):
        sentence = ""
        for i in range(18):
            sentence += pieces[(i * 7 + p) % len(pieces)] + marks[(i + p) % len(marks)]
        out.append(sentence + "”。")
    return "\n".join(out)


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    """The bundled fonts only (the same on every machine)."""
    return FontSet.bundled()


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("notices")


def render(doc: NoticeDocument, path: Path, fonts: FontSet) -> Path:
    render_notice(doc, path, fonts=fonts)
    return path


@pytest.fixture(scope="session")
def rectification(pdf_dir: Path, fonts: FontSet) -> tuple[NoticeDocument, Path]:
    """An issued 整改通知书 with a long body (several pages) and its PDF."""
    state = State(content=Content(facts=long_facts()), service=Service())
    doc = build_document(state)
    return doc, render(doc, pdf_dir / "rectification.pdf", fonts)


@pytest.fixture(scope="session")
def correction(pdf_dir: Path, fonts: FontSet) -> tuple[NoticeDocument, Path]:
    """An issued 责令改正违法行为决定书 (with the cited articles attached) and its PDF."""
    state = State(kind="correction_order", number="海环改〔2026〕7号")
    doc = build_document(state)
    return doc, render(doc, pdf_dir / "correction.pdf", fonts)


def poppler(*args: str) -> str:
    """Run a poppler tool (pdftotext, pdffonts: Debian's poppler-utils) and return its output."""
    assert shutil.which(args[0]), f"{args[0]} missing: install poppler-utils"
    result = subprocess.run(args, capture_output=True, text=True, check=True, timeout=60)
    return result.stdout
