"""Boundary: the blog's theme and its reader features, for Sphinx.

* ``config-inited``: the ``blog_*`` settings, validated once; the favicon (``blog_favicon``,
  else the theme's own) becomes ``html_favicon`` unless conf.py set that itself.
* ``builder-inited``: the theme's script, and the dark code colours written as CSS.
* ``env-updated``: what every page shows of the whole blog (the copyright's years, which
  snippet an anchor is), worked out once per build.
* ``doctree-resolved``: images of the site's own files get their size and ``loading=lazy``;
  a post gets its table of contents (three sections or more) and a slot for its reading time.
* ``html-page-context``: the copyright, a description for pages without one, and the
  highlighted code of the snippets a page links to (shown on hover or focus).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import asdict
from html import unescape
from pathlib import Path
from typing import Any

import imagesize
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .code_colours import dark_stylesheet, load_style
from .model import THEME, Heading, ThemeConfig
from .page import (
    copyright_line,
    description,
    description_tag,
    focusable_code,
    has_description,
    is_site_file,
)
from .previews import fragment, previews
from .settings import SETTINGS, theme_config
from .toc import toc_html, wants_toc

logger = logging.getLogger(__name__)

THEME_DIR = Path(__file__).with_name("blog")
#: The icon a blog has until conf.py names its own (blog_favicon).
DEFAULT_FAVICON = THEME_DIR / "favicon.svg"
DARK_CSS = "pygments-dark.css"
SCRIPT = "blog-theme.js"
_TAG = re.compile(r"<[^>]*>")


class post_toc(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lowercase)
    """A post's table of contents (HTML only; inserted at resolve time for HTML builders)."""


def visit_post_toc(translator: Any, node: post_toc) -> None:
    translator.body.append(node["html"])
    raise nodes.SkipNode


def uses_theme(app: Sphinx) -> bool:
    return bool(app.config.html_theme == THEME)


