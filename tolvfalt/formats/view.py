"""What every format shows, built once per object and language: texts, ratings with their colours, grid cells,
sections, summaries, comparison and spread rows. The format writers only lay these out."""

from __future__ import annotations

import statistics
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from ..framework import Framework, GridField, ScaleStep
from ..i18n import Lang, label
from ..model import Assessment, Completeness, FieldAnswers, FollowUp, completeness
from ..summary import insats_mentions
from ..text import Span, paragraphs, spans
from .colour import text_colour

if TYPE_CHECKING:
    from ..comparison import Comparison, Digest, FieldChange
    from ..merged import Merged
    from ..read.many import FileResult

Paragraph = list[Span]
NEUTRAL = "#ffffff"
ARROWS = {1: "↑", -1: "↓", 0: "→"}


# --- colours and ratings ----------------------------------------------------------------------------------------


class Rating(NamedTuple):
    """A rating as every format shows it: the number, its text, and the colours of a cell that holds it."""

    value: int | None
    text: str
    """``3 God``, or ``Ej bedömd`` when there is no rating."""
    background: str
    color: str
    rated: bool

    @property
    def short(self) -> str:
        return "–" if self.value is None else str(self.value)


def rating(framework: Framework, value: int | None, lang: Lang) -> Rating:
    step = framework.scale_step(value)
    if step is None:
        return Rating(value, label("not_rated", lang), NEUTRAL, text_colour(NEUTRAL), False)
    return _step(step, lang)


def _step(step: ScaleStep, lang: Lang) -> Rating:
    return Rating(step.value, f"{step.value} {step(lang)}", step.color, text_colour(step.color), True)


def legend(framework: Framework, lang: Lang) -> list[Rating]:
    return [_step(s, lang) for s in framework.scale]


def prose(text: str | None) -> list[Paragraph]:
    return [spans(p) for p in paragraphs(text or "")]


def completeness_text(c: Completeness, lang: Lang) -> str:
    text = label("completeness", lang, n=len(c.answered), total=c.total)
    return text + (f"; {label('missing', lang, ids=', '.join(c.missing))}" if c.missing else "")


def short_heading(framework: Framework, grid_field: GridField, lang: Lang) -> str:
    return f"{grid_field.number} {framework.row(grid_field)(lang)} · {framework.column(grid_field)(lang)}"


# --- the yearly document ----------------------------------------------------------------------------------------


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


class PointList(NamedTuple):
    key: str
    label: str
    items: list[Paragraph]


class QuestionView(NamedTuple):
    id: str
    text: str
    paragraphs: list[Paragraph]
    voices: list[tuple[str, list[Paragraph]]]
    """In a merged assessment, each party's answer under its name."""


class FollowUpView(NamedTuple):
    action: str
    status: str
    comment: str | None


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


def point_lists(answers: FieldAnswers, lang: Lang) -> list[PointList]:
    """The brister, möjligheter and åtgärder of a field that are not empty, with their labels."""
    return [
        PointList(key, label(key, lang), [spans(item) for item in items])
        for key, items in answers.points().items()
        if items
    ]


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


_STATUS = {"genomförd": "status_done", "pågår": "status_ongoing", "ej påbörjad": "status_not_started",
           "struken": "status_dropped"}  # fmt: skip


def follow_up(item: FollowUp, lang: Lang) -> FollowUpView:
    status = label(_STATUS[item.status], lang) if item.status else label("no_status", lang)
    return FollowUpView(item.atgard, status, item.kommentar)


def _agreed(a: Assessment, framework: Framework, number: int, lang: Lang) -> tuple[Rating | None, str | None]:
    """The rating a field shows, and a note: the agreed one; else, in a merged assessment, the parties' median
    (marked as such); and whether the parties' ratings differ by 2 or more."""
    from ..merged import DISAGREEMENT

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
    from ..comparison import FieldDigest, field_change

    changes = []
    for f in framework.fields:
        old = FieldDigest.of(before.falt.get(f.number) or FieldAnswers())
        new = FieldDigest.of(after.falt.get(f.number) or FieldAnswers())
        change = field_change(f.number, old, new)
        if not change.is_empty():
            changes.append(ChangeView(f.number, framework.heading(f, lang), change_lines(change, lang, before.ar)))
    title = label("changes", lang, before=before.ar, after=after.ar)
    return StepView(before.ar, after.ar, title, changes)


# --- the comparison ---------------------------------------------------------------------------------------------


def trend(ratings: list[int | None]) -> str:
    """An arrow from the first to the last rating given: ↑, ↓ or →; empty with fewer than two."""
    given = [r for r in ratings if r is not None]
    if len(given) < 2:
        return ""
    delta = given[-1] - given[0]
    return ARROWS[(delta > 0) - (delta < 0)]


def change_lines(change: FieldChange, lang: Lang, year_before: int) -> list[tuple[str, str]]:
    """One (kind, text) line per kind of change in a field, in a fixed order."""
    lines = []
    if change.rating_before != change.rating_after:
        before = "–" if change.rating_before is None else change.rating_before
        after = "–" if change.rating_after is None else change.rating_after
        arrow = ARROWS.get((change.rating_delta > 0) - (change.rating_delta < 0), "") if change.rating_delta else ""
        lines.append(("rating", f"{label('rating_changed', lang, before=before, after=after)} {arrow}".rstrip()))
    for key, items in (
        ("new_brister", change.new_brister),
        ("gone_brister", change.gone_brister),
        ("gone_atgarder", change.gone_atgarder),
    ):
        if items:
            lines.append((key, f"{label(key, lang)}: " + "; ".join(items)))
    if change.unchanged_answers:
        ids = ", ".join(change.unchanged_answers)
        lines.append(("unchanged", f"{label('unchanged_answers', lang, år=year_before)}: {ids}"))
    if change.follow_ups:
        done = "; ".join(
            f"{action}: {label(_STATUS[status], lang) if status else label('no_status', lang)}"
            for action, status in change.follow_ups
        )
        lines.append(("follow_up", f"{label('follow_up', lang)}: {done}"))
    return lines


