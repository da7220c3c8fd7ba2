"""Every visible Chinese string of the window goes through Qt's translation, and has English."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.domain.codes import Status
from desktop.store.queues import Queue
from desktop.ui.i18n import install_translators, remove_translators
from desktop.ui.labels import label

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "desktop" / "ui"
TOOL = ROOT / "tools" / "update_translations.py"
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
MARKER = "UNTRANSLATED"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _allowed(tree: ast.Module) -> tuple[set[int], list[tuple[int, str]]]:
    """Ids of the string nodes that may hold Chinese, and misuses of tr/translate found."""
    allowed: set[int] = set()
    misuses: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and _is_str(node.value):
            allowed.add(id(node.value))  # docstrings and bare string statements are not shown
        elif isinstance(node, ast.Assign) and node in tree.body:
            if any(isinstance(t, ast.Name) and t.id == MARKER for t in node.targets):
                allowed.update(id(n) for n in ast.walk(node.value))
        elif isinstance(node, ast.Call):
            name, args = _name(node.func), node.args
            # lupdate extracts a literal only with its context: self.tr in a class, or a
            # literal context; a helper named tr or a context in a variable lose it.
            if name == "tr" and args:
                if isinstance(node.func, ast.Attribute):
                    allowed.update(id(a) for a in args[:2])
                elif _is_str(args[0]):
                    misuses.append((node.lineno, "a bare tr() is not a QObject's tr"))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                if _is_str(args[0]):
                    allowed.update(id(a) for a in args[1:3])
                elif _is_str(args[1]):
                    misuses.append((node.lineno, "the context of translate() must be literal"))
            elif name == "QT_TR_NOOP" and args:
                allowed.add(id(args[0]))
    return allowed, misuses


def violations(source: str, filename: str = "<source>") -> list[str]:
    """Chinese string literals that bypass Qt's translation, as 'file:line: text'."""
    tree = ast.parse(source, filename)
    allowed, misuses = _allowed(tree)
    found = [f"{filename}:{line}: {why}" for line, why in misuses]
    for node in ast.walk(tree):
        if _is_str(node) and id(node) not in allowed:
            assert isinstance(node, ast.Constant) and isinstance(node.value, str)
            if CJK.search(node.value):
                found.append(f"{filename}:{node.lineno}: {node.value!r}")
    return found


def test_the_scan_finds_strings_that_bypass_translation() -> None:
    source = '''
"""模块说明。"""
from PySide6.QtCore import QCoreApplication, QLocale
UNTRANSLATED = (("zh_CN", "简体中文"),)
CONTEXT = "Ctx"
class W:
    """类说明。"""
    def ok(self):
        "方法说明。"
        return self.tr("确定"), QCoreApplication.translate("Ctx", "取消")
    def bad(self, n):
        label = "待签收"
        joined = "、".join(["a", "b"])
        shown = self.tr(f"共 {n} 条")
        return label, joined, shown, QCoreApplication.translate(CONTEXT, "文本")
def tr(text):
    return text
tr("局部")
'''
    found = violations(source, "x.py")
    assert any("'待签收'" in item for item in found)
    assert any("'、'" in item for item in found)
    assert any("' 条'" in item or "'共 '" in item for item in found)
    assert any("context of translate() must be literal" in item for item in found)
    assert any("bare tr()" in item for item in found)
    assert not any(word in item for item in found for word in ("确定", "取消", "简体中文", "说明"))


def ui_files() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_chinese_string_of_the_window_is_translatable() -> None:
    found: list[str] = []
    for path in ui_files():
        found += violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "Chinese strings outside tr()/translate():\n" + "\n".join(found)


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted() -> tuple[ModuleType, Any]:
    """The translation tool and the .ts tree of the sources as they are now (not written)."""
    tool = _load_tool()
    return tool, tool.build()


def test_the_labels_context_holds_every_code_label(extracted: tuple[ModuleType, Any]) -> None:
    tool, root = extracted
    keys = {key for key, _ in tool.iter_messages(root)}
    for text in (Status.DISPATCHED.label, Queue.TO_DISPATCH.label, "三级预警（红）"):
        assert ("labels", text, "") in keys


def test_every_extracted_string_has_an_english_translation(
    extracted: tuple[ModuleType, Any],
) -> None:
    tool, root = extracted
    missing = tool.untranslated(root)
    assert not missing, (
        f"{len(missing)} string(s) without English; run tools/update_translations.py "
        "--dump-untranslated todo.json, translate, then --fill todo.json:\n"
        + "\n".join(f"[{c}] {s}" for c, s, _ in missing)
    )


def test_the_translation_files_are_current(extracted: tuple[ModuleType, Any]) -> None:
    tool, root = extracted
    assert tool.stale_reasons(root) == []


@pytest.fixture
def english(qapp: QCoreApplication) -> Any:
    """The English translator installed; none, and the locale as it was, after the test."""
    locale = QLocale()
    install_translators(qapp, "en")
    yield qapp
    remove_translators(qapp)
    QLocale.setDefault(locale)


def test_the_english_catalogue_translates_labels(english: QCoreApplication) -> None:
    assert QCoreApplication.translate("labels", "待签收") == "To sign"
    assert label(Status.HANDLING) == "Handling"
    assert not CJK.search(label(Queue.TO_REVIEW))


def test_without_a_translator_the_labels_stay_chinese(qapp: QCoreApplication) -> None:
    remove_translators(qapp)
    assert label(Status.DISPATCHED) == "待签收"
