"""Hugo posts: ``content/<section>/slug.md`` and page bundles ``content/<section>/slug/index.md``.

Front matter is YAML (``---``) or TOML (``+++``). It becomes ours:

- ``title``, ``description`` and unknown keys are kept; ``layout`` is dropped;
- ``date`` (else ``publishDate``) is the date; ``draft: true`` stays a draft;
- ``tags`` stays, ``categories`` becomes ``category``; ``summary`` becomes ``description``
  when there is none; ``images`` gives ``image`` (the first one); ``lastmod`` becomes
  ``updated`` (the feeds' "updated" date);
- ``slug``, ``url`` and ``aliases`` give the file name and the old addresses
  (``redirect_from``): ``url`` when given, else ``/<section>/<slug>/``, plus every alias.

Section pages (``_index.md``) are not posts. The body goes through
:func:`~.shortcodes.convert_shortcodes`. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..nimble.model import Problem
from .headers import cut, key_line, load_toml, load_yaml, names, plain, read_date, unique
from .model import Draft, Options, Source
from .shortcodes import convert_shortcodes
from .urls import from_pattern, hugo_url, pattern_fields, post_target, site_path

_CONSUMED = {"layout", "slug", "url", "aliases", "draft", "publishDate", "publishdate"}
_SUFFIX = re.compile(r"\.(md|markdown)$")


def hugo_place(source: Source) -> tuple[str, str, str] | str:
    """``(section, slug, path)`` of a Hugo page (``path``: inside ``content/``, no suffix), or
    why the file is not a post. Outside a ``content/`` folder, the page's own folder is taken
    as its section (``SRC=content/posts``)."""
    parts = [source.root_name, *source.relative.split("/")]
    stem = _SUFFIX.sub("", parts[-1])
    if stem == "_index":
        return "a Hugo section page (_index.md), not a post"
    in_content = "content" in parts[:-1]
    inside = parts[len(parts) - parts[::-1].index("content") :] if in_content else parts
    folders = [part for part in inside[:-1] if part]
    if stem == "index":
        if not folders:
            return "a Hugo index page outside a bundle, not a post"
        slug, folders = folders[-1], folders[:-1]
    else:
        slug = stem
    if in_content:
        section = folders[0] if folders else ""
    else:
        section, folders = (folders[-1], folders[-1:]) if folders else ("", [])
    return section, slug, "/".join([*folders, slug])


def read_hugo(source: Source, text: str, options: Options) -> Draft | Problem | str:
    """The Hugo page at ``source`` converted; or why it cannot be; or (text) why it is skipped."""
    place = hugo_place(source)
    if isinstance(place, str):
        return place
    section, file_slug, path = place
    folder = path.rsplit("/", 1)[0] if "/" in path else ""
    toml = text.startswith("+++")
    split = cut(text, "+++" if toml else "---")
    if split is None:
        return Problem("front-matter", "no front matter (`---` or `+++`) or it is never closed", 1)
    fields = (load_toml if toml else load_yaml)(split.block, split.first_line)
    if isinstance(fields, Problem):
        return fields
    slug = str(fields["slug"]).strip() if isinstance(fields.get("slug"), str | int) else file_slug

    raw_date = fields.get("date", fields.get("publishDate", fields.get("publishdate")))
    date = read_date(raw_date) if raw_date is not None else None
    if date is None:
        key = "date" if "date" in fields else "publishDate"
        why = "no date: add `date`" if raw_date is None else f"cannot read date {raw_date!r}"
        return Problem("date", why, key_line(split.block, key, split.first_line))
    day = date.date() if isinstance(date, dt.datetime) else date
    draft = fields.get("draft") is True

    pairs: list[tuple[str, Any]] = []
    for key, value in fields.items():
        if key in _CONSUMED:
            if key in ("publishDate", "publishdate") and "date" in fields:
                pairs.append((key, plain(value)))
            elif key in ("publishDate", "publishdate"):
                pairs.append(("date", date))
            continue
        if key == "date":
            pairs.append(("date", date))
        elif key == "categories":
            pairs.append(("category", unique(names(value, split_text=False))))
        elif key == "tags":
            pairs.append(("tags", unique(names(value, split_text=False))))
        elif key == "summary" and "description" not in fields:
            pairs.append(("description", plain(value)))
        elif key == "images" and "image" not in fields:
            images = names(value, split_text=False)
            if images:
                pairs.append(("image", images[0]))
        elif key == "lastmod" and "updated" not in fields:
            pairs.append(("updated", plain(value)))
        else:
            pairs.append((key, plain(value)))
    if draft:
        pairs.append(("draft", True))

    old_urls: list[str] = []
    if not draft and options.old_url != "none":
        if options.old_url:
            values = pattern_fields(slug, day, (), file_slug)
            old_urls.append(from_pattern(options.old_url, values))
        elif isinstance(fields.get("url"), str) and fields["url"].strip():
            old_urls.append(site_path(fields["url"]))
        else:
            old_urls.append(hugo_url(folder, slug))
        base = "/" + folder + "/" if folder else "/"
        old_urls += [
            site_path(alias, base) for alias in names(fields.get("aliases"), split_text=False)
        ]

    converted = convert_shortcodes(split.body, split.body_line)
    keys = [f"ref:{path.lower()}", f"ref:{path.rsplit('/', 1)[-1].lower()}"]
    return Draft(
        source=source,
        source_format="hugo",
        target=post_target(day, slug),
        slug=slug,
        date=day,
        front_matter=tuple(pairs),
        body=converted.body,
        original=split.body,
        body_line=split.body_line,
        origin=converted.origin,
        old_urls=tuple(unique(old_urls)),
        names=tuple(unique(keys)),
        pending=converted.pending,
        kept=converted.kept,
        notes=converted.notes,
        newline=split.newline,
        published=not draft,
    )


def ref_key(reference: str) -> str:
    """The key a ``ref``/``relref`` path is looked up by: no anchor, suffix, ``index``."""
    path = reference.split("#", 1)[0].strip().strip("/")
    path = _SUFFIX.sub("", path)
    path = re.sub(r"(^|/)_?index$", "", path)
    return "ref:" + path.lower()
