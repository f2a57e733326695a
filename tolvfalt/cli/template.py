from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context, wrote

NAME = "template"
HELP = "Write the Excel template to fill in: blank, or pre-filled from last year's assessment."


def command(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the workbook (.xlsx).")] = Path(
        "tolvfaltaren.xlsx"
    ),
    previous: Annotated[
        Path | None,
        typer.Option("--from", help="Last year's assessment: metadata for år + 1, its answers beside for reference."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Write over an existing file.")] = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..formats.xlsx import template
    from ..read import load
    from ..write import write_atomic
    from .output import require_suffix

    with command_context(lang, framework, debug) as (language, fw):
        require_suffix(NAME, output, (".xlsx",))
        last = load(previous, fw) if previous else None
        inputs = [p for p in (previous, framework) if p]
        write_atomic(output, template(fw, language, last), inputs=inputs, force=force, replaces_anything=True)
        wrote(output, language)
