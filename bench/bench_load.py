"""Classroom load: students on one server (or two behind ``deploy/``), moving random controls.

Most sessions speak Streamlit's own websocket protocol (the protobuf ``BackMsg`` /
``ForwardMsg`` messages the browser sends and receives): they cost the server exactly what a
browser costs it, while the load generator stays light. A few sessions (``--browsers``,
default 3) are real Chromium tabs, so the figure includes rendering in a browser too. Thirty
Chromium tabs on a 2-core machine would load the machine more than the server does and
distort the server's figures; see deploy/README.md for the measurements behind this choice.

Each student opens a random page or tab (``?view=``) of every page (``--pages``), then until
the time is up waits 1–2 s and moves a random control to a random value of its whole range,
or now and then opens another page or tab (``load_sessions.py``). A change is timed from
sending it to the run's ``script_finished`` (browser tabs: from the input event). A change
that times out (15 s) is an error and counts in the times at 15 s; a page or tab that never
loads is an error. The report counts the distinct configurations the students reached (page,
tab and every control's value). Server CPU and RSS come from ``/proc``.

``--sessions`` takes several counts: each is one run, and a curve of them ends the report;
the default is 10, 30, 60 and 90 students on one process, then the same on two processes
behind nginx (``deploy/start_cluster.sh 2``) when nginx is installed (the report says when it
was skipped). Goals (issue 19): 30 students on one process with no errors and p95 < 1 s; 60
students on two processes with p95 < 1 s.

Run from the project root::

    python bench/bench_load.py                      # starts its own servers on 127.0.0.1
    python bench/bench_load.py --sessions 30 --no-cluster
    python bench/bench_load.py --url http://127.0.0.1:8501 --pid 1234
    python bench/bench_load.py --url http://127.0.0.1:8080 --pid-dir /tmp/convviz-cluster

Exit status 1 when a run had errors, else 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_sessions import CHANGE_TIMEOUT_S, Plan, Stats, browser_session, protocol_session, warm_up
from playwright.async_api import async_playwright
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    ProcSample,
    check_loopback,
    descendants,
    free_port,
    listening_pids,
    load_average,
    machine_line,
    page_views,
    percentile,
    print_table,
    read_proc,
    serve,
)

GOAL_P95_S = 1.0
DEFAULT_SESSIONS = (10, 30, 60, 90)
GOALS = {  # (setup, students): what issue 19 asks of that point of the curve
    ("one process", 30): "no errors, p95 < 1 s",
    ("two processes", 60): "p95 < 1 s",
}


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

    sessions: int
    stats: dict[str, Stats]
    servers: dict[int, list[ProcSample]]  # per server pid
    generator: list[ProcSample]
    load_average: tuple[str, str]  # /proc/loadavg before and after

    def everything(self) -> Stats:
        """Both kinds of client together."""
        total = Stats()
        for stats in self.stats.values():
            total.merge(stats)
        return total


async def run_load(
    args: argparse.Namespace, url: str, pids: list[int], sessions: int
) -> LoadResult:
    """Start ``sessions`` students (staggered over the ramp-up), wait until all have stopped."""
    stats = {"protocol": Stats(), "browser": Stats()}
    if not args.cold:
        for problem in await warm_up(url, args.views):
            print(f"warm-up: {problem}", file=sys.stderr)
    n_browsers = min(args.browsers, sessions)
    ramp = min(args.ramp, args.seconds / 4)
    plan = Plan(
        url,
        args.views,
        time.monotonic() + ramp + args.seconds,
        args.seed,
        tuple(args.interval),
        args.switch,
    )
    servers: dict[int, list[ProcSample]] = {pid: [] for pid in pids}
    generator: list[ProcSample] = []
    load_before = load_average()
    stop = asyncio.Event()
    samplers = [
        asyncio.create_task(sample_server([pid], stop, samples)) for pid, samples in servers.items()
    ]

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
    servers_and_children = {c for pid in pids for c in descendants(pid)}
    mine = [pid for pid in descendants(os.getpid()) if pid not in servers_and_children]
    own = asyncio.create_task(sample_server(mine, stop, generator))
    try:
        for number in range(sessions):
            delay = ramp * number / max(sessions, 1)
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
    load_after = load_average()
    return LoadResult(sessions, stats, servers, generator, (load_before, load_after))


def _cpu_figures(samples: list[ProcSample]) -> tuple[float, float]:
    """Average and peak CPU (% of one core) over the samples."""
    if len(samples) < 2 or samples[-1].wall <= samples[0].wall:
        return float("nan"), float("nan")
    rates = [
        100 * (b.cpu_s - a.cpu_s) / (b.wall - a.wall)
        for a, b in itertools.pairwise(samples)
        if b.wall > a.wall
    ]
    total = 100 * (samples[-1].cpu_s - samples[0].cpu_s) / (samples[-1].wall - samples[0].wall)
    return total, max(rates, default=float("nan"))


RUN_HEADERS = [
    "clients",
    "sessions",
    "changes",
    "errors",
    "timeouts",
    "first load p50 ms",
    "p50 ms",
    "p95 ms",
    "max ms",
    "configurations",
    "error alerts",
]


def report(result: LoadResult, args: argparse.Namespace, url: str, setup: str) -> None:
    """Print the tables of one run."""
    rows = [_row(kind, s) for kind, s in result.stats.items() if s.sessions]
    everything = result.everything()
    rows.append(_row("all", everything))
    print(
        f"\n{setup}, {url}: {result.sessions} students "
        f"({min(args.browsers, result.sessions)} in Chromium)"
    )
    warm = "cold server" if args.cold else "every page and tab opened once before"
    low, high = args.interval
    print(
        f"each student moves a random control to a random value every {low:g}–{high:g} s "
        f"(another page or tab {100 * args.switch:.0f}% of the time), "
        f"{args.seconds:.0f} s after a {args.ramp:.0f} s ramp-up ({warm}); "
        f"a timeout counts as {CHANGE_TIMEOUT_S:.0f} s\n"
    )
    print_table(RUN_HEADERS, rows)
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


def _row(kind: str, s: Stats) -> list[object]:
    return [
        kind,
        s.sessions,
        len(s.change_s),
        len(s.errors),
        s.timeouts,
        1000 * percentile(s.first_load_s, 50),
        1000 * percentile(s.change_s, 50),
        1000 * percentile(s.change_s, 95),
        1000 * max(s.change_s, default=float("nan")),
        len(s.configurations),
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


CURVE_HEADERS = [
    "setup",
    "students",
    "changes",
    "errors",
    "timeouts",
    "p50 ms",
    "p95 ms",
    "configurations",
    "server CPU avg %",
    "goal",
]


def curve_row(setup: str, result: LoadResult) -> list[object]:
    """One point of the curve, with the issue's goal for it when there is one."""
    s = result.everything()
    p95 = percentile(s.change_s, 95)
    cpu = [_cpu_figures(samples)[0] for samples in result.servers.values()]
    goal = GOALS.get((setup, result.sessions))
    if goal is None:
        verdict = "–"
    else:
        met = bool(s.change_s) and p95 < GOAL_P95_S and (setup != "one process" or not s.errors)
        verdict = f"{goal}: {'met' if met else 'NOT met'}"
    return [
        setup,
        result.sessions,
        len(s.change_s),
        len(s.errors),
        s.timeouts,
        1000 * percentile(s.change_s, 50),
        1000 * p95,
        len(s.configurations),
        " + ".join(f"{c:.0f}" for c in cpu) or "–",
        verdict,
    ]


