"""``tolvfalt serve`` through an ASGI client (every route; the Host, CSRF, token and upload rules; two saves of one
field) and as the real command (its address, its token, a clean stop on SIGTERM and Ctrl-C)."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from collections.abc import AsyncIterator, Iterator
from http.cookiejar import CookieJar
from pathlib import Path

import httpx
import pytest
import yaml
from conftest import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_round import FORBUND, PARTIES, _fill

from tolvfalt import load
from tolvfalt.api import send_out
from tolvfalt.round import file_name
from tolvfalt.serve import create_app
from tolvfalt.serve.security import APP_POLICY, DOCUMENT_POLICY, Served, split_host

HOST = "127.0.0.1:8012"
ORIGIN = f"http://{HOST}"
SAME_ORIGIN = {"origin": ORIGIN, "sec-fetch-site": "same-origin"}


class Client:
    """The app in-process through httpx's ASGI transport, as a browser on its own origin calls it."""

    def __init__(self, app: object, host: str = HOST, *, raise_faults: bool = True) -> None:
        self.loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=raise_faults)  # type: ignore[arg-type]
        self.http = httpx.AsyncClient(transport=transport, base_url=f"http://{host}")

    def request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        return self.loop.run_until_complete(self.http.request(method, url, **kwargs))  # type: ignore[arg-type]

    def get(self, url: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: object) -> httpx.Response:
        headers = {**SAME_ORIGIN, **dict(kwargs.pop("headers", {}) or {})}  # type: ignore[call-overload]
        return self.request("POST", url, headers=headers, **kwargs)

    def close(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.loop.close()


def text(response: httpx.Response) -> str:
    """A page's text as a person reads it."""
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.text, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def hidden(response: httpx.Response, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', response.text)
    assert found, name
    return html.unescape(found.group(1))


def party_file(root: Path, party: str, year: int = 2026) -> Path:
    return root / str(year) / file_name(FORBUND, year, party)


def returned(root: Path, party: str, to: Path, answers: dict[str, str], ratings: dict[int, int]) -> Path:
    """A party's workbook, filled as a person would, saved under a name of the party's own choosing."""
    shutil.copy(party_file(root, party), to)
    _fill(to, answers, dict(ratings), f"Handläggare {party[:3]}")
    return to


@pytest.fixture(scope="session")
def sent(tmp_path_factory: pytest.TempPathFactory, framework) -> Path:
    """This year's round as the send-out writes it, made once."""
    folder = tmp_path_factory.mktemp("utskick") / "2026"
    send_out(folder, PARTIES, forbund=FORBUND, ar=2026, deadline=dt.date(2026, 12, 15),
             contact="kansliet@exempelforsen.example", framework=framework)  # fmt: skip
    return folder


@pytest.fixture
def root(tmp_path: Path, sent: Path) -> Path:
    """A förbund's folder with this year's round sent out."""
    folder = tmp_path / "forbund"
    shutil.copytree(sent, folder / "2026")
    return folder


@pytest.fixture
def client(root: Path, framework) -> Iterator[Client]:
    c = Client(create_app(root, framework))
    yield c
    c.close()


def upload(client: Client, *files: tuple[str, bytes], round_id: str = "2026") -> httpx.Response:
    return client.post(f"/omgang/{round_id}/inlamning", files=[("filer", f) for f in files])


def outside(root: Path) -> set[str]:
    """Every file beside the served folder: nothing the app does may land there."""
    return {p.name for p in root.parent.rglob("*") if not p.is_relative_to(root)}


# --- every route ------------------------------------------------------------------------------------------------


def test_every_page_answers_in_swedish_with_its_policy(client, root, tmp_path):
    returned(root, "Kommunerna", tmp_path / "k.xlsx", {"4a": "Personalen räcker."}, {4: 3})
    assert upload(client, ("k.xlsx", (tmp_path / "k.xlsx").read_bytes())).status_code == 200
    pages = ["/", "/ny", "/omgang/2026/", "/omgang/2026/falt/1", "/omgang/2026/falt/12", "/omgang/2026/uppgifter",
             "/omgang/2026/dokument", "/jamforelse"]  # fmt: skip
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert '<html lang="sv-SE">' in r.text, path
        assert re.search(r"<title>[^<]+</title>", r.text), path
        assert r.headers["content-security-policy"] == APP_POLICY, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert 'href="#main"' in r.text  # the skip link
        assert not re.search(r"<script>|<script [^>]*>[^<]|style=", r.text), path  # nothing inline the policy forbids
        assert not re.search(r'(src|href)="(https?:)?//', r.text), path  # nothing from elsewhere
    assert "script-src 'self'" in APP_POLICY
    assert "frame-ancestors 'none'" in APP_POLICY
    assert "unsafe" not in APP_POLICY


def test_the_style_sheet_and_script_come_from_the_app(client):
    css = client.get("/static/tolvfalt.css")
    assert css.headers["content-type"].startswith("text/css")
    assert "--accent" in css.text  # the house style
    assert ".rating-step-0" in css.text  # a class per step of the scale, as the policy allows no inline style
    js = client.get("/static/tolvfalt.js")
    assert js.headers["content-type"].startswith("text/javascript")
    assert "dataTransfer" in js.text


def test_english_pages(root, framework):
    c = Client(create_app(root, framework, "en"))
    try:
        r = c.get("/omgang/2026/")
        assert '<html lang="en-GB">' in r.text
        assert "Who has answered" in text(r)
    finally:
        c.close()


@pytest.mark.parametrize(
    "path", ["/omgang/2025/", "/omgang/..%2F..%2Fetc/", "/omgang/2026/falt/13", "/omgang/2026/passwd", "/nej"]
)
def test_unknown_addresses_are_a_page_not_a_fault(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "Sidan finns inte" in text(r)


def test_a_fault_of_tolvfalts_own_is_a_page_in_words(root, framework, monkeypatch, caplog):
    def broken(*args: object) -> None:
        raise RuntimeError("trasig")

    monkeypatch.setattr("tolvfalt.serve.round_pages.round_context", broken)
    c = Client(create_app(root, framework), raise_faults=False)
    try:
        r = c.get("/omgang/2026/")
        assert r.status_code == 500
        assert "ett fel i tolvfalt (RuntimeError: trasig)" in text(r)
        assert "Traceback" not in r.text
        assert r.headers["content-security-policy"] == APP_POLICY  # answered outside the guard, still hardened
        assert c.get("/").status_code == 200
    finally:
        c.close()
    assert "RuntimeError: trasig" in caplog.text


def test_a_round_whose_round_file_is_broken_says_so(root, client):
    (root / "2026" / "omgang.yaml").write_text("förbund: [\n", "utf-8")
    overview = text(client.get("/"))
    assert "stängs inte" in overview
    page = client.get("/omgang/2026/")
    assert page.status_code == 200
    assert "Omgångsfilen (omgang.yaml) kan inte läsas." in text(page)
    r = upload(client, ("x.yaml", b"x: 1"))
    assert r.status_code == 422
    assert "saknar en läsbar omgångsfil" in text(r)
    assert client.get("/omgang/2026/falt/1").status_code == 422


def test_a_round_folder_linked_from_outside_is_not_served(root, framework, tmp_path):
    elsewhere = tmp_path / "annat"
    send_out(elsewhere, ["Regionen"], forbund="Annat förbund", ar=2020, framework=framework)
    (root / "2020").symlink_to(elsewhere, target_is_directory=True)
    c = Client(create_app(root, framework))
    try:
        assert "Annat förbund" not in text(c.get("/"))
        assert c.get("/omgang/2020/").status_code == 404
    finally:
        c.close()


# --- the guard --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8012", True),
        ("localhost:8012", True),
        ("[::1]:8012", True),
        ("evil.example:8012", False),  # a name that resolves to 127.0.0.1: DNS rebinding
        ("127.0.0.1:8013", False),
        ("192.168.1.5:8012", False),
        ("localhost.evil.example:8012", False),
        ("127.0.0.1", False),
        ("", False),
    ],
)
def test_a_request_must_name_the_address_served(root, framework, host, allowed):
    c = Client(create_app(root, framework), host=host or "x")
    try:
        headers = {"host": host}
        r = c.get("/", headers=headers)
        assert (r.status_code == 200) is allowed, r.status_code
        if not allowed:
            assert r.status_code == 400
            assert "Host" in text(r)
    finally:
        c.close()


def test_beyond_loopback_an_address_is_fine_but_a_foreign_name_is_not():
    served = Served("0.0.0.0", 8012, "t")
    assert served.allows_host("192.168.1.5:8012")
    assert served.allows_host("[fe80::1]:8012")
    assert not served.allows_host("evil.example:8012")
    assert not served.allows_host("192.168.1.5:80")


@pytest.mark.parametrize(
    ("header", "expected"),
    [("127.0.0.1:8012", ("127.0.0.1", 8012)), ("[::1]:8012", ("::1", 8012)), ("localhost", ("localhost", 80)),
     ("a:b", ("a", None)), ("[::1]x", ("::1", None)), ("h:123456", ("h", None))],
)  # fmt: skip
def test_host_headers_are_split(header, expected):
    assert split_host(header) == expected


@pytest.mark.parametrize(
    ("headers", "refused"),
    [
        ({"origin": "https://evil.example"}, True),
        ({"origin": "null"}, True),
        ({"origin": "http://localhost:8013"}, True),  # another port is another origin (but the same site)
        ({"sec-fetch-site": "cross-site", "origin": ORIGIN}, True),
        ({"sec-fetch-site": "same-site"}, True),
        ({"sec-fetch-site": "same-origin", "origin": "https://evil.example"}, False),  # the browser's word wins
        ({"origin": ORIGIN}, False),
        ({}, False),  # not a browser: no other site's page and no cookie behind it
    ],
)
def test_a_state_changing_request_from_another_site_is_refused(client, root, headers, refused):
    before = sorted(p.name for p in (root / "2026").iterdir())
    r = client.request("POST", "/omgang/2026/falt/4", data={"analys": "Från en annan sida."}, headers=headers)
    if refused:
        assert r.status_code == 403
        assert "annan webbplats" in text(r)
        assert sorted(p.name for p in (root / "2026").iterdir()) == before
    else:
        assert r.status_code in (303, 409, 422)


def test_reading_needs_no_origin(client):
    r = client.get("/", headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 200  # a link from elsewhere may open the app; only changes are refused


def test_beyond_loopback_every_request_needs_the_token(root, framework):
    served = Served("0.0.0.0", 8012, "hemlig-nyckel")
    c = Client(create_app(root, framework, served=served))
    try:
        r = c.get("/")
        assert r.status_code == 403
        assert "hemliga nyckeln" in text(r)
        assert c.get("/?token=fel").status_code == 403
        assert c.get("/static/tolvfalt.css").status_code == 403
        r = c.get("/omgang/2026/?token=hemlig-nyckel&startad=1")
        assert r.status_code == 303
        assert r.headers["location"] == "/omgang/2026/?startad=1"  # the token leaves the address
        cookie = r.headers["set-cookie"]
        assert "tolvfalt-token-8012=hemlig-nyckel" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert c.get("/omgang/2026/").status_code == 200  # the cookie does it now
        c.http.cookies.clear()
        assert c.get("/omgang/2026/").status_code == 403
    finally:
        c.close()


def test_the_address_printed():
    assert Served("127.0.0.1", 8012).url() == "http://127.0.0.1:8012/"
    assert Served("::1", 8012).url() == "http://[::1]:8012/"
    assert Served("0.0.0.0", 8012, "a b").url() == "http://127.0.0.1:8012/?token=a+b"
    assert Served("0.0.0.0", 8012, "t").url(name="kansliet") == "http://kansliet:8012/?token=t"


def test_on_loopback_no_token_is_made():
    assert Served.at("127.0.0.1", 8012).token is None
    assert Served.at("localhost", 8012).token is None
    assert Served.at("::1", 8012).token is None
    token = Served.at("0.0.0.0", 8012).token
    assert token is not None
    assert len(token) >= 40
    assert Served.at("0.0.0.0", 8012).token != token


# --- starting a round -------------------------------------------------------------------------------------------


def test_start_a_round_through_the_form(tmp_path, framework):
    root = tmp_path / "forbund"
    root.mkdir()
    c = Client(create_app(root, framework))
    try:
        form = c.get("/ny")
        assert "Försäkringskassan\nArbetsförmedlingen\nKommunerna\nRegionen" in form.text  # the four parties
        r = c.post("/ny", data={"previous": "", "forbund": FORBUND, "ar": "2026", "parties": "Regionen\r\nKommunerna",
                                "deadline": "2026-12-15", "contact": "kansliet"})  # fmt: skip
        assert r.status_code == 303
        assert r.headers["location"] == "/omgang/2026/?startad=1"
        written = sorted(p.name for p in (root / "2026").iterdir())
        assert written == sorted([file_name(FORBUND, 2026, "Regionen"), file_name(FORBUND, 2026, "Kommunerna"),
                                  "omgang.yaml"])  # fmt: skip
        page = c.get(r.headers["location"])
        assert "Omgången är startad: 2 arbetsböcker" in text(page)
        z = c.get("/omgang/2026/arbetsbocker.zip")
        assert z.headers["content-disposition"] == 'attachment; filename="arbetsbocker-2026.zip"'
        with zipfile.ZipFile(io.BytesIO(z.content)) as archive:
            assert sorted(archive.namelist()) == [n for n in written if n.endswith(".xlsx")]
            assert archive.read(file_name(FORBUND, 2026, "Regionen")) == party_file(root, "Regionen").read_bytes()
        again = c.post("/ny", data={"forbund": FORBUND, "ar": "2026", "parties": "Regionen"})
        assert again.status_code == 422
        assert "finns redan" in text(again)
    finally:
        c.close()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("ar", "tjugo", "fyra siffror"), ("parties", "  \n ", "minst en"), ("deadline", "15/12", "ÅÅÅÅ-MM-DD"),
     ("previous", "fil:../../etc/passwd", "finns inte längre"), ("forbund", "", "ange förbundets namn")],
)  # fmt: skip
def test_start_form_mistakes_are_shown_and_nothing_is_written(tmp_path, framework, field, value, message):
    root = tmp_path / "forbund"
    root.mkdir()
    c = Client(create_app(root, framework))
    try:
        data = {"forbund": FORBUND, "ar": "2026", "parties": "Regionen", "deadline": "", "previous": "", field: value}
        r = c.post("/ny", data=data)
        assert r.status_code == 422
        assert message in text(r)
        assert list(root.iterdir()) == []
        assert f'value="{html.escape(data["forbund"])}"' in r.text  # what was typed stays in the form
    finally:
        c.close()


