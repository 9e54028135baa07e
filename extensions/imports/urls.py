"""Old addresses: the URL rules of the blogs we import from, and how a link is matched to one.

- **Jekyll**: a post's ``permalink``, else the site's ``permalink`` setting (``_config.yml``),
  else the ``date`` style ``/:categories/:year/:month/:day/:title:output_ext``. Placeholders
  are filled as Jekyll 4 fills them (``lib/jekyll/drops/url_drop.rb``): ``:categories`` is the
  categories lower-cased and joined by ``/``; ``:title`` is the slug in Jekyll's "pretty"
  slugify mode, case kept.
- **Hugo**: ``url`` when given, else ``/<section>/<slug>/`` (lower-cased); ``aliases`` too.
- **NimblePublisher** has no URL rule of its own: the pattern (``--old-url``) says it.

Patterns given on the command line use ``{name}`` fields: ``{slug}``, ``{year}``,
``{month}``, ``{day}``, ``{categories}``, ``{filename}``. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

#: The pattern NimblePublisher posts get when ``--old-url`` is not given: the route of
#: Dashbit's blog (where NimblePublisher comes from) and of Elixir School's lesson on it.
NIMBLE_DEFAULT = "/blog/{slug}"
PATTERN_FIELDS = ("slug", "year", "month", "day", "categories", "filename")

JEKYLL_STYLES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}
JEKYLL_DEFAULT = JEKYLL_STYLES["date"]

_FIELD = re.compile(r"\{([^{}]*)\}")


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable ``--old-url`` pattern, or None when it is."""
    if pattern == "none":
        return None
    if not pattern.startswith("/") or pattern.startswith("//"):
        return f"{pattern!r} must start with a single '/' (a path on the old site)"
    if "://" in pattern or "?" in pattern or "#" in pattern:
        return f"{pattern!r} must be a path, without a host, query or fragment"
    unknown = [name for name in _FIELD.findall(pattern) if name not in PATTERN_FIELDS]
    if unknown:
        known = ", ".join("{" + name + "}" for name in PATTERN_FIELDS)
        return f"{pattern!r} has unknown field(s) {', '.join(unknown)}; known: {known}"
    if "{slug}" not in pattern and "{filename}" not in pattern:
        return f"{pattern!r} needs {{slug}} or {{filename}}, or every post gets the same address"
    return None


def from_pattern(pattern: str, fields: Mapping[str, str]) -> str:
    """Fill ``{name}`` fields; empty ones leave no empty path segment behind."""
    path = _FIELD.sub(lambda m: fields.get(m.group(1), ""), pattern)
    return _squeeze(path)


def pattern_fields(
    slug: str, date: dt.date, categories: tuple[str, ...] = (), filename: str = ""
) -> dict[str, str]:
    """The values of the ``{name}`` fields for one post."""
    return {
        "slug": slug,
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "categories": jekyll_categories(categories),
        "filename": filename or slug,
    }


def _squeeze(path: str) -> str:
    path = re.sub(r"/{2,}", "/", "/" + path.lstrip("/"))
    return path


# --- Jekyll --------------------------------------------------------------------------------

_PRETTY_KEEP = set("._~!$&'()+,;=@")


def jekyll_slugify(text: str, *, pretty: bool = True, cased: bool = True) -> str:
    """Jekyll's ``Utils.slugify`` in "pretty" (or "default") mode: every run of characters that
    are not letters, marks or digits (nor, when pretty, ``._~!$&'()+,;=@``) becomes ``-``."""
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        keep = category[0] in "LM" or category == "Nd" or (pretty and char in _PRETTY_KEEP)
        if keep:
            out.append(char)
        elif not out or out[-1] != "-":
            out.append("-")
    slug = "".join(out)
    if slug.startswith("-"):
        slug = slug[1:]
    if slug.endswith("-"):
        slug = slug[:-1]
    return slug if cased else slug.lower()


def jekyll_categories(categories: tuple[str, ...]) -> str:
    """``:categories``: each lower-cased, duplicates dropped, joined by ``/``."""
    seen: dict[str, None] = {}
    for category in categories:
        seen.setdefault(str(category).lower(), None)
    return "/".join(seen)


