"""Which insatser each field of an assessment mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .framework import Framework
from .model import Assessment
from .text import plain

_WORD = re.compile(r"\w+")


@dataclass
class _Words:
    """A text in lower case with its words indexed, so that each insats is looked up rather than searched for."""

    text: str
    sorted_words: list[str] = field(default_factory=list)
    starts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> _Words:
        lowered = text.lower()
        words = cls(lowered)
        for m in _WORD.finditer(lowered):
            words.starts.setdefault(m.group(), []).append(m.start())
        words.sorted_words = sorted(words.starts)
        return words

    def mentions(self, name: str) -> bool:
        """Whether ``name`` stands in the text at the start of a word (so that "Resam" finds "Resams")."""
        key = name.lower()
        first = _WORD.match(key)
        if first is None:  # starts with a sign: look for it after a non-word character
            return any(p == 0 or not _WORD.match(self.text[p - 1]) for p in _find_all(self.text, key))
        word, rest = first.group(), key[first.end() :]
        if not rest:
            i = bisect.bisect_left(self.sorted_words, word)
            return i < len(self.sorted_words) and self.sorted_words[i].startswith(word)
        return any(self.text.startswith(key, p) for p in self.starts.get(word, ()))


def _find_all(text: str, key: str) -> list[int]:
    found, p = [], text.find(key)
    while p != -1:
        found.append(p)
        p = text.find(key, p + 1)
    return found


def insats_mentions(assessment: Assessment, framework: Framework) -> dict[str, list[int]]:
    """For each insats, the fields whose answers, analys or points name it (case-insensitive, inflected forms too),
    the förbundschef's and every party's."""
    texts: dict[int, _Words] = {}
    parts = [assessment, *assessment.svarande.values()]
    for grid_field in framework.fields:
        found = [p.falt[grid_field.number] for p in parts if grid_field.number in p.falt]
        words = [
            *(t for answers in found for t in answers.svar.values() if t),
            *(a.analys for a in found if a.analys),
            *(p for answers in found for ps in answers.points().values() for p in ps),
        ]
        if words:
            texts[grid_field.number] = _Words.of(plain(" ".join(words)))
    return {insats: [n for n, words in texts.items() if words.mentions(insats)] for insats in assessment.insatser}
