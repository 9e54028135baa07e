"""A blog written by a careless or hostile author: every value tries to break out."""

extensions = [
    "myst_parser",
    "ablog",
    "sphinx_copybutton",
    "extensions.safety",
    "extensions.frontmatter",
    "extensions.nimble",
    "extensions.listing",
    "extensions.layout",
    "extensions.snippets",
    "extensions.feeds",
    "extensions.theme",
]
project = "Hostile \"<b>PWN-project</b>\" & 'co'"
author = "<script>alert('PWN-author')</script>"
copyright = '2026, <img src=x onerror="PWN-copyright">'
blog_title = '<script>alert("PWN-title")</script> ]]> & "t"'
blog_owner = 'O\'Brien <i onmouseover="PWN-owner">&amp;</i> "Co"'
blog_tagline = "]]> <img src=x onerror=PWN-tagline> javascript:PWN-tagline"
html_baseurl = 'https://example.org/x"><script>PWN-base</script>/'
blog_timezone = "Europe/Lisbon"
blog_now = "2026-11-23T12:00:00+00:00"
blog_posts_folder = "posts"
blog_path = "blog"
blog_default_author = "Ana"
blog_authors = {"Ana": ("Ana <b>PWN-authors</b>", "javascript:PWN-authors-url")}
root_doc = "index"
exclude_patterns = ["_build"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "substitution"]
myst_substitutions = {"greeting": "Hello from conf.py"}
post_date_format = "%Y/%m/%d"
post_auto_excerpt = 1
fontawesome_included = True
html_theme = "blog"  # the blog's own theme (extensions/theme) is under test too
templates_path = ["_templates"]
html_static_path = ["_static"]
feeds_formats = ["atom", "rss", "json"]