class Theme:
    """One per application: the validated settings and what the build derived for pages."""

    def __init__(self) -> None:
        self.config = ThemeConfig()
        self.years: set[int] = set()
        self.snippets: dict[str, Any] = {}  # anchor -> snippet
        self.highlighted: dict[tuple[str, str], str] = {}
        self.tags: dict[tuple[str, str], dict[tuple[str, str], str]] = {}

    # -- set-up -----------------------------------------------------------------------------

    def configure(self, app: Sphinx, config: Any) -> None:
        """config-inited: one validated value; the favicon."""
        self.config, problems = theme_config({name: config[name] for name in SETTINGS})
        for _name, message in problems:
            logger.warning(
                message,
                type="theme",
                subtype="config",
                location=(Path(app.confdir) / "conf.py", None),
            )
        if config.html_theme == THEME and not config.html_favicon:
            config.html_favicon = self.config.favicon or str(DEFAULT_FAVICON)

    def start(self, app: Sphinx) -> None:
        """builder-inited: the theme's script and the dark code colours."""
        self.tags = {}
        builder: Any = app.builder
        if builder.format != "html" or not uses_theme(app):
            return
        app.add_js_file(SCRIPT, loading_method="defer")
        try:
            style = load_style(self.config.dark_code_style)
        except ValueError as error:
            logger.warning(str(error), type="theme", subtype="config")
            return
        css = dark_stylesheet(style)
        target = Path(app.outdir) / "_static" / DARK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_text(encoding="utf-8") != css:
            target.write_text(css, encoding="utf-8")
        app.add_css_file(DARK_CSS)

    def derive(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """env-updated: the posts' years and the snippets by anchor, once per build."""
        posts: Any = getattr(env.get_domain("blog"), "posts", {}) if "blog" in _domains(env) else {}
        self.years = {post.date.year for post in posts.values() if getattr(post, "date", None)}
        self.snippets = {}
        self.highlighted = {}
        if "snippets" in _domains(env):
            catalogue: Any = env.get_domain("snippets").catalogue  # type: ignore[attr-defined]
            self.snippets = {snippet.anchor: snippet for snippet in catalogue.snippets.values()}
        return []

    # -- resolving --------------------------------------------------------------------------

    def resolve(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        """doctree-resolved: image sizes; a post's table of contents."""
        builder: Any = app.builder
        if builder.format != "html":
            return
        if self.config.lazy_images:
            size_images(Path(app.srcdir), doctree)
        if uses_theme(app) and docname in _posts(app.env):
            add_post_extras(doctree, self.config.toc_min_sections)

    # -- writing ----------------------------------------------------------------------------

    def page_context(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        """html-page-context: the footer's copyright, a description, snippet previews."""
        if not uses_theme(app):
            return
        config = app.config
        context["blog_copyright"] = copyright_line(str(config.copyright or ""), self.years)
        context["blog_has_snippets"] = "extensions.snippets" in app.extensions
        context["blog_copy_buttons"] = self.config.copy_buttons and (
            "sphinx_copybutton" not in app.extensions
        )
        if isinstance(context.get("body"), str):
            context["body"] = focusable_code(context["body"])
        metatags = str(context.get("metatags") or "")
        if not has_description(metatags):
            title = unescape(_strip_tags(str(context.get("title") or "")))
            text = description(
                title, str(getattr(config, "blog_tagline", "") or ""), str(config.project or "")
            )
            context["metatags"] = metatags + description_tag(text)
        if doctree is not None and self.config.snippet_previews and self.snippets:
            found = previews(_snippet_anchors(doctree), self.snippets, self._highlighter(app))
            context["blog_snippet_previews"] = [asdict(preview) for preview in found]
        folder = posixpath.dirname(app.builder.get_target_uri(pagename))
        for name in ("css_tag", "js_tag"):
            if callable(context.get(name)):
                context[name] = self._same_tags(name, context[name], folder)

    def _same_tags(self, name: str, make: Any, folder: str) -> Any:
        """Sphinx's ``css_tag``/``js_tag``, remembered: each call reads the file again for
        its checksum (``?v=``), eight files on every page. A tag depends only on the file
        and the folder of the page it is written on."""
        made = self.tags.setdefault((name, folder), {})

        def tag(asset: Any) -> str:
            attributes = getattr(asset, "attributes", None)
            key = (str(getattr(asset, "filename", asset)), repr(sorted((attributes or {}).items())))
            if key not in made:
                made[key] = make(asset)
            return made[key]

        return tag

    def _highlighter(self, app: Sphinx) -> Any:
        builder: Any = app.builder

        def highlight(code: str, language: str) -> str:
            key = (code, language)
            if key not in self.highlighted:
                self.highlighted[key] = builder.highlighter.highlight_block(
                    code, language or "default", force=True
                )
            return self.highlighted[key]

        return highlight


def _domains(env: BuildEnvironment) -> set[str]:
    return {domain.name for domain in env.domains.sorted()}


def depart_nothing(translator: Any, node: nodes.Element) -> None:
    pass


def _posts(env: BuildEnvironment) -> dict[str, Any]:
    if "blog" not in _domains(env):
        return {}
    return getattr(env.get_domain("blog"), "posts", {}) or {}


def _strip_tags(text: str) -> str:
    return _TAG.sub("", text)


def size_images(srcdir: Path, doctree: nodes.document) -> None:
    """An image of the site's own files gets its intrinsic width and height (so the page does
    not jump as it loads) and, unless it is a post's cover (the first thing a reader sees),
    ``loading=lazy``. Images with a size or scale of their own keep it."""
    for image in doctree.findall(nodes.image):
        if "post-cover" not in image["classes"]:
            image.setdefault("loading", "lazy")
        uri = str(image.get("uri", ""))
        if not is_site_file(uri) or any(key in image for key in ("width", "height", "scale")):
            continue
        path = srcdir / uri
        try:
            width, height = imagesize.get(path) if path.is_file() else (-1, -1)
        except (OSError, ValueError):
            continue
        if width > 0 and height > 0:
            image["width"], image["height"] = str(width), str(height)
            # its own size, not a scaled one: no link to the full-size file (Sphinx's
            # html_scaled_image_link would add one for any width or height)
            image["classes"].append("no-scaled-link")


def _headings(section: nodes.Element, depth: int) -> tuple[Heading, ...]:
    found = []
    for child in section.children:
        if isinstance(child, nodes.section) and child["ids"]:
            title = child.next_node(nodes.title)
            children = _headings(child, depth - 1) if depth > 1 else ()
            text = title.astext() if title is not None else child["ids"][0]
            found.append(Heading(anchor=child["ids"][0], title=text, children=children))
    return tuple(found)


def add_post_extras(doctree: nodes.document, minimum: int) -> None:
    """After the post header (``div.post-meta``, which shows the reading time: see
    extensions.layout), or after the title, a table of contents when the post has
    ``minimum`` sections or more."""
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None:
        return
    header = next(
        (
            node
            for node in top.children
            if isinstance(node, nodes.container) and "post-meta" in node["classes"]
        ),
        None,
    )
    headings = _headings(top, depth=2)
    if not wants_toc(headings, minimum):
        return
    anchor = header if header is not None else top.next_node(nodes.title)
    if anchor is None:
        return
    anchor.parent.insert(anchor.parent.index(anchor) + 1, post_toc(html=toc_html(headings)))


def _snippet_anchors(doctree: nodes.document) -> list[str]:
    """The anchors of the snippet definitions a page links to (the ``{snippet}`` role makes a
    reference whose text carries the class ``snippet``)."""
    anchors = []
    for reference in doctree.findall(nodes.reference):
        if any(
            isinstance(child, nodes.Element) and "snippet" in child["classes"]
            for child in reference.children
        ):
            anchor = reference.get("refid") or fragment(str(reference.get("refuri", "")))
            if anchor:
                anchors.append(anchor)
    return anchors
