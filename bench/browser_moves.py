"""A student's hand in a real Chromium tab: open a view, move a random control to a random value.

Shared by ``bench_browser.py`` (timings per page) and ``bench_load.py`` (its Chromium
students), with Playwright's async API. Every control kind the app has is moved the way a
person moves it, to a random value other than the current one, in either direction:

- ``slider`` / ``select_slider``: a click at a random other value's point of its track;
- ``number``: a random other value of its range typed in, then Enter;
- ``selectbox`` / ``preset`` (a preset menu, ``preset_<page>``): opened, a random other
  option clicked in its pop-up list;
- ``radio``: a random other option clicked; ``language`` is the language radio (``lang``),
  whose change reruns and retranslates everything;
- ``toggle`` (a switch) / ``checkbox``: clicked;
- ``tabs`` that rerun (``on_change="rerun"``): a random other tab clicked.

Controls inside a form (which wait for their submit button), disabled ones and hidden ones
(a closed tab, lecture mode's hidden prose) are left alone. A sidebar control is scrolled
into view, after opening the sidebar if it is collapsed (lecture mode collapses it).

A move is timed from the input event (the page's own ``pointerdown`` / ``keydown`` clock) to
the run's ``script_finished`` message (finished), to the app idle again (idle) and to two
animation frames later (painted: the charts redrawn on screen). A move whose control still
shows its old value (a click that landed on the current value) is ``unchanged``: no rerun is
expected and nothing is timed. A move fails fast, with its reason in ``error``, when the hand
cannot act within ``ACTION_TIMEOUT_MS`` or the page sends nothing to the server within
``SEND_TIMEOUT_MS``; a rerun that was sent but not finished within ``MOVE_TIMEOUT_S`` is a
timeout.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field

from support import IDLE_AFTER_JS, View, page_url

MOVE_TIMEOUT_S = 15.0
LOAD_TIMEOUT_MS = 60_000
ACTION_TIMEOUT_MS = 5_000  # for one click, fill or key press of the hand
SEND_TIMEOUT_MS = 2_000  # a real change reaches the websocket well within this
UNCHANGED_WAIT_MS = 300  # how long a control that kept its value is watched for a run
KINDS = (
    "slider", "select_slider", "number", "selectbox", "preset", "radio", "language", "toggle",
    "checkbox", "tabs",
)  # fmt: skip

# The time of the last pointer or key input, in the page's clock (add as an init script).
INPUT_CLOCK_JS = """
(() => {
  const mark = () => { window.__convvizInputAt = performance.now(); };
  window.addEventListener("pointerdown", mark, true);
  window.addEventListener("keydown", mark, true);
})();
"""

# Resolves after the app is idle and two frames have been drawn; returns the timings (ms),
# "unsent" when nothing went to the server within sendMs, or "timeout".
TIMINGS_JS = """
async ([before, sentBefore, sendMs, timeoutMs]) => {
  const runs = window.__convvizRuns;
  const idle = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return runs.finished > before && app
      && app.getAttribute("data-test-script-state") === "notRunning"
      && !document.querySelector("[data-stale='true'], [data-testid='stSkeleton']");
  };
  const start = window.__convvizInputAt;
  const sendBy = performance.now() + sendMs;
  const giveUp = performance.now() + timeoutMs;
  while (!idle()) {
    if (runs.sent <= sentBefore && performance.now() > sendBy) return "unsent";
    if (performance.now() > giveUp) return "timeout";
    await new Promise((r) => setTimeout(r, 5));
  }
  const idleAt = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [runs.finishedAt - start, idleAt - start, performance.now() - start];
}
"""

# Every control a student can move: [key, kind, in the sidebar], sidebar first, in page order.
CONTROLS_JS = """
() => {
  const kinds = [["stSlider", "slider"], ["stNumberInput", "number"],
                 ["stSelectbox", "selectbox"], ["stRadio", "radio"], ["stCheckbox", "checkbox"]];
  const found = [];
  const usable = (el) => !el.closest("[data-testid='stForm']") && el.offsetParent !== null
    && !el.querySelector("input:disabled, [aria-disabled='true']");
  const sidebar = (el) => !!el.closest("[data-testid='stSidebar']");
  const refine = (key, kind, el) => {
    if (key === "lang" && kind === "radio") return "language";
    if (kind === "selectbox" && key.startsWith("preset_")) return "preset";
    if (kind === "checkbox" && el.querySelector("input[role='switch']")) return "toggle";
    if (kind === "slider") {  // a select slider's value is an option index, its text the option
      const input = el.querySelector("input[type='range']");
      const text = input && input.getAttribute("aria-valuetext");
      if (input && text !== null && Number(text) !== Number(input.value)) return "select_slider";
    }
    return kind;
  };
  for (const box of document.querySelectorAll("[data-testid='stElementContainer']")) {
    const key = (box.className.match(/\\bst-key-(\\S+)/) || [])[1];
    if (!key) continue;
    for (const [testid, kind] of kinds) {
      const el = box.querySelector(`[data-testid='${testid}']`);
      if (el && usable(el)) { found.push([key, refine(key, kind, el), sidebar(el)]); break; }
    }
  }
  for (const tabs of document.querySelectorAll("[data-testid='stTabs']")) {
    const keyed = tabs.closest("[class*='st-key-']");
    const key = keyed && (keyed.className.match(/\\bst-key-(\\S+)/) || [])[1];
    if (key && usable(tabs)) found.push([key, "tabs", sidebar(tabs)]);
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

# Whether the sidebar is collapsed (off screen), once it has stopped sliding (a rerun that
# turns lecture mode on collapses it with a transition); false when there is none.
SIDEBAR_CLOSED_JS = """
async () => {
  const bar = document.querySelector("[data-testid='stSidebar']");
  if (!bar) return false;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  let last = null;
  const giveUp = performance.now() + 2000;
  while (performance.now() < giveUp) {
    const now = JSON.stringify(bar.getBoundingClientRect());
    if (now === last) break;
    last = now;
    await frame();
    await frame();
  }
  return bar.getBoundingClientRect().right <= 1;
}
"""

# The first visible chart drawn: performance.now() at that moment (the page's clock starts
# at navigation); null when the view has no chart, -1 when none is drawn before the timeout.
FIRST_CHART_JS = """
async (timeoutMs) => {
  if (!document.querySelector("[data-testid='stPlotlyChart'], .js-plotly-plot")) return null;
  const giveUp = performance.now() + timeoutMs;
  while (performance.now() < giveUp) {
    for (const svg of document.querySelectorAll(".js-plotly-plot .main-svg")) {
      if (svg.getBoundingClientRect().width > 0) return performance.now();
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return -1;
}
"""


@dataclass
class Load:
    """A view opened in a tab: ms from navigation to the app idle, and to its first chart."""

    loaded_ms: float
    chart_ms: float | None  # None: the view shows no chart; inf: none drawn in time


@dataclass
class Move:
    """One control moved: what, and the timings (ms), or why nothing was timed.

    ``unchanged``: the control kept its value and nothing reran (not an error, not timed);
    ``error``: the move failed (``timed_out``: its rerun was sent but did not finish).
    """

    key: str
    kind: str
    finished_ms: float = float("nan")
    idle_ms: float = float("nan")
    painted_ms: float = float("nan")
    unchanged: bool = False
    error: str = ""
    timed_out: bool = False
    exceptions: list[str] = field(default_factory=list)


async def open_view(
    page, url: str, view: View, *, chart: bool = False, timeout_ms: float = LOAD_TIMEOUT_MS
) -> Load:
    """Go to ``view`` and wait until the app is idle (and, if ``chart``, for its first chart),
    all within ``timeout_ms``.

    Raises Playwright's ``TimeoutError`` when the view never loads in that time.
    """
    deadline = time.monotonic() + timeout_ms / 1000

    def left_ms() -> float:
        return max(1.0, 1000 * (deadline - time.monotonic()))

    await page.goto(page_url(url, view.url_path, **view.query), timeout=left_ms())
    before = await page.evaluate("window.__convvizRuns.finished")
    await page.wait_for_function(IDLE_AFTER_JS, arg=min(before, 0), timeout=left_ms())
    loaded_ms = await page.evaluate("performance.now()")
    chart_ms = await page.evaluate(FIRST_CHART_JS, left_ms()) if chart else None
    chart_ms = math.inf if chart_ms == -1 else chart_ms
    return Load(float(loaded_ms), None if chart_ms is None else float(chart_ms))


async def page_configuration(page) -> tuple[tuple[str, str], ...]:
    """``(key, shown value)`` of every control on the page now, sorted by key."""
    return tuple(tuple(pair) for pair in await page.evaluate(CONFIGURATION_JS))


async def page_controls(page) -> list[tuple[str, str, bool]]:
    """``(key, kind, in the sidebar)`` of every control a student can move on the page now."""
    return [tuple(found) for found in await page.evaluate(CONTROLS_JS)]


async def _open_sidebar(page) -> None:
    """Open a collapsed sidebar (as a student does before reaching a control in it)."""
    if await page.evaluate(SIDEBAR_CLOSED_JS):
        await page.locator("[data-testid='stExpandSidebarButton']").first.click(
            timeout=ACTION_TIMEOUT_MS
        )
        await page.wait_for_function(
            "() => document.querySelector(\"[data-testid='stSidebar']\")"
            ".getBoundingClientRect().right > 1",
            timeout=ACTION_TIMEOUT_MS,
        )
        await page.evaluate(SIDEBAR_CLOSED_JS)  # until the slide-in ends: clicks land as aimed


def _other_value(rng: random.Random, low: float, high: float, step: float, now: float) -> float:
    """A random value ``low + k * step`` of the range other than ``now`` (``now`` if none)."""
    count = round((high - low) / step) if high > low else 0
    others = [k for k in range(count + 1) if not math.isclose(low + k * step, now)]
    return low + step * rng.choice(others) if others else now


async def _move_slider(page, box, rng: random.Random) -> str:
    # react-aria's range input: min, max, step, value (an index for select sliders)
    field = box.locator("input[type='range']").first
    low, high, step, now = await field.evaluate("e => [e.min, e.max, e.step, e.value].map(Number)")
    step = step if step > 0 else 1
    target = _other_value(rng, low, high, step, now)
    rail = box.locator("[role='group'] > [data-orientation='horizontal']").first
    await rail.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)  # clicks land in view only
    track = await rail.bounding_box()
    fraction = (target - low) / (high - low) if high > low else 0.5  # thumb centre at a value
    # the track's own pixels run from x to x + width - 1: an end value is clicked just inside
    x = track["x"] + min(max(fraction * track["width"], 1.0), track["width"] - 1.0)
    await page.mouse.click(x, track["y"] + track["height"] / 2)
    return await field.input_value()


async def _move_number(page, box, rng: random.Random) -> str:
    field = box.locator("input").first
    low, high, step, now = await field.evaluate(
        "e => [e.min, e.max, e.step, e.value].map(v => v === '' ? NaN : Number(v))"
    )
    low = 0 if math.isnan(low) else low  # no bound shown (the app always sets one)
    high = low + 100 if math.isnan(high) else high
    step = 1 if math.isnan(step) or step <= 0 else step
    value = _other_value(rng, low, high, step, now)
    text = str(round(value)) if float(step).is_integer() else f"{value:g}"
    await field.fill(text, timeout=ACTION_TIMEOUT_MS)
    await field.press("Enter", timeout=ACTION_TIMEOUT_MS)
    return await field.input_value()


async def _click_other(page, options, rng: random.Random, what: str) -> None:
    """Click a random one of ``options`` (a locator of the choices not chosen now)."""
    count = await options.count()
    if not count:
        raise LookupError(f"no other {what} to choose")
    await options.nth(rng.randrange(count)).click(timeout=ACTION_TIMEOUT_MS)


async def _move_selectbox(page, box, rng: random.Random) -> None:
    # Streamlit's select box is a react-aria ComboBox: its options open in a pop-up list
    # outside the widget (a portal at the end of the body)
    opener = box.locator("button[aria-haspopup='listbox']").first
    await opener.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
    await opener.click(timeout=ACTION_TIMEOUT_MS)
    listbox = page.locator("[role='listbox']:visible").last
    await listbox.wait_for(timeout=ACTION_TIMEOUT_MS)
    options = listbox.locator("[role='option']:not([aria-selected='true'])")
    try:
        await _click_other(page, options, rng, "option")
    except Exception:
        await page.keyboard.press("Escape")  # leave no list open over the page
        raise


async def _act(page, box, kind: str, rng: random.Random) -> str | None:
    """The hand's action on ``box``; the control's shown value after it, if it has one."""
    if kind in ("slider", "select_slider"):
        return await _move_slider(page, box, rng)
    if kind == "number":
        return await _move_number(page, box, rng)
    if kind in ("selectbox", "preset"):
        await _move_selectbox(page, box, rng)
    elif kind in ("toggle", "checkbox"):
        await box.locator("label").first.click(timeout=ACTION_TIMEOUT_MS)
    elif kind in ("radio", "language"):
        options = box.locator("label:has(input[type='radio']:not(:checked))")
        await _click_other(page, options, rng, "option")
    elif kind == "tabs":
        tabs = box.locator("[role='tab'][aria-selected='false']")
        await _click_other(page, tabs, rng, "tab")
    else:
        raise ValueError(f"unknown control kind {kind!r}")
    return None


async def _shown_value(box, kind: str) -> str | None:
    if kind in ("slider", "select_slider"):
        return await box.locator("input[type='range']").first.input_value()
    if kind == "number":
        return await box.locator("input").first.input_value()
    return None


async def move_control(page, key: str, kind: str, rng: random.Random, *, sidebar=False) -> Move:
    """Move the control ``key`` of ``kind`` to a random other value; time the rerun."""
    move = Move(key, kind)
    box = page.locator(f".st-key-{key}").first
    try:
        if sidebar:
            await _open_sidebar(page)
        old = await _shown_value(box, kind)
        runs = await page.evaluate("window.__convvizRuns")
        new = await _act(page, box, kind, rng)
    except Exception as error:
        move.error = f"could not move: {type(error).__name__}: {str(error).splitlines()[0]}"
        return move
    wait = [runs["finished"], runs["sent"], SEND_TIMEOUT_MS, MOVE_TIMEOUT_S * 1000]
    times = None
    if new is not None and new == old:  # the click landed on the value shown: expect no run
        times = await page.evaluate(TIMINGS_JS, [*wait[:2], UNCHANGED_WAIT_MS, UNCHANGED_WAIT_MS])
        if times == "unsent":
            move.unchanged = True
            return move
    if not isinstance(times, list):
        times = await page.evaluate(TIMINGS_JS, wait)
    if times == "unsent":
        move.error = f"nothing sent to the server within {SEND_TIMEOUT_MS / 1000:g} s"
        return move
    if times == "timeout":
        move.error = f"no rerun finished within {MOVE_TIMEOUT_S:.0f} s"
        move.timed_out = True
        return move
    move.finished_ms, move.idle_ms, move.painted_ms = map(float, times)  # JS may give ints
    move.exceptions = await page.locator("[data-testid='stException']").all_inner_texts()
    return move


async def move_random_control(page, rng: random.Random, kinds=None) -> Move | None:
    """Move a random control of the page (of ``kinds``, if given); ``None`` if there is none."""
    controls = [c for c in await page_controls(page) if not kinds or c[1] in kinds]
    if not controls:
        return None
    key, kind, sidebar = rng.choice(controls)
    return await move_control(page, key, kind, rng, sidebar=sidebar)
