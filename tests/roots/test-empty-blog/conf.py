extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.listing",
    "extensions.layout",
    "extensions.snippets",
    "extensions.theme",
]
root_doc = "index"
exclude_patterns = ["_build"]
blog_authors = {"Ana Lima": ("Ana Lima", None)}
blog_timezone = "UTC"
blog_now = "2026-11-23T12:00:00+00:00"
post_date_format = "%Y/%m/%d"
fontawesome_included = True
html_theme = "blog"  # the blog's own theme (extensions/theme)
