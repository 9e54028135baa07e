"""Boundary: derive the blog once per build; write only the pages whose content changed.

* ``env-updated``: the posts' records become a :class:`~.model.Blog` (``derive``); the
  posts whose previous/next links changed, the home page when its first page of posts
  changed, and the pages holding a ``postlist`` when the posts changed are returned as
  stale, so Sphinx writes them again (and nothing else).
* ``html-page-context``: templates get plain dicts (``views``): the home page its first
  page of posts, a post its neighbours, every page the blog's links.
* ``html-collect-pages``: every other list, catalog and archive page, each with a digest of
  what it shows (and of the templates and settings it is drawn with). A page whose digest
  is the one it was last written with, and whose file is still there, is not rendered.
* ``build-finished``: the digests are kept beside the doctrees, and the output of removed
  documents and of pages no longer made (a tag's last post untagged) is deleted.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Set
from datetime import UTC
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.osutil import relative_uri
from sphinx.util.parallel import ParallelTasks, parallel_available

from extensions.ablog_compat.sphinx_ablog import postlist_documents
from extensions.frontmatter.model import Post
from extensions.frontmatter.values import aware

from .derive import RelatedMemo, Settings, derive, page_map, related_posts
from .model import Blog, Listed, ListPage
from .records import DigestRecord, site_signature
from .urls import FEED_FILES, Scheme, site_link, slugify
from .views import TEMPLATES, digest, page_digest, page_view, post_nav, short_digest

logger = logging.getLogger(__name__)

RECORD = "blog-pages.json"
#: The list, catalog and archive templates for themes other than "blog" (a site's own
#: templates_path comes first).
TEMPLATES_DIR = str(Path(__file__).with_name("templates"))


def add_templates(app: Sphinx, config: Any) -> None:
    """config-inited: our templates, after the site's own (which may override them); only
    for another theme than the blog's own, which has its own (extensions/theme)."""
    if config.html_theme != "blog" and TEMPLATES_DIR not in config.templates_path:
        config.templates_path = [*config.templates_path, TEMPLATES_DIR]


class ListingDomain(Domain):
    """Holds the last build's derived blog (to tell what changed); no per-document data."""

    name = "listing"
    label = "Blog lists"
    initial_data = {"blog": None, "home": None}  # noqa: RUF012 (Sphinx copies it)
    data_version = 1

    def clear_doc(self, docname: str) -> None:
        pass  # nothing per document: everything here is derived

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Any,
        target: str,
        node: Any,
        contnode: Any,
    ) -> list[tuple[str, Any]]:
        """A Markdown link to a page this extension writes (``/blog/tag/elixir.html``, a
        list's feed) or to a document's ``.html`` page: MyST finds neither by itself."""
        link = site_link(target, fromdocname)
        pages = self.data.get("pages")
        if link is None or pages is None:
            return []
        if link.docname:
            if link.docname not in pages and not (
                target.partition("#")[0].endswith((".html", "/")) and link.docname in env.all_docs
            ):
                return []
            uri = builder.get_relative_uri(fromdocname, link.docname)
        else:
            if link.path not in self.data.get("files", ()):
                return []
            uri = relative_uri(builder.get_target_uri(fromdocname), link.path)
        reference = nodes.reference("", "", internal=True)
        reference["refuri"] = uri + (f"#{link.fragment}" if link.fragment else "")
        reference.append(contnode)
        return [("listing:page", reference)]


def blog_settings(app: Sphinx) -> Settings:
    config = app.config
    authors = config.blog_authors or {}
    names = tuple(
        (str(key), str(about[0] if isinstance(about, list | tuple) and about else key))
        for key, about in authors.items()
    )
    feed_kinds = tuple(getattr(config, "feeds_indexes", ()) or ())
    return Settings(
        scheme=Scheme(
            root_doc=config.root_doc,
            blog_path=str(config.blog_path or "blog").strip("/"),
            feeds_path="feeds",
        ),
        title=str(config.blog_title or config.project),
        page_size=config.blog_page_size,
        author_names=names,
        feed_kinds=feed_kinds if "extensions.feeds" in app.extensions else (),
        main_feed="extensions.feeds" in app.extensions,
        related=max(0, int(config.blog_related_posts or 0)),
    )


def status_of(docname: str, unpublished: Any) -> str:
    """ "draft" or "scheduled" for a post a preview build shows, "" for a published one."""
    found = unpublished.get(docname)
    return STATUSES.get(found.reason, "") if found is not None else ""


def feed_files(app: Sphinx, blog: Blog, settings: Settings) -> frozenset[str]:
    """The feeds a post may link to: the blog's and each list's (for ``feeds_formats``)."""
    formats = getattr(app.config, "feeds_formats", None)
    if not settings.main_feed or not formats or not app.config.html_baseurl:  # none written
        return frozenset()
    names = [FEED_FILES[name] for name in formats if name in FEED_FILES]
    folders = {settings.scheme.feed_folder()}
    folders |= {page.feed for page in blog.pages if isinstance(page, ListPage) and page.feed}
    return frozenset(f"{folder}/{name}" for folder in folders for name in names)


