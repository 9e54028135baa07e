"""Pure: may a file named in a post be published? Is a URL from a post worth following?

Files a post names (its ``image:``, a picture, a download, an included file) must be inside
the site's source folder, outside its build output and the folders that hold the build's
own state, and in no hidden folder: ``../../../../etc/passwd`` or
``../../_build/doctrees/environment.pickle`` are never published. The boundary resolves
paths (following links) and calls :func:`refusal`; nothing here touches the file system.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

#: Characters no file name from a post may hold (the OS would refuse them, or worse).
_CONTROL = {chr(code) for code in range(32)} | {"\x7f"}


@dataclass(frozen=True)
class Reference:
    """What a post's reference to a file or a page is: a web URL, a path, or refused."""

    kind: str  # "url", "path" or "refused"
    value: str
    reason: str = ""


def classify(value: str) -> Reference:
    """``https://…`` is a URL; ``cover.png``, ``/images/a.png`` are paths; a reference with
    control characters, another scheme (``file:``, ``data:``, ``javascript:``) or no
    scheme but a host (``//host/x.png``) is refused, with the reason."""
    text = value.strip()
    if not text:
        return Reference("refused", value, "it is empty")
    if _CONTROL.intersection(text):
        return Reference("refused", value, "it holds control characters")
    if text.startswith(("//", "\\\\")):
        return Reference("refused", value, "a URL without a scheme: write https://")
    parts = urlsplit(text)
    if parts.scheme and len(parts.scheme) > 1:  # "C:" is a Windows drive, not a scheme
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return Reference("url", text)
        return Reference(
            "refused", value, f"a {parts.scheme}: URL; only http(s) URLs or files of the site"
        )
    return Reference("path", text)


def refusal(target: PurePath, root: PurePath, forbidden: Iterable[PurePath] = ()) -> str:
    """Why the resolved file ``target`` must not be published from the site at ``root``
    (resolved too), or "" when it may. ``forbidden`` are resolved folders inside the root
    that hold no content: the build output, the doctrees, the virtual environment."""
    if not target.is_relative_to(root):
        return "it is outside the site's folder"
    relative = target.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return "it is in a hidden folder (or is a hidden file)"
    for folder in forbidden:
        if target == folder or target.is_relative_to(folder):
            return f"it is in {folder.relative_to(root).as_posix() or '.'}/, which is not content"
    return ""
