"""Shared by the benchmarks: wall-clock time of a command, and how to run the installed command line."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

# An installed package has its bytecode (pip compiles it as it installs). With PYTHONDONTWRITEBYTECODE, an editable
# install would compile every module of its own on every run, and that, not the program, would be measured: the
# warm-up run writes the bytecode, for the program and its baseline alike.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


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
    ours, theirs, ratio, _ = paired(cmd, base, runs)
    return ours, theirs, ratio


def paired(cmd: list[str], base: list[str], runs: int) -> tuple[float, float, float, float]:
    """``paired_times`` and the median ratio of the CPU time (user and system, of the process and what it waited
    for) of each pair: less swayed than the wall clock by what else the machine does."""
    subprocess.run(cmd, capture_output=True, check=True)
    subprocess.run(base, capture_output=True, check=True)
    ours, theirs, ours_cpu, theirs_cpu = [], [], [], []
    for _ in range(runs):
        for command, times, cpu in ((cmd, ours, ours_cpu), (base, theirs, theirs_cpu)):
            before = _children_cpu()
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
            cpu.append(_children_cpu() - before)
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    cpu_ratios = [a / b for a, b in zip(ours_cpu, theirs_cpu, strict=True)]
    return statistics.median(ours), statistics.median(theirs), statistics.median(ratios), statistics.median(cpu_ratios)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tolvfalt_command() -> list[str]:
    """The console script beside this Python, as a user runs it; ``python -m tolvfalt`` if there is none."""
    script = shutil.which("tolvfalt", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "tolvfalt"]


def runs_from_command_line(description: str | None, default: int) -> int:
    """The ``--runs N`` a benchmark is started with."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=default)
    return int(parser.parse_args().runs)
