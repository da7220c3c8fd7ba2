"""Notice PDFs: the first one in a fresh process and one in a batch, beside bare reportlab.

`figures` (for `python -m bench`) sets each beside the same notice drawn with bare reportlab in
the same fonts (`bench.bare_notice`); `main` also compares with what a clerk uses today (a
.docx of the same notice converted by LibreOffice headless).

Run: python -m bench.notice_bench [--count 500] [--office-batch 20] [--no-office] [--json FILE]

- first notice: a fresh Python process imports desktop.reports, loads the fonts and renders
  one notice (target ≤ 100 ms for fonts + render, with the parsed fonts of an earlier run
  in the user's cache folder as a clerk's PC has them; the import time is shown beside it);
- batch: the median time per notice over `--count` notices rendered one after another in one
  process (target ≤ 10 ms: the fonts loaded once and their subsets shared), and render_many
  writing them all;
- LibreOffice: the same notices as .docx (plain zip + WordprocessingML, A4 with the GB/T 9704
  margins, the same text and the proof-of-service table), converted by
  `soffice --headless --convert-to pdf`: one document per call (a clerk printing one notice)
  and `--office-batch` documents in one call; each as a ratio to ours.
Results go to bench/results/notice_bench.json. Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.bare_notice import proof_rows, render_bare
from bench.timing import Measure
from desktop.reports import NoticeDocument, build_document, render_bytes, render_many

RESULTS = Path(__file__).resolve().parent / "results"
FIRST_TARGET_MS = 100.0
BATCH_TARGET_MS = 10.0
FULL_COUNT, QUICK_COUNT = 500, 12

PARTIES = ("连云港市海州区某某化工有限公司", "连云港某某金属制品厂", "海州区新坝镇某某洗涤店")
FACTS = (
    "{day}，我局执法人员对你单位进行现场检查，发现你单位喷漆车间产生含挥发性有机物废气的生产活动"
    "未在密闭空间中进行，废气收集处理设施未正常运行，车间门窗敞开，现场有明显异味；危险废物贮存"
    "场所未设置识别标志，废漆桶露天堆放。经调阅台账，你单位{n}月份未建立挥发性有机物原辅材料台账。"
)


def sample(i: int) -> dict[str, Any]:
    """The i-th sample notice (a mapping with the content fields and the state's)."""
    return {
        "kind": "correction_order" if i % 5 == 4 else "rectification",
        "number": f"海环整改〔2026〕{i + 1}号",
        "verification": f"{(i * 7919) % 1_000_000:06d}",
        "party_name": PARTIES[i % len(PARTIES)],
        "credit_code": "91320706MA1X2Y3Z4W",
        "address": f"连云港市海州区新海街道工业路{i % 90 + 1}号",
        "legal_representative": "王某某",
        "facts": FACTS.format(day=f"2026年3月{i % 28 + 1}日", n=i % 12 + 1),
        "evidence": ("现场检查（勘察）笔录", f"现场照片{i % 20 + 3}张", "调查询问笔录"),
        "clause_ids": ("dqfz-45", "dqfz-108", "gfwf-77"),
        "order": "立即将喷漆工序移入密闭空间，修复并正常运行废气收集处理设施；规范贮存危险废物。",
        "deadline_days": 15,
        "report_requirement": "整改完成后三个工作日内，将整改情况书面报告我局",
        "consequences": "逾期不改正或者整改不到位的，我局将依法予以处理",
        "review_body": "连云港市海州区人民政府",
        "litigation_court": "连云港市海州区人民法院",
        "authority": "连云港市海州生态环境局",
        "contact_person": "李明",
        "contact_phone": "0518-85551234",
    }


def documents(count: int) -> list[NoticeDocument]:
    """`count` sample notices as printed documents."""
    return [build_document(sample(i), today=date(2026, 3, 5)) for i in range(count)]


FIRST = """
import time
start = time.perf_counter()
from desktop.reports import build_document, default_fonts, render_bytes
from bench.notice_bench import sample
imported = time.perf_counter()
render_bytes(build_document(sample(0)), fonts=default_fonts())
done = time.perf_counter()
print((imported - start) * 1000, (done - imported) * 1000)
"""


FIRST_BARE = """
import time
start = time.perf_counter()
from bench.bare_notice import register_fonts, render_bare
from bench.notice_bench import sample
from desktop.reports import build_document
imported = time.perf_counter()
register_fonts()
render_bare(build_document(sample(0)))
done = time.perf_counter()
print((imported - start) * 1000, (done - imported) * 1000)
"""


def first_notice(repeat: int = 3, script: str = FIRST) -> tuple[float, float]:
    """(import ms, fonts + first render ms) in fresh processes: the median of `repeat`.

    `script` prints both; FIRST_BARE does the floor's (the bare notice of `bench.bare_notice`).
    One process runs first uncounted, for ours and the floor alike: it leaves the parsed fonts
    in the user's cache folder (desktop.reports.font_cache), as any earlier print on a PC
    has, and the font files in the system's file cache.
    """
    runs = []
    root = Path(__file__).resolve().parents[1]
    for _ in range(repeat + 1):
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root
        ).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    runs = runs[1:]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def batch(docs: list[NoticeDocument]) -> tuple[list[float], float]:
    """Per-notice render times (ms) and render_many's total time (ms) for the same notices."""
    render_bytes(docs[0])
    times = []
    for doc in docs:
        start = time.perf_counter()
        render_bytes(doc)
        times.append((time.perf_counter() - start) * 1000)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        render_many(docs, Path(folder))
        total = (time.perf_counter() - start) * 1000
    return times, total


