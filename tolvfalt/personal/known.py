"""The words a file says are never personal data: its own people and bodies, and the names it has accepted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Known:
    full: frozenset[str]
    """Whole texts, casefolded with single spaces: ``jonas wells``, ``norra västmanlands samordningsförbund``."""
    tokens: frozenset[str]
    """Their words, casefolded: a first name alone (``jonas``) that one of them holds."""

    @classmethod
    def of(cls, texts: Iterable[str]) -> Known:
        full = {normal(t) for t in texts if t and t.strip()}
        tokens = {w.casefold() for t in full for w in _WORD.findall(t)}
        return cls(frozenset(full), frozenset(tokens))

    def holds(self, match: str) -> bool:
        text = normal(match)
        return text in self.full or (text.endswith("s") and text[:-1] in self.full)


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()
