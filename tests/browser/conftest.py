"""Browser tests: Playwright for Python driving Debian's Chromium, against the real site.

The site is built once per session as `make html` builds it (`real_site`, tests/conftest.py)
and served on a loopback port under its public path (site_server.py). Fixtures:

- `site_url`: where the home page is served (`http://127.0.0.1:PORT/blog/`).
- `browser`: one headless Chromium per test session (per xdist worker).
- `scheme`: "light" (default) or "dark"; parametrize it to get both.
- `desktop_page` (1280x900) and `phone_page` (390x844, mobile, touch): a fresh page in a fresh
  context with `scheme` as the preferred colour scheme; `new_page(viewport, scheme)` for more.
- `axe`: runs axe-core (from npm) in a page; `accessibility.violations()` reads the results.

Never a downloaded browser: Chromium is Debian's (`CHROME_PATH`, else `chromium` on PATH). When it
is missing the browser tests are skipped, as are the axe tests when node_modules is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .accessibility import Axe
from .site_server import serve

HERE = Path(__file__).resolve().parent
AXE_CORE = HERE / "node_modules" / "axe-core"
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
VIEWPORTS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
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


@pytest.fixture(scope="session")
def site_server(real_site) -> Iterator[Any]:
    with serve(real_site) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(site_server) -> str:
    return site_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not chromium_available():
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh, temporary user-data dir.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def scheme() -> str:
    """The preferred colour scheme of the pages a test opens; parametrize it for dark."""
    return "light"


@pytest.fixture
def new_page(browser) -> Iterator[Callable[..., Any]]:
    """Open a page in its own context: `new_page("phone", "dark")`."""
    contexts = []

    def open_page(viewport: str = "desktop", scheme: str = "light") -> Any:
        context = browser.new_context(**VIEWPORTS[viewport], color_scheme=scheme)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def desktop_page(new_page, scheme) -> Any:
    return new_page("desktop", scheme)


@pytest.fixture
def phone_page(new_page, scheme) -> Any:
    return new_page("phone", scheme)


@pytest.fixture(scope="session")
def axe() -> Iterator[Axe]:
    """axe-core, served from node_modules on its own port and injected into pages on demand."""
    if not (AXE_CORE / "axe.min.js").is_file():
        pytest.skip(NO_AXE)
    with serve(AXE_CORE, prefix="/") as server:
        yield Axe(server.url + "axe.min.js")
