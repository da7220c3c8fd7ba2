"""`cluedesk backup` and `cluedesk restore`: copies of the store, and putting one back."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class BackupCliError(Exception):
    """Bad input for backup/restore: one line, exit status 2."""


def _folder(value: str | None) -> Path:
    from desktop.store.database import default_data_dir

    return Path(value).expanduser() if value else default_data_dir()


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the store consistently (while the window may run): a rotated manual backup or FILE."""
    from desktop.store.backups import MANUAL, copy_database, take_backup
    from desktop.store.database import DB_FILE
    from desktop.store.health import store_missing

    folder = _folder(args.data_dir)
    if store_missing(folder, DB_FILE):
        raise BackupCliError(f"数据目录 {folder} 中没有线索库，无法备份")
    db_path = folder / DB_FILE
    if args.out:
        out = Path(args.out).expanduser()
        if os.path.lexists(out):
            raise BackupCliError(f"--out 文件已存在：{out}（为免覆盖，请换一个文件名）")
        if not out.parent.is_dir():
            raise BackupCliError(f"--out 所在的文件夹不存在：{out.parent}")
        copy_database(db_path, out)
        where, size = out, out.stat().st_size
    else:
        made = take_backup(db_path, MANUAL)
        where, size = made.path, made.size
    print(f"已备份线索库到 {where}（{_size(size)}）")
    print("附件文件不在备份中：恢复后会从平台重新下载。")
    return 0


@contextmanager
def _folder_held(folder: Path) -> Iterator[None]:
    """Hold the data folder's lock (the window's) while restoring; refuse when it is taken."""
    from desktop.ui.single_instance import SingleInstance

    instance = SingleInstance(folder)
    if not instance.lock.tryLock(0):
        pid, host = instance.owner()
        who = f"（进程 {pid}{'，计算机 ' + host if host else ''}）" if pid else ""
        raise BackupCliError(
            f"数据目录 {folder} 正由 cluedesk 窗口使用{who}，请先关闭窗口再恢复备份"
        )
    try:
        yield
    finally:
        instance.release()


def _sound(db_path: Path) -> bool:
    from desktop.store.backups import check_store_file
    from desktop.store.errors import StoreUnusable

    try:
        check_store_file(db_path)
    except StoreUnusable:
        return False
    return True


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the store: the old file kept, its pending actions salvaged."""
    from desktop.store.backups import check_store_file, latest_good_backup
    from desktop.store.database import DB_FILE
    from desktop.store.errors import StoreUnusable
    from desktop.store.recovery import restore

    folder = _folder(args.data_dir)
    if bool(args.file) == bool(args.latest):
        raise BackupCliError("请给出要恢复的备份文件，或用 --latest 恢复最近的可用备份（二选一）")
    if args.file:
        source = Path(args.file).expanduser()
        try:
            check_store_file(source, folder)
        except StoreUnusable as exc:
            raise BackupCliError(f"不能恢复：{exc}") from None
    else:
        latest = latest_good_backup(folder)
        if latest is None:
            raise BackupCliError(f"数据目录 {folder} 的 backups 文件夹中没有可用的备份")
        source = latest.path
    if not folder.is_dir():
        raise BackupCliError(f"数据目录 {folder} 不存在")
    with _folder_held(folder):
        db_path = folder / DB_FILE
        damaged = os.path.lexists(db_path) and not _sound(db_path)
        store, done = restore(folder, source, damaged=damaged)
        store.close()
    _report(done, source)
    return 0


def _report(done: Any, source: Path) -> None:
    print(f"已从备份 {source} 恢复线索库")
    if done.kept is not None:
        print(f"原线索库已保留为 {done.kept}（没有删除）")
    if done.salvaged:
        print(f"从原线索库取回了 {done.salvaged} 条备份中没有的本机操作，下次同步时上传")
    if not done.salvage_complete:
        print("注意：原线索库中有部分数据无法读取，其中的操作未能全部取回")
    print(
        "下次打开 cluedesk 或运行 cluedesk sync 时会与平台完整重新同步；"
        "附件文件不在备份中，需要时会从平台重新下载。"
    )


def add_backup_parsers(commands: Any) -> None:
    """The `backup` and `restore` subcommands."""
    backup = commands.add_parser("backup", help="备份本机线索库（窗口打开时也可以）")
    backup.add_argument("--data-dir", help="数据目录")
    backup.add_argument("--out", help="备份到此文件（默认：数据目录的 backups 文件夹，按份数轮换）")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="从备份恢复本机线索库（需先关闭窗口）")
    restore.add_argument("file", nargs="?", help="备份文件")
    restore.add_argument("--latest", action="store_true", help="恢复最近的可用备份")
    restore.add_argument("--data-dir", help="数据目录")
    restore.set_defaults(handler=cmd_restore)
