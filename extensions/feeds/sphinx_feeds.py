"""Boundary: gather posts, pages and settings from Sphinx; write and check the feeds.

Everything decided here is decided by the pure modules; this file only reads conf.py,
reads the pages the builder wrote, writes files and turns problems into warnings.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.parallel import ParallelTasks, parallel_available

from extensions.listing.records import DigestRecord
from extensions.safety.paths import classify

from .build import Rendered, build_feeds, feed_digest, with_content
from .links import absolute_url, absolutise_page, post_content
from .model import FeedConfig, Problem
from .publish import robots_txt, sitemap_pages, sitemap_xml, stale_feed_files
from .serialise import serialise
from .settings import read_settings

logger = logging.getLogger(__name__)

#: conf.py values the settings are made of (ours, ABlog's, the frontmatter's and Sphinx's).
SETTING_NAMES = (
    "feeds_formats",
    "feeds_indexes",
    "feeds_limit",
    "feeds_index_limit",
    "feeds_content",
    "feeds_title",
    "feeds_description",
    "blog_tagline",
    "feeds_author",
    "feeds_id_authority",
    "blog_timezone",
    "blog_authors",
    "blog_default_author",
    "blog_title",
    "blog_path",
    "project",
    "author",
    "language",
    "html_baseurl",
)

#: Builders whose pages we read and whose output gets feeds.
HTML_BUILDERS = ("html", "dirhtml")
#: Changes when the feeds' code makes other bytes from the same posts (feeds written again).
FEEDS_VERSION = "2"
#: The record's entry for everything the feeds are made from.
WHOLE = "*"


def warn(problem: Problem) -> None:
    logger.warning(
        problem.describe(), type="feeds", subtype=problem.code, location=problem.docname or None
    )


def settings(config: Config, link_suffix: str = ".html") -> tuple[FeedConfig, list[Problem]]:
    values: dict[str, Any] = {name: getattr(config, name, None) for name in SETTING_NAMES}
    values["link_suffix"] = link_suffix
    return read_settings(values)


def link_suffix(app: Sphinx) -> str:
    """How this builder ends page URIs: ".html", or "/" for dirhtml."""
    return app.builder.get_target_uri("x")[1:]


def check_settings(app: Sphinx, config: Config) -> None:
    """config-inited: report bad feed settings once."""
    for problem in settings(config)[1]:
        warn(problem)


def post_image_url(app: Sphinx, docname: str, image: str, base_url: str) -> str:
    """The absolute URL of a post's ``image:``: an http(s) URL as is, else the copy Sphinx
    made of it; "" when Sphinx published no such file."""
    reference = classify(image) if image else None
    if reference is None or reference.kind == "refused":
        return ""
    if reference.kind == "url":
        return reference.value
    relative, _ = app.env.relfn2path(image, docname)
    copied = app.env.images.get(relative) if relative in app.env.images else None
    if copied:
        return absolute_url(base_url, f"{app.builder.imagedir}/{copied[1]}")
    return ""


def rendered_posts(
    app: Sphinx, posts: list[Any], base_url: str
) -> tuple[dict[str, Rendered], list[Problem]]:
    """Each post's content, taken from the page the builder wrote (render each post once)."""
    found: dict[str, Rendered] = {}
    problems: list[Problem] = []
    outdir = Path(app.outdir)
    for post in posts:
        uri = app.builder.get_target_uri(post.docname)
        page = Path(app.builder.get_outfilename(post.docname))  # type: ignore[attr-defined]
        if not page.is_file():
            problems.append(
                Problem(
                    "content", f"{page.relative_to(outdir)} was not written", docname=post.docname
                )
            )
            continue
        content = post_content(page.read_text(encoding="utf-8"), absolute_url(base_url, uri))
        if content is None:
            problems.append(Problem("content", f"no div[role=main] in {uri}", docname=post.docname))
            continue
        found[post.docname] = Rendered(
            uri=uri,
            content_html=content,
            image=post_image_url(app, post.docname, post.image, base_url),
        )
    return found, problems


