"""Boundary: every touch of ABlog 0.11's internals, in one place, each named and tested.

ABlog recognises posts (``blogpost: true``, ``blog_post_pattern``, the ``post`` directive, a
post node) and provides ``post``, ``postlist`` and ``update``; our extensions derive every
list, page and feed (``extensions.listing``, ``extensions.feeds``). What still reaches into
ABlog, and why (``tests/ablog_compat`` fails when an ABlog upgrade breaks one):

``post_node``
    Builds ABlog's ``PostNode`` from our clean values, so ABlog never reads raw front matter
    (it mangles lists, crashes on timezone-aware dates).
``use_our_slugs``
    ABlog names a tag's collection with its own slugify (dropping every symbol: C, C++ and
    C# would share a name); ``postlist`` links to tag pages must match ours.
``reset_blog_state``
    ABlog keeps its posts in a class-level dict shared by every build in a process.
``drop_ablog_pages``
    ABlog writes archive, tag, category, author and year pages, a drafts page and Atom
    feeds from ``html-collect-pages``; those pages and feeds are ours.
``merge_parallel_reads``
    ABlog merges nothing from parallel readers and says it is not parallel-read safe; we
    merge its records (the worker's docnames only) and say it is.
``drop_doctree_copies``
    ABlog keeps a deep copy of every post's doctree (for feeds it no longer writes), and its
    summaries keep their whole source document: both are dropped after ABlog has read them.
``postlist_documents``
    Which documents show a ``postlist`` (their lists go stale when the posts change).
``take_over_post_pattern``
    ABlog turns the docinfo of every document ``blog_post_pattern`` matches into a post
    node, a second one when we made ours; it works from the list it computes at
    config-inited (``matched_blog_posts``). We keep that list for our own scan and give
    ABlog an empty one: our node is the post's only node.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

import ablog
import ablog.blog
import ablog.post
from ablog.blog import Blog
from ablog.post import PostList, PostNode
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: ABlog's ``html-collect-pages`` listeners that write pages and feeds we write ourselves.
ABLOG_PAGE_WRITERS = ("generate_archive_pages", "generate_atom_feeds")
#: Where ABlog keeps its per-document records in the environment.
RECORDS = "ablog_posts"
#: Where we note the documents that show a postlist.
POSTLISTS = "blog_postlists"


def post_node(
    *,
    date: str,
    title: str,
    tags: list[str],
    authors: list[str],
    categories: list[str],
    summary: list[nodes.Node],
) -> nodes.Element:
    """ABlog's node for one post (``date`` as ``%Y-%m-%dT%H:%M:%S``, blog-local)."""
    node = PostNode()
    node["date"] = date
    node["tags"] = tags
    node["author"] = authors
    node["category"] = categories
    node["location"] = []
    node["language"] = []
    node["redirect"] = []
    node["title"] = title
    node["image"] = None
    node["excerpt"] = None
    node["exclude"] = True  # the children are the summary, not shown in the post again
    node["nocomments"] = True
    node["canonical_link"] = []
    node["external_link"] = []
    for child in summary:  # ABlog takes a post node's children as its excerpt
        node += child
    return node


def is_post_node(node: nodes.Node) -> bool:
    return isinstance(node, PostNode)


def use_our_slugs(slugify: Any) -> None:
    """ABlog's catalogs (and so ``postlist`` links) use our slugs (both modules import it)."""
    ablog.blog.slugify = slugify
    ablog.post.slugify = slugify


def reset_blog_state(app: Sphinx) -> None:
    """builder-inited: forget the previous build's posts (ABlog's shared class state)."""
    Blog._dict.clear()


def drop_ablog_pages(app: Sphinx) -> None:
    """builder-inited: ABlog writes none of the pages and feeds we write."""
    for listener in list(app.events.listeners.get("html-collect-pages", [])):
        if getattr(listener.handler, "__name__", "") in ABLOG_PAGE_WRITERS and (
            listener.handler.__module__ == ablog.post.__name__
        ):
            app.disconnect(listener.id)


def declare_parallel_safe(app: Sphinx) -> None:
    """ABlog reads in parallel once ``merge_parallel_reads`` merges what it records."""
    app.extensions["ablog"].parallel_read_safe = True


def merge_parallel_reads(
    app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
) -> None:
    """env-merge-info: copy the worker's ABlog records and postlist notes."""
    mine = env.__dict__.setdefault(RECORDS, {})
    for docname, records in getattr(other, RECORDS, {}).items():
        if docname in docnames:
            mine[docname] = records
    pages = env.__dict__.setdefault(POSTLISTS, set())
    pages.difference_update(docnames)
    pages.update(getattr(other, POSTLISTS, set()) & set(docnames))


def drop_doctree_copies(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read, after ABlog's handler: drop its doctree copy; cut its summaries loose."""
    for record in getattr(app.env, RECORDS, {}).get(app.env.docname, []):
        record["doctree"] = None
        for summary in record.get("excerpt") or []:
            for node in summary.findall():
                node.document = None


def note_postlists(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: remember which documents show a ``postlist``."""
    pages = app.env.__dict__.setdefault(POSTLISTS, set())
    if any(True for _ in doctree.findall(PostList)):
        pages.add(app.env.docname)


def purge_postlist(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.__dict__.setdefault(POSTLISTS, set()).discard(docname)


def postlist_documents(env: BuildEnvironment) -> set[str]:
    return set(getattr(env, POSTLISTS, set()))


#: Where the documents matched by ``blog_post_pattern`` are kept for our scan.
MATCHED = "_blog_pattern_posts"


def take_over_post_pattern(app: Sphinx, config: Any) -> None:
    """config-inited, after ABlog's: keep its matches for us, leave it none."""
    matched = list(getattr(config, "matched_blog_posts", None) or [])
    config.__dict__[MATCHED] = matched
    config.matched_blog_posts = []


def pattern_posts(config: Any) -> frozenset[str]:
    """The docnames ``blog_post_pattern`` matches (as ABlog computed them)."""
    return frozenset(config.__dict__.get(MATCHED) or getattr(config, "matched_blog_posts", ()))
