"""Screenshots to look at: the home page and the newest post, light and dark, phone and desktop.

Written to _build/screenshots/<page>-<width>-<scheme>.png (full page), e.g. post-390-dark.png.
The post is the first one the home page links to, whatever the posts are.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from .chromium import VIEWPORTS
from .site_server import newest_post

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "_build" / "screenshots"
#: A blank 390x844 page is about 3 kB as a PNG; a rendered page is tens of kB or more.
NON_TRIVIAL_BYTES = 15_000


def png_size(file: Path) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    head = file.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{file} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_screenshots_of_the_home_page_and_the_newest_post(
    new_page, site_url, real_site, viewport, scheme
):
    page = new_page(viewport, scheme)
    size = VIEWPORTS[viewport]["viewport"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in [("home", "index.html"), ("post", newest_post(real_site))]:
        file = SCREENSHOTS / f"{name}-{size['width']}-{scheme}.png"
        file.unlink(missing_ok=True)
        response = page.goto(site_url + path)
        assert response is not None and response.status == 200, path
        page.screenshot(path=file, full_page=True)
        assert file.is_file(), f"{file} was not written"
        assert file.stat().st_size > NON_TRIVIAL_BYTES, f"{file} is nearly empty"
        width, height = png_size(file)
        assert width == size["width"] and height >= size["height"], (file, width, height)
