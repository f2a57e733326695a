"""The 2009 example is the seed kartläggning, converted completely: every question and answer, in order."""

from __future__ import annotations

import re

from conftest import DATA, EXAMPLE, cli

from tolvfalt.read import load


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_body() -> str:
    """The seed after the grid table, with its markup and page-break artifacts cleaned the same way."""
    text = (DATA / "kartlaggning-2009-fagersta.txt").read_text("utf-8")
    text = re.sub(r"(?m)^[-\t ]*-{3,}[-\t ]*$", "", text)
    text = re.sub(r"</?p>", " ", text)
    text = re.sub(r"</?i>", "*", text)
    return text[text.index("Fält 1:") :]


def sentences(text: str) -> list[str]:
    return [s for s in (_words(s) for s in re.split(r"(?<=[.?!])\s", text)) if len(s) > 3]


def markdown_text(md: str) -> str:
    md = re.sub(r"\\(.)", r"\1", md)  # Markdown escapes
    md = re.sub(r"(?m)^#+ ", "", md)
    return _words(md)


def test_markdown_has_every_seed_sentence_in_order():
    run = cli("assess", EXAMPLE, "--format", "md")
    assert run.exit_code == 0
    md = markdown_text(run.stdout)
    body = seed_body()
    # Question cells and answers are tab-separated in the seed; each is a sentence of its own.
    parts = [s for line in re.split(r"[\t\n]", body) for s in sentences(line)]
    assert len(parts) > 220
    pos = md.index("Fält 1:")
    for part in parts:
        found = md.find(part, pos)
        assert found >= 0, f"missing or out of order: {part[:80]!r}"
        pos = found + len(part)


def test_example_answers_every_question_verbatim(framework):
    assessment = load(EXAMPLE, framework)
    seed = _words(seed_body())
    grid = (DATA / "kartlaggning-2009-fagersta.txt").read_text("utf-8").split("Fält 1:")[0]
    previous = 0
    for question in framework.questions:
        answer = assessment.answer(question.id)
        assert answer, question.id
        assert question.sv in grid, question.id  # the framework's questions are the seed's
        for paragraph in answer.split("\n\n"):
            found = seed.find(paragraph, previous)
            assert found >= 0, (question.id, paragraph[:60])
            previous = found
    assert assessment.forbund == "Norra Västmanlands Samordningsförbund"
    assert (assessment.ar, assessment.ort, str(assessment.datum)) == (2009, "Fagersta", "2009-10-06")
    assert assessment.inledning
    assert assessment.inledning.startswith("I verksamhetsplanen för 2009")


def test_seed_italics_become_markup(framework):
    assessment = load(EXAMPLE, framework)
    assert "sätts *tillsammans* av myndigheterna" in (assessment.answer("1a") or "")
    assert "som *inte* ingår" in (assessment.answer("1c") or "")


def test_seed_paragraph_breaks_are_kept(framework):
    assessment = load(EXAMPLE, framework)
    assert (assessment.answer("12a") or "").count("\n\n") == 4
    assert (assessment.answer("10a") or "").count("\n\n") == 1
