"""compare and merge through the command line, on the examples and on generated sets with known changes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from clients import needs_soffice, soffice_convert
from conftest import ROOT, assert_no_traceback, cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import assessments

from tolvfalt.formats.data import assessment_yaml as to_yaml
from tolvfalt.model import Assessment
from tolvfalt.read import load

EXAMPLES = ROOT / "examples"


def write(folder: Path, name: str, assessment: Assessment) -> Path:
    path = folder / name
    path.write_text(to_yaml(assessment), "utf-8")
    return path


def test_compare_examples_json():
    run = cli("compare", EXAMPLES, "--format", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    norra = next(s for s in data["series"] if s["förbund"].startswith("Norra"))
    assert [y["år"] for y in norra["years"]] == [2009, 2010, 2011]
    last = next(c for c in norra["changes"] if c["from"] == 2010)
    by_field = {f["fält"]: f for f in last["fields"]}
    assert by_field[1]["rating_delta"] == 1
    assert by_field[10]["rating_delta"] == -1
    assert by_field[3]["gone_brister"] == ["Bortfallsanalys saknas i tre insatser"]
    assert by_field[10]["new_brister"] == ["Två insatser avslutade i förtid"]
    assert "1a" not in by_field[1]["unchanged_answers"]
    assert "1b" in by_field[1]["unchanged_answers"]
    assert set(data["same_year"]) == {"2010"}
    assert len(data["same_year"]["2010"]) == 2


def test_compare_terminal_shows_every_view():
    run = cli("compare", EXAMPLES, "--format", "terminal")
    assert run.exit_code == 0
    for text in ("Bedömningar per år", "Förändringar 2010–2011", "bedömning 2 → 1 ↓", "Förbund sida vid sida 2010",
                 "svar ordagrant som 2010 (kopierat?)"):  # fmt: skip
        assert text in run.stdout, text


def test_compare_markdown_and_html(tmp_path, framework):
    md = tmp_path / "j.md"
    html = tmp_path / "j.html"
    assert cli("compare", EXAMPLES, "-o", md).exit_code == 0
    assert cli("compare", EXAMPLES, "-o", html).exit_code == 0
    assert "| 10 Samordningsförbund · Struktur och förutsättningar | – | 2 | 1 | ↓ |" in md.read_text("utf-8")
    page = html.read_text("utf-8")
    series = {(a.forbund, a.respondent) for a in (load(p, framework) for p in EXAMPLES.glob("*.yaml"))}
    assert page.count("<svg") == len(series) * len(framework.fields)
    assert "<script" not in page
    assert "href=" not in page


def test_compare_csv_long_format(tmp_path, framework):
    out = tmp_path / "alla.csv"
    assert cli("compare", EXAMPLES, "-o", out).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(rows) == len(files) * len(framework.question_ids)
    row = next(r for r in rows if r["år"] == "2011" and r["fråga"] == "10a")
    a = load(EXAMPLES / "2011-pahittad.yaml", framework)
    assert row["bedömning"] == "1"
    assert row["besvarad"] == "1"
    assert row["brister"] == "2"
    assert int(row["ord"]) == len((a.answer("10a") or "").split())


def test_compare_xlsx_has_line_charts(tmp_path, framework):
    out = tmp_path / "j.xlsx"
    assert cli("compare", EXAMPLES, "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    charts = [c for ws in wb.worksheets for c in ws._charts]
    forbund = {load(p, framework).forbund for p in EXAMPLES.glob("*.yaml")}
    assert len(charts) == len(forbund) * len(framework.rows)  # one chart per row of the grid
    assert all(len(c.series) == len(framework.columns) for c in charts)
    assert all(len({s.marker.symbol for s in c.series}) == len(c.series) for c in charts)
    norra = next(ws for ws in wb.worksheets if ws.title.startswith("Norra"))
    assert [c.value for c in norra[1]][2:] == [2009, 2010, 2011]


@needs_soffice
def test_libreoffice_resaves_the_compare_workbook(tmp_path):
    out = tmp_path / "j.xlsx"
    assert cli("compare", EXAMPLES, "-o", out).exit_code == 0
    resaved = soffice_convert(out, "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(resaved)
    assert any(ws._charts for ws in wb.worksheets)


def test_one_broken_file_does_not_stop_the_batch(tmp_path):
    for name in ("2009.yaml", "2010-pahittad.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    (tmp_path / "trasig.yaml").write_text("förbund: X\når: tvåtusen\n", "utf-8")
    (tmp_path / "annan.yaml").write_text("förbund: X\når: 2010\nfält:\n  13: {}\n", "utf-8")
    run = cli("compare", tmp_path, "--format", "json")
    assert run.exit_code == 1
    assert len(json.loads(run.stdout)["series"]) == 1
    assert "trasig.yaml:2: år" in run.stderr
    assert "annan.yaml:4: fält.13" in run.stderr
    assert_no_traceback(run)


@settings(
    max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    base=assessments(),
    field=st.integers(1, 12),
    rating=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    brist=st.text(st.characters(min_codepoint=65, max_codepoint=90), min_size=3, max_size=12),
)
def test_compare_finds_the_changes_made(tmp_path_factory, base: Assessment, field: int, rating, brist: str):
    folder = tmp_path_factory.mktemp("set")
    data = base.to_data()
    data["förbund"], data["år"] = "Testförbundet", 2020
    fields = data.setdefault("fält", {})
    first = dict(fields.get(field, {}))
    first.update({"bedömning": rating[0], "brister": [f"gammal {brist}"]})
    fields[field] = first
    before = Assessment.model_validate(data)
    after_data = before.to_data()
    after_data["år"] = 2021
    changed = dict(after_data["fält"][field])
    changed.update({"bedömning": rating[1], "brister": [f"ny {brist}"]})
    after_data["fält"][field] = changed
    write(folder, "a.yaml", before)
    write(folder, "b.yaml", Assessment.model_validate(after_data))
    data = json.loads(cli("compare", folder, "--format", "json").stdout)
    (step,) = data["series"][0]["changes"]
    found = {f["fält"]: f for f in step["fields"]}[field]
    assert found["rating_delta"] == rating[1] - rating[0]
    assert found["new_brister"] == [f"ny {brist}"]
    assert found["gone_brister"] == [f"gammal {brist}"]
    from tolvfalt.comparison import COPIED_FROM_WORDS
    from tolvfalt.text import word_count

    answered = [
        f"{n}{letter}"
        for n, f in before.falt.items()
        for letter, text in f.svar.items()
        if text and word_count(text) >= COPIED_FROM_WORDS  # "Ja." kept from last year is no sign of copying
    ]
    copied = sorted(q for f in step["fields"] for q in f["unchanged_answers"])
    assert copied == sorted(answered)  # every answer of some length was carried over word for word


# merge

RESPONDENT = """\
förbund: Norra Västmanlands Samordningsförbund
år: 2010
respondent: {who}
fält:
  1:
    svar:
      a: {answer}
    bedömning: {rating}
    brister: [{brist}]
