from enum import Enum
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context
from .texts import t

NAME = "schema"
HELP = t(
    "Skriv JSON Schema för kartläggningsfilen (för kontroll och tips i editorer) eller för ett kommandos --json.",
    "Print the JSON Schema of the assessment file, for validation and hints in editors, or of a command's --json.",
)


class Output(str, Enum):
    assessment = "assessment"
    check = "check"
    status = "status"
    compare = "compare"
    merge = "merge"


def command(
    output: Annotated[
        Output,
        typer.Option(
            "--output",
            metavar=t("FIL", "FILE"),
            help=t(
                "Vilket schema: kartläggningsfilens (standard) eller ett kommandos JSON-utdata.",
                "Whose schema: the assessment file (default) or a command's JSON output.",
            ),
        ),
    ] = Output.assessment,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    import json

    from .output import echo

    with command_context(lang, framework, debug) as (language, fw):
        if output is Output.assessment:
            from ..schema import json_schema

            schema = json_schema(fw, language)
        else:
            from ..formats.contract import output_schema

            schema = output_schema(output.value)
        echo(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
