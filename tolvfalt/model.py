"""The assessment: metadata, the answers per field, and how complete it is."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import text as textmod

if TYPE_CHECKING:
    from .framework import Framework

# An empty list or dict as a field's default is copied for each model by pydantic (``default_factory=list`` would
# have pydantic parse the built-in's signature at start-up).
_CONFIG = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)


def _clean(value: str) -> str:
    bad = textmod.control_char(value)
    if bad:
        raise PydanticCustomError("control_char", "contains a control character ({char})", {"char": bad})
    return value


def _not_empty(value: str) -> str:
    if not value:  # checked after normalizing: a line break or spaces alone are empty
        raise PydanticCustomError("empty", "must not be empty")
    return value


def _yes_no(value: Any) -> Any:
    """``ja``/``nej`` (as a workbook cell says it) besides what YAML takes for yes and no."""
    if isinstance(value, str) and value.strip().lower() in ("ja", "nej"):
        return value.strip().lower() == "ja"
    return value


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "must be a whole number")
    return value


def _as_text(value: Any) -> Any:
    """A number or a date where text is wanted (an answer that is just 42) is that text, not an error."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _prose(value: str) -> str:
    return textmod.normalize(_clean(value))


def _line(value: str) -> str:
    return textmod.one_line(unicodedata.normalize("NFC", _clean(value)))


# One validator for each step: pydantic inspects each validator of each field as it builds the models at start-up.
Prose = Annotated[str, BeforeValidator(_as_text), AfterValidator(_prose)]
"""Free text in paragraphs; canonical with single spaces and one blank line between paragraphs."""
Line = Annotated[str, BeforeValidator(_as_text), AfterValidator(_line)]
"""One line of text (a name, a point): NFC, so that a name typed on a Mac and on Windows is one name."""
Number = Annotated[int, BeforeValidator(_no_bool)]


def _blank_to_none(model: BaseModel) -> None:
    """An optional text left empty (a blank cell, ``key:`` with nothing after it) is no text at all."""
    for name, value in model.__dict__.items():
        if value == "":
            setattr(model, name, None)


def _drop_empty(items: list[str]) -> list[str]:
    return [item for item in items if item]


Points = Annotated[list[Line], AfterValidator(_drop_empty)]

# ASCII spellings accepted for the Swedish keys.
ASCII = {"förbund": "forbund", "år": "ar", "fält": "falt", "författare": "forfattare", "godkända_namn": "godkanda_namn"}
FIELD_ASCII = {
    "bedömning": "bedomning",
    "möjligheter": "mojligheter",
    "åtgärder": "atgarder",
    "uppföljning": "uppfoljning",
}
FOLLOW_UP_ASCII = {"åtgärd": "atgard"}
Status = Literal["genomförd", "pågår", "ej påbörjad", "struken"]
STATUSES: tuple[str, ...] = get_args(Status)
"""What became of last year's åtgärd."""
STATUS_LABELS: dict[str, str] = dict(
    zip(STATUSES, ("status_done", "status_ongoing", "status_not_started", "status_dropped"), strict=True)
)
"""Each status's words in data/labels.yaml."""


def _reject_both_spellings(data: Any, spellings: dict[str, str]) -> Any:
    if isinstance(data, dict):
        for swedish, ascii_ in spellings.items():
            if swedish in data and ascii_ in data:
                raise PydanticCustomError("alias_twice", "given twice", {"key": swedish, "other": ascii_})
    return data


class FollowUp(BaseModel):
    """One of last year's åtgärder, followed up: what became of it and a comment."""

    model_config = _CONFIG
    atgard: Annotated[Line, AfterValidator(_not_empty)] = Field(alias="åtgärd")
    status: Status | None = None
    kommentar: Line | None = None

    @model_validator(mode="before")
    @classmethod
    def _spellings(cls, data: Any) -> Any:
        return _reject_both_spellings(data, FOLLOW_UP_ASCII)

    @model_validator(mode="after")
    def _canonical(self) -> FollowUp:
        _blank_to_none(self)
        return self


