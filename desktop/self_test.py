"""`cluedesk self-test`: the checks IT staff run after an install (store, deadline, notice, fonts).

Each check returns a `Check` (its Chinese name, whether it passed, a short detail); the window
check lives in desktop.ui.self_test_window (only desktop.ui imports Qt) and is handed in by the
command line. Nothing here needs the city platform or a network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.reports.fonts import BUNDLED_FILES, FALLBACK_FILE, ROLES

STORE = "存储"
DEADLINE = "期限"
NOTICE = "文书"
FONTS = "字体"
CIPHER = "加密"
WINDOW = "窗口"
CHECK_NAMES = (STORE, DEADLINE, NOTICE, FONTS, CIPHER, WINDOW)
"""The checks in the order they run and report."""

WINDOW_NOT_SHOWN = "主窗口没有显示出来"
WINDOW_NOT_CLOSED = "主窗口没有关闭"
SCREENSHOT_FAILED = "无法保存截图 {path}"
WINDOW_SHOWN = "主窗口已显示并关闭，显示平台 {platform}"
"""What the window check (desktop.ui.self_test_window) reports: command-line text, like the
other checks' (the self-test prints in Chinese whatever the window's language)."""

NOTICE_FILE = "自检-整改通知书.pdf"
"""The notice the check renders (in the folder of `--out`, else a temporary one)."""

DEADLINE_START = (2026, 9, 30, 10, 0)
DEADLINE_DAYS = 1
DEADLINE_EXPECTED = (2026, 10, 8, 17, 30)
"""One working day after 30 September 2026 10:00 is the end of 8 October: the National Day
holiday (1–7 October) is skipped. A calendar without the published holidays (weekends only)
would give 1 October, so this checks that the holiday data came along with the install."""

SAMPLE_NOTICE = {
    "kind": "rectification",
    "clue_code": "XS320706-2026-000001",
    "content": {
        "party_name": "连云港市海州区自检示例有限公司",
        "party_type": "organisation",
        "address": "连云港市海州区新海街道示例路1号",
        "facts": "经查，你单位喷漆车间废气收集处理设施未正常运行，车间门窗敞开，现场有明显异味。",
        "evidence": ["现场检查（勘察）笔录", "现场照片3张"],
        "clause_ids": ["dqfz-45", "dqfz-108"],
        "order": "立即修复并正常运行废气收集处理设施。",
        "deadline_days": 15,
        "authority": "连云港市海州生态环境局",
    },
}
"""A rectification notice as a clerk would fill it in (no reporter data: nothing private)."""


@dataclass(frozen=True)
class Check:
    """The outcome of one check: its Chinese name, whether it passed, and what it found."""

    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        """The report line: 存储：通过（…） or 存储：失败（…）."""
        verdict = "通过" if self.ok else "失败"
        return (
            f"{self.name}：{verdict}（{self.detail}）" if self.detail else f"{self.name}：{verdict}"
        )


@dataclass(frozen=True)
class PdfFont:
    """A font dictionary of a PDF: its base name, its subtype and whether its file is inside."""

    name: str
    subtype: str
    embedded: bool


_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b")
_NAME = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")
_SUBTYPE = re.compile(rb"/Subtype\s*/([A-Za-z0-9]+)")
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s+(\d+)\s+0\s+R")
_DESCENDANTS = re.compile(rb"/DescendantFonts\s*\[\s*(\d+)\s+0\s+R")
_FONT_FILE = re.compile(rb"/FontFile[23]?\s+\d+\s+0\s+R")
_IS_FONT = re.compile(rb"/Type\s*/Font\b(?!Descriptor)")


def _objects(data: bytes) -> dict[int, bytes]:
    """Each object's dictionary text (what comes before its stream), by object number."""
    out: dict[int, bytes] = {}
    for match in _OBJECT.finditer(data):
        start = match.end()
        ends = [i for i in (data.find(b"endobj", start), data.find(b"stream", start)) if i >= 0]
        out[int(match.group(1))] = data[start : min(ends) if ends else len(data)]
    return out


