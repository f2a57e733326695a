"""Every kind of personal data in one text, in text order and never overlapping."""

from __future__ import annotations

from collections.abc import Iterable

from . import address, contact, identity, names
from .finding import Finding
from .known import Known
from .runs import digit_runs


def find(text: str, *, accepted: Iterable[str] = (), known: Iterable[str] = ()) -> list[Finding]:
    """Every piece of personal data in ``text``, in text order and never overlapping. ``accepted`` are names the
    förbundschef has checked (``godkända_namn``), ``known`` words that are never personal data in this file."""
    return find_known(text, Known.of([*accepted, *known]))


def find_known(text: str, known: Known) -> list[Finding]:
    runs = digit_runs(text)
    found = [
        *identity.find(text, runs),
        *contact.find_emails(text),
        *contact.find_phones(text, runs),
        *address.find(text, runs),
        *names.find(text, known.tokens, known.full),
    ]
    found.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[Finding] = []
    for f in found:
        if (not kept or f.start >= kept[-1].end) and not known.holds(text[f.start : f.end]):
            kept.append(f)
    return kept
