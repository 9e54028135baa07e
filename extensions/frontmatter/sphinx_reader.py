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

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import make_id

from extensions.ablog_compat.sphinx_ablog import is_post_node, post_node
from extensions.safety.paths import classify

from .model import Post, Problem, Translated
from .post import (
    closing_fence,
    key_lines,
    load_front_matter,
    myst_source,
    read_post,
)
from .sphinx_summary import MARK, prose_words, summary_html
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


def is_post(env: BuildEnvironment, docname: str) -> bool:
    """Is ``docname`` a post of this build (as the scan at ``builder-inited`` decided)?"""
    return env.get_domain("blog").is_post(docname)  # type: ignore[attr-defined]


def translate(app: Sphinx, docname: str, text: str) -> str:
    """Give other extensions (NimblePublisher posts) the chance to translate a source."""
    return translated(app, docname, text).text


def translated(app: Sphinx, docname: str, text: str) -> Translated:
    """The source as MyST (translated by another extension, or as it is) with the line its
    body starts on when a translation moved it."""
    found = app.emit_firstresult(SOURCE_EVENT, docname, text)
    if found is None:
        return Translated(text)
    return found if isinstance(found, Translated) else Translated(str(found))


def _is_markdown(app: Sphinx, docname: str) -> bool:
    suffix = app.env.doc2path(docname).suffix
    return app.config.source_suffix.get(suffix) == "markdown"


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read: front matter read within limits for every Markdown document; a post's
    translated (NimblePublisher) and normalised for MyST and ABlog."""
    if not _is_markdown(app, docname):
        return
    text = source[0].replace("\r\n", "\n").replace("\r", "\n")
    post = is_post(app.env, docname)
    body_line = None
    if post:
        source_ = translated(app, docname, text)
        text, body_line = source_.text, source_.body_line
    fields, problems = load_front_matter(text)
    if not post:
        if problems:  # MyST would read it again, without limits: give it none
            warn(docname, problems)
            source[0] = _without_front_matter(text)
        return
    title, _ = as_text(fields.get("title"), "title")
    region = body_line - 1 if body_line else None
    source[0] = myst_source(text, {**fields, "title": title} if title else fields, region)
    app.env.temp_data[_TEMP_KEY] = (fields, key_lines(text), problems)


def _without_front_matter(text: str) -> str:
    """The text with its front matter blanked out, line for line."""
    lines = text.split("\n")
    closing = closing_fence(lines)
    if closing is None:
        return "\n".join(["", *lines[1:]]) if lines and lines[0].startswith("---") else text
    return "\n".join(["" for _ in lines[: closing + 1]] + lines[closing + 1 :])


def warn(docname: str, problems: list[Problem]) -> None:
    for problem in problems:
        logger.warning(
            problem.message,
            type="frontmatter",
            subtype=problem.code,
            location=(docname, problem.line) if problem.line else docname,
        )


class TitleAsWritten(SphinxTransform):
    """A post's title reads the same everywhere: as written. Sphinx's smart quotes would turn
    ``--interactive`` into ``–interactive`` on the page but not in lists, feeds or the
    ``<title>``, so the title heading is left out of them."""

    default_priority = 740  # before SphinxSmartQuotes (750)

    def apply(self, **kwargs: Any) -> None:
        stored: Any = self.env.temp_data.get(_TEMP_KEY)
        if stored is None or not stored[0].get("title"):
            return
        heading = next(iter(self.document.findall(nodes.title)), None)
        if heading is not None:
            heading["support_smartquotes"] = False


class NormalisePost(SphinxTransform):
    """Turn a post's front matter into our Post and ABlog's PostNode (before ABlog looks)."""

    default_priority = 790  # after docutils' DocInfo (340), before ABlog's CheckFrontMatter (800)

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        if not is_post(self.env, docname):
            return
        stored: Any = self.env.temp_data.pop(_TEMP_KEY, None)
        if stored is not None:  # Markdown: its front matter, as we read it
            fields, lines, problems = stored
        else:  # reStructuredText or a notebook: its docinfo
            fields, lines, problems = *docinfo_fields(self.document), []
        directive = next((n for n in self.document.findall(nodes.Element) if is_post_node(n)), None)
        if directive is not None:  # a `post` directive: what it says wins, as in ABlog
            fields = {**fields, **directive_fields(directive)}
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
        zone = self.env.get_domain("blog").zone  # type: ignore[attr-defined]
        formats = tuple(f for f in (self.config.post_date_format,) if isinstance(f, str) and f)
        post, found = read_post(
            docname,
            fields,
            heading=heading,
            lines=lines,
            default_authors=defaults,
            zone=zone,
            date_formats=formats,
        )
        if any(problem.code == "yaml" for problem in problems):  # say why, not what follows
            found = [problem for problem in found if problem.code not in ("title", "date")]
        warn(docname, problems + found)
        if section is None:
            section = self._wrap_in_section(post.title, body)
        if post.image:
            reference = classify(post.image)
            if reference.kind == "refused":
                warn(
                    docname,
                    [
                        Problem(
                            "image", _bad_image(post.image, reference.reason), lines.get("image")
                        )
                    ],
                )
                post = replace(post, image="")
            else:  # shown under the header, and so published with the post (a file is
                # checked by extensions.safety, which drops it if it is not the site's)
                cover = nodes.image(uri=reference.value, alt=post.title, classes=["post-cover"])
                cover.source, cover.line = self.document["source"], lines.get("image")
                section.insert(1, cover)
        self.env.get_domain("blog").note_post(post)  # type: ignore[attr-defined]
        summary = first_paragraph(section)
        if summary is not None:
            summary[MARK] = True  # summary_html renders it once the post is read
        if post.date is not None:
            zone = self.env.get_domain("blog").zone  # type: ignore[attr-defined]
            node = _post_node(post, zone, summary)
            if directive is not None:  # ABlog's own node gets our clean values
                for key in ("date", "tags", "author", "category", "title"):
                    directive[key] = node[key]
            else:
                section.append(node)

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


def _bad_image(value: str, reason: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return f"image {shown!r} is not used: {reason}"


def docinfo_fields(document: nodes.document) -> tuple[dict[str, Any], dict[str, int]]:
    """A reST document's (or a notebook's) metadata: its docinfo fields, with their lines."""
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for docinfo in document.findall(nodes.docinfo):
        for child in docinfo.children:
            if isinstance(child, nodes.field) and len(child) == 2:
                key, value = child[0].astext().strip(), child[1].astext().strip()
            elif isinstance(child, nodes.Element):
                key, value = child.tagname, child.astext().strip()
            else:
                continue
            fields.setdefault(key, value)
            if child.line:
                lines.setdefault(key, child.line)
    return fields, lines


def directive_fields(node: nodes.Element) -> dict[str, Any]:
    """What an ABlog ``post`` directive says: its date and options, as front matter would."""
    found: dict[str, Any] = {}
    if node.get("date"):
        found["date"] = str(node["date"])
    for key, option in (("tags", "tags"), ("author", "author"), ("category", "category")):
        values = [str(value) for value in node.get(option) or [] if str(value).strip()]
        if values:
            found[key] = values
    if node.get("title"):
        found["title"] = str(node["title"])
    return found


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


#: What a summary is never taken from: a warning's text, a note, a table, a list, code...
_NOT_SUMMARY = (
    nodes.system_message,
    nodes.Admonition,
    nodes.table,
    nodes.list_item,
    nodes.footnote,
    nodes.citation,
    nodes.sidebar,
    nodes.topic,
    nodes.field_list,
    nodes.docinfo,
    nodes.comment,
    nodes.raw,
    nodes.literal_block,
)


def first_paragraph(section: nodes.Element) -> nodes.paragraph | None:
    """The post's first paragraph of prose: its summary when it has no description."""
    for paragraph in section.findall(nodes.paragraph):
        parent = paragraph.parent
        while parent is not None and parent is not section:
            if isinstance(parent, _NOT_SUMMARY):
                break
            parent = parent.parent
        else:
            if paragraph.astext().strip():
                return paragraph
    return None


