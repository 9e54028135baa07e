"""Pure: where a hand-written link leads in the built site, and whether it arrives.

A page's links are read from its document (``sphinx_checks``); whether the file and the
anchor exist is answered from the files the build wrote and the ids their pages hold.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Mapping, Set
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .model import Finding, Link, Outside, SitePath

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ATTRIBUTE = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def raw_links(html: str) -> list[tuple[int, str, str]]:
    """``(line offset, target, kind)`` of each href and src in a piece of raw HTML."""
    found = []
    for match in _ATTRIBUTE.finditer(html):
        target = next(group for group in match.groups()[1:] if group is not None)
        kind = "image" if match.group(1).lower() == "src" else "link"
        found.append((html.count("\n", 0, match.start()), target.strip(), kind))
    return found


def resolve(target: str, page: str, base_url: str = "") -> SitePath | Outside | None:
    """Where ``target``, written on the page at ``page`` (``posts/2025/x.html``), leads:
    a path in the site, a way out of it, or None for a link elsewhere (another site, mail,
    a script...), which is not checked. ``base_url`` is where the site is published."""
    target = target.strip()
    if target in ("", "#"):
        return None
    base_path = urlsplit(base_url).path or "/" if base_url else "/"
    if not base_path.endswith("/"):
        base_path += "/"
    if base_url and target.startswith(base_url):  # the site's own full address
        target = base_path + target[len(base_url) :]
    elif base_url and target.startswith("//") and ("https:" + target).startswith(base_url):
        target = base_path + ("https:" + target)[len(base_url) :]
    if _SCHEME.match(target) or target.startswith("//"):
        return None
    path, _, fragment = target.partition("#")
    path = unquote(path.partition("?")[0])
    fragment = unquote(fragment)
    if not path:
        return SitePath(page, fragment)
    if path.startswith("/"):
        if not path.startswith(base_path) and path + "/" != base_path:
            return Outside(
                f"the site is published under {base_path}, so {path} is another site's page there"
            )
        joined = path[len(base_path) :]
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    parts: list[str] = []
    for part in joined.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return Outside("it climbs above the site's root folder")
            parts.pop()
        else:
            parts.append(part)
    resolved = "/".join(parts)
    if not resolved or path.endswith("/"):
        resolved = posixpath.join(resolved, "index.html")
    return SitePath(resolved, fragment)


def arrival(path: str, files: Set[str]) -> str | None:
    """The file a path is served from (as static hosts do: ``x/`` and ``x`` try
    ``x/index.html`` and ``x.html``), or None when there is none."""
    for candidate in (path, f"{path}.html", f"{path}/index.html"):
        if candidate in files:
            return candidate
    return None


def pages_with_anchors(
    links: Iterable[Link], page_of: Mapping[str, str], files: Set[str], base_url: str = ""
) -> set[str]:
    """The pages whose ids must be read: those a link names an anchor of."""
    needed = set()
    for link in links:
        place = resolve(link.target, page_of.get(link.docname, ""), base_url)
        if isinstance(place, SitePath) and place.fragment:
            served = arrival(place.path, files)
            if served and served.endswith(".html"):
                needed.add(served)
    return needed


def broken_links(
    links: Iterable[Link],
    page_of: Mapping[str, str],
    source_of: Mapping[str, str],
    files: Set[str],
    ids: Mapping[str, Set[str]],
    base_url: str = "",
) -> list[Finding]:
    """A finding for each link that leads nowhere: no such file, no such anchor on the
    page, or out of the site. ``page_of``/``source_of`` give a docname's page and source
    file; ``ids`` the anchors of the pages :func:`pages_with_anchors` named."""
    found = []
    for link in links:
        page = page_of.get(link.docname)
        if page is None:
            continue
        source = source_of.get(link.docname, link.docname)
        noun = "image" if link.kind == "image" else "link"
        place = resolve(link.target, page, base_url)
        if isinstance(place, Outside):
            found.append(
                Finding(
                    source,
                    link.line,
                    f"{noun} to {link.target!r} leads out of the site: {place.why}",
                    "write the address relative to this page (or the site's full URL)",
                    "link",
                    link.target,
                )
            )
            continue
        if place is None:
            continue
        served = arrival(place.path, files)
        if served is None:
            found.append(
                Finding(
                    source,
                    link.line,
                    f"{noun} to {link.target!r}: the site has no {place.path}",
                    "write the image as Markdown, ![what it shows](path), which publishes "
                    "the file (raw HTML does not)"
                    if link.kind == "image"
                    else "point it at a file the site has (its path relative to this page), "
                    "or remove it",
                    "link",
                    link.target,
                )
            )
        elif place.fragment and served.endswith(".html"):
            anchors = ids.get(served, frozenset())
            if place.fragment not in anchors:
                near = difflib.get_close_matches(place.fragment, sorted(anchors), n=3)
                hint = f" ({', '.join('#' + n for n in near)}?)" if near else ""
                found.append(
                    Finding(
                        source,
                        link.line,
                        f"{noun} to {link.target!r}: {served} has no anchor #{place.fragment}",
                        f"use an anchor the page has{hint}, or link to the page itself",
                        "anchor",
                        link.target,
                    )
                )
    return found


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                if value:
                    self.ids.add(value)


def page_ids(html: str) -> frozenset[str]:
    """Every anchor a page offers: its elements' ids, and ``<a name>``."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return frozenset(parser.ids)
