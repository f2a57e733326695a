"""Several respondents' answers to the same förbund and year, side by side, with the spread of their ratings."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .batch import Loaded
from .errors import Problem, TolvfaltError
from .framework import Framework
from .model import Assessment, FieldAnswers

DISAGREEMENT = 2  # ratings this far apart are flagged for discussion


@dataclass(frozen=True)
class Response:
    source: str
    assessment: Assessment

    @property
    def respondent(self) -> str:
        return self.assessment.respondent or PurePath(self.source).stem


@dataclass(frozen=True)
class Spread:
    field: int
    ratings: list[tuple[str, int | None]]

    @property
    def given(self) -> list[int]:
        return [r for _, r in self.ratings if r is not None]

    @property
    def low(self) -> int | None:
        return min(self.given, default=None)

    @property
    def high(self) -> int | None:
        return max(self.given, default=None)

    @property
    def disagreement(self) -> bool:
        return len(self.given) > 1 and (self.high or 0) - (self.low or 0) >= DISAGREEMENT

    @property
    def median(self) -> int | None:
        return statistics.median_low(self.given) if self.given else None


@dataclass
class Merged:
    framework: Framework
    responses: list[Response]

    def answers(self, question_id: str) -> list[tuple[str, str | None]]:
        return [(r.respondent, r.assessment.answer(question_id)) for r in self.responses]

    @property
    def spreads(self) -> list[Spread]:
        return [
            Spread(f.number, [(r.respondent, r.assessment.rating(f.number)) for r in self.responses])
            for f in self.framework.fields
        ]

    def combined(self) -> Assessment:
        """One assessment holding everything: each answer labelled with its respondent, the median (low) rating,
        and every point any respondent gave (once each)."""
        first = self.responses[0].assessment
        fields: dict[int, Any] = {}
        for f in self.framework.fields:
            svar = {}
            for q in f.questions:
                parts = [f"**{name}:** {text}" for name, text in self.answers(q.id) if text]
                if parts:
                    svar[q.letter] = "\n\n".join(parts)
            points: dict[str, list[str]] = {"brister": [], "möjligheter": [], "åtgärder": []}
            for r in self.responses:
                answers = r.assessment.falt.get(f.number) or FieldAnswers()
                for key, items in (("brister", answers.brister), ("möjligheter", answers.mojligheter),
                                   ("åtgärder", answers.atgarder)):  # fmt: skip
                    points[key] += [i for i in items if i not in points[key]]
            median = next(s.median for s in self.spreads if s.field == f.number)
            fields[f.number] = {"svar": svar, "bedömning": median, **points}
        insatser: list[str] = []
        for r in self.responses:
            insatser += [i for i in r.assessment.insatser if i not in insatser]
        data = first.model_dump(exclude={"falt", "insatser", "respondent"}, exclude_none=True)
        return Assessment.model_validate({**data, "insatser": insatser, "fält": fields})

    def to_dict(self) -> dict[str, Any]:
        return {
            "förbund": self.responses[0].assessment.forbund,
            "år": self.responses[0].assessment.ar,
            "respondents": [r.respondent for r in self.responses],
            "answers": {q.id: dict(self.answers(q.id)) for q in self.framework.questions},
            "ratings": {
                str(s.field): {"ratings": dict(s.ratings), "low": s.low, "high": s.high, "median": s.median,
                               "disagreement": s.disagreement}
                for s in self.spreads
            },
        }  # fmt: skip


def merge(loaded: list[Loaded], framework: Framework, *, force: bool = False) -> Merged:
    if not loaded:
        raise TolvfaltError.one("no_files")
    if not force:
        problems = []
        for key, values in (
            ("förbund", [x.assessment.forbund for x in loaded]),
            ("år", [x.assessment.ar for x in loaded]),
        ):
            if len(set(values)) > 1:
                shown = ", ".join(f"{x.source}: {v}" for x, v in zip(loaded, values, strict=True))
                problems.append(Problem("merge_mismatch", {"key": key, "values": shown}))
        if problems:
            raise TolvfaltError(problems)
    return Merged(framework, [Response(x.source, x.assessment) for x in loaded])
