"""The bundled app's entry point: `cluedesk` (the window) and its subcommands, frozen.

PyInstaller starts here; everything else is `desktop.cli.main`, as for an installed package.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _streams() -> None:
    """A windowed Windows executable has no console: its sys.stdout and sys.stderr are None.
    Point them at the null device so that a print or a flush does not fail."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    """Run the command line of cluedesk."""
    multiprocessing.freeze_support()  # the demo generator's spawned child re-enters here
    _streams()
    from desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
