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
project = "Feeds test"
author = "Ana Lima"
root_doc = "index"
exclude_patterns = ["_build"]
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
html_theme = "blog"  # the blog's own theme (extensions/theme)
html_baseurl = "https://example.org/blog/"
publish_sitemap_excludes = ["404.html", "search.html", "genindex.html"]  # not in sitemap.xml
feeds_limit = 3
