"""tolvfalt serve, as ratios measured in one run: the time from starting ``tolvfalt serve`` to its first answer of
"/" against importing the web stack it stands on; and the status and field pages of a round of 4 and of 40 parties
(every workbook filled in) against reading that round with the library (``tolvfalt.round.status``).

python benchmarks/serve.py [--runs N]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from timing import runs_from_command_line, tolvfalt_command

CLI = tolvfalt_command()
STACK = "import uvicorn, starlette.applications, starlette.routing, python_multipart"
BASE = "import typer, rich.console, yaml, jinja2; from pydantic import BaseModel"
"""What every tolvfalt command that reads a file loads (benchmarks/startup.py), and the templates' jinja2."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def first_answer(folder: Path) -> float:
    """Seconds from starting the command to the first complete answer of "/"."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    start = time.perf_counter()
    proc = subprocess.Popen([*CLI, "serve", str(folder), "--no-open", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    response.read()
                    return time.perf_counter() - start
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("tolvfalt serve stopped") from None
                time.sleep(0.002)
    finally:
        proc.terminate()
        proc.wait()


def importing(code: str) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    return run


def paired(ours: Callable[[], float], floor: Callable[[], float], runs: int) -> tuple[float, float, float]:
    """Medians of both, run in turn after a warm-up each, and the median of the ratios of each pair."""
    ours(), floor()
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(floor())
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b, strict=True))


def make_round(folder: Path, parties: int) -> Path:
    """A round of ``parties`` parties, each workbook filled in: an answer to every question, every field rated."""
    import openpyxl

    from tolvfalt.api import send_out
    from tolvfalt.read.framework import default_framework

    names = [f"Part {i + 1}" for i in range(parties)]
    round_folder = folder / "2026"
    written = send_out(round_folder, names, forbund="Exempelforsens Samordningsförbund", ar=2026,
                       deadline=dt.date(2026, 12, 15), framework=default_framework())  # fmt: skip
    for path in written[:-1]:
        wb = openpyxl.load_workbook(path)
        ws = wb["Svar"]
        header = [c.value for c in ws[1]]
        answer, rating = header.index("Svar") + 1, header.index("Bedömning") + 1
        for row in ws.iter_rows(min_row=2):
            if row[0].value:
                ws.cell(row[0].row, answer).value = f"Svar på {row[0].value}. " * 20
                cell = ws.cell(row[0].row, rating)
                if not isinstance(cell, openpyxl.cell.cell.MergedCell):
                    cell.value = str(1 + row[0].row % 4)
        wb.save(path)
    return round_folder


def page_times(folder: Path, runs: int) -> dict[str, tuple[float, float, float]]:
    """The status and field pages through the app in this process, each paired with the library's status."""
    import httpx

    from tolvfalt.read.framework import default_framework
    from tolvfalt.round import status
    from tolvfalt.serve import create_app

    fw = default_framework()
    app = create_app(folder, fw)
    loop = asyncio.new_event_loop()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8012")

    def get(path: str) -> float:
        start = time.perf_counter()
        response = loop.run_until_complete(client.get(path))
        assert response.status_code == 200, response.status_code
        return time.perf_counter() - start

    def library() -> float:
        start = time.perf_counter()
        status(folder / "2026", fw)
        return time.perf_counter() - start

    try:
        return {
            "status": paired(lambda: get("/omgang/2026/"), library, runs),
            "field": paired(lambda: get("/omgang/2026/falt/4"), library, runs),
        }
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()


def main() -> None:
    runs = runs_from_command_line(__doc__, 15)
    with tempfile.TemporaryDirectory() as tmp:
        rounds = {n: make_round(Path(tmp) / f"r{n}", n).parent for n in (4, 40)}
        print(f"{'case':44} {'time':>8} {'baseline':>44} {'time':>8} {'ratio':>6}")
        for name, code in (("import uvicorn, starlette, multipart", STACK),
                           ("the same, and what every command loads", f"{STACK}; {BASE}")):  # fmt: skip
            ours, floor, ratio = paired(lambda: first_answer(rounds[4]), importing(code), runs)
            print(f"{'tolvfalt serve → first answer of /':44} {ours * 1000:6.0f}ms {name:>44} {floor * 1000:6.0f}ms"
                  f" {ratio:6.2f}")  # fmt: skip
        pages = {n: page_times(folder, runs) for n, folder in rounds.items()}
        for n in (4, 40):
            for page, path in (("status", "/omgang/2026/"), ("field", "/omgang/2026/falt/4")):
                ours, floor, ratio = pages[n][page]
                print(f"{f'{path} ({n} parties)':44} {ours * 1000:6.0f}ms {f'round.status() ({n} parties)':>44}"
                      f" {floor * 1000:6.0f}ms {ratio:6.2f}")  # fmt: skip
        for page in ("status", "field"):
            print(f"{page} page, 40 parties against 4: {pages[40][page][0] / pages[4][page][0]:.1f}×")


if __name__ == "__main__":
    main()
