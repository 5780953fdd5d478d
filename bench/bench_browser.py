"""Browser time from a control move to the settled, repainted page, for every page and tab.

For each view (every page of ``convviz.site.PAGES``; a page with lazy tabs once per tab,
``?view=<tab>``) in headless Chromium:

- a cold tab (a new browser context: empty caches, Streamlit's and Plotly's JavaScript loaded
  afresh) opens the view: ms to the app idle, and to its first chart drawn (``–``: the view
  has no chart);
- then ``--moves`` times, after a short pause, a random control of the view is moved to a
  random other value, in either direction (``browser_moves``: sliders clicked on their track,
  numbers typed, select boxes, radios and toggles clicked). Tab bars are left alone here (each
  tab has its own row; ``bench_load.py`` moves across tabs). Each move is timed from the input
  event to the run's ``script_finished`` (finished) and to the app idle with two animation
  frames drawn (settled: the charts repainted).

Goals (issue 19): settled median ≤ 300 ms and p95 ≤ 600 ms on every view; a cold tab shows
its first chart in ≤ 3 s.

Run from the project root::

    python bench/bench_browser.py [--moves 20] [--pages standard ...] [--url http://127.0.0.1:8501]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_moves import INPUT_CLOCK_JS, MOVE_TIMEOUT_S, move_random_control, open_view
from playwright.async_api import async_playwright
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    RUN_COUNTER_JS,
    View,
    check_loopback,
    page_views,
    percentile,
    print_table,
    serve,
)

GOAL_MEDIAN_MS = 300.0
GOAL_P95_MS = 600.0
GOAL_FIRST_CHART_MS = 3000.0
KINDS = {"slider", "number", "selectbox", "radio", "checkbox"}  # every kind but tab bars
PAUSE_S = (0.2, 0.6)  # between two moves, as a hand does

HEADERS = [
    "view",
    "cold load ms",
    "first chart ms",
    "moves",
    "kinds moved",
    "finished p50 ms",
    "settled p50 ms",
    "settled p95 ms",
    "errors",
    "exceptions",
    "goal",
]


async def measure_view(browser, url: str, view: View, moves: int, seed: int) -> list[object]:
    """One table row for ``view`` (see ``HEADERS``)."""
    rng = random.Random(f"{seed}-{view.name}")
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    await context.add_init_script(RUN_COUNTER_JS)
    await context.add_init_script(INPUT_CLOCK_JS)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{view.name}: {error}"))
    finished, settled, exceptions = [], [], 0
    kinds: collections.Counter[str] = collections.Counter()
    try:
        try:
            load = await open_view(page, url, view, chart=True)
        except Exception as error:  # a tab that never loads is an error
            errors.append(f"{view.name} never loaded: {type(error).__name__}")
            return [view.name, float("nan"), float("nan"), 0, "–", *[float("nan")] * 3,
                    len(errors), 0, "NOT met"]  # fmt: skip
        for _ in range(moves):
            await asyncio.sleep(rng.uniform(*PAUSE_S))
            move = await move_random_control(page, rng, KINDS)
            if move is None:
                break
            kinds[move.kind] += 1
            if move.error:
                errors.append(f"{view.name} {move.key}: {move.error}")
                settled.append(1000 * MOVE_TIMEOUT_S)  # counts in the times at the timeout
                await open_view(page, url, view)  # start again from a page that answers
                continue
            finished.append(move.finished_ms)
            settled.append(move.painted_ms)
            exceptions += len(move.exceptions)
    finally:
        await context.close()
    p50 = statistics.median(settled) if settled else float("nan")
    p95 = percentile(settled, 95)
    met = (
        not errors
        and not exceptions
        and (not settled or (p50 <= GOAL_MEDIAN_MS and p95 <= GOAL_P95_MS))
        and (load.chart_ms is None or load.chart_ms <= GOAL_FIRST_CHART_MS)
    )
    for line in errors:
        print("  -", line, file=sys.stderr)
    return [
        view.name,
        load.loaded_ms,
        float("nan") if load.chart_ms is None else load.chart_ms,
        len(settled),
        " ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "–",
        statistics.median(finished) if finished else float("nan"),
        p50,
        p95,
        len(errors),
        exceptions,
        "met" if met else "NOT met",
    ]


async def run(url: str, views: list[View], moves: int, seed: int) -> list[list[object]]:
    """Measure every view, one after the other, in one Chromium."""
    rows = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for view in views:
                rows.append(await measure_view(browser, url, view, moves, seed))
        finally:
            await browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an already running server (loopback only)")
    parser.add_argument("--moves", type=int, default=20, help="random moves per view")
    parser.add_argument("--pages", nargs="+", help="url paths (default: every page)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not 0 <= args.moves <= 500:
        parser.error("--moves must be 0..500")
    views = page_views(args.pages, home=True)
    if not views:
        parser.error("no such page")
    if args.url:
        rows = asyncio.run(run(check_loopback(args.url), views, args.moves, args.seed))
    else:
        log = ROOT / "bench" / "results" / "bench_browser_server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with serve(log=log, extra_args=("--client.showErrorDetails", "full")) as (url, _pid):
            rows = asyncio.run(run(url, views, args.moves, args.seed))
    print(f"\nControl move to settled page in Chromium ({args.moves} random moves per view)\n")
    print_table(HEADERS, rows)
    print(
        f"\nGoal: settled median ≤ {GOAL_MEDIAN_MS:.0f} ms and p95 ≤ {GOAL_P95_MS:.0f} ms; "
        f"first chart of a cold tab ≤ {GOAL_FIRST_CHART_MS / 1000:.0f} s; no errors"
    )
    return 1 if any(row[-3] or row[-2] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
