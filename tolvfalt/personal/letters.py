"""Character classes for Latin-script words (Swedish, and the names of every origin written in Latin letters)."""

from __future__ import annotations

_LATIN = [chr(c) for c in range(0x41, 0x250)]
UPPER = "".join(c for c in _LATIN if c.isupper() and c.isalpha())
LOWER = "".join(c for c in _LATIN if c.islower() and c.isalpha())


def char_class(chars: str) -> str:
    """A regular-expression class of exactly these characters."""
    return "[" + "".join("\\" + c if c in "\\]^-[" else c for c in chars) + "]"


U, L = char_class(UPPER), char_class(LOWER)


def word_set(words: str) -> frozenset[str]:
    """The words of a text split at white space: word lists written as prose."""
    return frozenset(words.split())
