"""Labels and messages in Swedish and English, read from ``data/labels.yaml``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")


@cache
def _labels() -> dict[str, Any]:
    from .yamlio import safe_load

    return safe_load(resources.files("tolvfalt.data").joinpath("labels.yaml").read_text("utf-8"))


def label(key: str, lang: Lang = "sv", **params: object) -> str:
    return _labels()[lang][key].format(**params)


def lines(key: str, lang: Lang = "sv") -> list[str]:
    return list(_labels()[lang][key])


def message(code: str, lang: Lang = "sv", **params: object) -> str:
    texts = _labels()["errors"][lang]
    if code not in texts:
        return texts["invalid"].format(detail=params.get("detail", code))
    return texts[code].format(**params)
