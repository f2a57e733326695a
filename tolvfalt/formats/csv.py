"""The comparison in long format for analysts: one row per assessment and question, UTF-8 with BOM for Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..comparison import Comparison
from ..model import FieldAnswers

COLUMNS = ("fil", "förbund", "år", "respondent", "fält", "fråga", "bedömning", "besvarad", "ord",
           *FieldAnswers.POINTS)  # fmt: skip


def rows(comparison: Comparison) -> Iterator[dict[str, object]]:
    for entry in comparison.entries:
        for grid_field in comparison.framework.fields:
            digest = entry.field(grid_field.number)
            counts = dict(zip(FieldAnswers.POINTS, digest.counts, strict=True))
            for question in grid_field.questions:
                answered = digest.answer(question.letter)
                yield {
                    "fil": entry.source,
                    "förbund": entry.forbund,
                    "år": entry.ar,
                    "respondent": entry.respondent or "",
                    "fält": grid_field.number,
                    "fråga": question.id,
                    "bedömning": "" if digest.rating is None else digest.rating,
                    "besvarad": int(answered is not None),
                    "ord": answered[1] if answered else 0,
                    **counts,
                }  # fmt: skip


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula is written with a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def comparison(c: Comparison) -> bytes:
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: safe(value) for key, value in row.items()} for row in rows(c))
    text.flush()
    return buffer.getvalue()
