from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context, err
from .texts import t

NAME = "serve"
HELP = t(
    "Årets omgång i webbläsaren: status, inlämnade arbetsböcker, fält för fält, dokumentet; över samma filer.",
    "The round in the browser: status, returned workbooks, field by field, the document; over the same files.",
)
PORT = 8012


def command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar=t("MAPP", "FOLDER"),
            help=t(
                "En omgångs mapp, eller en mapp med en omgångsmapp per år.",
                "A round folder, or a folder with one round folder per year.",
            ),
            file_okay=False,
        ),
    ] = Path("."),
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar=t("ADRESS", "ADDRESS"),
            help=t(
                "Adressen att lyssna på; utöver 127.0.0.1 krävs en hemlig nyckel.",
                "The address to listen on; beyond 127.0.0.1 a secret token is required.",
            ),
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port",
            metavar="PORT",
            help=t("Porten att lyssna på (0: valfri ledig port).", "The port to listen on (0: any free port)."),
            min=0,
            max=65535,
        ),
    ] = PORT,
    open_browser: Annotated[
        bool,
        typer.Option("--open/--no-open", help=t("Öppna adressen i webbläsaren.", "Open the address in the browser.")),
    ] = True,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Stoppa med Ctrl-C (eller SIGTERM). / Stop with Ctrl-C (or SIGTERM)."""
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
