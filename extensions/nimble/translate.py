"""Turn a NimblePublisher post into the equivalent MyST post: one pure function for both
the build (which reads such posts as they are) and the converter (which writes them).

The MyST text is YAML front matter plus the body, byte for byte. For the build the front
matter is padded with YAML comment lines so that body line N is line N of the original
file, and Sphinx's warnings point at the right line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .header import front_matter, looks_like_nimble, path_info, read_header, split
from .model import Problem, Translation

__all__ = ["looks_like_nimble", "render", "translate", "yaml_front_matter"]

PADDING_NOTE = "# read from a NimblePublisher header; these comment lines keep line numbers"


class _Dumper(yaml.SafeDumper):
    """``yaml.safe_dump``'s dumper, with multi-line strings as ``|`` blocks."""


# Characters PyYAML's plain and block styles do not give back intact: use double quotes.
_AWKWARD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _AWKWARD.search(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Block(dict[str, Any]):
    """The front matter itself: always a block mapping, one key a line."""


def _block(dumper: yaml.SafeDumper, value: _Block) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Block, _block)


def yaml_front_matter(pairs: tuple[tuple[str, Any], ...], *, flow: bool = False) -> str:
    """The YAML mapping (LF line endings, ends with a newline); keys keep their order.

    Dates stay YAML dates (``2020-02-29``, ``2020-02-29 10:00:00+00:00``) so that loading
    the YAML gives back the same values.
    """
    return yaml.dump(
        dict(pairs) if flow else _Block(pairs),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=True if flow else None,
        width=1_000_000 if flow else 88,
    )


def render(
    pairs: tuple[tuple[str, Any], ...],
    body: str,
    *,
    newline: str = "\n",
    body_line: int | None = None,
    comment: str = "",
) -> str:
    """``---``, the YAML, ``---``, then ``body`` unchanged.

    With ``body_line`` (the line the body starts on in the original file), comment lines pad
    the front matter so the body starts on that same line, and a blank line separates the
    front matter from the body when there is room (a title heading may take its place
    without moving the body). A one-line header cannot be matched exactly.
    ``comment`` becomes a YAML comment line at the top of the front matter.
    """
    head = ["# " + " ".join(comment.split())] if comment else []
    lines = head + yaml_front_matter(pairs).splitlines()
    tail: list[str] = []
    if body_line is not None:
        room = body_line - 1 - 2  # lines between the two `---` when the body is not to move
        flow = head + yaml_front_matter(pairs, flow=True).splitlines()
        fits = [c for c in (lines, flow) if len(c) < room] or [
            c for c in (lines, flow) if len(c) == room
        ]
        lines = fits[0] if fits else min(lines, flow, key=len)
        if len(lines) < room:
            tail = [""]
            pad = room - len(lines) - 1
            if pad:
                lines = lines + [PADDING_NOTE] + ["#"] * (pad - 1)
    newline = newline or "\n"
    return newline.join(["---", *lines, "---", *tail]) + newline + body


def translate(text: str, path: str, *, pad: bool = True) -> Translation:
    """The MyST equivalent of the NimblePublisher post ``text`` found at ``path``.

    ``path`` (a docname or a file path) gives the date when the header has none, and the
    slug. On a problem with the header, ``error`` is set and the MyST text is a draft
    (``draft: true``) whose comment says why, so the post is left out of the site.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    cut = split(text)
    if isinstance(cut, Problem):
        return _failed(cut, text, path, body="", body_line=None)
    header = read_header(cut)
    if isinstance(header, Problem):
        return _failed(header, text, path, cut.body, cut.body_line if pad else None, cut.newline)
    mapped = front_matter(header, path, cut.header)
    if isinstance(mapped, Problem):
        return _failed(mapped, text, path, cut.body, cut.body_line if pad else None, cut.newline)
    pairs, notes = mapped
    myst = render(pairs, cut.body, newline=cut.newline, body_line=cut.body_line if pad else None)
    return Translation(
        myst=myst, front_matter=pairs, body=cut.body, notes=notes, body_line=cut.body_line
    )


def _failed(
    problem: Problem,
    text: str,
    path: str,
    body: str,
    body_line: int | None,
    newline: str = "\n",
) -> Translation:
    pairs: tuple[tuple[str, Any], ...] = (
        ("title", path_info(path).slug),
        ("draft", True),
    )
    why = f"not published: the NimblePublisher header could not be read: {problem.located(path)}"
    myst = render(pairs, body, newline=newline, body_line=body_line, comment=why)
    return Translation(myst=myst, front_matter=pairs, body=body, error=problem, body_line=body_line)