class CheckedFeeds:
    """Which feed bytes already passed every check, kept beside the doctrees.

    Checking is most of a rebuild's time on a big blog, and an unchanged feed need not be
    checked again. A feed is recorded only once it passed; the record is keyed by the
    checker's own code and schemas, so changing them checks everything again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        package = Path(__file__).parent
        checker = hashlib.sha256()
        for part in ("validate.py", "schemas/atom.rng", "schemas/jsonfeed-1.1.json"):
            checker.update((package / part).read_bytes())
        self.checker = checker.hexdigest()
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        known = stored.get("feeds", {}) if stored.get("checker") == self.checker else {}
        self.passed: dict[str, str] = known if isinstance(known, dict) else {}

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def needs_check(self, file: str, data: bytes) -> bool:
        return self.passed.get(file) != self.digest(data)

    def record(self, file: str, data: bytes) -> None:
        self.passed[file] = self.digest(data)

    def save(self, files: set[str]) -> None:
        kept = {file: digest for file, digest in self.passed.items() if file in files}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(
            json.dumps({"checker": self.checker, "feeds": kept}, indent=0, sort_keys=True),
            encoding="utf-8",
        )


def write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def remove_stale(outdir: Path, folder: str, written: set[str]) -> None:
    root = outdir / folder
    if not root.is_dir():
        return
    existing = [p.relative_to(outdir).as_posix() for p in root.rglob("*") if p.is_file()]
    for stale in stale_feed_files(existing, written):
        (outdir / stale).unlink()
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()


def page_stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


def write_feeds(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: write the feeds whose entries changed, drop feeds no longer made."""
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    from extensions.frontmatter.sphinx_domain import listed_posts

    config, _ = settings(app.config, link_suffix(app))
    outdir = Path(app.outdir)
    written: set[str] = set()
    if not config.base_url:
        logger.warning(
            "feeds: html_baseurl is empty, so no feed, robots.txt or 404 fix is written "
            "(feed links must be absolute); set html_baseurl in conf.py or BLOG_BASEURL",
            type="feeds",
            subtype="baseurl",
        )
        remove_stale(outdir, config.output_dir, written)
        return
    builder: Any = app.builder
    posts = [post for post in listed_posts(app.env) if post.date is not None]
    pages = {post.docname: Path(builder.get_outfilename(post.docname)) for post in posts}
    stamps = {docname: page_stamp(path) for docname, path in pages.items()}
    record = DigestRecord(Path(app.doctreedir) / "blog-feeds.json")
    # Everything the feeds are made from: when none of it changed (a rebuild that wrote no
    # post), every feed is as it was, and nothing is worked out again
    whole = hashlib.sha256(
        repr((FEEDS_VERSION, config, posts, sorted(stamps.items()))).encode("utf-8")
    ).hexdigest()
    if not app.config.feeds_validate and record.same_as_before(WHOLE, whole, outdir):
        logger.info("feeds: unchanged")
        write_publishing_files(app, config)
        return
    record.unchanged(WHOLE, whole)
    outline = {  # what feeds say of each post, without reading its page
        post.docname: Rendered(
            uri=builder.get_target_uri(post.docname),
            content_html="",
            image=post_image_url(app, post.docname, post.image, config.base_url),
        )
        for post in posts
        if stamps[post.docname] != (0, 0)
    }
    feeds, problems = build_feeds(posts, outline, config)
    schemas: Any = None
    if app.config.feeds_validate:  # the validators are imported only when asked for
        from .schemas import load_schemas
        from .validate import validate

        schemas = load_schemas()
    checked = CheckedFeeds(Path(app.doctreedir) / "feeds-checked.json") if schemas else None
    changed = []
    for feed in feeds:
        files = [feed.file(fmt) for fmt in config.formats]
        key = feed_digest(feed, [stamps[e.docname] for e in feed.entries], config.formats)
        written.update(files)
        if not record.unchanged(feed.path, key, *(outdir / f for f in files), files_of=files):
            changed.append(feed)
    contents: dict[str, str] = {}

    def write(some: list[Any]) -> list[Problem]:
        """Write these feeds (their posts' content read from their pages, once each)."""
        found: list[Problem] = []
        for feed in some:
            if config.content == "full":
                for entry in feed.entries:
                    if entry.docname not in contents:
                        content, missing = page_content(pages[entry.docname], entry.url)
                        contents[entry.docname] = content
                        if missing:
                            found.append(Problem("content", missing, docname=entry.docname))
                feed = with_content(feed, contents, config.summary_length)
            for fmt in config.formats:
                file, data = feed.file(fmt), serialise(feed, fmt)
                if checked is not None and schemas is not None and checked.needs_check(file, data):
                    invalid = validate(fmt, data, feed, schemas)
                    found += invalid
                    if not invalid:
                        checked.record(file, data)
                write_if_changed(outdir / file, data)
        return found

    if checked is None and app.parallel > 1 and parallel_available and len(changed) >= 8:
        tasks = ParallelTasks(app.parallel)  # with -j N, N processes write the feeds
        for number in range(app.parallel):
            tasks.add_task(
                write, changed[number :: app.parallel], lambda _, got: problems.extend(got)
            )
        tasks.join()
    else:
        problems += write(changed)
    record.save()
    if checked is not None:
        checked.save(written)
    remove_stale(outdir, config.output_dir, written)
    for problem in problems:
        warn(problem)
    logger.info("feeds: %d feed files in %s", len(written), ", ".join(config.formats))
    write_publishing_files(app, config)


