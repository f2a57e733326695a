"""The texts of an assessment that people read, each with its key path: answers, analys, points, inledning,
avslutning, sammanfattning, follow-up and every party's part under ``svarande``; never its metadata."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

METADATA = frozenset({
    "förbund", "forbund", "år", "ar", "ort", "datum", "författare", "forfattare", "befattning", "respondent", "titel",
    "diarienummer", "beslutad", "utkast", "insatser", "godkända_namn", "godkanda_namn", "fil", "bedömning",
    "bedomning", "status",
})  # fmt: skip
"""Keys that hold no prose: who wrote, when, where, the ratings."""
Path = tuple[str, ...]


def texts(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Each text in the plain form of an assessment (``Assessment.to_data()``) with its key path, in file order:
    ``("fält", "1", "svar", "a")``, ``("svarande", "Kommunerna", "fält", "3", "brister", "0")``."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        parties = path[-1:] == ("svarande",)  # a party's name is a key, whatever it is
        for key, value in data.items():
            if parties or str(key) not in METADATA:
                yield from texts(value, (*path, str(key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, (*path, str(i)))
