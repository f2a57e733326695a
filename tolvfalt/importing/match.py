"""Forgiving matching of a document's headings against the framework: question texts with other spelling or
punctuation, a question number before the text, two questions run together, field headings with or without their
number, and the headings tolvfalt's own documents carry (their labels, in both languages)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from ..framework import Framework
from ..i18n import LANGS, label
from ..model import FieldAnswers

SURE = 0.95
"""A match at least this close is placed without a remark."""
IN_FIELD = 0.8
"""How close a heading must come to a question of the field it stands in."""
ELSEWHERE = 0.9
"""How close it must come to a question of another field (or, in running text, to any question)."""
FIELD_TITLE = 0.88

_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011\u2012\u2013](?=\w)")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
_ID = re.compile(r"^\s*(?:fråga|question|q)?\s*(\d{1,2})\s*([a-zA-Z])(?:\s*[.):\-–]\s*|\s+|$)", re.I)
_FIELD = re.compile(r"^\s*(?:fält|falt|field)\s*(\d{1,2})\b\s*[:.\-–—)]?\s*(.*)$", re.I | re.S)
_TOC = re.compile(r"(?:\s*\.{2,}\s*|\s+)\d{1,3}$")


def norm(text: str) -> str:
    """Lower case, no accents, no punctuation, hyphenated words joined, single spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _HYPHEN.sub("", folded)
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", folded)).strip()


def similarity(a: str, b: str) -> float:
    """How alike two normalised texts are, 0 to 1."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    words_a, words_b = set(a.split()), set(b.split())
    if len(words_a & words_b) < 0.3 * len(words_a | words_b):
        return 0.0  # too few words in common for the texts to be one, whatever the typing
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
        return 0.0
    return matcher.ratio()


@dataclass(frozen=True)
class QuestionMatch:
    ids: tuple[str, ...]
    """One question, or several run together in one heading."""
    score: float
    rest: str
    """What follows the question(s) in the same text: the start of the answer."""
    by_number: bool = False
    """Found by its number ("1a") alone; the text beside it is the förbund's own wording."""


@dataclass(frozen=True)
class FieldMatch:
    number: int
    score: float
    """How well the title after the number fits that field (1 without a title)."""
    other: int | None = None
    """Another field the title fits better."""
    toc: bool = False
    """A line of a table of contents (a page number at the end)."""


SECTIONS = {
    "summary_for_board": "skip",
    "contents": "skip",
    "grid": "skip",
    "key_points": "skip",
    "changes": "skip",
    "insatser_by_field": "skip",
    "inledning": "inledning",
    "closing": "avslutning",
    "follow_up": "follow_up",
    "analys": "analys",
    **{key: key for key in FieldAnswers.POINTS},
}
"""The headings of tolvfalt's own documents (and of many written by hand), by label, and what each section is."""

NOISE = ("legend", "parties_ratings")
"""Labels that start a line the document adds itself (the rating legend, the parties' ratings)."""


