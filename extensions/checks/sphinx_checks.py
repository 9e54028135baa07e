"""Boundary: with ``blog_check`` on (``make check`` turns it on), the build also reports
what would embarrass a published site, each as a located ``check.*`` warning.

At ``doctree-read`` each document's hand-written links are kept (per docname, in the
``checks`` domain: purge is a pop, a parallel merge copies the worker's docnames). At
``build-finished`` the posts' records, the scan's unpublished posts, the highlighter's plain
blocks and the written files are handed to the pure checks, and what they find is warned.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.util import logging

from .links import broken_links, page_ids, pages_with_anchors, raw_links
from .model import Finding, Link
from .posts import (
    duplicate_titles,
    line_holding,
    missing_descriptions,
    plain_code_blocks,
    unpublished_posts,
)

logger = logging.getLogger(__name__)

#: Largest page read for its anchors (a page of the blog is far smaller).
MAX_PAGE_BYTES = 20_000_000


class ChecksDomain(Domain):
    """``{"links": {docname: tuple[Link, ...]}}``, kept only in a checking build."""

    name = "checks"
    label = "Checks before publishing"
    initial_data: ClassVar = {"links": {}}
    data_version = 1

    @property
    def links(self) -> dict[str, tuple[Link, ...]]:
        return self.data.setdefault("links", {})

    def clear_doc(self, docname: str) -> None:
        self.links.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["links"]:
                self.links[docname] = otherdata["links"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def _line(node: nodes.Node) -> int | None:
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return None


def note_links(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: the links this document writes by hand (raw HTML, reST targets, full
    URLs); MyST's own links are checked by MyST as it resolves them."""
    if not app.config.blog_check:
        return
    docname = app.env.docname
    found: list[Link] = []
    for node in doctree.findall(nodes.reference):
        target = node.get("refuri")
        if target and not node.get("internal"):
            found.append(Link(docname, _line(node), str(target)))
    for node in doctree.findall(nodes.raw):
        if "html" in str(node.get("format", "")).split():
            start = _line(node)
            for offset, target, kind in raw_links(node.astext()):
                found.append(Link(docname, start + offset if start else None, target, kind))
    domain: Any = app.env.get_domain("checks")
    if found:
        domain.links[docname] = tuple(found)
    else:
        domain.links.pop(docname, None)


def _texts(app: Sphinx, paths: Set[str]) -> dict[str, str]:
    texts = {}
    for path in paths:
        try:
            texts[path] = Path(app.srcdir, path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    return texts


def findings(app: Sphinx) -> list[Finding]:
    """Everything the checks find in this build."""
    env = app.env
    if "blog" not in env.domains:  # a site without extensions.frontmatter: links only
        return _broken_links(app, lambda docname: env.doc2path(docname, base=False).as_posix())
    blog: Any = env.get_domain("blog")

    def source(docname: str) -> str:
        return env.doc2path(docname, base=False).as_posix()

    posts = [post for post in blog.posts.values() if post.docname not in blog.unpublished]
    unpublished = list(blog.unpublished.values())
    texts = _texts(app, {source(p.docname) for p in posts} | {u.path for u in unpublished})
    date_format = app.config.post_date_format or "%Y/%m/%d"
    found = missing_descriptions([(source(p.docname), p.description) for p in posts], texts)
    found += duplicate_titles(
        [(source(p.docname), p.title, p.date.isoformat() if p.date else "") for p in posts],
        texts,
    )
    found += unpublished_posts(
        [(u.path, u.reason, u.date) for u in unpublished], texts, date_format
    )
    if "highlight" in env.domains:
        from extensions.highlight.sphinx_domain import blocks_to_fix

        found += plain_code_blocks(
            (source(b.docname), b.line, b.language, str(b.reason)) for b in blocks_to_fix(env)
        )
    found += _broken_links(app, source)
    return found


def _broken_links(app: Sphinx, source: Any) -> list[Finding]:
    builder: Any = app.builder
    outdir = Path(app.outdir)
    domain: Any = app.env.get_domain("checks")
    links = [link for docname in sorted(domain.links) for link in domain.links[docname]]
    page_of = {d: builder.get_target_uri(d) for d in domain.links if d in app.env.found_docs}
    files = {p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file()}
    base_url = str(app.config.html_baseurl or "")
    ids = {}
    for page in pages_with_anchors(links, page_of, files, base_url):
        path = outdir / page
        if path.stat().st_size <= MAX_PAGE_BYTES:
            ids[page] = page_ids(path.read_text(encoding="utf-8", errors="replace"))
    sources = {docname: source(docname) for docname in page_of}
    texts = _texts(app, set(sources.values()))
    return [
        replace(found, line=line_holding(texts.get(found.file, ""), found.line, found.target))
        for found in broken_links(links, page_of, sources, files, ids, base_url)
    ]


def report_findings(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: each finding as a located warning (``check.<kind>``)."""
    if exception is not None or not app.config.blog_check or app.builder.format != "html":
        return
    for finding in sorted(findings(app)):
        location = f"{Path(app.srcdir, finding.file)}:{finding.line or 1}"
        logger.warning(
            "%s. Fix: %s.",
            finding.what.rstrip("."),
            finding.fix.rstrip("."),
            type="check",
            subtype=finding.kind,
            location=location,
        )
