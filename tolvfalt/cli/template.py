from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..framework import Framework
    from ..i18n import Lang
    from ..model import Assessment

from .options import DebugOption, FrameworkOption, LangOption, Language, command_context, wrote

NAME = "template"
HELP = "Write the Excel template to fill in: blank, pre-filled from last year, or one per respondent for the round."


def command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the workbook (.xlsx), or the round's folder.")
    ] = Path("tolvfaltaren.xlsx"),
    previous: Annotated[
        Path | None,
        typer.Option("--from", help="Last year's assessment: metadata for år + 1, its answers beside for reference."),
    ] = None,
    respondents: Annotated[
        list[str] | None,
        typer.Option("--respondent", help="A party to send a workbook to (repeat); -o is then a folder."),
    ] = None,
    forbund: Annotated[str | None, typer.Option("--forbund", help="The förbund's name (when not --from).")] = None,
    year: Annotated[int | None, typer.Option("--ar", help="The year (default: --from's year + 1).")] = None,
    deadline: Annotated[
        dt.datetime | None,
        typer.Option("--deadline", help="When the workbooks are due (YYYY-MM-DD).", formats=["%Y-%m-%d"]),
    ] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="Whom to send the workbook to, or to ask.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Write over an existing file.")] = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..errors import UsageError
    from ..formats.xlsx import template
    from ..read import load
    from ..write import write_atomic
    from .output import require_suffix

    with command_context(lang, framework, debug) as (language, fw):
        last = load(previous, fw) if previous else None
        inputs = [p for p in (previous, framework) if p]
        if not respondents:
            require_suffix(NAME, output, (".xlsx",))
            write_atomic(output, template(fw, language, last), inputs=inputs, force=force, replaces_anything=True)
            wrote(output, language)
            return
        name = forbund or (last.forbund if last else None)
        ar = year or (last.ar + 1 if last else None)
        if not name or ar is None:
            raise UsageError.one("needs_forbund")
        _send_out(output, fw, language, last, respondents, name, ar, deadline, contact, inputs, force)


def _send_out(
    folder: Path,
    fw: Framework,
    language: Lang,
    last: Assessment | None,
    respondents: list[str],
    forbund: str,
    ar: int,
    deadline: dt.datetime | None,
    contact: str | None,
    inputs: list[Path],
    force: bool,
) -> None:
    """One workbook per respondent in ``folder``, and the round file that ``status`` and ``merge`` read."""
    from ..errors import TolvfaltError
    from ..formats.data import dump
    from ..formats.xlsx import Invitation, template
    from ..round import ROUND_FILE, Round, file_name
    from ..write import write_atomic

    due = deadline.date() if deadline else None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TolvfaltError.one("unwritable", file=str(folder), detail=exc.strerror or str(exc)) from None
    invited = []
    for respondent in dict.fromkeys(respondents):
        path = folder / file_name(forbund, ar, respondent)
        invitation = Invitation(respondent, forbund, ar, due.isoformat() if due else None, contact)
        content = template(fw, language, last, invitation)
        write_atomic(path, content, inputs=inputs, force=force, replaces_anything=True)
        wrote(path, language)
        invited.append({"namn": respondent, "fil": path.name})
    plan = Round.model_validate(
        {"förbund": forbund, "år": ar, "sista_dag": due, "kontakt": contact, "svarande": invited}
    )
    path = folder / ROUND_FILE
    write_atomic(path, dump(plan.model_dump(mode="json", exclude_none=True)), force=force, replaces_anything=True)
    wrote(path, language)
