"""The simulated students of the classroom load benchmark (``bench_load.py``): a session that
speaks Streamlit's websocket protocol, one that drives a real Chromium tab, and the warm-up.

A student opens a random view (a page, or one tab of a page: ``?view=``), then until the time
is up waits 1–2 s and either moves a random control of the view to a random value of its
whole range, or (one time in ``Plan.switch`` on average) opens another random view. A change is
timed from sending it to the run's ``script_finished``. A change that does not finish within
``CHANGE_TIMEOUT_S`` is an error and counts in the times at that timeout (the student then
reconnects); a view that never loads is an error too. Every configuration a student reaches
(view and every control's value) is recorded, to show how much of the app a run covered.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from browser_moves import (
    INPUT_CLOCK_JS,
    MOVE_TIMEOUT_S,
    move_random_control,
    open_view,
    page_configuration,
)
from load_controls import Control, add_tab, read_control
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from support import RUN_COUNTER_JS, View
from websockets.asyncio.client import connect

CHANGE_TIMEOUT_S = MOVE_TIMEOUT_S
LOAD_TIMEOUT_S = 2 * CHANGE_TIMEOUT_S
COOKIE = "convviz_client"  # per-client cookie, so a hashing proxy can keep sessions sticky


@dataclass
class Stats:
    """What one kind of client measured."""

    sessions: int = 0
    first_load_s: list[float] = field(default_factory=list)
    change_s: list[float] = field(default_factory=list)  # timeouts count at the timeout
    errors: list[str] = field(default_factory=list)
    timeouts: int = 0
    invalid_shown: int = 0  # runs that showed a translated st.error (part of the lesson)
    configurations: set[tuple] = field(default_factory=set)

    def merge(self, other: Stats) -> None:
        """Add ``other``'s figures to these."""
        self.sessions += other.sessions
        self.first_load_s += other.first_load_s
        self.change_s += other.change_s
        self.errors += other.errors
        self.timeouts += other.timeouts
        self.invalid_shown += other.invalid_shown
        self.configurations |= other.configurations


@dataclass(frozen=True)
class Plan:
    """Where and until when every session works."""

    url: str
    views: list[View]
    stop_at: float  # time.monotonic() deadline
    seed: int
    interval: tuple[float, float]  # wait between two actions of one student (s)
    switch: float = 0.1  # chance that an action opens another view instead of a change

    def time_left(self) -> bool:
        """Whether a student still has time for one more action."""
        return time.monotonic() + self.interval[1] < self.stop_at


@dataclass
class Run:
    """What one script run drew, as the protocol client reads it."""

    controls: dict[str, Control] = field(default_factory=dict)  # by widget id, page order
    page_hash: str = ""
    query_string: str = ""
    exceptions: list[str] = field(default_factory=list)
    alerts: int = 0  # error alerts shown (explained invalid settings)


class _TimedOut(Exception):
    """A run did not finish in time; the session reconnects (late messages would mix in)."""


async def run_once(ws, request: BackMsg, timeout_s: float) -> Run:
    """Send one ``rerun_script`` and read until it finishes; raises ``TimeoutError``."""
    await ws.send(request.SerializeToString())
    run = Run()
    tabs: Control | None = None
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no script_finished within {timeout_s:.0f} s")
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(ws.recv(), remaining))
        kind = message.WhichOneof("type")
        if kind == "navigation":
            run.page_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            run.query_string = message.page_info_changed.query_string
        elif kind == "delta":
            delta = message.delta
            if tabs is not None and add_tab(tabs, delta):
                continue
            control = read_control(delta)
            if control is not None:
                run.controls[control.widget_id] = control
                tabs = control if delta.WhichOneof("type") == "add_block" else None
            if delta.WhichOneof("type") == "new_element":
                element = delta.new_element
                element_kind = element.WhichOneof("type")
                if element_kind == "exception":
                    run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
                elif element_kind == "alert" and element.alert.format == element.alert.ERROR:
                    run.alerts += 1
        elif kind == "script_finished":
            status = message.script_finished
            if status == ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                continue
            if status == ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR:
                run.exceptions.append("script compile error")
            return run


def carry_values(old: dict[str, Control], new: dict[str, Control]) -> dict[str, Control]:
    """The new run's controls holding the values this client set, as a browser keeps them.

    A value the server set itself (a preset, a clamp; ``set_value`` in the element) wins, and
    so does a tab bar's (it draws the open tab); a value outside a control's new range is
    clamped, an option index past its new options falls back to the server's.
    """
    for widget_id, control in new.items():
        known = old.get(widget_id)
        if known is None or control.from_server or known.kind != control.kind:
            continue
        if control.kind == "number":
            control.value = min(max(known.value, control.low), control.high)
        elif control.kind in ("options", "choice"):
            if known.value is not None and known.value < len(control.options):
                control.value = known.value
        else:
            control.value = known.value
    return new


def configuration(view: View, controls: dict[str, Control]) -> tuple:
    """A hashable record of the view and every control's shown value."""
    return (view.url_path, *sorted((c.key, c.shown()) for c in controls.values()))


async def _open(ws, view: View, plan: Plan, stats: Stats, number: int) -> Run:
    """Open ``view`` (a page by its url path, the tab by ``?view=``)."""
    request = BackMsg()
    request.rerun_script.page_name = view.url_path
    request.rerun_script.query_string = urlencode(view.query)
    started = time.monotonic()
    try:
        run = await run_once(ws, request, LOAD_TIMEOUT_S)
    except TimeoutError as error:
        stats.timeouts += 1
        stats.errors.append(f"protocol {number}: {view.name} never loaded: {error}")
        raise _TimedOut from error
    stats.first_load_s.append(time.monotonic() - started)
    stats.errors.extend(f"{view.name} (first load): {e}" for e in run.exceptions)
    stats.invalid_shown += run.alerts
    stats.configurations.add(configuration(view, run.controls))
    return run