class Matcher:
    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.ids = set(framework.question_ids)
        self.field_of = {q.id: q.field_number for q in framework.questions}
        self.texts: list[tuple[tuple[str, ...], str]] = []
        for field in framework.fields:
            qs = field.questions
            for q in qs:
                for lang in LANGS:
                    self.texts.append(((q.id,), norm(q(lang))))
            for first, second in pairwise(qs):
                for lang in LANGS:
                    self.texts.append(((first.id, second.id), norm(f"{first(lang)} {second(lang)}")))
        self.longest = max(len(t) for _, t in self.texts)
        self.titles = {
            f.number: [norm(f"{framework.row(f)(lang)} {framework.column(f)(lang)}") for lang in LANGS]
            for f in framework.fields
        }
        self.rows = {norm(r(lang)) for r in framework.rows for lang in LANGS}
        self.columns = {norm(c(lang)) for c in framework.columns for lang in LANGS}
        self.scale = [(s.value, {norm(s(lang)) for lang in LANGS}) for s in framework.scale]
        from ..packaged import load_data

        raw = load_data("labels.yaml")  # the templates, placeholders and all
        self.sections: dict[str, str] = {}
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        for key, kind in SECTIONS.items():
            for lang in LANGS:
                text = str(raw[lang][key])
                if "{" in text:
                    self.patterns.append((_template(text), kind))
                else:
                    self.sections[norm(text)] = kind
        self.noise_starts = [norm(label(key, lang)) for key in NOISE for lang in LANGS]
        self.completeness = [_template(str(raw[lang]["completeness"])) for lang in LANGS]
        self.not_answered = {norm(label("not_answered", lang)) for lang in LANGS}
        self.ratings = {norm(label("rating", lang)) for lang in LANGS} | {"betyg", "bedomning"}
        self.header = {norm(label(key, lang)) for key in ("question", "answer") for lang in LANGS}
        self.insats = {norm(label("insats", lang)) for lang in LANGS}

    # --- questions ------------------------------------------------------------------------------------------------

    def question(self, text: str, field: int | None, *, strict: bool = False) -> QuestionMatch | None:
        """The question(s) ``text`` begins with, if it does. ``strict``: running text, not a heading, so that only
        a close match of its first sentence counts."""
        hint = None
        m = _ID.match(text)
        if m and f"{m.group(1)}{m.group(2).lower()}" in self.ids:
            hint = f"{m.group(1)}{m.group(2).lower()}"
            text = text[m.end() :]
        if not text.strip():
            return QuestionMatch((hint,), 1.0, "", by_number=True) if hint and not strict else None
        found: list[tuple[tuple[str, ...], float]] = []
        end = 0
        while (mark := text.find("?", end)) != -1:
            part = text[end : mark + 1]
            if len(part) > self.longest * 1.5 or len(norm(part)) > self.longest * 1.3:
                break
            best = self._best(part, field if not found else self.field_of[found[-1][0][-1]], strict)
            if best is None or any(i in ids for i in best[0] for ids, _ in found):
                break
            found.append(best)
            end = mark + 1
            while end < len(text) and text[end] == "?":
                end += 1
            if strict:
                break
        if not found and not strict and len(norm(text)) <= self.longest * 1.3:
            best = self._best(text, field, strict)
            if best is not None:
                found, end = [best], len(text)
        if found:
            ids = tuple(i for group, _ in found for i in group)
            return QuestionMatch(ids, min(score for _, score in found), text[end:].strip())
        if hint and not strict:
            return QuestionMatch((hint,), 0.0, "", by_number=True)
        return None

    def _best(self, text: str, field: int | None, strict: bool) -> tuple[tuple[str, ...], float] | None:
        target = norm(text)
        if not target:
            return None
        best_here: tuple[tuple[str, ...], float] | None = None
        best_any: tuple[tuple[str, ...], float] | None = None
        for ids, candidate in self.texts:
            score = similarity(target, candidate)
            if best_any is None or score > best_any[1]:
                best_any = (ids, score)
            if field is not None and self.field_of[ids[0]] == field and (best_here is None or score > best_here[1]):
                best_here = (ids, score)
        here = ELSEWHERE if strict else IN_FIELD
        if (
            best_here is not None
            and best_here[1] >= here
            and best_any is not None
            and best_here[1] >= best_any[1] - 0.05
        ):
            return best_here
        if best_any is not None and best_any[1] >= ELSEWHERE:
            return best_any
        return None

    # --- fields, sections and lines the document adds --------------------------------------------------------------

    def field(self, text: str, headlike: bool) -> FieldMatch | None:
        m = _FIELD.match(text)
        if m:
            number = int(m.group(1))
            if number not in self.titles:
                return None
            title = m.group(2).strip()
            toc = bool(_TOC.search(title)) and not headlike
            title = _TOC.sub("", title) if toc else title
            if not title:
                return FieldMatch(number, 1.0, toc=toc) if headlike else None
            fit = max(similarity(norm(title), t) for t in self.titles[number])
            other = self._title(title, exclude=number)
            if fit < 0.6 and not headlike:
                return None  # "Fält 3 är ..." in running text
            return FieldMatch(number, fit, other if other and fit < 0.7 else None, toc=toc)
        if len(text) <= 100 and headlike:
            titled = self._title(text)
            if titled is not None:
                return FieldMatch(titled, 1.0)
        return None

    def _title(self, text: str, exclude: int | None = None) -> int | None:
        target = norm(text)
        scored = [(max(similarity(target, t) for t in titles), n) for n, titles in self.titles.items() if n != exclude]
        score, number = max(scored)
        return number if score >= FIELD_TITLE else None

    def section(self, text: str) -> str | None:
        target = norm(text)
        if target in self.sections:
            return self.sections[target]
        for pattern, kind in self.patterns:
            if pattern.match(text.strip()):
                return kind
        return None

    def noise(self, text: str) -> bool:
        """A line tolvfalt's documents add around the answers: the legend, the count of answered questions, "Ej
        besvarad", the parties' ratings."""
        target = norm(text)
        if target in self.not_answered:
            return True
        if any(target.startswith(n) for n in self.noise_starts):
            return True
        return any(p.match(text.strip().rstrip(".")) for p in self.completeness)

    def not_answered_mark(self, text: str, marked: str) -> bool:
        """ "Ej besvarad" as written, not set in italics as tolvfalt's documents mark a gap: then it is an answer."""
        return norm(text) in self.not_answered and not (marked.startswith("*") and marked.endswith("*"))

    def rating(self, text: str) -> int | None:
        """The value of a line such as "Bedömning: 3 God" or "Bedömning: Mycket god"."""
        target = norm(text)
        for prefix in self.ratings:
            if target.startswith(prefix + " ") and len(target) <= len(prefix) + 40:
                return self.scale_value(target[len(prefix) :].strip())
        return None

    def is_rating_label(self, text: str) -> bool:
        return norm(text) in self.ratings

    def scale_value(self, text: str) -> int | None:
        target = norm(text)
        m = re.match(r"^(\d+)\b", target)
        values = [v for v, _ in self.scale]
        if m and int(m.group(1)) in values:
            return int(m.group(1))
        for value, names in self.scale:
            if target in names or any(target.startswith(n + " ") for n in names):
                return value
        return None

    def is_grid(self, rows: list[tuple[str, ...]]) -> bool:
        """A table that is the grid itself: its rows are the framework's levels or its header its perspectives."""
        if max((len(r) for r in rows), default=0) < 3:
            return False
        levels = sum(1 for r in rows if r and norm(r[0]) in self.rows)
        perspectives = max((sum(1 for c in r if norm(c) in self.columns) for r in rows), default=0)
        return levels >= 2 or perspectives >= 2

    def is_insatser(self, rows: list[tuple[str, ...]]) -> bool:
        """The table of insatser by field in tolvfalt's own documents."""
        head = rows[0] if rows else ()
        return len(head) > 2 and norm(head[0]) in self.insats and all(c.strip().isdigit() for c in head[1:])

    def is_header(self, cells: tuple[str, ...]) -> bool:
        return len(cells) >= 2 and all(norm(c) in self.header for c in cells[:2])


def _template(text: str) -> re.Pattern[str]:
    parts = re.split(r"\{\w+\}", text)
    return re.compile(r"^" + r".+?".join(re.escape(p) for p in parts) + r"$", re.I)


@cache
def matcher(framework: Framework) -> Matcher:
    return Matcher(framework)
