"""Pure: read front-matter YAML within fixed limits, whatever the input.

A careless or hostile post must never crash the build or take minutes: PyYAML's libyaml
composer recurses in C (a value nested 100,000 deep overflows the C stack), its constructor
recurses in Python (500 deep raises RecursionError), a 15-line alias bomb expands to billions
of values, and a 5,000-digit number makes ``int()`` refuse it. Here the text is checked and
composed into YAML nodes first (aliases stay shared, nothing is expanded), the node graph is
measured without recursion, and only a document within every limit is turned into Python
values. Every refusal names the limit it hit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

#: Characters of front matter read at all (a post's metadata is a few hundred).
MAX_CHARS = 65_536
#: How deeply lists and mappings may nest.
MAX_DEPTH = 32
#: How many values the document may hold once every alias is expanded.
MAX_VALUES = 10_000
#: Characters in a number (an integer, a float).
MAX_NUMBER_CHARS = 40
#: Above this estimated nesting the C composer is not used (it recurses on the C stack).
_C_SAFE_DEPTH = 200

_PyLoader: type[yaml.SafeLoader] = yaml.SafeLoader
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_NUMBERS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


def _without_timestamps(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A loader that leaves dates as text: ``2024-13-45`` stays a string (reported with its
    line by the date rules) instead of raising, and every date is read by one set of rules."""
    resolvers = {
        first: [(tag, regexp) for tag, regexp in found if tag != _TIMESTAMP]
        for first, found in loader.yaml_implicit_resolvers.items()
    }
    return type(f"DatesAsText{loader.__name__}", (loader,), {"yaml_implicit_resolvers": resolvers})


PY_LOADER = _without_timestamps(_PyLoader)
C_LOADER = _without_timestamps(_CLoader)


@dataclass(frozen=True)
class YamlError(Exception):
    """Why the YAML was not read; ``line`` is 0-based within the YAML text, when known."""

    reason: str
    line: int | None = None
    limit: bool = False  # True when a limit was hit (not a syntax error)


def nesting_estimate(text: str) -> int:
    """An upper bound of how deeply ``text`` nests, cheap enough to run before parsing."""
    flow, block = _nesting(text)
    return flow + block


def _nesting(text: str) -> tuple[int, int]:
    """(Deepest flow nesting, deepest block nesting), estimated without parsing.

    Counts open flow brackets (outside quotes) and, per line, the indentation plus the
    number of ``- ``/``? `` indicators that start it. Over-estimates (a deeply indented
    block scalar counts too), never under-estimates.
    """
    flow = deepest_flow = 0
    deepest_block = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        dashes = 0
        while stripped[:2] in ("- ", "? ") or stripped in ("-", "?"):
            dashes += 1
            stripped = stripped[2:].lstrip(" ")
        deepest_block = max(deepest_block, indent + dashes)
        quote = ""
        for char in stripped:
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                flow += 1
                deepest_flow = max(deepest_flow, flow)
            elif char in "]}":
                flow = max(0, flow - 1)
    return deepest_flow, deepest_block


def _compose(text: str) -> yaml.Node | None:
    flow, block = _nesting(text)
    if flow > MAX_DEPTH:  # PyYAML's scanner is quadratic in flow depth: refuse before it
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep", None, limit=True)
    loader = C_LOADER if flow + block <= _C_SAFE_DEPTH else PY_LOADER
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise YamlError(str(error.problem or error), mark.line if mark else None) from None
    except RecursionError:
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep", limit=True) from None
    except (yaml.YAMLError, ValueError) as error:
        raise YamlError(str(error)) from None
    return node


def check_node(root: yaml.Node) -> None:
    """Raise :class:`YamlError` when the node graph breaks a limit. Iterative and memoised:
    a shared (aliased) node is measured once, so even a bomb is measured in linear time."""
    sizes: dict[int, int] = {}  # values a node expands to
    heights: dict[int, int] = {}  # levels of nesting a node expands to
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]  # (node, children done?)
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            heights[key] = 1 + max((heights[id(child)] for child in children), default=0)
            if heights[key] > MAX_DEPTH:
                raise YamlError(
                    f"nested more than {MAX_DEPTH} levels deep", _line(node), limit=True
                )
            if sizes[key] > MAX_VALUES:
                raise YamlError(
                    f"aliases expand to more than {MAX_VALUES:,} values", _line(node), limit=True
                )
            continue
        if key in sizes:
            continue
        if key in on_path:  # a recursive alias (&a [*a]) never ends when expanded
            raise YamlError("a value refers to itself through an alias", _line(node), limit=True)
        if isinstance(node, yaml.ScalarNode) and node.tag in _NUMBERS:
            if len(str(node.value)) > MAX_NUMBER_CHARS:
                raise YamlError(
                    f"a number of {len(str(node.value)):,} characters (limit "
                    f"{MAX_NUMBER_CHARS}); quote it if it is text",
                    _line(node),
                    limit=True,
                )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _line(node: yaml.Node) -> int | None:
    return node.start_mark.line if node.start_mark is not None else None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load(text: str) -> Any:
    """The Python value of a YAML document, or :class:`YamlError` naming the problem."""
    if len(text) > MAX_CHARS:
        raise YamlError(
            f"front matter of {len(text):,} characters (limit {MAX_CHARS:,})", 0, limit=True
        )
    node = _compose(text)
    if node is None:
        return None
    check_node(node)
    loader = PY_LOADER("")
    try:
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise YamlError(str(error.problem or error), mark.line if mark else None) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise YamlError(str(error)) from None
    finally:
        loader.dispose()
