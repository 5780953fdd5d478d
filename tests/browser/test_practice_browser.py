"""The practice page in Chromium: answer a question right and the next one wrong, the score and
streak follow; screenshots in English and Chinese for the README."""

from __future__ import annotations

import pytest
from PIL import Image

from convviz.i18n import translate
from convviz.practice import NUMBER, question_set
from tests.browser.page_tools import (
    assert_no_exception,
    expect_rerun,
    query_params,
    readme_screenshot,
)

pytestmark = pytest.mark.browser

TOPIC, LEVEL = "transposed", 2


def _numbers_first(count: int) -> int:
    """A seed whose first ``count`` questions are typed numbers."""
    return next(
        seed
        for seed in range(1, 200)
        if all(q.kind == NUMBER for q in question_set(seed, LEVEL, TOPIC)[:count])
    )


def _metrics(page) -> list[str]:
    return page.locator("[data-testid='stMetricValue']").all_inner_texts()


def _answer(page, text: str) -> None:
    page.locator(".st-key-practice_answer_text input").fill(text)
    with expect_rerun(page):
        page.locator(".st-key-practice_submit button").click()
    assert_no_exception(page)


def test_right_then_wrong_changes_score_and_streak(open_page):
    seed = _numbers_first(2)
    first, second = question_set(seed, LEVEL, TOPIC)[:2]
    page = open_page("practice", lang="en", seed=seed, level=LEVEL, topic=TOPIC)
    assert query_params(page) == {"seed": str(seed), "level": str(LEVEL), "topic": TOPIC}
    assert _metrics(page) == ["0 / 0", "0", "0"]
    _answer(page, str(first.answer))
    assert _metrics(page) == ["1 / 1", "1", "1"]
    main = page.locator("[data-testid='stMain']")
    assert translate("practice.check.correct", "en").strip("*") in main.inner_text()
    href = main.get_by_role("link", name="Open this setting on the").get_attribute("href")
    assert href.split("?")[0].endswith(first.link.page)
    with expect_rerun(page):
        page.locator(".st-key-practice_next button").click()
    _answer(page, str(second.answer + 2))
    assert _metrics(page) == ["1 / 2", "0", "1"]
    assert f"the answer is {second.answer}" in main.inner_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_for_the_readme(open_page, lang):
    seed = _numbers_first(1)
    question = question_set(seed, LEVEL, TOPIC)[0]
    page = open_page("practice", lang=lang, seed=seed, level=LEVEL, topic=TOPIC)
    _answer(page, str(question.answer))
    assert _metrics(page)[0] == "1 / 1"
    path = readme_screenshot(page, f"practice-{lang}")
    assert Image.open(path).size == (1400, 1000)
