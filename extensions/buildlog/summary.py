"""Pure: the one line a quiet build ends with."""

from __future__ import annotations


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def summary_line(
    *, posts: int, pages: int, feeds: int, warnings: int, seconds: float, failed: bool
) -> str:
    """``Built 14 posts, 52 pages and 90 feeds in 3.1 s, no warnings.``"""
    said = "no warnings" if warnings == 0 else _plural(warnings, "warning")
    verb = "Built" if not failed else "Build failed after"
    return (
        f"{verb} {_plural(posts, 'post')}, {_plural(pages, 'page')} and "
        f"{_plural(feeds, 'feed')} in {seconds:.1f} s, {said}."
    )
