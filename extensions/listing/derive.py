"""Pure: from the posts' records to every list, page and neighbour the blog shows.

One function, :func:`derive`, called once per build; everything else here is a piece of
it. No clock, no I/O: the configuration comes in as :class:`Settings`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .model import (
    ArchivePage,
    Blog,
    CatalogPage,
    Entry,
    Link,
    Listed,
    ListPage,
    Page,
    Pager,
    PostView,
    Series,
    YearGroup,
)
from .urls import KINDS, Scheme, slugify

TITLES = {
    "all": "All posts",
    "year": "Posts from {}",
    "tag": "Posts tagged {}",
    "category": "Posts in {}",
    "author": "Posts by {}",
}
CATALOG_TITLES = {"tag": "Tags", "category": "Categories", "author": "Authors"}
ATTRIBUTES = {"tag": "tags", "category": "categories", "author": "authors"}


@dataclass(frozen=True)
class Settings:
    """What the lists depend on in ``conf.py``."""

    scheme: Scheme = field(default_factory=Scheme)
    title: str = "Blog"  # the home page's title
    page_size: int | None = 10  # posts per page; None: every post on one page
    author_names: tuple[tuple[str, str], ...] = ()  # blog_authors: key -> display name
    feed_kinds: tuple[str, ...] = ("tag", "category", "author", "year")  # lists with feeds
    main_feed: bool = True
    related: int = 3  # related posts at the end of a post (0: none)


def newest_first(posts: Iterable[Listed]) -> tuple[Listed, ...]:
    """Newest first; posts of the same moment by title, then docname (all descending), the
    order feeds use too."""
    return tuple(sorted(posts, key=lambda p: (p.order, p.title, p.docname), reverse=True))


def paginate(
    docname: str, posts: Sequence[str], size: int | None, scheme: Scheme
) -> list[tuple[str, tuple[str, ...], Pager]]:
    """(docname, posts, pager) for each page of a list, newest posts first.

    The first page (number 1) holds the newest ``size`` posts. The older ones are cut into
    pages from the oldest: page 2 holds the oldest ``size`` posts, page 3 the next ones, and
    the newest of these pages (the highest number) holds what is left. A new post changes
    the first page and the newest of the others, nothing else: every other page keeps its
    posts and its address, so it is not written again, and a link to it keeps showing what
    it showed. A list with no posts has one page."""
    if not size or size < 1 or len(posts) <= size:
        return [(docname, tuple(posts), Pager())]  # one page: number 1
    rest = list(reversed(posts[size:]))  # oldest first
    chunks = [tuple(reversed(rest[i : i + size])) for i in range(0, len(rest), size)]
    names = [scheme.page(docname, number) for number in range(2, len(chunks) + 2)]
    pages = [(docname, tuple(posts[:size]), Pager(number=1, next=names[-1]))]
    for index in range(len(chunks) - 1, -1, -1):  # newest of the older pages first
        pages.append(
            (
                names[index],
                chunks[index],
                Pager(
                    number=index + 2,
                    previous=names[index + 1] if index + 1 < len(chunks) else docname,
                    next=names[index - 1] if index > 0 else "",
                ),
            )
        )
    return pages


def groups(posts: Sequence[Listed], kind: str) -> dict[str, tuple[str, list[str]]]:
    """slug -> (the name as first written, newest-first docnames) for one kind of index.

    Two spellings with one slug share a page, named as the oldest post (by docname) spells
    it; ``frontmatter`` warns about them."""
    first_name: dict[str, str] = {}
    for post in sorted(posts, key=lambda p: p.docname):
        for name in names_of(post, kind):
            first_name.setdefault(_key(kind, name), name)
    found: dict[str, tuple[str, list[str]]] = {}
    for post in posts:
        for name in dict.fromkeys(names_of(post, kind)):
            key = _key(kind, name)
            members = found.setdefault(key, (first_name[key], []))[1]
            if not members or members[-1] != post.docname:
                members.append(post.docname)
    return found


def _key(kind: str, name: str) -> str:
    return name if kind == "year" else slugify(name)


def names_of(post: Listed, kind: str) -> tuple[str, ...]:
    if kind == "year":
        return (post.year,) if post.year else ()
    return tuple(getattr(post, ATTRIBUTES[kind]))


def display(kind: str, name: str, author_names: Mapping[str, str]) -> str:
    """How a name is shown: an author by their display name from ``blog_authors``."""
    return author_names.get(name, name) if kind == "author" else name


def neighbours(
    posts: Sequence[Listed],
    related: Mapping[str, tuple[Link, ...]] | None = None,
    series: Mapping[str, Series] | None = None,
) -> tuple[PostView, ...]:
    """For each post its older ("previous") and newer ("next") post, related posts and
    series (newest first, as ``posts`` is)."""
    views = []
    for index, post in enumerate(posts):
        older = posts[index + 1] if index + 1 < len(posts) else None
        newer = posts[index - 1] if index > 0 else None
        views.append(
            PostView(
                post.docname,
                previous=Link(older.docname, older.title) if older else None,
                next=Link(newer.docname, newer.title) if newer else None,
                related=(related or {}).get(post.docname, ()),
                series=(series or {}).get(post.docname),
                status=post.status,
            )
        )
    return tuple(views)


def series_of(posts: Sequence[Listed]) -> dict[str, Series]:
    """Each post's place in its series, parts oldest first (a series is read in order)."""
    members: dict[str, list[Listed]] = {}
    for post in reversed(posts):  # oldest first
        if post.series:
            members.setdefault(post.series.casefold(), []).append(post)
    found: dict[str, Series] = {}
    for parts in members.values():
        links = tuple(Link(part.docname, part.title) for part in parts)
        for number, part in enumerate(parts, start=1):
            found[part.docname] = Series(parts[0].series, number, len(parts), links)
    return found


