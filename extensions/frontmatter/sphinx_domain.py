"""Boundary: every post's normalised metadata, kept per docname in a Sphinx domain.

The records are small frozen :class:`Post` values: purge is a pop, a parallel merge copies
only the worker's docnames, and whatever depends on all posts is derived in ``env-updated``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .model import Post, Unpublished
from .post import duplicate_slugs, newest_first, same_post_twice

logger = logging.getLogger(__name__)


class BlogDomain(Domain):
    """Holds ``{"posts": {docname: Post}}``; nothing else lives in the environment."""

    name = "blog"
    label = "Blog posts"
    initial_data = {"posts": {}}  # noqa: RUF012 (Sphinx copies it per environment)
    data_version = 1

    #: Docnames the scan at builder-inited found to be posts of this build (not pickled).
    published: frozenset[str] = frozenset()
    #: The drafts and future posts it found: left out of this build, or (in a preview
    #: build, ``blog_preview``) in it and marked (not pickled).
    unpublished: Mapping[str, Unpublished] = MappingProxyType({})

    @property
    def posts(self) -> dict[str, Post]:
        return self.data.setdefault("posts", {})

    def is_post(self, docname: str) -> bool:
        return docname in self.published

    @property
    def zone(self) -> ZoneInfo:
        from .sphinx_reader import blog_zone

        return blog_zone(self.env.config)

    def note_post(self, post: Post) -> None:
        self.posts[post.docname] = post

    def clear_doc(self, docname: str) -> None:
        self.posts.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, post in otherdata["posts"].items():
            if docname in docnames:
                self.posts[docname] = post

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def listed_posts(env: BuildEnvironment) -> list[Post]:
    """Every post this build publishes, newest first: drafts and future posts are not built,
    or (in a preview build) built but not published (feeds leave them out)."""
    domain: BlogDomain = env.get_domain("blog")  # type: ignore[assignment]
    posts = [post for post in domain.posts.values() if post.docname not in domain.unpublished]
    return newest_first(posts, domain.zone)


def report_duplicates(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """env-updated: two posts with one slug (file name) get one URL label; say which wins."""
    domain: BlogDomain = env.get_domain("blog")  # type: ignore[assignment]
    for first, later in duplicate_slugs(domain.posts.values()):
        logger.warning(
            "post slug %r is also used by %s; links by slug go to %s",
            later.slug,
            env.doc2path(first.docname, False),
            first.docname,
            type="frontmatter",
            subtype="duplicate",
            location=(later.docname, 1),
        )
    for first, later in same_post_twice(domain.posts.values()):
        logger.warning(
            "this post has the same title and date as %s: is it the same post twice "
            "(an imported copy beside its original)?",
            env.doc2path(first.docname, False),
            type="frontmatter",
            subtype="same-post",
            location=(later.docname, 1),
        )
    return []
