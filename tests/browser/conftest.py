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

Helpers (``from tests.browser.page_tools import ...``)
-----------------------------------------------------
The server itself (``start_app_server``, ``stop_app_server``) is in
``tests.support.streamlit_server``, which the benchmarks share.

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

    from tests.browser.page_tools import assert_no_exception, expect_rerun, press_slider

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
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from convviz.site import PageInfo
from tests.browser.page_tools import (
    APP_IDLE,
    LOGS,
    NAVIGATION_TIMEOUT_MS,
    SCREENSHOTS,
    _safe_name,
    new_tab,
    save_screenshot,
    wait_until_idle,
)
from tests.support.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    AppServer,
    page_url,
    start_app_server,
    stop_app_server,
)


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


@pytest.fixture(scope="session")
def app_server(worker_id: str) -> Iterator[AppServer]:
    """One warmed-up Streamlit server per xdist worker, on its own free port."""
    if not (ROOT / "app.py").is_file():
        skip_or_fail("app.py does not exist yet")
    try:
        process, server = start_app_server(LOGS / f"streamlit-{worker_id}.log")
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
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


@pytest.fixture
def open_page(page, app_server) -> Callable:
    """``open_page(url_path, **query)``: navigate and wait for the first run to finish."""

    def _open(url_path: str, /, **query: object):
        page.goto(page_url(app_server.url, url_path, **query), wait_until="domcontentloaded")
        page.wait_for_selector(APP_IDLE, timeout=NAVIGATION_TIMEOUT_MS)
        wait_until_idle(page, before=0, timeout_ms=NAVIGATION_TIMEOUT_MS)
        return page

    return _open
