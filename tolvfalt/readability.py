"""LIX (läsbarhetsindex, Björnsson): words per sentence plus the share of long words (more than six letters) in per
cent; per text, over many texts, per answer and for a whole assessment, with the longest sentence. Advice for plain
language, never a rule. One pass over each text: linear in its length."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .prose import texts

if TYPE_CHECKING:
    from .model import Assessment

MIN_WORDS = 30
"""Fewer words than this make no LIX to flag an answer by."""
LIMIT = 60.0
"""Above this a text is very hard to read (Björnsson's scale: 60 and more, specialist literature)."""
LONG = 6
_TOKEN = re.compile(r"([^\W\d_]+)|[.!?:]+(?=\s|$)|\n\s*\n")


@dataclass(frozen=True)
class Lix:
    words: int = 0
    sentences: int = 0
    long_words: int = 0
    longest: str = ""
    """The sentence with the most words."""
    longest_words: int = 0

    @property
    def value(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    def __add__(self, other: Lix) -> Lix:
        longer = other if other.longest_words > self.longest_words else self
        return Lix(
            self.words + other.words,
            self.sentences + other.sentences,
            self.long_words + other.long_words,
            longer.longest,
            longer.longest_words,
        )

    def as_data(self) -> dict[str, object]:
        """For ``check --json``: the value to one decimal, the counts and the longest sentence."""
        return {
            "lix": round(self.value, 1),
            "words": self.words,
            "sentences": self.sentences,
            "long_words": self.long_words,
            "longest_sentence": self.longest,
        }


def lix(text: str) -> Lix:
    """LIX of one text: a sentence ends at . ! ? or : before a space, at a blank line and at the end."""
    words = sentences = long_words = 0
    in_sentence = 0
    sentence_start = 0
    best = (0, 0, 0)  # words, start, end
    for m in _TOKEN.finditer(text):
        word = m.group(1)
        if word is not None:
            if not in_sentence:
                sentence_start = m.start()
            in_sentence += 1
            words += 1
            long_words += len(word) > LONG
            continue
        if in_sentence:
            sentences += 1
            if in_sentence > best[0]:
                best = (in_sentence, sentence_start, m.end() if m.group().strip() else m.start())
            in_sentence = 0
    if in_sentence:
        sentences += 1
        if in_sentence > best[0]:
            best = (in_sentence, sentence_start, len(text))
    longest = " ".join(text[best[1] : best[2]].split())
    return Lix(words, sentences, long_words, longest, best[0])


def lix_of(many: Iterable[str]) -> Lix:
    """LIX over many texts together (their words and sentences added up, not their values averaged)."""
    total = Lix()
    for text in many:
        total += lix(text)
    return total


def answer_lix(assessment: Assessment) -> dict[str, Lix]:
    """LIX per question id (``1a``), over the assessment's own answer and every party's, in field order."""
    answers: dict[tuple[int, str], list[str]] = {}
    for falt in (assessment.falt, *(part.falt for part in assessment.svarande.values())):
        for number, field_answers in falt.items():
            for letter, text in field_answers.svar.items():
                if text:
                    answers.setdefault((number, letter), []).append(text)
    return {f"{n}{letter}": lix_of(answers[n, letter]) for n, letter in sorted(answers)}


def document_lix(assessment: Assessment) -> Lix:
    """LIX of every text the document shows: answers, analys, points, inledning, avslutning and the rest."""
    return lix_of(text for _, text in texts(assessment.to_data()))


@dataclass(frozen=True)
class Readability:
    document: Lix
    answers: dict[str, Lix] = field(default_factory=dict)
    limit: float = LIMIT

    @property
    def hard(self) -> dict[str, Lix]:
        """The answers above the limit, each with its longest sentence to start with; an answer of a few words
        has no LIX worth telling (three long words are no hard text)."""
        return {
            qid: value for qid, value in self.answers.items() if value.value > self.limit and value.words >= MIN_WORDS
        }


def readability(assessment: Assessment, limit: float = LIMIT) -> Readability:
    return Readability(document_lix(assessment), answer_lix(assessment), limit)
