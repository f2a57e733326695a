from pathlib import Path
from typing import Annotated

import typer

from .options import (
    DebugOption,
    ForceOption,
    FrameworkOption,
    LangOption,
    Language,
    OutputOption,
    command_context,
    format_help,
    warn,
)
from .texts import t

NAME = "compare"
HELP = t(
    "Jämför kartläggningar över åren och mellan förbund: bedömningar, hur fullständiga, vad som ändrats.",
    "Compare assessments over the years and between förbund: ratings, completeness, what changed.",
)


def command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FIL_ELLER_MAPP",
            help=t(
                "Kartläggningar (.yaml, .xlsx) eller mappar med sådana.",
                "Assessment files (.yaml, .xlsx) or directories of them.",
            ),
        ),
    ],
    output: OutputOption = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help=format_help("comparison"))] = None,
    force: ForceOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..api import compare
    from ..errors import TolvfaltError
    from ..read.many import expand
    from .options import progress
    from .output import choose, emit

    with command_context(lang, framework, debug) as (language, fw):
        chosen = choose(NAME, "comparison", fmt, output)
        files = expand(paths, skip=[output] if output else [])  # its own output of an earlier run is no input
        with progress(len(files), language) as tick:
            comparison = compare(files, fw, progress=tick)
        emit(comparison, chosen, output, language, inputs=[*files, *([framework] if framework else [])], force=force)
        warn(comparison.warnings, language)
        if comparison.problems:
            raise TolvfaltError(comparison.problems)