def test_a_round_folder_itself_offers_no_new_round(root, framework):
    c = Client(create_app(root / "2026", framework))
    try:
        assert c.get("/ny").status_code == 409
        assert "/ny" not in c.get("/").text
        assert c.get("/omgang/2026/").status_code == 200  # the round is the folder's own name
    finally:
        c.close()


def test_next_year_from_last_years_round(root, client, framework, tmp_path):
    fk = returned(root, "Försäkringskassan", tmp_path / "fk.xlsx", {"4a": "För få handläggare."}, {4: 1})
    upload(client, ("fk.xlsx", fk.read_bytes()))
    (root / "2026" / "forbundschefens-del.yaml").write_text(
        f"förbund: {FORBUND}\når: 2026\nfält:\n  4:\n    bedömning: 2\n    åtgärder: [Gemensam utbildningsdag]\n",
        "utf-8",
    )
    form = client.get("/ny")
    assert 'value="2027"' in form.text
    assert hidden_select(form) == "omgang:2026"
    r = client.post("/ny", data={"previous": "omgang:2026", "forbund": "", "ar": "2027", "deadline": "",
                                 "parties": "\n".join(PARTIES), "contact": ""})  # fmt: skip
    assert r.status_code == 303, text(r)
    sent = load(party_file(root, "Försäkringskassan", 2027))
    assert sent.forbund == FORBUND  # taken from last year
    assert sent.respondent == "Försäkringskassan"
    page = client.get("/omgang/2027/falt/4")
    assert "Gemensam utbildningsdag" in text(page)  # last year's åtgärd, to follow up
    assert "Bedömning 2026" in text(page)
    assert "2 Godtagbar" in text(page)  # last year's agreed rating beside
    data = form_data(page, **{"uppföljning-0-status": "pågår", "uppföljning-0-kommentar": "Hösten 2027"})
    assert client.post("/omgang/2027/falt/4", data=data).status_code == 303
    own = load(root / "2027" / "forbundschefens-del.yaml")
    assert [(u.atgard, u.status, u.kommentar) for u in own.falt[4].uppfoljning] == [
        ("Gemensam utbildningsdag", "pågår", "Hösten 2027")
    ]


