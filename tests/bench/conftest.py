"""Smoke runs of the benchmarks in ``bench/`` at their smallest settings, so they cannot rot.

The scripts import each other as plain modules (``from support import ...``): ``bench/`` goes
on ``sys.path`` for these tests. A smoke test checks that a run finishes and prints the rows
and columns it promises; it never checks the figures, which depend on the machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))


def table_rows(text: str, headers: list[str]) -> list[dict[str, str]]:
    """The rows of the first ``print_table`` table in ``text`` with these ``headers``.

    Each row maps a header to its cell; cells are split on runs of two or more spaces.
    """
    import re

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
