"""Pure: from published posts and their rendered content to the feed model.

No clock: every date comes from the posts. No I/O: the boundary passes in each post's
content (already taken out of its page and made absolute, see links.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

from extensions.frontmatter.model import Post
from extensions.frontmatter.values import aware as blog_time
from extensions.listing.urls import Scheme, slugify

from .links import absolute_url, html_text, text_summary
from .model import INDEX_KINDS, Author, Entry, Feed, FeedConfig, Problem

#: Changes when what a feed holds changes shape, so every feed is written again.
VERSION = "2"

#: The moment a feed without entries says it was updated (a fixed value, never the clock).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

#: Front-matter keys (kept in Post.extra) that give a post's last update.
UPDATED_KEYS: tuple[str, ...] = ("updated", "update", "modified")

INDEX_ATTRIBUTE = {"tag": "tags", "category": "categories", "author": "authors"}
INDEX_TITLES = {
    "tag": "Posts tagged {}",
    "category": "Posts in {}",
    "author": "Posts by {}",
    "year": "Posts from {}",
}


@dataclass(frozen=True)
class Rendered:
    """What the builder made of one post: its URI (relative to the base URL) and content."""

    uri: str  # e.g. "posts/hello.html"
    content_html: str  # links already absolute
    image: str = ""  # absolute URL of the post's image, or ""


def aware(moment: datetime | date, zone: str) -> datetime:
    """A timezone-aware datetime to the second: naive values are in the blog's timezone."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return blog_time(moment, ZoneInfo(zone)).replace(microsecond=0)


def parse_updated(post: Post, zone: str) -> datetime | None:
    """The post's ``updated:`` (or ``update:``/``modified:``) front-matter date, if valid."""
    extra = dict(post.extra)
    for key in UPDATED_KEYS:
        text = extra.get(key, "").strip()
        if not text:
            continue
        try:
            return aware(datetime.fromisoformat(text.replace(" ", "T", 1)), zone)
        except ValueError:
            continue
    return None


def entry_id(post: Post, published: datetime, authority: str) -> str:
    """A tag: URI (RFC 4151) for the post: stable across builds, hosts' sub-paths and themes."""
    return f"tag:{authority},{published.date().isoformat()}:{quote(post.docname, safe='/-._~')}"


def id_authority(config: FeedConfig) -> str:
    return config.id_authority or (urlsplit(config.base_url).hostname or "localhost")


def author_of(key: str, config: FeedConfig) -> Author:
    """An author as named in a post, with the full name and link from ``blog_authors``."""
    for known, name, url in config.authors:
        if key in (known, name):
            return Author(name or key, url)
    return Author(key)


def make_entry(post: Post, rendered: Rendered, config: FeedConfig) -> Entry:
    if post.date is None:
        raise ValueError(f"{post.docname}: a post without a date has no place in a feed")
    published = aware(post.date, config.timezone)
    updated = parse_updated(post, config.timezone) or published
    if updated < published:
        updated = published
    summary = (
        post.description.strip()
        or html_text(post.summary)
        or text_summary(rendered.content_html, config.summary_length)
    )
    return Entry(
        docname=post.docname,
        id=entry_id(post, published, id_authority(config)),
        title=post.title,
        url=absolute_url(config.base_url, rendered.uri),
        published=published,
        updated=updated,
        authors=tuple(author_of(key, config) for key in post.authors),
        categories=post.categories,
        tags=post.tags,
        summary=summary,
        content_html=rendered.content_html if config.content == "full" else "",
        image=rendered.image,
    )


def index_names(post: Post, kind: str, zone: str) -> tuple[str, ...]:
    """The names under which a post is indexed: its tags, categories or authors, or its year
    (in the blog's timezone, as ABlog files it)."""
    if kind == "year":
        if post.date is None:
            return ()
        return (str(aware(post.date, zone).astimezone(ZoneInfo(zone)).year),)
    return tuple(getattr(post, INDEX_ATTRIBUTE[kind]))


def _slug(kind: str, name: str) -> str:
    return name if kind == "year" else slugify(name)


def scheme_of(config: FeedConfig) -> Scheme:
    """The blog's URL scheme (``extensions.listing.urls``), as the feeds see it."""
    return Scheme(blog_path=config.blog_path, feeds_path=config.output_dir)


def index_url(kind: str, name: str, config: FeedConfig) -> str:
    """The URL of the page of one tag, category, author or year."""
    page = scheme_of(config).index(kind, name) + config.link_suffix
    return absolute_url(config.base_url, page)


