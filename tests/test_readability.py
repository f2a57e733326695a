"""LIX per text, over many texts, per answer and for the whole assessment, with the longest sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tolvfalt.model import Assessment
from tolvfalt.readability import LIMIT, MIN_WORDS, Lix, answer_lix, document_lix, lix, lix_of, readability

TWO = "Det här är en mening. Den andra meningen är längre än den första."
# 5 + 8 words, 2 sentences, one word of more than six letters (meningen): 13/2 + 100 * 1/13


def test_lix_by_hand() -> None:
    value = lix(TWO)
    assert (value.words, value.sentences, value.long_words) == (13, 2, 1)
    assert value.value == pytest.approx(13 / 2 + 100 / 13)
    assert value.longest == "Den andra meningen är längre än den första."


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("En. Två! Tre? Fyra: fem", 5),
        ("Rubrik utan punkt\n\nStycke efter.", 2),
        ("Klockan 08.30 och 2009-10-06 är inga slut", 1),
        ("", 0),
        ("... !!! ???", 0),
    ],
)
def test_sentence_ends(text: str, sentences: int) -> None:
    assert lix(text).sentences == sentences


def test_an_empty_text_is_zero() -> None:
    assert lix("").value == 0.0
    assert lix("123 456").words == 0


def test_many_texts_add_up_their_counts() -> None:
    long = (
        "Organisationsförändringar kräver samverkansöverenskommelser mellan myndigheterna och kommunerna i hela länet."
    )
    together = lix_of([TWO, long])
    assert (together.words, together.sentences, together.long_words) == (13 + 10, 3, 1 + 4)
    assert together.longest == long
    assert together.value == pytest.approx(23 / 3 + 100 * 5 / 23)
    assert lix_of([]) == Lix()


HARD = (
    "Samordningsförbundets verksamhetsplanering förutsätter kontinuerliga avstämningar beträffande "
    "rehabiliteringsinsatsernas målgruppsanpassning, finansieringsmodellernas ändamålsenlighet och "
    "samverkansparternas gemensamma resursfördelningsprinciper inom förbundsområdet."
)


def an_assessment() -> Assessment:
    return Assessment.model_validate({
        "förbund": "Exempelforsens Samordningsförbund",
        "år": 2010,
        "författare": "Organisationsutvecklingskonsult Långtnamnsson",
        "inledning": "Kort. Enkelt.",
        "fält": {1: {"svar": {"a": TWO, "b": f"Kort svar. {HARD}"}, "brister": ["Få möten"]}},
        "svarande": {"Kommunerna": {"fält": {1: {"svar": {"a": "Vi håller med."}}, 2: {"svar": {"a": HARD}}}}},
    })  # fmt: skip


def test_per_answer_over_the_assessment_and_every_party() -> None:
    per_answer = answer_lix(an_assessment())
    assert list(per_answer) == ["1a", "1b", "2a"]
    assert per_answer["1a"] == lix_of([TWO, "Vi håller med."])
    assert per_answer["2a"] == lix(HARD)


def test_the_hard_answers_are_above_60_with_their_longest_sentence() -> None:
    result = readability(an_assessment())
    assert result.hard == {}  # too short to tell: under MIN_WORDS words
    a = an_assessment()
    longer = f"{HARD} {HARD} {HARD}"  # 39 words, as hard
    a.falt[1].svar["b"] = f"Kort svar. {longer}"
    a.svarande["Kommunerna"].falt[2].svar["a"] = longer
    result = readability(a)
    assert result.limit == LIMIT == 60.0
    assert set(result.hard) == {"1b", "2a"}
    assert result.hard["1b"].longest == HARD
    assert result.hard["1b"].words >= MIN_WORDS
    assert result.hard["1b"].value > 60
    assert result.answers["1a"].value < 60


def test_the_document_counts_every_text_but_the_metadata() -> None:
    a = an_assessment()
    whole = document_lix(a)
    expected = lix_of(["Kort. Enkelt.", TWO, f"Kort svar. {HARD}", "Få möten", "Vi håller med.", HARD])
    assert whole == expected
    assert "Långtnamnsson" not in whole.longest


def test_as_data_for_json() -> None:
    data = lix(TWO).as_data()
    assert data == {
        "lix": round(13 / 2 + 100 / 13, 1),
        "words": 13,
        "sentences": 2,
        "long_words": 1,
        "longest_sentence": "Den andra meningen är längre än den första.",
    }


@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    value = lix(text)
    assert 0 <= value.long_words <= value.words
    assert value.sentences <= value.words
    assert value.longest_words <= value.words
    assert " ".join(value.longest.split()) == value.longest
    assert value.longest in " ".join(text.split())
    assert value.value >= 0


def test_a_long_text_in_one_pass() -> None:
    text = "Ord " * 500_000 + "slut."
    value = lix(text)
    assert value.words == 500_001
    assert value.sentences == 1
