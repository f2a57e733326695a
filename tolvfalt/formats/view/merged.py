"""Several respondents side by side: the spread of their ratings and every answer under its party."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ...i18n import Lang, label
from ...model import FieldAnswers
from .common import Paragraph, PointList, point_lists, prose, short_heading, within_document_limits

if TYPE_CHECKING:
    from ...merged import Merged


class SpreadRow(NamedTuple):
    number: int
    name: str
    ratings: list[str]
    span: str
    disagreement: bool


class MergedQuestion(NamedTuple):
    text: str
    answers: list[tuple[str, list[Paragraph]]]


class MergedField(NamedTuple):
    heading: str
    questions: list[MergedQuestion]
    points: list[tuple[str, list[PointList]]]
    """Each party's brister, möjligheter and åtgärder of the field, under its name (parties without any left out)."""


class MergedView(NamedTuple):
    lang: Lang
    title: str
    names: list[str]
    spreads: list[SpreadRow]
    fields: list[MergedField]


def merged(m: Merged, lang: Lang) -> MergedView:
    fw = m.framework
    within_document_limits([r.loaded for r in (*m.responses, *m.heads)])
    first = m.responses[0].loaded
    spreads = [
        SpreadRow(
            s.field,
            short_heading(fw, fw.by_number[s.field], lang),
            ["–" if r is None else str(r) for _, r in s.ratings],
            "" if s.low is None else f"{s.low}–{s.high}",
            s.disagreement,
        )
        for s in m.spreads
    ]
    fields = [
        MergedField(
            fw.heading(f, lang),
            [MergedQuestion(q(lang), [(name, prose(text)) for name, text in m.answers(q.id)]) for q in f.questions],
            [
                (name, lists)
                for name, r in zip(m.names, m.responses, strict=True)
                if (lists := point_lists(r.loaded.falt.get(f.number) or FieldAnswers(), lang))
            ],
        )
        for f in fw.fields
    ]
    title = f"{first.forbund} {first.ar}: {label('merged', lang, n=len(m.responses))}"
    return MergedView(lang, title, m.names, spreads, fields)