def jekyll_template(style: str | None) -> str:
    """The URL template for a ``permalink`` setting (a style name or a template)."""
    if not style:
        return JEKYLL_DEFAULT
    return JEKYLL_STYLES.get(style.strip().lstrip(":"), style.strip())


def jekyll_url(
    template: str,
    *,
    slug: str,
    date: dt.date | dt.datetime,
    categories: tuple[str, ...] = (),
    output_ext: str = ".html",
) -> str | None:
    """Fill a Jekyll URL template the way Jekyll does; None when it names an unknown
    placeholder (Jekyll stops the build then)."""
    moment = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time())
    values = {
        "categories": jekyll_categories(categories),
        "slugified_categories": "/".join(
            dict.fromkeys(jekyll_slugify(str(c), pretty=False, cased=False) for c in categories)
        ),
        "title": jekyll_slugify(slug),
        "slug": jekyll_slugify(slug, pretty=False, cased=False),
        "name": jekyll_slugify(slug, pretty=False, cased=False),
        "year": moment.strftime("%Y"),
        "month": moment.strftime("%m"),
        "day": moment.strftime("%d"),
        "hour": moment.strftime("%H"),
        "minute": moment.strftime("%M"),
        "second": moment.strftime("%S"),
        "i_day": str(moment.day),
        "i_month": str(moment.month),
        "short_month": moment.strftime("%b"),
        "long_month": moment.strftime("%B"),
        "short_year": moment.strftime("%y"),
        "y_day": moment.strftime("%j"),
        "w_year": moment.strftime("%G"),
        "week": moment.strftime("%V"),
        "w_day": str(moment.isoweekday()),
        "short_day": moment.strftime("%a"),
        "long_day": moment.strftime("%A"),
        "output_ext": output_ext,
        "collection": "posts",
    }
    failed = False

    def fill(match: re.Match[str]) -> str:
        nonlocal failed
        name = match.group(1)
        for key in (name, name[:-1]) if name.endswith("_") else (name,):
            if key in values:
                return values[key] + match.group(1)[len(key) :]
        failed = True
        return ""

    path = re.sub(r":([a-z_]+)", fill, template)
    if failed:
        return None
    # Jekyll's sanitize_url: no "..", no "./", no repeated slashes, one leading slash.
    path = ("/" + path).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", path)


# --- Hugo ------------------------------------------------------------------------------------


def hugo_path(text: str) -> str:
    """A path as Hugo writes it by default: lower-cased, spaces as hyphens."""
    return re.sub(r"\s+", "-", text.strip()).lower()


def hugo_url(folder: str, slug: str) -> str:
    """Hugo's default address of a page: ``/<folder inside content>/<slug>/``."""
    parts = [hugo_path(part) for part in (folder, slug) if part]
    return "/" + "/".join(parts) + "/"


def site_path(value: str, base: str = "/") -> str:
    """A front-matter address (``url``, an alias) as a site-relative path; relative ones are
    resolved against ``base`` (the folder of the page's address)."""
    value = value.strip()
    if value.startswith("/"):
        return _squeeze(value)
    return _squeeze(posixpath.join(base, value))


# --- matching links to old addresses --------------------------------------------------------


def url_key(path: str) -> str:
    """What makes two spellings of one address equal: ``/a/b/``, ``/a/b``, ``/a/b.html``,
    ``/a/b/index.html``, ``a/b.md`` all give ``a/b``. Case is ignored (Hugo lower-cases)."""
    path = unquote(urlsplit(path).path)
    path = re.sub(r"/{2,}", "/", path).strip("/")
    for ending in ("/index.html", "/index.htm"):
        if path.endswith(ending):
            path = path[: -len(ending)]
    if path in ("index.html", "index.htm"):
        path = ""
    for suffix in (".html", ".htm", ".markdown", ".md"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return path.casefold()


# --- the new address ------------------------------------------------------------------------


def file_slug(text: str) -> str:
    """A slug safe as a file name: letters, digits, ``.``, ``_`` and ``-``; never hidden."""
    slug = re.sub(r"[^\w.-]+", "-", text.strip(), flags=re.UNICODE).strip("-.")
    return slug or "post"


def post_target(date: dt.date, slug: str) -> str:
    """Where a post goes inside the destination folder: ``YYYY/<slug>.md``."""
    return f"{date.year:04d}/{file_slug(slug)}.md"
