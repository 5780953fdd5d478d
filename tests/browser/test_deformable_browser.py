"""The deformable page in Chromium: clicking an output cell moves the points, clicking a moved
point opens it up; both land in the link, and the offset-field and PyTorch tabs follow them."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    click_marker,
    expect_rerun,
    query_params,
    readme_screenshot,
    save_screenshot,
    slider_value,
    wait_for_chart,
)

pytestmark = pytest.mark.browser
CHART = ".st-key-deformable_chart .js-plotly-plot"


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def test_clicking_a_cell_then_a_point(open_page, js_errors):
    page = open_page("deformable", offsets="shift", shift="0.5", deform_input="arange")
    wait_for_chart(page)
    click_chart_cell(page, CHART, "2", 1, 4)  # panel 2 is the 7×7 output
    assert_no_exception(page)
    assert (slider_value(page, "cell_row"), slider_value(page, "cell_col")) == (1, 4)
    params = query_params(page)
    assert (params.get("cell_row"), params.get("cell_col")) == ("1", "4")
    assert "y[1, 4] = " in _main_text(page)
    # the moved points are the last trace over the input (subplot xy); point 5 is tap 5
    chart = page.locator(CHART)
    traces = chart.locator("g.subplot.xy g.scatterlayer g.trace")
    click_marker(page, traces.last.locator("path.point").nth(5))
    assert_no_exception(page)
    assert slider_value(page, "tap") == 5
    assert "Tap 5 (row 1, column 2 of the kernel)" in _main_text(page)
    save_screenshot(page, "deformable-point-opened")
    with expect_rerun(page):
        page.get_by_role("tab", name="Offset fields").click()
    page.locator(".st-key-deformable_field_chart .js-plotly-plot").wait_for(state="visible")
    assert "Tap 5 at every output cell" in _main_text(page)
    with expect_rerun(page):
        page.get_by_role("tab", name="PyTorch").click()
    assert query_params(page)["view"] == "code"
    assert "print(y[0, 0, 1, 4].item())" in _main_text(page)
    assert_no_exception(page)
    assert js_errors == []


def test_screenshot_for_the_readme(open_page):
    page = open_page("deformable", colour_by_value="true")  # the bar shows by its colour
    wait_for_chart(page)
    assert_no_exception(page)
    path = readme_screenshot(page, "deformable-en")
    assert Image.open(path).size == (1400, 1000)
