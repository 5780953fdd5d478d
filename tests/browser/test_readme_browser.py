"""README pictures of the topic pages whose own browser tests take none (transposed, dilated,
grouped, 1×1), in English and Chinese, at the README's 1400×1000 and in their first state: the
picture shows what a learner sees on opening the page. ``UPDATE_README_SCREENSHOTS=1`` writes
them over ``assets/screenshots/``; an ordinary run only checks and keeps them as artifacts."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.browser.page_tools import assert_no_exception, readme_screenshot

pytestmark = pytest.mark.browser

PAGES = ["transposed", "dilated", "grouped", "pointwise"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("url_path", PAGES)
def test_readme_picture_of_the_first_view(open_page, url_path, lang):
    page = open_page(url_path, lang=lang)
    page.locator("[data-testid='stMain'] .js-plotly-plot").first.wait_for(state="visible")
    assert_no_exception(page)
    path = readme_screenshot(page, f"{url_path}-{lang}")
    assert Image.open(path).size == (1400, 1000)
