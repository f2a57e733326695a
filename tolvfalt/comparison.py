"""Several assessments side by side: ratings over the years, what changed, and several förbund in one year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from .errors import Problem
from .framework import Framework
from .model import FieldAnswers
from .read.many import FileResult


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _new(after: list[str], before: list[str]) -> list[str]:
    seen = {_key(t) for t in before}
    return [t for t in after if _key(t) not in seen]


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
        )


@dataclass(frozen=True)
class Step:
    before: FileResult
    after: FileResult
    changes: list[FieldChange]


@dataclass
class Series:
    """One förbund (and respondent) over the years."""

    forbund: str
    respondent: str | None
    entries: list[FileResult] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.forbund + (f" ({self.respondent})" if self.respondent else "")

    def ratings(self, number: int) -> list[int | None]:
        return [e.loaded.rating(number) for e in self.entries]


@dataclass
class Comparison:
    """Assessments grouped by förbund (and respondent) over the years, with what changed, and förbund side by side
    in the years they share."""

    framework: Framework
    series: list[Series]
    same_year: dict[int, list[FileResult]]
    problems: list[Problem] = field(default_factory=list)
    """What was wrong with the files that could not be read (they are left out)."""

    @property
    def entries(self) -> list[FileResult]:
        return [e for s in self.series for e in s.entries]


def field_change(number: int, before: FieldAnswers, after: FieldAnswers) -> FieldChange:
    unchanged = [
        f"{number}{letter}"
        for letter, text in after.svar.items()
        if text and _key(before.svar.get(letter) or "") == _key(text)
    ]
    return FieldChange(
        field=number,
        rating_before=before.bedomning,
        rating_after=after.bedomning,
        new_brister=_new(after.brister, before.brister),
        gone_brister=_new(before.brister, after.brister),
        gone_atgarder=_new(before.atgarder, after.atgarder),
        unchanged_answers=unchanged,
    )


def compare(results: Iterable[FileResult], framework: Framework) -> Comparison:
    """Group the files that were read by förbund (and respondent), in year order, and find what changed."""
    groups: dict[tuple[str, str | None], list[FileResult]] = defaultdict(list)
    problems: list[Problem] = []
    for result in results:
        problems.extend(result.problems)
        if result.assessment is not None:
            groups[(result.loaded.forbund, result.loaded.respondent)].append(result)
    series = []
    for (forbund, respondent), entries in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        entries.sort(key=lambda e: (e.loaded.ar, e.source))
        s = Series(forbund, respondent, entries)
        for before, after in pairwise(entries):
            changes = [
                field_change(
                    f.number,
                    before.loaded.falt.get(f.number) or FieldAnswers(),
                    after.loaded.falt.get(f.number) or FieldAnswers(),
                )
                for f in framework.fields
            ]
            s.steps.append(Step(before, after, [c for c in changes if not c.is_empty()]))
        series.append(s)
    by_year: dict[int, dict[str, FileResult]] = defaultdict(dict)
    for s in series:
        for e in s.entries:
            by_year[e.loaded.ar].setdefault(s.name, e)
    same_year = {
        year: list(v.values()) for year, v in sorted(by_year.items()) if len({e.loaded.forbund for e in v.values()}) > 1
    }
    return Comparison(framework, series, same_year, problems)
