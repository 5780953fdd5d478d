"""Browser time from a slider move to the redrawn page, for every page, in headless Chromium.

For each page of ``convviz.site.PAGES`` that has a slider: open it at its defaults, focus the
first slider (or ``--key``) and press ArrowRight / ArrowLeft in turn ``--moves`` times. Each
move is timed in the page from the key press to

- finished: the run's ``script_finished`` message arriving over the websocket;
- idle: the app idle again (script state ``notRunning``, no stale elements, no skeletons);
- painted: two animation frames later (the charts redrawn on screen).

Run from the project root::

    python bench/bench_browser.py [--moves 10] [--url http://127.0.0.1:8501]
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
    page_url,
    percentile,
    print_table,
    serve,
)

from convviz.site import PAGES

# Resolves after the app is idle and two frames have been drawn; returns the timings (ms).
_TIMINGS = """
async ([pressedAt, before]) => {
  const idle = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return window.__convvizRuns.finished > before && app
      && app.getAttribute("data-test-script-state") === "notRunning"
      && !document.querySelector("[data-stale='true'], [data-testid='stSkeleton']");
  };
  const giveUp = performance.now() + 15000;
  while (!idle()) {
    if (performance.now() > giveUp) throw new Error("no rerun finished within 15 s");
    await new Promise((r) => setTimeout(r, 5));
  }
  const idleAt = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [window.__convvizRuns.finishedAt - pressedAt, idleAt - pressedAt,
          performance.now() - pressedAt];
}
"""
_SLIDER_KEYS = """
els => els.map(e => (e.className.match(/\\bst-key-(\\S+)/) || [])[1]).filter(Boolean)
"""


def measure_page(browser, url: str, url_path: str, key: str | None, moves: int) -> list[object]:
    """One table row: the slider moved and median / p95 of the three timings (ms)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(RUN_COUNTER_JS)
    page = context.new_page()
    try:
        page.goto(page_url(url, url_path), timeout=60_000)
        page.wait_for_function(IDLE_AFTER_JS, arg=0, timeout=60_000)
        sliders = page.locator("[data-testid='stElementContainer']:has([data-testid='stSlider'])")
        keys = sliders.evaluate_all(_SLIDER_KEYS)
        key = key if key in keys else (keys[0] if keys else None)
        if key is None:
            return [url_path, "–", 0, float("nan"), float("nan"), float("nan"), float("nan"), 0]
        thumb = page.locator(f".st-key-{key} [data-testid='stSlider']").get_by_role("slider")
        finished, idle, painted = [], [], []
        exceptions = 0
        for move in range(moves):
            low, high, value = thumb.evaluate(
                """e => [e.getAttribute('aria-valuemin') ?? e.min,
                         e.getAttribute('aria-valuemax') ?? e.max,
                         e.getAttribute('aria-valuenow') ?? e.value].map(Number)"""
            )
            right = value <= low or (value < high and move % 2 == 0)
            before = page.evaluate("window.__convvizRuns.finished")
            thumb.focus()
            pressed_at = page.evaluate("performance.now()")
            thumb.press("ArrowRight" if right else "ArrowLeft")
            times = page.evaluate(_TIMINGS, [pressed_at, before])
            for series, value_ms in zip((finished, idle, painted), times, strict=True):
                series.append(value_ms)
            exceptions += page.locator("[data-testid='stException']").count()
        return [
            url_path,
            key,
            moves,
            statistics.median(finished),
            statistics.median(idle),
            statistics.median(painted),
            percentile(painted, 95),
            exceptions,
        ]
    finally:
        context.close()


def run(url: str, moves: int, key: str | None) -> list[list[object]]:
    """Measure every page that exists, in one Chromium."""
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for info in PAGES:
                if info.url_path == "home" or not (ROOT / info.file).is_file():
                    continue
                rows.append(measure_page(browser, url, info.url_path, key, moves))
        finally:
            browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an already running server (loopback only)")
    parser.add_argument("--moves", type=int, default=10)
    parser.add_argument("--key", help="slider to move when the page has it (default: first)")
    args = parser.parse_args(argv)
    if not 1 <= args.moves <= 200:
        parser.error("--moves must be 1..200")
    if args.url:
        rows = run(check_loopback(args.url), args.moves, args.key)
    else:
        log = ROOT / "bench" / "results" / "bench_browser_server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with serve(log=log, extra_args=("--client.showErrorDetails", "full")) as (url, _pid):
            rows = run(url, args.moves, args.key)
    print(f"\nSlider move to redrawn page in Chromium (median of {args.moves} moves)\n")
    print_table(
        [
            "page",
            "slider",
            "moves",
            "finished ms",
            "idle ms",
            "painted ms",
            "painted p95 ms",
            "exceptions",
        ],
        rows,
    )
    return 1 if any(row[-1] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
