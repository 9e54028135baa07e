"""Data: who the blog belongs to, as ``conf.py`` says it, and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A setting in ``conf.py`` that is wrong or inconsistent (reported, never raised)."""

    setting: str
    message: str


@dataclass(frozen=True)
class Typo:
    """An author name that looks like a misspelling of a known author."""

    name: str  # as written in the post
    known: str  # the author it resembles
    docname: str  # a post that uses ``name``
