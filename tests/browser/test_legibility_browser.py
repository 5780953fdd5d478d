"""Figure text is legible on a projector, a laptop and a phone: no visible figure text under
14 px at 1024×768 and 1280×800 (12 px at 390×844), no chart text running out of its chart and
no page text out of its container, on every topic page in both languages; the step label
clear of the ▶ / ❚❚ buttons; the main figures' cell numbers never run together (on a phone
the figure keeps its width and scrolls sideways)."""

from __future__ import annotations

import pytest

from convviz.site import PAGES
from tests.browser.conftest import require_page_file
from tests.browser.page_tools import assert_no_exception, save_screenshot

pytestmark = pytest.mark.browser

SCREENS = {"projector": ((1024, 768), 14), "phone": ((390, 844), 12)}
# Every screen of the issue; one page load per page and language, resized in turn.
ALL_SCREENS = {**SCREENS, "laptop": ((1280, 800), 14)}
TOPIC_PAGES = [p for p in PAGES if p.url_path not in ("home", "practice")]
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
    chart, texts = _shown_chart(page, CHARTS[url_path], f"legible-{url_path}-{screen}")
    assert texts
    small = [(t["text"], t["size"]) for t in texts if t["size"] < smallest]
    assert small == [], small
    frame = chart.bounding_box()
    outside = [
        t["text"]
        for t in texts
        if t["left"] < frame["x"] - 1 or t["right"] > frame["x"] + frame["width"] + 1
    ]
    assert outside == [], outside  # nothing runs out of the chart
    if width >= 1024:  # projector or laptop: the whole figure shows, no sideways scroll
        room = page.locator(f".st-key-{CHARTS[url_path]}").first.bounding_box()
        assert frame["x"] + frame["width"] <= room["x"] + room["width"] + 1, (frame, room)
    # Plotly writes the step shown as a "slider-label" straight in the slider's group.
    step = [t for t in texts if t["cls"].split() == ["slider-label", "slider-group"]]
    assert step, [t["cls"] for t in texts][:20]
    for button in chart.evaluate(BUTTONS_JS):
        assert not any(_overlap(label, button) for label in step)
    # The numbers in the cells (Plotly's scatter text points): as large as above, and no two
    # run together (a squeezed grid drew "153162171" where three cells were meant).
    numbers = [t for t in texts if "textpoint" in t["cls"].split()]
    if url_path == "dilated":  # its window grids are small enough to carry their numbers
        assert len(numbers) >= 49, len(numbers)
    assert all(t["size"] >= smallest for t in numbers)
    touching = _touching(numbers)
    assert touching == [], touching[:10]


def _shown_chart(page, key: str, shot: str) -> tuple:
    """The chart of widget ``key`` scrolled into view (screenshot ``shot``) and its visible
    texts (:data:`TEXTS_JS`)."""
    assert_no_exception(page)
    chart = page.locator(f".st-key-{key} .js-plotly-plot")
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    save_screenshot(page, shot, full_page=False)
    return chart, [t for t in chart.evaluate(TEXTS_JS) if not t["hidden"]]


def _touching(numbers: list[dict]) -> list[tuple[str, str]]:
    """Pairs of cell texts whose boxes overlap (boxes that only touch do not)."""
    return [
        (a["text"], b["text"])
        for i, a in enumerate(numbers)
        for b in numbers[i + 1 :]
        if _overlap(_shrunk(a), _shrunk(b))
    ]


def _shrunk(box: dict, by: float = 0.5) -> dict:
    """``box`` less ``by`` px on every side (boxes that only touch do not overlap)."""
    return {
        "left": box["left"] + by,
        "right": box["right"] - by,
        "top": box["top"] + by,
        "bottom": box["bottom"] - by,
    }


