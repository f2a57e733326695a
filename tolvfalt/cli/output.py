"""The one way a command's result leaves the program: a format chosen from --format or the file's extension,
then the terminal, standard output or a file written atomically."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..formats import BY_NAME, Format, Kind, format_for, formats_for
from ..i18n import Lang

if TYPE_CHECKING:
    from ..errors import Problem
    from ..framework import Framework


def choose(command: str, kind: Kind, fmt: Enum | str | None, output: Path | None, *, piped: str = "terminal") -> Format:
    """The format to write, or a usage error (exit 2) that lists the formats ``command`` can write. Without
    --format and -o: the terminal, or ``piped`` when standard output is not one."""
    from ..errors import UsageError
    from ..read.source import display_name

    names = ", ".join(f.name for f in formats_for(kind))
    name = fmt.value if isinstance(fmt, Enum) else fmt
    if name is not None:
        chosen = BY_NAME.get(name)
        if chosen is None or kind not in chosen.kinds:
            raise UsageError.one("format_not_for", command=command, fmt=name, formats=names)
        return chosen
    if output is None:
        return BY_NAME["terminal" if sys.stdout.isatty() else piped]
    found = format_for(output, kind)
    if found is not None:
        return found
    suffixes = ", ".join(s for f in formats_for(kind) for s in f.suffixes)
    if not output.suffix:
        raise UsageError.one("no_suffix", file=display_name(output), formats=suffixes)
    raise UsageError.one(
        "unknown_suffix", file=display_name(output), suffix=output.suffix, command=command, formats=suffixes
    )


def emit(
    obj: Any,
    fmt: Format,
    output: Path | None,
    lang: Lang,
    *,
    inputs: Iterable[Path] = (),
    framework: Framework | None = None,
    force: bool = False,
    source: str | None = None,
    **options: Any,
) -> None:
    """Show ``obj`` on the terminal, print it, or write it to ``output``. ``source`` names the file a problem found
    while writing (a text too long for a spreadsheet cell, say) comes from."""
    from ..errors import TolvfaltError, UsageError
    from ..formats import renderable, stream

    def render(obj: Any, name: str, lang: Lang, **kwargs: Any) -> Iterator[str | bytes]:
        try:
            yield from stream(obj, name, lang, source=source, **kwargs)
        except TolvfaltError as exc:
            raise type(exc)(_placed(p, source, output) for p in exc.problems) from None

    if output is None:
        if fmt.name == "terminal":
            from rich.console import Console

            console = Console(markup=False, emoji=False, highlight=False)
            with stdout_errors():
                console.print(renderable(obj, lang, framework=framework))
            return
        if fmt.binary:
            raise UsageError.one("needs_output", fmt=fmt.name)
        for piece in render(obj, fmt.name, lang, framework=framework, **options):
            echo(piece)
        return
    from ..write import write_atomic
    from .options import wrote

    pieces = render(obj, fmt.name, lang, framework=framework, **options)
    first = next(pieces, "")  # what the writer refuses (personal data, say) is refused before the target is looked at
    write_atomic(output, itertools.chain((first,), pieces), inputs=list(inputs), force=force)
    wrote(output, lang)


_ABOUT_INPUT = ("document_text_over", "document_points_over")
"""Problems found while writing that are about the input as a whole (it is too large for a document)."""


def _placed(problem: Problem, source: str | None, output: Path | None) -> Problem:
    """A problem found while writing names a file: the input whose text it is about (it has a key), else the
    output that could not be written as asked."""
    from ..read.source import display_name

    if problem.file:
        return problem
    if (problem.key or problem.code in _ABOUT_INPUT) and source is not None:
        return replace(problem, file=source)
    return replace(problem, file=display_name(output)) if output is not None else problem


def echo(text: str | bytes) -> None:
    """Print text to standard output; a closed pipe ends quietly, a full disk is an error."""
    from ..text import visible

    assert isinstance(text, str), "binary formats are written to files"
    with stdout_errors():
        sys.stdout.write(visible(text))
        sys.stdout.flush()


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    from ..errors import TolvfaltError

    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as exc:
        _silence_stdout()
        raise TolvfaltError.one("stdout_failed", detail=exc.strerror or str(exc)) from None


def _silence_stdout() -> None:
    """Nothing more reaches the broken standard output, not even Python's flush at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, sys.stdout.fileno())


def require_suffix(command: str, output: Path, suffixes: tuple[str, ...]) -> None:
    """For a command that writes one kind of file: a usage error unless ``output`` ends in one of ``suffixes``."""
    from ..errors import UsageError
    from ..read.source import display_name

    if output.suffix.lower() not in suffixes:
        code = "unknown_suffix" if output.suffix else "no_suffix"
        raise UsageError.one(
            code, file=display_name(output), suffix=output.suffix, command=command, formats=", ".join(suffixes)
        )