def page_content(page: Path, url: str) -> tuple[str, str]:
    """A post's content for a feed, from the page the builder wrote (rendered once)."""
    try:
        text = page.read_text(encoding="utf-8")
    except OSError:
        return "", f"{page.name} was not written"
    content = post_content(text, url)
    if content is None:
        return "", f"no div[role=main] in {page.name}"
    return content, ""


def html_files(outdir: Path) -> Iterator[str]:
    """Every HTML file of the output, "/"-separated from its root (a walk of strings: a
    thousand-post site has some two thousand files)."""
    for folder, dirs, files in os.walk(outdir):
        dirs.sort()
        relative = os.path.relpath(folder, outdir).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        yield from (prefix + name for name in sorted(files) if name.endswith(".html"))


def write_publishing_files(app: Sphinx, config: FeedConfig) -> None:
    """sitemap.xml, robots.txt, and the 404 page made to work at any depth."""
    outdir = Path(app.outdir)
    sitemap = "sitemap.xml" if app.config.publish_sitemap else ""
    if sitemap:
        # Every page in the output, not only those written by this build: an incremental
        # build writes few pages, and removed ones are deleted (extensions.ablog_shims).
        files = html_files(outdir)
        excluded = set(app.config.publish_sitemap_excludes)
        if "extensions.redirects" in app.extensions:  # written before (build-finished, 550)
            from extensions.redirects.sphinx_redirects import redirect_files

            excluded |= redirect_files(app)
        pages = sitemap_pages(files, excluded)
        directory_urls = app.builder.name == "dirhtml"
        write_if_changed(outdir / sitemap, sitemap_xml(config.base_url, pages, directory_urls))
    if app.config.publish_robots_txt:
        write_if_changed(
            outdir / "robots.txt", robots_txt(config.base_url, sitemap).encode("utf-8")
        )
    not_found = app.config.publish_404
    if not_found and not_found in app.env.found_docs:
        page = Path(app.builder.get_outfilename(not_found))  # type: ignore[attr-defined]
        if page.is_file():
            fixed = absolutise_page(
                page.read_text(encoding="utf-8"),
                config.base_url,
                app.builder.get_target_uri(not_found),
            )
            write_if_changed(page, fixed.encode("utf-8"))
