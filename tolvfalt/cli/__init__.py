"""The command line: parses, calls the library, prints. Each command lives in a module of its own."""

from __future__ import annotations

import sys

import typer

from . import assess, check, compare, merge, new, schema, template

app = typer.Typer(
    name="tolvfalt",
    help="Kartläggning av samverkan after tolvfältaren: validate, render and compare the twelve fields.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "terminal_width": 88, "max_content_width": 88},
)
for module in (assess, check, template, new, compare, merge, schema):
    app.command(module.NAME, help=module.HELP)(module.command)


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    try:
        app(args=argv, prog_name="tolvfalt")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def run() -> None:
    sys.exit(main())
