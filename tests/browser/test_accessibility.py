"""axe-core on every page of the built site, in light and dark: zero violations of any impact.

Reads the crawl of the whole site (the `report` fixture: axe ran once on each page). Today's
alabaster theme fails some rules; each is listed in KNOWN_FINDINGS and has a strict xfail test:
the day the new theme fixes one, its test passes, pytest reports XPASS(strict) as a failure, and
the entry is deleted. Any other violation fails test_axe_finds_no_violations at once.
"""

from __future__ import annotations

import dataclasses

import pytest

from .chromium import NO_AXE, axe_available
from .crawl import ALABASTER, SCHEMES, Finding, problems

if not axe_available():
    pytest.skip(NO_AXE, allow_module_level=True)  # one line for the module

pytestmark = pytest.mark.browser


@dataclasses.dataclass(frozen=True)
class Known:
    """A finding today's theme is known to have: one axe rule, anywhere or in one area."""

    rule: str
    area: str | None = None

    def matches(self, finding: Finding) -> bool:
        return finding.rule == self.rule and self.area in (None, finding.area)


#: What today's alabaster theme fails, each waiting for the new theme. When the theme fixes one,
#: its test_axe_known_finding_is_fixed reports XPASS(strict): delete the entry.
KNOWN_FINDINGS: dict[str, tuple[Known, str]] = {
    "footer-contrast": (
        Known("color-contrast", area="footer"),
        "the footer's #888 text on the page's #fffdf9 is 3.5:1, under WCAG AA's 4.5:1",
    ),
    "code-contrast": (
        Known("color-contrast", area="code"),
        "Pygments 'friendly' colours on the code background fail contrast "
        "(class names #0e84b5 3.8:1, numbers #40a070 2.9:1, comments #60a0b0 2.7:1, ...)",
    ),
    "heading-order": (
        Known("heading-order"),
        "the sidebar's 'Browse' heading is an h3 that follows the page's h1",
    ),
    "region": (
        Known("region"),
        "the footer is outside every landmark (no <footer>/contentinfo)",
    ),
    "landmark-banner-is-top-level": (
        Known("landmark-banner-is-top-level"),
        "the home page's greeting <header> is a banner landmark inside another landmark",
    ),
    "scrollable-region-focusable": (
        Known("scrollable-region-focusable"),
        "a code block with long lines scrolls sideways but cannot be reached by keyboard",
    ),
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations(axe, report):
    """Zero axe-core violations of any impact on every page, besides the known ones."""
    assert report.axe
    unknown = [
        finding
        for finding in report.findings
        if not any(known.matches(finding) for known, _ in KNOWN_FINDINGS.values())
    ]
    assert not unknown, problems(unknown, "axe-core violations")


@pytest.mark.parametrize(
    ("name", "scheme"),
    [
        pytest.param(
            name,
            scheme,
            marks=pytest.mark.xfail(
                strict=True, raises=AssertionError, reason=ALABASTER.format(why)
            ),
            id=f"{name}-{scheme}",
        )
        for name, (_, why) in KNOWN_FINDINGS.items()
        for scheme in SCHEMES
    ],
)
def test_axe_known_finding_is_fixed(axe, report, name):
    known, _ = KNOWN_FINDINGS[name]
    assert report.axe
    found = [finding for finding in report.findings if known.matches(finding)]
    assert not found, problems(found, f"{name} findings", limit=5)
