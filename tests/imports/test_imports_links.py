"""Links between imported posts and the files they show: every way one post names another
becomes a relative link to its new .md file; files are found beside the post or in the
assets folder, copied next to the post, never from outside, never hidden ones."""

from __future__ import annotations

import pytest
from imports_samples import source

from extensions.imports.links import ASSETS, lookups
from extensions.imports.model import Conversion, Inventory, Options
from extensions.imports.plan import plan, read_source

OTHER_JEKYLL = source(
    "_posts/2019-01-02-other.md", "---\ntitle: Other\ncategories: [Notes]\n---\nThe other.\n"
)
OTHER_HUGO = source(
    "content/posts/other/index.md",
    "---\ntitle: Other\ndate: 2019-01-02\naliases: [/was/here/]\n---\nThe other.\n",
)


def body_of(conversion: Conversion) -> str:
    assert conversion.content is not None, conversion
    return conversion.content.decode().split("\n---\n", 1)[1]


def jekyll_post(body: str, **options) -> Conversion:
    post = source("_posts/2020-05-06-post.md", f"---\ntitle: Post\n---\n{body}")
    inventory = options.pop("inventory", Inventory())
    return plan([post, OTHER_JEKYLL], Options(**options), inventory)[0]


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        pytest.param("/notes/2019/01/02/other.html", "../2019/other.md", id="old-address"),
        pytest.param("/notes/2019/01/02/other", "../2019/other.md", id="old-address-no-ext"),
        pytest.param("/notes/2019/01/02/other.html#part", "../2019/other.md#part", id="fragment"),
        pytest.param("/posts/2019/other.html", "../2019/other.md", id="new-address"),
        pytest.param("2019-01-02-other.md", "../2019/other.md", id="file-name"),
        pytest.param("../_posts/2019-01-02-other.md", "../2019/other.md", id="relative-file"),
        pytest.param("{% post_url 2019-01-02-other %}", "../2019/other.md", id="post-url"),
        pytest.param("{% link _posts/2019-01-02-other.md %}", "../2019/other.md", id="link-tag"),
        pytest.param(
            "{{ site.baseurl }}/notes/2019/01/02/other.html", "../2019/other.md", id="baseurl"
        ),
        pytest.param("https://example.org/x", "https://example.org/x", id="external"),
        pytest.param("#section", "#section", id="anchor"),
        pytest.param("mailto:a@b.c", "mailto:a@b.c", id="mailto"),
    ],
)
def test_links_to_other_posts(link, expected):
    assert f"[x]({expected})" in body_of(jekyll_post(f"See [x]({link}).\n"))


def test_reference_definitions_and_html_links():
    body = body_of(
        jekyll_post(
            '[x][o] and <a href="/notes/2019/01/02/other.html">the <b>other</b></a>\n\n'
            "[o]: /notes/2019/01/02/other.html\n\n"
            "<div><a href='/notes/2019/01/02/other.html'>in a block</a></div>\n\n"
            'A <a href="/notes/2019/01/02/other.html">plain</a> one.\n'
        )
    )
    assert "[o]: ../2019/other.md" in body
    assert '<a href="../2019/other.html">the <b>other</b></a>' in body  # not plain text: kept
    assert "<a href='../2019/other.html'>in a block</a>" in body
    assert "A [plain](../2019/other.md) one." in body


def test_unresolved_links_are_kept_and_reported():
    conversion = jekyll_post("A [page](/about/) and [x]({% post_url 1999-01-01-gone %}).\n")
    body = body_of(conversion)
    assert "[page](/about/)" in body
    assert "x (`{% post_url 1999-01-01-gone %}`)" in body  # not a link to nowhere
    assert [(p.line, p.message.split(":")[0]) for p in conversion.unresolved] == [
        (4, "/about/"),
        (4, "{% post_url 1999-01-01-gone %}"),
    ]


def test_links_inside_code_are_left_alone():
    text = "`[x](/notes/2019/01/02/other.html)`\n\n```\n[y](2019-01-02-other.md)\n```\n"
    assert body_of(jekyll_post(text)) == text


def test_hugo_refs_and_relative_addresses():
    post = source(
        "content/posts/post.md",
        "---\ntitle: P\ndate: 2020-01-01\n---\n"
        '[a]({{< ref "other" >}}) [b]({{< relref "/posts/other/index.md#x" >}}) '
        '[c](../other/) [d](/was/here/) [e](/posts/other/) [f]({{< ref "gone" >}})\n',
    )
    conversion = plan([post, OTHER_HUGO], Options())[0]
    body = body_of(conversion)
    assert "[a](../2019/other.md) [b](../2019/other.md#x) [c](../2019/other.md)" in body
    assert "[d](../2019/other.md) [e](../2019/other.md)" in body
    assert 'f (`{{< ref "gone" >}}`)' in body
    assert len(conversion.unresolved) == 1


def test_nimble_links_by_old_address_file_and_posts_path():
    first = source("2021/03-01-first.md", '%{title: "F"}\n---\nFirst\n', root="posts")
    second = source(
        "2021-04-02-second.md",
        '%{title: "S"}\n---\n[a](/blog/first) [b](2021/03-01-first.md) '
        "[c](/posts/2021/03-01-first) [d](/articles/2021/first.html)\n",
        root="posts",
    )
    body = body_of(plan([first, second], Options(dest="site/articles"))[1])
    assert body == "[a](first.md) [b](first.md) [c](first.md) [d](first.md)\n"


INVENTORY = Inventory(
    (
        (ASSETS, frozenset({"images/a.png", "files/doc.pdf", "images/x/same.png"})),
        ("site", frozenset({"_posts/pic.png", "assets/b.png", "images/y/same.png"})),
    )
)