def curve(args: argparse.Namespace, setup: str, url: str, pids: list[int]) -> list[list[object]]:
    """One run per count of ``--sessions`` on the server(s) at ``url``; the curve's rows."""
    rows = []
    for sessions in args.sessions:
        result = asyncio.run(run_load(args, url, pids, sessions))
        report(result, args, url, setup)
        rows.append(curve_row(setup, result))
    return rows


@contextlib.contextmanager
def cluster(processes: int) -> Iterator[tuple[str, list[int]]]:
    """``deploy/start_cluster.sh`` with ``processes`` servers and nginx on free ports.

    Yields the proxy's URL and the servers' pids; stops exactly what it started.
    """
    with tempfile.TemporaryDirectory(prefix="convviz-bench-cluster-") as run_dir:
        proxy = free_port()
        base = free_port()
        while proxy in range(base, base + processes):  # the servers take base, base + 1, …
            base = free_port()
        env = {
            **os.environ,
            "RUN_DIR": run_dir,
            "BASE_PORT": str(base),
            "PROXY_PORT": str(proxy),
            "PYTHON": sys.executable,
        }
        script = str(ROOT / "deploy" / "start_cluster.sh")
        try:
            subprocess.run([script, str(processes)], env=env, check=True, cwd=ROOT)
            pids = [int(f.read_text()) for f in sorted(Path(run_dir).glob("streamlit-*.pid"))]
            yield f"http://127.0.0.1:{proxy}", pids
        finally:
            subprocess.run([script, "stop"], env=env, check=False, cwd=ROOT)


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
    parser.add_argument(
        "--sessions",
        type=int,
        nargs="+",
        default=list(DEFAULT_SESSIONS),
        help="students per run; several counts make a curve (default: 10 30 60 90)",
    )
    parser.add_argument("--browsers", type=int, default=3, help="sessions that are Chromium tabs")
    parser.add_argument("--seconds", type=float, default=60.0, help="measured time after ramp-up")
    parser.add_argument("--ramp", type=float, default=5.0, help="students join over this time")
    parser.add_argument(
        "--pages",
        nargs="+",
        default=None,
        help="pages or single tabs, e.g. transposed or transposed?view=direct (default: all tools)",
    )
    parser.add_argument(
        "--interval",
        type=float,
        nargs=2,
        default=(1.0, 2.0),
        metavar=("MIN", "MAX"),
        help="seconds each student waits between two actions (default 1 2)",
    )
    parser.add_argument(
        "--switch", type=float, default=0.1, help="chance an action opens another page or tab"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--cold", action="store_true", help="no warm-up: students arrive at a fresh server"
    )
    parser.add_argument(
        "--no-cluster", action="store_true", help="skip the two processes behind nginx"
    )
    args = parser.parse_args(argv)
    if not all(1 <= n <= 200 for n in args.sessions) or not 1 <= args.seconds <= 1800:
        parser.error("--sessions must be 1..200 and --seconds 1..1800")
    if not 0 < args.interval[0] <= args.interval[1] <= 600 or not 0 <= args.switch <= 1:
        parser.error("--interval needs 0 < MIN <= MAX <= 600, --switch 0..1")
    args.views = page_views(args.pages)
    if not args.views:
        parser.error("no page files to load")

    rows: list[list[object]] = []
    skipped = ""
    machine_before = machine_line()
    if args.url:
        url = check_loopback(args.url)
        port = int(url.rsplit(":", 1)[1]) if url.count(":") == 2 else 80
        pids = list(args.pid)
        if args.pid_dir:
            pids += [int(f.read_text()) for f in sorted(args.pid_dir.glob("streamlit-*.pid"))]
        pids = pids or listening_pids(port)
        rows += curve(args, "server at --url", url, pids)
    else:
        log = ROOT / "bench" / "results" / "bench_load_server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        # Same config as production, but exception texts in the report (not only the log).
        with serve(log=log, extra_args=("--client.showErrorDetails", "full")) as (url, pid):
            rows += curve(args, "one process", url, [pid])
        if args.no_cluster:
            skipped = "two processes behind deploy/: skipped (--no-cluster)"
        elif shutil.which("nginx") is None:
            skipped = "two processes behind deploy/: skipped (nginx is not installed)"
        else:
            with cluster(2) as (proxy_url, pids):
                rows += curve(args, "two processes", proxy_url, pids)
    print("\nCurve (every run above; a timeout counts in p95 at its timeout)\n")
    print(machine_before)
    print(machine_line("at end") + "\n")
    print_table(CURVE_HEADERS, rows)
    if skipped:
        print(f"\n{skipped}")
    return 1 if any(row[3] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
