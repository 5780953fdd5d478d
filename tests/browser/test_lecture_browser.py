"""Lecture mode in Chromium at 1024×768: sidebar closed, text hidden, the main figure at least
70 % of the window's width with cell numbers of 24 px or more, and ← / → / space driving the
animation in the browser (no server run)."""

from __future__ import annotations

import pytest

from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    query_params,
    readme_screenshot,
    save_screenshot,
)

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1024, "height": 768}
# The figures whose numbers must read from the back of the room, and their chart keys.
ANIMATED = {"standard": "standard_window", "transposed": "transposed_scatter_chart"}
ANIMATED["dilated"] = "dilated_window"
ACTIVE_JS = "el => el._fullLayout.sliders[0].active"
VISIBLE_TEXT_JS = """
() => [...document.querySelector("[data-testid='stMain']").querySelectorAll(
    "[data-testid='stMarkdown'], [data-testid='stCaptionContainer']"
  )].filter((e) => e.offsetParent !== null && e.innerText.trim()).map((e) => e.innerText)
"""
CELL_FONT_JS = """
el => [...el.querySelectorAll('.scatterlayer .textpoint text')]
  .filter((t) => /^-?[0-9]+$/.test(t.textContent.trim()))
  .map((t) => parseFloat(getComputedStyle(t).fontSize))
"""

# Whether the main area has the focus, its outline, and the inset shadow Streamlit draws on
# its ::before as a focus ring.
MAIN_RING_JS = """
() => {
  const main = document.querySelector("[data-testid='stMain']");
  return [document.activeElement === main, getComputedStyle(main).outlineStyle,
    getComputedStyle(main, "::before").boxShadow];
}
"""
# The focused element's focus ring: its outline and its box shadow.
RING_JS = """
() => [getComputedStyle(document.activeElement).outlineStyle,
  getComputedStyle(document.activeElement).boxShadow]
"""


def _runs(page) -> int:
    return page.evaluate("window.__convvizRuns.finished")


