"""axe-core in a Playwright page: inject it, run it, read its violations.

axe-core comes from npm (tests/browser/package-lock.json pins it; `make test` runs `npm ci`).
The `axe` fixture (conftest.py) serves node_modules/axe-core on its own loopback port, so the
browser caches the compiled script across pages instead of receiving 500 kB per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Page

#: axe's impact levels, least to most severe; a violation of any of them counts.
IMPACTS = ("minor", "moderate", "serious", "critical")


@dataclass(frozen=True)
class Axe:
    """Runs axe-core (served at `script_url`) in pages."""

    script_url: str

    def inject(self, page: Page) -> None:
        """Load axe into the page's current document, once per document."""
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(url=self.script_url)

    def run(self, page: Page, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """`axe.run(document, options)` in the page: axe's whole results object."""
        self.inject(page)
        return page.evaluate("options => axe.run(document, options)", options or {})


def violations(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every violation in axe's results, whatever its impact (minor ones too)."""
    found = results["violations"]
    unknown = {v["impact"] for v in found} - set(IMPACTS)
    assert not unknown, f"axe reported impacts this helper does not know: {unknown}"
    return list(found)


def describe(violation: dict[str, Any], limit: int = 3) -> str:
    """One violation in a line or a few: rule, impact, what is wrong, and where."""
    nodes = violation["nodes"]
    where = "; ".join(
        f"{' '.join(map(str, node['target']))} {node['html'][:80]!r}" for node in nodes[:limit]
    )
    more = f" (+{len(nodes) - limit} more)" if len(nodes) > limit else ""
    return f"{violation['id']} ({violation['impact']}): {violation['help']}: {where}{more}"
