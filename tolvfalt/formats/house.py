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
# The web app's controls and notices (tolvfalt serve), each text colour at least 4.5:1 on its background.
ACCENT_DARK = "#16304f"
CONTROL_BORDER = "#595959"
OK = "#1d5b2a"
OK_BACKGROUND = "#e9f5ec"
ALERT_BACKGROUND = "#fbeaea"
WARN = "#7a4b00"
WARN_BACKGROUND = "#fdf3e1"
FONT = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif'

CSS = {
    "ink": INK, "muted": MUTED, "accent": ACCENT, "rule": RULE, "head": HEAD, "paper": PAPER, "alert": ALERT,
    "footer": FOOTER, "grid_line": GRID_LINE, "accent_dark": ACCENT_DARK, "control_border": CONTROL_BORDER, "ok": OK,
    "ok_background": OK_BACKGROUND, "alert_background": ALERT_BACKGROUND, "warn": WARN,
    "warn_background": WARN_BACKGROUND, "font": FONT,
}  # fmt: skip
"""What the style sheets use, by the name they use it under."""


def ooxml(colour: str) -> str:
    """``#1a1a1a`` as Word and Excel write it: ``1A1A1A``."""
    return colour.lstrip("#").upper()
