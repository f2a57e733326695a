from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..errors import Problem

from .options import (
    DebugOption,
    FrameworkOption,
    LangOption,
    Language,
    OutputOption,
    command_context,
    format_help,
    warn,
)

NAME = "merge"
HELP = "Combine several respondents' answers for one förbund and year; flag ratings that differ by 2 or more."


def _missing_from_round(paths: list[Path], names: list[str]) -> list[Problem]:
    """Respondents a round file in one of the folders expects whose workbook is not there (one that is there but
    empty is named by merge itself)."""
    from ..errors import Problem
    from ..round import read_round

    missing = []
    for folder in (p for p in paths if p.is_dir()):
        plan = read_round(folder)
        for invited in plan.svarande if plan else []:
            if invited.namn not in names and not (folder / invited.fil).exists():
                missing.append(Problem("expected_missing", {"name": invited.namn, "file": invited.fil}))
    return missing


def command(
    paths: Annotated[list[Path], typer.Argument(help="The respondents' assessments (.yaml, .xlsx) or folders.")],
    output: OutputOption = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=format_help("merged"))] = None,
    head: Annotated[
        Path | None,
        typer.Option("--head", help="The förbundschef's own part: agreed ratings, analys, åtgärder, follow-up."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Merge even if förbund or år differ; write over an existing .yaml/.xlsx.")
    ] = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Without -o: the ratings with their spread. -o .md/.html: every answer side by side; .yaml/.xlsx/.docx: one
    combined assessment (answers labelled by respondent, the median rating, all points)."""
    from ..api import merge
    from ..read.many import expand
    from .options import progress
    from .output import choose, emit

    with command_context(lang, framework, debug) as (language, fw):
        chosen = choose(NAME, "merged", fmt, output)
        files = expand(paths)
        with progress(len(files), language) as tick:
            merged = merge(files, fw, force=force, head=head, progress=tick)
        inputs = [*files, *(p for p in (framework, head) if p)]
        warn([*_missing_from_round(paths, merged.names), *merged.warnings], language)
        emit(merged, chosen, output, language, inputs=inputs, framework=fw, force=force)
