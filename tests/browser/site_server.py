"""Serve a built site on a loopback port the way a static host serves it, and find pages in it.

Used by the browser tests (tests/browser/conftest.py) and by `make lighthouse`
(tests/browser/lighthouse.py); standard library only.

The site is mounted at the path of its public address (`html_baseurl`, read back from the home
page's canonical link: `/blog/` for `https://ana-lima.github.io/blog/`), so that `404.html`,
whose links start from that path, works as it does on the real host. A miss under that path is
answered with `404.html` and status 404, as GitHub Pages does; anything outside it is a plain
404 (a browser asking for `/favicon.ico` at the host's root gets one, as on a project site).
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import io
import re
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Where posts live in the output (README: posts/YYYY/<slug>.md -> posts/YYYY/<slug>.html).
POSTS_FOLDER = "posts/"
#: Where ABlog writes the tag pages (conf.py's blog_path, then tag/).
TAG_FOLDER = "blog/tag/"

_REFRESH = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.IGNORECASE)


class _LinkParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.in_article: list[bool] = []  # for each href: inside an <article>?
        self.canonical: str | None = None
        self._articles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._articles += 1
        elif tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
            self.in_article.append(self._articles > 0)
        elif tag == "link" and (values.get("rel") or "").lower() == "canonical":
            self.canonical = values.get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._articles:
            self._articles -= 1


def _parse(page: Path) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def public_base(site: Path) -> str | None:
    """The site's public address (`html_baseurl`), from the home page's canonical link."""
    canonical = _parse(site / "index.html").canonical
    if not canonical or not canonical.endswith("index.html"):
        return None
    return canonical.removesuffix("index.html")


def mount_path(site: Path) -> str:
    """The URL path the site is served under: its public address's path, else `/`."""
    base = public_base(site)
    path = urllib.parse.urlsplit(base).path if base else "/"
    return path if path.endswith("/") else path + "/"


def is_redirect_only(page: Path) -> bool:
    """A page that only sends the reader elsewhere (`<meta http-equiv="refresh">`)."""
    return bool(_REFRESH.search(page.read_text(encoding="utf-8", errors="replace")))


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the built site except redirect-only ones, as sorted relative paths."""
    pages = (p for p in site.rglob("*.html") if p.is_file() and not is_redirect_only(p))
    return sorted(p.relative_to(site).as_posix() for p in pages)


def linked_pages(site: Path, page: str, in_articles: bool = False) -> list[str]:
    """The site's pages that `page` links to, as relative paths, in document order; with
    `in_articles`, only the links inside <article> elements."""
    found: list[str] = []
    base = f"http://site.invalid/{page}"
    parsed = _parse(site / page)
    for href, in_article in zip(parsed.hrefs, parsed.in_article, strict=True):
        url = urllib.parse.urlsplit(urllib.parse.urljoin(base, href))
        if url.netloc == "site.invalid" and url.path.endswith(".html"):
            if in_article or not in_articles:
                found.append(urllib.parse.unquote(url.path.removeprefix("/")))
    return found


def newest_post(site: Path) -> str:
    """The newest post: the first post the home page's list links to (newest first). The list
    is the links inside <article> elements (one per post), else every link on the page."""
    for in_articles in (True, False):
        pages = linked_pages(site, "index.html", in_articles=in_articles)
        posts = [p for p in pages if p.startswith(POSTS_FOLDER)]
        if posts:
            return posts[0]
    raise LookupError(f"the home page links to no post under {POSTS_FOLDER}")


def a_tag_page(site: Path) -> str:
    """A tag page: the first one the newest post links to, else the first one in the output."""
    linked = [p for p in linked_pages(site, newest_post(site)) if p.startswith(TAG_FOLDER)]
    pages = linked or sorted(p for p in html_pages(site) if p.startswith(TAG_FOLDER))
    if not pages:
        raise LookupError(f"the site has no tag page under {TAG_FOLDER}")
    return pages[0]


@dataclass
class SiteServer:
    """A running server: `url` is where the site's home is (`http://127.0.0.1:PORT/blog/`)."""

    url: str
    origin: str
    prefix: str


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def send_head(self):  # type: ignore[no-untyped-def]
        if not self.path.startswith(self.prefix):
            self.send_error(404)  # nothing is served outside the mount point
            return None
        target = Path(self.translate_path(self.path))
        if not (target / "index.html" if target.is_dir() else target).exists():
            return self._not_found_page()  # and no folder listings
        return super().send_head()

    def _not_found_page(self) -> io.BytesIO | None:
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@contextmanager
def serve(site: Path, prefix: str | None = None) -> Iterator[SiteServer]:
    """Serve `site` on 127.0.0.1 (a free port) under `prefix` (default: its `mount_path`)."""
    prefix = prefix or mount_path(site)
    handler_class = type("Handler", (_Handler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield SiteServer(url=origin + prefix, origin=origin, prefix=prefix)
    finally:
        server.shutdown()
        server.server_close()
