"""The simulated students of the classroom load benchmark (``bench_load.py``): a session that
speaks Streamlit's websocket protocol, one that drives a real Chromium tab, and the warm-up,
each recording the time from a slider change to the run's ``script_finished``.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from support import (
    IDLE_AFTER_JS,
    RUN_COUNTER_JS,
    page_url,
)
from websockets.asyncio.client import connect

GOAL_P95_S = 1.0
CHANGE_TIMEOUT_S = 15.0
COOKIE = "convviz_client"  # per-client cookie, so a hashing proxy can keep sessions sticky


@dataclass
class Stats:
    """What one kind of client measured."""

    sessions: int = 0
    first_load_s: list[float] = field(default_factory=list)
    change_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    invalid_shown: int = 0  # runs that showed a translated st.error (part of the lesson)


@dataclass
class Slider:
    """A slider as the protocol client knows it (select sliders use option indices)."""

    widget_id: str
    key: str
    low: float
    high: float
    value: float  # the value, or for a select slider the index of its option
    options: tuple[str, ...] = ()  # a select slider's formatted options

    def write(self, state) -> None:
        """Fill a ``WidgetState`` the way the browser does for this kind of slider."""
        state.id = self.widget_id
        if self.options:
            state.string_array_value.data.append(self.options[int(self.value)])
        else:
            state.double_array_value.data.append(self.value)


@dataclass(frozen=True)
class Plan:
    """Where and until when every session works."""

    url: str
    pages: list[str]
    stop_at: float  # time.monotonic() deadline
    seed: int
    interval: tuple[float, float]  # wait between two changes of one student (s)


async def _run_once(ws, request, timeout_s: float) -> tuple[dict, str, list[str], int]:
    """Send one ``rerun_script`` and read until it finishes.

    Returns the sliders seen ``{id: Slider}``, the page script hash (from ``navigation``),
    the texts of exception elements, and how many error alerts were shown.
    """
    await ws.send(request.SerializeToString())
    sliders: dict[str, Slider] = {}
    page_hash = ""
    exceptions: list[str] = []
    alerts = 0
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no script_finished within {timeout_s:.0f} s")
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(ws.recv(), remaining))
        kind = message.WhichOneof("type")
        if kind == "navigation":
            page_hash = message.navigation.page_script_hash
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            element_kind = element.WhichOneof("type")
            if element_kind == "slider" and element.slider.max > element.slider.min:
                proto = element.slider
                value = (list(proto.value) if proto.set_value else []) or list(proto.default)
                if len(value) == 1:  # single-value sliders only (ranges are not engine params)
                    key = proto.id.rsplit("-", 1)[-1]
                    options = tuple(proto.options)
                    sliders[proto.id] = Slider(
                        proto.id, key, proto.min, proto.max, value[0], options
                    )
            elif element_kind == "exception":
                exceptions.append(f"{element.exception.type}: {element.exception.message}")
            elif element_kind == "alert" and element.alert.format == element.alert.ERROR:
                alerts += 1
        elif kind == "script_finished":
            status = message.script_finished
            if status == ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                continue
            if status == ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR:
                exceptions.append("script compile error")
            return sliders, page_hash, exceptions, alerts


async def protocol_session(number: int, plan: Plan, stats: Stats) -> None:
    """One simulated student over the websocket protocol."""
    rng = random.Random(plan.seed * 1000 + number)
    url, pages, stop_at = plan.url, plan.pages, plan.stop_at
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    headers = {"Cookie": f"{COOKIE}=p{number}"}
    stats.sessions += 1
    try:
        async with connect(
            stream,
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            proxy=None,
            open_timeout=30,
            compression=None,  # as the server: server.enableWebsocketCompression = false
        ) as ws:
            sliders: dict[str, Slider] = {}
            page_hash, url_path = "", ""
            for attempt in range(len(pages)):  # the first page of ours that has sliders
                url_path = pages[(number + attempt) % len(pages)]
                request = BackMsg()
                request.rerun_script.page_name = url_path
                started = time.monotonic()
                sliders, page_hash, exceptions, alerts = await _run_once(
                    ws, request, CHANGE_TIMEOUT_S * 2
                )
                stats.first_load_s.append(time.monotonic() - started)
                stats.errors.extend(f"{url_path} (first load): {e}" for e in exceptions)
                stats.invalid_shown += alerts
                if sliders:
                    break
            if not sliders:
                return
            while time.monotonic() + plan.interval[1] < stop_at:
                await asyncio.sleep(rng.uniform(*plan.interval))
                # One step left or right, as a student nudging a slider does.
                target = rng.choice(list(sliders.values()))
                step = rng.choice((-1.0, 1.0))
                if not target.low <= target.value + step <= target.high:
                    step = -step
                target.value += step
                request = BackMsg()
                request.rerun_script.page_script_hash = page_hash
                for slider in sliders.values():
                    slider.write(request.rerun_script.widget_states.widgets.add())
                started = time.monotonic()
                seen, _, exceptions, alerts = await _run_once(ws, request, CHANGE_TIMEOUT_S)
                stats.change_s.append(time.monotonic() - started)
                shown = target.options[int(target.value)] if target.options else target.value
                stats.errors.extend(f"{url_path} {target.key}={shown}: {e}" for e in exceptions)
                stats.invalid_shown += alerts
                for widget_id, slider in seen.items():  # ranges may depend on other sliders
                    known = sliders.get(widget_id)
                    slider.value = known.value if known else slider.value
                    slider.value = min(max(slider.value, slider.low), slider.high)
                sliders = seen or sliders
    except Exception as error:  # a dropped or refused connection is an error of the run
        stats.errors.append(f"protocol session {number}: {type(error).__name__}: {error}")


async def warm_up(url: str, pages: list[str]) -> list[str]:
    """Open every page once, one after the other, as the teacher does before the class.

    Returns the exceptions seen. Without this (``--cold``) the first students to arrive
    also measure cold caches and first imports.
    """
    problems = []
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    for url_path in pages:
        async with connect(
            stream, subprotocols=["streamlit"], max_size=None, proxy=None, open_timeout=30
        ) as ws:
            request = BackMsg()
            request.rerun_script.page_name = url_path
            _, _, exceptions, _ = await _run_once(ws, request, CHANGE_TIMEOUT_S * 4)
            problems += [f"{url_path}: {e}" for e in exceptions]
    return problems


async def browser_session(number: int, browser, plan: Plan, stats: Stats) -> None:
    """One student in a real Chromium tab, moving a slider with the keyboard."""
    rng = random.Random(plan.seed * 1000 + 500 + number)
    url, pages, stop_at = plan.url, plan.pages, plan.stop_at
    stats.sessions += 1
    host = urlsplit(url).hostname
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        await context.add_cookies(
            [{"name": COOKIE, "value": f"b{number}", "domain": host, "path": "/"}]
        )
        await context.add_init_script(RUN_COUNTER_JS)
        page = await context.new_page()
        page.on("pageerror", lambda error: stats.errors.append(f"browser {number}: {error}"))
        keys: list[str] = []
        url_path = ""
        for attempt in range(len(pages)):
            url_path = pages[(number + attempt) % len(pages)]
            started = time.monotonic()
            await page.goto(page_url(url, url_path), timeout=60_000)
            await page.wait_for_function(IDLE_AFTER_JS, arg=0, timeout=60_000)
            stats.first_load_s.append(time.monotonic() - started)
            keys = await page.locator(
                "[data-testid='stElementContainer']:has([data-testid='stSlider'])"
            ).evaluate_all(
                """els => els.map(e => (e.className.match(/\\bst-key-(\\S+)/) || [])[1])
                              .filter(Boolean)"""
            )
            if keys:
                break
        if not keys:
            return
        while time.monotonic() + plan.interval[1] < stop_at:
            await asyncio.sleep(rng.uniform(*plan.interval))
            key = rng.choice(keys)
            thumb = page.locator(f".st-key-{key} [data-testid='stSlider']").get_by_role("slider")
            if not await thumb.count():
                continue
            low, high, value = await thumb.evaluate(
                """e => [e.getAttribute('aria-valuemin') ?? e.min,
                         e.getAttribute('aria-valuemax') ?? e.max,
                         e.getAttribute('aria-valuenow') ?? e.value].map(Number)"""
            )
            right = value <= low or (value < high and rng.random() < 0.5)
            direction = "ArrowRight" if right else "ArrowLeft"
            before = await page.evaluate("window.__convvizRuns.finished")
            await thumb.focus()
            pressed_at = await page.evaluate("performance.now()")
            await thumb.press(direction)
            try:
                await page.wait_for_function(
                    IDLE_AFTER_JS, arg=before, timeout=CHANGE_TIMEOUT_S * 1000
                )
            except Exception:
                stats.errors.append(f"browser {number} {url_path} {key}: no rerun finished")
                continue
            finished_at = await page.evaluate("window.__convvizRuns.finishedAt")
            stats.change_s.append((finished_at - pressed_at) / 1000)
            boxes = await page.locator("[data-testid='stException']").all_inner_texts()
            stats.errors.extend(f"browser {number} {url_path}: {text[:200]}" for text in boxes)
    except Exception as error:
        stats.errors.append(f"browser session {number}: {type(error).__name__}: {error}")
    finally:
        await context.close()