"""


@pytest.fixture
def respondents(tmp_path: Path) -> list[Path]:
    paths = []
    for who, answer, rating, brist in (("Försäkringskassan", "Ja, delvis.", 1, "Oklara mål"),
                                       ("Kommunen", "Ja.", 4, "Oklara mål"),
                                       ("Regionen", "'*Nej*.'", 2, "Få platser")):  # fmt: skip
        path = tmp_path / f"{who}.yaml"
        path.write_text(RESPONDENT.format(who=who, answer=answer, rating=rating, brist=brist), "utf-8")
        paths.append(path)
    return paths


def test_merge_flags_disagreement(respondents):
    run = cli("merge", *respondents)
    assert run.exit_code == 0, run.stderr
    assert "olika bedömningar – diskutera" in run.stdout
    assert run.stdout.count("diskutera") == 1


def test_merge_markdown_shows_every_answer(tmp_path, respondents):
    out = tmp_path / "alla.md"
    assert cli("merge", *respondents, "-o", out).exit_code == 0
    md = out.read_text("utf-8")
    assert "**Försäkringskassan:** Ja, delvis." in md
    assert "**Kommunen:** Ja." in md
    assert "**Regionen:** *Nej*." in md
    assert "| 1 | 1 | 4 | 2 | 1–4 | **olika bedömningar – diskutera** |" in md


def test_merged_answers_on_the_terminal_are_indented_whole_with_each_partys_points(tmp_path):
    long = " ".join(["Målet är gemensamt och följs upp varje kvartal av beredningsgruppen."] * 4)
    paths = []
    for who, brist in (("Försäkringskassan", "Oklara mål"), ("Kommunen", "Få platser")):
        path = tmp_path / f"{who}.yaml"
        path.write_text(RESPONDENT.format(who=who, answer=long, rating=3, brist=brist), "utf-8")
        paths.append(path)
    merged = tmp_path / "alla.yaml"
    assert cli("merge", *paths, "-o", merged).exit_code == 0
    for run in (cli("merge", *paths, "--format", "terminal"), cli("assess", merged, "--format", "terminal")):
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.splitlines()
        start = lines.index("  Försäkringskassan:") + 1
        answer = lines[start : lines.index("  Kommunen:", start)]
        assert len(answer) > 1  # it wraps
        assert all(line.startswith("  ") and line == line.rstrip() for line in answer)  # every line indented
        assert " ".join(line.strip() for line in answer) == long
        assert "    • Oklara mål" in lines
        assert "    • Få platser" in lines
        assert lines.index("    • Oklara mål") < lines.index("    • Få platser")


def test_merge_markdown_shows_each_partys_points(tmp_path, respondents):
    out = tmp_path / "alla.md"
    assert cli("merge", *respondents, "-o", out).exit_code == 0
    md = out.read_text("utf-8")
    assert "**Regionen**\n\n**Brister:**\n\n- Få platser" in md


def test_a_merged_document_counts_each_partys_points_once(tmp_path):
    from tolvfalt.formats.view.common import DOCUMENT_POINTS

    paths = []
    for who in ("Försäkringskassan", "Kommunen"):
        path = tmp_path / f"{who}.yaml"
        insatser = [f"{who} insats {i}" for i in range(DOCUMENT_POINTS // 3)]  # both: 2/3 of the limit
        path.write_text(to_yaml(Assessment.model_validate(
            {"förbund": "Testförbundet", "år": 2024, "respondent": who, "insatser": insatser,
             "fält": {1: {"svar": {"a": "Ja."}}}})), "utf-8")  # fmt: skip
        paths.append(path)
    run = cli("merge", *paths, "-o", tmp_path / "alla.md")
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "alla.md").exists()


def test_merge_yaml_keeps_every_party(tmp_path, respondents, framework):
    out = tmp_path / "alla.yaml"
    run = cli("merge", *respondents, "-o", out)
    assert run.exit_code == 0
    assert "--head" in run.stderr  # no förbundschef's part: author and date are missing
    merged = load(out, framework)
    assert list(merged.svarande) == ["Försäkringskassan", "Kommunen", "Regionen"]
    assert [r.falt[1].bedomning for r in merged.svarande.values()] == [1, 4, 2]
    assert merged.svarande["Regionen"].falt[1].svar["a"] == "*Nej*."
    assert merged.svarande["Kommunen"].fil.endswith("Kommunen.yaml")
    assert merged.falt == {}
    assert merged.forfattare is None
    assert merged.respondent is None
    assert merged.answer("1a") == "Ja, delvis."


def test_merge_with_the_head(tmp_path, respondents, framework):
    head = tmp_path / "forbundschefen.yaml"
    head.write_text(
        "förbund: Norra Västmanlands Samordningsförbund\når: 2010\nförfattare: Förbundschefen\n"
        "datum: 2010-11-01\nfält:\n  1:\n    bedömning: 2\n    analys: Parterna ser olika på målen.\n",
        "utf-8",
    )
    out = tmp_path / "alla.yaml"
    for args in (["--head", head], [head]):  # named, or found as the one file without respondent
        run = cli("merge", *respondents, *args, "-o", out, "--force")
        assert run.exit_code == 0, run.stderr
        assert "--head" not in run.stderr, run.stderr
        merged = load(out, framework)
        assert merged.forfattare == "Förbundschefen"
        assert merged.falt[1].bedomning == 2
        assert merged.falt[1].analys == "Parterna ser olika på målen."
        assert len(merged.svarande) == 3


def test_merge_html_and_workbook(tmp_path, respondents, framework):
    html = tmp_path / "alla.html"
    assert cli("merge", *respondents, "-o", html).exit_code == 0
    assert 'class="disagreement"' in html.read_text("utf-8")
    yaml_out, xlsx_out = tmp_path / "alla.yaml", tmp_path / "alla.xlsx"
    assert cli("merge", *respondents, "-o", yaml_out).exit_code == 0
    assert cli("merge", *respondents, "-o", xlsx_out).exit_code == 0
    assert load(xlsx_out, framework) == load(yaml_out, framework)  # every party kept in the workbook too


def test_merge_refuses_mismatch_unless_forced(tmp_path, respondents):
    other = tmp_path / "annat.yaml"
    other.write_text("förbund: Annat förbund\når: 2011\n", "utf-8")
    run = cli("merge", *respondents, other)
    assert run.exit_code == 1
    assert "förbund skiljer sig" in run.stderr
    assert "år skiljer sig" in run.stderr
    assert cli("merge", *respondents, other, "--force").exit_code == 0


def test_parallel_reading_gives_the_same_result(tmp_path, monkeypatch, framework):
    from tolvfalt.read import many

    for name in ("2009.yaml", "2010-pahittad.yaml", "2011-pahittad.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    (tmp_path / "trasig.yaml").write_text("förbund: X\når: tvåtusen\n", "utf-8")
    files = many.expand([tmp_path])
    sequential = list(many.read_many(files, framework))
    monkeypatch.setattr(many, "PARALLEL_FROM", 2)
    seen: list[Path] = []
    parallel = list(many.read_many(files, framework, progress=seen.append))
    assert parallel == sequential
    assert seen == files
    assert [x.assessment.ar for x in parallel if x.assessment] == [2009, 2010, 2011]
    assert [p.code for x in parallel for p in x.problems] == ["not_int"]


@settings(
    max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], deadline=None
)
@given(ratings=st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=2, max_size=5), field=st.integers(1, 12))
def test_merge_spread_matches_the_ratings_given(tmp_path_factory, ratings: list[int | None], field: int):
    folder = tmp_path_factory.mktemp("merge")
    paths = []
    for i, rating in enumerate(ratings):
        data = {"förbund": "Testförbundet", "år": 2024, "respondent": f"Part {i}", "inledning": "Vårt svar."}
        if rating is not None:
            data["fält"] = {field: {"bedömning": rating}}
        paths.append(write(folder, f"{i}.yaml", Assessment.model_validate(data)))
    out = folder / "m.json"
    assert cli("merge", *paths, "-o", out).exit_code == 0
    spread = json.loads(out.read_text("utf-8"))["ratings"][str(field)]
    given = [r for r in ratings if r is not None]
    assert spread["ratings"] == {f"Part {i}": r for i, r in enumerate(ratings)}
    assert (spread["low"], spread["high"]) == ((min(given), max(given)) if given else (None, None))
    assert spread["disagreement"] == (len(given) > 1 and max(given) - min(given) >= 2)


def test_progress_bar_only_on_a_terminal_with_many_files(monkeypatch):
    import sys

    from tolvfalt.cli.options import progress

    files = [Path(f"{i}.yaml") for i in range(8)]
    with progress(len(files), "sv") as tick:
        assert tick is None  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress(3, "sv") as tick:
        assert tick is None  # a handful of files needs no bar
    with progress(len(files), "sv") as tick:
        assert tick is not None
        for path in files:
            tick(path)


def test_workers_send_back_digests_and_give_the_same_comparison(tmp_path, monkeypatch, framework):
    import pickle

    from tolvfalt.comparison import Digested, compare, digest_file
    from tolvfalt.formats.data import comparison_data
    from tolvfalt.read import many

    for name in ("2009.yaml", "2010-pahittad.yaml", "2011-pahittad.yaml", "exempelforbundet-2010.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    (tmp_path / "trasig.yaml").write_text("förbund: X\når: tvåtusen\n", "utf-8")
    files = many.expand([tmp_path])
    read = digest_file(files[0], framework)
    assert isinstance(read, Digested)
    assert not hasattr(read, "assessment")
    assert len(pickle.dumps(read)) < len(files[0].read_bytes())  # less crosses between processes than the file
    in_process = compare(many.read_each(files, framework, digest_file), framework)
    monkeypatch.setattr(many, "PARALLEL_FROM", 2)
    from_workers = compare(many.read_each(files, framework, digest_file), framework)
    assert [e.source for e in from_workers.entries] == [e.source for e in in_process.entries]
    assert comparison_data(from_workers) == comparison_data(in_process)
    assert [p.code for p in from_workers.problems] == ["not_int"]


def test_compare_json_is_written_in_pieces_that_make_the_whole(tmp_path):
    from tolvfalt.api import compare
    from tolvfalt.formats import stream
    from tolvfalt.formats.data import comparison_data, dumps

    comparison = compare([EXAMPLES])
    for lang in ("sv", "en"):
        pieces = list(stream(comparison, "json", lang))
        assert len(pieces) > len(comparison.series)  # a series at a time, not one text
        assert "".join(pieces) == dumps(comparison_data(comparison, lang))
    out = tmp_path / "alla.json"
    run = cli("compare", EXAMPLES, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert out.read_text("utf-8") == dumps(comparison_data(comparison))
    assert cli("compare", EXAMPLES, "--format", "json").stdout == dumps(comparison_data(comparison))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(st.characters(codec="utf-8")),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=json_values, lazy=st.data())
def test_json_in_pieces_is_json_dumps(value, lazy):
    """Any value, with any of its lists and objects made lazily, is written as json.dumps writes it whole."""
    from tolvfalt.formats.data import _chunks, _Lazy

    def maybe_lazy(v):
        if isinstance(v, list):
            items = [maybe_lazy(x) for x in v]
            return _Lazy(iter(items)) if lazy.draw(st.booleans()) else v
        if isinstance(v, dict):
            pairs = [(k, maybe_lazy(x)) for k, x in v.items()]
            return _Lazy(iter(pairs), pairs=True) if lazy.draw(st.booleans()) else v
        return v

    whole = json.dumps(value, ensure_ascii=False, indent=2)
    assert "".join(_chunks(maybe_lazy(value), 0)) == whole
