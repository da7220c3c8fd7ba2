"""build_document on the domain's own NoticeState (not only the stand-in of conftest)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.timeutil import CHINA_TZ
from desktop.reports import FontSet, build_document, render_bytes

content_module = pytest.importorskip("desktop.domain.notice_content")


def test_a_served_correction_order_from_the_domain_state(fonts: FontSet) -> None:
    m = content_module
    content = m.NoticeContent(
        party_name="连云港某某金属制品厂",
        address="连云港市海州区新海街道工业路9号",
        facts="现场检查发现打磨工序未采取集中收集处理措施。",
        order="立即整改。",
        deadline_days=10,
        authority="连云港市海州生态环境局",
        review_body="连云港市海州区人民政府",
        litigation_court="连云港市海州区人民法院",
        clause_ids=("dqfz-48",),
    )
    state = m.NoticeState(
        notice_id="5d1c0e7a-0000-4000-8000-000000000003",
        clue_code="X",
        kind=m.NoticeKind.CORRECTION_ORDER,
        status=m.NoticeStatus.SERVED,
        unit_code="u",
        content=content,
        created_at=datetime(2026, 3, 1, tzinfo=CHINA_TZ),
        number="海环改〔2026〕3号",
        issued_at=datetime(2026, 3, 5, 9, tzinfo=CHINA_TZ),
        clauses=(m.Clause("dqfz-48", "中华人民共和国大气污染防治法", "第四十八条", "条文。"),),
        verification="AB12CD",
        service=m.Service(
            m.ServiceMethod.DIRECT,
            datetime(2026, 3, 6, 10, 5, tzinfo=CHINA_TZ),
            "连云港市海州区新海街道工业路9号",
            "张三",
            "法定代表人",
            ("李明", "陈刚"),
        ),
    )
    doc = build_document(state)
    assert doc.kind == "correction_order" and doc.number == "海环改〔2026〕3号"
    assert doc.date == "2026年3月5日"
    assert doc.attachments[0] == ("《中华人民共和国大气污染防治法》第四十八条", "条文。")
    assert doc.proof is not None and doc.proof.method == "直接送达"
    assert doc.proof.proxy == "" and doc.proof.servers == "李明、陈刚"
    assert doc.qr_data == "海环改〔2026〕3号|V:AB12CD"
    assert render_bytes(doc, fonts=fonts).startswith(b"%PDF-")
