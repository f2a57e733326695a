"""Framework files to the grid model: the shipped default, or a förbund's own with located errors."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..framework import Framework, GridField, Level, Question, ScaleStep
from .source import display_name, read_text

DEFAULT_FILE = "tolvfaltaren.yaml"


def default_data() -> dict[str, Any]:
    from ..packaged import load_data

    return load_data(DEFAULT_FILE)


@cache
def default_framework() -> Framework:
    """The shipped framework, built without validation (``tests/test_framework.py`` validates the same file)."""
    data = default_data()

    def level(d: dict[str, Any]) -> Level:
        return Level.model_construct(id=d["id"], sv=d["sv"], en=d["en"])

    return Framework.model_construct(
        name=data["namn"],
        version=data["version"],
        rows=tuple(level(r) for r in data["rader"]),
        columns=tuple(level(c) for c in data["kolumner"]),
        fields=tuple(
            GridField.model_construct(
                number=f["nummer"],
                row=f["rad"],
                column=f["kolumn"],
                questions=tuple(Question.model_construct(**q) for q in f["frågor"]),
            )
            for f in data["fält"]
        ),
        scale=tuple(
            ScaleStep.model_construct(value=s["värde"], sv=s["sv"], en=s["en"], color=s["färg"]) for s in data["skala"]
        ),
    )


def load_framework(path: str | Path | None = None) -> Framework:
    """The default framework, or the one in ``path`` (YAML or JSON); a mistake raises ``TolvfaltError`` with file
    and line."""
    if path is None:
        return default_framework()
    path = Path(path)
    from pydantic import ValidationError

    from ..errors import TolvfaltError
    from .problems import problems_from
    from .yaml import parse_yaml

    located = parse_yaml(read_text(path), display_name(path))
    try:
        return Framework.model_validate(located.data)
    except ValidationError as exc:
        raise TolvfaltError(problems_from(exc, located, Framework)) from None
