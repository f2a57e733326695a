"""The grid as data: rows, columns, fields, questions and rating scale, read from a framework file."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .i18n import Lang, label

# defer_build: the shipped framework is trusted data (tests validate it) and is built without validation, so the
# validators are only compiled when a --framework file is read.
_CONFIG = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True, defer_build=True)


def _one_line(value: str) -> str:
    """A label or a question: one line of printable text."""
    from .text import control_char

    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value:
        raise PydanticCustomError("line_break", "contains a line break")
    bad = control_char(value)
    if bad:
        raise PydanticCustomError("control_char", "contains a control character ({char})", {"char": bad})
    return value


NonEmpty = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]


class Text(BaseModel):
    """A label in both languages."""

    model_config = _CONFIG
    sv: NonEmpty
    en: NonEmpty

    def __call__(self, lang: Lang) -> str:
        return self.sv if lang == "sv" else self.en


class Level(Text):
    """A row (level) or a column (perspective) of the grid."""

    id: NonEmpty


class Question(Text):
    id: Annotated[str, Field(pattern=r"^[1-9][0-9]*[a-z]$")]

    @property
    def letter(self) -> str:
        return self.id[-1]

    @property
    def field_number(self) -> int:
        return int(self.id[:-1])


class GridField(BaseModel):
    model_config = _CONFIG
    number: int = Field(alias="nummer", ge=1)
    row: str = Field(alias="rad")
    column: str = Field(alias="kolumn")
    questions: tuple[Question, ...] = Field(alias="frågor", min_length=1)

    @model_validator(mode="after")
    def _ids_match_number(self) -> GridField:
        seen = set()
        for q in self.questions:
            if q.field_number != self.number:
                raise PydanticCustomError("question_wrong_field", "question {qid} belongs to field {other}, not {n}",
                                          {"qid": q.id, "other": q.field_number, "n": self.number})  # fmt: skip
            if q.id in seen:
                raise PydanticCustomError("duplicate_question_id", "question {qid} twice", {"qid": q.id})
            seen.add(q.id)
        return self


class ScaleStep(Text):
    value: int = Field(alias="värde")
    color: Annotated[str, Field(alias="färg", pattern=r"^#[0-9a-fA-F]{6}$")]

    def text(self, lang: Lang) -> str:
        """The rating as every output writes it: ``3 God``."""
        return f"{self.value} {self(lang)}"


class Framework(BaseModel):
    """The grid: its rows (levels), columns (perspectives), fields with their questions, and the rating scale."""

    model_config = _CONFIG
    name: NonEmpty = Field(alias="namn")
    version: NonEmpty
    rows: tuple[Level, ...] = Field(alias="rader", min_length=1)
    columns: tuple[Level, ...] = Field(alias="kolumner", min_length=1)
    fields: tuple[GridField, ...] = Field(alias="fält", min_length=1)
    scale: tuple[ScaleStep, ...] = Field(alias="skala", min_length=2)

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        rows = [r.id for r in self.rows]
        columns = [c.id for c in self.columns]
        expected = {(rows.index(r), columns.index(c)) for r in rows for c in columns}
        seen: dict[tuple[int, int], int] = {}
        for f in self.fields:
            if f.row not in rows:
                raise PydanticCustomError("framework_unknown_row", "field {n}: unknown row {row!r}; rows are {rows}",
                                          {"n": f.number, "row": f.row, "rows": ", ".join(rows)})  # fmt: skip
            if f.column not in columns:
                params = {"n": f.number, "column": f.column, "columns": ", ".join(columns)}
                raise PydanticCustomError("framework_unknown_column", "field {n}: unknown column {column!r}", params)
            cell = (rows.index(f.row), columns.index(f.column))
            if cell in seen:
                params = {"a": seen[cell], "b": f.number, "row": f.row, "column": f.column}
                raise PydanticCustomError("framework_cell_twice", "fields {a} and {b} at {row}/{column}", params)
            seen[cell] = f.number
            if f.number != cell[0] * len(columns) + cell[1] + 1:
                raise PydanticCustomError("framework_field_number", "field {n} at {row}/{column} should be {right}",
                                          {"n": f.number, "row": f.row, "column": f.column,
                                           "right": cell[0] * len(columns) + cell[1] + 1})  # fmt: skip
        if set(seen) != expected:
            raise PydanticCustomError("framework_grid_gap", "every cell of the grid needs exactly one field")
        values = [s.value for s in self.scale]
        if values != sorted(set(values)):
            raise PydanticCustomError("framework_scale_order", "the scale values must be distinct and ascending",
                                      {"values": ", ".join(map(str, values))})  # fmt: skip
        return self

    @cached_property
    def by_number(self) -> dict[int, GridField]:
        return {f.number: f for f in self.fields}

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for f in self.fields for q in f.questions)

    @cached_property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    def row(self, field: GridField) -> Level:
        return next(r for r in self.rows if r.id == field.row)

    def column(self, field: GridField) -> Level:
        return next(c for c in self.columns if c.id == field.column)

    def heading(self, field: GridField, lang: Lang) -> str:
        """``Fält 1: Deltagare - Struktur och förutsättningar``."""
        return label("field_heading", lang, n=field.number, rad=self.row(field)(lang), kolumn=self.column(field)(lang))

    def grid(self) -> list[list[GridField]]:
        """The fields as rows of cells, in reading order."""
        n = len(self.columns)
        ordered = sorted(self.fields, key=lambda f: f.number)
        return [ordered[i : i + n] for i in range(0, len(ordered), n)]

    def scale_step(self, value: int | None) -> ScaleStep | None:
        return next((s for s in self.scale if s.value == value), None)

    def rating_text(self, value: int | None, lang: Lang) -> str | None:
        """``3 God`` for a value on the scale, else None."""
        step = self.scale_step(value)
        return step.text(lang) if step else None

    def scale_words(self, lang: Lang) -> str:
        """Every step of the scale: ``1 Otillfredsställande, 2 Godtagbar, …``."""
        return ", ".join(s.text(lang) for s in self.scale)

    def scale_text(self) -> str:
        return f"{self.scale[0].value}–{self.scale[-1].value}"
