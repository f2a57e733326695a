from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..render import FORMATS
from .options import (
    DebugOption,
    FrameworkOption,
    LangOption,
    Language,
    OutputOption,
    StrictOption,
    command_context,
    err,
    wrote,
)

NAME = "assess"
HELP = "Load an assessment (YAML or xlsx), validate it and render it."
Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


def command(
    file: Annotated[Path, typer.Argument(help="The assessment: .yaml, .yml or .xlsx.")],
    output: OutputOption = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help="Output format; default from -o's extension, else terminal on a tty, md in a pipe."
        ),
    ] = None,
    lang: LangOption = Language.sv,
    strict: StrictOption = False,
    framework: FrameworkOption = None,
    docx_template: Annotated[
        Path | None,
        typer.Option("--docx-template", help="A .docx whose styles, page setup and letterhead the document uses."),
    ] = None,
    debug: DebugOption = False,
) -> None:
    from ..errors import TolvfaltError
    from ..load import load
    from ..model import completeness
    from ..render import BINARY, format_for, render
    from ..render.common import completeness_text
    from ..source import display_name

    with command_context(lang, framework, debug) as (language, fw):
        assessment = load(file, fw)
        done = completeness(assessment, fw.question_ids)
        if not done.complete:
            if strict:
                raise TolvfaltError.one(
                    "incomplete",
                    file=display_name(file),
                    n=len(done.answered),
                    total=done.total,
                    ids=", ".join(done.missing),
                )
            err(f"{display_name(file)}: {completeness_text(done, language)}")
        chosen = fmt.value if fmt else (format_for(output) if output else None)
        if chosen is None:
            chosen = "md" if output or not _tty() else "terminal"
        if output is None:
            if chosen in BINARY:
                raise TolvfaltError.one("needs_output", fmt=chosen)
            if chosen == "terminal":
                from rich.console import Console

                from ..render.terminal import render as terminal

                Console().print(terminal(assessment, fw, language))
                return
            typer.echo(render(chosen, assessment, fw, language), nl=False)
            return
        from ..output import write_atomic

        options = {"template": docx_template} if chosen == "docx" and docx_template else {}
        write_atomic(output, render(chosen, assessment, fw, language, **options), inputs=[file])
        wrote(output, language)


def _tty() -> bool:
    import sys

    return sys.stdout.isatty()
