"""The figure dict the browser gets: no width, no template, the theme as plain defaults,
1-D arrays as lists, a fixed datarevision; the figure's own settings kept; Plotly accepts it."""

from __future__ import annotations

import copy

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.figures.common.browser_spec import DATA_REVISION, browser_spec, filled
from convviz.figures.common.figure_json import figure_dict, packed
from convviz.figures.standard.padding import modes_figure
from convviz.style.chart_theme import FONT_FAMILY, LAYOUT_DEFAULTS, TRACE_DEFAULTS


def _figure() -> dict:
    figure = go.Figure(
        [
            go.Heatmap(z=np.arange(6.0).reshape(2, 3), xaxis="x2", yaxis="y2"),
            go.Scatter(x=np.array([0.0, 1.5, 2.0]), y=np.array([1, 2, 3]), mode="markers"),
        ],
        layout={
            "width": 480,
            "height": 300,
            "title": {"text": "Output"},
            "font": {"size": 14},
            "xaxis": {"visible": False, "showgrid": True},
        },
    )
    figure.frames = [go.Frame(data=[go.Heatmap(z=np.ones((2, 3)))], name="1")]
    return figure_dict(figure)


def test_width_and_template_left_out_and_datarevision_fixed():
    spec = _figure()
    assert spec["layout"]["width"] == 480 and "template" in spec["layout"]
    shown = browser_spec(spec)["layout"]
    assert "width" not in shown and "template" not in shown
    assert shown["height"] == 300 and shown["datarevision"] == DATA_REVISION


def test_the_figure_is_not_changed():
    spec = _figure()
    before = copy.deepcopy(spec)
    browser_spec(spec)
    assert spec == before


def test_one_dimensional_arrays_go_as_lists_and_larger_ones_stay_packed():
    shown = browser_spec(_figure())
    heatmap, scatter = shown["data"]
    assert scatter["x"] == [0.0, 1.5, 2.0] and scatter["y"] == [1, 2, 3]
    assert heatmap["z"]["shape"] == "2, 3"  # 2-D: base64, compared as a list of rows
    assert shown["frames"][0]["data"][0]["z"]["shape"] == "2, 3"


def test_theme_fills_what_the_figure_leaves_open_and_keeps_what_it_sets():
    shown = browser_spec(_figure())
    layout = shown["layout"]
    assert layout["font"]["size"] == 14  # the figure's own
    assert layout["font"]["family"] == FONT_FAMILY  # the theme's
    assert layout["xaxis"]["showgrid"] is True and layout["xaxis"]["visible"] is False
    assert layout["yaxis"]["gridcolor"] == LAYOUT_DEFAULTS["yaxis"]["gridcolor"]
    # axes only a trace names get the axis defaults too, as a template would give them
    assert layout["xaxis2"]["showgrid"] is False and "gridcolor" in layout["yaxis2"]
    heatmap, scatter = shown["data"]
    assert heatmap["colorscale"] == TRACE_DEFAULTS["heatmap"]["colorscale"]
    assert scatter["marker"]["line"]["width"] == 0


def test_title_in_bold_as_the_theme_drew_it():
    assert browser_spec(_figure())["layout"]["title"]["text"] == "<b>Output</b>"


def test_frames_are_left_as_they_are():
    spec = _figure()
    # a default in a frame would override the figure's own setting while playing
    assert browser_spec(spec)["frames"] is spec["frames"]


def test_three_d_traces_keep_their_packed_arrays():
    spec = figure_dict(go.Figure(go.Mesh3d(x=np.arange(4.0), y=np.arange(4.0), z=np.ones(4))))
    shown = browser_spec(spec)["data"][0]
    assert shown["x"] == spec["data"][0]["x"] and "bdata" in shown["x"]  # JSON stays small
    assert "xaxis" not in browser_spec(spec)["layout"]  # no cartesian axes to style


@pytest.mark.parametrize("pad", [1, 2])
def test_plotly_accepts_an_app_figure(pad):
    figure, _ = modes_figure(np.arange(16.0).reshape(4, 4), (pad,) * 4, lang="en")
    go.Figure(browser_spec(figure_dict(figure)))  # raises on an attribute Plotly does not know


@given(
    st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1, max_size=40),
    st.sampled_from(["float32", "float64", "int8", "int16", "int32", "uint8"]),
)
def test_unpacked_values_equal_the_array(values, dtype):
    array = (
        np.array(values).astype(dtype)
        if "int" not in dtype
        else np.array([int(v) % 100 for v in values], dtype=dtype)
    )
    spec = {"data": [{"type": "scatter", "x": packed(array)}], "layout": {}}
    assert browser_spec(spec)["data"][0]["x"] == array.tolist()


@given(
    st.dictionaries(
        st.sampled_from("abc"),
        st.integers() | st.dictionaries(st.sampled_from("xyz"), st.integers(), max_size=3),
        max_size=3,
    ),
    st.dictionaries(
        st.sampled_from("abc"),
        st.integers() | st.dictionaries(st.sampled_from("xyz"), st.integers(), max_size=3),
        max_size=3,
    ),
)
def test_filled_keeps_the_target_and_adds_only_missing_keys(target, defaults):
    result = filled(target, defaults)
    for key, value in target.items():
        if isinstance(value, dict) and isinstance(defaults.get(key), dict):
            assert all(result[key][k] == v for k, v in value.items())
        else:
            assert result[key] == value
    assert set(result) == set(target) | set(defaults)
