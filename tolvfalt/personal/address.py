"""Home addresses: a street with a number (Storgatan 12 B, Drottning Kristinas väg 3), or a postnummer with a
place (737 30 Fagersta)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding
from .letters import L, U, word_set
from .mask import mask

_SUFFIXES = (
    "gatan|vägen|gränden|gränd|stigen|torget|backen|allén|stråket|gata|väg|allé|kajen|slingan|ringen|esplanaden"
    "|promenaden"
)
_WORD_SUFFIXES = "väg|vägen|gata|gatan|gränd|torg|torget|allé|allén|plats|backe|backen|stig|stigen|gång"
_NUMBER = r"\d{1,3}(?:\s?[A-Ha-h](?![\w]))?(?:\s?(?:lgh|lägenhet)\s?\d{1,4})?"
_STREET = re.compile(
    rf"(?<![\w])(?:(?:{U}{L}{{1,30}} ){{0,2}}{U}{L}{{0,40}}(?:{_SUFFIXES})"
    rf"|(?:{U}{L}{{1,30}} ){{0,2}}{U}{L}{{1,30}}s? (?:{_WORD_SUFFIXES}))"
    rf" ({_NUMBER})(?![\w]|[.,:]\d|\s?%)"
)
_POSTAL = re.compile(rf"(?<![\w\-])(?:SE?-)?[1-9]\d\d ?\d\d (?=({U}{L}{{1,40}}(?:[ -]{U}{L}{{1,40}})?))")
_NOT_PLACES = word_set("Kronor Kr Sek Euro Deltagare Personer Timmar Dagar Veckor År Procent Platser")


def find(text: str) -> Iterator[Finding]:
    for m in _STREET.finditer(text):
        yield Finding("address", m.start(), m.end(), mask("address", m.group()))
    for m in _POSTAL.finditer(text):
        place = m.group(1)
        if place.split()[0].split("-")[0] in _NOT_PLACES:
            continue
        end = m.end() + len(place)
        yield Finding("address", m.start(), end, mask("address", text[m.start() : end]))
