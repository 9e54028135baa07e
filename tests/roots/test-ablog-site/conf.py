"""An existing ABlog site (MyST-NB listed first, posts outside posts/, dates as ABlog reads
them, a post directive, reST docinfo, a notebook) that adds our extensions."""

extensions = [
    "myst_nb",
    "ablog",
    "sphinx_design",
    "extensions.listing",
    "extensions.feeds",
]
project = "Jo's notes"
author = "Jo Bloggs"
blog_title = "Jo's notes"
blog_authors = {"Jo": ("Jo Bloggs", "https://jo.example.org")}
blog_default_author = "Jo"
blog_post_pattern = "articles/*"
blog_timezone = "UTC"
blog_now = "2026-01-01T00:00:00+00:00"
html_baseurl = "https://jo.example.org/"
html_theme = "alabaster"
exclude_patterns = ["_build"]
nb_execution_mode = "off"
myst_enable_extensions = ["colon_fence", "substitution"]
post_date_format = "%b %d, %Y"
fontawesome_included = True
