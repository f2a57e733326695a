"""Personal data in the texts of an assessment: personnummer, samordningsnummer, phone numbers, e-mail addresses,
participants' names and home addresses, found before a public document is written.

``find`` looks in one text, ``scan`` in every text of an assessment (as problems with code ``personal_data``),
``redact`` gives a copy with every match replaced, for a draft.
"""

from __future__ import annotations

from ..prose import texts
from .assessment import known_of, problem, redact, replacement, scan
from .detect import find, find_known
from .finding import BLOCKING, KINDS, Finding, Kind
from .known import Known

__all__ = [
    "BLOCKING",
    "KINDS",
    "Finding",
    "Kind",
    "Known",
    "find",
    "find_known",
    "known_of",
    "problem",
    "redact",
    "replacement",
    "scan",
    "texts",
]
