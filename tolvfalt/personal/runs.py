"""The runs of digits in a text, found once and shared by every kind that is written in digits."""

from __future__ import annotations

DIGITS = "0123456789"


def digit_runs(text: str) -> list[tuple[int, int]]:
    """Where each run of ASCII digits starts and ends, in text order. Found digit by digit with ``str.find``,
    which skips the letters between far faster than a regular expression does."""
    places: list[int] = []
    for digit in DIGITS:
        at = text.find(digit)
        while at >= 0:
            places.append(at)
            at = text.find(digit, at + 1)
    places.sort()
    runs: list[tuple[int, int]] = []
    for at in places:
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def word_before(text: str, start: int) -> bool:
    """Whether a letter, a digit or an underscore stands right before ``start`` (so no number begins there)."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
