"""Incremental and parallel builds give the same output as a clean serial build."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest
from snippets_helpers import ROOTS, soup, warnings_of
from sphinx.testing.util import SphinxTestApp


class Build:
    """One build of ``src`` (reusing its environment), noting what was read and written."""

    def __init__(self, src: Path, **kwargs) -> None:
        self.read: set[str] = set()
        self.written: set[str] = set()
        app = SphinxTestApp("html", srcdir=src, **kwargs)
        app.connect("env-before-read-docs", lambda _a, _e, docnames: self.read.update(docnames))
        app.connect("doctree-resolved", lambda _a, _d, docname: self.written.add(docname))
        try:
            app.build()
        finally:
            app.cleanup()
        self.app = app
        # Posts only: Sphinx itself rewrites the root page when a post in its toctree changes.
        self.written &= set(app.env.found_docs) - {"index"}
        self.warnings = warnings_of(app)


def copy_root(root: str, dest: Path) -> Path:
    shutil.copytree(ROOTS / f"test-{root}", dest)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def used_in(app, page: str, name: str) -> list[str]:
    definition = soup(app, page).find(id=f"snippet-{name}")
    return [a.get_text() for a in definition.select(".snippet-used-in a")]


def outputs(outdir: Path) -> dict[str, object]:
    """Every page, the inventory (decompressed) and the search index, for comparison."""
    found: dict[str, object] = {
        str(path.relative_to(outdir)): path.read_bytes() for path in sorted(outdir.rglob("*.html"))
    }
    found["searchindex.js"] = search_index(outdir)
    inventory = (outdir / "objects.inv").read_bytes()
    header, _, body = inventory.partition(b"zlib.\n")
    found["objects.inv"] = header + zlib.decompress(body)
    return found


def search_index(outdir: Path) -> dict:
    """The search index without the empty entries Sphinx keeps for words no page has now."""
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))
    for key in ("terms", "titleterms"):
        index[key] = {word: docs for word, docs in index[key].items() if docs != []}
    return index


def assert_same_as_clean_build(src: Path, tmp_path: Path) -> None:
    """The incremental output equals a clean build's (pages of deleted posts aside:
    Sphinx leaves those behind)."""
    clean = copy_root_tree(src, tmp_path / "clean")
    Build(clean)
    expected = outputs(clean / "_build" / "html")
    actual = outputs(src / "_build" / "html")
    assert {key: actual.get(key) for key in expected} == expected


def copy_root_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("_build"))
    return dest


@pytest.fixture
def site(tmp_path) -> Path:
    src = copy_root("snippets-basic", tmp_path / "site")
    first = Build(src)
    assert first.warnings == []
    return src


def test_a_rebuild_without_changes_reads_and_writes_nothing(site):
    again = Build(site)
    assert (again.read, again.written, again.warnings) == (set(), set(), [])


def test_adding_a_use_updates_used_in_on_the_defining_post(site, tmp_path):
    edit(site / "second.md", "We extend", "We reuse {snippet}`lonely` and extend")
    build = Build(site)
    assert build.read == {"second"}
    assert build.written == {"first", "second"}  # first only re-rendered: its "Used in"
    assert used_in(build.app, "first.html", "lonely") == ["Second post"]
    assert build.warnings == []
    assert_same_as_clean_build(site, tmp_path)


def test_removing_a_use_updates_used_in_on_the_defining_post(site, tmp_path):
    edit(site / "third.rst", "A reST post linking :snippet:`counter`.", "A reST post.")
    edit(site / "third.rst", ".. snippet-embed:: bump\n", "")
    build = Build(site)
    assert build.read == {"third"}
    assert build.written == {"first", "third"}
    assert used_in(build.app, "first.html", "counter") == ["Second post"]
    assert used_in(build.app, "first.html", "bump") == ["Second post"]
    assert build.warnings == []
    assert_same_as_clean_build(site, tmp_path)


def test_renaming_a_snippet_makes_referring_posts_warn_then_update(site, tmp_path):
    edit(site / "first.md", "{snippet} counter", "{snippet} tally")
    build = Build(site)
    assert build.read == {"first"}
    assert build.written == {"first", "second", "third"}
    unknown = sorted(w.split(": WARNING")[0].rsplit("/", 1)[-1] for w in build.warnings)
    assert unknown == ["second.md:3", "second.md:5", "third.rst:4"]
    assert all("'counter'" in w and w.endswith("[snippets.unknown]") for w in build.warnings)
    assert not soup(build.app, "second.html").select('a[href$="#snippet-counter"]')
    assert_same_as_clean_build(site, tmp_path / "renamed")

    # Follow the rename in the referring posts: the warnings go, the links come back.
    edit(site / "second.md", "{snippet}`counter`", "{snippet}`tally`")
    edit(site / "second.md", "{snippet-embed} counter", "{snippet-embed} tally")
    edit(site / "third.rst", ":snippet:`counter`", ":snippet:`tally`")
    build = Build(site)
    assert build.read == {"second", "third"}
    assert build.warnings == []
    assert used_in(build.app, "first.html", "tally") == ["Second post", "Third post"]
    assert soup(build.app, "second.html").select('a[href="first.html#snippet-tally"]')
    assert_same_as_clean_build(site, tmp_path / "followed")


def test_changing_a_caption_updates_link_text_elsewhere(site, tmp_path):
    edit(site / "first.md", ":caption: A counter process", ":caption: The counter")
    build = Build(site)
    assert build.read == {"first"}
    assert build.written == {"first", "second", "third"}
    links = soup(build.app, "third.html").select('a[href="first.html#snippet-counter"]')
    assert [a.get_text() for a in links] == ["The counter"]
    assert_same_as_clean_build(site, tmp_path)


def test_editing_a_snippet_file_updates_its_embeds(site, tmp_path):
    edit(site / "snippets" / "counter.ex", "def read(pid)", "def peek(pid)")
    build = Build(site)
    assert build.read == {"first"}  # the file is a dependency of the defining post
    assert build.written == {"first", "third"}  # third embeds it; second only links
    embed = soup(build.app, "third.html").find(class_="snippet-embed")
    assert "def peek(pid)" in embed.find("pre").get_text()
    assert_same_as_clean_build(site, tmp_path)


def test_deleting_the_defining_post(site, tmp_path):
    (site / "first.md").unlink()
    edit(site / "index.md", "first\n", "")
    build = Build(site)
    assert {"second", "third"} <= build.written
    assert len([w for w in build.warnings if w.endswith("[snippets.unknown]")]) == 5
    assert "snippet-counter" not in (site / "_build" / "html" / "snippets.html").read_text()
    assert_same_as_clean_build(site, tmp_path)


# -- parallel ------------------------------------------------------------------------------

EXTRA_POST = """# Post {n}

