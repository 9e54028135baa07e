"""Boundary: read each post's front matter, normalise it, and hand ABlog a clean post.

Stock ABlog gets several things wrong with front matter as people write it (it ignores
``title``, crashes on timezone-aware dates, mangles list values into names like ``["Ana"``,
and publishes drafts and future posts on a "drafts" page). Here we:

* at ``config-inited``, scan ``posts/`` and exclude drafts and future posts from the build
  (they must not appear anywhere in the output);
* at ``source-read``, let other extensions translate foreign formats (``blog-source``
  event), then parse the front matter with YAML keeping each key's line for warnings;
* in a transform that runs before ABlog's own (priority 800), build our :class:`Post`,
  give a heading-less body its title, and insert ABlog's ``PostNode`` ourselves.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ablog.post import PostNode
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import make_id

from .model import Post, Problem
from .post import (
    decode_source,
    front_matter_for_myst,
    hidden_reason,
    key_lines,
    load_front_matter,
    read_post,
    with_title_heading,
)
from .values import as_text, local_naive

logger = logging.getLogger(__name__)

SOURCE_EVENT = "blog-source"
_TEMP_KEY = "frontmatter"


def blog_zone(config: Config, *, report: bool = False) -> ZoneInfo:
    """The blog's timezone; UTC when ``blog_timezone`` is not one (said once, at start-up)."""
    try:
        return ZoneInfo(config.blog_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        if report:
            logger.warning(
                "blog_timezone %r is not an IANA timezone name; using UTC",
                config.blog_timezone,
                type="frontmatter",
                subtype="config",
            )
        return ZoneInfo("UTC")


def build_now(config: Config) -> datetime:
    """The moment that decides what is "in the future": ``blog_now`` in conf.py, else now."""
    if config.blog_now:
        moment = datetime.fromisoformat(str(config.blog_now))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC)


def is_post(config: Config, docname: str) -> bool:
    folder = config.blog_posts_folder.strip("/")
    return docname.startswith(folder + "/")


def translate(app: Sphinx, docname: str, text: str) -> str:
    """Give other extensions (NimblePublisher posts) the chance to translate a source."""
    translated = app.emit_firstresult(SOURCE_EVENT, docname, text)
    return text if translated is None else translated


def exclude_unpublished(app: Sphinx, config: Config) -> None:
    """config-inited: drafts and future posts are excluded from the build altogether."""
    folder = Path(app.srcdir) / config.blog_posts_folder
    if not folder.is_dir():
        return
    now, zone = build_now(config), blog_zone(config, report=True)
    hidden = []
    for path in sorted(folder.rglob("*.md")):
        relative = path.relative_to(app.srcdir).as_posix()
        if any(part.startswith(".") for part in Path(relative).parts):
            continue
        try:
            text, problems = decode_source(path.read_bytes())
        except OSError:
            continue  # Sphinx reports unreadable files itself
        if text is None:  # Sphinx would stop with a traceback on it: leave it out, say where
            for problem in problems:
                logger.warning(
                    problem.message,
                    type="frontmatter",
                    subtype=problem.code,
                    location=f"{path}:{problem.line}",
                )
            hidden.append(relative)
            continue
        fields, _problems = load_front_matter(translate(app, relative[:-3], text))
        reason = hidden_reason(fields, now, zone)
        if reason:
            hidden.append(relative)
            logger.info("not published (%s): %s", reason, relative)
    config.exclude_patterns = [*config.exclude_patterns, *hidden]


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if not is_post(app.config, docname):
        return
    text = translate(app, docname, source[0])
    fields, problems = load_front_matter(text)
    title, _ = as_text(fields.get("title"), "title")
    source[0] = with_title_heading(front_matter_for_myst(text, fields), title)
    app.env.temp_data[_TEMP_KEY] = (fields, key_lines(text), problems)


