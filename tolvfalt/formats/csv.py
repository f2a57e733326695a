"""The comparison in long format for analysts: one row per assessment and question, UTF-8 with BOM for Excel."""

from __future__ import annotations

import csv
import io

from ..comparison import Comparison
from ..model import FieldAnswers
from ..text import word_count

COLUMNS = ("fil", "förbund", "år", "respondent", "fält", "fråga", "bedömning", "besvarad", "ord",
           *FieldAnswers.POINTS)  # fmt: skip


def rows(comparison: Comparison) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for entry in comparison.entries:
        a = entry.loaded
        for field in comparison.framework.fields:
            answers = a.falt.get(field.number) or FieldAnswers()
            counts = {key: len(items) for key, items in answers.points().items()}
            for question in field.questions:
                text = answers.svar.get(question.letter) or ""
                out.append({
                    "fil": entry.source,
                    "förbund": a.forbund,
                    "år": a.ar,
                    "respondent": a.respondent or "",
                    "fält": field.number,
                    "fråga": question.id,
                    "bedömning": "" if answers.bedomning is None else answers.bedomning,
                    "besvarad": int(bool(text)),
                    "ord": word_count(text),
                    **counts,
                })  # fmt: skip
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula is written with a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def comparison(c: Comparison) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: safe(value) for key, value in row.items()} for row in rows(c))
    return buffer.getvalue().encode("utf-8-sig")
