from pathlib import Path
from typing import Annotated

import typer

from .options import (
    DebugOption,
    ForceMergeOption,
    FrameworkOption,
    LangOption,
    Language,
    OutputOption,
    command_context,
    format_help,
    warn,
)
from .texts import t

NAME = "merge"
HELP = t(
    "Slå ihop flera parters svar för ett förbund och år; markera bedömningar som skiljer sig med 2 eller mer.",
    "Combine several respondents' answers for one förbund and year; flag ratings that differ by 2 or more.",
)


def command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FIL_ELLER_MAPP",
            help=t(
                "Parternas svar (.yaml, .xlsx) eller mappar.", "The respondents' assessments (.yaml, .xlsx) or folders."
            ),
        ),
    ],
    output: OutputOption = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help=format_help("merged"))] = None,
    head: Annotated[
        Path | None,
        typer.Option(
            "--head",
            metavar=t("FIL", "FILE"),
            help=t(
                "Förbundschefens egen del: gemensamma bedömningar, analys, åtgärder, uppföljning.",
                "The förbundschef's own part: agreed ratings, analys, åtgärder, follow-up.",
            ),
        ),
    ] = None,
    force: ForceMergeOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Without -o: the ratings with their spread. -o .md/.html: every answer side by side; .yaml/.xlsx/.docx: one
    combined assessment (answers labelled by respondent, each party's rating, all points)."""
    from ..api import merge
    from ..read.many import expand
    from .options import progress
    from .output import choose, emit

    with command_context(lang, framework, debug) as (language, fw):
        chosen = choose(NAME, "merged", fmt, output)
        files = expand(paths)
        with progress(len(files), language) as tick:
            merged = merge(paths, fw, force=force, head=head, output=output, progress=tick)
        inputs = [*files, *(p for p in (framework, head) if p)]
        warn(merged.warnings, language)
        emit(merged, chosen, output, language, inputs=inputs, framework=fw, force=force)