def hidden_select(response: httpx.Response) -> str:
    found = re.search(r'<option value="([^"]*)" selected>', response.text)
    assert found
    return html.unescape(found.group(1))


def form_data(page: httpx.Response, **values: str) -> dict[str, str]:
    """What the page's own-part form sends: its hidden fields and follow-ups, and ``values``."""
    data = {"digest": hidden(page, "digest"), "base": hidden(page, "base")}
    for i, action in enumerate(re.findall(r'name="uppföljning-\d+-åtgärd" value="([^"]*)"', page.text)):
        data[f"uppföljning-{i}-åtgärd"] = html.unescape(action)
    return {**data, **values}


# --- status and uploads -----------------------------------------------------------------------------------------


def test_status_shows_returns_problems_by_cell_and_late_parties(root, framework, client, tmp_path):
    k = returned(root, "Kommunerna", tmp_path / "svar från kommunen.xlsx", {"1a": "Ja.", "4a": "Räcker."}, {1: 3, 4: 4})
    assert upload(client, (k.name, k.read_bytes())).status_code == 200
    bad = root / "2026" / "handskriven.yaml"
    bad.write_text(f"förbund: {FORBUND}\når: 2026\nrespondent: Extra\nfält:\n  3:\n    bedömning: 7\n", "utf-8")
    page = text(client.get("/omgang/2026/"))
    assert "1 av 4 parter har lämnat in." in page
    assert "Kommunerna exempelforsens-samordningsforbund-2026-kommunerna.xlsx ja 2/23 2" in page
    assert "6 fält.3.bedömning bedömningen 7 ligger utanför skalan 1–4" in page  # the line, the key, in words
    assert "väntades inte" in page
    assert "sen" not in page.split()  # the deadline has not passed
    plan = root / "2026" / "omgang.yaml"
    plan.write_text(plan.read_text("utf-8").replace("2026-12-15", "2020-01-01"), "utf-8")
    page = text(client.get("/omgang/2026/"))
    assert "sista dagen har passerat" in page
    assert page.count(" sen ") == 3  # the three parties that have not returned