def pdf_fonts(data: bytes) -> list[PdfFont]:
    """The fonts a PDF (without object streams, as reportlab writes it) defines.

    A simple or CID font is embedded when its descriptor points to a font file
    (/FontFile, /FontFile2 or /FontFile3); a composite (Type0) font when its descendant is.
    """
    objects = _objects(data)
    fonts: list[PdfFont] = []
    for body in objects.values():
        if not _IS_FONT.search(body):
            continue
        name = _NAME.search(body)
        subtype = _SUBTYPE.search(body)
        holder = body
        descendant = _DESCENDANTS.search(body)
        if descendant is not None:
            holder = objects.get(int(descendant.group(1)), b"")
        descriptor = _DESCRIPTOR.search(holder)
        embedded = descriptor is not None and bool(
            _FONT_FILE.search(objects.get(int(descriptor.group(1)), b""))
        )
        fonts.append(
            PdfFont(
                name=name.group(1).decode("latin-1") if name else "?",
                subtype=subtype.group(1).decode("latin-1") if subtype else "?",
                embedded=embedded,
            )
        )
    return fonts


def check_store(folder: Path) -> Check:
    """Open (or create) the store in `folder`, read it and close it."""
    from sqlalchemy import func, select

    from desktop.store.database import open_store
    from desktop.store.errors import StoreUnusable
    from desktop.store.models import Clue

    try:
        store = open_store(folder)
        try:
            with store.session() as session:
                clues = session.scalar(select(func.count()).select_from(Clue)) or 0
                quick = session.connection().exec_driver_sql("PRAGMA quick_check").scalar()
        finally:
            store.close()
    except (StoreUnusable, OSError) as exc:
        return Check(STORE, False, str(exc))
    if quick != "ok":
        return Check(STORE, False, f"完整性检查未通过：{quick}")
    return Check(STORE, True, f"{store.db_path}，{clues} 条线索")


def check_deadline() -> Check:
    """Compute a deadline in working days across a published holiday with the domain calendar."""
    from desktop.domain.calendar import default_calendar
    from desktop.domain.timeutil import CHINA_TZ

    start = datetime(*DEADLINE_START, tzinfo=CHINA_TZ)
    expected = datetime(*DEADLINE_EXPECTED, tzinfo=CHINA_TZ)
    try:
        due = default_calendar().deadline_after(start, DEADLINE_DAYS)
    except Exception as exc:  # noqa: BLE001 - a broken install fails the check, not the run
        return Check(DEADLINE, False, f"无法计算期限：{exc}")
    said = f"{start:%Y-%m-%d %H:%M} 后 {DEADLINE_DAYS} 个工作日为 {due:%Y-%m-%d %H:%M}"
    if due != expected:
        return Check(DEADLINE, False, f"{said}，应为 {expected:%Y-%m-%d %H:%M}（节假日数据缺失？）")
    return Check(DEADLINE, True, said)


def check_notice(out_dir: Path) -> tuple[Check, Check, Path | None]:
    """Render the sample rectification notice with the fonts found, write it to `out_dir`,
    and check that the PDF embeds every font it uses; the notice's and the fonts' checks."""
    from desktop.reports import build_document, default_fonts, render_bytes

    try:
        fonts = default_fonts()
        document = build_document(SAMPLE_NOTICE, today=datetime(*DEADLINE_START).date())
        data = render_bytes(document, fonts=fonts)
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / NOTICE_FILE
        path.write_bytes(data)
    except Exception as exc:  # noqa: BLE001 - a broken install fails the check, not the run
        failed = Check(NOTICE, False, f"无法生成整改通知书：{exc}")
        return failed, Check(FONTS, False, "没有生成文书，无法检查字体"), None
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        return Check(NOTICE, False, "生成的文件不是完整的 PDF"), Check(FONTS, False, ""), None
    notice = Check(NOTICE, True, f"{len(data) // 1024} KB")
    primary = [fonts.font_names(role)[0] for role in ROLES]
    return notice, check_fonts(data, primary), path


