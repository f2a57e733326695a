"""What several views show alike: paragraphs, completeness, short headings, points and follow-ups."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ...errors import Problem, TolvfaltError
from ...framework import Framework, GridField
from ...i18n import Lang, label
from ...model import STATUS_LABELS, Assessment, Completeness, FieldAnswers, FollowUp, Part
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


# A document for people to read holds at most this much (docs/format.md, "Limits"): a kartläggning is some 30,000
# characters; at these limits a PDF takes some 30 s (benchmarks/documents.py), and far beyond them minutes.
DOCUMENT_CHARACTERS = 400_000
DOCUMENT_POINTS = 2_000


def within_document_limits(parts: Iterable[Part]) -> None:
    """Refuse, before anything is laid out, a document larger than any kartläggning: more text or more points
    (brister, möjligheter, åtgärder, follow-ups and insatser, every party's counted) than the limits."""
    characters = points = 0
    for part in parts:
        parties = part.svarande.values() if isinstance(part, Assessment) else ()
        for one in (part, *parties):
            characters += sum(len(t) for t in _texts(one))
            points += len(one.insatser) + sum(
                len(f.brister) + len(f.mojligheter) + len(f.atgarder) + len(f.uppfoljning) for f in one.falt.values()
            )
    problems = []
    if characters > DOCUMENT_CHARACTERS:
        problems.append(Problem("document_text_over", {"n": characters, "limit": DOCUMENT_CHARACTERS}))
    if points > DOCUMENT_POINTS:
        problems.append(Problem("document_points_over", {"n": points, "limit": DOCUMENT_POINTS}))
    if problems:
        raise TolvfaltError(problems)


def _texts(part: Part) -> Iterable[str]:
    own = [getattr(part, key, None) for key in ("inledning", "sammanfattning", "avslutning")]
    yield from (t for t in own if t)
    for f in part.falt.values():
        yield from (t for t in f.svar.values() if t)
        yield from (f.analys or "", *f.brister, *f.mojligheter, *f.atgarder)
        yield from (u.atgard + (u.kommentar or "") for u in f.uppfoljning)
