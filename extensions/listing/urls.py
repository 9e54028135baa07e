"""Pure: the blog's one URL scheme, for pages, feeds, templates and the sitemap.

Every generated page is named here, and nowhere else:

=====================  =======================================  ==========================
page                   docname (``.html`` is the builder's)     feeds
=====================  =======================================  ==========================
home, page N           ``index``, ``page/N``                    ``feeds/``
all posts, page N      ``blog``, ``blog/page/N``                ``feeds/``
by year (catalog)      ``blog/archive``
a year, page N         ``blog/2025``, ``blog/2025/page/N``      ``feeds/year/2025/``
tags (catalog)         ``blog/tag``
a tag, page N          ``blog/tag/<slug>``, ``.../page/N``      ``feeds/tag/<slug>/``
=====================  =======================================  ==========================

and likewise ``category`` and ``author``. ``blog`` is ``blog_path`` and ``feeds`` the feeds
folder; a tag's slug is :func:`slugify` of its name.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

#: The indexes a post is filed under, each with a page per name and a catalog of names.
KINDS: tuple[str, ...] = ("tag", "category", "author")
#: The same, and the year: the indexes that can have their own feeds.
FEED_KINDS: tuple[str, ...] = ("tag", "category", "author", "year")

#: The file of each feed format in a feeds folder (``feeds_formats`` in conf.py).
FEED_FILES: dict[str, str] = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}

#: Longest slug (a file name); longer names are cut and keep a hash to stay apart.
MAX_SLUG = 80

_SPOKEN = {"+": " plus ", "#": " sharp "}
_PATH_SAFE = "/:@!$&()*+,;=-._~"


_SYMBOLS = re.compile(r"[+#]")
_NOT_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


@functools.lru_cache(maxsize=8192)  # a pure function of a name, asked for on every page
def slugify(name: str) -> str:
    """The slug of a tag, category or author: ``C++`` -> ``c-plus-plus``, ``Café`` -> ``cafe``.

    Accents are decomposed, ``+`` and ``#`` spelled out (so C, C++ and C# get pages of their
    own), other symbols dropped, words joined with ``-``. Never empty (a name without letters
    or digits gets a hash) and never longer than :data:`MAX_SLUG`.
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = _SYMBOLS.sub(lambda match: _SPOKEN[match.group(0)], text)
    text = _NOT_WORD.sub("", text).strip().lower()
    slug = _SEPARATORS.sub("-", text).strip("-")
    digest = hashlib.sha1(str(name).encode("utf-8")).hexdigest()[:8]
    if not slug:
        return f"n-{digest}"
    if len(slug) > MAX_SLUG:
        return f"{slug[: MAX_SLUG - 9].rstrip('-')}-{digest}"
    return slug


@dataclass(frozen=True)
class Scheme:
    """Where the generated pages and feeds live (``blog_path``, the feeds folder)."""

    root_doc: str = "index"
    blog_path: str = "blog"
    feeds_path: str = "feeds"

    def _blog(self, path: str) -> str:
        return f"{self.blog_path}/{path}" if self.blog_path else path

    @property
    def all_posts(self) -> str:
        return self.blog_path or "posts-list"

    @property
    def archive(self) -> str:
        return self._blog("archive")

    def catalog(self, kind: str) -> str:
        """The page listing every tag (category, author)."""
        return self._blog(kind)

    def index(self, kind: str, name: str) -> str:
        """The page of one tag, category, author or year."""
        if kind == "year":
            return self._blog(str(name))
        return self._blog(f"{kind}/{slugify(name)}")

    def page(self, docname: str, number: int) -> str:
        """A page of older posts of the list whose first page is ``docname``: ``number`` 2
        holds the oldest posts (see ``derive.paginate``); 1 or less is the first page."""
        if number <= 1:
            return docname
        if docname == self.root_doc:
            return f"page/{number}"
        return f"{docname}/page/{number}"

    def feed_folder(self, kind: str = "", name: str = "") -> str:
        """The folder of the main feeds (no ``kind``) or of one index's feeds."""
        if not kind:
            return self.feeds_path
        slug = str(name) if kind == "year" else slugify(name)
        return f"{self.feeds_path}/{kind}/{slug}"


def quote_path(path: str) -> str:
    """A page path as it may appear in a URL (``café au lait.html`` -> ``caf%C3%A9%20au...``);
    existing ``%XX`` escapes are kept."""
    return quote(path, safe=_PATH_SAFE + "%")


def absolute_url(base_url: str, path: str) -> str:
    """``base_url`` (ending with "/") joined with a site path, percent-encoded."""
    return base_url + quote_path(path.lstrip("/"))


@dataclass(frozen=True)
class SiteLink:
    """Where a link written in a post leads: a page (docname) or another file of the site
    (``path``, e.g. a feed), and the fragment after ``#``."""

    docname: str = ""
    path: str = ""
    fragment: str = ""


def site_link(target: str, from_docname: str) -> SiteLink | None:
    """The page of the site a relative link from ``from_docname`` names, or None for a link
    that leaves the site (a scheme, ``//host``, or ``..`` above its root).

    ``/x`` starts at the site's root (as MyST reads it), ``x/`` and ``x/index.html`` name
    ``x/index``, and ``.html`` is dropped: ``../../blog/tag/elixir.html#top`` from
    ``posts/2025/a`` is the page ``blog/tag/elixir``, fragment ``top``."""
    path, _, fragment = target.partition("#")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//", path) or "\\" in path or "\x00" in path:
        return None
    if not path:
        return SiteLink(docname=from_docname, fragment=fragment)
    folder = [] if path.startswith("/") else from_docname.split("/")[:-1]
    parts = folder
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts = parts[:-1]
        else:
            parts = [*parts, part]
    if path.endswith("/") or not parts:
        parts = [*parts, "index"]
    joined = "/".join(parts)
    if joined.endswith(".html"):
        return SiteLink(docname=joined[: -len(".html")], fragment=fragment)
    if "." in parts[-1]:
        return SiteLink(path=joined, fragment=fragment)
    return SiteLink(docname=joined, fragment=fragment)
