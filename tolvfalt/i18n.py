"""Labels and messages in Swedish and English, read from ``data/labels.yaml``."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
LANG_TAGS: dict[Lang, str] = {"sv": "sv-SE", "en": "en-GB"}
"""The language as documents declare it (HTML, PDF, docx, xlsx)."""


@cache
def _labels() -> dict[str, Any]:
    from .packaged import load_data

    return load_data("labels.yaml")


def label(key: str, lang: Lang = "sv", **params: object) -> str:
    return str(_labels()[lang][key]).format(**params)


def lines(key: str, lang: Lang = "sv") -> list[str]:
    return list(_labels()[lang][key])


def message(code: str, lang: Lang = "sv", **params: object) -> str:
    texts = _labels()["errors"][lang]
    if code not in texts:
        return str(texts["invalid"]).format(detail=params.get("detail", code))
    return str(texts[code]).format(**params)
