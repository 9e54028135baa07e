"""Just enough Markdown: where code and raw HTML are, fences, code spans, and keeping
constructs we cannot convert so MyST shows them as written."""

from __future__ import annotations

import pytest

from extensions.imports.edits import Edit, Origin, apply, line_of
from extensions.imports.markdown import (
    code_spans,
    escape_braces,
    fence,
    in_link_destination,
    inline_code,
    kept_form,
    regions,
    text_literal,
)

BODY = """Text {{ a }} and `{{ b }}` and ``{{ `c` }}``.

```liquid
{{ d }}
```

    {{ e }} in an indented block

<div>
{{ f }}
</div>

A <span title="{{ g }}">{{ h }}</span> and \\`{{ i }}` and \\{{ j }}.

- item

      {{ k }} in a list's code block

| col |
|-----|
| `{{ l }}` {{ m }} |
"""


@pytest.mark.parametrize(
    ("needle", "code", "html"),
    [
        ("{{ a }}", False, False),
        ("{{ b }}", True, False),
        ("{{ `c` }}", True, False),
        ("{{ d }}", True, False),
        ("{{ e }}", True, False),
        ("{{ f }}", False, True),
        ("{{ g }}", False, True),
        ("{{ h }}", False, False),
        ("{{ i }}", False, False),  # an escaped backtick opens no code span
        ("{{ k }}", True, False),
        ("{{ l }}", True, False),
        ("{{ m }}", False, False),
    ],
)
def test_regions_find_code_and_html_as_myst_does(needle, code, html):
    where = regions(BODY)
    position = BODY.index(needle)
    assert (where.in_code(position), where.in_html(position)) == (code, html)


def test_escape_braces_only_where_myst_would_read_a_substitution():
    escaped = escape_braces(BODY)
    for kept in ("`{{ b }}`", "{{ d }}", "    {{ e }}", "{{ f }}", 'title="{{ g }}"', "`{{ l }}`"):
        assert kept in escaped, kept
    for needle in ("a", "h", "i", "m"):
        assert "\\{\\{ " + needle + " }}" in escaped, needle
    assert "\\{{ j }}" in escaped and "\\\\{" not in escaped  # already escaped: left alone
    assert escape_braces(escaped) == escaped  # idempotent
    assert escape_braces("no braces") == "no braces"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("a `b` c", [(2, 5)]),
        ("``a ` b``", [(0, 9)]),
        ("`open only", []),
        ("\\`not` `yes`", [(5, 8)]),  # the escaped backtick is text; "` `" is a span
        ("``two` one`", [(5, 11)]),  # `` never closes, so ` one` is the span
    ],
)
def test_code_spans(text, spans):
    assert code_spans(text) == spans


@pytest.mark.parametrize(
    ("code", "info", "options", "expected"),
    [
        ("x = 1\n", "python", (), "```python\nx = 1\n```"),
        ("a\n```\nb", "md", (), "````md\na\n```\nb\n````"),
        ("x", "{code-block} go", (("linenos", ""),), "```{code-block} go\n:linenos:\n\nx\n```"),
        ("", "{image} a.png", (("alt", "A"),), "```{image} a.png\n:alt: A\n```"),
    ],
)
def test_fence_holds_the_code_exactly(code, info, options, expected):
    assert fence(code, info, options) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{% include x.html %}", "`{% include x.html %}`"),
        ("{{ a | b: `c` }}", "``{{ a | b: `c` }}``"),
        ("`x`", "`` `x` ``"),
        ("two\nlines", "`two lines`"),
    ],
)
def test_inline_code(text, expected):
    assert inline_code(text) == expected


@pytest.mark.parametrize(
    ("text", "needle", "inside"),
    [
        ("[a]({{ x }})", "{{", True),
        ("[a](/path/{{ x }})", "{{", True),
        ("[a] ({{ x }})", "{{", False),
        ("[a](b) {{ x }}", "{{", False),
        ("[ref]: {{ x }}", "{{", True),
        ("text {{ x }}", "{{", False),
    ],
)
def test_in_link_destination(text, needle, inside):
    assert in_link_destination(text, text.index(needle)) is inside


def test_kept_form_by_context():
    body = (
        "A {% include a.html %}.\n\n```\n{% include b.html %}\n```\n\n"
        "[x]({{ c }})\n\n{{ d\n\ne }}\n"
    )
    where = regions(body)

    def form(needle: str, length: int) -> str:
        start = body.index(needle)
        return kept_form(body[start : start + length], body, start, where)

    assert form("{% include a", 20) == "`{% include a.html %}`"
    assert form("{% include b", 20) == "{% include b.html %}"  # in code: as it is
    assert form("{{ c }}", 7) == "{{ c }}"  # in a link: the link pass deals with it
    assert form("{{ d", 10) == "\\{\\{ d\n\ne }}"  # a code span cannot hold a blank line


def test_text_literal_escapes_what_markdown_would_read():
    assert text_literal("a *b* [c] `d`") == "a \\*b\\* \\[c\\] \\`d\\`"


def test_edits_map_new_positions_back_to_the_original():
    text = "one\n{% tag %}\nthree\nfour\n"
    new, origin = apply(text, [Edit(4, 13, "```\nx\n\n```"), Edit(20, 24, "FOUR!")])
    assert new == "one\n```\nx\n\n```\nthree\nFOUR!\n"
    assert line_of(text, origin.old(new.index("three"))) == 3
    assert origin.old(new.index("three")) == text.index("three")
    assert origin.old(new.index("\n", new.index("FOUR"))) == text.index("\n", text.index("four"))
    assert line_of(text, origin.old(new.index("x"))) == 2  # inside a replacement: its start
    assert line_of(text, origin.old(new.index("FOUR"))) == 4
    again, later = apply(new, [Edit(0, 3, "1\n2\n3")])
    both = origin.then(later)
    assert line_of(text, both.old(again.index("three"))) == 3
    assert Origin().old(5) == 5
    with pytest.raises(ValueError, match="overlapping"):
        apply("abc", [Edit(0, 2, "x"), Edit(1, 3, "y")])