def bare_batch(docs: list[NoticeDocument]) -> list[float]:
    """The floor's per-notice render times (ms): the same notices with bare reportlab."""
    render_bare(docs[0])
    times = []
    for doc in docs:
        start = time.perf_counter()
        render_bare(doc)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    """The 95th percentile of some times."""
    return sorted(times)[max(int(len(times) * 0.95) - 1, 0)]


def figures(quick: bool) -> list[Measure]:
    """The first notice and a notice in a batch, each beside bare reportlab (no LibreOffice:
    `main` compares with it when it is installed)."""
    count, runs = (QUICK_COUNT, 1) if quick else (FULL_COUNT, 3)
    first_ms = first_notice(runs)[1]
    first_floor_ms = first_notice(runs, FIRST_BARE)[1]
    docs = documents(count)
    times = batch(docs)[0]
    bare = bare_batch(docs)
    return [
        Measure(
            "first notice: fonts + render (fresh process)",
            first_ms,
            first_floor_ms,
            FIRST_TARGET_MS,
            1,
        ),
        Measure(
            "one notice in a batch (median)",
            statistics.median(times),
            statistics.median(bare),
            BATCH_TARGET_MS,
            count,
        ),
        Measure("one notice in a batch (p95)", p95(times), p95(bare), math.inf, count),
    ]


# --------------------------------------------------------------------------- the .docx


def _run(text: str, font: str, half_points: int) -> str:
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    return (
        f'<w:r><w:rPr>{fonts}<w:sz w:val="{half_points}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def _para(
    text: str,
    font: str = "仿宋_GB2312",
    size: int = 32,
    align: str = "both",
    indent: bool = True,
    page_break: bool = False,
) -> str:
    props = f'<w:jc w:val="{align}"/>'
    if indent:
        props += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    brk = '<w:r><w:br w:type="page"/></w:r>' if page_break else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{brk}{_run(text, font, size)}</w:p>"


def _cell(text: str, width: int, span: int = 1) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}</w:tcPr>'
        f"{_para(text, size=24, align='left', indent=False)}</w:tc>"
    )


