"""Boundary: each post's summary, rendered to HTML once, when the post is read.

The summary is the description, else the post's first paragraph of prose (marked while
the post is normalised). It is kept in the post's record as a string, so lists never render
a post again and the environment holds no document nodes. Links that lead inside the site
are kept as their text (a summary is shown on pages in other folders, and ``Continue...``
is right there); pictures, footnote marks and raw HTML are left out.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from .model import Post
from .summary import LONGEST, text_summary

#: Marks the paragraph that is a post's summary (an attribute no writer outputs).
MARK = "blog_summary"

_DROPPED = (
    nodes.image,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.target,
    nodes.raw,
    nodes.substitution_reference,
    nodes.system_message,
)


def paragraph_text(paragraph: nodes.Element) -> str:
    """A paragraph's text as a reader reads it: without footnote marks, pictures or raw
    HTML (``Ships today.[^1]`` reads ``Ships today.``)."""
    copy = paragraph.deepcopy()
    for node in list(copy.findall(lambda n: isinstance(n, _DROPPED))):
        node.parent.remove(node)
    return copy.astext()


def summary_html(app: Sphinx, doctree: nodes.document, post: Post) -> str:
    """The HTML a list shows for ``post``."""
    if post.description:
        return text_summary(post.description)
    paragraph = next((node for node in doctree.findall(nodes.paragraph) if node.get(MARK)), None)
    if paragraph is None:
        return ""
    text = paragraph_text(paragraph)
    if len(text) > LONGEST or not hasattr(app.builder, "render_partial"):
        return text_summary(text)
    copy = paragraph.deepcopy()
    for node in list(copy.findall(lambda n: isinstance(n, _DROPPED))):
        node.parent.remove(node)
    for node in list(copy.findall(addnodes.pending_xref)):
        node.replace_self(nodes.inline(node.astext(), node.astext()))
    for node in list(copy.findall(nodes.reference)):
        uri = str(node.get("refuri", ""))
        if "://" not in uri and not uri.startswith("mailto:"):  # inside the site: its text
            node.replace_self(nodes.inline(node.astext(), node.astext()))
    copy.attributes.pop(MARK, None)
    copy["ids"] = []
    fragment: str = app.builder.render_partial(copy)["fragment"]
    return fragment.strip()


_NOT_PROSE = (nodes.literal_block, nodes.raw, nodes.comment, nodes.system_message, nodes.target)


def prose_words(doctree: nodes.document) -> int:
    """How many words a reader reads: the text of the post, code blocks left out."""
    count = 0
    for text in doctree.findall(nodes.Text):
        parent = text.parent
        while parent is not None and not isinstance(parent, _NOT_PROSE):
            parent = parent.parent
        if parent is None:
            count += len(text.astext().split())
    return count
