"""The 3-D page in Chromium: the window plays over the frames, the step slider writes the link
and the products, the voxel view draws in WebGL on request, and the PNG downloads."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    expect_rerun,
    play_on_client,
    press_slider,
    query_params,
    readme_screenshot,
    slider_value,
)

pytestmark = pytest.mark.browser

FRAMES = ".st-key-conv3d_frames .js-plotly-plot"
VOXELS = ".st-key-conv3d_voxels .js-plotly-plot"


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _open(open_page, **query):
    page = open_page("conv3d", **query)
    page.locator(FRAMES).wait_for(state="visible")
    assert_no_exception(page)
    return page


def test_play_moves_the_window_over_the_frames_without_a_rerun(open_page):
    page = _open(open_page, lang="zh")
    caption = play_on_client(page, FRAMES, timeout_ms=20_000)
    # Past the first cell (how far depends on how busy the machine is), still a 3-D index.
    assert re.match(r"y\[0, \d, \d\] = ", caption) and not caption.startswith("y[0, 0, 0]")
    shapes = page.locator(FRAMES).evaluate("el => el._fullLayout.shapes.length")
    assert shapes == 3 + 1  # the window on the kD = 3 frames it reads, and the output cell


def test_step_slider_writes_the_link_and_the_products(open_page):
    page = _open(open_page, lang="en")
    assert press_slider(page, "step", "ArrowRight", times=2) == 2
    assert query_params(page)["step"] == "2"
    text = _main_text(page)
    assert "Output cell (t, r, c) = (0, 0, 2) reads padded frames 0, 1, 2" in text
    assert "print(y[0, 0, 0, 0, 2].item())" in text


def test_clicking_an_output_cell_moves_the_step(open_page):
    page = _open(open_page, lang="en")
    # default: 5 padded frames (panels 1-5, axes x…x5), then output frames 0-2 (x6-x8)
    click_chart_cell(page, FRAMES, "7", 2, 1)  # output frame 1, row 2, column 1
    assert slider_value(page, "step") == 9 + 2 * 3 + 1
    assert "Output cell (t, r, c) = (1, 2, 1) reads padded frames 1, 2, 3" in _main_text(page)
    assert_no_exception(page)


def test_the_voxel_switch_draws_the_3d_view_and_writes_the_link(open_page):
    page = _open(open_page, lang="en", step=4)
    assert page.locator(VOXELS).count() == 0  # not drawn by default: slow in software WebGL
    with expect_rerun(page):
        page.locator(".st-key-voxels label").first.click()
    assert query_params(page)["voxels"] == "true"
    voxels = page.locator(VOXELS)
    voxels.wait_for(state="visible", timeout=30_000)
    assert voxels.evaluate("el => el._fullLayout.sliders[0].active") == 4  # the page's step
    assert "mesh3d" in voxels.evaluate("el => el.data.map(t => t.type)")
    assert_no_exception(page)


def test_voxels_draw_and_the_png_downloads(open_page):
    page = _open(open_page, lang="en", step=1, voxels="true")
    voxels = page.locator(VOXELS)
    voxels.scroll_into_view_if_needed()
    voxels.locator("canvas").first.wait_for(state="attached")
    kinds = voxels.evaluate("el => el.data.map(t => t.type)")
    assert kinds[-1] == "scatter3d" and "mesh3d" in kinds
    before = voxels.evaluate("el => Math.min(...el.data.at(-1).x.filter(v => v !== null))")
    assert before == -0.5  # the window of step 1, (0, 0, 1), starts at frame 0
    runs = page.evaluate("window.__convvizRuns.finished")
    voxels.locator(".updatemenu-button").first.click()  # ▶: 9 cells per output frame
    page.wait_for_function(
        "el => el._fullLayout.sliders[0].active >= 10", arg=voxels.element_handle(), timeout=30_000
    )
    after = voxels.evaluate("el => Math.min(...el.data.at(-1).x.filter(v => v !== null))")
    assert after >= 0.5  # the box moved on in time (output frame 1 reads from frame 1)
    # the frames move the 27 tap cubes and keep their triangles from the first step
    sizes = voxels.evaluate("el => [el._fullData.at(-2).x.length, el._fullData.at(-2).i.length]")
    assert sizes == [8 * 27, 12 * 27]
    assert page.evaluate("window.__convvizRuns.finished") == runs  # client-side only
    button = page.locator(".st-key-conv3d_frames_downloads").get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "conv3d_i5x5x5_k3x3x3_s1x1x1_p0x0x0_d1x1x1.png"


@pytest.mark.parametrize("lang", ["en"])
def test_screenshot_for_the_readme(open_page, lang):
    query = {"frames": 6, "input_size": 6, "input_size_w": 6, "kernel_depth": 2,
             "kernel_size": 1, "kernel_size_w": 1, "kernel3d": "temporal_difference"}  # fmt: skip
    page = _open(open_page, lang=lang, **query)
    path = readme_screenshot(page, f"conv3d-{lang}")
    assert Image.open(path).size == (1400, 1000)
