"""Old addresses: which are acceptable, which files serve them, and the page each file holds.

Pure functions. An old address is a path on this site: ``/old/slug/``, ``/old/slug.html`` or
``/old/slug`` (percent-escapes allowed). It must not be a URL of another site, climb out of
the site (``..``), use dot-segments or hidden names (``/.well-known``), nor name a file that
an HTML page cannot stand in for (``/feed.xml``).
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import quote, unquote, urljoin, urlsplit

from .model import Problem

_HTML = (".html", ".htm")
_EXTENSION = re.compile(r"\.([A-Za-z][A-Za-z0-9]{0,5})$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]")


def values(value: object) -> tuple[object, ...]:
    """A front-matter value as a tuple of entries: one path or a list of them."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(value)
    return (value,)


def site_path(value: object) -> str | Problem:
    """The old address as a clean site-relative path (``/old/slug/``), or why it is refused."""
    if not isinstance(value, str):
        return Problem("value", f"an old address must be a path such as /old/slug/, not {value!r}")
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme or text.startswith("//"):
        return Problem("path", f"{text!r} is a full URL; give the path on this site (/old/slug/)")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        return Problem("path", f"{text!r} has a query or fragment; give only the path")
    path = unquote(text)
    if _UNSAFE.search(path):
        return Problem("path", f"{text!r} holds a backslash or a control character")
    path = re.sub(r"/{2,}", "/", path)
    segments = path.strip("/").split("/")
    if not path.strip("/"):
        return Problem("path", f"{text!r} is the site's root, which the home page serves")
    if any(segment in (".", "..") for segment in segments):
        return Problem("path", f"{text!r} has a '.' or '..' segment")
    if any(segment.startswith(".") for segment in segments):
        return Problem("path", f"{text!r} names a hidden file or folder")
    return "/" + "/".join(segments) + ("/" if path.endswith("/") else "")


def files_for(path: str) -> tuple[str, str | None] | Problem:
    """The file that serves ``path`` (and a second one for an address without extension).

    ``/old/slug/`` → ``old/slug/index.html``; ``/old/slug.html`` → itself; ``/old/slug`` →
    ``old/slug/index.html`` and ``old/slug.html`` (servers differ in which they look for).
    """
    inner = path.strip("/")
    if path.endswith("/"):
        return inner + "/index.html", None
    if inner.lower().endswith(_HTML):
        return inner, None
    extension = _EXTENSION.search(inner.rsplit("/", 1)[-1])
    if extension:
        return Problem(
            "path",
            f"{path!r} names a .{extension.group(1)} file; an HTML redirect page can only stand "
            "in for an address ending in /, .html or no extension",
        )
    return inner + "/index.html", inner + ".html"


def relative_url(file: str, target: str) -> str:
    """The address of ``target`` (a page's URI in the output) seen from ``file``."""
    folder = posixpath.dirname(file) or "."
    path, _, fragment = target.partition("#")
    relative = posixpath.relpath(path or ".", folder)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return quote(relative, safe="/:@!$&'()*+,;=~-._%") + ("#" + fragment if fragment else "")


def canonical_url(base: str, target: str) -> str:
    """The absolute address of ``target`` on a site published at ``base`` ("" without one)."""
    if not base:
        return ""
    return urljoin(base if base.endswith("/") else base + "/", target)


def redirect_page(*, url: str, canonical: str, title: str, language: str = "en") -> str:
    """A complete HTML page sending readers (and search engines) to ``url`` at once.

    No JavaScript: ``<meta http-equiv="refresh">`` moves the reader, ``<link rel=canonical>``
    tells search engines where the page now is, ``noindex`` keeps the old address out of their
    index, and a visible link serves whoever has automatic redirects turned off.
    """
    e = html.escape
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(language or "en")}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {e(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{e(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={e(url)}">\n'
        '<meta name="generator" content="extensions.redirects">\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{e(url)}">{e(title)}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def is_redirect_page(content: bytes) -> bool:
    """Did we write this file (an earlier build's redirect page)?"""
    return b'<meta name="generator" content="extensions.redirects">' in content[:2048]
