import os

import extensions as _ours

extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.listing",
    "extensions.layout",
    "extensions.snippets",
    "extensions.feeds",
]
project = "Feeds test"
author = "Ana Lima"
root_doc = "index"
exclude_patterns = ["_build"]
templates_path = [os.path.join(os.path.dirname(_ours.__file__), "..", "_templates")]
blog_title = "Feeds <test> & ]]>"
blog_authors = {
    "Ana Lima": ("Ana Lima", "https://ana.example/"),
    "Sam Okafor": ("Sam Okafor", None),
}
blog_default_author = "Ana Lima"
blog_timezone = "Europe/Lisbon"
blog_now = "2026-11-23T12:00:00+00:00"
post_date_format = "%Y/%m/%d"
fontawesome_included = True
html_theme = "alabaster"
html_sidebars = {"**": ["blog-nav.html"]}
html_baseurl = "https://example.org/blog/"
publish_sitemap_excludes = ["404.html", "search.html", "genindex.html"]  # not in sitemap.xml
feeds_limit = 3
