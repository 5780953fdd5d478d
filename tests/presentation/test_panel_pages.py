"""Rows of many panels drawn a page at a time: only the kept panels, "…" where others were left
out, clicks naming the panel's place in the whole row, and every page at most 640 px wide
with its numbers at 14 px."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.figures.common.grid import (
    MARKER_PX,
    MAX_CELL_PX,
    MIN_TEXT_PX,
    GridSpec,
    cell_font_px,
    cell_texts,
    more_marker,
    panels_figure,
    readable_cell_px,
)
from convviz.figures.common.paging import PAGE_PX, page_span
from convviz.figures.common.tiles import row_width, tiled_figure, tiled_px
from convviz.figures.grouped import compute
from convviz.figures.pointwise import matmul
from convviz.figures.pointwise import pixel as per_pixel
from convviz.figures.standard import channels
from convviz.inputs import make_values


def _signs(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations if not a.text.startswith("<b>")]


def _titles(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations if a.text.startswith("<b>")]


def _cell_size(fig) -> float:
    """The size of the cell numbers of the figure's text layers (14 px or more when shown)."""
    sizes = [t.textfont.size for t in fig.data if t.type == "scatter" and t.texttemplate != " "]
    return min(sizes)


def test_kept_panels_are_drawn_with_markers_where_others_are_left_out():
    specs = [GridSpec(np.full((2, 2), k), title=f"p{k}", clickable=True) for k in range(6)]
    fig = panels_figure(specs, operators=["+"] * 4 + ["="], kept=[2, 3, 5])
    assert _titles(fig) == ["<b>p2</b>", "<b>p3</b>", "<b>p5</b>"]
    assert _signs(fig) == ["… +", "+", "+ … ="]
    panels = [int(t.customdata[0][2]) for t in fig.data if t.type == "scatter"]
    assert panels == [2, 3, 5]  # a click names the panel in the whole row


def test_a_row_without_left_out_panels_has_no_markers():
    specs = [GridSpec(np.ones((2, 2)), title=f"p{k}") for k in range(3)]
    assert _signs(panels_figure(specs, operators=["+", "="], kept=range(3))) == ["+", "="]
    assert more_marker("", "") == "…"


def test_max_width_shrinks_the_cells_to_fit():
    specs = [GridSpec(np.ones((3, 8))) for _ in range(3)]
    assert panels_figure(specs).layout.width > PAGE_PX
    assert panels_figure(specs, max_width=PAGE_PX).layout.width <= PAGE_PX


@pytest.mark.parametrize(
    "values", [np.ones((2, 2)), np.full((2, 2), -27.0), np.full((2, 2), -0.125)]
)
def test_readable_cell_px_is_where_the_numbers_show_at_14_px(values):
    spec = GridSpec(values)
    px = readable_cell_px([spec])
    texts = cell_texts(spec, values)
    assert px == MAX_CELL_PX or cell_font_px(texts, px) >= MIN_TEXT_PX


def test_row_width_is_the_tiled_figures_width():
    rows = [[GridSpec(np.ones((4, 4))) for _ in range(3)], [GridSpec(np.ones((4, 4)))]]
    fig = tiled_figure(rows, max_width=600)
    px = tiled_px(rows, max_width=600)
    assert fig.layout.width == row_width([4, 4, 4], px) <= 600 + 16


# Settings with the page's largest rows (C_in, C_out, g, i, k); each page fits 640 px.
GROUPED = [
    (4, 4, 2, 4, 3),
    (16, 16, 1, 5, 3),
    (16, 16, 1, 8, 3),
    (8, 8, 1, 6, 5),
    (16, 16, 16, 8, 1),
]


