"""axe-core on every page of the built site, in light and dark: zero violations of any impact.

Reads the crawl of the whole site (the `report` fixture: axe ran once on each page). The
alabaster theme's findings (footer and code contrast, heading order, landmarks, a code block
that scrolled but could not be focused) were fixed by the blog's own theme (extensions/theme);
none is tolerated.
"""

from __future__ import annotations

import pytest

from .chromium import NO_AXE, axe_available
from .crawl import SCHEMES, problems

if not axe_available():
    pytest.skip(NO_AXE, allow_module_level=True)  # one line for the module

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations(axe, report):
    """Zero axe-core violations of any impact on every page."""
    assert report.axe
    assert not report.findings, problems(report.findings, "axe-core violations")
