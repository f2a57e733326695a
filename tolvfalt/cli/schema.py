from __future__ import annotations

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context

NAME = "schema"
HELP = "Print the JSON Schema of the assessment file, for validation and hints in editors."


def command(lang: LangOption = Language.sv, framework: FrameworkOption = None, debug: DebugOption = False) -> None:
    import json

    from ..schema import json_schema
    from .output import echo

    with command_context(lang, framework, debug) as (language, fw):
        echo(json.dumps(json_schema(fw, language), ensure_ascii=False, indent=2) + "\n")
