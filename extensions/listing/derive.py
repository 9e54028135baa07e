"""Pure: from the posts' records to every list, page and neighbour the blog shows.

One function, :func:`derive`, called once per build; everything else here is a piece of
it. No clock, no I/O: the configuration comes in as :class:`Settings`.
"""

from __future__ import annotations

import hashlib
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


#: What a post's related posts depend on: its title, tags, categories and date.
Facts = tuple[str, tuple[str, ...], tuple[str, ...], str]


@dataclass(frozen=True)
class RelatedMemo:
    """The related posts of a build (docnames), and a digest of the facts each post's were
    worked out from, so the next build works out again only what a change can have
    changed. Small: it is kept in the environment."""

    count: int
    facts: Mapping[str, str]
    related: Mapping[str, tuple[str, ...]]

    def links(self, posts: Iterable[Listed]) -> dict[str, tuple[Link, ...]]:
        """The related posts as links, titled from ``posts``."""
        titles = {post.docname: post.title for post in posts}
        return {
            docname: tuple(Link(d, titles[d]) for d in related if d in titles)
            for docname, related in self.related.items()
        }


def _facts(post: Listed) -> str:
    facts: Facts = (post.title, post.tags, post.categories, post.order)
    return hashlib.sha1(repr(facts).encode("utf-8")).hexdigest()[:16]


class _Relations:
    """Scores between posts: shared tags (most first), the same category, the closest date."""

    def __init__(self, posts: Sequence[Listed]) -> None:
        self.posts = {post.docname: post for post in posts}
        self.moments = {post.docname: _timestamp(post.order) for post in posts}
        self.tags = {p.docname: frozenset(slugify(n) for n in p.tags) for p in posts}
        self.categories = {p.docname: frozenset(slugify(n) for n in p.categories) for p in posts}
        self.by_tag: dict[str, list[str]] = {}
        self.by_category: dict[str, list[str]] = {}
        for post in posts:
            for tag in self.tags[post.docname]:
                self.by_tag.setdefault(tag, []).append(post.docname)
            for category in self.categories[post.docname]:
                self.by_category.setdefault(category, []).append(post.docname)

    def key(self, docname: str, other: str) -> tuple[int, bool, float, str] | None:
        """How ``other`` ranks for ``docname`` (smaller first); None when unrelated."""
        shared = len(self.tags[docname] & self.tags[other])
        same = bool(self.categories[docname] & self.categories[other])
        if other == docname or not (shared or same):
            return None
        distance = abs(self.moments[other] - self.moments[docname])
        return (-shared, not same, distance, other)

    def best(self, docname: str, count: int, among: Iterable[str] | None = None) -> list[str]:
        """The ``count`` best related posts of ``docname`` (among ``among``, or all)."""
        if among is None:
            shared: dict[str, int] = {}
            for tag in self.tags[docname]:
                for other in self.by_tag[tag]:
                    shared[other] = shared.get(other, 0) + 1
            same: set[str] = set()
            for category in self.categories[docname]:
                same.update(self.by_category[category])
            shared.pop(docname, None)
            moment = self.moments[docname]
            # most shared tags first: only the groups that fill the list need ranking
            groups: dict[int, list[str]] = {}
            for other, number in shared.items():
                groups.setdefault(number, []).append(other)
            groups[0] = [d for d in same if d not in shared and d != docname]
            best: list[str] = []
            for number in sorted(groups, reverse=True):
                best += heapq.nsmallest(
                    count - len(best),
                    groups[number],
                    key=lambda d: (d not in same, abs(self.moments[d] - moment), d),
                )
                if len(best) >= count:
                    break
            return best
        ranked = [(key, other) for other in set(among) if (key := self.key(docname, other))]
        return [other for _, other in heapq.nsmallest(count, ranked)]


def related_posts(
    posts: Sequence[Listed], count: int, memo: RelatedMemo | None = None
) -> RelatedMemo:
    """Up to ``count`` related posts for each post: most shared tags first, then the same
    category, then the closest in date; only posts sharing a tag or a category qualify.

    ``memo`` is the last build's answer. A post whose facts did not change, and none of whose
    related posts changed, keeps its related posts unless a changed post now ranks among
    them: the ranking of two posts depends on those two alone. So a new post costs about one
    post's work, not the square of the blog's."""
    facts = {post.docname: _facts(post) for post in posts}
    if count <= 0 or len(posts) < 2:
        return RelatedMemo(count, facts, {})
    relations = _Relations(posts)
    if memo is None or memo.count != count:
        changed: set[str] | None = None
    else:
        changed = {d for d, fact in facts.items() if memo.facts.get(d) != fact}
        changed |= set(memo.facts) - set(facts)  # removed
        if len(changed) * 4 > len(facts):  # most of the blog changed: start afresh
            changed = None
    found: dict[str, tuple[str, ...]] = {}
    present = [d for d in changed or () if d in relations.posts]
    for post in posts:
        docname = post.docname
        before = memo.related.get(docname) if memo is not None and changed is not None else None
        if changed is None or docname in changed or before is None:
            best = relations.best(docname, count)
        elif any(other in changed for other in before):
            best = relations.best(docname, count)
        else:
            best = relations.best(docname, count, [*before, *present])
        found[docname] = tuple(best)
    return RelatedMemo(count, facts, found)


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


def derive(
    posts: Iterable[Listed],
    settings: Settings,
    related: Mapping[str, tuple[Link, ...]] | None = None,
) -> Blog:
    """Every list page, catalog, the archive and each post's neighbours. ``related`` are
    the related posts when already known (see :func:`related_posts`)."""
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
        related = related_posts(ordered, settings.related).links(ordered)
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
