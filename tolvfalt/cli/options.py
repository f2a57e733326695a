"""Options shared by several commands, defined once; and the one place errors become messages and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..formats import Kind, formats_for
from ..i18n import Lang
from .texts import t

if TYPE_CHECKING:
    from ..errors import Problem
    from ..framework import Framework


class Language(str, Enum):
    sv = "sv"
    en = "en"


LangOption = Annotated[
    Language,
    typer.Option("--lang", help=t("Språk för meddelanden och dokument.", "Language of messages and documents.")),
]
FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        metavar=t("FIL", "FILE"),
        help=t(
            "En egen ramverksfil (rader, fält, frågor, skala).",
            "A framework file of your own (rows, fields, questions, scale).",
        ),
        dir_okay=False,
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help=t("Visa Pythons spårning av ett fel.", "Show the Python traceback of an error."))
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        metavar=t("FIL", "FILE"),
        help=t(
            "Skriv till den här filen; filändelsen väljer formatet.",
            "Write to this file; its extension chooses the format.",
        ),
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help=t(
            "Skriv över en befintlig .yaml- eller .xlsx-fil (den kan innehålla svar).",
            "Write over an existing .yaml or .xlsx file (it may hold answers).",
        ),
    ),
]
ForceAnyOption = Annotated[
    bool, typer.Option("--force", help=t("Skriv över en befintlig fil.", "Write over an existing file."))
]
ForceMergeOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help=t(
            "Slå ihop även om förbund eller år skiljer sig; skriv över en befintlig .yaml/.xlsx.",
            "Merge even if förbund or år differ; write over an existing .yaml/.xlsx.",
        ),
    ),
]
ForbundOption = Annotated[
    str | None,
    typer.Option(
        "--forbund",
        metavar=t("NAMN", "NAME"),
        help=t(
            "Förbundets namn, där --from eller filen inte ger det.",
            "The förbund's name, where --from or the file does not.",
        ),
    ),
]
YearOption = Annotated[
    int | None,
    typer.Option(
        "--ar",
        metavar=t("ÅR", "YEAR"),
        help=t(
            "Året, där filen inte ger det (med --from: dess år + 1).",
            "The year, where the file does not (--from: its year + 1).",
        ),
    ),
]
FromOption = Annotated[
    Path | None,
    typer.Option(
        "--from",
        metavar=t("FIL", "FILE"),
        help=t(
            "Förra årets kartläggning: uppgifter för år + 1, förra årets svar bredvid.",
            "Last year's assessment: metadata for år + 1, its answers beside for reference.",
        ),
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help=t("Räkna en ofullständig kartläggning som ett fel.", "Treat an incomplete assessment as an error."),
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=t("Skriv resultatet som JSON.", "Print the results as JSON."))]


def format_help(kind: Kind) -> str:
    """The help of a command's --format: the formats it can write (the choice is checked by ``output.choose``)."""
    names = ", ".join(f.name for f in formats_for(kind))
    return t(
        f"Format att skriva: {names}. Annars efter filändelsen i -o, eller terminalen.",
        f"Output format: {names}. Default: from -o's extension, else the terminal.",
    )


def lang_of(value: Language) -> Lang:
    return "en" if value is Language.en else "sv"


def err(text: str) -> None:
    """A line on stderr; a control character in it (from a file's name or a cell, say) is shown as its escape.
    Plain text, as written: a command that writes a file loads no terminal library to say so."""
    from ..text import visible

    sys.stderr.write(visible(text) + "\n")
    sys.stderr.flush()


@contextmanager
def user_errors(lang: Lang, debug: bool) -> Iterator[None]:
    """Turn the library's errors into one line each on stderr and exit 1 (2 for a usage error); with ``debug``,
    re-raise."""
    from ..errors import TolvfaltError, UsageError

    try:
        yield
    except TolvfaltError as exc:
        if debug:
            raise
        for problem in exc.problems:
            err(problem.format(lang))
        raise typer.Exit(2 if isinstance(exc, UsageError) else 1) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # a fault of tolvfalt's own: one line, not a traceback, unless --debug
        if debug:
            raise
        from ..i18n import message

        err(message("internal_error", lang, detail=f"{type(exc).__name__}: {exc}"[:300]))
        raise typer.Exit(70) from None


@contextmanager
def command_context(lang: Language, framework: Path | None, debug: bool) -> Iterator[tuple[Lang, Framework]]:
    """What every command starts with: its language, the framework, and the library's errors turned into messages."""
    from ..read.framework import load_framework

    language = lang_of(lang)
    with user_errors(language, debug):
        yield language, load_framework(framework)


def warn(problems: Iterable[Problem], lang: Lang) -> None:
    """Each problem that does not stop the command, as a line on stderr: "varning: …"."""
    from ..i18n import label

    for problem in problems:
        err(f"{label('warning', lang)}: {problem.format(lang)}")


def wrote(path: Path, lang: Lang) -> None:
    from ..i18n import label
    from ..read.source import display_name

    err(label("written", lang, path=display_name(path)))


PROGRESS_MIN_FILES = 5


@contextmanager
def progress(count: int, lang: Lang) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr while reading more than a handful of files, only when stderr is a terminal."""
    if count <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    text = "Läser" if lang == "sv" else "Reading"
    with Progress(TextColumn(text), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True) as bar:
        task = bar.add_task(text, total=count)
        yield lambda _: bar.advance(task)
