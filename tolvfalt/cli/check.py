from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, StrictOption, command_context

NAME = "check"
HELP = "Validate assessments without rendering them: one line per file, exit 1 if any fails."


def command(
    files: Annotated[list[Path], typer.Argument(help="Assessments to check (.yaml, .yml, .xlsx).")],
    strict: StrictOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..checking import check_files

    with command_context(lang, framework, debug) as (language, fw):
        results = check_files(files, fw, strict=strict)
    if as_json:
        import json

        typer.echo(json.dumps([r.to_dict(language) for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            typer.echo(result.format(language))
    if not all(r.ok for r in results):
        raise typer.Exit(1)
