"""`python -m bench [--quick] [--only NAME[,NAME]] [--markdown FILE] [--json FILE]`."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the Qt benches draw off screen

from bench.runner import main, quiet_offscreen_notes  # noqa: E402

if __name__ == "__main__":
    quiet_offscreen_notes()
    sys.exit(main())
