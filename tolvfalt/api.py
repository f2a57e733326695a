"""The library's entry points: each takes paths as ``str`` or ``Path`` and a framework (default: the shipped one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem
from .read import ROUND_FILE
from .read.framework import default_framework
from .read.many import FileResult, expand, read_each, read_many

if TYPE_CHECKING:
    from .comparison import Comparison
    from .errors import Problem
    from .framework import Framework
    from .i18n import Lang
    from .merged import Merged
    from .model import Assessment
    from .round import Invited, Round

Progress = Callable[[Path], None]


def check(
    paths: Iterable[str | Path],
    framework: Framework | None = None,
    *,
    strict: bool = False,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Validate files and folders (every assessment in a folder): one result per file, never stopping at the first
    broken one. A folder that holds no assessment is a result too (code ``empty_folder``), first. Personal data in
    the texts is a problem too (code ``personal_data``, with its ``kind`` and the match ``masked`` in its params);
    with ``strict``, so is an incomplete assessment."""
    from dataclasses import replace

    from .readability import readability

    framework = framework or default_framework()
    paths = list(paths)
    results = read_many(expand(paths), framework, strict=strict, progress=progress, personal=True)
    # Personal data is no mistake in the file, but check is what is run before publishing: it is reported. So is
    # how readable the answers are (LIX), as advice.
    return _empty_folders(paths) + [
        replace(r, problems=[*r.problems, *r.personal], readability=readability(r.assessment) if r.assessment else None)
        for r in results
    ]


def _empty_folders(paths: Iterable[str | Path]) -> list[FileResult]:
    """A result for each folder among ``paths`` that holds no assessment: checking it says so, by its name."""
    from .read.source import display_name

    found = []
    for folder in (Path(p) for p in paths):
        if folder.is_dir() and not expand([folder]):
            name = display_name(folder)
            found.append(FileResult(name, None, [Problem("empty_folder", {}, name)]))
    return found


def compare(
    paths: Iterable[str | Path], framework: Framework | None = None, *, progress: Progress | None = None
) -> Comparison:
    """Several years and förbund side by side. Files that cannot be read are left out; their problems are in
    ``Comparison.problems``. Raises ``TolvfaltError`` when there is no file at all."""
    from .comparison import compare as build
    from .comparison import digest_file
    from .errors import TolvfaltError

    framework = framework or default_framework()
    files = expand(paths)
    if not files:
        raise TolvfaltError.one("no_files")
    return build(read_each(files, framework, digest_file, progress=progress), framework)


@dataclass
class Previous:
    """Last year's assessment for the changes a document shows: the file and the assessment (None when there is
    none, or when the choice was not clear), and warnings that say why."""

    path: Path | None = None
    assessment: Assessment | None = None
    warnings: list[Problem] = field(default_factory=list)


def choose_previous(
    path: str | Path, assessment: Assessment, framework: Framework | None = None, given: str | Path | None = None
) -> Previous:
    """Last year's assessment of the same förbund (and respondent): ``given``, refused when it is another förbund's
    or not of an earlier year; else the one in the same folder, found by reading only what each file says it is
    (förbund, år, respondent) before the one chosen is loaded. Two candidates: a warning naming both, and none is
    used; one that cannot be read: a warning, and none is used."""
    from .errors import TolvfaltError
    from .names import same
    from .read import load
    from .read.header import read_header
    from .read.many import read_one
    from .read.source import display_name

    framework = framework or default_framework()
    if given is not None:
        last = load(given, framework)
        name = display_name(Path(given))
        if not same(last.forbund, assessment.forbund):
            raise TolvfaltError.one("previous_other_forbund", file=name, forbund=last.forbund,
                                    expected=assessment.forbund)  # fmt: skip
        if last.ar >= assessment.ar:
            raise TolvfaltError.one("previous_not_earlier", file=name, year=last.ar, expected=assessment.ar)
        return Previous(Path(given), last)
    path = Path(path)
    target = (assessment.forbund, assessment.ar - 1, assessment.respondent)
    found: list[tuple[Path, Assessment | None]] = []
    for candidate in expand([path.parent if str(path.parent) else Path(".")]):
        if candidate.name == path.name:  # the file itself (the folder is its own)
            continue
        header = read_header(candidate)
        if (header.forbund is not None and not same(header.forbund, target[0])) or header.ar not in (None, target[1]):
            continue
        if header.complete:
            if _same_party(header.respondent, target[2]):
                found.append((candidate, None))
            continue
        other = read_one(candidate, framework).assessment
        if other is None and header.forbund is not None and header.ar is not None:
            found.append((candidate, None))  # it says it is last year's and cannot be read: said below
        elif other is not None and _is_last_years(other, target):
            found.append((candidate, other))
    if len(found) > 1:
        files = ", ".join(display_name(p) for p, _ in found)
        return Previous(None, None, [Problem("previous_several", {"files": files, "year": target[1]})])
    if not found:
        return Previous()
    chosen, loaded = found[0]
    if loaded is None:
        result = read_one(chosen, framework)
        if result.assessment is None:
            return Previous(None, None, [Problem("previous_unreadable", {"file": result.source})])
        loaded = result.assessment
    return Previous(chosen, loaded)


