"""Turning pydantic's validation errors into problems that name file, line, key and the nearest valid key."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, nearest
from ..framework import Framework
from ..model import ASCII, FIELD_ASCII
from .source import Located

# Codes raised by the models themselves (PydanticCustomError) pass through unchanged.
_OWN_CODES = {
    "control_char", "alias_twice", "line_break", "duplicate_question_id", "empty", "outside_folder",
    "question_wrong_field", "framework_unknown_row", "framework_unknown_column", "framework_cell_twice",
    "framework_field_number", "framework_grid_gap", "framework_scale_order",
}  # fmt: skip
SWEDISH = {ascii_: swedish for swedish, ascii_ in {**ASCII, **FIELD_ASCII}.items()}
_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_key",
    "int_parsing": "not_int",
    "int_parsing_size": "too_many_digits",
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
    "bool_parsing": "not_yes_no",
    "bool_type": "not_yes_no",
    "finite_number": "not_int",
    "literal_error": "not_one_of",
    "float_parsing": "not_number",
    "float_type": "not_number",
}


def problems_from(exc: ValidationError, located: Located, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = [part for part in error["loc"] if part != "[key]"]
        code = error["type"] if error["type"] in _OWN_CODES else _CODES.get(error["type"], "invalid")
        params: dict[str, object] = dict(error.get("ctx") or {})
        params.setdefault("value", _show(error.get("input")))
        params.setdefault("detail", error["msg"])
        if code == "not_one_of":  # pydantic lists the choices with an English "or"
            params["choices"] = ", ".join(re.findall(r"'([^']*)'", str(params.get("expected", ""))))
        if code == "invalid":  # a type of error tolvfalt has no words for: the value, not pydantic's English
            code = "invalid_value"
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
    from ..text import visible

    text = visible(str(value))
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


_NUMBER = re.compile(r"[0-9]+")
_MAX_DIGITS = 4000  # Python refuses to read longer numbers (and so does the model, with its own message)


def field_number(key: object) -> int | None:
    """The field number a key of ``fält`` stands for (``1``, ``"1"``, ``"01"``, ``1.0``), or None if it is none."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, float) and key.is_integer():
        return int(key)
    if isinstance(key, str) and _NUMBER.fullmatch(key.strip()) and len(key.strip()) <= _MAX_DIGITS:
        return int(key.strip())
    return None


def framework_problems(located: Located, framework: Framework) -> list[Problem]:
    """What the framework does not have, read from the file itself so that it is found together with every other
    problem: field numbers, two keys for one field, question letters, ratings outside the scale; in the
    assessment's own fields and in each party's of a merged one. Also what YAML read otherwise than it was
    written (``written_problems``), and parties named twice."""
    data = located.data if isinstance(located.data, dict) else {}
    written = written_problems(located)
    problems = _field_problems(data.get("fält", data.get("falt")), ("fält",), located, framework)
    parties = data.get("svarande")
    problems += _party_names(parties, located)
    for name, part in parties.items() if isinstance(parties, dict) else ():
        if isinstance(part, dict):
            where = ("svarande", str(name), "fält")
            problems += _field_problems(part.get("fält", part.get("falt")), where, located, framework)
    said = {(p.line, p.key) for p in written}
    return [*written, *(p for p in problems if (p.line, p.key) not in said)]


_INT_KEYS = {"år", "ar", "bedömning", "bedomning"}
_BOOL_KEYS = {"utkast"}
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


def written_problems(located: Located) -> list[Problem]:
    """Unquoted values that YAML 1.1 reads as something else than was written: ``No`` (a no), ``12:30`` (the
    number 750), ``010`` (8), ``1_000``. Where text is wanted each is refused, quoting what was written; a plain
    number there is kept as written (``3.50``, not 3.5). Where a whole number is wanted, only one written in
    digits is taken; a yes or no is taken as such where one is wanted (``utkast``)."""
    problems = []
    for path, raw in located.written.items():
        parent, value = _at(located.data, path)
        if parent is None or not path:
            continue
        last = path[-1]
        if isinstance(value, bool) and last in _BOOL_KEYS:
            continue
        if last in _INT_KEYS:
            if isinstance(value, bool) or (isinstance(value, int) and not _DECIMAL.fullmatch(raw)):
                problems.append(_read_as(located, path, raw, value, "yaml_not_digits"))
            continue
        if path[0] in ("fält", "falt") and len(path) == 2:
            continue  # a field's own value: the model says it must be a mapping
        if isinstance(value, bool) or not _DECIMAL.fullmatch(raw):
            problems.append(_read_as(located, path, raw, value, "yaml_not_text"))
        else:
            parent[int(last) if isinstance(parent, list) else _key_in(parent, last)] = raw
    return problems