async def _study(ws, number: int, rng: random.Random, plan: Plan, stats: Stats) -> None:
    """One connection's worth of a student; raises ``_TimedOut`` to reconnect."""
    view = rng.choice(plan.views)
    run = await _open(ws, view, plan, stats, number)
    while plan.time_left():
        await asyncio.sleep(rng.uniform(*plan.interval))
        movable = [c for c in run.controls.values() if c.can_move()]
        if not movable or rng.random() < plan.switch:
            view = rng.choice(plan.views)
            run = await _open(ws, view, plan, stats, number)
            continue
        target = rng.choice(movable)
        target.value = target.random_value(rng)
        request = BackMsg()
        request.rerun_script.page_script_hash = run.page_hash
        request.rerun_script.query_string = run.query_string
        for control in run.controls.values():
            control.write(request.rerun_script.widget_states.widgets.add())
        label = f"{view.name} {target.key}={target.shown()}"
        started = time.monotonic()
        try:
            seen = await run_once(ws, request, CHANGE_TIMEOUT_S)
        except TimeoutError as error:
            stats.timeouts += 1
            stats.change_s.append(CHANGE_TIMEOUT_S)
            stats.errors.append(f"protocol {number}: {label}: {error}")
            raise _TimedOut from error
        stats.change_s.append(time.monotonic() - started)
        stats.errors.extend(f"{label}: {e}" for e in seen.exceptions)
        stats.invalid_shown += seen.alerts
        seen.controls = carry_values(run.controls, seen.controls)
        seen.page_hash = seen.page_hash or run.page_hash
        seen.query_string = seen.query_string or run.query_string
        run = seen
        stats.configurations.add(configuration(view, run.controls))


def _stream(url: str) -> str:
    return url.replace("http://", "ws://", 1) + "/_stcore/stream"


async def protocol_session(number: int, plan: Plan, stats: Stats) -> None:
    """One simulated student over the websocket protocol."""
    rng = random.Random(plan.seed * 1000 + number)
    stats.sessions += 1
    while plan.time_left():
        try:
            async with connect(
                _stream(plan.url),
                subprotocols=["streamlit"],
                additional_headers={"Cookie": f"{COOKIE}=p{number}"},
                max_size=None,
                proxy=None,
                open_timeout=30,
                compression=None,  # as the server: server.enableWebsocketCompression = false
            ) as ws:
                await _study(ws, number, rng, plan, stats)
        except _TimedOut:
            continue
        except Exception as error:  # a dropped or refused connection is an error of the run
            stats.errors.append(f"protocol session {number}: {type(error).__name__}: {error}")
            return


async def warm_up(url: str, views: list[View]) -> list[str]:
    """Open every view once, one after the other, as the teacher does before the class.

    Returns the exceptions seen. Without this (``--cold``) the first students to arrive
    also measure cold caches and first imports.
    """
    problems = []
    for view in views:
        async with connect(
            _stream(url), subprotocols=["streamlit"], max_size=None, proxy=None, open_timeout=30
        ) as ws:
            request = BackMsg()
            request.rerun_script.page_name = view.url_path
            request.rerun_script.query_string = urlencode(view.query)
            run = await run_once(ws, request, LOAD_TIMEOUT_S * 2)
            problems += [f"{view.name}: {e}" for e in run.exceptions]
    return problems


async def browser_session(number: int, browser, plan: Plan, stats: Stats) -> None:
    """One student in a real Chromium tab, moving random controls to random values."""
    rng = random.Random(plan.seed * 1000 + 500 + number)
    stats.sessions += 1
    host = urlsplit(plan.url).hostname
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        await context.add_cookies(
            [{"name": COOKIE, "value": f"b{number}", "domain": host, "path": "/"}]
        )
        await context.add_init_script(RUN_COUNTER_JS)
        await context.add_init_script(INPUT_CLOCK_JS)
        page = await context.new_page()
        page.on("pageerror", lambda error: stats.errors.append(f"browser {number}: {error}"))
        view = None
        while plan.time_left():
            if view is None or rng.random() < plan.switch:
                view = rng.choice(plan.views)
                try:
                    load = await open_view(page, plan.url, view)
                except Exception as error:
                    stats.errors.append(f"browser {number}: {view.name} never loaded: {error}")
                    stats.timeouts += 1
                    view = None
                    continue
                stats.first_load_s.append(load.loaded_ms / 1000)
                stats.configurations.add((view.url_path, *await page_configuration(page)))
            await asyncio.sleep(rng.uniform(*plan.interval))
            move = await move_random_control(page, rng)
            if move is None:
                view = None  # nothing to move here: another view next time
                continue
            if move.unchanged:  # the click landed on the value shown: nothing ran
                continue
            label = f"browser {number} {view.name} {move.key}"
            if move.error:
                stats.timeouts += 1
                stats.change_s.append(CHANGE_TIMEOUT_S)
                stats.errors.append(f"{label}: {move.error}")
                view = None  # reload: the page may be stuck
                continue
            stats.change_s.append(move.finished_ms / 1000)
            stats.errors.extend(f"{label}: {text[:200]}" for text in move.exceptions)
            stats.configurations.add((view.url_path, *await page_configuration(page)))
    except Exception as error:
        stats.errors.append(f"browser session {number}: {type(error).__name__}: {error}")
    finally:
        await context.close()
