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
