from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, JsonOption, LangOption, Language, StrictOption, command_context
from .texts import t

NAME = "check"
HELP = t(
    "Kontrollera kartläggningar utan att skriva ut dem: en rad per fil, slutkod 1 om någon är fel.",
    "Validate assessments without rendering them: one line per file, exit 1 if any fails.",
)


def command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FIL_ELLER_MAPP",
            help=t(
                "Kartläggningar (.yaml, .yml, .xlsx) eller mappar med sådana.",
                "Assessments (.yaml, .yml, .xlsx) or folders of them.",
            ),
        ),
    ],
    strict: StrictOption = False,
    as_json: JsonOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..api import check
    from ..formats import render
    from ..read.many import expand
    from .options import progress
    from .output import echo

    with command_context(lang, framework, debug) as (language, fw):
        files = expand(paths)
        with progress(len(files), language) as tick:
            results = check(paths, fw, strict=strict, progress=tick)
        echo(render(results, "json" if as_json else "terminal", language))
    if not results or not all(r.ok for r in results):
        raise typer.Exit(1)
