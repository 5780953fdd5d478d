"""Bold next to full-width punctuation renders as bold in Chromium, not as literal ``**``."""

from __future__ import annotations

import pytest

from tests.browser.page_tools import assert_no_exception

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("url_path", "query", "chart", "bold"),
    [
        ("transposed", {"view": "matrix"}, ".st-key-transposed_grids_chart", "y = Cᵀ·x"),
        (
            "dilated",
            {"layers": "3-1-1,3-1-2,3-1-9", "view": "stacks"},
            ".st-key-dilated_stack_chart",
            "HDC 规则二",
        ),
    ],
)
def test_chinese_bold_renders_without_asterisks(open_page, url_path, query, chart, bold):
    page = open_page(url_path, lang="zh", **query)
    page.locator(chart).wait_for(state="visible")
    assert_no_exception(page)
    main = page.locator("[data-testid='stMain']")
    assert "**" not in main.inner_text()
    strong = main.locator("strong").all_inner_texts()
    assert bold in strong
