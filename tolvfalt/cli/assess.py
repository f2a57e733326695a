from pathlib import Path
from typing import Annotated

import typer

from .options import (
    DebugOption,
    ForceOption,
    FrameworkOption,
    LangOption,
    Language,
    OutputOption,
    StrictOption,
    command_context,
    err,
    format_help,
    warn,
)
from .texts import t

NAME = "assess"
DOCUMENTS = ("md", "html", "pdf", "docx")  # those that show what changed since last year
HELP = t(
    "Läs en kartläggning (YAML eller xlsx), kontrollera den och skriv ut den.",
    "Load an assessment (YAML or xlsx), validate it and render it.",
)


def command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FIL", help=t("Kartläggningen: .yaml, .yml eller .xlsx.", "The assessment: .yaml, .yml or .xlsx.")
        ),
    ],
    output: OutputOption = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help=format_help("assessment"))] = None,
    lang: LangOption = Language.sv,
    strict: StrictOption = False,
    force: ForceOption = False,
    framework: FrameworkOption = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            metavar=t("FIL", "FILE"),
            help=t(
                "Förra årets kartläggning, för att visa vad som ändrats (annars den i samma mapp).",
                "Last year's assessment, to show what changed (default: found in the same folder).",
            ),
        ),
    ] = None,
    docx_template: Annotated[
        Path | None,
        typer.Option(
            "--docx-template",
            metavar=t("FIL", "FILE"),
            help=t(
                "En .docx vars formatmallar, sidinställningar och brevhuvud dokumentet använder.",
                "A .docx whose styles, page setup and letterhead the document uses.",
            ),
        ),
    ] = None,
    anonymise: Annotated[
        bool,
        typer.Option(
            "--anonymisera",
            help=t(
                "Skriv ett utkast där varje personuppgift är ersatt med [personuppgift borttagen].",
                "Write a draft with every piece of personal data replaced by [personuppgift borttagen].",
            ),
        ),
    ] = False,
    debug: DebugOption = False,
) -> None:
    from ..errors import TolvfaltError
    from ..formats.view.common import completeness_text
    from ..i18n import label
    from ..model import completeness
    from ..read import load_located
    from ..read.source import display_name
    from .output import choose, emit

    with command_context(lang, framework, debug) as (language, fw):
        chosen = choose(NAME, "assessment", fmt, output, piped="md")
        assessment, located = load_located(file, fw)
        done = completeness(assessment, fw)
        if not done.complete and not assessment.svarande:  # a round's document says each party's completeness
            if strict:
                raise TolvfaltError.one(
                    "incomplete", file=display_name(file), n=len(done.answered), total=done.total,
                    ids=", ".join(done.missing),
                )  # fmt: skip
            err(f"{display_name(file)}: {completeness_text(done, language)}")
        options: dict[str, object] = {"docx_template": docx_template} if chosen.name == "docx" and docx_template else {}
        options |= {"anonymise": anonymise, "line_for": located.line_for}
        if chosen.name in DOCUMENTS:
            from ..api import choose_previous

            last = choose_previous(file, assessment, fw, given=previous)
            warn(last.warnings, language)
            if last.path is not None:
                options["previous"] = last.assessment
                err(label("compared_with", language, path=display_name(last.path)))
        inputs = [file, *(p for p in (docx_template, framework, previous) if p)]
        source = display_name(file)
        emit(assessment, chosen, output, language, inputs=inputs, framework=fw, force=force, source=source, **options)
