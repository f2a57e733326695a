"""What every document format says the same way: title, headings, the place and date line, the signature."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..framework import Framework, GridField, Question
from ..i18n import Lang, label
from ..model import Assessment, Completeness, FieldAnswers
from ..text import paragraphs


def title(assessment: Assessment, lang: Lang) -> str:
    return assessment.titel or label("title", lang, år=assessment.ar)


def place_date(assessment: Assessment) -> str | None:
    parts = [p for p in (assessment.ort, assessment.datum.isoformat() if assessment.datum else None) if p]
    return " | ".join(parts) or None


def signature(assessment: Assessment) -> str:
    return ", ".join(p for p in (assessment.forfattare, assessment.forbund) if p)


def rating_text(framework: Framework, value: int | None, lang: Lang) -> str:
    step = framework.scale_step(value)
    return f"{value} {step(lang)}" if step else label("not_rated", lang)


def completeness_text(c: Completeness, lang: Lang) -> str:
    text = label("completeness", lang, n=len(c.answered), total=c.total)
    return text + (f"; {label('missing', lang, ids=', '.join(c.missing))}" if c.missing else "")


@dataclass
class Section:
    """One field of the document: its heading, its questions with answers, and its points."""

    field: GridField
    heading: str
    answers: FieldAnswers
    questions: list[tuple[Question, list[str]]]


def sections(assessment: Assessment, framework: Framework, lang: Lang) -> Iterator[Section]:
    for field in framework.fields:
        answers = assessment.falt.get(field.number) or FieldAnswers()
        yield Section(
            field,
            framework.heading(field, lang),
            answers,
            [(q, paragraphs(answers.svar.get(q.letter, ""))) for q in field.questions],
        )


def point_lists(answers: FieldAnswers, lang: Lang) -> list[tuple[str, list[str]]]:
    """The brister, möjligheter and åtgärder of a field that are not empty, with their labels."""
    lists = [("brister", answers.brister), ("möjligheter", answers.mojligheter), ("åtgärder", answers.atgarder)]
    return [(label(key, lang), items) for key, items in lists if items]
