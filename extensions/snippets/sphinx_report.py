"""Problems (data) become located, typed warnings: ``snippets.<code>``."""

from __future__ import annotations

from collections.abc import Callable

from sphinx.util import logging

from .model import Problem

logger = logging.getLogger(__name__)


def report(problem: Problem, path: Callable[[str], str] | None = None) -> None:
    """Warn at the problem's place; ``path`` spells a docname as a file (``posts/a.md``)
    where the message names another place."""
    message = problem.message
    if problem.other and path:
        docname, line = problem.other
        message = message.replace(f"{docname}, line {line}", f"{path(docname)}:{line}")
    logger.warning(
        message,
        type="snippets",
        subtype=problem.code,
        location=(problem.docname, problem.line),
    )
