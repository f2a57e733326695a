"""Options shared by several commands, defined once; and the one place errors become messages."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..i18n import Lang

if TYPE_CHECKING:
    from ..framework import Framework


class Language(str, Enum):
    sv = "sv"
    en = "en"


LangOption = Annotated[Language, typer.Option("--lang", help="Language of messages and documents.")]
FrameworkOption = Annotated[
    Path | None,
    typer.Option("--framework", help="A framework file of your own (rows, fields, questions, scale).", dir_okay=False),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the Python traceback of an error.")]
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write to this file; its extension chooses the format.")
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Treat an incomplete assessment as an error.")]


def lang_of(value: Language) -> Lang:
    return "en" if value is Language.en else "sv"


def err(text: str) -> None:
    from rich.console import Console

    Console(stderr=True, highlight=False, soft_wrap=True).print(text, markup=False)


@contextmanager
def user_errors(lang: Lang, debug: bool) -> Iterator[None]:
    """Turn the library's errors into one line each on stderr and exit 1; with ``debug``, re-raise."""
    from ..errors import TolvfaltError

    try:
        yield
    except TolvfaltError as exc:
        if debug:
            raise
        for problem in exc.problems:
            err(problem.format(lang))
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


@contextmanager
def command_context(lang: Language, framework: Path | None, debug: bool) -> Iterator[tuple[Lang, Framework]]:
    """What every command starts with: its language, the framework, and the library's errors turned into messages."""
    from ..framework import load_framework

    language = lang_of(lang)
    with user_errors(language, debug):
        yield language, load_framework(framework)


def wrote(path: Path, lang: Lang) -> None:
    from ..i18n import label
    from ..source import display_name

    err(label("written", lang, path=display_name(path)))


@contextmanager
def progress(files: list[Path], lang: Lang) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr while reading more than a handful of files, only when stderr is a terminal."""
    if len(files) <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    text = "Läser" if lang == "sv" else "Reading"
    with Progress(TextColumn(text), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True) as bar:
        task = bar.add_task(text, total=len(files))
        yield lambda _: bar.advance(task)


PROGRESS_MIN_FILES = 5
