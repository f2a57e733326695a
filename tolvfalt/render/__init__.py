"""Renderers: each takes the model and the framework and returns text or bytes.

``render`` picks one by format name; the heavy libraries load only when their format is asked for.
"""

from __future__ import annotations

from pathlib import Path

from ..framework import Framework
from ..i18n import Lang
from ..model import Assessment

SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "terminal",
    ".xlsx": "xlsx",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
}
FORMATS = ("terminal", "md", "xlsx", "json", "yaml")
BINARY = frozenset({"xlsx"})


def format_for(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def render(fmt: str, assessment: Assessment, framework: Framework, lang: Lang = "sv") -> str | bytes:
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
    raise ValueError(f"unknown format {fmt!r}")
