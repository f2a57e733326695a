"""Validating many files at once: the result per file, never stopping at the first broken one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, TolvfaltError
from .framework import Framework
from .i18n import Lang, label
from .model import Completeness, completeness
from .source import display_name


@dataclass
class CheckResult:
    file: str
    problems: list[Problem] = field(default_factory=list)
    completeness: Completeness | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def format(self, lang: Lang = "sv") -> str:
        if self.problems:
            return "\n".join(p.format(lang) for p in self.problems)
        assert self.completeness is not None
        c = self.completeness
        text = f"{self.file}: {label('ok', lang)}, {label('answered', lang, n=len(c.answered), total=c.total)}"
        if c.missing:
            text += f" ({label('incomplete', lang)}; {label('missing', lang, ids=', '.join(c.missing))})"
        return text

    def to_dict(self, lang: Lang = "sv") -> dict[str, object]:
        c = self.completeness
        return {
            "file": self.file,
            "ok": self.ok,
            "answered": list(c.answered) if c else None,
            "missing": list(c.missing) if c else None,
            "ratio": round(c.ratio, 4) if c else None,
            "problems": [p.to_dict(lang) for p in self.problems],
        }


def check_file(path: Path, framework: Framework, *, strict: bool = False) -> CheckResult:
    from .load import load

    name = display_name(path)
    try:
        assessment = load(path, framework)
    except TolvfaltError as exc:
        return CheckResult(name, exc.problems)
    done = completeness(assessment, framework.question_ids)
    result = CheckResult(name, [], done)
    if strict and done.missing:
        params = {"n": len(done.answered), "total": done.total, "ids": ", ".join(done.missing)}
        result.problems.append(Problem("incomplete", params, name))
    return result


def check_files(paths: Iterable[Path], framework: Framework, *, strict: bool = False) -> list[CheckResult]:
    return [check_file(path, framework, strict=strict) for path in paths]
