"""Boundary: NimblePublisher posts in ``posts/`` build as they are.

``extensions.frontmatter`` emits ``blog-source`` for every post it scans or reads; when the
text is a NimblePublisher post we answer with the equivalent MyST text (see
:func:`extensions.nimble.translate.translate`). The file on disk is never touched.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.build_phase import BuildPhase

from extensions.frontmatter.model import Translated

from .header import looks_like_nimble
from .translate import translate

logger = logging.getLogger(__name__)


def on_blog_source(app: Sphinx, docname: str, text: str) -> Translated | None:
    """blog-source: the MyST text of a NimblePublisher post (and the line its body starts on
    in the file, so warnings name the file's lines), or None for any other text."""
    if not looks_like_nimble(text):
        return None
    translation = translate(text, docname, pad=False)  # frontmatter keeps the lines
    problem = translation.error
    if problem is not None:
        logger.warning(
            "NimblePublisher header: %s (the post is left out as a draft)",
            problem.message + (f" (column {problem.column})" if problem.column else ""),
            type="nimble",
            subtype=problem.code,
            location=_location(app, docname, problem.line),
        )
    if app.phase == BuildPhase.READING:  # once, when the post is read, not in the scan
        for note in translation.notes:
            logger.info("%s: %s", docname, note.message)
    return Translated(translation.myst, translation.body_line)


def _location(app: Sphinx, docname: str, line: int | None) -> tuple[str, int | None]:
    return (docname, line)
