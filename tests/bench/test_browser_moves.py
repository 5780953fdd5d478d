"""``bench/browser_moves.py``: a Chromium student's hand reaches and moves every control kind,
also where the load benchmark's students used to fail without the app being at fault.

Each case here once counted as an error of the app in ``bench/bench_load.py``: a control in
the sidebar that lecture mode had collapsed (every action timed out), a slider clicked on the
very end of its track (the click landed on the slider's frame: no rerun), and a select box
whose focused field stayed closed when clicked again. A move must now run the script once and
leave the control at another value.
"""

from __future__ import annotations

import asyncio
import os
import random
from pathlib import Path

import pytest
from browser_moves import (
    INPUT_CLOCK_JS,
    LOAD_TIMEOUT_MS,
    move_control,
    page_configuration,
    page_controls,
)
from playwright.async_api import async_playwright
from support import CHROMIUM, CHROMIUM_ARGS, IDLE_AFTER_JS, RUN_COUNTER_JS, page_url, serve

from tests.bench.conftest import run_main

pytestmark = pytest.mark.browser

# On the standard page's padding tab: stride 1..4 (its ends are hit in 8 random moves),
# the input values select box, moved twice in a row, a radio and a toggle.
MOVES = (
    [("stride", "slider")] * 8
    + [("input_values", "selectbox")] * 3
    + [
        ("padding_mode", "radio"),
        ("flip", "checkbox"),
    ]
)

SHOWN_JS = """
(key) => {
  const box = document.querySelector(`.st-key-${key}`);
  const field = box.querySelector("input[type='range'], [role='combobox'], input:checked");
  return field ? (field.value + "|" + (field.closest("label") || {}).textContent) : "";
}
"""


async def _moves_in_lecture_mode(url: str) -> tuple[list[tuple[str, str, str, str, int]], dict]:
    """Open the padding tab in lecture mode (sidebar collapsed), make every move of MOVES.

    Returns ``(key, error, value before, value after, runs finished by the move)`` per move,
    and the page's configuration (every control's shown value) after the last move.
    """
    results = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = await browser.new_context(viewport={"width": 1400, "height": 900})
            await context.add_init_script(RUN_COUNTER_JS)
            await context.add_init_script(INPUT_CLOCK_JS)
            page = await context.new_page()
            await page.goto(page_url(url, "standard", view="padding", lecture=1))
            await page.wait_for_function(IDLE_AFTER_JS, arg=0, timeout=LOAD_TIMEOUT_MS)
            assert await page.locator("[data-testid='stExpandSidebarButton']").is_visible()
            rng = random.Random(3)
            in_sidebar = {key: sidebar for key, _kind, sidebar in await page_controls(page)}
            for key, kind in MOVES:
                before = await page.evaluate(SHOWN_JS, key)
                runs = await page.evaluate("window.__convvizRuns.finished")
                move = await move_control(page, key, kind, rng, sidebar=in_sidebar[key])
                after = await page.evaluate(SHOWN_JS, key)
                finished = await page.evaluate("window.__convvizRuns.finished") - runs
                results.append((key, move.error, before, after, finished))
            configuration = dict(await page_configuration(page))
        finally:
            await browser.close()
    return results, configuration


def test_every_kind_moves_from_a_collapsed_sidebar_to_another_value_with_one_run():
    if not Path(CHROMIUM).exists():  # as the browser tests: a failure in CI
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"no Chromium at {CHROMIUM}")
    with serve() as (url, _pid):
        results, configuration = run_main(
            lambda _argv: asyncio.run(_moves_in_lecture_mode(url)), []
        )
    assert len(results) == len(MOVES)
    for key, error, before, after, finished in results:
        assert error == "", (key, error)
        assert after != before and finished >= 1, (key, before, after, finished)
    stride_values = {after.split("|")[0] for key, _, _, after, _ in results if key == "stride"}
    assert {"1", "4"} <= stride_values, stride_values  # both ends of the track were reached
    # the configuration a Chromium student records: every control's value as shown
    last_stride = next(after for key, *_, after, _ in reversed(results) if key == "stride")
    assert configuration["stride"] == last_stride.split("|")[0]
    assert configuration["flip"] in ("true", "false") and configuration["lecture"] == "true"
    assert configuration["standard_tab"] and configuration["input_values"]
