"""Answer text: paragraphs split by a blank line, ``*kursiv*`` and ``**fet**``, nothing else."""

from __future__ import annotations

import re
from typing import NamedTuple

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"[ \t\n]+")
_MARKUP = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


def control_char(text: str) -> str | None:
    """The first character no document format can hold (C0/C1 controls, surrogates), as ``U+XXXX``."""
    m = _CONTROL.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    paras = (_SPACE.sub(" ", p).strip(" ") for p in _BLANK_LINE.split(text))
    return [p for p in paras if p.strip()]


def normalize(text: str) -> str:
    """Canonical form: paragraphs with single spaces, joined by one blank line."""
    return "\n\n".join(paragraphs(text))


def one_line(text: str) -> str:
    return " ".join(paragraphs(text))


class Span(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False


def spans(paragraph: str) -> list[Span]:
    """A paragraph split into plain, bold and italic runs."""
    result: list[Span] = []
    pos = 0
    for m in _MARKUP.finditer(paragraph):
        if m.start() > pos:
            result.append(Span(paragraph[pos : m.start()]))
        result.append(Span(m.group(1), bold=True) if m.group(1) is not None else Span(m.group(2), italic=True))
        pos = m.end()
    if pos < len(paragraph):
        result.append(Span(paragraph[pos:]))
    return result


def plain(paragraph: str) -> str:
    return "".join(s.text for s in spans(paragraph))


def word_count(text: str) -> int:
    return len(plain(text).split())
