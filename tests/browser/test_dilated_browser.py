"""The dilated page in Chromium: click to pin a cell, play the window, edit the layer table
(and find the edit still there after a visit to another tab), URL state and downloads."""

from __future__ import annotations

import pytest

from tests.browser.page_tools import (
    CELL_XY_JS,
    assert_no_exception,
    click_chart_cell,
    expect_rerun,
    play_on_client,
    press_slider,
    query_params,
)

pytestmark = pytest.mark.browser

WINDOW = ".st-key-dilated_window .js-plotly-plot"
EDITOR = ".st-key-layer_editor_0 [data-testid='stDataFrame']"


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _open(open_page, *, shown=WINDOW, **query):
    page = open_page("dilated", **query)
    page.locator(shown).wait_for(state="visible")
    assert_no_exception(page)
    return page


def test_clicking_an_output_cell_pins_it(open_page):
    page = _open(open_page, lang="en")
    click_chart_cell(page, WINDOW, "3", 1, 2)
    assert "Pinned: y[1, 2] reads the padded input at rows 1, 3, 5 and columns 2, 4, 6" in (
        _main_text(page)
    )
    assert "= 234" in _main_text(page)
    assert_no_exception(page)


def test_a_click_below_the_shorter_output_pins_nothing(open_page):
    # The 3×3 output stands beside the 7×7 input; half a cell under its last row is empty
    # page, not a cell (the pointer used to find the bottom row from there). Three tries, as
    # a click landing while Plotly still draws is lost; then a real cell pins as before.
    page = _open(open_page, lang="en")
    plot = page.locator(WINDOW)
    plot.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    sent = int(page.evaluate("window.__convvizRuns.sent"))
    for _ in range(3):
        x, y = plot.evaluate(CELL_XY_JS, ["3", 3.0, 1])
        page.mouse.click(x, y)
        page.wait_for_timeout(700)
        page.mouse.move(0, 0)
    assert int(page.evaluate("window.__convvizRuns.sent")) == sent
    assert "Pinned: y[0, 0]" in _main_text(page)
    click_chart_cell(page, WINDOW, "3", 2, 1)
    assert "Pinned: y[2, 1]" in _main_text(page)
    assert_no_exception(page)


def test_a_cell_too_small_for_its_number_can_still_be_clicked(open_page):
    # a 12×12 output: its numbers move to the hover text, its cells stay clickable
    page = _open(open_page, lang="en", input_size="12", dilation="4", padding="4")
    click_chart_cell(page, WINDOW, "3", 1, 2)
    assert "Pinned: y[1, 2] reads the padded input at rows 1, 5, 9 and columns 2, 6, 10" in (
        _main_text(page)
    )
    assert_no_exception(page)


def test_play_moves_the_window_without_a_rerun(open_page):
    page = _open(open_page, lang="zh")
    caption = play_on_client(page, WINDOW, timeout_ms=10_000)
    assert caption.startswith("y[0, ") or caption.startswith("y[1, ")


def test_sliders_write_the_link_and_the_formula(open_page):
    page = _open(open_page, lang="en")
    assert press_slider(page, "dilation", "ArrowRight") == 3
    assert query_params(page)["dilation"] == "3"
    assert "⌊0 / 1⌋ + 1 = 1" in _main_text(page)


def _open_tab(page, name: str) -> None:
    with expect_rerun(page):
        page.get_by_role("tab", name=name).click()


def test_editing_the_layer_table_updates_the_link(open_page):
    page = _open(open_page, shown=EDITOR, lang="en", view="stacks")
    grid = page.locator(EDITOR)
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # let the charts above finish drawing before measuring
    box = grid.bounding_box()
    # Select the first data cell (kernel k of layer 1: just under the ~35 px header, right of
    # the row markers), then move with the keyboard: two rows down, two columns right.
    page.mouse.click(box["x"] + 80, box["y"] + 35 + 17)
    page.wait_for_timeout(300)
    for key in ("ArrowDown", "ArrowDown", "ArrowRight", "ArrowRight"):
        page.keyboard.press(key)
        page.wait_for_timeout(100)  # the grid moves its selection on the next frame
    page.keyboard.type("3")  # typing on a selected cell starts editing it
    page.wait_for_timeout(300)
    with expect_rerun(page):
        page.keyboard.press("Enter")
    assert query_params(page)["layers"] == "3-1-1,3-1-2,3-1-3"
    assert "sees a 13×13 patch" in _main_text(page)
    # Another tab drops the table's own state; back on this tab it starts from the link.
    _open_tab(page, "WaveNet")
    assert query_params(page)["layers"] == "3-1-1,3-1-2,3-1-3"
    _open_tab(page, "Stacks and receptive field")
    page.locator(EDITOR).wait_for(state="visible")
    assert "sees a 13×13 patch" in _main_text(page)
    assert query_params(page)["layers"] == "3-1-1,3-1-2,3-1-3"
    assert_no_exception(page)


def test_link_restores_the_stack_and_downloads_work(open_page):
    page = _open(open_page, shown=EDITOR, lang="en", layers="3-1-2,3-1-2,3-1-2", view="stacks")
    assert "Gridding: 120 of the 169 pixels" in _main_text(page)
    page = _open(open_page, lang="en")
    button = page.locator(".st-key-dilated_window_downloads").get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "dilated_i7_k3_s1_p0_d2.png"
