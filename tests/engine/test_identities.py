"""The identities the app teaches, checked over random small settings and on the seeds' examples.

- forward: conv2d(x) == C·x == the sliding-window sums;
- transposed: conv_transpose2d(y) == Cᵀ·y == the direct form (zero insertion, border, flipped
  kernel, stride-1 convolution) == the sum of the scatter stamps == the loop reference;
- checkerboard: away from the borders the overlap counts are constant iff k is divisible by s.

Inputs are small integers stored as floats, so every way of summing gives exactly the same
numbers and the comparisons are exact.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convviz.engine.arithmetic_text import format_cell
from convviz.engine.checkerboard import interior_mask, is_even_overlap, overlap_counts
from convviz.engine.conv import conv2d
from convviz.engine.errors import ConvValueError
from convviz.engine.lowering import dilate_kernel, transposed_direct, zero_insert
from convviz.engine.matrix import (
    conv_matrix,
    conv_matrix_symbolic,
    restoring_output_padding,
    tap_label,
)
from convviz.engine.padding import pad2d
from convviz.engine.reference import conv_transpose2d_reference
from convviz.engine.scatter import cell_stamp, scatter_stamps
from convviz.engine.scatter_frames import scatter_frame, scatter_frames
from convviz.engine.trace import sliding_trace
from convviz.engine.transpose import conv_transpose2d
from convviz.engine.window_frame import window_frame
from convviz.i18n import has_key, translate_error

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


def _ints(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    return rng.integers(-4, 5, size=shape).astype(float)


@st.composite
def forward_settings(draw):
    """A valid single-channel forward convolution: x, kernel and its hyper-parameters."""
    hyper = {"stride": [], "padding": [], "dilation": []}
    shape, kernel_shape = [], []
    for _ in range(2):
        size = draw(st.integers(1, 7))
        pad = draw(st.integers(0, 2))
        dil = draw(st.integers(1, 3))
        k = draw(st.integers(1, (size + 2 * pad - 1) // dil + 1))  # d(k − 1) + 1 <= i + 2p
        shape.append(size)
        kernel_shape.append(k)
        hyper["stride"].append(draw(st.integers(1, 3)))
        hyper["padding"].append(pad)
        hyper["dilation"].append(dil)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    hyper = {name: tuple(values) for name, values in hyper.items()}
    return _ints(rng, tuple(shape)), _ints(rng, tuple(kernel_shape)), hyper


@st.composite
def transposed_settings(draw):
    """A valid single-channel transposed convolution: y, kernel and its hyper-parameters."""
    hyper = {"stride": [], "padding": [], "output_padding": [], "dilation": []}
    shape, kernel_shape = [], []
    for _ in range(2):
        size, k = draw(st.integers(1, 4)), draw(st.integers(1, 4))
        s, d = draw(st.integers(1, 3)), draw(st.integers(1, 3))
        a = draw(st.integers(0, max(s, d) - 1))
        full = (size - 1) * s + d * (k - 1) + a + 1
        p = draw(st.integers(0, min(4, (full - 1) // 2)))  # keeps the output non-empty
        shape.append(size)
        kernel_shape.append(k)
        for name, value in zip(hyper, (s, p, a, d), strict=True):
            hyper[name].append(value)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    hyper = {name: tuple(values) for name, values in hyper.items()}
    return _ints(rng, tuple(shape)), _ints(rng, tuple(kernel_shape)), hyper


def transpose_1ch(y, k, **hyper):
    return conv_transpose2d(y[None], k[None, None], **hyper)[0]  # (1, H, W) -> (H, W)


@given(forward_settings())
def test_forward_convolution_is_multiplication_by_c(setting):
    x, k, hyper = setting
    y = conv2d(x[None], k[None, None], **hyper)[0]  # (1, H_out, W_out) -> 2-D
    c = conv_matrix(x.shape, k, **hyper)
    assert c.shape == (y.size, x.size)
    np.testing.assert_array_equal(c @ x.ravel(), y.ravel())
    np.testing.assert_array_equal(sliding_trace(x, k, **hyper).sums, y)
    taps = conv_matrix_symbolic(x.shape, k.shape, **hyper)
    np.testing.assert_array_equal(np.where(taps >= 0, k.ravel()[taps], 0), c.toarray())


@given(forward_settings(), st.sampled_from(PADDING_MODES))
def test_sliding_window_sums_are_conv2d_in_every_padding_mode(setting, mode):
    x, k, hyper = setting
    try:
        expected = conv2d(x[None], k[None, None], padding_mode=mode, **hyper)[0]
    except ConvValueError as error:  # e.g. reflect padding as wide as the input
        with pytest.raises(ConvValueError) as info:
            sliding_trace(x, k, padding_mode=mode, **hyper)
        assert info.value.code == error.code
        return
    tr = sliding_trace(x, k, padding_mode=mode, **hyper)
    np.testing.assert_array_equal(tr.sums, expected)
    np.testing.assert_array_equal(tr.products.sum(axis=(2, 3)), expected)
    last = window_frame(x.shape, k.shape, step=expected.size - 1, **hyper)
    assert last.cell == (expected.shape[0] - 1, expected.shape[1] - 1)
    assert format_cell(tr, last.cell).count("·") == k.size


@given(forward_settings())
def test_c_transpose_is_the_transposed_convolution_that_restores_the_shape(setting):
    x, k, hyper = setting
    y = conv2d(x[None], k[None, None], **hyper)[0]  # (H_out, W_out) to send back
    a = restoring_output_padding(x.shape, k.shape, **hyper)
    back = transpose_1ch(y, k, output_padding=a, **hyper)
    assert back.shape == x.shape
    c = conv_matrix(x.shape, k, **hyper)
    np.testing.assert_array_equal(c.T @ y.ravel(), back.ravel())


@given(transposed_settings())
def test_three_ways_of_computing_a_transposed_convolution_agree(setting):
    y, k, hyper = setting
    expected = transpose_1ch(y, k, **hyper)
    reference = conv_transpose2d_reference(y[None], k[None, None], **hyper)[0]
    np.testing.assert_array_equal(expected, reference)
    # direct form: zero insertion, border d(k − 1) − p (+ a), flipped kernel, stride 1
    direct = transposed_direct(y, k, **hyper)
    np.testing.assert_array_equal(direct.result, expected)
    # scatter-add: the sum of every stamp, cropped by the padding
    stamps = scatter_stamps(y, k, **hyper)
    np.testing.assert_array_equal(stamps.output, expected)
    np.testing.assert_array_equal(_add_stamps(stamps), expected)
    frames = scatter_frames(y, k, **hyper)
    np.testing.assert_array_equal(frames.output[-1], expected)
    # matrix form: Cᵀ of the forward convolution from the output's shape back to y's shape.
    # Only when a < s: with a >= s (possible when d > s) that forward convolution has more
    # than y's rows, so no C of this setting has y's shape.
    s, a = hyper["stride"], hyper["output_padding"]
    if a[0] < s[0] and a[1] < s[1]:
        forward = {name: hyper[name] for name in ("stride", "padding", "dilation")}
        c = conv_matrix(expected.shape, k, **forward)
        assert c.shape == (y.size, expected.size)
        np.testing.assert_array_equal(c.T @ y.ravel(), expected.ravel())
        assert restoring_output_padding(expected.shape, k.shape, **forward) == a


def _add_stamps(stamps):
    """The stamps array placed by hand, s apart on the canvas, then cropped by the padding."""
    geometry = stamps.geometry
    (h, w), (sh, sw) = geometry.input_hw, geometry.stride
    kh, kw = geometry.kernel.kernel.shape
    canvas = np.zeros(geometry.canvas_hw)
    for r in range(h):
        for c in range(w):
            canvas[r * sh : r * sh + kh, c * sw : c * sw + kw] += stamps.stamps[r, c]
    return geometry.crop(canvas)


@given(transposed_settings(), st.data())
def test_each_stamp_and_frame_is_consistent_with_the_whole(setting, data):
    y, k, hyper = setting
    n = y.size
    step = data.draw(st.integers(0, n))
    frame = scatter_frame(y, k, step=step, **hyper)
    first = (np.arange(n) < step).reshape(y.shape)
    np.testing.assert_array_equal(frame.output, transpose_1ch(np.where(first, y, 0), k, **hyper))
    if step:
        stamp = cell_stamp(y, k, cell=frame.cell, **hyper)
        assert frame.touched.sum() == k.size  # every tap lands on its own canvas cell
        assert len(stamp.touched) + len(stamp.cropped) == k.size
        (ph, pw), (oh, ow) = hyper["padding"], frame.output.shape
        touched_output = frame.touched[ph : ph + oh, pw : pw + ow]
        assert np.argwhere(touched_output).tolist() == stamp.touched.tolist()


@given(
    st.tuples(st.integers(1, 5), st.integers(1, 5)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.data(),
)
def test_interior_overlap_is_uniform_iff_kernel_divisible_by_stride(kernel, stride, data):
    # enough input cells for s consecutive interior positions per axis: (i − 1)s − k + 2 >= s
    shape = tuple(
        data.draw(st.integers(-(-(k + s - 2) // s) + 1, -(-(k + s - 2) // s) + 3))
        for k, s in zip(kernel, stride, strict=True)
    )
    counts = overlap_counts(shape, kernel, stride=stride)
    inner = counts[interior_mask(shape, kernel, stride=stride)]
    assert inner.size >= stride[0] * stride[1]
    uniform = bool((inner == inner[0]).all())
    assert uniform == is_even_overlap(kernel, stride=stride)
    if uniform:
        assert inner[0] == (kernel[0] // stride[0]) * (kernel[1] // stride[1])
    else:
        per_axis = [(k // s, -(-k // s)) for k, s in zip(kernel, stride, strict=True)]
        assert inner.min() == per_axis[0][0] * per_axis[1][0]
        assert inner.max() == per_axis[0][1] * per_axis[1][1]


# --- worked examples from the seeds -------------------------------------------------------

# Seed 002, section 3.5: Cᵀy for i = 4, k = 3, s = 1 (y is 2×2), entry by entry.
SEED_002_CT_STRIDE_1 = [
    ["w00y0", "w01y0+w00y1", "w02y0+w01y1", "w02y1"],
    ["w10y0+w00y2", "w11y0+w10y1+w01y2+w00y3", "w12y0+w11y1+w02y2+w01y3", "w12y1+w02y3"],
    ["w20y0+w10y2", "w21y0+w20y1+w11y2+w10y3", "w22y0+w21y1+w12y2+w11y3", "w22y1+w12y3"],
    ["w20y2", "w21y2+w20y3", "w22y2+w21y3", "w22y3"],
]
# Seed 002: Cᵀy for i = 5, k = 3, s = 2 (y is 2×2).
SEED_002_CT_STRIDE_2 = [
    ["w00y0", "w01y0", "w02y0+w00y1", "w01y1", "w02y1"],
    ["w10y0", "w11y0", "w12y0+w10y1", "w11y1", "w12y1"],
    ["w20y0+w00y2", "w21y0+w01y2", "w22y0+w20y1+w02y2+w00y3", "w21y1+w01y3", "w22y1+w02y3"],
    ["w10y2", "w11y2", "w12y2+w10y3", "w11y3", "w12y3"],
    ["w20y2", "w21y2", "w22y2+w20y3", "w21y3", "w22y3"],
]


def _symbolic_ct(size: int, stride: int) -> list[list[set[str]]]:
    """Each entry of Cᵀy as a set of terms ``wᵢⱼyₘ``, read off the symbolic C."""
    taps = conv_matrix_symbolic(size, 3, stride=stride)  # (4, size²)
    plain = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
    return [
        [
            {
                f"{tap_label(taps[m, r * size + c], 3).translate(plain)}y{m}"
                for m in range(taps.shape[0])
                if taps[m, r * size + c] >= 0
            }
            for c in range(size)
        ]
        for r in range(size)
    ]


@pytest.mark.parametrize(
    ("size", "stride", "table"),
    [(4, 1, SEED_002_CT_STRIDE_1), (5, 2, SEED_002_CT_STRIDE_2)],
)
def test_seed_002_transposed_matrix_products(size, stride, table):
    expected = [[set(entry.split("+")) for entry in row] for row in table]
    assert _symbolic_ct(size, stride) == expected


def test_seed_002_stride_1_is_padding_2_with_the_flipped_kernel():
    # w = 1 … 9 and y = 1, 10, 100, 1000: every output digit says which products it holds.
    k = np.arange(1.0, 10.0).reshape(3, 3)
    y = np.array([[1.0, 10.0], [100.0, 1000.0]])
    c = conv_matrix((4, 4), k)
    cty = (c.T @ y.ravel()).reshape(4, 4)
    padded = pad2d(y, 2)  # seed 002's 6×6 input with y in the middle
    flipped = np.rot90(k, 2)
    np.testing.assert_array_equal(cty, conv2d(padded[None], flipped[None, None])[0])
    direct = transposed_direct(y, k)
    assert direct.border == (2, 2)
    np.testing.assert_array_equal(direct.grid, padded)
    np.testing.assert_array_equal(direct.result, cty)
    # entry (1, 1) = w11·y0 + w10·y1 + w01·y2 + w00·y3 = 5 + 40 + 200 + 1000
    assert cty[1, 1] == 1245
    assert cty.tolist() == [
        [1, 12, 23, 30],
        [104, 1245, 2356, 3060],
        [407, 4578, 5689, 6090],
        [700, 7800, 8900, 9000],
    ]


def test_seed_004_upsampling_2x2_to_4x4_all_four_ways():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    k = np.array([[1.0, 0.0], [0.0, 0.0]])
    expected = [[1, 0, 2, 0], [0, 0, 0, 0], [3, 0, 4, 0], [0, 0, 0, 0]]
    assert transpose_1ch(x, k, stride=2).tolist() == expected
    assert transposed_direct(x, k, stride=2).result.tolist() == expected
    assert scatter_stamps(x, k, stride=2).output.tolist() == expected
    c = conv_matrix((4, 4), k, stride=2)
    assert (c.T @ x.ravel()).reshape(4, 4).tolist() == expected


def test_seed_004_a_random_kernel_repeats_itself_instead_of_a_ramp():
    # Seed 004 shows a smooth ramp 0.12, 0.34, … for a random kernel; with k = s = 2 the stamps
    # do not overlap, so every 2×2 block is x[r, c] times the same kernel — no ramp.
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    k = np.random.default_rng(4).standard_normal((2, 2))
    out = transpose_1ch(x, k, stride=2)
    for r in range(2):
        for c in range(2):
            np.testing.assert_allclose(out[2 * r : 2 * r + 2, 2 * c : 2 * c + 2], x[r, c] * k)
    assert not (np.diff(out.ravel()) > 0).all()
    assert overlap_counts(2, 2, stride=2).tolist() == [[1] * 4] * 4


def test_zero_insertion_and_dilation_are_the_same_spreading():
    w = np.arange(1.0, 7.0).reshape(2, 3)
    np.testing.assert_array_equal(dilate_kernel(w, dilation=3).kernel, zero_insert(w, stride=3))


# --- bad inputs: every refusal is a translated ConvValueError naming the values ------------

BAD_CALLS = [
    (lambda: zero_insert(np.ones((2, 2)), stride=0), "stride=0"),
    (lambda: dilate_kernel(np.ones((2, 2)), dilation=(1, 0)), "dilation=0"),
    (lambda: transposed_direct(np.ones((2, 2)), np.ones((2, 2)), stride=2, output_padding=3),
     "output_padding=3"),
    (lambda: transposed_direct(np.ones((1, 1)), np.ones((1, 1)), padding=2), "padding=2"),
    (lambda: scatter_stamps(np.ones((2, 2)), np.ones((2, 2)), padding=-1), "padding=-1"),
    (lambda: scatter_frame(np.ones((2, 2)), np.ones((2, 2)), step=7), "step=7"),
    (lambda: scatter_frames(np.ones((50, 50)), np.ones((2, 2))), "2,000,000"),
    (lambda: cell_stamp(np.ones((2, 2)), np.ones((2, 2)), cell=(0, 5)), "col=5"),
    (lambda: conv_matrix(3, np.ones((4, 4))), "kernel_size=4"),
    (lambda: conv_matrix(3, np.ones((2, 2)), dilation=2.0), "dilation=2.0"),
    (lambda: conv_matrix_symbolic(20, 3), "16,384"),
    (lambda: tap_label(4, 2), "tap=4"),
    (lambda: sliding_trace(np.ones((3, 3)), np.ones((2, 2)), padding=4, padding_mode="circular"),
     "padding 4"),
    (lambda: window_frame(3, 2, step=4), "step=4"),
    (lambda: overlap_counts(2, 3, stride=True), "stride=True"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "named"), BAD_CALLS)
def test_bad_inputs_raise_translated_errors_naming_the_values(call, named):
    with pytest.raises(ConvValueError) as info:
        call()
    error = info.value
    assert named in str(error)
    assert has_key(f"error.{error.code}"), error.code
    english, chinese = translate_error(error, "en"), translate_error(error, "zh")
    assert chinese != english
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
