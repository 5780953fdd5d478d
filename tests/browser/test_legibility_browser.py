"""Figure text is legible on a projector and on a phone: no visible text under 14 px at
1024×768 (12 px at 390×844), the step label clear of the ▶ / ❚❚ buttons, and (at 1024 px) no
title or label running out of its chart."""

from __future__ import annotations

import pytest

from tests.browser.page_tools import assert_no_exception, save_screenshot

pytestmark = pytest.mark.browser

SCREENS = {"projector": ((1024, 768), 14), "phone": ((390, 844), 12)}
CHARTS = {
    "standard": "standard_window",
    "transposed": "transposed_scatter_chart",
    "dilated": "dilated_window",
}
# Every drawn text of the chart: its size, its box, and whether it is visible at all.
TEXTS_JS = """
el => [...el.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
  const style = getComputedStyle(t);
  const box = t.getBoundingClientRect();
  const fill = style.fill || '';
  const hidden = fill.includes('rgba(0, 0, 0, 0)') || style.fillOpacity === '0'
    || style.opacity === '0' || style.visibility === 'hidden' || box.width === 0;
  return {text: t.textContent.trim(), size: parseFloat(style.fontSize), hidden,
          cls: (t.getAttribute('class') || '') + ' ' + (t.parentNode.getAttribute('class') || ''),
          left: box.left, right: box.right, top: box.top, bottom: box.bottom};
})
"""
BUTTONS_JS = """
el => [...el.querySelectorAll('.updatemenu-button')].map((b) => {
  const box = b.getBoundingClientRect();
  return {left: box.left, right: box.right, top: box.top, bottom: box.bottom};
})
"""


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and (b["top"] < a["bottom"])
    )


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("url_path", list(CHARTS))
def test_main_figure_text_is_legible(page, open_page, url_path, screen):
    (width, height), smallest = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    open_page(url_path)
    assert_no_exception(page)
    chart = page.locator(f".st-key-{CHARTS[url_path]} .js-plotly-plot")
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    save_screenshot(page, f"legible-{url_path}-{screen}", full_page=False)
    texts = [t for t in chart.evaluate(TEXTS_JS) if not t["hidden"]]
    assert texts
    small = [(t["text"], t["size"]) for t in texts if t["size"] < smallest]
    assert small == [], small
    frame = chart.bounding_box()
    outside = [
        t["text"]
        for t in texts
        if t["left"] < frame["x"] - 1 or t["right"] > frame["x"] + frame["width"] + 1
    ]
    if screen == "projector":  # on a phone, long captions and titles still run out (notes)
        assert outside == [], outside  # nothing runs out of the chart
    # Plotly writes the step shown as a "slider-label" straight in the slider's group.
    step = [t for t in texts if t["cls"].split() == ["slider-label", "slider-group"]]
    assert step, [t["cls"] for t in texts][:20]
    for button in chart.evaluate(BUTTONS_JS):
        assert not any(_overlap(label, button) for label in step)
