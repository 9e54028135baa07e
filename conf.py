"""Sphinx configuration for the blog. The first block is the one to edit to make it yours."""

# --- Make it yours -------------------------------------------------------------------------
# Your name: the home page's greeting, the default author of every post, the copyright and
# (unless you set blog_title) the site's title.
blog_owner = "Ana Lima"
# One line under your name on the home page, and the feeds' description.
blog_tagline = "Notes on Elixir, Python and the places in between."
# Where the site will live. Feeds, the sitemap and link previews need the full address.
# (Read the Docs and the GitHub Pages workflow set it for you through the environment.)
html_baseurl = "https://ana-lima.github.io/blog/"
# The timezone of dates written without one (an IANA name: "Europe/Lisbon", "America/Denver").
blog_timezone = "Europe/Lisbon"
# The language the posts are written in.
language = "en"
# Optional: a site title other than your name, and display names and links for authors
# (authors come from the posts; list one here only to give it a display name or a link).
# blog_title = "Notes from the road"
# blog_authors = {"Sam Okafor": ("Sam Okafor", "https://sam.example.org")}

# --- Extensions ----------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "extensions.highlight",
    "ablog",
    "extensions.safety",
    "extensions.buildlog",
    "extensions.memory",
    "extensions.identity",
    "extensions.frontmatter",
    "extensions.nimble",
    "extensions.listing",
    "extensions.layout",
    "extensions.snippets",
    "extensions.redirects",
    "extensions.theme",
    "extensions.checks",  # make check (does nothing in other builds)
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

# --- The blog (ABlog, configured; our extensions fix what it gets wrong) ---------------------
blog_path = "blog"
blog_posts_folder = "posts"  # every document under posts/ is a post (extensions.frontmatter)
post_date_format = "%Y/%m/%d"
post_date_format_short = "%Y/%m/%d"
post_auto_excerpt = 1
post_show_prev_next = True
fontawesome_included = True  # no icon font: keeps ABlog from changing the config every build

# --- HTML output: the blog's own theme (extensions/theme) ----------------------------------
html_theme = "blog"
# Your own look on top of it: a template in _templates/ with the theme's name replaces the
# theme's (layout.html, page.html, blog/list.html...), a stylesheet in _static/ listed here
# comes after the theme's (see _templates/README.md).
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files: list[str] = []
# blog_favicon = "_static/me.png"  # the tab's icon (default: the theme's own)
# blog_toc_min_sections = 3  # posts with this many sections get a table of contents (0: none)
# pygments_style = "extensions.theme.styles.BlogLight"  # code colours, light scheme
# blog_pygments_dark_style = "extensions.theme.styles.BlogDark"  # ... and dark scheme
# blog_copy_buttons = True  # a Copy button on code blocks
# blog_snippet_previews = True  # a snippet link shows its code on hover or focus
# blog_lazy_images = True  # images load as they scroll into view, with their size set
html_show_sourcelink = False
html_show_sphinx = False
html_copy_source = False
html_permalinks_icon = '<span aria-hidden="true">#</span>'  # named "Link to this heading"

# --- feeds and publishing (extensions/feeds) -----------------------------------------------
# Atom, RSS 2.0 and JSON Feed for the blog and for every tag, category and author, written to
# feeds/ at the end of each build (make check validates them in full); plus sitemap.xml, Open
# Graph and Twitter card meta, robots.txt and a 404 page that works at any depth. ABlog's own
# Atom feed stays off: it is only written when `blog_baseurl` is set, so leave that unset.
extensions += ["extensions.feeds"]
feeds_formats = ["atom", "rss", "json"]  # any of "atom", "rss", "json"
feeds_indexes = ["tag", "category", "author", "year"]  # which index pages get their own feeds
feeds_limit = 20  # entries in the main feeds (None: all)
feeds_index_limit = 20  # entries in each tag/category/author/year feed (None: all)
feeds_content = "full"  # "full" post HTML, or "summary" only
publish_sitemap_excludes = ["404.html", "search.html", "genindex.html"]  # not in sitemap.xml
