"""Boundary: what a post may make the build do, enforced while it is read.

* Files a post names stay inside the site (``paths``): pictures, downloads, included and
  literal-included files, ``raw``/``csv-table`` files. Anything else is a located warning
  (``safety.path``) and is not published.
* Nothing is fetched from the network while building: ``:url:`` on ``raw`` and
  ``csv-table`` is refused (``safety.url``).
* Raw HTML is sanitised (``html``; ``blog_raw_html``), with a warning naming what was
  removed (``safety.html``).
* Substitutions run in a sandbox (``sphinx_myst`` holds the one touch of MyST's internals).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .html import inline_tag, refused_parts, sanitize
from .paths import classify, refusal

logger = logging.getLogger(__name__)

RAW_HTML_CHOICES = ("sanitize", "escape", "allow")


class Site:
    """Where content may come from: the source folder, less the build's own folders.
    One per application, filled at ``builder-inited``."""

    def __init__(self) -> None:
        self.root = Path("/nonexistent-site-root")
        self.forbidden: tuple[Path, ...] = ()

    def start(self, app: Sphinx) -> None:
        self.root = Path(app.srcdir).resolve()
        folders = [Path(app.outdir), Path(app.doctreedir), Path(sys.prefix)]
        self.forbidden = tuple(
            folder.resolve()
            for folder in folders
            if folder.resolve().is_relative_to(self.root) and folder.resolve() != self.root
        )

    def refusal(self, path: str | os.PathLike[str]) -> str:
        """Why the file at ``path`` (absolute, links not yet followed) may not be used."""
        try:
            target = Path(path).resolve()
        except (OSError, ValueError, RuntimeError) as error:
            return f"it cannot be resolved ({error})"
        return refusal(target, self.root, self.forbidden)

    def file_refusal(self, reference: str, base: Path) -> str:
        """Why the file a post names (relative to ``base``, or to the site for ``/x``) may
        not be used; "" when it may."""
        found = classify(reference)
        if found.kind == "refused":
            return found.reason
        if found.kind == "url":
            return "it is a URL, not a file of the site"
        text = found.value.replace("\\", "/")
        target = self.root / text.lstrip("/") if text.startswith("/") else base / text
        return self.refusal(target)


def warn(message: str, subtype: str, node: nodes.Node | None = None, **location: Any) -> None:
    logger.warning(
        message, type="safety", subtype=subtype, location=node or location.get("location")
    )


def make_transform(site: Site) -> type[SphinxTransform]:
    """The read-time check, bound to one application's :class:`Site`."""

    class KeepContentSafe(SphinxTransform):
        """Pictures, downloads and literal includes from outside the site are dropped;
        raw HTML is sanitised. Runs before Sphinx's collectors copy any file."""

        default_priority = 850  # after the post cover is added (790), before doctree-read (880)

        def apply(self, **kwargs: Any) -> None:
            docname = self.env.docname
            base = Path(self.env.doc2path(docname)).parent
            said: set[tuple[str, int | None]] = set()  # a summary copies its paragraph

            def warn_once(message: str, node: nodes.Node) -> None:
                if (message, node.line) not in said:
                    said.add((message, node.line))
                    warn(message, "path", node)

            for image in list(self.document.findall(nodes.image)):
                uri = str(image.get("uri", ""))
                if "://" in uri or uri.startswith("data:"):
                    continue
                reason = site.file_refusal(uri.replace("*", "x"), base)
                if reason:
                    warn_once(f"picture {uri!r} is not published: {reason}", image)
                    alt = str(image.get("alt", ""))
                    image.replace_self(nodes.inline(alt, alt) if alt else [])
            for download in list(self.document.findall(addnodes.download_reference)):
                target = str(download.get("reftarget", ""))
                if "://" in target:
                    continue
                reason = site.file_refusal(target, base)
                if reason:
                    warn_once(f"download {target!r} is not published: {reason}", download)
                    download.replace_self(nodes.inline(download.astext(), download.astext()))
            for literal in list(self.document.findall(nodes.literal_block)):
                source = literal.get("source")
                if source and source != self.document.get("source"):
                    reason = site.refusal(source)
                    if reason:
                        warn(
                            f"included file {source!r} is not published: {reason}", "path", literal
                        )
                        literal.replace_self([])
            mode = self.config.blog_raw_html
            if mode != "allow":
                for raw in list(self.document.findall(nodes.raw)):
                    if "html" in str(raw.get("format", "")).split():
                        # front matter shown as docinfo is metadata, never page content
                        quiet = any(isinstance(p, nodes.docinfo) for p in _ancestors(raw))
                        clean_raw_html(raw, mode, quiet=quiet)

    return KeepContentSafe


