"""Several respondents' answers to the same förbund and year, side by side, with the spread of their ratings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .errors import Problem, TolvfaltError
from .framework import Framework
from .model import Assessment
from .names import clean, key
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
        """Whether the parties' ratings lie ``DISAGREEMENT`` or more apart: a field to discuss."""
        return len(self.given) > 1 and (self.high or 0) - (self.low or 0) >= DISAGREEMENT

    @property
    def rated(self) -> list[tuple[str, int]]:
        """Each party that gave a rating, with it."""
        return [(name, r) for name, r in self.ratings if r is not None]


def spread(assessment: Assessment, number: int) -> Spread:
    """The parties' ratings of a field in a merged assessment (none in one that holds no parties)."""
    return Spread(number, [(name, v.bedomning) for name, v in assessment.voices(number)])


def respondent(result: FileResult) -> str:
    """Who answered: the file's ``respondent``, else the file name without its suffix (NFC, on one line)."""
    return result.loaded.respondent or clean(PurePath(result.source).stem) or result.source


@dataclass
class Merged:
    """Several respondents' assessments for one förbund and year, and the förbundschef's own part (the head)."""

    framework: Framework
    responses: list[FileResult]
    head: FileResult | None = None
    names: list[str] = field(default_factory=list)
    """Each response's respondent, told apart by its file where two have the same name."""
    warnings: list[Problem] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    """Parties asked (in the round file) or with a file that holds nothing: they did not answer."""

    def __post_init__(self) -> None:
        if not self.names:
            self.names, self.warnings = _unique_names(self.responses)
            if self.head is None:
                self.warnings.append(Problem("merge_no_head", {}))

    @property
    def heads(self) -> tuple[FileResult, ...]:
        """The förbundschef's own part, if there is one: to go through with the responses."""
        return (self.head,) if self.head is not None else ()

    def answers(self, question_id: str) -> list[tuple[str, str | None]]:
        return [(name, r.loaded.answer(question_id)) for name, r in zip(self.names, self.responses, strict=True)]

    @property
    def spreads(self) -> list[Spread]:
        return [
            Spread(f.number, [(n, r.loaded.rating(f.number)) for n, r in zip(self.names, self.responses, strict=True)])
            for f in self.framework.fields
        ]

    def combined(self) -> Assessment:
        """One assessment that loses nothing: the head's metadata and its part of each field (agreed rating,
        analys, points, follow-up), and every respondent's answers, ratings, points, inledning and insatser under
        ``svarande``. Metadata never comes from a respondent: without a head, only förbund and år are known."""
        first = self.responses[0].loaded
        head = self.head.loaded if self.head is not None else None
        data: dict[str, Any] = (
            head.model_dump(exclude={"falt", "svarande", "respondent", "insatser"}, exclude_none=True)
            if head is not None
            else {"förbund": first.forbund, "år": first.ar}
        )
        parties = [*([head] if head else []), *(r.loaded for r in self.responses)]
        data["insatser"] = list(dict.fromkeys(i for a in parties for i in a.insatser))
        answered = {key(n) for n in self.names}
        absent = [n for n in dict.fromkeys([*(head.ej_svarat if head else []), *self.absent]) if key(n) not in answered]
        if absent:
            data["ej_svarat"] = absent
        data["fält"] = {n: f.model_dump(exclude_defaults=True) for n, f in head.falt.items()} if head else {}
        data["svarande"] = {
            name: {
                "fil": r.source,
                "författare": r.loaded.forfattare,
                "datum": r.loaded.datum,
                "inledning": r.loaded.inledning,
                "insatser": r.loaded.insatser,
                "fält": {n: f.model_dump(exclude_defaults=True) for n, f in r.loaded.falt.items()},
            }
            for name, r in zip(self.names, self.responses, strict=True)
        }
        return Assessment.model_validate(data)


def _unique_names(responses: list[FileResult]) -> tuple[list[str], list[Problem]]:
    """Each response's name; two with one name are told apart by their files, and a name so made never equals
    another party's own (a party may be called "Kommunen (a.yaml)")."""
    names = [respondent(r) for r in responses]
    warnings = []
    for name in dict.fromkeys(names):
        sources = [r.source for n, r in zip(names, responses, strict=True) if n == name]
        if len(sources) > 1:
            warnings.append(Problem("same_respondent", {"name": name, "files": ", ".join(sources)}))
    counts = {name: names.count(name) for name in names}
    unique: list[str] = []
    taken = {key(n) for n, c in counts.items() if c == 1}
    for n, r in zip(names, responses, strict=True):
        if counts[n] == 1:
            unique.append(n)
            continue
        shown, number = f"{n} ({r.source})", 2
        while key(shown) in taken:
            shown, number = f"{n} ({r.source}, {number})", number + 1
        taken.add(key(shown))
        unique.append(shown)
    return unique, warnings


def name_clashes(results: list[FileResult]) -> list[Problem]:
    """Parties whose names differ only by case, or that would give one file name in next year's round: one
    reader would take them for one party, another for two. Refused, naming both files."""
    from .round import file_name

    problems = []
    first: dict[str, FileResult] = {}
    by_file: dict[str, FileResult] = {}
    for r in results:
        name = respondent(r)
        other = first.setdefault(key(name), r)
        if respondent(other) != name:
            problems.append(Problem("merge_names_case", {"a": respondent(other), "b": name,
                                                         "files": f"{other.source}, {r.source}"}))  # fmt: skip
            continue
        slug = file_name(r.loaded.forbund, r.loaded.ar, name)
        other = by_file.setdefault(slug, r)
        if key(respondent(other)) != key(name):
            problems.append(Problem("merge_names_file", {"a": respondent(other), "b": name, "file": slug,
                                                         "files": f"{other.source}, {r.source}"}))  # fmt: skip
    return problems


def merge(
    results: Iterable[FileResult], framework: Framework, *, force: bool = False, head: FileResult | None = None
) -> Merged:
    """The respondents' files for one förbund and year, and the head's (the förbundschef's own part): named, or
    the one file without ``respondent`` when there is exactly one. Files that differ in förbund or år are refused
    unless ``force``; a file that could not be read raises its problems."""
    results = list(results)
    problems = [p for r in [*results, *([head] if head else [])] for p in r.problems]
    if problems:
        raise TolvfaltError(problems)
    warnings = []
    unnamed = [r for r in results if r.loaded.respondent is None]
    if head is None and len(unnamed) == 1 and len(results) > 1:
        head = unnamed[0]
    elif head is not None:
        warnings += [Problem("unnamed_respondent", {"file": r.source}) for r in unnamed]
    results = [r for r in results if r is not head]
    empty = [r for r in results if r.loaded.respondent and not r.loaded.has_response()]
    warnings += [Problem("empty_response", {"name": r.loaded.respondent, "file": r.source}) for r in empty]
    results = [r for r in results if r not in empty]
    if not results:
        raise TolvfaltError.one("no_files")
    problems = name_clashes(results)
    if problems:
        raise TolvfaltError(problems)
    if not force:
        everyone = [*([head] if head else []), *results]
        for key, values in (
            ("förbund", [x.loaded.forbund for x in everyone]),
            ("år", [x.loaded.ar for x in everyone]),
        ):
            if len(set(values)) > 1:
                shown = ", ".join(f"{x.source}: {v}" for x, v in zip(everyone, values, strict=True))
                problems.append(Problem("merge_mismatch", {"key": key, "values": shown}))
        if problems:
            raise TolvfaltError(problems)
    merged = Merged(framework, results, head)
    merged.warnings += warnings
    merged.absent = [r.loaded.respondent for r in empty if r.loaded.respondent]
    return merged
