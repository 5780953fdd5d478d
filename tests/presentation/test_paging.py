"""Paging a row of panels: the counts fit the page, every item is on exactly one page, and the
span reads the same in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.figures.common import paging
from convviz.figures.common.grid import GAP, panels_width
from convviz.i18n import translate


@given(
    columns=st.integers(1, 40),
    px=st.integers(10, 46),
    extra=st.integers(0, 20),
    width=st.integers(200, 2000),
)
def test_fit_count_is_the_most_items_that_fit(columns, px, extra, width):
    n = paging.fit_count(columns, px, gap=GAP, extra_columns=extra, width=width)
    assert n >= 1
    if n > 1:  # n fit; one more would not
        assert panels_width([columns] * n, px, extra_columns=extra) <= width
    assert panels_width([columns] * (n + 1), px, extra_columns=extra) > width


@given(total=st.integers(0, 200), per_page=st.integers(1, 50))
def test_every_item_is_on_exactly_one_page(total, per_page):
    count = paging.page_count(total, per_page)
    spans = [paging.page_span(page, per_page, total) for page in range(count)]
    items = [i for start, stop in spans for i in range(start, stop)]
    assert items == list(range(total))
    assert all(stop - start <= per_page for start, stop in spans)
    for item in range(total):
        start, stop = spans[paging.page_of(item, per_page)]
        assert start <= item < stop


@given(page=st.integers(-1000, 1000), total=st.integers(1, 200), per_page=st.integers(1, 50))
def test_a_page_out_of_range_is_clamped_to_one_there_is(page, total, per_page):
    start, stop = paging.page_span(page, per_page, total)
    assert 0 <= start < stop <= total


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_span_text_numbers_items_as_their_panels_are(lang):
    text = paging.span_text((0, 4), 8, noun="outputs", lang=lang)
    assert text == translate("paging.span.outputs", lang, first=0, last=3, low=0, high=7)
    one = paging.span_text((7, 8), 8, noun="pixels", lang=lang)
    assert one == translate("paging.span.one.pixels", lang, first=7, low=0, high=7)
    terms = paging.span_text((2, 4), 4, noun="terms", lang=lang, first_number=4)
    assert "x6–x7" in terms and "x4–x7" in terms


def test_span_text_in_english():
    assert paging.span_text((0, 4), 8, noun="outputs", lang="en") == "outputs 0–3 of 0–7"
    assert (
        paging.span_text((4, 5), 5, noun="terms", lang="en") == "the term of x4 (the group's x0–x4)"
    )
    assert (
        paging.span_text((1, 3), 4, noun="inputs", lang="en")
        == "input channels x[1]–x[2] of x[0]–x[3]"
    )


@given(
    total=st.integers(2, 64),
    per_page=st.integers(1, 16),
    page=st.integers(0, 63),
    first=st.integers(0, 64),
    words=st.tuples(
        st.sampled_from(["outputs", "terms", "channels", "pixels", "inputs"]),
        st.sampled_from(["en", "zh"]),
    ),
)
def test_span_text_names_the_first_and_last_panel_shown(total, per_page, page, first, words):
    noun, lang = words
    start, stop = paging.page_span(page, per_page, total)
    text = paging.span_text((start, stop), total, noun=noun, lang=lang, first_number=first)
    assert str(first + start) in text and str(first + total - 1) in text
    if stop - start > 1:
        assert str(first + stop - 1) in text


@given(
    total=st.integers(1, 30),
    columns=st.integers(1, 20),
    px=st.integers(10, 46),
    markers=st.floats(0, 10),
)
def test_per_page_shows_all_when_they_fit_and_keeps_room_for_markers_otherwise(
    total, columns, px, markers
):
    n = paging.per_page(total, columns, px, gap=GAP, marker_columns=markers)
    assert 1 <= n <= total
    if n == total and total > 1:  # every item together, without "…"
        assert panels_width([columns] * total, px) <= paging.PAGE_PX
    elif n > 1:  # a page of some, with room for its "…" signs
        assert panels_width([columns] * n, px, extra_columns=markers) <= paging.PAGE_PX
