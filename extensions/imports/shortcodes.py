"""Hugo shortcodes in a post's body, converted to MyST where MyST has an equivalent.

=====================================================  ========================================
Hugo                                                   MyST
=====================================================  ========================================
``{{< highlight go "linenos=table,hl_lines=2 4-5" >}}``  a fenced code block (``{code-block}``
``...{{< /highlight >}}`` (also ``{{% %}}``)             with ``:linenos:``,
                                                       ``:emphasize-lines:``, ``:lineno-start:``)
``{{< figure src="x.png" alt="..." caption="..." >}}``  a ``{figure}`` (its file is copied)
``{{< ref "other.md" >}}``, ``{{< relref ... >}}``       a link to the converted post
``{{</* name */>}}`` (Hugo's way to show one)           ``{{< name >}}``, literally
=====================================================  ========================================

Other shortcodes are kept as written, neutralised (:func:`~.markdown.kept_form`) and
reported. Pure functions.
"""

from __future__ import annotations

import re

from ..nimble.model import Problem
from .edits import Edit, apply
from .liquid import Converted, Keeper, line_ranges, marker
from .markdown import fence, regions
from .model import Kept, Pending

_SHORTCODE = re.compile(
    r"\{\{(?P<open>[<%])\s*(?P<comment>/\*)?\s*(?P<close>/)?\s*(?P<name>[\w./-]+)"
    r"(?P<args>.*?)\s*/?\s*(?(comment)\*/\s*)[>%]\}\}",
    re.S,
)
_PARAM = re.compile(
    r"""(?:(?P<key>[\w-]+)\s*=\s*)?(?P<value>"(?:[^"\\]|\\.)*"|`[^`]*`|'[^']*'|[^\s"'`]+)"""
)


def params(text: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's positional and named parameters, unquoted."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for found in _PARAM.finditer(text):
        value = found.group("value")
        if value[:1] in "\"'`" and value[-1:] == value[:1] and len(value) >= 2:
            value = value[1:-1]
            if found.group("value")[0] == '"':
                value = re.sub(r"\\(.)", r"\1", value)
        if found.group("key"):
            named[found.group("key")] = value
        else:
            positional.append(value)
    return positional, named


def convert_shortcodes(body: str, first_line: int = 1) -> Converted:
    """Convert the shortcodes in ``body`` (whose first line is line ``first_line``)."""
    where = regions(body)
    edits: list[Edit] = []
    pending: list[Pending] = []
    kept: list[Kept] = []
    notes: list[Problem] = []

    keeper = Keeper(body, first_line, where, edits, kept)
    line, keep = keeper.line, keeper.keep

    position = 0
    while True:
        found = _SHORTCODE.search(body, position)
        if found is None:
            break
        start, end = found.span()
        position = end
        name, close = found.group("name"), bool(found.group("close"))
        if found.group("comment"):  # {{</* x */>}} shows as {{< x >}}
            shown = "{{" + found.group("open") + " " + body[start:end][3:-3].strip()
            shown = re.sub(r"^(\{\{[<%]\s*)/\*\s*", r"\1", shown)
            shown = re.sub(r"\s*\*/\s*$", "", shown) + " " + _closer(found.group("open"))
            literal = shown if where.literal(start) else shown.replace("{{", "\\{\\{")
            edits.append(Edit(start, end, literal))
            continue
        positional, named = params(found.group("args"))
        if name == "highlight" and not close:
            closing = re.compile(r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\}").search(body, end)
            if closing is None:
                keep(start, end)
                continue
            position = closing.end()
            edits.append(Edit(start, closing.end(), _highlight(body, found, closing, positional)))
        elif name == "figure" and not close:
            source = named.get("src", positional[0] if positional else "")
            if not source:
                keep(start, end)
                continue
            pending.append(Pending(marker(len(pending)), "asset", source, source, line(start)))
            edits.append(Edit(start, end, _figure(pending[-1].marker, named, body, found)))
        elif name in ("ref", "relref") and not close and (positional or "path" in named):
            key = positional[0] if positional else named["path"]
            pending.append(Pending(marker(len(pending)), "ref", key, found.group(), line(start)))
            edits.append(Edit(start, end, pending[-1].marker))
        else:
            keep(start, end)
    text, origin = apply(body, edits)
    return Converted(text, origin, tuple(pending), tuple(kept), tuple(notes))


def _closer(opening: str) -> str:
    return ">}}" if opening == "<" else "%}}"


def _highlight(
    body: str, opening: re.Match[str], closing: re.Match[str], positional: list[str]
) -> str:
    language = positional[0] if positional else "text"
    options: list[tuple[str, str]] = []
    settings = positional[1] if len(positional) > 1 else ""
    for name, value in re.findall(r"(\w+)\s*=\s*(\[[^\]]*\]|[^,]*)", settings):
        value = value.strip()
        if name == "linenos" and value.lower() not in ("false", "none", ""):
            options.append(("linenos", ""))
        elif name == "hl_lines" and line_ranges(value):
            options.append(("emphasize-lines", line_ranges(value)))
        elif name == "linenostart" and value.isdigit():
            options.append(("lineno-start", value))
    code = body[opening.end() : closing.start()]
    code = code[2:] if code.startswith("\r\n") else code[1:] if code.startswith("\n") else code
    info = f"{{code-block}} {language}" if options else language
    block = fence(code, info, tuple(options))
    line_start = body.rfind("\n", 0, opening.start()) + 1
    if body[line_start : opening.start()].strip():
        block = "\n" + block
    line_end = body.find("\n", closing.end())
    if body[closing.end() : len(body) if line_end < 0 else line_end].strip():
        block += "\n"
    return block


def _figure(source: str, named: dict[str, str], body: str, found: re.Match[str]) -> str:
    options = [
        (option, named[key])
        for key, option in (
            ("alt", "alt"),
            ("width", "width"),
            ("height", "height"),
            ("class", "class"),
            ("link", "target"),
        )
        if named.get(key)
    ]
    caption = named.get("caption") or named.get("title") or ""
    block = fence(caption, "{figure} " + source, tuple(options))
    line_start = body.rfind("\n", 0, found.start()) + 1
    if body[line_start : found.start()].strip():
        block = "\n" + block
    line_end = body.find("\n", found.end())
    if body[found.end() : len(body) if line_end < 0 else line_end].strip():
        block += "\n"
    return block
