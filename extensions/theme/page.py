"""Pure: what every page of the theme says besides its content: the copyright line, the
description of a page that has none, which images are the site's own files."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

_YEAR = re.compile(r"\b(1[89]|2\d)\d\d\b")
_DESCRIPTION = re.compile(r"""<meta\s[^>]*name=["']description["']""", re.IGNORECASE)
#: Where a page's ``metatags`` get a description when they have none.
DESCRIPTION_TAG = '<meta name="description" content="{}" />\n'


def copyright_line(copyright: str, years: Iterable[int]) -> str:
    """``2023–2026 Ana Lima`` from the posts' years and ``copyright`` (the owner, unless
    conf.py says otherwise); a ``copyright`` that names a year is kept as it is."""
    owner = copyright.strip().rstrip(".")
    if _YEAR.search(owner):
        return owner
    known = sorted(set(years))
    if not known:
        return owner
    span = str(known[0]) if known[0] == known[-1] else f"{known[0]}\u2013{known[-1]}"
    return f"{span} {owner}".strip()


def has_description(metatags: str) -> bool:
    return bool(_DESCRIPTION.search(metatags))


def description(title: str, tagline: str, site: str) -> str:
    """A page without a text of its own (a tag page, the archive): its title, and the blog's
    tagline, else the site's name."""
    about = tagline.strip() or site.strip()
    parts = [part for part in (title.strip(), about) if part]
    return " \u2014 ".join(parts) if len(parts) > 1 else (parts[0] if parts else "")


def description_tag(text: str) -> str:
    return DESCRIPTION_TAG.format(escape(text)) if text else ""


def is_site_file(uri: str) -> bool:
    """An image of the site's own (``posts/x.png``), not a URL or a data: URI."""
    parts = urlsplit(uri)
    return bool(uri) and not parts.scheme and not parts.netloc and not uri.startswith("/")


_CODE = '<div class="highlight"><pre>'


def focusable_code(body: str) -> str:
    """Code blocks reachable by keyboard (``tabindex="0"``): a long line scrolls inside its
    block, and a keyboard user must be able to scroll it too."""
    return body.replace(_CODE, '<div class="highlight"><pre tabindex="0">')