@pytest.mark.parametrize("cin,cout,g,i,k", GROUPED)
def test_grouped_pages_fit_the_laptop_with_14_px_numbers(cin, cout, g, i, k):
    x = make_values("random", (cin, i, i), seed=0)
    weight = make_values("random", (cout, cin // g, k, k), seed=1)
    result = compute.grouped_by_hand(x, weight, groups=g)["concatenated"]
    per_page = compute.outputs_per_page(result, groups=g, lang="en")
    for page in range(-(-cout // per_page)):
        span = page_span(page, per_page, cout)
        fig = compute.outputs_figure(result, groups=g, lang="zh", span=span)
        assert fig.layout.width <= PAGE_PX and _cell_size(fig) >= MIN_TEXT_PX
        assert len(_titles(fig)) == span[1] - span[0]
    terms = compute.terms_per_page(x, weight, groups=g, out_channel=cout - 1)
    span = page_span(0, terms, cin // g)
    fig = compute.terms_figure(x, weight, groups=g, out_channel=cout - 1, lang="en", span=span)
    assert fig.layout.width <= PAGE_PX and _cell_size(fig) >= MIN_TEXT_PX
    assert _signs(fig)[-1] == ("+ … =" if span[1] < cin // g else "=")


def test_the_default_1x1_page_shows_8_of_16_pixels_and_the_layer_in_two_rows():
    x = make_values("random", (3, 4, 4), seed=0)
    weight = make_values("random", (2, 3), seed=1)
    check = matmul.pointwise_check(x, weight)
    per_page = matmul.pixels_per_page(check["pixels"], weight, check["product"])
    assert per_page == 8
    fig = matmul.matmul_figure(
        check["pixels"], weight, check["product"], column=9, lang="en", span=(8, 16)
    )
    assert fig.layout.width <= PAGE_PX and _cell_size(fig) >= MIN_TEXT_PX
    assert [len(t.x) for t in fig.data if t.type == "scatter"] == [6, 3 * 8, 2 * 8]
    assert [(s.x0, s.x1) for s in fig.layout.shapes] == [(0.5, 1.5)] * 2  # column 9 of 8–15
    layer = per_pixel.layer_figure(x, check["conv"], pixel=(1, 2), lang="en")
    assert layer.layout.width <= PAGE_PX  # it was about 1,200 px in one row
    domains = {tuple(layer.layout[f"yaxis{n}"].domain) for n in ("", 2, 3, 4, 5)}
    assert len(domains) == 2  # inputs above, outputs below


@pytest.mark.parametrize("cin,cout,i", [(8, 8, 8), (8, 1, 8), (1, 8, 5), (4, 4, 2)])
def test_1x1_pages_fit_the_laptop_with_14_px_numbers(cin, cout, i):
    x = make_values("random", (cin, i, i), seed=3)
    weight = make_values("random", (cout, cin), seed=4)
    check = matmul.pointwise_check(x, weight)
    per_page = per_pixel.channels_per_page(x, check["conv"], pixel=(0, 0))
    most = max(cin, cout)
    for page in range(-(-most // per_page)):
        span = page_span(page, per_page, most)
        fig = per_pixel.layer_figure(x, check["conv"], pixel=(0, 0), lang="en", span=span)
        assert fig.layout.width <= PAGE_PX and _cell_size(fig) >= MIN_TEXT_PX
    per_page = matmul.pixels_per_page(check["pixels"], weight, check["product"])
    span = page_span(99, per_page, i * i)
    fig = matmul.matmul_figure(
        check["pixels"], weight, check["product"], column=0, lang="en", span=span
    )
    assert fig.layout.width <= PAGE_PX and _cell_size(fig) >= MIN_TEXT_PX


@pytest.mark.parametrize("i,p,cin", [(5, 0, 3), (8, 1, 4), (12, 4, 4)])
def test_standard_input_channels_page_fits_the_laptop(i, p, cin):
    setting = {"input_size": i, "kernel_size": 3, "stride": 1, "padding": p}
    setting.update({f"{key}_w": v for key, v in setting.items()})
    per_page = channels.inputs_per_page(cin, **setting)
    span = page_span(1, per_page, cin)
    view = channels.channels_view(cin, 2, (0, 0), lang="en", inputs_span=span, **setting)
    fig = view["inputs"]
    assert fig.layout.width <= PAGE_PX and _cell_size(fig) >= MIN_TEXT_PX
    assert len(_titles(fig)) == span[1] - span[0]


def test_a_marker_has_its_room_however_small_the_cells():
    x = make_values("random", (8, 12, 12), seed=0)
    weight = make_values("random", (8, 8, 7, 7), seed=1)
    fig = compute.terms_figure(x, weight, groups=1, out_channel=0, lang="en", span=(3, 4))
    assert _signs(fig) == ["… +", "⋆", "+ … ="]
    plot = fig.layout.width - 16
    starts = [fig.layout[f"xaxis{n}"].domain for n in ("", 2, 3)]
    assert starts[0][0] * plot >= MARKER_PX - 1  # before x3
    assert (starts[2][0] - starts[1][1]) * plot >= MARKER_PX - 1  # between w[0,3] and y0
    assert fig.layout.width <= PAGE_PX
