from __future__ import annotations

from .options import DebugOption, FrameworkOption, LangOption, lang_of, user_errors

NAME = "schema"
HELP = "Print the JSON Schema of the assessment file, for validation and hints in editors."


def command(lang: LangOption = "sv", framework: FrameworkOption = None, debug: DebugOption = False) -> None:  # type: ignore[assignment]
    import json

    import typer

    from ..framework import load_framework
    from ..schema import json_schema

    language = lang_of(lang)
    with user_errors(language, debug):
        typer.echo(json.dumps(json_schema(load_framework(framework), language), ensure_ascii=False, indent=2))
