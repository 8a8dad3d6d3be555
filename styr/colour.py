"""Colours as a site shows them: `#RRGGBB`, and their contrast by WCAG 2.1.

The contrast ratio is WCAG's (1.4.3): (L1 + 0.05) / (L2 + 0.05) with the
relative luminance L of each colour, the lighter one first. Text needs at
least 4.5:1 against what it stands on (`MINIMUM_CONTRAST`).
"""

from __future__ import annotations

import re

Rgb = tuple[int, int, int]

MINIMUM_CONTRAST = 4.5
WHITE: Rgb = (255, 255, 255)
BLACK: Rgb = (0, 0, 0)

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_LOOSE = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse_colour(text: object) -> Rgb | None:
    """The colour `#RRGGBB` names (either case); None for anything else."""
    if not isinstance(text, str) or _HEX.fullmatch(text) is None:
        return None
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def suggested_form(text: str) -> str | None:
    """The `#RRGGBB` a planner probably meant (`767676` → `#767676`, `#abc` → `#aabbcc`)."""
    found = _LOOSE.fullmatch(text.strip())
    if found is None:
        return None
    digits = found.group(1).lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def hex_of(colour: Rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def relative_luminance(colour: Rgb) -> float:
    """WCAG 2.1's relative luminance, 0 for black to 1 for white."""
    red, green, blue = (_linear(channel / 255) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _linear(value: float) -> float:
    # WCAG 2.1 writes 0.03928 (sRGB's own figure is 0.04045); for 8-bit values
    # no channel lies between the two, so either gives the same result.
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: Rgb) -> Rgb:
    """Black or white, whichever contrasts more with the background (black on a tie)."""
    if contrast_ratio(background, WHITE) > contrast_ratio(background, BLACK):
        return WHITE
    return BLACK


def darker_passing(colour: Rgb, minimum: float = MINIMUM_CONTRAST) -> Rgb:
    """The lightest shade of `colour` (the same hue, towards black) with `minimum` against white.

    Each channel is scaled by one factor, found by halving the interval: the
    largest factor (in 1/1024 steps) whose shade, rounded to whole values, passes.
    """
    if contrast_ratio(colour, WHITE) >= minimum:
        return colour
    low, high = 0, 1024  # factor / 1024: black (0) always passes against white
    while high - low > 1:
        middle = (low + high) // 2
        if contrast_ratio(_scaled(colour, middle), WHITE) >= minimum:
            low = middle
        else:
            high = middle
    return _scaled(colour, low)


def _scaled(colour: Rgb, factor: int) -> Rgb:
    red, green, blue = (channel * factor // 1024 for channel in colour)
    return (red, green, blue)


def ratio_text(ratio: float, language: str) -> str:
    """A ratio as people write it (4,54:1 in Swedish), rounded down: 4.499 never shows as 4.50."""
    shown = f"{int(ratio * 100) / 100:.2f}"
    return f"{shown.replace('.', ',') if language == 'sv' else shown}:1"
