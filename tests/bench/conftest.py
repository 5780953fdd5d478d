"""Smoke runs of the benchmarks in ``bench/`` at their smallest settings, so they cannot rot.

The scripts import each other as plain modules (``from support import ...``): ``bench/`` goes
on ``sys.path`` for these tests. A smoke test checks that a run finishes and prints the rows
and columns it promises; it never checks the figures, which depend on the machine.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))


def table_rows(text: str, headers: list[str]) -> list[dict[str, str]]:
    """The rows of the first ``print_table`` table in ``text`` with these ``headers``.

    Each row maps a header to its cell; cells are split on runs of two or more spaces.
    """
    lines = text.splitlines()
    start = next(
        n for n, line in enumerate(lines) if re.split(r"\s{2,}", line.strip())[:1] == headers[:1]
    )
    assert re.split(r"\s{2,}", lines[start].strip()) == headers, lines[start]
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        rows.append(dict(zip(headers, re.split(r"\s{2,}", line.strip()), strict=True)))
    return rows


def assert_machine_lines(text: str, *moments: str) -> None:
    """``text`` has ``machine_line``'s line for each of ``moments`` ("at start", "at end").

    The figures of a benchmark are comparable with another run's only beside the speed of the
    machine they were measured on, so every report prints it.
    """
    for moment in moments:
        line = next((x for x in text.splitlines() if x.startswith(f"machine {moment}: ")), None)
        assert line is not None, f"no 'machine {moment}' line in:\n{text}"
        assert re.search(r"\d+ cores .*plain Python \d+ ms per million additions", line), line


def run_main(main: Callable[[list[str]], int], argv: list[str]) -> int:
    """``main(argv)`` on a thread of its own, where no event loop runs.

    The scripts call ``asyncio.run``, which refuses to start inside a running loop, and the
    browser tests' synchronous Playwright leaves one running on the test thread of a worker
    that ran them first.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(main, argv).result()
