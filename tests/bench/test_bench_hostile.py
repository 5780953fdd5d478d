"""``bench/bench_hostile.py`` on one category, in its own process (it forks a child per case,
which a test worker's threads make unsafe in-process)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.bench.conftest import BENCH, assert_machine_lines


def test_typed_cases_each_print_cpu_and_memory_and_the_worst_of_the_category():
    result = subprocess.run(
        [sys.executable, str(BENCH / "bench_hostile.py"), "--only", "typed"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr  # no case failed
    out = result.stdout
    assert_machine_lines(out, "at start")
    cases = [line for line in out.splitlines() if line.startswith("typed ")]
    assert len(cases) >= 5, out  # typed and linked text, kernel cells, answers
    assert all(re.search(r"\s[\d.]+\s+[\d.]+$", line) for line in cases), out
    summary = out[out.index("worst CPU s") :].splitlines()[1:]
    assert [line.split()[0] for line in summary if line.strip()] == ["typed"], out
    (worst,) = [line for line in summary if line.strip()]
    assert re.fullmatch(r"typed\s+[\d.]+\s+[\d.]+(  over the goal)?", worst), worst