def test_a_problem_in_a_workbook_is_shown_by_its_cell(root, client, tmp_path):
    path = returned(root, "Regionen", tmp_path / "r.xlsx", {"2a": "Svar."}, {})
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["Svar"]
    header = [c.value for c in ws[1]]
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == "2a")
    ws.cell(row, header.index("Bedömning") + 1).value = "7"
    wb.save(path)
    r = upload(client, ("r.xlsx", path.read_bytes()))
    page = text(r)
    assert re.search(r"Svar![A-Z]+\d+ fält\.2\.bedömning bedömningen 7 ligger utanför skalan", page), page
    assert "lades åt sidan som avvisade/" in page
    assert party_file(root, "Regionen").read_bytes() != path.read_bytes()  # not mixed into the round
    assert len(list((root / "2026" / "avvisade").iterdir())) == 1


def test_uploads_are_filed_by_the_party_inside_not_the_name_given(root, client, tmp_path):
    fk = returned(root, "Försäkringskassan", tmp_path / "fk.xlsx", {"4a": "Första svaret."}, {4: 1})
    r = upload(client, ("Regionen.xlsx", fk.read_bytes()))  # named after another party
    assert "inlämnad för Försäkringskassan" in text(r)
    assert load(party_file(root, "Försäkringskassan")).answer("4a") == "Första svaret."
    assert load(party_file(root, "Regionen")).answer("4a") is None
    second = returned(root, "Försäkringskassan", tmp_path / "fk2.xlsx", {"4a": "Andra svaret."}, {4: 2})
    r = upload(client, ("fk2.xlsx", second.read_bytes()))
    page = text(r)
    assert "Det som låg där förut finns kvar: tidigare/" in page
    assert load(party_file(root, "Försäkringskassan")).answer("4a") == "Andra svaret."
    kept = sorted((root / "2026" / "tidigare").iterdir())
    answers = sorted(str(load(p).answer("4a")) for p in kept)
    assert answers == ["Första svaret.", "None"]  # the first return and the sent copy, both kept
    again = upload(client, ("samma.xlsx", second.read_bytes()))
    assert "redan har lämnat in" in text(again)
    assert len(list((root / "2026" / "tidigare").iterdir())) == 2  # an identical return changes nothing


def test_a_yaml_return_is_filed_under_the_party(root, client):
    data = f"förbund: {FORBUND}\når: 2026\nrespondent: Regionen\nfält:\n  5:\n    svar:\n      a: I YAML.\n"
    r = upload(client, ("svar.yml", data.encode()))
    assert "inlämnad för Regionen" in text(r)
    stem = Path(file_name(FORBUND, 2026, "Regionen")).stem
    assert load(root / "2026" / f"{stem}.yml").answer("5a") == "I YAML."
    assert not party_file(root, "Regionen").exists()  # the sent workbook moved aside, kept
    assert [p.suffix for p in (root / "2026" / "tidigare").iterdir()] == [".xlsx"]


def _laughs() -> bytes:
    """A YAML file of aliases of aliases: a billion values once expanded."""
    lines = ["förbund: X", "år: 2026", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return ("\n".join(lines) + "\n").encode()


BOMB = io.BytesIO()
with zipfile.ZipFile(BOMB, "w", zipfile.ZIP_DEFLATED) as _z:
    _z.writestr("[Content_Types].xml", b"<x/>")
    _z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 2**20))

