"""JSON Schema of the assessment file, built from the framework so editors show each question."""

from __future__ import annotations

from typing import Any

from .framework import Framework
from .i18n import Lang
from .model import ASCII, FIELD_ASCII

_TEXT = {"type": ["string", "null"]}
_POINTS = {"type": "array", "items": {"type": "string"}}


def json_schema(framework: Framework, lang: Lang = "sv") -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for field in framework.fields:
        answers = {q.letter: {**_TEXT, "description": f"{q.id}: {q(lang)}"} for q in field.questions}
        field_props: dict[str, Any] = {
            "svar": {"type": "object", "properties": answers, "additionalProperties": False},
            "bedömning": {
                "type": ["integer", "null"],
                "enum": [*(s.value for s in framework.scale), None],
                "description": ", ".join(f"{s.value} {s(lang)}" for s in framework.scale),
            },
            "brister": _POINTS,
            "möjligheter": _POINTS,
            "åtgärder": _POINTS,
        }
        _add_ascii(field_props, FIELD_ASCII)
        fields[str(field.number)] = {
            "type": ["object", "null"],
            "description": framework.heading(field, lang),
            "properties": field_props,
            "additionalProperties": False,
        }
    top: dict[str, Any] = {
        "förbund": {"type": "string", "minLength": 1},
        "år": {"type": "integer", "minimum": 1900, "maximum": 2200},
        "ort": _TEXT,
        "datum": {"type": ["string", "null"], "format": "date"},
        "författare": _TEXT,
        "respondent": _TEXT,
        "titel": _TEXT,
        "inledning": _TEXT,
        "insatser": _POINTS,
        "fält": {"type": "object", "properties": fields, "additionalProperties": False},
        "avslutning": _TEXT,
    }
    _add_ascii(top, ASCII)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{framework.name} {framework.version}",
        "type": "object",
        "allOf": [{"anyOf": [{"required": [key]}, {"required": [ASCII[key]]}]} for key in ("förbund", "år")],
        "properties": top,
        "additionalProperties": False,
    }


def _add_ascii(properties: dict[str, Any], spellings: dict[str, str]) -> None:
    for swedish, ascii_ in spellings.items():
        properties[ascii_] = properties[swedish]
