from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, JsonOption, LangOption, Language, command_context, warn
from .texts import t

NAME = "status"
HELP = t(
    "Årets omgång: vem som har lämnat in, hur fullständigt, vad som är fel.",
    "The yearly round: who has returned a workbook, how complete it is, what is wrong.",
)


def command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="MAPP",
            help=t(
                "Omgångens mapp (där template --respondent skrev).",
                "The folder of the round (where template --respondent wrote).",
            ),
        ),
    ],
    as_json: JsonOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Exit 1 only when a returned file cannot be read or is invalid."""
    from ..round import status
    from .output import choose, emit

    with command_context(lang, framework, debug) as (language, fw):
        chosen = choose(NAME, "status", "json" if as_json else None, None)
        result = status(folder, fw, language)
        emit(result, chosen, None, language, framework=fw)
        warn(result.warnings, language)
    if result.problems:
        raise typer.Exit(1)