This post links {{snippet}}`counter`, {{snippet}}`its own <own-{n}>` and
{{snippet}}`own-{prev}`.

```{{snippet}} own-{n}
:language: python
:caption: Snippet of post {n}

print({n})
```

```{{snippet-embed}} own-{prev}
```
"""


def many_posts(root: str, dest: Path, count: int = 12) -> Path:
    src = copy_root(root, dest)
    names = [f"post{n:02d}" for n in range(count)]
    for n, name in enumerate(names):
        (src / f"{name}.md").write_text(EXTRA_POST.format(n=n, prev=(n - 1) % count))
    edit(src / "index.md", "```{toctree}\n", "```{toctree}\n" + "".join(f"{n}\n" for n in names))
    return src


@pytest.mark.parametrize("root", ["snippets-basic", "snippets-bad"])
def test_parallel_build_equals_serial_build(root, tmp_path):
    serial_src = many_posts(root, tmp_path / "serial")
    parallel_src = many_posts(root, tmp_path / "parallel")
    serial = Build(serial_src)
    parallel = Build(parallel_src, parallel=2)
    assert " .. " in parallel.app.status.getvalue()  # documents were read in chunks
    assert outputs(serial_src / "_build" / "html") == outputs(parallel_src / "_build" / "html")
    relative = sorted(w.replace(str(tmp_path), "") for w in serial.warnings)
    assert relative == sorted(
        w.replace(str(tmp_path), "").replace("/parallel/", "/serial/") for w in parallel.warnings
    )


def test_parallel_incremental_rename_equals_serial(tmp_path):
    results = []
    for label, parallel in (("serial", 0), ("parallel", 2)):
        src = many_posts("snippets-basic", tmp_path / label)
        Build(src, parallel=parallel)
        edit(src / "post03.md", "own-3", "renamed-3")
        edit(src / "post04.md", "own-3", "renamed-3")
        build = Build(src, parallel=parallel)
        results.append((build.read, build.written, outputs(src / "_build" / "html")))
    assert results[0] == results[1]
    assert results[0][0] == {"post03", "post04"}
