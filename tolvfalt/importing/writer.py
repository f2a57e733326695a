"""The imported assessment as a YAML file a person reviews: every question of every field the document has, in
framework order, under its question as a comment; every uncertain placement as a comment above its key."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from ..framework import Framework
from ..i18n import Lang, label
from ..model import Assessment, FieldAnswers

_POINTS = FieldAnswers.POINTS
_LINES = set(Assessment.METADATA) - {"inledning", "sammanfattning", "avslutning"}
_FIRST = tuple(key for key in Assessment.METADATA if key != "avslutning")
"""The keys before ``fält``, in the order forms show them; the avslutning comes after the fields."""


def to_yaml(
    data: dict[str, Any],
    framework: Framework,
    comments: dict[str, list[str]],
    header: Iterable[str],
    lang: Lang,
    present: set[int],
) -> str:
    """``data`` in the canonical plain form (Swedish keys), ``comments`` by key path (``fält.1.svar.a``); the fields
    in ``present`` are written with every question, the others as one comment line each."""
    top = [f"# {line}" for line in header]
    out: list[str] = []
    written: set[str] = set()

    def note(key: str, indent: int) -> None:
        written.add(key)
        out.extend(f"{' ' * indent}# {line}" for line in comments.get(key, []))

    for key in _FIRST:
        if key in data:
            note(key, 0)
            out.extend(_entry(key, data[key], 0))
    fields = data.get("fält", {})
    out.append("fält:")
    for field in framework.fields:
        n = field.number
        answers = fields.get(n, {})
        heading = framework.heading(field, lang)
        if n not in present and not answers:
            out.append(f"  # {heading}: {label('import_field_absent', lang)}")
            continue
        out.append(f"  # {heading}")
        note(f"fält.{n}", 2)
        out.append(f"  {n}:")
        out.append("    svar:" if answers.get("svar") else "    svar: {}")
        for question in field.questions:
            out.append(f"      # {question.id}: {question(lang)}")
            key = f"fält.{n}.svar.{question.letter}"
            note(key, 6)
            text = answers.get("svar", {}).get(question.letter)
            if text:
                out.extend(_entry(question.letter, text, 6))
            else:
                out.append(f"      # {question.letter}: {label('import_not_found', lang)}")
        for name in ("bedömning", *_POINTS, "analys", "uppföljning"):
            if name in answers:
                note(f"fält.{n}.{name}", 4)
                out.extend(_entry(name, answers[name], 4))
    if "avslutning" in data:
        note("avslutning", 0)
        out.extend(_entry("avslutning", data["avslutning"], 0))
    rest = [f"# {line}" for key, lines in comments.items() if key not in written for line in lines]
    return "\n".join([*top, *rest, *out]) + "\n"


def _entry(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, bool):
        return [f"{pad}{key}: {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{pad}{key}: {value}"]
    if isinstance(value, dt.date):
        return [f"{pad}{key}: {value.isoformat()}"]
    if isinstance(value, str):
        if key in _LINES:
            return [f"{pad}{key}: {_quote(value)}"]
        lines = [f"{pad}{key}: |"]
        for line in value.split("\n"):
            lines.append(f"{pad}  {line}" if line else "")
        return lines
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        if key == "insatser":
            return [f"{pad}{key}: [{', '.join(_quote(v) for v in value)}]"]
        return [f"{pad}{key}:", *(f"{pad}  - {_quote(v)}" for v in value)]
    if isinstance(value, list):
        lines = [f"{pad}{key}:"]
        for item in value:
            first = True
            for name in ("åtgärd", "status", "kommentar"):
                if name in item:
                    lines.append(f"{pad}  {'- ' if first else '  '}{name}: {_quote(item[name])}")
                    first = False
        return lines
    raise TypeError(f"cannot write {key!r}: {type(value).__name__}")


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)
