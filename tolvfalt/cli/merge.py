from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import (
    DebugOption,
    ForceMergeOption,
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


def command(
    paths: Annotated[list[Path], typer.Argument(help="The respondents' assessments (.yaml, .xlsx) or folders.")],
    output: OutputOption = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=format_help("merged"))] = None,
    head: Annotated[
        Path | None,
        typer.Option("--head", help="The förbundschef's own part: agreed ratings, analys, åtgärder, follow-up."),
    ] = None,
    force: ForceMergeOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Without -o: the ratings with their spread. -o .md/.html: every answer side by side; .yaml/.xlsx/.docx: one
    combined assessment (answers labelled by respondent, each party's rating, all points)."""
    from ..api import merge
    from ..read.many import expand
    from .options import progress
    from .output import choose, emit

    with command_context(lang, framework, debug) as (language, fw):
        chosen = choose(NAME, "merged", fmt, output)
        files = expand(paths)
        with progress(len(files), language) as tick:
            merged = merge(paths, fw, force=force, head=head, output=output, progress=tick)
        inputs = [*files, *(p for p in (framework, head) if p)]
        warn(merged.warnings, language)
        emit(merged, chosen, output, language, inputs=inputs, framework=fw, force=force)
