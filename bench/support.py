"""Shared pieces of the benchmarks: a loopback server, process sampling, percentiles, tables.

The server and browser-side helpers (run counter, Chromium flags, warm-up over the websocket)
come from ``tests.support.streamlit_server``, the module the browser tests start the app with,
so both measure the same way.
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from machine import load_average, machine_line  # noqa: E402

from convviz.i18n import catalogue  # noqa: E402
from convviz.site import PAGES  # noqa: E402
from tests.support.streamlit_server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE_AFTER_JS,
    RUN_COUNTER_JS,
    free_port,
    healthy,
    page_url,
    run_root_once,
    stop_app_server,
    streamlit_command,
)

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "IDLE_AFTER_JS",
    "ROOT",
    "RUN_COUNTER_JS",
    "ProcSample",
    "View",
    "check_loopback",
    "free_port",
    "load_average",
    "machine_line",
    "page_url",
    "page_views",
    "percentile",
    "print_table",
    "read_proc",
    "run_root_once",
    "serve",
]

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def check_loopback(url: str) -> str:
    """Return ``url`` without a trailing slash; refuse anything but a loopback host."""
    host = urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SystemExit(f"only loopback targets are allowed (127.0.0.0/8, ::1): {url}")
    return url.rstrip("/")


@contextlib.contextmanager
def serve(
    *, extra_args: Sequence[str] = (), log: Path | None = None, timeout_s: float = 60.0
) -> Iterator[tuple[str, int]]:
    """Run ``streamlit run app.py`` with the project's own config on a free loopback port.

    Yields ``(url, pid)`` once ``/_stcore/health`` answers and the root page has run once
    (so direct page links go through the router; see ``run_root_once``). Stops the whole
    process group on exit.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    out = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        streamlit_command(port, *extra_args),
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout_s
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"streamlit did not start on {url} (see {log or 'its output'})")
            time.sleep(0.2)
        run_root_once(url)
        yield url, process.pid
    finally:
        stop_app_server(process)
        if log:
            out.close()


@dataclass(frozen=True)
class View:
    """One page, or one tab of a page with lazy tabs (``?view=<tab>``; ``None``: no tabs)."""

    file: str  # page file relative to the project root
    url_path: str
    tab: str | None = None
    default_tab: bool = True  # the tab a page opens on (no ``?view=`` needed)

    @property
    def name(self) -> str:
        """``url_path`` or ``url_path?view=tab``, as a column of the tables."""
        return self.url_path if self.tab is None else f"{self.url_path}?view={self.tab}"

    @property
    def query(self) -> dict[str, str]:
        """The query parameters that open this view on a fresh session."""
        return {} if self.tab is None else {"view": self.tab}


def page_views(url_paths: Sequence[str] | None = None, *, home: bool = False) -> list[View]:
    """Every page of ``convviz.site.PAGES`` that has a file, each tab as its own view.

    A page's tabs are the ``<url_path>.tab.<code>`` keys of the string catalogue, in the order
    they are defined (the first is the tab a page opens on: ``convviz.controls.tabs``).
    ``url_paths`` keeps only those pages (all their tabs) and views named as
    :attr:`View.name` gives them (``transposed?view=direct``: that tab); ``home=False`` leaves
    the overview out.
    """
    views = []
    for page in PAGES:
        if not (home or page.url_path != "home"):
            continue
        if not (ROOT / page.file).is_file():
            continue
        prefix = f"{page.url_path}.tab."
        tabs = [key.removeprefix(prefix) for key in catalogue() if key.startswith(prefix)]
        if not tabs:
            views.append(View(page.file, page.url_path))
        views += [View(page.file, page.url_path, tab, n == 0) for n, tab in enumerate(tabs)]
    if url_paths is None:
        return views
    return [view for view in views if view.url_path in url_paths or view.name in url_paths]


@dataclass(frozen=True)
class ProcSample:
    """CPU time (s) and resident memory (MiB) of a set of processes at one instant."""

    wall: float
    cpu_s: float
    rss_mib: float


def read_proc(pids: Sequence[int]) -> ProcSample:
    """Sum of user+system CPU seconds (``/proc/<pid>/stat``) and ``VmRSS`` over ``pids``.

    Processes that have gone away count as zero.
    """
    cpu = 0.0
    rss_kib = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        # Fields after the ")" that closes the command name; utime, stime are 14th, 15th.
        fields = stat.rsplit(")", 1)[1].split()
        cpu += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss_kib += int(line.split()[1])
    return ProcSample(wall=time.monotonic(), cpu_s=cpu, rss_mib=rss_kib / 1024)


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from the parent ids in ``/proc/*/stat``)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def listening_pids(port: int) -> list[int]:
    """Processes holding a listening TCP socket on ``port`` (IPv4 or IPv6), from ``/proc``."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                local, state, inode = parts[1], parts[3], parts[9]
                if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{inode}]")
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            for fd in (entry / "fd").iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) in inodes:
                        pids.append(int(entry.name))
                        break
    return sorted(pids)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by linear interpolation; ``nan`` when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain aligned table (numbers right-aligned)."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return "–" if math.isnan(value) else f"{value:,.1f}"
        return str(value)

    text = [[cell(v) for v in row] for row in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in text)) if text else len(h) for i, h in enumerate(headers)
    ]
    numeric = [all(isinstance(row[i], int | float) for row in rows) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    print(line(list(headers)))
    print(line(["-" * w for w in widths]))
    for row in text:
        print(line(row))
