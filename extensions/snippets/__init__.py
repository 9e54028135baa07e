"""Cross-referenced code snippets: define once, link and embed anywhere, see where used.

Syntax (MyST; the same names work in reST)::

    ```{snippet} NAME           define: a highlighted block with id "snippet-NAME"
    {snippet}`NAME`              link to it (text: its caption, else NAME)
    ```{snippet-embed} NAME     show its code here, with a "from <post>" link

A generated ``snippets.html`` lists every snippet by language with the posts that use it.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .sphinx_domain import SnippetsDomain
from .sphinx_events import copy_stylesheet, derive_index, index_page, resolve_placeholders
from .sphinx_markup import SnippetDirective, SnippetEmbedDirective, SnippetRole
from .sphinx_nodes import SKIP, snippet_backlinks, snippet_embed


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_domain(SnippetsDomain)
    for placeholder in (snippet_backlinks, snippet_embed):
        app.add_node(placeholder, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    app.add_directive("snippet", SnippetDirective)
    app.add_directive("snippet-embed", SnippetEmbedDirective)
    app.add_role("snippet", SnippetRole())
    app.connect("env-updated", derive_index)
    app.connect("doctree-resolved", resolve_placeholders)
    app.connect("html-collect-pages", index_page)
    app.add_css_file("snippets.css")
    app.connect("builder-inited", copy_stylesheet)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
