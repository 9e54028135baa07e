"""Hugo shortcodes, one by one: highlight and figure become MyST, ref waits for the whole
import, Hugo's escaped form shows literally, the rest is kept and reported."""

from __future__ import annotations

import pytest

from extensions.imports.liquid import marker
from extensions.imports.shortcodes import convert_shortcodes, params

M0 = marker(0)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}",
            "```go\nfunc main() {}\n```",
            id="highlight",
        ),
        pytest.param(
            '{{% highlight go "linenos=table,hl_lines=2 4-5,linenostart=10" %}}\n'
            "a\n{{% /highlight %}}",
            "```{code-block} go\n:linenos:\n:emphasize-lines: 2,4-5\n:lineno-start: 10\n\na\n```",
            id="highlight-options-percent-form",
        ),
        pytest.param(
            '{{< highlight py "linenos=false" >}}\nx\n{{< /highlight >}}',
            "```py\nx\n```",
            id="highlight-linenos-false",
        ),
        pytest.param(
            '{{< figure src="/img/a.png" alt="An A" caption="The *A*" width="50%" >}}',
            f"```{{figure}} {M0}\n:alt: An A\n:width: 50%\n\nThe *A*\n```",
            id="figure",
        ),
        pytest.param(
            '{{< figure src="a.png" title="T" link="https://x.org" class="wide" >}}',
            f"```{{figure}} {M0}\n:class: wide\n:target: https://x.org\n\nT\n```",
            id="figure-title-link-class",
        ),
        pytest.param('[o]({{< ref "posts/other.md" >}})', f"[o]({M0})", id="ref"),
        pytest.param('[o]({{< relref path="other" >}})', f"[o]({M0})", id="relref-named"),
        pytest.param("{{</* highlight go */>}}", "\\{\\{< highlight go >}}", id="escaped"),
        pytest.param("`{{</* x */>}}`", "`{{< x >}}`", id="escaped-in-code"),
        pytest.param("{{%/* note */%}}", "\\{\\{% note %}}", id="escaped-percent"),
        pytest.param(
            '{{< tweet user="a" id="1" >}}', '`{{< tweet user="a" id="1" >}}`', id="tweet"
        ),
        pytest.param(
            "{{% notice %}}*md*{{% /notice %}}",
            "`{{% notice %}}`*md*`{{% /notice %}}`",
            id="paired-unknown",
        ),
        pytest.param("```\n{{< x >}}\n```", "```\n{{< x >}}\n```", id="kept-in-code"),
        pytest.param("{{< figure >}}", "`{{< figure >}}`", id="figure-without-src"),
    ],
)
def test_shortcodes_become_myst(body, expected):
    assert convert_shortcodes(body).body == expected


def test_kept_shortcodes_are_reported_with_lines():
    converted = convert_shortcodes("a\n{{< tweet id=1 >}}\n{{< youtube x >}}", first_line=7)
    assert [(k.line, k.text) for k in converted.kept] == [
        (8, "{{< tweet id=1 >}}"),
        (9, "{{< youtube x >}}"),
    ]


def test_figure_and_ref_wait_as_markers():
    converted = convert_shortcodes('{{< figure src="c.png" >}}\n[x]({{< ref "a#b" >}})', 4)
    assert [(p.kind, p.key, p.line) for p in converted.pending] == [
        ("asset", "c.png", 4),
        ("ref", "a#b", 5),
    ]


@pytest.mark.parametrize(
    ("text", "positional", "named"),
    [
        ('go "linenos=table"', ["go", "linenos=table"], {}),
        ("src=\"a b.png\" alt='x' w=3", [], {"src": "a b.png", "alt": "x", "w": "3"}),
        ('"quoted \\"inner\\""', ['quoted "inner"'], {}),
        ("`raw string`", ["raw string"], {}),
    ],
)
def test_params(text, positional, named):
    assert params(text) == (positional, named)
