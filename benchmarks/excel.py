"""Loading a filled workbook, as a ratio to importing openpyxl, measured in one run.

python benchmarks/excel.py [--runs N]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_time, runs_from_command_line, tolvfalt_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "2009.yaml"


def main() -> None:
    runs = runs_from_command_line(__doc__, 15)
    cli = tolvfalt_command()
    with tempfile.TemporaryDirectory() as tmp:
        filled = Path(tmp) / "2009.xlsx"
        subprocess.run([*cli, "assess", str(EXAMPLE), "-o", str(filled)], capture_output=True, check=True)
        cases = [
            ("tolvfalt check 2009.xlsx", [*cli, "check", str(filled)]),
            ("tolvfalt check 2009.yaml", [*cli, "check", str(EXAMPLE)]),
            ("python -c 'import openpyxl'", [sys.executable, "-c", "import openpyxl"]),
        ]
        times = {name: median_time(cmd, runs) for name, cmd in cases}
        load_in_process = [
            sys.executable,
            "-c",
            (
                "import time,sys; from pathlib import Path; from tolvfalt.read import load; p=Path(sys.argv[1]);"
                "load(p); t=time.perf_counter(); [load(p) for _ in range(20)];"
                "print((time.perf_counter()-t)/20)"
            ),
            str(filled),
        ]
        per_load = float(subprocess.run(load_in_process, capture_output=True, text=True, check=True).stdout)
    base = times["python -c 'import openpyxl'"]
    for name, seconds in times.items():
        print(f"{name:32} {seconds * 1000:7.0f} ms   ratio to import openpyxl {seconds / base:5.2f}")
    print(f"{'load(2009.xlsx) in process':32} {per_load * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
