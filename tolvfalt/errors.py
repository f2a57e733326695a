"""One error type for everything a user can get wrong: each problem names file, line, key and a hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .i18n import Lang, label, message


@dataclass(frozen=True)
class Problem:
    """One mistake: a code (the key of its message in data/labels.yaml), where it is, and the nearest valid key."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    file: str | None = None
    line: int | str | None = None
    """A line number in a text file, or a cell such as ``Svar!F7`` in a workbook."""
    key: str | None = None
    suggestion: str | None = None

    def where(self) -> str:
        place = self.file or ""
        if self.line is not None:
            place += f":{self.line}"
        return place

    def format(self, lang: Lang = "sv") -> str:
        parts = [p for p in (self.where(), self.key) if p]
        text = message(self.code, lang, **self.params)
        if self.suggestion is not None:
            text += f" ({label('hint', lang, suggestion=repr(self.suggestion))})"
        return ": ".join([*parts, text])


class TolvfaltError(Exception):
    """Raised for any input a user can get wrong; holds every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=_order)
        super().__init__(self.format())

    @classmethod
    def one(
        cls, code: str, *, file: str | None = None, line: int | str | None = None, **params: object
    ) -> TolvfaltError:
        return cls([Problem(code, params, file=file, line=line)])

    def format(self, lang: Lang = "sv") -> str:
        return "\n".join(p.format(lang) for p in self.problems)


class UsageError(TolvfaltError):
    """A command asked for something it cannot do (a format it cannot write, say): exit code 2."""


def _order(problem: Problem) -> tuple[str, int, str]:
    line = problem.line
    return (problem.file or "", line if isinstance(line, int) else 0, line if isinstance(line, str) else "")


def nearest(word: str, choices: Sequence[str]) -> str | None:
    """The closest valid spelling of ``word``, if any is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not matches:
        folded = {_fold(c): c for c in choices}
        matches = [folded[m] for m in difflib.get_close_matches(_fold(word), list(folded), n=1, cutoff=0.6)]
    return matches[0] if matches else None


def _fold(text: str) -> str:
    return text.lower().translate(str.maketrans("åäö", "aao"))
