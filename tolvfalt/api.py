"""The library's entry points: each takes paths as ``str`` or ``Path`` and a framework (default: the shipped one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem
from .read import ROUND_FILE
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
    broken one. Personal data in the texts is a problem too (code ``personal_data``, with its ``kind`` and the
    match ``masked`` in its params); with ``strict``, so is an incomplete assessment."""
    from dataclasses import replace

    from .readability import readability

    framework = framework or default_framework()
    results = read_many(expand(paths), framework, strict=strict, progress=progress, personal=True)
    # Personal data is no mistake in the file, but check is what is run before publishing: it is reported. So is
    # how readable the answers are (LIX), as advice.
    return [
        replace(r, problems=[*r.problems, *r.personal], readability=readability(r.assessment) if r.assessment else None)
        for r in results
    ]


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
    output: str | Path | None = None,
    progress: Progress | None = None,
) -> Merged:
    """Several respondents' answers for one förbund and year, and the förbundschef's own part: ``head``, or the one
    file without ``respondent``, or what she wrote in ``output`` (an earlier merge, merged again after a late
    return: her part is never lost). A merged file in a folder is never read as a party; one named as an input
    is refused. Raises ``TolvfaltError`` for a file that cannot be read, or for files of different förbund or år
    unless ``force``."""
    from .errors import TolvfaltError
    from .merged import merge as build
    from .read.many import read_one

    framework = framework or default_framework()
    given = [Path(p) for p in paths]
    named = {p.resolve() for p in given if not p.is_dir()}
    skip = {Path(x).resolve() for x in (head, output) if x is not None}
    files = [p for p in expand(given) if p.resolve() not in skip]
    results, warnings, refused = [], [], []
    for result, path in zip(read_many(files, framework, progress=progress, personal=True), files, strict=True):
        a = result.assessment
        if a is not None and a.svarande:  # an earlier merge: its parties are in their own files
            if path.resolve() in named:
                refused.append(Problem("merged_input", {"names": ", ".join(a.svarande)}, result.source))
            else:
                warnings.append(Problem("merged_skipped", {"file": result.source}))
            continue
        results.append(_named_by_round(result, path, warnings))
        if result.personal:
            warnings.append(Problem("personal_data_found", {"n": len(result.personal)}, result.source))
    own = read_one(Path(head), framework) if head is not None else None
    if own is not None and own.assessment is not None and own.assessment.svarande:
        refused.append(Problem("merged_head", {"names": ", ".join(own.assessment.svarande)}, own.source))
    earlier = _own_part_of(Path(output), framework) if output is not None and Path(output).exists() else None
    unnamed = [r for r in results if r.assessment is not None and r.assessment.respondent is None]
    candidate = own or (unnamed[0] if len(unnamed) == 1 and len(results) > 1 else None)
    if earlier is not None and candidate is not None:
        if _own_text(earlier) != _own_text(candidate):  # two own parts: never drop what she wrote in either
            refused.append(Problem("output_has_own_part", {"head": candidate.source}, earlier.source))
        earlier = None
    if refused:
        raise TolvfaltError(refused)
    merged = build(results, framework, force=force, head=own or earlier)
    missing = _missing_from_round(given, merged.names)
    merged.warnings[:0] = [*missing, *warnings]
    merged.absent += [str(p.params["name"]) for p in missing]
    return merged


def _own_text(result: FileResult) -> dict[str, object]:
    """What the förbundschef wrote herself: her fields and texts (insatser gather the parties' too)."""
    return result.loaded.model_dump(exclude={"svarande", "ej_svarat", "insatser"}, exclude_none=True)


def _own_part_of(path: Path, framework: Framework) -> FileResult | None:
    """What the förbundschef wrote in an earlier merge's output: all of it but the parties (merge brings them
    anew); None when the file holds no own part."""
    from .read.many import read_one

    result = read_one(path, framework)
    a = result.assessment
    if a is None or a.respondent is not None:
        return None
    own = a.model_copy(update={"svarande": {}, "ej_svarat": []})
    return FileResult(result.source, own, [], result.completeness)


def _named_by_round(result: FileResult, path: Path, warnings: list[Problem]) -> FileResult:
    """A party's workbook whose name cell was cleared is still that party's: the round file says whose it is."""
    from .round import read_round

    a = result.assessment
    if a is None or a.respondent is not None or not (path.parent / ROUND_FILE).exists():
        return result
    plan = read_round(path.parent)
    invited = next((i for i in plan.svarande if i.fil == path.name), None) if plan else None
    if invited is None:
        return result
    warnings.append(Problem("respondent_from_round", {"file": result.source, "name": invited.namn}))
    return FileResult(result.source, a.model_copy(update={"respondent": invited.namn}), [], result.completeness)


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
        write_atomic(path, content, inputs=inputs, force=force, replaces_anything=True, round_file=True)
    return [p for p, _ in planned]
