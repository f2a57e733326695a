"""The yearly round: who was sent a workbook (the round file the send-out writes beside them), and who has
returned it, how complete, with what problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .errors import Problem, TolvfaltError
from .framework import Framework
from .i18n import Lang, label
from .model import Assessment, Line, _not_empty
from .names import same
from .read import OTHER_SPREADSHEETS, READABLE, ROUND_FILE
from .read.many import FileResult, is_clutter, read_one
from .read.source import display_name
from .text import visible

__all__ = ["ROUND_FILE", "Round", "RoundStatus", "file_name", "read_round", "status"]


def _inside(value: str) -> str:
    """A workbook's path in the round file: inside the round's folder (no ``..``, no absolute path, no drive)."""
    posix, windows = PurePosixPath(value), PureWindowsPath(value)
    if (
        not value.strip(" .")
        or posix.is_absolute()
        or windows.is_absolute()
        or windows.drive
        or windows.root
        or ".." in posix.parts
        or ".." in windows.parts
    ):
        raise PydanticCustomError("outside_folder", "outside the round's folder", {"path": value})
    return value


class Invited(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)
    namn: Annotated[Line, AfterValidator(_not_empty)]
    fil: Annotated[Line, AfterValidator(_inside)]


class Round(BaseModel):
    """What the send-out wrote: förbund, år, each respondent and its workbook, the deadline and whom to ask."""

    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)
    forbund: Line = Field(alias="förbund")
    ar: int = Field(alias="år", ge=1900, le=2200)
    sista_dag: dt.date | None = None
    kontakt: Line | None = None
    svarande: list[Invited] = Field(default_factory=list)


def file_name(forbund: str, ar: int, respondent: str) -> str:
    """``exempelforsens-samordningsforbund-2026-forsakringskassan.xlsx``: plain letters, safe on every system."""

    def slug(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "x"

    return f"{slug(forbund)}-{ar}-{slug(respondent)}.xlsx"


def deadline_warnings(deadline: dt.date | None, today: dt.date | None = None) -> list[Problem]:
    """A last day already past when the workbooks go out: said before anyone is asked to meet it."""
    today = today or dt.date.today()
    if deadline is not None and deadline < today:
        return [Problem("deadline_past", {"deadline": deadline.isoformat(), "today": today.isoformat()})]
    return []


def mismatches(plan: Round, a: Assessment, source: str, expected: str | None) -> list[Problem]:
    """Where a returned workbook says another förbund, year or party than the round file: named, not guessed."""
    found = []
    if not same(a.forbund, plan.forbund):
        found.append(("förbund", a.forbund, plan.forbund))
    if a.ar != plan.ar:
        found.append(("år", str(a.ar), str(plan.ar)))
    if expected is not None and a.respondent is not None and not same(a.respondent, expected):
        found.append(("respondent", a.respondent, expected))
    return [
        Problem("round_mismatch", {"key": k, "value": v, "expected": e, "round": ROUND_FILE}, source, key=k)
        for k, v, e in found
    ]


def parse_date(text: str, option: str) -> dt.date:
    """A date as the command line takes it (ÅÅÅÅ-MM-DD), or a usage error in words that names the option."""
    from .errors import UsageError

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError.one("bad_date", option=option, value=text) from None


def read_round(folder: Path) -> Round | None:
    """The round file in ``folder``, if there is one."""
    from pydantic import ValidationError

    from .read.problems import problems_from
    from .read.source import read_text
    from .read.yaml import parse_yaml

    path = folder / ROUND_FILE
    if not path.exists():
        return None
    located = parse_yaml(read_text(path), display_name(path))
    try:
        return Round.model_validate(located.data)
    except ValidationError as exc:
        raise TolvfaltError(problems_from(exc, located, Round)) from None


@dataclass
class Returned:
    """One expected respondent, or one file nobody expected."""

    name: str | None
    file: str | None
    result: FileResult | None
    open_in_excel: bool = False
    expected: bool = True
    late: bool = False
    """Not returned, and the round's last day has passed."""

    @property
    def returned(self) -> bool:
        """A workbook counts as returned once the party wrote something (``Part.has_response``, the same test
        merge uses): the sent copy lies in the folder too. One that cannot be read counts, to show its problems."""
        a = self.result.assessment if self.result else None
        return bool(self.result and (self.result.problems or (a and a.has_response())))

    @property
    def rated(self) -> int:
        a = self.result.assessment if self.result else None
        return sum(1 for f in a.falt.values() if f.bedomning is not None) if a else 0

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems if self.result else []


