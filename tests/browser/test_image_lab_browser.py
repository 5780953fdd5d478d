"""The Image lab in Chromium: pick a kernel, type a kernel into the grid, upload a picture,
download the output PNG and open it, link state, screenshots in both languages."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.browser.page_tools import (
    assert_no_exception,
    expect_rerun,
    query_params,
    readme_screenshot,
    save_screenshot,
)

pytestmark = pytest.mark.browser

MAP = ".st-key-image_lab_map .js-plotly-plot"
EDITOR = ".st-key-image_lab_kernel_3 [data-testid='stDataFrame']"
FILTER_DOWNLOADS = ".st-key-image_lab_filter_downloads"


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _open(open_page, **query):
    page = open_page("image-lab", **query)
    page.get_by_text("Doubling the size", exact=False).or_(
        page.get_by_text("把尺寸放大一倍", exact=False)
    ).first.wait_for(state="visible")
    assert_no_exception(page)
    return page


def _download_png(page) -> Image.Image:
    button = page.locator(FILTER_DOWNLOADS).get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    return Image.open(io.BytesIO(download.value.path().read_bytes()))


def test_picking_sobel_y_draws_a_colour_map_and_keeps_it_in_the_link(open_page, js_errors):
    page = _open(open_page, lang="en")  # opens on Sobel x, the default (left out of the link)
    assert "filter" not in query_params(page)
    with expect_rerun(page):
        page.locator("[data-testid='stSidebar']").get_by_text("Sobel y", exact=True).click()
    page.locator(MAP).wait_for(state="visible")
    assert query_params(page)["filter"] == "sobel_y"
    bar = page.locator(MAP).evaluate("el => el.data[0].colorscale != null")
    assert bar
    assert "taps sum to 0" in _main_text(page)
    assert_no_exception(page)
    assert js_errors == []


def test_typed_kernel_changes_the_output_and_the_link(open_page):
    page = _open(open_page, lang="en", filter="custom")
    grid = page.locator(EDITOR)
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    box = grid.bounding_box()
    # The first data cell (row 1, column 1): right of the index column, under the header.
    page.mouse.click(box["x"] + 60, box["y"] + 35 + 17)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")  # open the cell's editor
    page.wait_for_timeout(300)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("1/9", delay=50)
    page.wait_for_timeout(300)
    with expect_rerun(page):
        page.keyboard.press("Enter")
    assert query_params(page)["custom_kernel"] == "0.1111,0,0;0,1,0;0,0,0"
    assert "taps sum to 1.111" in _main_text(page)
    assert_no_exception(page)


def test_upload_and_download_the_output_png(open_page, tmp_path):
    page = _open(open_page, lang="zh", filter="box", stride="2")
    with expect_rerun(page):
        page.locator("[data-testid='stSidebar']").get_by_text("上传自己的图片").click()
    picture = Image.new("RGB", (90, 60), (200, 40, 40))
    picture.paste((20, 40, 200), (45, 0, 90, 60))
    path = tmp_path / "two_halves.png"
    picture.save(path)
    with expect_rerun(page):
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.get_by_text("输出 · 30×45 像素").wait_for(state="visible")
    text = _main_text(page)
    assert "⌊(60 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊59 / 2⌋ + 1 = 30" in text
    output = _download_png(page)
    assert output.size == (45, 30)
    pixels = np.asarray(output.convert("RGB"))
    np.testing.assert_allclose(pixels[15, 5], [200, 40, 40], atol=2)  # box blur of flat red
    np.testing.assert_allclose(pixels[15, 40], [20, 40, 200], atol=2)
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_for_the_readme(open_page, lang):
    page = _open(open_page, lang=lang, picture="shapes", filter="sobel_x")
    page.locator(MAP).wait_for(state="visible")
    page.wait_for_timeout(500)
    path = readme_screenshot(page, f"image-lab-{lang}")
    assert Image.open(path).size == (1400, 1000)
    full = save_screenshot(page, f"image-lab-{lang}-full")
    assert Image.open(full).size[1] > 1000
