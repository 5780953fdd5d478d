"""The 1×1 page in Chromium: clicking a pixel, uploading a picture (good and bad)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser.page_tools import (
    assert_no_exception,
    click_chart_cell,
    expect_rerun,
    query_params,
    save_screenshot,
    slider_value,
    wait_for_chart,
)

pytestmark = pytest.mark.browser


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def test_clicking_a_cell_picks_the_pixel_and_puts_it_in_the_link(open_page, js_errors):
    page = open_page("pointwise")
    chart = wait_for_chart(page)
    # panel 1 (axes x2 / y2) is channel x1, 4×4; near a corner of the cell still picks it
    click_chart_cell(page, chart, "2", 2, 3, off=(0.42, -0.42))
    assert_no_exception(page)
    assert (slider_value(page, "pixel_row"), slider_value(page, "pixel_col")) == (2, 3)
    params = query_params(page)
    assert (params.get("pixel_row"), params.get("pixel_col")) == ("2", "3")
    assert "Pixel (2, 3) is column 2·4 + 3 = 11." in _main_text(page)
    assert js_errors == []


def _upload(page, name: str, data: bytes, mime: str) -> None:
    with expect_rerun(page):
        page.locator(".st-key-image_source").get_by_text("Upload your own").click()
    chooser = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    with expect_rerun(page):
        chooser.set_input_files({"name": name, "mimeType": mime, "buffer": data})


def test_uploading_a_picture_mixes_it_and_a_bad_file_is_explained(open_page):
    page = open_page("pointwise", mixing="swap_rb")
    picture = Image.new("RGB", (60, 40), (250, 10, 10))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    _upload(page, "red.png", buffer.getvalue(), "image/png")
    assert_no_exception(page)
    assert "40×60×3" in _main_text(page)
    save_screenshot(page, "pointwise-uploaded")

    page = open_page("pointwise")
    _upload(page, "notes.png", b"this is not a picture at all" * 20, "image/png")
    assert_no_exception(page)
    errors = page.locator("[data-testid='stAlertContentError']")
    assert errors.count() == 1
    assert "not a picture the app can read" in errors.inner_text()


def test_downloads_of_the_layer_and_the_mixing_matrix_decode(open_page):
    page = open_page("pointwise", mixing="opponent", pixel_row=1, pixel_col=2)
    button = page.locator(".st-key-pointwise_layer_downloads").get_by_role("button", name="PNG")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "pointwise_cin3_cout2_i4_seed0_layer.png"
    image = Image.open(download.value.path())
    assert image.format == "PNG" and image.width > image.height
    button = page.locator(".st-key-pointwise_mixing_downloads").get_by_role("button", name="CSV")
    button.scroll_into_view_if_needed()
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "pointwise_mixing_opponent.csv"
    with open(download.value.path(), encoding="utf-8") as handle:
        assert handle.read().splitlines() == ["R,G,B", "1,-1,0", "0.5,0.5,-1"]
    assert_no_exception(page)
