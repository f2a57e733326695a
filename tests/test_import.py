"""`tolvfalt import`: kartläggningar written by hand (Word, OpenDocument, old .doc, PDF, plain text) into assessment
files, every sentence in its question, every uncertain placement said, nothing lost; tolvfalt's own documents back
to the same answers, ratings and points."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import docx
import pytest
from clients import needs_soffice, soffice_convert
from conftest import EXAMPLE, ROOT, assert_no_traceback, cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_documents import LAYOUTS, SEED, assessment_docx, placement, seed_docx
from strategies import assessments

from tolvfalt.errors import TolvfaltError
from tolvfalt.formats import render
from tolvfalt.importing import SUFFIXES, import_document
from tolvfalt.importing.blocks import Block, Place
from tolvfalt.importing.match import matcher
from tolvfalt.importing.metadata import place_date, take_signature
from tolvfalt.model import Assessment, completeness
from tolvfalt.read import load, validate
from tolvfalt.read.yaml import parse_yaml

EXAMPLES = ROOT / "examples"
METADATA = ("forbund", "ar", "ort", "datum", "forfattare", "befattning", "titel", "inledning", "avslutning")


def _answers(a: Assessment, framework) -> dict[str, str | None]:
    return {q.id: a.answer(q.id) for q in framework.questions}


def _ratings_and_points(a: Assessment) -> dict[int, tuple]:
    return {
        n: (f.bedomning, f.brister, f.mojligheter, f.atgarder)
        for n, f in a.falt.items()
        if f.bedomning is not None or f.has_points()
    }


def _codes(imported) -> list[tuple[str, str | None]]:
    return [(p.code, p.key) for p in imported.uncertain]


def _word(path: Path, paragraphs: list[tuple[str, str | None]]) -> Path:
    """A Word file of (text, style) paragraphs; style "bold" is a bold Normal paragraph."""
    doc = docx.Document()
    for text, style in paragraphs:
        if style == "bold":
            doc.add_paragraph().add_run(text).bold = True
        else:
            doc.add_paragraph(text, style=style)
    doc.save(path)
    return path


# --- the 2009 seed ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fields_as", ["heading", "bold"])
def test_the_seed_as_a_word_file_imports_every_sentence_into_its_question(tmp_path, framework, fields_as):
    expected = load(EXAMPLE, framework)
    imported = import_document(seed_docx(tmp_path / "kartlaggning-2009.docx", fields_as), framework)
    got = imported.assessment
    for key in METADATA:
        assert getattr(got, key) == getattr(expected, key), key
    assert _answers(got, framework) == _answers(expected, framework)
    total, own, anywhere = placement(expected, got, framework)
    assert own == total
    assert anywhere == total
    assert imported.unplaced == ()
    assert _codes(imported) == [("import_date_read", "datum")]  # "06 10 2009" read as day, month, year


def test_the_seed_as_plain_text_imports_like_the_example(framework):
    expected = load(EXAMPLE, framework)
    got = import_document(SEED, framework).assessment
    assert _answers(got, framework) == _answers(expected, framework)
    assert (got.forbund, got.ar, got.ort, got.datum, got.forfattare) == (
        "Norra Västmanlands Samordningsförbund", 2009, "Fagersta", dt.date(2009, 10, 6), "Jonas Wells",
    )  # fmt: skip
    assert got.inledning == expected.inledning


# --- layouts förbund use ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if layout != "utan-rubrik"])
def test_each_layout_places_every_sentence_rating_and_point(tmp_path, framework, layout):
    expected = load(EXAMPLES / "2010-pahittad.yaml", framework)
    imported = import_document(assessment_docx(expected, tmp_path / f"{layout}.docx", layout, framework), framework)
    total, own, anywhere = placement(expected, imported.assessment, framework)
    assert own == total
    assert anywhere == total
    assert _ratings_and_points(imported.assessment) == _ratings_and_points(expected)
    assert imported.assessment.forbund == expected.forbund


def test_two_questions_in_one_heading_are_shared_out_and_said(tmp_path, framework):
    expected = load(EXAMPLES / "2011-pahittad.yaml", framework)
    imported = import_document(assessment_docx(expected, tmp_path / "slarvig.docx", "slarvig", framework), framework)
    assert ("import_merged_split", "fält.7.svar.a") in _codes(imported)
    assert imported.assessment.answer("7b") == expected.answer("7b")
    comment = next(line for line in imported.yaml.splitlines() if "7b" in line and "osäker" in line)
    assert comment.lstrip().startswith("# osäker:")


def test_a_missing_question_heading_is_said_and_nothing_is_lost(tmp_path, framework):
    expected = load(EXAMPLES / "2011-pahittad.yaml", framework)
    path = assessment_docx(expected, tmp_path / "utan.docx", "utan-rubrik", framework)
    imported = import_document(path, framework)
    got = imported.assessment
    assert ("import_maybe_under", "fält.5.svar.b") in _codes(imported)  # 5b's heading is gone: its text is under 5a
    assert got.answer("5b") is None
    assert got.answer("5a") == f"{expected.answer('5a')}\n\n{expected.answer('5b')}"
    others = [q.id for q in framework.questions if q.id not in ("5a", "5b")]
    assert {q: got.answer(q) for q in others} == {q: expected.answer(q) for q in others}


def test_a_question_heading_can_be_misspelt_or_numbered(framework):
    m = matcher(framework)
    assert m.question("Finns ett gemensamt mål för deltagarn", 1).ids == ("1a",)
    assert m.question("1c) är målgruppen relevant", None).ids == ("1c",)
    assert m.question("Är deltagaren rehabiliterad? Finns bortfallsanalys?", 3).ids == ("3a", "3b")
    assert m.question("Förbättras myndighetssamverkan?", None).ids == ("9a",)
    assert m.question("Hur mår personalen?", 4) is None
    q = m.question("Finns bortfallsanalys? Ja, i två av insatserna.", 3, strict=True)
    assert (q.ids, q.rest) == (("3b",), "Ja, i två av insatserna.")


def test_a_page_break_inside_an_answer_keeps_the_sentence_whole(tmp_path, framework):
    doc = docx.Document()
    doc.add_heading("Fält 11: Samordningsförbund - Process och aktiviteter", level=1)
    doc.add_heading("Arbetar samordningsförbundet med strukturella frågor eller enbart operativa?", level=2)
    doc.add_paragraph("Förbundet arbetar med båda, och under året har")
    doc.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    doc.add_paragraph("kansliet lagt mer tid på strukturella frågor.")
    doc.add_paragraph("Ett nytt stycke.")
    doc.save(tmp_path / "brytning.docx")
    got = import_document(tmp_path / "brytning.docx", framework, forbund="Exempelförbundet", ar=2024).assessment
    assert got.answer("11a") == (
        "Förbundet arbetar med båda, och under året har kansliet lagt mer tid på strukturella frågor.\n\n"
        "Ett nytt stycke."
    )


def test_text_that_cannot_be_placed_is_kept_for_review_and_named(tmp_path, framework):
    path = _word(
        tmp_path / "rest.docx",
        [
            ("Kartläggning av samverkan 2024", "Title"),
            ("Fält 1: Deltagare - Struktur och förutsättningar", "Heading 1"),
            ("En rad om hela fältet innan frågorna.", None),
            ("Finns ett gemensamt mål för deltagaren?", "Heading 2"),
            ("Ja.", None),
        ],
    )
    run = cli("import", path, "-o", tmp_path / "rest.yaml", "--forbund", "Exempelförbundet")
    assert run.exit_code == 0, run.stderr
    assert "rest.docx:stycke 3: inledning:" in run.stderr
    assessment = load(tmp_path / "rest.yaml", framework)
    assert "En rad om hela fältet innan frågorna." in assessment.inledning
    assert assessment.answer("1a") == "Ja."
    text = (tmp_path / "rest.yaml").read_text("utf-8")
    assert "# att granska: stycke 3:" in text
    assert cli("check", tmp_path / "rest.yaml").exit_code == 0


def test_a_field_heading_whose_title_fits_another_field_is_said(tmp_path, framework):
    path = _word(
        tmp_path / "fel.docx",
        [
            ("Fält 2: Deltagare - Struktur och förutsättningar", "Heading 1"),
            ("Är deltagaren aktiv i rehabiliteringen?", "Heading 2"),
            ("Ja.", None),
        ],
    )
    imported = import_document(path, framework, forbund="X", ar=2024)
    assert ("import_field_title", "fält.2") in _codes(imported)
    assert imported.assessment.answer("2a") == "Ja."


def test_metadata_lines(framework):
    assert place_date("Fagersta | 06 10 2009").datum == dt.date(2009, 10, 6)
    assert place_date("Fagersta den 6 oktober 2009").ort == "Fagersta"
    assert place_date("Fagersta, 2011-10-04").datum == dt.date(2011, 10, 4)
    assert place_date("2009-10-06").ort is None
    assert place_date("31 02 2009") is None
    assert place_date("Styrelsen beslutade den 6 oktober 2009 att anta planen") is None
    lines = ["Sista svaret slutar här.", "Jonas Wells, Norra Västmanlands Samordningsförbund"]
    blocks = [Block("paragraph", Place("paragraph", i), t) for i, t in enumerate(lines, start=1)]
    kept, signature = take_signature(blocks, None, lambda _: False)
    assert (signature.forfattare, signature.forbund, signature.place) == (
        "Jonas Wells", "Norra Västmanlands Samordningsförbund", Place("paragraph", 2),
    )  # fmt: skip
    assert kept == blocks[:1]


# --- tolvfalt's own documents -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["2009", "2010-pahittad", "2011-pahittad", "exempelforbundet-2010"])
def test_tolvfalts_own_word_document_imports_back(tmp_path, framework, name):
    expected = load(EXAMPLES / f"{name}.yaml", framework)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(render(expected, "docx", lang="sv", framework=framework))
    got = import_document(path, framework).assessment
    assert _answers(got, framework) == _answers(expected, framework)
    assert _ratings_and_points(got) == _ratings_and_points(expected)
    for key in (*METADATA, "insatser"):
        assert getattr(got, key) == getattr(expected, key), key


def test_tolvfalts_own_pdf_imports_back(tmp_path, framework):
    pytest.importorskip("weasyprint", reason="PDF is written by WeasyPrint")
    expected = load(EXAMPLES / "2011-pahittad.yaml", framework)
    path = tmp_path / "kartlaggning-2011.pdf"
    path.write_bytes(render(expected, "pdf", lang="sv", framework=framework))
    got = import_document(path, framework).assessment
    assert _answers(got, framework) == _answers(expected, framework)
    assert _ratings_and_points(got) == _ratings_and_points(expected)
    for key in (*METADATA, "insatser"):
        assert getattr(got, key) == getattr(expected, key), key


def _unmerged(a: Assessment) -> Assessment:
    return a.model_copy(update={"svarande": {}})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments().map(_unmerged))
def test_an_assessment_written_to_word_imports_back_the_same(framework, assessment):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kartlaggning.docx"
        path.write_bytes(render(assessment, "docx", lang="sv", framework=framework))
        got = import_document(path, framework).assessment  # every field has its heading, answered or not
    assert _answers(got, framework) == _answers(assessment, framework)
    assert _ratings_and_points(got) == _ratings_and_points(assessment)


# --- other formats ----------------------------------------------------------------------------------------------------


@needs_soffice
def test_the_seed_through_libreoffice_as_odt_doc_and_pdf(tmp_path, framework):
    expected = load(EXAMPLE, framework)
    source = seed_docx(tmp_path / "kartlaggning-2009.docx")
    for suffix in ("odt", "doc"):
        converted = soffice_convert(source, suffix, tmp_path / suffix)
        got = import_document(converted, framework).assessment
        assert _answers(got, framework) == _answers(expected, framework), suffix
        assert (got.forbund, got.datum, got.forfattare) == (expected.forbund, expected.datum, expected.forfattare)
    pytest.importorskip("pdfplumber", reason="PDF is read by pdfplumber (pip install 'tolvfalt[import]')")
    pdf = soffice_convert(source, "pdf", tmp_path / "pdf")
    got = import_document(pdf, framework).assessment
    total, own, anywhere = placement(expected, got, framework)
    assert own >= 0.98 * total
    assert anywhere == total
    assert (got.forbund, got.ar, got.datum) == (expected.forbund, expected.ar, expected.datum)


def test_an_old_doc_without_libreoffice_says_how(tmp_path, monkeypatch, framework):
    import tolvfalt.importing.convert as convert

    monkeypatch.setattr(convert, "soffice", lambda: None)
    path = tmp_path / "gammal.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(TolvfaltError) as caught:
        import_document(path, framework)
    assert [(p.code, Path(p.file).name) for p in caught.value.problems] == [("import_needs_soffice", "gammal.doc")]


def test_a_pdf_without_pdfplumber_says_how(tmp_path, monkeypatch, framework):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    path = tmp_path / "k.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(TolvfaltError) as caught:
        import_document(path, framework)
    assert [p.code for p in caught.value.problems] == ["import_needs_pdfplumber"]


# --- the command line -------------------------------------------------------------------------------------------------


def test_import_writes_a_file_that_check_accepts(tmp_path):
    source = seed_docx(tmp_path / "kartlaggning-2009.docx")
    out = tmp_path / "2009.yaml"
    run = cli("import", source, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert "kartlaggning-2009.docx: 23/23" in run.stderr
    assert "kartlaggning-2009.docx:stycke 1: datum:" in run.stderr  # the date read as day, month, year
    checked = cli("check", out)
    assert checked.exit_code == 0, checked.stdout
    assert "23/23" in checked.stdout
    compared = cli("compare", out, EXAMPLES / "2010-pahittad.yaml")
    assert compared.exit_code == 0, compared.stderr


def test_import_without_output_prints_the_file(tmp_path, framework):
    run = cli("import", SEED)
    assert run.exit_code == 0, run.stderr
    assert validate(parse_yaml(run.stdout, "stdout"), framework) == load(EXAMPLE, framework).model_copy(
        update={"insatser": []}
    )


def test_import_does_not_replace_answers_without_force(tmp_path):
    out = tmp_path / "2009.yaml"
    out.write_text("förbund: X\når: 2009\n", "utf-8")
    run = cli("import", SEED, "-o", out)
    assert run.exit_code == 1
    assert out.read_text("utf-8") == "förbund: X\når: 2009\n"
    assert cli("import", SEED, "-o", out, "--force").exit_code == 0
    assert "Jonas Wells" in out.read_text("utf-8")


def test_a_document_that_is_no_kartlaggning_is_refused(tmp_path):
    path = _word(tmp_path / "protokoll.docx", [("Protokoll från styrelsemötet", "Title"), ("Mötet öppnades.", None)])
    out = tmp_path / "protokoll.yaml"
    run = cli("import", path, "-o", out)
    assert run.exit_code == 1
    assert_no_traceback(run)
    assert run.stderr.startswith("protokoll.docx:") or "protokoll.docx:" in run.stderr
    assert not out.exists()


@pytest.mark.parametrize(("name", "content", "code"), [
    ("trasig.docx", b"PK\x03\x04 inte en zip", "not_docx"),
    ("trasig.odt", b"inte en zip", "not_odt"),
    ("tom.txt", b"", "import_no_field"),
    ("binar.txt", b"\x00\x01\x02" * 100, "binary"),
    ("bild.pdf", None, "import_pdf_no_text"),
    ("trasig.pdf", b"%PDF-1.4 trasig", "import_pdf_unreadable"),
    ("anteckning.rtf", b"{\\rtf1 hej}", "import_unknown_format"),
])  # fmt: skip
def test_damaged_and_foreign_files_are_refused_by_name(tmp_path, framework, name, content, code):
    if name.endswith(".pdf"):
        pytest.importorskip("pdfplumber")
    path = tmp_path / name
    if content is None:  # one empty page: no text layer, as a scanned page has none
        pikepdf = pytest.importorskip("pikepdf")
        with pikepdf.new() as pdf:
            pdf.add_blank_page()
            pdf.save(path)
    else:
        path.write_bytes(content)
    with pytest.raises(TolvfaltError) as caught:
        import_document(path, framework)
    assert [(p.code, Path(p.file).name) for p in caught.value.problems] == [(code, name)]
    run = cli("import", path, "-o", tmp_path / "ut.yaml")
    assert run.exit_code == 1
    assert_no_traceback(run)
    assert not (tmp_path / "ut.yaml").exists()


def test_a_huge_document_is_refused_before_it_is_read(tmp_path, framework):
    path = tmp_path / "stor.txt"
    with path.open("wb") as handle:
        handle.truncate(25 * 2**20)
    with pytest.raises(TolvfaltError) as caught:
        import_document(path, framework)
    assert [p.code for p in caught.value.problems] == ["too_big"]


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_any_bytes_are_imported_or_refused_cleanly(framework, content, suffix):
    if suffix == ".doc":
        content = b"PK" + content  # an old .doc would start LibreOffice; a zip under that name does not
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(content)
        try:
            imported = import_document(path, framework, forbund="X", ar=2024)
        except TolvfaltError as exc:
            assert all(Path(p.file).name == f"x{suffix}" for p in exc.problems)
            return
    assert completeness(imported.assessment, framework).total == 23


def test_output_suffix_and_folder_usage_errors(tmp_path):
    run = cli("import", SEED, "-o", tmp_path / "ut.json")
    assert run.exit_code == 2
    assert not (tmp_path / "ut.json").exists()
    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "a.txt").write_text("x", "utf-8")
    assert cli("import", folder).exit_code == 2
    assert cli("import", folder, "-o", SEED).exit_code == 2


def test_a_folder_imports_each_document_and_goes_on_past_a_bad_one(tmp_path, framework):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    seed_docx(folder / "kartlaggning-2009.docx")
    assessment_docx(load(EXAMPLES / "2010-pahittad.yaml", framework), folder / "kartlaggning-2010.docx", "tabell")
    _word(folder / "protokoll.docx", [("Protokoll", "Title")])
    (folder / "~$kartlaggning-2009.docx").write_bytes(b"lock")
    out = tmp_path / "yaml"
    run = cli("import", folder, "-o", out)
    assert run.exit_code == 1  # protokoll.docx is no kartläggning
    assert "protokoll.docx" in run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["kartlaggning-2009.yaml", "kartlaggning-2010.yaml"]
    compared = cli("compare", out)
    assert compared.exit_code == 0, compared.stderr
    assert "2009" in compared.stdout


def test_messages_in_english(tmp_path):
    path = _word(tmp_path / "protokoll.docx", [("Protokoll", "Title")])
    run = cli("import", path, "--lang", "en")
    assert run.exit_code == 1
    assert "no field heading" in run.stderr


def test_a_framework_of_ones_own_gives_the_questions(tmp_path):
    own = tmp_path / "egen.yaml"
    text = (ROOT / "tolvfalt" / "data" / "tolvfaltaren.yaml").read_text("utf-8")
    own_text = text.replace("Finns ett gemensamt mål för deltagaren?", "Har varje deltagare en egen plan?")
    own.write_text(own_text, "utf-8")
    path = _word(
        tmp_path / "egen.docx",
        [
            ("Fält 1: Deltagare - Struktur och förutsättningar", "Heading 1"),
            ("Har varje deltagare en egen plan?", "Heading 2"),
            ("Ja, alla.", None),
        ],
    )
    out = tmp_path / "egen-import.yaml"
    run = cli("import", path, "-o", out, "--framework", own, "--forbund", "Exempelförbundet", "--ar", "2024")
    assert run.exit_code == 0, run.stderr
    assert "# 1a: Har varje deltagare en egen plan?" in out.read_text("utf-8")
    assert load(out).answer("1a") == "Ja, alla."


def test_a_style_chain_ends_at_a_loop_a_missing_style_or_its_limit():
    from tolvfalt.importing.blocks import MAX_STYLE_CHAIN, style_chain

    looped = {"a": {"parent": "b"}, "b": {"parent": "a"}}
    assert style_chain("a", looped, lambda s: s["parent"]) == [looped["a"], looped["b"]]
    assert style_chain("a", {"a": {"parent": "gone"}}, lambda s: s["parent"]) == [{"parent": "gone"}]
    assert style_chain(None, looped, lambda s: s["parent"]) == []
    long = {str(i): {"parent": str(i + 1)} for i in range(100)}
    assert len(style_chain("0", long, lambda s: s["parent"])) == MAX_STYLE_CHAIN