#: How a preview build marks a post the published site leaves out (Unpublished.reason).
STATUSES = {"draft": "draft", "future": "scheduled"}


def listed(
    post: Post, zone: Any, date_format: str, words_per_minute: int = 0, status: str = ""
) -> Listed | None:
    """What lists show of a post (None for a post without a date: it is not listed)."""
    if post.date is None:
        return None
    local = aware(post.date, zone).astimezone(zone)
    return Listed(
        docname=post.docname,
        title=post.title,
        order=local.astimezone(UTC).isoformat(),
        moment=local.replace(microsecond=0).isoformat(),
        date=local.strftime(date_format),
        year=str(local.year),
        categories=post.categories,
        tags=post.tags,
        authors=post.authors,
        summary=post.summary,
        minutes=max(1, math.ceil(post.words / words_per_minute)) if words_per_minute > 0 else 0,
        series=dict(post.extra).get("series", "").strip(),
        status=status,
    )


class Listing:
    """One per application: the blog derived for this build, and what it rendered."""

    def __init__(self) -> None:
        self.blog = Blog()
        self.settings = Settings()
        self.by_docname: dict[str, Listed] = {}
        self.views: dict[str, Any] = {}
        self.author_names: dict[str, str] = {}
        self.record: DigestRecord | None = None  # what each page was last written with
        self.removed: set[str] = set()
        self.reads = True

    # -- reading ----------------------------------------------------------------------------

    def note_removed(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: Set[str],
        changed: Set[str],
        removed: Set[str],
    ) -> list[str]:
        """env-get-outdated: remember removed documents, to delete their output."""
        self.removed |= set(removed)
        return []

    def note_reading(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        """env-before-read-docs: whether this build reads anything (a rebuild that reads
        nothing changes no list unless the settings or the templates changed)."""
        self.reads = bool(docnames)

    def derive(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """env-updated: derive the blog; return the documents whose output it changed."""
        blog_domain: Any = env.get_domain("blog")
        zone = blog_domain.zone
        date_format = app.config.post_date_format or "%Y/%m/%d"
        self.settings = blog_settings(app)
        self.author_names = dict(self.settings.author_names)
        wpm = int(app.config.blog_words_per_minute or 0)
        unpublished = blog_domain.unpublished  # in this build only when previewing
        records = [
            listed(post, zone, date_format, wpm, status_of(post.docname, unpublished))
            for post in blog_domain.posts.values()
        ]
        posts = [record for record in records if record is not None]
        domain: Any = env.get_domain("listing")
        # related posts depend on titles, tags, categories and dates only: the last build's
        # are kept, and only what a change can have changed is worked out again
        kept = domain.data.get("related")
        memo = related_posts(
            posts, self.settings.related, kept if isinstance(kept, RelatedMemo) else None
        )
        domain.data["related"] = memo
        self.blog = derive(posts, self.settings, memo.links(posts))
        self.by_docname = {post.docname: post for post in self.blog.posts}
        self.views = {view.docname: view for view in self.blog.views}
        # what the last build showed, as digests (the environment keeps them, not the blog)
        views = {docname: short_digest(view) for docname, view in self.views.items()}
        shown = short_digest(self.blog.posts)
        home = self._home_list()
        stale: set[str] = set()
        old_views = domain.data.get("views")
        if isinstance(old_views, dict):
            stale |= {d for d, key in views.items() if old_views.get(d) != key}
            if domain.data.get("home") != home:
                stale.add(self.settings.scheme.root_doc)
            if domain.data.get("shown") != shown:
                stale |= postlist_documents(env)
        domain.data.pop("blog", None)  # kept by earlier versions
        domain.data["views"] = views
        domain.data["shown"] = shown
        domain.data["home"] = home
        domain.data["pages"] = frozenset(page.docname for page in self.blog.pages)
        domain.data["files"] = feed_files(app, self.blog, self.settings)
        self._report_shared_pages(app, blog_domain.posts.values())
        return sorted(stale & env.found_docs)

    def _home_list(self) -> Any:
        page = page_map(self.blog).get(self.settings.scheme.root_doc)
        if page is None:
            return None
        return digest(page_view(page, self.by_docname, self.settings.scheme, self.author_names))

    def _report_shared_pages(self, app: Sphinx, posts: Any) -> None:
        """Two spellings of a name that would share one page (``Node.js``, ``nodejs``)."""
        for kind, attribute in (("tag", "tags"), ("category", "categories"), ("author", "authors")):
            first: dict[str, str] = {}
            said: set[str] = set()
            for post in sorted(posts, key=lambda p: p.docname):
                for name in getattr(post, attribute):
                    slug = slugify(name)
                    known = first.setdefault(slug, name)
                    if _plain(known) != _plain(name) and name not in said:
                        said.add(name)
                        logger.warning(
                            "%s %r shares the page %s.html with %r; use one spelling",
                            kind,
                            name,
                            self.settings.scheme.index(kind, name),
                            known,
                            type="frontmatter",
                            subtype="shared-page",
                            location=(post.docname, 1),
                        )

    # -- writing ----------------------------------------------------------------------------

    def page_context(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        """html-page-context: what the blog's templates draw."""
        scheme = self.settings.scheme
        context["blog_links"] = {
            "home": scheme.root_doc,
            "archive": scheme.archive,
            "all": scheme.all_posts,
            "tags": scheme.catalog("tag"),
            "categories": scheme.catalog("category"),
            "authors": scheme.catalog("author"),
            "has_posts": bool(self.blog.posts),
        }
        context["is_home"] = pagename == scheme.root_doc
        context["blog_preview"] = bool(app.config.blog_preview)
        if pagename == scheme.root_doc and "blog_page" not in context:
            page = page_map(self.blog).get(pagename)
            if page is not None:
                context["blog_page"] = page_view(page, self.by_docname, scheme, self.author_names)
        if pagename in self.by_docname:
            context["blog_post"] = post_nav(self.views.get(pagename), self.by_docname)
            context["is_post"] = True

    def collect_pages(self, app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
        """html-collect-pages: every list page whose content changed since it was written.

        Sphinx draws the pages an extension hands it one by one, in the main process; with
        ``-j N`` and many pages, they are drawn here by N forked processes instead (as
        Sphinx writes documents), and none is handed over."""
        pages = list(self._changed_pages(app))
        if app.parallel > 1 and parallel_available and len(pages) >= PARALLEL_PAGES:
            draw_in_parallel(app, pages)
            return
        yield from pages

    def _changed_pages(self, app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
        builder: Any = app.builder
        self.record = record = DigestRecord(Path(app.doctreedir) / RECORD)
        signature = site_signature(builder)
        statuses = tuple((post.docname, post.status) for post in self.blog.posts if post.status)
        everything = short_digest((self.settings, signature, statuses))
        outdir = Path(builder.outdir)
        if not (self.reads or self.removed) and record.same_as_before(QUIET, everything, outdir):
            return  # nothing read, nothing removed, same settings: every page as it was
        record.unchanged(QUIET, everything)
        found = app.env.found_docs
        prefix = len(str(outdir)) + 1
        cards: dict[str, str] = {}  # what each post's card shows, worked out once
        for page in self.blog.pages:
            if page.docname in found:
                if page.docname != self.settings.scheme.root_doc:
                    logger.warning(
                        "%s would overwrite the generated page of the same name; it is kept",
                        page.docname,
                        type="listing",
                        subtype="clash",
                        location=page.docname,
                    )
                continue  # the home page is a document: its list came with its context
            template = TEMPLATES[type(page)]
            scheme, names = self.settings.scheme, self.author_names
            key = page_digest(
                page, self.by_docname, scheme, names, template, signature, cards=cards
            )
            target = str(builder.get_outfilename(page.docname))
            if record.unchanged(page.docname, key, Path(target), files_of=[target[prefix:]]):
                continue
            view = page_view(page, self.by_docname, scheme, names)
            yield page.docname, {"title": page.title, "blog_page": view, "parents": []}, template

    def finish(self, app: Sphinx, exception: BaseException | None) -> None:
        """build-finished: keep the digests; delete what is no longer made."""
        builder: Any = app.builder
        if exception is not None or builder.format != "html":
            return
        record = self.record
        gone = (record.gone() if record else set()) | self.removed
        keep = app.env.found_docs | (set(record.now) if record else set())
        outdir = Path(app.outdir)
        for pagename in sorted(gone - keep):
            targets = [Path(builder.get_outfilename(pagename))]
            targets += (outdir / "_sources").glob(f"{pagename}.*")  # a removed document's copy
            for target in targets:
                if target.is_file() and target.is_relative_to(outdir):
                    target.unlink()
                    folder = target.parent  # and the folders it leaves empty
                    while folder != outdir and folder.is_dir() and not any(folder.iterdir()):
                        folder.rmdir()
                        folder = folder.parent
        self.removed = set()
        self.reads = True
        if record is not None:
            record.save()
        self.record = None


#: The record's entry for what every list page also depends on (settings, templates).
QUIET = "*"

#: Fewer pages than this are drawn in the main process: forking would cost more.
PARALLEL_PAGES = 40


def draw_in_parallel(app: Sphinx, pages: list[tuple[str, dict[str, Any], str]]) -> None:
    """Each of ``app.parallel`` forked processes draws every N-th page with the builder's
    own ``handle_page`` (its warnings come back to the main process, an error stops the
    build, as for documents)."""
    builder: Any = app.builder
    workers = min(app.parallel, len(pages))

    def draw(chunk: list[tuple[str, dict[str, Any], str]]) -> None:
        for pagename, context, template in chunk:
            builder.handle_page(pagename, context, template)

    tasks = ParallelTasks(workers)
    for number in range(workers):
        tasks.add_task(draw, pages[number::workers])
    tasks.join()


def _plain(name: str) -> str:
    return "".join(name.casefold().replace("-", " ").replace("_", " ").split())