def _ancestors(node: nodes.Node) -> list[nodes.Element]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def clean_raw_html(raw: nodes.raw, mode: str, *, quiet: bool = False) -> None:
    """Sanitise (or escape) one raw HTML node, warning about what it loses."""
    text = raw.astext()
    if mode == "escape":
        if text.strip() and not quiet:
            warn("raw HTML is shown as text (blog_raw_html = 'escape')", "html", raw)
        raw.replace_self(
            nodes.literal(text, text)
            if isinstance(raw.parent, nodes.TextElement)
            else nodes.literal_block(text, text)
        )
        return
    removed = refused_parts(text)
    inline = isinstance(raw.parent, nodes.TextElement)
    cleaned = inline_tag(text) if inline else sanitize(text)
    if removed and not quiet:
        warn(f"raw HTML: removed {', '.join(removed[:5])}", "html", raw)
    if cleaned != text:
        raw.children = []
        raw += nodes.Text(cleaned)


def included(app: Sphinx, site: Site) -> Callable[[Sphinx, Path, str, list[str]], None]:
    """``include-read``: an included file from outside the site includes nothing."""

    def check(app: Sphinx, relative: Path, parent: str, content: list[str]) -> None:
        reason = site.refusal(Path(app.srcdir, relative))
        if reason:
            docname = app.env.docname or parent
            warn(
                f"included file {relative.as_posix()!r} is not published: {reason}",
                "path",
                location=docname,
            )
            content[0] = ""

    return check


def guarded(base: type[Directive], site: Site) -> type[Directive]:
    """``base`` (``raw``, ``csv-table``) refusing ``:url:`` and files from outside the site."""

    class Guarded(base):
        option_spec: ClassVar = dict(base.option_spec or {})

        def run(self) -> list[nodes.Node]:
            if "url" in self.options:
                message = f"{self.name}: :url: is not allowed (nothing is fetched while building)"
                warn(
                    message, "url", location=(self.state.document.settings.env.docname, self.lineno)
                )
                return []
            if "file" in self.options:
                base_dir = Path(self.state.document.current_source or ".").resolve().parent
                reason = site.file_refusal(self.options["file"], base_dir)
                if reason:
                    env = self.state.document.settings.env
                    warn(
                        f"{self.name}: file {self.options['file']!r} is not published: {reason}",
                        "path",
                        location=(env.docname, self.lineno),
                    )
                    return []
            result: list[nodes.Node] = super().run()
            return result

    Guarded.__name__ = f"Safe{base.__name__}"
    return Guarded


def check_settings(app: Sphinx, config: Any) -> None:
    """config-inited: an unknown ``blog_raw_html`` is reported and taken as "sanitize"."""
    if config.blog_raw_html not in RAW_HTML_CHOICES:
        logger.warning(
            "blog_raw_html must be one of %s, not %r; using 'sanitize'",
            ", ".join(repr(c) for c in RAW_HTML_CHOICES),
            config.blog_raw_html,
            type="safety",
            subtype="config",
            location="conf.py",
        )
        config.blog_raw_html = "sanitize"


DIRECTIVES: dict[str, type[Directive]] = {"raw": Raw, "csv-table": CSVTable}