def _is_last_years(a: Assessment, target: tuple[str, int, str | None]) -> bool:
    from .names import same

    return same(a.forbund, target[0]) and a.ar == target[1] and _same_party(a.respondent, target[2])


def _same_party(a: str | None, b: str | None) -> bool:
    from .names import same

    return a == b if a is None or b is None else same(a, b)


def find_previous(path: str | Path, assessment: Assessment, framework: Framework | None = None) -> Path | None:
    """Last year's assessment of the same förbund (and respondent) in the same folder, if there is exactly one
    (``choose_previous`` says why not)."""
    return choose_previous(path, assessment, framework).path


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
    files = [p for p in expand(given, other_spreadsheets=True) if p.resolve() not in skip]
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
    """A party's workbook whose name cell was cleared is still that party's: the round file says whose it is. One
    that says another party, förbund or year than the round file is named in a warning."""
    from .round import mismatches, read_round

    a = result.assessment
    if a is None or not (path.parent / ROUND_FILE).is_file():
        return result
    plan = read_round(path.parent)
    if plan is None:
        return result
    invited = next((i for i in plan.svarande if i.fil == path.name), None)
    warnings += mismatches(plan, a, result.source, invited.namn if invited else None)
    if invited is None or a.respondent is not None:
        return result
    warnings.append(Problem("respondent_from_round", {"file": result.source, "name": invited.namn}))
    return FileResult(result.source, a.model_copy(update={"respondent": invited.namn}), [], result.completeness)


