"""Data: Elixir literal values, located problems, and a translated post.

Nothing here imports Sphinx or docutils; every value is small, frozen, hashable and picklable.

Python values stand for Elixir literals as follows:

=====================  ==========================================
Elixir                 Python
=====================  ==========================================
``"text"``, ``~s()``   ``str``
``42``, ``1_000``      ``int``
``1.5``                ``float``
``true`` ``false``     ``True`` ``False``
``nil``                ``None``
``:atom``              :class:`Atom`
``'chars'``            :class:`Charlist`
``[1, 2]``             :class:`EList` (a keyword list is an EList of 2-tuples)
``{1, 2}``             :class:`ETuple`
``%{k => v}``          :class:`EMap` (pairs in source order)
``~D[2020-01-31]``     ``datetime.date``
``~N[...]``            naive ``datetime.datetime``
``~U[...]``            aware ``datetime.datetime`` (UTC)
``~T[...]``            ``datetime.time``
=====================  ==========================================
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeAlias


@dataclass(frozen=True)
class Atom:
    """An Elixir atom such as ``:beginner`` (``true``/``false``/``nil`` are Python values)."""

    name: str


@dataclass(frozen=True)
class Charlist:
    """An Elixir charlist such as ``'abc'`` or an item of ``~w(...)c``."""

    text: str


@dataclass(frozen=True)
class EList:
    """An Elixir list. ``[a: 1]`` is ``EList((ETuple((Atom("a"), 1)),))``."""

    items: tuple[Value, ...] = ()

    def is_keyword(self) -> bool:
        """True for a non-empty list of ``{atom, value}`` pairs with distinct atoms."""
        keys = [
            item.items[0]
            for item in self.items
            if isinstance(item, ETuple) and len(item.items) == 2 and isinstance(item.items[0], Atom)
        ]
        return bool(self.items) and len(keys) == len(self.items) == len(set(keys))


@dataclass(frozen=True)
class ETuple:
    """An Elixir tuple such as ``{:ok, 1}``."""

    items: tuple[Value, ...] = ()


@dataclass(frozen=True)
class EMap:
    """An Elixir map; pairs keep the order they were written in."""

    pairs: tuple[tuple[Value, Value], ...] = ()


Value: TypeAlias = (
    str
    | int
    | float
    | bool
    | None
    | Atom
    | Charlist
    | EList
    | ETuple
    | EMap
    | dt.date
    | dt.datetime
    | dt.time
)


@dataclass(frozen=True)
class Problem:
    """Something wrong (or worth saying) about one input file, located when possible.

    ``code`` is the warning subtype (``syntax``, ``unsupported``, ``unterminated``,
    ``separator``, ``not-a-map``, ``date``, ``encoding``, ``empty``, ``key``, ``type``,
    ``date-mismatch``). ``line`` and ``column`` are 1-based positions in the file.
    """

    code: str
    message: str
    line: int | None = None
    column: int | None = None

    def located(self, path: str) -> str:
        """``path:line:column: message``, leaving out what is unknown."""
        where = path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Translation:
    """A NimblePublisher post turned into MyST text.

    ``front_matter`` is the YAML mapping as ordered ``(key, value)`` pairs of plain YAML
    values; ``myst`` is the full MyST text. ``error`` is set when the header could not be
    read: then ``front_matter`` only says ``draft: true``. ``notes`` are problems that do
    not stop the post (a header date that disagrees with the path).
    """

    myst: str
    front_matter: tuple[tuple[str, Any], ...]
    body: str
    error: Problem | None = None
    notes: tuple[Problem, ...] = ()
    body_line: int | None = None  # the line of the file the body starts on
