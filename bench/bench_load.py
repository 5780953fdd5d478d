"""Classroom load: 30 students on one server, each moving a slider every 1–2 seconds.

Most sessions speak Streamlit's own websocket protocol (the protobuf ``BackMsg`` /
``ForwardMsg`` messages the browser sends and receives): they cost the server exactly what a
browser costs it, while the load generator stays light. A few sessions (``--browsers``,
default 3) are real Chromium tabs, so the figure includes rendering in a browser too. Thirty
Chromium tabs on a 2-core machine would load the machine more than the server does and
distort the server's figures; see deploy/README.md for the measurements behind this choice.

Each session opens a page (round-robin over ``--pages``), reads its sliders, then until the
time is up: waits 1–2 s, sets one slider to another value, and measures the time from
sending the change to the run's ``script_finished`` message (browser tabs: from the key
press to that message, as the page sees it). Server CPU and RSS come from ``/proc``.

Run from the project root::

    python bench/bench_load.py                      # starts its own server on 127.0.0.1
    python bench/bench_load.py --url http://127.0.0.1:8501 --pid 1234
    python bench/bench_load.py --url http://127.0.0.1:8080 --pid-dir /tmp/convviz-cluster

Exit status 1 when there were errors or p95 >= 1 s (the goal), else 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from playwright.async_api import async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE_AFTER_JS,
    ROOT,
    RUN_COUNTER_JS,
    ProcSample,
    check_loopback,
    descendants,
    listening_pids,
    page_url,
    percentile,
    print_table,
    read_proc,
    serve,
)
from websockets.asyncio.client import connect

from convviz.site import PAGES

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


async def sample_server(pids: list[int], stop: asyncio.Event, samples: list[ProcSample]) -> None:
    """Read CPU and RSS of the server processes every half second."""
    while not stop.is_set():
        samples.append(read_proc(pids))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)
    samples.append(read_proc(pids))


@dataclass
class LoadResult:
    """Per-client-kind statistics and the process samples of one load run."""

    stats: dict[str, Stats]
    servers: dict[int, list[ProcSample]]  # per server pid
    generator: list[ProcSample]
    load_average: tuple[str, str]  # /proc/loadavg before and after


async def run_load(args: argparse.Namespace, url: str, pids: list[int]) -> LoadResult:
    """Start every session (staggered over the ramp-up), wait until all have stopped."""
    stats = {"protocol": Stats(), "browser": Stats()}
    if not args.cold:
        for problem in await warm_up(url, args.pages):
            print(f"warm-up: {problem}", file=sys.stderr)
    n_browsers = min(args.browsers, args.sessions)
    ramp = min(args.ramp, args.seconds / 4)
    plan = Plan(
        url, args.pages, time.monotonic() + ramp + args.seconds, args.seed, tuple(args.interval)
    )
    servers: dict[int, list[ProcSample]] = {pid: [] for pid in pids}
    generator: list[ProcSample] = []
    load_before = Path("/proc/loadavg").read_text().split()[0]
    stop = asyncio.Event()
    samplers = [
        asyncio.create_task(sample_server([pid], stop, samples)) for pid, samples in servers.items()
    ]
    own = None

    async def delayed(coro, delay: float):
        await asyncio.sleep(delay)
        await coro

    tasks = []
    playwright = browser = None
    if n_browsers:
        playwright = await async_playwright().start()
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
    # The load generator itself (this process and its Chromium), to show what it costs.
    # The servers this script started are its children too: leave them out.
    mine = [pid for pid in descendants(os.getpid()) if pid not in set(pids)]
    own = asyncio.create_task(sample_server(mine, stop, generator))
    try:
        for number in range(args.sessions):
            delay = ramp * number / max(args.sessions, 1)
            if number < n_browsers:
                session = browser_session(number, browser, plan, stats["browser"])
            else:
                session = protocol_session(number, plan, stats["protocol"])
            tasks.append(asyncio.create_task(delayed(session, delay)))
        await asyncio.gather(*tasks)
    finally:
        stop.set()
        await asyncio.gather(*samplers, own)
        if browser is not None:
            await browser.close()
        if playwright is not None:
            await playwright.stop()
    load_after = Path("/proc/loadavg").read_text().split()[0]
    return LoadResult(stats, servers, generator, (load_before, load_after))


def _cpu_figures(samples: list[ProcSample]) -> tuple[float, float]:
    """Average and peak CPU (% of one core) over the samples."""
    if len(samples) < 2:
        return float("nan"), float("nan")
    rates = [
        100 * (b.cpu_s - a.cpu_s) / (b.wall - a.wall)
        for a, b in itertools.pairwise(samples)
        if b.wall > a.wall
    ]
    total = 100 * (samples[-1].cpu_s - samples[0].cpu_s) / (samples[-1].wall - samples[0].wall)
    return total, max(rates, default=float("nan"))


def report(result: LoadResult, args: argparse.Namespace, url: str) -> bool:
    """Print the tables; return whether the goal (no errors, p95 < 1 s) was met."""
    stats = result.stats
    rows = []
    everything = Stats()
    for kind in ("protocol", "browser"):
        s = stats[kind]
        if not s.sessions:
            continue
        everything.change_s += s.change_s
        everything.errors += s.errors
        everything.first_load_s += s.first_load_s
        rows.append(_row(kind, s))
    everything.sessions = sum(stats[k].sessions for k in ("protocol", "browser"))
    everything.invalid_shown = sum(stats[k].invalid_shown for k in ("protocol", "browser"))
    rows.append(_row("all", everything))
    print(f"\nClassroom load on {url}: {args.sessions} sessions ({args.browsers} in Chromium),")
    warm = "cold server" if args.cold else "pages opened once before"
    low, high = args.interval
    print(f"each student changes one slider every {low:g}–{high:g} s")
    pages = ", ".join(args.pages)
    print(f"{args.seconds:.0f} s after a {args.ramp:.0f} s ramp-up ({warm}); pages: {pages}\n")
    print_table(
        [
            "clients",
            "sessions",
            "changes",
            "errors",
            "first load p50 ms",
            "p50 ms",
            "p95 ms",
            "max ms",
            "error alerts",
        ],
        rows,
    )
    rows = [_proc_row(f"server pid {pid}", samples) for pid, samples in result.servers.items()]
    rows.append(_proc_row("load generator", result.generator))
    print()
    print_table(
        ["process", "CPU avg %", "CPU peak %", "RSS start MiB", "RSS peak MiB", "RSS end MiB"],
        rows,
    )
    before, after = result.load_average
    print(
        f"(CPU in % of one core; {os.cpu_count()} cores; 1-min load average {before} before, "
        f"{after} after)"
    )
    if everything.errors:
        print(f"\n{len(everything.errors)} errors, first ones:")
        for line in everything.errors[:10]:
            print("  -", line)
    p95 = percentile(everything.change_s, 95)
    met = not everything.errors and everything.change_s and p95 < GOAL_P95_S
    verdict = "met" if met else "NOT met"
    print(f"\nGoal (no errors, p95 < {GOAL_P95_S:.0f} s): {verdict}")
    return bool(met)


def _row(kind: str, s: Stats) -> list[object]:
    return [
        kind,
        s.sessions,
        len(s.change_s),
        len(s.errors),
        1000 * percentile(s.first_load_s, 50),
        1000 * percentile(s.change_s, 50),
        1000 * percentile(s.change_s, 95),
        1000 * max(s.change_s, default=float("nan")),
        s.invalid_shown,
    ]


def _proc_row(name: str, samples: list[ProcSample]) -> list[object]:
    avg, peak = _cpu_figures(samples)
    if not samples:
        return [name, float("nan"), float("nan"), float("nan"), float("nan"), float("nan")]
    return [
        name,
        avg,
        peak,
        samples[0].rss_mib,
        max(s.rss_mib for s in samples),
        samples[-1].rss_mib,
    ]


def _default_pages() -> list[str]:
    return [p.url_path for p in PAGES if p.url_path != "home" and (ROOT / p.file).is_file()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="target an already running server (loopback only)")
    parser.add_argument(
        "--pid",
        type=int,
        action="append",
        default=[],
        help="server process to sample (repeatable); default: whatever listens on --url's port",
    )
    parser.add_argument(
        "--pid-dir",
        type=Path,
        help="sample the streamlit-*.pid processes of deploy/start_cluster.sh's RUN_DIR",
    )
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--browsers", type=int, default=3, help="sessions that are Chromium tabs")
    parser.add_argument("--seconds", type=float, default=60.0, help="measured time after ramp-up")
    parser.add_argument("--ramp", type=float, default=5.0, help="students join over this time")
    parser.add_argument("--pages", nargs="+", default=None, help="url paths (default: all tools)")
    parser.add_argument(
        "--interval",
        type=float,
        nargs=2,
        default=(1.0, 2.0),
        metavar=("MIN", "MAX"),
        help="seconds each student waits between two changes (default 1 2)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--cold", action="store_true", help="no warm-up: students arrive at a fresh server"
    )
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 1 <= args.seconds <= 1800:
        parser.error("--sessions must be 1..200 and --seconds 1..1800")
    if not 0 < args.interval[0] <= args.interval[1] <= 600:
        parser.error("--interval needs 0 < MIN <= MAX <= 600")
    args.pages = args.pages or _default_pages()
    if not args.pages:
        parser.error("no page files to load yet")

    if args.url:
        url = check_loopback(args.url)
        port = int(url.rsplit(":", 1)[1]) if url.count(":") == 2 else 80
        pids = list(args.pid)
        if args.pid_dir:
            pids += [int(f.read_text()) for f in sorted(args.pid_dir.glob("streamlit-*.pid"))]
        pids = pids or listening_pids(port)
        ok = report(asyncio.run(run_load(args, url, pids)), args, url)
    else:
        log = ROOT / "bench" / "results" / "bench_load_server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        # Same config as production, but exception texts in the report (not only the log).
        with serve(log=log, extra_args=("--client.showErrorDetails", "full")) as (url, pid):
            ok = report(asyncio.run(run_load(args, url, [pid])), args, url)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
