extensions = ["myst_parser", "ablog", "extensions.frontmatter", "extensions.feeds"]
root_doc = "index"
exclude_patterns = ["_build"]
blog_timezone = "UTC"
blog_now = "2026-11-23T12:00:00+00:00"
fontawesome_included = True
html_theme = "alabaster"
html_baseurl = ""
