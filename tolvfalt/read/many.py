"""Reading many assessment files: folders expanded, every file tried, one result per file."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import Problem, TolvfaltError
from ..framework import Framework
from ..model import Assessment, Completeness, OwnProgress, completeness, own_progress
from . import OTHER_SPREADSHEETS, READABLE, ROUND_FILE

if TYPE_CHECKING:
    from ..readability import Readability
from .source import Located, display_name

# From this many files on, reading is spread over processes: on 2 cores, 1,000 files took 0.90 s instead of
# 1.49 s; below a few hundred, starting the workers costs more than it saves (benchmarks/compare.py).
PARALLEL_FROM = 300
_START = "forkserver" if sys.platform.startswith("linux") else "spawn"


@dataclass
class FileResult:
    """One file read: where it came from, the assessment (None if it could not be read) and what is wrong."""

    source: str
    assessment: Assessment | None
    problems: list[Problem] = field(default_factory=list)
    completeness: Completeness | None = None
    personal: list[Problem] = field(default_factory=list)
    """Personal data found in its texts (code ``personal_data``): not a mistake in the file, but it keeps the
    document from being published; looked for when asked (``read_one(..., personal=True)``)."""
    readability: Readability | None = None
    """LIX per answer and for the whole text, when asked (``check``): advice, never a problem."""
    own_part: OwnProgress | None = None
    """For the förbundschef's own part of a round (no respondent, beside a round file), how far it has come: it
    answers no questions, it agrees on ratings and writes the analys."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def loaded(self) -> Assessment:
        """The assessment of a file that could be read."""
        if self.assessment is None:
            raise ValueError(f"{self.source} could not be read")
        return self.assessment


def expand(paths: Iterable[str | Path], *, other_spreadsheets: bool = False, skip: Iterable[Path] = ()) -> list[Path]:
    """Files as given; a folder stands for every assessment file in it (not below it), in name order, without the
    lock files Excel keeps beside an open workbook (``~$``) and macOS's resource files (``._``); with
    ``other_spreadsheets``, .ods and .xls files too (reading one says how to convert it). A folder that cannot be
    listed stands for itself, so that reading it says why; a link to nothing is read, to say so. A file in
    ``skip`` (the output, written into the folder it reads) is left out of a folder, not out of files named."""
    skipped = {p.resolve() for p in skip}
    suffixes = (*READABLE, *OTHER_SPREADSHEETS) if other_spreadsheets else READABLE
    files: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)
            continue
        try:
            with os.scandir(path) as entries:  # the entries' own file types: no stat per file
                found = sorted(
                    e.name
                    for e in entries
                    if os.path.splitext(e.name)[1].lower() in suffixes
                    and not _clutter(e.name)
                    and (e.is_file() or (e.is_symlink() and not os.path.exists(e.path)))
                )
        except OSError:
            files.append(path)
            continue
        files.extend(p for p in (path / name for name in found) if not (skipped and p.resolve() in skipped))
    return files


def is_clutter(path: Path) -> bool:
    return _clutter(path.name)


def _clutter(name: str) -> bool:
    return name.startswith(("~$", "._")) or name == ROUND_FILE


def read_one(path: Path, framework: Framework, strict: bool = False, personal: bool = False) -> FileResult:
    from . import load_located

    name = display_name(path)
    try:
        _readable_folder(path, name)
        assessment, located = load_located(path, framework)
    except TolvfaltError as exc:
        return FileResult(name, None, exc.problems)
    done = completeness(assessment, framework)
    own = assessment.respondent is None and not assessment.svarande and (path.parent / ROUND_FILE).exists()
    found = _personal(assessment, name, located) if personal else []
    progress = own_progress(assessment, framework) if own else None
    result = FileResult(name, assessment, [], done, personal=found, own_part=progress)
    if own:
        return result
    if strict and done.missing:
        params = {"n": len(done.answered), "total": done.total, "ids": ", ".join(done.missing)}
        result.problems.append(Problem("incomplete", params, name))
    return result


def _personal(assessment: Assessment, name: str, located: Located) -> list[Problem]:
    from ..personal import scan

    return scan(assessment, file=name, line_for=located.line_for)


def _readable_folder(path: Path, name: str) -> None:
    if path.is_dir():
        try:
            next(path.iterdir(), None)
        except OSError as exc:
            raise TolvfaltError.one("unreadable", file=name, detail=exc.strerror or str(exc)) from None


def read_many(
    files: Sequence[Path],
    framework: Framework,
    *,
    strict: bool = False,
    progress: Callable[[Path], None] | None = None,
    personal: bool = False,
) -> Iterator[FileResult]:
    """Every file, in order; a broken one does not stop the rest."""
    return read_each(files, framework, partial(read_one, strict=strict, personal=personal), progress=progress)


T = TypeVar("T")


def read_each(
    files: Sequence[Path],
    framework: Framework,
    read: Callable[[Path, Framework], T],
    *,
    progress: Callable[[Path], None] | None = None,
) -> Iterator[T]:
    """``read(path, framework)`` of every file, in order. Many files are read by several processes, with only a
    few batches under way at a time, so that what waits to be used stays small; ``read`` (a module's function, or
    a ``partial`` of one) runs in the worker, so that it can send back less than the whole assessment."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        for path in files:
            result = read(path, framework)
            if progress:
                progress(path)
            yield result
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: no fork() of a process that may hold threads (a progress bar's, say).
    batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(_START)) as pool:
        pending: deque[tuple[Sequence[Path], Future[list[T]]]] = deque()
        try:
            for batch in batches:
                pending.append((batch, pool.submit(_read_batch, batch, framework, read)))
                if len(pending) >= workers * 2:
                    yield from _finish(*pending.popleft(), progress)
            while pending:
                yield from _finish(*pending.popleft(), progress)
        finally:
            for _, future in pending:
                future.cancel()


BATCH = 32


def _read_batch(paths: Sequence[Path], framework: Framework, read: Callable[[Path, Framework], T]) -> list[T]:
    return [read(path, framework) for path in paths]


def _finish(batch: Sequence[Path], future: Future[list[T]], progress: Callable[[Path], None] | None) -> Iterator[T]:
    for path, result in zip(batch, future.result(), strict=True):
        if progress:
            progress(path)
        yield result
