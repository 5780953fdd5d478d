"""Hover latency of the hover views in headless Chromium: pointer on a cell to the change on
screen, and whether any hover made the server run the script.

For the standard page's window view (hovering output cells) and the transposed page's
scatter-add view (hovering input cells), at a small and at the largest input the sliders allow:
move the pointer from cell to cell ``--moves`` times, cycling through the source panel. Each
hover is timed in the page by the view's own script, from the pointer event's time stamp to
the first animation frame after the outlines, texts and caption were changed (the frame the
change is painted in): ``window.__convvizHover``; and the handler's own work (outlines, texts,
caption): ``window.__convvizHoverWork``. Script runs are counted over the whole
sequence (they must stay 0: hovering is client-side).

Run from the project root::

    python bench/bench_hover.py [--moves 60] [--url http://127.0.0.1:8501]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from playwright.sync_api import sync_playwright
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE_AFTER_JS,
    ROOT,
    RUN_COUNTER_JS,
    check_loopback,
    machine_line,
    page_url,
    percentile,
    print_table,
    serve,
)

HEADERS = [
    "view",
    "hovers",
    "handler median ms",
    "handler max ms",
    "to frame median ms",
    "to frame p95 ms",
    "to frame max ms",
    "script runs",
]

# (label, url_path, query, hover view key, source panel)
CASES = (
    ("standard window, 5×5, k 3", "standard", {}, "standard_hover", 2),
    ("standard window, 12×12, k 3, p 1", "standard", {"input_size": 12, "padding": 1},
     "standard_hover", 2),
    ("transposed scatter-add, 3×3, s 2", "transposed", {}, "transposed_hover", 0),
    ("transposed scatter-add, 8×8, k 4, s 2", "transposed",
     {"input_size": 8, "kernel_size": 4, "stride": 2, "padding": 1}, "transposed_hover", 0),
)  # fmt: skip


def measure(browser, url: str, case: tuple, moves: int) -> list[object]:
    """One table row: the case, hovers, handler and to-frame times (ms), script runs."""
    label, url_path, query, key, source = case
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(RUN_COUNTER_JS)
    page = context.new_page()
    try:
        page.goto(page_url(url, url_path, **query), timeout=60_000)
        page.wait_for_function(IDLE_AFTER_JS, arg=0, timeout=60_000)
        cells = page.locator(f".st-key-{key} .cvz-panel[data-panel='{source}'] .cvz-cell")
        cells.first.wait_for(state="visible", timeout=60_000)
        count = cells.count()
        runs = page.evaluate("window.__convvizRuns.finished")
        page.evaluate("window.__convvizHover = []; window.__convvizHoverWork = []")
        for move in range(moves):
            cells.nth((move * 7 + 1) % count).hover()  # a step of 7 visits far cells too
        page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
        delays = page.evaluate("window.__convvizHover")
        work = page.evaluate("window.__convvizHoverWork")
        runs = page.evaluate("window.__convvizRuns.finished") - runs
        return [
            label,
            len(delays),
            statistics.median(work),
            max(work),
            statistics.median(delays),
            percentile(delays, 95),
            max(delays),
            runs,
        ]
    finally:
        context.close()


def run(url: str, moves: int) -> list[list[object]]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            return [measure(browser, url, case, moves) for case in CASES]
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an already running server (loopback only)")
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args(argv)
    if not 1 <= args.moves <= 1000:
        parser.error("--moves must be 1..1000")
    machine_before = machine_line()
    if args.url:
        rows = run(check_loopback(args.url), args.moves)
    else:
        log = ROOT / "bench" / "results" / "bench_hover_server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with serve(log=log, extra_args=("--client.showErrorDetails", "full")) as (url, _pid):
            rows = run(url, args.moves)
    print(f"\nHover to painted frame in Chromium ({args.moves} hovers per view)\n")
    print(machine_before + "\n")
    print_table(HEADERS, rows)
    return 1 if any(row[-1] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
