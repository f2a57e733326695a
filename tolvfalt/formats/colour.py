"""Colours that can be read: WCAG 2.1 relative luminance and contrast, and the text colour for a background."""

from __future__ import annotations

BLACK, WHITE = "#000000", "#ffffff"
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb``, 0 (black) to 1 (white)."""
    r, g, b = (_channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    return BLACK if contrast(background, BLACK) >= contrast(background, WHITE) else WHITE
