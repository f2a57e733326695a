"""What several views show alike: paragraphs, completeness, short headings, points and follow-ups."""

from __future__ import annotations

from typing import NamedTuple

from ...framework import Framework, GridField
from ...i18n import Lang, label
from ...model import STATUS_LABELS, Completeness, FieldAnswers, FollowUp
from ...text import Span, paragraphs, spans

Paragraph = list[Span]


def prose(text: str | None) -> list[Paragraph]:
    return [spans(p) for p in paragraphs(text or "")]


def completeness_text(c: Completeness, lang: Lang) -> str:
    text = label("completeness", lang, n=len(c.answered), total=c.total)
    return text + (f"; {label('missing', lang, ids=', '.join(c.missing))}" if c.missing else "")


def short_heading(framework: Framework, grid_field: GridField, lang: Lang) -> str:
    return f"{grid_field.number} {framework.row(grid_field)(lang)} · {framework.column(grid_field)(lang)}"


class PointList(NamedTuple):
    key: str
    label: str
    items: list[Paragraph]


def point_lists(answers: FieldAnswers, lang: Lang) -> list[PointList]:
    """The brister, möjligheter and åtgärder of a field that are not empty, with their labels."""
    return [
        PointList(key, label(key, lang), [spans(item) for item in items])
        for key, items in answers.points().items()
        if items
    ]


class FollowUpView(NamedTuple):
    action: str
    status: str
    comment: str | None


def status_text(status: str | None, lang: Lang) -> str:
    """What became of an åtgärd, in words; "no status yet" when none is given."""
    return label(STATUS_LABELS[status], lang) if status else label("no_status", lang)


def follow_up(item: FollowUp, lang: Lang) -> FollowUpView:
    return FollowUpView(item.atgard, status_text(item.status, lang), item.kommentar)
