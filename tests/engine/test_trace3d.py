"""The 3-D window trace against conv3d and against sums written out by hand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.conv import conv3d
from convviz.engine.errors import ConvValueError
from convviz.engine.trace3d import cell_at_step, cell_sum_text, clip_trace, frame_terms
from tests.engine.test_params import assert_conv_error


def test_box_kernel_over_two_frames_by_hand():
    clip = np.arange(18.0).reshape(2, 3, 3)
    trace = clip_trace(clip, np.ones((2, 2, 2)), padding=(1, 0, 0), stride=(2, 1, 1))
    assert trace.out_shape == (2, 2, 2)
    assert trace.padded.shape == (4, 3, 3)
    assert trace.real[:, 0, 0].tolist() == [False, True, True, False]
    assert trace.frames_read((1, 0, 0)) == [2, 3]  # t·s_d + a·d_d = 2 + a
    assert frame_terms(trace, (1, 0, 0)) == [
        (2, "9·1 + 10·1 + 12·1 + 13·1 = 44"),
        (3, "0·1 + 0·1 + 0·1 + 0·1 = 0"),
    ]
    assert cell_sum_text(trace, (0, 1, 1), max_terms=3) == "0·1 + 0·1 + … = 24"
    assert cell_sum_text(trace, (0, 1, 1)).endswith("= 24")


def test_dilation_in_time_skips_frames():
    clip = np.arange(5.0)[:, None, None] * np.ones((5, 1, 1))  # frame z holds z
    trace = clip_trace(clip, [[[-1.0]], [[1.0]]], dilation=(3, 1, 1))
    assert trace.out_shape == (2, 1, 1)
    assert trace.frames_read((1, 0, 0)) == [1, 4]
    assert trace.sums.ravel().tolist() == [3.0, 3.0]
    assert trace.span() == (4, 1, 1)


@st.composite
def traced_settings(draw):
    kernel = tuple(draw(st.integers(1, 3)) for _ in range(3))
    stride = tuple(draw(st.integers(1, 2)) for _ in range(3))
    dilation = tuple(draw(st.integers(1, 2)) for _ in range(3))
    padding = tuple(draw(st.integers(0, 1)) for _ in range(3))
    size = tuple(
        draw(st.integers(max(1, d * (k - 1) + 1 - 2 * p), 5))
        for k, d, p in zip(kernel, dilation, padding, strict=True)
    )
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    clip = rng.integers(-3, 4, size=size).astype(float)
    weight = rng.integers(-2, 3, size=kernel).astype(float)
    return clip, weight, {"stride": stride, "padding": padding, "dilation": dilation}


@given(traced_settings())
def test_sums_are_conv3d_and_frames_add_up(case):
    clip, weight, params = case
    trace = clip_trace(clip, weight, **params)
    np.testing.assert_array_equal(trace.sums, conv3d(clip[None], weight[None, None], **params)[0])
    for step, cell in enumerate(trace.cells()):
        assert cell_at_step(trace, step) == cell
        partial = [float(text.rsplit("= ", 1)[1]) for _, text in frame_terms(trace, cell)]
        assert sum(partial) == pytest.approx(trace.sums[cell])
        assert len(partial) == weight.shape[0]


def test_errors_are_conv3d_errors():
    with pytest.raises(ConvValueError) as excinfo:
        clip_trace(np.ones((2, 4, 4)), np.ones((3, 1, 1)))
    assert_conv_error(excinfo, "kernel_too_large", "kernel_size=3", "i+2p = 2")
    with pytest.raises(ConvValueError) as excinfo:
        clip_trace(np.ones((4, 4)), np.ones((1, 1, 1)))
    assert_conv_error(excinfo, "bad_ndim", "x has 2 dimensions")
    trace = clip_trace(np.ones((2, 2, 2)), np.ones((1, 1, 1)))
    with pytest.raises(ConvValueError) as excinfo:
        cell_at_step(trace, 8)
    assert_conv_error(excinfo, "step_out_of_range", "step=8", "0 to 7")