def _feed(
    entries: Sequence[Entry],
    config: FeedConfig,
    *,
    path: str,
    title: str,
    home_url: str,
    limit: int | None,
    authors: tuple[Author, ...],
    kind: str = "",
    name: str = "",
) -> Feed:
    chosen = tuple(entries[:limit] if limit is not None else entries)
    updated = max((entry.updated for entry in chosen), default=EPOCH)
    return Feed(
        path=path,
        title=title,
        description=config.description or title,
        home_url=home_url,
        base_url=config.base_url,
        language=config.language,
        updated=updated,
        authors=authors,
        entries=chosen,
        kind=kind,
        name=name,
    )


def feed_digest(feed: Feed, stamps: Sequence[tuple[int, int]], formats: Sequence[str]) -> str:
    """What a feed is made of: its metadata and entries, the pages they come from (by size
    and time) and the formats it is written in. Equal digests, equal files."""
    text = json.dumps([repr(feed), [list(stamp) for stamp in stamps], list(formats), VERSION])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def with_content(feed: Feed, contents: Mapping[str, str], summary_length: int = 300) -> Feed:
    """The feed with each entry's content (and, where it had none, a summary from it)."""
    entries = tuple(
        replace(
            entry,
            content_html=contents.get(entry.docname, ""),
            summary=entry.summary or text_summary(contents.get(entry.docname, ""), summary_length),
        )
        for entry in feed.entries
    )
    return replace(feed, entries=entries)


def site_authors(config: FeedConfig) -> tuple[Author, ...]:
    return (Author(config.author or config.title, config.base_url),)


def build_feeds(
    posts: Iterable[Post],
    rendered: Mapping[str, Rendered],
    config: FeedConfig,
) -> tuple[list[Feed], list[Problem]]:
    """The main feed and one feed per tag, category, author and year (as configured).

    Posts without a date or without rendered content are left out (the latter is a problem).
    """
    problems: list[Problem] = []
    by_docname: dict[str, Post] = {}
    for post in posts:
        if post.date is None:
            continue
        if post.docname not in rendered:
            problems.append(
                Problem(
                    "content",
                    "no rendered page found; left out of every feed",
                    docname=post.docname,
                )
            )
            continue
        by_docname[post.docname] = post
    # newest first, in the order the site lists them (``frontmatter.post.newest_first``: posts
    # of the same moment by title, then docname, both descending); an entry is made only for a
    # post some feed holds (index feeds hold their newest few)
    published = {
        d: aware(post.date, config.timezone) for d, post in by_docname.items() if post.date
    }
    ordered = sorted(by_docname, key=lambda d: (published[d], by_docname[d].title, d), reverse=True)
    made: dict[str, Entry] = {}

    def entries_of(docnames: Sequence[str], limit: int | None) -> list[Entry]:
        chosen = docnames[:limit] if limit is not None else docnames
        for docname in chosen:
            if docname not in made:
                made[docname] = make_entry(by_docname[docname], rendered[docname], config)
        return [made[docname] for docname in chosen]

    feeds = [
        _feed(
            entries_of(ordered, config.limit),
            config,
            path=config.output_dir,
            title=config.title,
            home_url=config.base_url,
            limit=config.limit,
            authors=site_authors(config),
        )
    ]
    for kind in INDEX_KINDS:
        if kind not in config.indexes:
            continue
        # a name spelled two ways is named as the first post by docname spells it (as lists do)
        first_name: dict[str, str] = {}
        for docname in sorted(by_docname):
            for name in index_names(by_docname[docname], kind, config.timezone):
                first_name.setdefault(_slug(kind, name), name)
        groups: dict[str, tuple[str, list[str]]] = {}
        for docname in ordered:
            seen: set[str] = set()
            for name in index_names(by_docname[docname], kind, config.timezone):
                slug = _slug(kind, name)
                if slug in seen:
                    continue
                seen.add(slug)
                groups.setdefault(slug, (first_name[slug], []))[1].append(docname)
        for slug in sorted(groups):
            name, members = groups[slug]
            authors = (author_of(name, config),) if kind == "author" else site_authors(config)
            display = authors[0].name if kind == "author" else name
            feeds.append(
                _feed(
                    entries_of(members, config.index_limit),
                    config,
                    path=scheme_of(config).feed_folder(kind, name),
                    title=f"{config.title}: {INDEX_TITLES[kind].format(display)}",
                    home_url=index_url(kind, name, config),
                    limit=config.index_limit,
                    authors=authors,
                    kind=kind,
                    name=name,
                )
            )
    return feeds, problems
