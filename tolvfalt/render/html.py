"""The yearly document as one self-contained HTML file (inline CSS, no scripts, no external URLs), print-ready."""

from __future__ import annotations

from typing import Any

from ..framework import Framework
from ..i18n import Lang, label
from ..model import Assessment, completeness
from ..summary import insats_mentions, points_by_field
from ..text import paragraphs, spans
from . import common

NEUTRAL = "#ffffff"
_LABELS = (
    "scale", "not_rated", "not_answered", "rating", "summary", "points_by_field", "no_points",
    "insatser_by_field", "insats", "no_insatser", "closing",
)  # fmt: skip


def text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#rrggbb)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def context(assessment: Assessment, framework: Framework, lang: Lang) -> dict[str, Any]:
    def prose(text: str | None) -> list[list[Any]]:
        return [spans(p) for p in paragraphs(text or "")]

    grid = []
    for row, cells in zip(framework.rows, framework.grid(), strict=True):
        rendered = []
        for field in cells:
            step = framework.scale_step(assessment.rating(field.number))
            background = step.color if step else NEUTRAL
            answered = sum(1 for q in field.questions if assessment.answer(q.id))
            rendered.append({
                "number": field.number,
                "questions": [q(lang) for q in field.questions],
                "answered": label("answered", lang, n=answered, total=len(field.questions)),
                "rating": f"{step.value} {step(lang)}" if step else None,
                "background": background,
                "color": text_color(background),
            })  # fmt: skip
        grid.append({"label": row(lang), "cells": rendered})
    sections = []
    for section in common.sections(assessment, framework, lang):
        rating = section.answers.bedomning
        sections.append({
            "heading": section.heading,
            "questions": [{"text": q(lang), "paragraphs": [spans(p) for p in paras]} for q, paras in section.questions],
            "rating": common.rating_text(framework, rating, lang) if rating is not None else None,
            "points": [(h, [spans(i) for i in items]) for h, items in common.point_lists(section.answers, lang)],
        })  # fmt: skip
    points = [
        {
            "heading": framework.heading(item.field, lang),
            "lists": [
                (h, [spans(i) for i in items])
                for h, items in common.point_lists(assessment.falt[item.field.number], lang)
            ],
        }
        for item in points_by_field(assessment, framework)
    ]
    return {
        "lang": lang,
        "title": common.title(assessment, lang),
        "place": common.place_date(assessment),
        "inledning": prose(assessment.inledning),
        "avslutning": prose(assessment.avslutning),
        "columns": [c(lang) for c in framework.columns],
        "grid": grid,
        "scale": [
            {"text": f"{s.value} {s(lang)}", "background": s.color, "color": text_color(s.color)}
            for s in framework.scale
        ],
        "completeness": common.completeness_text(completeness(assessment, framework.question_ids), lang),
        "sections": sections,
        "points": points,
        "mentions": list(insats_mentions(assessment, framework).items()),
        "numbers": [f.number for f in framework.fields],
        "signature": common.signature(assessment),
        "labels": {key: label(key, lang) for key in _LABELS},
    }


def environment() -> Any:
    """The jinja2 environment for the package's HTML templates: autoescaping on, undefined names an error."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("tolvfalt", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(assessment: Assessment, framework: Framework, lang: Lang = "sv") -> str:
    return environment().get_template("document.html.j2").render(context(assessment, framework, lang))
