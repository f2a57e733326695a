"""The library's entry points: each takes paths as ``str`` or ``Path`` and a framework (default: the shipped one)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .read.framework import default_framework
from .read.many import FileResult, expand, read_many

if TYPE_CHECKING:
    from .comparison import Comparison
    from .framework import Framework
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
    files = [p for p in expand(paths) if head is None or p.resolve() != Path(head).resolve()]
    own = read_one(Path(head), framework) if head is not None else None
    return build(read_many(files, framework, progress=progress), framework, force=force, head=own)
