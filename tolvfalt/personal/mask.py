"""Each kind of match in a form that says what was found without repeating it: ``850312-****``, ``Anna S…``."""

from __future__ import annotations

import re

from .finding import Kind

ELLIPSIS = "…"
_DIGIT = re.compile(r"\d")
_SEPARATOR = re.compile(r"[-+ ]")
_AREA = re.compile(r"(?:(?:\+|00)\d{1,3}[ \-]?(?:\(0\))?\d{1,4}|0\d{1,3})(?=[ \-/])")


def mask(kind: Kind, match: str) -> str:
    """The match masked; never the match itself, nor anything that holds it."""
    masked = _MASKS[kind](match)
    return masked if match not in masked else ELLIPSIS


def _identity(match: str) -> str:
    digits = "".join(c for c in match if c.isdigit())
    sep = _SEPARATOR.search(match)
    return f"{digits[:-4]}{'+' if sep and sep.group() == '+' else '-'}****"


def _phone(match: str) -> str:
    """The area code (and the country code) kept, every later digit a star: ``070-*** ** **``."""
    area = _AREA.match(match)
    keep = area.end() if area else (3 if match[:1] == "0" else 3 + match.startswith("00"))
    return match[:keep] + _DIGIT.sub("*", match[keep:])


def _email(match: str) -> str:
    at = match.rfind("@")
    if at < 0:  # written (at) or [at]
        at = max(match.find("(at)"), match.find("[at]"))
    return match[:1] + ELLIPSIS + match[at:]


def _name(match: str) -> str:
    words = match.split()
    if len(words) == 1:
        return match[:1] + ELLIPSIS
    return f"{words[0]} {words[1][:1]}{ELLIPSIS}"


def _address(match: str) -> str:
    return _DIGIT.sub("*", match)


_MASKS = {
    "personnummer": _identity,
    "samordningsnummer": _identity,
    "phone": _phone,
    "email": _email,
    "name": _name,
    "address": _address,
}
