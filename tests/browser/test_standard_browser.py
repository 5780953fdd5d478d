"""The standard page in Chromium: a slider rewrites the formula and the link, clicking an output
cell (or a row of C) pins its window, the window plays on the client, downloads, screenshots."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    play_on_client,
    press_slider,
    query_params,
    readme_screenshot,
    save_screenshot,
)

pytestmark = pytest.mark.browser

WINDOW = ".st-key-standard_window .js-plotly-plot"
C_CHART = ".st-key-standard_c_chart .js-plotly-plot"


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _open(open_page, chart=WINDOW, **query):
    page = open_page("standard", **query)
    page.locator(chart).wait_for(state="visible")
    assert_no_exception(page)
    return page


def test_slider_rewrites_the_formula_and_the_link(open_page):
    page = _open(open_page, lang="en")
    assert press_slider(page, "stride", "ArrowRight") == 2
    assert query_params(page)["stride"] == "2"
    assert "⌊(5 + 2·0 − 3) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = 2" in _main_text(page)
    assert_no_exception(page)


def test_clicking_an_output_cell_pins_it(open_page):
    page = _open(open_page, lang="en")
    click_chart_cell(page, WINDOW, "3", 1, 2)
    text = _main_text(page)
    assert "Pinned: y[1, 2] reads rows 1–3 and columns 2–4 of the padded input" in text
    assert "= 726" in text
    assert_no_exception(page)


def test_play_moves_the_window_without_a_rerun(open_page):
    page = _open(open_page, lang="zh")
    caption = play_on_client(page, WINDOW, timeout_ms=10_000)
    assert caption.startswith("y[0, ") or caption.startswith("y[1, ")


def test_clicking_a_row_of_c_pins_its_window(open_page):
    page = _open(open_page, chart=C_CHART, lang="en", view="matrix")
    click_chart_cell(page, C_CHART, "", 4, 12)
    assert "Row 4 of C is output cell y[1, 1]" in _main_text(page)
    assert_no_exception(page)


def test_clicking_a_row_of_a_windowed_c_pins_that_row(open_page):
    # C is 49×49, shown 21 rows at a time: the link opens rows 21–41, so the window's first
    # row is row 21 of C.
    link = {"view": "matrix", "input_size": 7, "padding": 1, "c_rows": 2}
    page = _open(open_page, chart=C_CHART, lang="en", **link)
    click_chart_cell(page, C_CHART, "", 0, 0)
    assert "Row 21 of C is output cell y[3, 0]" in _main_text(page)
    assert query_params(page)["c_rows"] == "2"  # the pinned row is on the page shown
    assert_no_exception(page)


def test_download_and_screenshot(open_page):
    page = _open(open_page, lang="en", padding="1", padding_mode="reflect")
    button = page.locator(".st-key-standard_window_downloads").get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "standard_i5x5_k3x3_s1x1_p1x1_explicit_reflect.png"
    path = download.value.path()
    assert Image.open(path).format == "PNG"
    assert Image.open(save_screenshot(page, "standard-reflect")).size[0] == 1400


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_for_the_readme(open_page, lang):
    page = _open(open_page, lang=lang, stride="2", padding="1")
    path = readme_screenshot(page, f"standard-{lang}")
    assert Image.open(path).size == (1400, 1000)
    assert Image.open(save_screenshot(page, f"standard-{lang}-full")).size[1] > 1000
