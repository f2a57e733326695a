"""tolvfalt: the yearly kartläggning av samverkan after tolvfältaren, from YAML or Excel to a finished document.

The library first, the command line a thin layer over it::

    import tolvfalt

    framework = tolvfalt.load_framework()
    assessment = tolvfalt.load("examples/2009.yaml", framework)
    done = tolvfalt.completeness(assessment, framework)
    markdown = tolvfalt.render(assessment, "md", lang="sv", framework=framework)

Every mistake in an input file raises ``TolvfaltError``, whose ``problems`` name file, line, key and a hint.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import check, compare, merge, send_out
    from .comparison import Comparison
    from .errors import Problem, TolvfaltError
    from .formats import render
    from .framework import Framework
    from .importing import Imported, import_document
    from .merged import Merged
    from .model import Assessment, Completeness, FieldAnswers, completeness
    from .read import load
    from .read.framework import default_framework, load_framework
    from .read.many import FileResult

_EXPORTS = {
    "load": "tolvfalt.read",
    "load_framework": "tolvfalt.read.framework",
    "default_framework": "tolvfalt.read.framework",
    "check": "tolvfalt.api",
    "compare": "tolvfalt.api",
    "merge": "tolvfalt.api",
    "send_out": "tolvfalt.api",
    "import_document": "tolvfalt.importing",
    "Imported": "tolvfalt.importing",
    "render": "tolvfalt.formats",
    "completeness": "tolvfalt.model",
    "Assessment": "tolvfalt.model",
    "FieldAnswers": "tolvfalt.model",
    "Completeness": "tolvfalt.model",
    "Framework": "tolvfalt.framework",
    "FileResult": "tolvfalt.read.many",
    "Comparison": "tolvfalt.comparison",
    "Merged": "tolvfalt.merged",
    "TolvfaltError": "tolvfalt.errors",
    "Problem": "tolvfalt.errors",
}
__all__ = [
    "Assessment", "Comparison", "Completeness", "FieldAnswers", "FileResult", "Framework", "Imported", "Merged",
    "Problem", "TolvfaltError", "check", "compare", "completeness", "default_framework", "import_document", "load",
    "load_framework", "merge", "render", "send_out",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `tolvfalt --help` does not pay for pydantic and the renderers.
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'tolvfalt' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
