"""The yearly round: who was sent a workbook (the round file the send-out writes beside them), and who has
returned it, how complete, with what problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .errors import Problem, TolvfaltError
from .framework import Framework
from .i18n import Lang, label
from .model import Line
from .read.many import ROUND_FILE, FileResult, is_clutter, read_one
from .read.source import display_name

__all__ = ["ROUND_FILE", "Round", "RoundStatus", "file_name", "read_round", "status"]


class Invited(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)
    namn: Line
    fil: Line


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


@dataclass
class RoundStatus:
    folder: str
    round: Round | None
    entries: list[Returned] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.entries if e.result for p in e.result.problems]


def status(folder: Path, framework: Framework, lang: Lang = "sv") -> RoundStatus:
    """Who has returned a workbook, how complete it is and what is wrong; files nobody expected; workbooks open
    in Excel (its lock file lies beside them)."""
    if not folder.is_dir():
        raise TolvfaltError.one("not_a_folder", file=display_name(folder))
    plan = read_round(folder)
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    locked = {n[2:] for n in names if n.startswith("~$")}
    entries = []
    expected_files = set()
    for invited in plan.svarande if plan else []:
        expected_files.add(invited.fil)
        path = folder / invited.fil
        result = read_one(path, framework) if path.exists() else None
        opened = any(invited.fil.endswith(rest) for rest in locked)
        entries.append(Returned(invited.namn, invited.fil if path.exists() else None, result, opened))
    for name in names:
        path = folder / name
        if name in expected_files or name == ROUND_FILE or is_clutter(path):
            continue
        if path.suffix.lower() not in (".yaml", ".yml", ".xlsx", ".xlsm"):
            continue
        result = read_one(path, framework)
        a = result.assessment
        head = a is not None and a.respondent is None and not a.svarande  # the förbundschef's own part
        who = a.respondent if a and a.respondent else (label("head_part", lang) if head else None)
        opened = any(name.endswith(rest) for rest in locked)
        entries.append(Returned(who, name, result, opened, expected=plan is None or head))
    return RoundStatus(display_name(folder), plan, entries)
