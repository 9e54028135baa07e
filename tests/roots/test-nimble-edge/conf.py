"""NimblePublisher posts at the edges: BOM, dates, bad headers, a body with a warning."""

extensions = [
    "myst_parser",
    "ablog",
    "extensions.frontmatter",
    "extensions.nimble",
    "extensions.listing",
]
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
blog_path = "blog"
blog_posts_folder = "posts"
blog_authors = {"Sam Okafor": ("Sam Okafor", None), "Ana Li": ("Ana Li", None)}
blog_now = "2026-01-01T00:00:00+00:00"
blog_timezone = "UTC"
fontawesome_included = True
html_theme = "alabaster"
