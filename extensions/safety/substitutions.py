"""Pure: MyST substitutions (``{{ key }}``) evaluated in a sandbox that runs nothing.

MyST-Parser renders ``{{ ... }}`` with an unsandboxed Jinja2 and hands it the whole Sphinx
environment: ``{{ ''.__class__.__mro__[1].__subclasses__() }}`` reaches any Python class,
so a post (an imported one, a guest post built by CI) could run a shell command during the
build. Here an expression is allowed only when it is a plain variable (a key of
``myst_substitutions`` or of the post's ``myst: substitutions:``), a constant, or either
passed through the text filters below with constant arguments. Anything else (attributes,
indexing, calls, operators, the environment) is refused with the reason, and the text is
shown as written. What is allowed is rendered by Jinja2's immutable sandbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: Filters that only reshape text or lists of plain values.
FILTERS: frozenset[str] = frozenset(
    {
        "capitalize",
        "center",
        "count",
        "d",
        "default",
        "first",
        "join",
        "last",
        "length",
        "lower",
        "replace",
        "round",
        "string",
        "title",
        "trim",
        "truncate",
        "upper",
        "wordcount",
    }
)

#: Longest expression considered (a substitution is a name and a filter or two).
MAX_EXPRESSION = 500
#: Largest number a filter may be given (``center(10**9)`` would fill the memory).
MAX_NUMBER = 1_000
#: Longest result kept (the sandbox bounds the work; this bounds what is parsed again).
MAX_RESULT = 100_000

_ENVIRONMENT = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@dataclass(frozen=True)
class Outcome:
    """The rendered text, or why the expression was refused; ``names`` are the variables it
    used (for MyST's check of circular substitutions)."""

    text: str = ""
    refused: str = ""
    names: frozenset[str] = frozenset()


def evaluate(expression: str, variables: Mapping[str, Any]) -> Outcome:
    """Render ``{{ expression }}`` with ``variables`` if it is a plain variable or filters."""
    content = expression.strip()
    if content in variables:  # an exact key, also one that is not an identifier (foo-bar)
        return _bounded(str(variables[content]), frozenset({content}))
    if len(content) > MAX_EXPRESSION:
        return Outcome(refused=f"an expression of {len(content):,} characters")
    try:
        tree = _ENVIRONMENT.parse("{{" + content + "}}")
    except TemplateError as error:
        return Outcome(refused=f"not a substitution: {error}")
    refused, names = _check(tree, variables)
    if refused:
        return Outcome(refused=refused)
    try:
        text = _ENVIRONMENT.from_string("{{" + content + "}}").render(dict(variables))
    except (TemplateError, TypeError, ValueError, ArithmeticError) as error:
        return Outcome(refused=f"{type(error).__name__}: {error}")
    return _bounded(text, names)


def _bounded(text: str, names: frozenset[str]) -> Outcome:
    if len(text) > MAX_RESULT:
        return Outcome(refused=f"the result has {len(text):,} characters (limit {MAX_RESULT:,})")
    return Outcome(text=text, names=names)


def _check(tree: nodes.Template, variables: Mapping[str, Any]) -> tuple[str, frozenset[str]]:
    """Why the template is not a plain substitution ("" when it is), and the names it uses."""
    if len(tree.body) != 1 or not isinstance(tree.body[0], nodes.Output):
        return "only a single {{ ... }} is allowed", frozenset()
    items = tree.body[0].nodes
    if len(items) != 1:
        return "only a single value is allowed", frozenset()
    names: set[str] = set()
    node: nodes.Node = items[0]
    while isinstance(node, nodes.Filter):
        if node.name not in FILTERS:
            return f"the filter {node.name!r} is not allowed (allowed: {_allowed()})", frozenset()
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            return "filter arguments must be constants", frozenset()
        arguments = [*node.args, *(keyword.value for keyword in node.kwargs)]
        if not all(isinstance(argument, nodes.Const) for argument in arguments):
            return "filter arguments must be constants", frozenset()
        if any(_too_big(getattr(argument, "value", None)) for argument in arguments):
            return f"filter numbers must be at most {MAX_NUMBER:,}", frozenset()
        node = node.node  # type: ignore[assignment]
    if isinstance(node, nodes.Const):
        return "", frozenset(names)
    if isinstance(node, nodes.Name):
        if node.name not in variables:
            return f"{node.name!r} is not a substitution defined for this page", frozenset()
        names.add(node.name)
        return "", frozenset(names)
    return (
        "only a substitution's name, optionally with text filters, is allowed "
        f"(found {type(node).__name__.lower()})",
        frozenset(),
    )


def _too_big(value: Any) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_NUMBER
    )


def _allowed() -> str:
    return ", ".join(sorted(FILTERS))
