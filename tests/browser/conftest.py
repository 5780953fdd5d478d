"""Browser fixtures: the real app (``streamlit run app.py``) in Debian's headless Chromium.

Each pytest-xdist worker starts its own Streamlit server on a free loopback port and its own
Chromium; every test gets a fresh browser context. Without ``/usr/bin/chromium`` (or without
``app.py`` or a listed page file) the browser tests skip locally and fail when ``CI`` is set.

Fixtures
--------
app_server : AppServer
    The running server: ``url`` (``http://127.0.0.1:<port>``), ``port`` and ``log`` (the
    server's output, in ``test-artifacts/logs/``). Session scope, one per worker.
browser : playwright.sync_api.Browser
    Chromium launched from ``/usr/bin/chromium`` (``playwright install`` is never needed).
page : playwright.sync_api.Page
    A fresh context (1400×900) with a run counter installed (see :func:`expect_rerun`).
    Closed after the test; a failing test leaves ``test-artifacts/screenshots/<test>-failed.png``.
js_errors : list of str
    Uncaught JavaScript errors of ``page`` so far (``pageerror`` events).
open_page : callable ``(url_path, /, **query) -> Page``
    Go to ``/<url_path>?<query>`` (``url_path`` as in ``convviz.site.PAGES``) and wait until
    the script has finished: ``[data-testid='stApp'][data-test-script-state='notRunning']``,
    no stale elements and no ``stSkeleton`` placeholders (Streamlit loads element code
    lazily, so a fresh context may show skeletons after the run), then a short settle.

Helpers (``from tests.browser.conftest import ...``)
----------------------------------------------------
assert_no_exception(page)
    No ``[data-testid='stException']`` box; the message shows the box's text otherwise.
expect_rerun(page)
    Context manager: the block must trigger a rerun; waits until it has finished.
slider(page, key) / slider_value(page, key) / slider_range(page, key)
    The thumb of the slider with widget key ``key`` (engine names: ``stride``, ...), its
    value and its ``(min, max)``.
press_slider(page, key, keys="ArrowRight", times=1)
    Keyboard moves on that slider, each waiting for its rerun; returns the new value.
slider_keys(page)
    The widget keys of all sliders shown, sidebar first.
query_params(page)
    The page URL's query string as a dict.
wait_for_chart(page)
    The first rendered Plotly chart (``.js-plotly-plot``).
click_chart_cell(page, chart, axis, row, col)
    Click data cell (row, col) of panel ``axis`` ("" for the first, "2", "3", …) of the
    Plotly chart matched by the selector ``chart``, positioned from Plotly's own axes; the
    click must trigger a rerun (an ``on_select`` chart).
save_screenshot(page, name, *, full_page=True)
    Save ``test-artifacts/screenshots/<name>.png``; returns the path.
require_page_file(page_info)
    Skip (locally) or fail (in CI) when a page of ``convviz.site.PAGES`` has no file yet.
start_app_server(log, *, warm=True) / stop_app_server(process) / new_tab(browser)
    An extra server (e.g. a cold one) and a page outside the fixtures.

Example of a page-specific test (e.g. in ``tests/browser/test_transposed_browser.py``)::

    import pytest

    from tests.browser.conftest import assert_no_exception, expect_rerun, press_slider

    pytestmark = pytest.mark.browser


    def test_stride_shows_inserted_zeros(open_page):
        page = open_page("transposed", kernel_size=3, stride=1)
        assert press_slider(page, "stride", "ArrowRight") == 2
        with expect_rerun(page):
            page.get_by_role("button", name="Step").click()
        assert_no_exception(page)

Streamlit 1.67 draws sliders as ``<input type="range">`` (implicit ARIA role ``slider``):
the value is the input's ``value``; ``aria-valuenow`` is read first for other versions.
Widgets with a key sit in a container with the class ``st-key-<key>``.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from convviz.site import PageInfo

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
README_SCREENSHOTS = ROOT / "assets" / "screenshots"
README_VIEWPORT = {"width": 1400, "height": 1000}
LOGS = ARTIFACTS / "logs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 900}
DEFAULT_URL_PATH = "home"  # st.Page(..., default=True) in app.py, served at "/"
SERVER_START_TIMEOUT_S = 60.0
NAVIGATION_TIMEOUT_MS = 60_000
RERUN_TIMEOUT_MS = 30_000
SETTLE_MS = 250

APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
PLOTLY = ".js-plotly-plot, [data-testid='stPlotlyChart']"

# Counts finished script runs by reading the app's websocket: every ForwardMsg whose top-level
# field 6 (``script_finished``) is set, except "finished early for a rerun" (value 2). The
# ``data-test-script-state`` attribute alone is not enough: when a run's messages arrive
# together, React renders running -> notRunning in one commit and the DOM never shows it.
RUN_COUNTER_JS = """
(() => {
  const runs = {sent: 0, finished: 0, finishedAt: 0};
  window.__convvizRuns = runs;
  const varint = (bytes, at) => {
    let value = 0, scale = 1, i = at;
    while (i < bytes.length) {
      const b = bytes[i++];
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) return [value, i];
    }
    return [-1, bytes.length];
  };
  const scriptFinished = (buffer) => {
    if (!(buffer instanceof ArrayBuffer)) return false;
    const bytes = new Uint8Array(buffer);
    let i = 0;
    while (i < bytes.length) {
      let tag, value;
      [tag, i] = varint(bytes, i);
      if (tag < 0) return false;
      const field = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) {
        [value, i] = varint(bytes, i);
        if (field === 6) return value !== 2;
      } else if (wire === 2) {
        [value, i] = varint(bytes, i);
        i += value;
      } else if (wire === 1) { i += 8; } else if (wire === 5) { i += 4; } else { return false; }
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (scriptFinished(event.data)) {
          runs.finished += 1;
          runs.finishedAt = performance.now();
        }
      });
    }
    send(data) {
      runs.sent += 1;
      return super.send(data);
    }
  };
})();
"""
IDLE_AFTER_JS = """
(before) => {
  const app = document.querySelector("[data-testid='stApp']");
  return !!app && window.__convvizRuns.finished > before
    && app.getAttribute("data-test-script-state") === "notRunning"
    && document.querySelectorAll("[data-stale='true'], [data-testid='stSkeleton']").length === 0;
}
"""

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


def in_ci() -> bool:
    """Whether the suite runs in CI (``CI`` set), where nothing may be skipped."""
    return bool(os.environ.get("CI"))


def skip_or_fail(reason: str) -> None:
    """Skip the test locally; fail it in CI, where the browser suite must run in full."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this is an error, not a skip)", pytrace=False)
    pytest.skip(reason)


