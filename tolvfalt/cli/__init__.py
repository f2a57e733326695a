"""The command line: parses, calls the library, prints. Each command lives in a module of its own.

A command's module does without ``from __future__ import annotations``: typer reads every command's annotations to
build its options, and annotations kept as strings are compiled again on each start (``tolvfalt --help`` 1.15 ×
``import typer`` with them, 1.04 without: benchmarks/startup.py)."""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Annotated, Any

import typer

from .texts import t

COMMANDS = ("assess", "check", "template", "status", "new", "compare", "merge", "schema", "serve", "import")
MODULES = {"import": "import_"}
"""A command whose name is a Python keyword lives in a module named otherwise."""
PRELOAD = (
    "tolvfalt.model",
    "tolvfalt.read.yaml",
    "tolvfalt.read.problems",
    "tolvfalt.formats.view.document",
)
HELP = t(
    "Kartläggning av samverkan efter tolvfältaren: kontrollera, skriv ut och jämför de tolv fälten.",
    "Kartläggning av samverkan after tolvfältaren: validate, render and compare the twelve fields.",
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"tolvfalt {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help=t("Visa versionen och avsluta.", "Show the version and exit."),
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    pass


def _arguments_by_metavar() -> None:
    """An argument with a metavar of its own ("FIL") is shown by it alone, not also by its Python type
    (``<list[Path]>`` means nothing to a förbundschef)."""
    from typer.core import TyperArgument

    shown = TyperArgument.display_type_rich
    if getattr(shown, "_by_metavar", False):
        return

    def display(self: TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar else shown(self, ctx)

    display._by_metavar = True  # type: ignore[attr-defined]
    TyperArgument.display_type_rich = display  # type: ignore[method-assign,assignment]


def make_app(only: str | None = None) -> typer.Typer:
    """The application with every command, or with ``only`` the one about to run (it starts faster)."""
    app = typer.Typer(
        name="tolvfalt",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"], "terminal_width": 88, "max_content_width": 88},
    )
    _arguments_by_metavar()
    app.callback()(_root)
    for name in (only,) if only else COMMANDS:
        module = import_module(f"{__name__}.{MODULES.get(name, name)}")
        app.command(module.NAME, help=module.HELP)(module.command)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    return _invoke(make_app(_command(args)), args)


def _command(args: list[str]) -> str | None:
    return args[0] if args and args[0] in COMMANDS else None


def _invoke(app: typer.Typer, args: list[str]) -> int:
    try:
        app(args=args, prog_name="tolvfalt")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def run() -> None:
    """The console entry point. A short run's imports leave nothing for the garbage collector to find: it stays
    off while they load, they are frozen, and so is what exists at the end, so that the interpreter's exit does
    not sweep it all once more."""
    import gc
    import os

    # tolvfalt's models use no pydantic plugin: not looking for any spares start-up a scan of every installed
    # package's metadata. Set PYDANTIC_DISABLE_PLUGINS yourself (to "" for all) to have pydantic look.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    args = sys.argv[1:]
    command = _command(args)
    app = make_app(command)
    if command not in (None, "schema") and not {"-h", "--help"} & set(args):
        for module in PRELOAD:  # what every command that reads a file needs
            import_module(module)
        if not {"-o", "--output"} & {a.partition("=")[0] for a in args}:  # shown on the terminal
            import_module("rich.console")
    gc.freeze()
    gc.enable()
    code = _invoke(app, args)
    gc.freeze()
    sys.exit(code)


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole application, for tests and documentation
        return make_app()
    raise AttributeError(name)
