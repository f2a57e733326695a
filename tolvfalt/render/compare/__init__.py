"""Renderers of a comparison of several assessments; ``render`` picks one by format name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module for --help; keep it light
    from ...compare import Comparison
    from ...i18n import Lang

SUFFIXES = {".md": "md", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".json": "json", ".csv": "csv",
            ".txt": "terminal"}  # fmt: skip
FORMATS = ("terminal", "md", "html", "xlsx", "json", "csv")
BINARY = frozenset({"xlsx", "csv"})


def render(fmt: str, comparison: Comparison, lang: Lang = "sv") -> str | bytes:
    if fmt == "json":
        import json

        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        from .table import to_csv

        return to_csv(comparison)
    if fmt == "md":
        from .markdown import render as md

        return md(comparison, lang)
    if fmt == "html":
        from .html import render as html

        return html(comparison, lang)
    if fmt == "xlsx":
        from .xlsx import render as xlsx

        return xlsx(comparison, lang)
    if fmt == "terminal":
        from .terminal import render_text

        return render_text(comparison, lang)
    raise ValueError(f"unknown format {fmt!r}")
