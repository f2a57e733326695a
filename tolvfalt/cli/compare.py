from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..render.compare import FORMATS
from .options import DebugOption, FrameworkOption, LangOption, Language, OutputOption, command_context, progress, wrote

NAME = "compare"
HELP = "Compare assessments over the years and between förbund: ratings, completeness, what changed."
Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


def command(
    paths: Annotated[list[Path], typer.Argument(help="Assessment files (.yaml, .xlsx) or directories of them.")],
    output: OutputOption = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="Output format; default from -o's extension, else terminal.")
    ] = None,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..batch import expand, load_all
    from ..compare import compare
    from ..errors import TolvfaltError
    from ..output import write_atomic
    from ..render.compare import BINARY, SUFFIXES, render

    with command_context(lang, framework, debug) as (language, fw):
        files = expand(paths)
        if not files:
            raise TolvfaltError.one("no_files")
        with progress(files, language) as tick:
            loaded, problems = load_all(files, fw, tick)
        comparison = compare(loaded, fw)
        chosen = fmt.value if fmt else (SUFFIXES.get(output.suffix.lower(), "md") if output else "terminal")
        if output is not None:
            write_atomic(output, render(chosen, comparison, language), inputs=files)
            wrote(output, language)
        elif chosen in BINARY:
            raise TolvfaltError.one("needs_output", fmt=chosen)
        elif chosen == "terminal":
            from rich.console import Console

            from ..render.compare.terminal import render as terminal

            Console().print(terminal(comparison, language))
        else:
            typer.echo(render(chosen, comparison, language), nl=False)
        if problems:
            raise TolvfaltError(problems)
