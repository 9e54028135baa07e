"""Checks over every file a build wrote: no live markup, well-formed feeds, nothing leaked.

Used by the hostile-site tests: every hostile value carries the marker ``PWN``; wherever it
lands it must be text, never a tag, an event handler, a script or a ``javascript:`` URL.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree, html

MARKER = "PWN"
#: Tags that hostile values use: if one holds the marker, markup from a value went live.
HOSTILE_TAGS = {"script", "style", "b", "i", "img", "svg", "iframe", "object", "embed", "span"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href"}
#: What /etc/passwd starts with on every Unix: never in any output.
SECRET_CONTENT = re.compile(r"root:[^:\n]*:0:0:")


def _javascript(url: str) -> bool:
    text = re.sub(r"[\t\n\r]", "", url).strip(" \x00").lower()
    return text.startswith(("javascript:", "vbscript:", "data:text/html"))


def html_problems(text: str) -> list[str]:
    found: list[str] = []
    document = html.document_fromstring(text) if text.strip() else None
    if document is None:
        return found
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}={value[:40]!r}>: an event handler")
            if name.lower() in URL_ATTRIBUTES and _javascript(value):
                found.append(f"<{tag} {name}={value[:40]!r}>: a script URL")
        if tag in HOSTILE_TAGS:
            own = (element.text or "") + " ".join(
                value for name, value in element.attrib.items() if name.lower() != "alt"
            )
            if MARKER in own:
                found.append(f"<{tag}> holding {own.strip()[:60]!r}: live markup from a value")
    return found


def file_problems(path: Path) -> list[str]:
    """What is wrong with one output file, by its kind."""
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    found: list[str] = []
    if SECRET_CONTENT.search(text):
        found.append("holds the content of /etc/passwd")
    suffix = path.suffix
    if suffix == ".html":
        found += html_problems(text)
    elif suffix == ".xml":
        try:
            etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as error:
            found.append(f"not well-formed XML: {error}")
    elif suffix == ".json":
        try:
            json.loads(text)
        except ValueError as error:
            found.append(f"not valid JSON: {error}")
    elif path.name == "searchindex.js":
        body = text[text.index("(") + 1 : text.rindex(")")]
        try:
            json.loads(body)
        except ValueError as error:
            found.append(f"search index is not valid JSON: {error}")
    return found


def site_problems(outdir: Path) -> dict[str, list[str]]:
    """Every output file with its problems (files without any are left out)."""
    problems: dict[str, list[str]] = {}
    for path in sorted(outdir.rglob("*")):
        if path.is_file():
            found = file_problems(path)
            if found:
                problems[path.relative_to(outdir).as_posix()] = found
    return problems