def warn(docname: str, problems: list[Problem]) -> None:
    for problem in problems:
        logger.warning(
            problem.message,
            type="frontmatter",
            subtype=problem.code,
            location=(docname, problem.line) if problem.line else docname,
        )


class NormalisePost(SphinxTransform):
    """Turn a post's front matter into our Post and ABlog's PostNode (before ABlog looks)."""

    default_priority = 790  # after docutils' DocInfo (340), before ABlog's CheckFrontMatter (800)

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        if not is_post(self.config, docname):
            return
        stored: Any = self.env.temp_data.pop(_TEMP_KEY, None)
        fields, lines, problems = stored if stored is not None else ({}, {}, [])
        for field in list(self.document.findall(nodes.field)):  # ABlog must not see these
            if field.children and field[0].astext() == "blogpost":
                field.parent.remove(field)
        body = [child for child in self.document.children if not _is_meta(child)]
        section = next(iter(self.document.findall(nodes.section)), None)
        if not body or (section is not None and body == [section] and len(section) == 1):
            empty = Problem("empty", "empty post: nothing to read after the front matter", 1)
            warn(docname, [*problems, empty])
            return
        heading = section[0].astext() if section is not None else None
        default = self.config.blog_default_author or ()
        defaults = (default,) if isinstance(default, str) else tuple(default)
        post, found = read_post(
            docname, fields, heading=heading, lines=lines, default_authors=defaults
        )
        if any(problem.code == "yaml" for problem in problems):  # say why, not what follows
            found = [problem for problem in found if problem.code not in ("title", "date")]
        warn(docname, problems + found)
        if section is None:
            section = self._wrap_in_section(post.title, body)
        if post.image and not _is_url(post.image):  # shown, and so published with the post
            cover = nodes.image(uri=post.image, alt=post.title, classes=["post-cover"])
            cover.source, cover.line = self.document["source"], lines.get("image")
            section.insert(1, cover)
        self.env.get_domain("blog").note_post(post)  # type: ignore[attr-defined]
        if post.date is not None:
            section.append(_post_node(post, self.env.get_domain("blog").zone))  # type: ignore[attr-defined]

    def _wrap_in_section(self, title: str, body: list[nodes.Node]) -> nodes.section:
        section = nodes.section()
        section["ids"].append(make_id(self.env, self.document, "", title))
        section["names"].append(nodes.fully_normalize_name(title))
        section += nodes.title(title, title)
        for child in body:
            self.document.remove(child)
            section += child
        self.document += section
        self.document.note_implicit_target(section, section)
        return section


def _is_url(text: str) -> bool:
    return "://" in text or text.startswith(("data:", "//"))


def _is_meta(node: nodes.Node) -> bool:
    return isinstance(
        node,
        (
            nodes.docinfo,
            nodes.field_list,
            nodes.comment,
            nodes.target,
            nodes.system_message,
            nodes.substitution_definition,
        ),
    )


def _post_node(post: Post, zone: ZoneInfo) -> PostNode:
    """ABlog's node for a post, filled from our clean values (never from raw front matter)."""
    assert post.date is not None
    node = PostNode()
    node["date"] = local_naive(post.date, zone).strftime("%Y-%m-%dT%H:%M:%S")
    node["tags"] = list(post.tags)
    node["author"] = list(post.authors)
    node["category"] = list(post.categories)
    node["location"] = []
    node["language"] = []
    node["redirect"] = []
    node["title"] = post.title
    node["image"] = None
    node["excerpt"] = None
    node["exclude"] = bool(post.description)
    node["nocomments"] = True
    node["canonical_link"] = []
    node["external_link"] = []
    if post.description:  # the summary: ABlog takes a post node's children as its excerpt
        node += nodes.paragraph(post.description, post.description)
    return node


def mark_orphan(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: posts are reached through lists and indexes, never through a toctree."""
    if is_post(app.config, app.env.docname):
        app.env.metadata[app.env.docname]["orphan"] = True
