"""conv1d and conv3d: worked examples, the loop reference, their ties to conv2d, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine import convnd
from convviz.engine.conv import conv1d, conv2d, conv3d
from convviz.engine.errors import ConvValueError
from convviz.engine.reference import conv1d_reference, conv3d_reference
from convviz.engine.sizes import conv_output_size
from tests.engine.test_conv import MODES, tolerance, valid_sizes
from tests.engine.test_params import assert_conv_error

OPS = {1: (conv1d, conv1d_reference), 3: (conv3d, conv3d_reference)}

# --- worked examples ------------------------------------------------------------------------


def test_conv1d_difference_and_moving_sum_by_hand():
    x = np.array([[1.0, 2.0, 4.0, 7.0, 11.0]])
    assert conv1d(x, [[[-1.0, 1.0]]]).tolist() == [[1.0, 2.0, 3.0, 4.0]]
    # k = 3 box sum, padding 1, stride 2: windows over padded positions -1..1, 1..3, 3..5
    assert conv1d(x, [[[1.0, 1.0, 1.0]]], padding=1, stride=2).tolist() == [[3.0, 13.0, 18.0]]
    # dilation 2 reads positions t and t + 2
    assert conv1d(x, [[[1.0, 1.0]]], dilation=2).tolist() == [[5.0, 9.0, 15.0]]


def test_temporal_difference_lights_up_only_what_moves():
    # 4 frames of 3×3: a still pixel at (0, 0), a pixel moving one column per frame on row 2
    clip = np.zeros((1, 4, 3, 3))
    clip[0, :, 0, 0] = 5.0
    for t in range(3):
        clip[0, t, 2, t] = 1.0
    kernel = np.zeros((1, 1, 2, 1, 1))
    kernel[0, 0, :, 0, 0] = [-1.0, 1.0]  # frame t + 1 minus frame t
    out = conv3d(clip, kernel)
    assert out.shape == (1, 3, 3, 3)  # D_out = 4 − 2 + 1
    assert out[0, :, 0, 0].tolist() == [0.0, 0.0, 0.0]  # the still pixel vanishes
    assert out[0, 0, 2].tolist() == [-1.0, 1.0, 0.0]  # left column 0, arrived at column 1
    assert out[0, 1, 2].tolist() == [0.0, -1.0, 1.0]
    assert out[0, 2, 2].tolist() == [0.0, 0.0, -1.0]  # frame 3 is empty: it left column 2


def test_box_sum_over_space_and_time_by_hand():
    x = np.arange(2 * 3 * 3, dtype=float).reshape(1, 2, 3, 3)  # values 0..17, 2 frames
    w = np.ones((1, 1, 2, 2, 2))
    out = conv3d(x, w)
    # window at (0, 0, 0): 0+1+3+4 = 8 from frame 0, 9+10+12+13 = 44 from frame 1
    assert out.tolist() == [[[[52.0, 60.0], [76.0, 84.0]]]]
    # padding (1, 0, 0), stride (2, 1, 1): two windows along depth, over padded frames -1..0
    # and 1..2, so each reads one real frame (0, then 1) and a zero frame
    padded = conv3d(x, w, padding=(1, 0, 0), stride=(2, 1, 1))
    assert padded.tolist() == [[[[8.0, 12.0], [20.0, 24.0]], [[44.0, 48.0], [56.0, 60.0]]]]


def test_one_frame_kernel_is_conv2d_frame_by_frame():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, 4, 6, 5))
    w = rng.standard_normal((4, 3, 1, 3, 3))
    b = rng.standard_normal(4)
    out = conv3d(x, w, b, padding=(0, 1, 1), stride=(1, 2, 1))
    for t in range(4):
        frame = conv2d(x[:, :, t], w[:, :, 0], b, padding=1, stride=(2, 1))
        np.testing.assert_allclose(out[:, :, t], frame, rtol=1e-12, atol=1e-12)


def test_whole_depth_kernel_is_conv2d_with_frames_as_channels():
    # a kernel as deep as the clip sees every frame at once: early fusion, one output frame
    rng = np.random.default_rng(2)
    x = rng.standard_normal((1, 5, 4, 4))  # C = 1, D = 5
    w = rng.standard_normal((2, 1, 5, 3, 3))
    out = conv3d(x, w)
    assert out.shape == (2, 1, 2, 2)
    stacked = conv2d(x[0], w[:, 0])  # the 5 frames as 5 channels, kernel (2, 5, 3, 3)
    np.testing.assert_allclose(out[:, 0], stacked, rtol=1e-12, atol=1e-12)


def test_conv1d_is_conv2d_of_one_row():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 4, 9))
    w = rng.standard_normal((6, 2, 3))
    out = conv1d(x, w, groups=2, padding=2, dilation=2, padding_mode="circular")
    row = conv2d(x[:, :, None], w[:, :, None], groups=2, padding=(0, 2), dilation=(1, 2),
                 padding_mode="circular")  # fmt: skip
    np.testing.assert_allclose(out, row[:, :, 0], rtol=1e-12, atol=1e-12)


def test_same_padding_in_3d_keeps_every_axis_with_the_extra_frame_after():
    x = np.arange(4.0).reshape(1, 4, 1, 1)  # frames 0, 1, 2, 3
    w = np.zeros((1, 1, 4, 1, 1))
    w[0, 0, 0] = 1.0  # the first of 4 frames: pads (1, 2) along depth -> shifted by one
    assert conv3d(x, w, padding="same").ravel().tolist() == [0.0, 0.0, 1.0, 2.0]
    assert conv3d(x, w, padding="valid").shape == (1, 1, 1, 1)


def test_padding_modes_along_depth_by_hand():
    x = np.array([1.0, 2.0, 3.0]).reshape(1, 3, 1, 1)
    w = np.array([1.0, 10.0, 100.0]).reshape(1, 1, 3, 1, 1)
    expected = {
        "zeros": [210.0, 321.0, 32.0],
        "reflect": [212.0, 321.0, 232.0],
        "replicate": [211.0, 321.0, 332.0],
        "circular": [213.0, 321.0, 132.0],
    }
    for mode, values in expected.items():
        out = conv3d(x, w, padding=(1, 0, 0), padding_mode=mode)
        assert out.ravel().tolist() == values


def test_float32_stays_float32_and_batch_axis_is_kept():
    x = np.ones((2, 3, 4, 4), np.float32)
    w = np.ones((5, 2, 3, 3, 3), np.float32)
    assert conv3d(x, w).dtype == np.float32
    assert conv3d(x, w).shape == (5, 1, 2, 2)
    assert conv3d(x[None], w).shape == (1, 5, 1, 2, 2)
    assert conv1d(np.ones((2, 6)), np.ones((3, 2, 2))).shape == (3, 5)


@pytest.mark.parametrize("spatial", [1, 3])
def test_row_blocks_give_the_same_result(monkeypatch, spatial):
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 4, *(5,) * spatial))
    w = rng.standard_normal((4, 2, *(2,) * spatial))
    op = OPS[spatial][0]
    whole = op(x, w, groups=2, padding=1, stride=(1,) * (spatial - 1) + (2,))
    monkeypatch.setattr(convnd, "_BLOCK_ELEMENTS", 30)  # one output row per block
    blocked = op(x, w, groups=2, padding=1, stride=(1,) * (spatial - 1) + (2,))
    np.testing.assert_allclose(blocked, whole, rtol=1e-12, atol=1e-12)  # BLAS may reorder sums


# --- against the loop reference -------------------------------------------------------------


@st.composite
def conv_nd_cases(draw, spatial: int):
    """A valid conv1d / conv3d call within teaching ranges (C <= 4, sizes <= 6 or 9, k <= 3)."""
    groups = draw(st.sampled_from([1, 1, 2]))
    c_in = groups * draw(st.integers(1, 2))
    c_out = groups * draw(st.integers(1, 2))
    kernel = tuple(draw(st.integers(1, 3)) for _ in range(spatial))
    dilation = tuple(draw(st.integers(1, 2)) for _ in range(spatial))
    mode = draw(st.sampled_from(MODES))
    kind = draw(st.sampled_from(["int", "tuple", "tuple", "same", "valid"]))
    if kind == "same":
        stride, padding = (1,) * spatial, "same"
        totals = tuple(d * (k - 1) for k, d in zip(kernel, dilation, strict=True))
    else:
        stride = tuple(draw(st.integers(1, 3)) for _ in range(spatial))
        if kind == "valid":
            padding, totals = "valid", (0,) * spatial
        elif kind == "int":
            padding = draw(st.integers(0, 2))
            totals = (2 * padding,) * spatial
        else:
            padding = tuple(draw(st.integers(0, 2)) for _ in range(spatial))
            totals = tuple(2 * p for p in padding)
    largest = 9 if spatial == 1 else 5
    size = [
        draw(valid_sizes(k, d, total, mode, largest))
        for k, d, total in zip(kernel, dilation, totals, strict=True)
    ]
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    batch = (draw(st.integers(1, 2)),) if draw(st.booleans()) else ()
    x = rng.standard_normal((*batch, c_in, *size)).astype(dtype)
    w = rng.standard_normal((c_out, c_in // groups, *kernel)).astype(dtype)
    bias = rng.standard_normal(c_out).astype(dtype) if draw(st.booleans()) else None
    params = {
        "stride": stride if draw(st.booleans()) or len(set(stride)) > 1 else stride[0],
        "padding": padding,
        "dilation": dilation,
        "groups": groups,
        "padding_mode": mode,
    }
    return x, w, bias, params


def _check_against_reference(spatial, case):
    x, w, bias, params = case
    fast, loop = OPS[spatial]
    got, expected = fast(x, w, bias, **params), loop(x, w, bias, **params)
    assert got.dtype == expected.dtype == x.dtype
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, **tolerance(x.dtype))
    # the output size on every axis is the formula's
    stride = params["stride"]
    for axis in range(spatial):
        size, k = x.shape[x.ndim - spatial + axis], w.shape[2 + axis]
        s = stride if isinstance(stride, int) else stride[axis]
        padding = params["padding"]
        if padding == "same":
            assert got.shape[got.ndim - spatial + axis] == size
            continue
        p = 0 if padding == "valid" else padding if isinstance(padding, int) else padding[axis]
        d = params["dilation"][axis]
        assert got.shape[got.ndim - spatial + axis] == conv_output_size(size, k, s, p, d)


@given(conv_nd_cases(1))
def test_conv1d_matches_the_loop_reference(case):
    _check_against_reference(1, case)


@given(conv_nd_cases(3))
def test_conv3d_matches_the_loop_reference(case):
    _check_against_reference(3, case)


# --- bad inputs -----------------------------------------------------------------------------

X3 = np.ones((1, 2, 4, 5, 5))
W3 = np.ones((3, 2, 3, 3, 3))

BAD_3D = [
    ("stride 0", X3, W3, {"stride": 0}, "not_positive", ("stride=0", "at least 1")),
    ("stride pair", X3, W3, {"stride": (1, 2)}, "not_tuple",
     ("stride=(1, 2)", "3 ints (D, H, W)", "2 entries")),
    ("padding of four", X3, W3, {"padding": (1, 1, 1, 1)}, "not_tuple", ("4 entries",)),
    ("negative depth padding", X3, W3, {"padding": (-1, 0, 0)}, "negative", ("padding=-1",)),
    ("dilation 1.5", X3, W3, {"dilation": (1.5, 1, 1)}, "not_integer", ("dilation=1.5",)),
    ("same with depth stride", X3, W3, {"padding": "same", "stride": (2, 1, 1)},
     "same_needs_stride_1", ("stride=(2, 1, 1)",)),
    ("unknown padding", X3, W3, {"padding": "full"}, "unknown_padding", ("'full'", "(d, h, w)")),
    ("kernel deeper than clip", X3, np.ones((3, 2, 5, 3, 3)), {}, "kernel_too_large",
     ("along D: ", "kernel_size=5", "i+2p = 4")),
    ("reflect deeper than clip", X3, W3, {"padding": (4, 1, 1), "padding_mode": "reflect"},
     "reflect_padding_too_wide", ("along D", "size 4")),
    ("circular deeper than clip", X3, W3, {"padding": (5, 0, 0), "padding_mode": "circular"},
     "circular_padding_too_wide", ("along D", "size 4")),
    ("groups not dividing", X3, np.ones((3, 1, 3, 3, 3)), {"groups": 2}, "groups_not_dividing",
     ("out_channels=3", "groups=2")),
    ("weight channels", X3, np.ones((3, 1, 3, 3, 3)), {}, "weight_shape",
     ("(C_out, C_in/groups, kD, kH, kW)", "not 1")),
    ("4-D weight", X3, np.ones((3, 2, 3, 3)), {}, "bad_ndim", ("weight has 4", "expected 5")),
    ("a 2-D picture", np.ones((2, 5, 5)), W3, {}, "bad_ndim", ("x has 3", "4 or 5")),
    ("empty clip", np.ones((2, 0, 5, 5)), W3, {}, "not_positive", ("input_size=0",)),
]  # fmt: skip

X1, W1 = np.ones((2, 6)), np.ones((4, 2, 3))
BAD_1D = [
    ("stride pair", X1, W1, {"stride": (1, 1)}, "not_tuple", ("1 ints (L)",)),
    ("kernel longer than signal", X1, np.ones((4, 2, 7)), {}, "kernel_too_large",
     ("along L: ", "= 7")),
    ("reflect too wide", X1, W1, {"padding": 6, "padding_mode": "reflect"},
     "reflect_padding_too_wide", ("along L",)),
    ("3-D weight for conv2d shape", X1, np.ones((4, 2, 3, 3)), {}, "bad_ndim",
     ("weight has 4", "expected 3")),
    ("bias shape", X1, W1, {}, "bias_shape", ("(4,)",)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("spatial", "case"),
    [(3, case) for case in BAD_3D] + [(1, case) for case in BAD_1D],
    ids=[f"3d {case[0]}" for case in BAD_3D] + [f"1d {case[0]}" for case in BAD_1D],
)
def test_bad_arguments_name_values_and_rule(spatial, case):
    _, x, w, kwargs, code, fragments = case
    bias = np.ones(3) if code == "bias_shape" else None
    for op in OPS[spatial]:
        with pytest.raises(ConvValueError) as excinfo:
            op(x, w, bias, **kwargs)
        assert_conv_error(excinfo, code, *fragments)
