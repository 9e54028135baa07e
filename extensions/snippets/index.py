"""The site-wide snippet index, derived from every post's record once per build."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .backlinks import used_in
from .checks import use_problems
from .model import Catalogue, DocRecord, Problem, Snippet

_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.:+-]*$")


def name_problem(name: str) -> str:
    """Why ``name`` can't name a snippet (it becomes part of an HTML id), or ``""``."""
    if _NAME.match(name):
        return ""
    return (
        f"invalid snippet name {name!r}: use letters, digits and _ . : + - "
        "(starting with a letter, digit or _)"
    )


def choose_definitions(
    records: Mapping[str, DocRecord],
) -> tuple[dict[str, Snippet], tuple[Problem, ...]]:
    """Pick one definition per name and report the others as duplicates.

    The first definition in (docname, line) order wins, so the outcome never depends on
    the order in which posts were read.
    """
    ordered = sorted(
        (snippet for record in records.values() for snippet in record.snippets),
        key=lambda s: (s.docname, s.line, s.name),
    )
    winners: dict[str, Snippet] = {}
    problems: list[Problem] = []
    for snippet in ordered:
        first = winners.get(snippet.name)
        if first is None:
            winners[snippet.name] = snippet
        else:
            problems.append(
                Problem(
                    "duplicate",
                    f"snippet {snippet.name!r} is defined twice: here and in "
                    f"{first.docname}, line {first.line}, which wins",
                    snippet.docname,
                    snippet.line,
                    other=(first.docname, first.line),
                )
            )
    return {name: winners[name] for name in sorted(winners)}, tuple(problems)


def build_catalogue(records: Mapping[str, DocRecord]) -> Catalogue:
    """Derive the winning definitions, their back-links and every problem."""
    snippets, duplicates = choose_definitions(records)
    uses = [use for docname in sorted(records) for use in records[docname].uses]
    problems = sorted(
        duplicates + use_problems(snippets, uses),
        key=lambda p: (p.docname, p.line or 0, p.code, p.message),
    )
    return Catalogue(snippets, used_in(snippets, uses), tuple(problems))


def group_by_language(catalogue: Catalogue) -> tuple[tuple[str, tuple[Snippet, ...]], ...]:
    """The index page's sections: languages A-Z, each listing its snippets by name."""
    groups: dict[str, list[Snippet]] = {}
    for name in sorted(catalogue.snippets):
        snippet = catalogue.snippets[name]
        groups.setdefault(snippet.language, []).append(snippet)
    return tuple((language, tuple(groups[language])) for language in sorted(groups))
