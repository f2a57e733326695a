"""The metadata of a kartläggning: place and date ("Fagersta | 06 10 2009"), the year from the title, and the
signature at the end (författare, befattning, förbund, place and date)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import LANGS, label
from .blocks import Block, Place, plain
from .match import norm

MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "mars": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7,
    "augusti": 8, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_DATE = (
    r"(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})[ ./-]{1,2}(?P<m2>\d{1,2})[ ./-]{1,2}(?P<y2>\d{4})"
    r"|(?P<d3>\d{1,2})(?::e|:a|e)?\.?\s+(?P<mon>[^\W\d_]+)\.?\s+(?P<y3>\d{4}))"
)
_PLACE_DATE = re.compile(rf"^(?P<ort>[^\d|,;:]{{0,60}}?)[\s|,;:–-]*(?:den\s+)?{_DATE}\s*$", re.I)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|2[01]\d\d)(?!\d)")
MAX_SIGNATURE_LINE = 100


@dataclass(frozen=True)
class PlaceDate:
    ort: str | None
    datum: dt.date
    raw: str
    day_first: bool
    """Read as day, month, year from digits alone ("06 10 2009"): the Swedish order, but a reading all the same."""


def place_date(text: str) -> PlaceDate | None:
    """ "Fagersta | 06 10 2009", "Fagersta, 2011-10-04", "Fagersta den 6 oktober 2009", or a date alone."""
    m = _PLACE_DATE.match(text.strip())
    if not m:
        return None
    try:
        if m.group("y"):
            datum, day_first = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), False
        elif m.group("y2"):
            datum, day_first = dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))), True
        else:
            month = MONTHS.get(m.group("mon").lower().rstrip("."))
            if month is None:
                return None
            datum, day_first = dt.date(int(m.group("y3")), month, int(m.group("d3"))), False
    except ValueError:
        return None
    if not dt.date(1900, 1, 1) <= datum <= dt.date(2200, 12, 31):
        return None
    ort = m.group("ort").strip(" |,;:–-") or None
    if ort and len(ort.split()) > 4:
        return None
    return PlaceDate(ort, datum, text.strip(), day_first)


def title_year(text: str, is_title: bool) -> int | None:
    """The year in a title: "Kartläggning av samverkan 2009 efter tolvfältaren"."""
    folded = norm(text)
    if not is_title and not any(w in folded for w in ("kartlaggning", "tolvfalt", "mapping of collaboration")):
        return None
    if len(text) > 200:
        return None
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def default_title(text: str, year: int) -> bool:
    """The title is the one tolvfalt writes itself for that year (then the file needs no ``titel``)."""
    return any(norm(text) == norm(label("title", lang, år=year)) for lang in LANGS)


_FORBUND = re.compile(r"(?:forbund|forbundet|association)\b")


def mentions_forbund(text: str) -> bool:
    """A name of a förbund: a word that ends in "förbund" or "förbundet" (not "förbundschefen")."""
    return bool(_FORBUND.search(norm(text)))


@dataclass(frozen=True)
class Signature:
    place: Place
    forfattare: str | None = None
    befattning: str | None = None
    forbund: str | None = None
    when: PlaceDate | None = None


def take_signature(
    blocks: list[Block], forbund: str | None, structure: Callable[[str], bool]
) -> tuple[list[Block], Signature | None]:
    """The signature at the end of the document, and the blocks before it. A signature is a few short lines
    (no full stop at the end, nothing ``structure`` knows, such as a rating), with the förbund's name or a place
    and date among them."""
    tail: list[Block] = []
    for block in reversed(blocks):
        text = plain(block.text)
        if block.kind != "paragraph" or block.bullet or not text or len(text) > MAX_SIGNATURE_LINE:
            break
        if structure(text):
            break
        if text[-1] in ".?!:;" and not place_date(text):
            break
        tail.insert(0, block)
        if len(tail) == 5:
            break
    lines = [plain(b.text) for b in tail]
    when = place_date(lines[-1]) if lines else None
    body = lines[:-1] if when else lines
    known = norm(forbund) if forbund else None
    at = next((i for i in range(len(body) - 1, -1, -1) if known and norm(body[i]) == known), None)
    if at is None:
        at = next((i for i in range(len(body) - 1, -1, -1) if mentions_forbund(body[i])), None)
    name = author = role = None
    if at is not None:
        line = body[at]
        before, comma, after = line.partition(",")
        if comma and not mentions_forbund(before) and mentions_forbund(after):
            author, name = before.strip(), after.strip()
            start = at
        else:
            name = line
            people = body[max(0, at - 2) : at]
            start = at - len(people)
            if len(people) == 2:
                author, role = people
            elif people:
                author = people[0]
    elif when is not None:
        people = body[-2:]
        start = len(body) - len(people)
        if len(people) == 2:
            author, role = people
        elif people:
            author = people[0]
    else:
        return blocks, None
    kept = len(blocks) - len(tail) + start
    return blocks[:kept], Signature(tail[start].place, author, role, name, when)
