from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, err, lang_of, user_errors

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
    lang: LangOption = "sv",  # type: ignore[assignment]
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..framework import load_framework
    from ..i18n import label
    from ..load import load
    from ..output import write_atomic
    from ..render.xlsx import template
    from ..source import display_name

    language = lang_of(lang)
    with user_errors(language, debug):
        fw = load_framework(framework)
        last = load(previous, fw) if previous else None
        write_atomic(output, template(fw, language, last), inputs=[previous] if previous else [])
        err(label("written", language, path=display_name(output)))
