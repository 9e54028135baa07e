"""Jekyll posts: ``_posts/YYYY-MM-DD-slug.md`` (or ``.markdown``) and ``_drafts/slug.md``.

Front matter (YAML) becomes ours:

- ``layout`` is dropped; ``title``, ``author``, ``description`` and unknown keys are kept;
  a post without ``title`` and without a ``#`` heading gets Jekyll's title (the slug,
  capitalised);
- ``date`` overrides the file name's date; a draft without one is dated by its file's
  modification time, as Jekyll does;
- ``categories``/``category`` and ``tags``/``tag`` (lists, or text split on spaces as Jekyll
  splits them) become ``category`` and ``tags``; folders above ``_posts`` are categories too;
- ``excerpt`` becomes ``description``; ``published: false`` and ``_drafts/`` give
  ``draft: true``; ``image`` (also ``image: {path: ...}``) stays ``image``;
- ``permalink``, ``slug`` and ``redirect_from`` are used for the old address (``redirect_from``).

The body goes through :func:`~.liquid.convert_liquid`. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..frontmatter.post import has_top_heading
from ..nimble.model import Problem
from .headers import cut, key_line, load_yaml, names, plain, read_date, unique
from .liquid import convert_liquid
from .markdown import regions
from .model import Draft, Kept, Options, Source
from .urls import from_pattern, jekyll_template, jekyll_url, pattern_fields, post_target

_DATED = re.compile(r"^(?P<date>\d{2,4}-\d{1,2}-\d{1,2})-(?P<slug>.*)(?P<ext>\.[^.]+)$")
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^}\n]*\}")
_CONSUMED = {"layout", "permalink", "slug", "published", "redirect_from"}


def layout(source: Source) -> tuple[str, ...]:
    """The folders (from the source folder's own name down) and file name of a source."""
    return (source.root_name, *source.relative.split("/"))


def is_jekyll_path(source: Source) -> bool:
    """Under ``_posts``/``_drafts``, or named ``YYYY-MM-DD-slug.md``/``.markdown``."""
    parts = layout(source)
    if "_posts" in parts[:-1] or "_drafts" in parts[:-1]:
        return True
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}-.+\.(md|markdown)", parts[-1]))


