"""tolvfalt: the yearly kartläggning av samverkan after tolvfältaren, from YAML or Excel to a finished document.

The library first, the command line a thin layer over it::

    from pathlib import Path
    from tolvfalt import completeness, default_framework, load_assessment, render_assessment

    framework = default_framework()
    assessment = load_assessment(Path("examples/2009.yaml"), framework)
    done = completeness(assessment, framework.question_ids)
    markdown = render_assessment("md", assessment, framework, lang="sv")

Every mistake in an input file raises ``TolvfaltError``, whose ``problems`` name file, line, key and a hint.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Assessment": "tolvfalt.model",
    "FieldAnswers": "tolvfalt.model",
    "completeness": "tolvfalt.model",
    "Framework": "tolvfalt.framework",
    "default_framework": "tolvfalt.framework",
    "load_framework": "tolvfalt.framework",
    "load_assessment": "tolvfalt.load:load",
    "render_assessment": "tolvfalt.render:render",
    "TolvfaltError": "tolvfalt.errors",
    "Problem": "tolvfalt.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `tolvfalt --help` does not pay for pydantic and the renderers.
    if name in _EXPORTS:
        module, _, attribute = _EXPORTS[name].partition(":")
        return getattr(import_module(module), attribute or name)
    raise AttributeError(f"module 'tolvfalt' has no attribute {name!r}")
