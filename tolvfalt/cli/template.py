from pathlib import Path
from typing import Annotated

import typer

from .options import (
    DebugOption,
    ForbundOption,
    ForceAnyOption,
    FrameworkOption,
    FromOption,
    LangOption,
    Language,
    YearOption,
    command_context,
    warn,
    wrote,
)
from .texts import t

NAME = "template"
HELP = t(
    "Skriv Excelmallen att fylla i: tom, ifylld från förra året, eller en per part för årets omgång.",
    "Write the Excel template to fill in: blank, pre-filled from last year, or one per respondent for the round.",
)


def command(
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            metavar=t("FIL", "FILE"),
            help=t(
                "Vart arbetsboken (.xlsx) ska skrivas, eller omgångens mapp.",
                "Where to write the workbook (.xlsx), or the round's folder.",
            ),
        ),
    ] = Path("tolvfaltaren.xlsx"),
    previous: FromOption = None,
    respondents: Annotated[
        list[str] | None,
        typer.Option(
            "--respondent",
            metavar="PART",
            help=t(
                "En part att skicka en arbetsbok till (upprepa); -o är då en mapp.",
                "A party to send a workbook to (repeat); -o is then a folder.",
            ),
        ),
    ] = None,
    forbund: ForbundOption = None,
    year: YearOption = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            help=t("Sista dag att lämna in arbetsböckerna (ÅÅÅÅ-MM-DD).", "When the workbooks are due (YYYY-MM-DD)."),
            metavar=t("DATUM", "DATE"),
        ),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            metavar=t("KONTAKT", "CONTACT"),
            help=t("Vem arbetsboken skickas till, eller vem man frågar.", "Whom to send the workbook to, or to ask."),
        ),
    ] = None,
    force: ForceAnyOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..api import send_out
    from ..formats.xlsx import template
    from ..read import EXCEL_SUFFIXES, load
    from ..round import deadline_warnings, parse_date
    from ..write import write_atomic
    from .output import require_suffix

    with command_context(lang, framework, debug) as (language, fw):
        if respondents:
            due = parse_date(deadline, "--deadline") if deadline else None
            warn(deadline_warnings(due), language)
            written = send_out(
                output, respondents, forbund=forbund, ar=year, deadline=due,
                contact=contact, previous=previous, framework=fw, framework_file=framework, lang=language,
                force=force,
            )  # fmt: skip
            for path in written:
                wrote(path, language)
            return
        require_suffix(NAME, output, EXCEL_SUFFIXES[:1])
        last = load(previous, fw) if previous else None
        inputs = [p for p in (previous, framework) if p]
        content = template(fw, language, last, forbund=forbund, ar=year)
        write_atomic(output, content, inputs=inputs, force=force, replaces_anything=True)
        wrote(output, language)
