"""Several respondents' answers to the same förbund and year, side by side, with the spread of their ratings."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    names: list[str] = field(default_factory=list)
    """Each response's respondent, told apart by its file where two have the same name."""
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.names:
            self.names, self.warnings = _unique_names(self.responses)

    def answers(self, question_id: str) -> list[tuple[str, str | None]]:
        return [(name, r.loaded.answer(question_id)) for name, r in zip(self.names, self.responses, strict=True)]

    @property
    def spreads(self) -> list[Spread]:
        return [
            Spread(f.number, [(n, r.loaded.rating(f.number)) for n, r in zip(self.names, self.responses, strict=True)])
            for f in self.framework.fields
        ]

    def combined(self) -> Assessment:
        """One assessment holding everything: each answer labelled with its respondent, the median (low) rating,
        and every point any respondent gave (once each)."""
        first = self.responses[0].loaded
        medians = {s.field: s.median for s in self.spreads}
        fields: dict[int, Any] = {}
        for f in self.framework.fields:
            svar = {}
            for q in f.questions:
                parts = [f"**{name}:** {text}" for name, text in self.answers(q.id) if text]
                if parts:
                    svar[q.letter] = "\n\n".join(parts)
            points: dict[str, dict[str, None]] = {key: {} for key in FieldAnswers.POINTS}
            for r in self.responses:
                answers = r.loaded.falt.get(f.number) or FieldAnswers()
                for key, items in answers.points().items():
                    points[key].update(dict.fromkeys(items))
            fields[f.number] = {"svar": svar, "bedömning": medians[f.number], **{k: list(v) for k, v in points.items()}}
        insatser = list(dict.fromkeys(i for r in self.responses for i in r.loaded.insatser))
        data = first.model_dump(exclude={"falt", "insatser", "respondent"}, exclude_none=True)
        return Assessment.model_validate({**data, "insatser": insatser, "fält": fields})


def _unique_names(responses: list[FileResult]) -> tuple[list[str], list[Problem]]:
    names = [respondent(r) for r in responses]
    warnings = []
    for name in dict.fromkeys(names):
        sources = [r.source for n, r in zip(names, responses, strict=True) if n == name]
        if len(sources) > 1:
            warnings.append(Problem("same_respondent", {"name": name, "files": ", ".join(sources)}))
    counts = {name: names.count(name) for name in names}
    return [f"{n} ({r.source})" if counts[n] > 1 else n for n, r in zip(names, responses, strict=True)], warnings


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
