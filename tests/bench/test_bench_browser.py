"""``bench/bench_browser.py`` at its smallest: one page, two random moves, its own server."""

from __future__ import annotations

from pathlib import Path

import bench_browser
import pytest

from tests.bench.conftest import table_rows

pytestmark = pytest.mark.browser


def test_a_run_prints_a_row_per_view_with_cold_load_and_settled_times(capsys):
    if not Path(bench_browser.CHROMIUM).exists():
        pytest.skip(f"no Chromium at {bench_browser.CHROMIUM}")
    status = bench_browser.main(["--pages", "practice", "--moves", "2"])
    out = capsys.readouterr().out
    rows = table_rows(out, bench_browser.HEADERS)
    assert [row["view"] for row in rows] == ["practice"], out
    row = rows[0]
    assert float(row["cold load ms"].replace(",", "")) > 0
    assert row["first chart ms"] == "–"  # the practice page draws no chart
    assert row["moves"] == "2"
    moved = row["kinds moved"].split()
    assert sum(int(n) for n in moved[1::2]) == 2 and set(moved[::2]) <= bench_browser.KINDS
    assert float(row["settled p50 ms"].replace(",", "")) > 0
    assert row["errors"] == "0" and row["exceptions"] == "0", out
    assert status in (0, 1)  # the goal column depends on the machine, not on the script