class RatingsRow(NamedTuple):
    number: int
    name: str
    """``1 Deltagare · Struktur och förutsättningar``."""
    level: str
    ratings: list[Rating]
    trend: str


class RatingsTable(NamedTuple):
    """Ratings per field, one column per assessment (a year, or a förbund), and the answered count of each."""

    headers: list[str]
    entry_labels: list[str]
    rows: list[RatingsRow]
    answered: list[str]
    answered_ratio: list[float]
    trend_column: bool


class ChangeView(NamedTuple):
    number: int
    heading: str
    lines: list[tuple[str, str]]


class StepView(NamedTuple):
    before: int
    after: int
    title: str
    changes: list[ChangeView]


class ChartCell(NamedTuple):
    number: int
    ratings_text: str
    ratings: list[Rating]


class SeriesView(NamedTuple):
    name: str
    years: list[int]
    table: RatingsTable
    grid: list[tuple[str, list[ChartCell]]]
    steps: list[StepView]


class ComparisonView(NamedTuple):
    lang: Lang
    title: str
    columns: list[str]
    scale: list[Rating]
    series: list[SeriesView]
    same_year: list[tuple[int, str, RatingsTable]]


def entry_label(e: Digest) -> str:
    return f"{e.forbund} {e.ar}" + (f" ({e.respondent})" if e.respondent else "")


def ratings_table(
    framework: Framework, entries: list[Digest], headers: list[str], lang: Lang, trend_column: bool
) -> RatingsTable:
    rows = []
    for f in framework.fields:
        values = [e.rating(f.number) for e in entries]
        rows.append(
            RatingsRow(
                f.number,
                short_heading(framework, f, lang),
                short_heading(framework, f, lang).split(" ", 1)[1],
                [rating(framework, v, lang) for v in values],
                trend(values),
            )
        )
    done = [e.completeness for e in entries]
    return RatingsTable(
        headers,
        [entry_label(e) for e in entries],
        rows,
        [f"{len(c.answered)}/{c.total}" for c in done],
        [len(c.answered) / c.total if c.total else 1.0 for c in done],
        trend_column,
    )


def comparison(comp: Comparison, lang: Lang) -> ComparisonView:
    fw = comp.framework
    series = []
    for s in comp.series:
        years = [e.ar for e in s.entries]
        grid = [
            (
                row(lang),
                [
                    ChartCell(
                        f.number,
                        " ".join("–" if r is None else str(r) for r in s.ratings(f.number)),
                        [rating(fw, r, lang) for r in s.ratings(f.number)],
                    )
                    for f in cells
                ],
            )
            for row, cells in zip(fw.rows, fw.grid(), strict=True)
        ]
        steps = [
            StepView(
                st.before.ar,
                st.after.ar,
                label("changes", lang, before=st.before.ar, after=st.after.ar),
                [
                    ChangeView(c.field, fw.heading(fw.by_number[c.field], lang), change_lines(c, lang, st.before.ar))
                    for c in st.changes
                ],
            )
            for st in s.steps
        ]
        twice = {y for y in years if years.count(y) > 1}
        headers = [f"{e.ar} ({PurePath(e.source).name})" if e.ar in twice else str(e.ar) for e in s.entries]
        table = ratings_table(fw, s.entries, headers, lang, True)
        series.append(SeriesView(s.name, years, table, grid, steps))
    same_year = [
        (
            year,
            label("same_year", lang, år=year),
            ratings_table(fw, entries, [e.forbund for e in entries], lang, False),
        )
        for year, entries in comp.same_year.items()
    ]

    def span(years: list[int]) -> str:
        return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"

    names = ", ".join(f"{s.name} {span(s.years)}" for s in series)
    title = label("comparison_of", lang, names=names) if series else label("comparison", lang)
    return ComparisonView(lang, title, [c(lang) for c in fw.columns], legend(fw, lang), series, same_year)


# --- several respondents ----------------------------------------------------------------------------------------


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


class MergedView(NamedTuple):
    lang: Lang
    title: str
    names: list[str]
    spreads: list[SpreadRow]
    fields: list[MergedField]


def merged(m: Merged, lang: Lang) -> MergedView:
    fw = m.framework
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
        )
        for f in fw.fields
    ]
    title = f"{first.forbund} {first.ar}: {label('merged', lang, n=len(m.responses))}"
    return MergedView(lang, title, m.names, spreads, fields)


# --- check results ----------------------------------------------------------------------------------------------


def check_line(result: FileResult, lang: Lang) -> str:
    """One line for a file that is fine; one line per problem for a file that is not."""
    if result.problems:
        return "\n".join(p.format(lang) for p in result.problems)
    c = result.completeness
    assert c is not None
    text = f"{result.source}: {label('ok', lang)}, {label('answered', lang, n=len(c.answered), total=c.total)}"
    if c.missing:
        text += f" ({label('incomplete', lang)}; {label('missing', lang, ids=', '.join(c.missing))})"
    open_items = len(result.assessment.open_follow_ups()) if result.assessment else 0
    if open_items:
        text += f"; {label('open_follow_ups', lang, n=open_items)}"
    return text
