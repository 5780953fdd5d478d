"""The deformable page's figures and texts: what they draw and write for known settings."""

from __future__ import annotations

import numpy as np
import pytest

from convviz.engine.deform_trace import cell_sampling
from convviz.figures.common.grid import clicked_data, selected_cell
from convviz.figures.deformable import data, field, sampling, stack, text
from tests.support.deformable import SMALL

BASE = {**SMALL, "padding": 1}


def _setting(**changes):
    arrays = data.page_arrays(**{**BASE, **changes})
    hyper = {k: changes.get(k, BASE[k]) for k in ("stride", "padding", "dilation")}
    return arrays, hyper


def test_pictures_have_an_object_on_a_background():
    bar = data.picture("bar", 7)
    assert set(np.unique(bar)) == {data.BACKGROUND, data.OBJECT}
    np.testing.assert_array_equal(np.diag(bar), data.OBJECT)  # the diagonal bar
    ring = data.picture("ring", 13)
    assert ring[6, 6] == data.BACKGROUND and ring[6, 2] == data.OBJECT  # radius (13 − 1)/3 = 4
    np.testing.assert_array_equal(ring, ring.T)


def test_margin_regular_points_and_output_side():
    arrays, _ = _setting(offsets="shift", amount=3.0)
    # padding 1 and a shift of 3: the last cell's last tap reads column 4 − 1 + 2 + 3 = 8,
    # four past the last column (4): the most the page draws
    assert data.margin(arrays["points"], 5, 1) == 4 == data.MAX_MARGIN
    regular = data.regular_points(arrays["points"], arrays["offset"])
    np.testing.assert_array_equal(arrays["points"] - regular, 3.0)
    assert data.output_side(**BASE) == 5
    assert data.margin(np.zeros((9, 1, 1, 2)), 5, 0) == 0


def test_sampling_figure_draws_every_point_and_reads_clicks():
    arrays, hyper = _setting(offsets="shift")
    cell = cell_sampling(arrays["x"], arrays["offset"], arrays["kernel"], cell=(2, 2), **hyper)
    figure = sampling.sampling_figure(arrays["x"], arrays["output"], cell, tap=4, m=1, lang="en")
    starts, ends = figure.data[-2:]
    assert len(ends.x) == len(starts.x) == 9
    np.testing.assert_array_equal(np.array(ends.y) - np.array(starts.y), 0.5)
    sizes = list(ends.marker.size)
    assert sizes.count(max(sizes)) == 1 and max(sizes) > min(sizes)  # the opened tap: larger
    # a click on moved point 4 reads as tap 4; a click on an output cell as (row, col, panel)
    event = {"selection": {"points": [{"customdata": list(ends.customdata[4])}]}}
    assert clicked_data(event, size=sampling.TAP_SIZE) == (4, -1)
    assert selected_cell(event) is None
    cells = {"selection": {"points": [{"customdata": {"0": 1, "1": 3, "2": 1}}]}}
    assert selected_cell(cells) == (1, 3, 1)
    assert sampling.hidden_points(cell, 5, 1) == 0
    hover = sampling.output_hover(arrays["output"])
    assert hover[2, 2] == f"y[2, 2] = {arrays['output'][2, 2]:g}"  # shifts of 0.5: exact


def test_opened_point_shows_neighbours_values_and_weights():
    arrays, hyper = _setting(offsets="shift", amount=0.25)
    cell = cell_sampling(arrays["x"], arrays["offset"], arrays["kernel"], cell=(2, 2), **hyper)
    figure = sampling.opened_point_figure(cell, 4, "en")
    labels = [t for trace in figure.data if trace.text is not None for t in trace.text]
    # tap 4 of (2, 2) reads (2.25, 2.25): neighbours 13, 14, 18, 19 weighted 9/16, 3/16, 3/16, 1/16
    assert labels == [
        "(2, 2): 13<br>weight 0.5625",
        "(2, 3): 14<br>weight 0.1875",
        "(3, 2): 18<br>weight 0.1875",
        "(3, 3): 19<br>weight 0.0625",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_point_lines_explain_a_point_outside(lang):
    arrays, hyper = _setting(offsets="zero")
    cell = cell_sampling(arrays["x"], arrays["offset"], arrays["kernel"], cell=(0, 0), **hyper)
    lines = text.point_lines(cell, 0, lang)  # tap 0 at (−1, −1)
    assert len(lines) == 2 and "0" in lines[1]
    inside = text.point_lines(cell, 4, lang)  # tap 4 at (0, 0): the pixel itself
    assert inside[-1] == "x̃(0, 0) = 1·1 + 0·2 + 0·6 + 0·7 = **1**"


def test_field_figure_draws_one_arrow_per_output_cell():
    arrays, _ = _setting(offsets="rotation", amount=90.0)
    regular = data.regular_points(arrays["points"], arrays["offset"])
    figure = field.field_figure(arrays["x"], arrays["points"], regular, tap=0, m=2, lang="en")
    starts, ends = figure.data[-2:]
    assert len(starts.x) == len(ends.x) == 25
    # tap 0 (top-left) turned by 90° anticlockwise goes to the bottom-left: (+2, 0)
    np.testing.assert_allclose(np.array(ends.y) - np.array(starts.y), 2.0)
    np.testing.assert_allclose(np.array(ends.x) - np.array(starts.x), 0.0)


def test_stack_figure_greys_out_what_is_never_read():
    view = data.stack_arrays(**{**BASE, "offsets": "zero"}, cell=(2, 2))
    figure = stack.stack_figure(view["x"], view["deformable"], view["standard"], "en")
    assert view["deformable"].field.sum() == view["standard"].field.sum() == 25
    bottom, top = figure.data[-2:]  # the standard panel: layer 1's 81 points, layer 2's 9
    assert (len(bottom.x), len(top.x)) == (81, 9)
    assert (bottom.xaxis, top.xaxis) == ("x2", "x2")


def test_a_large_input_is_a_picture_coloured_by_value():
    small = sampling.input_spec(data.picture("bar", 12), 1, "en")
    large = sampling.input_spec(data.picture("bar", 13), 1, "en")
    assert small.labels is None and small.colour_by == "role"  # the page's default colouring
    assert large.colour_by == "value" and set(large.labels.ravel()) == {""}
