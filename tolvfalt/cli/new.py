import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .texts import t

if TYPE_CHECKING:
    from ..framework import Framework
    from ..model import Assessment

from .options import (
    DebugOption,
    ForbundOption,
    ForceAnyOption,
    FrameworkOption,
    LangOption,
    Language,
    YearOption,
    command_context,
    wrote,
)

NAME = "new"
HELP = t(
    "Börja årets YAML-fil med varje fråga som kommentar.",
    "Start a new year's YAML file with every question as a comment.",
)


def command(
    path: Annotated[
        Path, typer.Argument(metavar="FIL", help=t("YAML-filen som ska skapas.", "The YAML file to create."))
    ],
    previous: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar=t("FIL", "FILE"),
            help=t(
                "Förra årets kartläggning: förbund, ort och insatser följer med, år + 1.",
                "Last year's assessment: förbund, ort and insatser carry over, år + 1.",
            ),
        ),
    ] = None,
    forbund: ForbundOption = None,
    year: YearOption = None,
    head: Annotated[
        bool,
        typer.Option(
            "--head",
            metavar=t("FIL", "FILE"),
            help=t(
                "Förbundschefens egen del av en omgång: gemensam bedömning, analys och punkter per fält.",
                "The förbundschef's own part of a round: agreed ratings, analys and points per field.",
            ),
        ),
    ] = False,
    force: ForceAnyOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..errors import UsageError
    from ..read import YAML_SUFFIXES, load
    from ..read.source import display_name
    from ..skeleton import skeleton
    from ..write import write_atomic
    from .output import require_suffix

    with command_context(lang, framework, debug) as (language, fw):
        require_suffix(NAME, path, YAML_SUFFIXES)
        last = load(previous, fw) if previous else None
        name = forbund or (last.forbund if last else None)
        if not name:
            raise UsageError.one("needs_forbund")
        ar = year or (last.ar + 1 if last else dt.date.today().year)
        _refuse_what_check_would(name, ar, "--ar" if year else "--from")
        parties = _round_beside(path, fw) if head else None
        text = skeleton(
            fw, forbund=name, ar=ar, path=display_name(path), previous=last, lang=language, head=head, parties=parties
        )
        inputs = [p for p in (previous, framework) if p]
        write_atomic(path, text, inputs=inputs, force=force, replaces_anything=True)
        wrote(path, language)


def _refuse_what_check_would(forbund: str, ar: int, year_option: str) -> None:
    """A förbund or year the new file could not hold is a usage error now, not a problem at the first check."""
    from ..errors import UsageError
    from ..names import name_problems, year_problems

    problems = [*name_problems(forbund, "--forbund"), *year_problems(ar, year_option)]
    if problems:
        raise UsageError(problems)


def _round_beside(path: Path, fw: "Framework") -> "Assessment | None":
    """The parties' answers so far, when the file is written into a round's folder: their ratings as comments."""
    from ..api import merge
    from ..errors import TolvfaltError
    from ..read import ROUND_FILE

    folder = path.parent if str(path.parent) else Path(".")
    if not (folder / ROUND_FILE).exists():
        return None
    try:
        return merge([folder], fw, output=path).combined()
    except TolvfaltError:
        return None  # nobody has answered yet, or a file is broken: status says which
