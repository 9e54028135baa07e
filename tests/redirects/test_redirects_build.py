"""Redirect pages in real builds: where they are and where they point, located warnings for
refused addresses, incremental builds (stale pages deleted, unchanged pages not rewritten),
the dirhtml builder, a site without html_baseurl, and parallel reading."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-redirects"

EXPECTED_PAGES = {
    "old/moved/index.html": "posts/2020/moved.html",
    "old/moved.html": "posts/2020/moved.html",
    "2020/01/02/moved/index.html": "posts/2020/moved.html",
    "2020/01/02/moved.html": "posts/2020/moved.html",
    "was/hugo/index.html": "posts/2020/hugo-style.html",
    "about-me/index.html": "about.html",
    "home-page.html": "index.html",
    "fine/index.html": "posts/2020/with-bad-ones.html",
    "a b/c d/index.html": "posts/2020/with-bad-ones.html",
}

EXPECTED_WARNINGS = [
    ("path", "'https://other.example.org/x/' is a full URL"),
    ("path", "'/a/../up/' has a '.' or '..' segment"),
    ("path", "'/feed.xml' names a .xml file"),
    ("path", "'/.well-known/thing' names a hidden file or folder"),
    ("value", "not 42"),
    (
        "clash",
        "/posts/2020/moved.html is not redirected: its file posts/2020/moved.html is the page",
    ),
    ("duplicate", "/old/moved/ is not redirected here: posts/2020/moved already redirects it"),
    ("clash", "/blog/tag/x.html is not redirected: its file blog/tag/x.html is the generated page"),
]


class Build:
    """One build of ``src`` (a fresh application, as sphinx-build would make)."""

    def __init__(self, src: Path, builder: str = "html", **kwargs) -> None:
        self.app = SphinxTestApp(builder, srcdir=src, **kwargs)
        try:
            self.app.build()
        finally:
            self.app.cleanup()
        text = re.sub(r"\x1b\[[0-9;]*m", "", self.app.warning.getvalue())
        self.warnings = [line for line in text.splitlines() if "WARNING" in line]
        self.out = Path(self.app.outdir)


def copy(tmp_path: Path, name: str = "src") -> Path:
    shutil.copytree(ROOT, tmp_path / name)
    return tmp_path / name


def redirect_pages(out: Path) -> dict[str, str]:
    """Every redirect page in ``out`` and the page it sends readers to."""
    found = {}
    for path in out.rglob("*.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            continue
        url = re.fullmatch(r"0; url=(.+)", refresh["content"]).group(1)
        target = (path.parent / url.replace("%20", " ")).resolve().relative_to(out.resolve())
        found[path.relative_to(out).as_posix()] = target.as_posix()
    return found


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in out.rglob("*.html")
        if "redirects" in p.read_text("utf-8")[:600]
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return Build(copy(tmp_path_factory.mktemp("redirects")))


def test_a_page_at_every_old_address_pointing_at_the_new_one(built):
    assert redirect_pages(built.out) == EXPECTED_PAGES
    for file, target in EXPECTED_PAGES.items():
        assert (built.out / target).is_file(), file


def test_the_page_says_where_and_is_escaped(built):
    soup = BeautifulSoup((built.out / "old/moved/index.html").read_text("utf-8"), "html.parser")
    assert (
        soup.find("link", rel="canonical")["href"]
        == "https://example.org/blog/posts/2020/moved.html"
    )
    assert soup.find("a")["href"] == "../../posts/2020/moved.html"
    assert soup.find("a").get_text() == 'Moved <here> & "there"'  # as written
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "&lt;here&gt; &amp;" in (built.out / "old/moved/index.html").read_text("utf-8")
    assert soup.find("script") is None


def test_refused_addresses_are_located_warnings(built):
    source = re.escape(str(built.app.srcdir / "posts/2020/with-bad-ones.md"))
    assert len(built.warnings) == len(EXPECTED_WARNINGS), built.warnings
    for line, (subtype, words) in zip(built.warnings, EXPECTED_WARNINGS, strict=True):
        assert re.match(rf"{source}:5: WARNING: .*\[redirects\.{subtype}\]$", line), line
        assert words in line, line
    assert not (built.out / "feed.xml").exists() and not (built.out / "up").exists()
    page = (built.out / "posts/2020/moved.html").read_text("utf-8")
    assert "redirects" not in page[:600]  # the post's own page was not replaced


def test_records_are_per_document_and_picklable(built):
    docs = built.app.env.get_domain("redirects").docs
    assert set(docs) == {
        "index",
        "about",
        "posts/2020/moved",
        "posts/2020/hugo-style",
        "posts/2020/with-bad-ones",
    }
    [moved] = docs["posts/2020/moved"]
    assert (moved.key, moved.line, moved.values[0]) == ("redirect_from", 4, "/old/moved/")
    assert pickle.loads(pickle.dumps(docs)) == docs


def test_incremental_builds_delete_stale_pages_and_rewrite_only_what_changed(tmp_path):
    src = copy(tmp_path)
    first = Build(src)
    before = snapshot(first.out)
    again = Build(src)
    assert snapshot(again.out) == before  # same bytes, same modification times

    (src / "about.md").unlink()
    index = src / "index.md"
    index.write_text(index.read_text("utf-8").replace("aliases: /home-page.html\n", ""), "utf-8")
    moved = src / "posts/2020/moved.md"
    moved.write_text(moved.read_text("utf-8").replace("  - /old/moved.html\n", ""), "utf-8")
    hugo = src / "posts/2020/hugo-style.md"
    hugo.write_text(hugo.read_text("utf-8").replace("/was/hugo/", "/was/hugo-two/"), "utf-8")
    after = Build(src)
    expected = dict(EXPECTED_PAGES)
    for gone in ("about-me/index.html", "old/moved.html", "was/hugo/index.html", "home-page.html"):
        del expected[gone]
    expected["was/hugo-two/index.html"] = "posts/2020/hugo-style.html"
    assert redirect_pages(after.out) == expected
    assert not (after.out / "about-me").exists() and not (after.out / "was/hugo").exists()
    now = snapshot(after.out)
    for file in ("old/moved/index.html", "fine/index.html", "2020/01/02/moved.html"):
        assert now[file] == before[file], file  # untouched

    clean = Build(copy(tmp_path, "clean-src"), freshenv=True)
    shutil.rmtree(clean.out)
    (clean.app.srcdir / "about.md").unlink()
    (clean.app.srcdir / "index.md").write_text(index.read_text("utf-8"), "utf-8")
    (clean.app.srcdir / "posts/2020/moved.md").write_text(moved.read_text("utf-8"), "utf-8")
    (clean.app.srcdir / "posts/2020/hugo-style.md").write_text(hugo.read_text("utf-8"), "utf-8")
    fresh = Build(clean.app.srcdir, freshenv=True)
    assert redirect_pages(fresh.out) == redirect_pages(after.out)


def test_a_file_already_in_the_output_is_never_replaced(tmp_path):
    src = copy(tmp_path)
    mine = src / "_build" / "html" / "fine" / "index.html"
    mine.parent.mkdir(parents=True)
    mine.write_text("<p>my own page</p>", "utf-8")
    build = Build(src)
    assert mine.read_text("utf-8") == "<p>my own page</p>"
    assert any(
        "/fine/ is not redirected: its file fine/index.html is a file already" in w
        for w in build.warnings
    )


def test_one_doctree_folder_for_two_outputs(tmp_path):
    src = copy(tmp_path)  # the html and dirhtml builds share src/_build/doctrees
    html = Build(src)
    dirhtml = Build(src, "dirhtml")
    assert (html.out / "was/hugo/index.html").is_file()
    assert (dirhtml.out / "was/hugo/index.html").is_file()
    hugo = src / "posts/2020/hugo-style.md"
    hugo.write_text(hugo.read_text("utf-8").replace("aliases: /was/hugo/\n", ""), "utf-8")
    again = Build(src)
    assert not (again.out / "was/hugo").exists()  # html's own record survived the dirhtml build


def test_dirhtml_targets_folders(tmp_path):
    build = Build(copy(tmp_path), "dirhtml")
    pages = redirect_pages(build.out)
    assert pages["old/moved/index.html"] == "posts/2020/moved"
    soup = BeautifulSoup((build.out / "old/moved.html").read_text("utf-8"), "html.parser")
    assert soup.find("a")["href"] == "../posts/2020/moved/"


def test_without_a_base_url_the_canonical_link_is_relative(tmp_path):
    build = Build(copy(tmp_path), confoverrides={"html_baseurl": ""})
    soup = BeautifulSoup((build.out / "was/hugo/index.html").read_text("utf-8"), "html.parser")
    assert soup.find("link", rel="canonical")["href"] == "../../posts/2020/hugo-style.html"


def test_other_builders_write_nothing(tmp_path):
    build = Build(copy(tmp_path), "text")
    assert not (build.out / "old").exists()


def many(tmp_path: Path, name: str) -> Path:
    src = copy(tmp_path, name)
    for n in range(12):
        (src / f"posts/2020/extra-{n:02d}.md").write_text(
            f"---\ntitle: Extra {n}\ndate: 2020-04-{n + 1:02d}\n"
            f"redirect_from: [/extra/{n}/, /old/moved/]\n---\nPost {n}.\n",
            "utf-8",
        )
    return src


def test_parallel_build_equals_serial(tmp_path):
    serial = Build(many(tmp_path, "serial"))
    parallel = Build(many(tmp_path, "parallel"), parallel=2)
    assert parallel.app.is_parallel_allowed("read")
    assert " .. " in parallel.app.status.getvalue()  # documents were read in chunks
    assert redirect_pages(parallel.out) == redirect_pages(serial.out)
    pages = {f: (serial.out / f).read_bytes() for f in redirect_pages(serial.out)}
    assert {f: (parallel.out / f).read_bytes() for f in pages} == pages
    assert sorted(w.replace("/serial/", "/X/") for w in serial.warnings) == sorted(
        w.replace("/parallel/", "/X/") for w in parallel.warnings
    )
    assert len(serial.warnings) == len(EXPECTED_WARNINGS) + 12  # each extra post: a duplicate
    docs = parallel.app.env.get_domain("redirects").docs
    assert docs == serial.app.env.get_domain("redirects").docs


def test_the_sitemap_leaves_redirect_pages_out(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + '\nextensions.append("extensions.feeds")\n')
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        sitemap = (Path(app.outdir) / "sitemap.xml").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    urls = re.findall(r"<loc>https://example.org/blog/([^<]*)</loc>", sitemap)
    assert "posts/2020/moved.html" in urls
    assert all((Path(app.outdir) / url).is_file() for url in urls)
    redirects = {page.replace(" ", "%20") for page in EXPECTED_PAGES}
    assert not redirects & set(urls), redirects & set(urls)