@pytest.mark.parametrize(
    ("reference", "has_assets", "written", "copied"),
    [
        ("![a](/images/a.png)", True, "![a](post/a.png)", [(ASSETS, "images/a.png")]),
        ("![a](pic.png)", True, "![a](post/pic.png)", [("site", "_posts/pic.png")]),
        ("![a](../assets/b.png)", True, "![a](post/b.png)", [("site", "assets/b.png")]),
        ("![a](/assets/b.png)", False, "![a](post/b.png)", [("site", "assets/b.png")]),
        ("![a](/assets/b.png)", True, "![a](/assets/b.png)", []),
        ("[d](/files/doc.pdf)", True, "[d](post/doc.pdf)", [(ASSETS, "files/doc.pdf")]),
        ('<img src="/images/a.png" alt="A">', True, "![A](post/a.png)", [(ASSETS, "images/a.png")]),
        (
            'X <img src="/images/a.png" width="3"> y',
            True,
            "X ![](post/a.png) y",
            [(ASSETS, "images/a.png")],
        ),
        (
            '<img src="/images/a.png" width="3">',
            True,
            "```{image} post/a.png\n:width: 3\n```",
            [(ASSETS, "images/a.png")],
        ),
        ('<div><img src="/images/a.png"></div>', True, '<div><img src="/images/a.png"></div>', []),
        ("![a](../../outside.png)", True, "![a](../../outside.png)", []),
        ("![a](/.env)", False, "![a](/.env)", []),
        ("![a](https://x.org/a.png)", True, "![a](https://x.org/a.png)", []),
    ],
)
def test_files_are_found_and_copied(reference, has_assets, written, copied):
    conversion = jekyll_post(reference + "\n", has_assets=has_assets, inventory=INVENTORY)
    assert body_of(conversion) == written + "\n"
    assert [(a.root, a.relative) for a in conversion.assets] == copied
    for asset in conversion.assets:
        assert asset.target.startswith("posts/2020/post/")


@pytest.mark.parametrize(
    ("reference", "reason"),
    [
        ("![a](/images/none.png)", "not found in the assets folder"),
        ("![a](none.png)", "not found beside the post"),
        ("![a](../../outside.png)", "outside the source folder"),
        ("![a](.hidden/x.png)", "a hidden file or folder"),
        ('<div><img src="/images/a.png"></div>', "raw HTML"),
        ("[zip](/files/none.zip)", "not found in the assets folder"),
    ],
)
def test_missing_files_are_reported(reference, reason):
    conversion = jekyll_post("\n" + reference + "\n", has_assets=True, inventory=INVENTORY)
    [problem] = conversion.missing
    assert reason in problem.message and problem.line == 5


def test_two_different_files_with_one_name_get_distinct_names_and_one_file_one_copy():
    conversion = jekyll_post(
        "![x](/images/x/same.png) ![y](/images/y/same.png) ![again](/images/x/same.png)\n",
        has_assets=False,
        inventory=Inventory((("site", frozenset({"images/x/same.png", "images/y/same.png"})),)),
    )
    targets = [asset.target for asset in conversion.assets]
    assert targets[0] == "posts/2020/post/same.png"
    assert targets[1].startswith("posts/2020/post/same-") and targets[1].endswith(".png")
    assert len(targets) == 2
    body = body_of(conversion)
    assert body.count("(post/same.png)") == 2 and targets[1].rsplit("/", 1)[1] in body


def test_front_matter_image_and_hugo_figures_are_copied():
    post = source(
        "content/posts/b/index.md",
        "---\ntitle: B\ndate: 2021-01-01\nimages: [cover.png]\n---\n"
        '{{< figure src="cover.png" >}}\n'
        '{{< figure src="/images/logo.png" >}}\n{{< figure src="gone.png" >}}\n',
    )
    inventory = Inventory(
        (("site", frozenset({"content/posts/b/cover.png", "static/images/logo.png"})),)
    )
    conversion = plan([post], Options(), inventory)[0]
    assert conversion.content is not None
    text = conversion.content.decode()
    assert "image: b/cover.png" in text
    assert "```{figure} b/cover.png\n```" in text and "```{figure} b/logo.png\n```" in text
    assert "```{figure} gone.png\n```" in text
    assert [a.relative for a in conversion.assets] == [
        "content/posts/b/cover.png",
        "static/images/logo.png",
    ]
    assert [p.line for p in conversion.missing] == [8]


def test_lookups_ask_only_for_what_posts_name_and_never_outside():
    post = source(
        "_posts/2020-05-06-post.md",
        "---\ntitle: P\nimage: /i/cover.png\n---\n![a](/images/a.png) ![b](pic.png) "
        "![c](../../up.png) ![d](.git/config) [e](other.md) [f](https://x.org/y.png)\n",
    )
    drafts = [read_source(post, Options(has_assets=True))]
    assert lookups(drafts, Options(has_assets=True)) == {
        (ASSETS, "images/a.png"),
        (ASSETS, "i/cover.png"),
        ("site", "_posts/pic.png"),
    }


def test_redirect_from_merges_what_the_post_had():
    post = source("_posts/2020-05-06-post.md", "---\ntitle: P\nredirect_from: /mine/\n---\nx\n")
    conversion = plan([post], Options())[0]
    assert conversion.content is not None
    assert "redirect_from: [/2020/05/06/post.html, /mine/]\n" in conversion.content.decode()
    nimble = source("2020-05-06-n.md", '%{title: "N", redirect_from: ["/mine/"]}\n---\nx\n')
    conversion = plan([nimble], Options())[0]
    assert conversion.content is not None
    assert "redirect_from: [/mine/, /blog/n]\n" in conversion.content.decode()
