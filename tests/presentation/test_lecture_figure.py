"""Lecture mode's enlarged figure: every size times one factor, cell numbers ≥ 24 px, square
grid cells, frames kept, the cached original untouched."""

from __future__ import annotations

import copy

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.figures.common.grid import MIN_TEXT_PX, cell_font_px
from convviz.figures.common.lecture import (
    MAX_FACTOR,
    MIN_CELL_TEXT_PX,
    TARGET_HEIGHT_PX,
    TARGET_WIDTH_PX,
    WRAPPED_PX,
    lecture_factor,
    lecture_figure,
    wrapped_px,
)
from convviz.figures.dilated import views as dilated_views
from convviz.figures.standard import views
from convviz.figures.transposed import views as transposed_views
from convviz.inputs import make_values


def standard_window(i: int = 5, k: int = 3) -> dict:
    x = make_values("arange", (i, i))
    keys = {"input_size": i, "kernel_size": k, "stride": 1, "padding": 0}
    setting = {**keys, **{f"{key}_w": v for key, v in keys.items()}}
    setting.update(padding_rule="explicit", padding_mode="zeros", flip=False)
    return views.window_view(x, "arange", (0, 0), lang="en", **setting)["figure"].to_dict()


def cell_layers(figure: dict) -> list[dict]:
    """The text layers of grid panels (text drawn on cell-sized markers)."""
    return [
        t
        for t in figure["data"]
        if "text" in str(t.get("mode", "")) and t.get("marker", {}).get("size")
    ]


@given(st.floats(50, 3000), st.floats(50, 3000))
@settings(max_examples=60, deadline=None)
def test_factor_fills_the_room_without_shrinking_or_exploding(width, height):
    f = lecture_factor(width, height)
    assert 1.0 <= f <= MAX_FACTOR
    if f > 1.0:  # enlarged: one side meets the room or the cap is reached
        fits = width * f <= TARGET_WIDTH_PX + 1e-6 and height * f <= TARGET_HEIGHT_PX + 1e-6
        assert fits
        assert f == pytest.approx(MAX_FACTOR) or max(
            width * f / TARGET_WIDTH_PX, height * f / TARGET_HEIGHT_PX
        ) == pytest.approx(1.0)


@given(st.floats(50, 3000), st.floats(50, 3000), st.floats(0, 600))
@settings(max_examples=60, deadline=None)
def test_lines_wrapped_for_a_phone_do_not_shrink_the_grids(width, height, wrapped):
    wrapped = min(wrapped, height - 1)
    f = lecture_factor(width, height, wrapped=wrapped)
    assert 1.0 <= f <= MAX_FACTOR
    assert f >= lecture_factor(width, height)  # never smaller than without the lines
    if f > 1.0:  # the figure without those lines fits the room
        assert width * f <= TARGET_WIDTH_PX + 1e-6
        assert (height - min(wrapped, WRAPPED_PX)) * f <= TARGET_HEIGHT_PX + 1e-6
    assert lecture_factor(width, height) == lecture_factor(width, height, wrapped=0.0)


def test_wrapped_px_counts_title_and_caption_lines():
    figure = {
        "layout": {"margin": {"t": 48}},
        "data": [
            {"mode": "text", "text": ["a<br>b"]},
            {"mode": "text", "text": ["w₀₀<br>1<br>2<br>3"], "marker": {"size": 40}},  # cells
        ],
        "frames": [{"data": [{"mode": "text", "text": ["a<br>b<br>c"]}]}],
    }
    assert wrapped_px(figure) == 18 + 2 * 18
    assert wrapped_px({"layout": {"margin": {"t": 30}}, "data": []}) == 0


def test_standard_window_is_enlarged_with_numbers_of_at_least_24_px():
    original = standard_window()
    kept = copy.deepcopy(original)
    big = lecture_figure(original)
    assert original == kept  # the cached figure is never changed
    layout = original["layout"]
    f = lecture_factor(layout["width"], layout["height"], wrapped=wrapped_px(original))
    assert f > 1.05
    assert big["layout"]["width"] == pytest.approx(original["layout"]["width"] * f)
    assert big["layout"]["height"] == pytest.approx(original["layout"]["height"] * f)
    assert big["layout"]["margin"]["b"] == pytest.approx(original["layout"]["margin"]["b"] * f)
    assert big["layout"]["hoverdistance"] == round(original["layout"]["hoverdistance"] * f)
    for layer in cell_layers(big):
        assert layer["textfont"]["size"] >= MIN_CELL_TEXT_PX
    for before, after in zip(
        original["layout"]["annotations"], big["layout"]["annotations"], strict=True
    ):
        assert after["font"]["size"] == pytest.approx(before["font"].get("size", 12) * f)
    assert big["frames"] == original["frames"]  # the animation is the same
    assert big["layout"]["sliders"][0]["active"] == original["layout"]["sliders"][0]["active"]
    # Grid panels keep square cells when the chart is stretched.
    assert big["layout"]["yaxis"]["scaleanchor"] == "x"
    assert big["layout"]["yaxis3"]["scaleanchor"] == "x3"
    go.Figure(big)  # still a valid Plotly figure