PATH_LIKE_PARTY = f"förbund: {FORBUND}\når: 2026\nrespondent: ../../utanför\nfält: {{1: {{svar: {{a: x}}}}}}\n"
HOSTILE = {
    "random.xlsx": os.urandom(4096),
    "bomb.xlsx": BOMB.getvalue(),
    "laughs.yaml": _laughs(),
    "binary.yaml": b"\0\1\2" * 100,
    "latin1.yaml": "förbund: Å\når: 2026\n".encode("latin-1"),
    "deep.yaml": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "..\\..\\..\\Windows\\win.xlsx": b"PK\3\4 not really",
    "../../utanfor.yaml": PATH_LIKE_PARTY.encode(),
    "merged.yaml": f"förbund: {FORBUND}\når: 2026\nsvarande:\n  A:\n    fält: {{1: {{bedömning: 2}}}}\n".encode(),
    "annat.yaml": "förbund: Annat\når: 2026\nrespondent: Regionen\nfält: {1: {bedömning: 2}}\n".encode(),
    "tom.yaml": f"förbund: {FORBUND}\når: 2026\nrespondent: Regionen\n".encode(),
    "ingen.yaml": f"förbund: {FORBUND}\når: 2026\nfält: {{1: {{bedömning: 2}}}}\n".encode(),
    "program.exe": b"MZ",
    "\x07\u202e.yaml\x00": b"x: 1",
}
ASIDE = {"random.xlsx", "bomb.xlsx", "laughs.yaml", "binary.yaml", "latin1.yaml", "deep.yaml", "win.xlsx",
         "merged.yaml", "annat.yaml", "tom.yaml", "ingen.yaml"}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_broken_or_hostile_upload_is_a_message_and_the_server_keeps_serving(root, client, name):
    before = outside(root)
    r = upload(client, (name, HOSTILE[name]))
    assert r.status_code == 200
    page = text(r)
    assert "Traceback" not in page
    shown = re.sub(r"[\x00-\x1f]", "", name).rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    aside = {p.name for p in (root / "2026" / "avvisade").iterdir()} if (root / "2026" / "avvisade").exists() else set()
    if shown in ASIDE:
        assert "lades åt sidan som avvisade/" in page
        assert len(aside) == 1
        assert re.fullmatch(r"\d{8}-\d{6}-[a-z0-9-]+\.(xlsx|yaml)", aside.pop())  # a name of the app's own
    elif name.endswith(("exe", "\x00")):
        assert "tolvfalt läser bara .yaml, .yml, .xlsx, .xlsm" in page
        assert not aside
    else:  # a party named like a path: filed under a plain name inside the round
        assert "inlämnad för ../../utanför" in page
        assert (root / "2026" / f"{Path(file_name(FORBUND, 2026, 'utanför')).stem}.yaml").exists()
    assert outside(root) == before
    assert client.get("/omgang/2026/").status_code == 200


def test_hostile_file_names_are_shown_escaped(client):
    r = upload(client, ("<img src=x onerror=alert(1)>.exe", b"MZ"))
    assert "<img src=x" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;.exe" in r.text


async def _chunks(count: int, sent: list[int], head: bytes, tail: bytes) -> AsyncIterator[bytes]:
    yield head
    for i in range(count):
        sent.append(i)
        yield b"\0" * 2**20
    yield tail


def test_a_file_over_the_limit_is_refused_before_the_rest_is_read(client, root):
    boundary = "grans"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"filer\"; filename=\"stor.xlsx\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()  # fmt: skip
    sent: list[int] = []
    r = client.post("/omgang/2026/inlamning", content=_chunks(200, sent, head, f"\r\n--{boundary}--\r\n".encode()),
                    headers={"content-type": f"multipart/form-data; boundary={boundary}"})  # fmt: skip
    assert r.status_code == 413
    assert "stor.xlsx är större än 20 MB och lästes inte" in text(r)
    assert len(sent) <= 22  # 20 MB and what was under way, not 200
    assert not (root / "2026" / "avvisade").exists()


def test_a_request_that_says_it_is_too_large_is_not_read(client):
    headers = {"content-type": "multipart/form-data; boundary=b", "content-length": str(2**40)}
    r = client.post("/omgang/2026/inlamning", content=b"x", headers=headers)
    assert r.status_code == 413
    assert "lästes inte" in text(r)


def test_too_many_files_and_no_form(client):
    many = upload(client, *[(f"{i}.yaml", b"x: 1") for i in range(13)])
    assert many.status_code == 413
    assert "högst 12 filer" in text(many)
    r = client.post("/omgang/2026/inlamning", content=b"filer=x", headers={"content-type": "text/plain"})
    assert r.status_code == 400
    assert "inget giltigt formulär" in text(r)
    broken = client.post("/omgang/2026/inlamning", content=b"--b\r\ngarbage",
                         headers={"content-type": "multipart/form-data; boundary=b"})  # fmt: skip
    assert broken.status_code in (200, 400)
    none = upload(client, ("", b""))  # what a browser sends when no file was chosen
    assert none.status_code == 400
    assert "Ingen fil valdes" in text(none)


def test_a_link_in_the_round_is_not_written_through(root, client, tmp_path):
    target = tmp_path / "utanfor.xlsx"
    target.write_bytes(b"untouched")
    path = party_file(root, "Regionen")
    path.unlink()
    path.symlink_to(target)
    data = f"förbund: {FORBUND}\når: 2026\nrespondent: Regionen\nfält: {{1: {{bedömning: 2}}}}\n"
    r = upload(client, ("r.xlsx", returned_yaml_as_xlsx(root, data, tmp_path)))
    assert "togs inte emot" in text(r)
    assert target.read_bytes() == b"untouched"


def returned_yaml_as_xlsx(root: Path, data: str, tmp_path: Path) -> bytes:
    """A filled workbook made by tolvfalt itself from YAML."""
    source = tmp_path / "svar.yaml"
    source.write_text(data, "utf-8")
    out = tmp_path / "svar.xlsx"
    assert cli("assess", source, "-o", out).exit_code == 0
    return out.read_bytes()


# --- field by field and the own part ----------------------------------------------------------------------------


