"""Which insatser each field of an assessment mentions."""

from __future__ import annotations

import re

from .framework import Framework
from .model import Assessment
from .text import plain


def insats_mentions(assessment: Assessment, framework: Framework) -> dict[str, list[int]]:
    """For each insats, the fields whose answers or points name it (case-insensitive, inflected forms too)."""
    texts = {}
    for field in framework.fields:
        answers = assessment.falt.get(field.number)
        if answers:
            parts = [
                *(t for t in answers.svar.values() if t),
                *(p for items in answers.points().values() for p in items),
            ]
            texts[field.number] = plain(" ".join(parts))
    mentions = {}
    for insats in assessment.insatser:
        pattern = re.compile(rf"(?<!\w){re.escape(insats)}", re.IGNORECASE)
        mentions[insats] = [n for n, text in texts.items() if pattern.search(text)]
    return mentions
