"""Start-up cost of the command line, as ratios against importing what it stands on, measured in one run: the
median ratio of wall-clock times of runs in turn, and of their CPU times.

python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import paired, runs_from_command_line, tolvfalt_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "2009.yaml"
CLI = tolvfalt_command()


def py(code: str) -> list[str]:
    return [sys.executable, "-c", code]


BASE = "import typer, rich.console, yaml; from pydantic import BaseModel"
FLOOR = BASE + "\nclass M(BaseModel):\n    x: int\nM(x=1)"
"""A pydantic program's floor, counted fairly: the libraries imported and one trivial model built and used."""
OUT = Path(tempfile.mkdtemp())
HTML = OUT / "k.html"
WEASYPRINT_ALONE = (
    f"import weasyprint; weasyprint.HTML(filename={str(HTML)!r})"
    f".write_pdf({str(OUT / 'w.pdf')!r}, pdf_variant='pdf/a-2a')"
)
CASES = [
    ("tolvfalt --help", [*CLI, "--help"], "import typer", py("import typer"), 1.05),
    (
        "tolvfalt assess 2009.yaml (terminal)",
        [*CLI, "assess", str(EXAMPLE), "--format", "terminal"],
        "the pydantic floor",
        py(FLOOR),
        1.15,
    ),
    (
        "tolvfalt assess 2009.yaml -o k.docx",
        [*CLI, "assess", str(EXAMPLE), "-o", str(OUT / "k.docx")],
        "the floor and import docx",
        py(FLOOR + "\nimport docx"),
        1.35,
    ),
    (
        "tolvfalt assess 2009.yaml -o k.pdf",
        [*CLI, "assess", str(EXAMPLE), "-o", str(OUT / "k.pdf")],
        "WeasyPrint writing the same HTML",
        py(WEASYPRINT_ALONE),
        1.05,
    ),
]


def main() -> None:
    runs = runs_from_command_line(__doc__, 31)
    import subprocess

    subprocess.run([*CLI, "assess", str(EXAMPLE), "-o", str(HTML)], check=True, capture_output=True)
    print(f"{'command':40} {'time':>8} {'baseline':>36} {'time':>8} {'ratio':>6} {'cpu':>6} {'target':>6}")
    for name, cmd, base_name, base, target in CASES:
        ours, theirs, ratio, cpu = paired(cmd, base, runs)
        times = f"{ours * 1000:6.0f}ms {base_name:>36} {theirs * 1000:6.0f}ms"
        print(f"{name:40} {times} {ratio:6.2f} {cpu:6.2f} {target:6.2f}")


if __name__ == "__main__":
    main()
