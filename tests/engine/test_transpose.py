"""conv_transpose2d: seed 004's stamps, overlaps, output_padding, adjointness, bad inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from convviz.engine import transpose as transpose_module
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.reference import conv_transpose2d_reference
from convviz.engine.sizes import conv_transpose_output_size
from convviz.engine.transpose import conv_transpose2d
from tests.engine.test_params import assert_conv_error

# --- worked examples ------------------------------------------------------------------------


def test_seed_004_each_value_stamps_the_kernel_two_apart():
    x = np.array([[[1.0, 2.0], [3.0, 4.0]]])
    w = np.array([[[[1.0, 0.0], [0.0, 0.0]]]])
    assert conv_transpose2d(x, w, stride=2).tolist() == [
        [[1.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [3.0, 0.0, 4.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    ]


def test_all_ones_k3_s2_counts_the_overlaps():
    ones = np.ones((1, 1, 3, 3))
    out = conv_transpose2d(ones, ones, stride=2)[0, 0]
    per_axis = np.array([1, 1, 2, 1, 2, 1, 1])  # stamps cover 0-2, 2-4, 4-6
    assert out.tolist() == np.outer(per_axis, per_axis).astype(float).tolist()
    assert out[2].tolist() == [2.0, 2.0, 4.0, 2.0, 4.0, 2.0, 2.0]
    # padding=1 crops one row/column from each side.
    cropped = conv_transpose2d(ones, ones, stride=2, padding=1)[0, 0]
    assert cropped.tolist() == out[1:-1, 1:-1].tolist()


def test_k4_s2_overlaps_evenly():
    ones = np.ones((1, 1, 3, 3))
    out = conv_transpose2d(ones, np.ones((1, 1, 4, 4)), stride=2, padding=1)[0, 0]
    assert out.shape == (6, 6)
    assert out[1:-1, 1:-1].tolist() == np.full((4, 4), 4.0).tolist()


def test_output_padding_row_is_computed_not_zero():
    x = np.array([[[5.0]]])
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    # Uncropped 3x3 stamp; padding=1 crops it to the centre, output_padding=1 keeps one more.
    assert conv_transpose2d(x, w, stride=2, padding=1).tolist() == [[[25.0]]]
    assert conv_transpose2d(x, w, stride=2, padding=1, output_padding=1).tolist() == [
        [[25.0, 30.0], [40.0, 45.0]]
    ]


def test_output_padding_past_the_last_stamp_is_zero():
    x = np.array([[[1.0, 2.0]]])
    w = np.ones((1, 1, 1, 1))
    out = conv_transpose2d(x, w, stride=(1, 2), output_padding=(0, 1))
    assert out.tolist() == [[[1.0, 0.0, 2.0, 0.0]]]


def test_dilation_spreads_the_taps():
    x = np.array([[[1.0]]])
    w = np.array([[[[1.0, 2.0]]]])
    assert conv_transpose2d(x, w, dilation=3).tolist() == [[[1.0, 0.0, 0.0, 2.0]]]


def test_groups_and_bias():
    x = np.array([[[1.0]], [[10.0]]])  # 2 channels, 1x1
    w = np.array([[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]]])  # (C_in=2, C_out/g=2, 1, 1)
    assert conv_transpose2d(x, w).tolist() == [[[31.0]], [[42.0]]]
    assert conv_transpose2d(x, w, groups=2).tolist() == [[[1.0]], [[2.0]], [[30.0]], [[40.0]]]
    bias = np.array([0.5, 0.25, 0.0, -1.0])
    out = conv_transpose2d(x, w, bias, groups=2)
    assert out.tolist() == [[[1.5]], [[2.25]], [[30.0]], [[39.0]]]


@pytest.mark.parametrize(
    ("x_dtype", "expected"),
    [(np.float32, np.float32), (np.float64, np.float64), (np.int32, np.float64)],
)
def test_dtype_and_batch_axis(x_dtype, expected):
    x = np.ones((2, 1, 2, 2), dtype=x_dtype)
    w = np.ones((1, 3, 2, 2), dtype=x_dtype)
    out = conv_transpose2d(x, w, stride=2)
    assert out.dtype == expected and out.shape == (2, 3, 4, 4)
    assert conv_transpose2d(x[0], w, stride=2).shape == (3, 4, 4)


def test_row_blocks_give_the_same_result(monkeypatch):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 4, 7, 6))
    w = rng.standard_normal((4, 3, 3, 2))
    kwargs = {"stride": (2, 3), "padding": 1, "output_padding": (1, 0), "groups": 2}
    whole = conv_transpose2d(x, w, **kwargs)
    monkeypatch.setattr(transpose_module, "_BLOCK_ELEMENTS", 40)  # one phase row per block
    np.testing.assert_array_equal(conv_transpose2d(x, w, **kwargs), whole)


# --- against the loop reference, and as the adjoint of conv2d ------------------------------


def draw_arrays(draw, *, groups, channels, size, kernel) -> tuple:
    """x (with or without a batch axis), weight and maybe a bias, all float32 or all float64.

    ``channels`` is ``(C_in, C_out)``; x is (N, C_in, *size) or (C_in, *size).
    """
    c_in, c_out = channels
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    batch = (draw(st.integers(1, 2)),) if draw(st.booleans()) else ()
    x = rng.standard_normal((*batch, c_in, *size)).astype(dtype)
    w = rng.standard_normal((c_in, c_out // groups, *kernel)).astype(dtype)
    bias = rng.standard_normal(c_out).astype(dtype) if draw(st.booleans()) else None
    return x, w, bias


@st.composite
def transpose_cases(draw):
    """A valid conv_transpose2d call within the teaching ranges."""
    groups = draw(st.sampled_from([1, 1, 2, 4]))
    c_in = groups * draw(st.integers(1, 4 // groups))
    c_out = groups * draw(st.integers(1, 4 // groups))
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    padding = (draw(st.integers(0, 2)), draw(st.integers(0, 2)))
    output_padding = tuple(
        draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation, strict=True)
    )
    size = (draw(st.integers(1, 9)), draw(st.integers(1, 9)))
    axes = zip(size, kernel, stride, padding, output_padding, dilation, strict=True)
    for i, k, s, p, a, d in axes:
        assume((i - 1) * s + d * (k - 1) + a + 1 - 2 * p >= 1)
    x, w, bias = draw_arrays(draw, groups=groups, channels=(c_in, c_out), size=size, kernel=kernel)
    params = {
        "stride": stride,
        "padding": padding if draw(st.booleans()) or padding[0] != padding[1] else padding[0],
        "output_padding": output_padding,
        "groups": groups,
        "dilation": dilation,
    }
    return x, w, bias, params


def tolerance(dtype) -> dict[str, float]:
    return {"rtol": 1e-12, "atol": 1e-12} if dtype == np.float64 else {"rtol": 1e-5, "atol": 1e-5}


@given(transpose_cases())
def test_matches_the_scatter_add_reference(case):
    x, w, bias, params = case
    fast = conv_transpose2d(x, w, bias, **params)
    slow = conv_transpose2d_reference(x, w, bias, **params)
    assert fast.dtype == slow.dtype == x.dtype
    assert fast.shape == slow.shape
    np.testing.assert_allclose(fast, slow, **tolerance(x.dtype))


@given(transpose_cases())
def test_output_shape_follows_the_formula(case):
    x, w, _, params = case
    out = conv_transpose2d(x, w, **params)
    padding = params["padding"]
    padding = (padding, padding) if isinstance(padding, int) else padding
    assert out.shape[-3] == w.shape[1] * params["groups"]
    for axis in range(2):
        assert out.shape[-2 + axis] == conv_transpose_output_size(
            x.shape[-2 + axis],
            w.shape[2 + axis],
            params["stride"][axis],
            padding[axis],
            params["output_padding"][axis],
            params["dilation"][axis],
        )


@given(transpose_cases())
def test_is_the_adjoint_of_conv2d(case):
    """<conv2d(y, w), x> = <y, conv_transpose2d(x, w)>: the transposed convolution is Cᵀ."""
    x, w, _, params = case
    # With output_padding >= stride (allowed when dilation > stride) conv2d would see more rows.
    assume(all(a < s for a, s in zip(params["output_padding"], params["stride"], strict=True)))
    x = x.astype(np.float64)
    w = w.astype(np.float64)
    y_shape = conv_transpose2d(x, w, **params).shape
    y = np.random.default_rng(0).standard_normal(y_shape)
    forward = conv2d(
        y,
        w,  # (C_in, C_out/g, kH, kW) read as conv2d's (C_out', C_in'/g, kH, kW)
        stride=params["stride"],
        padding=params["padding"],
        dilation=params["dilation"],
        groups=params["groups"],
    )
    assert forward.shape == x.shape  # output_padding restored the size
    lhs = float(np.sum(forward * x))
    rhs = float(np.sum(y * conv_transpose2d(x, w, **params)))
    assert lhs == pytest.approx(rhs, rel=1e-9, abs=1e-9)


# --- bad inputs -----------------------------------------------------------------------------

X = np.ones((1, 2, 3, 3))
W = np.ones((2, 3, 3, 3))

BAD_CALLS = [
    ("stride 0", {"stride": 0}, "not_positive", ("stride=0",)),
    ("dilation 0", {"dilation": (0, 1)}, "not_positive", ("dilation=0",)),
    ("negative padding", {"padding": -1}, "negative", ("padding=-1",)),
    ("negative output_padding", {"output_padding": -1}, "negative", ("output_padding=-1",)),
    (
        "output_padding too large",
        {"stride": 2, "output_padding": 2},
        "output_padding_too_large",
        ("output_padding=2 must be smaller than stride=2 or dilation=1",),
    ),
    (
        "output_padding without stride",
        {"output_padding": 1},
        "output_padding_too_large",
        ("output_padding=1 must be smaller than stride=1 or dilation=1",),
    ),
    ("empty output", {"padding": 3}, "transpose_output_empty", ("padding=3", "= 5 rows")),
    ("stride 2.5", {"stride": 2.5}, "not_integer", ("stride=2.5",)),
    ("padding '1'", {"padding": "1"}, "not_integer", ("padding='1'",)),
    ("padding same", {"padding": "same"}, "not_integer", ("padding='same'",)),
    ("groups True", {"groups": True}, "not_integer", ("groups=True",)),
    ("groups not dividing", {"groups": 4}, "groups_not_dividing", ("in_channels=2", "groups=4")),
]


@pytest.mark.parametrize(
    ("kwargs", "code", "fragments"),
    [case[1:] for case in BAD_CALLS],
    ids=[case[0] for case in BAD_CALLS],
)
def test_bad_hyper_parameters_raise(kwargs, code, fragments):
    for op in (conv_transpose2d, conv_transpose2d_reference):
        with pytest.raises(ConvValueError) as excinfo:
            op(X, W, **kwargs)
        assert_conv_error(excinfo, code, *fragments)


BAD_ARRAYS = [
    ("weight first dim", X, np.ones((3, 3, 3, 3)), None, {}, "transpose_weight_shape",
     ("(3, 3, 3, 3)", "in_channels=2", "not 3")),
    ("x with 2 dims", np.ones((3, 3)), W, None, {}, "bad_ndim", ("x has 2 dimensions",)),
    ("weight with 2 dims", X, np.ones((3, 3)), None, {}, "bad_ndim", ("weight has 2",)),
    ("bias shape", X, W, np.ones(2), {}, "bias_shape", ("(2,)", "(3,)")),
    ("bias shape with groups", X, W, np.ones(3), {"groups": 2}, "bias_shape", ("(6,)",)),
    ("text x", np.array([["a"]]), W, None, {}, "bad_dtype", ("x",)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("arrays", "kwargs", "code", "fragments"),
    [(case[1:4], *case[4:]) for case in BAD_ARRAYS],
    ids=[case[0] for case in BAD_ARRAYS],
)
def test_bad_arrays_raise(arrays, kwargs, code, fragments):
    x, w, bias = arrays
    for op in (conv_transpose2d, conv_transpose2d_reference):
        with pytest.raises(ConvValueError) as excinfo:
            op(x, w, bias, **kwargs)
        assert_conv_error(excinfo, code, *fragments)
