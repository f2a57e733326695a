"""Finding last year's file costs what reading the headers costs: ``assess one.yaml -o x.md`` in a folder of 1,000
assessments against the same in a folder of 10, paired in one run (target: ratio ≤ 1.2). In both folders the file
has exactly one last year's, which is loaded and compared with.

python benchmarks/previous.py [--runs N]
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from compare import generate
from timing import paired_times, runs_from_command_line, tolvfalt_command

TARGET = 1.2


def main() -> None:
    runs = runs_from_command_line(__doc__, 15)
    cli = tolvfalt_command()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "1000", Path(tmp) / "10"
        big.mkdir()
        small.mkdir()
        generate(big, 1000)  # 10 förbund over 100 years: 00500 is Förbund 0 in 2050, 00490 the year before
        for name in ("00490.yaml", "00500.yaml", *(f"{i:05d}.yaml" for i in range(1, 9))):
            shutil.copy(big / name, small / name)
        out = Path(tmp) / "x.md"
        ours, base, ratio = paired_times(
            [*cli, "assess", str(big / "00500.yaml"), "-o", str(out)],
            [*cli, "assess", str(small / "00500.yaml"), "-o", str(out)],
            runs,
        )
        print(f"assess in a folder of 1,000: {ours * 1000:6.0f} ms")
        print(f"assess in a folder of    10: {base * 1000:6.0f} ms")
        print(f"ratio {ratio:.2f} (target ≤ {TARGET})")


if __name__ == "__main__":
    main()
