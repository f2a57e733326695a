"""``tolvfalt serve``: the yearly round in a browser, over the same files the command line reads and writes.

Needs the ``serve`` extra (Starlette, uvicorn, python-multipart); ``create_app`` builds the app over a folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from starlette.applications import Starlette

    from ..framework import Framework
    from ..i18n import Lang
    from .security import Served

STACK = ("starlette", "uvicorn", "python_multipart")
"""What the ``serve`` extra installs."""


def missing_stack() -> str | None:
    """The first package of the web stack that cannot be imported, or None."""
    from importlib.util import find_spec

    return next((name for name in STACK if find_spec(name) is None), None)


def create_app(folder: Path, framework: Framework, lang: Lang = "sv", served: Served | None = None) -> Starlette:
    from .app import create_app as build

    return build(folder, framework, lang, served)
