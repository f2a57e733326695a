"""What changed in a field from one year to the next, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ...i18n import Lang, label
from .common import status_text
from .rating import ARROWS

if TYPE_CHECKING:
    from ...comparison import FieldChange


class ChangeView(NamedTuple):
    number: int
    heading: str
    lines: list[tuple[str, str]]


class StepView(NamedTuple):
    before: int
    after: int
    title: str
    changes: list[ChangeView]


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
        done = "; ".join(f"{action}: {status_text(status, lang)}" for action, status in change.follow_ups)
        lines.append(("follow_up", f"{label('follow_up', lang)}: {done}"))
    return lines
