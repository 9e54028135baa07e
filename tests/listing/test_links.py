"""A post may link to the pages and feeds the blog writes (a tag's page, the archive, a
list's feed) and to a document's ``.html`` page as it would on any static site: those links
resolve; a link to a page that is not made still warns, naming the file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from extensions.listing.urls import SiteLink, site_link

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-listing"

LINKS = """

Read [more on Elixir](/blog/tag/elixir.html), [the archive](../../blog/archive.html),
[Sam's posts](../../blog/author/sam.html#top), [the feed](/feeds/atom.xml),
[Elixir's feed](../../feeds/tag/elixir/rss.xml), [the older post](../2023/one.html) and
[the oldest page](/blog/page/2.html).

A [lost tag](/blog/tag/cobol.html) and [a lost feed](/feeds/tag/cobol/atom.xml).
"""


@pytest.mark.parametrize(
    ("target", "docname", "expected"),
    [
        ("/blog/tag/elixir.html", "posts/2024/four", SiteLink("blog/tag/elixir")),
        (
            "../../blog/tag/elixir.html#top",
            "posts/2024/four",
            SiteLink("blog/tag/elixir", "", "top"),
        ),
        ("../2023/", "posts/2024/four", SiteLink("posts/2023/index")),
        ("/feeds/atom.xml", "posts/2024/four", SiteLink("", "feeds/atom.xml")),
        ("#here", "posts/2024/four", SiteLink("posts/2024/four", "", "here")),
        ("./one", "posts/2023/two", SiteLink("posts/2023/one")),
        ("../../../etc/passwd", "posts/2024/four", None),
        ("https://example.org/x.html", "posts/2024/four", None),
        ("//example.org/x.html", "posts/2024/four", None),
        ("mailto:ana@example.org", "posts/2024/four", None),
    ],
)
def test_where_a_link_leads(target, docname, expected):
    assert site_link(target, docname) == expected


def test_links_to_generated_pages_and_feeds_resolve_lost_ones_warn(tmp_path, make_app):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    post = src / "posts/2024/four.md"
    post.write_text(post.read_text(encoding="utf-8") + LINKS, encoding="utf-8")
    app = make_app(
        "html",
        srcdir=src,
        builddir=tmp_path / "out",
        confoverrides={
            "extensions": [*_extensions(src), "extensions.feeds"],
            "html_baseurl": "https://ana.example.org/",
        },
    )
    app.build()
    warnings = app.warning.getvalue()
    assert warnings.count("WARNING") == 2, warnings
    lost = re.findall(r"four\.md:(\d+): WARNING: .*?'(/[^']*)'", warnings)
    lost_line = post.read_text(encoding="utf-8").splitlines().index(LINKS.splitlines()[-1]) + 1
    assert sorted(lost) == [
        (str(lost_line), "/blog/tag/cobol.html"),
        (str(lost_line), "/feeds/tag/cobol/atom.xml"),
    ], warnings
    html = (Path(app.outdir) / "posts/2024/four.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a class="reference internal" href="([^"]*)"', html)
    for href in (
        "../../blog/tag/elixir.html",
        "../../blog/archive.html",
        "../../blog/author/sam.html#top",
        "../../feeds/atom.xml",
        "../../feeds/tag/elixir/rss.xml",
        "../2023/one.html",
        "../../blog/page/2.html",
    ):
        assert href in hrefs, href
        path = Path(app.outdir, "posts/2024", href.partition("#")[0]).resolve()
        assert path.is_file(), href


def _extensions(src: Path) -> list[str]:
    namespace: dict[str, object] = {}
    exec((src / "conf.py").read_text(encoding="utf-8"), namespace)  # the root's own conf.py
    return list(namespace["extensions"])  # type: ignore[call-overload]
