"""What the yearly document gathers beyond the seed: points by field, and which insatser each field mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .framework import Framework, GridField
from .model import Assessment
from .text import plain


@dataclass(frozen=True)
class FieldPoints:
    field: GridField
    brister: list[str]
    mojligheter: list[str]
    atgarder: list[str]


def points_by_field(assessment: Assessment, framework: Framework) -> list[FieldPoints]:
    """Every field that has brister, möjligheter or åtgärder, in field order."""
    result = []
    for field in framework.fields:
        answers = assessment.falt.get(field.number)
        if answers and (answers.brister or answers.mojligheter or answers.atgarder):
            result.append(FieldPoints(field, answers.brister, answers.mojligheter, answers.atgarder))
    return result


def insats_mentions(assessment: Assessment, framework: Framework) -> dict[str, list[int]]:
    """For each insats, the fields whose answers or points name it (case-insensitive, inflected forms too)."""
    texts = {}
    for field in framework.fields:
        answers = assessment.falt.get(field.number)
        if answers:
            parts = [*answers.svar.values(), *answers.brister, *answers.mojligheter, *answers.atgarder]
            texts[field.number] = plain(" ".join(parts))
    mentions = {}
    for insats in assessment.insatser:
        pattern = re.compile(rf"(?<!\w){re.escape(insats)}", re.IGNORECASE)
        mentions[insats] = [n for n, text in texts.items() if pattern.search(text)]
    return mentions