class FieldAnswers(BaseModel):
    """What one field of the grid holds: an answer per question letter, a rating and short points; in a merged
    assessment, the förbundschef's analys and the follow-up of last year's åtgärder too."""

    model_config = _CONFIG
    POINTS: ClassVar[tuple[str, ...]] = ("brister", "möjligheter", "åtgärder")
    """The keys of the short lists of points, in the order documents show them."""

    svar: dict[str, Prose | None] = Field(default={})
    bedomning: Number | None = Field(default=None, alias="bedömning")
    brister: Points = Field(default=[])
    mojligheter: Points = Field(default=[], alias="möjligheter")
    atgarder: Points = Field(default=[], alias="åtgärder")
    analys: Prose | None = None
    uppfoljning: list[FollowUp] = Field(default=[], alias="uppföljning")

    @model_validator(mode="before")
    @classmethod
    def _spellings(cls, data: Any) -> Any:
        return _reject_both_spellings(data, FIELD_ASCII)

    @model_validator(mode="after")
    def _drop_unanswered(self) -> FieldAnswers:
        self.svar = {letter: text for letter, text in self.svar.items() if text}
        _blank_to_none(self)
        return self

    def points(self) -> dict[str, list[str]]:
        """The brister, möjligheter and åtgärder by their file keys, in ``POINTS`` order."""
        return {key: getattr(self, _ATTRIBUTE[key]) for key in self.POINTS}

    def has_points(self) -> bool:
        return any(self.points().values())

    def is_empty(self) -> bool:
        return not (self.svar or self.bedomning is not None or self.has_points() or self.analys or self.uppfoljning)

    def has_response(self) -> bool:
        """Something a person wrote: an answer, a rating, a point, an analys, or a status or comment on an
        åtgärd (a list of last year's åtgärder alone is what the template pre-fills)."""
        followed = any(u.status is not None or u.kommentar for u in self.uppfoljning)
        return bool(self.svar or self.bedomning is not None or self.has_points() or self.analys or followed)