def read_jekyll(source: Source, text: str, options: Options) -> Draft | Problem:
    """The post at ``source`` (its text is ``text``), converted; or why it cannot be."""
    parts = source.relative.split("/")
    split = cut(text)
    if split is None:
        return Problem("front-matter", "no YAML front matter (`---` ... `---`)", 1, 1)
    fields = load_yaml(split.block, split.first_line)
    if isinstance(fields, Problem):
        return fields
    name = parts[-1]
    dated = _DATED.match(name)
    draft_folder = "_drafts" in layout(source)[:-1]
    file_slug = (dated.group("slug") if dated else re.sub(r"\.[^.]+$", "", name)).rstrip(".")
    slug = str(fields["slug"]) if isinstance(fields.get("slug"), str | int) else file_slug

    date: dt.date | dt.datetime | None = None
    if "date" in fields:
        date = read_date(fields["date"])
        if date is None:
            return Problem(
                "date",
                f"cannot read date {fields['date']!r}: write YYYY-MM-DD or "
                "YYYY-MM-DD HH:MM:SS +/-TTTT",
                key_line(split.block, "date", split.first_line),
            )
    elif dated:
        date = read_date(dated.group("date"))
        if date is None:
            return Problem("date", f"invalid date {dated.group('date')} in the file name", 1)
    elif draft_folder and source.modified is not None:
        date = source.modified
    if date is None:
        return Problem("date", "no date: no `date` key and none in the file name", 1)
    day = date.date() if isinstance(date, dt.datetime) else date

    categories = unique(_path_categories(source) + _categories(fields))
    tags = unique(
        names(fields["tag"], split_text=False)
        if "tag" in fields
        else names(fields.get("tags"), split_text=True)
    )
    published = fields.get("published", True) is not False
    draft = draft_folder or not published or fields.get("draft") is True

    pairs: list[tuple[str, Any]] = []
    placed: set[str] = set()
    for key, value in fields.items():
        if key in _CONSUMED:
            continue
        if key in ("categories", "category"):
            if "category" not in placed and categories:
                pairs.append(("category", categories))
                placed.add("category")
        elif key in ("tags", "tag"):
            if "tags" not in placed and tags:
                pairs.append(("tags", tags))
                placed.add("tags")
        elif key == "excerpt" and "description" not in fields:
            pairs.append(("description", plain(value)))
        elif key == "date":
            pairs.append(("date", date))
        elif key == "draft":
            continue
        elif key == "image" and isinstance(value, dict) and "path" in value:
            pairs.append(("image", str(value["path"])))
        else:
            pairs.append((key, plain(value)))
    if "date" not in fields:
        at = next((i + 1 for i, (key, _) in enumerate(pairs) if key == "title"), 0)
        pairs.insert(at, ("date", date))
    if categories and "category" not in placed:
        pairs.append(("category", categories))
    if "title" not in fields and not has_top_heading(split.body):
        pairs.insert(0, ("title", " ".join(word.capitalize() for word in slug.split("-"))))
    if draft:
        pairs.append(("draft", True))

    where = regions(split.body)
    converted = convert_liquid(split.body, split.body_line, where)
    kept = list(converted.kept)
    for found in _KRAMDOWN_ATTRIBUTES.finditer(split.body):
        if not where.literal(found.start()):
            line = split.body_line + split.body.count("\n", 0, found.start())
            kept.append(Kept(line, found.group() + " (a kramdown attribute list)"))

    old_urls: list[str] = []
    notes = list(converted.notes)
    if published and not draft and options.old_url != "none":
        if options.old_url:
            values = pattern_fields(slug, day, tuple(categories), file_slug)
            old_urls.append(from_pattern(options.old_url, values))
        else:
            permalink = fields.get("permalink")
            site = dict(options.jekyll_permalinks).get(source.root)
            template = permalink if isinstance(permalink, str) else jekyll_template(site)
            url = jekyll_url(template, slug=slug, date=date, categories=tuple(categories))
            if url is None:
                notes.append(
                    Problem(
                        "permalink",
                        f"cannot fill the permalink {template!r}: no old address recorded",
                        key_line(split.block, "permalink", split.first_line),
                    )
                )
            else:
                old_urls.append(url)
    old_urls += names(fields.get("redirect_from"), split_text=False)
    if options.old_url == "none":
        old_urls = []

    under_posts = parts[parts.index("_posts") + 1 :] if "_posts" in parts else parts
    post_name = re.sub(r"\.[^.]+$", "", "/".join(under_posts))
    return Draft(
        source=source,
        source_format="jekyll",
        target=post_target(day, slug),
        slug=slug,
        date=day,
        front_matter=tuple(pairs),
        body=converted.body,
        original=split.body,
        body_line=split.body_line,
        origin=converted.origin,
        old_urls=tuple(unique(old_urls)),
        names=tuple(unique([f"post_url:{post_name}", f"post_url:{post_name.split('/')[-1]}"])),
        pending=converted.pending,
        kept=tuple(kept),
        notes=tuple(notes),
        newline=split.newline,
        published=not draft,
    )


def _path_categories(source: Source) -> list[str]:
    """Jekyll makes the folders above ``_posts`` (inside the site) categories."""
    parts = source.relative.split("/")
    for special in ("_posts", "_drafts"):
        if special in parts:
            return [part for part in parts[: parts.index(special)] if part]
    return []


def _categories(fields: dict[str, Any]) -> list[str]:
    found = names(fields.get("categories"), split_text=True)
    if "category" in fields:
        found += names(fields["category"], split_text=False)
    return found
