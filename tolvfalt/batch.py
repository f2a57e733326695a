"""Reading many assessment files: directories expanded, every file tried, every error kept for the end."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
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


# From this many files on, reading is spread over processes: on 2 cores, 1,000 files took 0.90 s instead of
# 1.49 s; below a few hundred, starting the workers costs more than it saves (benchmarks/compare.py).
PARALLEL_FROM = 300
_START = "forkserver" if sys.platform.startswith("linux") else "spawn"


def load_one(path: Path, framework: Framework) -> tuple[Loaded | None, list[Problem]]:
    from .load import load

    try:
        return Loaded(display_name(path), load(path, framework)), []
    except TolvfaltError as exc:
        return None, exc.problems


def load_all(
    files: list[Path], framework: Framework, progress: Callable[[Path], None] | None = None
) -> tuple[list[Loaded], list[Problem]]:
    """Load every file, in order; a broken one does not stop the rest. Returns what loaded and every problem."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) >= PARALLEL_FROM and workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: no fork() of a process that may hold threads (a progress bar's, say).
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(_START))
        results: Iterable[tuple[Loaded | None, list[Problem]]] = pool.map(
            partial(load_one, framework=framework), files, chunksize=32
        )
    else:
        pool = None
        results = (load_one(path, framework) for path in files)
    loaded, problems = [], []
    try:
        for path, (item, found) in zip(files, results, strict=True):
            if item is not None:
                loaded.append(item)
            problems.extend(found)
            if progress:
                progress(path)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return loaded, problems
