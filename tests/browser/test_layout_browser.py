"""The first screen of every topic page: a one-line lead, then the main figure.

At a projector's 1024×768, a laptop's 1280×800 and a phone's 390×844 the page's first figure
(a Plotly chart, or the Image lab's picture) must start in the upper half of the first screen,
in both languages, so a lecturer never has to scroll to show it.
"""

from __future__ import annotations

import pytest

from convviz.i18n import translate
from convviz.site import PAGES
from tests.browser.conftest import require_page_file
from tests.browser.page_tools import assert_no_exception, save_screenshot

pytestmark = pytest.mark.browser

TOPIC_PAGES = [p for p in PAGES if p.url_path not in ("home", "practice")]
VIEWPORTS = {"projector": (1024, 768), "laptop": (1280, 800), "phone": (390, 844)}
# (viewport, language): both languages on the projector, English elsewhere.
SCREENS = [("projector", "en"), ("projector", "zh"), ("laptop", "en"), ("phone", "en")]
FIRST_FIGURE_JS = """
() => {
  const main = document.querySelector("[data-testid='stMain']");
  const figure = main.querySelector(".js-plotly-plot, [data-testid='stImage'] img");
  if (!figure) return null;
  const box = figure.getBoundingClientRect();
  return {top: box.top, height: box.height, scrolled: main.scrollTop + window.scrollY};
}
"""


@pytest.mark.parametrize(("screen", "lang"), SCREENS, ids=[f"{s}-{lang}" for s, lang in SCREENS])
@pytest.mark.parametrize("info", TOPIC_PAGES, ids=[p.url_path for p in TOPIC_PAGES])
def test_main_figure_starts_in_the_upper_half_of_the_first_screen(
    page, open_page, info, screen, lang
):
    require_page_file(info)
    width, height = VIEWPORTS[screen]
    page.set_viewport_size({"width": width, "height": height})
    open_page(info.url_path, lang=lang)
    assert_no_exception(page)
    page.wait_for_selector("[data-testid='stMain'] .js-plotly-plot, [data-testid='stImage'] img")
    figure = page.evaluate(FIRST_FIGURE_JS)
    save_screenshot(page, f"first-screen-{info.url_path}-{screen}-{lang}", full_page=False)
    assert figure is not None and figure["scrolled"] == 0
    assert 0 < figure["top"] < height / 2, (info.url_path, screen, figure)
    assert figure["height"] > 150  # a figure, not an icon


# Every chart of the page with a key: whether a "swipe sideways" line shows above it, and
# whether the chart is wider than its column (it then scrolls sideways in its container).
SWIPE_HINTS_JS = """
() => [...document.querySelectorAll("[data-testid='stMain'] [class*='st-key-']")]
  .filter((el) => el.matches("[data-testid='stElementContainer']")
    && el.querySelector(".js-plotly-plot"))
  .map((el) => ({
    key: [...el.classList].find((c) => c.startsWith("st-key-")),
    hint: getComputedStyle(el, "::before").content,
    wider: el.scrollWidth > el.clientWidth + 1,
    cut: el.scrollHeight > el.clientHeight + 1,
  }))
"""


@pytest.mark.parametrize(
    ("url_path", "lang", "screen"),
    [
        ("transposed", "en", "phone"),
        ("transposed", "zh", "phone"),
        ("dilated", "en", "phone"),
        ("transposed", "en", "laptop"),
    ],
)
def test_a_chart_wider_than_a_phone_says_the_rest_is_sideways(
    page, open_page, url_path, lang, screen
):
    width, height = VIEWPORTS[screen]
    page.set_viewport_size({"width": width, "height": height})
    open_page(url_path, lang=lang)
    assert_no_exception(page)
    page.wait_for_selector("[data-testid='stMain'] .js-plotly-plot")
    page.wait_for_timeout(500)
    charts = page.evaluate(SWIPE_HINTS_JS)
    hint = f'"{translate("common.swipe_sideways", lang)}"'
    assert charts
    for chart in charts:  # the line shows exactly where the chart is wider than its column
        assert chart["hint"] == (hint if chart["wider"] else "none"), chart
        assert not chart["cut"], chart  # the line adds height: no row hides under it
    wider = [chart["key"] for chart in charts if chart["wider"]]
    if screen == "phone":  # the main figure's output is out of sight on a phone
        main = {"transposed": "st-key-transposed_scatter_chart", "dilated": "st-key-dilated_window"}
        assert main[url_path] in wider, charts
        save_screenshot(page, f"swipe-hint-{url_path}-{lang}", full_page=False)
    else:
        assert wider == []
