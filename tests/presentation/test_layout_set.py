"""Layout entries set on a built figure (``convviz.figures.common.layout_set``): what
``update_layout`` would leave, without its batch update."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from convviz.figures.common.layout_set import merged, set_layout


def _figure() -> go.Figure:
    return go.Figure(
        layout={"height": 300, "margin": {"l": 8, "r": 8, "t": 30, "b": 10}, "title": {"text": "t"}}
    )


def test_merged_margin_matches_update_layout():
    by_update = _figure().update_layout(height=340, margin={"b": 50})
    by_setting = _figure()
    set_layout(by_setting, height=340, margin=merged(by_setting, "margin", b=50))
    assert by_setting.to_dict() == by_update.to_dict()
    assert by_setting.layout.margin.l == 8 and by_setting.layout.margin.b == 50


def test_new_axes_and_controls_are_set_as_given():
    fig = _figure()
    axis = {"visible": False, "range": [0, 1], "domain": [0.2, 1], "fixedrange": True}
    controls = {"updatemenus": [{"type": "buttons", "y": -0.2}], "sliders": [{"y": -0.4}]}
    set_layout(fig, xaxis99=axis, **controls)
    assert fig.to_dict()["layout"]["xaxis99"] == axis
    assert fig.layout.updatemenus[0].y == -0.2 and fig.layout.sliders[0].y == -0.4
    assert fig.to_dict() == _figure().update_layout(xaxis99=axis, **controls).to_dict()


def test_a_value_plotly_rejects_is_still_rejected():
    with pytest.raises(ValueError, match="height"):
        set_layout(_figure(), height="tall")
