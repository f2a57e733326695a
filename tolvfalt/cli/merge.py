from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import DebugOption, FrameworkOption, LangOption, Language, OutputOption, command_context, progress, wrote

NAME = "merge"
HELP = "Combine several respondents' answers for one förbund and year; flag ratings that differ by 2 or more."


def command(
    files: Annotated[list[Path], typer.Argument(help="The respondents' assessments (.yaml, .xlsx).")],
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force", help="Merge even if förbund or år differ.")] = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    """Without -o: the ratings with their spread. -o .md/.html: every answer side by side; .yaml/.xlsx/.docx: one
    combined assessment (answers labelled by respondent, the median rating, all points)."""
    from ..batch import expand, load_all
    from ..errors import TolvfaltError
    from ..merge import merge
    from ..output import write_atomic
    from ..render import format_for
    from ..render import merged as view
    from ..render import render as render_assessment

    with command_context(lang, framework, debug) as (language, fw):
        paths = expand(files)
        with progress(paths, language) as tick:
            loaded, problems = load_all(paths, fw, tick)
        if problems:
            raise TolvfaltError(problems)
        merged = merge(loaded, fw, force=force)
        if output is None:
            from rich.console import Console

            Console().print(view.to_terminal(merged, language))
            return
        fmt = format_for(output) or "md"
        if fmt == "md":
            content: str | bytes = view.to_markdown(merged, language)
        elif fmt == "html":
            content = view.to_html(merged, language)
        elif fmt == "json":
            import json

            content = json.dumps(merged.to_dict(), ensure_ascii=False, indent=2) + "\n"
        else:
            content = render_assessment(fmt, merged.combined(), fw, language)
        write_atomic(output, content, inputs=paths)
        wrote(output, language)
