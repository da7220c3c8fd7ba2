"""What the document commands (`cluedesk notice`, `cluedesk case`) share: their one-line
errors, the data folder they read and how a failure is told (no Qt is imported here)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


class DocumentCliError(Exception):
    """A problem to tell the user in one line (exit status 2)."""


def run_command(
    command: str, run: Callable[[argparse.Namespace], int], args: argparse.Namespace
) -> int:
    """Run `cluedesk COMMAND`; 0 on success, 2 (with a message on stderr) on bad input."""
    from desktop.store.health import StoreUnusable

    try:
        return run(args)
    except (DocumentCliError, StoreUnusable) as exc:
        print(f"cluedesk {command}: {exc}", file=sys.stderr)
        return 2


def store_dir(value: str | None) -> Path:
    """The data folder of `--data-dir` (default: this machine's); it must hold a store."""
    from desktop.store.database import DB_FILE, default_data_dir
    from desktop.store.health import store_missing

    folder = Path(value).expanduser() if value else default_data_dir()
    if store_missing(folder, DB_FILE):
        raise DocumentCliError(f"数据目录 {folder} 中没有线索库（可先运行 cluedesk demo-data）")
    return folder


def run_alone(
    add_parser: Callable[[Any], argparse.ArgumentParser], argv: Sequence[str] | None
) -> int:
    """Parse `argv` for one document command (added by `add_parser`) and run it."""
    parser = argparse.ArgumentParser(prog="cluedesk")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))
