"""The stride-1 depthwise path of conv2d (shifted multiply-adds) against the loop reference."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine import conv as conv_module
from convviz.engine import depthwise
from convviz.engine.conv import conv2d, prepare_conv2d
from convviz.engine.reference import conv2d_reference
from tests.engine.test_conv import MODES, tolerance


def test_takes_the_path_only_for_one_input_channel_per_group_at_stride_one():
    x, w = np.ones((4, 6, 6)), np.ones((8, 1, 3, 3))

    def applies(weight, **params):
        settings = {"stride": 1, "padding": 0, "dilation": 1, "groups": 1, "padding_mode": "zeros"}
        setup = prepare_conv2d(x, weight, None, **{**settings, **params})
        return depthwise.is_depthwise_stride_one(setup)

    assert applies(w, groups=4)
    assert applies(w, groups=4, dilation=2, padding=1, padding_mode="circular")
    assert not applies(w, groups=4, stride=2)
    assert not applies(np.ones((8, 2, 3, 3)), groups=2)


def test_worked_example_with_a_channel_multiplier():
    # two input channels, each feeding two output channels (m = 2), zero padding 1
    x = np.arange(2 * 3 * 3, dtype=np.float32).reshape(2, 3, 3)
    w = np.zeros((4, 1, 3, 3), dtype=np.float32)
    w[0, 0, 1, 1] = 1  # identity on channel 0
    w[1, 0, 1, 2] = 2  # 2 × the right-hand neighbour of channel 0
    w[2, 0] = 1  # box sum of channel 1
    w[3, 0, 0, 0] = -1  # minus the upper-left neighbour of channel 1
    out = conv2d(x, w, padding=1, groups=2)
    assert out.dtype == np.float32
    assert out[0].tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    assert out[1].tolist() == [[2, 4, 0], [8, 10, 0], [14, 16, 0]]
    assert out[2].tolist() == [[44, 69, 48], [75, 117, 81], [56, 87, 60]]
    assert out[3].tolist() == [[0, 0, 0], [0, -9, -10], [0, -12, -13]]


@st.composite
def depthwise_cases(draw):
    """A depthwise conv2d at stride 1: any multiplier, dilation, padding and mode, N <= 2."""
    c_in, multiplier = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    mode = draw(st.sampled_from(MODES))
    padding = draw(st.sampled_from(["same", "valid", 0, 1, 2, (0, 1), (2, 0)]))
    if padding == "same":  # at least the larger side's padding, ⌈d(k − 1) / 2⌉
        pads = tuple(d * (k - 1) // 2 + 1 for k, d in zip(kernel, dilation, strict=True))
    elif padding == "valid":
        pads = (0, 0)
    else:
        pads = padding if isinstance(padding, tuple) else (padding, padding)
    size = [
        draw(st.integers(max(d * (k - 1) + 1, p + 1), 10))  # the kernel fits; reflect pad < size
        for k, d, p in zip(kernel, dilation, pads, strict=True)
    ]
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    batch = (draw(st.integers(1, 2)),) if draw(st.booleans()) else ()
    x = rng.standard_normal((*batch, c_in, *size)).astype(dtype)
    w = rng.standard_normal((c_in * multiplier, 1, *kernel)).astype(dtype)
    bias = rng.standard_normal(c_in * multiplier).astype(dtype) if draw(st.booleans()) else None
    params = {"padding": padding, "dilation": dilation, "groups": c_in, "padding_mode": mode}
    return x, w, bias, params


@given(depthwise_cases(), st.sampled_from([depthwise._BLOCK_ELEMENTS, 1, 150]))
def test_matches_the_loop_reference(case, block_elements):
    x, w, bias, params = case
    with pytest.MonkeyPatch.context() as patch:  # 1 and 150: one or a few channels per block
        patch.setattr(depthwise, "_BLOCK_ELEMENTS", block_elements)
        fast = conv2d(x, w, bias, **params)
    slow = conv2d_reference(x, w, bias, **params)
    assert fast.dtype == slow.dtype == x.dtype
    assert fast.shape == slow.shape
    np.testing.assert_allclose(fast, slow, **tolerance(x.dtype))


def test_agrees_with_the_im2col_route(monkeypatch):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 6, 17, 13)).astype(np.float32)
    w = rng.standard_normal((12, 1, 3, 5)).astype(np.float32)
    params = {"padding": (2, 1), "dilation": (1, 2), "groups": 6, "padding_mode": "reflect"}
    shifted = conv2d(x, w, **params)
    monkeypatch.setattr(conv_module, "is_depthwise_stride_one", lambda setup: False)
    np.testing.assert_allclose(shifted, conv2d(x, w, **params), rtol=1e-5, atol=1e-5)
