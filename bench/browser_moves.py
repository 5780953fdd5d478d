"""A student's hand in a real Chromium tab: open a view, move a random control to a random value.

Shared by ``bench_browser.py`` (timings per page) and ``bench_load.py`` (its Chromium
students), with Playwright's async API. Every control kind the app has is moved the way a
person moves it, to a random value other than the current one, in either direction:

- slider: a click on its track where a random value sits (select sliders too; an arrow key
  when the click lands on the value it had);
- number input: a random value of its range typed in, then Enter;
- select box: its field clicked (the arrow key when that leaves it closed), a random other
  option of the list clicked;
- radio: a random other option clicked;
- checkbox / toggle: clicked;
- tabs that rerun (``on_change="rerun"``): a random other tab clicked.

Controls inside a form (which wait for their submit button) and disabled ones are left alone.
A control in a collapsed sidebar (lecture mode collapses it) is reached as a person reaches
it: the sidebar is opened first. Every action waits, as Playwright's own actions do, until
its target is visible, still and not covered, for at most ``MOVE_TIMEOUT_S``; a control that
cannot be moved within that time is an error of the move.
A move is timed from the input event (the page's own ``pointerdown`` / ``keydown`` clock) to
the run's ``script_finished`` message (finished), to the app idle again (idle) and to two
animation frames later (painted: the charts redrawn on screen).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from playwright.async_api import TimeoutError as PlaywrightTimeoutError
from support import IDLE_AFTER_JS, View, page_url

MOVE_TIMEOUT_S = 15.0
ACTION_TIMEOUT_MS = MOVE_TIMEOUT_S * 1000
LOAD_TIMEOUT_MS = 60_000
SIDEBAR_OPENER = "[data-testid='stExpandSidebarButton']"

# The time of the last pointer or key input, in the page's clock (add as an init script).
INPUT_CLOCK_JS = """
(() => {
  const mark = () => { window.__convvizInputAt = performance.now(); };
  window.addEventListener("pointerdown", mark, true);
  window.addEventListener("keydown", mark, true);
})();
"""

# Resolves after the app is idle and two frames have been drawn; returns the timings (ms).
TIMINGS_JS = """
async ([before, timeoutMs]) => {
  const idle = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return window.__convvizRuns.finished > before && app
      && app.getAttribute("data-test-script-state") === "notRunning"
      && !document.querySelector("[data-stale='true'], [data-testid='stSkeleton']");
  };
  const start = window.__convvizInputAt;
  const giveUp = performance.now() + timeoutMs;
  while (!idle()) {
    if (performance.now() > giveUp) return null;
    await new Promise((r) => setTimeout(r, 5));
  }
  const idleAt = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [window.__convvizRuns.finishedAt - start, idleAt - start, performance.now() - start];
}
"""

# Every control a student can move: [key, kind], sidebar first, in page order.
CONTROLS_JS = """
() => {
  const kinds = [["stSlider", "slider"], ["stNumberInput", "number"],
                 ["stSelectbox", "selectbox"], ["stRadio", "radio"], ["stCheckbox", "checkbox"]];
  const found = [];
  const usable = (el) => !el.closest("[data-testid='stForm']") && el.offsetParent !== null
    && !el.querySelector("input:disabled, [aria-disabled='true']");
  for (const box of document.querySelectorAll("[data-testid='stElementContainer']")) {
    const key = (box.className.match(/\\bst-key-(\\S+)/) || [])[1];
    if (!key) continue;
    for (const [testid, kind] of kinds) {
      const el = box.querySelector(`[data-testid='${testid}']`);
      if (el && usable(el)) { found.push([key, kind]); break; }
    }
  }
  for (const tabs of document.querySelectorAll("[data-testid='stTabs']")) {
    const keyed = tabs.closest("[class*='st-key-']");
    const key = keyed && (keyed.className.match(/\\bst-key-(\\S+)/) || [])[1];
    if (key && usable(tabs)) found.push([key, "tabs"]);
  }
  return found;
}
"""

# Every control's shown value: [key, value] pairs, sorted (a configuration, as the protocol
# students of bench_load.py record theirs).
CONFIGURATION_JS = """
() => {
  const pairs = [];
  for (const box of document.querySelectorAll("[data-testid='stElementContainer']")) {
    const key = (box.className.match(/\\bst-key-(\\S+)/) || [])[1];
    if (!key) continue;
    const range = box.querySelector("input[type='range']");
    const combo = box.querySelector("[role='combobox']");
    const radio = box.querySelector("label:has(input[type='radio']:checked)");
    const flag = box.querySelector("input[type='checkbox']");
    const number = box.querySelector("[data-testid='stNumberInput'] input");
    let value = null;
    if (range) value = range.getAttribute("aria-valuetext") || range.value;
    else if (number) value = number.value;
    else if (combo) value = combo.value;
    else if (radio) value = radio.textContent;
    else if (flag) value = String(flag.checked);
    if (value !== null) pairs.push([key, value]);
  }
  for (const tabs of document.querySelectorAll("[data-testid='stTabs']")) {
    const keyed = tabs.closest("[class*='st-key-']");
    const key = keyed && (keyed.className.match(/\\bst-key-(\\S+)/) || [])[1];
    const open = tabs.querySelector("[role='tab'][aria-selected='true']");
    if (key && open) pairs.push([key, open.textContent]);
  }
  return pairs.sort();
}
"""

# The first visible chart drawn: performance.now() at that moment (the page's clock starts
# at navigation), or null when none appears before the timeout.
FIRST_CHART_JS = """
async (timeoutMs) => {
  const giveUp = performance.now() + timeoutMs;
  while (performance.now() < giveUp) {
    for (const svg of document.querySelectorAll(".js-plotly-plot .main-svg")) {
      if (svg.getBoundingClientRect().width > 0) return performance.now();
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}
"""


@dataclass
class Load:
    """A view opened in a tab: ms from navigation to the app idle, and to its first chart."""

    loaded_ms: float
    chart_ms: float | None  # None: the view shows no chart


@dataclass
class Move:
    """One control moved: what, and the timings (ms) or the error."""

    key: str
    kind: str
    finished_ms: float = float("nan")
    idle_ms: float = float("nan")
    painted_ms: float = float("nan")
    error: str = ""
    exceptions: list[str] = field(default_factory=list)


async def open_view(page, url: str, view: View, *, chart: bool = False) -> Load:
    """Go to ``view`` and wait until the app is idle (and, if ``chart``, for a chart).

    Raises Playwright's ``TimeoutError`` when the view never loads.
    """
    await page.goto(page_url(url, view.url_path, **view.query), timeout=LOAD_TIMEOUT_MS)
    before = await page.evaluate("window.__convvizRuns.finished")
    await page.wait_for_function(IDLE_AFTER_JS, arg=min(before, 0), timeout=LOAD_TIMEOUT_MS)
    loaded_ms = await page.evaluate("performance.now()")
    chart_ms = await page.evaluate(FIRST_CHART_JS, 3000 if chart else 0) if chart else None
    return Load(loaded_ms, chart_ms)


async def page_configuration(page) -> tuple[tuple[str, str], ...]:
    """``(key, shown value)`` of every control on the page now, sorted by key."""
    return tuple(tuple(pair) for pair in await page.evaluate(CONFIGURATION_JS))


async def page_controls(page) -> list[tuple[str, str]]:
    """``(key, kind)`` of every control a student can move on the page now."""
    return [tuple(pair) for pair in await page.evaluate(CONTROLS_JS)]


async def _move_slider(page, box, rng: random.Random) -> None:
    # react-aria's range input: min, max, value (an index for select sliders); the app's
    # sliders all have integer steps, so every integer of the range is a value
    field = box.locator("input[type='range']").first
    low, high, now = await field.evaluate("e => [e.min, e.max, e.value].map(Number)")
    rail = box.locator("[role='group'] > [data-orientation='horizontal']").first
    await rail.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
    track = await rail.bounding_box(timeout=ACTION_TIMEOUT_MS)
    target = rng.choice([v for v in range(int(low), int(high) + 1) if v != now] or [now])
    fraction = (target - low) / (high - low) if high > low else 0.5  # thumb centre at a value
    # a click on the track where the thumb would sit, once the track is still and uncovered;
    # a pixel inside the track's ends (a click on the very edge lands on the slider's frame)
    x = min(max(fraction * track["width"], 1.0), track["width"] - 1.0)
    await rail.click(position={"x": x, "y": track["height"] / 2}, timeout=ACTION_TIMEOUT_MS)
    if float(await field.input_value(timeout=ACTION_TIMEOUT_MS)) == now:
        # on a long range a pixel is more than a step: the click can land on the value it
        # had, which runs nothing; a person then nudges it with an arrow key
        await field.press("ArrowRight" if now < high else "ArrowLeft", timeout=ACTION_TIMEOUT_MS)


async def _move_number(page, box, rng: random.Random) -> None:
    field = box.locator("input").first
    low, high, step, now = await field.evaluate(
        "e => [e.min, e.max, e.step, e.value].map(v => v === '' ? NaN : Number(v))"
    )
    low = 0 if math.isnan(low) else low  # no bound shown (the app always sets one)
    high = low + 100 if math.isnan(high) else high
    step = 1 if math.isnan(step) or step <= 0 else step
    count = round((high - low) / step)
    value = now
    while value == now:
        value = low + step * rng.randint(0, count)
    text = str(int(value)) if float(step).is_integer() else f"{value:g}"
    await field.fill(text, timeout=ACTION_TIMEOUT_MS)
    await field.press("Enter", timeout=ACTION_TIMEOUT_MS)


async def _move_choice(page, box, kind: str, rng: random.Random) -> None:
    if kind == "radio":
        options = box.locator("label:has(input[type='radio']:not(:checked))")
        await options.nth(rng.randrange(await options.count())).click(timeout=ACTION_TIMEOUT_MS)
        return
    if kind == "tabs":
        options = box.locator("[role='tab'][aria-selected='false']")
        await options.nth(rng.randrange(await options.count())).click(timeout=ACTION_TIMEOUT_MS)
        return
    # a select box opens on a click in its field (its chevron button alone may not open it);
    # a field that already has the focus can stay closed: then the arrow key opens it
    field = box.locator("[role='combobox']").first
    await field.click(timeout=ACTION_TIMEOUT_MS)
    options = page.locator("[role='listbox'] [role='option']:not([aria-selected='true'])")
    try:
        await options.first.wait_for(timeout=1000)
    except PlaywrightTimeoutError:
        await field.press("ArrowDown", timeout=ACTION_TIMEOUT_MS)
        await options.first.wait_for(timeout=ACTION_TIMEOUT_MS)
    await options.nth(rng.randrange(await options.count())).click(timeout=ACTION_TIMEOUT_MS)


async def _reach(page, box) -> None:
    """Open the sidebar first when the control sits in it and it is collapsed."""
    in_sidebar = await box.evaluate("e => !!e.closest(\"[data-testid='stSidebar']\")")
    opener = page.locator(SIDEBAR_OPENER)
    if in_sidebar and await opener.is_visible():
        await opener.click(timeout=ACTION_TIMEOUT_MS)
        # the sidebar slides in; the control's own action then waits until it is still
        await page.wait_for_function(
            "e => e.getBoundingClientRect().left >= 0",
            arg=await box.element_handle(timeout=ACTION_TIMEOUT_MS),
            timeout=ACTION_TIMEOUT_MS,
        )


async def move_control(page, key: str, kind: str, rng: random.Random) -> Move:
    """Move the control ``key`` of ``kind`` to a random other value; time the rerun."""
    move = Move(key, kind)
    box = page.locator(f".st-key-{key}").first
    before = await page.evaluate("window.__convvizRuns.finished")
    try:
        await _reach(page, box)
        if kind == "slider":
            await _move_slider(page, box, rng)
        elif kind == "number":
            await _move_number(page, box, rng)
        elif kind == "checkbox":
            await box.locator("label").first.click(timeout=ACTION_TIMEOUT_MS)
        else:
            await _move_choice(page, box, kind, rng)
    except Exception as error:
        move.error = f"could not move: {type(error).__name__}: {str(error).splitlines()[0]}"
        return move
    times = await page.evaluate(TIMINGS_JS, [before, MOVE_TIMEOUT_S * 1000])
    if times is None:
        move.error = f"no rerun finished within {MOVE_TIMEOUT_S:.0f} s"
        return move
    move.finished_ms, move.idle_ms, move.painted_ms = times
    move.exceptions = await page.locator("[data-testid='stException']").all_inner_texts()
    return move


async def move_random_control(page, rng: random.Random, kinds: set[str] | None = None):
    """Move a random control of the page (of ``kinds``, if given); ``None`` if there is none."""
    controls = [(k, kind) for k, kind in await page_controls(page) if not kinds or kind in kinds]
    if not controls:
        return None
    key, kind = rng.choice(controls)
    return await move_control(page, key, kind, rng)
