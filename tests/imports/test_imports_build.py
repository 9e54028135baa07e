"""Each blog made for these tests, imported into a copy of a minimal site and built as
`make html` builds (-W --keep-going -n): no warning but the one provoked on purpose (a
missing image), every post listed, files published, links resolved, and a redirect page at
every old address pointing at the new page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SPHINX_HTML
from imports_samples import copy_blog

from extensions.imports.cli import run

TESTS = Path(__file__).resolve().parents[1]
SITE = TESTS / "roots" / "test-imports-site"


def build(site: Path) -> tuple[int, list[str], Path]:
    """Build ``site`` like `make html`; the exit code, the warnings, the output folder."""
    out = site / "_build" / "html"
    done = subprocess.run(
        [*SPHINX_HTML, "-d", str(site / "_build" / "doctrees"), str(site), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    warnings = [line for line in done.stderr.splitlines() if "WARNING" in line]
    return done.returncode, warnings, out


def imported_site(tmp_path: Path, blog: str, *args: str, **options) -> tuple[Path, Path]:
    origin = copy_blog(blog, tmp_path)
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    sources = [str(origin / path) for path in args] or [str(origin)]
    for name, value in list(options.items()):
        if name == "assets":
            options[name] = str(origin / value)
    assert run(sources, str(site / "posts"), out=io.StringIO(), **options) == 0
    return site, origin


def page(out: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / name).read_text("utf-8"), "html.parser")


def redirect_target(out: Path, file: str) -> str:
    """Where the redirect page ``file`` sends readers (a path inside the output), checking
    the refresh, the visible link and the canonical link agree."""
    soup = page(out, file)
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    url = re.fullmatch(r"0; url=(.+)", refresh).group(1)
    assert soup.find("a")["href"] == url
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    target = (out / file).parent.joinpath(url).resolve().relative_to(out.resolve()).as_posix()
    assert soup.find("link", rel="canonical")["href"] == "https://blog.example.org/" + target
    assert (out / target).is_file()
    return target


def links_from(out: Path, name: str) -> set[str]:
    base = (out / name).parent
    return {
        (base / a["href"].split("#")[0]).resolve().relative_to(out.resolve()).as_posix()
        for a in page(out, name).select("div.body a[href]")
        if not a["href"].startswith(("http", "#", "mailto")) and "_images/" not in a["href"]
    }


def listed(out: Path) -> set[str]:
    return {a.get_text(" ", strip=True) for a in page(out, "blog.html").select("div.body h2 a")}


def test_nimble_blog_builds(tmp_path):
    site, _ = imported_site(tmp_path, "nimble", "priv/posts", assets="priv/static")
    code, warnings, out = build(site)
    assert code == 1  # -W: the missing image below is the one warning, provoked on purpose
    [warning] = warnings
    assert re.search(
        r"posts/2021/supervision-trees\.md:\d+: WARNING: image file not readable: "
        r"images/missing-diagram\.png \[image\.not_readable\]",
        warning,
    ), warning
    assert listed(out) == {"Hello, GenServer", "Supervision trees", "Forms in LiveView"}
    assert {p.name for p in (out / "_images").iterdir()} == {"genserver.png", "form.png"}
    assert links_from(out, "posts/2021/hello-genserver.html") >= {
        "posts/2021/supervision-trees.html",
        "posts/2022/liveview-forms.html",
    }
    assert "posts/2021/hello-genserver.html" in links_from(out, "posts/2022/liveview-forms.html")
    forms = page(out, "posts/2022/liveview-forms.html").get_text()
    assert "{{ nothing }} here is a" in forms
    assert page(out, "posts/2022/liveview-forms.html").select_one("div.highlight-eex pre")
    trees = page(out, "posts/2021/supervision-trees.html")
    # the header's title is the page's h1; the body's setext heading is a section below it
    assert trees.select_one("div.body h1").get_text().startswith("Supervision trees")
    assert trees.select_one("div.body h2").get_text().startswith("Restart strategies")
    assert trees.select_one("div.body h3").get_text().startswith("One for one")
    for slug, year in [
        ("hello-genserver", 2021),
        ("supervision-trees", 2021),
        ("liveview-forms", 2022),
    ]:
        for file in (f"blog/{slug}/index.html", f"blog/{slug}.html"):
            assert redirect_target(out, file) == f"posts/{year}/{slug}.html"


def test_jekyll_blog_builds(tmp_path):
    site, _ = imported_site(tmp_path, "jekyll")
    code, warnings, out = build(site)
    assert (code, warnings) == (0, [])
    assert listed(out) == {"Welcome to Jekyll!", "A second post"}
    assert not (out / "posts/2023/a-draft.html").exists()
    assert not (out / "posts/2020/not-yet.html").exists()
    images = {p.name for p in (out / "_images").iterdir()}
    assert len(images) == 3 and "cover.png" in images  # pic.png twice: Sphinx names one pic1
    assert [p.name for p in (out / "_downloads").rglob("*.pdf")] == ["slides.pdf"]
    welcome = page(out, "posts/2019/welcome-to-jekyll.html")
    assert "posts/2020/second-post.html" in links_from(out, "posts/2019/welcome-to-jekyll.html")
    assert welcome.select_one("div.highlight-ruby") is not None
    assert welcome.select_one("table.highlighttable, span.linenos") is not None  # linenos
    text = welcome.get_text()
    assert "Liquid writes {{ page.title }} and {% if x %} in templates" in text
    assert '{% include note.html text="Includes are not converted." %}' in text
    second = page(out, "posts/2020/second-post.html")
    assert links_from(out, "posts/2020/second-post.html") == {"posts/2019/welcome-to-jekyll.html"}
    assert 'print("{{ not liquid }}")' in second.select_one("div.highlight-python").get_text()
    assert second.select_one('img[width="40"]') is not None
    assert redirect_target(out, "blog/second/index.html") == "posts/2020/second-post.html"
    assert (
        redirect_target(out, "jekyll/update/2019/05/04/welcome-to-jekyll.html")
        == "posts/2019/welcome-to-jekyll.html"
    )


def test_hugo_site_builds(tmp_path):
    site, _ = imported_site(tmp_path, "hugo")
    code, warnings, out = build(site)
    assert (code, warnings) == (0, [])
    assert listed(out) == {"First Hugo post", "A page bundle"}
    assert {p.name for p in (out / "_images").iterdir()} == {"logo.png", "cover.png"}
    first = page(out, "posts/2021/first-hugo.html")
    assert first.select_one("div.highlight-go span.linenos, div.highlight-go table") is not None
    assert '{{< tweet user="gohugoio" id="1" >}}' in first.get_text()
    assert "Hugo shows a shortcode with {{< highlight >}}." in first.get_text()
    assert links_from(out, "posts/2021/first-hugo.html") == {"posts/2021/bundle.html"}
    bundle = page(out, "posts/2021/bundle.html")
    assert bundle.select_one("figure img") is not None
    assert "A cover, from the bundle" in bundle.select_one("figure figcaption").get_text()
    assert links_from(out, "posts/2021/bundle.html") == {"posts/2021/first-hugo.html"}
    for file in ("posts/first-hugo/index.html", "old/first-post/index.html", "posts/first.html"):
        assert redirect_target(out, file) == "posts/2021/first-hugo.html"
    assert redirect_target(out, "2021/bundle/index.html") == "posts/2021/bundle.html"


@pytest.mark.parametrize("blog", ["jekyll"])
def test_importing_again_and_rebuilding_changes_nothing(tmp_path, blog):
    site, origin = imported_site(tmp_path, blog)
    build(site)
    out = site / "_build" / "html"
    before = {p: p.read_bytes() for p in out.rglob("*.html")}
    report = io.StringIO()
    assert run([str(origin)], str(site / "posts"), out=report) == 0
    assert "0 converted, 4 unchanged, 1 skipped, 0 failed" in report.getvalue()
    code, warnings, _ = build(site)
    assert (code, warnings) == (0, [])
    assert {p: p.read_bytes() for p in out.rglob("*.html")} == before


def test_a_post_read_in_place_keeps_its_address_once_converted(tmp_path):
    """A NimblePublisher post this blog read in place (posts/2021/03-01-x.html) is converted;
    once the original is deleted, its old page becomes a redirect to the new one."""
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    original = site / "posts/2021/03-01-hello-genserver.md"
    original.parent.mkdir(parents=True)
    original.write_text('%{title: "Hello, GenServer"}\n---\nA post read in place.\n', "utf-8")
    assert build(site)[:2] == (0, [])
    out = site / "_build" / "html"
    assert "redirects" not in (out / "posts/2021/03-01-hello-genserver.html").read_text("utf-8")

    report = io.StringIO()
    assert run([str(site / "posts")], str(site / "posts"), out=report) == 0
    converted = site / "posts/2021/hello-genserver.md"
    assert "/posts/2021/03-01-hello-genserver.html" in converted.read_text("utf-8")
    code, warnings, _ = build(site)  # both files: the same post twice, the old page taken
    assert code == 1
    assert sorted(re.search(r"\[([\w.-]+)\]$", w).group(1) for w in warnings) == [
        "frontmatter.same-post",
        "redirects.clash",
    ]

    original.unlink()
    assert build(site)[:2] == (0, [])
    assert redirect_target(out, "posts/2021/03-01-hello-genserver.html") == (
        "posts/2021/hello-genserver.html"
    )
    assert (
        redirect_target(out, "blog/hello-genserver/index.html") == "posts/2021/hello-genserver.html"
    )
