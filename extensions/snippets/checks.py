"""Problems with uses: unknown names and embed ``:lines:`` outside the snippet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .excerpt import take_lines
from .model import Problem, Snippet, Use


def use_problems(snippets: Mapping[str, Snippet], uses: Iterable[Use]) -> tuple[Problem, ...]:
    """Every use of a name no post defines, and every embed whose lines don't fit."""
    problems: list[Problem] = []
    for use in uses:
        snippet = snippets.get(use.name)
        if snippet is None:
            what = "embedded" if use.kind == "embed" else "linked"
            problems.append(
                Problem(
                    "unknown", f"unknown snippet {use.name!r} {what} here", use.docname, use.line
                )
            )
        elif use.kind == "embed" and use.lines:
            cut = take_lines(snippet.code, use.lines)
            if cut.error:
                problems.append(
                    Problem("lines", f"snippet {use.name!r}: {cut.error}", use.docname, use.line)
                )
    return tuple(problems)
