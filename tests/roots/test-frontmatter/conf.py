extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.listing",
    "extensions.layout",
]
root_doc = "index"
exclude_patterns = ["_build"]
blog_authors = {"Ana Lima": ("Ana Lima", None), "Sam Okafor": ("Sam Okafor", None)}
blog_timezone = "Europe/Lisbon"
blog_now = "2026-11-23T12:00:00+00:00"
post_date_format = "%Y/%m/%d"
fontawesome_included = True
html_theme = "alabaster"
blog_default_author = "Ana Lima"
