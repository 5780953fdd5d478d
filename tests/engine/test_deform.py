"""deform_conv2d: the loop reference, the identities the page teaches, worked examples, errors.

torchvision is not a test dependency, so the op is checked against its own loop reference
(an independent bilinear read, written as torchvision's CPU kernel reads) and against
``conv2d`` through the identities: zero offsets give conv2d; a constant whole-pixel offset
gives conv2d of the shifted input; half-pixel offsets give the average of the neighbouring
shifts; a mask of ones changes nothing, and a mask scales each tap.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convviz
from convviz.engine.bilinear import bilinear_corners, bilinear_sample
from convviz.engine.conv import conv2d
from convviz.engine.deform import deform_conv2d
from convviz.engine.deform_reference import bilinear_read, deform_conv2d_reference
from convviz.engine.deform_trace import cell_sampling, sampling_points, single_channel_setup
from convviz.engine.errors import ConvValueError
from convviz.i18n import has_key, translate_error


@st.composite
def deform_settings(draw, *, fractional=True):
    """A valid deformable convolution: arrays, offsets and hyper-parameters.

    Values are small integers; offsets are multiples of 1/4 in [−3, 3] (or whole numbers),
    so every bilinear weight is exact in binary floating point.
    """
    groups = draw(st.integers(1, 2))
    offset_groups = draw(st.integers(1, 2))
    c_in = groups * offset_groups * draw(st.integers(1, 2))
    c_out = groups * draw(st.integers(1, 2))
    n = draw(st.integers(1, 2))
    hyper = {"stride": [], "padding": [], "dilation": []}
    size, kernel = [], []
    for _ in range(2):
        i, p, d = draw(st.integers(1, 6)), draw(st.integers(0, 2)), draw(st.integers(1, 2))
        k = draw(st.integers(1, (i + 2 * p - 1) // d + 1))
        size.append(i)
        kernel.append(k)
        for name, value in zip(hyper, (draw(st.integers(1, 3)), p, d), strict=True):
            hyper[name].append(value)
    hyper = {name: tuple(values) for name, values in hyper.items()}
    out = [
        (i + 2 * p - d * (k - 1) - 1) // s + 1
        for i, k, s, p, d in zip(size, kernel, *hyper.values(), strict=True)
    ]
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    taps = kernel[0] * kernel[1]
    x = rng.integers(-4, 5, size=(n, c_in, *size)).astype(float)
    weight = rng.integers(-3, 4, size=(c_out, c_in // groups, *kernel)).astype(float)
    scale = 4 if fractional else 1
    offset = rng.integers(-3 * scale, 3 * scale + 1, size=(n, 2 * offset_groups * taps, *out))
    mask = rng.integers(0, 5, size=(n, offset_groups * taps, *out)) / 4
    return x, offset / scale, weight, mask, hyper


def shifted(x: np.ndarray, padding: tuple[int, int], dy: int, dx: int) -> np.ndarray:
    """The zero-padded input moved by (dy, dx): ``out[..., u, v] = x[..., u − p + dy, v − p + dx]``
    (0 where that is outside x), of the padded shape."""
    (ph, pw), (h, w) = padding, x.shape[-2:]
    out = np.zeros((*x.shape[:-2], h + 2 * ph, w + 2 * pw))
    for u in range(out.shape[-2]):
        for v in range(out.shape[-1]):
            r, c = u - ph + dy, v - pw + dx
            if 0 <= r < h and 0 <= c < w:
                out[..., u, v] = x[..., r, c]
    return out


def constant_offset(offset_shape: tuple[int, ...], dy: float, dx: float) -> np.ndarray:
    offset = np.zeros(offset_shape)
    offset[:, 0::2] = dy
    offset[:, 1::2] = dx
    return offset


@settings(max_examples=60, deadline=None)
@given(deform_settings())
def test_vectorised_op_matches_the_loop_reference(setting):
    x, offset, weight, mask, hyper = setting
    bias = np.arange(weight.shape[0], dtype=float)
    for m in (None, mask):
        got = deform_conv2d(x, offset, weight, bias, mask=m, **hyper)
        want = deform_conv2d_reference(x, offset, weight, bias, mask=m, **hyper)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(deform_settings())
def test_zero_offsets_give_conv2d(setting):
    x, offset, weight, _, hyper = setting
    groups = x.shape[1] // weight.shape[1]
    got = deform_conv2d(x, np.zeros_like(offset), weight, **hyper)
    np.testing.assert_array_equal(got, conv2d(x, weight, groups=groups, **hyper))


@settings(max_examples=40, deadline=None)
@given(deform_settings(), st.integers(-3, 3), st.integers(-3, 3))
def test_whole_pixel_offsets_give_the_convolution_of_the_shifted_input(setting, dy, dx):
    x, offset, weight, _, hyper = setting
    groups = x.shape[1] // weight.shape[1]
    got = deform_conv2d(x, constant_offset(offset.shape, dy, dx), weight, **hyper)
    moved = shifted(x, hyper["padding"], dy, dx)
    want = conv2d(moved, weight, groups=groups, stride=hyper["stride"], dilation=hyper["dilation"])
    np.testing.assert_array_equal(got, want)


@settings(max_examples=40, deadline=None)
@given(deform_settings(), st.integers(-2, 2), st.integers(-2, 2), st.booleans(), st.booleans())
def test_half_pixel_offsets_average_the_neighbouring_shifts(setting, dy, dx, half_y, half_x):
    x, offset, weight, _, hyper = setting
    groups = x.shape[1] // weight.shape[1]
    fy, fx = 0.5 * half_y, 0.5 * half_x
    got = deform_conv2d(x, constant_offset(offset.shape, dy + fy, dx + fx), weight, **hyper)
    neighbours = [
        (
            wy * wx,
            conv2d(
                shifted(x, hyper["padding"], dy + ry, dx + rx),
                weight,
                groups=groups,
                stride=hyper["stride"],
                dilation=hyper["dilation"],
            ),
        )
        for ry, wy in ((0, 1 - fy), (1, fy))
        for rx, wx in ((0, 1 - fx), (1, fx))
        if wy * wx
    ]
    np.testing.assert_allclose(got, sum(w * y for w, y in neighbours), rtol=0, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(deform_settings())
def test_a_mask_of_ones_is_no_mask_and_a_mask_scales_each_tap(setting):
    x, offset, weight, mask, hyper = setting
    plain = deform_conv2d(x, offset, weight, **hyper)
    np.testing.assert_array_equal(
        deform_conv2d(x, offset, weight, mask=np.ones_like(mask), **hyper), plain
    )
    np.testing.assert_allclose(
        deform_conv2d(x, offset, weight, mask=mask * 3, **hyper),
        3 * deform_conv2d(x, offset, weight, mask=mask, **hyper),
        atol=1e-12,
    )
    np.testing.assert_array_equal(
        deform_conv2d(x, offset, weight, mask=np.zeros_like(mask), **hyper), np.zeros_like(plain)
    )


@settings(max_examples=30, deadline=None)
@given(deform_settings())
def test_unbatched_input_gives_the_first_image(setting):
    x, offset, weight, mask, hyper = setting
    batched = deform_conv2d(x, offset, weight, mask=mask, **hyper)
    alone = deform_conv2d(x[0], offset[0], weight, mask=mask[0], **hyper)
    np.testing.assert_array_equal(alone, batched[0])


@given(
    st.integers(1, 5),
    st.integers(1, 5),
    st.lists(st.tuples(st.integers(-28, 28), st.integers(-28, 28)), min_size=1, max_size=12),
)
def test_bilinear_sample_matches_the_loop_read(h, w, quarters):
    image = np.arange(1.0, h * w + 1).reshape(h, w)
    ys = np.array([q[0] / 4 for q in quarters])
    xs = np.array([q[1] / 4 for q in quarters])
    got = bilinear_sample(image, ys, xs)
    want = [bilinear_read(image, y, x) for y, x in zip(ys, xs, strict=True)]
    np.testing.assert_array_equal(got, want)
    corners = bilinear_corners(h, w, ys, xs)
    read = (ys > -1) & (ys < h) & (xs > -1) & (xs < w)
    np.testing.assert_array_equal(corners.weights.sum(axis=1), read.astype(float))


def test_bilinear_reads_of_a_worked_example():
    # x[r, c] = 3r + c + 1 is linear, so inside the image a read is 3y + x + 1.
    image = np.arange(1.0, 10.0).reshape(3, 3)
    assert bilinear_read(image, 0.5, 0.25) == 2.75  # 0.375·1 + 0.125·2 + 0.375·4 + 0.125·5
    assert bilinear_read(image, 1.0, 2.0) == 6.0  # a whole-pixel point reads the pixel
    assert bilinear_read(image, -0.5, 0.0) == 0.5  # half of x[0, 0]: the row above reads 0
    assert bilinear_read(image, -1.0, 1.0) == 0.0  # row ≤ −1 reads 0
    assert bilinear_read(image, 2.0, 2.5) == 4.5  # half of x[2, 2]
    assert bilinear_read(image, 3.0, 0.0) == 0.0  # row ≥ H reads 0
    assert bilinear_read(image, 1.0, -0.999) == pytest.approx(0.001 * 4)
    np.testing.assert_array_equal(
        bilinear_sample(image, np.array([0.5, -0.5, -1.0, 2.0]), np.array([0.25, 0, 0, 2.5])),
        [2.75, 0.5, 0.0, 4.5],
    )


def test_deform_conv2d_worked_example_with_mask_and_bias():
    x = np.arange(1.0, 17.0).reshape(1, 4, 4)  # x[r, c] = 4r + c + 1
    weight = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])  # (1, 1, 2, 2)
    offset = np.zeros((8, 1, 1))  # one output cell at stride 3: (0, 0)
    offset[0:2, 0, 0] = (0.5, 0.5)  # tap (0, 0) reads (0.5, 0.5): (1 + 2 + 5 + 6) / 4 = 3.5
    offset[2:4, 0, 0] = (0.0, 2.0)  # tap (0, 1) reads (0, 3) = 4
    offset[4:6, 0, 0] = (-2.0, 0.0)  # tap (1, 0) reads (−1, 0): outside, 0
    offset[6:8, 0, 0] = (2.0, -0.5)  # tap (1, 1) reads (3, 0.5) = (13 + 14) / 2 = 13.5
    mask = np.array([1.0, 0.5, 1.0, 2.0]).reshape(4, 1, 1)
    out = deform_conv2d(x, offset, weight, [10.0], stride=3, mask=mask)
    # 10 + 1·1·3.5 + 2·0.5·4 + 3·1·0 + 4·2·13.5 = 125.5
    assert out.shape == (1, 1, 1)
    assert out[0, 0, 0] == 125.5
    sampling = cell_sampling(x[0], offset, weight[0, 0], cell=(0, 0), stride=3, mask=mask)
    assert sampling.points.tolist() == [[0.5, 0.5], [0.0, 3.0], [-1.0, 0.0], [3.0, 0.5]]
    assert sampling.values.tolist() == [3.5, 4.0, 0.0, 13.5]
    assert sampling.products.tolist() == [3.5, 4.0, 0.0, 108.0]
    assert sampling.total == 115.5  # without the bias
    assert sampling.corner_values[0].tolist() == [1.0, 2.0, 5.0, 6.0]
    assert sampling.corner_weights[0].tolist() == [0.25] * 4
    assert sampling.corner_inside[3].tolist() == [True, True, False, False]


@settings(max_examples=30, deadline=None)
@given(deform_settings(), st.data())
def test_cell_sampling_adds_up_to_the_output_cell(setting, data):
    x, offset, weight, mask, hyper = setting
    taps = weight.shape[2] * weight.shape[3]
    x1, w1 = x[0, 0], weight[0, 0]
    off1, m1 = offset[0, : 2 * taps], mask[0, :taps]
    out = deform_conv2d(x1[None], off1, w1[None, None], mask=m1, **hyper)[0]
    cell = (
        data.draw(st.integers(0, out.shape[0] - 1)),
        data.draw(st.integers(0, out.shape[1] - 1)),
    )
    sampling = cell_sampling(x1, off1, w1, cell=cell, mask=m1, **hyper)
    assert sampling.total == pytest.approx(out[cell], abs=1e-12)
    for t, (y, xx) in enumerate(sampling.points):
        assert sampling.values[t] == bilinear_read(x1, y, xx)
    points = sampling_points(single_channel_setup(x1, off1, w1, mask=m1, **hyper))
    np.testing.assert_array_equal(points[:, cell[0], cell[1]], sampling.points)


def test_public_api_exports_deform_conv2d():
    assert convviz.deform_conv2d is deform_conv2d
    assert "deform_conv2d" in convviz.__all__


def _error(call) -> ConvValueError:
    with pytest.raises(ValueError) as info:
        call()
    assert isinstance(info.value, ConvValueError)
    assert has_key(f"error.{info.value.code}")
    for lang in ("en", "zh"):
        assert translate_error(info.value, lang) != str(info.value) or lang == "en"
    return info.value


def test_bad_shapes_raise_value_errors_naming_them():
    x = np.zeros((1, 4, 5, 5))
    w = np.zeros((2, 4, 3, 3))
    good = np.zeros((1, 18, 3, 3))
    err = _error(lambda: deform_conv2d(x, np.zeros((1, 18, 4, 4)), w))
    assert err.code == "deform_offset_shape"
    assert "(1, 18, 4, 4)" in str(err) and "(1, 18, 3, 3)" in str(err)
    err = _error(lambda: deform_conv2d(x, np.zeros((1, 17, 3, 3)), w))
    assert err.code == "deform_offset_channels"
    assert "(1, 17, 3, 3)" in str(err) and "2·3·3 = 18" in str(err)
    err = _error(lambda: deform_conv2d(x, np.zeros((1, 54, 3, 3)), w))  # G = 3 does not divide 4
    assert err.code == "deform_offset_groups"
    assert "3 offset groups" in str(err)
    err = _error(lambda: deform_conv2d(x, good, w, mask=np.zeros((1, 18, 3, 3))))
    assert err.code == "deform_mask_shape"
    assert "(1, 18, 3, 3)" in str(err) and "(1, 9, 3, 3)" in str(err)
    err = _error(lambda: deform_conv2d(x, good, np.zeros((2, 3, 3, 3))))
    assert err.code == "deform_weight_shape"
    assert "(2, 3, 3, 3)" in str(err)
    err = _error(lambda: deform_conv2d(x, good[0], w))  # offset without the batch axis
    assert err.code == "bad_ndim"
    err = _error(lambda: deform_conv2d(x, good, w, stride=0))
    assert err.code == "not_positive"
    err = _error(lambda: deform_conv2d(np.zeros((1, 4, 2, 2)), good, w))
    assert err.code == "kernel_too_large"
    err = _error(lambda: deform_conv2d(x, good, w, bias=[1.0]))
    assert err.code == "bias_shape"
    err = _error(lambda: cell_sampling(np.zeros((5, 5)), good[0], np.zeros((3, 3)), cell=(3, 0)))
    assert err.code == "cell_out_of_range"
    for call in (
        lambda: deform_conv2d_reference(x, np.zeros((1, 18, 4, 4)), w),
        lambda: deform_conv2d_reference(x, good, w, mask=np.zeros((1, 18, 3, 3))),
    ):
        _error(call)


def test_dtype_follows_input_and_weight():
    x = np.ones((1, 1, 3, 3), dtype=np.float32)
    out = deform_conv2d(x, np.full((1, 2, 3, 3), 0.5), np.ones((1, 1, 1, 1), dtype=np.float32))
    assert out.dtype == np.float32
    # each point (r + 0.5, c + 0.5): the last row and column read half or a quarter
    np.testing.assert_array_equal(out[0, 0], [[1, 1, 0.5], [1, 1, 0.5], [0.5, 0.5, 0.25]])
