"""Several assessments side by side: ratings over the years, what changed, and several förbund in one year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .batch import Loaded
from .framework import Framework
from .model import Assessment, Completeness, FieldAnswers, completeness


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _new(after: list[str], before: list[str]) -> list[str]:
    seen = {_key(t) for t in before}
    return [t for t in after if _key(t) not in seen]


@dataclass(frozen=True)
class Entry:
    source: str
    assessment: Assessment
    completeness: Completeness

    @property
    def label(self) -> str:
        a = self.assessment
        return f"{a.forbund} {a.ar}" + (f" ({a.respondent})" if a.respondent else "")


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
    before: Entry
    after: Entry
    changes: list[FieldChange]


@dataclass
class Series:
    """One förbund (and respondent) over the years."""

    forbund: str
    respondent: str | None
    entries: list[Entry] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.forbund + (f" ({self.respondent})" if self.respondent else "")

    def ratings(self, number: int) -> list[int | None]:
        return [e.assessment.rating(number) for e in self.entries]


@dataclass
class Comparison:
    framework: Framework
    series: list[Series]
    same_year: dict[int, list[Entry]]

    @property
    def entries(self) -> list[Entry]:
        return [e for s in self.series for e in s.entries]

    def to_dict(self) -> dict[str, Any]:
        def entry(e: Entry) -> dict[str, Any]:
            a = e.assessment
            return {
                "file": e.source,
                "förbund": a.forbund,
                "år": a.ar,
                "respondent": a.respondent,
                "answered": len(e.completeness.answered),
                "total": e.completeness.total,
                "missing": list(e.completeness.missing),
                "ratings": {str(f.number): a.rating(f.number) for f in self.framework.fields},
            }

        def change(c: FieldChange) -> dict[str, Any]:
            return {
                "fält": c.field,
                "rating_before": c.rating_before,
                "rating_after": c.rating_after,
                "rating_delta": c.rating_delta,
                "new_brister": c.new_brister,
                "gone_brister": c.gone_brister,
                "gone_åtgärder": c.gone_atgarder,
                "unchanged_answers": c.unchanged_answers,
            }

        return {
            "series": [
                {
                    "förbund": s.forbund,
                    "respondent": s.respondent,
                    "years": [entry(e) for e in s.entries],
                    "changes": [
                        {"from": st.before.assessment.ar, "to": st.after.assessment.ar,
                         "fields": [change(c) for c in st.changes]}
                        for st in s.steps
                    ],
                }
                for s in self.series
            ],
            "same_year": {str(year): [entry(e) for e in entries] for year, entries in self.same_year.items()},
        }  # fmt: skip


def field_change(number: int, before: FieldAnswers, after: FieldAnswers) -> FieldChange:
    unchanged = [
        f"{number}{letter}"
        for letter, text in after.svar.items()
        if text and _key(before.svar.get(letter, "")) == _key(text)
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


def compare(loaded: list[Loaded], framework: Framework) -> Comparison:
    groups: dict[tuple[str, str | None], list[Entry]] = defaultdict(list)
    for item in loaded:
        a = item.assessment
        groups[(a.forbund, a.respondent)].append(Entry(item.source, a, completeness(a, framework.question_ids)))
    series = []
    for (forbund, respondent), entries in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        entries.sort(key=lambda e: (e.assessment.ar, e.source))
        s = Series(forbund, respondent, entries)
        for before, after in pairwise(entries):
            changes = [
                field_change(
                    f.number,
                    before.assessment.falt.get(f.number) or FieldAnswers(),
                    after.assessment.falt.get(f.number) or FieldAnswers(),
                )
                for f in framework.fields
            ]
            s.steps.append(Step(before, after, [c for c in changes if not c.is_empty()]))
        series.append(s)
    by_year: dict[int, dict[str, Entry]] = defaultdict(dict)
    for s in series:
        for e in s.entries:
            by_year[e.assessment.ar].setdefault(s.name, e)
    same_year = {
        year: list(v.values())
        for year, v in sorted(by_year.items())
        if len({e.assessment.forbund for e in v.values()}) > 1
    }
    return Comparison(framework, series, same_year)
