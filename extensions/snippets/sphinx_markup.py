"""What authors write: the ``snippet`` and ``snippet-embed`` directives, the ``snippet`` role.

Reading only records what the post itself says; anything that depends on other posts
(link text, "Used in", embedded code) is left to resolve time.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import split_explicit_title

from .excerpt import excerpt, parse_line_spec, snippet_path
from .index import name_problem
from .model import Problem, anchor_for
from .sphinx_nodes import snippet_backlinks, snippet_embed
from .sphinx_report import report

SNIPPETS_FOLDER = "snippets"


def code_block(code: str, language: str, caption: str, block_id: str) -> nodes.Element:
    """A highlighted literal block, wrapped with its caption the way ``code-block`` does.

    The caption's wrapper gets ``block_id`` (its permalink); a bare block needs none.
    """
    literal = nodes.literal_block(code, code, language=language)
    if not caption:
        return literal
    wrapper = nodes.container(
        "", literal_block=True, classes=["literal-block-wrapper"], ids=[block_id]
    )
    # No smart quotes: the caption is also link text and the index entry, shown as written.
    wrapper += nodes.caption(caption, caption, support_smartquotes=False)
    wrapper += literal
    return wrapper


class SnippetDirective(SphinxDirective):
    """Define a named snippet: inline code, or a piece of a file under ``snippets/``."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True  # a name with a space gets snippets.name, not a docutils error
    option_spec: ClassVar = {
        "language": directives.unchanged_required,
        "caption": directives.unchanged_required,
        "linenos": directives.flag,
        "emphasize-lines": directives.unchanged_required,
        "file": directives.unchanged_required,
        "lines": directives.unchanged_required,
        "start-after": directives.unchanged_required,
        "end-before": directives.unchanged_required,
    }

    def problem(self, code: str, message: str) -> Problem:
        return Problem(code, message, self.env.current_document.docname, self.lineno)

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        code = self.code(name)
        return [] if code is None else [self.definition(name, code)]

    def code(self, name: str) -> str | None:
        """The snippet's code, or ``None`` after reporting why there is none."""
        if bad := name_problem(name):
            report(self.problem("name", bad))
            return None
        source = self.read_source(name)
        if source is None:
            return None
        cut = excerpt(
            source,
            lines=self.options.get("lines", ""),
            start_after=self.options.get("start-after", ""),
            end_before=self.options.get("end-before", ""),
        )
        if cut.error:
            report(self.problem("lines", f"snippet {name!r}: {cut.error}"))
            return None
        return cut.text

    def definition(self, name: str, code: str) -> nodes.container:
        """The highlighted block with its anchor, permalink and a "Used in" placeholder."""
        caption = self.options.get("caption", "")
        anchor = anchor_for(name)
        language = self.options.get("language", "text")
        block = code_block(code, language, caption, f"code-{anchor}")  # never a snippet id
        literal = next(iter(block.findall(nodes.literal_block)))
        literal["linenos"] = "linenos" in self.options
        literal["highlight_args"] = self.highlight_args(name, code)
        self.set_source_info(literal)

        definition = nodes.container(
            "", block, classes=["snippet"], snippet_name=name, snippet_caption=caption
        )
        document = self.state.document
        if anchor in document.ids:  # a same-page duplicate (reported later) gets no ids
            block["ids"] = []
        else:
            definition["ids"].append(anchor)
            for node in (definition, *block.findall(nodes.container)):
                document.ids[node["ids"][0]] = node
        permalink = nodes.reference(
            "",
            f"#{name}",
            refid=anchor,
            reftitle="Permalink to this snippet",
            classes=["snippet-permalink"],
        )
        definition += nodes.paragraph(
            "", "", permalink, snippet_backlinks(snippet=name), classes=["snippet-meta"]
        )
        self.set_source_info(definition)
        return definition

    def read_source(self, name: str) -> str | None:
        """The code: the directive's content, or the ``:file:`` it names."""
        if "file" not in self.options:
            return "\n".join(self.content)
        if self.content:
            report(
                self.problem(
                    "file", f"snippet {name!r} has both :file: and content; the content is ignored"
                )
            )
        relative = snippet_path(self.options["file"])
        if isinstance(relative, str):
            report(self.problem("file", relative))
            return None
        folder = (Path(self.env.srcdir) / SNIPPETS_FOLDER).resolve()
        path = (folder / relative).resolve()
        if not path.is_relative_to(folder):
            report(
                self.problem(
                    "file", f"file {self.options['file']!r} escapes the {SNIPPETS_FOLDER}/ folder"
                )
            )
            return None
        self.env.note_dependency(path)
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            report(
                self.problem(
                    "file",
                    f"cannot read {SNIPPETS_FOLDER}/{relative}: "
                    f"{getattr(error, 'strerror', None) or error}",
                )
            )
            return None

    def highlight_args(self, name: str, code: str) -> dict[str, list[int]]:
        spec = self.options.get("emphasize-lines", "")
        if not spec:
            return {}
        numbers = parse_line_spec(spec, len(code.splitlines()))
        if isinstance(numbers, str):
            report(self.problem("lines", f"snippet {name!r} :emphasize-lines: {numbers}"))
            return {}
        return {"hl_lines": list(numbers)}


class SnippetEmbedDirective(SphinxDirective):
    """Show a snippet defined elsewhere; the code is filled in at resolve time."""

    has_content = False
    required_arguments = 1
    final_argument_whitespace = True  # a name with a space gets snippets.name, not a docutils error
    option_spec: ClassVar = {"lines": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        node = snippet_embed(
            "",
            snippet=self.arguments[0],
            lines=self.options.get("lines", ""),
            classes=["snippet-embed"],
        )
        self.set_source_info(node)
        return [node]


class SnippetRole(SphinxRole):
    """``{snippet}`NAME``` or ``{snippet}`text <NAME>```: a link to the definition."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit, text, name = split_explicit_title(self.text)
        node = pending_xref(
            self.rawtext,
            refdomain="snippets",
            reftype="snippet",
            reftarget=name.strip(),
            refexplicit=explicit,
            refwarn=False,
            refdoc=self.env.current_document.docname,
        )
        node += nodes.inline(text, text, classes=["xref", "snippet"])
        self.set_source_info(node)
        return [node], []
