"""The grouped page in Chromium: clicking the graph and the outputs, the groups slider, its
tabs, links."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PIL import Image

from convviz.figures.common.paging import page_of
from convviz.figures.grouped import compute
from convviz.inputs import make_values
from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    click_marker,
    expect_rerun,
    query_params,
    save_screenshot,
    wait_for_chart,
)

pytestmark = pytest.mark.browser


def _click_point(page, chart, trace_index: int, point_index: int) -> None:
    """Click the centre of one marker of one trace of a Plotly chart."""
    trace = chart.locator("g.scatterlayer g.trace").nth(trace_index)
    click_marker(page, trace.locator("path.point").nth(point_index))


def _channel(page) -> str:
    """The output channel the computation section explains (from its caption)."""
    text = page.locator("[data-testid='stMain']").inner_text()
    marker = "Output channel y"
    start = text.index(marker) + len("Output channel ")
    return text[start:].split()[0]


def test_clicking_an_output_node_explains_that_channel(open_page, js_errors):
    page = open_page("grouped", groups=2)
    graph = wait_for_chart(page)
    traces = graph.locator("g.scatterlayer g.trace")
    # group lines (2), the selected path, then inputs, filters, outputs
    assert traces.count() == 6
    _click_point(page, graph, 5, 3)
    assert_no_exception(page)
    assert query_params(page).get("channel") == "y3"
    with expect_rerun(page):
        page.get_by_role("tab", name="Group by group").click()
    assert query_params(page) == {"channel": "y3", "view": "compute"}
    assert _channel(page) == "y3"
    assert "belongs to group 1" in page.locator("[data-testid='stMain']").inner_text()
    assert js_errors == []


def test_clicking_a_panel_of_the_concatenated_output_selects_it(open_page):
    # The page's numbers (seed 0): eight outputs do not fit one laptop row; open the page
    # of outputs that holds y6, where it is not the first panel drawn.
    x = make_values("random", (4, 4, 4), seed=0)
    weight = make_values("random", (8, 1, 3, 3), seed=1)
    outputs = compute.grouped_by_hand(x, weight, groups=4)["concatenated"]
    per_page = compute.outputs_per_page(outputs, groups=4, lang="en")
    shown = page_of(6, per_page)
    page = open_page(
        "grouped", groups=4, in_channels=4, out_channels=8, shown_outputs=shown + 1, view="compute"
    )
    # by its key: the chart of one output's terms comes first
    outputs = page.locator(".st-key-outputs .js-plotly-plot")
    outputs.scroll_into_view_if_needed()
    # a click names the panel's output channel, whatever its place on the page
    place = 6 - shown * per_page
    click_chart_cell(page, outputs, "" if place == 0 else str(place + 1), 0, 0)
    assert_no_exception(page)
    assert _channel(page) == "y6"
    save_screenshot(page, "grouped-depthwise-multiplier-y6")


def test_groups_slider_moves_through_valid_values_only(open_page):
    page = open_page("grouped", in_channels=8, out_channels=8, groups=1)
    thumb = page.locator(".st-key-groups [data-testid='stSlider']").get_by_role("slider")
    seen = []
    for _ in range(3):
        thumb.focus()
        with expect_rerun(page):
            thumb.press("ArrowRight")
        seen.append(query_params(page).get("groups"))
    # 3, 5, 6 and 7 are never offered; g = 2 is the page's default, so the link leaves it out
    assert seen == [None, "4", "8"]
    assert_no_exception(page)
    assert "depthwise" in page.locator("[data-testid='stMain']").inner_text()


def test_link_with_impossible_groups_shows_the_explanation(open_page):
    page = open_page("grouped", groups=3, lang="zh")
    assert_no_exception(page)
    assert page.locator("[data-testid='stAlertContentError']").count() == 1
    assert "g = 3" in page.locator("[data-testid='stMain']").inner_text()


def _download(page, row_key: str, label: str):
    """Click a download button of the row ``row_key``; return (file name, bytes)."""
    button = page.locator(f".st-key-{row_key}_downloads").get_by_role("button", name=label)
    button.scroll_into_view_if_needed()
    with page.expect_download() as download:
        button.click()
    path = download.value.path()
    return download.value.suggested_filename, Path(path).read_bytes()


def test_downloads_of_the_outputs_and_the_weight_decode(open_page):
    page = open_page("grouped", groups=4, in_channels=4, out_channels=8, view="compute")
    name, data = _download(page, "grouped_outputs", "PNG")
    assert name == "grouped_cin4_cout8_g4_outputs.png"
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.width > 4 * image.height
    name, data = _download(page, "grouped_outputs", "CSV")
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert rows[0] == ["(0,0)", "(0,1)", "(1,0)", "(1,1)"] and len(rows) == 1 + 8
    with expect_rerun(page):
        page.get_by_role("tab", name="Channels and weights").click()
    name, data = _download(page, "grouped_block", "LaTeX")
    assert name == "grouped_cin4_cout8_g4_weight.tex"
    assert "w_{0,0} & 0 & 0 & 0" in data.decode()
    assert_no_exception(page)


def test_the_explained_channel_is_kept_in_the_link(open_page, js_errors):
    page = open_page("grouped", channel="y99", view="compute")  # four outputs: y3 is shown
    assert query_params(page)["channel"] == "y3"
    assert _channel(page) == "y3"
    opener = page.locator(".st-key-channel button[aria-haspopup='listbox']")
    opener.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # a click while the page still scrolls does not open the list
    opener.click()
    with expect_rerun(page):
        page.locator("[role='listbox'] [role='option']").filter(has_text="y1").click()
    assert _channel(page) == "y1"
    assert query_params(page)["channel"] == "y1"
    with expect_rerun(page):  # the graph follows y1, and the link keeps it
        page.get_by_role("tab", name="Channels and weights").click()
    assert query_params(page) == {"channel": "y1"}
    with expect_rerun(page):
        page.get_by_role("tab", name="Group by group").click()
    assert _channel(page) == "y1"
    assert js_errors == []


def test_the_bias_switch_is_kept_in_the_link_on_every_tab(open_page, js_errors):
    page = open_page("grouped", view="counts")
    with expect_rerun(page):
        page.locator(".st-key-bias [data-testid='stWidgetLabel']").click()
    assert query_params(page)["bias"] == "true"
    assert "3·3·2·4 + 4 = 76" in page.locator("[data-testid='stMain']").inner_text()
    for name, view in [("PyTorch", "code"), ("Separable kernels", "separable")]:
        with expect_rerun(page):
            page.get_by_role("tab", name=name).click()
        assert query_params(page) == {"bias": "true", "view": view}
    with expect_rerun(page):
        page.get_by_role("tab", name="Parameters and cost").click()
    assert page.locator(".st-key-bias input[type='checkbox']").is_checked()
    assert_no_exception(page)
    assert js_errors == []
