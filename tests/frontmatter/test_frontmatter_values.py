"""Table-driven tests of the pure front-matter rules (no Sphinx)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from extensions.frontmatter.values import as_bool, as_datetime, as_names, as_text, decode

UTC = UTC
PLUS1 = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5)),
        ("2024-03-05 09:30", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05 09:30:15", datetime(2024, 3, 5, 9, 30, 15)),
        ("2024-03-05T09:30", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05T09:30:00+01:00", datetime(2024, 3, 5, 9, 30, tzinfo=PLUS1)),
        ("2024-03-05T08:30:00Z", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("2024-03-05 09:30:00+01:00", datetime(2024, 3, 5, 9, 30, tzinfo=PLUS1)),  # MyST's str()
        (date(2024, 3, 5), datetime(2024, 3, 5)),  # YAML's own date
        (datetime(2024, 3, 5, 9, 30, tzinfo=UTC), datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        (None, None),
        ("", None),
        # what stock ABlog reads (dateutil), when the text names the year, month and day
        ("June 6, 2025", datetime(2025, 6, 6)),
        ("Jan 8th, 2024", datetime(2024, 1, 8)),
        ("05/03/2024", datetime(2024, 5, 3)),  # month first, as ABlog reads it
        ("June 6, 2025 9:30", datetime(2025, 6, 6, 9, 30)),
        ("Sat, 07 Jun 2025 10:00:00 +0100", datetime(2025, 6, 7, 10, tzinfo=PLUS1)),
    ],
)
def test_dates_as_people_write_them(raw, expected):
    value, problems = as_datetime(raw)
    assert (value, problems) == (expected, [])


@pytest.mark.parametrize(
    "raw",
    # dateutil would fill a missing year or day from the clock: never a date here
    ["yesterday", "2024-13-01", "2024-02-30", "next tuesday", "tuesday", "June 2025", "2025"],
)
def test_unreadable_dates_are_problems(raw):
    value, problems = as_datetime(raw)
    assert value is None
    assert [p.code for p in problems] == ["date"]
    assert raw in problems[0].message


def test_a_post_date_format_is_tried_first_as_ablog_does():
    assert as_datetime("06.06.2025", formats=("%d.%m.%Y",)) == (datetime(2025, 6, 6), [])


@pytest.mark.parametrize(
    "raw",
    ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"],
)
def test_a_date_that_cannot_be_placed_in_utc_and_the_blog_zone_is_a_problem(raw):
    from zoneinfo import ZoneInfo

    value, problems = as_datetime(raw, zone=ZoneInfo("Europe/Lisbon"))
    assert value is None
    assert [p.code for p in problems] == ["date"] and "out of range" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("elixir", ("elixir",)),
        ("elixir, otp ,testing", ("elixir", "otp", "testing")),
        (["elixir", " otp "], ("elixir", "otp")),
        ('["Ana Lima", "Sam Okafor"]', ("Ana Lima", "Sam Okafor")),  # MyST's JSON for a list
        ("elixir, elixir", ("elixir",)),
        ("", ()),
        (None, ()),
    ],
)
def test_names_from_string_comma_list_or_yaml_list(raw, expected):
    assert as_names(raw, "tags") == (expected, [])


def test_a_number_in_tags_is_kept_as_text_with_a_problem():
    names, problems = as_names(["python", 3], "tags")
    assert names == ("python", "3")
    assert [p.code for p in problems] == ["tags"]


def test_a_map_in_tags_is_dropped_with_a_problem():
    names, problems = as_names(["python", {"a": 1}], "tags")
    assert names == ("python",)
    assert "not a name" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (True, True),
        ("true", True),
        ("True", True),
        ("yes", True),
        (False, False),
        ("false", False),
        (None, False),
    ],
)
def test_draft_flags(raw, expected):
    assert as_bool(raw, "draft") == (expected, [])


def test_a_strange_draft_flag_is_a_problem():
    value, problems = as_bool("maybe", "draft")
    assert value is False and problems[0].code == "draft"


def test_decode_leaves_plain_text_alone():
    assert decode("[WIP] not json") == "[WIP] not json"
    assert decode('["a"]') == ["a"]
    assert decode("42") == 42


def test_text_is_one_line():
    assert as_text("  A   title\n spread  ", "title") == ("A title spread", [])
