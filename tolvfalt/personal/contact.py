"""Phone numbers (Swedish as people write them, and international ones) and e-mail addresses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from .finding import Finding
from .letters import word_set
from .mask import mask
from .runs import word_before

# A national number begins with 0, an international one with + or 00; digit groups split by a space, a hyphen or a
# slash, "(0)" after the country code, the area code in brackets. Bounded, so that a long run of digits costs no
# more than a short one.
_PHONE = re.compile(r"(?:\+|0|\(0\d{1,3}\))(?:[ \-/]?(?:\(\d{1,4}\)|\d)){6,15}(?!\w)")
_MAX_GROUPS = 6
_MIN_DIGITS, _MAX_DIGITS = 7, 15
_NOT_PHONE_BEFORE = re.compile(r"(?:dnr|diarie|ärende|sfs|org|bankgiro|plusgiro|\bbg|\bpg|konto|faktura)\w*[.:]?\s*$")
_LOOK_BACK = 24

_LOCAL_MARKS = frozenset("._%+-'")
_AT = re.compile(r"\s?[(\[][aA][tT][)\]]\s?")
_MAX_LOCAL, _MAX_DOMAIN = 64, 255
FUNCTIONAL = word_set(
    "info registrator registratur diarium kontakt kontaktcenter kommun kommunen kundservice kundtjanst kundtjänst "
    "support post postmottagning mail noreply no-reply vaxel växel reception kansli kansliet ekonomi press "
    "webmaster webb admin service region regionen forbund forbundet förbund förbundet samordningsforbund "
    "samordningsförbundet styrelsen kommunstyrelsen socialtjansten socialtjänsten"
)
"""The local parts of a body's shared mailbox (info@, registrator@): a public address, not a person's."""


@cache
def _phonenumbers() -> Any:
    import phonenumbers

    return phonenumbers


def _plausible(candidate: str) -> bool:
    """Cheap checks before the library's: how many digits, and no 0 where a country or area code begins."""
    digits = "".join(c for c in candidate if c.isdigit())
    if candidate.startswith("+"):
        return digits[:1] != "0" and _MIN_DIGITS + 1 <= len(digits) <= _MAX_DIGITS
    if digits.startswith("00"):
        return digits[2:3] not in ("", "0") and _MIN_DIGITS + 3 <= len(digits) <= _MAX_DIGITS + 2
    return _MIN_DIGITS <= len(digits) <= 10


@lru_cache(maxsize=4096)
def _valid_phone(candidate: str) -> bool:
    if not _plausible(candidate):
        return False
    lib = _phonenumbers()
    try:
        number = lib.parse(candidate, "SE")
    except lib.NumberParseException:
        return False
    return bool(lib.is_valid_number(number))


def _starts(text: str, start: int) -> tuple[int, ...]:
    """Where a phone number holding the digit run at ``start`` may begin: at a +, a bracket or a 0."""
    before = text[start - 1] if start else ""
    if before == "+":
        return () if word_before(text, start - 1) or text[start - 2 : start - 1] == "+" else (start - 1,)
    if text[start] != "0" or word_before(text, start):
        return ()
    return (start - 1, start) if before == "(" else (start,)  # (08) 465 004 00, or (070-174 06 05)


def is_phone(candidate: str) -> bool:
    """A valid phone number, written the way it stands (a national one begins with 0)."""
    return _valid_phone(candidate)


def find_phones(text: str, runs: list[tuple[int, int]]) -> Iterator[Finding]:
    end = 0
    for run_start, run_end in runs:
        if run_start < end:
            continue
        if run_end - run_start < 2 and text[run_start - 1 : run_start] != "+":
            continue  # a number is never written 0 70 ...: its first group has the trunk 0 and more
        m = next((m for m in map(lambda at: _PHONE.match(text, at), _starts(text, run_start)) if m), None)
        if m is None:
            continue
        groups = m.group().split(" ")
        for k in range(min(len(groups), _MAX_GROUPS), 0, -1):  # a year or a count after it: drop the last group
            shorter = " ".join(groups[:k]).rstrip(" -/")
            if _valid_phone(shorter):
                if not _NOT_PHONE_BEFORE.search(text[max(0, m.start() - _LOOK_BACK) : m.start()].lower()):
                    end = m.start() + len(shorter)
                    yield Finding("phone", m.start(), end, mask("phone", shorter))
                break


def _local(char: str) -> bool:
    return char.isalnum() or char in _LOCAL_MARKS or unicodedata.category(char).startswith("M")


def _ats(text: str) -> list[tuple[int, int]]:
    """Where an @ (or ``(at)``, ``[at]``) stands, found by plain search: most texts have none."""
    found = []
    at = text.find("@")
    while at >= 0:
        found.append((at, at + 1))
        at = text.find("@", at + 1)
    if "t)" in text or "t]" in text or "T)" in text or "T]" in text:
        found += [m.span() for m in _AT.finditer(text)]
        found.sort()
    return found


def find_emails(text: str) -> Iterator[Finding]:
    last_end = 0
    for at, after in _ats(text):
        if at < last_end:
            continue
        start = at
        while start > max(last_end, at - _MAX_LOCAL) and _local(text[start - 1]):
            start -= 1
        while start < at and text[start] in ".-'":
            start += 1
        end = after
        while end < min(len(text), after + _MAX_DOMAIN) and (text[end].isalnum() or text[end] in ".-"):
            end += 1
        while end > after and text[end - 1] in ".-":
            end -= 1
        local, domain = text[start:at].lower(), text[after:end]
        labels = domain.split(".")
        if not local or len(labels) < 2 or not all(labels) or not labels[-1].isalpha() or len(labels[-1]) < 2:
            continue
        last_end = end
        if local in FUNCTIONAL:
            continue
        yield Finding("email", start, end, mask("email", text[start:end]))