def _post_node(post: Post, zone: ZoneInfo, summary: nodes.paragraph | None) -> nodes.Element:
    """ABlog's node for a post, filled from our clean values (never from raw front matter).

    The summary is the description, else the first paragraph of prose (ABlog's own choice
    would take a warning's text when a post starts with a directive MyST complains about)."""
    assert post.date is not None
    if post.description:
        excerpt: list[nodes.Node] = [nodes.paragraph(post.description, post.description)]
    else:
        excerpt = [summary.deepcopy()] if summary is not None else []
    return post_node(
        date=local_naive(post.date, zone).strftime("%Y-%m-%dT%H:%M:%S"),
        title=post.title,
        tags=list(post.tags),
        authors=list(post.authors),
        categories=list(post.categories),
        summary=excerpt,
    )


def quiet_heading_levels(app: Sphinx, config: Config) -> None:
    """config-inited: MyST's heading-level pedantry (``myst.header``: "H1 to H3", "starts at
    H2") is off, as in every other Markdown engine, unless ``blog_heading_warnings``."""
    if not config.blog_heading_warnings and "myst.header" not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings, "myst.header"]


def after_read(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: posts are reached through lists and indexes, never through a toctree;
    a cover that was not published (a file from outside the site) is not the post's image."""
    docname = app.env.docname
    if not is_post(app.env, docname):
        return
    app.env.metadata[docname]["orphan"] = True
    domain = app.env.get_domain("blog")
    post = domain.posts.get(docname)  # type: ignore[attr-defined]
    if post is None:
        return
    if post.image and classify(post.image).kind == "path":
        covers = [node for node in doctree.findall(nodes.image) if "post-cover" in node["classes"]]
        if not covers:
            post = replace(post, image="")
    summary = summary_html(app, doctree, post)
    words = prose_words(doctree)
    domain.note_post(replace(post, summary=summary, words=words))  # type: ignore[attr-defined]
