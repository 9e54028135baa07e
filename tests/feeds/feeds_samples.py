"""Posts and settings shared by the pure tests (constructed by hand: no Sphinx)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from extensions.feeds.build import Rendered
from extensions.feeds.model import FeedConfig
from extensions.frontmatter.model import Post

HOSTILE = 'Fish & <chips> "quoted" it\'s 🎉 ]]> done\x0b'
HOSTILE_TAG = 'C<T> & ]]> "q" 🎉'
HOSTILE_HTML = (
    "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2, <code>]]&gt;</code>, <b>bold</b> 🎉 \"q\" 's'</p>"
    "<pre>&lt;![CDATA[ x ]]&gt;</pre>"
)

CONFIG = FeedConfig(
    base_url="https://example.org/blog/",
    title="Ana's <blog> & ]]>",
    description="Notes & <things>",
    timezone="Europe/Lisbon",
    authors=(("ana", "Ana Lima", "https://ana.example/"), ("sam", "Sam Okafor", "")),
    author="Ana Lima",
)

POSTS = [
    Post(
        "posts/hostile",
        HOSTILE,
        datetime(2024, 3, 1, 9, 15),
        authors=("ana",),
        tags=(HOSTILE_TAG, "python"),
        categories=("Code & <More>",),
        description="Summary & <angle> ]]> 🎉",
    ),
    Post(
        "posts/together",
        "Written together",
        datetime(2024, 4, 2, 18, 0, tzinfo=timezone(timedelta(hours=-5))),
        authors=("ana", "sam", "Guest Writer"),
        tags=("python", "Python"),
        categories=("Travel",),
        extra=(("updated", "2024-05-01 10:00"),),
    ),
    Post("posts/older", "Older", datetime(2024, 1, 5), tags=("elixir",)),
    Post("posts/undated", "No date", None, tags=("python",)),
]


def rendered(posts=POSTS) -> dict[str, Rendered]:
    return {
        post.docname: Rendered(
            uri=post.docname + ".html",
            content_html=HOSTILE_HTML
            if post.docname == "posts/hostile"
            else f"<p>First paragraph of {post.title}.</p><p>Second.</p>",
            image="https://example.org/blog/_images/pic.png"
            if post.docname == "posts/hostile"
            else "",
        )
        for post in posts
    }
