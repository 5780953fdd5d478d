"""How fast this machine runs plain Python at the moment a benchmark starts (and ends).

The development machine's speed drifts by a factor of two or more between hours and days (a
shared host), so every benchmark prints this line beside its figures: two tables are
comparable only when their lines are close. Standard library only, so that
``bench_engine.py`` can print it before NumPy is imported.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ADDITIONS = 1_000_000  # one timed loop
REPEATS = 5  # the best of these is printed


def python_loop_ms(repeats: int = REPEATS) -> float:
    """Best wall time, in ms, of a pure-Python loop of ``ADDITIONS`` integer additions."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        total = 0
        for n in range(ADDITIONS):
            total += n
        best = min(best, time.perf_counter() - started)
    return 1000 * best


def cpu_model() -> str:
    """The first ``model name`` of ``/proc/cpuinfo``, or ``"unknown CPU"``."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def load_average() -> str:
    """The 1-minute load average, two decimals (as ``/proc/loadavg`` has it), or "unknown"."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def machine_line(when: str = "at start") -> str:
    """One line: cores, CPU model, load average and the plain-Python speed, right now.

    Returns
    -------
    str
        ``"machine at start: 2 cores (…), 1-min load average 0.05; plain Python 66 ms per
        million additions (best of 5; lower is faster)"``.
    """
    return (
        f"machine {when}: {os.cpu_count()} cores ({cpu_model()}), "
        f"1-min load average {load_average()}; "
        f"plain Python {python_loop_ms():.0f} ms per million additions "
        f"(best of {REPEATS}; lower is faster)"
    )
