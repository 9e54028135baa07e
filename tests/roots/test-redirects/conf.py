"""A blog whose documents list old addresses, good and bad (extensions.redirects)."""

extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.listing",
    "extensions.redirects",
]
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["substitution"]
blog_path = "blog"
blog_posts_folder = "posts"
blog_authors = {"Ana Lima": ("Ana Lima", None)}
blog_default_author = "Ana Lima"
blog_now = "2030-01-01T00:00:00+00:00"
blog_timezone = "UTC"
fontawesome_included = True
html_theme = "alabaster"
html_baseurl = "https://example.org/blog/"
