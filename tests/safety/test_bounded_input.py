"""Bounded work for any input: the front-matter reader and the NimblePublisher parser never
raise, never recurse without bound, and stay within a time and memory budget per input.

Table-driven cases for each limit, then fuzzing (hypothesis) with generated text and
generated hostile structures (deep nesting, aliases, huge numbers)."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extensions.frontmatter import safe_yaml
from extensions.frontmatter.post import load_front_matter
from extensions.nimble.elixir import LiteralError, parse_literal
from extensions.nimble.translate import translate

#: Per input: seconds and bytes of Python memory (a bomb would need gigabytes).
TIME_BUDGET = 2.0
MEMORY_BUDGET = 64 * 1024**2


def bounded(call: Callable[[], Any]) -> Any:
    """Run ``call`` and assert it stayed within the per-input budget."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = call()
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < TIME_BUDGET, f"took {elapsed:.2f} s"
    assert peak < MEMORY_BUDGET, f"used {peak / 1e6:.0f} MB"
    return result


def front(yaml_text: str) -> str:
    return f"---\n{yaml_text}\n---\n\nBody.\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ['a: &a ["lol"' + ', "lol"' * (width - 1) + "]"]
    previous = "a"
    for level in range(levels):
        name = f"l{level}"
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * width) + "]")
        previous = name
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        ("x: " + "[" * 500 + "]" * 500, "nested more than 32 levels deep"),
        ("x: " + "[" * 100_000 + "]" * 100_000, "characters (limit 65,536)"),
        ("x: " + "[" * 20_000 + "]" * 20_000, "nested more than 32 levels deep"),
        ("x:\n" + "".join("  " * i + "- \n" for i in range(150)), "nested more than 32"),
        ("x:\n  " + "- " * 5000 + "y", "nested more than 32 levels deep"),
        (alias_bomb(), "aliases expand to more than 10,000 values"),
        ("x: &a [*a]", "refers to itself"),
        ("n: " + "9" * 5000, "a number of 5,000 characters (limit 40)"),
        ("n: 0x" + "f" * 5000, "a number of 5,002 characters (limit 40)"),
        ("n: 1" + "0" * 50 + ".5", "a number of 53 characters"),
    ],
)
def test_each_limit_is_a_located_problem_naming_it(yaml_text, reason):
    fields, problems = bounded(lambda: load_front_matter(front(yaml_text)))
    assert fields == {}
    assert [p.code for p in problems] == ["limit"], problems
    assert reason in problems[0].message and problems[0].line is not None


def test_what_stays_within_the_limits_is_read():
    nested = "x: " + "[" * 30 + "1" + "]" * 30
    fields, problems = load_front_matter(front(nested + "\nsmall: &s [1, 2]\nagain: *s"))
    assert problems == [] and fields["again"] == [1, 2]
    assert load_front_matter(front("n: " + "9" * 40))[0] == {"n": int("9" * 40)}


def test_the_libyaml_composer_is_never_given_deep_text():
    # libyaml recurses on the C stack: deep text must go to the pure-Python composer
    assert safe_yaml.nesting_estimate("x: " + "[" * 1000) > 200
    assert safe_yaml.nesting_estimate("a: 1\nb: [1, [2]]\n") < 10
    assert safe_yaml.nesting_estimate("a: '[[[[[[[[[['") < 5  # brackets in quotes


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("%{n: " + "1" * 5000 + "}", "a number of 5,000 characters (limit 40)"),
        ("%{n: 0x" + "f" * 5000 + "}", "a number of 5,002 characters (limit 40)"),
        ("%{n: " + "[" * 1000 + "]" * 1000 + "}", "nested more than 32 levels deep"),
    ],
)
def test_nimble_headers_within_limits(header, reason):
    with pytest.raises(LiteralError) as caught:
        bounded(lambda: parse_literal(header))
    assert reason in caught.value.message


def test_a_nimble_post_over_a_limit_becomes_a_draft_not_a_crash():
    text = '%{\n  title: "x",\n  n: ' + "1" * 5000 + "\n}\n---\nBody\n"
    translation = bounded(lambda: translate(text, "posts/2024/x.md"))
    assert translation.error is not None and translation.error.code == "limit"
    assert "draft: true" in translation.myst


# -- fuzzing ---------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=150,
    deadline=None,  # the budget is checked by ``bounded``
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

yaml_atoms = st.sampled_from(
    [
        "a",
        "1",
        "-1",
        "0x1F",
        "1e9",
        "~",
        "null",
        "true",
        "'q'",
        '"d"',
        "*x",
        "&x",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "- ",
        "? ",
        "\n",
        "  ",
        "#",
        "|",
        ">",
        "!!str",
        "!!python/object",
        "2024-13-45",
        "9" * 60,
        "\t",
        "%YAML 1.1",
        "---",
        "...",
        "<<: *x",
    ]
)


@FUZZ
@given(st.lists(yaml_atoms, max_size=200).map("".join))
def test_fuzz_front_matter_from_yaml_pieces(text):
    fields, problems = bounded(lambda: load_front_matter(front(text)))
    assert isinstance(fields, dict) and isinstance(problems, list)


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_front_matter_from_any_text(text):
    fields, problems = bounded(lambda: load_front_matter(front(text)))
    assert isinstance(fields, dict)
    bounded(lambda: load_front_matter(text))  # also as a whole file


@FUZZ
@given(st.integers(min_value=1, max_value=60_000), st.sampled_from(["[", "{a: ", "- "]))
def test_fuzz_nesting_of_any_depth(depth, opener):
    closer = {"[": "]", "{a: ": "}", "- ": ""}[opener]
    text = "x: " + opener * depth + "1" + closer * depth
    fields, problems = bounded(lambda: load_front_matter(front(text)))
    assert (fields == {}) == bool(problems)


nimble_atoms = st.sampled_from(
    [
        "%{",
        "}",
        "title: ",
        '"t"',
        "'c'",
        ":atom",
        "~w(a b)",
        "~D[2024-01-01]",
        "[",
        "]",
        "{",
        ",",
        "=>",
        "1",
        "0x" + "f" * 50,
        "#{x}",
        "@attr",
        "f()",
        '"""',
        "\n",
        " ",
        "nil",
        "true",
        "\\u{110000}",
        "\\x80",
        "~U[2024-01-01T00:00:00Z]",
        "---\n",
    ]
)


@FUZZ
@given(st.lists(nimble_atoms, max_size=150).map("".join))
def test_fuzz_nimble_posts_from_pieces(text):
    translation = bounded(lambda: translate(text + "\n---\nBody\n", "posts/2024/05-06-x.md"))
    assert isinstance(translation.myst, str)


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_nimble_posts_from_any_text(text):
    translation = bounded(lambda: translate("%{" + text, "posts/2024/05-06-x.md"))
    assert isinstance(translation.myst, str)