def test_numbers_grow_to_24_px_only_where_the_cell_has_room():
    original = standard_window(i=16)
    big = lecture_figure(original, factor=1.0)
    for before, after in zip(cell_layers(original), cell_layers(big), strict=True):
        cell, size = before["marker"]["size"], before["textfont"]["size"]
        assert after["marker"]["size"] == cell  # factor 1: the cells keep their size
        longest = max(len(line) for t in before["text"] for line in t.split("<br>"))
        room = min(0.55 * cell, 1.5 * cell / longest)
        assert after["textfont"]["size"] == pytest.approx(max(size, min(MIN_CELL_TEXT_PX, room)))
        assert after["textfont"]["size"] <= max(size, room)  # never wider than its cell


def test_a_figure_without_heatmaps_keeps_free_axes():
    x = make_values("arange", (3, 3))
    kernel = make_values("arange", (3, 3))
    figure = transposed_views.scatter_view(
        x,
        kernel,
        lang="en",
        step=0,
        animate=True,
        stride=2,
        padding=1,
        output_padding=0,
        dilation=1,
    )["figure"].to_dict()
    big = lecture_figure(figure)
    heatmap_axes = {t.get("yaxis", "y") for t in big["data"] if t.get("type") == "heatmap"}
    for name, axis in big["layout"].items():
        if name.startswith("yaxis") and isinstance(axis, dict) and "scaleanchor" in axis:
            assert "y" + name[5:] in heatmap_axes


def dilated_window(i: int, *, padding: int, dilation: int) -> dict:
    x = make_values("arange", (i, i))
    setting = {"input_size": i, "kernel_size": 3, "stride": 1, "padding": padding}
    view = dilated_views.window_view(x, "ones", (0, 0), lang="en", dilation=dilation, **setting)
    return view["figure"].to_dict()


def numbered_layers(figure: dict) -> list[dict]:
    """Every grid panel's number layer (cell-sized markers), drawn or not, in trace order."""
    return [t for t in figure["data"] if t.get("marker", {}).get("size") and "textfont" in t]


@pytest.mark.parametrize(("i", "padding", "dilation"), [(8, 2, 1), (5, 4, 2), (12, 4, 4)])
def test_numbers_too_small_to_draw_are_drawn_where_the_enlarged_cells_have_room(
    i, padding, dilation
):
    original = dilated_window(i, padding=padding, dilation=dilation)
    big = lecture_figure(original)
    layout = original["layout"]
    f = lecture_factor(layout["width"], layout["height"], wrapped=wrapped_px(original))
    revealed = 0
    for before, after in zip(numbered_layers(original), numbered_layers(big), strict=True):
        mode = before["mode"]
        if mode not in ("none", "markers") or not any(before["text"]):
            continue  # drawn already (see the tests above), or nothing to draw
        side = before["marker"]["size"] * f
        size = cell_font_px(before["text"], side)
        if size is None:  # still too small on the projector: still not drawn
            assert after["mode"] == mode
            continue
        revealed += 1
        # drawn as text; a clickable panel keeps its invisible markers, so clicks still select
        assert after["mode"] == ("text" if mode == "none" else "markers+text")
        assert after["marker"].get("opacity") == before["marker"].get("opacity")
        longest = max(len(line) for t in before["text"] for line in t.split("<br>"))
        room = min(0.55 * side, 1.5 * side / longest)
        assert after["textfont"]["size"] == pytest.approx(max(size, min(MIN_CELL_TEXT_PX, room)))
        assert after["textfont"]["size"] >= MIN_TEXT_PX
        assert after["textfont"]["size"] * 0.6 * longest <= 0.95 * side + 1e-9  # fits its cell
    # the 12×12 input at dilation 4 is enlarged too little for its 3-digit numbers
    assert (revealed > 0) == (i < 12)
    assert all("mode" not in t for frame in big["frames"] for t in frame["data"])  # kept drawn
    go.Figure(big)
