"""The user's guide (docs/guide) and the architecture page: their links and images exist, the
shortcuts they name are the window's, they name every navigation entry, the README links them."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.codes import UnitKind
from desktop.domain.units import UnitInfo
from desktop.domain.workflow import Action
from desktop.store.queues import Viewer

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
README = ROOT / "README.md"
UI = ROOT / "desktop" / "ui"

GUIDE_PAGES = (
    "README.md",
    "township.md",
    "department.md",
    "county-office.md",
    "supervision.md",
    "commission.md",
    "printing.md",
    "sync.md",
    "colours.md",
    "data.md",
    "troubleshooting.md",
)
"""The pages the guide promises: its contents, each role's daily work, and the topics."""

LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
"""A Markdown link or image: (the "!" of an image, the target)."""
CTRL_KEY = re.compile(
    r"Ctrl(?:\+(?:Shift|Alt))*\+(?:F\d{1,2}|Up|Down|Enter|Return|[A-Z0-9,])(?![A-Za-z0-9])"
)
"""A Ctrl shortcut as the guide writes it: Ctrl+Shift+S, Ctrl+Alt+Y, Ctrl+Down, Ctrl+, …"""
FUNCTION_KEY = re.compile(r"(?<![A-Za-z+])(?:Shift\+)?F\d{1,2}(?![0-9])")
"""A function key, alone or with Shift: F1, F5, Shift+F10."""
MNEMONIC = re.compile(r"(?<!Ctrl\+)(?<!Shift\+)Alt\+([A-Z])(?![A-Za-z0-9])")
"""A menu's Alt letter (Alt+W), not the Alt of a Ctrl+Alt shortcut."""
NAMED_KEY = re.compile(r"([^\s（(|*`]+)\**（((?:Ctrl|Shift|F\d)[^）]*)）")
"""An action named with its shortcut in brackets: 签收（Ctrl+Shift+S）, **督办（Ctrl+Shift+U）**."""
TABLE_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*((?:Ctrl|Shift)\+[^|]+?)\s*\|\s*$", re.MULTILINE)
"""A two-column table row: | 签收 | Ctrl+Shift+S |."""


def page_texts() -> dict[Path, str]:
    """Every page of the guide and the architecture page, by path."""
    pages = sorted(GUIDE.glob("*.md")) + [ARCHITECTURE]
    return {page: page.read_text(encoding="utf-8") for page in pages}


def guide_text() -> str:
    """The whole user's guide as one text."""
    return "\n".join(page.read_text(encoding="utf-8") for page in sorted(GUIDE.glob("*.md")))


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"[`*_]{1,2}(.+?)[`*_]{1,2}", r"\1", heading.strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of a Markdown page's headings (outside code blocks)."""
    found: set[str] = set()
    fenced = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"#{1,6}\s+(.*)", line)):
            found.add(slug(heading.group(1)))
    return found


def links(text: str) -> list[tuple[bool, str]]:
    """(is an image, target) of every link of a page, outside fenced code."""
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return [(bang == "!", target) for bang, target in LINK.findall(prose)]


@cache
def ui_sources() -> tuple[frozenset[str], frozenset[str]]:
    """The string constants of desktop/ui's code, and the StandardKey names it uses."""
    strings: set[str] = set()
    standard: set[str] = set()
    for source in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "StandardKey"
            ):
                standard.add(node.attr)
    return frozenset(strings), frozenset(standard)


def window_keys() -> set[str]:
    """Every key sequence the window's code sets, as its portable text (Ctrl+Shift+S, F1)."""
    from PySide6.QtGui import QKeySequence

    strings, standard = ui_sources()
    keys = {s for s in strings if CTRL_KEY.fullmatch(s) or FUNCTION_KEY.fullmatch(s)}
    for name in standard:
        sequence = QKeySequence(getattr(QKeySequence.StandardKey, name))
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        keys.update(part.strip() for part in text.split(",") if part.strip())
    return keys


# -- links and images ---------------------------------------------------------------------


def test_the_guide_has_its_pages_each_reachable_from_its_contents() -> None:
    contents = (GUIDE / "README.md").read_text(encoding="utf-8")
    targets = {target.split("#")[0] for _image, target in links(contents)}
    for page in GUIDE_PAGES:
        assert (GUIDE / page).is_file(), page
        assert page == "README.md" or page in targets, f"the 目录 does not link {page}"


def test_every_image_and_relative_link_exists() -> None:
    checked = 0
    for page, text in page_texts().items():
        for image, target in links(text):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
                assert not image, f"{page.name}: an image from the web: {target}"
                continue
            path, _, anchor = target.partition("#")
            resolved = (page.parent / path).resolve() if path else page
            assert resolved.exists(), f"{page.name}: {target} does not exist"
            assert ROOT in resolved.parents, f"{page.name}: {target} leaves the repository"
            if image:
                assert resolved.suffix == ".png" and resolved.stat().st_size > 0, target
            if anchor:
                assert resolved.suffix == ".md", f"{page.name}: an anchor into {target}"
                assert anchor in anchors(resolved), f"{page.name}: no heading for {target}"
            checked += 1
    assert checked >= 40  # the guide's screenshots and its cross-links were all seen


