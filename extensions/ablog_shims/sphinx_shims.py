"""Boundary: small, named fixes for ABlog 0.11.13, applied from our side (ABlog is not edited).

``reset_blog_state``
    ABlog keeps every post in a class-level dict shared by all builds in a process; a second
    build in the same process (tests, sphinx-autobuild) would list the first one's posts.
    Cleared when each build starts.
``merge_parallel_reads``
    ABlog declares itself unsafe for parallel reading because it never merges its per-post
    records from reader processes. We merge them (only the worker's docnames) and declare
    it safe, so ``-j N`` reads in parallel.
``drop_ablog_pages``
    ABlog always writes a "Drafts" page and, when ``blog_baseurl`` is set, its own Atom
    feeds; we publish neither (drafts are not built; ``extensions.feeds`` writes feeds).
``mark_stale_pages``
    When the list of posts changes, the home page, ``postlist`` pages and the neighbours'
    previous/next links must be rewritten even though their sources did not change.
``drop_doctree_copies``
    ABlog stores a deep copy of every post's doctree in the environment, only to render
    full-text feeds, which we do not let it write (our feeds reuse the built HTML), and its
    summary nodes still point at the whole source document. Both make the pickled
    environment many times larger, and it is what parallel readers must send back: the
    copy is dropped and the summaries cut loose as soon as ABlog has taken them.
``use_our_slugs``
    ABlog names a tag's page by dropping every symbol, so C, C++ and C# share one page (and
    one feed). Its slugify is replaced by ``listing.slugify``, which spells ``+`` and ``#``
    out; names that would still share a page are reported (``report_shared_pages``).
``SummaryCache``
    ABlog renders a post's summary afresh (a new docutils document each time) for every
    list the post appears in: home, all posts, its year, each tag, category and author.
    Templates call ``post_summary(post, pagename)`` instead, which renders it once per
    build for each folder of pages (relative links only depend on the folder).
``delete_orphaned_output``
    Sphinx never deletes the output of a removed document, and ABlog never deletes the page
    of a tag (category, author, year) that lost its last post.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Set
from pathlib import Path
from typing import Any

import ablog.post
from ablog.blog import Blog
from ablog.post import PostList
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .listing import (
    Listed,
    changed_neighbours,
    index_pages,
    neighbours,
    shared_pages,
    slugify,
    unwrap_excerpt,
)

logger = logging.getLogger(__name__)


def use_our_slugs() -> None:
    """Make ABlog name index pages with ``listing.slugify`` (both modules import it)."""
    ablog.blog.slugify = slugify
    ablog.post.slugify = slugify


def report_shared_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: warn where two spellings of a tag, category or author share one page."""
    from extensions.frontmatter.sphinx_domain import BlogDomain

    domain: BlogDomain = env.get_domain("blog")  # type: ignore[assignment]
    posts = sorted(domain.posts.values(), key=lambda post: post.docname)
    for kind, attr in (("tag", "tags"), ("category", "categories"), ("author", "authors")):
        pairs = [(post.docname, getattr(post, attr)) for post in posts]
        for slug, first, other, docname in shared_pages(pairs):
            logger.warning(
                "%s %r shares the page %s/%s/%s.html with %r; use one spelling",
                kind,
                other,
                app.config.blog_path,
                kind,
                slug,
                first,
                type="frontmatter",
                subtype="shared-page",
                location=(docname, 1),
            )
    return []


def reset_blog_state(app: Sphinx) -> None:
    """builder-inited: forget the previous build's posts (ABlog's shared class state)."""
    Blog._dict.clear()


def merge_parallel_reads(
    app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
) -> None:
    """env-merge-info: copy the worker's ABlog records and our postlist notes."""
    mine = env.__dict__.setdefault("ablog_posts", {})
    for docname, records in getattr(other, "ablog_posts", {}).items():
        if docname in docnames:
            mine[docname] = records
    pages = env.__dict__.setdefault("ablog_shims_postlists", set())
    pages.difference_update(docnames)
    pages.update(getattr(other, "ablog_shims_postlists", set()) & set(docnames))