def docx_xml(doc: NoticeDocument) -> str:
    """The document.xml of a .docx holding the same notice and proof of service."""
    body = [
        _para(doc.authority, "方正小标宋简体", 44, "center", False),
        _para(doc.title, "方正小标宋简体", 44, "center", False),
        _para(doc.number or "", align="center", indent=False),
    ]
    for block in doc.blocks:
        font = {"heading1": "黑体", "heading2": "楷体_GB2312"}.get(block.style, "仿宋_GB2312")
        for line in block.text.split("\n"):
            body.append(_para(line, font, indent=block.style != "party"))
    body += [_para(""), _para(doc.authority, align="right"), _para(doc.date, align="right")]
    for title, text in doc.attachments:
        body += [_para(title, "黑体"), _para(text)]
    body.append(_para("送达回证", "方正小标宋简体", 44, "center", False, page_break=True))
    rows = proof_rows(doc)
    cells = "".join(f"<w:tr>{_cell(a, 2200)}{_cell(b, 6600, 3)}</w:tr>" for a, b in rows)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    body.append(
        f'<w:tbl><w:tblPr><w:tblW w:w="8844" w:type="dxa"/><w:tblBorders>{borders}'
        f"</w:tblBorders></w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in (2200, 2200, 2200, 2244))
        + f"</w:tblGrid>{cells}</w:tbl>"
    )
    body += [_para(doc.authority, align="right"), _para(doc.date, align="right")]
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851"'
        ' w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/>'
        "</w:sectPr>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(body)}{section}</w:body></w:document>"
    )


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def write_docx(doc: NoticeDocument, path: Path) -> None:
    """Write the notice as a minimal .docx."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", docx_xml(doc))


def soffice(files: list[Path], out: Path, profile: Path) -> float:
    """Convert .docx files to PDF in one soffice call; its wall time in ms."""
    command = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, files),
    ]
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, timeout=600)
    elapsed = (time.perf_counter() - start) * 1000
    missing = [f for f in files if not (out / f"{f.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"soffice made no PDF of {missing[0].name}")
    return elapsed


def office(docs: list[NoticeDocument], singles: int, batch_size: int) -> dict[str, float]:
    """LibreOffice's times: one document per call (median) and a batch in one call."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        profile = folder / "profile"
        files = []
        for i, doc in enumerate(docs[: max(singles, batch_size)]):
            path = folder / f"notice{i}.docx"
            write_docx(doc, path)
            files.append(path)
        soffice(files[:1], folder / "warm", profile)  # creates the user profile
        single = [soffice([f], folder / f"one{i}", profile) for i, f in enumerate(files[:singles])]
        many = soffice(files[:batch_size], folder / "many", profile)
    return {"single_ms": statistics.median(single), "batch_ms": many, "batch_size": batch_size}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=FULL_COUNT)
    parser.add_argument("--office-batch", type=int, default=20)
    parser.add_argument("--office-singles", type=int, default=5)
    parser.add_argument(
        "--no-office", action="store_true", help="skip LibreOffice even when it is installed"
    )
    parser.add_argument("--json", type=Path, default=RESULTS / "notice_bench.json")
    args = parser.parse_args(argv)

    imported_ms, first_ms = first_notice()
    docs = documents(args.count)
    times, many_ms = batch(docs)
    median = statistics.median(times)
    slow = p95(times)
    size = len(render_bytes(docs[0]))
    result: dict[str, Any] = {
        "count": args.count,
        "first_notice_ms": round(first_ms, 1),
        "first_import_ms": round(imported_ms, 1),
        "batch_median_ms": round(median, 2),
        "batch_p95_ms": round(slow, 2),
        "render_many_per_notice_ms": round(many_ms / args.count, 2),
        "pdf_bytes": size,
        "targets": {"first_ms": FIRST_TARGET_MS, "batch_ms": BATCH_TARGET_MS},
    }
    rows = [
        ("first notice: fonts + render (fresh process)", first_ms, FIRST_TARGET_MS),
        ("  (its imports, beside it)", imported_ms, None),
        (f"one notice in a batch of {args.count} (median)", median, BATCH_TARGET_MS),
        (f"one notice in a batch of {args.count} (p95)", slow, None),
        ("render_many, per notice (files written)", many_ms / args.count, None),
    ]
    if shutil.which("soffice") and not args.no_office:
        lo = office(docs, args.office_singles, args.office_batch)
        per_doc = lo["batch_ms"] / lo["batch_size"]
        result["libreoffice"] = {
            "single_ms": round(lo["single_ms"], 1),
            f"batch_of_{args.office_batch}_per_doc_ms": round(per_doc, 1),
            "ratio_single": round(lo["single_ms"] / median, 1),
            "ratio_batch": round(per_doc / median, 1),
        }
        rows += [
            (".docx → soffice, one per call (median)", lo["single_ms"], None),
            (f".docx → soffice, {args.office_batch} in one call, per doc", per_doc, None),
        ]
    else:
        result["libreoffice"] = None
    print(f"{'what':<50} {'ms':>10} {'target':>8}")
    for name, value, target in rows:
        mark = "" if target is None else ("  ok" if value <= target else "  MISSED")
        shown = "" if target is None else f"{target:.0f}"
        print(f"{name:<50} {value:>10.1f} {shown:>8}{mark}")
    if result["libreoffice"]:
        lo_res = result["libreoffice"]
        print(
            f"LibreOffice takes {lo_res['ratio_single']}× ours per notice converted one by one, "
            f"{lo_res['ratio_batch']}× in a batch of {args.office_batch}."
        )
    print(f"PDF size of one notice with its proof of service: {size / 1000:.0f} kB")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0 if first_ms <= FIRST_TARGET_MS and median <= BATCH_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