def test_the_slug_of_a_heading_is_githubs() -> None:
    assert slug("安装与首次登录") == "安装与首次登录"
    assert slug("Layers and their contracts") == "layers-and-their-contracts"
    assert slug("打印：通知书、清单（PDF）") == "打印通知书清单pdf"


def test_the_readme_links_the_guide_and_the_architecture_page() -> None:
    targets = {target for _image, target in links(README.read_text(encoding="utf-8"))}
    assert "docs/guide/README.md" in targets
    assert "docs/architecture.md" in targets


def test_no_page_holds_a_placeholder_or_a_path_of_a_build_machine() -> None:
    for page, text in page_texts().items():
        for bad in ("TODO", "TBD", "FIXME", "待补充", "/work/", "/tmp/"):
            assert bad not in text, f"{page.name} holds {bad!r}"


def test_the_architecture_page_names_the_parts_and_links_the_design_notes() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for part in ("cluedesk-common", "cluedesk-platform", "desktop/wire", "packaging/"):
        assert part in text, part
    for contract in re.findall(r"^\[importlinter:contract:([\w-]+)\]", _setup_cfg(), re.M):
        assert f"**{contract}**" in text, f"the contract {contract} is not explained"
    targets = {target for _image, target in links(text)}
    for note in ("sync-protocol.md", "store.md", "audit.md", "statistics.md", "circular.md"):
        assert note in targets, note
    assert "```mermaid" in text


def _setup_cfg() -> str:
    return (ROOT / "setup.cfg").read_text(encoding="utf-8")


# -- shortcuts ----------------------------------------------------------------------------


def test_every_shortcut_the_guide_names_is_set_by_the_window(qapp: Any) -> None:
    text = guide_text()
    named = set(CTRL_KEY.findall(text)) | set(FUNCTION_KEY.findall(text))
    assert len(named) >= 30  # the pattern still finds what the guide writes
    missing = sorted(named - window_keys())
    assert not missing, f"the guide names shortcuts the window does not have: {missing}"


def test_every_menu_letter_the_guide_names_is_a_mnemonic_of_the_window() -> None:
    strings, _standard = ui_sources()
    letters = set(MNEMONIC.findall(guide_text()))
    assert letters
    for letter in letters:
        assert any(f"&{letter}" in s for s in strings), f"no menu has Alt+{letter}"


def test_an_action_named_with_its_shortcut_has_that_shortcut() -> None:
    from desktop.ui.actions import ACTION_SHORTCUTS

    by_label = {action.label: keys for action, keys in ACTION_SHORTCUTS.items()}
    text = guide_text()
    pairs = [
        (word, keys)
        for before, keys in NAMED_KEY.findall(text)
        if (word := last_word(before)) in by_label
    ]
    pairs += [(lab, keys) for lab, keys in TABLE_ROW.findall(text) if lab in by_label]
    assert len(pairs) >= 20
    wrong = [(lab, keys) for lab, keys in pairs if keys.strip() != by_label[lab]]
    assert not wrong, f"actions named with another action's shortcut: {wrong}"
    assert {Action.SIGN.label, Action.REPORT.label, Action.DISPATCH.label} <= {p[0] for p in pairs}


def last_word(text: str) -> str:
    """What follows the last punctuation of `text`: 「待签收」：签收 → 签收."""
    return re.sub(r"^.*\W", "", text)


@pytest.mark.parametrize(
    ("written", "word"),
    [
        ("点「签收」或按 **签收（Ctrl+Shift+S）**", "签收"),
        ("**审签退回（Ctrl+Shift+K）**", "审签退回"),
        ("查看 → 建议与督办（Ctrl+Alt+S）", "建议与督办"),
        ("「待分办」：分办（Ctrl+Shift+D）", "分办"),
    ],
)
def test_the_named_action_pattern_reads_the_whole_word(written: str, word: str) -> None:
    before, _keys = NAMED_KEY.findall(written)[-1]
    assert last_word(before) == word


# -- navigation ---------------------------------------------------------------------------


def navigation_names() -> set[str]:
    """Every title the window's navigation list shows, for every kind of unit and for a
    commission, from the navigation's own data."""
    from desktop.ui.navigation import EntryKind, NavigationModel, entries_for

    names: set[str] = set()
    for kind in UnitKind:
        unit = UnitInfo("320706", "单位", kind, None, "320706")
        for commission in (False, True):
            entries = entries_for(Viewer(unit), commission=commission)
            model = NavigationModel(entries)
            model.commission = commission
            names.update(model.name(entry) for entry in entries)
            assert all(entry.kind in EntryKind for entry in entries)
    return names


def test_the_guide_names_every_navigation_entry(qapp: Any) -> None:
    names = navigation_names()
    assert {"待签收", "同步问题", "纪委监委", "待答复的建议"} <= names
    text = guide_text()
    unnamed = sorted(
        name
        for name in names
        if not any(mark.format(name) in text for mark in ("「{}」", "**{}**", "→ {}"))
    )
    assert not unnamed, f"the guide does not name these navigation entries: {unnamed}"
