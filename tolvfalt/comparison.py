"""Several assessments side by side: ratings over the years, what changed, and several förbund in one year.

A comparison keeps a digest of each file, not the assessment: ratings, points, completeness and a fingerprint and
word count of each answer, made where the file is read (in a worker process, for many files), so that ten thousand
files fit in a few hundred megabytes. What changed from year to year is worked out when it is asked for."""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from .errors import Problem
from .framework import Framework
from .model import Assessment, Completeness, FieldAnswers
from .read.many import read_one
from .text import word_count


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _new(after: tuple[str, ...], before: tuple[str, ...]) -> list[str]:
    seen = {_key(t) for t in before}
    return [t for t in after if _key(t) not in seen]


@dataclass(frozen=True, slots=True)
class FieldDigest:
    rating: int | None = None
    brister: tuple[str, ...] = ()
    atgarder: tuple[str, ...] = ()
    counts: tuple[int, ...] = (0,) * len(FieldAnswers.POINTS)
    """How many brister, möjligheter and åtgärder, in ``FieldAnswers.POINTS`` order."""
    answers: tuple[tuple[str, int, int], ...] = ()
    """Per answered question: its letter, a fingerprint of the answer (case and spacing aside), its word count."""
    follow_ups: tuple[tuple[str, str | None], ...] = ()
    """Last year's åtgärder and what became of them."""

    @classmethod
    def of(cls, answers: FieldAnswers) -> FieldDigest:
        return cls(
            answers.bedomning,
            # the same point in many files is kept once when they are read in one process, once a batch from a worker
            tuple(map(sys.intern, answers.brister)),
            tuple(map(sys.intern, answers.atgarder)),
            tuple(len(items) for items in answers.points().values()),
            tuple((letter, _fingerprint(text), word_count(text)) for letter, text in answers.svar.items() if text),
            tuple((sys.intern(item.atgard), item.status) for item in answers.uppfoljning),
        )

    def answer(self, letter: str) -> tuple[int, int] | None:
        """The fingerprint and word count of a question's answer, None if it is not answered."""
        return next(((fingerprint, words) for x, fingerprint, words in self.answers if x == letter), None)


def _fingerprint(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(_key(text).encode(), digest_size=8).digest(), "big")


EMPTY = FieldDigest()


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    entries: list[Digest]
    framework: Framework

    @property
    def name(self) -> str:
        return self.forbund + (f" ({self.respondent})" if self.respondent else "")

    def ratings(self, number: int) -> list[int | None]:
        return [e.rating(number) for e in self.entries]

    @property
    def steps(self) -> list[Step]:
        """What changed from each year to the next, worked out each time it is asked for (a comparison of many
        files keeps only the digests)."""
        steps = []
        for before, after in pairwise(self.entries):
            if before.ar == after.ar:
                continue
            changes = (
                field_change(f.number, before.field(f.number), after.field(f.number)) for f in self.framework.fields
            )
            steps.append(Step(before, after, [c for c in changes if not c.is_empty()]))
        return steps


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
    last = {letter: fingerprint for letter, fingerprint, _ in before.answers}
    unchanged = [
        f"{number}{letter}"
        for letter, fingerprint, words in after.answers
        if last.get(letter) == fingerprint and words >= COPIED_FROM_WORDS
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


@dataclass(frozen=True, slots=True)
class Digested:
    """What reading one file for a comparison gives: its digests (the file's, and one per party of a merged file),
    or the problems that kept it from being read."""

    source: str
    digests: tuple[Digest, ...]
    problems: list[Problem]


def digest_file(path: Path, framework: Framework) -> Digested:
    """One file read and digested, where it was read: a worker sends back this, not the assessment."""
    result = read_one(path, framework)
    if result.assessment is None or result.completeness is None:
        return Digested(result.source, (), result.problems)
    return Digested(result.source, _digests(result.source, result.assessment, result.completeness, framework),
                    result.problems)  # fmt: skip


def _digests(source: str, a: Assessment, done: Completeness, framework: Framework) -> tuple[Digest, ...]:
    """The file's digest, and in a merged assessment one per party too, so that each party's ratings are seen
    over the years beside the agreed ones."""
    from .model import completeness

    own = Digest.of(source, a, done)
    parties = []
    for name, part in a.svarande.items():
        alone = Assessment.model_construct(forbund=a.forbund, ar=a.ar, respondent=name, falt=part.falt, svarande={})
        parties.append(Digest.of(f"{source} ({name})", alone, completeness(alone, framework)))
    return (own, *parties)


def compare(files: Iterable[Digested], framework: Framework) -> Comparison:
    """Group the files that were read by förbund (and respondent), in year order."""
    groups: dict[tuple[str, str | None], list[Digest]] = defaultdict(list)
    problems: list[Problem] = []
    for read in files:  # one at a time: only the digest of each file is kept
        problems.extend(read.problems)
        for digest in read.digests:
            groups[(digest.forbund, digest.respondent)].append(digest)
    series, warnings = [], []
    for (forbund, respondent), entries in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        entries.sort(key=lambda e: (e.ar, e.source))
        s = Series(forbund, respondent, entries, framework)
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
