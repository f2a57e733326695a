"""The library's entry points: each takes paths as ``str`` or ``Path`` and a framework (default: the shipped one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .read.framework import default_framework
from .read.many import FileResult, expand, read_many

if TYPE_CHECKING:
    from .comparison import Comparison
    from .errors import Problem
    from .framework import Framework
    from .i18n import Lang
    from .merged import Merged
    from .model import Assessment

Progress = Callable[[Path], None]


def check(
    paths: Iterable[str | Path],
    framework: Framework | None = None,
    *,
    strict: bool = False,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Validate files and folders (every assessment in a folder): one result per file, never stopping at the first
    broken one. With ``strict``, an incomplete assessment is a problem too."""
    framework = framework or default_framework()
    return list(read_many(expand(paths), framework, strict=strict, progress=progress))


def compare(
    paths: Iterable[str | Path], framework: Framework | None = None, *, progress: Progress | None = None
) -> Comparison:
    """Several years and förbund side by side. Files that cannot be read are left out; their problems are in
    ``Comparison.problems``. Raises ``TolvfaltError`` when there is no file at all."""
    from .comparison import compare as build
    from .errors import TolvfaltError

    framework = framework or default_framework()
    files = expand(paths)
    if not files:
        raise TolvfaltError.one("no_files")
    return build(read_many(files, framework, progress=progress), framework)


def find_previous(path: str | Path, assessment: Assessment, framework: Framework | None = None) -> Path | None:
    """Last year's assessment of the same förbund (and respondent) in the same folder, if there is exactly one."""
    from .read.many import read_one

    framework = framework or default_framework()
    path = Path(path)
    found = []
    for candidate in expand([path.parent if str(path.parent) else Path(".")]):
        if candidate.resolve() == path.resolve():
            continue
        other = read_one(candidate, framework).assessment
        if other is not None and (other.forbund, other.respondent, other.ar) == (
            assessment.forbund,
            assessment.respondent,
            assessment.ar - 1,
        ):
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def merge(
    paths: Iterable[str | Path],
    framework: Framework | None = None,
    *,
    force: bool = False,
    head: str | Path | None = None,
    progress: Progress | None = None,
) -> Merged:
    """Several respondents' answers for one förbund and year, and the förbundschef's own part: ``head``, or the one
    file without ``respondent``. Raises ``TolvfaltError`` for a file that cannot be read, or for files of
    different förbund or år unless ``force``."""
    from .merged import merge as build
    from .read.many import read_one

    framework = framework or default_framework()
    given = [Path(p) for p in paths]
    files = [p for p in expand(given) if head is None or p.resolve() != Path(head).resolve()]
    own = read_one(Path(head), framework) if head is not None else None
    merged = build(read_many(files, framework, progress=progress), framework, force=force, head=own)
    missing = _missing_from_round(given, merged.names)
    merged.warnings[:0] = missing
    merged.absent += [str(p.params["name"]) for p in missing]
    return merged


def _missing_from_round(paths: Iterable[Path], names: Sequence[str]) -> list[Problem]:
    """Respondents a round file in one of the folders expects whose workbook is not there (one that is there but
    empty is named by merge itself)."""
    from .errors import Problem
    from .round import read_round

    missing = []
    for folder in (p for p in paths if p.is_dir()):
        plan = read_round(folder)
        for invited in plan.svarande if plan else []:
            if invited.namn not in names and not (folder / invited.fil).exists():
                missing.append(Problem("expected_missing", {"name": invited.namn, "file": invited.fil}))
    return missing


def send_out(
    folder: str | Path,
    respondents: Sequence[str],
    *,
    forbund: str | None = None,
    ar: int | None = None,
    deadline: dt.date | None = None,
    contact: str | None = None,
    previous: str | Path | None = None,
    framework: Framework | None = None,
    framework_file: str | Path | None = None,
    lang: Lang = "sv",
    force: bool = False,
) -> list[Path]:
    """The yearly round: one workbook per respondent in ``folder`` and the round file that ``status`` and
    ``merge`` read. ``forbund`` and ``ar`` default to ``previous``'s förbund and its year + 1. Everything is
    checked before anything is written; returns the paths written, the round file last."""
    from .errors import Problem, TolvfaltError, UsageError
    from .formats.data import dump
    from .formats.xlsx import Invitation, template
    from .read import load
    from .read.source import display_name
    from .round import ROUND_FILE, Round, file_name
    from .write import write_atomic

    framework = framework or default_framework()
    folder = Path(folder)
    last = load(previous, framework) if previous is not None else None
    name = forbund or (last.forbund if last else None)
    year = ar if ar is not None else (last.ar + 1 if last else None)
    if not name or year is None:
        raise UsageError.one("needs_forbund")
    inputs = [Path(p) for p in (previous, framework_file) if p is not None]
    due = deadline.isoformat() if deadline else None
    planned: list[tuple[Path, bytes | str]] = []
    invited = []
    for respondent in dict.fromkeys(respondents):
        path = folder / file_name(name, year, respondent)
        planned.append((path, template(framework, lang, last, Invitation(respondent, name, year, due, contact))))
        invited.append({"namn": respondent, "fil": path.name})
    plan = Round.model_validate({"förbund": name, "år": year, "sista_dag": deadline, "kontakt": contact,
                                 "svarande": invited})  # fmt: skip
    planned.append((folder / ROUND_FILE, dump(plan.model_dump(mode="json", exclude_none=True))))
    if not force:
        existing = [p for p, _ in planned if p.exists()]
        if existing:
            raise TolvfaltError(Problem("exists", file=display_name(p)) for p in existing)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TolvfaltError.one("unwritable", file=display_name(folder), detail=exc.strerror or str(exc)) from None
    for path, content in planned:
        write_atomic(path, content, inputs=inputs, force=force, replaces_anything=True)
    return [p for p, _ in planned]
