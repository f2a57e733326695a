"""Phone numbers (Swedish as people write them, and international ones) and e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from .finding import Finding
from .letters import word_set
from .mask import mask

# A national number begins with 0, an international one with + or 00; digit groups split by a space, a hyphen or a
# slash, "(0)" after the country code, the area code in brackets. Bounded, so that a long run of digits costs no
# more than a short one.
_PHONE = re.compile(r"(?<![\w+(])(?:\+|0|\(0\d{1,3}\))(?:[ \-/]?(?:\(\d{1,4}\)|\d)){6,15}(?!\w)")
_MIN_DIGITS, _MAX_DIGITS = 7, 15
_NOT_PHONE_BEFORE = re.compile(r"(?:dnr|diarie|ärende|sfs|org|bankgiro|plusgiro|\bbg|\bpg|konto|faktura)\w*[.:]?\s*$")
_LOOK_BACK = 24

_LOCAL_MARKS = frozenset("._%+-'")
_AT = re.compile(r"@|\s?[(\[]at[)\]]\s?", re.IGNORECASE)
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


def _valid_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    if not _MIN_DIGITS <= digits <= _MAX_DIGITS:
        return False
    lib = _phonenumbers()
    try:
        number = lib.parse(candidate, "SE")
    except lib.NumberParseException:
        return False
    return bool(lib.is_valid_number(number))


def find_phones(text: str) -> Iterator[Finding]:
    for m in _PHONE.finditer(text):
        start, end = m.start(), m.end()
        if _NOT_PHONE_BEFORE.search(text[max(0, start - _LOOK_BACK) : start].lower()):
            continue
        candidate = m.group()
        while candidate and not _valid_phone(candidate):  # a year or a count after the number: drop the last group
            cut = candidate.rfind(" ")
            candidate = candidate[:cut].rstrip(" -/") if cut > 0 else ""
        if candidate:
            end = start + len(candidate)
            yield Finding("phone", start, end, mask("phone", candidate))


def _local(char: str) -> bool:
    return char.isalnum() or char in _LOCAL_MARKS


def find_emails(text: str) -> Iterator[Finding]:
    last_end = 0
    for m in _AT.finditer(text):
        at, after = m.start(), m.end()
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