def _read_as(located: Located, path: tuple[str, ...], raw: str, value: object, code: str) -> Problem:
    """``code`` where a yes or no was read, ``code`` + ``_number`` where a number was."""
    params: dict[str, object] = {"value": raw, "number": str(value)}
    code = code if isinstance(value, bool) else f"{code}_number"
    return Problem(code, params, located.file, located.line_for(path), _dotted(path))


def _at(data: Any, path: tuple[str, ...]) -> tuple[Any, Any]:
    """The container that holds the value at ``path`` (keys as text) and the value, or (None, None)."""
    parent = None
    current = data
    for part in path:
        parent = current
        if isinstance(current, dict):
            k = _key_in(current, part)
            if k is _MISSING:
                return None, None
            current = current[k]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None, None
    return parent, current


_MISSING = object()


def _key_in(mapping: dict[Any, Any], text: str) -> Any:
    """The key of ``mapping`` written as ``text`` (keys may be numbers: ``fält: {1: …}``)."""
    if text in mapping:
        return text
    return next((k for k in mapping if str(k) == text), _MISSING)


def _party_names(parties: object, located: Located) -> list[Problem]:
    """Two parties of a merged assessment whose names differ only by case, spacing or normalisation: one reader
    would take them for one party, another for two."""
    from ..names import clean, key

    if not isinstance(parties, dict):
        return []
    problems = []
    first: dict[str, str] = {}
    for name in parties:
        text = str(name)
        other = first.setdefault(key(text), text)
        if other != text:
            where = ("svarande", text)
            params: dict[str, object] = {"a": clean(other), "b": clean(text),
                                         "first": located.line_for(("svarande", other))}  # fmt: skip
            problems.append(Problem("party_twice", params, located.file, located.line_for(where), _dotted(where)))
    return problems


def _field_problems(raw: object, at: tuple[str, ...], located: Located, framework: Framework) -> list[Problem]:
    if not isinstance(raw, dict):
        return []
    problems: list[Problem] = []
    numbers = sorted(framework.by_number)
    seen: dict[int, object] = {}

    def problem(code: str, params: dict[str, object], *loc: object, suggestion: str | None = None) -> None:
        path = (*at, *(str(part) for part in loc))
        problems.append(Problem(code, params, located.file, located.line_for(path), _dotted(path), suggestion))

    for key, answers in raw.items():
        number = field_number(key)
        if number is None:
            if isinstance(key, bool):
                problem("not_field_number", {"value": str(key).lower()}, key)
            continue  # the model reports other keys that are not numbers
        if number in seen:
            first = located.line_for((*at, str(seen[number])))
            problem("duplicate_field", {"n": number, "first": first, "other": str(seen[number])}, key)
            continue
        seen[number] = key
        grid_field = framework.by_number.get(number)
        if grid_field is None:
            problem("unknown_field", {"n": number, "first": numbers[0], "last": numbers[-1]}, key)
            continue
        if not isinstance(answers, dict):
            continue
        letters = [q.letter for q in grid_field.questions]
        svar = answers.get("svar")
        for letter in svar if isinstance(svar, dict) else ():
            if str(letter) not in letters:
                params = {"n": number, "letter": str(letter), "letters": ", ".join(letters)}
                problem("unknown_question", params, key, "svar", letter, suggestion=nearest(str(letter), letters))
        for name in ("bedömning", "bedomning"):
            rating = answers.get(name)
            if isinstance(rating, int) and not isinstance(rating, bool) and framework.scale_step(rating) is None:
                problem("rating_out_of_scale", {"value": rating, "scale": framework.scale_text()}, key, name)
    return problems


def _dotted(loc: tuple[object, ...]) -> str:
    return ".".join(map(str, loc))
