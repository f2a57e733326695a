"""``tolvfalt serve`` end to end in real Chromium, by keyboard alone: start a round, download its workbooks,
return two filled ones through the file input, write an analys in a field's form, download the PDF and read it
back. axe-core runs on every page on the way, and every control reached shows its focus."""

from __future__ import annotations

import io
import re
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from clients import CHROMIUM, needs_chromium, needs_pdftotext, pdf_text
from test_publishing import AXE_TAGS, needs_weasyprint
from test_round import FORBUND, PARTIES, _fill

from tolvfalt import load
from tolvfalt.round import file_name

pytestmark = [needs_chromium, needs_weasyprint, needs_pdftotext]

ANALYS = "Parterna ser olika på personalen; det tas upp i beredningsgruppen."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "forbund"
    root.mkdir()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tolvfalt", "serve", str(root), "--no-open", "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert f"http://127.0.0.1:{port}/" in line, line
    yield f"http://127.0.0.1:{port}", root
    proc.terminate()
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


class Visit:
    """A keyboard user's browser: every page is checked with axe-core, every focus stop must be visible."""

    def __init__(self, page: object) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page = page
        self.axe = Axe()
        self.checked: dict[str, list[tuple[str, str]]] = {}
        self.stops = 0
        self.policy_errors: list[str] = []
        page.on("console", self._console)  # type: ignore[attr-defined]

    def _console(self, message: object) -> None:
        text = message.text  # type: ignore[attr-defined]
        if "Content Security Policy" in text or "Refused to" in text:
            self.policy_errors.append(text)

    def check(self, name: str, page: object = None) -> None:
        result = self.axe.run(page or self.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert result.response["passes"], name  # axe really ran
        self.checked[name] = [(v["id"], v["nodes"][0]["html"][:120]) for v in result.response["violations"]]

    def focused(self) -> dict[str, str]:
        return self.page.evaluate(  # type: ignore[attr-defined, no-any-return]
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                const r = e.getBoundingClientRect();
                return {tag: e.tagName, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim(),
                        id: e.id, type: e.type || '', outline: s.outlineStyle, width: s.outlineWidth,
                        visible: String(r.width > 0 && r.height > 0)}; }"""
        )

    def tab_to(self, matches: object, limit: int = 150, key: str = "Tab") -> dict[str, str]:
        """Press Tab until the focused control matches; every control passed on the way shows its focus."""
        for _ in range(limit):
            self.page.keyboard.press(key)  # type: ignore[attr-defined]
            now = self.focused()
            if now["tag"] == "BODY":
                continue
            self.stops += 1
            assert now["outline"] not in ("none", ""), now
            assert float(now["width"].removesuffix("px")) >= 2, now
            assert now["visible"] == "true", now
            if matches(now):  # type: ignore[operator]
                return now
        raise AssertionError(f"not reached by Tab: {matches}")


def _text(page: object) -> str:
    return re.sub(r"\s+", " ", page.inner_text("main"))  # type: ignore[attr-defined]


def test_a_round_from_start_to_pdf_by_keyboard(served, tmp_path):
    from playwright.sync_api import sync_playwright

    url, root = served
    assert CHROMIUM
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(accept_downloads=True, locale="sv-SE")
        page = context.new_page()
        v = Visit(page)

        page.goto(url + "/")
        v.check("översikt")
        skip = v.tab_to(lambda f: True)
        assert skip["text"] == "Hoppa till innehållet"  # the first stop
        v.tab_to(lambda f: f["text"] == "Starta en ny omgång")
        page.keyboard.press("Enter")
        page.wait_for_url("**/ny")
        v.check("ny omgång")

        v.tab_to(lambda f: f["id"] == "forbund")
        page.keyboard.type(FORBUND)
        v.tab_to(lambda f: f["id"] == "ar")
        page.keyboard.press("Control+A")
        page.keyboard.type("2026")
        v.tab_to(lambda f: f["id"] == "parties")
        assert page.input_value("#parties") == "\n".join(PARTIES)
        v.tab_to(lambda f: f["id"] == "deadline")
        page.keyboard.type("2026-12-15")
        v.tab_to(lambda f: f["id"] == "contact")
        page.keyboard.type("kansliet@exempelforsen.example")
        v.tab_to(lambda f: f["tag"] == "BUTTON")
        page.keyboard.press("Enter")
        page.wait_for_url("**/omgang/2026/?startad=1")
        assert "Omgången är startad: 4 arbetsböcker" in _text(page)
        v.check("omgången startad")

        v.tab_to(lambda f: f["text"] == "Ladda ned arbetsböckerna (zip)")
        with page.expect_download() as zipped:
            page.keyboard.press("Enter")
        with zipfile.ZipFile(io.BytesIO(Path(zipped.value.path()).read_bytes())) as archive:
            assert sorted(archive.namelist()) == sorted(file_name(FORBUND, 2026, party) for party in PARTIES)

        folder = root / "2026"
        fk, k = tmp_path / "fk.xlsx", tmp_path / "kommunen.xlsx"
        fk.write_bytes((folder / file_name(FORBUND, 2026, "Försäkringskassan")).read_bytes())
        k.write_bytes((folder / file_name(FORBUND, 2026, "Kommunerna")).read_bytes())
        _fill(fk, {"4a": "Handläggarna räcker inte till."}, {4: 1}, "Handläggare FK")
        _fill(k, {"4a": "Personalen räcker.", "1a": "Ja."}, {4: 4, 1: 3}, "Samordnare")

        page.evaluate("""() => { const t = new DataTransfer(); t.items.add(new File(['x'], 'släppt.xlsx'));
            const zone = document.querySelector('[data-dropzone]');
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: t, bubbles: true, cancelable: true})); }""")
        assert page.inner_text("[data-dropzone-list]") == "släppt.xlsx"  # dropping works where script runs
        v.tab_to(lambda f: f["id"] == "files")
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files([fk, k])
        v.tab_to(lambda f: f["text"] == "Lämna in")
        with page.expect_navigation():  # the answer to the form's POST, not the page it was sent from
            page.keyboard.press("Enter")
        shown = _text(page)
        assert "fk.xlsx: inlämnad för Försäkringskassan" in shown
        assert "kommunen.xlsx: inlämnad för Kommunerna" in shown
        assert "2 av 4 parter har lämnat in." in shown
        v.check("inlämnat")

        v.tab_to(lambda f: f["text"] == "Fält 4")
        page.keyboard.press("Enter")
        page.wait_for_url("**/falt/4")
        assert "Försäkringskassan Handläggarna räcker inte till." in _text(page)
        v.check("fält 4")
        other_tab = context.new_page()
        other_tab.goto(page.url)
        entered = v.tab_to(lambda f: f["type"] == "radio")
        assert entered["id"] == "rating-none"  # the group is entered at its choice: not rated yet
        page.keyboard.press("ArrowDown")  # round to the first step of the scale, then the second
        page.keyboard.press("ArrowDown")
        assert page.is_checked("#rating-2")
        v.tab_to(lambda f: f["id"] == "analys")
        page.keyboard.type(ANALYS)
        v.tab_to(lambda f: f["text"] == "Spara")
        page.keyboard.press("Enter")
        page.wait_for_url("**/falt/4?sparat=1*")
        assert "Sparat." in _text(page)
        v.check("fält 4 sparat")
        own = load(folder / "forbundschefens-del.yaml")
        assert own.falt[4].analys == ANALYS
        assert own.falt[4].bedomning == 2

        other_tab.fill("#analys", "Skrivet i en annan flik.")
        other_tab.click("button[type=submit]")
        other_tab.wait_for_selector("#conflict")
        assert "Någon annan har ändrat det här under tiden" in _text(other_tab)
        assert load(folder / "forbundschefens-del.yaml").falt[4].analys == ANALYS  # the first save stands
        v.check("krock", other_tab)
        other_tab.close()

        page.goto(url + "/omgang/2026/uppgifter")
        v.check("uppgifter")
        page.goto(url + "/omgang/2026/")
        v.tab_to(lambda f: f["text"] == "Förhandsgranska och ladda ned dokumentet")
        page.keyboard.press("Enter")
        page.wait_for_url("**/dokument")
        v.check("dokumentet")
        assert page.frame_locator("iframe.preview").locator("h1").inner_text().startswith("Kartläggning av samverkan")
        v.tab_to(lambda f: f["text"] == "PDF")
        with page.expect_download() as pdf:
            page.keyboard.press("Enter")
        saved = tmp_path / "kartlaggning-2026.pdf"
        pdf.value.save_as(saved)
        assert pdf.value.suggested_filename == "kartlaggning-2026.pdf"
        read = pdf_text(saved)
        assert ANALYS in read
        assert "Handläggarna räcker inte till." in read
        assert "Personalen räcker." in read

        for name, path in (("förhandsgranskning", "/omgang/2026/forhandsvisning"), ("jämförelse", "/jamforelse"),
                           ("saknas", "/omgang/1999/")):  # fmt: skip
            page.goto(url + path)
            v.check(name)
        browser.close()
    assert not any(v.checked.values()), v.checked
    assert len(v.checked) == 12
    assert v.stops > 30
    assert v.policy_errors == []