# Page text (not in a chart) that runs out of its element's container: text nodes measured
# with a Range, against the closest element container, column or table cell. Text inside a
# box that scrolls sideways on purpose (code, the tab bar) is left out.
PAGE_TEXT_JS = """
() => {
  const main = document.querySelector("[data-testid='stMain']");
  const scrolls = (el) => {
    for (let e = el; e && e !== main; e = e.parentElement) {
      const x = getComputedStyle(e).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const out = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('svg') || !el.offsetParent) continue;
    if (scrolls(el)) continue;
    const box = el.closest("[data-testid='stElementContainer'], [data-testid='stColumn'], td, th")
      || main;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect(), c = box.getBoundingClientRect();
    if (r.width && (r.right > c.right + 1 || r.left < c.left - 1)) {
      out.push(node.textContent.trim().slice(0, 40));
    }
  }
  return out;
}
"""
# Every visible chart of the main area: its smallest visible text and the texts out of it.
CHARTS_JS = """
(smallest) => [...document.querySelectorAll("[data-testid='stMain'] .js-plotly-plot")]
  .filter((chart) => chart.offsetParent).map((chart) => {
    const frame = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('text')].filter((t) => t.textContent.trim());
    const shown = texts.map((t) => {
      const style = getComputedStyle(t), box = t.getBoundingClientRect();
      const hidden = (style.fill || '').includes('rgba(0, 0, 0, 0)') || style.fillOpacity === '0'
        || style.opacity === '0' || style.visibility === 'hidden' || box.width === 0;
      return {text: t.textContent.trim().slice(0, 40), size: parseFloat(style.fontSize), hidden,
              out: box.left < frame.left - 1 || box.right > frame.right + 1};
    }).filter((t) => !t.hidden);
    return {
      small: shown.filter((t) => t.size < smallest).map((t) => [t.text, t.size]),
      out: shown.filter((t) => t.out).map((t) => t.text),
      sizes: shown.map((t) => t.size),
    };
  })
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("info", TOPIC_PAGES, ids=[p.url_path for p in TOPIC_PAGES])
def test_every_page_text_is_legible_and_fits(page, open_page, info, lang):
    require_page_file(info)
    page.set_viewport_size({"width": 1024, "height": 768})
    open_page(info.url_path, lang=lang)
    assert_no_exception(page)
    page.wait_for_selector("[data-testid='stMain'] .js-plotly-plot")
    problems = {}
    for screen, ((width, height), smallest) in ALL_SCREENS.items():
        page.set_viewport_size({"width": width, "height": height})
        for wait_ms in (1200, 2000):  # Plotly redraws the charts at the new width (a 3-D
            page.wait_for_timeout(wait_ms)  # scene takes longer): once more if it looks wrong
            charts = page.evaluate(CHARTS_JS, smallest)
            assert charts, screen
            small = [t for chart in charts for t in chart["small"]]
            out = [t for chart in charts for t in chart["out"]]
            page_text = page.evaluate(PAGE_TEXT_JS)
            if not (small or out or page_text):
                break
        if small or out or page_text:
            save_screenshot(page, f"fits-{info.url_path}-{screen}-{lang}")
            problems[screen] = {"small": small, "out of chart": out, "out of box": page_text}
    assert problems == {}, problems


# Rows of many panels are paged instead of shrunk: the charts of those views at settings
# whose rows do not fit at once (and the defaults), chart key -> the views' charts.
PAGED = {
    "grouped-16": (
        "grouped",
        {"in_channels": 16, "out_channels": 16, "groups": 1, "input_size": 7, "view": "compute"},
    ),
    "grouped-k7": (
        "grouped",
        {
            "in_channels": 8,
            "out_channels": 8,
            "groups": 1,
            "input_size": 12,
            "kernel_size": 7,
            "view": "compute",
        },
    ),
    "grouped-link": ("grouped", {"channel": "y3", "shown_outputs": 2, "view": "compute"}),
    "pointwise": ("pointwise", {}),
    "pointwise-8": ("pointwise", {"in_channels": 8, "out_channels": 8, "input_size": 8}),
    "standard-channels": ("standard", {"view": "channels"}),
    "standard-wide": (
        "standard",
        {"view": "channels", "in_channels": 4, "input_size": 12, "padding": 4},
    ),
}
PAGED_CHARTS = {
    "grouped": ("grouped_terms_chart", "outputs"),
    "pointwise": ("layer", "pointwise_matmul_chart"),
    "standard": ("standard_inputs_chart",),
}
# One chart's visible texts: the cell numbers' smallest size, and what runs out of the chart
# or out of the element that holds it.
PAGED_JS = """
(el) => {
  const chart = el.querySelector('.js-plotly-plot');
  const frame = chart.getBoundingClientRect(), room = el.getBoundingClientRect();
  const shown = [...chart.querySelectorAll('text')].filter((t) => t.textContent.trim())
    .map((t) => {
      const style = getComputedStyle(t), box = t.getBoundingClientRect();
      const hidden = (style.fill || '').includes('rgba(0, 0, 0, 0)')
        || style.fillOpacity === '0' || style.opacity === '0' || box.width === 0;
      const cls = (t.getAttribute('class') || '') + ' '
        + (t.parentNode.getAttribute('class') || '');
      return {text: t.textContent.trim().slice(0, 30), size: parseFloat(style.fontSize), hidden,
              cell: cls.split(' ').includes('textpoint'), note: cls.includes('annotation'),
              left: box.left, right: box.right, top: box.top, bottom: box.bottom};
    }).filter((t) => !t.hidden);
  return {
    shown,
    out: shown.filter((t) => t.left < frame.left - 1 || t.right > frame.right + 1)
      .map((t) => t.text),
    width: frame.width, room: room.width,
  };
}
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("setting", list(PAGED))
def test_paged_rows_keep_their_numbers_legible(page, open_page, setting, lang):
    url_path, query = PAGED[setting]
    page.set_viewport_size({"width": 1024, "height": 768})
    open_page(url_path, lang=lang, **query)
    assert_no_exception(page)
    problems = {}
    for screen, ((width, height), smallest) in SCREENS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(1200)  # Plotly redraws the charts at the new width
        for key in PAGED_CHARTS[url_path]:
            holder = page.locator(f".st-key-{key}").first
            holder.scroll_into_view_if_needed()
            found = holder.evaluate(PAGED_JS)
            cells = [t for t in found["shown"] if t["cell"]]
            small = [(t["text"], t["size"]) for t in found["shown"] if t["size"] < smallest]
            touching = _touching(cells)
            notes = [t for t in found["shown"] if t["note"]]  # titles, signs such as "+ … ="
            touching += [
                (a["text"], b["text"]) for a in notes for b in cells if _overlap(_shrunk(a), b)
            ]
            wide = width >= 1024 and found["width"] > found["room"] + 1  # scrolls on a laptop
            if not cells or small or found["out"] or touching or wide:
                problems[(screen, key)] = {
                    "cells": len(cells),
                    "small": small,
                    "out": found["out"],
                    "touching": touching[:5],
                    "width": (found["width"], found["room"]),
                }
        save_screenshot(page, f"paged-{setting}-{screen}-{lang}")
    assert problems == {}, problems


