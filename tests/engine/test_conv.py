"""conv2d: hand-computed numbers, the loop reference on random shapes, dtypes, every bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from convviz.engine import convnd as conv_module
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.reference import conv2d_reference
from convviz.engine.sizes import conv_output_size
from tests.engine.test_params import assert_conv_error

MODES = ("zeros", "reflect", "replicate", "circular")


# --- worked examples ------------------------------------------------------------------------


def test_two_by_two_difference_kernel():
    x = np.arange(1, 10, dtype=float).reshape(1, 3, 3)
    w = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])
    assert conv2d(x, w).tolist() == [[[-4.0, -4.0], [-4.0, -4.0]]]


def test_box_sum_by_hand():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    w = np.ones((1, 1, 3, 3))
    assert conv2d(x, w).tolist() == [[[[45.0, 54.0], [81.0, 90.0]]]]
    # padding 1, stride 2: windows at padded rows/cols -1..1 and 1..3.
    assert conv2d(x, w, stride=2, padding=1).tolist() == [[[[10.0, 24.0], [51.0, 90.0]]]]


def test_no_flip_cross_correlation():
    x = np.zeros((1, 3, 3))
    x[0, 1, 1] = 1.0  # a single impulse in the middle
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    # Cross-correlation of an impulse gives the kernel rotated by 180°.
    flipped = [[9.0, 8.0, 7.0], [6.0, 5.0, 4.0], [3.0, 2.0, 1.0]]
    assert conv2d(x, w, padding=1)[0].tolist() == flipped


def test_dilation_and_rectangular_stride():
    x = np.arange(25.0).reshape(1, 5, 5)
    w = np.array([[[[1.0, 1.0]]]])  # taps 2 columns apart with dilation 2
    out = conv2d(x, w, dilation=(1, 2), stride=(2, 1))
    assert out.tolist() == [[[2.0, 4.0, 6.0], [22.0, 24.0, 26.0], [42.0, 44.0, 46.0]]]


def test_same_padding_puts_the_extra_column_on_the_right():
    x = np.array([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
    w = np.array([[[[1.0, 0.0, 0.0, 0.0]]]])  # reads the first tap: pads (1, 2) -> shift by one
    assert conv2d(x, w, padding="same").tolist() == [[[0.0, 1.0, 2.0, 3.0, 4.0]]]
    w_last = np.array([[[[0.0, 0.0, 0.0, 1.0]]]])
    assert conv2d(x, w_last, padding="same").tolist() == [[[3.0, 4.0, 5.0, 0.0, 0.0]]]
    assert conv2d(x, w, padding="valid").shape == (1, 1, 2)


def test_padding_modes_by_hand():
    x = np.array([[[1.0, 2.0, 3.0]]])
    w = np.array([[[[1.0, 10.0, 100.0]]]])
    expected = {
        "zeros": [[[210.0, 321.0, 32.0]]],
        "reflect": [[[212.0, 321.0, 232.0]]],
        "replicate": [[[211.0, 321.0, 332.0]]],
        "circular": [[[213.0, 321.0, 132.0]]],
    }
    for mode, values in expected.items():
        assert conv2d(x, w, padding=(0, 1), padding_mode=mode).tolist() == values


def test_depthwise_is_one_kernel_per_channel_and_bias_per_output():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((3, 5, 6))
    w = rng.standard_normal((3, 1, 3, 2))
    bias = np.array([1.0, -2.0, 0.5])
    out = conv2d(x, w, bias, groups=3, padding=1)
    for c in range(3):
        alone = conv2d(x[c : c + 1], w[c : c + 1], bias[c : c + 1], padding=1)
        np.testing.assert_allclose(out[c : c + 1], alone, rtol=0, atol=1e-12)


def test_groups_split_channels():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 4, 5, 5))
    w = rng.standard_normal((6, 2, 3, 3))
    out = conv2d(x, w, groups=2)
    np.testing.assert_allclose(out[:, :3], conv2d(x[:, :2], w[:3]), atol=1e-12)
    np.testing.assert_allclose(out[:, 3:], conv2d(x[:, 2:], w[3:]), atol=1e-12)


# --- dtypes and batch axis ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x_dtype", "w_dtype", "expected"),
    [
        (np.float32, np.float32, np.float32),
        (np.float64, np.float64, np.float64),
        (np.float32, np.float64, np.float64),
        (np.int64, np.int64, np.float64),
        (np.uint8, np.float32, np.float64),  # integers are promoted to float64 first
        (np.float16, np.float16, np.float16),
    ],
)
def test_result_dtype(x_dtype, w_dtype, expected):
    x = np.ones((1, 2, 4, 4), dtype=x_dtype)
    w = np.ones((3, 2, 2, 2), dtype=w_dtype)
    out = conv2d(x, w)
    assert out.dtype == expected
    assert out.tolist() == np.full((1, 3, 3, 3), 8.0).tolist()


def test_bias_in_float32_stays_float32():
    x = np.ones((2, 3, 3), dtype=np.float32)
    out = conv2d(x, np.ones((1, 2, 3, 3), np.float32), np.array([0.5], np.float32))
    assert out.dtype == np.float32 and out.tolist() == [[[18.5]]]


def test_without_batch_axis_returns_without_batch_axis():
    x = np.ones((2, 4, 4))
    assert conv2d(x, np.ones((5, 2, 3, 3))).shape == (5, 2, 2)
    assert conv2d(x[None], np.ones((5, 2, 3, 3))).shape == (1, 5, 2, 2)


def test_nested_lists_are_accepted():
    assert conv2d([[[1, 2], [3, 4]]], [[[[1, 1], [1, 1]]]]).tolist() == [[[10.0]]]


def test_row_blocks_give_the_same_result(monkeypatch):
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 4, 9, 8))
    w = rng.standard_normal((4, 2, 3, 2))
    whole = conv2d(x, w, groups=2, padding=1, stride=(1, 2))
    monkeypatch.setattr(conv_module, "_BLOCK_ELEMENTS", 50)  # forces one output row per block
    np.testing.assert_array_equal(conv2d(x, w, groups=2, padding=1, stride=(1, 2)), whole)


# --- against the loop reference -------------------------------------------------------------


def valid_sizes(kernel: int, dilation: int, total_pad: int, mode: str, largest: int):
    """Input sizes along one axis that the kernel fits once padded, and the mode allows."""
    lowest = max(1, dilation * (kernel - 1) + 1 - total_pad)
    if mode == "reflect":
        lowest = max(lowest, total_pad - total_pad // 2 + 1)  # each side's pad < size
    elif mode == "circular":
        lowest = max(lowest, total_pad - total_pad // 2)
    assume(lowest <= largest)
    return st.integers(lowest, largest)


@st.composite
def conv_cases(draw):
    """A valid conv2d call within the teaching ranges (N<=2, C<=4, H,W<=9, k<=4, s<=3, ...)."""
    groups = draw(st.sampled_from([1, 1, 2, 4]))
    c_in = groups * draw(st.integers(1, 4 // groups))
    c_out = groups * draw(st.integers(1, 4 // groups))
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    mode = draw(st.sampled_from(MODES))
    padding_kind = draw(st.sampled_from(["int", "pair", "pair", "same", "valid"]))
    if padding_kind == "same":
        stride, padding = (1, 1), "same"
        pads = tuple(dd * (k - 1) for k, dd in zip(kernel, dilation, strict=True))  # total
    else:
        stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
        if padding_kind == "valid":
            padding, pads = "valid", (0, 0)
        elif padding_kind == "int":
            padding = draw(st.integers(0, 2))
            pads = (2 * padding, 2 * padding)
        else:
            padding = (draw(st.integers(0, 2)), draw(st.integers(0, 2)))
            pads = (2 * padding[0], 2 * padding[1])
    size = [
        draw(valid_sizes(k, dd, total, mode, 9))
        for k, dd, total in zip(kernel, dilation, pads, strict=True)
    ]
    batch = draw(st.booleans())
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shape = ((draw(st.integers(1, 2)),) if batch else ()) + (c_in, *size)
    x = rng.standard_normal(shape).astype(dtype)
    w = rng.standard_normal((c_out, c_in // groups, *kernel)).astype(dtype)
    bias = rng.standard_normal(c_out).astype(dtype) if draw(st.booleans()) else None
    params = {
        "stride": stride if draw(st.booleans()) or stride[0] != stride[1] else stride[0],
        "padding": padding,
        "dilation": dilation,
        "groups": groups,
        "padding_mode": mode,
    }
    return x, w, bias, params


def tolerance(dtype) -> dict[str, float]:
    return {"rtol": 1e-12, "atol": 1e-12} if dtype == np.float64 else {"rtol": 1e-5, "atol": 1e-5}


@given(conv_cases())
def test_matches_the_loop_reference(case):
    x, w, bias, params = case
    fast = conv2d(x, w, bias, **params)
    slow = conv2d_reference(x, w, bias, **params)
    assert fast.dtype == slow.dtype == x.dtype
    assert fast.shape == slow.shape
    np.testing.assert_allclose(fast, slow, **tolerance(x.dtype))


@given(conv_cases())
def test_output_shape_follows_the_formula(case):
    x, w, _, params = case
    out = conv2d(x, w, **params)
    assert out.ndim == x.ndim
    assert out.shape[-3] == w.shape[0]
    padding = params["padding"]
    stride = params["stride"]
    stride = (stride, stride) if isinstance(stride, int) else stride
    for axis in range(2):
        size, k, d = x.shape[-2 + axis], w.shape[2 + axis], params["dilation"][axis]
        if padding == "same":
            assert out.shape[-2 + axis] == size
        else:
            p = 0 if padding == "valid" else padding if isinstance(padding, int) else padding[axis]
            assert out.shape[-2 + axis] == conv_output_size(size, k, stride[axis], p, d)


# --- bad inputs -----------------------------------------------------------------------------

X = np.ones((1, 4, 5, 5))
W = np.ones((2, 4, 3, 3))

BAD_CALLS = [
    ("stride 0", {"stride": 0}, "not_positive", ("stride=0", "at least 1")),
    ("stride -1", {"stride": (1, -1)}, "not_positive", ("stride=-1",)),
    ("dilation 0", {"dilation": 0}, "not_positive", ("dilation=0",)),
    ("negative padding", {"padding": -1}, "negative", ("padding=-1",)),
    ("negative padding pair", {"padding": (0, -2)}, "negative", ("padding=-2",)),
    ("stride 2.5", {"stride": 2.5}, "not_integer", ("stride=2.5",)),
    ("stride '3'", {"stride": "3"}, "not_integer", ("stride='3'",)),
    ("stride True", {"stride": True}, "not_integer", ("stride=True",)),
    ("padding 1.5", {"padding": 1.5}, "not_integer", ("padding=1.5",)),
    ("groups 2.0", {"groups": 2.0}, "not_integer", ("groups=2.0",)),
    ("dilation pair", {"dilation": (1, "2")}, "not_integer", ("dilation='2'",)),
    ("groups 0", {"groups": 0}, "not_positive", ("groups=0",)),
    ("unknown mode", {"padding_mode": "mirror"}, "unknown_padding_mode", ("'mirror'",)),
    ("unknown padding", {"padding": "full"}, "unknown_padding", ("'full'", "same")),
    ("same stride 2", {"padding": "same", "stride": 2}, "same_needs_stride_1", ("stride=(2, 2)",)),
    (
        "reflect wider than input",
        {"padding": 5, "padding_mode": "reflect"},
        "reflect_padding_too_wide",
        ("padding 5", "size 5"),
    ),
    (
        "circular wider than input",
        {"padding": 6, "padding_mode": "circular"},
        "circular_padding_too_wide",
        ("padding 6", "size 5"),
    ),
    ("dilated kernel too large", {"dilation": 3}, "kernel_too_large", ("= 7", "= 5")),
]


@pytest.mark.parametrize(
    ("kwargs", "code", "fragments"),
    [case[1:] for case in BAD_CALLS],
    ids=[case[0] for case in BAD_CALLS],
)
def test_bad_hyper_parameters_raise(kwargs, code, fragments):
    with pytest.raises(ConvValueError) as excinfo:
        conv2d(X, W, **kwargs)
    assert_conv_error(excinfo, code, *fragments)
    with pytest.raises(ConvValueError) as excinfo:
        conv2d_reference(X, W, **kwargs)
    assert_conv_error(excinfo, code, *fragments)


BAD_ARRAYS = [
    ("kernel larger than input", X, np.ones((2, 4, 6, 6)), None, {}, "kernel_too_large",
     ("= 6", "= 5", "larger than the padded input")),
    ("kernel larger than padded input", X, np.ones((2, 4, 8, 3)), None, {"padding": 1},
     "kernel_too_large", ("= 8", "= 7")),
    ("groups not dividing C_in", np.ones((4, 5, 5)), np.ones((3, 1, 3, 3)), None,
     {"groups": 3}, "groups_not_dividing", ("in_channels=4", "groups=3")),
    ("groups not dividing C_out", np.ones((4, 5, 5)), np.ones((6, 1, 3, 3)), None,
     {"groups": 4}, "groups_not_dividing", ("out_channels=6", "groups=4")),
    ("weight channels", np.ones((3, 5, 5)), np.ones((2, 2, 3, 3)), None, {}, "weight_shape",
     ("(2, 2, 3, 3)", "in_channels=3", "not 2")),
    ("weight channels with groups", X, np.ones((2, 4, 3, 3)), None, {"groups": 2},
     "weight_shape", ("4/2 = 2", "not 4")),
    ("x with 2 dims", np.ones((5, 5)), W, None, {}, "bad_ndim", ("x has 2 dimensions",)),
    ("x with 5 dims", np.ones((1, 1, 4, 5, 5)), W, None, {}, "bad_ndim", ("x has 5",)),
    ("weight with 3 dims", X, np.ones((4, 3, 3)), None, {}, "bad_ndim", ("weight has 3",)),
    ("bias shape", X, W, np.ones(3), {}, "bias_shape", ("(3,)", "(2,)")),
    ("complex x", X.astype(complex), W, None, {}, "bad_dtype", ("complex",)),
    ("empty kernel", X, np.ones((2, 4, 0, 3)), None, {}, "not_positive", ("kernel_size=0",)),
    ("empty input", np.ones((1, 4, 0, 5)), W, None, {}, "not_positive", ("input_size=0",)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("arrays", "kwargs", "code", "fragments"),
    [(case[1:4], *case[4:]) for case in BAD_ARRAYS],
    ids=[case[0] for case in BAD_ARRAYS],
)
def test_bad_arrays_raise(arrays, kwargs, code, fragments):
    x, w, bias = arrays
    for op in (conv2d, conv2d_reference):
        with pytest.raises(ConvValueError) as excinfo:
            op(x, w, bias, **kwargs)
        assert_conv_error(excinfo, code, *fragments)


def test_suggestions_are_valid_settings():
    with pytest.raises(ConvValueError) as excinfo:
        conv2d(np.ones((4, 5, 5)), np.ones((6, 1, 3, 3)), groups=4)
    groups = excinfo.value.suggestion["groups"]
    assert conv2d(np.ones((4, 5, 5)), np.ones((6, 4 // groups, 3, 3)), groups=groups).shape == (
        6,
        3,
        3,
    )
