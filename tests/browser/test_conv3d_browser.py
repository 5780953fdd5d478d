"""The 3-D page in Chromium: the window plays over the frames, the step slider writes the link
and the products (and the PyTorch tab prints that step's cell), the voxel view draws on request
(turned by dragging, read by pointing, played in the browser) and the PNG downloads."""

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
VOXELS = ".st-key-conv3d_voxels .cvz-voxels"


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
    with expect_rerun(page):
        page.get_by_role("tab", name="PyTorch").click()
    assert query_params(page)["view"] == "code"
    assert "print(y[0, 0, 0, 0, 2].item())" in _main_text(page)  # the step, read from the link
    with expect_rerun(page):
        page.get_by_role("tab", name="Sliding window").click()
    assert slider_value(page, "step") == 2 and "view" not in query_params(page)
    assert_no_exception(page)


def test_clicking_an_output_cell_moves_the_step(open_page):
    page = _open(open_page, lang="en")
    # default: 5 padded frames (panels 1-5, axes x…x5), then output frames 0-2 (x6-x8)
    click_chart_cell(page, FRAMES, "7", 2, 1)  # output frame 1, row 2, column 1
    assert slider_value(page, "step") == 9 + 2 * 3 + 1
    assert "Output cell (t, r, c) = (1, 2, 1) reads padded frames 1, 2, 3" in _main_text(page)
    assert_no_exception(page)


def _voxels(page):
    voxels = page.locator(VOXELS)
    voxels.wait_for(state="visible", timeout=30_000)
    voxels.scroll_into_view_if_needed()
    return voxels


def _pixels(voxels) -> str:
    """The canvas as a data URL (to tell two drawings apart)."""
    return voxels.locator("canvas").evaluate("c => c.toDataURL()")


def _inked(voxels) -> int:
    """Pixels of the canvas that are not blank."""
    return voxels.locator("canvas").evaluate(
        """c => { const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
                  let n = 0; for (let k = 3; k < d.length; k += 4) if (d[k]) n++; return n; }"""
    )


def test_the_voxel_switch_draws_the_3d_view_and_writes_the_link(open_page):
    page = _open(open_page, lang="en", step=4)
    assert page.locator(VOXELS).count() == 0  # not drawn by default: the frames show the same
    with expect_rerun(page):
        page.locator(".st-key-voxels label").first.click()
    assert query_params(page)["voxels"] == "true"
    voxels = _voxels(page)
    assert voxels.get_attribute("data-step") == "4"  # the page's step
    assert voxels.locator(".cvz-step").inner_text() == "Step (0, 1, 1)"
    assert int(voxels.get_attribute("data-faces")) > 3 * 27  # the 27 cubes read, and the clip
    assert _inked(voxels) > 10_000
    assert_no_exception(page)


def test_voxels_play_turn_and_read_in_the_browser_and_the_png_downloads(open_page):
    page = _open(open_page, lang="zh", step=1, voxels="true")
    voxels = _voxels(page)
    runs = page.evaluate("window.__convvizRuns.finished")
    voxels.locator(".cvz-play").click()  # ▶ walks the window: 9 cells per output frame
    page.wait_for_function(
        "el => Number(el.dataset.step) >= 10", arg=voxels.element_handle(), timeout=30_000
    )
    voxels.locator(".cvz-pause").click()
    step = int(voxels.get_attribute("data-step"))
    cell = (step // 9, step // 3 % 3, step % 3)
    assert voxels.locator(".cvz-step").inner_text() == "步骤 ({}, {}, {})".format(*cell)
    before, yaw = _pixels(voxels), voxels.get_attribute("data-yaw")
    box = voxels.locator("canvas").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 30, steps=6)
    page.mouse.up()
    page.wait_for_function(f"el => el.dataset.yaw !== '{yaw}'", arg=voxels.element_handle())
    assert _pixels(voxels) != before  # turned
    turned = voxels.get_attribute("data-yaw")
    voxels.locator("canvas").focus()
    page.keyboard.press("ArrowLeft")  # the keys turn it too
    page.wait_for_function(f"el => el.dataset.yaw !== '{turned}'", arg=voxels.element_handle())
    tip = voxels.locator(".cvz-tip")
    for dx in range(-150, 151, 10):  # point along a line through the middle until on a cube
        page.mouse.move(x + dx, y)
        if tip.is_visible():
            break
    assert re.fullmatch(r"x\[\d, \d, \d\] = \d+(\.\d+)?(  \(.+\))?", tip.inner_text())
    assert page.evaluate("window.__convvizRuns.finished") == runs  # all in the browser
    turned = voxels.get_attribute("data-yaw")
    drawn = voxels.element_handle()
    assert press_slider(page, "kernel_depth", "ArrowLeft") == 2  # a new setting: drawn anew,
    page.wait_for_function("el => !el.isConnected", arg=drawn)  # at the angle it was turned to
    assert _voxels(page).get_attribute("data-yaw") == turned
    assert_no_exception(page)
    button = page.locator(".st-key-conv3d_frames_downloads").get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".png")


def test_a_single_output_cell_draws_no_play_or_step_slider(open_page):
    page = _open(open_page, lang="en", frames=3, input_size=3, input_size_w=3, voxels="true")
    voxels = _voxels(page)
    assert voxels.locator(".cvz-step").inner_text() == "Step (0, 0, 0)"
    for control in (".cvz-play", ".cvz-pause", "input[type=range]"):
        assert voxels.locator(control).is_hidden()
    assert page.locator(".st-key-step").count() == 0  # nor has the page one
    assert_no_exception(page)


def test_the_voxel_view_fits_a_phone(open_page):
    page = open_page("conv3d", lang="en", voxels="true")
    page.set_viewport_size({"width": 390, "height": 844})
    voxels = _voxels(page)
    page.wait_for_function("el => el.clientWidth < 390", arg=voxels.element_handle())
    width = voxels.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert width[0] <= width[1] <= 390 - 16
    assert _inked(voxels) > 5_000
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["en"])
def test_screenshot_for_the_readme(open_page, lang):
    query = {"frames": 6, "input_size": 6, "input_size_w": 6, "kernel_depth": 2,
             "kernel_size": 1, "kernel_size_w": 1, "kernel3d": "temporal_difference"}  # fmt: skip
    page = _open(open_page, lang=lang, **query)
    path = readme_screenshot(page, f"conv3d-{lang}")
    assert Image.open(path).size == (1400, 1000)
