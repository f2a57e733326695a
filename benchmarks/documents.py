"""Time and peak memory of the yearly document on inputs far beyond a real kartläggning (some 30 kB): one answer of
5 MB, 900,000 points, and a word of 3,000 characters, in every document format. Each must give a document or a
refusal within 45 s and 2 GB (docs/format.md, "Limits").

python benchmarks/documents.py [--formats md,html,pdf,docx] [--timeout 120]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from timing import tolvfalt_command

WORDS = ["samverkan", "insats", "deltagare", "myndighet", "förbund", "mål", "resultat", "personal", "budget"]


def measure(args: list[str], timeout: float) -> tuple[float, float, str]:
    """Seconds, peak resident memory in MB, and the outcome: the exit code, or that it was stopped."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            seconds = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            return seconds, usage.ru_maxrss / 1024, f"exit {code}"
        if time.perf_counter() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            _, _, usage = os.wait4(process.pid, 0)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, "stopped"
        time.sleep(0.05)


def big_answer(path: Path, megabytes: float) -> None:
    words = (WORDS[i % len(WORDS)] for i in range(int(megabytes * 2**20 / 9)))
    path.write_text(
        f"förbund: Stora förbundet\når: 2024\nfält:\n  1:\n    svar:\n      a: {' '.join(words)}\n", "utf-8"
    )


def many_points(path: Path, n: int) -> None:
    items = "".join(f"      - brist {i}\n" for i in range(n))
    path.write_text(f"förbund: Stora förbundet\når: 2024\nfält:\n  1:\n    brister:\n{items}", "utf-8")


def long_word(path: Path, length: int) -> None:
    word = "samverkan" * (length // 9)
    head = f"förbund: Stora förbundet\når: 2024\ninsatser: [{word[:200]}]\n"
    path.write_text(head + f"fält:\n  1:\n    svar:\n      a: Före {word} efter\n    brister: [{word}]\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--formats", default="md,html,pdf,docx")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    cli = tolvfalt_command()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = {
            "answer of 5 MB": (big_answer, 5),
            "900,000 points": (many_points, 900_000),
            "a word of 3,000 characters": (long_word, 3_000),
        }
        print(f"{'input':28} {'format':6} {'time':>8} {'memory':>8}  outcome")
        for name, (make, size) in inputs.items():
            source = folder / "in.yaml"
            make(source, size)
            for fmt in args.formats.split(","):
                out = folder / f"out.{fmt}"
                seconds, megabytes, outcome = measure([*cli, "assess", str(source), "-o", str(out)], args.timeout)
                print(f"{name:28} {fmt:6} {seconds:7.1f}s {megabytes:6.0f}MB  {outcome}")


if __name__ == "__main__":
    main()
