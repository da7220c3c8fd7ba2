"""Update the English translation of the window (developer script; re-run after UI changes).

    .venv/bin/python tools/update_translations.py            # extract, merge, compile
    .venv/bin/python tools/update_translations.py --check    # exit 1 if anything is missing
    .venv/bin/python tools/update_translations.py --dump-untranslated todo.json
    .venv/bin/python tools/update_translations.py --fill todo.json   # after translating it

The source strings are Simplified Chinese. `pyside6-lupdate` extracts them from every
desktop/ui/**/*.py; the tool adds a context "labels" holding every domain code label and
field label (`desktop.ui.labels` translates `value.label` in that context) and a context
"messages" holding the templates of the domain's, store's, sync's and platform's messages
(the first string argument of every `Message(...)` / `N_(...)` outside desktop/ui, found
with `ast`; a template with `%n` is a plural message), keeps the translations the
.ts file already has, writes resources/translations/cluedesk_en.ts and compiles it with
`pyside6-lrelease` into cluedesk_en.qm. Untranslated strings are listed on every run.

The JSON of --dump-untranslated / --fill maps context -> source -> English text (a list of
strings for plural messages); empty texts are ignored by --fill.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "desktop" / "ui"
TS_DIR = ROOT / "resources" / "translations"
TS_FILE = TS_DIR / "cluedesk_en.ts"
QM_FILE = TS_DIR / "cluedesk_en.qm"
LABELS_CONTEXT = "labels"
MESSAGES_CONTEXT = "messages"
MESSAGE_DIRS = tuple(ROOT / name for name in ("desktop", "cityplatform"))
"""Where `Message(...)` / `N_(...)` templates are looked for (desktop/ui excepted)."""
MESSAGE_CALLS = frozenset({"Message", "N_"})
ENGLISH_PLURAL_FORMS = 2
SOURCE_LANGUAGE = "zh_CN"
TARGET_LANGUAGE = "en"

Key = tuple[str, str, str]
"""A message: (context, source, comment)."""


def qt_tool(name: str) -> str:
    """The path of a PySide6 tool (pyside6-lupdate …) next to this Python, or on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (install PySide6 in this Python's environment)")
    return found


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    """Every Python file of the window."""
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def _labelled_modules() -> Iterator[str]:
    """Every module of the client outside the window that may define code tables."""
    import desktop

    skip = ("desktop.ui", "desktop.cli", "desktop.app")
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        name = info.name
        if name.startswith(skip) or ".migrations" in name:
            continue
        yield name


def domain_labels() -> list[str]:
    """Every label the window shows through `desktop.ui.labels` (context "labels")."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in _labelled_modules():
        try:
            importlib.import_module(name)
        except Exception as exc:  # a module that cannot load has no labels to give
            print(f"warning: cannot import {name}: {exc}", file=sys.stderr)
    from desktop.domain.codes import Labelled
    from desktop.domain.deadlines import WARNING_COLOURS, WARNING_LABELS

    def subclasses(cls: type[Labelled]) -> Iterator[type[Labelled]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    found: list[str] = []
    for kind in subclasses(Labelled):
        for member in kind:
            try:
                found.append(member.label)
            except (KeyError, LookupError):  # a code table without labels
                continue
    found.extend(WARNING_LABELS.values())
    found.extend(WARNING_COLOURS.values())
    from desktop.domain.fields import FIELD_LABELS
    from desktop.domain.notice_content import FIELD_LABELS as NOTICE_FIELD_LABELS

    found.extend(FIELD_LABELS.values())
    found.extend(NOTICE_FIELD_LABELS.values())
    return list(dict.fromkeys(text for text in found if text))


def message_sources(dirs: Iterable[Path] = MESSAGE_DIRS) -> list[Path]:
    """Every Python file that may make a domain message (the window's own are lupdate's)."""
    found: list[Path] = []
    for folder in dirs:
        found.extend(
            p
            for p in folder.rglob("*.py")
            if "__pycache__" not in p.parts and not p.is_relative_to(UI_DIR)
        )
    return sorted(found)


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def message_templates(sources: Iterable[Path] | None = None) -> list[str]:
    """The first string argument of every `Message(...)` and `N_(...)` call, in file order."""
    found: list[str] = []
    for path in message_sources() if sources is None else sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _call_name(node) not in MESSAGE_CALLS:
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                found.append(first.value)
    from desktop.domain.messages import LIST_SEPARATOR

    found.append(LIST_SEPARATOR)
    return list(dict.fromkeys(found))


def add_messages(root: ET.Element, templates: Iterable[str]) -> None:
    """Add the context "messages" (or the templates it misses) to a .ts tree."""
    context = next(
        (c for c in root.iter("context") if c.findtext("name") == MESSAGES_CONTEXT), None
    )
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = MESSAGES_CONTEXT
    have = {m.findtext("source") for m in context.findall("message")}
    for text in templates:
        if text in have:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation", type="unfinished")
        if "%n" in text:
            message.set("numerus", "yes")
            for _ in range(ENGLISH_PLURAL_FORMS):
                ET.SubElement(translation, "numerusform")


def run_lupdate(out: Path, sources: Iterable[Path]) -> None:
    """Extract the translatable strings of `sources` into a new .ts file `out`."""
    out.unlink(missing_ok=True)
    command = [qt_tool("pyside6-lupdate"), *map(str, sources)]
    command += ["-source-language", SOURCE_LANGUAGE, "-target-language", TARGET_LANGUAGE]
    command += ["-silent", "-ts", str(out)]
    subprocess.run(command, check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path) -> None:
    """Compile a .ts file into a .qm file."""
    command = [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, cwd=ROOT)


def message_key(context: str, message: ET.Element) -> Key:
    """The identity of a message."""
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def iter_messages(root: ET.Element) -> Iterator[tuple[Key, ET.Element]]:
    """Every message of a .ts tree with its key."""
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            yield message_key(name, message), message


def is_finished(message: ET.Element) -> bool:
    """Whether a message has a finished, non-empty translation."""
    translation = message.find("translation")
    if translation is None or translation.get("type") is not None:
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def translation_value(message: ET.Element) -> str | list[str]:
    """The translation text of a message (a list for plural messages)."""
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    if forms:
        return [form.text or "" for form in forms]
    return translation.text or ""


def set_translation(message: ET.Element, value: str | list[str], finished: bool = True) -> None:
    """Put `value` into a message's translation."""
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    forms = translation.findall("numerusform")
    if isinstance(value, list) and forms:
        for form, text in zip(forms, value, strict=False):
            form.text = text
    elif isinstance(value, str):
        translation.text = value
    if finished:
        translation.attrib.pop("type", None)
    else:
        translation.set("type", "unfinished")


def add_labels(root: ET.Element, labels: Iterable[str]) -> None:
    """Add the context "labels" (or the labels it misses) to a .ts tree."""
    context = next((c for c in root.iter("context") if c.findtext("name") == LABELS_CONTEXT), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = LABELS_CONTEXT
    have = {m.findtext("source") for m in context.findall("message")}
    for text in labels:
        if text in have:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")


def merge(fresh: ET.Element, old: ET.Element | None) -> None:
    """Carry the translations of `old` over to the matching messages of `fresh`."""
    if old is None:
        return
    known = dict(iter_messages(old))
    for key, message in iter_messages(fresh):
        previous = known.get(key)
        if previous is None:
            continue
        value = translation_value(previous)
        if value and value != [""] * len(value):
            set_translation(message, value, finished=is_finished(previous))


def fill(root: ET.Element, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Put translations from a {context: {source: text}} mapping; return how many."""
    count = 0
    for (context, source, _comment), message in iter_messages(root):
        value = translations.get(context, {}).get(source)
        if value and (isinstance(value, str) or all(value)):
            set_translation(message, value)
            count += 1
    return count


def untranslated(root: ET.Element) -> list[Key]:
    """The messages without a finished translation."""
    return [key for key, message in iter_messages(root) if not is_finished(message)]


def read_ts(path: Path) -> ET.Element | None:
    """The tree of a .ts file, or None when there is none."""
    if not path.exists():
        return None
    return ET.parse(path).getroot()


def build(ts_dir: Path = TS_DIR) -> ET.Element:
    """Extract the current strings, add the labels and merge the existing translations."""
    # In the same folder as the .ts, so that the locations lupdate writes are relative to it.
    fresh_path = ts_dir / f".lupdate-{os.getpid()}.ts"
    try:
        run_lupdate(fresh_path, ui_sources())
        fresh = ET.parse(fresh_path).getroot()
    finally:
        fresh_path.unlink(missing_ok=True)
    add_labels(fresh, domain_labels())
    add_messages(fresh, message_templates())
    merge(fresh, read_ts(ts_dir / TS_FILE.name))
    return fresh


def write_ts(root: ET.Element, path: Path) -> None:
    """Write a .ts tree the way Qt Linguist reads it."""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def translations_of(root: ET.Element) -> dict[Key, tuple[bool, str | list[str]]]:
    """Each message's finished flag and translation (for comparing two trees)."""
    return {key: (is_finished(m), translation_value(m)) for key, m in iter_messages(root)}


def stale_reasons(root: ET.Element, ts: Path = TS_FILE, qm: Path = QM_FILE) -> list[str]:
    """Why the files on disk do not match the sources (empty when they do)."""
    reasons: list[str] = []
    on_disk = read_ts(ts)
    if on_disk is None:
        return [f"{ts.name} is missing"]
    if translations_of(on_disk) != translations_of(root):
        reasons.append(f"{ts.name} does not hold the current source strings")
    if not qm.exists():
        reasons.append(f"{qm.name} is missing")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            compiled = Path(tmp) / qm.name
            run_lrelease(ts, compiled)
            if compiled.read_bytes() != qm.read_bytes():
                reasons.append(f"{qm.name} is older than {ts.name}")
    return reasons


def dump_untranslated(root: ET.Element, path: Path) -> None:
    """Write the untranslated messages as a JSON to fill in."""
    todo: dict[str, dict[str, str | list[str]]] = {}
    for (context, source, _), message in iter_messages(root):
        if not is_finished(message):
            todo.setdefault(context, {})[source] = translation_value(message)
    path.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument("--fill", type=Path, help="JSON of translations to add")
    parser.add_argument("--dump-untranslated", type=Path, help="write a JSON of what is missing")
    args = parser.parse_args(argv)

    TS_DIR.mkdir(parents=True, exist_ok=True)
    root = build()
    if args.fill:
        count = fill(root, json.loads(args.fill.read_text(encoding="utf-8")))
        print(f"filled {count} translation(s) from {args.fill}")
    missing = untranslated(root)
    for context, source, _ in missing:
        print(f"untranslated: [{context}] {source!r}")
    total = sum(1 for _ in iter_messages(root))
    print(f"{total} strings, {total - len(missing)} translated, {len(missing)} untranslated")
    if args.dump_untranslated:
        dump_untranslated(root, args.dump_untranslated)
    if args.check:
        reasons = stale_reasons(root)
        for reason in reasons:
            print(f"stale: {reason}")
        if reasons:
            print("run: python tools/update_translations.py")
        return 1 if missing or reasons else 0
    write_ts(root, TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    print(f"wrote {TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
