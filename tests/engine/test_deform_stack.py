"""Two stacked deformable layers: the receptive field of one output cell.

The field is checked against what it means: an input pixel is in it exactly when changing
that pixel changes the output cell (the stack is linear in its input once the offsets are
fixed), computed with deform_conv2d twice; with zero offsets it is the k̂-square of two
standard layers, receptive_field's number.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz import receptive_field
from convviz.engine.deform import deform_conv2d
from convviz.engine.deform_stack import stacked_field


def _two_layers(x, off1, off2, w1, w2, *, padding, dilation):
    hyper = {"padding": padding, "dilation": dilation}
    middle = deform_conv2d(x[None], off1, w1[None, None], **hyper)  # (1, H₁, W₁)
    return deform_conv2d(middle, off2, w2[None, None], **hyper)[0]


@settings(max_examples=40, deadline=None)
@given(
    st.tuples(st.integers(1, 3), st.integers(0, 2), st.integers(1, 2)),
    st.integers(0, 2**32 - 1),
    st.booleans(),
    st.data(),
)
def test_field_is_the_set_of_pixels_the_output_depends_on(layer, seed, whole, data):
    k, p, d = layer
    size = 7
    span = d * (k - 1)
    o1 = size + 2 * p - span
    o2 = o1 + 2 * p - span
    if o2 < 1:
        return
    rng = np.random.default_rng(seed)
    scale = 1 if whole else 4
    off1 = rng.integers(-2 * scale, 2 * scale + 1, size=(2 * k * k, o1, o1)) / scale
    off2 = rng.integers(-2 * scale, 2 * scale + 1, size=(2 * k * k, o2, o2)) / scale
    w1 = rng.uniform(0.5, 1.5, size=(k, k))  # positive: no cancellation between paths
    w2 = rng.uniform(0.5, 1.5, size=(k, k))
    cell = (data.draw(st.integers(0, o2 - 1)), data.draw(st.integers(0, o2 - 1)))
    field = stacked_field(
        (size, size), off1, off2, kernel_size=k, cell=cell, padding=p, dilation=d
    ).field
    base = _two_layers(np.zeros((size, size)), off1, off2, w1, w2, padding=p, dilation=d)
    for r in range(size):
        for c in range(size):
            x = np.zeros((size, size))
            x[r, c] = 1.0
            change = _two_layers(x, off1, off2, w1, w2, padding=p, dilation=d) - base
            assert (abs(change[cell]) > 1e-12) == field[r, c], (r, c)


def test_zero_offsets_give_the_square_of_two_standard_layers():
    rf = receptive_field([(3, 1, 1), (3, 1, 1)])[-1]
    f = stacked_field(
        (9, 9), np.zeros((18, 9, 9)), np.zeros((18, 9, 9)), kernel_size=3, cell=(4, 4), padding=1
    )
    rows, cols = np.nonzero(f.field)
    assert (rows.min(), rows.max(), cols.min(), cols.max()) == (2, 6, 2, 6)
    assert f.field.sum() == rf * rf == 25
    assert len(f.middle_cells) == 9 and len(f.bottom_points) == 81
    np.testing.assert_array_equal(f.bottom_weights, 1.0)


def test_a_half_pixel_top_point_reaches_four_middle_cells():
    off2 = np.zeros((2, 3, 3))
    off2[:, 1, 1] = 0.5  # a 1×1 layer 2: its one point at (1.5, 1.5)
    f = stacked_field((3, 3), np.zeros((2, 3, 3)), off2, kernel_size=1, cell=(1, 1))
    assert f.middle_cells.tolist() == [[1, 1], [1, 2], [2, 1], [2, 2]]
    np.testing.assert_array_equal(f.bottom_weights, 0.25)
    assert f.field.sum() == 4
