"""Pure: WCAG 2 contrast between two colours (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).

Colours are CSS hex colours (``#rgb`` or ``#rrggbb``), as Pygments styles and our stylesheet
write them. Normal text needs 4.5:1 (WCAG AA), large text and interface parts 3:1.
"""

from __future__ import annotations

#: WCAG AA's minimum for normal text.
AA_TEXT = 4.5


def parse_hex(colour: str) -> tuple[int, int, int]:
    """``#abc``, ``#aabbcc`` (with or without ``#``) as (red, green, blue), 0-255."""
    digits = colour.strip().removeprefix("#")
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    if len(digits) != 6 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise ValueError(f"not a hex colour: {colour!r}")
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def _channel(value: int) -> float:
    """One sRGB channel, linearised."""
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.04045 else ((scaled + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white."""
    red, green, blue = (_channel(value) for value in parse_hex(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
