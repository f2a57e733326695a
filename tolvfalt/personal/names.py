"""Participants' names: a first name with a surname or an initial (Anna Svensson, Anna S.), and a first name alone
where the words around it point at a person (deltagaren Anna, hon, 34 år).

A first name is one of those common in Sweden (data/names.txt, from the Isof and Skatteverket statistics). A name
that is also a Swedish word (Bo, Per, Maj, Inga) or a place (Nora) counts only with a surname or right after a word
for a person. The text is walked once, capitalised word by capitalised word: linear in its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..packaged import DATA
from .finding import Finding
from .letters import L, U, word_set
from .mask import mask

_CAPITALISED = re.compile(rf"(?<![\w\-']){U}{L}+(?:-{U}{L}+)?(?![\w])")
_INITIAL = re.compile(rf" {U}\.(?![\w])")
_AGE = re.compile(r"(?:,? \d{1,2} år\b|,? \(\d{1,2}(?: år)?\))")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_GAP = " \u00a0"
_LOOK_BACK = 40
_OPENERS = " \t\u00a0\"'“”„»«(*["
_ENDERS = ".!?:;\n•)–—-"
_MAX_SURNAMES = 3

PERSON_WORDS = word_set(
    """deltagaren deltagare klienten klient brukaren patienten kvinnan mannen flickan pojken tjejen killen personen
    individen ungdomen eleven sökanden kunden kursdeltagaren praktikanten medborgaren försäkrade arbetssökande
    arbetssökanden mamman pappan modern fadern dottern sonen sambon maken makan frun hustrun barnet systern brodern
    handläggaren coachen kontaktpersonen kollegan"""
)
"""Words for a person: right before a first name, they make it one (deltagaren Anna)."""
_GENERIC = word_set("deltagare klient arbetssökande försäkrade")
"""Words for people in general (the insats has 40 deltagare): no hint near a name."""
_NAMING = word_set("heter hette kallas kallad kallade namnet")
_CONTEXT = re.compile(
    r"(?<![\w])(?:hon|han|hen|henne|honom|hennes|hens|hans|heter|hette|kallas|\d{1,2}-åring\w*|"
    + "|".join(sorted(PERSON_WORDS - _GENERIC))
    + r")(?![\w])",
    re.IGNORECASE,
)
_NOT_SURNAMES = word_set(
    """Januari Februari Mars April Maj Juni Juli Augusti September Oktober November December Måndag Tisdag Onsdag
    Torsdag Fredag Lördag Söndag Kommun Kommunen Kommunerna Region Regionen Län Landsting Landstinget Stad Staden
    Försäkringskassan Arbetsförmedlingen Samordningsförbund Samordningsförbundet Förbundet Styrelsen Och Eller"""
)
_MONTHS = word_set("Januari Februari Mars April Maj Juni Juli Augusti")
_SAINTS = word_set("Sankt Sankta S:t St")
_PLACE_AFTER = re.compile(r"(?:[ -](?:kommun|kommuns|stad|stads|län|läns|socken|församling))(?![\w])")
_SURNAME_ENDINGS = (
    "son", "sen", "berg", "gren", "ström", "qvist", "kvist", "quist", "lund", "lind", "dahl", "dal", "holm", "blad",
    "bäck", "stedt", "stam", "ling", "man", "mann", "ius", "ell", "dotter", "ić", "vić", "nen", "oğlu", "zadeh",
)  # fmt: skip


@dataclass(frozen=True)
class Names:
    first: dict[str, str]
    """A first name and its flags: ``w`` also a Swedish word, ``p`` also a place, ``g`` its genitive a word."""
    surnames: frozenset[str]


@cache
def names() -> Names:
    first: dict[str, str] = {}
    surnames: set[str] = set()
    section = ""
    for line in DATA.joinpath("names.txt").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        name, _, flags = line.partition(" ")
        if section == "first":
            first[name] = flags
        else:
            surnames.add(name)
    return Names(first, frozenset(surnames))


def first_name_flags(word: str) -> str | None:
    """The flags of a first name (``Anna``), its genitive (``Annas``) or a double name (``Anna-Karin``), or None."""
    first = names().first
    if word in first:
        return first[word]
    if "-" in word:
        head, tail = word.split("-", 1)
        if head in first:
            return first[head] if tail in first or first_name_flags(tail) is not None else None
        return None
    if word.endswith("s") and word[:-1] in first:
        flags = first[word[:-1]]
        return flags + "w" if "g" in flags else flags
    return None


def _surname_like(word: str) -> bool:
    base = word[:-1] if word.endswith("s") and word[:-1] in names().surnames else word
    return base in names().surnames or base.endswith(_SURNAME_ENDINGS)


class _Context:
    """Where sentences end and where words for a person stand, found once per text when first asked."""

    def __init__(self, text: str) -> None:
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.words = [m.start() for m in _CONTEXT.finditer(text) if m.group() != "Hans"]
        self.length = len(text)

    def near(self, start: int) -> bool:
        """A word for a person in the sentence of ``start``, the one before or the one after."""
        k = bisect.bisect_right(self.ends, start)
        lo = self.ends[k - 2] if k >= 2 else 0
        hi = self.ends[k + 1] if k + 1 < len(self.ends) else self.length
        i = bisect.bisect_left(self.words, lo)
        return i < len(self.words) and self.words[i] < hi


def _before(text: str, start: int) -> tuple[str, bool]:
    """The word right before ``start`` (across spaces and a comma only) and whether ``start`` begins a sentence."""
    before = text[max(0, start - _LOOK_BACK) : start]
    core = before.rstrip(" \t\u00a0,")
    i = len(core)
    while i > 0 and (core[i - 1].isalnum() or core[i - 1] in ":-"):
        i -= 1
    lead = before.rstrip(_OPENERS)
    return core[i:], not lead or lead[-1] in _ENDERS


def find(
    text: str, skip_tokens: frozenset[str] = frozenset(), skip_full: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    """Names in ``text``; ``skip_tokens`` (casefolded words) and ``skip_full`` (casefolded names) are never names."""
    caps = list(_CAPITALISED.finditer(text))
    context: _Context | None = None
    i = 0
    while i < len(caps):
        m = caps[i]
        word, start = m.group(), m.start()
        chain = i
        while (
            chain + 1 < len(caps)
            and chain - i < _MAX_SURNAMES
            and caps[chain + 1].start() == caps[chain].end() + 1
            and text[caps[chain].end()] in _GAP
            and caps[chain + 1].group() not in _NOT_SURNAMES
            and caps[chain + 1].group().casefold() not in skip_tokens
        ):
            chain += 1
        end = caps[chain].end()
        initial_after = chain == i and _INITIAL.match(text, end)
        if initial_after:
            end = initial_after.end()
        prev, sentence_start = _before(text, start)
        flags = first_name_flags(word)
        lowered = prev.lower()
        direct = lowered in PERSON_WORDS or lowered in _NAMING or lowered.endswith(("åriga", "åring", "årige"))
        if prev in _SAINTS:
            i = chain + 1
            continue
        surnames = [c.group() for c in caps[i + 1 : chain + 1]]
        if surnames or initial_after:
            if _is_full_name(word, flags, surnames, direct, sentence_start):
                if " ".join(text[start:end].split()).casefold() not in skip_full:
                    yield Finding("name", start, end, mask("name", text[start:end]))
                i = chain + 1
            else:
                i += 1
            continue
        i += 1
        if word.casefold() in skip_tokens or (word.endswith("s") and word[:-1].casefold() in skip_tokens):
            continue
        if text.startswith("-", end) or _PLACE_AFTER.match(text, end) or prev in ("i", "I"):
            continue  # Resam-projektet, Nora kommun, i Nora
        if flags is None:
            found = direct and word not in _NOT_SURNAMES
        elif direct or _AGE.match(text, end):
            found = True
        elif flags:  # Bo, Per, Maj, Nora alone: only right after a word for a person
            found = False
        else:
            if context is None:
                context = _Context(text)
            found = context.near(start)
        if found:
            yield Finding("name", start, end, mask("name", word))


def _is_full_name(word: str, flags: str | None, surnames: list[str], direct: bool, sentence_start: bool) -> bool:
    if flags is None:
        return direct
    if not flags or direct:
        return True
    # Bo, Per, Maj: a word as often as a name; with a surname, or mid-sentence before a capitalised word
    return any(_surname_like(s) for s in surnames) or (not sentence_start and word not in _MONTHS)
