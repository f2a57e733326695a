"""What every reader makes of a document: a flat list of blocks (headings, paragraphs, table rows) in reading order,
each with its place in the source, so that the structure is recognised once for every format."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..i18n import Lang, label

PlaceKind = Literal["line", "paragraph", "page", "row"]


@dataclass(frozen=True)
class Place:
    """Where a block stands: a line of a text file, a paragraph of a Word file, a page of a PDF, or a table row."""

    kind: PlaceKind
    n: int
    row: int = 0

    def text(self, lang: Lang) -> str:
        return label(f"import_place_{self.kind}", lang, n=self.n, row=self.row)


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or table row. ``text`` carries the light markup of the model (``*kursiv*``,
    ``**fet**``); a row has its cells instead, each a text of paragraphs split by a blank line."""

    kind: Literal["heading", "paragraph", "row"]
    place: Place
    text: str = ""
    level: int | None = None
    """A heading's level (1 the highest); the title is 0."""
    bold: bool = False
    """The whole paragraph is bold: a heading by its look."""
    bullet: bool = False
    cells: tuple[str, ...] = ()
    table: int = 0
    """The table a row belongs to, counted from 1."""
    after_break: bool = False
    """A page break, or the end of a table, stands before the block: a sentence may run on across it."""

    @property
    def headlike(self) -> bool:
        return self.kind == "heading" or self.bold


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□➢►]|[-–—*](?=\s))\s*")
"""A bullet typed (or drawn) before the text of a list item."""
_SPACES = re.compile(r"[ \t]+")
_BLANK = re.compile(r"\n\s*\n")


def clean(text: str) -> str:
    """Text as the model keeps it: no control characters, no runs of spaces, no line breaks within a paragraph."""
    text = _CONTROL.sub(" ", text.replace("\r", "\n"))
    return _SPACES.sub(" ", text.replace("\n", " ")).strip(" ")


def cell_text(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(p for p in (clean(p) for p in paragraphs) if p)


def split_paragraphs(text: str) -> list[str]:
    return [p for p in (clean(p) for p in _BLANK.split(text)) if p]


Run = tuple[str, bool, bool]
"""A piece of text and whether it is bold and italic."""


def markup(runs: Iterable[Run]) -> tuple[str, bool]:
    """Runs of text as one paragraph in light markup, and whether the whole paragraph is bold (then it is returned
    without stars: a bold paragraph is a heading by its look)."""
    merged: list[list[object]] = []
    for text, bold, italic in runs:
        if not text:
            continue
        if merged and merged[-1][1] == bold and merged[-1][2] == italic:
            merged[-1][0] = str(merged[-1][0]) + text
        else:
            merged.append([text, bold, italic])
    pieces = [(str(t), bool(b), bool(i)) for t, b, i in merged]
    visible = [p for p in pieces if p[0].strip()]
    if visible and all(b for _, b, _ in visible):
        return clean("".join(t for t, _, _ in pieces)), True
    out = []
    for text, bold, italic in pieces:
        mark = "**" if bold else "*" if italic else ""
        core = text.strip()
        if not mark or not core:
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{tail}")
    return clean("".join(out)), False


def plain(text: str) -> str:
    """Text without the light markup, read as the model reads it: for recognising what a block is."""
    from ..text import plain as unmarked

    return clean(" ".join(unmarked(p) for p in split_paragraphs(text)))


MAX_STYLE_CHAIN = 20
"""How many styles a style's inheritance is followed through: a longer chain (or a loop) is cut there."""


def style_chain(key: str | None, styles: Mapping[str, Any], parent: Callable[[Any], str | None]) -> list[Any]:
    """A style and those it inherits from, nearest first (Word's ``basedOn``, ODF's ``parent-style-name``): a
    missing style ends the chain, a loop or a chain longer than ``MAX_STYLE_CHAIN`` is cut."""
    chain: list[Any] = []
    while key and key in styles and len(chain) < MAX_STYLE_CHAIN:
        style = styles[key]
        if any(s is style for s in chain):
            break
        chain.append(style)
        key = parent(style)
    return chain
