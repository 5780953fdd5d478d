"""The 3-D page in Chromium: the window plays over the frames, the step slider writes the link
and the products, the voxel view draws in WebGL, and the PNG downloads."""

from __future__ import annotations

import pytest

from tests.browser.page_tools import (
    assert_no_exception,
    play_on_client,
    press_slider,
    query_params,
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
    assert caption.startswith("y[0, 0, ")  # the third of 27 cells or a little later
    shapes = page.locator(FRAMES).evaluate("el => el._fullLayout.shapes.length")
    assert shapes == 3 + 1  # the window on the kD = 3 frames it reads, and the output cell


def test_step_slider_writes_the_link_and_the_products(open_page):
    page = _open(open_page, lang="en")
    assert press_slider(page, "step", "ArrowRight", times=2) == 2
    assert query_params(page)["step"] == "2"
    text = _main_text(page)
    assert "Output cell (t, r, c) = (0, 0, 2) reads padded frames 0, 1, 2" in text
    assert "print(y[0, 0, 0, 0, 2].item())" in text


def test_voxels_draw_and_the_png_downloads(open_page):
    page = _open(open_page, lang="en", frames=3, step=1)
    voxels = page.locator(VOXELS)
    voxels.scroll_into_view_if_needed()
    voxels.locator("canvas").first.wait_for(state="attached")
    kinds = voxels.evaluate("el => el.data.map(t => t.type)")
    assert kinds[-1] == "scatter3d" and "mesh3d" in kinds
    button = page.locator(".st-key-conv3d_frames_downloads").get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "conv3d_i3x5x5_k3x3x3_s1x1x1_p0x0x0_d1x1x1.png"
