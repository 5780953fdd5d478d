"""Browser time from a control move to the settled, repainted page, for every page and tab.

For each view (every page of ``convviz.site.PAGES``; a page with lazy tabs once per tab,
``?view=<tab>``) in headless Chromium:

- a cold tab (a new browser context: empty caches, Streamlit's and Plotly's JavaScript loaded
  afresh) opens the view: ms to the app idle, and to its first chart drawn (``–``: the view
  has no chart; ``inf``: none drawn within the view's budget);
- then up to ``--moves`` times, after a short pause, a random control of the view (of a
  kind not moved yet on this view while there is one) is moved to a random other value, in
  either direction (``browser_moves``: sliders and select sliders
  clicked on their track, numbers typed, select boxes and preset menus picked from their
  pop-up list, radios, toggles and checkboxes clicked, the language switched). Tab bars are
  left alone here (each tab has its own row; ``bench_load.py`` moves across tabs). Each move
  is timed from the input event to the run's ``script_finished`` (finished) and to the app
  idle with two animation frames drawn (settled: the charts repainted).

A move that left its control's value as it was (a click on the value shown) is counted as
``unchanged`` and not timed. A move that failed (the control could not be reached, nothing
was sent) is an error, reported on stderr; a rerun that did not finish within
``MOVE_TIMEOUT_S`` is an error too and enters the times at that timeout. After an error the
view is reloaded. A second table gives the settled times per control kind over all views (the
language switch reruns and retranslates the whole page: its own kind).

Time: each view has ``--budget`` seconds (default 30) for its cold load and its moves; a move
under way when the budget runs out finishes (at most ``MOVE_LIMIT_S``, 47 s). A run of all 35
views (the overview too) therefore ends within 35 × (30 + 47) s ≈ 45 minutes however slow the
machine (the bound is printed at the start). The tables are printed whatever happened.

Goals (issue 19): settled median ≤ 300 ms and p95 ≤ 600 ms on every view; a cold tab shows
its first chart in ≤ 3 s.

Run from the project root::

    python bench/bench_browser.py [--moves 15] [--budget 30] [--pages standard ...] \
        [--url http://127.0.0.1:8501]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_moves import (
    ACTION_TIMEOUT_MS,
    INPUT_CLOCK_JS,
    MOVE_TIMEOUT_S,
    SEND_TIMEOUT_MS,
    move_control,
    open_view,
    page_controls,
)
from playwright.async_api import async_playwright
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    RUN_COUNTER_JS,
    View,
    check_loopback,
    machine_line,
    page_views,
    percentile,
    print_table,
    serve,
)

GOAL_MEDIAN_MS = 300.0
GOAL_P95_MS = 600.0
GOAL_FIRST_CHART_MS = 3000.0
# every kind but tab bars (see browser_moves.KINDS)
KINDS = {"slider", "select_slider", "number", "selectbox", "preset", "radio", "language",
         "toggle", "checkbox"}  # fmt: skip
PAUSE_S = (0.2, 0.6)  # between two moves, as a hand does
BUDGET_S = 30.0  # per view: cold load and moves
# The longest one move can take once started: opening the sidebar, up to four actions of the
# hand, the send check and the rerun's timeout.
MOVE_LIMIT_S = 6 * ACTION_TIMEOUT_MS / 1000 + SEND_TIMEOUT_MS / 1000 + MOVE_TIMEOUT_S

HEADERS = [
    "view",
    "cold load ms",
    "first chart ms",
    "moves",
    "unchanged",
    "kinds moved",  # timed moves per kind
    "finished p50 ms",
    "settled p50 ms",
    "settled p95 ms",
    "errors",
    "exceptions",
    "view s",
    "goal",
]
KIND_HEADERS = ["kind", "moves", "settled p50 ms", "settled p95 ms", "max ms", "errors"]


@dataclass
class ViewResult:
    """What one view measured: its table row, and its settled times and errors per kind."""

    row: list[object]
    settled: dict[str, list[float]] = field(default_factory=dict)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)


def _ms(value: float | None) -> float:
    return float("nan") if value is None else value


async def measure_view(
    browser, url: str, view: View, moves: int, *, seed: int, budget_s: float = BUDGET_S
) -> ViewResult:
    """One table row for ``view`` (see ``HEADERS``), within ``budget_s`` (plus one move)."""
    started = time.monotonic()
    deadline = started + budget_s
    rng = random.Random(f"{seed}-{view.name}")
    errors: list[str] = []
    finished: list[float] = []
    settled: dict[str, list[float]] = collections.defaultdict(list)
    failed: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()  # timed moves (and timeouts)
    tried: set[str] = set()
    unchanged, exceptions = 0, 0
    load = None
    context = None
    try:
        context = await browser.new_context(viewport={"width": 1400, "height": 900})
        await context.add_init_script(RUN_COUNTER_JS)
        await context.add_init_script(INPUT_CLOCK_JS)
        page = await context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{view.name}: {error}"))
        try:
            load = await open_view(page, url, view, chart=True, timeout_ms=1000 * budget_s)
        except Exception as error:  # a tab that never loads is an error
            errors.append(f"{view.name} never loaded: {type(error).__name__}")
            moves = 0
        for _ in range(moves):
            if time.monotonic() + PAUSE_S[1] >= deadline:
                spent = f"budget of {budget_s:g} s spent after {sum(kinds.values())} moves"
                print(f"  - {view.name}: {spent}", file=sys.stderr)
                break
            await asyncio.sleep(rng.uniform(*PAUSE_S))
            controls = [found for found in await page_controls(page) if found[1] in KINDS]
            if not controls:
                break
            untried = [found for found in controls if found[1] not in tried]
            key, kind, sidebar = rng.choice(untried or controls)  # every kind first
            tried.add(kind)
            move = await move_control(page, key, kind, rng, sidebar=sidebar)
            if move.unchanged:
                unchanged += 1
                continue
            if move.error:
                errors.append(f"{view.name} {move.kind} {move.key}: {move.error}")
                failed[move.kind] += 1
                if move.timed_out:  # a student waited this long, at least
                    kinds[move.kind] += 1
                    settled[move.kind].append(1000 * MOVE_TIMEOUT_S)
                left = deadline - time.monotonic()
                if left <= 1:
                    break
                try:  # start again from a page that answers
                    await open_view(page, url, view, timeout_ms=1000 * left)
                except Exception as error:
                    errors.append(f"{view.name} did not reload: {type(error).__name__}")
                    break
                continue
            kinds[move.kind] += 1
            finished.append(move.finished_ms)
            settled[move.kind].append(move.painted_ms)
            exceptions += len(move.exceptions)
    except Exception as error:  # the browser itself failed: still a row
        errors.append(f"{view.name}: {type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        if context is not None:
            try:
                await context.close()
            except Exception as error:
                errors.append(f"{view.name}: context not closed: {type(error).__name__}")
    times = [t for values in settled.values() for t in values]
    p50 = statistics.median(times) if times else float("nan")
    p95 = percentile(times, 95)
    chart_ms = None if load is None else load.chart_ms
    met = (
        load is not None
        and not errors
        and not exceptions
        and (not times or (p50 <= GOAL_MEDIAN_MS and p95 <= GOAL_P95_MS))
        and (chart_ms is None or chart_ms <= GOAL_FIRST_CHART_MS)
    )
    for line in errors:
        print("  -", line, file=sys.stderr)
    row = [
        view.name,
        float("nan") if load is None else float(load.loaded_ms),
        float("nan") if chart_ms is None else float(chart_ms),
        len(times),
        unchanged,
        " ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "–",
        statistics.median(finished) if finished else float("nan"),
        p50,
        p95,
        len(errors),
        exceptions,
        time.monotonic() - started,
        "met" if met else "NOT met",
    ]
    return ViewResult(row, dict(settled), failed)


def kind_rows(results: list[ViewResult]) -> list[list[object]]:
    """One row per control kind over all views (see ``KIND_HEADERS``)."""
    settled: dict[str, list[float]] = collections.defaultdict(list)
    failed: collections.Counter[str] = collections.Counter()
    for result in results:
        for kind, values in result.settled.items():
            settled[kind] += values
        failed.update(result.errors)
    rows = []
    for kind in sorted(set(settled) | set(failed)):
        values = settled.get(kind, [])
        rows.append([
            kind,
            len(values),
            statistics.median(values) if values else float("nan"),
            percentile(values, 95),
            max(values, default=float("nan")),
            failed[kind],
        ])  # fmt: skip
    return rows


async def run(
    url: str, views: list[View], moves: int, *, seed: int, budget_s: float, into: list[ViewResult]
) -> None:
    """Measure every view, one after the other, in one Chromium; append each to ``into``."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for view in views:
                result = await measure_view(browser, url, view, moves, seed=seed, budget_s=budget_s)
                into.append(result)
                print(f"  {view.name}: {result.row[-2]:.0f} s", file=sys.stderr)
        finally:
            await browser.close()