def drop_doctree_copies(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read, after ABlog's handler: forget ABlog's per-post doctree copy, and cut
    the summary's nodes loose from the document they were copied from (each node keeps a
    reference to it, which pickled the whole document with every summary)."""
    for record in getattr(app.env, "ablog_posts", {}).get(app.env.docname, []):
        record["doctree"] = None
        for summary in record.get("excerpt") or []:
            for node in summary.findall():
                node.document = None


class SummaryCache:
    """Each post's rendered summary, once per build and page folder."""

    def __init__(self) -> None:
        self.html: dict[tuple[str, str, bool], str] = {}

    def clear(self, app: Sphinx) -> None:
        """builder-inited: summaries of a previous build may be out of date."""
        self.html.clear()

    def summary(self, post: Any, pagename: str) -> str:
        if _links_anywhere(post.excerpt):  # relative links depend on the page's folder
            key = (post.docname, posixpath.dirname(pagename), post.docname == pagename)
        else:
            key = (post.docname, "", False)
        if key not in self.html:
            self.html[key] = unwrap_excerpt(post.to_html(pagename))
        return self.html[key]

    def add_to_context(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        """html-page-context: give templates ``post_summary(post, pagename)``."""
        context["post_summary"] = self.summary


_LINKING = (
    nodes.reference,
    nodes.image,
    nodes.raw,
    addnodes.pending_xref,
    addnodes.download_reference,
)


def _links_anywhere(excerpt: list[nodes.Node]) -> bool:
    """Does a summary hold anything whose HTML depends on the page showing it?"""
    return any(True for node in excerpt for _ in node.findall(lambda n: isinstance(n, _LINKING)))


def note_postlists(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: remember which documents show a ``postlist`` (they list other posts)."""
    pages = app.env.__dict__.setdefault("ablog_shims_postlists", set())
    if any(True for _ in doctree.findall(PostList)):
        pages.add(app.env.docname)


def purge_postlist(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.__dict__.setdefault("ablog_shims_postlists", set()).discard(docname)


def drop_ablog_pages(app: Sphinx) -> None:
    """Replace ABlog's html-collect-pages listeners: no drafts page, no ABlog feeds."""
    listeners = app.events.listeners.get("html-collect-pages", [])
    for listener in list(listeners):
        if listener.handler is ablog.post.generate_atom_feeds:
            app.disconnect(listener.id)
        elif listener.handler is ablog.post.generate_archive_pages:
            app.disconnect(listener.id)
            app.connect("html-collect-pages", archive_pages_without_drafts)


def archive_pages_without_drafts(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    drafts = Blog(app).drafts.docname if ablog.builder_support(app) else None
    for page in ablog.post.generate_archive_pages(app):
        if page[0] != drafts:
            yield page


def listed(app: Sphinx, env: BuildEnvironment) -> list[Listed]:
    """What lists show of each post, newest first, from our records and ABlog's excerpts."""
    from extensions.frontmatter.sphinx_domain import listed_posts

    zone = env.get_domain("blog").zone  # type: ignore[attr-defined]
    records = getattr(env, "ablog_posts", {})
    views = []
    for post in listed_posts(env):
        excerpt = records.get(post.docname, [{}])[0].get("excerpt", [])
        summary = " ".join(node.astext() for node in excerpt)
        assert post.date is not None
        moment = post.date if post.date.tzinfo is None else post.date.astimezone(zone)
        views.append(
            Listed(
                post.docname,
                post.title,
                moment.replace(tzinfo=None).isoformat(),
                post.categories,
                post.authors,
                post.tags,
                summary,
            )
        )
    return views


def mark_stale_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: return the pages whose post lists or neighbours changed."""
    posts = listed(app, env)
    old_list = getattr(env, "ablog_shims_listing", None)
    old_neighbours = getattr(env, "ablog_shims_neighbours", {})
    old_pages: set[str] = getattr(env, "ablog_shims_index_pages", set())
    new_neighbours = neighbours(posts)
    new_pages = index_pages(posts, app.config.blog_path)
    stale = changed_neighbours(old_neighbours, new_neighbours) if old_list is not None else set()
    if old_list is not None and old_list != posts:
        stale |= {app.config.root_doc} | getattr(env, "ablog_shims_postlists", set())
    env.ablog_shims_listing = posts  # type: ignore[attr-defined]
    env.ablog_shims_neighbours = new_neighbours  # type: ignore[attr-defined]
    env.ablog_shims_index_pages = new_pages  # type: ignore[attr-defined]
    env.ablog_shims_orphaned = (  # type: ignore[attr-defined]
        set(getattr(env, "ablog_shims_orphaned", set())) | (old_pages - new_pages)
    )
    return sorted(stale & env.found_docs)


def note_removed(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """env-get-outdated: remember removed documents, to delete their output."""
    orphaned = set(getattr(env, "ablog_shims_orphaned", set()))
    env.ablog_shims_orphaned = orphaned | set(removed)  # type: ignore[attr-defined]
    return []


def delete_orphaned_output(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: delete pages of removed posts and of emptied tags, categories, years."""
    builder = app.builder
    env = app.env
    if exception is not None or builder.format != "html" or not hasattr(builder, "get_target_uri"):
        return
    orphaned = set(getattr(env, "ablog_shims_orphaned", set()))
    keep = env.found_docs | getattr(env, "ablog_shims_index_pages", set())
    for pagename in sorted(orphaned - keep):
        target = Path(builder.outdir, builder.get_target_uri(pagename))
        if target.is_file():
            target.unlink()
            logger.info("deleted stale output %s", target.relative_to(builder.outdir))
            folder = target.parent  # and the folders it leaves empty (posts/2019/, ...)
            while folder != Path(builder.outdir) and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    env.ablog_shims_orphaned = set()  # type: ignore[attr-defined]
