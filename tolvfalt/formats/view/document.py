"""The yearly document: summary, grid, a section per field, signature; built once for md, html, pdf and docx."""

from __future__ import annotations

from typing import NamedTuple

from ...framework import Framework
from ...i18n import Lang, label
from ...model import Assessment, Completeness, FieldAnswers, completeness
from ...summary import insats_mentions
from .changes import ChangeView, StepView, change_lines
from .common import (
    FollowUpView,
    Paragraph,
    PointList,
    completeness_text,
    follow_up,
    point_lists,
    prose,
    short_heading,
    within_document_limits,
)
from .rating import Rating, legend, rating, trend

_BLANK = FieldAnswers()


class GridCell(NamedTuple):
    number: int
    questions: list[str]
    answered: int
    total: int
    answered_text: str
    rating: Rating
    note: str | None = None
    """In a merged assessment: the parties' ratings where none is agreed, who rated what where they differ."""


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
    party_analys: list[tuple[str, list[Paragraph]]]
    """In a merged assessment, an analys a party wrote of the field, under its name."""


class PartyView(NamedTuple):
    name: str
    answered: int
    total: int
    rated: int
    text: str
    """``Försäkringskassan: 12 av 23 frågor besvarade, 5 fält bedömda``."""


class RoundRow(NamedTuple):
    number: int
    name: str
    parties: list[Rating]
    agreed: Rating
    last_year: Rating | None
    trend: str
    disagreement: str | None
    """Who rated what, where the parties' ratings lie 2 or more apart."""


class RoundView(NamedTuple):
    """The summary of a merged assessment: who took part and how fully, who did not, and one table of ratings,
    a row per field and a column per party, then the agreed rating (and last year's)."""

    parties: list[PartyView]
    absent: list[str]
    absent_text: str | None
    """``Har inte svarat: Arbetsförmedlingen.``"""
    headers: list[str]
    rows: list[RoundRow]
    last_year: bool


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
    round: RoundView | None
    """In a merged assessment: who took part, how fully, and the ratings party by party."""
    sammanfattning: list[Paragraph]
    contents: list[tuple[str, str]]
    """The document's parts in order, as (anchor, heading): one list for html, pdf, docx and md."""


def document(
    assessment: Assessment,
    framework: Framework,
    lang: Lang,
    previous: Assessment | None = None,
    *,
    mentions: bool = True,
) -> DocumentView:
    """The document's view; without ``mentions``, the insatser table is left out (the terminal shows none)."""
    a = assessment
    within_document_limits([a])
    done = completeness(a, framework)
    agreed = {f.number: _agreed(a, framework, f.number, lang) for f in framework.fields}
    grid = []
    for row, cells in zip(framework.rows, framework.grid(), strict=True):
        rendered = []
        for f in cells:
            answered = sum(1 for q in f.questions if a.answer(q.id))
            shown, note = agreed[f.number]
            if a.svarande:  # the summary's table says who rated what; the cell only that they differ
                from ...merged import spread

                note = label("parties_differ_short", lang) if spread(a, f.number).disagreement else None
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
                [(name, prose(v.analys)) for name, v in voices if v.analys],
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
    party_intros = [(name, prose(r.inledning)) for name, r in a.svarande.items() if r.inledning]
    round_view = _round(a, framework, lang, previous)
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
        completeness_text="; ".join(p.text for p in round_view.parties)
        if round_view
        else completeness_text(done, lang),
        sections=sections,
        points_by_field=[
            FieldPointsView(framework.heading(f, lang), point_lists(a.falt[f.number], lang))
            for f in framework.fields
            if f.number in a.falt and a.falt[f.number].has_points()
        ],
        mentions=list(insats_mentions(a, framework).items()) if mentions else [],
        numbers=[f.number for f in framework.fields],
        signature=", ".join(p for p in (a.forfattare, a.forbund) if p),
        signature_lines=signature_lines,
        party_intros=party_intros,
        open_follow_ups=len(a.open_follow_ups()),
        round=round_view,
        sammanfattning=prose(a.sammanfattning),
        contents=_contents(a, sections, party_intros, lang),
    )


def _contents(
    a: Assessment, sections: list[SectionView], party_intros: list[tuple[str, list[Paragraph]]], lang: Lang
) -> list[tuple[str, str]]:
    return [
        ("summary", label("summary_for_board", lang)),
        *([("inledning", label("inledning", lang))] if a.inledning or party_intros else []),
        ("grid", label("grid", lang)),
        *((f"field-{s.number}", s.heading) for s in sections),
        *([("follow-up", label("follow_up", lang))] if any(s.follow_ups for s in sections) else []),
        ("insatser", label("insatser_by_field", lang)),
        *([("avslutning", label("closing", lang))] if a.avslutning else []),
    ]


def _agreed(a: Assessment, framework: Framework, number: int, lang: Lang) -> tuple[Rating | None, str | None]:
    """The rating a field shows, and a note. The rating is only ever the agreed one: a rating nobody gave (an average of
    theirs, say) is never shown as the field's. In a merged assessment without one, the note gives the parties'
    ratings; where they lie 2 or more apart, it says who rated what."""
    own = a.rating(number)
    if not a.svarande:
        return (rating(framework, own, lang) if own is not None else None), None
    from ...merged import spread

    parties = spread(a, number)
    shown = rating(framework, own, lang) if own is not None or a.svarande else None
    if parties.disagreement:
        return shown, label("parties_differ", lang, ratings=_who_rated(parties.rated))
    if own is None and parties.rated:
        return shown, label("parties_rated", lang, ratings=_who_rated(parties.rated))
    return shown, None


def _who_rated(rated: list[tuple[str, int]]) -> str:
    return ", ".join(f"{name} {value}" for name, value in rated)


def _round(a: Assessment, framework: Framework, lang: Lang, previous: Assessment | None) -> RoundView | None:
    """Who took part and how fully, and the ratings party by party, for the summary of a merged assessment."""
    if not a.svarande:
        return None
    from ...merged import spread

    total = len(framework.question_ids)
    parties = []
    for name, part in a.svarande.items():
        answered = sum(1 for q in framework.questions if (part.falt.get(q.field_number) or _BLANK).svar.get(q.letter))
        rated = sum(1 for f in part.falt.values() if f.bedomning is not None)
        parties.append(
            PartyView(
                name,
                answered,
                total,
                rated,
                label("party_took_part", lang, name=name, n=answered, total=total, rated=rated),
            )
        )
    rows = []
    for f in framework.fields:
        agreed = a.rating(f.number)
        before = previous.rating(f.number) if previous is not None else None
        parties_spread = spread(a, f.number)
        rows.append(
            RoundRow(
                f.number,
                short_heading(framework, f, lang),
                [rating(framework, r, lang) for _, r in parties_spread.ratings],
                rating(framework, agreed, lang),
                rating(framework, before, lang) if previous is not None else None,
                trend([before, agreed]) if previous is not None else "",
                label("parties_differ", lang, ratings=_who_rated(parties_spread.rated))
                if parties_spread.disagreement
                else None,
            )
        )
    headers = [*a.svarande, label("agreed", lang)]
    if previous is not None:
        headers.append(label("agreed_year", lang, år=previous.ar))
    absent = label("parties_absent", lang, names=", ".join(a.ej_svarat)) if a.ej_svarat else None
    return RoundView(parties, list(a.ej_svarat), absent, headers, rows, previous is not None)


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
