"""The transposed page in Chromium: play the stamps, click to pin a window or pick a row of Cᵀ,
tabs and sliders in the link, invalid settings fixed with one click, downloads."""

from __future__ import annotations

import pytest

from convviz.i18n import translate
from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    expect_rerun,
    play_on_client,
    press_slider,
    query_params,
)

pytestmark = pytest.mark.browser

SCATTER = ".st-key-transposed_scatter_chart .js-plotly-plot"
DIRECT = ".st-key-transposed_direct_chart .js-plotly-plot"
GRIDS = ".st-key-transposed_grids_chart .js-plotly-plot"
CT = ".st-key-transposed_ct_chart .js-plotly-plot"


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _open(open_page, chart, **query):
    page = open_page("transposed", **query)
    page.locator(chart).wait_for(state="visible")
    assert_no_exception(page)
    return page


def test_play_adds_the_stamps_in_the_browser(open_page, js_errors):
    page = _open(open_page, SCATTER, lang="zh")
    caption = play_on_client(page, SCATTER)
    assert caption.startswith("x[0,")
    assert "把" in caption
    assert js_errors == []


def test_clicking_an_output_cell_pins_its_window(open_page):
    page = _open(open_page, DIRECT, lang="en", view="direct")
    click_chart_cell(page, DIRECT, "3", 1, 2)
    text = _main_text(page)
    assert "Pinned: y[1,2]" in text
    assert "y[1,2] = 0·7 + 2·5 + 0·3 + 0·6 + 0·4 + 0·2 + 0·5 + 5·3 + 0·1 = 25" in text
    assert_no_exception(page)


def test_clicking_an_output_cell_picks_its_row_of_ct(open_page):
    page = _open(open_page, GRIDS, lang="en", view="matrix")
    click_chart_cell(page, GRIDS, "2", 1, 2)
    text = _main_text(page)
    assert "Picked output cell y[1,2] = row 7 of Cᵀ" in text
    assert "y[1,2] = w₂₁·x[0,1] + w₀₁·x[1,1] = 5·2 + 3·5 = 25" in text


def test_clicking_a_row_of_a_windowed_ct_picks_that_row(open_page):
    # Cᵀ is 121×25, shown 22 rows at a time: the link opens rows 22–43.
    link = {"view": "matrix", "input_size": 5, "stride": 2, "padding": 0, "ct_rows": 2}
    page = _open(open_page, CT, lang="en", **link)
    click_chart_cell(page, CT, "", 0, 3)
    assert "Picked output cell y[2,0] = row 22 of Cᵀ" in _main_text(page)
    assert query_params(page)["ct_rows"] == "2"
    assert_no_exception(page)


def test_tabs_and_sliders_are_in_the_link(open_page):
    page = _open(open_page, SCATTER, lang="en")
    with expect_rerun(page):
        page.get_by_role("tab", name="Checkerboard").click()
    assert query_params(page)["view"] == "checkerboard"
    assert "k = 3 is not divisible by s = 2" in _main_text(page)
    assert press_slider(page, "kernel_size", "ArrowRight") == 4
    assert query_params(page)["kernel_size"] == "4"
    assert "k = 4 is divisible by s = 2" in _main_text(page)


def test_invalid_output_padding_is_fixed_with_one_click(open_page):
    page = _open(open_page, SCATTER, lang="zh")
    assert press_slider(page, "output_padding", "ArrowRight", times=2) == 2
    rule = translate("error.output_padding_too_large", "zh", output_padding=2, stride=2, dilation=1)
    assert rule in _main_text(page)
    assert page.locator(SCATTER).count() == 0
    with expect_rerun(page):
        page.get_by_role("button", name="改用 output_padding = 1").click()
    assert query_params(page)["output_padding"] == "1"
    assert "= 6" in _main_text(page)
    assert_no_exception(page)


def test_downloads_have_the_setting_in_their_name(open_page):
    page = _open(open_page, SCATTER, lang="en")
    row = page.locator(".st-key-transposed_scatter_downloads")
    with page.expect_download() as download:
        row.get_by_role("button", name="GIF").click()
    assert download.value.suggested_filename == "transposed_i3_k3_s2_p1_a0_d1_scatter.gif"


def test_language_switch_keeps_the_open_tab(open_page):
    page = _open(open_page, GRIDS, lang="en", view="matrix")
    with expect_rerun(page):
        page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
    assert "矩阵形式：y = Cᵀ·x" in _main_text(page)
    assert query_params(page)["view"] == "matrix"
    assert_no_exception(page)
