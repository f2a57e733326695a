"""Personnummer and samordningsnummer: 10 or 12 digits with ``-``, ``+``, a space or nothing, a real date (the day
plus 60 for a samordningsnummer) and a valid check digit. An organisationsnummer (the month 20 or more, as in
Försäkringskassan's 202100-5521) is a public body's or a company's and never reported."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .contact import is_phone
from .finding import Finding, Kind
from .mask import mask
from .runs import word_before

# 12 digits (century first) or 10; the separator between the date and the last four
_NUMBER = re.compile(r"(\d\d)?(\d{6})([-+ ]?)(\d{4})(?![\w]|[-+.,:/]\d)")
_RUN_LENGTHS = (6, 8, 10, 12)
_CENTURIES = ("18", "19", "20")


def luhn_ok(digits: str) -> bool:
    """The Luhn check over the ten digits YYMMDDNNNC."""
    total = 0
    for i, char in enumerate(digits):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def check_digit(nine: str) -> str:
    """The digit that makes ``nine`` digits (YYMMDDNNN) a valid number."""
    return next(d for d in "0123456789" if luhn_ok(nine + d))


def is_organisation(digits: str) -> bool:
    """An organisationsnummer: the third of its ten digits is 2 or more (a month never is)."""
    return len(digits) == 10 and digits.isdigit() and digits[2] >= "2"


def identity_kind(ten: str, century: str | None = None) -> Kind | None:
    """``personnummer`` or ``samordningsnummer`` if the ten digits are one, with a date that exists."""
    if is_organisation(ten) or not luhn_ok(ten):
        return None
    yy, month, day = int(ten[:2]), int(ten[2:4]), int(ten[4:6])
    kind: Kind = "personnummer"
    if day > 60:
        kind, day = "samordningsnummer", day - 60
    years = [int(century) * 100 + yy] if century else [1900 + yy, 2000 + yy]
    return kind if any(_real_date(year, month, day) for year in years) else None


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def find(text: str, runs: list[tuple[int, int]]) -> Iterator[Finding]:
    """The numbers among ``runs`` (the text's digit runs): 6 or 8 digits with a separator, or 10 or 12 without."""
    end = 0
    for start, run_end in runs:
        if start < end or run_end - start not in _RUN_LENGTHS or word_before(text, start):
            continue
        m = _NUMBER.match(text, start)
        if not m:
            continue
        century, date, sep, last = m.groups()
        if century and (century not in _CENTURIES or sep == "+"):
            continue
        if not century and not sep and date.startswith("0") and is_phone(m.group()):
            continue  # 0701234567, 0406280420: a phone number, left to the phone numbers
        kind = identity_kind(date + last, century)
        if kind:
            end = m.end()
            yield Finding(kind, start, end, mask(kind, m.group()))
