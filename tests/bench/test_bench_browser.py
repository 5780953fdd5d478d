"""``bench/bench_browser.py`` at its smallest: one page, a move of each control kind it has,
its own server, in Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import bench_browser
import pytest

from tests.bench.conftest import run_main, table_rows

pytestmark = pytest.mark.browser

# The grouped page has a slider, a select slider (groups), a select box, a preset menu,
# radios, toggles and the language switch: every kind but a number input.
PAGE = "grouped"
MOVES = 7


def _cell(row: dict[str, str], header: str) -> float:
    return float(row[header].replace(",", ""))


def test_a_run_moves_every_kind_of_control_and_times_each_settled_repaint(capsys):
    if not Path(bench_browser.CHROMIUM).exists():  # as the browser tests: a failure in CI
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"no Chromium at {bench_browser.CHROMIUM}"
        )
    status = run_main(
        bench_browser.main, ["--pages", PAGE, "--moves", str(MOVES), "--budget", "90"]
    )
    out = capsys.readouterr().out
    rows = table_rows(out, bench_browser.HEADERS)
    assert [row["view"] for row in rows] == [PAGE], out
    row = rows[0]
    assert row["errors"] == "0" and row["exceptions"] == "0", out
    assert 0 < _cell(row, "cold load ms") <= _cell(row, "first chart ms")
    words = row["kinds moved"].split()
    moved = dict(zip(words[::2], words[1::2], strict=True))
    # each move went to a kind not moved yet: a click landing on the value shown is the only
    # way a kind can be missing (it is counted as unchanged, not timed)
    assert len(moved) >= MOVES - int(row["unchanged"]) >= 5, out
    assert {"selectbox", "preset", "toggle", "language"} <= set(moved), out
    assert set(moved) <= bench_browser.KINDS
    assert int(row["moves"]) == sum(int(n) for n in moved.values())
    assert 0 < _cell(row, "finished p50 ms") <= _cell(row, "settled p50 ms"), out
    kinds = table_rows(out[out.index("per control kind") :], bench_browser.KIND_HEADERS)
    assert {kind["kind"] for kind in kinds} == set(moved), out
    assert all(kind["errors"] == "0" for kind in kinds), out
    assert status in (0, 1)  # the goal column depends on the machine, not on the script
