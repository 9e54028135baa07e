"""One visit of every page of the built site in a colour scheme, and what it found.

`crawl_site` opens every HTML page of the output (redirect-only pages aside) in one page of one
browser context at desktop size, runs axe-core once on each, and records console and page errors,
failed same-origin requests, each page's icon, links and ids, and axe's findings. Links and the
icon are checked at the end, against the output folder and the server. The report is plain data
(JSON), so xdist workers can share it (the `crawler` fixture in conftest.py).
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from .accessibility import Axe, violations
from .chromium import VIEWPORTS
from .site_server import html_pages, public_base

SCHEMES = ("light", "dark")


def problems(found: list[Any], what: str, limit: int = 25) -> str:
    """An assertion message: how many, and the first `limit` of them, one a line."""
    shown = "\n  ".join(map(str, found[:limit]))
    more = f"\n  ... and {len(found) - limit} more" if len(found) > limit else ""
    return f"{len(found)} {what}:\n  {shown}{more}"


#: Run in the page after axe: where each flagged node is, and the page's links, ids and icon.
READ_PAGE = """targets => {
  const area = target => {
    const el = target.length === 1 && typeof target[0] === 'string'
      ? document.querySelector(target[0]) : null;
    if (!el) return 'page';
    if (el.closest('footer, .footer, [role="contentinfo"]')) return 'footer';
    if (el.closest('pre, code, .highlight')) return 'code';
    return 'page';
  };
  const icon = document.querySelector('link[rel~="icon" i][href]');
  return {
    areas: targets.map(area),
    links: Array.from(document.querySelectorAll('a[href]'), a => [a.getAttribute('href'), a.href]),
    ids: Array.from(document.querySelectorAll('[id]'), el => el.id)
      .concat(Array.from(document.querySelectorAll('a[name]'), a => a.name)),
    icon: icon ? icon.href : new URL('/favicon.ico', location.href).href,
  };
}"""


@dataclasses.dataclass(frozen=True)
class Finding:
    """One node axe flagged on one page."""

    page: str
    rule: str
    impact: str
    help: str
    target: str
    html: str
    area: str  # "footer", "code" (code blocks, Pygments) or "page"

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) {self.help}: {self.target} {self.html!r}"


@dataclasses.dataclass
class SiteReport:
    """What one crawl of the whole site found; every problem is a line naming its page."""

    scheme: str
    pages: dict[str, int]  # page -> HTTP status
    console_errors: list[str]
    failed_requests: list[str]
    icons: list[str]
    broken_links: list[str]
    findings: list[Finding]
    axe: bool  # False when axe-core is not installed: no findings were looked for
    seconds: float

    @classmethod
    def from_json(cls, text: str) -> SiteReport:
        data = json.loads(text)
        data["findings"] = [Finding(**finding) for finding in data["findings"]]
        return cls(**data)


def link_target(url: str, site_url: str, public: str | None) -> tuple[str, str] | None:
    """(path in the output, fragment) for a link into the site; ("", "") for one to the same
    host outside the site; None for one that leaves it. A link into the site goes to where it is
    served or to its public address (html_baseurl: the home page's feed links are absolute)."""
    for base in filter(None, (site_url, public)):
        if url.startswith(base):
            parts = urllib.parse.urlsplit(url[len(base) :])
            path = urllib.parse.unquote(parts.path)
            if path == "" or path.endswith("/"):
                path += "index.html"
            return path, urllib.parse.unquote(parts.fragment)
    if url.startswith("{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(site_url))):
        return "", ""
    return None


def broken_links(
    site: Path, site_url: str, links: dict[str, list[list[str]]], ids: dict[str, set[str]]
) -> list[str]:
    """Links (page -> [href as written, absolute URL]) that lead to no file, or to no such id."""
    public = public_base(site)
    broken = []
    for page, page_links in links.items():
        for written, url in page_links:
            target = link_target(url, site_url, public)
            if target is None:
                continue
            path, fragment = target
            if not path or not (site / path).is_file():
                broken.append(f"{page}: {written!r} -> no such file in the output")
                continue
            if not fragment or not path.endswith(".html") or fragment.lower() == "top":
                continue
            if path not in ids:  # a page the crawl skipped (a redirect): read its ids
                text = (site / path).read_text(encoding="utf-8", errors="replace")
                ids[path] = set(re.findall(r"""\b(?:id|name)=["']([^"']+)["']""", text))
            if fragment not in ids[path]:
                broken.append(f"{page}: {written!r} -> no id {fragment!r} in {path}")
    return broken


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def crawl_site(browser, axe: Axe | None, site: Path, site_url: str, scheme: str) -> SiteReport:
    """Visit every HTML page of the output at desktop size in `scheme`, and report."""
    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(site_url))
    context = browser.new_context(**VIEWPORTS["desktop"], color_scheme=scheme)
    context.set_default_timeout(15_000)
    page = context.new_page()
    current = ""
    console: dict[str, list[str]] = {}
    failed: dict[str, dict[str, str]] = {}  # page -> {url: why}

    def failed_request(url: str, why: str) -> None:
        if url.startswith(origin):
            failed.setdefault(current, {}).setdefault(url, why)

    def on_console(message) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and url.startswith(origin):
            failed_request(url, message.text)  # reported with the failed requests, by URL
        else:
            line = message.location.get("lineNumber")
            console.setdefault(current, []).append(f"{message.text} ({url}:{line})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: console.setdefault(current, []).append(f"error: {error}"))
    page.on("requestfailed", lambda request: failed_request(request.url, request.failure or "?"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and failed_request(response.url, str(response.status))
        ),
    )
    statuses: dict[str, int] = {}
    findings: list[Finding] = []
    links: dict[str, list[list[str]]] = {}
    ids: dict[str, set[str]] = {}
    icons: dict[str, list[str]] = {}  # icon URL -> pages
    start = time.perf_counter()
    for current in html_pages(site):
        response = page.goto(site_url + current, wait_until="load")
        statuses[current] = response.status if response else 0
        results = axe.run(page, {"resultTypes": ["violations"]}) if axe else {"violations": []}
        nodes = [(v, node) for v in violations(results) for node in v["nodes"]]
        read = page.evaluate(READ_PAGE, [node["target"] for _, node in nodes])
        findings += [
            Finding(
                page=current,
                rule=v["id"],
                impact=v["impact"],
                help=v["help"],
                target=" ".join(map(str, node["target"])),
                html=node["html"][:120],
                area=area,
            )
            for (v, node), area in zip(nodes, read["areas"], strict=True)
        ]
        links[current] = read["links"]
        ids[current] = set(read["ids"])
        icons.setdefault(read["icon"], []).append(current)
    seconds = time.perf_counter() - start
    context.close()
    icon_of = {page: icon for icon, pages in icons.items() for page in pages}
    return SiteReport(
        scheme=scheme,
        pages=statuses,
        console_errors=[f"{page}: {error}" for page, errors in console.items() for error in errors],
        failed_requests=[
            f"{page}: {url} -> {why}"
            for page, urls in failed.items()
            for url, why in urls.items()
            if url != icon_of.get(page)  # the icon has its own test
        ],
        icons=[
            f"{icon} -> HTTP {status}, the icon of {len(pages)} pages"
            for icon, pages in sorted(icons.items())
            if not icon.startswith("data:") and (status := http_status(icon)) != 200
        ],
        broken_links=broken_links(site, site_url, links, ids),
        findings=findings,
        axe=axe is not None,
        seconds=seconds,
    )
