"""The hover views in Chromium: hovering an output cell of the standard window (or of the
transposed direct form) shows its window and products, hovering an input cell of the transposed
scatter-add shows its stamp — in the browser, with no script run — and a click still pins (one
run, the pinned text follows)."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.engine.arithmetic_text import format_cell
from convviz.figures.common.panels import example_kernel
from convviz.figures.standard.data import kernel_values, setting_from, window_trace
from convviz.figures.transposed import views as transposed_views
from convviz.figures.transposed.data import scatter_data
from convviz.figures.transposed.scatter import scatter_hover
from tests.browser.page_tools import assert_no_exception, expect_rerun, finished_runs

pytestmark = pytest.mark.browser

STANDARD = ".st-key-standard_hover"
TRANSPOSED = ".st-key-transposed_hover"
DIRECT = ".st-key-transposed_direct_hover"


def _cell(page, root: str, panel: int, index: int):
    return page.locator(f"{root} .cvz-panel[data-panel='{panel}'] .cvz-cell").nth(index)


def _windows(page, root: str, panel: int) -> list[dict]:
    """The shown outlines of a panel, as the cells they cover (from their pixel boxes)."""
    return page.locator(f"{root} .cvz-panel[data-panel='{panel}'] .cvz-window").evaluate_all(
        """boxes => boxes.filter(b => b.style.display !== 'none').map(b => ({
            left: parseFloat(b.style.left), top: parseFloat(b.style.top),
            width: parseFloat(b.style.width), height: parseFloat(b.style.height)}))"""
    )


def _cells_of(box: dict, pitch: int) -> tuple[int, int, int, int]:
    """(r0, c0, r1, c1) of an outline drawn at ``c0·pitch − 2`` … ``(c1 − c0)·pitch + 3``."""
    c0, r0 = round((box["left"] + 2) / pitch), round((box["top"] + 2) / pitch)
    return r0, c0, r0 + round((box["height"] - 3) / pitch), c0 + round((box["width"] - 3) / pitch)


def _pitch(page, root: str) -> int:
    cell = _cell(page, root, 0, 0).bounding_box()
    return round(cell["width"]) + 1


def test_hovering_an_output_cell_shows_its_window_and_products_without_a_run(open_page):
    page = open_page("standard", lang="en", stride=2, padding=1)
    page.locator(f"{STANDARD} .cvz-hover").wait_for(state="visible")
    assert_no_exception(page)
    s = setting_from(**_setting(stride=2, padding=1))
    x = np.arange(1, 26, dtype=float).reshape(5, 5)
    trace = window_trace(x, kernel_values("arange", (3, 3)), s)
    pitch = _pitch(page, STANDARD)
    runs = finished_runs(page)
    for r, c in ((0, 0), (1, 2), (2, 1)):
        _cell(page, STANDARD, 2, r * 3 + c).hover()
        caption = page.locator(f"{STANDARD} .cvz-caption").inner_text()
        assert caption == f"y[{r}, {c}] = " + format_cell(trace, (r, c))
        (window,) = _windows(page, STANDARD, 0)
        assert _cells_of(window, pitch) == (2 * r, 2 * c, 2 * r + 3, 2 * c + 3)
        (out,) = _windows(page, STANDARD, 2)
        assert _cells_of(out, pitch) == (r, c, r + 1, c + 1)
    assert finished_runs(page) == runs  # hovering never ran the script
    delays = page.evaluate("window.__convvizHover")
    assert len(delays) >= 3
    # leaving the grid shows the pinned cell again; a click pins another (one script run)
    page.mouse.move(0, 0)
    assert page.locator(f"{STANDARD} .cvz-caption").inner_text().startswith("y[0, 0] = ")
    with expect_rerun(page):
        _cell(page, STANDARD, 2, 1 * 3 + 2).click()
    assert_no_exception(page)
    assert (
        "y[1, 2] = " + format_cell(trace, (1, 2))
        in page.locator(".st-key-standard_window_sum .cvz-code pre").all_inner_texts()
    )
    page.mouse.move(0, 0)
    assert page.locator(f"{STANDARD} .cvz-caption").inner_text().startswith("y[1, 2] = ")


def _setting(**changes) -> dict:
    values = {"input_size": 5, "kernel_size": 3, "stride": 1, "padding": 0, **changes}
    values.update({f"{key}_w": v for key, v in list(values.items())})
    return values


def test_hovering_an_input_cell_shows_its_stamp_without_a_run(open_page):
    page = open_page("transposed", lang="zh")
    page.locator(f"{TRANSPOSED} .cvz-hover").wait_for(state="visible")
    assert_no_exception(page)
    x, w = np.arange(1, 10, dtype=float).reshape(3, 3), example_kernel(3)
    data = scatter_data(x, w, stride=2, padding=1, output_padding=0, dilation=1)
    expected = scatter_hover(data, pin=(0, 0), lang="zh")
    pitch = _pitch(page, TRANSPOSED)
    runs = finished_runs(page)
    for r, c in ((0, 0), (1, 1), (2, 0)):
        _cell(page, TRANSPOSED, 0, r * 3 + c).hover()
        link = expected["links"][r * 3 + c]
        assert page.locator(f"{TRANSPOSED} .cvz-caption").inner_text() == link["caption"]
        (stamp,) = _windows(page, TRANSPOSED, 2)
        assert _cells_of(stamp, pitch) == (2 * r, 2 * c, 2 * r + 3, 2 * c + 3)
        canvas = page.locator(f"{TRANSPOSED} .cvz-panel[data-panel='2'] .cvz-cell")
        cols = expected["panels"][2]["cols"]
        for _, u, v, text in link["texts"]:  # the stamp's values x[r, c]·w in its cells
            assert canvas.nth(u * cols + v).inner_text() == text
            assert float(text) == x[r, c] * w[u - 2 * r, v - 2 * c]
    assert finished_runs(page) == runs


def test_hovering_a_direct_form_output_cell_writes_its_products_from_the_shared_table(open_page):
    """The direct form's captions go as indices into one table of products (most products
    come back in other cells); the client joins them into each cell's caption exactly."""
    page = open_page("transposed", lang="en", view="direct")
    page.locator(f"{DIRECT} .cvz-hover").wait_for(state="visible")
    assert_no_exception(page)
    x, w = np.arange(1, 10, dtype=float).reshape(3, 3), example_kernel(3)
    hyper = {"stride": 2, "padding": 1, "output_padding": 0, "dilation": 1}
    expected = transposed_views.direct_view(x, w, lang="en", pin=(0, 0), **hyper)["hover"]
    source = expected["source"]
    cols = expected["panels"][source]["cols"]
    runs = finished_runs(page)
    for r, c in ((0, 0), (2, 3), (4, 4)):
        _cell(page, DIRECT, source, r * cols + c).hover()
        caption = page.locator(f"{DIRECT} .cvz-caption").inner_text()
        assert caption == expected["links"][r * cols + c]["caption"]
        assert caption.startswith(f"y[{r},{c}] = ") and " + " in caption
    assert finished_runs(page) == runs
