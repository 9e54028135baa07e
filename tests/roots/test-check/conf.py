"""A small blog that passes `make check`: two posts with descriptions, links that arrive (to
a post, a heading, a tag's page, a feed, in Markdown and in raw HTML), a picture."""

extensions = [
    "myst_parser",
    "extensions.highlight",
    "ablog",
    "extensions.frontmatter",
    "extensions.nimble",
    "extensions.listing",
    "extensions.layout",
    "extensions.feeds",
    "extensions.theme",
]
blog_owner = "Ana Lima"
blog_timezone = "UTC"
blog_now = "2026-11-23T12:00:00+00:00"
html_baseurl = "https://ana.example.org/blog/"
html_theme = "blog"
root_doc = "index"
exclude_patterns = ["_build"]
myst_heading_anchors = 3
post_date_format = "%Y/%m/%d"
fontawesome_included = True
