"""Participants' names: a first name with a surname or an initial (Anna Svensson, Anna S.), and a first name alone
where the words around it point at a person (deltagaren Anna, hon, 34 år).

A first name is one of those common in Sweden (data/names.txt, from the Isof and Skatteverket statistics). A name
that is also a Swedish word (Bo, Per, Maj, Inga) or a place (Nora) counts only with a surname or right after a word
for a person. The text is walked once, capitalised word by capitalised word: linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..packaged import DATA
from .finding import Finding
from .letters import L, U, word_set
from .mask import mask

_CAPITALISED = re.compile(rf"{U}{L}+(?:-{U}{L}+)?(?![\w])")  # what stands before it is looked at in code
_CHAIN = re.compile(rf"(?:[ \u00a0]{U}{L}+(?:-{U}{L}+)?(?![\w\-'])){{1,3}}")
_INITIAL = re.compile(rf" {U}\.(?![\w])")
_AGE = re.compile(r"(?:,? \d{1,2} år\b|,? \(\d{1,2}(?: år)?\))")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_LOOK_BACK = 40
_OPENERS = " \t\u00a0\"'“”„»«(*["
_ENDERS = ".!?:;\n•)–—-"

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


_WINDOW = 400


def _near(text: str, start: int, end: int) -> bool:
    """A word for a person in the sentence of the name, the one before or the one after (looked for within a few
    hundred characters, so that the work per name stays the same however long the text)."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    before = [e for e in ends if e <= start]
    after = [e for e in ends if e >= end]
    lo = before[-2] if len(before) >= 2 else lo
    hi = after[1] if len(after) >= 2 else hi
    return any(m.group() != "Hans" for m in _CONTEXT.finditer(text, lo, hi))


_LONGEST_PERSON_WORD = 17
_AGED = ("åriga", "åring", "årige")  # den 34-åriga Anna
_PERSON_LAST_LETTERS = frozenset(w[-1] for w in (*PERSON_WORDS, *_NAMING, *_AGED)) | frozenset(
    w[-1].upper() for w in (*PERSON_WORDS, *_NAMING)
)


def _person_before(text: str, start: int) -> bool:
    """A quick look: does a word for a person (or ``heter``) stand right before ``start``?"""
    if start < 2 or text[start - 1] not in " \u00a0,":
        return False
    last = text[start - 3] if text[start - 2] == "," and start >= 3 else text[start - 2]  # klienten, Anna
    if last not in _PERSON_LAST_LETTERS:
        return False
    seg = text[max(0, start - _LONGEST_PERSON_WORD) : start].rstrip(" \u00a0,").lower()
    return _is_person_word(seg[seg.rfind(" ") + 1 :])


def _is_person_word(word: str) -> bool:
    return word in PERSON_WORDS or word in _NAMING or word.endswith(_AGED)


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
    first = names().first
    done = 0  # where the last name found ends: its surnames are no first names of their own
    for m in _CAPITALISED.finditer(text):
        start = m.start()
        if start < done or (start and (text[start - 1].isalnum() or text[start - 1] in "-'_")):
            continue  # inside a word (McDonald, O'Brien) or a name already found
        word = m.group()
        flags = first.get(word)
        if flags is None and (word[-1] == "s" or "-" in word):
            flags = first_name_flags(word)
        if flags is None and not _person_before(text, start):
            continue  # most capitalised words: no name, and no word for a person right before
        prev, sentence_start = _before(text, start)
        direct = _is_person_word(prev.lower())
        if (flags is None and not direct) or prev in _SAINTS:
            continue
        end = m.end()
        surnames = _surnames(text, end, skip_tokens)
        if surnames:
            end += sum(len(s) + 1 for s in surnames)
        else:
            initial = _INITIAL.match(text, end)
            end = initial.end() if initial else end
        if end > m.end():
            if _is_full_name(word, flags, surnames, direct, sentence_start):
                done = end
                if " ".join(text[start:end].split()).casefold() not in skip_full:
                    yield Finding("name", start, end, mask("name", text[start:end]))
            continue
        if word.casefold() in skip_tokens or (word.endswith("s") and word[:-1].casefold() in skip_tokens):
            continue
        if text.startswith("-", end) or _PLACE_AFTER.match(text, end) or prev in ("i", "I"):
            continue  # Resam-projektet, Nora kommun, i Nora
        if flags is None:
            found = word not in _NOT_SURNAMES
        elif direct or _AGE.match(text, end):
            found = True
        else:  # Bo, Per, Maj, Nora alone count only right after a word for a person
            found = not flags and _near(text, start, end)
        if found:
            yield Finding("name", start, end, mask("name", word))


def _surnames(text: str, end: int, skip_tokens: frozenset[str]) -> list[str]:
    """The capitalised words right after a first name (one space between each), up to the first that is no
    surname (a month, a public body, a word the file knows)."""
    chain = _CHAIN.match(text, end)
    words: list[str] = []
    for word in chain.group().split() if chain else ():
        if word in _NOT_SURNAMES or word.casefold() in skip_tokens:
            break
        words.append(word)
    return words


def _is_full_name(word: str, flags: str | None, surnames: list[str], direct: bool, sentence_start: bool) -> bool:
    if flags is None:
        return direct
    if not flags or direct:
        return True
    # Bo, Per, Maj: a word as often as a name; with a surname, or mid-sentence before a capitalised word
    return any(_surname_like(s) for s in surnames) or (not sentence_start and word not in _MONTHS)
