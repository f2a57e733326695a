"""The yearly document: summary, grid, a section per field, signature; built once for md, html, pdf and docx."""

from __future__ import annotations

import statistics
from typing import NamedTuple

from ...framework import Framework
from ...i18n import Lang, label
from ...model import Assessment, Completeness, FieldAnswers, completeness
from ...summary import insats_mentions
from .changes import ChangeView, StepView, change_lines
from .common import FollowUpView, Paragraph, PointList, completeness_text, follow_up, point_lists, prose
from .rating import Rating, legend, rating


class GridCell(NamedTuple):
    number: int
    questions: list[str]
    answered: int
    total: int
    answered_text: str
    rating: Rating
    note: str | None = None
    """In a merged assessment: that the rating is the parties' median, or that their ratings differ."""


class GridRow(NamedTuple):
    label: str
    cells: list[GridCell]


class QuestionView(NamedTuple):
    id: str
    text: str
    paragraphs: list[Paragraph]
    voices: list[tuple[str, list[Paragraph]]]
    """In a merged assessment, each party's answer under its name."""


class SectionView(NamedTuple):
    """One field of the document: its heading, its questions with answers, its rating and points; in a merged
    assessment also the förbundschef's analys, each party's rating and points, and the follow-up."""

    number: int
    heading: str
    questions: list[QuestionView]
    rating: Rating | None
    points: list[PointList]
    analys: list[Paragraph]
    party_ratings: list[tuple[str, Rating]]
    note: str | None
    party_points: list[tuple[str, list[PointList]]]
    follow_ups: list[FollowUpView]


class FieldPointsView(NamedTuple):
    heading: str
    points: list[PointList]


class DocumentView(NamedTuple):
    lang: Lang
    title: str
    place: str | None
    metadata: list[tuple[str, str]]
    forbund: str
    author: str | None
    references: list[str]
    """Diarienummer and the styrelse's decision, as printed under the title."""
    draft: bool
    key_points: list[FieldPointsView]
    """Brister and åtgärder by field: what the styrelse reads first."""
    changes: StepView | None
    """What changed since last year's assessment, when it is given."""
    inledning: list[Paragraph]
    avslutning: list[Paragraph]
    columns: list[str]
    grid: list[GridRow]
    legend: list[Rating]
    completeness: Completeness
    completeness_text: str
    sections: list[SectionView]
    points_by_field: list[FieldPointsView]
    mentions: list[tuple[str, list[int]]]
    numbers: list[int]
    signature: str
    signature_lines: list[str]
    party_intros: list[tuple[str, list[Paragraph]]]
    """In a merged assessment, each party's inledning under its name."""
    open_follow_ups: int


