"""Pure: small publishing files (robots.txt) and which written feed files went stale."""

from __future__ import annotations

from collections.abc import Iterable

from .model import FORMAT_FILES


def robots_txt(base_url: str, sitemap: str = "sitemap.xml") -> str:
    """Allow every crawler, and point at the sitemap (its absolute URL)."""
    lines = ["User-agent: *", "Disallow:", ""]
    if base_url and sitemap:
        lines += [f"Sitemap: {base_url}{sitemap}", ""]
    return "\n".join(lines)


def stale_feed_files(existing: Iterable[str], written: Iterable[str]) -> list[str]:
    """Feed files (output-relative, "/"-separated) present but not written by this build."""
    keep = set(written)
    names = set(FORMAT_FILES.values())
    return sorted(
        path for path in existing if path.rsplit("/", 1)[-1] in names and path not in keep
    )
