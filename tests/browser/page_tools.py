"""Driving a page of the running app in Chromium: waiting for script runs, reading and moving
sliders, clicking chart cells, playing animations and saving screenshots.

The browser fixtures live in ``conftest.py``; the server in :mod:`tests.support.streamlit_server`.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.support.streamlit_server import IDLE_AFTER_JS, ROOT, RUN_COUNTER_JS

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
README_SCREENSHOTS = ROOT / "assets" / "screenshots"
README_VIEWPORT = {"width": 1400, "height": 1000}
LOGS = ARTIFACTS / "logs"
VIEWPORT = {"width": 1400, "height": 900}
NAVIGATION_TIMEOUT_MS = 60_000
RERUN_TIMEOUT_MS = 30_000
SETTLE_MS = 250
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
PLOTLY = ".js-plotly-plot, [data-testid='stPlotlyChart']"
STATE_JS = """
() => ({
  url: location.href,
  runs: window.__convvizRuns,
  state: document.querySelector("[data-testid='stApp']")?.getAttribute("data-test-script-state"),
  connection: document.querySelector("[data-testid='stApp']")
    ?.getAttribute("data-test-connection-state"),
  stale: document.querySelectorAll("[data-stale='true']").length,
  skeletons: document.querySelectorAll("[data-testid='stSkeleton']").length,
})
"""


def new_tab(browser):
    """A page in a fresh context (1400×900) with the run counter; close its ``context``."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.add_init_script(RUN_COUNTER_JS)
    context.set_default_timeout(RERUN_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context.new_page()


def wait_until_idle(page, *, before: int = 0, timeout_ms: int = RERUN_TIMEOUT_MS) -> None:
    """Wait until more than ``before`` runs have finished and the app is idle, then settle."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(IDLE_AFTER_JS, arg=before, timeout=timeout_ms)
    except PlaywrightTimeout:
        state = page.evaluate(STATE_JS)
        pytest.fail(
            f"no finished run after {timeout_ms} ms (runs finished before: {before}); "
            f"page state: {state}",
            pytrace=False,
        )
    page.wait_for_timeout(SETTLE_MS)


def finished_runs(page) -> int:
    """How many script runs this page has seen finish."""
    return int(page.evaluate("window.__convvizRuns ? window.__convvizRuns.finished : 0"))


@contextlib.contextmanager
def expect_rerun(page, *, timeout_ms: int = RERUN_TIMEOUT_MS) -> Iterator[None]:
    """The block must trigger a script run; on exit, wait until it has finished."""
    before = finished_runs(page)
    yield
    wait_until_idle(page, before=before, timeout_ms=timeout_ms)


def assert_no_exception(page) -> None:
    """No Streamlit exception box on the page (its text is the failure message)."""
    boxes = page.locator(EXCEPTION)
    if boxes.count():
        text = "\n---\n".join(boxes.all_inner_texts())
        pytest.fail(f"the page shows {boxes.count()} exception box(es):\n{text}", pytrace=False)


def slider_keys(page) -> list[str]:
    """Widget keys of the sliders on the page, in document order (sidebar first)."""
    classes = page.locator("[data-testid='stElementContainer']:has([data-testid='stSlider'])")
    keys = []
    for names in classes.evaluate_all("els => els.map(e => e.className)"):
        match = re.search(r"\bst-key-(\S+)", names)
        if match:
            keys.append(match.group(1))
    return keys


def slider_range(page, key: str) -> tuple[int, int]:
    """``(min, max)`` of the slider ``key`` (ARIA attributes, else the range input's)."""
    low, high = slider(page, key).evaluate(
        """e => [e.getAttribute('aria-valuemin') ?? e.min,
                 e.getAttribute('aria-valuemax') ?? e.max]"""
    )
    return int(float(low)), int(float(high))


def slider(page, key: str):
    """The thumb (``role=slider``) of the slider whose widget key is ``key``."""
    return page.locator(f".st-key-{key} [data-testid='stSlider']").get_by_role("slider")


def slider_value(page, key: str) -> int:
    """The value the slider ``key`` shows (``aria-valuenow``, else the range input's value)."""
    value = slider(page, key).evaluate("e => e.getAttribute('aria-valuenow') ?? e.value")
    return int(float(value))


def press_slider(page, key: str, keys: str = "ArrowRight", *, times: int = 1) -> int:
    """Focus slider ``key``, press ``keys`` ``times`` times (one rerun each); new value."""
    thumb = slider(page, key)
    for _ in range(times):
        thumb.focus()
        with expect_rerun(page):
            thumb.press(keys)
    return slider_value(page, key)


def query_params(page) -> dict[str, str]:
    """The query parameters of the page's current URL."""
    return dict(parse_qsl(urlsplit(page.url).query))


def wait_for_chart(page, *, timeout_ms: int = RERUN_TIMEOUT_MS):
    """The first visible Plotly chart, once drawn (charts in closed tabs do not count)."""
    chart = page.locator(".js-plotly-plot:visible").first
    chart.wait_for(state="visible", timeout=timeout_ms)
    return chart


# Position of data cell (row, col) of panel ``axis`` in page pixels, from Plotly's own axes.
CELL_XY_JS = """
(el, [axis, row, col]) => {
  const layout = el._fullLayout;
  const xa = layout["xaxis" + axis], ya = layout["yaxis" + axis];
  const box = el.getBoundingClientRect();
  return [box.left + xa._offset + xa.d2p(col), box.top + ya._offset + ya.d2p(row)];
}
"""


def click_chart_cell(
    page, chart, axis: str, row: int, col: int, *, off: tuple[float, float] = (0.0, 0.0)
) -> None:
    """Click cell (row, col) of panel ``axis`` of ``chart`` (a selector or a locator), ``off``
    cells (down, right) from its centre; waits for the rerun."""
    plot = page.locator(chart) if isinstance(chart, str) else chart
    plot.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let the chart settle after scrolling before measuring
    click_for_rerun(page, lambda: plot.evaluate(CELL_XY_JS, [axis, row + off[0], col + off[1]]))


def click_for_rerun(
    page, where: Callable[[], tuple[float, float]], *, attempts: int = 3, wait_ms: int = 4_000
) -> None:
    """Click at ``where()`` (page pixels) until the page sends a message to the server, then
    wait for the script run it starts to finish.

    A click that lands while Plotly is still drawing a just-mounted chart selects nothing, as
    it would for a person, who clicks again: so does this, at most ``attempts`` times, each
    time measuring the position afresh.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = finished_runs(page)
    sent = int(page.evaluate("window.__convvizRuns.sent"))
    for _ in range(attempts):
        x, y = where()
        page.mouse.click(x, y)
        try:
            page.wait_for_function("n => window.__convvizRuns.sent > n", arg=sent, timeout=wait_ms)
            break
        except PlaywrightTimeout:
            page.mouse.move(0, 0)  # leave the chart so the next click is a fresh one
    wait_until_idle(page, before=before)


def click_marker(page, marker) -> None:
    """Click the centre of a Plotly marker (a locator of one ``path.point``); waits for its run."""

    def centre() -> tuple[float, float]:
        box = marker.bounding_box()
        assert box is not None, "the marker is not drawn"
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    click_for_rerun(page, centre)


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)


def play_on_client(page, chart_selector: str, *, steps: int = 2, timeout_ms: int = 15_000) -> str:
    """Press ▶ on an animated chart, wait until its step slider reaches ``steps``, and return
    the caption (the chart's last trace) then shown.

    Fails if the animation made the server run the script: play is client-side only.
    """
    chart = page.locator(chart_selector)
    chart.scroll_into_view_if_needed()
    runs_before = page.evaluate("window.__convvizRuns.finished")
    chart.locator(".updatemenu-button").first.click()  # the first button is ▶
    page.wait_for_function(
        f"el => el._fullLayout.sliders[0].active >= {steps}",
        arg=chart.element_handle(),
        timeout=timeout_ms,
    )
    caption = chart.evaluate("el => el.data[el.data.length - 1].text[0]")
    assert page.evaluate("window.__convvizRuns.finished") == runs_before  # client-side only
    return caption


def readme_screenshot(page, name: str) -> Path:
    """A 1400×1000 picture of ``page`` for the README; returns where it was saved.

    Saved as ``test-artifacts/screenshots/readme-<name>.png``; with
    ``UPDATE_README_SCREENSHOTS=1`` also written over ``assets/screenshots/<name>.png``, so an
    ordinary test run never changes tracked files.
    """
    page.set_viewport_size(README_VIEWPORT)
    page.wait_for_timeout(800)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"readme-{_safe_name(name)}.png"
    page.screenshot(path=str(path))
    if os.environ.get("UPDATE_README_SCREENSHOTS") == "1":
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (README_SCREENSHOTS / f"{name}.png").write_bytes(path.read_bytes())
    return path


def save_screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save ``test-artifacts/screenshots/<name>.png`` and return its path.

    Streamlit scrolls the main area and the sidebar inside their own containers, so a
    "full page" screenshot temporarily makes the viewport as tall as the taller of the two.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{_safe_name(name)}.png"
    size = page.viewport_size or VIEWPORT
    height = size["height"]
    if full_page:
        height = page.evaluate(
            """() => Math.max(window.innerHeight, ...[
                "[data-testid='stMain']", "[data-testid='stSidebarContent']"
            ].map(s => document.querySelector(s)?.scrollHeight ?? 0))"""
        )
        height = min(int(height), 8000)
    if height != size["height"]:
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(SETTLE_MS)
    try:
        page.screenshot(path=str(path))
    finally:
        if height != size["height"]:
            page.set_viewport_size(size)
    return path