def require_page_file(page_info: PageInfo) -> None:
    """Skip (locally) or fail (in CI) when ``page_info.file`` does not exist yet."""
    if not (ROOT / page_info.file).is_file():
        skip_or_fail(f"{page_info.file} does not exist yet")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class AppServer:
    """A running ``streamlit run app.py`` on the loopback interface."""

    url: str
    port: int
    log: Path


# Loopback only: never through a proxy from the environment.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _healthy(url: str) -> bool:
    try:
        with _DIRECT.open(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop_app_server(process: subprocess.Popen) -> None:
    """Stop the server and everything it started (its own process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# Runs first in the server's own interpreter: asks Linux for SIGTERM when the parent (the test
# run) dies, then becomes ``python -m streamlit ...``. The server has its own session so that
# teardown can stop its whole group; this keeps it from outliving a run killed before teardown.
DIE_WITH_PARENT = (
    "import ctypes, os, signal, sys; "
    "ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM); "  # PR_SET_PDEATHSIG
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)


def streamlit_command(port: int, *extra: str) -> list[str]:
    """``streamlit run app.py`` headless on 127.0.0.1:``port``, tied to this process's life."""
    return [
        sys.executable,
        "-c",
        DIE_WITH_PARENT,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        *extra,
    ]


def _start(port: int, log: Path) -> subprocess.Popen:
    # Tracebacks in the page (and so in failure screenshots); learners get "type".
    command = streamlit_command(
        port, "--client.showErrorDetails", "full", "--browser.gatherUsageStats", "false"
    )
    with log.open("w") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # own process group: teardown kills it whole
        )


