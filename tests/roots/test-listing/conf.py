"""A small blog for the lists: five posts, two to a page, a snippet shared by two posts and a
page with ABlog's postlist."""

extensions = ["myst_parser", "extensions.listing", "extensions.layout", "extensions.snippets"]
blog_owner = "Ana Lima"
blog_authors = {"Sam": ("Sam Okafor", None)}
blog_timezone = "UTC"
blog_now = "2026-11-23T12:00:00+00:00"
blog_page_size = 2
exclude_patterns = ["_build"]
html_theme = "alabaster"
