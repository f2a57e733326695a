"""Reading many assessment files: directories expanded, every file tried, every error kept for the end."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, TolvfaltError
from .framework import Framework
from .load import YAML_SUFFIXES
from .model import Assessment
from .source import display_name

READABLE = (*YAML_SUFFIXES, ".xlsx", ".xlsm")


@dataclass(frozen=True)
class Loaded:
    source: str
    assessment: Assessment


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a directory stands for every assessment file in it (not below it), in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in READABLE))
        else:
            files.append(path)
    return files


def load_all(
    files: list[Path], framework: Framework, progress: Callable[[Path], None] | None = None
) -> tuple[list[Loaded], list[Problem]]:
    """Load every file; a broken one does not stop the rest. Returns what loaded and every problem found."""
    from .load import load

    loaded, problems = [], []
    for path in files:
        try:
            loaded.append(Loaded(display_name(path), load(path, framework)))
        except TolvfaltError as exc:
            problems.extend(exc.problems)
        if progress:
            progress(path)
    return loaded, problems
