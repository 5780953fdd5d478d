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
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_sessions import (
    Plan,
    Stats,
    browser_session,
    protocol_session,
    warm_up,
)
from playwright.async_api import async_playwright
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    ProcSample,
    check_loopback,
    descendants,
    listening_pids,
    percentile,
    print_table,
    read_proc,
    serve,
)

from convviz.site import PAGES

GOAL_P95_S = 1.0


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