class Part(BaseModel):
    """What a party and the förbundschef both write: the author and date, an inledning, the insatser, and the
    fields. ``Response`` and ``Assessment`` build on it."""

    model_config = _CONFIG
    forfattare: Line | None = Field(default=None, alias="författare")
    datum: dt.date | None = Field(default=None, ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31))
    inledning: Prose | None = None
    insatser: list[Line] = Field(default=[])
    falt: dict[int, FieldAnswers] = Field(default={}, alias="fält")

    @model_validator(mode="after")
    def _canonical(self) -> Part:
        _blank_to_none(self)
        self.insatser = _drop_empty(self.insatser)
        self.falt = {n: f for n, f in sorted(self.falt.items()) if not f.is_empty()}
        return self

    KEYS: ClassVar[tuple[str, ...]] = ("författare", "datum", "inledning", "insatser", "fält")
    """The file's keys in the order files are written; a subclass lists its own."""

    @model_serializer(mode="wrap")
    def _in_file_order(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not isinstance(data, dict):
            return data
        rank = _rank(type(self))
        return dict(sorted(data.items(), key=lambda item: rank.get(item[0], len(rank))))

    def has_response(self) -> bool:
        """Whether anyone wrote something in the fields: an answer, a rating, a point, an analys or what became
        of an åtgärd, or an inledning. Metadata does not count, nor what ``--from`` pre-filled (last year's
        åtgärder without a status): a workbook just sent out is blank."""
        return bool(self.inledning) or any(f.has_response() for f in self.falt.values())


class Response(Part):
    """One party's answers, kept under its name inside a merged assessment: nothing a respondent wrote is lost."""

    KEYS: ClassVar[tuple[str, ...]] = ("fil", *Part.KEYS)
    fil: Line | None = None
    """The file it came from."""

    def is_empty(self) -> bool:
        return not (self.fil or self.forfattare or self.datum or self.inledning or self.insatser or self.falt)


class Assessment(Part):
    """One förbund's kartläggning for one year; merged from several parties, it keeps each party's answers under
    ``svarande`` and the förbundschef's own part (agreed ratings, analys, points, follow-up) in ``fält``."""

    METADATA: ClassVar[tuple[str, ...]] = (
        "förbund", "år", "ort", "datum", "författare", "befattning", "respondent", "titel", "diarienummer",
        "beslutad", "utkast", "insatser", "godkända_namn", "inledning", "sammanfattning", "avslutning", "ej_svarat",
    )  # fmt: skip
    """Every key of the file but ``fält``, in the order forms show them."""
    KEYS: ClassVar[tuple[str, ...]] = (
        "förbund", "år", "ort", "datum", "författare", "befattning", "respondent", "titel", "diarienummer",
        "beslutad", "utkast", "inledning", "insatser", "godkända_namn", "sammanfattning", "fält", "avslutning",
        "svarande", "ej_svarat",
    )  # fmt: skip

    forbund: Annotated[Line, AfterValidator(_not_empty)] = Field(alias="förbund")
    ar: Number = Field(alias="år", ge=1900, le=2200)
    ort: Line | None = None
    befattning: Line | None = None
    respondent: Line | None = None
    titel: Line | None = None
    diarienummer: Line | None = None
    beslutad: Line | None = None
    """The styrelse's decision, as it is to be printed: ``2010-11-20 § 45``."""
    utkast: Annotated[bool, BeforeValidator(_yes_no)] = False
    godkanda_namn: list[Line] = Field(default=[], alias="godkända_namn")
    """Names the förbundschef has checked and accepts in the published text (an official named on purpose)."""
    sammanfattning: Prose | None = None
    """The förbundschef's own summary for the styrelse."""
    ej_svarat: list[Line] = Field(default=[])
    """In a merged assessment: the parties that were asked but did not answer."""
    avslutning: Prose | None = None
    svarande: dict[Annotated[Line, AfterValidator(_not_empty)], Response] = Field(default={})

    @model_validator(mode="before")
    @classmethod
    def _spellings(cls, data: Any) -> Any:
        return _reject_both_spellings(data, ASCII)

    @model_validator(mode="after")
    def _parties(self) -> Assessment:
        self.godkanda_namn = _drop_empty(self.godkanda_namn)
        self.ej_svarat = _drop_empty(self.ej_svarat)
        self.svarande = {name: part for name, part in self.svarande.items() if not part.is_empty()}
        return self

    def answer(self, question_id: str) -> str | None:
        """The answer to a question: the assessment's own, else (in a merged one) the first party's that has one."""
        number, letter = int(question_id[:-1]), question_id[-1]
        for falt in (self.falt, *(r.falt for r in self.svarande.values())):
            field = falt.get(number)
            if field and field.svar.get(letter):
                return field.svar[letter]
        return None

    def voices(self, number: int) -> list[tuple[str, FieldAnswers]]:
        """Each party's answers to a field, by name (empty unless the assessment is merged)."""
        return [(name, r.falt.get(number) or FieldAnswers()) for name, r in self.svarande.items()]

    def open_follow_ups(self) -> list[tuple[int, str]]:
        """Last year's åtgärder without a status yet: a gap in completeness, not an error."""
        return [(n, f.atgard) for n, field in self.falt.items() for f in field.uppfoljning if f.status is None]

    def rating(self, number: int) -> int | None:
        field = self.falt.get(number)
        return field.bedomning if field else None

    def to_data(self) -> dict[str, Any]:
        """The canonical plain form: Swedish keys, no empty values; loads back to an equal model."""
        return self.model_dump(exclude_none=True, exclude_defaults=True)


_ATTRIBUTE = {info.alias or name: name for name, info in FieldAnswers.model_fields.items()}


@cache
def _rank(model: type[Part]) -> dict[str, int]:
    """Where each key (by alias and by name) stands in ``model.KEYS``."""
    names = {info.alias or name: name for name, info in model.model_fields.items()}
    rank = {key: i for i, key in enumerate(model.KEYS)}
    return rank | {names[key]: i for key, i in rank.items() if key in names}


@dataclass(frozen=True)
class Completeness:
    """Which questions of the framework are answered and which are missing, in framework order."""

    answered: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.answered) + len(self.missing)

    @property
    def ratio(self) -> float:
        return len(self.answered) / self.total if self.total else 1.0

    @property
    def complete(self) -> bool:
        return not self.missing


def completeness(assessment: Assessment, framework: Framework) -> Completeness:
    """Which of the framework's questions have a non-empty answer, and which are missing."""
    question_ids = framework.question_ids
    answered = tuple(q for q in question_ids if assessment.answer(q))
    return Completeness(answered=answered, missing=tuple(q for q in question_ids if q not in answered))


@dataclass(frozen=True)
class OwnProgress:
    """How far the förbundschef's own part of a round has come: fields with an agreed rating, fields with an
    analys, of all the framework's fields."""

    rated: int
    analysed: int
    total: int


def own_progress(assessment: Assessment, framework: Framework) -> OwnProgress:
    numbers = [f.number for f in framework.fields]
    fields = [assessment.falt[n] for n in numbers if n in assessment.falt]
    rated = sum(1 for f in fields if f.bedomning is not None)
    return OwnProgress(rated, sum(1 for f in fields if f.analys), len(numbers))
