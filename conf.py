"""Sphinx configuration for the blog. Edit the "About the blog" block to make it yours."""

from __future__ import annotations

import os

# --- About the blog ------------------------------------------------------------------------
project = "Ana Lima"
author = "Ana Lima"
copyright = "2026, Ana Lima"
blog_title = "Ana Lima"  # shown in the header and feeds
blog_owner = "Ana Lima"  # the home page greets the reader with this name
blog_tagline = "Notes on Elixir, Python and the places in between."
blog_timezone = "Europe/Lisbon"  # for dates written without a timezone
# The public address of the site; feeds, the sitemap and social cards need it. Read the Docs
# and the GitHub Pages workflow override it through the environment.
html_baseurl = (
    os.environ.get("READTHEDOCS_CANONICAL_URL")
    or os.environ.get("BLOG_BASEURL")
    or "https://ana-lima.github.io/blog/"
)

# --- Extensions ----------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "ablog",
    "sphinx_copybutton",
    "extensions.frontmatter",
    "extensions.nimble",
    "extensions.ablog_shims",
    "extensions.layout",
    "extensions.snippets",
    "extensions.redirects",
]

# --- Sources -------------------------------------------------------------------------------
root_doc = "index"
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = [
    "_build",
    ".venv",
    "tests",
    "README.md",
    "CHANGELOG.md",
    "snippets",
    "Thumbs.db",
    ".DS_Store",
]
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
language = "en"
pygments_style = "friendly"

# --- The blog (ABlog, configured; our extensions fix what it gets wrong) ---------------------
blog_path = "blog"
blog_posts_folder = "posts"  # every document under posts/ is a post (extensions.frontmatter)
blog_authors = {
    "Ana Lima": ("Ana Lima", None),
    "Sam Okafor": ("Sam Okafor", None),
}
blog_default_author = "Ana Lima"
post_date_format = "%Y/%m/%d"
post_date_format_short = "%Y/%m/%d"
post_auto_excerpt = 1
post_show_prev_next = True
fontawesome_included = True  # no icon font: keeps ABlog from changing the config every build

# --- HTML output ---------------------------------------------------------------------------
html_theme = "alabaster"
html_title = blog_title
html_static_path = ["_static"]
html_css_files = ["blog.css"]
templates_path = ["_templates"]
html_show_sourcelink = False
html_show_sphinx = False
html_copy_source = False
html_permalinks_icon = "#"
html_theme_options = {
    "description": blog_tagline,
    "show_powered_by": False,
    "show_relbars": False,
    "fixed_sidebar": False,
    "page_width": "1040px",
    "sidebar_width": "220px",
}
html_sidebars = {
    "**": ["about.html", "blog-nav.html", "searchbox.html"],
}

# --- feeds and publishing (extensions/feeds) -----------------------------------------------
# Atom, RSS 2.0 and JSON Feed for the blog and for every tag, category and author, written to
# feeds/ at the end of each build and validated there; plus sitemap.xml, Open Graph and
# Twitter card meta, robots.txt and a 404 page that works at any depth. ABlog's own Atom feed
# stays off: it is only written when `blog_baseurl` is set, so leave that unset.
extensions += ["extensions.feeds", "sphinxext.opengraph"]
if html_baseurl and not html_baseurl.endswith("/"):
    html_baseurl += "/"  # the sitemap and Open Graph join page paths onto it
feeds_formats = ["atom", "rss", "json"]  # any of "atom", "rss", "json"
feeds_indexes = ["tag", "category", "author", "year"]  # which index pages get their own feeds
feeds_limit = 20  # entries in the main feeds (None: all)
feeds_index_limit = None  # entries in each tag/category/author feed (None: all)
feeds_content = "full"  # "full" post HTML, or "summary" only
publish_sitemap_excludes = ["404.html", "search.html", "genindex.html"]  # not in sitemap.xml
ogp_site_url = html_baseurl
ogp_site_name = blog_title
ogp_social_cards = {"enable": False}  # no generated images (they need matplotlib)
