"""compare over 10, 100 and 1,000 generated assessments: time per file, the 1,000/100 ratio, and the total.

python benchmarks/compare.py
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import tolvfalt_command

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tolvfalt.formats.data import assessment_yaml as to_yaml
from tolvfalt.model import Assessment
from tolvfalt.read.framework import default_framework

WORDS = [
    "samverkan", "insats", "deltagare", "myndighet", "förbund", "mål",
    "resultat", "personal", "uppföljning", "budget", "styrelse",
]  # fmt: skip


def generate(folder: Path, n: int, seed: int = 1) -> None:
    """``n`` assessments: 10 förbund (100 from 10,000 files on) over the years, every question answered with about
    120 words."""
    rng = random.Random(seed)
    fw = default_framework()
    forbund = max(10, n // 100)
    for i in range(n):
        fields = {}
        for field in fw.fields:
            fields[field.number] = {
                "svar": {q.letter: " ".join(rng.choices(WORDS, k=120)) for q in field.questions},
                "bedömning": rng.randint(1, 4),
                "brister": [f"brist {rng.randint(1, 5)}"],
                "åtgärder": [f"åtgärd {rng.randint(1, 5)}"],
            }
        data = {"förbund": f"Förbund {i % forbund}", "år": 2000 + i // forbund, "fält": fields}
        (folder / f"{i:05d}.yaml").write_text(to_yaml(Assessment.model_validate(data)), "utf-8")


def main() -> None:
    cli = tolvfalt_command()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10, 100, 1000):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            generate(folder, n)
            start = time.perf_counter()
            subprocess.run([*cli, "compare", str(folder), "-o", str(Path(tmp) / f"{n}.json")], check=True)
            results[n] = time.perf_counter() - start
            print(f"{n:5d} files  {results[n]:7.2f} s  {results[n] / n * 1000:7.2f} ms per file")
    print(f"ratio 1000/100: {results[1000] / results[100]:.2f} (target ≤ 11)")
    print(f"total for 1000: {results[1000]:.2f} s (target < 10 s)")


if __name__ == "__main__":
    main()
