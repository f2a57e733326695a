from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context, err

NAME = "serve"
HELP = "The round in the browser: status, returned workbooks, field by field, the document; over the same files."
PORT = 8012


def command(
    folder: Annotated[
        Path,
        typer.Argument(help="A round folder, or a folder with one round folder per year.", file_okay=False),
    ] = Path("."),
    host: Annotated[
        str, typer.Option("--host", help="The address to listen on; beyond 127.0.0.1 a secret token is required.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="The port to listen on (0: any free port).", min=0, max=65535)
    ] = PORT,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open the address in the browser.")] = True,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Stop with Ctrl-C (or SIGTERM)."""
    from ..errors import TolvfaltError
    from ..serve import missing_stack

    with command_context(lang, framework, debug) as (language, fw):
        missing = missing_stack()
        if missing:
            raise TolvfaltError.one("serve_missing", name=missing)
        if not folder.is_dir():
            raise TolvfaltError.one("not_a_folder", file=str(folder))
        from ..serve.server import run

        run(folder, fw, language, host, port, open_browser=open_browser, debug=debug, say=err)
