"""Jekyll's Liquid, tag by tag: what becomes MyST, what is kept (and where), what waits for
the whole import (post_url, link)."""

from __future__ import annotations

import pytest

from extensions.imports.liquid import convert_liquid, line_ranges, marker

M0 = marker(0)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n",
            "```ruby\nputs 1\n```\n",
            id="highlight",
        ),
        pytest.param(
            "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}",
            "```{code-block} ruby\n:linenos:\n\nputs 1\n```",
            id="highlight-linenos",
        ),
        pytest.param(
            '{% highlight js mark_lines="1 3" %}\na\nb\nc\n{% endhighlight %}',
            "```{code-block} js\n:emphasize-lines: 1,3\n\na\nb\nc\n```",
            id="highlight-mark-lines",
        ),
        pytest.param(
            "{%- highlight text -%}\n```\n{%- endhighlight -%}",
            "````text\n```\n````",
            id="highlight-holding-a-fence",
        ),
        pytest.param(
            "Say {% highlight sh %}ls{% endhighlight %} now",
            "Say \n```sh\nls\n```\n now",
            id="highlight-inline-gets-own-lines",
        ),
        pytest.param(
            "{% highlight html %}\n{% raw %}{{ x }}{% endraw %} {{ site.url }}\n{% endhighlight %}",
            "```html\n{{ x }} \n```",
            id="highlight-with-raw-and-site-url",
        ),
        pytest.param(
            "{% raw %}Use {{ page.title }}.{% endraw %}", "Use \\{\\{ page.title }}.", id="raw-text"
        ),
        pytest.param(
            "{% raw %}`{{ a }}`\n```\n{{ b }}\n```{% endraw %}",
            "`{{ a }}`\n```\n{{ b }}\n```",
            id="raw-in-code-left-as-is",
        ),
        pytest.param("{% raw %}{% if x %}{% endraw %}", "{% if x %}", id="raw-tag"),
        pytest.param("[a]({{ site.baseurl }}/b)", "[a](/b)", id="site-baseurl"),
        pytest.param("{{site.url}}{{ site.baseurl }}/x", "/x", id="site-url-and-baseurl"),
        pytest.param('{{ "/a.png" | relative_url }}', "/a.png", id="relative-url"),
        pytest.param("{{ '/a.png' | absolute_url }}", "/a.png", id="absolute-url"),
        pytest.param("[a]({% post_url 2010-07-21-name %})", f"[a]({M0})", id="post-url"),
        pytest.param("{% link _posts/x.md %}", M0, id="link"),
        pytest.param("a{% comment %} hidden {% endcomment %}b", "ab", id="comment"),
        pytest.param("{% include toc.html %}", "`{% include toc.html %}`", id="include"),
        pytest.param(
            "{{ page.title | upcase }}", "`{{ page.title | upcase }}`", id="unknown-filter"
        ),
        pytest.param("```\n{% include a %}\n```", "```\n{% include a %}\n```", id="kept-in-code"),
        pytest.param("[x]({{ page.url }})", "[x]({{ page.url }})", id="kept-in-link"),
        pytest.param("{% raw %}never closed", "`{% raw %}`never closed", id="raw-unterminated"),
        pytest.param("plain text", "plain text", id="nothing"),
    ],
)
def test_liquid_becomes_myst(body, expected):
    assert convert_liquid(body).body == expected


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("{% include toc.html %}", ["{% include toc.html %}"]),
        ("a\n\n{{ page.title }}", ["{{ page.title }}"]),
        ("{% highlight x %}\n{{ y }}\n{% endhighlight %}", ["{{ y }}"]),
        ("{% raw %}{{ fine }}{% endraw %}", []),
        ("{% highlight x %}\nno end", ["{% highlight x %} (no {% endhighlight %})"]),
        ("{{ site.baseurl }}", []),
    ],
)
def test_what_is_kept_is_reported(body, kept):
    assert [item.text for item in convert_liquid(body).kept] == kept


def test_reports_name_lines_of_the_source_file():
    body = "one\ntwo {% include a %}\n{% highlight x %}\nx\n{{ y }}\n{% endhighlight %}\n"
    converted = convert_liquid(body, first_line=10)
    assert [(item.line, item.text) for item in converted.kept] == [
        (11, "{% include a %}"),
        (14, "{{ y }}"),
    ]
    comment = convert_liquid("a\n{% comment %}x{% endcomment %}", first_line=5)
    assert [(note.code, note.line) for note in comment.notes] == [("comment", 6)]


def test_post_url_and_link_wait_as_markers():
    converted = convert_liquid(
        "see [a]({% post_url /2010-07-21-a %}) and {% link _posts/2010-07-21-b.md %}", 3
    )
    assert [(p.kind, p.key, p.line) for p in converted.pending] == [
        ("post", "/2010-07-21-a", 3),
        ("link", "_posts/2010-07-21-b.md", 3),
    ]
    assert converted.pending[0].original == "{% post_url /2010-07-21-a %}"
    assert converted.body == f"see [a]({marker(0)}) and {marker(1)}"


@pytest.mark.parametrize(
    ("text", "expected"), [("1 3-5", "1,3-5"), ('[2, "4-6"]', "2,4-6"), ("8", "8"), ("x", "")]
)
def test_line_ranges(text, expected):
    assert line_ranges(text) == expected
