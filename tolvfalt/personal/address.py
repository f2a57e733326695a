"""Home addresses: a street with a number (Storgatan 12 B, Drottning Kristinas väg 3), or a postnummer with a
place (737 30 Fagersta)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding
from .letters import L, U, word_set
from .mask import mask
from .runs import word_before

_SUFFIXES = (
    "gatan", "vägen", "gränden", "gränd", "stigen", "torget", "backen", "allén", "stråket", "gata", "väg", "allé",
    "kajen", "slingan", "ringen", "esplanaden", "promenaden",
)  # fmt: skip
_WORDS = "väg|vägen|gata|gatan|gränd|torg|torget|allé|allén|plats|backe|backen|stig|stigen|gång"
_STREET = re.compile(
    rf"(?:(?:{U}{L}{{1,30}} ){{0,2}}{U}{L}{{0,40}}(?:{'|'.join(_SUFFIXES)})"
    rf"|(?:{U}{L}{{1,30}} ){{0,2}}{U}{L}{{1,30}}s? (?:{_WORDS})) $"
)
_HOUSE = re.compile(r"\d{1,3}(?:\s?[A-Ha-h](?![\w]))?(?:\s?(?:lgh|lägenhet)\s?\d{1,4})?(?![\w]|[.,:]\d|\s?%)")
_STREET_WORDS = (*_SUFFIXES, *_WORDS.split("|"))
_LOOK_BACK = 120
_POSTAL = re.compile(rf"[1-9]\d\d ?\d\d ({U}{L}{{1,40}}(?:[ -]{U}{L}{{1,40}})?)(?![\w])")
_PREFIXES = ("SE-", "S-")
_NOT_PLACES = word_set("Kronor Kr Sek Euro Deltagare Personer Timmar Dagar Veckor År Procent Platser")


def find(text: str, runs: list[tuple[int, int]]) -> Iterator[Finding]:
    """The addresses at ``runs`` (the text's digit runs)."""
    end = 0
    for start, run_end in runs:
        if start < end or word_before(text, start):
            continue
        found = _postal(text, start) if run_end - start in (3, 5) else None
        found = found or (_street(text, start) if run_end - start <= 3 else None)
        if found:
            end = found.end
            yield found


def _street(text: str, start: int) -> Finding | None:
    if text[start - 1 : start] != " ":
        return None
    lo = max(0, start - 42)
    word_start = max(lo, text.rfind(" ", lo, start - 1) + 1)
    if not text[word_start : start - 1].endswith(_STREET_WORDS):
        return None
    street = _STREET.search(text, max(0, start - _LOOK_BACK), start)
    house = _HOUSE.match(text, start)
    if not (street and house):
        return None
    return Finding("address", street.start(), house.end(), mask("address", text[street.start() : house.end()]))


def _postal(text: str, start: int) -> Finding | None:
    m = _POSTAL.match(text, start)
    if not m or m.group(1).split()[0].split("-")[0] in _NOT_PLACES:
        return None
    begin = start
    if text[start - 1 : start] == "-":  # SE-737 30, but not 2010-737 30
        prefix = next((p for p in _PREFIXES if text.endswith(p, 0, start)), None)
        if prefix is None or word_before(text, start - len(prefix)):
            return None
        begin -= len(prefix)
    return Finding("address", begin, m.end(), mask("address", text[begin : m.end()]))
