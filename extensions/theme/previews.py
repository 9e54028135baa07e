"""Pure: which snippets a page's links point at, and the previews the page carries for them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from .model import Preview


class SnippetLike(Protocol):
    """What a preview needs of a snippet (``extensions.snippets.model.Snippet`` has it)."""

    @property
    def code(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def caption(self) -> str: ...
    @property
    def name(self) -> str: ...


def fragment(uri: str) -> str:
    """``post.html#snippet-x`` -> ``snippet-x`` (``""`` without a fragment)."""
    return uri.partition("#")[2]


def previews(
    anchors: Iterable[str],
    by_anchor: Mapping[str, SnippetLike],
    highlight: Callable[[str, str], str],
) -> list[Preview]:
    """One preview per snippet linked (in the order first linked), with its highlighted code."""
    seen: dict[str, Preview] = {}
    for anchor in anchors:
        snippet = by_anchor.get(anchor)
        if snippet is None or anchor in seen:
            continue
        seen[anchor] = Preview(
            anchor=anchor,
            caption=snippet.caption or snippet.name,
            language=snippet.language,
            html=highlight(snippet.code, snippet.language),
        )
    return list(seen.values())
