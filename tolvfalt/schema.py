"""JSON Schema of the assessment file: the model's own schema, with the framework's fields, questions and scale
written in, so that editors complete keys and show each question."""

from __future__ import annotations

import copy
from typing import Any

from .framework import Framework
from .i18n import Lang
from .model import ASCII, FIELD_ASCII, Assessment


def json_schema(framework: Framework, lang: Lang = "sv") -> dict[str, Any]:
    base = Assessment.model_json_schema(by_alias=True)
    answers_schema = copy.deepcopy(base["$defs"]["FieldAnswers"])
    answers_schema.pop("title", None)
    scale = framework.scale_words(lang)
    fields: dict[str, Any] = {}
    for field in framework.fields:
        schema = copy.deepcopy(answers_schema)
        props = schema["properties"]
        props["svar"]["properties"] = {
            q.letter: {"type": ["string", "null"], "description": f"{q.id}: {q(lang)}"} for q in field.questions
        }
        props["svar"]["additionalProperties"] = False
        props["bedömning"] = {
            "type": ["integer", "null"],
            "enum": [*(s.value for s in framework.scale), None],
            "description": scale,
        }
        _add_ascii(props, FIELD_ASCII)
        schema["description"] = framework.heading(field, lang)
        schema["type"] = ["object", "null"]
        fields[str(field.number)] = schema
    props = base["properties"]
    props["fält"] = {"type": "object", "properties": fields, "additionalProperties": False}
    _add_ascii(props, ASCII)
    required = base.pop("required", [])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **base,
        "title": f"{framework.name} {framework.version}",
        "allOf": [{"anyOf": [{"required": [key]}, {"required": [ASCII.get(key, key)]}]} for key in required],
    }


def _add_ascii(properties: dict[str, Any], spellings: dict[str, str]) -> None:
    for swedish, ascii_ in spellings.items():
        properties[ascii_] = properties[swedish]
