"""Shared by the benchmarks: wall-clock time of a command, and how to run the installed command line."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_time(cmd: list[str], runs: int) -> float:
    """The median of ``runs`` wall-clock times, after one warm-up run."""
    subprocess.run(cmd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_times(cmd: list[str], base: list[str], runs: int) -> tuple[float, float, float]:
    """Medians of ``cmd`` and ``base`` run in turn (so that both see the same machine), and the median of the
    ratios of each pair."""
    subprocess.run(cmd, capture_output=True, check=True)
    subprocess.run(base, capture_output=True, check=True)
    ours, theirs = [], []
    for _ in range(runs):
        for command, times in ((cmd, ours), (base, theirs)):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    return statistics.median(ours), statistics.median(theirs), statistics.median(ratios)


def tolvfalt_command() -> list[str]:
    """The console script beside this Python, as a user runs it; ``python -m tolvfalt`` if there is none."""
    script = shutil.which("tolvfalt", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "tolvfalt"]
