"""A small blog drawn by the blog's own theme: a long post (sections, a picture, a footnote, a
snippet), a short one that links to the snippet, two posts to a page; values that try to
break out of the templates."""

extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.listing",
    "extensions.layout",
    "extensions.snippets",
    "extensions.feeds",
    "extensions.theme",
]
blog_owner = 'Zoë "<b>Bold</b>" & Co'
blog_tagline = "Small <i>tests</i>, big & bold."
blog_timezone = "UTC"
blog_now = "2026-11-23T12:00:00+00:00"
blog_page_size = 2
blog_posts_folder = "posts"
post_date_format = "%Y/%m/%d"
fontawesome_included = True
root_doc = "index"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
html_theme = "blog"
html_baseurl = "https://example.org/theme/"
html_permalinks_icon = '<span aria-hidden="true">#</span>'


def _extras(app, pagename, templatename, context, doctree):
    """What the team's reading-time, related-posts and series data will look like, for the
    long post and the home page's cards only: the theme draws them when present."""
    post = context.get("blog_post")
    if pagename == "posts/2025/long" and post is not None:
        context["blog_post"] = dict(
            post,
            reading_minutes=7,
            related=[{"docname": "posts/2025/third", "title": "A <third>", "date": "2025/07/01"}],
            series={
                "name": "Tests & <more>",
                "number": 1,
                "total": 2,
                "parts": [
                    {"docname": "posts/2025/long", "title": "Part one", "current": True},
                    {"docname": "posts/2025/short", "title": "Part <two>", "current": False},
                ],
            },
        )
    page = context.get("blog_page")
    if pagename == "index" and page and page.get("cards"):
        cards = [dict(card, reading_minutes=3) for card in page["cards"]]
        context["blog_page"] = dict(page, cards=cards)


def setup(app):
    app.connect("html-page-context", _extras, priority=350)  # after extensions.listing
