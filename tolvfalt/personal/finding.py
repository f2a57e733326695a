"""What the personal-data check finds: the kinds, and one finding in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Kind = Literal["personnummer", "samordningsnummer", "phone", "email", "name", "address"]
KINDS: tuple[Kind, ...] = get_args(Kind)
BLOCKING: frozenset[Kind] = frozenset({"personnummer", "samordningsnummer", "phone", "email", "name"})
"""The kinds that keep a document for people to read from being written; an address is reported, not blocking."""


@dataclass(frozen=True)
class Finding:
    """Personal data in a text: ``text[start:end]`` is the match, ``masked`` a form of it safe to show."""

    kind: Kind
    start: int
    end: int
    masked: str
