"""Answer text: paragraphs split by a blank line, ``*kursiv*`` and ``**fet**``, nothing else."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""What a terminal would act on rather than show: every C0 control but tab and line feed, DEL, C1, surrogates."""
_STAR = re.compile(r"\*")
_NEWLINE = re.compile(r"\n")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"[ \t\n]+")


LINE_BREAK, PARAGRAPH_BREAK = "\ue0a0", "\ue0a1"  # private-use stand-ins while a file is parsed
PASTED_BREAKS = str.maketrans(
    {"\v": LINE_BREAK, "\u2028": LINE_BREAK, "\f": PARAGRAPH_BREAK, "\u2029": PARAGRAPH_BREAK}
)
_ODD_BREAK = re.compile("[\v\f\u2028\u2029\ue0a0\ue0a1]")
_BREAKS = str.maketrans(
    {"\v": "\n", "\u2028": "\n", LINE_BREAK: "\n", "\f": "\n\n", "\u2029": "\n\n", PARAGRAPH_BREAK: "\n\n"}
)


def pasted_breaks(text: str) -> str:
    """Word's breaks as the placeholders a YAML parser leaves alone."""
    return text.translate(PASTED_BREAKS) if _ODD_BREAK.search(text) else text


def control_char(text: str) -> str | None:
    """The first character no document format can hold (C0/C1 controls, surrogates), as ``U+XXXX``."""
    m = _CONTROL.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def visible(text: str) -> str:
    """``text`` with every character a terminal would act on shown as its escape (``\\x1b``)."""
    if not TERMINAL_CONTROL.search(text):
        return text
    return TERMINAL_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_BREAK.search(text):  # translate() with such a table is slow: only when there is something to do
        text = text.translate(_BREAKS)
    paras = (_SPACE.sub(" ", p).strip(" ") for p in _BLANK_LINE.split(text))
    return [p for p in paras if p.strip()]


def normalize(text: str) -> str:
    """Canonical form: paragraphs with single spaces, joined by one blank line."""
    return "\n\n".join(paragraphs(text))


_NOT_ONE_LINE = re.compile("[\n\r\t\v\f\u2028\u2029\ue0a0\ue0a1]|  ")


def one_line(text: str) -> str:
    """One line with single spaces and no white space at either end, a no-break space too (a workbook's reader
    strips it from a cell, so a name keeps its form through a workbook)."""
    if text.strip() == text and not _NOT_ONE_LINE.search(text):  # one line with single spaces, as nearly all are
        return text
    return " ".join(paragraphs(text)).strip()


class Span(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False


def spans(paragraph: str) -> list[Span]:
    """A paragraph split into plain, bold (``**fet**``) and italic (``*kursiv*``) runs.

    Each delimiter closes at the first place it can, as a lazy regular expression would, but found by looking up
    the closing places collected in one pass: linear in the text, whatever the stars.
    """
    n = len(paragraph)
    if "*" not in paragraph:
        return [Span(paragraph)] if paragraph else []
    bold_ends, italic_ends = [], []
    newlines = [m.start() for m in _NEWLINE.finditer(paragraph)]
    for m in _STAR.finditer(paragraph):
        j = m.start()
        if j and not paragraph[j - 1].isspace():
            if paragraph.startswith("*", j + 1):
                bold_ends.append(j)
            if paragraph[j - 1] != "*" and (j + 1 == n or not _word_or_star(paragraph[j + 1])):
                italic_ends.append(j)
    result: list[Span] = []
    pos = i = 0
    while True:
        i = paragraph.find("*", i)
        if i == -1:
            break
        line_end = _first_at_least(newlines, i, n)
        end = None
        if paragraph.startswith("**", i) and i + 2 < n and not paragraph[i + 2].isspace():
            j = _first_at_least(bold_ends, i + 3, n)
            if j < line_end:
                end, span = j + 2, Span(paragraph[i + 2 : j], bold=True)
        opens_italic = i + 1 < n and not paragraph[i + 1].isspace() and paragraph[i + 1] != "*"
        if end is None and opens_italic and (i == 0 or not _word_or_star(paragraph[i - 1])):
            j = _first_at_least(italic_ends, i + 2, n)
            if j < line_end:
                end, span = j + 1, Span(paragraph[i + 1 : j], italic=True)
        if end is None:
            i += 1
            continue
        if i > pos:
            result.append(Span(paragraph[pos:i]))
        result.append(span)
        pos = i = end
    if pos < n:
        result.append(Span(paragraph[pos:]))
    return result


def _word_or_star(char: str) -> bool:
    return char == "*" or char == "_" or char.isalnum()


def _first_at_least(sorted_positions: list[int], start: int, default: int) -> int:
    k = bisect.bisect_left(sorted_positions, start)
    return sorted_positions[k] if k < len(sorted_positions) else default


def plain(paragraph: str) -> str:
    return "".join(s.text for s in spans(paragraph))


def word_count(text: str) -> int:
    return len(plain(text).split())
