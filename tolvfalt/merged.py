"""Several respondents' answers to the same förbund and year, side by side, with the spread of their ratings."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .errors import Problem, TolvfaltError
from .framework import Framework
from .model import Assessment, FieldAnswers
from .read.many import FileResult

DISAGREEMENT = 2  # ratings this far apart are flagged for discussion


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


def respondent(result: FileResult) -> str:
    """Who answered: the file's ``respondent``, else the file name without its suffix."""
    return result.loaded.respondent or PurePath(result.source).stem


@dataclass
class Merged:
    """Several respondents' assessments for one förbund and year."""

    framework: Framework
    responses: list[FileResult]

    @property
    def names(self) -> list[str]:
        return [respondent(r) for r in self.responses]

    def answers(self, question_id: str) -> list[tuple[str, str | None]]:
        return [(respondent(r), r.loaded.answer(question_id)) for r in self.responses]

    @property
    def spreads(self) -> list[Spread]:
        return [
            Spread(f.number, [(respondent(r), r.loaded.rating(f.number)) for r in self.responses])
            for f in self.framework.fields
        ]

    def combined(self) -> Assessment:
        """One assessment holding everything: each answer labelled with its respondent, the median (low) rating,
        and every point any respondent gave (once each)."""
        first = self.responses[0].loaded
        fields: dict[int, Any] = {}
        for f in self.framework.fields:
            svar = {}
            for q in f.questions:
                parts = [f"**{name}:** {text}" for name, text in self.answers(q.id) if text]
                if parts:
                    svar[q.letter] = "\n\n".join(parts)
            points: dict[str, list[str]] = {key: [] for key in FieldAnswers.POINTS}
            for r in self.responses:
                answers = r.loaded.falt.get(f.number) or FieldAnswers()
                for key, items in answers.points().items():
                    points[key] += [i for i in items if i not in points[key]]
            median = next(s.median for s in self.spreads if s.field == f.number)
            fields[f.number] = {"svar": svar, "bedömning": median, **points}
        insatser: list[str] = []
        for r in self.responses:
            insatser += [i for i in r.loaded.insatser if i not in insatser]
        data = first.model_dump(exclude={"falt", "insatser", "respondent"}, exclude_none=True)
        return Assessment.model_validate({**data, "insatser": insatser, "fält": fields})


def merge(results: Iterable[FileResult], framework: Framework, *, force: bool = False) -> Merged:
    """The respondents' files for one förbund and year; files that differ in förbund or år are refused unless
    ``force``, and a file that could not be read raises its problems."""
    results = list(results)
    problems = [p for r in results for p in r.problems]
    if problems:
        raise TolvfaltError(problems)
    if not results:
        raise TolvfaltError.one("no_files")
    if not force:
        for key, values in (
            ("förbund", [x.loaded.forbund for x in results]),
            ("år", [x.loaded.ar for x in results]),
        ):
            if len(set(values)) > 1:
                shown = ", ".join(f"{x.source}: {v}" for x, v in zip(results, values, strict=True))
                problems.append(Problem("merge_mismatch", {"key": key, "values": shown}))
        if problems:
            raise TolvfaltError(problems)
    return Merged(framework, results)
