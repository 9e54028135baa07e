"""Pure: a post's table of contents, as HTML (every title escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .model import Heading


def wants_toc(headings: Sequence[Heading], minimum: int) -> bool:
    """A table of contents is worth it from ``minimum`` sections on (0 or less: never)."""
    return minimum > 0 and len(headings) >= minimum


def _items(headings: Sequence[Heading]) -> str:
    items = []
    for heading in headings:
        nested = f"<ol>{_items(heading.children)}</ol>" if heading.children else ""
        link = f'<a href="#{escape(heading.anchor)}">{escape(heading.title)}</a>'
        items.append(f"<li>{link}{nested}</li>")
    return "".join(items)


def toc_html(headings: Sequence[Heading], label: str = "Contents") -> str:
    """``<nav class="post-toc post-nav">``: the feeds leave ``.post-nav`` out of a post."""
    return (
        f'<nav class="post-toc post-nav" aria-label="{escape(label)}">'
        f'<p class="post-toc-title" aria-hidden="true">{escape(label)}</p>'
        f"<ol>{_items(headings)}</ol></nav>\n"
    )