def test_a_field_shows_each_party_side_by_side_and_saves_the_own_part(root, client, tmp_path):
    fk = returned(root, "Försäkringskassan", tmp_path / "fk.xlsx", {"4a": "Handläggarna räcker inte till."}, {4: 1})
    k = returned(root, "Kommunerna", tmp_path / "k.xlsx", {"4a": "Personalen räcker."}, {4: 4})
    upload(client, ("fk.xlsx", fk.read_bytes()), ("k.xlsx", k.read_bytes()))
    page = client.get("/omgang/2026/falt/4")
    shown = text(page)
    assert "Fält 4: Personal - Struktur och förutsättningar" in shown
    assert "Försäkringskassan Handläggarna räcker inte till. Kommunerna Personalen räcker." in shown
    assert "Försäkringskassan 1 Otillfredsställande Kommunerna 4 Mycket god" in shown
    assert "mellan 1 och 4. olika bedömningar – diskutera" in shown
    own = root / "2026" / "forbundschefens-del.yaml"
    assert not own.exists()
    analys = "Parterna ser olika på personalen.\r\n\r\nAndra stycket."
    data = form_data(page, bedömning="2", analys=analys, brister="För få handläggare\r\n\r\n", möjligheter="",
                     åtgärder="Gemensam utbildningsdag")  # fmt: skip
    r = client.post("/omgang/2026/falt/4", data=data)
    assert r.status_code == 303
    assert r.headers["location"] == "/omgang/2026/falt/4?sparat=1#egen-del"
    a = load(own)
    assert (a.forbund, a.ar, a.respondent) == (FORBUND, 2026, None)
    assert a.falt[4].bedomning == 2
    assert a.falt[4].analys == "Parterna ser olika på personalen.\n\nAndra stycket."
    assert a.falt[4].brister == ["För få handläggare"]
    assert a.falt[4].atgarder == ["Gemensam utbildningsdag"]
    after = client.get(r.headers["location"])
    assert "Sparat." in text(after)
    assert "checked" in re.search(r'<input[^>]*value="2"[^>]*>', after.text).group(0)  # type: ignore[union-attr]
    status = text(client.get("/omgang/2026/"))
    assert "Förbundschefens del forbundschefens-del.yaml ja 0/23 1" in status


def test_a_save_keeps_the_answers_and_the_rest_of_the_own_part(root, client):
    own = root / "2026" / "chefen.yaml"
    own.write_text(f"förbund: {FORBUND}\når: 2026\nförfattare: Förbundschefen\nfält:\n  4:\n    svar:\n"
                   "      a: Chefens eget svar.\n  7:\n    bedömning: 3\n", "utf-8")  # fmt: skip
    page = client.get("/omgang/2026/falt/4")
    assert "Sparas i chefen.yaml" in text(page)
    assert client.post("/omgang/2026/falt/4", data=form_data(page, analys="Ny analys.")).status_code == 303
    a = load(own)
    assert a.falt[4].svar == {"a": "Chefens eget svar."}
    assert a.falt[4].analys == "Ny analys."
    assert a.falt[7].bedomning == 3
    assert a.forfattare == "Förbundschefen"
    assert not (root / "2026" / "forbundschefens-del.yaml").exists()


def test_two_tabs_saving_one_field_never_overwrite_each_other(root, client):
    first_tab = client.get("/omgang/2026/falt/4")
    second_tab = client.get("/omgang/2026/falt/4")
    assert client.post("/omgang/2026/falt/4", data=form_data(first_tab, analys="Från första fliken.",
                                                             bedömning="3")).status_code == 303  # fmt: skip
    own = root / "2026" / "forbundschefens-del.yaml"
    saved = own.read_bytes()
    r = client.post("/omgang/2026/falt/4", data=form_data(second_tab, analys="Från andra fliken."))
    assert r.status_code == 409
    assert own.read_bytes() == saved
    shown = text(r)
    assert "Någon annan har ändrat det här under tiden" in shown
    assert "Analys – Från första fliken. Från andra fliken." in shown  # before, now in the file, what was typed
    assert "Bedömning Ej bedömd 3 God Ej bedömd" in shown
    assert ">Från andra fliken.</textarea>" in r.text  # nothing typed is lost
    again = client.post("/omgang/2026/falt/4", data=form_data(r, analys="Från andra fliken."))
    assert again.status_code == 303  # saved once the change has been seen
    assert load(own).falt[4].analys == "Från andra fliken."


def test_the_same_save_twice_is_no_conflict(root, client):
    page = client.get("/omgang/2026/falt/2")
    data = form_data(page, analys="Samma.")
    assert client.post("/omgang/2026/falt/2", data=data).status_code == 303
    assert client.post("/omgang/2026/falt/2", data=data).status_code == 303


def test_values_the_model_refuses_are_shown_and_nothing_is_written(root, client):
    page = client.get("/omgang/2026/falt/4")
    r = client.post("/omgang/2026/falt/4", data=form_data(page, bedömning="9", analys="Med \x07 klocka."))
    assert r.status_code == 422
    shown = text(r)
    assert "Inget sparades." in shown
    assert "bedömningen 9 ligger utanför skalan 1–4" in shown
    assert "otillåtet styrtecken" in shown
    assert not (root / "2026" / "forbundschefens-del.yaml").exists()


def test_an_own_part_that_cannot_be_read_is_never_written_over(root, client):
    own = root / "2026" / "forbundschefens-del.yaml"
    own.write_text(f"förbund: {FORBUND}\når: 2026\nfält: [trasig\n", "utf-8")
    page = client.get("/omgang/2026/falt/4")
    assert "kan inte sparas här förrän filen är rättad" in text(page)
    r = client.post("/omgang/2026/falt/4", data={"digest": "x", "base": "{}", "analys": "Skriv över."})
    assert r.status_code in (409, 422)
    assert own.read_text("utf-8") == f"förbund: {FORBUND}\når: 2026\nfält: [trasig\n"


