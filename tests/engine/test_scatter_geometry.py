"""The scatter-add canvas as exports draw it: the kind of every canvas cell, the stamped span."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.scatter import scatter_stamps
from convviz.engine.scatter_frames import scatter_frames
from convviz.style.palette import CellKind

X = np.array([[1.0, 2.0], [3.0, 4.0]])
ONES = np.ones((2, 2))
CUT, R, A = CellKind.OUTSIDE, CellKind.REAL, CellKind.OUTPUT_PAD


def test_kinds_crop_the_padding_and_mark_the_output_padding():
    # i = 2, k = 2, s = 2, p = 1, a = 1: canvas 4×4, output 3×3 at rows / columns 1 … 3.
    geometry = scatter_stamps(X, ONES, stride=2, padding=1, output_padding=1).geometry
    assert geometry.canvas_hw == (4, 4) and geometry.out_hw == (3, 3)
    assert geometry.kinds().tolist() == [
        [CUT, CUT, CUT, CUT],
        [CUT, R, R, A],
        [CUT, R, R, A],
        [CUT, A, A, A],
    ]


def test_kinds_of_rectangular_hyper_parameters():
    # rows: s = 3, p = 0, a = 2 -> output 2·3 + 2 = 8 rows, the last 2 past every stamp;
    # cols: s = 1, p = 1, a = 0 -> output 3 − 2 = 1 column, column 0 and 2 cropped.
    geometry = scatter_stamps(
        X, ONES, stride=(3, 1), padding=(0, 1), output_padding=(2, 0)
    ).geometry
    assert geometry.canvas_hw == (7, 3) and geometry.out_hw == (7, 1)
    kinds = geometry.kinds()
    assert kinds[:, 1].tolist() == [R, R, R, R, R, A, A]
    assert (kinds[:, [0, 2]] == CUT).all()
    stamped = geometry.stamped()
    assert stamped[:, 1].tolist() == [True] * 5 + [False] * 2  # (2 − 1)·3 + 2 = 5 rows
    assert stamped.all(axis=0).tolist() == [False] * 3


SMALL = st.integers(1, 3)


@given(st.tuples(SMALL, SMALL, SMALL, SMALL, st.integers(0, 2), st.integers(1, 2)))
def test_kinds_and_span_agree_with_the_frames(numbers):
    h, w, k, s, p, d = numbers  # input rows, columns, kernel side, stride, padding, dilation
    a = min(1, max(s, d) - 1)
    out = (min(h, w) - 1) * s - 2 * p + d * (k - 1) + a + 1
    if out < 1:
        return
    x = np.arange(1.0, h * w + 1).reshape(h, w)
    frames = scatter_frames(x, np.ones((k, k)), stride=s, padding=p, output_padding=a, dilation=d)
    geometry = frames.geometry
    kinds, stamped = geometry.kinds(), geometry.stamped()
    inside = (kinds == R) | (kinds == A)
    np.testing.assert_array_equal(inside, ~geometry.cropped())
    assert inside.sum() == geometry.out_hw[0] * geometry.out_hw[1]
    touched = frames.touched.any(axis=0)  # (H_c, W_c): under some tap
    assert not (touched & ~stamped).any()
    span = ((h - 1) * s + d * (k - 1) + 1, (w - 1) * s + d * (k - 1) + 1)
    assert stamped.sum() == span[0] * span[1]