def _missing_from_round(paths: Iterable[Path], names: Sequence[str]) -> list[Problem]:
    """Respondents a round file in one of the folders expects whose workbook is not there (one that is there but
    empty is named by merge itself)."""
    from .errors import Problem
    from .names import key
    from .round import read_round

    missing = []
    answered = {key(n) for n in names}
    for folder in (p for p in paths if p.is_dir()):
        plan = read_round(folder)
        for invited in plan.svarande if plan else []:
            if key(invited.namn) not in answered and not (folder / invited.fil).exists():
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
    checked before anything is written, and all is written or nothing; returns the paths written, the round file
    last. Into a folder that holds a round already, the parties given are added to it (a party given again is
    sent anew with ``force``) and the others stay in the round file."""
    from .errors import TolvfaltError, UsageError
    from .formats.data import dump
    from .formats.xlsx import Invitation, template
    from .names import clean
    from .read import load
    from .round import file_name, read_round
    from .write import write_all

    framework = framework or default_framework()
    folder = Path(folder)
    last = load(previous, framework) if previous is not None else None
    name = forbund if forbund is not None else (last.forbund if last else None)
    year = ar if ar is not None else (last.ar + 1 if last else None)
    if name is None or year is None:
        raise UsageError.one("needs_forbund")
    parties = _send_out_names(name, year, respondents)
    name = clean(name)
    earlier = read_round(folder) if (folder / ROUND_FILE).is_file() else None
    kept = _kept_from(earlier, name, year, parties, folder)
    inputs = [Path(p) for p in (previous, framework_file) if p is not None]
    due = deadline or (earlier.sista_dag if earlier else None)
    contact = contact if contact is not None else (earlier.kontakt if earlier else None)
    planned: list[tuple[Path, bytes | str, bool]] = []
    invited = [{"namn": i.namn, "fil": i.fil} for i in kept]
    for respondent in parties:
        path = folder / file_name(name, year, respondent)
        invitation = Invitation(respondent, name, year, due.isoformat() if due else None, contact)
        planned.append((path, template(framework, lang, last, invitation), False))
        invited.append({"namn": respondent, "fil": path.name})
    plan = _round_plan({"förbund": name, "år": year, "sista_dag": due, "kontakt": contact, "svarande": invited})
    planned.append((folder / ROUND_FILE, dump(plan.model_dump(mode="json", exclude_none=True)), earlier is not None))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from .read.source import display_name

        raise TolvfaltError.one("unwritable", file=display_name(folder), detail=exc.strerror or str(exc)) from None
    write_all(planned, inputs, force=force, round_file=True)
    return [p for p, _, _ in planned]


def _send_out_names(forbund: str, year: int, respondents: Sequence[str]) -> list[str]:
    """The parties to send to, each once (names equal after normalisation are one), or a usage error naming the
    option: an empty name, a control character, a name too long for a cell, two names that differ only by case
    or give the same file name; a förbund or year a file could not hold."""
    from .errors import UsageError
    from .names import clashes, clean, name_problems, year_problems
    from .round import file_name

    problems = [*name_problems(forbund, "--forbund"), *year_problems(year, "--ar")]
    for respondent in respondents:
        problems += name_problems(respondent, "--respondent")
    if problems:
        raise UsageError(problems)
    parties = list(dict.fromkeys(clean(r) for r in respondents))
    problems = clashes(parties, [file_name(forbund, year, p) for p in parties], "--respondent")
    if problems:
        raise UsageError(problems)
    return parties


def _kept_from(earlier: Round | None, forbund: str, year: int, parties: list[str], folder: Path) -> list[Invited]:
    """The parties of an earlier send-out into the same folder that stay in the round: all but those sent anew.
    A folder that holds another förbund's or year's round is refused; so is a new party that the round's own
    would be taken for."""
    from .errors import Problem, TolvfaltError
    from .names import clashes, same
    from .read.source import display_name
    from .round import file_name

    if earlier is None:
        return []
    where = display_name(folder / ROUND_FILE)
    if not same(earlier.forbund, forbund) or earlier.ar != year:
        raise TolvfaltError([Problem("other_round", {"forbund": earlier.forbund, "year": earlier.ar}, where)])
    kept = [i for i in earlier.svarande if not any(i.namn == p for p in parties)]
    everyone = [*(i.namn for i in kept), *parties]
    problems = clashes(everyone, [*(i.fil for i in kept), *(file_name(forbund, year, p) for p in parties)],
                       "--respondent")  # fmt: skip
    if problems:
        raise TolvfaltError(problems)
    return kept


def _round_plan(data: dict[str, object]) -> Round:
    """The round file's model, or the options that would not fit it (a control character in --contact, say)."""
    from pydantic import ValidationError

    from .errors import UsageError
    from .round import Round

    try:
        return Round.model_validate(data)
    except ValidationError as exc:
        options = {"förbund": "--forbund", "sista_dag": "--deadline", "kontakt": "--contact",
                   "svarande": "--respondent"}  # fmt: skip
        problems = []
        for error in exc.errors(include_url=False):
            option = options.get(str(error["loc"][0]), str(error["loc"][0])) if error["loc"] else ""
            problems.append(Problem("bad_option", {"option": option, "value": _shown(error.get("input"))}))
        raise UsageError(problems) from None


def _shown(value: object) -> str:
    from .text import visible

    text = visible(str(value))
    return text if len(text) <= 40 else text[:37] + "..."
