from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context, wrote

NAME = "template"
HELP = "Write the Excel template to fill in: blank, or pre-filled from last year's assessment."


def command(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the workbook.")] = Path(
        "tolvfaltaren.xlsx"
    ),
    previous: Annotated[
        Path | None,
        typer.Option("--from", help="Last year's assessment: metadata for år + 1, its answers beside for reference."),
    ] = None,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..load import load
    from ..output import write_atomic
    from ..render.xlsx import template

    with command_context(lang, framework, debug) as (language, fw):
        last = load(previous, fw) if previous else None
        write_atomic(output, template(fw, language, last), inputs=[previous] if previous else [])
        wrote(output, language)
