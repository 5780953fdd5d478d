"""Cell numbers are never smaller than 14 px: they fit their cell at that size or move to the
hover text (and stay hidden in every frame of an animation). They are text points without
markers, found by the pointer anywhere in their cell."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from convviz.figures.common.grid import (
    MAX_TEXT_PX,
    MIN_TEXT_PX,
    GridSpec,
    cell_font_px,
    panels_figure,
    pointer_layout,
)
from convviz.figures.common.tiles import tiled_figure

texts = st.lists(st.text(alphabet="0123456789.-", min_size=0, max_size=7), min_size=1)


@given(texts, st.integers(10, 46))
@example(["00000"], 45)  # fits at 14.25 px, not at the 17.1 px a 45 px cell starts from
@settings(max_examples=200, deadline=None)
def test_numbers_fit_at_14_px_or_are_left_out(cells, px):
    size = cell_font_px(cells, px)
    longest = max(len(t) for t in cells)
    if longest == 0:  # blank cells (a canvas before its first stamp): nothing to fit
        assert size is not None
        return
    if size is None:  # would not fit even at 14 px: too wide or too tall
        assert longest * 0.6 * MIN_TEXT_PX > 0.95 * px or 0.95 * px < 1.2 * MIN_TEXT_PX
    else:
        assert MIN_TEXT_PX <= size <= MAX_TEXT_PX
        assert longest * 0.6 * size <= 0.95 * px and 1.2 * size <= 0.95 * px


def test_two_line_labels_need_room_for_both_lines():
    assert cell_font_px(["w₀₀<br>1"], 46) is not None
    assert cell_font_px(["w₀₀<br>1"], 30) is None  # two 14 px lines need 36 px


def test_a_large_grid_moves_its_numbers_to_the_hover_text():
    values = np.arange(20 * 20, dtype=float).reshape(20, 20)  # three-digit numbers
    small = panels_figure([GridSpec(values=values), GridSpec(values=values[:3, :3])])
    big_layer, small_layer = small.data[1], small.data[3]
    # no text element per cell is drawn (mode "none"); the numbers are one hover away
    assert big_layer.mode == "none" and big_layer.hovertext[-1] == big_layer.text[-1] == "399"
    assert big_layer.textfont.size == MIN_TEXT_PX
    assert small_layer.mode == "text" and small_layer.textfont.size >= MIN_TEXT_PX
    assert small.layout.hoverlabel.font.size >= MIN_TEXT_PX


def test_a_clickable_large_grid_keeps_something_plotly_can_select():
    # Plotly selects only points of a trace drawing markers or text: a click on a panel of
    # mode "none" selected nothing. Its markers are there to be clicked, never seen.
    values = np.arange(20 * 20, dtype=float).reshape(20, 20)
    layer = panels_figure([GridSpec(values=values, clickable=True)]).data[1]
    assert layer.mode == "markers" and layer.marker.opacity == 0
    assert layer.hovertext[-1] == "399"


@given(st.integers(10, 200))
def test_the_pointer_reaches_every_corner_of_a_cell(px):
    # Plotly finds a text point within hoverdistance of its 3-px radius; a corner is
    # px / √2 from the centre.
    assert pointer_layout(px, clickable=True)["hoverdistance"] + 3 >= px / np.sqrt(2)


def test_cell_numbers_are_text_points_without_markers():
    values = np.arange(16, dtype=float).reshape(4, 4)
    specs = [GridSpec(values=values), GridSpec(values=values[:2], clickable=True)]
    for fig in (panels_figure(specs), tiled_figure([specs[:1], specs[1:]])):
        layers = [t for t in fig.data if t.customdata is not None]
        assert len(layers) == 2 and {t.mode for t in layers} == {"text"}
        px = layers[0].marker.size  # the cell size, kept for lecture mode, not drawn
        assert fig.layout.hoverdistance == pointer_layout(px, clickable=True)["hoverdistance"]
        assert fig.layout.clickmode == "event+select"


def _plot_px(fig, axis: str) -> tuple[float, float]:
    """Top and bottom of an axis pair's area, pixels from the plot's top."""
    layout = fig.layout
    height = layout.height - layout.margin.t - layout.margin.b
    low, high = layout[axis].domain
    return (1 - high) * height, (1 - low) * height


@given(st.integers(1, 9), st.integers(1, 9), st.integers(1, 9))
@settings(max_examples=60, deadline=None)
def test_a_short_panel_takes_no_clicks_below_its_last_row(tall, short, cols):
    # The pointer finds the nearest cell within hoverdistance, but only inside the axes under
    # it: a short panel's axes end at its last row, so a click below it selects nothing.
    rows = [np.zeros((tall, cols)), np.zeros((short, cols))]
    specs = [GridSpec(values=v, clickable=True) for v in rows]
    for fig in (panels_figure(specs), tiled_figure([specs])):
        px = next(t for t in fig.data if t.customdata is not None).marker.size
        edges = {}
        for panel, n_rows in enumerate((tall, short)):
            name = "yaxis" if panel == 0 else f"yaxis{panel + 1}"
            top, bottom = _plot_px(fig, name)
            low, high = sorted(fig.layout[name].range)
            assert (low, high) == (-0.5, n_rows - 0.5)
            assert abs((bottom - top) - n_rows * px) < 1e-6  # square cells, no room below
            edges[panel] = top
        assert abs(edges[0] - edges[1]) < 1e-6  # first rows level


def test_a_step_caption_is_shown_under_the_panels_whatever_their_heights():
    # Plotly hides a text point outside its axes' range; the caption hangs from axes of its
    # own at the bottom of the lowest panel, from the left edge of the panel it names.
    from convviz.figures.common.panels import caption_trace

    specs = [GridSpec(values=np.zeros((2, 2))), GridSpec(values=np.zeros((5, 3)))]
    fig = panels_figure(specs)
    fig.add_trace(caption_trace("y = 1", fig=fig))
    caption = fig.data[-1]
    x_axis = fig.layout["xaxis" + caption.xaxis[1:]]
    y_axis = fig.layout["yaxis" + caption.yaxis[1:]]
    assert caption.x[0] in x_axis.range and caption.y[0] in y_axis.range
    assert x_axis.domain[0] == fig.layout.xaxis.domain[0]
    assert y_axis.domain[0] == 0 and _plot_px(fig, "yaxis" + caption.yaxis[1:])[0] > (
        _plot_px(fig, "yaxis2")[1] - 1
    )  # at the bottom of the taller panel, under a pixel high
