"""Every page of ``convviz.site.PAGES`` in a real browser: renders, links, keyboard, language.

Generic checks only; page-specific interactions live in the pages' own browser tests.
"""

from __future__ import annotations

import pytest

from convviz.i18n import has_key, translate
from convviz.site import PAGES
from tests.browser.conftest import require_page_file
from tests.browser.page_tools import (
    LOGS,
    NAVIGATION_TIMEOUT_MS,
    assert_no_exception,
    expect_rerun,
    new_tab,
    press_slider,
    query_params,
    save_screenshot,
    slider_keys,
    slider_range,
    slider_value,
    wait_for_chart,
    wait_until_idle,
)
from tests.support.streamlit_server import start_app_server, stop_app_server

pytestmark = pytest.mark.browser

LANGS = ("en", "zh")
# Pages whose first screen has no figure by design.
WITHOUT_CHART = {"home", "practice"}
TOOL_PAGES = [p for p in PAGES if p.url_path != "home"]


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _active_nav_text(page) -> str:
    return page.locator("[data-testid='stSidebarNav'] a[aria-current='page']").inner_text()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("info", PAGES, ids=[p.url_path for p in PAGES])
def test_page_renders_in_language(open_page, js_errors, info, lang):
    require_page_file(info)
    page = open_page(info.url_path, lang=lang)

    assert_no_exception(page)
    assert page.get_by_role("dialog").count() == 0  # e.g. "Page not found"
    if has_key(info.title_key):
        title = translate(info.title_key, lang)
        assert title in _active_nav_text(page)
        if info.url_path != "home":  # the overview's heading is the app's name
            assert title in _main_text(page)
    if info.url_path not in WITHOUT_CHART:
        chart = wait_for_chart(page)
        assert chart.locator(".main-svg").count() >= 1
        assert page.locator("[data-testid='stPlotlyChart']").count() >= 1
    save_screenshot(page, f"{info.url_path}-{lang}")
    assert js_errors == []


def test_shared_link_reproduces_transposed_settings(open_page):
    require_page_file(next(p for p in PAGES if p.url_path == "transposed"))
    page = open_page("transposed", kernel_size=4, stride=2, padding=1)

    assert_no_exception(page)
    assert slider_value(page, "kernel_size") == 4
    assert slider_value(page, "stride") == 2
    assert slider_value(page, "padding") == 1


@pytest.mark.parametrize("info", TOOL_PAGES, ids=[p.url_path for p in TOOL_PAGES])
def test_link_sets_a_slider_and_keyboard_moves_update_the_link(open_page, info):
    require_page_file(info)
    page = open_page(info.url_path)
    keys = slider_keys(page)
    if not keys:
        pytest.skip(f"{info.url_path} shows no slider")
    key = keys[0]
    low, high = slider_range(page, key)
    default = slider_value(page, key)
    # A non-default value whose right neighbour is not the default either (a default value
    # leaves the URL), so both the link and the keyboard move show up in the query string.
    choices = [v for v in range(low, high) if default not in (v, v + 1)]
    if not choices:
        pytest.skip(f"slider {key} has no value away from its default")
    linked = choices[0]

    page = open_page(info.url_path, **{key: linked})
    assert_no_exception(page)
    assert slider_value(page, key) == linked

    assert press_slider(page, key, "ArrowRight") == linked + 1
    assert query_params(page).get(key) == str(linked + 1)
    assert_no_exception(page)


def test_language_switch_in_sidebar_translates_page_and_navigation(open_page):
    page = open_page("home")
    assert translate("app.title", "en") in _main_text(page)

    with expect_rerun(page):
        page.locator(".st-key-lang").get_by_text("简体中文").click()

    assert_no_exception(page)
    assert query_params(page).get("lang") == "zh"
    assert translate("app.title", "zh") in _main_text(page)
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    for info in PAGES:
        assert translate(info.title_key, "zh") in nav
    save_screenshot(page, "language-switch-zh")


@pytest.mark.parametrize("info", PAGES, ids=[p.url_path for p in PAGES])
def test_direct_link_on_a_fresh_server_runs_the_router(browser, worker_id, info):
    # The first visitor after a restart often arrives through a shared link, not "/". Until
    # a session has run st.navigation, Streamlit serves pages/ as a folder of pages named
    # after their files; a path that matched no file name showed a "Page not found" dialog.
    require_page_file(info)
    process, server = start_app_server(LOGS / f"streamlit-cold-{worker_id}.log", warm=False)
    tab = new_tab(browser)
    try:
        tab.goto(f"{server.url}/{info.url_path}?lang=zh")  # literally /home for the overview
        wait_until_idle(tab, timeout_ms=NAVIGATION_TIMEOUT_MS)
        save_screenshot(tab, f"cold-{info.url_path}-zh")
        assert tab.locator("[role='dialog']").count() == 0, tab.locator("body").inner_text()
        assert "Page not found" not in tab.locator("body").inner_text()
        assert tab.locator(".st-key-lang").count() == 1, (
            f"/{info.url_path} on a fresh server ran {info.file} without app.py "
            "(no language switch): Streamlit's pages/-folder mode until '/' is first opened"
        )
        assert translate(info.title_key, "zh") in _active_nav_text(tab)
        assert_no_exception(tab)
    finally:
        tab.context.close()
        stop_app_server(process)


def test_page_files_are_named_after_their_url_paths():
    # What keeps the folder mode above from missing a page (no browser needed).
    assert [p.file for p in PAGES] == [f"pages/{p.url_path}.py" for p in PAGES]


@pytest.mark.parametrize("fragment", ["![](//a.bc/x.png)", "[click](//a.bc/p)"])
def test_typed_markdown_in_a_link_is_shown_as_text(open_page, fragment):
    page = open_page("standard", input_values="custom", input_values_text=fragment)
    assert_no_exception(page)
    assert page.locator("img[src*='a.bc']").count() == 0
    assert page.locator("a[href*='a.bc']").count() == 0
    alerts = page.locator("[data-testid='stAlert']").all_inner_texts()
    assert any(fragment in text for text in alerts)  # shown as typed, character for character


def test_the_favicon_comes_from_the_app_itself(open_page, app_server):
    page = open_page("home")
    icons = page.locator("link[rel~='icon']")
    hrefs = [icons.nth(i).get_attribute("href") or "" for i in range(icons.count())]
    assert hrefs
    for href in hrefs:  # relative, or on the app's own host: nothing from an outside host
        assert not href.startswith(("http:", "https:", "//")) or href.startswith(app_server.url)
