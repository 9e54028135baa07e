"""``python -m extensions.authoring`` (``make post``) in a small site: what it writes and
prints, dated in the blog's timezone, and every refusal leaving the disk as it was."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from extensions.authoring import cli
from extensions.authoring.cli import main, site_settings
from extensions.frontmatter.post import load_front_matter, read_post

REPO = Path(__file__).resolve().parents[2]
#: UTC+14: its date is not UTC's for ten hours of every day.
ZONE = "Pacific/Kiritimati"
CONF = f'blog_owner = "Rosa Parra"\nblog_timezone = "{ZONE}"\n'


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "conf.py").write_text(CONF, "utf-8")
    return root


def at(moment: str):
    """A clock that always says ``moment`` (UTC), in the zone asked for."""

    def clock(zone: tzinfo) -> datetime:
        return datetime.fromisoformat(moment).replace(tzinfo=UTC).astimezone(zone)

    return clock


def new(root: Path, *args: str, clock=None, **environ: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    extra = {"clock": clock} if clock else {}
    code = main(["--root", str(root), *args], environ=environ, out=out, err=err, **extra)
    return code, out.getvalue(), err.getvalue()


def files_under(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones too), with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run_module(root: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TITLE", "CATEGORY", "TAGS", "SLUG")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-m", "extensions.authoring", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_new_post_dated_today_in_the_blogs_timezone(site):
    before = datetime.now(ZoneInfo(ZONE))
    result = run_module(site, TITLE="Café ☕ in Québec", CATEGORY="Travel", TAGS="food, québec")
    after = datetime.now(ZoneInfo(ZONE))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    path = result.stdout.strip()
    assert path in {f"posts/{day.year}/cafe-in-quebec.md" for day in (before, after)}
    fields, problems = load_front_matter((site / path).read_text("utf-8"))
    assert problems == []
    assert fields["date"][:10] in {f"{day:%Y-%m-%d}" for day in (before, after)}
    post, problems = read_post("x", fields, heading=None, zone=ZoneInfo(ZONE))
    assert problems == []
    assert post.title == "Café ☕ in Québec"
    assert post.categories == ("Travel",) and post.tags == ("food", "québec")
    assert post.authors == ("Rosa Parra",) and post.draft is True
    assert (
        before.replace(second=0, microsecond=0, tzinfo=None)
        <= post.date
        <= after.replace(tzinfo=None)
    )


@pytest.mark.parametrize(
    ("moment", "path", "date"),
    [
        ("2026-03-01T20:30:45", "posts/2026/late.md", "2026-03-02 10:30"),
        ("2025-12-31T12:00:00", "posts/2026/late.md", "2026-01-01 02:00"),  # UTC's 2025
    ],
)
def test_the_date_and_year_are_the_blogs_not_utcs(site, moment, path, date):
    code, out, err = new(site, "--title", "Late", clock=at(moment))
    assert (code, out, err) == (0, f"{path}\n", "")
    assert f"\ndate: {date}\n" in (site / path).read_text("utf-8")


def test_a_second_call_refuses_and_leaves_the_file_as_it_was(site):
    code, out, _ = new(site, clock=at("2026-03-01T08:00:00"), TITLE="Setting the pace")
    assert code == 0
    path = site / out.strip()
    before = files_under(site)
    code, out, err = new(site, clock=at("2026-03-01T09:00:00"), TITLE="Setting the pace")
    assert code == 1 and out == ""
    assert err.startswith("error: posts/2026/setting-the-pace.md already exists;")
    assert "SLUG=" in err and err.count("\n") == 1
    assert files_under(site) == before
    assert "date: 2026-03-01 22:00" in path.read_text("utf-8")


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_the_same_slug_in_another_year_is_refused(site, suffix):
    other = site / "posts" / "2019" / f"setting-the-pace{suffix}"
    other.parent.mkdir(parents=True)
    other.write_text("old", "utf-8")
    before = files_under(site)
    code, out, err = new(site, "--title", "Setting the pace", clock=at("2026-03-01T08:00:00"))
    assert code == 1 and out == ""
    assert f"posts/2019/setting-the-pace{suffix}" in err and "SLUG=" in err
    assert files_under(site) == before
    code, out, err = new(
        site, "--title", "Setting the pace", "--slug", "pace-2", clock=at("2026-03-01T08:00:00")
    )
    assert (code, out) == (0, "posts/2026/pace-2.md\n"), err


def test_hidden_files_and_other_names_do_not_count_as_the_same_slug(site):
    for name in (".drafts/setting-the-pace.md", "2019/.setting-the-pace.md", "2019/setting.md"):
        (site / "posts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "posts" / name).write_text("x", "utf-8")
    (site / "posts/2019/setting-the-pace.txt").write_text("x", "utf-8")
    code, out, err = new(site, "--title", "Setting the pace", clock=at("2026-03-01T08:00:00"))
    assert (code, out) == (0, "posts/2026/setting-the-pace.md\n"), err


def test_a_file_appearing_meanwhile_is_never_overwritten(site, monkeypatch):
    """The last guard: the link to the final name fails if anything is there."""
    target = site / "posts/2026/race.md"
    target.parent.mkdir(parents=True)
    monkeypatch.setattr(cli, "same_slug", lambda *args: [])
    target.write_text("someone else's", "utf-8")
    code, out, err = new(site, "--title", "Race", clock=at("2026-03-01T08:00:00"))
    assert code == 1 and out == "" and "posts/2026/race.md already exists" in err
    assert files_under(site) == {"conf.py": CONF.encode(), "posts/2026/race.md": b"someone else's"}


def test_no_temporary_file_is_left_when_writing_fails(site, monkeypatch):
    def no_links(source, target):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    code, out, err = new(site, "--title", "Broken", clock=at("2026-03-01T08:00:00"))
    assert code == 1 and out == "" and "cannot write posts/2026/broken.md" in err
    assert files_under(site) == {"conf.py": CONF.encode()}


def test_a_file_where_the_year_folder_goes_is_said_so(site):
    (site / "posts").mkdir()
    (site / "posts/2026").write_text("not a folder", "utf-8")
    code, out, err = new(site, "--title", "x", clock=at("2026-03-01T08:00:00"))
    assert (code, out) == (1, "") and err.startswith("error: cannot make the folder posts/2026")


def test_the_options_win_over_the_environment(site):
    code, out, err = new(
        site,
        "--title",
        "From the option",
        "--tags",
        "a,b",
        clock=at("2026-03-01T08:00:00"),
        TITLE="From the environment",
        TAGS="c",
        CATEGORY="Code",
        SLUG="from-env",
    )
    assert (code, out) == (0, "posts/2026/from-env.md\n"), err
    text = (site / "posts/2026/from-env.md").read_text("utf-8")
    assert 'title: "From the option"' in text and 'tags: ["a", "b"]' in text
    assert 'category: "Code"' in text


@pytest.mark.parametrize(
    ("args", "environ", "code", "message"),
    [
        ((), {}, 2, 'error: no title: make post TITLE="Your title"\n'),
        (("--title", "  \n "), {"TITLE": "ignored"}, 2, "error: no title"),
        ((), {"TITLE": "t" * 201}, 1, "error: the title has 201 characters; the limit is 200\n"),
        ((), {"TITLE": "x", "CATEGORY": "c" * 101}, 1, "error: the category has 101"),
        ((), {"TITLE": "x", "TAGS": "ok, " + "t" * 101}, 1, "error: the tag 'tttt"),
        ((), {"TITLE": "x", "SLUG": "../../etc/passwd"}, 1, "error: SLUG '../../etc/passwd'"),
    ],
)
def test_bad_input_is_one_line_each_and_writes_nothing(site, args, environ, code, message):
    result = new(site, *args, clock=at("2026-03-01T08:00:00"), **environ)
    assert result[:2] == (code, "")
    assert result[2].startswith(message) and result[2].count("\n") == 1
    assert files_under(site) == {"conf.py": CONF.encode()}


def test_no_conf_py(tmp_path):
    code, out, err = new(tmp_path, "--title", "x")
    assert (code, out) == (1, "") and err.startswith("error: no conf.py in ")
    assert list(tmp_path.iterdir()) == []


def test_a_broken_conf_py_is_one_line(site):
    (site / "conf.py").write_text("blog_owner = 'x'\nraise RuntimeError('boom')\n", "utf-8")
    code, out, err = new(site, "--title", "x")
    assert (code, out) == (1, "")
    assert err.startswith("error: cannot read ") and err.endswith("RuntimeError: boom\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("namespace", "author", "zone", "folder"),
    [
        ({}, "", ZoneInfo("UTC"), "posts"),
        ({"blog_owner": "Rosa", "author": "Other"}, "Rosa", ZoneInfo("UTC"), "posts"),
        ({"blog_owner": " ", "author": "Other"}, "Other", ZoneInfo("UTC"), "posts"),
        ({"blog_owner": 3, "author": ["x"]}, "", ZoneInfo("UTC"), "posts"),
        ({"blog_timezone": "Europe/Lisbon"}, "", ZoneInfo("Europe/Lisbon"), "posts"),
        ({"blog_posts_folder": "content/posts/"}, "", ZoneInfo("UTC"), "content/posts"),
    ],
)
def test_site_settings(namespace, author, zone, folder):
    site = site_settings(namespace)
    assert (site.author, site.zone, site.posts_folder, site.notes) == (author, zone, folder, ())


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../../etc/passwd", 14])
def test_a_timezone_that_is_not_one_is_utc_with_a_note(site, zone):
    (site / "conf.py").write_text(f"blog_timezone = {zone!r}\n", "utf-8")
    code, out, err = new(site, "--title", "x", clock=at("2026-03-01T23:30:00"))
    assert (code, out) == (0, "posts/2026/x.md\n")
    assert err.startswith(f"note: blog_timezone {zone!r} in conf.py is not an IANA timezone")
    assert "\ndate: 2026-03-01 23:30\n" in (site / "posts/2026/x.md").read_text("utf-8")


@pytest.mark.parametrize("folder", ["/tmp/posts", "../posts", "", ".", 3])
def test_a_posts_folder_outside_the_site_is_refused(site, folder):
    (site / "conf.py").write_text(f"blog_posts_folder = {folder!r}\n", "utf-8")
    code, out, err = new(site, "--title", "x")
    assert (code, out) == (1, "") and "blog_posts_folder" in err
    assert files_under(site) == {"conf.py": f"blog_posts_folder = {folder!r}\n".encode()}


def test_the_posts_folder_and_the_suffixes_come_from_conf_py(site):
    (site / "conf.py").write_text(
        CONF + 'blog_posts_folder = "blog/entries"\nsource_suffix = {".txt": "markdown"}\n',
        "utf-8",
    )
    (site / "blog/entries/2020").mkdir(parents=True)
    (site / "blog/entries/2020/taken.txt").write_text("x", "utf-8")
    code, out, err = new(site, "--title", "Taken", clock=at("2026-03-01T08:00:00"))
    assert code == 1 and "blog/entries/2020/taken.txt" in err
    code, out, err = new(site, "--title", "Free", clock=at("2026-03-01T08:00:00"))
    assert (code, out) == (0, "blog/entries/2026/free.md\n"), err


def test_the_blogs_own_conf_py_can_be_read():
    """The repository's conf.py, whatever its settings, as ``make post`` reads it."""
    site = cli.read_site(REPO)
    assert site.posts_folder and ".md" in site.suffixes


def test_the_clock_is_read_once_in_the_blogs_zone(site):
    asked = []

    def clock(zone):
        asked.append(zone)
        return datetime(2026, 3, 1, 12, tzinfo=UTC).astimezone(zone) + timedelta(seconds=59)

    code, out, _ = new(site, "--title", "x", clock=clock)
    assert code == 0 and asked == [ZoneInfo(ZONE)]
    assert "\ndate: 2026-03-02 02:00\n" in (site / out.strip()).read_text("utf-8")
