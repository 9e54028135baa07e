"""Which Chromium the browser tests use, how it is started, and the page sizes they open.

Always Debian's Chromium: $CHROME_PATH (the Makefile exports /usr/bin/chromium), else
`chromium` on PATH; never a browser downloaded by a test tool. lighthouse-run.mjs starts it with
the same flags.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
#: Headless, and quiet on a closed network: without the background-networking flags Chromium's
#: own connections are refused and logged.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Browser-context options for each page size.
VIEWPORTS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"

NO_CHROMIUM = (
    f"Debian's chromium is not installed ({CHROMIUM}): sudo apt-get install chromium "
    "(make test installs it when run as root or with passwordless sudo)"
)
NO_AXE = (
    "axe-core is not installed in tests/browser/node_modules: make test runs npm ci there "
    "when node and npm are installed (sudo apt-get install nodejs npm)"
)


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def axe_available() -> bool:
    return AXE_JS.is_file()