def test_two_own_parts_are_named_and_neither_is_written(root, client):
    for name in ("a.yaml", "b.yaml"):
        (root / "2026" / name).write_text(f"förbund: {FORBUND}\når: 2026\n", "utf-8")
    page = text(client.get("/omgang/2026/falt/1"))
    assert "flera filer kan vara förbundschefens del (a.yaml, b.yaml)" in page
    r = client.post("/omgang/2026/falt/1", data={"digest": "", "base": "", "analys": "x"})
    assert r.status_code == 422
    assert (root / "2026" / "a.yaml").read_text("utf-8") == f"förbund: {FORBUND}\når: 2026\n"


def test_the_metadata_form(root, client):
    page = client.get("/omgang/2026/uppgifter")
    data = {"digest": hidden(page, "digest"), "base": hidden(page, "base"), "författare": "Förbundschefen",
            "befattning": "Förbundschef", "datum": "2026-12-20", "ort": "Exempelforsen",
            "inledning": "Årets kartläggning.", "sammanfattning": "", "avslutning": ""}  # fmt: skip
    assert client.post("/omgang/2026/uppgifter", data=data).status_code == 303
    a = load(root / "2026" / "forbundschefens-del.yaml")
    assert (a.forfattare, a.befattning, a.datum, a.inledning) == (
        "Förbundschefen", "Förbundschef", dt.date(2026, 12, 20), "Årets kartläggning.",
    )  # fmt: skip
    stale = client.post("/omgang/2026/uppgifter", data={**data, "författare": "Någon annan"})
    assert stale.status_code == 409
    assert "Författare – Förbundschefen Någon annan" in text(stale)  # before, now in the file, what was typed
    bad = client.get("/omgang/2026/uppgifter")
    r = client.post("/omgang/2026/uppgifter", data={**data, "digest": hidden(bad, "digest"),
                                                    "base": hidden(bad, "base"), "datum": "i morgon"})  # fmt: skip
    assert r.status_code == 422
    assert "ska vara ett datum" in text(r)


# --- the document -----------------------------------------------------------------------------------------------


def _returned_round(root: Path, client: Client, tmp_path: Path) -> None:
    fk = returned(root, "Försäkringskassan", tmp_path / "fk.xlsx", {"4a": "Handläggarna räcker inte till."}, {4: 1})
    k = returned(root, "Kommunerna", tmp_path / "k.xlsx", {"4a": "Personalen räcker."}, {4: 4})
    upload(client, ("fk.xlsx", fk.read_bytes()), ("k.xlsx", k.read_bytes()))
    (root / "2026" / "forbundschefens-del.yaml").write_text(
        f"förbund: {FORBUND}\når: 2026\nförfattare: Förbundschefen\nfält:\n  4:\n    analys: Olika syn.\n", "utf-8"
    )


def test_the_document_in_every_format(root, client, tmp_path):
    _returned_round(root, client, tmp_path)
    page = client.get("/omgang/2026/dokument")
    shown = text(page)
    assert "'Arbetsförmedlingen' har inte fyllt i något" in shown  # what merge warns of
    assert '<iframe class="preview" src="/omgang/2026/forhandsvisning" title=' in page.text
    preview = client.get("/omgang/2026/forhandsvisning")
    assert preview.headers["content-security-policy"] == DOCUMENT_POLICY
    assert "script" not in DOCUMENT_POLICY.replace("default-src", "")
    assert preview.headers["x-frame-options"] == "SAMEORIGIN"
    assert "Olika syn." in preview.text
    assert "Handläggarna räcker inte till." in preview.text
    expected = {"dokument.docx": ("kartlaggning-2026.docx", b"PK"), "dokument.xlsx": ("kartlaggning-2026.xlsx", b"PK"),
                "dokument.md": ("kartlaggning-2026.md", "# Kartläggning av samverkan 2026".encode()),
                "dokument.html": ("kartlaggning-2026.html", b"<!DOCTYPE html>"),
                "sammanstallning.yaml": ("sammanstallning-2026.yaml", "förbund:".encode()),
                "sammanstallning.html": ("sammanstallning-2026.html", b"<!DOCTYPE html>")}  # fmt: skip
    for name, (file, start) in expected.items():
        r = client.get(f"/omgang/2026/{name}")
        assert r.status_code == 200, name
        assert r.headers["content-disposition"] == f'attachment; filename="{file}"'
        assert start in r.content[:200], name
    merged = yaml.safe_load(client.get("/omgang/2026/sammanstallning.yaml").text)
    assert sorted(merged["svarande"]) == ["Försäkringskassan", "Kommunerna"]
    assert merged["författare"] == "Förbundschefen"


def test_the_document_says_why_it_cannot_be_made(client, root):
    page = client.get("/omgang/2026/dokument")
    assert page.status_code == 200
    assert "Dokumentet kan inte göras än." in text(page)
    assert "inga kartläggningar att läsa" in text(page)
    r = client.get("/omgang/2026/dokument.pdf")
    assert r.status_code == 422
    assert "inga kartläggningar att läsa" in text(r)


def test_pdf_download(root, client, tmp_path):
    pytest.importorskip("weasyprint")
    from clients import PDFTOTEXT, pdf_text

    _returned_round(root, client, tmp_path)
    r = client.get("/omgang/2026/dokument.pdf")
    assert r.headers["content-type"] == "application/pdf"
    if PDFTOTEXT:
        pdf = tmp_path / "k.pdf"
        pdf.write_bytes(r.content)
        assert "Olika syn." in pdf_text(pdf)


