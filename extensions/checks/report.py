"""Pure: the build's own warnings read back as findings, and the report ``make check``
prints: one line per problem (file:line, what, how to fix), then one summary line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from .model import Finding

_WARNING = re.compile(
    r"^(?:(?P<location>.*?): )?(?P<level>WARNING|ERROR|CRITICAL|SEVERE): (?P<message>.*)$"
)
_TYPE = re.compile(r"\s\[(?P<type>[\w-]+(?:\.[\w-]+)?)\]$")
_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+)$")
#: A terminal's colour codes (a build run with colours on writes them around each warning).
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")

#: How to fix what the build warns about, by warning type (then by its first part).
FIXES: dict[str, str] = {
    "myst.xref_missing": "point the link at a page or file the site has (its path relative "
    "to this file, or /path from the site's root), or at an anchor the page has",
    "ref": "use a label, document or anchor that exists",
    "image.not_readable": "put the image in the site (beside the post is simplest) and give "
    "its path relative to the post",
    "frontmatter": "correct the front matter as the message says",
    "identity.author": "write the author's name the same way in every post",
    "nimble": "correct the NimblePublisher header (an Elixir map, then ---)",
    "feeds": "the feed is written from the posts: correct the post or the setting named",
    "toc": "list only documents that exist, each once",
    "misc.highlighting_failure": "use a language name Pygments knows (`text` for none)",
    "myst": "correct the Markdown as the message says",
    "docutils": "correct the markup as the message says",
}


def fix_for(kind: str) -> str:
    return FIXES.get(kind) or FIXES.get(kind.split(".")[0]) or "see the message"


def relative_path(path: str, root: str) -> str:
    """A warning's path relative to the site (it stays as it is when outside)."""
    clean = path.split(":docstring of ")[0]
    root_path = PurePosixPath(root)
    try:
        return PurePosixPath(clean).relative_to(root_path).as_posix()
    except ValueError:
        return clean


def parse_warnings(text: str, root: str) -> list[Finding]:
    """The build's warnings (Sphinx's ``path:line: WARNING: message [type]``; a message
    may go on over further lines) as findings, paths relative to ``root``."""
    findings: list[Finding] = []
    current: dict[str, str] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is None:
            return
        message = " ".join(part.strip() for part in lines if part.strip())
        kind = ""
        typed = _TYPE.search(message)
        if typed:
            kind = typed.group("type")
            message = message[: typed.start()].rstrip()
        if not kind:
            kind = "docutils" if current["level"] in ("ERROR", "SEVERE") else "sphinx"
        what, fix = message, fix_for(kind)
        if kind.startswith("check.") and ". Fix: " in message:  # ours: what. Fix: how.
            what, _, fix = message.partition(". Fix: ")
        path, line = current["location"], None
        located = _LINE.match(path)
        if located:
            path, line = located.group("path"), int(located.group("line"))
        findings.append(Finding(relative_path(path, root) if path else "", line, what, fix, kind))

    for raw in _COLOUR.sub("", text).splitlines():
        match = _WARNING.match(raw)
        if match:
            close()
            current = {"location": match.group("location") or "", "level": match.group("level")}
            lines = [match.group("message")]
        elif current is not None:
            lines.append(raw)
    close()
    return findings


#: What the checks report without failing: posts the published site leaves out on purpose.
NOTES = ("check.future", "check.draft")


def is_note(finding: Finding) -> bool:
    return finding.kind in NOTES


def line_of(finding: Finding) -> str:
    """``posts/2025/x.md:12: what. Fix: how.`` (a note: ``...: note: what. how.``)"""
    where = finding.file or "(the site)"
    if finding.file and finding.line:
        where += f":{finding.line}"
    what = finding.what.rstrip(".")
    fix = finding.fix.rstrip(".")
    if is_note(finding):
        return f"{where}: note: {what}. {fix[:1].upper()}{fix[1:]}."
    return f"{where}: {what}. Fix: {fix[:1].upper()}{fix[1:]}."


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """By file, then line; each problem once."""
    unique = {(f.file, f.line or 0, f.what): f for f in findings}
    return [unique[key] for key in sorted(unique)]


def summary(findings: Sequence[Finding], checked: str) -> str:
    """The closing line: how many problems in how many files (notes aside), and what was
    checked."""
    problems = [finding for finding in findings if not is_note(finding)]
    notes = len(findings) - len(problems)
    noted = f"; {_plural(notes, 'note')}" if notes else ""
    if not problems:
        return f"make check: no problems ({checked}{noted})"
    files = len({finding.file for finding in problems})
    return (
        f"make check: {_plural(len(problems), 'problem')} in {_plural(files, 'file')} "
        f"({checked}{noted}); fix them before publishing"
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def failed(findings: Sequence[Finding]) -> bool:
    """Whether ``make check`` fails: any finding that is not a note."""
    return any(not is_note(finding) for finding in findings)