def check_fonts(data: bytes, primary: Iterable[str]) -> Check:
    """Every font of the PDF `data` is embedded; the detail says whether the first choices
    (`primary`, registered reportlab names) are the PC's official fonts or the bundled ones."""
    used = pdf_fonts(data)
    if not used:
        return Check(FONTS, False, "文书中没有字体")
    missing = [f.name for f in used if not f.embedded]
    if missing:
        return Check(FONTS, False, "未嵌入的字体：" + "、".join(missing))
    bundled = {Path(n).stem for n in (*BUNDLED_FILES.values(), FALLBACK_FILE)}
    official = [n for n in primary if not any(stem in n for stem in bundled)]
    source = "本机正式字体" if official else "随附字体"
    return Check(FONTS, True, f"{len(used)} 种字体均已嵌入，主用{source}")


def check_cipher(scratch: Path) -> Check:
    """SQLCipher is installed and works: a store encrypted with a throwaway key in `scratch`
    reads back with it, has no SQLite header and refuses a wrong key (no keyring touched)."""
    import secrets

    from desktop.store.errors import driver_errors
    from desktop.store.sqlite_files import SQLITE_MAGIC, connect

    path = scratch / "自检-加密.sqlite3"
    key = secrets.token_bytes(32)
    try:
        scratch.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        connection = connect(path, key)
        with connection:
            connection.execute("CREATE TABLE probe (text TEXT)")
            connection.execute("INSERT INTO probe VALUES ('自检')")
        connection.close()
        if path.read_bytes()[: len(SQLITE_MAGIC)] == SQLITE_MAGIC:
            return Check(CIPHER, False, "加密后的文件仍是明文 SQLite")
        again = connect(path, key)
        found = again.execute("SELECT text FROM probe").fetchone()
        again.close()
        if found != ("自检",):
            return Check(CIPHER, False, "加密的文件读不回写入的内容")
        try:
            connect(path, secrets.token_bytes(32)).close()
        except driver_errors():
            pass
        else:
            return Check(CIPHER, False, "错误的密钥也打开了加密的文件")
    except driver_errors(ImportError, OSError) as exc:  # SQLCipher's: loaded by now
        return Check(CIPHER, False, f"SQLCipher 不可用：{type(exc).__name__}: {exc}")
    finally:
        path.unlink(missing_ok=True)
    return Check(CIPHER, True, "SQLCipher 可用：写入、读回，错误的密钥被拒绝")


WindowCheck = Callable[[Path], Check]
"""Opens the window over a store in the given folder, shows it and closes it (desktop.ui)."""


def run_checks(folder: Path, out_dir: Path, window: WindowCheck | None) -> list[Check]:
    """Every check in order: the store of `folder`, the deadline, the notice (written to
    `out_dir`) and its fonts, SQLCipher, then the window over a demo store of its own in
    `out_dir`."""
    checks = [check_store(folder), check_deadline()]
    notice, fonts, _path = check_notice(out_dir)
    checks += [notice, fonts, check_cipher(out_dir)]
    if window is not None:
        try:
            checks.append(window(out_dir / "window"))
        except Exception as exc:  # noqa: BLE001 - a broken install fails the check, not the run
            checks.append(Check(WINDOW, False, f"{type(exc).__name__}: {exc}"))
    return checks


def report(checks: Iterable[Check]) -> tuple[int, list[str]]:
    """The exit status (0 when every check passed, else 1) and the lines to print."""
    listed = list(checks)
    lines = [c.line() for c in listed]
    failed = [c.name for c in listed if not c.ok]
    if failed:
        lines.append("自检未通过：" + "、".join(failed))
        return 1, lines
    lines.append("自检通过")
    return 0, lines
