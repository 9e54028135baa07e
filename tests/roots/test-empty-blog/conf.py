import os

import extensions as _ours

extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.listing",
    "extensions.layout",
    "extensions.snippets",
]
root_doc = "index"
exclude_patterns = ["_build"]
templates_path = [os.path.join(os.path.dirname(_ours.__file__), "..", "_templates")]
blog_authors = {"Ana Lima": ("Ana Lima", None)}
blog_timezone = "UTC"
blog_now = "2026-11-23T12:00:00+00:00"
post_date_format = "%Y/%m/%d"
fontawesome_included = True
html_theme = "alabaster"
html_sidebars = {"**": ["blog-nav.html"]}