def run_root_once(url: str, *, timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
    """Run the app's root page once over the websocket, as a first visitor of ``/`` does.

    With a ``pages/`` folder next to ``app.py``, Streamlit 1.67 serves a fresh server in the
    old folder-based mode (``PagesManager.uses_pages_directory``) until some session has run
    ``app.py`` and so called ``st.navigation``: until then a direct link such as
    ``/standard?lang=zh`` runs ``pages/standard.py`` alone, without the router (no language
    switch, English text). The shared test server is warmed up this way so that results do
    not depend on which test happens to come first;
    ``test_direct_link_on_a_fresh_server_runs_the_router`` checks the cold case on its own.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    request = BackMsg()
    request.rerun_script.query_string = ""
    request.rerun_script.page_name = ""
    deadline = time.monotonic() + timeout_s
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    with connect(
        stream, subprotocols=["streamlit"], max_size=None, open_timeout=10, proxy=None
    ) as ws:
        ws.send(request.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(ws.recv(timeout=max(deadline - time.monotonic(), 0.1)))
            if reply.WhichOneof("type") == "script_finished":
                return


def start_app_server(log: Path, *, warm: bool = True) -> tuple[subprocess.Popen, AppServer]:
    """Start ``streamlit run app.py`` on a free loopback port and wait until it is healthy.

    Returns the process (stop it with :func:`stop_app_server`) and its :class:`AppServer`.
    ``warm=True`` runs the root page once first (see :func:`run_root_once`).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):  # another process may grab the port between bind and start
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        process = _start(port, log)
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while process.poll() is None and time.monotonic() < deadline:
            if _healthy(url):
                break
            time.sleep(0.2)
        if process.poll() is None and _healthy(url):
            break
        stop_app_server(process)
    else:
        pytest.fail(f"streamlit did not become healthy; last output:\n{_tail(log)}")
    if warm:
        try:
            run_root_once(url)
        except Exception:
            stop_app_server(process)
            raise
    return process, AppServer(url=url, port=port, log=log)


@pytest.fixture(scope="session")
def app_server(worker_id: str) -> Iterator[AppServer]:
    """One warmed-up Streamlit server per xdist worker, on its own free port."""
    if not (ROOT / "app.py").is_file():
        skip_or_fail("app.py does not exist yet")
    process, server = start_app_server(LOGS / f"streamlit-{worker_id}.log")
    try:
        yield server
    finally:
        stop_app_server(process)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Debian's Chromium, headless, driven by Playwright (no downloaded browsers)."""
    if not Path(CHROMIUM).is_file():
        skip_or_fail(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in requirements-test.txt
        skip_or_fail("playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so ``page`` can screenshot failures."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def new_tab(browser):
    """A page in a fresh context (1400×900) with the run counter; close its ``context``."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.add_init_script(RUN_COUNTER_JS)
    context.set_default_timeout(RERUN_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser, app_server, request):
    """A fresh context and page; a failing test leaves a screenshot of where it stood."""
    tab = new_tab(browser)
    stale = SCREENSHOTS / f"{_safe_name(request.node.name)}-failed.png"
    stale.unlink(missing_ok=True)  # from an earlier run of this test
    try:
        yield tab
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            with contextlib.suppress(Exception):
                save_screenshot(tab, f"{request.node.name}-failed")
        tab.context.close()


@pytest.fixture
def js_errors(page) -> list[str]:
    """Uncaught JavaScript errors of ``page``, collected from the moment the test starts."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def page_url(base: str, url_path: str, **query: object) -> str:
    """``<base>/<url_path>?<query>`` with the query values turned into strings.

    The default page (``home`` in ``app.py``) lives at ``/``: ``st.navigation`` answers
    ``/home`` with a "Page not found" dialog.
    """
    path = "" if url_path == DEFAULT_URL_PATH else url_path
    suffix = f"?{urlencode({k: str(v) for k, v in query.items()})}" if query else ""
    return f"{base}/{path}{suffix}"


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


@pytest.fixture
def open_page(page, app_server) -> Callable:
    """``open_page(url_path, **query)``: navigate and wait for the first run to finish."""

    def _open(url_path: str, /, **query: object):
        page.goto(page_url(app_server.url, url_path, **query), wait_until="domcontentloaded")
        page.wait_for_selector(APP_IDLE, timeout=NAVIGATION_TIMEOUT_MS)
        wait_until_idle(page, before=0, timeout_ms=NAVIGATION_TIMEOUT_MS)
        return page

    return _open


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


def click_chart_cell(page, chart: str, axis: str, row: int, col: int) -> None:
    """Click cell (row, col) of panel ``axis`` of the chart ``chart``; waits for the rerun."""
    plot = page.locator(chart)
    plot.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let the chart settle after scrolling before measuring
    x, y = plot.evaluate(CELL_XY_JS, [axis, row, col])
    with expect_rerun(page):
        page.mouse.click(x, y)


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
