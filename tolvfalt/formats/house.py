"""The house style every document shares, one source for the CSS, the docx and the workbooks: colours (as
``#rrggbb``) and the font stack. The rating colours are the framework's own (its scale)."""

from __future__ import annotations

INK = "#1a1a1a"
MUTED = "#4a4a4a"
ACCENT = "#1f3f6e"
"""Title and first-level headings."""
RULE = "#6b7280"
HEAD = "#e8edf5"
"""Header cells of every table."""
PAPER = "#ffffff"
ALERT = "#8a1c1c"
"""UTKAST, gaps and flags: dark red, 8.6:1 on paper."""
FOOTER = "#444444"
GRID_LINE = "#d0d4da"
INPUT = "#fff9e5"
"""A workbook cell to fill in."""
LOCKED = "#eeeeee"
"""A workbook cell that is not to be changed."""
PREVIOUS = "#f3f3f3"
"""Last year's answers beside this year's."""
BORDER = "#bbbbbb"
FONT = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif'

CSS = {
    "ink": INK, "muted": MUTED, "accent": ACCENT, "rule": RULE, "head": HEAD, "paper": PAPER, "alert": ALERT,
    "footer": FOOTER, "grid_line": GRID_LINE, "font": FONT,
}  # fmt: skip
"""What the style sheets use, by the name they use it under."""


def ooxml(colour: str) -> str:
    """``#1a1a1a`` as Word and Excel write it: ``1A1A1A``."""
    return colour.lstrip("#").upper()
