"""Boundary: the one place that touches MyST-Parser's internals.

``DocutilsRenderer.render_substitution`` (myst_parser.mdit_to_docutils.base) evaluates
``{{ ... }}`` with an unsandboxed Jinja2 and the Sphinx environment in reach. MyST offers no
hook to change that, so the method is replaced, for the renderers of every MyST parser
(MyST-NB's derive from it too), by :func:`safe_render_substitution`, which evaluates with
:func:`extensions.safety.substitutions.evaluate` and otherwise behaves as MyST's: front
matter substitutions win over ``myst_substitutions``, circular references are refused, and
the result is parsed as Markdown. :func:`install` fails loudly when a MyST upgrade removes
the method, and ``tests/safety`` fails when the replacement no longer takes effect.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from myst_parser.mdit_to_docutils import base
from myst_parser.warnings_ import MystWarnings
from sphinx.errors import ExtensionError

from .substitutions import evaluate

#: MyST's renderer method this module replaces (checked at install).
TOUCHED = "render_substitution"


def safe_render_substitution(self: Any, token: Any, inline: bool) -> None:
    """Render ``{{ key }}`` from the page's substitutions only, in the sandbox."""
    position = base.token_line(token)
    variables: dict[str, Any] = {**self.md_config.substitutions}
    outcome = evaluate(token.content, variables)
    if outcome.refused:
        self.create_warning(
            f"substitution {{{{{token.content.strip()[:80]}}}}} not evaluated: {outcome.refused}",
            MystWarnings.SUBSTITUTION,
            line=position,
            append_to=self.current_node,
        )
        literal = "{{" + token.content + "}}"  # shown as written: nothing is lost
        self.current_node += nodes.Text(literal) if inline else nodes.paragraph(literal, literal)
        return
    self.document.sub_references = getattr(self.document, "sub_references", set())
    cyclic = outcome.names & self.document.sub_references
    if cyclic:
        self.create_warning(
            f"circular substitution reference: {set(cyclic)}",
            MystWarnings.SUBSTITUTION,
            line=position,
            append_to=self.current_node,
        )
        return
    self.document.sub_references.update(outcome.names)
    try:
        if inline and not base.REGEX_DIRECTIVE_START.match(outcome.text):
            self.nested_render_text(outcome.text, position, inline=True)
        else:
            self.nested_render_text(outcome.text, position)
    finally:
        self.document.sub_references.difference_update(outcome.names)


def install() -> None:
    """Replace MyST's substitution rendering (idempotent)."""
    renderer = base.DocutilsRenderer
    if not callable(getattr(renderer, TOUCHED, None)) or not hasattr(base, "token_line"):
        raise ExtensionError(
            "extensions.safety: MyST-Parser no longer has DocutilsRenderer."
            f"{TOUCHED}; substitutions cannot be sandboxed (see extensions/safety/sphinx_myst.py)"
        )
    setattr(renderer, TOUCHED, safe_render_substitution)


def installed() -> bool:
    return getattr(base.DocutilsRenderer, TOUCHED, None) is safe_render_substitution
