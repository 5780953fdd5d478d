"""A large C or Cᵀ is shown a window at a time: the cells hold their text at 14 px, the figure
fits the main area of a 1024×768 projector (640 px), the pages tile the whole matrix once,
clicks and outlines count from the window's first row, and the downloads keep the whole
matrix."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.figures.common.grid import MIN_TEXT_PX, GridSpec, Highlight, cell_font_px
from convviz.figures.common.matrix_window import (
    WINDOW_HEIGHT_PX,
    WINDOW_WIDTH_PX,
    crop_spec,
    matrix_window,
    page_count,
    page_of,
    page_size,
    page_span,
    readable_px,
)
from convviz.figures.common.panels import example_kernel
from convviz.figures.standard import files as standard_files
from convviz.figures.standard import views as standard_views
from convviz.figures.transposed import files as transposed_files
from convviz.figures.transposed import views as transposed_views
from convviz.figures.transposed.data import matrix_data
from convviz.figures.transposed.matrix import c_figure, ct_figure, ct_window, forward_part


def _standard(i=7, k=3, p=1, s=1) -> dict:
    values = {"input_size": i, "kernel_size": k, "stride": s, "padding": p}
    return {
        **values,
        **{f"{key}_w": v for key, v in values.items()},
        "padding_rule": "explicit",
        "padding_mode": "zeros",
        "flip": False,
    }


def _x(i: int) -> np.ndarray:
    return np.arange(1, i * i + 1, dtype=float).reshape(i, i)


def _cell_text(fig) -> tuple[list[str], list[float]]:
    """Texts drawn in the cells of every panel and their sizes."""
    layers = [t for t in fig.data if t.type == "scatter"]
    texts = [str(t) for layer in layers for t in layer.text if str(t)]
    return texts, [layer.textfont.size for layer in layers]


# -- pure choice of the window ------------------------------------------------------------
def test_readable_px_is_the_smallest_cell_with_14_px_text():
    for texts in (["w₀₁", ""], ["3"], ["-0.25", "12"], ["w₁₀₁"]):
        px = readable_px(texts)
        assert cell_font_px(texts, px) >= MIN_TEXT_PX
        assert px == 24 or cell_font_px(texts, px - 1) is None


@given(
    total=st.integers(1, 400),
    fit=st.integers(1, 60),
    unit=st.integers(1, 30),
)
def test_pages_fit_keep_whole_grid_rows_and_tile_everything_once(total, fit, unit):
    size = page_size(total, fit, unit=unit)
    assert 1 <= size <= max(fit, 1) and size <= total
    if unit <= fit and size < total:
        assert size % unit == 0  # a page is whole rows of the flattened grid
    pages = page_count(total, size)
    # No more pages than filling each one as far as it goes.
    block = unit if unit <= fit else 1
    assert pages == math.ceil(math.ceil(total / block) / (fit // block))
    seen = [n for page in range(pages) for n in range(*page_span(page, size, total))]
    assert seen == list(range(total))
    assert all(page_of(n, size, total) == n // size for n in range(total))


@given(page=st.integers(-(10**6), 10**6), total=st.integers(1, 300), size=st.integers(1, 50))
def test_hostile_pages_are_clamped(page, total, size):
    start, stop = page_span(page, size, total)
    assert 0 <= start < stop <= total
    assert 0 <= page_of(page, size, total) < page_count(total, size)


@given(
    shape=st.tuples(st.integers(1, 90), st.integers(1, 90)),
    units=st.tuples(st.integers(1, 9), st.integers(1, 9)),
    pages=st.tuples(st.integers(-3, 30), st.integers(-3, 30)),
    extra=st.sampled_from([0.0, 5.2]),
)
def test_every_window_fits_640_px_at_14_px_text(shape, units, pages, extra):
    m, n = shape
    window = matrix_window(
        shape,
        ["w₀₁", "15"],
        row_page=pages[0],
        col_page=pages[1],
        units=units,
        extra_cols=extra,
    )
    r, c = window.shape
    assert 1 <= r <= m and 1 <= c <= n
    assert (c + extra) * window.px + 16 <= WINDOW_WIDTH_PX or c == 1
    assert r * window.px <= WINDOW_HEIGHT_PX
    assert window.paged == (r < m or c < n)
    assert cell_font_px(["w₀₁", "15"], window.px) >= MIN_TEXT_PX


def test_crop_moves_and_cuts_outlines_and_keeps_the_colour_scale():
    values = np.arange(40, dtype=float).reshape(5, 8)
    spec = GridSpec(
        values=values,
        hover=values.astype(str),
        highlights=(Highlight(1, 0, 2, 8), Highlight(4, 4, 5, 5)),
    )
    part = crop_spec(spec, (1, 3), (2, 6), title="part")
    assert part.values.tolist() == values[1:3, 2:6].tolist()
    assert part.hover[0, 0] == "10.0" and part.title == "part"
    assert [(h.r0, h.c0, h.r1, h.c1) for h in part.highlights] == [(0, 0, 1, 4)]
    assert part.value_range == (0.0, 39.0)  # every page coloured on the whole matrix's scale


# -- the standard page's C ------------------------------------------------------------------
def test_small_c_shows_whole_on_one_page():
    paging = standard_views.matrix_paging(_x(4), "arange", 0, **_standard(4, p=0))
    assert not paging["first"].paged  # 4×16 fits: no pickers
    view = standard_views.matrix_view(_x(4), "arange", 0, lang="en", **_standard(4, p=0))
    assert view["offset"] == (0, 0)
    texts, sizes = _cell_text(view["figure"])
    assert len(texts) == 36 and min(sizes) >= MIN_TEXT_PX  # every tap, at 14 px or more


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_large_c_pages_tile_c_at_14_px(lang):
    setting = _standard(7, p=1)  # C is 49×49
    paging = standard_views.matrix_paging(_x(7), "arange", 0, **setting)
    first = paging["first"]
    assert paging["shape"] == (49, 49) and first.paged
    assert first.shape == (21, 21)  # three rows of the output, three rows of the input
    taps = 0
    for row_page in range(first.row_pages):
        for col_page in range(first.col_pages):
            view = standard_views.matrix_view(
                _x(7),
                "arange",
                0,
                lang=lang,
                row_page=row_page,
                col_page=col_page,
                **setting,
            )
            fig = view["figure"]
            texts, sizes = _cell_text(fig)
            taps += len(texts)
            assert min(sizes) >= MIN_TEXT_PX
            assert fig.layout.width <= WINDOW_WIDTH_PX
            assert view["offset"][0] == row_page * 21
    assert taps == 361  # every tap of C drawn once over the pages


def test_the_pinned_row_is_outlined_on_its_page_and_followed():
    setting = _standard(7, p=1)
    paging = standard_views.matrix_paging(_x(7), "arange", 30, **setting)
    assert paging["follow"] == (1, (1,))  # row 30 is on rows 21–41; its taps in columns 22–38
    view = standard_views.matrix_view(
        _x(7), "arange", 30, lang="en", row_page=1, col_page=1, **setting
    )
    (light,) = view["figure"].layout.shapes
    assert (light.y0, light.y1) == (8.5, 9.5)  # row 30 is the window's tenth row
    click = next(t for t in view["figure"].data if t.type == "scatter").customdata
    assert click[0].tolist() == [0, 0, 0]  # clicks count from the window's corner


def test_downloads_keep_the_whole_c():
    setting = _standard(7, p=1)
    csv = standard_files.c_csv(_x(7), "arange", **setting)
    assert len(csv.splitlines()) == 49 and csv.splitlines()[0].count(",") == 48
    assert r"\begin{" in standard_files.c_tex(_x(7), "arange", **setting)


# -- the transposed page's Cᵀ ---------------------------------------------------------------
HYPER = {"stride": 2, "padding": 0, "output_padding": 0, "dilation": 1}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_large_ct_pages_fit_with_x_and_y_at_14_px(lang):
    x = _x(5)  # o = 11: Cᵀ is 121×25
    data = matrix_data(x, example_kernel(3), **HYPER)
    first = ct_window(data)
    assert first.paged and first.shape == (22, 15)  # two output rows; three input rows
    for row_page, col_page in [(0, 0), (5, 1), (99, -4)]:  # the last one clamped
        window = ct_window(data, row_page=row_page, col_page=col_page)
        fig = ct_figure(data, q=0, lang=lang, window=window)
        _, sizes = _cell_text(fig)
        assert min(sizes) >= MIN_TEXT_PX and fig.layout.width <= WINDOW_WIDTH_PX
        x_panel, y_panel = [t for t in fig.data if t.type == "scatter"][1:]
        (c0, c1), (r0, r1) = window.cols, window.rows
        assert list(x_panel.text) == [str(int(v)) for v in x.ravel()[c0:c1]]
        assert list(y_panel.text) == [f"{v:g}" for v in data.y.ravel()[r0:r1]]
    view = transposed_views.matrix_view(
        x, example_kernel(3), lang=lang, q=20, row_page=2, col_page=0, **HYPER
    )
    assert view["offset"] == 44
    assert view["c"].layout.width <= WINDOW_WIDTH_PX  # C: the window transposed
    assert len(transposed_files.ct_csv(x, example_kernel(3), **HYPER).splitlines()) == 121


@pytest.mark.parametrize(("i", "s", "p"), [(3, 2, 1), (3, 3, 0), (4, 2, 0), (5, 2, 0)])
def test_the_forward_c_under_ct_fits_too(i, s, p):
    """C is drawn as the window of Cᵀ transposed; Cᵀ's window may be 25 rows tall, more
    than C may be wide, so C keeps the whole output rows that fit, those of the picked q."""
    data = matrix_data(_x(i), example_kernel(3), **{**HYPER, "stride": s, "padding": p})
    o = data.output_size
    window = ct_window(data)
    for q in (0, window.rows[1] - 1):
        fig = c_figure(data, q=q, lang="en", window=window)
        _, sizes = _cell_text(fig)
        assert min(sizes) >= MIN_TEXT_PX and fig.layout.width <= WINDOW_WIDTH_PX
        part = forward_part(window, q, output_size=o)
        assert part.rows == window.cols
        assert part.cols[0] <= q < part.cols[1] and part.cols[0] % o == 0
