"""A minimal blog that imported posts are built in (the tests copy it and import into it)."""

extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.highlight",  # heex and eex blocks in imported posts
    "extensions.nimble",
    "extensions.listing",
    "extensions.redirects",
]
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]  # as the real site
myst_heading_anchors = 3
blog_path = "blog"
blog_posts_folder = "posts"
blog_authors = {"Ana Lima": ("Ana Lima", None), "Sam Okafor": ("Sam Okafor", None)}
blog_default_author = "Ana Lima"
blog_now = "2030-01-01T00:00:00+00:00"
blog_timezone = "UTC"
fontawesome_included = True
html_theme = "alabaster"
html_baseurl = "https://blog.example.org/"