def _unmeasured(view: View, why: str) -> ViewResult:
    row = [view.name, *[float("nan")] * 2, 0, 0, why, *[float("nan")] * 3, 1, 0, 0.0, "NOT met"]
    return ViewResult(row)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an already running server (loopback only)")
    parser.add_argument("--moves", type=int, default=15, help="random moves per view")
    parser.add_argument(
        "--budget", type=float, default=BUDGET_S, help="seconds per view (load and moves)"
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        help="pages or tabs, e.g. transposed or transposed?view=direct (default: every page)",
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not 0 <= args.moves <= 500:
        parser.error("--moves must be 0..500")
    if not 5 <= args.budget <= 600:
        parser.error("--budget must be 5..600 seconds")
    views = page_views(args.pages, home=True)
    if not views:
        parser.error("no such page")
    bound = len(views) * (args.budget + MOVE_LIMIT_S)
    print(
        f"{len(views)} views, {args.moves} moves and {args.budget:g} s each: "
        f"done within {math.ceil(bound / 60)} min",
        file=sys.stderr,
    )
    results: list[ViewResult] = []
    machine_before = machine_line()
    try:
        options = {"seed": args.seed, "budget_s": args.budget, "into": results}
        if args.url:
            asyncio.run(run(check_loopback(args.url), views, args.moves, **options))
        else:
            log = ROOT / "bench" / "results" / "bench_browser_server.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            with serve(log=log, extra_args=("--client.showErrorDetails", "full")) as (url, _):
                asyncio.run(run(url, views, args.moves, **options))
    finally:  # the tables, whatever happened
        done = {result.row[0] for result in results}
        results += [_unmeasured(v, "not measured") for v in views if v.name not in done]
        print(
            f"\nControl move to settled page in Chromium (up to {args.moves} random moves and "
            f"{args.budget:g} s per view)\n"
        )
        print(machine_before)
        print(machine_line("at end") + "\n")
        print_table(HEADERS, [result.row for result in results])
        print("\nSettled ms per control kind, all views\n")
        print_table(KIND_HEADERS, kind_rows(results))
        print(
            f"\nGoal: settled median ≤ {GOAL_MEDIAN_MS:.0f} ms and p95 ≤ {GOAL_P95_MS:.0f} ms; "
            f"first chart of a cold tab ≤ {GOAL_FIRST_CHART_MS / 1000:.0f} s; no errors"
        )
    return 1 if any(result.row[-4] or result.row[-3] for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