def test_pdf_without_weasyprint_is_said_on_the_page(root, client, tmp_path, monkeypatch):
    from tolvfalt.serve import documents

    _returned_round(root, client, tmp_path)
    monkeypatch.setattr(documents, "pdf_missing", lambda: "ImportError: No module named 'weasyprint'")
    monkeypatch.setattr("tolvfalt.serve.document_pages.pdf_missing", documents.pdf_missing)
    shown = text(client.get("/omgang/2026/dokument"))
    assert "PDF PDF skrivs med WeasyPrint, som inte kan läsas in" in shown
    assert "pip install 'tolvfalt[pdf]'" in shown
    assert 'href="/omgang/2026/dokument.pdf"' not in client.get("/omgang/2026/dokument").text


def test_the_comparison_with_earlier_years(root, client, framework, tmp_path):
    _returned_round(root, client, tmp_path)
    send_out(root / "2025", PARTIES, forbund=FORBUND, ar=2025, framework=framework)
    (root / "2025" / "forbundschefens-del.yaml").write_text(
        f"förbund: {FORBUND}\når: 2025\nfält:\n  4:\n    bedömning: 3\n", "utf-8"
    )
    page = client.get("/jamforelse")
    assert "Jämförelsen bygger på 4 filer i mappen." in text(page)
    preview = client.get("/jamforelse/forhandsvisning")
    assert "<svg" in preview.text
    assert preview.headers["content-security-policy"] == DOCUMENT_POLICY
    csv = client.get("/jamforelse.csv").content.decode("utf-8-sig").splitlines()
    assert csv[0].startswith("fil,förbund,år,respondent")
    assert {line.split(",")[2] for line in csv[1:]} == {"2025", "2026"}
    assert client.get("/jamforelse.docx").status_code == 404


def test_the_zip_holds_only_the_workbooks_still_out(root, client, tmp_path):
    k = returned(root, "Kommunerna", tmp_path / "k.xlsx", {"4a": "Svar."}, {})
    upload(client, ("k.xlsx", k.read_bytes()))
    with zipfile.ZipFile(io.BytesIO(client.get("/omgang/2026/arbetsbocker.zip").content)) as archive:
        assert sorted(archive.namelist()) == sorted(file_name(FORBUND, 2026, p) for p in PARTIES if p != "Kommunerna")


def test_a_round_file_naming_files_outside_is_not_followed(root, client, tmp_path):
    plan = root / "2026" / "omgang.yaml"
    secret = tmp_path / "hemlig.xlsx"
    secret.write_bytes(b"hemligt")
    plan.write_text(plan.read_text("utf-8").replace(file_name(FORBUND, 2026, "Regionen"), "../../hemlig.xlsx"),
                    "utf-8")  # fmt: skip
    r = client.get("/omgang/2026/arbetsbocker.zip")
    assert b"hemligt" not in r.content
    if r.headers.get("content-type", "").startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(r.content)) as archive:
            assert all(archive.read(n) != b"hemligt" for n in archive.namelist())
            assert "../../hemlig.xlsx" not in archive.namelist()
    else:  # the round file is refused as it is read: a page in words, never a 500
        assert r.status_code < 500
        assert "omgang.yaml" in r.text


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(analys=st.text(max_size=300), items=st.lists(st.text(max_size=40), max_size=4))
def test_any_text_typed_is_saved_or_refused_in_words(root, client, analys, items):
    page = client.get("/omgang/2026/falt/9")
    r = client.post("/omgang/2026/falt/9", data=form_data(page, analys=analys, brister="\n".join(items)))
    assert r.status_code in (303, 409, 422), r.text[:300]
    if r.status_code == 303:
        saved = load(root / "2026" / "forbundschefens-del.yaml").falt.get(9)  # what was written loads back
        assert (saved is not None and saved.analys is not None) == bool(analys.strip())


# --- the command ------------------------------------------------------------------------------------------------


def test_serve_without_the_web_stack_says_how_to_install(monkeypatch, tmp_path):
    import tolvfalt.serve

    monkeypatch.setattr(tolvfalt.serve, "missing_stack", lambda: "starlette")
    run = cli("serve", tmp_path, "--no-open")
    assert run.exit_code == 1
    assert "pip install 'tolvfalt[serve]'" in run.stderr
    assert "starlette saknas" in run.stderr


def _start(args: list[str], cwd: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "tolvfalt", "serve", *args], cwd=cwd, stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stderr is not None
    line = proc.stderr.readline()
    found = re.search(r"på (http://\S+)", line)
    assert found, line + proc.stderr.read()
    return proc, found.group(1)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_its_address_answers_and_stops_cleanly(root, tmp_path, stop):
    proc, url = _start([str(root), "--no-open", "--port", "0"], tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert "Exempelforsens Samordningsförbund" in response.read().decode()
        proc.send_signal(stop)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "tolvfalt serve har stoppats." in err
    assert "Traceback" not in err


def test_serve_beyond_loopback_prints_a_token_and_asks_for_it(root, tmp_path):
    proc, url = _start([str(root), "--no-open", "--port", "0", "--host", "0.0.0.0"], tmp_path)
    try:
        assert proc.stderr is not None
        also = proc.stderr.readline()
        assert f"och från andra datorer på http://{socket.gethostname()}:" in also
        assert "?token=" in url
        bare = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(bare, timeout=10)
        assert refused.value.code == 403
        refused.value.close()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(url, timeout=10) as response:
            assert response.status == 200
            assert response.url == bare  # redirected to the address without the token
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
    assert proc.returncode == 0


def test_serve_on_a_port_in_use_says_so(root):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = cli("serve", root, "--no-open", "--port", str(port))
    assert run.exit_code == 1
    assert f"porten {port} på 127.0.0.1 används redan" in run.stderr


def test_serve_needs_a_folder(tmp_path):
    run = cli("serve", tmp_path / "finns-inte", "--no-open")
    assert run.exit_code in (1, 2)
    assert "Traceback" not in run.stderr
