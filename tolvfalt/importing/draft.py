"""What the recognition found, before it is an assessment: the text placed per key, and a note for every
placement that is not sure and every piece of text that could not be placed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .blocks import Place, split_paragraphs

_TERMINAL = re.compile(r"[.!?:;…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Note:
    """An uncertain placement (or text left for review): a message code, where in the document, and the key of
    the assessment file it concerns."""

    code: str
    place: Place | None
    key: str | None = None
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Draft:
    meta: dict[str, Any] = field(default_factory=dict)
    inledning: list[str] = field(default_factory=list)
    avslutning: list[str] = field(default_factory=list)
    insatser: list[str] = field(default_factory=list)
    answers: dict[str, list[str]] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=dict)
    points: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    analys: dict[int, list[str]] = field(default_factory=dict)
    follow_ups: dict[int, list[dict[str, str]]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    unplaced: list[tuple[Place, str]] = field(default_factory=list)
    fields: set[int] = field(default_factory=set)
    """The fields the document has (by heading or by a question)."""

    def note(self, code: str, place: Place | None, key: str | None = None, **params: object) -> None:
        self.notes.append(Note(code, place, key, params))


def add_text(paragraphs: list[str], text: str, runs_on: bool) -> None:
    """Add ``text`` (paragraphs split by a blank line) to ``paragraphs``. ``runs_on``: it follows a page break or a
    table split, so that a sentence left open before it continues in its first paragraph."""
    new = split_paragraphs(text)
    if not new:
        return
    if runs_on and paragraphs and continues(paragraphs[-1], new[0]):
        paragraphs[-1] = f"{paragraphs[-1]} {new[0]}"
        new = new[1:]
    paragraphs.extend(new)


def continues(before: str, after: str) -> bool:
    """The sentence ``before`` ends in is left open and ``after`` goes on with it."""
    if _TERMINAL.search(before.rstrip("*")):
        return False
    first = after.lstrip("*_\"'(")[:1]
    return bool(first) and (first.islower() or first in ",;)–-")
