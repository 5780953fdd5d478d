"""Animated figures are built with unchecked frames (``unchecked_frame``) for speed: here every
animated figure of the pages is put through Plotly's full validation, and the shared play
controls are checked."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from convviz.figures.common.animation import (
    BUTTON_ROW_PX,
    CONTROLS_PX,
    add_play_controls,
    unchecked_frame,
)
from convviz.figures.common.figure_json import packed
from convviz.figures.common.grid import GridSpec, panels_figure
from convviz.figures.common.panels import example_kernel
from convviz.figures.dilated import views as dilated_views
from convviz.figures.standard.data import Setting, kernel_values, window_trace
from convviz.figures.standard.window import window_figure
from convviz.figures.transposed.data import direct_data, scatter_data
from convviz.figures.transposed.direct import direct_figure
from convviz.figures.transposed.scatter import scatter_figure
from convviz.i18n import translate

X3 = np.arange(1, 10, dtype=float).reshape(3, 3)
TRANSPOSED = {"stride": 2, "padding": 1, "output_padding": 1, "dilation": 1}


def _revalidated(fig: go.Figure) -> dict:
    """The figure's JSON after Plotly checks every property (raises on anything invalid)."""
    return json.loads(go.Figure(fig.to_dict()).to_json())


def _animated_figures():
    kernel = example_kernel(3)
    yield "scatter-add", scatter_figure(scatter_data(X3, kernel, **TRANSPOSED), lang="en")
    yield "direct form", direct_figure(direct_data(X3, kernel, **TRANSPOSED), lang="zh")
    x = np.arange(49, dtype=float).reshape(7, 7)
    window = dilated_views.window_view(
        x,
        "arange",
        (1, 1),
        lang="en",
        input_size=7,
        kernel_size=3,
        stride=1,
        padding=1,
        dilation=2,
    )
    yield "dilated window", go.Figure(window["figure"])
    rectangular = np.arange(1, 31, dtype=float).reshape(5, 6)
    trace = window_trace(
        rectangular, kernel_values("arange", (2, 3)), Setting((5, 6), (2, 3), (2, 1), (1, 0))
    )
    yield "standard window", window_figure(trace, flipped=True, lang="zh", start=3)


@pytest.mark.parametrize(("name", "fig"), list(_animated_figures()), ids=lambda v: str(v)[:20])
def test_animated_figures_pass_plotly_validation(name, fig):
    assert fig.frames, name
    checked = _revalidated(fig)
    assert checked["frames"] == json.loads(fig.to_json())["frames"]
    names = [frame["name"] for frame in checked["frames"]]
    assert len(names) == len(set(names))  # the step slider addresses frames by name
    n_traces = len(checked["data"])
    for frame in checked["frames"]:
        assert len(frame["data"]) == len(frame["traces"])
        assert all(0 <= index < n_traces for index in frame["traces"])
        for update, index in zip(frame["data"], frame["traces"], strict=True):
            assert update["type"] == checked["data"][index]["type"]


def test_unchecked_frame_serialises_like_a_checked_one():
    data = [{"type": "scatter", "text": ["1", "2"], "textfont": {"color": ["#000", "#fff"]}}]
    layout = {"shapes": [{"type": "rect", "x0": 0, "x1": 1, "y0": 0, "y1": 1}]}
    fast = unchecked_frame("step 1", data, [3], layout)
    slow = go.Frame(name="step 1", data=data, traces=[3], layout=layout)
    assert json.loads(go.Figure(frames=[fast]).to_json()) == json.loads(
        go.Figure(frames=[slow]).to_json()
    )


def test_play_controls_follow_the_frames_in_both_languages():
    names = ["y[0,0]", "y[0,1]", "y[1,0]"]
    fig = panels_figure([GridSpec(values=np.zeros((2, 2)), title="y")])
    height = fig.layout.height
    frames = [unchecked_frame(name, [{"type": "scatter", "text": [name]}], [1]) for name in names]
    add_play_controls(fig, frames, lang="zh", active=2, duration_ms=500)
    checked = _revalidated(fig)
    (slider,) = checked["layout"]["sliders"]
    assert [step["args"][0] for step in slider["steps"]] == [[name] for name in names]
    assert slider["active"] == 2
    assert slider["currentvalue"]["prefix"].startswith(translate("anim.step", "zh"))
    buttons = checked["layout"]["updatemenus"][0]["buttons"]
    assert [b["label"] for b in buttons] == [
        translate(k, "zh") for k in ("anim.play", "anim.pause")
    ]
    assert buttons[0]["args"][1]["frame"]["duration"] == 500
    assert fig.layout.height == height + CONTROLS_PX + BUTTON_ROW_PX  # room below the panels
    menu = checked["layout"]["updatemenus"][0]
    assert slider["y"] < menu["y"] < 0  # the slider on a row under the buttons
    assert slider["x"] == 0 and slider["len"] == 1
    assert slider["font"]["size"] >= 14 and slider["currentvalue"]["font"]["size"] >= 14
    assert menu["font"]["size"] >= 14


@pytest.mark.parametrize("dtype", ["float32", "float64", "int32", "int16", "uint8"])
def test_packed_arrays_are_what_plotly_writes(dtype):
    values = (np.arange(-3, 9) * 7 % 11).astype(dtype)  # 12 values, some repeated
    written = go.Figure(go.Scatter(x=values)).to_dict()["data"][0]["x"]
    assert packed(values) == written
    frame = unchecked_frame("0", [{"type": "scatter", "x": packed(values)}], [0])
    fig = go.Figure(go.Scatter(x=values))
    fig.frames = [frame]  # Plotly's checks take the packed form as an array
    assert fig.to_dict()["frames"][0]["data"][0]["x"] == written
