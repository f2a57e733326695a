"""Turning pydantic's validation errors into problems that name file, line, key and the nearest valid key."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, nearest
from ..framework import Framework
from ..model import ASCII, FIELD_ASCII, Assessment
from .source import Located

# Codes raised by the models themselves (PydanticCustomError) pass through unchanged.
_OWN_CODES = {"control_char", "alias_twice"}
SWEDISH = {ascii_: swedish for swedish, ascii_ in {**ASCII, **FIELD_ASCII}.items()}
_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_key",
    "int_parsing": "not_int",
    "int_type": "not_int",
    "int_from_float": "not_int",
    "date_parsing": "not_date",
    "date_type": "not_date",
    "date_from_datetime_parsing": "not_date",
    "date_from_datetime_inexact": "not_date",
    "string_type": "not_text",
    "list_type": "not_list",
    "tuple_type": "not_list",
    "dict_type": "not_mapping",
    "model_type": "not_mapping",
    "model_attributes_type": "not_mapping",
    "string_too_short": "empty",
    "greater_than_equal": "too_small",
    "less_than_equal": "too_large",
    "too_short": "empty",
}


def problems_from(exc: ValidationError, located: Located, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = [part for part in error["loc"] if part != "[key]"]
        code = error["type"] if error["type"] in _OWN_CODES else _CODES.get(error["type"], "invalid")
        params: dict[str, object] = dict(error.get("ctx") or {})
        params.setdefault("value", _show(error.get("input")))
        params.setdefault("detail", error["msg"])
        suggestion = None
        if code == "unknown_key":
            params["key"] = str(loc[-1])
            suggestion = nearest(str(loc[-1]), _keys_at(model, loc[:-1]))
            suggestion = SWEDISH.get(suggestion or "", suggestion)
        if code == "not_int" and len(loc) == 2 and loc[0] in ("fält", "falt") and _is_key_error(error):
            code = "not_field_number"
        problems.append(
            Problem(code, params, located.file, located.line_for(loc), ".".join(map(str, loc)) or None, suggestion)
        )
    return problems


def _is_key_error(error: Any) -> bool:
    return bool(error["loc"][-1] == "[key]")


def _show(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _keys_at(model: type[BaseModel], loc: list[int | str]) -> list[str]:
    """The keys a mapping at ``loc`` inside ``model`` accepts, under every spelling."""
    current: Any = model
    for part in loc:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            break
        info = next((f for name, f in current.model_fields.items() if part in (name, f.alias)), None)
        if info is None:
            break
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        keys: list[str] = []
        for name, info in current.model_fields.items():
            keys.extend(k for k in (info.alias, name) if k and k not in keys)
        return keys
    return []


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``dict[int, M]``, ``tuple[M, ...]`` or ``M | None``, else the annotation."""
    for arg in reversed(getattr(annotation, "__args__", ()) or ()):
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation


def framework_problems(assessment: Assessment, framework: Framework, located: Located) -> list[Problem]:
    """Field numbers, question letters and ratings that the framework does not have."""
    problems = unknown_fields(located, framework, set(assessment.falt))
    for number, answers in assessment.falt.items():
        grid_field = framework.by_number.get(number)
        if grid_field is None:
            continue
        letters = [q.letter for q in grid_field.questions]
        for letter in answers.svar:
            if letter not in letters:
                loc = ("fält", number, "svar", letter)
                problems.append(
                    Problem(
                        "unknown_question",
                        {"n": number, "letter": letter, "letters": ", ".join(letters)},
                        located.file,
                        located.line_for(loc),
                        _dotted(loc),
                        nearest(letter, letters),
                    )
                )
        if answers.bedomning is not None and framework.scale_step(answers.bedomning) is None:
            rating_loc = ("fält", number, "bedömning")
            problems.append(
                Problem(
                    "rating_out_of_scale",
                    {"value": answers.bedomning, "scale": framework.scale_text()},
                    located.file,
                    located.line_for(rating_loc),
                    _dotted(rating_loc),
                )
            )
    return problems


def unknown_fields(located: Located, framework: Framework, parsed: set[int] | None = None) -> list[Problem]:
    """Field numbers the framework does not have, read from the file itself (empty fields count too)."""
    numbers = sorted(framework.by_number)
    raw = located.data.get("fält", located.data.get("falt")) if isinstance(located.data, dict) else None
    given = {int(str(key)) for key in raw if str(key).strip().isdigit()} if isinstance(raw, dict) else parsed or set()
    return [
        Problem(
            "unknown_field",
            {"n": number, "first": numbers[0], "last": numbers[-1]},
            located.file,
            located.line_for(("fält", number)),
            _dotted(("fält", number)),
        )
        for number in sorted(given - set(numbers))
    ]


def _dotted(loc: tuple[object, ...]) -> str:
    return ".".join(map(str, loc))
