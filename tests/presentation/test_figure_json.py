"""``figure_dict`` writes what Plotly's ``to_dict`` writes: the app's figures and the odd cases
(64-bit integers, text and bool arrays, unpacked keys, arrays in lists), byte for byte in JSON;
``packed`` against Plotly's own packing for random arrays."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from _plotly_utils.utils import to_typed_array_spec
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from plotly.io.json import to_json_plotly

from convviz.figures.common.animation import attach_frames, unchecked_frame
from convviz.figures.common.figure_json import figure_dict, packed
from convviz.figures.conv3d import views as conv3d_views
from tests.presentation.test_animation_frames import _animated_figures
from tests.presentation.test_conv3d_figures import SETTING


def _odd_figure() -> go.Figure:
    fig = go.Figure(
        go.Heatmap(
            z=np.arange(12, dtype=np.int64).reshape(3, 4) - 5,
            text=np.array([["a", "b", "c", "d"]] * 3),
            customdata=np.array([[2**40, 1, 2, 3]] * 3),  # beyond 32 bits: a JSON list
        )
    )
    fig.add_trace(go.Scatter(x=np.array([1, 2**20]), y=(3.5, None, 1), mode="lines"))
    fig.add_trace(go.Scatter(x=np.array([], dtype=float), y=[]))
    fig.update_layout(xaxis={"range": np.array([0.5, 2.5])}, shapes=[{"type": "line", "x0": 0}])
    frame = unchecked_frame(
        "0",
        [
            {
                "type": "scatter",
                "x": np.arange(3, dtype=np.uint64),
                "text": [np.arange(2)],  # an array in a list is not packed
                "marker": {"color": np.array([True, False, True])},
            }
        ],
        [1],
        {"annotations": [{"text": "t", "x": np.float32(1.5)}]},
    )
    return attach_frames(fig, [frame])


def _figures():
    yield from _animated_figures()
    yield "conv3d frames", conv3d_views.frames_view(SETTING, 4, "zh")
    yield "conv3d fusion", conv3d_views.fusion_view(SETTING, "en")["figure"]
    yield "odd cases", _odd_figure()


@pytest.mark.parametrize(("name", "fig"), list(_figures()), ids=lambda v: str(v)[:20])
def test_figure_dict_is_plotly_to_dict(name, fig):
    expected = pio.to_json(fig.to_dict(), validate=False)
    ours = figure_dict(fig)
    assert pio.to_json(ours, validate=False) == expected, name
    assert set(ours) == set(fig.to_dict())
    # nothing of the figure is shared: changing the dict leaves the figure as it was
    ours["layout"].clear()
    for trace in ours["data"]:
        trace.clear()
    assert pio.to_json(fig.to_dict(), validate=False) == expected


DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float32", "float64", "bool"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(DTYPES).flatmap(
        lambda dtype: hnp.arrays(dtype, hnp.array_shapes(min_dims=1, max_dims=3, min_side=0))
    )
)
def test_packed_is_plotlys_packing(values):
    expected = to_typed_array_spec(values)
    ours = packed(values)
    if isinstance(expected, dict):
        assert ours == expected
    else:  # left as an array: the same JSON list
        assert to_json_plotly(ours) == to_json_plotly(expected)
