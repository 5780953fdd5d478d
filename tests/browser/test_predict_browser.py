""" "Predict first" in Chromium: before a prediction the page holds no chart and no text with
the answer (hover texts live in the charts, so no chart means no hover); after one, the figure
is back with the judgement."""

from __future__ import annotations

import re

import pytest

from convviz.engine.sizes import conv_transpose_output_size
from convviz.i18n import translate
from tests.browser.page_tools import assert_no_exception, expect_rerun, save_screenshot
from tests.support.image_lab import default_lab_output

pytestmark = pytest.mark.browser

LINK = {"input_size": 4, "kernel_size": 4, "stride": 3, "padding": 0}
ANSWER = conv_transpose_output_size(4, 4, 3)  # 13


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (390, 844)])
def test_transposed_page_hides_the_answer_until_a_prediction(page, open_page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_page("transposed", predict_first="true", **LINK)
    assert_no_exception(page)
    main = page.locator("[data-testid='stMain']")
    assert main.locator(".js-plotly-plot").count() == 0
    assert not re.search(rf"(?<![\d.]){ANSWER}(?![\d])", main.inner_text())
    save_screenshot(page, f"predict-hidden-{width}", full_page=False)

    page.get_by_label(translate("practice.predict.label", "en")).fill(str(ANSWER))
    with expect_rerun(page):
        page.get_by_role("button", name=translate("practice.predict.submit", "en")).click()
    page.locator("[data-testid='stMain'] .js-plotly-plot").first.wait_for(state="visible")
    assert "Right!" in main.inner_text()  # the judgement (its markdown stars rendered)
    assert re.search(rf"(?<![\d.]){ANSWER}(?![\d])", main.inner_text())


def test_image_lab_hides_the_output_until_a_prediction(page, open_page):
    """At 1024×768 in Chinese: the input picture and no output (Sobel x shows its map), no
    output size in the text; a right width brings the map and both sizes."""
    width, height = default_lab_output(3)
    page.set_viewport_size({"width": 1024, "height": 768})
    open_page("image-lab", lang="zh", predict_first="true", stride=3)
    assert_no_exception(page)
    main = page.locator("[data-testid='stMain']")
    main.locator("[data-testid='stImage']").first.wait_for(state="visible")
    before = main.inner_text()
    assert not re.search(rf"(?<![\d.]){width}(?![\d])", before)
    assert not re.search(rf"(?<![\d.]){height}(?![\d])", before)
    charts = main.locator(".js-plotly-plot").count()
    save_screenshot(page, "predict-image-lab-hidden-1024", full_page=False)

    page.get_by_label(translate("image_lab.predict.label", "zh")).fill(str(width))
    with expect_rerun(page):
        page.get_by_role("button", name=translate("practice.predict.submit", "zh")).click()
    main.get_by_text(f"{height}×{width}×3").first.wait_for()  # the sizes' summary
    assert main.locator(".js-plotly-plot").count() == charts + 1  # the output map
    assert translate("practice.check.correct", "zh").strip("*") in main.inner_text()