def related_posts(posts: Sequence[Listed], count: int) -> dict[str, tuple[Link, ...]]:
    """Up to ``count`` related posts for each post: most shared tags first, then the same
    category, then the closest in date; only posts sharing a tag or a category qualify.

    Candidates come from an index of tags and categories, so the work grows with how many
    posts share something, not with the square of the blog."""
    if count <= 0 or len(posts) < 2:
        return {}
    moments = {post.docname: _timestamp(post.order) for post in posts}
    by_tag: dict[str, list[Listed]] = {}
    by_category: dict[str, list[Listed]] = {}
    for post in posts:
        for tag in {slugify(name) for name in post.tags}:
            by_tag.setdefault(tag, []).append(post)
        for category in {slugify(name) for name in post.categories}:
            by_category.setdefault(category, []).append(post)
    titles = {post.docname: post.title for post in posts}
    found: dict[str, tuple[Link, ...]] = {}
    for post in posts:
        shared: dict[str, int] = {}
        for tag in {slugify(name) for name in post.tags}:
            for other in by_tag[tag]:
                shared[other.docname] = shared.get(other.docname, 0) + 1
        same_category: set[str] = set()
        for category in {slugify(name) for name in post.categories}:
            same_category.update(other.docname for other in by_category[category])
        candidates = (set(shared) | same_category) - {post.docname}
        moment = moments[post.docname]
        best = heapq.nsmallest(
            count,
            candidates,
            key=lambda d: (-shared.get(d, 0), d not in same_category, abs(moments[d] - moment), d),
        )
        found[post.docname] = tuple(Link(d, titles[d]) for d in best)
    return found


def _timestamp(order: str) -> float:
    try:
        return datetime.fromisoformat(order).timestamp()
    except ValueError:
        return 0.0


def _lists(
    docname: str,
    kind: str,
    name: str,
    title: str,
    posts: Sequence[str],
    settings: Settings,
    feed: str,
) -> list[ListPage]:
    return [
        ListPage(page, kind, name, title, chunk, pager, feed)
        for page, chunk, pager in paginate(docname, posts, settings.page_size, settings.scheme)
    ]


def relatedness(
    posts: Iterable[Listed],
) -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str], ...]:
    """What related posts depend on (a post's body does not count): equal values, equal
    related posts, so a build can keep the last ones."""
    return tuple(sorted((p.docname, p.title, p.tags, p.categories, p.order) for p in posts))


def derive(
    posts: Iterable[Listed],
    settings: Settings,
    related: Mapping[str, tuple[Link, ...]] | None = None,
) -> Blog:
    """Every list page, catalog, the archive and each post's neighbours. ``related`` are
    the related posts when already known (see :func:`relatedness`)."""
    scheme = settings.scheme
    ordered = newest_first(posts)
    docnames = [post.docname for post in ordered]
    main_feed = scheme.feed_folder() if settings.main_feed else ""
    pages: list[Page] = []
    pages += _lists(scheme.root_doc, "home", "", settings.title, docnames, settings, main_feed)
    pages += _lists(scheme.all_posts, "all", "", TITLES["all"], docnames, settings, main_feed)
    years = groups(ordered, "year")
    pages.append(
        ArchivePage(
            scheme.archive,
            "Archive",
            tuple(
                YearGroup(year, scheme.index("year", year), tuple(members))
                for year, (_, members) in sorted(years.items(), reverse=True)
            ),
        )
    )
    for year, (_, members) in sorted(years.items(), reverse=True):
        feed = scheme.feed_folder("year", year) if "year" in settings.feed_kinds else ""
        title = TITLES["year"].format(year)
        pages += _lists(scheme.index("year", year), "year", year, title, members, settings, feed)
    for kind in KINDS:
        found = groups(ordered, kind)
        entries = []
        for key in sorted(found, key=lambda k: (found[k][0].casefold(), k)):
            name, members = found[key]
            docname = scheme.index(kind, name)
            shown = display(kind, name, dict(settings.author_names))
            entries.append(Entry(shown, docname, len(members)))
            feed = scheme.feed_folder(kind, name) if kind in settings.feed_kinds else ""
            title = TITLES[kind].format(shown)
            pages += _lists(docname, kind, name, title, members, settings, feed)
        pages.append(CatalogPage(scheme.catalog(kind), kind, CATALOG_TITLES[kind], tuple(entries)))
    if related is None:
        related = related_posts(ordered, settings.related)
    views = neighbours(ordered, related, series_of(ordered))
    return Blog(posts=ordered, pages=tuple(pages), views=views)


def shown_posts(page: Page) -> tuple[str, ...]:
    """The posts a page shows (whose changes make it stale)."""
    if isinstance(page, ListPage):
        return page.posts
    if isinstance(page, ArchivePage):
        return tuple(docname for group in page.years for docname in group.posts)
    return ()


def page_map(blog: Blog) -> Mapping[str, Page]:
    return {page.docname: page for page in blog.pages}
