"""The folder served: a round folder (it has ``omgang.yaml``), or a folder with one round folder per year. Every
path the app touches is found by listing this folder, never built from what a request says, and stays inside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, TolvfaltError
from ..framework import Framework
from ..model import Assessment
from ..read import READABLE, ROUND_FILE, YAML_SUFFIXES
from ..read.many import FileResult, expand, read_one
from ..round import Round, RoundStatus, read_round, status

HEAD_FILE = "forbundschefens-del.yaml"
"""The förbundschef's own part, when the app has to start one."""
ASIDE = "avvisade"
"""Where an upload with problems is kept, outside the round (status and merge read no subfolder)."""
EARLIER = "tidigare"
"""Where a party's earlier return goes when it returns again."""


class NotFound(LookupError):
    """No such round, field or file in the folder."""


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, links followed, lies in ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


@dataclass
class RoundFolder:
    """One year's round: its folder and what its round file says (or why it cannot be read)."""

    id: str
    """The folder's name, as the address shows it."""
    path: Path
    plan: Round | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.plan.ar if self.plan else None

    def status(self, framework: Framework) -> RoundStatus:
        return status(self.path, framework)

    def late(self, today: dt.date | None = None) -> bool:
        """Whether the deadline has passed."""
        due = self.plan.sista_dag if self.plan else None
        return due is not None and (today or dt.date.today()) > due


@dataclass
class Head:
    """The förbundschef's own part: the one assessment in the round without ``respondent`` and ``svarande``."""

    path: Path
    result: FileResult | None
    """None while the file does not exist yet."""
    ambiguous: list[str] = field(default_factory=list)
    """Files that could each be the own part, when there is more than one."""

    @property
    def assessment(self) -> Assessment | None:
        return self.result.assessment if self.result else None

    @property
    def problems(self) -> list[Problem]:
        if self.ambiguous:
            return [Problem("serve_heads", {"files": ", ".join(self.ambiguous)})]
        return self.result.problems if self.result else []

    @property
    def editable(self) -> bool:
        """Only a YAML file the app could read, and only one of them."""
        return not self.problems and self.path.suffix.lower() in YAML_SUFFIXES


def is_head(a: Assessment | None) -> bool:
    return a is not None and a.respondent is None and not a.svarande


class Folder:
    """The folder the app serves, read afresh on every request: the files are the only state."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def is_round(self) -> bool:
        return (self.root / ROUND_FILE).is_file()

    def rounds(self) -> list[RoundFolder]:
        """The root when it is a round, else each folder in it with a round file, newest year first."""
        if self.is_round:
            return [self._round(self.root.resolve().name or "omgang", self.root)]
        found = []
        try:
            children = sorted(p for p in self.root.iterdir() if not p.name.startswith("."))
        except OSError:
            return []
        for child in children:
            if child.is_dir() and (child / ROUND_FILE).is_file() and inside(self.root, child):
                found.append(self._round(child.name, child))
        return sorted(found, key=lambda r: (-(r.year or 0), r.id))

    @staticmethod
    def _round(name: str, path: Path) -> RoundFolder:
        try:
            return RoundFolder(name, path, read_round(path))
        except TolvfaltError as exc:
            return RoundFolder(name, path, None, exc.problems)

    def round(self, name: str) -> RoundFolder:
        for r in self.rounds():
            if r.id == name:
                return r
        raise NotFound(name)

    def new_round_path(self, year: int) -> Path:
        return self.root / str(year)

    def loose_files(self, framework: Framework) -> list[FileResult]:
        """Assessments lying in the root itself (a merged file of an earlier year, say), when it is no round."""
        if self.is_round:
            return []
        return [read_one(p, framework) for p in expand([self.root]) if inside(self.root, p)]


def head_of(r: RoundFolder, s: RoundStatus) -> Head:
    """The own part of a round, from its status: the one file without respondent; else the app's own file name,
    which, when it exists but is not a readable own part, is never written over."""
    found = [e for e in s.entries if e.result and e.file and is_head(e.result.assessment)]
    if len(found) > 1:
        return Head(r.path / str(found[0].file), found[0].result, [str(e.file) for e in found])
    if found:
        return Head(r.path / str(found[0].file), found[0].result)
    path = r.path / HEAD_FILE
    if not (path.exists() or path.is_symlink()):
        return Head(path, None)
    entry = next((e for e in s.entries if e.file == HEAD_FILE and e.result), None)
    if entry is not None and entry.result is not None and entry.result.problems:
        return Head(path, entry.result)
    return Head(path, FileResult(HEAD_FILE, None, [Problem("serve_head_not_own", {"file": HEAD_FILE})]))


def last_year(folder: Folder, r: RoundFolder, framework: Framework) -> tuple[Assessment, str] | None:
    """Last year's assessment of the round's förbund, and where it came from: the round folder of the year
    before, merged; else a file in the root without respondent (a merged one first)."""
    if r.plan is None:
        return None
    plan = r.plan
    for other in folder.rounds():
        if other.plan and (other.plan.forbund, other.plan.ar) == (plan.forbund, plan.ar - 1):
            combined = merged_round(other, framework)
            if combined is not None:
                return combined, other.id
    loose = [
        f
        for f in folder.loose_files(framework)
        if f.assessment is not None
        and f.assessment.respondent is None
        and (f.assessment.forbund, f.assessment.ar) == (plan.forbund, plan.ar - 1)
    ]
    loose.sort(key=lambda f: not (f.assessment and f.assessment.svarande))
    return (loose[0].loaded, Path(loose[0].source).name) if loose else None


def merged_round(r: RoundFolder, framework: Framework) -> Assessment | None:
    """A round's parties and own part as one assessment, or None when it cannot be merged (yet)."""
    from ..api import merge

    try:
        return merge([r.path], framework).combined()
    except TolvfaltError:
        return None


def readable_suffix(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return suffix if suffix in READABLE else None
