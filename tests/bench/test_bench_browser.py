"""``bench/bench_browser.py`` at its smallest: one page, a move of each control kind it has,
in Debian's Chromium; and the hand of ``browser_moves`` reaching the sidebar after lecture
mode has collapsed it. Both share one server."""

from __future__ import annotations

import asyncio
import math
import os
import random
from collections.abc import Iterator
from pathlib import Path

import bench_browser
import browser_moves
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bench.conftest import assert_machine_lines, run_main, table_rows

# The grouped page's computation tab has sliders, a select slider (groups), a select box, a
# preset menu, toggles and the language switch.
PAGE = "grouped?view=compute"
MOVES = 6  # one of each kind the tab has


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


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """A server of the app for this module (and Chromium present, else skip / fail in CI)."""
    if not Path(bench_browser.CHROMIUM).exists():  # as the browser tests: a failure in CI
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"no Chromium at {bench_browser.CHROMIUM}"
        )
    with bench_browser.serve() as (url, _pid):
        yield url


@pytest.mark.browser
def test_a_run_moves_every_kind_of_control_and_times_each_settled_repaint(app_url, capsys):
    status = run_main(
        bench_browser.main,
        ["--url", app_url, "--pages", PAGE, "--moves", str(MOVES), "--budget", "90"],
    )
    out = capsys.readouterr().out
    assert_machine_lines(out, "at start", "at end")
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


def _lecture_then_sidebar(argv: list[str]) -> list[browser_moves.Move]:
    """Turn lecture mode on, then move sidebar controls of the grouped page (``argv``: url)."""
    from playwright.async_api import async_playwright

    async def hand() -> list[browser_moves.Move]:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=bench_browser.CHROMIUM,
                headless=True,
                args=bench_browser.CHROMIUM_ARGS,
            )
            context = await browser.new_context(viewport={"width": 1400, "height": 900})
            await context.add_init_script(bench_browser.RUN_COUNTER_JS)
            await context.add_init_script(browser_moves.INPUT_CLOCK_JS)
            page = await context.new_page()
            view = bench_browser.View("pages/grouped.py", "grouped", "compute", False)
            await browser_moves.open_view(page, argv[0], view)
            rng = random.Random(0)
            moves = [await browser_moves.move_control(page, "lecture", "toggle", rng, sidebar=True)]
            # lecture mode's page config collapses the sidebar (a transition after the rerun)
            await page.wait_for_function(browser_moves.SIDEBAR_CLOSED_JS, timeout=10_000)
            for key, kind in [("input_size", "slider"), ("preset_grouped", "preset")]:
                moves.append(await browser_moves.move_control(page, key, kind, rng, sidebar=True))
            await browser.close()
            return moves

    return asyncio.run(hand())


@pytest.mark.browser
def test_sidebar_controls_still_move_after_lecture_mode_collapses_the_sidebar(app_url):
    moves = run_main(_lecture_then_sidebar, [app_url])
    for move in moves:
        assert not move.error and not move.unchanged, move
        assert 0 < move.finished_ms <= move.painted_ms < 1000 * browser_moves.MOVE_TIMEOUT_S
