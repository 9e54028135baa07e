"""Pure: small publishing files (robots.txt, sitemap.xml) and which feed files went stale."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from .links import absolute_url
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


#: Folders of the output that hold assets, never pages.
ASSET_FOLDERS = ("_static", "_images", "_downloads", "_sources", "feeds")


def sitemap_pages(files: Iterable[str], excludes: Iterable[str]) -> list[str]:
    """The pages a sitemap lists: every HTML file of the output ("/"-separated, relative),
    but assets, hidden folders and the excluded pages (404, search, ...)."""
    excluded = set(excludes)
    pages = []
    for path in files:
        parts = path.split("/")
        if not path.endswith(".html") or path in excluded:
            continue
        if parts[0] in ASSET_FOLDERS or any(part.startswith(".") for part in parts):
            continue
        pages.append(path)
    return sorted(pages)


def sitemap_xml(base_url: str, pages: Iterable[str], directory_urls: bool = False) -> bytes:
    """A sitemap (sitemaps.org 0.9) of absolute page URLs, in a stable order."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for page in pages:
        if directory_urls and (page == "index.html" or page.endswith("/index.html")):
            page = page[: -len("index.html")]
        lines.append(f"  <url><loc>{escape(absolute_url(base_url, page))}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
