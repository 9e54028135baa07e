"""Browser tests (Playwright + Debian's Chromium). A package, so that its conftest does not
shadow tests/conftest.py as `conftest` for the modules that import from it."""

import pytest

from .chromium import NO_CHROMIUM, chromium_available


def setup_module() -> None:
    """Without Chromium every browser test is skipped, reported in one line."""
    if not chromium_available():
        pytest.skip(NO_CHROMIUM)
