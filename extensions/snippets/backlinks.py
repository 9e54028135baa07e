"""Back-links: for each snippet, the posts that link to or embed it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Snippet, Use


def used_in(snippets: Mapping[str, Snippet], uses: Iterable[Use]) -> dict[str, tuple[str, ...]]:
    """Map each defined snippet name to the sorted docnames that use it.

    The defining post itself is left out (a post needs no back-link to itself), and so are
    snippets nobody uses. Uses of unknown names are ignored here; ``checks`` reports them.
    """
    found: dict[str, set[str]] = {}
    for use in uses:
        snippet = snippets.get(use.name)
        if snippet is not None and use.docname != snippet.docname:
            found.setdefault(use.name, set()).add(use.docname)
    return {name: tuple(sorted(found[name])) for name in sorted(found)}