@pytest.mark.parametrize("url_path", list(ANIMATED))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lecture_mode_on_a_projector(page, open_page, url_path, lang):
    page.set_viewport_size(PROJECTOR)
    open_page(url_path, lecture=1, lang=lang)
    assert_no_exception(page)
    chart = page.locator(f".st-key-{ANIMATED[url_path]} .js-plotly-plot")
    chart.wait_for(state="visible")
    page.wait_for_timeout(500)
    save_screenshot(page, f"lecture-{url_path}-{lang}", full_page=False)

    sidebar = page.locator("[data-testid='stSidebar']").bounding_box()
    assert sidebar is None or sidebar["x"] + sidebar["width"] <= 1  # collapsed, off screen
    assert page.evaluate(VISIBLE_TEXT_JS) == []  # prose hidden
    box = chart.bounding_box()
    assert box["width"] >= 0.7 * PROJECTOR["width"]
    assert 0 < box["y"] < PROJECTOR["height"] / 3
    sizes = chart.evaluate(CELL_FONT_JS)
    assert sizes and min(sizes) >= 24, sizes

    runs = _runs(page)
    page.mouse.click(5, 300)  # focus the page (its left margin), not a widget
    start = chart.evaluate(ACTIVE_JS)
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"el => ({ACTIVE_JS})(el) === {start + 1}", arg=chart.element_handle())
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(300)
    assert chart.evaluate(ACTIVE_JS) == start + 1
    page.keyboard.press(" ")  # play
    page.wait_for_function(f"el => ({ACTIVE_JS})(el) >= {start + 2}", arg=chart.element_handle())
    page.keyboard.press(" ")  # pause
    page.wait_for_timeout(300)
    paused = chart.evaluate(ACTIVE_JS)
    page.wait_for_timeout(2000)
    assert chart.evaluate(ACTIVE_JS) == paused
    assert _runs(page) == runs  # all in the browser
    # The click focused the main area; no focus ring frames the picture.
    assert page.evaluate(MAIN_RING_JS) == [True, "none", "none"]
    if url_path == "standard":
        readme_screenshot(page, f"lecture-standard-{lang}")
    page.keyboard.press("Tab")  # a real control, reached by keyboard, keeps its ring
    assert page.evaluate(RING_JS) != ["none", "none"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lecture_mode_on_the_deformable_page(page, open_page, lang):
    # The sampling chart has no animation: large, the prose hidden, and clicks still pick.
    page.set_viewport_size(PROJECTOR)
    open_page("deformable", lecture=1, lang=lang)
    assert_no_exception(page)
    selector = ".st-key-deformable_chart .js-plotly-plot"
    chart = page.locator(selector)
    chart.wait_for(state="visible")
    page.wait_for_timeout(500)
    save_screenshot(page, f"lecture-deformable-{lang}", full_page=False)
    sidebar = page.locator("[data-testid='stSidebar']").bounding_box()
    assert sidebar is None or sidebar["x"] + sidebar["width"] <= 1
    assert page.evaluate(VISIBLE_TEXT_JS) == []
    box = chart.bounding_box()
    assert box["width"] >= 0.7 * PROJECTOR["width"]
    assert 0 < box["y"] < PROJECTOR["height"] / 3
    sizes = chart.evaluate(CELL_FONT_JS)
    taps = [size for size in sizes if size < 24]  # the nine tap numbers beside the points
    assert len(sizes) > 81 and len(taps) == 9 and min(taps) >= 14, sizes
    click_chart_cell(page, selector, "2", 1, 4)  # panel 2 is the 7×7 output
    assert_no_exception(page)
    params = query_params(page)
    assert (params.get("cell_row"), params.get("cell_col"), params.get("lecture")) == (
        "1",
        "4",
        "1",
    )


def test_lecture_mode_draws_numbers_the_page_had_no_room_for(page, open_page):
    # An 8×8 input with padding 2: the 10×10 output's three-digit sums do not fit its cells
    # at normal size; on the projector the cells are larger and the sums are drawn.
    chart = page.locator(f".st-key-{ANIMATED['dilated']} .js-plotly-plot")
    counts = []
    for lecture in (0, 1):
        page.set_viewport_size(PROJECTOR)
        open_page("dilated", input_size=8, padding=2, dilation=1, lecture=lecture)
        assert_no_exception(page)
        chart.wait_for(state="visible")
        page.wait_for_timeout(500)
        sizes = chart.evaluate(CELL_FONT_JS)
        counts.append(len(sizes))
        if lecture:
            save_screenshot(page, "lecture-dilated-small-cells", full_page=False)
            assert min(sizes) >= 14, sizes
    padded, kernel, output = 12 * 12, 3 * 3, 10 * 10
    assert counts[0] < padded + kernel + output <= counts[1], counts


@pytest.mark.parametrize("url_path", ["transposed", "dilated"])
def test_keys_pressed_quickly_count_from_the_step_asked_for(page, open_page, url_path):
    # Plotly moves the slider only once a frame starts drawing: → → → ← in quick succession
    # must end two steps on, as the teacher pressed, not one step back from a stale step.
    page.set_viewport_size(PROJECTOR)
    open_page(url_path, lecture=1)
    chart = page.locator(f".st-key-{ANIMATED[url_path]} .js-plotly-plot")
    chart.wait_for(state="visible")
    page.wait_for_timeout(500)
    page.mouse.click(5, 300)
    start = chart.evaluate(ACTIVE_JS)
    # four presses in one task, as a fast hand (or a loaded machine) delivers them
    page.evaluate(
        """() => ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft"].forEach((key) =>
          document.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true})))"""
    )
    page.wait_for_function(f"el => ({ACTIVE_JS})(el) === {start + 2}", arg=chart.element_handle())
    page.wait_for_timeout(1000)
    assert chart.evaluate(ACTIVE_JS) == start + 2
    page.keyboard.press("ArrowRight")  # and on from there once the frames have settled
    page.wait_for_function(f"el => ({ACTIVE_JS})(el) === {start + 3}", arg=chart.element_handle())


def test_the_sidebar_switch_turns_lecture_mode_on(page, open_page):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page("standard")
    assert "lecture" not in page.url
    before = _runs(page)
    page.locator(".st-key-lecture [data-testid='stCheckbox'], .st-key-lecture label").first.click()
    page.wait_for_function(
        "n => window.__convvizRuns.finished > n && location.search.includes('lecture=1')",
        arg=before,
    )
    page.wait_for_timeout(1000)
    chart = page.locator(".st-key-standard_window .js-plotly-plot")
    assert chart.bounding_box()["width"] >= 0.7 * 1280
    save_screenshot(page, "lecture-switch-standard", full_page=False)
