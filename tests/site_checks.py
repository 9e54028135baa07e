"""Checks any built site must pass, whatever its posts: every internal link and picture
resolves to a file of the output (and a ``#fragment`` to an id on that page)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"))


@cache
def _ids(path: Path) -> frozenset[str]:
    document = html.document_fromstring(path.read_bytes())
    return frozenset(str(value) for value in document.xpath("//@id | //a/@name"))


def base_path(outdir: Path) -> str:
    """The path of the site's address ("/blog/"), read from robots.txt's sitemap line."""
    robots = outdir / "robots.txt"
    if robots.is_file():
        for line in robots.read_text(encoding="utf-8").splitlines():
            if line.startswith("Sitemap:"):
                return urlsplit(line.split(":", 1)[1].strip()).path.rsplit("/", 1)[0] + "/"
    return "/"


def broken_links(outdir: Path) -> list[str]:
    """``page: target`` for every internal link or resource that does not resolve.

    A path-absolute link (``/blog/tag/x.html``, as the 404 page has) is read against the
    path of the site's address."""
    prefix = base_path(outdir)
    outdir = outdir.resolve()
    broken: list[str] = []
    for page in sorted(outdir.rglob("*.html")):
        document = html.document_fromstring(page.read_bytes())
        for tag, attribute in LINK_ATTRIBUTES:
            for element in document.iter(tag):
                url = element.get(attribute)
                if not url:
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
                    continue
                if not parts.path:  # "#fragment" on the same page
                    target = page
                elif parts.path.startswith("/"):
                    if not parts.path.startswith(prefix):
                        broken.append(f"{page.relative_to(outdir)}: {url} (outside {prefix})")
                        continue
                    target = (outdir / unquote(parts.path[len(prefix) :])).resolve()
                    if target.is_dir():
                        target = target / "index.html"
                else:
                    target = (page.parent / unquote(parts.path)).resolve()
                    if target.is_dir():
                        target = target / "index.html"
                where = f"{page.relative_to(outdir)}: {url}"
                if not target.is_relative_to(outdir) or not target.is_file():
                    broken.append(where)
                elif parts.fragment and target.suffix == ".html":
                    if unquote(parts.fragment) not in _ids(target):
                        broken.append(where + " (no such id)")
    return broken


def list_pages(outdir: Path, first: str = "index.html") -> list[Path]:
    """A paginated list's pages, from its first page through each "Older posts" link."""
    pages = [outdir / first]
    while True:
        document = html.document_fromstring(pages[-1].read_bytes())
        following = document.xpath("//a[contains(@class, 'pager-next')]/@href")
        if not following:
            return pages
        pages.append((pages[-1].parent / unquote(str(following[0]))).resolve())
