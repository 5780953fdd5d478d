"""``bench/bench_browser.py`` at its smallest: one page, a move of each control kind it has,
its own server, in Debian's Chromium."""

from __future__ import annotations

import math
import os
import random
from pathlib import Path

import bench_browser
import browser_moves
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bench.conftest import run_main, table_rows

# The grouped page has a slider, a select slider (groups), a select box, a preset menu,
# radios, toggles and the language switch: every kind but a number input.
PAGE = "grouped"
MOVES = 7


@given(
    low=st.integers(-5, 5),
    count=st.integers(0, 12),
    step=st.sampled_from([1.0, 0.5, 0.1, 0.25, 2.0]),
    at=st.integers(0, 12),
    seed=st.integers(0, 1000),
)
def test_a_slider_or_number_moves_to_another_value_of_its_grid(low, count, step, at, seed):
    high = low + count * step
    now = low + min(at, count) * step
    value = browser_moves._other_value(random.Random(seed), low, high, step, now)
    k = (value - low) / step
    assert math.isclose(k, round(k), abs_tol=1e-9) and 0 <= round(k) <= count  # on the grid
    assert (value == now) == (count == 0)  # another value whenever the range has one


def _cell(row: dict[str, str], header: str) -> float:
    return float(row[header].replace(",", ""))


@pytest.mark.browser
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
