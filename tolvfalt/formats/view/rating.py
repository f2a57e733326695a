"""Ratings as every format shows them: the number, the scale's words and the colours of a cell."""

from __future__ import annotations

from typing import NamedTuple

from ...framework import Framework, ScaleStep
from ...i18n import Lang, label
from .. import house
from ..colour import text_colour

NEUTRAL = house.PAPER


ARROWS = {1: "↑", -1: "↓", 0: "→"}


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
    return Rating(step.value, step.text(lang), step.color, text_colour(step.color), True)


def legend(framework: Framework, lang: Lang) -> list[Rating]:
    return [_step(s, lang) for s in framework.scale]


def trend(ratings: list[int | None]) -> str:
    """An arrow from the first to the last rating given: ↑, ↓ or →; empty with fewer than two."""
    given = [r for r in ratings if r is not None]
    if len(given) < 2:
        return ""
    delta = given[-1] - given[0]
    return ARROWS[(delta > 0) - (delta < 0)]
