"""Placeholder nodes: filled in at resolve time, when every post's record is known."""

from __future__ import annotations

from typing import Any

from docutils import nodes


class snippet_backlinks(nodes.Inline, nodes.Element):  # noqa: N801 (docutils naming)
    """Becomes the "Used in: ..." text of a definition (attribute ``snippet``)."""


class snippet_embed(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Becomes a copy of another post's snippet (attributes ``snippet``, ``lines``)."""


def _skip(self: Any, node: nodes.Element) -> None:
    """A placeholder that was never resolved (e.g. copied elsewhere) renders as nothing."""
    raise nodes.SkipNode


SKIP = (_skip, None)
