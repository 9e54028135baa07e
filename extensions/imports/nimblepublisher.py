"""NimblePublisher posts, read by :func:`extensions.nimble.translate.translate` (the same
translation the build uses for posts read in place), plus their old addresses.

NimblePublisher has no URL rule: the ``--old-url`` pattern gives it (default
:data:`~.urls.NIMBLE_DEFAULT`). A post this blog read in place (it lies in the destination
folder, ``posts/2023/05-12-slug.md``) also keeps that address (``/posts/2023/05-12-slug.html``).
Pure functions.
"""

from __future__ import annotations

import datetime as dt

from ..nimble.header import path_info, split
from ..nimble.model import Problem
from ..nimble.translate import translate
from .headers import names
from .model import Draft, Options, Source
from .urls import NIMBLE_DEFAULT, from_pattern, pattern_fields, post_target


def read_nimble(source: Source, text: str, options: Options) -> Draft | Problem:
    """The NimblePublisher post at ``source`` converted, or the located problem."""
    where = "/".join(part for part in (source.root_name, source.relative) if part)
    translation = translate(text, where, pad=False)
    if translation.error is not None:
        return translation.error
    fields = dict(translation.front_matter)
    date = fields.get("date")
    if not isinstance(date, dt.date):
        return Problem("date", "no date: the header has no `date` and the file name carries none")
    day = date.date() if isinstance(date, dt.datetime) else date
    info = path_info(where)
    cut = split(text.lstrip("\ufeff"))
    body_line = cut.body_line if not isinstance(cut, Problem) else 1
    newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    published = fields.get("draft") is not True

    old_urls: list[str] = []
    if published and options.old_url != "none":
        stem = source.relative.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        categories = tuple(names(fields.get("category"), split_text=False))
        values = pattern_fields(info.slug, day, categories, stem)
        old_urls.append(from_pattern(options.old_url or NIMBLE_DEFAULT, values))
        if source.in_place:
            old_urls.append(f"/{options.dest.strip('/').rsplit('/', 1)[-1]}/{source.in_place}.html")
    return Draft(
        source=source,
        source_format="nimble",
        target=post_target(day, info.slug),
        slug=info.slug,
        date=day,
        front_matter=translation.front_matter,
        body=translation.body,
        original=translation.body,
        body_line=body_line,
        old_urls=tuple(dict.fromkeys(old_urls)),
        notes=translation.notes,
        newline=newline,
        published=published,
    )