def document(
    assessment: Assessment, framework: Framework, lang: Lang, previous: Assessment | None = None
) -> DocumentView:
    a = assessment
    done = completeness(a, framework)
    agreed = {f.number: _agreed(a, framework, f.number, lang) for f in framework.fields}
    grid = []
    for row, cells in zip(framework.rows, framework.grid(), strict=True):
        rendered = []
        for f in cells:
            answered = sum(1 for q in f.questions if a.answer(q.id))
            shown, note = agreed[f.number]
            rendered.append(
                GridCell(
                    f.number,
                    [q(lang) for q in f.questions],
                    answered,
                    len(f.questions),
                    label("answered", lang, n=answered, total=len(f.questions)),
                    shown or rating(framework, None, lang),
                    note,
                )
            )
        grid.append(GridRow(row(lang), rendered))
    sections = []
    for f in framework.fields:
        answers = a.falt.get(f.number) or FieldAnswers()
        voices = a.voices(f.number)
        shown, note = agreed[f.number]
        sections.append(
            SectionView(
                f.number,
                framework.heading(f, lang),
                [
                    QuestionView(
                        q.id,
                        q(lang),
                        prose(answers.svar.get(q.letter)),
                        [(name, prose(v.svar.get(q.letter))) for name, v in voices],
                    )
                    for q in f.questions
                ],
                shown,
                point_lists(answers, lang),
                prose(answers.analys),
                [(name, rating(framework, v.bedomning, lang)) for name, v in voices]
                if any(v.bedomning is not None for _, v in voices)
                else [],
                note,
                [(name, point_lists(v, lang)) for name, v in voices if v.has_points()],
                [follow_up(u, lang) for u in answers.uppfoljning],
            )
        )
    metadata = [
        (label(key, lang), value)
        for key, value in (
            ("förbund", a.forbund),
            ("år", str(a.ar)),
            ("ort", a.ort),
            ("datum", a.datum.isoformat() if a.datum else None),
            ("författare", a.forfattare),
        )
        if value
    ]
    date = a.datum.isoformat() if a.datum else None
    place = " | ".join(p for p in (a.ort, date) if p) or None
    references = [
        *([f"{label('diarienummer', lang)}: {a.diarienummer}"] if a.diarienummer else []),
        *([f"{label('beslutad', lang)} {a.beslutad}"] if a.beslutad else []),
    ]
    key_points = [
        FieldPointsView(
            framework.heading(f, lang),
            [p for p in point_lists(a.falt[f.number], lang) if p.key in ("brister", "åtgärder")],
        )
        for f in framework.fields
        if f.number in a.falt and (a.falt[f.number].brister or a.falt[f.number].atgarder)
    ]
    signature_lines = [
        line for line in (a.forfattare, a.befattning, a.forbund, ", ".join(p for p in (a.ort, date) if p)) if line
    ]
    return DocumentView(
        lang=lang,
        title=a.titel or label("title", lang, år=a.ar),
        place=place,
        metadata=metadata,
        forbund=a.forbund,
        author=a.forfattare,
        references=references,
        draft=a.utkast,
        key_points=key_points,
        changes=since(previous, a, framework, lang) if previous is not None else None,
        inledning=prose(a.inledning),
        avslutning=prose(a.avslutning),
        columns=[c(lang) for c in framework.columns],
        grid=grid,
        legend=legend(framework, lang),
        completeness=done,
        completeness_text=completeness_text(done, lang),
        sections=sections,
        points_by_field=[
            FieldPointsView(framework.heading(f, lang), point_lists(a.falt[f.number], lang))
            for f in framework.fields
            if f.number in a.falt and a.falt[f.number].has_points()
        ],
        mentions=list(insats_mentions(a, framework).items()),
        numbers=[f.number for f in framework.fields],
        signature=", ".join(p for p in (a.forfattare, a.forbund) if p),
        signature_lines=signature_lines,
        party_intros=[(name, prose(r.inledning)) for name, r in a.svarande.items() if r.inledning],
        open_follow_ups=len(a.open_follow_ups()),
    )


def _agreed(a: Assessment, framework: Framework, number: int, lang: Lang) -> tuple[Rating | None, str | None]:
    """The rating a field shows, and a note: the agreed one; else, in a merged assessment, the parties' median
    (marked as such); and whether the parties' ratings differ by 2 or more."""
    from ...merged import DISAGREEMENT

    own = a.rating(number)
    given = [v.bedomning for _, v in a.voices(number) if v.bedomning is not None]
    differ = len(given) > 1 and max(given) - min(given) >= DISAGREEMENT
    notes = []
    if own is not None:
        shown = rating(framework, own, lang)
    elif given:
        shown = rating(framework, statistics.median_low(given), lang)
        notes.append(label("median", lang))
    else:
        return (rating(framework, None, lang) if a.svarande else None), None
    if differ:
        notes.append(label("disagreement", lang))
    return shown, " · ".join(notes) or None


def since(before: Assessment, after: Assessment, framework: Framework, lang: Lang) -> StepView:
    """What changed in each field from ``before`` (last year's assessment) to ``after``."""
    from ...comparison import FieldDigest, field_change

    changes = []
    for f in framework.fields:
        old = FieldDigest.of(before.falt.get(f.number) or FieldAnswers())
        new = FieldDigest.of(after.falt.get(f.number) or FieldAnswers())
        change = field_change(f.number, old, new)
        if not change.is_empty():
            changes.append(ChangeView(f.number, framework.heading(f, lang), change_lines(change, lang, before.ar)))
    title = label("changes", lang, before=before.ar, after=after.ar)
    return StepView(before.ar, after.ar, title, changes)
