"""Several assessments side by side: ratings over the years, what changed, and several förbund in one year.

A comparison keeps a digest of each file, not the assessment: ratings, points, completeness and a fingerprint and
word count of each answer, so that thousands of files fit in memory."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from .errors import Problem
from .framework import Framework
from .model import Assessment, Completeness, FieldAnswers
from .read.many import FileResult
from .text import word_count


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _new(after: tuple[str, ...], before: tuple[str, ...]) -> list[str]:
    seen = {_key(t) for t in before}
    return [t for t in after if _key(t) not in seen]


@dataclass(frozen=True)
class FieldDigest:
    rating: int | None = None
    brister: tuple[str, ...] = ()
    atgarder: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    """How many brister, möjligheter and åtgärder."""
    answers: dict[str, tuple[bytes, int]] = field(default_factory=dict)
    """Per question letter: a fingerprint of the answer (case and spacing aside) and its word count."""
    follow_ups: tuple[tuple[str, str | None], ...] = ()
    """Last year's åtgärder and what became of them."""

    @classmethod
    def of(cls, answers: FieldAnswers) -> FieldDigest:
        return cls(
            answers.bedomning,
            tuple(answers.brister),
            tuple(answers.atgarder),
            {key: len(items) for key, items in answers.points().items()},
            {
                letter: (hashlib.blake2b(_key(text).encode(), digest_size=16).digest(), word_count(text))
                for letter, text in answers.svar.items()
                if text
            },
            tuple((item.atgard, item.status) for item in answers.uppfoljning),
        )


EMPTY = FieldDigest()


@dataclass(frozen=True)
class Digest:
    """What a comparison keeps of one file."""

    source: str
    forbund: str
    ar: int
    respondent: str | None
    completeness: Completeness
    fields: dict[int, FieldDigest]

    @classmethod
    def of(cls, source: str, a: Assessment, done: Completeness) -> Digest:
        fields = {n: FieldDigest.of(f) for n, f in a.falt.items()}
        return cls(source, a.forbund, a.ar, a.respondent, done, fields)

    def rating(self, number: int) -> int | None:
        return self.fields.get(number, EMPTY).rating

    def field(self, number: int) -> FieldDigest:
        return self.fields.get(number, EMPTY)


@dataclass(frozen=True)
class FieldChange:
    """How one field differs from the year before."""

    field: int
    rating_before: int | None
    rating_after: int | None
    new_brister: list[str]
    gone_brister: list[str]
    gone_atgarder: list[str]
    unchanged_answers: list[str]
    follow_ups: tuple[tuple[str, str | None], ...] = ()

    @property
    def rating_delta(self) -> int | None:
        if self.rating_before is None or self.rating_after is None:
            return None
        return self.rating_after - self.rating_before

    def is_empty(self) -> bool:
        return not (
            self.rating_before != self.rating_after
            or self.new_brister
            or self.gone_brister
            or self.gone_atgarder
            or self.unchanged_answers
            or self.follow_ups
        )


@dataclass(frozen=True)
class Step:
    before: Digest
    after: Digest
    changes: list[FieldChange]


@dataclass
class Series:
    """One förbund (and respondent) over the years."""

    forbund: str
    respondent: str | None
    entries: list[Digest] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.forbund + (f" ({self.respondent})" if self.respondent else "")

    def ratings(self, number: int) -> list[int | None]:
        return [e.rating(number) for e in self.entries]


@dataclass
class Comparison:
    """Assessments grouped by förbund (and respondent) over the years, with what changed, and förbund side by side
    in the years they share."""

    framework: Framework
    series: list[Series]
    same_year: dict[int, list[Digest]]
    problems: list[Problem] = field(default_factory=list)
    """What was wrong with the files that could not be read (they are left out)."""
    warnings: list[Problem] = field(default_factory=list)
    """What a reader should know: one förbund's year in several files, say (all of them are shown)."""

    @property
    def entries(self) -> list[Digest]:
        return [e for s in self.series for e in s.entries]


COPIED_FROM_WORDS = 6
"""An answer this long or longer, word for word as last year's, is flagged as perhaps copied; "Ja." is not."""


def field_change(number: int, before: FieldDigest, after: FieldDigest) -> FieldChange:
    unchanged = [
        f"{number}{letter}"
        for letter, (fingerprint, words) in after.answers.items()
        if letter in before.answers and before.answers[letter][0] == fingerprint and words >= COPIED_FROM_WORDS
    ]
    return FieldChange(
        field=number,
        rating_before=before.rating,
        rating_after=after.rating,
        new_brister=_new(after.brister, before.brister),
        gone_brister=_new(before.brister, after.brister),
        gone_atgarder=_new(before.atgarder, after.atgarder),
        unchanged_answers=unchanged,
        follow_ups=after.follow_ups,
    )


def _digests(source: str, a: Assessment, done: Completeness, framework: Framework) -> list[Digest]:
    """The file's digest, and in a merged assessment one per party too, so that each party's ratings are seen
    over the years beside the agreed ones."""
    from .model import completeness

    own = Digest.of(source, a, done)
    parties = []
    for name, part in a.svarande.items():
        alone = Assessment.model_construct(forbund=a.forbund, ar=a.ar, respondent=name, falt=part.falt, svarande={})
        parties.append(Digest.of(f"{source} ({name})", alone, completeness(alone, framework)))
    return [own, *parties]


def compare(results: Iterable[FileResult], framework: Framework) -> Comparison:
    """Group the files that were read by förbund (and respondent), in year order, and find what changed."""
    groups: dict[tuple[str, str | None], list[Digest]] = defaultdict(list)
    problems: list[Problem] = []
    for result in results:  # one at a time: only the digest of each file is kept
        problems.extend(result.problems)
        if result.assessment is not None and result.completeness is not None:
            for digest in _digests(result.source, result.assessment, result.completeness, framework):
                groups[(digest.forbund, digest.respondent)].append(digest)
    series, warnings = [], []
    for (forbund, respondent), entries in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        entries.sort(key=lambda e: (e.ar, e.source))
        s = Series(forbund, respondent, entries)
        for before, after in pairwise(entries):
            if before.ar == after.ar:
                continue
            changes = [field_change(f.number, before.field(f.number), after.field(f.number)) for f in framework.fields]
            s.steps.append(Step(before, after, [c for c in changes if not c.is_empty()]))
        by_year: dict[int, list[str]] = defaultdict(list)
        for e in entries:
            by_year[e.ar].append(e.source)
        warnings += [
            Problem("same_year_twice", {"forbund": s.name, "year": year, "files": ", ".join(sources)})
            for year, sources in by_year.items()
            if len(sources) > 1
        ]
        series.append(s)
    same_year_entries: dict[int, dict[str, Digest]] = defaultdict(dict)
    for s in series:
        for e in s.entries:
            same_year_entries[e.ar].setdefault(s.name, e)
    same_year = {
        year: list(v.values())
        for year, v in sorted(same_year_entries.items())
        if len({e.forbund for e in v.values()}) > 1
    }
    return Comparison(framework, series, same_year, problems, warnings)
