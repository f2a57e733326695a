"""What every comparison format says the same way."""

from __future__ import annotations

from ...compare import FieldChange
from ...framework import Framework, GridField
from ...i18n import Lang, label

ARROWS = {1: "↑", -1: "↓", 0: "→"}


def short_heading(framework: Framework, field: GridField, lang: Lang) -> str:
    return f"{field.number} {framework.row(field)(lang)} · {framework.column(field)(lang)}"


def rating_or_dash(value: int | None) -> str:
    return "–" if value is None else str(value)


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
    return lines