# C and Cᵀ large enough to be shown a window at a time (C 49×49, Cᵀ 121×25), and the
# transposed page's defaults (Cᵀ 25×9 whole, the forward C under it cut to what fits).
MATRIX_TABS = {
    "standard": ("standard", "standard_c_chart", {"input_size": 7, "padding": 1}),
    "transposed": (
        "transposed",
        "transposed_ct_chart",
        {"input_size": 5, "stride": 2, "padding": 0},
    ),
    "transposed-default": ("transposed", "transposed_c_chart", {}),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", list(MATRIX_TABS))
def test_matrix_tab_writes_its_entries_at_14_px(page, open_page, case, lang):
    """The matrix tab at 1024×768: C / Cᵀ's entries (and x, y) at 14 px or more, none run
    together, the whole figure beside the sidebar; no chart or page text out of its box."""
    url_path, key, link = MATRIX_TABS[case]
    page.set_viewport_size({"width": 1024, "height": 768})
    open_page(url_path, lang=lang, view="matrix", **link)
    chart, texts = _shown_chart(page, key, f"legible-matrix-{case}-{lang}")
    numbers = [t for t in texts if "textpoint" in t["cls"].split()]
    assert len(numbers) >= 25, len(numbers)  # the window's taps (and x, y) are written out
    assert sorted({t["size"] for t in texts if t["size"] < 14}) == []
    touching = _touching(numbers)
    assert touching == [], touching[:10]
    frame = chart.bounding_box()
    room = page.locator(f".st-key-{key}").first.bounding_box()
    assert frame["x"] + frame["width"] <= room["x"] + room["width"] + 1, (frame, room)
    charts = page.evaluate(CHARTS_JS, 14)
    assert [t for c in charts for t in c["small"] + c["out"]] == []
    assert page.evaluate(PAGE_TEXT_JS) == []