@dataclass
class RoundStatus:
    folder: str
    round: Round | None
    entries: list[Returned] = field(default_factory=list)
    today: dt.date | None = None
    warnings: list[Problem] = field(default_factory=list)
    """What a returned workbook says against the round file (another party, förbund or year)."""

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.entries for p in e.problems]

    @property
    def late(self) -> list[str]:
        """The parties that have not returned their workbook although the last day has passed."""
        return [e.name for e in self.entries if e.late and e.name]


def _lock_names(names: list[str]) -> set[str]:
    """What the lock files in a folder name: Excel's ``~$`` (in place of the first two letters of a long name, or
    before a short one) and LibreOffice's ``.~lock.NAME#``."""
    found = set()
    for n in names:
        if n.startswith("~$"):
            found.add(n[2:])
        elif n.startswith(".~lock.") and n.endswith("#"):
            found.add(n[len(".~lock.") : -1])
    return found


def _is_open(name: str, locks: set[str]) -> bool:
    return name in locks or (len(name) > 2 and name[2:] in locks)


def status(folder: Path, framework: Framework, lang: Lang = "sv", today: dt.date | None = None) -> RoundStatus:
    """Who has returned a workbook, how complete it is and what is wrong; who is late; files nobody expected;
    workbooks open in Excel or LibreOffice (its lock file lies beside them). A workbook the party renamed is
    matched to its party by the respondent written inside it."""
    if not folder.is_dir():
        raise TolvfaltError.one("not_a_folder", file=display_name(folder))
    today = today or dt.date.today()
    plan = read_round(folder)
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    locks = _lock_names(names)
    expected_files = {invited.fil for invited in plan.svarande} if plan else set()
    warnings: list[Problem] = []
    others: dict[str, FileResult] = {}
    for name in names:
        path = folder / name
        if name in expected_files or name == ROUND_FILE or is_clutter(path) or name.startswith(".~lock."):
            continue
        if path.suffix.lower() in (*READABLE, *OTHER_SPREADSHEETS):  # an .ods return: told how to convert it
            others[name] = read_one(path, framework, personal=True)
    entries = []
    for invited in plan.svarande if plan else []:
        path = folder / invited.fil
        result = read_one(path, framework, personal=True) if path.exists() else None
        entry = Returned(invited.namn, invited.fil if path.exists() else None, result, _is_open(invited.fil, locks))
        if not entry.returned:  # renamed by the party: found by the respondent inside, or saved in another format
            for name, other in list(others.items()):
                a = other.assessment
                renamed = bool(a and a.respondent and same(a.respondent, invited.namn) and a.has_response())
                converted = a is None and Path(name).stem == Path(invited.fil).stem
                if renamed or converted:
                    entry = Returned(invited.namn, name, others.pop(name), _is_open(name, locks))
                    break
        a = entry.result.assessment if entry.result else None
        if plan is not None and a is not None and entry.returned:
            warnings += mismatches(plan, a, display_name(folder / (entry.file or invited.fil)), invited.namn)
        entry.late = bool(plan and plan.sista_dag and plan.sista_dag < today and not entry.returned)
        entries.append(entry)
    for name, result in others.items():
        a = result.assessment
        head = a is not None and a.respondent is None and not a.svarande  # the förbundschef's own part
        who = a.respondent if a and a.respondent else (label("head_part", lang) if head else None)
        entries.append(Returned(who, visible(name), result, _is_open(name, locks), expected=plan is None or head))
    return RoundStatus(display_name(folder), plan, entries, today, warnings)
