"""Renderers: each takes the model and the framework and returns text or bytes.

``render`` picks one by format name; the heavy libraries load only when their format is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module for --help; keep it light
    from ..framework import Framework
    from ..i18n import Lang
    from ..model import Assessment

SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "terminal",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
}
FORMATS = ("terminal", "md", "xlsx", "docx", "html", "json", "yaml")
BINARY = frozenset({"xlsx", "docx"})


def format_for(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def render(fmt: str, assessment: Assessment, framework: Framework, lang: Lang = "sv", **options: object) -> str | bytes:
    """``options`` go to the renderer that takes them (docx: ``template``, a Path to a .docx to build on)."""
    if fmt == "md":
        from .markdown import render as md

        return md(assessment, framework, lang)
    if fmt == "json":
        from .data import to_json

        return to_json(assessment)
    if fmt == "yaml":
        from .data import to_yaml

        return to_yaml(assessment)
    if fmt == "terminal":
        from .terminal import render_text

        return render_text(assessment, framework, lang)
    if fmt == "xlsx":
        from .xlsx import render as xlsx

        return xlsx(assessment, framework, lang)
    if fmt == "html":
        from .html import render as html

        return html(assessment, framework, lang)
    if fmt == "docx":
        from .docx import render as docx

        return docx(assessment, framework, lang, **options)
    raise ValueError(f"unknown format {fmt!r}")
