"""The personal-data check: every kind found where people write it, nothing found in what is not personal data,
every finding masked and in its place (key, line) in every text of an assessment.

Every identifier is invented here: personnummer are made for dates in the 2090s (nobody is born yet) or, with +,
the 1890s, their check digits computed below; phone numbers are from the ranges PTS keeps for fiction (070-174 06
05–99, 08-465 004 00–99, 031-390 06 00–99, 040-628 04 00–99, 0980-319 200–299) and Ofcom's and the NANP's drama
numbers; e-mail addresses are at example domains.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from conftest import cli
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import assessments

from tolvfalt.errors import Problem
from tolvfalt.model import Assessment
from tolvfalt.personal import BLOCKING, KINDS, Finding, find, redact, replacement, scan, texts
from tolvfalt.personal.names import names
from tolvfalt.read import load, validate
from tolvfalt.read.excel import read_workbook
from tolvfalt.read.framework import default_framework
from tolvfalt.read.yaml import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


# --- invented identifiers ---------------------------------------------------------------------------------------


def luhn_digit(nine: str) -> str:
    """The Luhn check digit, computed here independently of the code under test."""
    total = 0
    for i, char in enumerate(nine):
        d = int(char) * (2 - i % 2)
        total += d // 10 + d % 10
    return str((10 - total % 10) % 10)


def identity(day: dt.date, serial: int, *, samordning: bool = False, valid: bool = True) -> str:
    """Ten digits YYMMDDNNNC for ``day`` (the day plus 60 for a samordningsnummer)."""
    nine = f"{day:%y%m}{day.day + (60 if samordning else 0):02d}{serial:03d}"
    check = luhn_digit(nine)
    return nine + (check if valid else str((int(check) + 1) % 10))


def written(ten: str, century: str, sep: str) -> str:
    return f"{century}{ten[:6]}{sep}{ten[6:]}"


_RANDOM = random.Random(17)
DAYS = [dt.date(2090, 1, 1), dt.date(2092, 2, 29), dt.date(2095, 12, 31), dt.date(2099, 6, 30)] + [
    dt.date(2090, 1, 1) + dt.timedelta(days=_RANDOM.randrange(3650)) for _ in range(6)
]
FORMS = [("", "-"), ("", " "), ("", ""), ("20", "-"), ("20", " "), ("20", "")]  # century written, separator
SENTENCES = ["{} ", "Ett exempel är {} som fick arbete.", "Personnumret ({}) står i akten.", "Det gäller {}.", "{}, "]


def only(text: str) -> Finding:
    found = find(text)
    assert len(found) == 1, found
    return found[0]


def matched(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find(text)]


# --- personnummer and samordningsnummer ------------------------------------------------------------------------


@pytest.mark.parametrize("century, sep", FORMS)
@pytest.mark.parametrize("day", DAYS)
def test_personnummer_in_every_form(day: dt.date, century: str, sep: str) -> None:
    number = written(identity(day, 123), century, sep)
    for sentence in SENTENCES:
        text = sentence.format(number)
        assert matched(text) == [("personnummer", number)], text


@pytest.mark.parametrize("century, sep", FORMS)
@pytest.mark.parametrize("day", DAYS[:5])
def test_samordningsnummer_is_the_day_plus_60(day: dt.date, century: str, sep: str) -> None:
    number = written(identity(day, 456, samordning=True), century, sep)
    assert matched(f"Samordningsnumret {number} gavs ut.") == [("samordningsnummer", number)]


def test_plus_for_a_hundred_years_or_more() -> None:
    number = written(identity(dt.date(1895, 5, 17), 210), "", "+")
    assert matched(f"Född {number}.") == [("personnummer", number)]


@pytest.mark.parametrize("century, sep", FORMS)
@pytest.mark.parametrize("day", DAYS[:4])
def test_a_wrong_check_digit_is_no_personnummer(day: dt.date, century: str, sep: str) -> None:
    number = written(identity(day, 123, valid=False), century, sep)
    assert find(f"Numret {number} är fel.") == []


@pytest.mark.parametrize("nine", ["901330123", "900230123", "900431123", "900100123", "900192123", "910229123"])
def test_a_date_that_does_not_exist_is_no_personnummer(nine: str) -> None:
    # month 13, 30 February, 31 April, day 0, day 92 (32 + 60); 29 February 1991/2091 (neither a leap year)
    number = nine + luhn_digit(nine)
    assert find(f"Numret {number[:6]}-{number[6:]} finns inte.") == []
    assert find(f"Numret 20{number} finns inte.") == []


@pytest.mark.parametrize("number", ["202100-5521", "212000-1355", "556000-0000"])
def test_an_organisationsnummer_is_never_reported(number: str) -> None:
    nine = number.replace("-", "")[:9]
    valid = f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"
    assert find(f"Försäkringskassan har organisationsnummer {number} och {valid}.") == []
    assert find(f"Organisationsnummer 16{valid}.") == []


def test_a_12_digit_number_needs_a_century_of_birth() -> None:
    ten = identity(dt.date(2090, 3, 4), 111)
    assert find(f"Talet 15{ten} och 21{ten}.") == []


# --- phone and e-mail -------------------------------------------------------------------------------------------

PHONES = [
    "070-174 06 05",
    "0701740699",
    "070 174 06 42",
    "070-1740650",
    "+46 70 174 06 50",
    "+46 (0)70-174 06 10",
    "+46701740610",
    "0046 70 174 06 10",
    "08-465 004 00",
    "08-46500499",
    "08 465 004 57",
    "+46 8 465 004 12",
    "031-390 06 00",
    "040-628 04 00",
    "0980-319 200",
    "+44 20 7946 0123",
    "+1 202 555 0143",
]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_numbers_as_people_write_them(phone: str) -> None:
    for sentence in ["{}", "Ring {} i dag.", "Telefon: {}, eller mejla.", "(tel. {})", "Nås på {}. Hon svarar."]:
        text = sentence.format(phone)
        assert ("phone", phone) in matched(text), text


def test_a_year_after_a_phone_number_is_not_part_of_it() -> None:
    assert matched("Numret 070-174 06 05 2010 gällde.") == [("phone", "070-174 06 05")]


@pytest.mark.parametrize("local", ["anna.svensson", "a.s", "mohammed_ali", "eva-lena+kartlaggning", "jonas99"])
@pytest.mark.parametrize("domain", ["example.com", "example.se", "kommun.example.org"])
def test_email_addresses(local: str, domain: str) -> None:
    address = f"{local}@{domain}"
    for text in [address, f"Skriv till {address}.", f"(e-post: {address})", f"{address}, eller ring."]:
        assert matched(text) == [("email", address)], text


def test_an_email_written_with_at() -> None:
    assert matched("Skriv till anna.svensson(at)example.se.") == [("email", "anna.svensson(at)example.se")]


@pytest.mark.parametrize("text", ["info@example.se", "registrator@example.se", "kontakt@example.com"])
def test_a_shared_mailbox_is_no_person(text: str) -> None:
    assert find(f"Frågor till {text}.") == []


# --- names ------------------------------------------------------------------------------------------------------

FULL_NAMES = [
    "Anna Svensson",
    "Mohammed Ali",
    "Fatima Hassan",
    "Aleksandra Nowak",
    "Juha Virtanen",
    "Mehmet Yılmaz",
    "Dragan Petrović",
    "Anna-Karin Lind",
    "Anna Maria Svensson",
    "Lars Eriksson Berg",
    "Bo Svensson",
    "Maj Andersson",
    "Per Lindqvist",
    "Eva Lund",
]
NAME_SENTENCES = [
    "{}",
    "{} började i insatsen 2009.",
    "Ett exempel är {} som fick arbete.",
    "Vi träffade {} på kontoret.",
    "Det gällde {}.",
    "Enligt {}, som har arbetat länge, går det bra.",
    "Han (se {}) svarade.",
    "Resultatet: {} har fått arbete.",
    "- {} har gått vidare",
    '"{}" skrev ett brev.',
]


@pytest.mark.parametrize("name", FULL_NAMES)
def test_a_first_name_and_a_surname_anywhere_in_a_sentence(name: str) -> None:
    for sentence in NAME_SENTENCES:
        text = sentence.format(name)
        assert matched(text) == [("name", name)], text


def test_a_surname_in_the_genitive() -> None:
    assert matched("Anna Svenssons mamma ringde.") == [("name", "Anna Svenssons")]


def test_a_first_name_and_an_initial() -> None:
    assert matched("Samtalet med Anna S. gick bra.") == [("name", "Anna S.")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Deltagaren Ahmed berättade om sin väg till arbete.", "Ahmed"),
        ("Hon heter Fatima och kom 2009.", "Fatima"),
        ("Klienten, Sara, fick stöd av coachen.", "Sara"),
        ("Sara, 34 år, fick arbete.", "Sara"),
        ("Mohammed (29) fick arbete.", "Mohammed"),
        ("Johanna kom till insatsen 2009. Hon hade varit sjukskriven länge.", "Johanna"),
        ("Sedan dess har Elin gått vidare, och hon trivs.", "Elin"),
        ("Deltagaren Bo fick arbete.", "Bo"),
        ("Kvinnan Maj har gått vidare.", "Maj"),
        ("Hennes son Omar har börjat skolan.", "Omar"),
        ("Annas mamma säger att hon mår bättre.", "Annas"),
        ("Deltagaren Giulia Rossi har fått arbete.", "Giulia Rossi"),
        ("Den 34-åriga Katarzyna har börjat arbeta.", "Katarzyna"),
    ],
)
def test_a_first_name_where_the_words_around_it_point_at_a_person(text: str, name: str) -> None:
    assert matched(text) == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        "Eva var med i styrgruppen.",  # a first name alone, nothing about a person
        "Per deltagare kostar insatsen 20 000 kr.",
        "I Maj startade insatsen.",
        "Insatsen startade i Maj 2010.",
        "Bo hemma är inte lätt. Det säger hon själv.",
        "Inga deltagare avbröt, sade hon.",
        "Alla deltagare fick stöd.",
        "Klara mål behövs; han håller med.",
        "Finns det stöd? Hon vet inte.",
        "Liv och hälsa är målet för henne.",
        "Mina erfarenheter är goda.",
        "Sankt Görans sjukhus tar emot henne.",
        "Hon flyttade till en lägenhet i Nora.",
        "Nora kommun deltar.",
        "Hon deltar i Resam-projektet.",
        "Vid Försäkringskassan, Arbetsförmedlingen och Region Västmanland arbetar handläggare.",
        "Norra Västmanlands Samordningsförbund finansierar insatserna i Fagersta, Norberg och Skinnskatteberg.",
        "Deltagaren Försäkringskassan skickar brev till.",
    ],
)
def test_no_name_where_there_is_none(text: str) -> None:
    assert find(text) == []


def test_accepted_and_known_names_are_not_reported() -> None:
    text = "Eva Lund och Eva Lunds kollega Jonas Wells träffade Anna Svensson. Deltagaren Jonas kom."
    found = find(text, accepted=["Eva Lund"], known=["Jonas Wells"])
    assert [text[f.start : f.end] for f in found] == ["Anna Svensson"]


def test_a_bodys_own_number_can_be_accepted_as_written() -> None:
    text = "Växeln 0223-440 00 och mobilen 070-174 06 05."
    assert matched(text) == [("phone", "0223-440 00"), ("phone", "070-174 06 05")]
    assert [text[f.start : f.end] for f in find(text, accepted=["0223-440 00"])] == ["070-174 06 05"]


def test_a_known_first_name_does_not_hide_another_surname() -> None:
    assert matched("Jonas Svensson kom.") == [("name", "Jonas Svensson")]
    assert find("Jonas Svensson kom.", known=["Jonas Wells"]) != []


def test_the_names_come_from_a_large_list_of_every_origin() -> None:
    first = names().first
    assert len(first) > 3000
    for name in ["Anna", "Mohammed", "Fatima", "Aleksandra", "Juha", "Mehmet", "Dragan", "Abdirahman", "Zahra"]:
        assert name in first, name
    assert "w" in first["Per"]
    assert "w" not in first["Eva"]
    assert "p" in first["Nora"]
    assert "Andersson" in names().surnames


# --- addresses --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "Storgatan 12",
        "Kungsgatan 5 B",
        "Drottning Kristinas väg 3",
        "Björkvägen 7A",
        "737 30 Fagersta",
        "73730 Fagersta",
    ],
)
def test_home_addresses(address: str) -> None:
    assert matched(f"Hon bor på {address}.") == [("address", address)]


def test_a_street_and_a_postnummer_are_two_findings() -> None:
    assert matched("Adress: Storgatan 12, 737 30 Fagersta.") == [
        ("address", "Storgatan 12"),
        ("address", "737 30 Fagersta"),
    ]


def test_an_address_is_reported_but_does_not_block() -> None:
    assert "address" in KINDS
    assert "address" not in BLOCKING
    assert set(KINDS) - BLOCKING == {"address"}


# --- what is never personal data --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mötet hölls 2009-10-06 kl. 13.00 och 2010-01-15 kl 08:30.",
        "Öppet 08.30–16.00, måndag–fredag, och 08-16 på fredagar.",
        "Budgeten är 1 250 000 kronor, varav 45 000 kr till Resam och 3,5 miljoner totalt.",
        "Andelen var 45 % år 2009 och 12,5% år 2010; 0,5 procent avbröt.",
        "Dnr 2010/45, dnr 0123-2010, diarienummer SF 2010.123 och KS 2009-0456.",
        "Enligt lagen (2003:1210) om finansiell samordning, SFS 2003:1210, och OSL 2009:400.",
        "Åren 2009–2010 och 2009-2010, och under 1990-talet.",
        "Försäkringskassan (202100-5521) och Arbetsförmedlingen (202100-2114).",
        "Insatsen hade 120 deltagare varav 35 kvinnor; 18 av 40 fick arbete efter 6 månader.",
        "Se sidan 12, bilaga 3 och tabell 4.2.",
        "Telefontid 10.00–11.30, växel 0223-440 00 står inte här; ärendenummer 0223-2010-12 gör det.",
        "Kostnaden per deltagare var 12 345 kr 2010 och 23 456 kr 2011.",
        "Handlingsplan 2 och Verksamhetsplanen 2010 antogs.",
    ],
)
def test_never_reported(text: str) -> None:
    found = [(f.kind, text[f.start : f.end]) for f in find(text)]
    assert [k for k in found if k[1] != "0223-440 00"] == []


def test_the_examples_hold_no_personal_data() -> None:
    assert len(EXAMPLES) == 4
    for path in EXAMPLES:
        assert scan(load(path)) == [], path


# --- masking ----------------------------------------------------------------------------------------------------


def test_masks() -> None:
    ten = identity(dt.date(2090, 3, 12), 238)
    text = f"Anna Svensson {ten[:6]}-{ten[6:]} ringde från 070-174 06 05, anna.svensson@example.se, Storgatan 12."
    assert [f.masked for f in find(text)] == [
        "Anna S…",
        f"{ten[:6]}-****",
        "070-*** ** **",
        "a…@example.se",
        "Storgatan **",
    ]
    assert only("Deltagaren Ahmed kom.").masked == "A…"
    assert only(f"Född 20{ten}.").masked == f"20{ten[:6]}-****"


# --- any text ---------------------------------------------------------------------------------------------------

_ANY = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
_WRITING = st.text(st.sampled_from("abcåäö ABCÅÄÖ 0123456789-+.,:;()@\n"), max_size=300)


@given(st.one_of(_ANY, _WRITING))
def test_any_text_gives_findings_within_it_masked(text: str) -> None:
    found = find(text)
    last_end = 0
    for f in found:
        assert last_end <= f.start < f.end <= len(text)
        assert f.kind in KINDS
        assert text[f.start : f.end] not in f.masked
        last_end = f.end


@given(st.text(st.sampled_from("abcdefghij åäö"), max_size=80), st.sampled_from(FORMS), st.integers(0, 999))
def test_a_planted_personnummer_is_found_in_any_words(words: str, form: tuple[str, str], serial: int) -> None:
    number = written(identity(dt.date(2093, 7, 14), serial), *form)
    text = f"{words} {number} {words}"
    assert ("personnummer", number) in matched(text)


@pytest.mark.parametrize(
    "text",
    ["0 " * 200_000, "0" * 400_000, "+" * 100_000 + "1" * 100_000, "a" * 300_000 + "@", "@" * 200_000,
     "Anna " * 80_000, "Storgatan " * 40_000 + "1", "12345 " * 60_000],
)  # fmt: skip
def test_huge_and_hostile_text(text: str) -> None:
    found = find(text)
    assert all(0 <= f.start < f.end <= len(text) for f in found)


# --- every text of an assessment --------------------------------------------------------------------------------

PNR = identity(dt.date(2091, 4, 5), 321)
PNR_TEXT = f"{PNR[:6]}-{PNR[6:]}"


def an_assessment() -> Assessment:
    return Assessment.model_validate({
        "förbund": "Exempelforsens Samordningsförbund",
        "år": 2010,
        "ort": "Exempelforsen",
        "författare": "Jonas Wells",
        "befattning": "Förbundschef",
        "insatser": ["Resam"],
        "godkända_namn": ["Eva Lund"],
        "inledning": "Jonas Wells skrev detta tillsammans med Eva Lund.",
        "sammanfattning": "Kontakta 070-174 06 05 för frågor.",
        "avslutning": "Tack till Anna Svensson.",
        "fält": {
            1: {
                "svar": {"a": f"Ett exempel är {PNR_TEXT}.", "b": "Inget att säga."},
                "brister": ["Ingen brist", "Mejla anna.svensson@example.se"],
                "analys": "Deltagaren Ahmed fick arbete.",
                "uppföljning": [{"åtgärd": "Ringa Maj Andersson", "kommentar": "Bor på Storgatan 12"}],
            },
        },
        "svarande": {
            "Kommunerna": {
                "författare": "Karin Berg",
                "fält": {3: {"svar": {"a": "Fatima Hassan har gått vidare."}, "åtgärder": ["Ring Karin Berg"]}},
            },
        },
    })  # fmt: skip


def test_scan_finds_every_kind_in_every_place() -> None:
    problems = scan(an_assessment(), file="omgang.yaml")
    found = [(p.key, p.params["kind"]) for p in problems]
    assert found == [
        ("sammanfattning", "phone"),
        ("fält.1.svar.a", "personnummer"),
        ("fält.1.brister.1", "email"),
        ("fält.1.analys", "name"),
        ("fält.1.uppföljning.0.åtgärd", "name"),
        ("fält.1.uppföljning.0.kommentar", "address"),
        ("avslutning", "name"),
        ("svarande.Kommunerna.fält.3.svar.a", "name"),
    ]
    assert all(p.code == "personal_data" for p in problems)
    assert all(p.file == "omgang.yaml" for p in problems)


def test_a_problem_says_the_kind_and_the_masked_match_never_the_match() -> None:
    problem = next(p for p in scan(an_assessment()) if p.params["kind"] == "personnummer")
    assert problem.params["masked"] == f"{PNR[:6]}-****"
    for lang in ("sv", "en"):
        text = problem.format(lang)
        assert f"{PNR[:6]}-****" in text
        assert PNR_TEXT not in text
        assert "fält.1.svar.a" in text
    assert "personnummer" in problem.format("sv")
    assert "identity number" in problem.format("en")
    name = next(p for p in scan(an_assessment()) if p.params["kind"] == "name")
    assert "godkända_namn" in name.format("sv")
    assert "godkända_namn" in name.format("en")


def test_scan_gives_each_problem_its_line() -> None:
    text = (ROOT / "examples" / "exempelforbundet-2010.yaml").read_text("utf-8")
    text = text.replace("fält:\n", f"avslutning: Ett exempel är {PNR_TEXT}.\nfält:\n", 1)
    lines = text.splitlines()
    located = parse_yaml(text, "exempel.yaml")
    assessment = validate(located)
    problems = scan(assessment, file="exempel.yaml", line_for=located.line_for)
    assert [(p.key, p.params["kind"]) for p in problems] == [("avslutning", "personnummer")]
    assert isinstance(problems[0].line, int)
    assert PNR_TEXT in lines[problems[0].line - 1]


def test_scan_asks_for_lines_by_key_path() -> None:
    asked: list[tuple[object, ...]] = []

    def line_for(path: object) -> int:
        asked.append(tuple(path))  # type: ignore[arg-type]
        return 7

    problems = scan(an_assessment(), line_for=line_for)
    assert ("svarande", "Kommunerna", "fält", "3", "svar", "a") in asked
    assert {p.line for p in problems} == {7}


def test_metadata_is_never_looked_through() -> None:
    a = Assessment.model_validate({
        "förbund": "Anna Svenssons förbund", "år": 2010, "författare": "Anna Svensson",
        "respondent": "Anna Svensson", "diarienummer": PNR_TEXT, "titel": "Anna Svensson",
    })  # fmt: skip
    assert scan(a) == []


def test_the_file_names_its_own_people_and_accepted_names() -> None:
    keys = {p.key for p in scan(an_assessment())}
    assert "inledning" not in keys  # the författare and an accepted name
    part = next(p for p in scan(an_assessment()) if p.key == "svarande.Kommunerna.fält.3.svar.a")
    assert part.params["masked"] == "Fatima H…"
    assert "svarande.Kommunerna.fält.3.åtgärder.0" not in keys  # the party's own författare


def test_scan_takes_more_known_words() -> None:
    keys = {p.key for p in scan(an_assessment(), known=["Anna Svensson"])}
    assert "avslutning" not in keys


def test_redact_replaces_every_match_and_nothing_else() -> None:
    original = an_assessment()
    draft = redact(original)
    assert scan(draft) == []
    removed = replacement()
    assert removed == "[personuppgift borttagen]"
    assert draft.falt[1].svar["a"] == f"Ett exempel är {removed}."
    assert draft.falt[1].svar["b"] == "Inget att säga."
    assert draft.falt[1].uppfoljning[0].kommentar == f"Bor på {removed}"
    assert draft.svarande["Kommunerna"].falt[3].svar["a"] == f"{removed} har gått vidare."
    assert draft.inledning == original.inledning
    assert draft.forfattare == "Jonas Wells"
    assert original.falt[1].svar["a"] == f"Ett exempel är {PNR_TEXT}."


def test_problems_are_problems() -> None:
    problem = scan(an_assessment())[0]
    assert isinstance(problem, Problem)
    assert set(problem.params) >= {"kind", "masked"}


def test_scan_names_the_cell_in_a_workbook(tmp_path: Path) -> None:
    source = tmp_path / "med.yaml"
    source.write_text(f"förbund: Exempelförbundet\når: 2010\nfält:\n  2:\n    svar:\n      a: Ring {PHONE}\n", "utf-8")
    workbook = tmp_path / "med.xlsx"
    assert cli("assess", source, "-o", workbook).exit_code == 0  # the real command line writes the workbook
    located = read_workbook(workbook, default_framework())
    problems = scan(validate(located), file="med.xlsx", line_for=located.line_for)
    assert [(p.key, p.params["kind"]) for p in problems] == [("fält.2.svar.a", "phone")]
    assert isinstance(problems[0].line, str)
    assert problems[0].line.startswith("Svar!")


PHONE = "070-174 06 33"


@settings(max_examples=40)
@given(assessments())
def test_any_assessment_scans_and_redacts(assessment: Assessment) -> None:
    problems = scan(assessment)
    keys = {".".join(path) for path, _ in texts(assessment.to_data())}
    for p in problems:
        assert p.code == "personal_data"
        assert p.key in keys
    draft = redact(assessment)
    assert draft.forbund == assessment.forbund
    assert [p for p in scan(draft) if p.params["kind"] in BLOCKING] == []
