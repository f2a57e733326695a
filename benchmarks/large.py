"""Time and peak memory of the command line on large inputs: a 19 MB YAML file, a workbook with 1,000,000 filled
rows (refused by the sheet limit, which is what is timed), and compare over 1,000 and 10,000 files to JSON (target
under 300 MB for 10,000) and to CSV (written a row at a time: the floor JSON is measured against).

python benchmarks/large.py
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from compare import generate
from timing import tolvfalt_command

ROOT = Path(__file__).resolve().parent.parent


def measure(args: list[str]) -> tuple[float, float, int]:
    """Seconds, peak resident memory in MB (the process and the workers it waited for), and the exit code."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, process.returncode


def big_yaml(path: Path, megabytes: int) -> None:
    words = [
        "samverkan",
        "insats",
        "deltagare",
        "myndighet",
        "förbund",
        "mål",
        "resultat",
        "personal",
        "uppföljning",
        "budget",
    ]
    answer = " ".join(words[i % len(words)] for i in range(megabytes * 2**20 // 23 // 9))
    write_answers(path, answer)


def write_answers(path: Path, answer: str) -> None:
    """An assessment whose 23 questions each have ``answer`` (one line) as their answer."""
    lines = ["förbund: Stora förbundet", "år: 2024", "fält:"]
    for n in range(1, 13):
        lines += [f"  {n}:", "    svar:"]
        for letter in "abc"[: 2 if n < 11 else 1] if n != 1 else "abc":
            lines += [f"      {letter}: |", f"        {answer}"]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def million_rows(path: Path) -> None:
    import openpyxl

    template = openpyxl.load_workbook(ROOT / "templates" / "tolvfaltaren.xlsx")
    wb = openpyxl.Workbook(write_only=True)
    for title in template.sheetnames:
        ws = wb.create_sheet(title)
        source = template[title]
        for row in source.iter_rows(values_only=True):
            ws.append(list(row))
        if title == "Svar":
            for i in range(1_000_000 - source.max_row):
                ws.append(["1a", 1, None, None, None, f"rad {i}"])
    wb.save(path)


def main() -> None:
    cli = tolvfalt_command()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        yaml_file = folder / "stor.yaml"
        big_yaml(yaml_file, 19)
        seconds, megabytes, code = measure([*cli, "assess", str(yaml_file), "-o", str(folder / "s.md")])
        size = yaml_file.stat().st_size / 2**20
        print(f"assess {size:.1f} MB YAML -o .md: {seconds:.2f} s, {megabytes:.0f} MB, exit {code}")
        workbook = folder / "miljon.xlsx"
        million_rows(workbook)
        seconds, megabytes, code = measure([*cli, "assess", str(workbook), "-o", str(folder / "m.md")])
        size = workbook.stat().st_size / 2**20
        print(f"assess workbook of 1,000,000 rows ({size:.1f} MB): {seconds:.2f} s, {megabytes:.0f} MB, exit {code}")
        for n in (1_000, 10_000):
            files = folder / str(n)
            files.mkdir()
            generate(files, n)
            for suffix in ("json", "csv"):
                seconds, megabytes, code = measure([*cli, "compare", str(files), "-o", str(folder / f"{n}.{suffix}")])
                print(f"compare {n:6,} files to {suffix.upper():4}: {seconds:.2f} s, {megabytes:.0f} MB, exit {code}")


if __name__ == "__main__":
    main()
